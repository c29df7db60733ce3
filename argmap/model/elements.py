"""The elements of a map and the map that holds them: immutable types, look-ups by id, and derived roles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ..errors import Location, Problem
from ._converters import strings
from .kinds import ElementType, RelationKind, Role
from .validation import tables

__all__ = [
    "Argument",
    "ArgumentMap",
    "Data",
    "Element",
    "Inference",
    "Quote",
    "Relation",
    "Section",
    "Source",
    "Statement",
]

#: Anything else an element or the map holds, kept as it is: JSON-like values by key.
Data = Mapping[str, Any]


# Most elements have no data: they share one read-only empty mapping instead of a copy each.
_NO_DATA: Mapping[str, Any] = MappingProxyType({})


def _frozen_data(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value)) if value else _NO_DATA


_NO_LOCATIONS: Mapping[str, Location] = MappingProxyType({})


def _frozen_locations(value: Mapping[str, Location]) -> Mapping[str, Location]:
    # Every element passes here: most have no data, and their default is returned first.
    if value is _NO_LOCATIONS:
        return value
    return MappingProxyType(dict(value)) if value else _NO_LOCATIONS


# Typed converters, one per element type: mypy's attrs plugin needs named, non-generic functions to type __init__.
def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _steps(value: Iterable[Inference]) -> tuple[Inference, ...]:
    return tuple(value)


def _statements(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return tuple(value)


def _arguments(value: Iterable[Argument]) -> tuple[Argument, ...]:
    return tuple(value)


def _relations(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return tuple(value)


def _sections(value: Iterable[Section]) -> tuple[Section, ...]:
    return tuple(value)


def _sources(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Source:
    """A text the map is about, such as an editorial; quotes point into it by ``id``."""

    id: str
    text: str
    title: str = ""


@attrs.frozen
class Quote:
    """A verbatim excerpt of the source named ``source`` that grounds a statement."""

    source: str
    text: str


@attrs.frozen(kw_only=True)
class Statement:
    """A claim. ``quotes`` ground it in sources; ``section`` is the id of the section it belongs to. ``location``
    and ``data_locations`` say where it and each key of its ``data`` were read from, where the reader knows.
    """

    id: str
    text: str
    tags: tuple[str, ...] = attrs.field(default=(), converter=strings)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)
    section: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)
    #: Where the keys of ``data`` were written (in Argdown, the last ``{...}`` block that gave each key, whose value
    #: is kept), as far as the reader knows; like ``location``, not part of the element's value.
    data_locations: Mapping[str, Location] = attrs.field(
        default=_NO_LOCATIONS, converter=_frozen_locations, eq=False, hash=False, repr=False
    )


@attrs.frozen(kw_only=True)
class Inference:
    """One step of an argument: ``premises`` (statement ids, linked: they work together) to one ``conclusion``."""

    premises: tuple[str, ...] = attrs.field(converter=strings)
    conclusion: str
    rules: tuple[str, ...] = attrs.field(default=(), converter=strings)
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)


def _notices(value: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Argument:
    """An argument: a description and its reconstruction as a chain of inferences.

    An argument without ``steps`` is *sketched*: it is drawn and related, but its premises are not spelled out.
    ``scheme`` names the argumentation scheme it instantiates, such as ``"Expert Opinion"``, or is ``None``.
    ``premises`` (derived) holds the ids of the premises that no earlier step concludes, in order of first use,
    without repeats. ``unused_premises`` holds the ids of statements that the reconstruction lists as premises but
    no step uses (an Argdown premise-conclusion structure whose ``uses`` data leave one out): kept so that nothing
    the author wrote is lost, they support nothing, and :func:`argmap.check` reports each as ``unused-premise``.
    """

    id: str
    text: str = ""
    steps: tuple[Inference, ...] = attrs.field(default=(), converter=_steps)
    #: The ids of statements the reconstruction lists as premises but no step uses: they support nothing.
    unused_premises: tuple[str, ...] = attrs.field(default=(), converter=strings)
    tags: tuple[str, ...] = attrs.field(default=(), converter=strings)
    scheme: str | None = None
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)
    section: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)
    #: Where the keys of ``data`` were written (in Argdown, the last ``{...}`` block that gave each key, whose value
    #: is kept), as far as the reader knows; like ``location``, not part of the argument's value.
    data_locations: Mapping[str, Location] = attrs.field(
        default=_NO_LOCATIONS, converter=_frozen_locations, eq=False, hash=False, repr=False
    )
    #: Derived from ``steps`` once, since checks and renderers ask for it per argument.
    premises: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        concluded: set[str] = set()
        seen: dict[str, None] = {}
        for step in self.steps:
            for premise in step.premises:
                if premise not in concluded:
                    seen.setdefault(premise)
            concluded.add(step.conclusion)
        object.__setattr__(self, "premises", tuple(seen))

    @property
    def conclusion(self) -> str | None:
        """The id of the final conclusion, or ``None`` for a sketched argument."""
        return self.steps[-1].conclusion if self.steps else None

    @property
    def intermediate_conclusions(self) -> tuple[str, ...]:
        """The ids of the conclusions of every step but the last."""
        return tuple(step.conclusion for step in self.steps[:-1])

    def statement_ids(self) -> Iterator[str]:
        """Every statement id the reconstruction mentions, premises and conclusions, in order (may repeat)."""
        for step in self.steps:
            yield from step.premises
            yield step.conclusion


# Calling an enum with one of its members costs a lookup in Python; readers pass members, so those pass straight.
def _kind(value: RelationKind | str) -> RelationKind:
    return value if type(value) is RelationKind else RelationKind(value)


def _element_type(value: ElementType | str) -> ElementType:
    return value if type(value) is ElementType else ElementType(value)


def _default_target_type(relation: Relation) -> ElementType:
    return ElementType.ARGUMENT if relation.kind is RelationKind.UNDERCUT else ElementType.STATEMENT


@attrs.frozen(kw_only=True)
class Relation:
    """A directed relation ``source -> target``; each end says whether it is a statement or an argument.

    An undercut's target defaults to an argument: it attacks the inference, not a claim.
    """

    source: str
    target: str
    kind: RelationKind = attrs.field(converter=_kind)
    source_type: ElementType = attrs.field(default=ElementType.STATEMENT, converter=_element_type)
    target_type: ElementType = attrs.field(
        default=attrs.Factory(_default_target_type, takes_self=True), converter=_element_type
    )
    location: Location | None = attrs.field(default=None, eq=False)


@attrs.frozen(kw_only=True)
class Section:
    """A heading or group; ``parent`` is the id of the enclosing section, which must come earlier in the map.
    ``data`` holds anything else about it, such as how a drawing shows it (Argdown's ``isGroup``, ``isClosed``).
    """

    id: str
    title: str
    parent: str | None = None
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)
    location: Location | None = attrs.field(default=None, eq=False)


#: What either end of a relation is.
Element = Statement | Argument


@attrs.frozen(kw_only=True)
class ArgumentMap:
    """A whole map. It is always referentially intact: constructing one that is not raises :class:`MapError`.

    Look-ups by id are O(1); roles are derived on first use, in linear time.
    """

    title: str = ""
    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statements)
    arguments: tuple[Argument, ...] = attrs.field(default=(), converter=_arguments)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_relations)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_sections)
    sources: tuple[Source, ...] = attrs.field(default=(), converter=_sources)
    metadata: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)
    #: What the reader noticed in the text the map was read from and the map itself cannot show (a reference to an
    #: element that the text never defines, say): :func:`argmap.check` reports each. Not part of the map's value:
    #: left out of equality, and no writer writes it.
    notices: tuple[Problem, ...] = attrs.field(default=(), converter=_notices, eq=False, hash=False, repr=False)
    #: Where the map's own settings were read from (an Argdown document's frontmatter), so that a problem with one of
    #: them can be located; ``None`` where the reader read none. Like ``notices``, not part of the map's value.
    location: Location | None = attrs.field(default=None, eq=False, hash=False, repr=False)
    #: Where the keys of ``metadata`` were read from (an Argdown document's frontmatter), by dotted path
    #: (``"dot.graphVizSettings"``), as far as the reader knows; like ``location``, not part of the map's value.
    metadata_locations: Mapping[str, Location] = attrs.field(
        factory=dict, converter=_frozen_locations, eq=False, hash=False, repr=False
    )
    _index: _Index = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _Index.of(self))

    # Look-ups ---------------------------------------------------------------------------------------------

    def statement(self, id: str) -> Statement:
        """The statement with this id; ``KeyError`` if there is none."""
        return self._index.statements[id]

    def argument(self, id: str) -> Argument:
        """The argument with this id; ``KeyError`` if there is none."""
        return self._index.arguments[id]

    def source(self, id: str) -> Source:
        """The source with this id; ``KeyError`` if there is none."""
        return self._index.sources[id]

    def section(self, id: str) -> Section:
        """The section with this id; ``KeyError`` if there is none."""
        return self._index.sections[id]

    def element(self, type: ElementType, id: str) -> Element:
        """The statement or argument at one end of a relation."""
        return self.statement(id) if type is ElementType.STATEMENT else self.argument(id)

    def has(self, type: ElementType, id: str) -> bool:
        """Whether the map has a statement (or argument) with this id."""
        table = self._index.statements if type is ElementType.STATEMENT else self._index.arguments
        return id in table

    def relations_from(self, type: ElementType, id: str) -> tuple[Relation, ...]:
        """The relations whose source is this element, in map order."""
        return tuple(self._index.outgoing[type].get(id, ()))

    def relations_to(self, type: ElementType, id: str) -> tuple[Relation, ...]:
        """The relations whose target is this element, in map order."""
        return tuple(self._index.incoming[type].get(id, ()))

    # Derived roles ----------------------------------------------------------------------------------------

    def role(self, statement_id: str) -> Role:
        """The role of a statement: premise, intermediate conclusion, main conclusion, or none."""
        self.statement(statement_id)
        return self._index.roles(self).get(statement_id, Role.NONE)

    @property
    def main_conclusions(self) -> tuple[str, ...]:
        """The ids of the statements that are concluded but used as a reason for nothing else, in map order."""
        roles = self._index.roles(self)
        return tuple(s.id for s in self.statements if roles.get(s.id) is Role.MAIN_CONCLUSION)


@attrs.define
class _Index:
    """Tables built once per map: ids to elements, relations by end, and (lazily) statement roles."""

    statements: dict[str, Statement]
    arguments: dict[str, Argument]
    sources: dict[str, Source]
    sections: dict[str, Section]
    outgoing: dict[ElementType, dict[str, list[Relation]]]
    incoming: dict[ElementType, dict[str, list[Relation]]]
    _roles: dict[str, Role] | None = None

    @classmethod
    def of(cls, m: ArgumentMap) -> _Index:
        """The tables of a map, after checking that it is intact (:class:`MapError` naming every problem if not)."""
        return cls(*tables(m))

    def roles(self, m: ArgumentMap) -> dict[str, Role]:
        if self._roles is None:
            self._roles = self._derive_roles(m)
        return self._roles

    def _derive_roles(self, m: ArgumentMap) -> dict[str, Role]:
        used: set[str] = set()  # a reason for something else
        objecting: set[str] = set()  # a reason against something else
        concluded: set[str] = set()
        for argument in m.arguments:
            for step in argument.steps:
                used.update(step.premises)
                concluded.add(step.conclusion)
        for relation in m.relations:
            if relation.kind.is_support and relation.target_type is ElementType.STATEMENT:
                concluded.add(relation.target)
            reasons = used if relation.kind.is_support else objecting
            if relation.source_type is ElementType.STATEMENT:
                reasons.add(relation.source)
            else:
                conclusion = self.arguments[relation.source].conclusion
                # "<A> +> [c]" where c is A's own conclusion restates the argument; it does not use c as a reason.
                restated = relation.target_type is ElementType.STATEMENT and relation.target == conclusion
                if conclusion is not None and not restated:
                    reasons.add(conclusion)
        roles: dict[str, Role] = {}
        for id in self.statements:
            if id in concluded:
                # An objection that has reasons of its own is part of the debate below the thesis, not a thesis.
                is_reason = id in used or id in objecting
                roles[id] = Role.INTERMEDIATE_CONCLUSION if is_reason else Role.MAIN_CONCLUSION
            elif id in used:
                roles[id] = Role.PREMISE
        return roles
