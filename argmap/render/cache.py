"""Graphviz drawings kept on disk by a hash of what they depend on: an unchanged build runs ``dot`` zero times."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from .._io import atomic_write
from ..errors import GraphvizNotFound
from .files import dot_failed

__all__ = ["DotCache", "run"]


def run(executable: str, source: str, format: str) -> bytes:
    """Graphviz's drawing of DOT ``source`` in ``format``, by the program ``executable``.

    Raises :class:`~argmap.errors.GraphvizNotFound` when it cannot be started, and
    :class:`~argmap.errors.RenderError` with its messages when it fails.
    """
    try:
        done = subprocess.run([executable, f"-T{format}"], input=source.encode("utf-8"), capture_output=True)
    except OSError:
        raise GraphvizNotFound(executable) from None
    if done.returncode != 0:
        raise dot_failed(done.returncode, done.stderr)
    return done.stdout


class DotCache:
    """Drawings in ``directory``, each named by a hash of its format, its source and the ``dot`` program (its
    path, size and time), so that a new Graphviz draws anew. ``runs`` counts the times ``dot`` ran.
    """

    def __init__(self, directory: str | os.PathLike[str], executable: str = "dot") -> None:
        self.directory = Path(directory)
        self.executable = executable
        self.runs = 0
        self._dot: tuple[str, str] | None = None

    def _program(self) -> tuple[str, str]:
        """``dot``'s path and a fingerprint of the program."""
        if self._dot is None:
            found = shutil.which(self.executable)
            if found is None:
                raise GraphvizNotFound(self.executable)
            real = os.path.realpath(found)
            stat = os.stat(real)
            self._dot = (found, f"{real}\0{stat.st_size}\0{stat.st_mtime_ns}")
        return self._dot

    def path(self, source: str, format: str) -> Path:
        """The file that holds ``source`` drawn in ``format``, drawn now unless an earlier build drew it.

        Raises what :func:`run` raises.
        """
        executable, fingerprint = self._program()
        key = hashlib.sha256(f"{format}\0{fingerprint}\0{source}".encode()).hexdigest()[:32]
        path = self.directory / f"argmap-{key}.{format}"
        if not path.is_file():
            data = run(executable, source, format)
            self.runs += 1
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)
        return path

    def draw(self, source: str, format: str) -> bytes:
        """The bytes of :meth:`path`'s file."""
        return self.path(source, format).read_bytes()
