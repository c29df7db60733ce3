"""Reading brat standoff annotations (``.ann``, with the ``.txt`` they annotate), as the persuasive essays use them."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Final, NamedTuple

from .._io import read_text
from ..errors import Location, ParseError
from ..model import ArgumentMap, Quote, Relation, RelationKind, Source, Statement
from ._problems import ProblemCollector

__all__ = ["load", "loads"]

#: The relation types of the persuasive essays (and, in the singular, of other corpora annotated in brat), in lower
#: case, and what they become.
_RELATIONS: Final = {
    "supports": RelationKind.SUPPORT,
    "support": RelationKind.SUPPORT,
    "attacks": RelationKind.ATTACK,
    "attack": RelationKind.ATTACK,
}
#: A claim's ``Stance`` toward the major claims, and what it becomes.
_STANCES: Final = {"For": RelationKind.SUPPORT, "Against": RelationKind.ATTACK}
_MAJOR_CLAIM: Final = "MajorClaim"


class _Span(NamedTuple):
    start: int
    end: int


class _TextBound(NamedTuple):
    """A ``T`` line: an annotated span of the text."""

    id: str
    type: str
    spans: tuple[_Span, ...]
    text: str
    location: Location


class _Link(NamedTuple):
    """An ``R`` line (a relation) or an ``A`` line (an attribute), with the text-bound ids it names."""

    id: str
    type: str
    ends: tuple[str, ...]
    value: str | None
    location: Location


class _Document:
    """The lines of an ``.ann`` file, by kind, in order."""

    def __init__(self) -> None:
        self.bounds: dict[str, _TextBound] = {}
        self.links: list[_Link] = []  # relations and attributes, in the file's order
        self.notes: list[tuple[str, str, Location]] = []  # (target id, note)
        self.other: list[str] = []  # lines the model has no place for (events, normalisations, equivalences)


def _parse(text: str, path: str | None) -> _Document:
    document = _Document()
    # Lines end at line feeds only, as brat's own: a note may hold any other line separator of Unicode.
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            _line(document, line.removesuffix("\r"), number, path)
    return document


def _line(document: _Document, line: str, number: int, path: str | None) -> None:
    """Read one line into ``document``; a :class:`~argmap.ParseError` where it is no brat annotation."""

    def fail(message: str, column: int = 1) -> ParseError:
        return ParseError(message, path=path, line=number, column=column)

    fields = line.split("\t")
    id = fields[0]
    where = Location(number, 1, path)
    if len(fields) < 2 or not id or not fields[1].strip():
        raise fail("expected an id, a tab and an annotation")
    parts = fields[1].split()
    after_type = len(id) + len(parts[0]) + 3  # the column where the annotation's type ends, and its ends begin
    if id[0] == "T":
        if len(fields) < 3:
            raise fail("a text-bound annotation ends with a tab and the annotated text", len(id) + len(fields[1]) + 2)
        spans = _spans(" ".join(parts[1:]), lambda message: fail(message, after_type))
        if id in document.bounds:
            raise fail(f"the id {id!r} is used twice")
        document.bounds[id] = _TextBound(id, parts[0], spans, "\t".join(fields[2:]), where)
    elif id[0] == "R" and parts[0].lower() in _RELATIONS:
        # The roles, not the order of the line, say which end is which.
        by_role = dict(part.partition(":")[::2] for part in parts[1:])
        if len(parts) != 3 or set(by_role) != {"Arg1", "Arg2"} or not all(by_role.values()):
            raise fail("a relation names its two arguments as Arg1:ID Arg2:ID", after_type)
        document.links.append(_Link(id, parts[0], (by_role["Arg1"], by_role["Arg2"]), None, where))
    elif id[0] in "AM":
        if len(parts) not in (2, 3):
            raise fail("an attribute names its type, its target and maybe a value", len(id) + 2)
        document.links.append(_Link(id, parts[0], (parts[1],), parts[2] if len(parts) == 3 else None, where))
    elif id[0] == "#" and len(fields) >= 3 and len(parts) == 2:
        document.notes.append((parts[1], "\t".join(fields[2:]), where))
    else:
        document.other.append(line)


def _spans(text: str, fail: Callable[[str], ParseError]) -> tuple[_Span, ...]:
    """The spans of ``START END;START END``; ``fail`` makes the error for a bad one."""
    spans = []
    for fragment in text.split(";"):
        bounds = fragment.split()
        if len(bounds) != 2 or not all(bound.isascii() and bound.isdigit() for bound in bounds):
            raise fail(f"expected offsets START END, not {fragment.strip()!r}")
        start, end = int(bounds[0]), int(bounds[1])
        if start > end:
            raise fail(f"the span {start}-{end} ends before it starts")
        spans.append(_Span(start, end))
    return tuple(spans)


class _Reader(ProblemCollector):
    """Builds the map of a parsed document; problems are collected, then raised together."""

    def __init__(self, document: _Document, source: Source | None) -> None:
        super().__init__()
        self.document = document
        self.source = source

    def read(self) -> ArgumentMap:
        document = self.document
        attributes: dict[str, dict[str, str | bool]] = {}
        notes: dict[str, list[str]] = {}
        for target, note, location in document.notes:
            if self._known(target, location):
                notes.setdefault(target, []).append(note)
        majors = [bound.id for bound in document.bounds.values() if bound.type == _MAJOR_CLAIM]
        relations: list[Relation] = []
        for link in document.links:
            if not all(self._known(end, link.location) for end in link.ends):
                continue
            if link.value is None and len(link.ends) == 2:
                source, target = link.ends
                kind = _RELATIONS[link.type.lower()]
                relations.append(Relation(source=source, target=target, kind=kind, location=link.location))
                continue
            (target,) = link.ends
            attributes.setdefault(target, {})[link.type] = True if link.value is None else link.value
            stance = _STANCES.get(link.value or "") if link.type == "Stance" else None
            if stance is not None:
                relations.extend(
                    Relation(source=target, target=major, kind=stance, location=link.location)
                    for major in majors
                    if major != target
                )
        statements = [
            self._statement(bound, attributes.get(bound.id), notes.get(bound.id)) for bound in document.bounds.values()
        ]
        self.stop_on_problems()
        return ArgumentMap(
            statements=statements,
            relations=relations,
            sources=[self.source] if self.source is not None else [],
            metadata={"brat": {"other": document.other}} if document.other else {},
        )

    def _known(self, id: str, location: Location) -> bool:
        if id in self.document.bounds:
            return True
        self.problem("dangling-reference", f"no text-bound annotation has the id {id!r}", location)
        return False

    def _statement(
        self, bound: _TextBound, attributes: dict[str, str | bool] | None, notes: list[str] | None
    ) -> Statement:
        data: dict[str, object] = {"type": bound.type, "spans": [list(span) for span in bound.spans]}
        if attributes:
            data["attributes"] = attributes
        if notes:
            data["notes"] = notes
        return Statement(
            id=bound.id,
            text=bound.text,
            tags=[bound.type],
            quotes=self._quotes(bound),
            data={"brat": data},
            location=bound.location,
        )

    def _quotes(self, bound: _TextBound) -> list[Quote]:
        """A quote of the source at each span, where it says what the annotation says it does."""
        if self.source is None:
            return []
        text = self.source.text
        for span in bound.spans:
            if span.end > len(text):
                message = (
                    f"the span {span.start}-{span.end} of {bound.id!r} ends after the text ({len(text)} characters)"
                )
                self.problem("invalid-value", message, bound.location)
                return []
        quoted = [text[span.start : span.end] for span in bound.spans]
        # brat writes the fragments of a discontinuous span joined by a space.
        if " ".join(quoted) != bound.text:
            message = f"the text at the offsets of {bound.id!r} is {' '.join(quoted)[:60]!r}, not {bound.text[:60]!r}"
            self.problem("invalid-value", message, bound.location)
            return []
        return [Quote(self.source.id, fragment) for fragment in quoted if fragment.strip()]


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from brat standoff annotations (the text of an ``.ann`` file); ``path`` only names the file in
    errors. Without the text they annotate (see :func:`load`), the statements quote nothing.

    Each text-bound annotation (``T1	Claim 10 42	...``) becomes a statement with its text, tagged with its type
    (``MajorClaim``, ``Claim``, ``Premise``); ``supports`` and ``attacks`` relations become support and attack
    relations; a claim's ``Stance`` (``For``, ``Against``) becomes a support or attack of every major claim.
    Offsets, attributes and notes are kept in each statement's ``data["brat"]``, and lines of other kinds in the
    map's ``metadata["brat"]``. ``docs/brat.md`` gives the whole mapping.

    Raises :class:`~argmap.ParseError` for a line that is not brat standoff (with line and column) and
    :class:`~argmap.MapError` for a reference to an unknown annotation, located at its line.
    """
    return _Reader(_parse(text, path), None).read()


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from a brat ``NAME.ann`` file, as :func:`loads` reads its text; where ``NAME.txt`` stands beside
    it, that text becomes the map's source, and each statement quotes it at its offsets (which must hold the text
    the annotation gives).

    :func:`argmap.load` reads ``.ann`` files with this, and names the file in every error.
    """
    file = os.fspath(path)
    document = _parse(read_text(file), file)
    return _Reader(document, _source_beside(Path(file))).read()


def _source_beside(file: Path) -> Source | None:
    """The text that ``NAME.ann`` annotates, ``NAME.txt`` in the same folder, or ``None`` where there is none."""
    text_file = file.with_suffix(".txt")
    if text_file == file or not text_file.is_file() or text_file.resolve().parent != file.parent.resolve():
        return None
    return Source(id=file.stem, text=read_text(os.fspath(text_file)), title=text_file.name)
