"""Graphviz drawings kept on disk by a hash of what they depend on: an unchanged build runs ``dot`` zero times."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from .._io import atomic_write
from ..errors import GraphvizNotFound
from .files import dot_failed, for_engine, layout_engine

__all__ = ["DotCache", "run"]


def run(executable: str, source: str, format: str, engine: str = "dot") -> bytes:
    """Graphviz's drawing of DOT ``source`` in ``format``, by the program ``executable``, laid out by ``engine``
    (checked with :func:`~argmap.render.files.layout_engine`; see :func:`~argmap.render.files.for_engine`).

    Raises :class:`~argmap.OptionError` for an unknown engine, :class:`~argmap.errors.GraphvizNotFound` when the
    program cannot be started, and :class:`~argmap.errors.RenderError` with its messages when it fails.
    """
    # dot lays out with any engine that -K names, as the program of that name (neato, sfdp...) does.
    command = (
        [executable, f"-T{format}"] if engine == "dot" else [executable, f"-K{layout_engine(engine)}", f"-T{format}"]
    )
    try:
        done = subprocess.run(command, input=for_engine(source, engine).encode("utf-8"), capture_output=True)
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

    def path(self, source: str, format: str, engine: str = "dot") -> Path:
        """The file that holds ``source`` drawn in ``format`` and laid out by ``engine``, drawn now unless an
        earlier build drew it.

        Raises what :func:`run` raises.
        """
        executable, fingerprint = self._program()
        # dot's drawings keep the names they had before other engines could be asked for: a cache stays valid.
        # Another engine's name holds the source as that engine is given it, so that a change to what argmap adds
        # for it (see for_engine) draws anew.
        layout = "" if engine == "dot" else f"{engine}\0"
        drawn = for_engine(source, engine)
        key = hashlib.sha256(f"{layout}{format}\0{fingerprint}\0{drawn}".encode()).hexdigest()[:32]
        path = self.directory / f"argmap-{key}.{format}"
        if not path.is_file():
            data = run(executable, source, format, engine)
            self.runs += 1
            self.directory.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)
        return path

    def draw(self, source: str, format: str, engine: str = "dot") -> bytes:
        """The bytes of :meth:`path`'s file."""
        return self.path(source, format, engine).read_bytes()
