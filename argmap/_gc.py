"""Pausing the cyclic garbage collector around bulk work that makes many objects and no reference cycles."""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

__all__ = ["PAUSE", "gc_paused", "pauses_gc"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

#: Whether argmap pauses the collector at all: the one switch of this speed shortcut, which a test turns off to
#: compare every result with the plain path.
PAUSE = True


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off (while :data:`PAUSE` holds), restoring its state after.

    Reading, writing or checking a large map allocates hundreds of thousands of objects that all survive; each full
    collection meanwhile traverses every one of them again, which made reading 100,000 statements take 1.8 times
    as long as it did with the collector off. Maps, their indexes and parsed JSON hold no reference cycles, so
    reference counting alone frees them.
    """
    was_enabled = gc.isenabled()
    if PAUSE:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def pauses_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """A public entry point that does bulk work, run with the collector paused (see :func:`gc_paused`)."""

    @functools.wraps(function)
    def paused(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with gc_paused():
            return function(*args, **kwargs)

    return paused
