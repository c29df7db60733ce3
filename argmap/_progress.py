"""Lines on standard error that tell a person at a terminal what long work is doing, shown only once it is long."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from typing import TextIO

__all__ = ["DELAY", "stage", "wanted"]

#: Seconds that a stage of work runs before its line is shown: quick work stays silent.
DELAY = 1.0


def wanted(stream: TextIO, *, quiet: bool = False) -> bool:
    """Whether to show progress on ``stream``: only on a terminal, where a person waits, and never when ``quiet``."""
    if quiet:
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


@contextlib.contextmanager
def stage(what: str, *, enabled: bool, stream: TextIO | None = None) -> Iterator[None]:
    """Run the block; if it is still running after :data:`DELAY` seconds (and ``enabled``), write
    ``argmap: {what}...`` on ``stream`` (standard error by default), so that long work does not look like a hang.
    """
    if not enabled:
        yield
        return
    out = sys.stderr if stream is None else stream

    def say() -> None:
        print(f"argmap: {what}...", file=out, flush=True)

    timer = threading.Timer(DELAY, say)
    timer.daemon = True  # a line not yet shown never keeps the command from exiting
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
