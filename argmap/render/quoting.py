"""DOT quoting: the one way text reaches DOT source, wrapped, escaped and quoted as the graphviz package quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..boxes import whole_characters

__all__ = ["LABEL_BUDGET", "assignments", "attribute_list", "escape", "label", "quote", "wrap"]

#: The most bytes of an escaped label: dot 2.43 rejects a quoted string of more than 16,381 bytes (measured), and a
#: label is cut well before that.
LABEL_BUDGET = 16_000
_ELLIPSIS = "…"
# DOT's line break (centred), inserted between the escaped lines of a label.
_BREAK = "\\n"


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (0: no limit), broken between words; longer words are cut, never inside
    a user-perceived character (an accented letter, an emoji sequence), which may make a line of one such longer.

    Line breaks in the text are kept, other runs of whitespace become one space, blank lines go.
    """
    lines: list[str] = []
    for paragraph in text.splitlines():
        joined = " ".join(paragraph.split())
        if not joined:
            continue
        # Each line is the longest run of whole words that fits, found by the last space within reach, and sliced
        # off by position, so that a long paragraph is not copied once per line.
        start = 0
        while width and len(joined) - start > width:
            space = joined.rfind(" ", start, start + width + 1)
            if space < 0:  # a word longer than a line: cut, between whole characters
                end = whole_characters(joined, start, start + width)
                lines.append(joined[start:end])
                start = end
            else:
                lines.append(joined[start:space])
                start = space + 1
        if start < len(joined):  # (a character longer than a line may have ended the paragraph)
            lines.append(joined[start:])
    return lines


def escape(text: str) -> str:
    """``text`` with what DOT (and dot's entity decoding of plain labels) would otherwise interpret escaped:
    backslash escapes such as ``\\N`` and ``\\l``, the closing quote, and HTML entities such as ``&lt;``, which dot
    decodes even outside HTML labels. A line break ``\\n`` becomes DOT's.
    """
    # Backslashes first, so that those the later replacements write stay single.
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;").replace("\n", _BREAK)


def label(texts: Iterable[str], width: int) -> str:
    """The one way user text reaches DOT: wrapped, escaped, joined with DOT line breaks, never read as HTML.

    A label too long for ``dot`` is cut, ending in an ellipsis.
    """
    # Wrapped at once: joining the texts by line breaks wraps each of them as it would be wrapped alone.
    lines = wrap("\n".join(texts), width)
    # Wrapped lines hold no "\n": escaping them joined by it inserts DOT's line breaks.
    whole = escape("\n".join(lines))
    # Room is kept for a line break and an ellipsis after the last line that fits whole.
    limit = LABEL_BUDGET - len(_BREAK) - len(_ELLIPSIS.encode())
    if len(whole.encode()) <= limit:
        return whole
    parts: list[str] = []
    size = 0
    for line in lines:
        escaped = escape(line)
        cost = len(escaped.encode()) + (len(_BREAK) if parts else 0)
        if size + cost > limit:
            parts.append(_cut(line, limit - size - (len(_BREAK) if parts else 0)) + _ELLIPSIS)
            break
        parts.append(escaped)
        size += cost
    return _BREAK.join(parts)


def _cut(line: str, budget: int) -> str:
    """The escaped start of ``line`` that fits in ``budget`` bytes."""
    escaped: list[str] = []
    for char in line:
        piece = escape(char)
        budget -= len(piece.encode())
        if budget < 0:
            break
        escaped.append(piece)
    return "".join(escaped)


# A DOT ID that needs no quotes: a name or a number, as the graphviz package tells them (and quotes the rest).
_PLAIN_ID = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def quote(value: str) -> str:
    """``value`` as a DOT ID, quoted as the graphviz package quotes it.

    Values are generated names, fixed words, validated theme values or labels from :func:`label`, which escaped
    the user text in them, so quoting adds nothing but the quotes.
    """
    if _PLAIN_ID.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    return f'"{value}"'


def attribute_list(text: str | None, pairs: str) -> str:
    """`` [label=... key=value ...]`` as the graphviz package writes a node's or an edge's: ``text`` is the label
    (from :func:`label`), ``pairs`` the rest (from :func:`assignments`); nothing for no label and no pairs.
    """
    if text is None:
        return f" [{pairs}]" if pairs else ""
    return f" [label={quote(text)} {pairs}]" if pairs else f" [label={quote(text)}]"


def assignments(attributes: Mapping[str, str]) -> str:
    """``key=value ...``, keys sorted."""
    return " ".join(f"{key}={quote(value)}" for key, value in sorted(attributes.items()))
