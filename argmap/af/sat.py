"""Complete, preferred and stable labellings and acceptance questions by a SAT solver: python-sat, an optional extra."""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from ..errors import SearchLimit
from .framework import Framework, Label

if TYPE_CHECKING:  # pysat is optional and ships no type hints; only the solver's methods used here are named
    from typing import Protocol

    class _Solver(Protocol):
        def add_clause(self, clause: list[int]) -> object: ...
        def set_phases(self, literals: list[int]) -> object: ...
        def solve_limited(self, assumptions: list[int] = ..., expect_interrupt: bool = ...) -> bool | None: ...
        def get_model(self) -> list[int] | None: ...
        def interrupt(self) -> object: ...
        def delete(self) -> object: ...


__all__ = ["SEMANTICS", "accepted_somewhere", "available", "labellings", "suited", "witness"]

#: The semantics this backend solves; the others are left to :mod:`argmap.af.search`.
SEMANTICS = ("complete", "preferred", "stable")

#: MiniSat 2.2: deterministic, can be interrupted (the deadline needs it; pysat's CaDiCaL cannot be), and the
#: fastest of pysat's solvers on these many small incremental calls.
_SOLVER = "minisat22"


def available() -> bool:
    """Whether python-sat can be imported, checked without importing it (that would slow every command's start)."""
    return importlib.util.find_spec("pysat") is not None


def suited(af: Framework, semantics: str, grounded: Sequence[Label]) -> bool:
    """Whether backend ``auto`` should use this solver for ``semantics`` on ``af``, given its grounded labelling by
    position.

    Always for preferred semantics, whose search (:mod:`argmap.af.search`) checks every labelling found so far at
    each step, and when nothing is open (the answer is then the grounded labelling, and no solver is started).
    For complete and stable semantics, not when every argument that grounded semantics leaves open has at most one
    open attacker (chains and cycles, and trees of them): there each choice the search makes settles everything
    downstream of it by propagation, so the search finds each labelling in linear time, faster than the solver's
    encoding is written.
    """
    positions = [i for i, label in enumerate(grounded) if label is Label.UNDEC]
    if semantics == "preferred" or not positions:
        return True
    attackers = af.attacker_positions
    return any(sum(grounded[b] is Label.UNDEC for b in attackers[i]) > 1 for i in positions)


class _Encoding:
    """The complete labellings of the arguments that the grounded labelling leaves undecided, as clauses.

    Every complete labelling extends the grounded one, and an argument that grounded semantics leaves open has no
    IN attacker there and its decided attackers all OUT; so only the open arguments and the attacks among them
    matter, and only they get variables: ``2k + 1`` says that the k-th open argument is IN, ``2k + 2`` that it is
    OUT, neither that it is UNDEC. The clauses are Caminada's conditions as Besnard and Doutre (2004) and Cerutti,
    Dunne, Giacomin and Vallati (TAFA 2013) write them: IN iff every attacker is OUT, OUT iff some attacker is IN.
    """

    def __init__(self, af: Framework, fixed: Sequence[Label]) -> None:
        self.fixed = fixed
        self.open = [i for i, label in enumerate(fixed) if label is Label.UNDEC]
        number = {position: k for k, position in enumerate(self.open)}
        self.attackers = [[number[b] for b in af.attacker_positions[i] if fixed[b] is Label.UNDEC] for i in self.open]

    @staticmethod
    def accepted(k: int) -> int:
        """The variable that says that the k-th open argument is IN."""
        return 2 * k + 1

    def clauses(self, stable: bool) -> Iterator[list[int]]:
        # The variables are written out rather than through accepted(): this runs once per attack of frameworks
        # with hundreds of thousands.
        for k, attackers in enumerate(self.attackers):
            accepted, rejected = 2 * k + 1, 2 * k + 2
            yield [-accepted, -rejected]
            yield [accepted, *[-2 * b - 2 for b in attackers]]
            yield [-rejected, *[2 * b + 1 for b in attackers]]
            for b in attackers:
                yield [-accepted, 2 * b + 2]
                yield [-2 * b - 1, rejected]
            if stable:
                yield [accepted, rejected]

    def admissible(self) -> Iterator[list[int]]:
        """The admissible sets of the open arguments, over the IN variables alone: no member attacks another, and
        each attacker of a member is attacked by a member. Joined to the grounded extension, each is an admissible
        set of the framework, and every admissible set's open part is one (a decided attacker is OUT, so attacked
        by the grounded extension).
        """
        for k, attackers in enumerate(self.attackers):
            accepted = 2 * k + 1
            for b in attackers:
                yield [-accepted, -2 * b - 1]
                yield [-accepted, *[2 * c + 1 for c in self.attackers[b]]]

    def labels(self, model: Sequence[int] | None) -> list[Label]:
        """The labelling of the whole framework: the grounded labels, and the model's for the open arguments;
        ``None`` for the grounded labelling itself.
        """
        labels = list(self.fixed)
        if model is not None:
            size = 2 * len(self.open)
            # pysat's models list variable v at index v - 1, as v when true and -v when false.
            for position, accepted, rejected in zip(self.open, model[0:size:2], model[1:size:2], strict=True):
                if accepted > 0:
                    labels[position] = Label.IN
                elif rejected > 0:
                    labels[position] = Label.OUT
        return labels


class _Calls:
    """One solver and the deadline over its calls: a timer interrupts a call still running when the time is up."""

    def __init__(self, solver: _Solver, encoding: _Encoding, deadline: tuple[float, str] | None) -> None:
        self.solver = solver
        self.deadline = deadline
        self.size = 2 * len(encoding.open)  # the labelling's variables; those past them switch clauses on and off
        self.variables = self.size
        self.timer: threading.Timer | None = None
        if deadline is not None:
            self.timer = threading.Timer(max(0.0, deadline[0] - time.monotonic()), solver.interrupt)
            self.timer.daemon = True
            self.timer.start()

    def solve(self, assumptions: list[int]) -> list[int] | None:
        """A model of the clauses under the assumptions, or ``None`` if there is none; past the deadline,
        :class:`~argmap.SearchLimit`.
        """
        if self.deadline is not None and time.monotonic() > self.deadline[0]:
            raise SearchLimit(self.deadline[1])
        found = self.solver.solve_limited(assumptions, expect_interrupt=self.deadline is not None)
        if found is None:  # interrupted by the timer
            assert self.deadline is not None
            raise SearchLimit(self.deadline[1])
        return self.solver.get_model() if found else None

    def fresh(self) -> int:
        """A variable not used before, to switch clauses on and off."""
        self.variables += 1
        return self.variables

    def larger(self, model: list[int], assumptions: Sequence[int] = ()) -> list[int] | None:
        """A model whose IN set strictly holds ``model``'s, under the assumptions, or ``None``.

        A larger admissible set adds only arguments that this one does not attack: its UNDEC ones. With none (a
        stable labelling), there is none larger, and the solver is not asked. The clause that asks for one of them
        is switched on for this call alone, then switched off for good: the solver keeps what it learnt, and no new
        solver is made per step.
        """
        undecided = [v + 1 for v in range(0, self.size, 2) if model[v] < 0 and model[v + 1] < 0]
        if not undecided:
            return None
        switch = self.fresh()
        self.solver.add_clause([-switch, *undecided])
        found = self.solve([switch, *(v + 1 for v in range(0, self.size, 2) if model[v] > 0), *assumptions])
        self.solver.add_clause([-switch])
        return found

    def grown(self, model: list[int], assumptions: Sequence[int] = ()) -> list[int]:
        """``model`` grown, under the assumptions, by one more argument IN at a time until no more can be: a
        labelling whose IN set is maximal among those the assumptions allow (the PrefSAT scheme).
        """
        while (larger := self.larger(model, assumptions)) is not None:
            model = larger
        return model

    def close(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
        self.solver.delete()


def labellings(
    af: Framework, semantics: str, grounded: Sequence[Label], deadline: tuple[float, str] | None = None
) -> Iterator[list[Label]]:
    """Each ``semantics`` labelling of ``af`` (one of :data:`SEMANTICS`), as a label per argument position.

    ``grounded`` is the framework's grounded labelling by position (:func:`argmap.af.grounded`); ``deadline`` is
    a ``time.monotonic()`` instant and the message of the :class:`~argmap.SearchLimit` raised past it. Each
    labelling costs a bounded number of incremental solver calls: one for a complete or stable labelling, which
    then blocks its IN set (which determines the rest) within its part of the search space, so that no call sees
    more than about 2,000 blocking clauses; for a preferred one, a complete labelling grown
    by calls that require one more argument IN until none can be (the PrefSAT scheme of Cerutti, Dunne, Giacomin
    and Vallati, TAFA 2013), then a clause that every later one accept something outside its IN set. For complete
    semantics the grounded labelling comes first; after that the order is the solver's, deterministic for one
    version of python-sat. Requires python-sat (:func:`available`).
    """
    encoding = _Encoding(af, grounded)
    if not encoding.open:  # the grounded labelling decides everything: it is the only complete labelling
        yield list(grounded)
        return
    yield from _solve(encoding, semantics, deadline)


def _solve(encoding: _Encoding, semantics: str, deadline: tuple[float, str] | None) -> Iterator[list[Label]]:
    from pysat.solvers import Solver

    solver: _Solver = Solver(name=_SOLVER, bootstrap_with=list(encoding.clauses(semantics == "stable")))
    everyone = range(len(encoding.open))
    accepted = encoding.accepted
    calls = _Calls(solver, encoding, deadline)
    try:
        if semantics == "preferred":
            # Trying IN first makes the first complete labelling found often maximal already.
            solver.set_phases([accepted(k) for k in everyone])
            yield from _preferred(encoding, calls)
            return
        if semantics == "complete":
            yield encoding.labels(None)
            # The grounded labelling is the only complete one with nothing open IN.
            solver.add_clause([accepted(k) for k in everyone])
        yield from _all(encoding, calls)
    finally:
        calls.close()


#: How many labellings one part of the search space may block before it is split in two (see :func:`_all`).
_PART = 1000


def _all(encoding: _Encoding, calls: _Calls) -> Iterator[list[Label]]:
    """Every model of the solver's clauses, each blocked once found; the solver's own order within each part.

    Each clause that blocks a labelling makes every later call slower, so enumerating through one growing set of
    them costs the square of the labellings. Instead the search space is cut into parts, each a set of assumptions
    on the IN variables: once a part has blocked :data:`_PART` labellings, it is split in two on an argument that
    divides its labellings as evenly as the next ones can, and each half takes over only the blocking clauses of
    its own labellings. Each part's clauses are switched on by a variable of its own and switched off for good when
    it is split or exhausted, so the solver drops them; no call ever sees more than about ``2 * _PART``.
    """
    solver = calls.solver
    size = len(encoding.open)
    # Each part: its assumptions, the next argument it may be split on, and the blocking clauses it inherits.
    parts: list[tuple[list[int], int, list[list[int]]]] = [([], 0, [])]
    while parts:
        cube, start, inherited = parts.pop()
        part = calls.fresh()
        for clause in inherited:
            solver.add_clause([-part, *clause])
        blocked = inherited
        while (model := calls.solve([part, *cube])) is not None:
            yield encoding.labels(model)
            clause = [-literal for literal in model[0 : 2 * size : 2]]
            solver.add_clause([-part, *clause])
            blocked.append(clause)
            if len(blocked) >= _PART and start < size:
                split = _divider(blocked, start, size)
                # Depth first, the half where the argument is IN last: it is taken first.
                parts.append(([*cube, -2 * split - 1], split + 1, [c for c in blocked if c[split] > 0]))
                parts.append(([*cube, 2 * split + 1], split + 1, [c for c in blocked if c[split] < 0]))
                break
        solver.add_clause([-part])


def _divider(blocked: list[list[int]], start: int, size: int) -> int:
    """The first argument from ``start`` on that is IN in between a quarter and three quarters of the blocked
    labellings (so that each half inherits a fair share of the clauses), or else the one nearest to half.
    """
    best, distance = start, len(blocked) + 1
    for k in range(start, size):
        # A blocking clause holds -v for an argument IN in its labelling, v for one not IN.
        inside = sum(clause[k] < 0 for clause in blocked)
        if len(blocked) <= 4 * inside <= 3 * len(blocked):
            return k
        if abs(2 * inside - len(blocked)) < distance:
            best, distance = k, abs(2 * inside - len(blocked))
    return best


def _preferred(encoding: _Encoding, calls: _Calls) -> Iterator[list[Label]]:
    solver, accepted = calls.solver, encoding.accepted
    everyone = range(len(encoding.open))
    while (model := calls.solve([])) is not None:
        model = calls.grown(model)
        yield encoding.labels(model)
        # Every later labelling must accept something outside this one's IN set.
        outside = [accepted(k) for k in everyone if model[2 * k] < 0]
        if not outside:  # everything open is IN: no other preferred labelling can exist
            return
        solver.add_clause(outside)


def witness(
    af: Framework,
    semantics: str,
    grounded: Sequence[Label],
    position: int,
    inside: bool,
    deadline: tuple[float, str] | None = None,
) -> list[Label] | None:
    """A ``semantics`` labelling of ``af`` (one of :data:`SEMANTICS`) with the argument at ``position`` IN
    (``inside``) or not IN, or ``None`` if there is none: the certificate of a credulous "yes" or a skeptical "no".
    Arguments as :func:`labellings`.

    For complete and stable semantics, one solver call with the argument's label assumed. For a preferred
    labelling with the argument IN, that complete labelling is grown into a preferred one; so is one with the
    argument OUT, for a preferred labelling without it. Where none has it OUT, a complete labelling with it UNDEC is
    grown as far as it can be without it: if it can grow no further at all, it is preferred; if it can, every
    larger one has the argument IN, so no preferred labelling without it holds this one's IN set, and a clause
    rules out that set and every set within it before the next call. This is the scheme of CEGARTIX (Dvořák,
    Järvisalo, Wallner and Woltran, Artificial Intelligence, 2014).
    """
    if grounded[position] is not Label.UNDEC:
        # Every complete labelling gives the argument its grounded label: any labelling answers, or none does.
        if (grounded[position] is Label.IN) != inside:
            return None
        return next(labellings(af, semantics, grounded, deadline), None)
    from pysat.solvers import Solver

    encoding = _Encoding(af, grounded)
    everyone = range(len(encoding.open))
    argument = encoding.accepted(encoding.open.index(position))
    assumed = argument if inside else -argument
    solver: _Solver = Solver(name=_SOLVER, bootstrap_with=list(encoding.clauses(semantics == "stable")))
    calls = _Calls(solver, encoding, deadline)
    try:
        if semantics != "preferred":
            model = calls.solve([assumed])
            return None if model is None else encoding.labels(model)
        solver.set_phases([encoding.accepted(k) for k in everyone])
        if inside:
            model = calls.solve([assumed])
            return None if model is None else encoding.labels(calls.grown(model))
        # First one with the argument OUT: growing a labelling keeps what attacks it IN, so every preferred
        # labelling above it has the argument OUT too, and no maximality needs checking.
        model = calls.solve([argument + 1])
        if model is not None:
            return encoding.labels(calls.grown(model))
        while (model := calls.solve([assumed])) is not None:
            model = calls.grown(model, [assumed])
            if calls.larger(model) is None:
                return encoding.labels(model)
            solver.add_clause([encoding.accepted(k) for k in everyone if model[2 * k] < 0])
        return None
    finally:
        calls.close()


def accepted_somewhere(
    af: Framework, grounded: Sequence[Label], deadline: tuple[float, str] | None = None
) -> bytearray:
    """For each argument position, 1 if some complete labelling of ``af`` has it IN (so some preferred one too),
    else 0; arguments as :func:`labellings`.

    Admissible sets suffice (each lies inside a preferred extension, and complete ones are admissible), and they
    need no OUT variables: on the ICCMA instance a1210993 they were three times as fast as complete labellings.
    One solver answers every round: each asks for an admissible set with some argument that no earlier one had,
    through a clause switched on for that call alone, with those arguments tried IN first and the others left out
    first, so that each takes in as many as it can. At most one call per argument, and far fewer in practice: 130
    for the 7,149 open arguments of a1210993.
    """
    from pysat.solvers import Solver

    accepted = bytearray(label is Label.IN for label in grounded)
    encoding = _Encoding(af, grounded)
    if not encoding.open:
        return accepted
    solver: _Solver = Solver(name=_SOLVER, bootstrap_with=list(encoding.admissible()))
    everyone = range(len(encoding.open))
    unknown = list(everyone)
    solver.set_phases([encoding.accepted(k) for k in unknown])
    calls = _Calls(solver, encoding, deadline)
    try:
        while unknown:
            switch = calls.fresh()
            solver.add_clause([-switch, *(encoding.accepted(k) for k in unknown)])
            model = calls.solve([switch])
            solver.add_clause([-switch])
            if model is None:
                break
            for k in unknown:
                if model[2 * k] > 0:
                    accepted[encoding.open[k]] = 1
            unknown = [k for k in unknown if model[2 * k] < 0]
            # Leaving out what is known to be IN somewhere leaves room for the rest.
            solver.set_phases([-encoding.accepted(k) for k in everyone] + [encoding.accepted(k) for k in unknown])
    finally:
        calls.close()
    return accepted
