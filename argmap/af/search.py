"""The labellings of a framework: grounded in linear time, a search for the others, and acceptance questions."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence

import attrs

from .._gc import pauses_gc
from ..errors import OptionError, SearchLimit
from . import sat
from ._limits import check_timeout
from .framework import Framework, Label

__all__ = ["BACKENDS", "SEMANTICS", "Verdict", "credulous", "grounded", "labellings", "skeptical"]

#: The semantics :func:`labellings` knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal", "eager")

#: The solvers :func:`labellings` can use: ``auto`` (the SAT solver when python-sat is installed, else the search),
#: ``sat`` (:mod:`argmap.af.sat`, for complete, preferred and stable semantics) or ``search`` (this module's own).
BACKENDS = ("auto", "sat", "search")


# Labels as bits, so that a set of labels still possible for an argument (its domain) is one small integer.
_IN, _OUT, _UNDEC = 1, 2, 4
_ANY = _IN | _OUT | _UNDEC
# The label of each domain that a search may end with, by its bits (0: undecided in the grounded labelling).
_LABELS = (Label.UNDEC, Label.IN, Label.OUT, Label.UNDEC, Label.UNDEC)
_BITS = {Label.IN: _IN, Label.OUT: _OUT, Label.UNDEC: _UNDEC}


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


def _as_labels(bits: Sequence[int]) -> list[Label]:
    return list(map(_LABELS.__getitem__, bits))


def _as_labelling(af: Framework, bits: Sequence[int]) -> dict[str, Label]:
    return dict(zip(af.arguments, map(_LABELS.__getitem__, bits), strict=True))


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
#: A constraint "some member has one of these labels": the labels as bits, and the members.
_Clause = tuple[int, Sequence[int]]


class _Search:
    """Depth-first search over label domains, each choice propagated to a fixpoint and undone through a trail.

    An argument's constraint is the definition of a complete labelling: IN iff every attacker is OUT, OUT iff some
    attacker is IN, UNDEC otherwise (Caminada's labellings). Propagation removes every label without support in
    that constraint, for the argument and for each attacker, in the manner of the labelling-based algorithms of
    Nofal, Atkinson and Dunne (Artificial Intelligence 207, 2014); a full assignment at a fixpoint is therefore a
    complete labelling. With ``free`` the constraint is that of a conflict-free labelling instead (the stage
    search): OUT iff some attacker is IN, and IN or UNDEC otherwise, IN only with no attacker IN. ``clauses`` add
    "some member has one of these labels" constraints, which the searches for maximal labellings use to grow a
    labelling and to skip labellings already covered. The search decides the arguments of ``early`` first, then
    the rest in order.
    """

    def __init__(
        self,
        af: Framework,
        domains: list[int],
        clauses: Sequence[_Clause] = (),
        *,
        free: bool = False,
        early: Sequence[int] = (),
        deadline: _Deadline = None,
    ) -> None:
        self.deadline = deadline
        self.order: Sequence[int] = range(len(domains))
        if early:
            chosen = set(early)
            self.order = [*early, *(i for i in self.order if i not in chosen)]
        self.attackers = af.attacker_positions
        self.targets = af.target_positions
        self.domains = domains
        self.revise = self._revise_free if free else self._revise
        self.masks = [labels for labels, _ in clauses]
        self.clauses = [members for _, members in clauses]
        self.size = len(domains)
        # For each set of labels that clauses ask for (one set, in each search but a few), for each argument, the
        # clauses it is a member of.
        self.watches: list[tuple[int, list[list[int]]]] = []
        # For each clause, how many members may still take one of its labels: kept up to date so that a long clause
        # is not rescanned.
        self.may_be_in = [0] * len(self.clauses)
        for number, (labels, members) in enumerate(clauses):
            clauses_of = next((found for watched, found in self.watches if watched == labels), None)
            if clauses_of is None:
                clauses_of = [[] for _ in domains]
                self.watches.append((labels, clauses_of))
            for member in members:
                clauses_of[member].append(number)
                self.may_be_in[number] += bool(domains[member] & labels)
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
        for labels, clauses_of in self.watches:
            if old & labels and not domain & labels:
                for clause in clauses_of[i]:
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

    def _revise_free(self, a: int) -> bool:
        domains = self.domains
        attackers = self.attackers[a]
        k = len(attackers)
        can_in = can_not_in = 0
        for b in attackers:
            d = domains[b]
            can_in += d & _IN
            can_not_in += d > _IN
        allowed = _OUT if can_in else 0
        if can_not_in == k:
            allowed |= _IN | _UNDEC
        if not self._narrow(a, domains[a] & allowed):
            return False
        mine = domains[a]
        # As in _revise, each attacker's own labels are taken out of the counts when asking about the others.
        for b in attackers:
            d = domains[b]
            supported = _IN if mine & _OUT else 0
            if (mine & (_IN | _UNDEC) and can_not_in - (d > _IN) == k - 1) or (mine & _OUT and can_in - (d & _IN)):
                supported |= _OUT | _UNDEC
            if d & ~supported and not self._narrow(b, d & supported):
                return False
        return True

    def _revise_clause(self, clause: int) -> bool:
        if self.may_be_in[clause] != 1:
            return self.may_be_in[clause] > 1
        domains, labels = self.domains, self.masks[clause]
        member = next(member for member in self.clauses[clause] if domains[member] & labels)
        return self._narrow(member, domains[member] & labels)

    def _propagate(self) -> bool:
        queue, queued, size, revise = self.queue, self.queued, self.size, self.revise
        while queue:
            constraint = queue.pop()
            queued[constraint] = 0
            ok = revise(constraint) if constraint < size else self._revise_clause(constraint - size)
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
            for labels, clauses_of in self.watches:
                if old & labels and not domains[i] & labels:
                    for clause in clauses_of[i]:
                        self.may_be_in[clause] += 1
            domains[i] = old

    def _open(self, start: int) -> int:
        """The first step of :attr:`order` from ``start`` on whose argument is still open, or the size if none is."""
        domains, order = self.domains, self.order
        for step in range(start, self.size):
            i = order[step]
            if domains[i] & (domains[i] - 1):  # more than one label left
                return step
        return self.size

    def solutions(self, order: Sequence[int] = (_IN, _OUT, _UNDEC)) -> Iterator[list[int]]:
        """Every full assignment the constraints allow, each once, trying the labels of a choice in ``order``."""
        for constraint in range(len(self.queued)):
            self._push(constraint)
        if not self._propagate():
            return
        # Each entry: the step of the argument chosen, its labels not yet tried, and the trail length before the choice.
        stack: list[tuple[int, list[int], int]] = []
        # Arguments before the latest choice were all decided when it was made, so the scan resumes there.
        start = 0
        while True:
            if self.deadline is not None and time.monotonic() > self.deadline[0]:
                raise SearchLimit(self.deadline[1])
            step = self._open(start)
            if step == self.size:
                yield list(self.domains)
            else:
                domain = self.domains[self.order[step]]
                stack.append((step, [bit for bit in order if domain & bit], len(self.trail)))
            while stack:
                step, untried, mark = stack[-1]
                self._undo(mark)
                if not untried:
                    stack.pop()
                    continue
                if self._narrow(self.order[step], untried.pop(0)) and self._propagate():
                    start = step
                    break
            else:
                return


#: The semantics that give exactly one labelling.
_UNIQUE = ("grounded", "ideal", "eager")
#: The semantics whose labellings have a maximal range (the arguments IN or OUT), and the search each maximises over.
_RANGE = {"semi-stable": "complete", "stage": "conflict-free"}
_RANGE_LABELS = _IN | _OUT


class _Problem:
    """The searches for one kind of labelling of one framework (complete, stable or conflict-free), under one
    deadline, and the labellings maximal in the set of arguments with given labels, which they find in turn.
    """

    def __init__(self, af: Framework, kind: str, deadline: _Deadline) -> None:
        self.af = af
        self.deadline = deadline
        self.free = kind == "conflict-free"
        if self.free:
            self.base = [_ANY] * len(af.arguments)
        else:
            # Every complete labelling extends the grounded one, so the search starts from it.
            open_labels = _IN | _OUT if kind == "stable" else _ANY
            self.base = [bits or open_labels for bits in _grounded(af)]

    def search(self, domains: list[int], clauses: Sequence[_Clause] = (), early: Sequence[int] = ()) -> _Search:
        return _Search(self.af, domains, clauses, free=self.free, early=early, deadline=self.deadline)

    def first(self, domains: list[int], clauses: Sequence[_Clause] = (), early: Sequence[int] = ()) -> list[int] | None:
        return next(self.search(domains, clauses, early).solutions(), None)

    def constrained(self, fixed: Mapping[int, int]) -> list[int] | None:
        """The base domains, each argument of ``fixed`` kept to the labels given for it; ``None`` if none is left."""
        domains = list(self.base)
        for i, labels in fixed.items():
            domains[i] &= labels
            if not domains[i]:
                return None
        return domains

    def grow(
        self, domains: list[int], labels: int, labelling: list[int], clauses: Sequence[_Clause] = ()
    ) -> tuple[list[int], list[int]]:
        """``labelling`` grown until no labelling that ``domains`` and ``clauses`` allow has a larger set of
        arguments labelled ``labels``; and the arguments outside that set.
        """
        while True:
            outside = [i for i, bits in enumerate(labelling) if not bits & labels]
            grown = [domain & labels if labelling[i] & labels else domain for i, domain in enumerate(domains)]
            larger = self.first(grown, [*clauses, (labels, outside)])
            if larger is None:
                return labelling, outside
            labelling = larger

    def maximal(self, labels: int) -> Iterator[list[int]]:
        """Every labelling whose set of arguments labelled ``labels`` is maximal: one grown until no labelling has a
        larger set, then the next whose set escapes every maximal one found so far: the scheme of PrefSAT (Cerutti,
        Dunne, Giacomin and Vallati, TAFA 2013), with this search in place of a SAT solver. With IN the preferred
        labellings; with IN and OUT (the range) the semi-stable or, over conflict-free labellings, the stage ones.
        """
        found: list[_Clause] = []  # for each maximal set, "some argument outside it is in the set"
        while (labelling := self.first(list(self.base), found)) is not None:
            labelling, outside = self.grow(self.base, labels, labelling)
            if labels == _IN:
                yield labelling  # a complete labelling's IN set decides the rest of it
            else:
                # Several labellings can share one maximal range; each has exactly that range.
                exact = [
                    domain & (labels if bits & labels else ~labels)
                    for domain, bits in zip(self.base, labelling, strict=True)
                ]
                yield from self.search(exact).solutions()
            found.append((labels, outside))

    def maximal_within(
        self,
        labels: int,
        domains: list[int],
        clauses: Sequence[_Clause] = (),
        *,
        upward: bool = False,
        early: Sequence[int] = (),
    ) -> list[int] | None:
        """A labelling that ``domains`` and ``clauses`` allow whose set of arguments labelled ``labels`` is maximal
        among all labellings, or ``None``. One grown within the constraint is maximal outright if no labelling at
        all has a larger set; if one has, no labelling whose set lies inside this one's is maximal, so those are
        skipped and the search goes on. ``upward``: every labelling with a larger set than an allowed one is
        allowed too (the constraint only asks for more of the set), so the first one grown is maximal.
        """
        blocked: list[_Clause] = []
        while (labelling := self.first(list(domains), [*clauses, *blocked], early)) is not None:
            labelling, outside = self.grow(domains, labels, labelling, clauses)
            if upward:
                return labelling
            forced = [
                domain & labels if bits & labels else domain for domain, bits in zip(self.base, labelling, strict=True)
            ]
            if self.first(forced, [(labels, outside)]) is None:
                return labelling
            blocked.append((labels, outside))
        return None


def _kind(af: Framework, semantics: str, deadline: _Deadline) -> str:
    """The semantics to search under: where a stable labelling exists, the semi-stable and the stage labellings are
    exactly the stable ones (Caminada 2006; Verheij 1996), which a plain search finds.
    """
    if semantics in _RANGE:
        stable = _Problem(af, "stable", deadline)
        if stable.first(list(stable.base)) is not None:
            return "stable"
    return semantics


def _find(
    af: Framework,
    semantics: str,
    fixed: Mapping[int, int],
    clauses: Sequence[_Clause],
    deadline: _Deadline,
    early: Sequence[int] = (),
) -> list[int] | None:
    """A ``semantics`` labelling (complete, preferred, stable, semi-stable or stage, as :func:`_kind` resolved it)
    in which each argument of ``fixed`` has one of the labels given for it and every clause holds, or ``None``;
    ``early`` are the arguments to decide (IN first) before the others. The one place that answers constrained
    questions, for acceptance and for the ideal and eager labellings.
    """
    problem = _Problem(af, _RANGE.get(semantics, semantics), deadline)
    domains = problem.constrained(fixed)
    if domains is None:
        return None
    if semantics in ("complete", "stable"):
        return problem.first(domains, clauses, early)
    if semantics == "preferred":
        upward = all(labels == _IN for labels in fixed.values()) and all(labels == _IN for labels, _ in clauses)
        return problem.maximal_within(_IN, domains, clauses, upward=upward, early=early)
    return problem.maximal_within(_RANGE_LABELS, domains, clauses, early=early)


def _accepted_somewhere(af: Framework, semantics: str, deadline: _Deadline) -> bytearray:
    """For each argument, 1 if some ``semantics`` labelling has it IN: each search asks for a labelling with some
    argument not yet known to be IN somewhere, until none is left. Those arguments are decided first, IN first, so
    that each search takes in as many of them as it can (all of one side of every even cycle, say).
    """
    ground = _grounded(af)
    accepted = bytearray(bits == _IN for bits in ground)
    # What the grounded labelling decides, every complete labelling decides alike.
    unknown = [i for i, bits in enumerate(ground) if not bits]
    semantics = _kind(af, semantics, deadline)
    while unknown and (labelling := _find(af, semantics, {}, [(_IN, unknown)], deadline, unknown)) is not None:
        for i in unknown:
            if labelling[i] == _IN:
                accepted[i] = 1
        unknown = [i for i in unknown if not accepted[i]]
    return accepted


def _skeptical_core(af: Framework, accepted: bytearray) -> list[int]:
    """The labelling of the largest admissible set of arguments that are IN in some labelling and attacked by none
    that is: what is IN in every preferred labelling (the ideal set; Dunne 2009's characterisation) or, with the
    semi-stable ones, in every semi-stable labelling (the eager set). Linear: a member goes once an attacker of it
    is no longer attacked by the set, and its leaving can leave others undefended in turn.
    """
    attackers, targets = af.attacker_positions, af.target_positions
    member = bytearray(accepted[i] and not any(accepted[b] for b in attackers[i]) for i in range(len(af.arguments)))
    # How many members attack each argument.
    defeaters = [0] * len(member)
    for i, inside in enumerate(member):
        if inside:
            for target in targets[i]:
                defeaters[target] += 1
    leaving = [i for i, inside in enumerate(member) if inside and any(not defeaters[b] for b in attackers[i])]
    for i in leaving:
        member[i] = 0
    while leaving:
        for target in targets[leaving.pop()]:
            defeaters[target] -= 1
            if not defeaters[target]:
                for victim in targets[target]:
                    if member[victim]:
                        member[victim] = 0
                        leaving.append(victim)
    labels = [_IN if inside else 0 for inside in member]
    for i, inside in enumerate(member):
        if inside:
            for target in targets[i]:
                labels[target] = _OUT
    return labels


def _unique(af: Framework, semantics: str, deadline: _Deadline, backend: str) -> list[int]:
    if semantics == "grounded":
        return _grounded(af)
    if semantics == "eager":
        return _skeptical_core(af, _accepted_somewhere(af, "semi-stable", deadline))
    # An argument IN in some preferred labelling is in some admissible set and in some complete labelling, and the
    # other way round (each admissible set lies inside a preferred extension): no labelling need be grown.
    if backend != "search" and (backend == "sat" or sat.available()):
        fixed = list(map(_LABELS.__getitem__, _grounded(af)))
        return _skeptical_core(af, sat.accepted_somewhere(af, fixed, deadline))
    return _skeptical_core(af, _accepted_somewhere(af, "complete", deadline))


def _for_sat(af: Framework, semantics: str, backend: str) -> list[Label] | None:
    """The grounded labelling that the SAT backend starts from, where ``backend`` chooses it for ``semantics`` (one
    of the semantics :func:`_kind` gives): ``"sat"``, or ``"auto"`` with python-sat installed and suited to ``af``;
    ``None`` where the search answers.
    """
    if semantics not in sat.SEMANTICS or backend == "search":
        return None
    fixed = list(map(_LABELS.__getitem__, _grounded(af)))
    return fixed if backend == "sat" or (sat.available() and sat.suited(af, semantics, fixed)) else None


def _solve(af: Framework, semantics: str, deadline: _Deadline, backend: str = "search") -> Iterator[list[Label]]:
    if semantics in _UNIQUE:
        yield _as_labels(_unique(af, semantics, deadline, backend))
        return
    semantics = _kind(af, semantics, deadline)
    fixed = _for_sat(af, semantics, backend)
    if fixed is not None:
        yield from sat.labellings(af, semantics, fixed, deadline)
        return
    problem = _Problem(af, _RANGE.get(semantics, semantics), deadline)
    if semantics == "preferred":
        found = problem.maximal(_IN)
    elif semantics in _RANGE:
        found = problem.maximal(_RANGE_LABELS)
    else:
        # UNDEC first makes the grounded labelling, which is complete, the first found, without any backtracking.
        order = (_UNDEC, _IN, _OUT) if semantics == "complete" else (_IN, _OUT)
        found = problem.search(list(problem.base)).solutions(order)
    yield from map(_as_labels, found)


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

    ``backend`` (one of :data:`BACKENDS`) chooses the solver for complete, preferred and stable semantics (and
    for semi-stable and stage where a stable labelling exists); the others always use this module's search. The
    order is deterministic, and each backend's own: this module's search decides arguments in order, trying IN,
    then OUT, then UNDEC (for complete semantics UNDEC first, so that the grounded labelling is the first one); the
    SAT solver (:func:`argmap.af.sat.labellings`) yields in its order, the grounded labelling first for complete
    semantics too. Both yield the same labellings. Grounded, ideal and eager give exactly one labelling; a framework
    may have no stable labelling at all, and where it has one, the semi-stable and the stage labellings are the
    stable ones. Work is done only as labellings are taken, so a small ``limit`` returns early; but every semantics
    but grounded and complete is intractable in general (whether a stable labelling exists is NP-complete), and a
    large dense framework can take very long. An unknown semantics or backend, ``sat`` without python-sat, or a
    negative limit raises :class:`~argmap.OptionError` at once.

    >>> af = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    >>> [[label.value for label in labelling.values()] for labelling in labellings(af, "preferred", backend="search")]
    [['in', 'out'], ['out', 'in']]
    """
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}: choose one of {', '.join(SEMANTICS)}")
    if limit is not None and limit < 0:
        raise OptionError(f"the limit must be 0 or more, not {limit}")
    check_timeout(timeout)
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
    names = af.arguments
    for count, labels in enumerate(_solve(af, semantics, deadline, backend), start=1):
        yield dict(zip(names, labels, strict=True))
        if count == limit:
            return


@attrs.frozen
class Verdict:
    """The answer to an acceptance question about one argument, with its certificate.

    ``accepted`` is the answer. ``witness`` is a labelling that shows it where one can: for a credulous question
    answered yes, a labelling with the argument IN; for a skeptical question answered no, a labelling without it
    IN; otherwise ``None`` (no single labelling proves the other answers).
    """

    accepted: bool
    witness: Mapping[str, Label] | None = attrs.field(default=None, eq=False)


def _checked(semantics: str, timeout: float | None) -> None:
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}: choose one of {', '.join(SEMANTICS)}")
    check_timeout(timeout)


def _witness(
    af: Framework, semantics: str, argument: str, inside: bool, timeout: float | None, backend: str
) -> list[int] | None:
    """A ``semantics`` labelling with ``argument`` IN (``inside``) or not IN, or ``None``: one constrained search
    where the semantics allows (credulous preferred is credulous complete; skeptical complete is grounded), the
    PrefSAT-style loop of :meth:`_Problem.maximal_within` for the maximal semantics, and the one labelling of the
    unique ones; or the SAT backend's :func:`~argmap.af.sat.witness` where ``backend`` chooses it, as for
    :func:`labellings`.
    """
    i = af.position(argument)
    deadline: _Deadline = None
    if timeout is not None:
        question = "credulous" if inside else "skeptical"
        message = f"no answer to the {question} {semantics} question within {timeout:g} s; it is intractable in general"
        deadline = (time.monotonic() + timeout, message)
    if semantics in _UNIQUE or (semantics == "complete" and not inside):
        # The grounded labelling is the least complete one: the argument is IN in every complete labelling iff there.
        labelling = _unique(af, "grounded" if semantics == "complete" else semantics, deadline, backend)
        return labelling if (labelling[i] == _IN) == inside else None
    semantics = _kind(af, semantics, deadline)
    fixed = _for_sat(af, semantics, backend)
    if fixed is not None:
        found = sat.witness(af, semantics, fixed, i, inside, deadline)
        return None if found is None else [_BITS[label] for label in found]
    return _find(af, semantics, {i: _IN if inside else _OUT | _UNDEC}, (), deadline)


@pauses_gc
def credulous(
    af: Framework, argument: str, semantics: str, *, timeout: float | None = None, backend: str = "auto"
) -> Verdict:
    """Whether some ``semantics`` labelling of ``af`` has ``argument`` IN; the witness is such a labelling.

    Answered without enumerating the labellings: one search for a complete or stable labelling with the argument
    IN (for preferred semantics, grown into a preferred one); for semi-stable and stage semantics, a search that
    grows such a labelling's range and skips every range it proves not maximal. ``backend`` chooses the solver
    as for :func:`labellings`; the SAT solver asks its question with the argument's label assumed
    (:func:`argmap.af.sat.witness`). Past ``timeout`` seconds: :class:`~argmap.SearchLimit`. An unknown argument:
    :class:`~argmap.MapError`; an unknown semantics or backend: :class:`~argmap.OptionError`.

    >>> af = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    >>> credulous(af, "b", "preferred").accepted
    True
    """
    _checked(semantics, timeout)
    _check_backend(backend)
    found = _witness(af, semantics, argument, True, timeout, backend)
    return Verdict(found is not None, None if found is None else _as_labelling(af, found))


@pauses_gc
def skeptical(
    af: Framework, argument: str, semantics: str, *, timeout: float | None = None, backend: str = "auto"
) -> Verdict:
    """Whether every ``semantics`` labelling of ``af`` has ``argument`` IN; if not, the witness is one that does not.

    Answered by searching for a labelling without the argument IN: for stable semantics one search; for
    preferred, semi-stable and stage semantics a labelling maximal within that constraint, checked to be maximal
    outright. A framework without stable labellings accepts every argument skeptically under stable semantics.
    ``backend`` and errors as for :func:`credulous`.

    >>> af = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    >>> verdict = skeptical(af, "b", "preferred")
    >>> verdict.accepted, verdict.witness["b"].value
    (False, 'out')
    """
    _checked(semantics, timeout)
    _check_backend(backend)
    found = _witness(af, semantics, argument, False, timeout, backend)
    return Verdict(found is None, None if found is None else _as_labelling(af, found))
