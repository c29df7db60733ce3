"""The immutable argument-map model: statements, arguments, relations and the map that holds them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from ._enum import Enum
from .errors import Code, Location, MapError, Problem, Subject

__all__ = [
    "INVALID_CHARACTERS",
    "MAX_TEXT_LENGTH",
    "Argument",
    "ArgumentMap",
    "ElementType",
    "Inference",
    "Location",
    "Quote",
    "Relation",
    "RelationKind",
    "Role",
    "Section",
    "Source",
    "Statement",
    "box_size",
]

#: The most text one box of a diagram may show: a statement's or argument's id, text and tags together, a step's
#: inference rules together, or a title. ``dot`` rejects a quoted string over 16,381 bytes, and escaping for DOT
#: can make one character five bytes (``&`` becomes ``&amp;``), so more could not be drawn intact.
MAX_TEXT_LENGTH = 3000

#: What no text of a map may hold: control characters other than tab and line breaks, and lone surrogates, which
#: break DOT, JSON and terminals alike, and U+FFFE and U+FFFF, which are no characters of XML at all (SVG and HTML
#: holding them would not be well-formed).
INVALID_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

Data = Mapping[str, Any]


# Most elements have no data: they share one read-only empty mapping instead of a copy each.
_NO_DATA: Mapping[str, Any] = MappingProxyType({})


def _frozen_data(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value)) if value else _NO_DATA


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):  # a lone string would otherwise become a tuple of characters
        return (value,)
    return tuple(value)


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


class ElementType(Enum):
    """What an end of a relation is: statement ids and argument ids are separate namespaces."""

    STATEMENT = "statement"
    ARGUMENT = "argument"


class RelationKind(Enum):
    """The kinds of relation between elements, as Argdown and AIF know them."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"
    CONTRARY = "contrary"
    ENTAILS = "entails"

    @property
    def is_support(self) -> bool:
        """Whether the source gives reason to accept the target."""
        return self in (RelationKind.SUPPORT, RelationKind.ENTAILS)

    @property
    def is_attack(self) -> bool:
        """Whether the source gives reason to reject the target (or, for undercut, its inference)."""
        return not self.is_support

    @property
    def is_symmetric(self) -> bool:
        """Whether the relation holds in both directions (contradiction)."""
        return self is RelationKind.CONTRADICTION


class Role(Enum):
    """The part a statement plays, derived from the inferences and relations that use it.

    A *main conclusion* is concluded (by an inference or a support relation) and is a reason for or against
    nothing else; an *intermediate conclusion* is concluded and is such a reason; a *premise* is a reason for
    something and is not concluded.
    """

    PREMISE = "premise"
    INTERMEDIATE_CONCLUSION = "intermediate-conclusion"
    MAIN_CONCLUSION = "main-conclusion"
    #: Neither a premise nor a conclusion: an unsupported objection, a claim that is only attacked, or a lone claim.
    NONE = "none"


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
    """A claim. ``quotes`` ground it in sources; ``section`` is the id of the section it belongs to."""

    id: str
    text: str
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)
    section: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)


@attrs.frozen(kw_only=True)
class Inference:
    """One step of an argument: ``premises`` (statement ids, linked: they work together) to one ``conclusion``."""

    premises: tuple[str, ...] = attrs.field(converter=_strings)
    conclusion: str
    rules: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)


@attrs.frozen(kw_only=True)
class Argument:
    """An argument: a description and its reconstruction as a chain of inferences.

    An argument without ``steps`` is *sketched*: it is drawn and related, but its premises are not spelled out.
    ``scheme`` names the argumentation scheme it instantiates, such as ``"Expert Opinion"``, or is ``None``.
    ``premises`` (derived) holds the ids of the premises that no earlier step concludes, in order of first use,
    without repeats.
    """

    id: str
    text: str = ""
    steps: tuple[Inference, ...] = attrs.field(default=(), converter=_steps)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    scheme: str | None = None
    data: Data = attrs.field(factory=dict, converter=_frozen_data, hash=False)
    section: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)
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
    """A heading or group; ``parent`` is the id of the enclosing section, which must come earlier in the map."""

    id: str
    title: str
    parent: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)


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
        problems: list[Problem] = []
        statements = _ids_at_once(m.statements) or _table(m.statements, "statement", problems)
        arguments = _ids_at_once(m.arguments) or _table(m.arguments, "argument", problems)
        sources = _table(m.sources, "source", problems)
        sections: dict[str, Section] = {}
        _text(m.title, "map title", _About(None), problems, allow_empty=True)
        for section in m.sections:
            about = _About.element(section, "section")
            _text(section.title, "section title", about, problems)
            if section.parent is not None and section.parent not in sections:
                message = f"parent section {section.parent!r} is unknown or does not come earlier"
                problems.append(about.problem("dangling-reference", message))
            if _id(section, "section", problems) and section.id in sections:
                problems.append(about.problem("duplicate-id", "two sections have this id"))
            sections.setdefault(section.id, section)
        for source in m.sources:
            about = _About.element(source, "source")
            _text(source.text, "source text", about, problems, limit=None)
            _text(source.title, "source title", about, problems, allow_empty=True)
        # Checked element by element (which names each problem) only where the checks at once find one.
        for statement in _unchecked(m.statements, statements, sections):
            about = _About.element(statement, "statement")
            text_ok = _text(statement.text, "statement text", about, problems)
            _element_extras(statement, about, text_ok, sections, problems)
            for quote in statement.quotes:
                _text(quote.source, "quote's source id", about, problems)
                _text(quote.text, "quote", about, problems, limit=None)
        for argument in _unchecked(m.arguments, statements, sections):
            about = _About.element(argument, "argument")
            text_ok = _text(argument.text, "argument text", about, problems, allow_empty=True)
            _element_extras(argument, about, text_ok, sections, problems)
            if argument.scheme is not None:
                _text(argument.scheme, "scheme name", about, problems)
            for n, step in enumerate(argument.steps, 1):
                # A list, not a generator: every bad rule is reported, not only the first.
                rules_ok = [_text(rule, "inference rule", about, problems) for rule in step.rules]
                if all(rules_ok):
                    _fits(f"step {n}'s inference rules", list(step.rules), about, problems)
                for ref in (*step.premises, step.conclusion):
                    if ref not in statements:
                        message = f"step {n} refers to unknown statement {ref!r}"
                        problems.append(about.problem("dangling-reference", message))
        # Keyed by type first: statement and argument ids are separate namespaces, each with its own table of ids.
        outgoing: dict[ElementType, dict[str, list[Relation]]] = {t: {} for t in ElementType}
        incoming: dict[ElementType, dict[str, list[Relation]]] = {t: {} for t in ElementType}
        tables = {t: statements if t is ElementType.STATEMENT else arguments for t in ElementType}
        for n, relation in enumerate(m.relations):
            source_ok = relation.source in tables[relation.source_type]
            target_ok = relation.target in tables[relation.target_type]
            if source_ok and target_ok:
                outgoing[relation.source_type].setdefault(relation.source, []).append(relation)
                incoming[relation.target_type].setdefault(relation.target, []).append(relation)
                continue
            for ok, type, id in (
                (source_ok, relation.source_type, relation.source),
                (target_ok, relation.target_type, relation.target),
            ):
                if not ok:
                    about = _About(Subject("relation", f"{relation.source} -> {relation.target}"), relation.location)
                    message = f"{relation.kind.value} relation #{n} refers to unknown {type.value} {id!r}"
                    problems.append(about.problem("dangling-reference", message))
        if problems:
            raise MapError(problems)
        return cls(statements, arguments, sources, sections, outgoing, incoming)

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


# Checks at once --------------------------------------------------------------------------------------------------
# Maps of a hundred thousand elements are checked a slice of elements at a time, by a few passes over the slice's
# texts together, which run at the speed of C, instead of a call per text. Each says only "all valid" when every text
# passes the check of _text (and _id, and _fits) that applies to it; on any doubt, the element-by-element checks run
# and name the problems.


_E = TypeVar("_E", "Statement", "Argument")

#: Elements checked together: the several passes over one slice's texts find them in the processor's cache, where
#: passes over all of a large map's would fetch every text from memory again.
_SLICE = 1024


def _texts_at_once(texts: list[Any], *, allow_empty: bool = False, limit: int | None = MAX_TEXT_LENGTH) -> bool:
    """Whether every one of ``texts`` passes :func:`_text`."""
    try:
        joined = "\n".join(texts)  # a TypeError for anything but strings
    except TypeError:
        return False
    if INVALID_CHARACTERS.search(joined):
        return False
    if limit is not None and max(map(len, texts), default=0) > limit:
        return False
    return allow_empty or (all(texts) and not any(map(str.isspace, texts)))


def _ids_at_once(elements: tuple[Statement, ...] | tuple[Argument, ...]) -> dict[str, Any] | None:
    """The table of elements by id when every id is valid and unique (what :func:`_table` would make without a
    problem), else ``None``.
    """
    ids = [element.id for element in elements]
    table = dict(zip(ids, elements, strict=True))
    if len(table) == len(ids) and all(_ids_valid(ids[start : start + _SLICE]) for start in range(0, len(ids), _SLICE)):
        return table
    return None


def _ids_valid(ids: list[Any]) -> bool:
    # str.strip returns a string with nothing to strip as it is: the lists are equal when no id has outer spaces.
    return _texts_at_once(ids) and ids == list(map(str.strip, ids))


def _most_box(groups: list[tuple[str, ...]]) -> int:
    """At least the :func:`box_size` of any of ``groups`` (the most texts in one times the longest text)."""
    longest = max(map(len, chain.from_iterable(groups)), default=0)
    return max(map(len, groups), default=0) * (longest + 2)


def _unchecked(
    elements: Sequence[_E], statements: Mapping[str, Statement], sections: Mapping[str, Section]
) -> Iterator[_E]:
    """The statements or arguments that the checks at once cannot pass, a slice at a time, in order: each slice of
    elements whose texts, tags, sizes, sections, schemes, steps and quotes all pass is left out.
    """
    for start in range(0, len(elements), _SLICE):
        part = elements[start : start + _SLICE]
        if not _slice_at_once(part, statements, sections):
            yield from part


def _slice_at_once(
    elements: Sequence[Statement | Argument], statements: Mapping[str, Statement], sections: Mapping[str, Section]
) -> bool:
    texts = [e.text for e in elements if isinstance(e, Statement)]
    arguments = [e for e in elements if isinstance(e, Argument)]
    descriptions = [a.text for a in arguments]
    tags = [element.tags for element in elements]
    steps = list(chain.from_iterable(a.steps for a in arguments))
    rules = [step.rules for step in steps]
    schemes = [a.scheme for a in arguments if a.scheme is not None]
    ids = [element.id for element in elements]
    in_sections = {element.section for element in elements}
    in_sections.discard(None)
    quotes = list(chain.from_iterable(e.quotes for e in elements if isinstance(e, Statement)))
    return (
        _texts_at_once([quote.source for quote in quotes])
        and _texts_at_once([quote.text for quote in quotes], limit=None)
        and _texts_at_once(texts)
        and _texts_at_once(descriptions, allow_empty=True)
        and _texts_at_once(list(chain.from_iterable(tags)))
        and _texts_at_once(schemes)
        and _texts_at_once(list(chain.from_iterable(rules)))
        and _texts_at_once(ids)  # (checked again with the tables; here only so that they have lengths)
        # The largest id, text and tags together fit, so each element's do.
        and max(map(len, ids), default=0) + max(map(len, texts + descriptions), default=0) + 4 + _most_box(tags)
        <= MAX_TEXT_LENGTH
        and _most_box(rules) <= MAX_TEXT_LENGTH
        and in_sections <= sections.keys()
        and {*chain.from_iterable(step.premises for step in steps), *(step.conclusion for step in steps)}
        <= statements.keys()
    )


@attrs.frozen
class _About:
    """What the model's problems with one element say they are about: the element, and where it was read from."""

    subject: Subject | None
    location: Location | None = None

    @classmethod
    def element(cls, element: Statement | Argument | Section | Source, kind: str) -> _About:
        # A bad id (reported on its own) need not be a string, but a subject's id is.
        id = element.id if isinstance(element.id, str) else repr(element.id)
        return cls(Subject(kind, id), None if isinstance(element, Source) else element.location)

    def problem(self, code: Code, message: str) -> Problem:
        return Problem(code, message, subject=self.subject, location=self.location)


def _table(elements: Iterable[Statement | Argument | Source], kind: str, problems: list[Problem]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for element in elements:
        if not _id(element, kind, problems):
            continue
        if element.id in table:
            problems.append(_About.element(element, kind).problem("duplicate-id", f"two {kind}s have this id"))
        else:
            table[element.id] = element
    return table


def _id(element: Statement | Argument | Section | Source, kind: str, problems: list[Problem]) -> bool:
    id: object = element.id
    # The common case costs no allocation: this runs once per element of maps with hundreds of thousands.
    if isinstance(id, str) and id and not id[0].isspace() and not id[-1].isspace() and _clean(id, MAX_TEXT_LENGTH):
        return True
    about = _About.element(element, kind)
    if not isinstance(id, str) or not id.strip():
        problems.append(about.problem("empty-text", f"a {kind} has an empty id"))
        return False
    if id != id.strip():
        problems.append(about.problem("invalid-text", f"{kind} id has leading or trailing whitespace"))
        return False
    return _text(id, f"{kind} id", about, problems)


def _element_extras(
    element: Statement | Argument,
    about: _About,
    text_ok: bool,
    sections: Mapping[str, Section],
    problems: list[Problem],
) -> None:
    tags_ok = [_text(tag, "tag", about, problems) for tag in element.tags]
    if text_ok and all(tags_ok) and isinstance(element.id, str):  # (a bad id is reported already)
        _fits("id, text and tags", [element.id, element.text, *element.tags], about, problems)
    if element.section is not None and element.section not in sections:
        problems.append(about.problem("dangling-reference", f"unknown section {element.section!r}"))


def box_size(texts: Iterable[str]) -> int:
    """How much of :data:`MAX_TEXT_LENGTH` texts shown together in one diagram box take: each counts its length
    and two characters of framing.
    """
    return sum(len(text) + 2 for text in texts)


def _fits(what: str, texts: list[str], about: _About, problems: list[Problem]) -> None:
    size = box_size(texts)
    if size > MAX_TEXT_LENGTH:
        message = f"{what} are {size} characters together; the limit is {MAX_TEXT_LENGTH}"
        problems.append(about.problem("invalid-text", message))


def _text(
    text: object,
    what: str,
    about: _About,
    problems: list[Problem],
    *,
    allow_empty: bool = False,
    limit: int | None = MAX_TEXT_LENGTH,
) -> bool:
    if isinstance(text, str) and (allow_empty or (text and not text.isspace())) and _clean(text, limit):
        return True
    if not isinstance(text, str):
        problems.append(about.problem("invalid-text", f"{what} must be a string, not {type(text).__name__}"))
        return False
    if not allow_empty and not text.strip():
        problems.append(about.problem("empty-text", f"{what} is empty"))
        return False
    bad = INVALID_CHARACTERS.search(text)
    if bad:
        code_point = ord(bad.group())
        kind = (
            "lone surrogate"
            if 0xD800 <= code_point <= 0xDFFF
            else "noncharacter"
            if code_point >= 0xFFFE
            else "control character"
        )
        message = f"{what} contains the {kind} U+{code_point:04X} at offset {bad.start()}"
        problems.append(about.problem("invalid-text", message))
        return False
    if limit is not None and len(text) > limit:
        problems.append(about.problem("invalid-text", f"{what} is {len(text)} characters long; the limit is {limit}"))
        return False
    return True


def _clean(text: str, limit: int | None) -> bool:
    return INVALID_CHARACTERS.search(text) is None and (limit is None or len(text) <= limit)
