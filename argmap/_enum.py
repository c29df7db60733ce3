"""The base of argmap's enumerations: members hashed by identity."""

from __future__ import annotations

import enum

__all__ = ["Enum"]


class Enum(enum.Enum):
    """An enumeration whose members hash as objects do.

    A member is the one object of its kind and equals only itself, so identity is its natural hash; Python's
    ``enum.Enum`` hashes the member's name by a call written in Python, which every look-up in a table keyed by
    members pays (drawing a map of 10,000 statements looks up such keys 25,000 times).
    """

    __hash__ = object.__hash__
