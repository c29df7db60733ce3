"""Turn a map into SVG, PNG, PDF or DOT bytes by piping it through Graphviz, and write them atomically."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final, Unpack

from .._gc import pauses_gc
from .._io import atomic_write
from .._text import diagram_title
from ..errors import GraphvizNotFound, OptionError, RenderError, UnknownFormat
from ..model import ArgumentMap
from .dot import dot_source
from .options import DotOptions, HtmlOptions

if TYPE_CHECKING:
    from .notes import NodeUrl

__all__ = [
    "DIAGRAM_FORMATS",
    "FREE_LAYOUT",
    "LARGE_LAYOUT",
    "dot_failed",
    "for_engine",
    "layout_engine",
    "pipe",
    "render",
    "run_dot",
]

#: Output formats by name; ``gv`` is another name for DOT, ``htm`` for HTML. DOT needs no Graphviz installed.
DIAGRAM_FORMATS: Mapping[str, str] = {
    "svg": "svg",
    "png": "png",
    "pdf": "pdf",
    "dot": "dot",
    "gv": "dot",
    "html": "html",
    "htm": "html",
}
#: How many nodes (statements and arguments) make ``dot``'s layout long: about 2 s at 2,700 nodes and 20 s at 5,300,
#: growing faster than the map (benchmarks/layout.py; docs/performance.md).
LARGE_LAYOUT: Final = 2000

# Options that only an HTML page's frame has.
_HTML_ONLY = ("max_width", "max_height")


def _format(name: str) -> str:
    try:
        return DIAGRAM_FORMATS[name.lower()]
    except KeyError:
        raise UnknownFormat(f"unknown diagram format {name!r}: use one of {', '.join(DIAGRAM_FORMATS)}") from None


def layout_engine(name: str) -> str:
    """The Graphviz layout engine called ``name`` (``dot``, ``neato``, ``sfdp``...: those of the graphviz package's
    ``ENGINES``); :class:`~argmap.OptionError` names them for any other.
    """
    import graphviz  # type: ignore[import-untyped]

    if name not in graphviz.ENGINES:
        known = ", ".join(sorted(graphviz.ENGINES))
        raise OptionError(f"unknown Graphviz layout engine {name!r}: use one of {known}")
    return name


#: The graph attributes given to engines other than ``dot``, which place nodes freely: without them ``neato``,
#: ``fdp``, ``circo`` and ``twopi`` lay boxes over one another. Overlaps are removed, with some room between boxes.
FREE_LAYOUT = 'overlap=false sep="+10"'


def for_engine(source: str, engine: str) -> str:
    """DOT ``source`` as ``engine`` should lay it out: for an engine other than ``dot``, with :data:`FREE_LAYOUT`
    first among its graph attributes (so that the map's own come after it and win); for ``dot``, as it is.
    """
    if engine == "dot":
        return source
    head, opened, body = source.partition("{\n")
    return f"{head}{opened}\tgraph [{FREE_LAYOUT}]\n{body}"


def run_dot(source: str, format: str, engine: str = "dot") -> bytes:
    """Graphviz's drawing of DOT ``source`` in ``format`` (``svg``, ``png``, ``pdf``...), laid out by ``engine``
    (``dot`` by default; checked with :func:`layout_engine`; see :func:`for_engine`).

    Raises :class:`~argmap.errors.GraphvizNotFound` when the engine is missing, and
    :class:`~argmap.errors.RenderError` with its messages when it fails.
    """
    # DOT source needs no graphviz package: it is imported only to run dot.
    import graphviz

    try:
        drawn = for_engine(source, layout_engine(engine)).encode("utf-8")
        return graphviz.pipe(engine, format, drawn, quiet=True)  # type: ignore[no-any-return]
    except graphviz.ExecutableNotFound:
        raise GraphvizNotFound(engine) from None
    except graphviz.CalledProcessError as error:
        raise dot_failed(error.returncode, error.stderr or b"") from None


def dot_failed(status: int, stderr: bytes) -> RenderError:
    """The error for a ``dot`` run that exited with ``status``: its first line of ``stderr`` in the message."""
    text = stderr.decode("utf-8", "replace").strip()
    detail = text.splitlines()[0] if text else "no message"
    return RenderError(f"Graphviz dot failed with exit status {status}: {detail}", stderr=text)


@pauses_gc
def pipe(m: ArgumentMap, format: str = "svg", *, engine: str = "dot", **options: Unpack[HtmlOptions]) -> bytes:
    """The map drawn in ``format`` (see :data:`DIAGRAM_FORMATS`) with :func:`~argmap.render.dot.to_dot`'s ``options``,
    ``labelling=`` among them to colour elements by their status.

    DOT is the source itself, UTF-8; the other formats come from running Graphviz ``dot``. SVG names every node
    and edge for the reader (see :mod:`argmap.render.notes`: ``name=`` and ``node_url=`` apply), and with
    ``theme="auto"`` follows the reader's light or dark mode. HTML is a page of its own (see
    :func:`argmap.render.html.page`), whose theme is ``"auto"`` unless ``theme=`` says otherwise, and which alone
    takes ``max_width=`` and ``max_height=``. Raises :class:`~argmap.errors.UnknownFormat`,
    :class:`~argmap.OptionError`, :class:`~argmap.errors.GraphvizNotFound` when ``dot`` is missing, and
    :class:`~argmap.errors.RenderError` with ``dot``'s messages when it fails.

    ``engine`` is the Graphviz layout engine (see :func:`layout_engine`): ``sfdp`` or ``neato`` lay out a map of
    thousands of elements in a fraction of ``dot``'s time, without its ranks (conclusions above their reasons).
    """
    output = _format(format)
    if engine != "dot" and output in ("dot", "html"):
        layout_engine(engine)
        raise OptionError(f"engine applies to the formats Graphviz draws (svg, png, pdf), not {output}")
    if output == "html":
        from .html import page

        return page(m, **options).encode("utf-8")
    for option in _HTML_ONLY:
        if options.get(option) is not None:
            raise OptionError(f"{option} applies to HTML output only, not {output}")
    name, node_url = options.pop("name", None), options.pop("node_url", None)
    if output == "dot":
        return dot_source(m, **_dot_options(options)).encode("utf-8")
    if output == "svg":
        return _svg(m, name, node_url, options, engine)
    source = dot_source(m, **_dot_options(options))
    return run_dot(source, output, engine)


def _dot_options(options: HtmlOptions) -> DotOptions:
    """The options that DOT takes, of those given."""
    return {key: value for key, value in options.items() if key not in ("name", "node_url", *_HTML_ONLY)}  # type: ignore[return-value]


def _svg(m: ArgumentMap, name: str | None, node_url: NodeUrl | None, options: HtmlOptions, engine: str) -> bytes:
    from .dot import drawing
    from .notes import notes
    from .svg import describe, standalone_svg
    from .theme import AUTO, MARKED

    dot_options = _dot_options(options)
    marked = dot_options.get("theme") == AUTO
    if marked:
        dot_options["theme"] = MARKED
    drawn = drawing(m, **dot_options)
    svg = run_dot(drawn.source, "svg", engine)
    title = diagram_title(m.title)
    # Given a prefix, every id starts with it, the anchors too, so that drawings inlined together share none.
    prefix = dot_options.get("id_prefix") or None
    return standalone_svg(
        svg,
        title=title,
        description=describe(m, drawn.options.labelling, drawn.options.strengths),
        notes=notes(drawn, name=name or prefix, node_url=node_url),
        marked=marked,
        id_prefix=prefix or "argmap",
    )


def render(
    m: ArgumentMap,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    engine: str = "dot",
    **options: Unpack[HtmlOptions],
) -> Path:
    """Draw the map into the file ``path`` and return its path.

    The format is ``format`` or else the file's suffix: ``.svg``, ``.png``, ``.pdf``, ``.dot``, ``.gv`` or
    ``.html``. The file is replaced atomically, so a failure leaves an existing file as it was. Folders of ``path``
    that do not exist yet are made, as the ``graphviz`` package's ``render`` makes them, once the drawing is done
    (a failed one makes none). ``engine`` and the options are :func:`pipe`'s; raises what :func:`pipe` raises.
    """
    target = Path(path)
    if format is None:
        if not target.suffix:
            raise UnknownFormat(
                f"{target}: no suffix to tell the diagram format from; use one of {', '.join(DIAGRAM_FORMATS)}"
            )
        format = target.suffix[1:]
    data = pipe(m, format, engine=engine, **options)
    if not target.parent.exists():  # a file where a folder should be is left for the write to report
        target.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write(target, data)
