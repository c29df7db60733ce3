"""The Sphinx extension: the ``argmap`` directive draws a map into a page, checked when the documentation builds.

Add ``"argmap.sphinx"`` to ``extensions`` in ``conf.py``. The directive takes a map file, relative to the page::

    .. argmap:: maps/debate.argdown
       :caption: The debate
       :evaluate: grounded

or the map itself as content (Argdown unless ``:format:`` names another format). The map is read and checked
while the page is read: each problem found becomes a Sphinx warning of type ``argmap``, located at the map's line
and with the diagnostic code as subtype, so that ``suppress_warnings = ["argmap.disconnected"]`` silences one
kind and ``-W`` turns them into errors. When the page is written, the diagram is drawn with Graphviz (inline SVG
in HTML, PDF for LaTeX, PNG elsewhere), and each drawing is cached by the hash of what it depends on.

Configuration values: ``argmap_dot`` (the ``dot`` program), ``argmap_output_format`` (``"svg"`` or ``"png"`` for
HTML), ``argmap_default_view``, ``argmap_theme``, ``argmap_warn_on`` (the lowest severity reported: ``"warning"``
by default) and ``argmap_map_dirs`` (directories outside the source tree that map files may come from).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import weakref
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import ENUM
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import formats
from ._io import atomic_write
from .af import SEMANTICS
from .catalogue import Severity
from .check import Diagnostic, check
from .errors import ArgmapError, GraphvizNotFound, MapError, OptionError, ParseError, RenderError, UnknownFormat
from .evaluate import Labelling, evaluate
from .model import ArgumentMap
from .render.dot import to_dot
from .render.options import VIEWS
from .render.svg import describe, inline_svg
from .render.theme import THEMES

__all__ = [
    "ALIGNS",
    "DEFAULT_INLINE_FORMAT",
    "HTML_FORMATS",
    "WARNING_TYPE",
    "ArgmapDirective",
    "argmap_diagram",
    "setup",
]

logger = logging.getLogger(__name__)

#: The warning type of everything the extension reports; the subtype is a diagnostic code or one of these.
WARNING_TYPE = "argmap"
_PATH = "path"  # a map file that is missing, unreadable or outside the source tree
_FORMAT = "format"  # a format name or file suffix that argmap cannot read
_PARSE = "parse-error"  # text that the format cannot parse
_USAGE = "usage"  # a directive with both a path and content, or neither; a bad configuration value
_EVALUATE = "evaluate"  # a semantics that gives the map no labelling
_DOT = "dot"  # Graphviz missing or failing

#: The format of inline maps unless ``:format:`` says otherwise.
DEFAULT_INLINE_FORMAT = "argdown"
#: Values of ``:align:``.
ALIGNS = ("left", "center", "right")
#: Values of ``argmap_output_format``: how HTML pages show diagrams.
HTML_FORMATS = ("svg", "png")
_SEVERITIES = {severity.value: severity for severity in Severity}


class argmap_diagram(nodes.General, nodes.Element):  # docutils names node classes in lower case
    """A map's diagram, waiting to be drawn: ``dot`` holds the DOT source, ``title`` and ``description`` the
    accessible name and description. When a page is written it becomes inline SVG, an image, or (when Graphviz
    cannot draw it) the DOT source as a literal block.
    """


@attrs.frozen
class _Place:
    """Where the lines of a map are, for warnings: a map file, or a directive's content in a page."""

    fallback: str
    path: str | None = None
    block: StringList | None = None
    # Added to the block's own line offsets, where they count from the block's start rather than the page's.
    shift: int = 0

    def at(self, line: int | None) -> str:
        """The Sphinx location of the map's ``line`` (counted from 1), or of the map as a whole for ``None``."""
        if self.path is not None:
            # "path:" with no line is how Sphinx locates a whole file; without the colon it would read a docname.
            return f"{self.path}:{'' if line is None else line}"
        if line is not None and self.block is not None and 0 < line <= len(self.block):
            source, offset = self.block.info(line - 1)
            if source and offset is not None:
                return f"{source}:{offset + 1 + self.shift}"
        return self.fallback


def _warn(message: str, subtype: str, location: str | nodes.Node) -> None:
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


def _one_of(values: Sequence[str]) -> Callable[[str], str]:
    """An option converter that accepts one of ``values``, case-insensitive, as docutils' own choices do."""

    def convert(argument: str) -> str:
        return directives.choice(argument, values)

    return convert


class ArgmapDirective(SphinxDirective):
    """``.. argmap:: [PATH]``: draw the map in the file ``PATH`` (relative to the page, or to the source
    directory when it starts with ``/``), or the map given as the directive's content.

    Options: ``:format:`` (the map's format; default: the file's suffix, or Argdown for content), ``:view:``
    (``debate`` or ``premise``), ``:theme:`` (``light`` or ``dark``), ``:evaluate:`` (``grounded``, ``complete``,
    ``preferred`` or ``stable``: colour elements by their status), ``:caption:``, ``:alt:`` (the diagram's
    accessible name; default: the caption, else the map's title), ``:align:``, ``:name:`` and ``:class:``.
    """

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[dict[str, Any]] = {
        "format": directives.unchanged_required,
        "view": _one_of(VIEWS),
        "theme": _one_of(tuple(THEMES)),
        "evaluate": _one_of(SEMANTICS),
        "caption": directives.unchanged_required,
        "alt": directives.unchanged_required,
        "align": _one_of(ALIGNS),
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        """Read and check the map, report what is wrong, and return the diagram (in a figure with a caption)."""
        loaded = self._load()
        if loaded is None:
            return []
        m, place = loaded
        self._report(check(m), place)
        labelling = self._evaluate(m)
        config = self.config
        try:
            graph = to_dot(
                m,
                view=self.options.get("view", config.argmap_default_view),
                theme=self.options.get("theme", config.argmap_theme),
                labelling=labelling,
            )
        except OptionError as error:  # only configuration values can be wrong here: options are checked choices
            _warn(f"cannot draw the map: {error}", _USAGE, self.get_location())
            return []
        diagram = argmap_diagram(dot=graph.source, description=describe(m, labelling), classes=["argmap"])
        diagram["classes"] += self.options.get("class", [])
        self.set_source_info(diagram)
        caption = self.options.get("caption")
        if caption is None:
            diagram["title"] = self.options.get("alt") or m.title.strip() or "Argument map"
            if "align" in self.options:
                diagram["align"] = self.options["align"]
            self.add_name(diagram)
            return [diagram]
        text_nodes, messages = self.state.inline_text(caption, self.lineno)
        caption_node = nodes.caption(caption, "", *text_nodes)
        diagram["title"] = self.options.get("alt") or caption_node.astext()
        figure = nodes.figure("", diagram, caption_node)
        if "align" in self.options:
            figure["align"] = self.options["align"]
        self.set_source_info(figure)
        self.add_name(figure)
        return [figure, *messages]

    def _load(self) -> tuple[ArgumentMap, _Place] | None:
        """The map and where its lines are; ``None`` (having warned) when there is none to draw."""
        here = self.get_location()
        format = self.options.get("format")
        if bool(self.arguments) == bool(self.content):
            given = "both" if self.arguments else "neither"
            _warn(f"the argmap directive takes a map file or a map as its content, and was given {given}", _USAGE, here)
            return None
        if not self.arguments:
            # docutils numbers content lines by their place in the source file, which the directive's own line
            # precedes; MyST numbers them from 0, and content_offset counts the lines between its fence and content.
            _, first = self.content.info(0)
            place = _Place(here, block=self.content, shift=self.lineno + self.content_offset if first == 0 else 0)
            return self._read(place, lambda: formats.loads("\n".join(self.content), format or DEFAULT_INLINE_FORMAT))
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        if not self._may_read(Path(absolute)):
            _warn(
                f"map file {self.arguments[0]!r} is outside the documentation's source directory (list its "
                "directory in argmap_map_dirs in conf.py to allow it)",
                _PATH,
                here,
            )
            return None
        # Noted even when reading fails, so that fixing the file brings the page up to date.
        self.env.note_dependency(absolute)
        place = _Place(here, path=absolute)
        try:
            return self._read(place, lambda: formats.load(absolute, format))
        except OSError as error:
            _warn(f"cannot read map file {relative!r}: {error.strerror or error}", _PATH, here)
            return None

    def _may_read(self, path: Path) -> bool:
        """Whether ``path`` is in the source tree, or in a directory that ``argmap_map_dirs`` opens."""
        source_dir = Path(self.env.srcdir).resolve()
        extras = self.config.argmap_map_dirs
        # One directory given as a string is one directory, not a directory per character.
        extras = [extras] if isinstance(extras, str) else extras
        allowed = [source_dir, *((source_dir / extra).resolve() for extra in extras)]
        # Resolved, so that a symbolic link that points out of the allowed directories is refused too.
        real = path.resolve()
        return any(real.is_relative_to(directory) for directory in allowed)

    def _read(self, place: _Place, read: Callable[[], ArgumentMap]) -> tuple[ArgumentMap, _Place] | None:
        try:
            return read(), place
        except ParseError as error:
            _warn(f"cannot read the map: {error.message}", _PARSE, place.at(error.line))
        except MapError as error:
            for problem in error.problems:
                _warn(f"error {problem.code}: {problem}", problem.code, place.at(None))
        except UnknownFormat as error:
            _warn(str(error), _FORMAT, self.get_location())
        return None

    def _report(self, diagnostics: Sequence[Diagnostic], place: _Place) -> None:
        lowest = _SEVERITIES.get(self.config.argmap_warn_on, Severity.WARNING)
        for diagnostic in diagnostics:
            if diagnostic.severity >= lowest:
                line = diagnostic.location.line if diagnostic.location is not None else None
                message = f"{diagnostic.severity} {diagnostic.code}: {diagnostic.message}"
                _warn(message, diagnostic.code, place.at(line))

    def _evaluate(self, m: ArgumentMap) -> Labelling | None:
        semantics = self.options.get("evaluate")
        if semantics is None:
            return None
        try:
            return evaluate(m, semantics)
        except ArgmapError as error:
            _warn(f"cannot evaluate the map: {error}; it is drawn without statuses", _EVALUATE, self.get_location())
            return None


def _run_dot(executable: str, source: str, format: str) -> bytes:
    """Graphviz's drawing of DOT ``source`` in ``format``: the one place where the extension runs ``dot``."""
    try:
        done = subprocess.run([executable, f"-T{format}"], input=source.encode("utf-8"), capture_output=True)
    except OSError:
        raise GraphvizNotFound(executable) from None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        detail = stderr.splitlines()[0] if stderr else "no message"
        raise RenderError(f"Graphviz dot failed with exit status {done.returncode}: {detail}", stderr=stderr)
    return done.stdout


class _Drawer:
    """Draws one application's diagrams through a cache, and says once that Graphviz is missing."""

    def __init__(self, builder: Builder) -> None:
        self.builder_format = builder.format
        self.config = builder.config
        self.cache = Path(builder.doctreedir) / "argmap"
        self.warned_missing = False
        self._dot: tuple[str, str] | None = None

    def _executable(self) -> tuple[str, str]:
        """``dot``'s path and a fingerprint of the program (its size and time), so that a new Graphviz draws anew."""
        if self._dot is None:
            name = self.config.argmap_dot
            found = shutil.which(name)
            if found is None:
                raise GraphvizNotFound(name)
            real = os.path.realpath(found)
            stat = os.stat(real)
            self._dot = (found, f"{real}\0{stat.st_size}\0{stat.st_mtime_ns}")
        return self._dot

    def drawing(self, source: str, format: str) -> Path:
        """The file that holds ``source`` drawn in ``format``, drawn now unless an earlier build drew it."""
        executable, fingerprint = self._executable()
        key = hashlib.sha256(f"{format}\0{fingerprint}\0{source}".encode()).hexdigest()[:32]
        path = self.cache / f"argmap-{key}.{format}"
        if not path.is_file():
            data = _run_dot(executable, source, format)
            self.cache.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)
        return path

    def output_format(self) -> str:
        """Inline SVG (or PNG, as configured) for HTML, PDF for LaTeX, PNG for every other builder."""
        if self.builder_format == "html":
            chosen: str = self.config.argmap_output_format
            return chosen if chosen in HTML_FORMATS else "svg"
        return "pdf" if self.builder_format == "latex" else "png"

    def replace(self, diagram: argmap_diagram, id_prefix: str, env: BuildEnvironment) -> nodes.Element:
        """What a page shows for the diagram: inline SVG, an image, or (failing those) the DOT source."""
        try:
            return self._drawn(diagram, id_prefix, env)
        except RenderError as error:
            if not isinstance(error, GraphvizNotFound):
                _warn(f"cannot draw the map: {error}", _DOT, diagram)
            elif not self.warned_missing:
                self.warned_missing = True
                _warn(f"{error}; pages show the diagrams' DOT source instead", _DOT, diagram)
            source = diagram["dot"]
            return nodes.literal_block(source, source, language="dot", classes=["argmap-dot"])

    def _drawn(self, diagram: argmap_diagram, id_prefix: str, env: BuildEnvironment) -> nodes.Element:
        format = self.output_format()
        path = self.drawing(diagram["dot"], format)
        if format == "svg":
            title, description = diagram["title"], diagram["description"]
            svg = inline_svg(path.read_bytes(), id_prefix=id_prefix, title=title, description=description)
            # docutils wraps raw HTML that has classes in a <div> with the node's ids and classes.
            align = [f"align-{diagram['align']}"] if "align" in diagram else []
            return nodes.raw("", svg, format="html", classes=align)
        uri = os.fspath(path)
        image = nodes.image(uri=uri, candidates={"*": uri}, alt=diagram["title"])
        if "align" in diagram:
            image["align"] = diagram["align"]
        # As Sphinx's own image converters do: a file outside the source tree that the builder copies out.
        env.images.add_file(env.docname, uri)
        return image


# One drawer per build environment, made when the builder is; weak, so that a finished build is not kept alive.
_DRAWERS: weakref.WeakKeyDictionary[BuildEnvironment, _Drawer] = weakref.WeakKeyDictionary()


def _start_drawer(app: Sphinx) -> None:
    _DRAWERS[app.env] = _Drawer(app.builder)


class _DrawDiagrams(SphinxPostTransform):
    """Replaces each diagram of a page about to be written by what the builder shows for it.

    Post-transforms run in the main process even when writing is parallel, so the cache and the one warning
    about a missing Graphviz need no locks.
    """

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        drawer = _DRAWERS[self.env]
        # Numbered per document (or per assembled document, for singlehtml and LaTeX), so ids never repeat.
        for n, diagram in enumerate(list(self.document.findall(argmap_diagram)), 1):
            shown = drawer.replace(diagram, f"argmap-{n}", self.env)
            shown.source, shown.line = diagram.source, diagram.line
            # replace_self() gives the new node the diagram's ids and classes (:name: and :class:).
            diagram.replace_self(shown)


def _version() -> str:
    try:
        return metadata.version("argmap")
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``argmap`` directive and its configuration values with Sphinx."""
    app.add_config_value("argmap_dot", "dot", "html", types=frozenset({str}))
    app.add_config_value("argmap_output_format", "svg", "html", types=ENUM(*HTML_FORMATS))
    app.add_config_value("argmap_default_view", "debate", "env", types=ENUM(*VIEWS))
    app.add_config_value("argmap_theme", "light", "env", types=ENUM(*THEMES))
    app.add_config_value("argmap_map_dirs", [], "env", types=frozenset({list, tuple}))
    app.add_config_value("argmap_warn_on", "warning", "env", types=ENUM(*_SEVERITIES))
    app.add_node(argmap_diagram)
    app.add_directive("argmap", ArgmapDirective)
    app.add_post_transform(_DrawDiagrams)
    app.connect("builder-inited", _start_drawer)
    return {"version": _version(), "parallel_read_safe": True, "parallel_write_safe": True}
