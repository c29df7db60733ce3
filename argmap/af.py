"""Abstract argumentation frameworks: ICCMA file formats, and grounded, complete, preferred and stable solvers."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType

import attrs

from ._enum import Enum
from ._gc import gc_paused
from ._io import read_text
from .errors import MapError, OptionError, ParseError, Problem, SearchLimit, UnknownFormat

__all__ = [
    "FORMATS",
    "MAX_ARGUMENTS",
    "SEMANTICS",
    "Framework",
    "Label",
    "dumps",
    "grounded",
    "labellings",
    "load",
    "loads",
]

#: The most arguments a ``p af N`` header may claim. The header alone makes every argument, so without a cap a
#: short file could ask for billions; two million is beyond every ICCMA instance and takes about 0.5 GB.
MAX_ARGUMENTS = 2_000_000

#: The semantics :func:`labellings` knows.
SEMANTICS = ("grounded", "complete", "preferred", "stable")


class Label(Enum):
    """The status of an argument in a labelling: accepted, rejected, or left open."""

    IN = "in"
    OUT = "out"
    UNDEC = "undec"


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _pairs(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(value)


#: For each argument (by position), the positions of the arguments it attacks, or that attack it.
_Adjacency = list[list[int]]


@attrs.frozen
class Framework:
    """A Dung framework: named arguments and the attacks between them, both in a fixed order.

    Names must be unique non-empty strings and every attack a pair of known names, given once; otherwise
    :class:`~argmap.MapError` lists every problem. The integer adjacency the solvers use is built once, here.
    """

    arguments: tuple[str, ...] = attrs.field(converter=_names)
    attacks: tuple[tuple[str, str], ...] = attrs.field(converter=_pairs)
    _index: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)
    # Lists, not tuples: private, never mutated after construction, and copying 100,000 of them costs a tenth of
    # the build.
    _attackers: _Adjacency = attrs.field(init=False, repr=False, eq=False)
    _targets: _Adjacency = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        with gc_paused():
            adjacency = self._adjacency()
        if adjacency is None:
            raise MapError(self._problems())
        index, attackers, targets = adjacency
        # Frozen attrs classes refuse plain assignment; these caches are set once, before anyone can see the object.
        object.__setattr__(self, "_index", MappingProxyType(index))
        object.__setattr__(self, "_attackers", attackers)
        object.__setattr__(self, "_targets", targets)

    def _adjacency(self) -> tuple[dict[str, int], _Adjacency, _Adjacency] | None:
        """The name index and the attackers and targets of each argument, or ``None`` if anything is wrong."""
        n = len(self.arguments)
        if not all(isinstance(name, str) and name for name in self.arguments):
            return None
        index = {name: i for i, name in enumerate(self.arguments)}
        if len(index) != n or not all(type(attack) is tuple and len(attack) == 2 for attack in self.attacks):
            return None
        position = index.__getitem__
        try:  # map() over C callables: this runs twice per attack, and frameworks have hundreds of thousands
            sources = list(map(position, map(itemgetter(0), self.attacks)))
            targets = list(map(position, map(itemgetter(1), self.attacks)))
        except (KeyError, TypeError):  # an unknown or unhashable name
            return None
        if len(set(self.attacks)) != len(self.attacks):
            return None
        attackers_of: _Adjacency = [[] for _ in range(n)]
        targets_of: _Adjacency = [[] for _ in range(n)]
        for source, target in zip(sources, targets, strict=True):
            attackers_of[target].append(source)
            targets_of[source].append(target)
        return index, attackers_of, targets_of

    def _problems(self) -> list[Problem]:
        """Everything :meth:`_adjacency` refused, for the error; slower, so only run once something is wrong."""
        problems: list[Problem] = []
        index: dict[str, int] = {}
        # The codes of map elements where the problem is the same, so that `argmap explain` covers them.
        for name in self.arguments:
            if not isinstance(name, str):
                problems.append(Problem("invalid-text", f"an argument name must be a string, not {name!r}"))
            elif not name:
                problems.append(Problem("empty-text", "an argument name is empty"))
            elif name in index:
                problems.append(Problem("duplicate-id", f"argument {name!r} is given twice", name))
            else:
                index[name] = len(index)
        seen: set[tuple[str, str]] = set()
        for number, attack in enumerate(self.attacks):
            where = f"attacks[{number}]"
            if not isinstance(attack, tuple) or len(attack) != 2:
                problems.append(Problem("invalid-attack", f"an attack must be a pair of names, not {attack!r}", where))
            elif unknown := [name for name in attack if not isinstance(name, str) or name not in index]:
                names = ", ".join(repr(name) for name in unknown)
                problems.append(Problem("dangling-reference", f"the attack names unknown arguments: {names}", where))
            elif attack in seen:
                problems.append(
                    Problem("duplicate-attack", f"attack {attack[0]!r} -> {attack[1]!r} is repeated", where)
                )
            else:
                seen.add(attack)
        return problems

    def attackers(self, name: str) -> tuple[str, ...]:
        """The arguments that attack ``name``, in the order of :attr:`attacks`; ``MapError`` for an unknown name."""
        return tuple(self.arguments[i] for i in self._attackers[self._position(name)])

    def targets(self, name: str) -> tuple[str, ...]:
        """The arguments that ``name`` attacks, in the order of :attr:`attacks`; ``MapError`` for an unknown name."""
        return tuple(self.arguments[i] for i in self._targets[self._position(name)])

    def _position(self, name: str) -> int:
        position = self._index.get(name)
        if position is None:
            raise MapError([Problem("dangling-reference", f"no argument named {name!r}", name)])
        return position


# Labels as bits, so that a set of labels still possible for an argument (its domain) is one small integer.
_IN, _OUT, _UNDEC = 1, 2, 4
_ANY = _IN | _OUT | _UNDEC
_LABEL = {_IN: Label.IN, _OUT: Label.OUT, _UNDEC: Label.UNDEC}


def _grounded(af: Framework) -> list[int]:
    """The grounded labelling as bits, 0 for undecided: IN once every attacker is OUT, OUT once an attacker is IN."""
    targets = af._targets
    labels = [0] * len(af.arguments)
    missing = [len(attackers) for attackers in af._attackers]  # attackers not yet OUT
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


def grounded(af: Framework) -> dict[str, Label]:
    """The grounded labelling, in linear time: the least complete labelling, grown from the unattacked arguments.

    >>> af = Framework(("a", "b", "c"), (("a", "b"), ("b", "c")))
    >>> [label.value for label in grounded(af).values()]
    ['in', 'out', 'in']
    """
    with gc_paused():
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
        self.attackers = af._attackers
        self.targets = af._targets
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


def _solve(af: Framework, semantics: str, deadline: _Deadline) -> Iterator[list[int]]:
    if semantics == "grounded":
        yield _grounded(af)
        return
    # Every complete labelling extends the grounded one, so the search starts from it.
    open_labels = _IN | _OUT if semantics == "stable" else _ANY
    base = [bits or open_labels for bits in _grounded(af)]
    if semantics == "preferred":
        yield from _preferred(af, base, deadline)
    else:
        # UNDEC first makes the grounded labelling, which is complete, the first found, without any backtracking.
        order = (_UNDEC, _IN, _OUT) if semantics == "complete" else (_IN, _OUT)
        yield from _Search(af, base, deadline=deadline).solutions(order)


def labellings(
    af: Framework, semantics: str, *, limit: int | None = None, timeout: float | None = None
) -> Iterator[dict[str, Label]]:
    """The labellings of ``af`` under ``semantics`` (one of :data:`SEMANTICS`), at most ``limit`` of them.

    ``timeout`` bounds the seconds the search may take, counted from the first labelling asked for: past it, the
    iterator raises :class:`~argmap.SearchLimit` (the labellings already yielded stand).

    The order is deterministic: the search decides arguments in order, trying IN, then OUT, then UNDEC; for complete
    semantics UNDEC comes first, so that the grounded labelling is the first one. Grounded gives exactly one
    labelling; a framework may have no stable labelling at all. Work is done only as labellings are taken, so a
    small ``limit`` returns early; but preferred and stable reasoning is intractable in general (whether a stable
    labelling exists is NP-complete), and a large dense framework can take very long. An unknown semantics or a
    negative limit raises :class:`~argmap.OptionError` at once.

    >>> af = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    >>> [[label.value for label in labelling.values()] for labelling in labellings(af, "preferred")]
    [['in', 'out'], ['out', 'in']]
    """
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}: choose one of {', '.join(SEMANTICS)}")
    if limit is not None and limit < 0:
        raise OptionError(f"the limit must be 0 or more, not {limit}")
    if timeout is not None and not timeout > 0:
        raise OptionError(f"the timeout must be a positive number of seconds, not {timeout}")
    return _labellings(af, semantics, limit, timeout)


def _labellings(af: Framework, semantics: str, limit: int | None, timeout: float | None) -> Iterator[dict[str, Label]]:
    if limit == 0:
        return
    deadline: _Deadline = None
    if timeout is not None:
        message = f"no further {semantics} labelling found within {timeout:g} s; the problem is intractable in general"
        deadline = (time.monotonic() + timeout, message)
    for count, bits in enumerate(_solve(af, semantics, deadline), start=1):
        yield _as_labelling(af, bits)
        if count == limit:
            return


# ---------------------------------------------------------------------------------------------------------------
# ICCMA file formats


_TOKEN = re.compile(r"\S+")
_APX_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^\s,()]+)\s*(?:,\s*([^\s,()]+)\s*)?\)\s*\.\s*")
_COUNT = re.compile(r"[0-9]+")

# Attacks as read: the two names, the line, and the columns of the two names.
_Read = list[tuple[str, str, int, int, int]]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines without their line ending; only ``\\n`` ends a line, as in every ICCMA format."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.rstrip("\r")


def _build(names: list[str], attacks: _Read, path: str | None) -> Framework:
    known = set(names)
    seen: dict[tuple[str, str], int] = {}
    for source, target, line, source_column, target_column in attacks:
        for name, column in ((source, source_column), (target, target_column)):
            if name not in known:
                raise ParseError(f"attack names unknown argument {name!r}", path=path, line=line, column=column)
        first = seen.setdefault((source, target), line)
        if first != line:
            raise ParseError(f"attack repeats line {first}", path=path, line=line, column=source_column)
    return Framework(names, [(source, target) for source, target, *_ in attacks])


def _add_name(names: list[str], lines: dict[str, int], name: str, line: int, column: int, path: str | None) -> None:
    first = lines.setdefault(name, line)
    if first != line:
        raise ParseError(f"argument {name!r} repeats line {first}", path=path, line=line, column=column)
    names.append(name)


def _loads_af(text: str, path: str | None) -> Framework:
    count: int | None = None
    attacks: _Read = []
    last = 1
    for number, line in _lines(text):
        last = number
        tokens = list(_TOKEN.finditer(line))
        if not tokens or tokens[0].group().startswith("#"):
            continue
        column = tokens[0].start() + 1
        fields = [token.group() for token in tokens]
        if count is None:
            if len(fields) != 3 or fields[:2] != ["p", "af"] or not _COUNT.fullmatch(fields[2]):
                raise ParseError("expected the header 'p af N'", path=path, line=number, column=column)
            count = int(fields[2])
            if count > MAX_ARGUMENTS:
                raise ParseError(
                    f"the header claims {count:,} arguments; argmap reads at most {MAX_ARGUMENTS:,}",
                    path=path,
                    line=number,
                    column=tokens[2].start() + 1,
                )
            continue
        if len(tokens) != 2 or not all(_COUNT.fullmatch(field) for field in fields):
            raise ParseError("expected an attack: two argument numbers 'A B'", path=path, line=number, column=column)
        # str(int(...)) so that "07" names argument 7; numbers out of range are then unknown names.
        source, target = (str(int(field)) for field in fields)
        attacks.append((source, target, number, column, tokens[1].start() + 1))
    if count is None:
        raise ParseError("missing the header 'p af N'", path=path, line=last)
    return _build([str(i) for i in range(1, count + 1)], attacks, path)


def _loads_apx(text: str, path: str | None) -> Framework:
    names: list[str] = []
    lines: dict[str, int] = {}
    attacks: _Read = []
    for number, line in _lines(text):
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        fact = _APX_FACT.fullmatch(line)
        if fact is None or (fact.group(1) == "arg") != (fact.group(3) is None):
            column = len(line) - len(line.lstrip()) + 1
            raise ParseError("expected a fact 'arg(a).' or 'att(a,b).'", path=path, line=number, column=column)
        if fact.group(1) == "arg":
            _add_name(names, lines, fact.group(2), number, fact.start(2) + 1, path)
        else:
            attacks.append((fact.group(2), fact.group(3), number, fact.start(2) + 1, fact.start(3) + 1))
    return _build(names, attacks, path)


def _loads_tgf(text: str, path: str | None) -> Framework:
    names: list[str] = []
    lines: dict[str, int] = {}
    attacks: _Read = []
    in_edges = False
    for number, line in _lines(text):
        tokens = list(_TOKEN.finditer(line))
        if not tokens:
            continue
        column = tokens[0].start() + 1
        if not in_edges and [token.group() for token in tokens] == ["#"]:
            in_edges = True
        elif in_edges and len(tokens) == 2:
            attacks.append((tokens[0].group(), tokens[1].group(), number, column, tokens[1].start() + 1))
        elif not in_edges and len(tokens) == 1:
            _add_name(names, lines, tokens[0].group(), number, column, path)
        else:
            expected = "an attack 'A B'" if in_edges else "one argument name, or '#' before the attacks"
            raise ParseError(f"expected {expected}", path=path, line=number, column=column)
    return _build(names, attacks, path)


def _check_names(af: Framework, pattern: str, format: str) -> None:
    valid = re.compile(pattern)
    problems = [
        Problem("invalid-text", f"argument name {name!r} cannot be written in {format} format", name)
        for name in af.arguments
        if not valid.fullmatch(name)
    ]
    if problems:
        raise MapError(problems)


def _dumps_af(af: Framework) -> str:
    # Arguments are numbered in order; other names survive as one comment line each, the convention of the ICCMA
    # instances that carry their original names.
    lines = [f"p af {len(af.arguments)}"]
    if af.arguments != tuple(str(i) for i in range(1, len(af.arguments) + 1)):
        _check_names(af, r"[^\n\r]*", "af")
        lines.extend(f"# {name}" for name in af.arguments)
    index = af._index
    lines.extend(f"{index[source] + 1} {index[target] + 1}" for source, target in af.attacks)
    return "\n".join(lines) + "\n"


def _dumps_apx(af: Framework) -> str:
    _check_names(af, r"[^\s,()]+", "apx")
    lines = [f"arg({name})." for name in af.arguments]
    lines.extend(f"att({source},{target})." for source, target in af.attacks)
    return "".join(line + "\n" for line in lines)


def _dumps_tgf(af: Framework) -> str:
    _check_names(af, r"[^\s#]\S*", "tgf")
    lines = [*af.arguments, "#"]
    lines.extend(f"{source} {target}" for source, target in af.attacks)
    return "".join(line + "\n" for line in lines)


@attrs.frozen
class _Format:
    suffixes: tuple[str, ...]
    loads: Callable[[str, str | None], Framework]
    dumps: Callable[[Framework], str]


_FORMATS = {
    "af": _Format((".af", ".i23"), _loads_af, _dumps_af),
    "apx": _Format((".apx",), _loads_apx, _dumps_apx),
    "tgf": _Format((".tgf",), _loads_tgf, _dumps_tgf),
}

#: The framework formats by name, each with the file suffixes that select it.
FORMATS: Mapping[str, tuple[str, ...]] = MappingProxyType({name: f.suffixes for name, f in _FORMATS.items()})


def _format(name: str) -> _Format:
    found = _FORMATS.get(name)
    if found is None:
        raise UnknownFormat(f"unknown framework format {name!r}: choose one of {', '.join(_FORMATS)}")
    return found


def loads(text: str, format: str, *, path: str | None = None) -> Framework:
    """Read a framework in ``format``: ``"af"`` (ICCMA 2023 ``p af N``, arguments named ``"1"`` to ``"N"``),
    ``"apx"`` (ASPARTIX facts) or ``"tgf"`` (Trivial Graph Format).

    Malformed text, an unknown argument or one given twice, or an attack given twice raises
    :class:`~argmap.ParseError` with the line and column; ``path`` only names the file there.

    >>> loads("p af 2\\n1 2\\n", "af").attacks
    (('1', '2'),)
    """
    reader = _format(format).loads
    with gc_paused():
        return reader(text, path)


def dumps(af: Framework, format: str) -> str:
    """Write ``af`` in ``format`` (see :func:`loads`). In ``"af"`` the arguments are numbered in order and names
    other than ``"1"`` to ``"N"`` are kept as comment lines; a name the format cannot hold raises ``MapError``.
    """
    return _format(format).dumps(af)


def load(path: str | os.PathLike[str], format: str | None = None) -> Framework:
    """Read a framework file, in ``format`` or else the one its suffix names (.af/.i23, .apx, .tgf).

    The file must be UTF-8; errors name it. A missing or unreadable file raises the ``OSError`` reading it did.
    """
    name = os.fspath(path)
    if format is None:
        suffix = Path(name).suffix.lower()
        format = next((f for f, spec in _FORMATS.items() if suffix in spec.suffixes), None)
        if format is None:
            known = " ".join(s for spec in _FORMATS.values() for s in spec.suffixes)
            raise UnknownFormat(f"{name}: cannot tell the framework format from suffix {suffix!r} (known: {known})")
    reader = _format(format).loads  # before touching the file, so that an unknown format fails first
    text = read_text(name)
    with gc_paused():
        return reader(text, name)
