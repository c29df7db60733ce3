"""Abstract argumentation frameworks: named arguments, the attacks between them, and the labels of a labelling."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import itemgetter
from types import MappingProxyType

import attrs

from .._enum import Enum
from .._gc import gc_paused
from ..errors import MapError, Problem, Subject

__all__ = ["Framework", "Label"]


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
    #: Each argument's position in :attr:`arguments`, by name.
    positions: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)
    # Lists, not tuples: never mutated after construction, and copying 100,000 of them costs a tenth of the build.
    #: For each argument (by position), the positions of the arguments that attack it, in the order of
    #: :attr:`attacks`: the adjacency that the solvers walk. Shared, not copied: to be read, never changed.
    attacker_positions: _Adjacency = attrs.field(init=False, repr=False, eq=False)
    #: For each argument (by position), the positions of the arguments it attacks, as :attr:`attacker_positions`.
    target_positions: _Adjacency = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        with gc_paused():
            adjacency = self._adjacency()
        if adjacency is None:
            raise MapError(self._problems())
        index, attackers, targets = adjacency
        # Frozen attrs classes refuse plain assignment; these caches are set once, before anyone can see the object.
        object.__setattr__(self, "positions", MappingProxyType(index))
        object.__setattr__(self, "attacker_positions", attackers)
        object.__setattr__(self, "target_positions", targets)

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
                problems.append(Problem("duplicate-id", f"argument {name!r} is given twice", Subject("argument", name)))
            else:
                index[name] = len(index)
        seen: set[tuple[str, str]] = set()
        for number, attack in enumerate(self.attacks):
            where = f"attacks[{number}]"
            if not isinstance(attack, tuple) or len(attack) != 2:
                problems.append(
                    Problem("invalid-attack", f"an attack must be a pair of names, not {attack!r}", path=where)
                )
            elif unknown := [name for name in attack if not isinstance(name, str) or name not in index]:
                names = ", ".join(repr(name) for name in unknown)
                problems.append(
                    Problem("dangling-reference", f"the attack names unknown arguments: {names}", path=where)
                )
            elif attack in seen:
                problems.append(
                    Problem("duplicate-attack", f"attack {attack[0]!r} -> {attack[1]!r} is repeated", path=where)
                )
            else:
                seen.add(attack)
        return problems

    def attackers(self, name: str) -> tuple[str, ...]:
        """The arguments that attack ``name``, in the order of :attr:`attacks`; ``MapError`` for an unknown name."""
        return tuple(self.arguments[i] for i in self.attacker_positions[self.position(name)])

    def targets(self, name: str) -> tuple[str, ...]:
        """The arguments that ``name`` attacks, in the order of :attr:`attacks`; ``MapError`` for an unknown name."""
        return tuple(self.arguments[i] for i in self.target_positions[self.position(name)])

    def position(self, name: str) -> int:
        """The place of ``name`` in :attr:`arguments`; :class:`~argmap.MapError` for an unknown name."""
        position = self.positions.get(name)
        if position is None:
            raise MapError([Problem("dangling-reference", f"no argument named {name!r}", Subject("argument", name))])
        return position
