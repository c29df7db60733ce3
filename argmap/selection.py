"""Parts of a map: the elements a selection keeps, as a map of their own that stays intact."""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Literal

import attrs

from .errors import OptionError
from .model import Argument, ArgumentMap, ElementType, Statement

if TYPE_CHECKING:
    from .evaluate import Labelling

__all__ = ["REACHES", "Key", "Reach", "chosen_part", "select", "without"]

#: An element of a map: its kind and id.
Key = tuple[ElementType, str]
#: Which way a neighbourhood reaches from its elements: to their reasons (``"in"``: what supports or attacks them),
#: to what they bear on (``"out"``), or both.
Reach = Literal["in", "out", "both"]
#: The values of ``reach``.
REACHES: tuple[str, ...] = ("in", "out", "both")

_S, _A = ElementType.STATEMENT, ElementType.ARGUMENT


def _keys(m: ArgumentMap, ids: Iterable[str | Key]) -> set[Key]:
    """The elements ``ids`` names: a pair, or a bare id that names a statement, an argument or both."""
    found: set[Key] = set()
    for id in ids:
        if isinstance(id, tuple):
            if not m.has(*id):
                raise OptionError(f"the map has no {id[0].value} {id[1]!r}")
            found.add(id)
            continue
        named = {(type, id) for type in (_S, _A) if m.has(type, id)}
        if not named:
            raise OptionError(f"the map has no statement or argument {id!r}")
        found |= named
    return found


def _links(m: ArgumentMap) -> Iterator[tuple[Key, Key]]:
    """Every tie from a reason to what it bears on: relations, premises into their arguments, arguments into their
    conclusions.
    """
    for relation in m.relations:
        yield (relation.source_type, relation.source), (relation.target_type, relation.target)
    for argument in m.arguments:
        for premise in argument.premises:
            yield (_S, premise), (_A, argument.id)
        if argument.conclusion is not None:
            yield (_A, argument.id), (_S, argument.conclusion)


def _within(m: ArgumentMap, start: set[Key], depth: int, reach: str) -> set[Key]:
    """The elements at most ``depth`` ties from ``start``, breadth first (iterative, linear in the map)."""
    forward: dict[Key, list[Key]] = {}
    backward: dict[Key, list[Key]] = {}
    for reason, target in _links(m):
        forward.setdefault(reason, []).append(target)
        backward.setdefault(target, []).append(reason)
    steps = [backward] if reach == "in" else [forward] if reach == "out" else [backward, forward]
    reached = set(start)
    queue = deque((key, 0) for key in start)
    while queue:
        key, distance = queue.popleft()
        if distance == depth:
            continue
        for table in steps:
            for neighbour in table.get(key, ()):
                if neighbour not in reached:
                    reached.add(neighbour)
                    queue.append((neighbour, distance + 1))
    return reached


def _in_sections(m: ArgumentMap, sections: Collection[str]) -> set[Key]:
    known = {section.id for section in m.sections}
    unknown = sorted(set(sections) - known)
    if unknown:
        raise OptionError(f"the map has no section {', '.join(map(repr, unknown))}")
    chosen = set(sections)
    for section in m.sections:  # a section comes after its parent
        if section.parent in chosen:
            chosen.add(section.id)
    return {_key(e) for e in _elements(m) if e.section in chosen}


def _elements(m: ArgumentMap) -> list[Statement | Argument]:
    return [*m.statements, *m.arguments]


def _elements_of(statements: list[Statement], arguments: list[Argument]) -> list[Statement | Argument]:
    return [*statements, *arguments]


def _key(element: Statement | Argument) -> Key:
    return (_S if isinstance(element, Statement) else _A, element.id)


def select(
    m: ArgumentMap,
    *,
    ids: Iterable[str | Key] | None = None,
    depth: int = 0,
    reach: Reach = "both",
    sections: Collection[str] | None = None,
    tags: Collection[str] | None = None,
    labelling: Labelling | None = None,
    statuses: Collection[str] | None = None,
    connected: bool = False,
) -> ArgumentMap:
    """The part of ``m`` that every given criterion keeps (they combine as an intersection), as a map of its own.

    ``ids`` (statement or argument ids, or ``(ElementType, id)`` pairs) with ``depth``: those elements and those at
    most ``depth`` ties away, following ``reach`` (``"in"``: their reasons; ``"out"``: what they bear on;
    ``"both"``). Ties are relations, premises into their arguments and arguments into their conclusions.
    ``sections``: the elements of those sections and their subsections. ``tags``: the elements with any of them.
    ``statuses`` (of ``"in"``, ``"out"``, ``"undec"``) with a ``labelling`` of ``m``: the elements labelled so.
    ``connected``: leave out what no kept relation or argument ties to anything else kept.

    The result stays intact, so that checks, evaluation and every writer work on it: a kept argument keeps the
    statements of its steps, a relation is kept when both its ends are, and sections and sources are kept where
    kept elements need them. Linear in the size of the map. Raises :class:`~argmap.OptionError` for an unknown id,
    section or status, a negative depth, or statuses without a labelling.
    """
    if isinstance(depth, bool) or not isinstance(depth, int) or depth < 0:
        raise OptionError(f"depth must be a number of ties (0 or more), not {depth!r}")
    if reach not in REACHES:
        raise OptionError(f"unknown reach {reach!r}: use one of {', '.join(REACHES)}")
    kept: set[Key] = {_key(e) for e in _elements(m)}
    if ids is not None:
        kept &= _within(m, _keys(m, ids), depth, reach)
    if sections is not None:
        kept &= _in_sections(m, sections)
    if tags is not None:
        wanted = set(tags)
        kept &= {_key(e) for e in _elements(m) if wanted.intersection(e.tags)}
    if statuses is not None:
        if labelling is None:
            raise OptionError("statuses need a labelling of the map: pass labelling=evaluate(m)")
        unknown = sorted(set(statuses) - {"in", "out", "undec"})
        if unknown:
            raise OptionError(f"unknown statuses {', '.join(map(repr, unknown))}: use in, out or undec")
        kept &= {key for key in kept if labelling.label(*key).value in statuses}
    if connected:
        tied = {end for link in _links(m) if link[0] in kept and link[1] in kept for end in link}
        kept &= tied
    return _part(m, kept)


def chosen_part(
    m: ArgumentMap,
    *,
    ids: Iterable[str | Key] | None = None,
    depth: int = 0,
    reach: Reach = "both",
    sections: Collection[str] | None = None,
    tags: Collection[str] | None = None,
    statuses: Collection[str] | None = None,
    connected: bool = False,
    semantics: str = "grounded",
) -> ArgumentMap | None:
    """The part of ``m`` that a reader chose to draw, as the command line, the Sphinx directive and the MkDocs fence
    take the choice: :func:`select` with the criteria given, ``statuses`` judged by the labelling that
    :func:`~argmap.evaluate` gives under ``semantics``. ``None`` when none is given (no ``ids``, ``sections``,
    ``tags`` or ``statuses``, and not ``connected``): the document's own part is drawn then (see
    :func:`argmap.settings.settings_of`). Raises what :func:`select` and :func:`~argmap.evaluate` raise.
    """
    if ids is None and sections is None and tags is None and statuses is None and not connected:
        return None
    labelling = None
    if statuses is not None:
        # Here: only a choice by status needs the evaluation, which loads the frameworks and their solvers.
        from .evaluate import evaluate

        labelling = evaluate(m, semantics)
    return select(
        m,
        ids=ids,
        depth=depth,
        reach=reach,
        sections=sections,
        tags=tags,
        labelling=labelling,
        statuses=statuses,
        connected=connected,
    )


def without(m: ArgumentMap, ids: Iterable[str | Key]) -> ArgumentMap:
    """``m`` without the elements ``ids`` names (as in :func:`select`), dropping what would dangle instead of
    raising: relations to or from them, the steps and unused premises of arguments that use a statement left out (an
    argument without steps stays, sketched, and lists no unused premises), sections and sources nothing needs any more.
    """
    gone = _keys(m, ids)
    kept = {_key(e) for e in _elements(m)} - gone
    statements = {id for type, id in kept if type is _S}
    arguments = [_without_statements(a, statements) for a in m.arguments if (_A, a.id) in kept]
    return _assemble(m, kept, arguments)


def _without_statements(a: Argument, statements: set[str]) -> Argument:
    """``a`` with the steps and unused premises that use only ``statements`` (none left without steps)."""
    steps = [step for step in a.steps if {*step.premises, step.conclusion} <= statements]
    unused = [id for id in a.unused_premises if id in statements] if steps else []
    return attrs.evolve(a, steps=steps, unused_premises=unused)


def _part(m: ArgumentMap, kept: set[Key]) -> ArgumentMap:
    """The map of the elements ``kept``, with the statements of kept arguments' steps (and unused premises) added."""
    for argument in m.arguments:
        if (_A, argument.id) in kept:
            kept.update((_S, id) for id in argument.statement_ids())
            kept.update((_S, id) for id in argument.unused_premises)
    return _assemble(m, kept, [a for a in m.arguments if (_A, a.id) in kept])


def _assemble(m: ArgumentMap, kept: set[Key], arguments: list[Argument]) -> ArgumentMap:
    statements = [s for s in m.statements if (_S, s.id) in kept]
    relations = [r for r in m.relations if (r.source_type, r.source) in kept and (r.target_type, r.target) in kept]
    needed = {e.section for e in _elements_of(statements, arguments) if e.section is not None}
    for section in reversed(m.sections):  # a parent comes before its subsections
        if section.id in needed and section.parent is not None:
            needed.add(section.parent)
    quoted = {quote.source for s in statements for quote in s.quotes}
    # A source that no statement of the whole map quotes is the map's own, not an element's: it stays.
    ever_quoted = {quote.source for s in m.statements for quote in s.quotes}
    return ArgumentMap(
        title=m.title,
        statements=statements,
        arguments=arguments,
        relations=relations,
        sections=[s for s in m.sections if s.id in needed],
        sources=[s for s in m.sources if s.id in quoted or s.id not in ever_quoted],
        metadata=m.metadata,
        location=m.location,
        metadata_locations=m.metadata_locations,
    )
