"""The strength of each claim and argument of a map, from 0 to 1, by a gradual semantics (the h-categoriser)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._gc import gc_paused
from ._per_element import table_problems
from .af import MAX_ITERATIONS, STRENGTH_SEMANTICS, TOLERANCE, check_weight, h_categoriser
from .errors import Code, MapError, OptionError, Problem, Subject
from .evaluate import Origin, to_framework
from .model import ArgumentMap, ElementType

__all__ = ["Strengths", "strength"]

# The key of an element's data that holds its initial weight for the weighted h-categoriser.
_WEIGHT = "weight"


def _frozen(value: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(value))


def _check_semantics(semantics: str) -> None:
    if semantics not in STRENGTH_SEMANTICS:
        raise OptionError(f"unknown strength semantics {semantics!r}: choose one of {', '.join(STRENGTH_SEMANTICS)}")


@attrs.frozen
class Strengths:
    """The strength of every statement and every argument of a map, from 0 to 1 (unchallenged).

    ``statements`` and ``arguments`` map ids to strengths, in map order; ``semantics`` is one of
    :data:`~argmap.af.STRENGTH_SEMANTICS`; each strength is within ``tolerance`` of the exact one; ``map`` is the map. A
    missing, unknown or out-of-range strength raises :class:`~argmap.MapError` listing every problem.
    """

    semantics: str = attrs.field(validator=lambda _self, _attribute, value: _check_semantics(value))
    statements: Mapping[str, float] = attrs.field(converter=_frozen, hash=False)
    arguments: Mapping[str, float] = attrs.field(converter=_frozen, hash=False)
    map: ArgumentMap = attrs.field(kw_only=True, eq=False, repr=False, hash=False)
    tolerance: float = attrs.field(default=TOLERANCE, kw_only=True)

    def __attrs_post_init__(self) -> None:
        def bad(value: object) -> tuple[Code, str] | None:
            if check_weight(value) is None:
                return None
            return "invalid-value", f"a strength must be a number from 0 to 1, not {value!r}"

        problems = table_problems(
            self.map, self.statements, self.arguments, what="strength", missing="missing-key", bad=bad
        )
        if problems:
            raise MapError(problems)

    def value(self, type: ElementType, id: str) -> float:
        """The strength of the statement or argument ``id``; :class:`~argmap.OptionError` if the map has none."""
        values = self.statements if type is ElementType.STATEMENT else self.arguments
        if id not in values:
            raise OptionError(f"the map has no {type.value} {id!r}")
        return values[id]


def _weights(m: ArgumentMap) -> dict[str, float]:
    """The initial weight of each element of ``m`` that has one in its data, by the name of its framework argument;
    :class:`~argmap.MapError` listing every weight that is not a number from 0 to 1.
    """
    found: dict[str, float] = {}
    problems: list[Problem] = []
    for type, elements in ((ElementType.STATEMENT, m.statements), (ElementType.ARGUMENT, m.arguments)):
        for element in elements:
            if _WEIGHT not in element.data:
                continue
            value = element.data[_WEIGHT]
            why = check_weight(value)
            if why is None:
                found[Origin(type, element.id).name] = value
            else:
                problems.append(Problem("invalid-value", why, Subject(type.value, element.id), path=f"data.{_WEIGHT}"))
    if problems:
        raise MapError(problems)
    return found


def strength(
    m: ArgumentMap,
    semantics: str = "h-categoriser",
    *,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
    timeout: float | None = None,
) -> Strengths:
    """The strength of every statement and argument of ``m`` under a gradual semantics, one of
    :data:`~argmap.af.STRENGTH_SEMANTICS`, each within ``tolerance`` of the exact value.

    The map is the framework of :func:`~argmap.to_framework`, as for :func:`~argmap.evaluate`, and its strengths
    are those of :func:`argmap.af.h_categoriser`: an element's strength is its weight divided by one plus the sum
    of its attackers' strengths. An argument is attacked, too, by the rejection of each element it needs, whose
    strength is ``1 / (1 + s)`` for an element of strength ``s``: the weaker its premises and its claim, the weaker
    the argument. Support adds nothing to a claim's strength: only attacks count.

    ``"weighted-h-categoriser"`` starts each element at the number from 0 to 1 that its ``data["weight"]`` holds
    (``{weight: 0.8}`` in Argdown), and at 1 without one; a weight that is not a number from 0 to 1 raises
    :class:`~argmap.MapError` listing every one. Past ``max_iterations`` rounds or ``timeout`` seconds,
    :class:`~argmap.SearchLimit`; an unknown semantics: :class:`~argmap.OptionError`.
    """
    _check_semantics(semantics)
    given = _weights(m) if semantics == "weighted-h-categoriser" else None
    with gc_paused():
        framework, origins = to_framework(m)
        values = h_categoriser(framework, given, tolerance=tolerance, max_iterations=max_iterations, timeout=timeout)
        statements: dict[str, float] = {}
        arguments: dict[str, float] = {}
        for name, origin in origins.items():
            if not origin.negated:
                (statements if origin.type is ElementType.STATEMENT else arguments)[origin.id] = values[name]
    return Strengths(semantics, statements, arguments, map=m, tolerance=tolerance)
