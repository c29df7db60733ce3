"""The rules every map keeps, checked when a map is made: ids, texts, references, sizes; every problem named."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs

from ..errors import Code, Location, MapError, Problem, Subject
from .kinds import ElementType

if TYPE_CHECKING:
    from .elements import Argument, ArgumentMap, Relation, Section, Source, Statement

__all__ = ["AT_ONCE", "INVALID_CHARACTERS", "INVALID_IN_NAMES", "MAX_NAME_LENGTH", "box_size", "tables"]

#: The most characters of a name: an id, a tag, an inference rule, a scheme name, or a quote's source id; and of an
#: element's id and tags together, or a step's inference rules together (as :func:`box_size` counts them). Names
#: are not prose: this leaves most of a diagram's box to the text (see :data:`argmap.boxes.BOX_LENGTH`). Texts
#: (of statements, arguments, sources and quotes) and titles have no limit; diagrams show a long one cut.
MAX_NAME_LENGTH = 1000

#: What no text of a map may hold: control characters other than tab and line breaks, and lone surrogates, which
#: break DOT, JSON and terminals alike, and U+FFFE and U+FFFF, which are no characters of XML at all (SVG and HTML
#: holding them would not be well-formed).
INVALID_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

#: What no name (an id, a tag, an inference rule, a scheme name, a quote's source id) may hold: what no text may,
#: and the bidirectional embeddings, overrides and isolates U+202A to U+202E and U+2066 to U+2069. Prose in Arabic
#: or Hebrew needs them, but in a name they only reorder how it shows, so that two names that look the same differ
#: (or an error message reads other than it says), as in "Trojan Source" attacks.
INVALID_IN_NAMES = re.compile(INVALID_CHARACTERS.pattern[:-1] + "\u202a-\u202e\u2066-\u2069]")


def tables(
    m: ArgumentMap,
) -> tuple[
    dict[str, Statement],
    dict[str, Argument],
    dict[str, Source],
    dict[str, Section],
    dict[ElementType, dict[str, list[Relation]]],
    dict[ElementType, dict[str, list[Relation]]],
]:
    """The tables of a map by id (statements, arguments, sources, sections) and its relations by their ends
    (outgoing, incoming); :class:`~argmap.MapError` naming every broken rule when the map breaks any.
    """
    problems: list[Problem] = []
    statements = (AT_ONCE and _ids_at_once(m.statements)) or _table(m.statements, "statement", problems)
    arguments = (AT_ONCE and _ids_at_once(m.arguments)) or _table(m.arguments, "argument", problems)
    sources = _table(m.sources, "source", problems)
    sections: dict[str, Section] = {}
    _text(m.title, "map title", _About(None), problems, allow_empty=True, limit=None)
    for section in m.sections:
        about = _About.element(section, "section")
        _text(section.title, "section title", about, problems, limit=None)
        if section.parent is not None and section.parent not in sections:
            message = f"parent section {section.parent!r} is unknown or does not come earlier"
            problems.append(about.problem("dangling-reference", message))
        if _id(section, "section", problems) and section.id in sections:
            problems.append(about.problem("duplicate-id", "two sections have this id"))
        sections.setdefault(section.id, section)
    for source in m.sources:
        about = _About.element(source, "source")
        _text(source.text, "source text", about, problems, limit=None)
        _text(source.title, "source title", about, problems, allow_empty=True, limit=None)
    # Checked element by element (which names each problem) only where the checks at once find one.
    for statement in _unchecked(m.statements, statements, sections, of_statements=True):
        about = _About.element(statement, "statement")
        _text(statement.text, "statement text", about, problems, limit=None)
        _element_extras(statement, about, sections, problems)
        for quote in statement.quotes:
            _text(quote.source, "quote's source id", about, problems)
            _text(quote.text, "quote", about, problems, limit=None)
    for argument in _unchecked(m.arguments, statements, sections, of_statements=False):
        about = _About.element(argument, "argument")
        _text(argument.text, "argument text", about, problems, allow_empty=True, limit=None)
        _element_extras(argument, about, sections, problems)
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
        if argument.unused_premises and not argument.steps:
            message = "it lists unused premises but has no steps: premises belong to a reconstruction"
            problems.append(about.problem("invalid-structure", message))
        used = set(argument.statement_ids())
        for ref in argument.unused_premises:
            if ref not in statements:
                problems.append(about.problem("dangling-reference", f"unused premise {ref!r} is not a statement"))
            elif ref in used:
                message = f"unused premise {ref!r} is a premise or conclusion of a step"
                problems.append(about.problem("invalid-structure", message))
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
    return statements, arguments, sources, sections, outgoing, incoming


# Checks at once --------------------------------------------------------------------------------------------------
# Maps of a hundred thousand elements are checked a slice of elements at a time, by a few passes over the slice's
# texts together, which run at the speed of C, instead of a call per text. Each says only "all valid" when every text
# passes the check of _text (and _id, and _fits) that applies to it; on any doubt, the element-by-element checks run
# and name the problems.


_E = TypeVar("_E", "Statement", "Argument")

#: Elements checked together: the several passes over one slice's texts find them in the processor's cache, where
#: passes over all of a large map's would fetch every text from memory again.
_SLICE = 1024
#: Whether maps are checked a slice at a time (see above): the one switch of this speed shortcut, which a test turns
#: off to compare every problem found with the element-by-element checks.
AT_ONCE = True


def _texts_at_once(texts: list[Any], *, allow_empty: bool = False, limit: int | None = MAX_NAME_LENGTH) -> bool:
    """Whether every one of ``texts`` passes :func:`_text`."""
    try:
        joined = "\n".join(texts)  # a TypeError for anything but strings
    except TypeError:
        return False
    if _invalid(limit).search(joined):
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
    elements: Sequence[_E], statements: Mapping[str, Statement], sections: Mapping[str, Section], *, of_statements: bool
) -> Iterator[_E]:
    """The statements (or, not ``of_statements``, the arguments) that the checks at once cannot pass, a slice at a
    time, in order: each slice of elements whose texts, tags, sizes, sections, schemes, steps and quotes all pass is
    left out.
    """
    for start in range(0, len(elements), _SLICE):
        part = elements[start : start + _SLICE]
        if not (AT_ONCE and _slice_at_once(part, statements, sections, of_statements=of_statements)):
            yield from part


def _slice_at_once(
    elements: Sequence[Statement | Argument],
    statements: Mapping[str, Statement],
    sections: Mapping[str, Section],
    *,
    of_statements: bool,
) -> bool:
    texts = [e.text for e in cast("Sequence[Statement]", elements)] if of_statements else []
    arguments = [] if of_statements else list(cast("Sequence[Argument]", elements))
    descriptions = [a.text for a in arguments]
    tags = [element.tags for element in elements]
    steps = list(chain.from_iterable(a.steps for a in arguments))
    rules = [step.rules for step in steps]
    schemes = [a.scheme for a in arguments if a.scheme is not None]
    ids = [element.id for element in elements]
    in_sections = {element.section for element in elements}
    in_sections.discard(None)
    quotes = list(chain.from_iterable(e.quotes for e in cast("Sequence[Statement]", elements))) if of_statements else []
    return (
        _texts_at_once([quote.source for quote in quotes])
        and _texts_at_once([quote.text for quote in quotes], limit=None)
        and _texts_at_once(texts, limit=None)
        and _texts_at_once(descriptions, allow_empty=True, limit=None)
        and _texts_at_once(list(chain.from_iterable(tags)))
        and _texts_at_once(schemes)
        and _texts_at_once(list(chain.from_iterable(rules)))
        and _texts_at_once(ids)  # (checked again with the tables; here only so that they have lengths)
        # The largest id and tags together fit, so each element's do.
        and max(map(len, ids), default=0) + 2 + _most_box(tags) <= MAX_NAME_LENGTH
        and _most_box(rules) <= MAX_NAME_LENGTH
        and in_sections <= sections.keys()
        and {*chain.from_iterable(step.premises for step in steps), *(step.conclusion for step in steps)}
        <= statements.keys()
        and not any(a.unused_premises for a in arguments)
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
        # A source has no location of its own.
        return cls(Subject(kind, id), getattr(element, "location", None))

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
    if isinstance(id, str) and id and not id[0].isspace() and not id[-1].isspace() and _clean(id, MAX_NAME_LENGTH):
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
    element: Statement | Argument, about: _About, sections: Mapping[str, Section], problems: list[Problem]
) -> None:
    tags_ok = [_text(tag, "tag", about, problems) for tag in element.tags]
    if all(tags_ok) and isinstance(element.id, str):  # (a bad id is reported already)
        _fits("id and tags", [element.id, *element.tags], about, problems)
    if element.section is not None and element.section not in sections:
        problems.append(about.problem("dangling-reference", f"unknown section {element.section!r}"))


def box_size(texts: Iterable[str]) -> int:
    """How much room texts shown together in one diagram box take: each counts its length and two characters of
    framing. Names together count so against :data:`MAX_NAME_LENGTH`, and a box's text against
    :data:`argmap.boxes.BOX_LENGTH`.
    """
    return sum(len(text) + 2 for text in texts)


def _fits(what: str, texts: list[str], about: _About, problems: list[Problem]) -> None:
    size = box_size(texts)
    if size > MAX_NAME_LENGTH:
        message = f"{what} are {size} characters together; the limit is {MAX_NAME_LENGTH}"
        problems.append(about.problem("invalid-text", message))


def _text(
    text: object,
    what: str,
    about: _About,
    problems: list[Problem],
    *,
    allow_empty: bool = False,
    limit: int | None = MAX_NAME_LENGTH,
) -> bool:
    if isinstance(text, str) and (allow_empty or (text and not text.isspace())) and _clean(text, limit):
        return True
    if not isinstance(text, str):
        problems.append(about.problem("invalid-text", f"{what} must be a string, not {type(text).__name__}"))
        return False
    if not allow_empty and not text.strip():
        problems.append(about.problem("empty-text", f"{what} is empty"))
        return False
    bad = _invalid(limit).search(text)
    if bad:
        code_point = ord(bad.group())
        kind = (
            "lone surrogate"
            if 0xD800 <= code_point <= 0xDFFF
            else "noncharacter"
            if code_point >= 0xFFFE
            else "bidirectional control"
            if code_point >= 0x202A
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
    return _invalid(limit).search(text) is None and (limit is None or len(text) <= limit)


def _invalid(limit: int | None) -> re.Pattern[str]:
    # Names are what has a length limit; prose (texts, titles) has none.
    return INVALID_CHARACTERS if limit is None else INVALID_IN_NAMES
