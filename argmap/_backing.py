"""Whether what a relation's source puts forward backs the relation, by what the map says between statements."""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["Reasons", "claim_of", "unbacked_message"]


class Reasons:
    """What each claim supports (or entails) and what it attacks (or is contrary to, or contradicts), by the
    relations between statements: the evidence that an argument's relation is backed.

    Statements are compared as claims: ``claim`` gives each statement id's claim, its text with whitespace runs
    as one space, in one case, so that two statements written with one text (which ``duplicate-text`` reports)
    count as one.
    """

    def __init__(self, claim: Callable[[str], str]) -> None:
        self.claim = claim
        self._of: dict[bool, dict[str, set[str]]] = {True: {}, False: {}}

    def add(self, source: str, target: str, *, support: bool, symmetric: bool) -> None:
        """Record a relation between two statements; a symmetric one (a contradiction) holds both ways."""
        source, target = self.claim(source), self.claim(target)
        table = self._of[support]
        table.setdefault(source, set()).add(target)
        if symmetric:
            table.setdefault(target, set()).add(source)

    def claims(self, ids: Iterable[str]) -> set[str]:
        """The claims of some statement ids, to offer to :meth:`back`."""
        return {self.claim(id) for id in ids}

    def back(self, said: str, offered: set[str], *, support: bool) -> bool:
        """Whether the statement ``said`` (an id) supports (or, not ``support``, attacks) one of the ``offered``
        claims: for support, being one of them is enough. Costs no more than the smaller of the two sets.
        """
        claim = self.claim(said)
        if support and claim in offered:
            return True
        return not offered.isdisjoint(self._of[support].get(claim, set()))


def claim_of(text: str) -> str:
    """A statement's text as a claim: whitespace runs as one space, case folded."""
    return " ".join(text.split()).casefold()


def unbacked_message(source: str, verb: str, target: str, said: str | None, *, to_argument: bool, support: bool) -> str:
    """The message of an unbacked relation: ``source`` and ``target`` are named as in messages (``[id]``,
    ``<id>``); ``said`` names the source argument's conclusion, or is ``None`` where the source is a statement.
    """
    left = source if said is None else f"its conclusion {said}"
    right = f"any premise of {target}" if to_argument else target
    does = f"neither is nor supports {right}" if support else f"does not attack {right}"
    return f"{source} {verb} {target}, but {left} {does}"
