"""What Argdown's reader and writer share: JavaScript's whitespace and line terminators, and the reserved data keys."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["LINE_TERMINATOR", "LINE_TERMINATORS", "RESERVED_KEYS", "SPACES"]

#: JavaScript's whitespace (its ``\s`` and ``trim``), which the reference's patterns use; Python's differs (it has
#: ``\x1c``-``\x1f`` and ``\x85``, not ``\ufeff``).
SPACES: Final = (
    "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)

#: JavaScript's line terminators: its ``.`` matches anything but these, so no title or link text holds one.
LINE_TERMINATORS: Final = "\n\r\u2028\u2029"

#: Any one of :data:`LINE_TERMINATORS`: what ends a title, and whitespace that no escape keeps at either end of a text.
LINE_TERMINATOR: Final = re.compile(f"[{LINE_TERMINATORS}]")

#: YAML data keys that become fields of the model instead of ``data`` or ``metadata``, by where they stand: they
#: are how sources, quotes, schemes, section ids and an inference's premises survive a round trip through Argdown.
RESERVED_KEYS: Final = {
    "frontmatter": ("title", "sources"),
    "statement": ("quotes",),
    "argument": ("scheme",),
    "heading": ("id",),
    "inference": ("uses", "from"),
}
