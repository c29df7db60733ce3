"""Where each key of an Argdown document's frontmatter stands, so that a problem with a setting points at its line."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["key_offsets"]

# A line of YAML's block style that starts a key: its indentation and the key, plain or quoted. Flow mappings
# ("{a: 1}") and list items start no key of their own; a line of a block scalar that looks like a key is taken for
# one, which is harmless: no setting has such a path. A plain key ends in a character that is not a space, so that
# a long line without a colon is read in linear time.
_KEY: Final = re.compile(
    r"( *)(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s#:'\"{}\[\],&*!|>%@`?-](?:[^\n:#]*[^\s:#])?)) *:(?= |$)"
)
_CLOSING: Final = re.compile(r"\s*={3,}\s*$")


def key_offsets(text: str, start: int) -> dict[str, int]:
    """The offset in ``text`` of each key of the frontmatter whose opening ``===`` is at ``start``, by its dotted
    path (``"dot.graphVizSettings"``), the first where a key is repeated. Keys of flow mappings are not found:
    their paths are the place of the nearest key above them that is.
    """
    found: dict[str, int] = {}
    stack: list[tuple[int, str]] = []
    offset = text.find("\n", start) + 1
    while 0 < offset < len(text):
        end = text.find("\n", offset)
        line = text[offset : end if end >= 0 else len(text)]
        if _CLOSING.match(line):
            break
        key = _KEY.match(line)
        if key is not None:
            indent = len(key.group(1))
            name = next(part for part in key.groups()[1:] if part is not None).strip()
            while stack and stack[-1][0] >= indent:
                stack.pop()
            stack.append((indent, name))
            found.setdefault(".".join(name for _, name in stack), offset + indent)
        if end < 0:
            break
        offset = end + 1
    return found
