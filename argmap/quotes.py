"""Finding quotes in their sources as a reader would: typographic quotes and runs of whitespace do not count."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

__all__ = ["SourceText", "normal"]

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_WORD = re.compile(r"\S+")


def normal(text: str) -> str:
    """``text`` as quotes are compared: typographic quotation marks made plain, whitespace runs made one space,
    no whitespace at either end.
    """
    return " ".join(text.translate(_TYPOGRAPHIC).split())


class SourceText:
    """A source's text, normalised once (see :func:`normal`), with the offsets of its words, so that a quote is
    found without scanning the whole source for each one, and is placed in the original text.

    A quote of three or more words is looked for only where its rarest inner word (a whole word of the source)
    occurs; a shorter quote, or one whose every inner word is common, costs one scan.
    """

    def __init__(self, text: str) -> None:
        words = list(_WORD.finditer(text.translate(_TYPOGRAPHIC)))
        #: The normalised text.
        self.text = " ".join(word.group() for word in words)
        # Where each word starts, in the normalised text and in the original one.
        self._starts: list[int] = []
        self._original: list[int] = [word.start() for word in words]
        offset = 0
        for word in words:
            self._starts.append(offset)
            offset += len(word.group()) + 1
        self._words: dict[str, list[int]] | None = None

    def _offsets(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            for start, end in zip(self._starts, [*self._starts[1:], len(self.text) + 1], strict=True):
                self._words.setdefault(self.text[start : end - 1], []).append(start)
        return self._words

    def _at(self, quote: str) -> int:
        """Where the normalised ``quote`` starts in the normalised text; -1 where it does not occur."""
        tokens = quote.split(" ")
        if len(tokens) < 3:
            return self.text.find(quote)
        words = self._offsets()
        inner: list[tuple[int, Sequence[int]]] = []
        offset = len(tokens[0]) + 1
        for token in tokens[1:-1]:
            inner.append((offset, words.get(token, ())))
            offset += len(token) + 1
        shift, hits = min(inner, key=lambda pair: len(pair[1]))  # a word the source lacks has no hits at all
        if len(hits) * len(quote) > len(self.text):
            return self.text.find(quote)
        return next((hit - shift for hit in hits if hit >= shift and self.text.startswith(quote, hit - shift)), -1)

    def __contains__(self, quote: str) -> bool:
        """Whether the normalised ``quote`` occurs in the text."""
        return self._at(quote) >= 0

    def _original_offset(self, offset: int) -> int:
        """The offset in the original text of a character of the normalised one (a space maps to the end of the
        word before it).
        """
        word = bisect.bisect_right(self._starts, offset) - 1
        return self._original[word] + offset - self._starts[word]

    def find(self, quote: str) -> tuple[int, int] | None:
        """Where ``quote`` (any text; it is normalised here) first occurs in the original text, as ``(start,
        end)``; ``None`` where it does not occur, or is empty.
        """
        wanted = normal(quote)
        if not wanted:
            return None
        start = self._at(wanted)
        if start < 0:
            return None
        return self._original_offset(start), self._original_offset(start + len(wanted) - 1) + 1
