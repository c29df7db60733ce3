"""The maps argmap ships, to try it without a map of one's own: the editorial "Kim in Russia", mapped.

The files are installed with the package (the repository's ``seeds/`` links to them), so that a user who installed
only the wheel can read and draw them:

>>> import argmap
>>> from argmap import examples
>>> m = examples.load()
>>> m.title
'Kim in Russia'
>>> m == argmap.load(examples.path("kim-in-russia", ".json"))
True
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OptionError
from ..model import ArgumentMap

__all__ = ["NAMES", "SUFFIXES", "load", "path"]

#: The examples, by name.
NAMES: tuple[str, ...] = ("kim-in-russia",)
#: The files of each example: its map in Argdown and in argmap's JSON, and the text it maps.
SUFFIXES: tuple[str, ...] = (".argdown", ".json", ".txt")

_HERE = Path(__file__).resolve().parent


def path(name: str = "kim-in-russia", suffix: str = ".argdown") -> Path:
    """The installed file of the example ``name`` (one of :data:`NAMES`) with ``suffix`` (one of :data:`SUFFIXES`):
    ``argmap render "$(python -c 'from argmap import examples; print(examples.path())')" -o map.svg`` draws it.
    :class:`~argmap.OptionError` for another name or suffix.
    """
    if name not in NAMES:
        raise OptionError(f"no example {name!r}; the examples are: {', '.join(NAMES)}")
    if suffix not in SUFFIXES:
        raise OptionError(f"an example has no {suffix!r} file; its files end in {', '.join(SUFFIXES)}")
    return _HERE / f"{name}{suffix}"


def load(name: str = "kim-in-russia") -> ArgumentMap:
    """The map of the example ``name``, read from its Argdown file."""
    from ..formats import load as load_file

    return load_file(path(name, ".argdown"))
