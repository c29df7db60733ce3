"""Finding quotes in their sources as a reader would: typographic quotes and runs of whitespace do not count."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

__all__ = ["SourceText", "VerbatimText", "normal"]

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
    occurs, and a quote of one or two whole words where the rarer of them occurs; a shorter quote that starts or
    ends inside a word, or a longer one whose every inner word is common, costs one scan.
    """

    def __init__(self, text: str) -> None:
        # Typographic marks map to one character each, so offsets in the translated text are offsets in the text.
        self._translated = text.translate(_TYPOGRAPHIC)
        self._tokens = self._translated.split()
        #: The normalised text.
        self.text = " ".join(self._tokens)
        # Built on first need: where each word starts in the normalised text, the words' index, and where each word
        # starts in the original text (only placing a quote needs that).
        self._starts: list[int] | None = None
        self._words: dict[str, list[int]] | None = None
        self._original: list[int] | None = None

    def _word_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = list(itertools.accumulate((len(token) + 1 for token in self._tokens[:-1]), initial=0))
            if not self._tokens:
                self._starts = []
        return self._starts

    def _offsets(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            for token, start in zip(self._tokens, self._word_starts(), strict=True):
                self._words.setdefault(token, []).append(start)
        return self._words

    def _at(self, quote: str) -> int:
        """Where the normalised ``quote`` starts in the normalised text; -1 where it does not occur."""
        tokens = quote.split(" ")
        words = self._offsets()
        if len(tokens) < 3:
            # A quote of one or two words is first looked for where its words stand whole, through the index: most
            # quotes are found there, so many short quotes of a long source stay cheap. One that is not (it starts
            # or ends inside a word, or is not there at all) costs a scan.
            if all(token in words for token in tokens):
                whole: list[tuple[int, Sequence[int]]] = [(0, words[tokens[0]])]
                if len(tokens) == 2:
                    whole.append((len(tokens[0]) + 1, words[tokens[1]]))
                shift, hits = min(whole, key=lambda pair: len(pair[1]))
                for hit in hits:
                    if hit >= shift and self.text.startswith(quote, hit - shift):
                        return hit - shift
            return self.text.find(quote)
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
        if self._original is None:
            self._original = [word.start() for word in _WORD.finditer(self._translated)]
        starts = self._word_starts()
        word = bisect.bisect_right(starts, offset) - 1
        return self._original[word] + offset - starts[word]

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


class VerbatimText:
    """A text indexed by its words, to tell whether many snippets occur in it exactly as written, each without a
    scan of the whole text: a snippet of three or more words is looked for only where its rarest inner word occurs
    (an inner word of a verbatim occurrence is a whole word of the text); a shorter one costs one scan.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: dict[str, list[int]] | None = None

    def _offsets(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            for word in _WORD.finditer(self.text):
                self._words.setdefault(word.group(), []).append(word.start())
        return self._words

    def __contains__(self, snippet: str) -> bool:
        words = list(_WORD.finditer(snippet))
        if len(words) < 3:
            return snippet in self.text
        index = self._offsets()
        shift, hits = min(
            ((word.start(), index.get(word.group(), ())) for word in words[1:-1]), key=lambda pair: len(pair[1])
        )
        if len(hits) * len(snippet) > len(self.text):
            return snippet in self.text
        return any(hit >= shift and self.text.startswith(snippet, hit - shift) for hit in hits)
