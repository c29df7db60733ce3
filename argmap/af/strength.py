"""Gradual semantics: the strength of each argument of a framework, by the (weighted) h-categoriser."""

from __future__ import annotations

import math
import time
from collections.abc import Mapping

from .._gc import pauses_gc
from ..errors import MapError, OptionError, Problem, SearchLimit, Subject
from ._limits import check_timeout
from .framework import Framework

__all__ = ["MAX_ITERATIONS", "STRENGTH_SEMANTICS", "TOLERANCE", "check_weight", "h_categoriser"]

#: The gradual semantics of :func:`argmap.strength.strength`: the h-categoriser, where every element starts at 1,
#: and the weighted h-categoriser, where each starts at its weight (``data["weight"]``).
STRENGTH_SEMANTICS: tuple[str, ...] = ("h-categoriser", "weighted-h-categoriser")

#: How far, at most, each strength :func:`h_categoriser` gives may lie from the exact one.
TOLERANCE = 1e-9
#: How many rounds :func:`h_categoriser` iterates, by default, before it gives up with :class:`~argmap.SearchLimit`.
MAX_ITERATIONS = 1000


def check_weight(value: object) -> str | None:
    """Why ``value`` is not an initial weight (a real number from 0 to 1, not a boolean), or ``None`` if it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"a weight must be a number from 0 to 1, not {value!r}"
    if not 0 <= value <= 1:  # NaN fails this too
        return f"a weight must be from 0 to 1, not {value!r}"
    return None


@pauses_gc
def h_categoriser(
    af: Framework,
    weights: Mapping[str, float] | None = None,
    *,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
    timeout: float | None = None,
) -> dict[str, float]:
    """The strength of every argument, from 0 to 1, in framework order, by the h-categoriser.

    The strength of ``a`` is ``w(a) / (1 + s)``, where ``s`` is the sum of its attackers' strengths and ``w(a)``
    its initial weight: 1 for every argument without ``weights`` (the h-categoriser of Besnard and Hunter, 2001),
    else ``weights[a]`` (the weighted h-categoriser of Amgoud, Ben-Naim, Doder and Vesic, 2017), 1 where
    ``weights`` leaves an argument out. These equations have exactly one solution (Pu, Luo, Zhang and Luo,
    2014; Amgoud et al. 2017), found so:

    - an argument whose attackers all have their strength is solved at once, in the order of a topological sort,
      so every argument that no cycle of attacks reaches gets its exact strength in one pass;
    - the rest, starting from their weights, are recomputed from the previous round's strengths until no strength
      moves by more than ``2 * tolerance``. As the function is antitone, the rounds lie alternately above and below
      the solution, which is therefore between the last two: their midpoint, returned, is within ``tolerance`` of it.

    Each round is linear in the size of the framework, and nothing recurses. Past ``max_iterations`` rounds, or
    once the rounds have taken more than ``timeout`` seconds, :class:`~argmap.SearchLimit`. A weight that is not a
    number from 0 to 1, or names no argument, is a :class:`~argmap.MapError` listing every one; a tolerance, a
    count of rounds or a timeout that is not positive, an :class:`~argmap.OptionError`.

    >>> af = Framework(("a", "b", "c"), (("a", "b"), ("b", "c")))
    >>> h_categoriser(af)
    {'a': 1.0, 'b': 0.5, 'c': 0.6666666666666666}
    """
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float) or not 0 < tolerance < math.inf:
        raise OptionError(f"tolerance must be a positive number, not {tolerance!r}")
    if isinstance(max_iterations, bool) or not isinstance(max_iterations, int) or max_iterations < 1:
        raise OptionError(f"max_iterations must be a positive whole number, not {max_iterations!r}")
    check_timeout(timeout)
    deadline = None if timeout is None else (time.monotonic() + timeout, timeout)
    initial = _weights(af, weights)
    values, rest = _acyclic(af, initial)
    if rest:
        _iterate(af, initial, values, rest, tolerance, max_iterations, deadline)
    return dict(zip(af.arguments, values, strict=True))


def _weights(af: Framework, weights: Mapping[str, float] | None) -> list[float]:
    if weights is None:
        return [1.0] * len(af.arguments)
    problems: list[Problem] = []
    for name, value in weights.items():
        if name not in af.positions:
            problems.append(Problem("dangling-reference", "a weight for no argument", Subject("argument", str(name))))
        elif (why := check_weight(value)) is not None:
            problems.append(Problem("invalid-value", why, Subject("argument", name)))
    if problems:
        raise MapError(problems)
    return [float(weights.get(name, 1.0)) for name in af.arguments]


def _acyclic(af: Framework, initial: list[float]) -> tuple[list[float], list[int]]:
    """The exact strength of every argument that no cycle reaches (Kahn's order), and the positions of the rest,
    whose strengths are left at their weights: the upper bound that the rounds start from.
    """
    attackers = af.attacker_positions
    targets = af.target_positions
    values = list(initial)
    missing = [len(of) for of in attackers]  # attackers without their strength yet
    todo = [i for i, count in enumerate(missing) if count == 0]
    while todo:
        i = todo.pop()
        values[i] = initial[i] / (1.0 + sum(map(values.__getitem__, attackers[i])))
        for target in targets[i]:
            missing[target] -= 1
            if missing[target] == 0:
                todo.append(target)
    return values, [i for i, count in enumerate(missing) if count]


def _iterate(
    af: Framework,
    initial: list[float],
    values: list[float],
    rest: list[int],
    tolerance: float,
    rounds: int,
    deadline: tuple[float, float] | None,
) -> None:
    """Solve the arguments at ``rest`` in ``values``, in place, by rounds (see :func:`h_categoriser`); ``deadline``
    is a ``time.monotonic()`` instant and the timeout it came from.
    """
    attackers = af.attacker_positions
    previous = values
    gap = math.inf
    for done in range(rounds):
        if deadline is not None and time.monotonic() > deadline[0]:
            raise SearchLimit(
                f"the h-categoriser did not settle within {deadline[1]:g} s ({done} rounds): strengths still move by "
                f"{gap:.2g}; allow more time or a larger tolerance"
            )
        current = list(previous)
        get = previous.__getitem__
        for i in rest:
            current[i] = initial[i] / (1.0 + sum(map(get, attackers[i])))
        gap = max(abs(current[i] - previous[i]) for i in rest)
        if gap <= 2 * tolerance:
            for i in rest:
                values[i] = (previous[i] + current[i]) / 2
            return
        previous = current
    raise SearchLimit(
        f"the h-categoriser did not settle within {rounds} rounds: strengths still move by {gap:.2g}; "
        "allow more rounds or a larger tolerance"
    )
