"""From the reference's model of an Argdown document to an :class:`~argmap.ArgumentMap` that remembers where each
element was written.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from typing import Any, Final

import attrs

from ..._text import printable
from ...errors import MapError, ParseError, Problem, Subject
from ...model import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Location,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
    Statement,
)
from . import document as ad
from .frontmatter import key_offsets
from .lexer import Fault
from .notices import notices
from .syntax import RESERVED_KEYS

__all__ = ["Lines", "to_map"]


_KINDS: Final = {
    "support": RelationKind.SUPPORT,
    "attack": RelationKind.ATTACK,
    "undercut": RelationKind.UNDERCUT,
    "contradictory": RelationKind.CONTRADICTION,
    "contrary": RelationKind.CONTRARY,
    "entails": RelationKind.ENTAILS,
}
_TITLE: Final = operator.attrgetter("title")


class Lines:
    """Offsets of a text (with ``\\n`` line breaks only) to lines and columns, both counted from 1."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path

    def position(self, offset: int) -> tuple[int, int]:
        """The line and column of one offset (for an error: this counts the lines above it)."""
        location = self.locations([offset])[0]
        return location.line, location.column

    def locations(self, offsets: list[int]) -> list[Location]:
        """The locations of many offsets: in the order of the offsets, each line number counts the line breaks since
        the one before, and each column is the distance from its line's start (both searches in C), instead of a
        search of the lines for each.
        """
        text, path = self.text, self.path
        found: list[Location] = [None] * len(offsets)  # type: ignore[list-item]  # (each is set below)
        line, counted = 1, 0
        for index in sorted(range(len(offsets)), key=offsets.__getitem__):
            offset = offsets[index]
            line += text.count("\n", counted, offset)
            counted = offset
            found[index] = Location(line, offset - text.rfind("\n", 0, offset), path)
        return found

    def error(self, message: str, offset: int) -> ParseError:
        """A :class:`~argmap.ParseError` of ``message`` at ``offset``, naming the file."""
        line, column = self.position(offset)
        return ParseError(message, path=self.path, line=line, column=column)


def _without(data: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in keys}


def _text_value(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


class _Builder:
    """Turns the reference's model of a document into an :class:`ArgumentMap`."""

    def __init__(self, doc: ad.Document, lines: Lines) -> None:
        self.doc = doc
        self.lines = lines
        # The ids of the sections, by heading; an element outside any heading has none.
        self.section_ids: dict[ad.ParsedSection | None, str | None] = {None: None}
        # What building the steps noticed (invalid-uses), by offset, beside what the document's notices find.
        self.uses_notices: list[tuple[int, Problem]] = []

    def sections(self) -> list[Section]:
        result = []
        used: set[str] = set()
        locations = self.lines.locations([section.offset for section in self.doc.sections])
        for section, location in zip(self.doc.sections, locations, strict=True):
            wanted = None if section.data is None else section.data.get("id")
            if wanted is not None and not _text_value(wanted):
                raise Fault("a heading's data id must be text, such as {id: costs}", section.offset)
            id = wanted.strip() if isinstance(wanted, str) else section.id
            if id in used:
                raise Fault(f"two sections have the id {id!r}", section.offset)
            used.add(id)
            self.section_ids[section] = id
            # The data's id names the section; the rest (such as isGroup or isClosed) is kept for drawings.
            data = {key: value for key, value in (section.data or {}).items() if key != "id"}
            parent = self.section_ids[section.parent]
            result.append(Section(id=id, title=section.title, parent=parent, data=data, location=location))
        return result

    def places(
        self, elements: list[ad.ParsedStatement] | list[ad.ParsedArgument], reserved: tuple[str, ...]
    ) -> list[tuple[Location, dict[str, Location]]]:
        """Where each element is defined, and where each key of its data that the map keeps (all but ``reserved``)
        was last given (the value kept, or the last merged into it): at the ``{`` of that data, so that a problem
        with the key points there, not at the first mention. All are found in one pass over the text.
        """
        given = [
            [(key, offset) for key, offset in (element.data_offsets or {}).items() if key not in reserved]
            for element in elements
        ]
        offsets = [element.offset for element in elements]
        offsets += [offset for kept in given for _, offset in kept]
        found = self.lines.locations(offsets)
        at_keys = iter(found[len(elements) :])
        return [
            (at, {key: next(at_keys) for key, _ in kept})
            for at, kept in zip(found[: len(elements)], given, strict=True)
        ]

    def statements(self) -> list[Statement]:
        statements = list(self.doc.statements.values())
        reserved, section_ids = RESERVED_KEYS["statement"], self.section_ids
        return [
            Statement(
                id=statement.title,
                # A statement that is only referred to has no text of its own: its title stands for it.
                text=(statement.canonical.text if statement.canonical is not None else "") or statement.title,
                tags=statement.tags or (),
                quotes=() if statement.data is None else self.quotes(statement),
                data=None if statement.data is None else _without(statement.data, reserved),
                section=section_ids[statement.section],
                location=location,
                data_locations=data_locations,
            )
            for statement, (location, data_locations) in zip(statements, self.places(statements, reserved), strict=True)
        ]

    def quotes(self, statement: ad.ParsedStatement) -> list[Quote]:
        value = None if statement.data is None else statement.data.get("quotes")
        if value is None:
            return []
        offset = (statement.data_offsets or {}).get("quotes", 0)
        if not isinstance(value, list) or not all(
            isinstance(q, dict) and set(q) == {"source", "text"} and all(isinstance(v, str) for v in q.values())
            for q in value
        ):
            raise Fault("quotes must be a list of {source: id, text: excerpt}", offset)
        return [Quote(q["source"], q["text"]) for q in value]

    def arguments(self) -> list[Argument]:
        arguments = list(self.doc.arguments.values())
        reserved, section_ids = RESERVED_KEYS["argument"], self.section_ids
        result = []
        for argument, (location, data_locations) in zip(arguments, self.places(arguments, reserved), strict=True):
            data = argument.data
            scheme = None if data is None else data.get("scheme")
            if scheme is not None and not _text_value(scheme):
                where = (argument.data_offsets or {}).get("scheme", argument.offset)
                raise Fault("an argument's scheme must be text, such as {scheme: Expert Opinion}", where)
            steps = self.steps(argument.title, argument.pcs)
            result.append(
                Argument(
                    id=argument.title,
                    text="" if argument.canonical is None else argument.canonical.text,
                    steps=steps,
                    unused_premises=_unused(argument.pcs, steps),
                    tags=argument.tags or (),
                    scheme=scheme.strip() if isinstance(scheme, str) else None,
                    data=None if data is None else _without(data, reserved),
                    section=section_ids[argument.section],
                    location=location,
                    data_locations=data_locations,
                )
            )
        return result

    def steps(self, title: str, pcs: list[ad.Member]) -> list[Inference]:
        """The inferences of the premise-conclusion structure of argument ``title``, one per conclusion (a member
        with an inference line).
        """
        reserved = RESERVED_KEYS["inference"]
        steps: list[Inference] = []
        # By default a step uses what stands between the previous conclusion (included) and its own.
        previous = 0
        for index, conclusion in enumerate(pcs):
            inference = conclusion.inference
            if inference is None:
                continue
            uses = None
            if inference.data is not None or conclusion.data is not None:
                uses = self.uses(title, len(steps) + 1, inference, conclusion, index)
            chosen = pcs[previous:index] if uses is None else [pcs[n - 1] for n in uses]
            previous = index
            steps.append(
                Inference(
                    premises=dict.fromkeys(map(_TITLE, chosen)),  # in order, without repeats
                    conclusion=conclusion.title,
                    rules=filter(None, inference.rules),
                    data=None if inference.data is None else _without(inference.data, reserved),
                )
            )
        return steps

    def relations(self) -> list[Relation]:
        result = []
        relations = sorted(self.doc.relations, key=operator.attrgetter("offset"))
        locations = self.lines.locations([relation.offset for relation in relations])
        for relation, location in zip(relations, locations, strict=True):
            source, source_type = _end(relation.source)
            target, target_type = _end(relation.target)
            result.append(
                Relation(
                    source=source,
                    target=target,
                    kind=_KINDS[relation.kind],
                    source_type=source_type,
                    target_type=target_type,
                    location=location,
                )
            )
        return result

    def front(self) -> tuple[str, list[Source], dict[str, Any]]:
        front = self.doc.frontmatter
        offset = self.doc.frontmatter_offset
        title = front.get("title", "")
        if isinstance(title, int | float) and not isinstance(title, bool):
            title = str(title)
        if not isinstance(title, str):
            raise Fault("the frontmatter's title must be text", offset)
        sources = front.get("sources", [])
        keys = {"id", "text", "title"}
        if not isinstance(sources, list) or not all(
            isinstance(s, dict) and {"id", "text"} <= set(s) <= keys and all(isinstance(v, str) for v in s.values())
            for s in sources
        ):
            raise Fault("sources in the frontmatter must be a list of {id: ..., text: ..., title: ...}", offset)
        return (
            " ".join(title.split()),
            [Source(id=s["id"], text=s["text"], title=s.get("title", "")) for s in sources],
            _without(front, RESERVED_KEYS["frontmatter"]),
        )

    def build(self) -> ArgumentMap:
        title, sources, metadata = self.front()
        sections = self.sections()
        try:
            return ArgumentMap(
                title=title,
                statements=self.statements(),
                arguments=self.arguments(),
                relations=self.relations(),
                sections=sections,
                sources=sources,
                metadata=metadata,
                notices=self.notices(),
                **self.front_locations(),
            )
        except MapError as error:
            raise self.located(error.problems) from None

    def front_locations(self) -> dict[str, Any]:
        """Where the frontmatter stands, and each of its keys, for the map's ``location`` and
        ``metadata_locations``: nothing without a frontmatter.
        """
        if not self.doc.frontmatter:
            return {}
        start = self.doc.frontmatter_offset
        keys = key_offsets(self.lines.text, start)
        places = self.lines.locations([start, *keys.values()])
        return {"location": places[0], "metadata_locations": dict(zip(keys, places[1:], strict=True))}

    def uses(
        self, title: str, step: int, inference: ad.ParsedInference, conclusion: ad.Member, index: int
    ) -> list[int] | None:
        """The statement numbers that step ``step`` of argument ``title`` lists in its ``uses`` (or ``from``) data,
        from the inference's data or else the conclusion's; ``None`` where neither says, or where the list names
        anything but statements above the conclusion, which the reference reads as data all the same: the step then
        uses what it would without the list, and an ``invalid-uses`` notice says why.
        """
        for key in ("uses", "from"):
            for data, offset in ((inference.data, inference.offset), (conclusion.data, conclusion.data_offset)):
                value = None if data is None else data.get(key)
                if value is None:
                    continue
                if (
                    isinstance(value, list)
                    and value
                    and all(isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= index for n in value)
                ):
                    return value
                message = (
                    f"{key} of step {step} must list numbers from 1 to {index}, the statements above its conclusion, "
                    f"not {printable(repr(value))}; the step uses the statements above it instead"
                )
                self.uses_notices.append((offset, Problem("invalid-uses", message, Subject("argument", title))))
                return None
        return None

    def notices(self) -> list[Problem]:
        found = sorted([*notices(self.doc), *self.uses_notices], key=lambda pair: pair[0])
        locations = self.lines.locations([offset for offset, _ in found])
        return [attrs.evolve(problem, location=at) for (_, problem), at in zip(found, locations, strict=True)]

    def located(self, problems: tuple[Problem, ...]) -> MapError:
        """The model's problems, each at the place of the element it is about; a problem about no element read from
        the text (the map's title, a source) is the frontmatter's.
        """
        front = self.lines.locations([self.doc.frontmatter_offset])[0]
        return MapError(
            attrs.evolve(problem, location=front) if problem.location is None else problem for problem in problems
        )


def _end(element: ad.Element | None) -> tuple[str, ElementType]:
    if isinstance(element, ad.ParsedStatement):
        return element.title, ElementType.STATEMENT
    if isinstance(element, ad.ParsedArgument):
        return element.title, ElementType.ARGUMENT
    assert element is not None
    # An undercut of an inference line undercuts its argument: argmap's undercuts aim at whole arguments.
    return element.argument, ElementType.ARGUMENT


def _unused(pcs: list[ad.Member], steps: list[Inference]) -> list[str]:
    """The titles of the premises of a premise-conclusion structure (members without an inference line) that no
    step uses: only ``uses`` data can leave one out. The reference keeps them in the argument as premises, and so
    does argmap.
    """
    if not pcs:
        return []
    used = {title for step in steps for title in (*step.premises, step.conclusion)}
    return list(dict.fromkeys(m.title for m in pcs if m.inference is None and m.title not in used))


def to_map(doc: ad.Document, lines: Lines) -> ArgumentMap:
    """The map that ``doc``, read from the text of ``lines``, means; a :class:`~argmap.formats.argdown.lexer.Fault`
    for data that a field of the model cannot take, a :class:`~argmap.MapError` of located problems for a map that
    breaks the model's rules.
    """
    return _Builder(doc, lines).build()
