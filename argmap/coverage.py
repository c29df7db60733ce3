"""How much of each source a map accounts for: the sentences its quotes cover, those they miss, and the overlaps."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from .model import ArgumentMap, Source
from .quotes import SourceText

__all__ = [
    "BACKGROUND",
    "Background",
    "PlacedQuote",
    "Sentence",
    "SourceCoverage",
    "background",
    "coverage",
    "sentences",
]

#: The key of ``ArgumentMap.metadata`` that lists the sentences a map leaves out on purpose: a list of objects
#: ``{"source": ID, "text": EXCERPT, "reason": WORD}``, each excerpt a part of the sentence it marks (news,
#: scene-setting, a heading...). Coverage counts such sentences as accounted for.
BACKGROUND = "background"

# A sentence ends at . ! or ? (with any closing quotes or brackets), before whitespace and a capital, a digit or an
# opening quote, or, in text extracted without its spaces ("forbids.First,"), between a word and a capitalised
# one; a blank line ends a paragraph and every sentence in it.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])"
    r"|(?<=[a-z0-9]{2})[.!?][\"'\u201d\u2019)\]]*(?=[\"'\u201c\u2018(\[]?[A-Z][a-z])"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Words that a full stop follows without ending the sentence: titles before a name, and the short forms of
# citations, dates and references. "etc.", "Inc." and the like are left out: they end sentences as often as not.
_ABBREVIATIONS = frozenset(
    {
        "Mr",
        "Mrs",
        "Ms",
        "Mx",
        "Dr",
        "Prof",
        "Sr",
        "Jr",
        "St",
        "Mt",
        "Ft",
        "Gen",
        "Gov",
        "Sen",
        "Rep",
        "Rev",
        "Hon",
        "Pres",
        "Lt",
        "Col",
        "Capt",
        "Cmdr",
        "Sgt",
        "Maj",
        "Adm",
        "Supt",
        "Insp",
        "vs",
        "v",
        "cf",
        "p",
        "pp",
        "ch",
        "Fig",
        "fig",
        "Vol",
        "vol",
        "No",
        "no",
        "Nos",
        "Art",
        "Sec",
        "Jan",
        "Feb",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "approx",
        "ca",
        "e.g",
        "i.e",
        "viz",
        "al",
    }
)
# A word that is an initial ("J. Smith"; not "I", which ends sentences) or letters with stops between them
# ("U.S. officials", "a.m."): at the cost of the rarer sentence that ends with one ("Plan B.").
_INITIALS = re.compile(r"[A-HJ-Z]|(?:[A-Za-z]\.)+[A-Za-z]")
# What may open a word before its text: an opening quote or bracket.
_OPENERS = "\"'\u201c\u2018(["


@attrs.frozen(kw_only=True)
class Background:
    """A sentence of a source that a map leaves out on purpose, found by an excerpt of it, with the reason."""

    source: str
    text: str
    reason: str


@attrs.frozen(kw_only=True)
class Sentence:
    """One sentence of a source: where it is (offsets, and line and column from 1), its text, the statements
    whose quotes touch it, and the reason when the map marks it as background.
    """

    start: int
    end: int
    line: int
    column: int
    text: str
    quoted_by: tuple[str, ...] = ()
    background: str | None = None

    @property
    def covered(self) -> bool:
        """Whether a quote touches it."""
        return bool(self.quoted_by)


@attrs.frozen(kw_only=True)
class PlacedQuote:
    """A statement's quote where it was found in its source."""

    statement: str
    text: str
    start: int
    end: int
    line: int
    column: int


@attrs.frozen(kw_only=True)
class SourceCoverage:
    """How much of one source the map's quotes cover."""

    source: str
    title: str
    sentences: tuple[Sentence, ...]
    #: Every quote found in the source, in source order.
    quotes: tuple[PlacedQuote, ...]
    #: Quotes not found in the source: statement id and quote text (the check quote-not-found reports them too).
    missing: tuple[tuple[str, str], ...]
    #: The source's characters other than whitespace, and how many of them quotes cover.
    characters: int
    covered_characters: int

    @property
    def overlaps(self) -> tuple[tuple[str, str], ...]:
        """Pairs of statements whose quotes share some text, each pair once, in source order."""
        # Worked out when asked, not when the coverage is: k statements quoting one passage make k * k pairs, a
        # price for the report that lists them, never for check(), which promises to stay linear.
        return tuple(_overlaps(self.quotes))

    @property
    def uncovered(self) -> tuple[Sentence, ...]:
        """The sentences that no quote touches and that the map does not mark as background."""
        return tuple(s for s in self.sentences if not s.covered and s.background is None)

    @property
    def sentence_share(self) -> float:
        """The share of sentences that quotes touch (1.0 for a source without sentences)."""
        return sum(s.covered for s in self.sentences) / len(self.sentences) if self.sentences else 1.0

    @property
    def character_share(self) -> float:
        """The share of characters (other than whitespace) that quotes cover."""
        return self.covered_characters / self.characters if self.characters else 1.0

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict of everything above."""
        return {
            "source": self.source,
            "title": self.title,
            "sentences": len(self.sentences),
            "sentence_share": round(self.sentence_share, 4),
            "characters": self.characters,
            "covered_characters": self.covered_characters,
            "character_share": round(self.character_share, 4),
            "uncovered": [_sentence_json(s) for s in self.uncovered],
            "background": [{**_sentence_json(s), "reason": s.background} for s in self.sentences if s.background],
            "overlaps": [list(pair) for pair in self.overlaps],
            "missing": [{"statement": id, "text": text} for id, text in self.missing],
            "quotes": [
                {"statement": q.statement, "text": q.text, "line": q.line, "column": q.column} for q in self.quotes
            ],
        }


def _sentence_json(sentence: Sentence) -> dict[str, Any]:
    return {"line": sentence.line, "column": sentence.column, "text": sentence.text}


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets: paragraphs split at blank lines, and split after
    ``.``, ``!`` or ``?`` (with the quotation marks and brackets that close there, straight or typographic) where
    a new sentence starts with a capital, a digit or an opening quote. A full stop does not end a sentence after
    a title or a short form ("Mr.", "Dr.", "p.", "v.", "e.g."), an initial ("J. Smith", "U.S. officials") or the
    number of a list item ("1. God exists."). A heading, a line without a full stop, is a sentence of its own.

    >>> text = "Mr. Moon met the U.S. Secretary of State. “Why?” he asked."
    >>> [text[start:end] for start, end in sentences(text)]
    ['Mr. Moon met the U.S. Secretary of State.', '“Why?” he asked.']
    """
    start = 0
    for blank in itertools.chain(_BLANK_LINE.finditer(text), [None]):
        end = len(text) if blank is None else blank.start()
        yield from _paragraph_sentences(text, start, end)
        if blank is not None:
            start = blank.end()


def _paragraph_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return
    for found in _SENTENCE_END.finditer(text, start, end):
        if text[found.start()] == "." and _continues(text, start, found.start()):
            continue
        yield start, found.end()
        start = found.end()
        while text[start].isspace():  # the pattern saw a capital after these spaces
            start += 1
    yield start, end


def _continues(text: str, sentence: int, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends a word that does not end the sentence begun at ``sentence``: an
    abbreviation, an initial, or the number or letter of a list item ("1. God exists.").
    """
    word = stop
    while word > sentence and not text[word - 1].isspace():
        word -= 1
    while word < stop and text[word] in _OPENERS:
        word += 1
    token = text[word:stop]
    if token in _ABBREVIATIONS or _INITIALS.fullmatch(token):
        return True
    if not (token.isdigit() and len(token) <= 3):
        return False
    before = text[sentence:word].rstrip()
    return not before or before.endswith(":") or "\n" in text[sentence + len(before) : word]


def background(m: ArgumentMap) -> tuple[Background, ...]:
    """The sentences that ``m`` marks as background (see :data:`BACKGROUND`); entries of another shape are
    skipped.
    """
    entries = m.metadata.get(BACKGROUND, ())
    found = []
    for entry in entries if isinstance(entries, list | tuple) else ():
        if isinstance(entry, Mapping) and all(isinstance(entry.get(key), str) for key in ("source", "text")):
            reason = entry.get("reason")
            found.append(Background(source=entry["source"], text=entry["text"], reason=str(reason or "background")))
    return tuple(found)


def coverage(m: ArgumentMap, texts: Mapping[str, SourceText] | None = None) -> tuple[SourceCoverage, ...]:
    """How much of each of ``m``'s sources its quotes cover, in the order of the sources. ``texts`` may give
    sources already indexed (see :class:`~argmap.quotes.SourceText`), by source id.
    """
    quotes: dict[str, list[tuple[str, str]]] = {}
    for statement in m.statements:
        for quote in statement.quotes:
            quotes.setdefault(quote.source, []).append((statement.id, quote.text))
    marked: dict[str, list[Background]] = {}
    for entry in background(m):
        marked.setdefault(entry.source, []).append(entry)
    texts = texts or {}
    return tuple(
        _source(
            source,
            texts.get(source.id) or SourceText(source.text),
            quotes.get(source.id, []),
            marked.get(source.id, []),
        )
        for source in m.sources
    )


def _source(
    source: Source, finder: SourceText, quotes: list[tuple[str, str]], marked: list[Background]
) -> SourceCoverage:
    text = source.text
    lines = [0, *(match.end() for match in re.finditer("\n", text))]

    def place(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(lines, offset)
        return line, offset - lines[line - 1] + 1

    placed: list[PlacedQuote] = []
    missing: list[tuple[str, str]] = []
    for statement, quoted in quotes:
        found = finder.find(quoted)
        if found is None:
            missing.append((statement, quoted))
            continue
        line, column = place(found[0])
        placed.append(
            PlacedQuote(statement=statement, text=quoted, start=found[0], end=found[1], line=line, column=column)
        )
    placed.sort(key=lambda q: (q.start, q.end, q.statement))
    reasons: list[tuple[int, int, str]] = []
    for entry in marked:
        found = finder.find(entry.text)
        if found is not None:
            reasons.append((found[0], found[1], entry.reason))
    spans = list(sentences(text))
    return SourceCoverage(
        source=source.id,
        title=source.title,
        sentences=tuple(_sentences(text, spans, placed, reasons, place)),
        quotes=tuple(placed),
        missing=tuple(missing),
        characters=_visible(text),
        covered_characters=_covered(text, placed),
    )


def _sentences(
    text: str,
    spans: list[tuple[int, int]],
    placed: list[PlacedQuote],
    reasons: list[tuple[int, int, str]],
    place: Callable[[int], tuple[int, int]],
) -> Iterator[Sentence]:
    """Each sentence with the statements whose quotes touch it and the reason a background mark gives it."""
    starts = [start for start, _ in spans]
    touching: list[list[str]] = [[] for _ in spans]
    reason: list[str | None] = [None] * len(spans)
    for quote in placed:
        for n in _touched(spans, starts, quote.start, quote.end):
            touching[n].append(quote.statement)
    for start, end, why in reasons:
        for n in _touched(spans, starts, start, end):
            reason[n] = reason[n] or why
    for n, (start, end) in enumerate(spans):
        line, column = place(start)
        yield Sentence(
            start=start,
            end=end,
            line=line,
            column=column,
            text=text[start:end],
            quoted_by=tuple(dict.fromkeys(touching[n])),
            background=reason[n],
        )


def _touched(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> Iterator[int]:
    """The numbers of the sentences that the text from ``start`` to ``end`` touches."""
    n = max(bisect.bisect_right(starts, start) - 1, 0)
    while n < len(spans) and spans[n][0] < end:
        if spans[n][1] > start:
            yield n
        n += 1


def _overlaps(placed: Iterable[PlacedQuote]) -> Iterator[tuple[str, str]]:
    """Pairs of statements whose quotes (in source order) share text, each pair once."""
    seen: set[tuple[str, str]] = set()
    active: list[PlacedQuote] = []
    for quote in placed:
        active = [other for other in active if other.end > quote.start]
        for other in active:
            pair = (other.statement, quote.statement)
            if other.statement != quote.statement and pair not in seen:
                seen.add(pair)
                yield pair
        active.append(quote)


def _visible(text: str) -> int:
    """How many characters of ``text`` are not whitespace (counted in C: sources may be megabytes long)."""
    return len("".join(text.split()))


def _covered(text: str, placed: Iterable[PlacedQuote]) -> int:
    """The characters other than whitespace that the union of the quotes covers."""
    covered, reached = 0, 0
    for quote in placed:
        start = max(quote.start, reached)
        if quote.end > start:
            covered += _visible(text[start : quote.end])
            reached = quote.end
    return covered
