"""Did you mean: the names close to a mistyped one, found in time linear in the names, not their number squared."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Suggestions"]

# Longer names are matched by case alone: each name is indexed under every deletion of one character, which costs
# its length squared in memory.
_LONGEST = 64
# Shorter names are matched by case alone.
_SHORTEST = 4


def _deletions(name: str) -> Iterable[str]:
    return (name[:i] + name[i + 1 :] for i in range(len(name)))


class Suggestions:
    """The known ``names``, indexed so that :meth:`close` answers in time proportional to the asked name's length.

    A name is close to another when they differ in case only, or by one edit (a character added, left out, changed,
    or two neighbours swapped), case aside, that involves no digit, in names of four characters or more: the
    mistakes of typing (found with the symmetric-deletion scheme that spelling correctors use).
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._by_fold: dict[str, list[str]] = {}
        self._by_deletion: dict[str, list[str]] = {}
        self._rank = {name: rank for rank, name in enumerate(dict.fromkeys(names))}
        for name in self._rank:
            folded = name.casefold()
            self._by_fold.setdefault(folded, []).append(name)
            if len(folded) <= _LONGEST:
                for key in {folded, *_deletions(folded)}:
                    self._by_deletion.setdefault(key, []).append(name)

    def close(self, name: str) -> list[str]:
        """The known names close to ``name`` (never ``name`` itself), in the order they were given."""
        folded = name.casefold()
        found = dict.fromkeys(self._by_fold.get(folded, ()))
        if len(folded) <= _LONGEST:
            for key in {folded, *_deletions(folded)}:
                for candidate in self._by_deletion.get(key, ()):
                    if candidate not in found and _one_edit(folded, candidate.casefold()):
                        found[candidate] = None
        found.pop(name, None)
        # The keys above come out of a set, in an order that varies with the hash seed.
        return sorted(found, key=self._rank.__getitem__)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are equal or one typing slip apart: an insertion, deletion, substitution or neighbour
    swap, in names of at least :data:`_SHORTEST` characters, that changes no digit (the shared deletion keys also
    pair names two edits apart, such as "ab" and "ba" through "a"; this keeps only the close ones). Short names and
    numbers are where distinct names differ by one character on purpose: "a" and "b", "Premise 1" and "Premise 2".
    """
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < _SHORTEST:
        return False
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    if len(a) == len(b):
        if a[start + 1 :] == b[start + 1 :]:
            changed = a[start] + b[start]
        elif a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :]:
            changed = a[start : start + 2]
        else:
            return False
    else:
        shorter, longer = (a, b) if len(a) < len(b) else (b, a)
        if shorter[start:] != longer[start + 1 :]:
            return False
        changed = longer[start]
    return not any(character.isdigit() for character in changed)
