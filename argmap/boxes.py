"""How much text one box of a diagram shows, and where a longer text is cut to fit: at a word, with an ellipsis."""

from __future__ import annotations

import unicodedata

from .model import MAX_NAME_LENGTH, Argument, Statement, box_size

__all__ = ["BOX_LENGTH", "ELLIPSIS", "cut", "is_cut", "shown_text", "shown_title", "text_room", "whole_characters"]

#: The most characters one box of a diagram shows: an element's id, text and tags together (each counting two
#: characters of framing, see :func:`~argmap.model.box_size`), or a title. ``dot`` rejects a quoted string over
#: 16,381 bytes, escaping can make one character five bytes (``&`` is written ``&amp;``), and a box of thousands of
#: lines makes ``dot`` slow and the diagram unreadable: a longer text is shown cut, and whole in the node's tooltip.
BOX_LENGTH = 3000

#: What ends a text that is shown cut.
ELLIPSIS = "\u2026"

# The least room any box leaves its text, as the model limits an element's id and tags together: a shorter text is
# never cut, which spares working out the room of nearly every element of a large map.
_LEAST_ROOM = BOX_LENGTH - MAX_NAME_LENGTH - 2

# Characters that attach to the one before them (Unicode's grapheme rules, UAX 29): zero-width joiner and
# non-joiner, emoji modifiers, tag characters, half-width sound marks; combining marks are found by category.
_ZWJ = "\u200d"
_ATTACHING = frozenset({0x200C, 0x200D, 0xFF9E, 0xFF9F})
_ATTACHING_RANGES = ((0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F))
# Characters that attach to the one after them: "prepend" characters, such as the Arabic number sign.
_PREPEND = frozenset(
    {0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0xD4E, 0x110BD, 0x110CD, 0x111C2, 0x111C3, 0x1193F, 0x11941, 0x11A3A, 0x11D46}
    | set(range(0x600, 0x606))
    | set(range(0x11A84, 0x11A8A))
    | {0x11F02}
)
_MARKS = frozenset({"Mn", "Mc", "Me"})
_REGIONAL = (0x1F1E6, 0x1F1FF)


def _hangul(code: int) -> bool:
    return 0x1100 <= code <= 0x11FF or 0xA960 <= code <= 0xA97F or 0xAC00 <= code <= 0xD7A3 or 0xD7B0 <= code <= 0xD7FF


def _joined(text: str, n: int) -> bool:
    """Whether ``text[n - 1]`` and ``text[n]`` belong to one user-perceived character (a grapheme cluster), so that
    cutting between them would tear it: a combining mark or an emoji modifier after its base, either side of a
    zero-width joiner, after a virama (Indic conjuncts), after a prepend character, CR LF, conjoining Hangul jamo,
    and the second regional indicator of a flag. It errs towards "joined", which only moves a cut earlier.
    """
    before, after = text[n - 1], text[n]
    b, a = ord(before), ord(after)
    if (before == "\r" and after == "\n") or before == _ZWJ or b in _PREPEND or a in _ATTACHING:
        return True
    if unicodedata.category(after) in _MARKS or unicodedata.combining(before) == 9:
        return True
    if any(low <= a <= high for low, high in _ATTACHING_RANGES):
        return True
    if (0x1100 <= b <= 0x115F or 0xA960 <= b <= 0xA97F) and _hangul(a):  # a leading jamo joins what follows
        return True
    if 0x1160 <= a <= 0x11FF or 0xD7B0 <= a <= 0xD7FF:  # vowel and trailing jamo join what precedes
        return True
    low, high = _REGIONAL
    if low <= a <= high and low <= b <= high:
        # Flags are pairs: the cut may fall after an even number of regional indicators in a row.
        start = n - 1
        while start > 0 and low <= ord(text[start - 1]) <= high:
            start -= 1
        return (n - start) % 2 == 1
    return False


def whole_characters(text: str, start: int, end: int) -> int:
    """Where to cut ``text`` at or before ``end`` (after ``start``) without tearing a user-perceived character (see
    :func:`cut`); where a single one runs from ``start`` past ``end``, the end of that one instead, so that a cut
    always moves forward.
    """
    n = end
    while n > start and _joined(text, n):
        n -= 1
    if n > start:
        return n
    n = end
    while n < len(text) and _joined(text, n):
        n += 1
    return n


def cut(text: str, length: int) -> str:
    """``text`` if it has at most ``length`` characters; otherwise the longest start of it that ends at a word and
    fits with :data:`ELLIPSIS` after it, then the ellipsis.

    The cut falls after the last whole word that fits, unless that would drop more than half of what fits (a very
    long word, or text without spaces, such as Chinese), when it falls inside the word instead. Either way it never
    tears a user-perceived character: a letter and its combining accents, an emoji sequence or a flag stay whole
    or go whole. Whitespace before the cut goes. The same text and length always give the same result. A length
    under one still leaves the ellipsis.
    """
    if len(text) <= length:
        return text
    end = max(length - len(ELLIPSIS), 0)
    # The cut falls before the last whitespace that fits, if that keeps at least half; else at the end of the room.
    space = next((n for n in range(end, end // 2 - 1, -1) if text[n].isspace()), end) if end else 0
    n = space
    while n > 0 and (text[n - 1].isspace() or _joined(text, n)):
        n -= 1
    return text[:n] + ELLIPSIS


def text_room(element: Statement | Argument) -> int:
    """How many characters of ``element``'s text its box shows: :data:`BOX_LENGTH` less its id and tags.

    The id and tags count whether or not a drawing shows them, so that whether a text is cut is a property of the
    element, which :func:`argmap.check` can report, and not of a drawing's options.
    """
    return BOX_LENGTH - box_size([element.id, *element.tags, ""])


def shown_text(element: Statement | Argument) -> str:
    """``element``'s text as its box in a diagram shows it: whole, or :func:`cut` to its :func:`text_room`."""
    text = element.text
    return text if len(text) <= _LEAST_ROOM else cut(text, text_room(element))


def is_cut(element: Statement | Argument) -> bool:
    """Whether diagrams show ``element``'s text cut."""
    return len(element.text) > _LEAST_ROOM and len(element.text) > text_room(element)


def shown_title(title: str) -> str:
    """A title (of a map, of a section) as a diagram shows it: whole, or :func:`cut` to :data:`BOX_LENGTH`."""
    return cut(title, BOX_LENGTH)
