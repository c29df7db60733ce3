"""Turn a map into SVG, PNG, PDF or DOT bytes by piping it through Graphviz, and write them atomically."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Unpack

from .._gc import gc_paused
from .._io import atomic_write
from ..errors import GraphvizNotFound, RenderError, UnknownFormat
from ..model import ArgumentMap
from .dot import dot_source, to_dot
from .options import DotOptions

__all__ = ["FORMATS", "pipe", "render"]

#: Output formats by name; ``gv`` is another name for DOT. DOT needs no Graphviz installed.
FORMATS: Mapping[str, str] = {"svg": "svg", "png": "png", "pdf": "pdf", "dot": "dot", "gv": "dot"}


def _format(name: str) -> str:
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise UnknownFormat(f"unknown diagram format {name!r}: use one of {', '.join(FORMATS)}") from None


def pipe(m: ArgumentMap, format: str = "svg", **options: Unpack[DotOptions]) -> bytes:
    """The map drawn in ``format`` (see :data:`FORMATS`) with :func:`~argmap.render.dot.to_dot`'s ``options``,
    ``labelling=`` among them to colour elements by their status.

    DOT is the source itself, UTF-8; the other formats come from running Graphviz ``dot``. Raises
    :class:`~argmap.errors.UnknownFormat`, :class:`~argmap.errors.GraphvizNotFound` when ``dot`` is missing,
    and :class:`~argmap.errors.RenderError` with ``dot``'s messages when it fails.
    """
    output = _format(format)
    with gc_paused():
        if output == "dot":
            return dot_source(m, **options).encode("utf-8")
        graph = to_dot(m, **options)
    # DOT source needs no graphviz package: it is imported only to run dot (and to_dot has imported it already).
    import graphviz  # type: ignore[import-untyped]

    try:
        return graph.pipe(format=output, quiet=True)  # type: ignore[no-any-return]
    except graphviz.ExecutableNotFound:
        raise GraphvizNotFound("dot") from None
    except graphviz.CalledProcessError as error:
        stderr = (error.stderr or b"").decode("utf-8", "replace").strip()
        detail = stderr.splitlines()[0] if stderr else "no message"
        raise RenderError(f"Graphviz dot failed with exit status {error.returncode}: {detail}", stderr=stderr) from None


def render(
    m: ArgumentMap, path: str | os.PathLike[str], *, format: str | None = None, **options: Unpack[DotOptions]
) -> Path:
    """Draw the map into the file ``path`` and return its path.

    The format is ``format`` or else the file's suffix: ``.svg``, ``.png``, ``.pdf``, ``.dot`` or ``.gv``. The
    file is replaced atomically, so a failure leaves an existing file as it was. Raises what :func:`pipe` raises.
    """
    target = Path(path)
    if format is None:
        if not target.suffix:
            raise UnknownFormat(f"{target}: no suffix to tell the diagram format from; use one of {', '.join(FORMATS)}")
        format = target.suffix[1:]
    return atomic_write(target, pipe(m, format, **options))
