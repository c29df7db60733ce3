"""The labellings of a framework: grounded in linear time, and a search for the complete, preferred and stable ones."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

from .._gc import pauses_gc
from ..errors import OptionError, SearchLimit
from . import sat
from .framework import Framework, Label

__all__ = ["BACKENDS", "SEMANTICS", "grounded", "labellings"]

#: The semantics :func:`labellings` knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable")

#: The solvers :func:`labellings` can use: ``auto`` (the SAT solver when python-sat is installed, else the search),
#: ``sat`` (:mod:`argmap.af.sat`, for complete, preferred and stable semantics) or ``search`` (this module's own).
BACKENDS = ("auto", "sat", "search")


# Labels as bits, so that a set of labels still possible for an argument (its domain) is one small integer.
_IN, _OUT, _UNDEC = 1, 2, 4
_ANY = _IN | _OUT | _UNDEC
_LABEL = {_IN: Label.IN, _OUT: Label.OUT, _UNDEC: Label.UNDEC}
_BITS = {label: bits for bits, label in _LABEL.items()}


def _grounded(af: Framework) -> list[int]:
    """The grounded labelling as bits, 0 for undecided: IN once every attacker is OUT, OUT once an attacker is IN."""
    targets = af.target_positions
    labels = [0] * len(af.arguments)
    missing = [len(attackers) for attackers in af.attacker_positions]  # attackers not yet OUT
    todo = [i for i, count in enumerate(missing) if count == 0]
    for i in todo:
        labels[i] = _IN
    while todo:
        for target in targets[todo.pop()]:
            # An IN argument's target cannot be IN itself: that would need this attacker OUT.
            if labels[target]:
                continue
            labels[target] = _OUT
            for victim in targets[target]:
                missing[victim] -= 1
                if missing[victim] == 0 and not labels[victim]:
                    labels[victim] = _IN
                    todo.append(victim)
    return labels


def _as_labelling(af: Framework, bits: Sequence[int]) -> dict[str, Label]:
    return {name: _LABEL[bits[i] or _UNDEC] for i, name in enumerate(af.arguments)}


@pauses_gc
def grounded(af: Framework) -> dict[str, Label]:
    """The grounded labelling, in linear time: the least complete labelling, grown from the unattacked arguments.

    >>> af = Framework(("a", "b", "c"), (("a", "b"), ("b", "c")))
    >>> [label.value for label in grounded(af).values()]
    ['in', 'out', 'in']
    """
    return _as_labelling(af, _grounded(af))


#: When a search must stop (a ``time.monotonic()`` instant), and what to say then; ``None`` for no limit.
_Deadline = tuple[float, str] | None


class _Search:
    """Depth-first search over label domains, each choice propagated to a fixpoint and undone through a trail.

    An argument's constraint is the definition of a complete labelling: IN iff every attacker is OUT, OUT iff some
    attacker is IN, UNDEC otherwise (Caminada's labellings). Propagation removes every label without support in
    that constraint, for the argument and for each attacker, in the manner of the labelling-based algorithms of
    Nofal, Atkinson and Dunne (Artificial Intelligence 207, 2014); a full assignment at a fixpoint is therefore a
    complete labelling. ``clauses`` add "some member is IN" constraints, which the preferred search uses to grow a
    labelling and to skip labellings already covered.
    """

    def __init__(
        self, af: Framework, domains: list[int], clauses: Sequence[Sequence[int]] = (), *, deadline: _Deadline = None
    ) -> None:
        self.deadline = deadline
        self.attackers = af.attacker_positions
        self.targets = af.target_positions
        self.domains = domains
        self.clauses = tuple(clauses)
        self.size = len(domains)
        self.clauses_of: list[list[int]] = [[] for _ in domains]
        # For each clause, how many members may still be IN: kept up to date so a long clause is not rescanned.
        self.may_be_in = [0] * len(self.clauses)
        for number, clause in enumerate(self.clauses):
            for member in clause:
                self.clauses_of[member].append(number)
                self.may_be_in[number] += domains[member] & _IN
        self.trail: list[tuple[int, int]] = []  # (argument, its domain before the change)
        self.queue: list[int] = []  # constraints to revise: an argument's index, or size + a clause's index
        self.queued = bytearray(self.size + len(self.clauses))

    def _push(self, constraint: int) -> None:
        if not self.queued[constraint]:
            self.queued[constraint] = 1
            self.queue.append(constraint)

    def _narrow(self, i: int, domain: int) -> bool:
        old = self.domains[i]
        if domain == old:
            return True
        if not domain:
            return False
        self.trail.append((i, old))
        self.domains[i] = domain
        self._push(i)
        for target in self.targets[i]:
            self._push(target)
        if old & _IN and not domain & _IN:
            for clause in self.clauses_of[i]:
                self.may_be_in[clause] -= 1
                self._push(self.size + clause)
        return True

    def _revise(self, a: int) -> bool:
        domains = self.domains
        attackers = self.attackers[a]
        k = len(attackers)
        can_in = can_out = can_undec = can_not_in = 0
        for b in attackers:
            d = domains[b]
            can_in += d & _IN
            can_out += d >> 1 & 1
            can_undec += d >> 2 & 1
            can_not_in += d > _IN
        allowed = 0
        if can_out == k:
            allowed |= _IN
        if can_in:
            allowed |= _OUT
        if can_not_in == k and can_undec:
            allowed |= _UNDEC
        if not self._narrow(a, domains[a] & allowed):
            return False
        mine = domains[a]
        # The counts above include each attacker itself, hence the "- 1" when asking about all the others; a domain
        # that shrank since only makes these tests more generous, so no label is removed wrongly.
        others_not_in = can_not_in - 1 == k - 1
        for b in attackers:
            d = domains[b]
            supported = _IN if mine & _OUT else 0
            if d & _OUT and (
                (mine & _IN and can_out == k)
                or (mine & _OUT and can_in - (d & _IN) > 0)
                or (mine & _UNDEC and others_not_in and can_undec - (d >> 2 & 1) > 0)
            ):
                supported |= _OUT
            if d & _UNDEC and ((mine & _OUT and can_in - (d & _IN) > 0) or (mine & _UNDEC and others_not_in)):
                supported |= _UNDEC
            if d & ~supported and not self._narrow(b, d & supported):
                return False
        return True

    def _revise_clause(self, clause: int) -> bool:
        if self.may_be_in[clause] != 1:
            return self.may_be_in[clause] > 1
        domains = self.domains
        return self._narrow(next(member for member in self.clauses[clause] if domains[member] & _IN), _IN)

    def _propagate(self) -> bool:
        queue, queued, size = self.queue, self.queued, self.size
        while queue:
            constraint = queue.pop()
            queued[constraint] = 0
            ok = self._revise(constraint) if constraint < size else self._revise_clause(constraint - size)
            if not ok:
                for rest in queue:
                    queued[rest] = 0
                queue.clear()
                return False
        return True

    def _undo(self, mark: int) -> None:
        trail, domains = self.trail, self.domains
        while len(trail) > mark:
            i, old = trail.pop()
            if old & _IN and not domains[i] & _IN:
                for clause in self.clauses_of[i]:
                    self.may_be_in[clause] += 1
            domains[i] = old

    def _open(self, start: int) -> int:
        domains = self.domains
        for i in range(start, self.size):
            if domains[i] & (domains[i] - 1):  # more than one label left
                return i
        return self.size

    def solutions(self, order: Sequence[int] = (_IN, _OUT, _UNDEC)) -> Iterator[list[int]]:
        """Every full assignment the constraints allow, each once, trying the labels of a choice in ``order``."""
        for constraint in range(len(self.queued)):
            self._push(constraint)
        if not self._propagate():
            return
        # Each entry: the argument chosen, its labels not yet tried, and the trail length before the choice.
        stack: list[tuple[int, list[int], int]] = []
        # Arguments before the latest choice were all decided when it was made, so the scan resumes there.
        start = 0
        while True:
            if self.deadline is not None and time.monotonic() > self.deadline[0]:
                raise SearchLimit(self.deadline[1])
            chosen = self._open(start)
            if chosen == self.size:
                yield list(self.domains)
            else:
                domain = self.domains[chosen]
                stack.append((chosen, [bit for bit in order if domain & bit], len(self.trail)))
            while stack:
                chosen, untried, mark = stack[-1]
                self._undo(mark)
                if not untried:
                    stack.pop()
                    continue
                if self._narrow(chosen, untried.pop(0)) and self._propagate():
                    start = chosen
                    break
            else:
                return


def _first(search: _Search) -> list[int] | None:
    return next(search.solutions(), None)


def _preferred(af: Framework, base: list[int], deadline: _Deadline) -> Iterator[list[int]]:
    """Preferred labellings: a complete labelling grown until no complete one has a larger IN set, then the next
    complete labelling whose IN set escapes every one found so far: the scheme of PrefSAT (Cerutti, Dunne, Giacomin
    and Vallati, TAFA 2013), with this search in place of a SAT solver.
    """
    everyone = range(len(base))
    found: list[list[int]] = []  # for each preferred labelling, the arguments outside its IN set
    while (labelling := _first(_Search(af, list(base), found, deadline=deadline))) is not None:
        while True:
            accepted = [i for i in everyone if labelling[i] == _IN]
            outside = [i for i in everyone if labelling[i] != _IN]
            grown = list(base)
            for i in accepted:
                grown[i] = _IN
            larger = _first(_Search(af, grown, [outside], deadline=deadline))
            if larger is None:
                break
            labelling = larger
        yield labelling
        found.append(outside)


def _solve(af: Framework, semantics: str, deadline: _Deadline, backend: str = "search") -> Iterator[list[int]]:
    if semantics == "grounded":
        yield _grounded(af)
        return
    ground = _grounded(af)
    if semantics in sat.SEMANTICS and backend != "search":
        fixed = [_LABEL[bits or _UNDEC] for bits in ground]
        if backend == "sat" or (sat.available() and sat.suited(af, semantics, fixed)):
            for labels in sat.labellings(af, semantics, fixed, deadline):
                yield [_BITS[label] for label in labels]
            return
    # Every complete labelling extends the grounded one, so the search starts from it.
    open_labels = _IN | _OUT if semantics == "stable" else _ANY
    base = [bits or open_labels for bits in ground]
    if semantics == "preferred":
        yield from _preferred(af, base, deadline)
    else:
        # UNDEC first makes the grounded labelling, which is complete, the first found, without any backtracking.
        order = (_UNDEC, _IN, _OUT) if semantics == "complete" else (_IN, _OUT)
        yield from _Search(af, base, deadline=deadline).solutions(order)


def labellings(
    af: Framework,
    semantics: str,
    *,
    limit: int | None = None,
    timeout: float | None = None,
    backend: str = "auto",
) -> Iterator[dict[str, Label]]:
    """The labellings of ``af`` under ``semantics`` (one of :data:`SEMANTICS`), at most ``limit`` of them.

    ``timeout`` bounds the seconds the search may take, counted from the first labelling asked for: past it, the
    iterator raises :class:`~argmap.SearchLimit` (the labellings already yielded stand).

    ``backend`` (one of :data:`BACKENDS`) chooses the solver for complete, preferred and stable semantics. The
    order is deterministic, and each backend's own: this module's search decides arguments in order, trying IN,
    then OUT, then UNDEC (for complete semantics UNDEC first, so that the grounded labelling is the first one);
    the SAT solver (:func:`argmap.af.sat.labellings`) yields in its order, the grounded labelling first for
    complete semantics too. Both yield the same labellings. Grounded gives exactly one
    labelling; a framework may have no stable labelling at all. Work is done only as labellings are taken, so a
    small ``limit`` returns early; but preferred and stable reasoning is intractable in general (whether a stable
    labelling exists is NP-complete), and a large dense framework can take very long. An unknown semantics or
    backend, ``sat`` without python-sat, or a negative limit raises :class:`~argmap.OptionError` at once.

    >>> af = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    >>> [[label.value for label in labelling.values()] for labelling in labellings(af, "preferred", backend="search")]
    [['in', 'out'], ['out', 'in']]
    """
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}: choose one of {', '.join(SEMANTICS)}")
    if limit is not None and limit < 0:
        raise OptionError(f"the limit must be 0 or more, not {limit}")
    if timeout is not None and not timeout > 0:
        raise OptionError(f"the timeout must be a positive number of seconds, not {timeout}")
    _check_backend(backend)
    return _labellings(af, semantics, limit, timeout, backend)


def _check_backend(backend: str) -> None:
    """Raise :class:`~argmap.OptionError` for a backend not in :data:`BACKENDS`, or ``sat`` without python-sat."""
    if backend not in BACKENDS:
        raise OptionError(f"unknown backend {backend!r}: choose one of {', '.join(BACKENDS)}")
    if backend == "sat" and not sat.available():
        raise OptionError("the sat backend needs python-sat, which is not installed: pip install 'argmap[sat]'")


def _labellings(
    af: Framework, semantics: str, limit: int | None, timeout: float | None, backend: str
) -> Iterator[dict[str, Label]]:
    if limit == 0:
        return
    deadline: _Deadline = None
    if timeout is not None:
        message = f"no further {semantics} labelling found within {timeout:g} s; the problem is intractable in general"
        deadline = (time.monotonic() + timeout, message)
    for count, bits in enumerate(_solve(af, semantics, deadline, backend), start=1):
        yield _as_labelling(af, bits)
        if count == limit:
            return
