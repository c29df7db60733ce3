"""MkDocs and Python-Markdown: ``argmap`` fences drawn as zoomable diagrams, and a plugin that locates and caches them.

In ``mkdocs.yml``::

    plugins:
      - search
      - argmap

The plugin enables pymdownx.superfences with an ``argmap`` fence (or takes over the fence that ``mkdocs.yml``
configures with :func:`fence_format`), names each warning's page and line, lets a fence draw a map file of the
docs (``src="maps/debate.argdown"``), keeps Graphviz's drawings in a cache (``cache_dir``, by default
``.cache/argmap`` beside ``mkdocs.yml``) so that an unchanged build runs ``dot`` zero times, and puts the viewer's
stylesheet and script once into each page that has a diagram.

Without the plugin, Python-Markdown (or MkDocs) draws fences through :func:`fence_format` and
:func:`fence_validator` given to pymdownx.superfences::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap
              class: argmap
              format: !!python/name:argmap.mkdocs.fence_format
              validator: !!python/name:argmap.mkdocs.fence_validator

A block fenced with `````` ```argmap `````` then holds a map (Argdown unless ``format="json"`` or another format is
given on the fence line), drawn in the viewer of :mod:`argmap.render.html`. A map that cannot be read or drawn
shows as an error block in the page and is logged as a warning, so that ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import textwrap
import weakref
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path, PurePosixPath
from typing import Any, cast

import attrs
from mkdocs.config import base, config_options
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from . import formats
from ._text import listed
from .af import SEMANTICS, STRENGTH_SEMANTICS
from .catalogue import Severity
from .check import check
from .errors import ArgmapError, MapError, OptionError, ParseError
from .evaluate import DRAWING_TIMEOUT, Labelling, evaluate_for_drawing
from .model import ArgumentMap
from .render.cache import DotCache
from .render.files import layout_engine
from .render.html import assets, css_length, prepare
from .render.notes import map_name
from .render.options import DIRECTIONS, ID_PREFIX, VIEWS
from .render.svg import escape
from .render.theme import AUTO, THEME_NAMES
from .selection import REACHES, Reach, chosen_part
from .settings import settings_of
from .strength import Strengths, strength

__all__ = ["DEFAULT_FORMAT", "OPTIONS", "ArgmapConfig", "ArgmapPlugin", "fence_format", "fence_validator"]

# Under "mkdocs.", so that MkDocs shows these warnings and --strict counts them.
logger = logging.getLogger("mkdocs.plugins.argmap")

#: The format of a fence's map unless its ``format`` option names another (or its ``src`` file's suffix does).
DEFAULT_FORMAT = "argdown"
#: The options a fence takes, each with the values it allows (``None``: any text, checked as the option needs).
#: ``max-width`` may be written ``max_width``: superfences reads no ``-`` in a name on a plain fence line, only in
#: braces, as in ``{.argmap max-width="40rem"}``.
OPTIONS: Mapping[str, tuple[str, ...] | None] = {
    "src": None,
    "format": None,
    "view": VIEWS,
    "direction": DIRECTIONS,
    "wrap": None,
    "theme": THEME_NAMES,
    "evaluate": SEMANTICS,
    "alt": None,
    "name": None,
    "max-width": None,
    "max-height": None,
    "strength": STRENGTH_SEMANTICS,
    # A Graphviz layout engine of the graphviz package's ENGINES, checked as argmap render --engine checks it.
    "engine": None,
    # Parts of the map, as argmap.select() takes them: lists separated by commas.
    "select": None,
    "depth": None,
    "reach": REACHES,
    "sections": None,
    "tags": None,
    "statuses": None,
    "connected": ("true", "false"),
    # The drawing settings of an Argdown document (see argmap.settings), applied unless "off".
    "settings": ("on", "off"),
}
# Where the validator leaves its complaint about a fence's options, for the formatter to show.
_ERROR = "argmap-error"
_SUPERFENCES = "pymdownx.superfences"
# The opening line of a fenced block, in a list or a block quote or not, and the info string of an argmap fence.
_OPENING = re.compile(r"(?P<prefix>(?:[ \t]*>)*[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)")
_ARGMAP_INFO = re.compile(r"[ \t]*(?:\{[ \t]*\.?)?argmap(?![\w-])")
_DIGITS = re.compile(r"[0-9]+")
# Where the viewer of a page's first diagram starts.
_VIEWER = re.compile(r'<div class="argmap-viewer\b')


def _validate(key: str, value: str) -> str:
    """The value of option ``key`` as the formatter takes it; :class:`~argmap.OptionError` if it is not allowed."""
    allowed = OPTIONS[key]
    if allowed is not None:
        chosen = {choice.lower(): choice for choice in allowed}.get(value.lower())
        if chosen is None:
            raise OptionError(f"unknown {key} {value!r}: use one of {', '.join(allowed)}")
        return chosen
    if key == "format":
        formats.get_format(value)
    elif key in ("wrap", "depth") and not _DIGITS.fullmatch(value):
        if key == "depth":
            raise OptionError(f"depth must be a number of ties, not {value!r}")
        raise OptionError(f"wrap must be a number of characters (0 for no wrapping), not {value!r}")
    elif key == "name" and not ID_PREFIX.fullmatch(value):
        raise OptionError(f"name must be a letter followed by letters, digits, '_' or '-', not {value!r}")
    elif key in ("max-width", "max-height"):
        return css_length(value, key)
    elif key == "engine":
        layout_engine(value)
    elif key == "src" and not value.strip():
        raise OptionError("src must name a map file")
    return value


def _part(m: ArgumentMap, options: Mapping[str, str], document: ArgumentMap) -> ArgumentMap:
    """The part of ``m`` that the fence's selection options keep (see :func:`argmap.selection.chosen_part`), or
    else the ``document``'s own part.
    """
    lists = {key: listed(options[key]) for key in ("select", "sections", "tags", "statuses") if key in options}
    chosen = chosen_part(
        m,
        ids=lists.get("select"),
        depth=int(options.get("depth", "0")),
        reach=cast(Reach, options.get("reach", "both")),
        sections=lists.get("sections"),
        tags=lists.get("tags"),
        statuses=lists.get("statuses"),
        connected=options.get("connected") == "true",
        semantics=options.get("evaluate", "grounded"),
    )
    return document if chosen is None else chosen


def fence_validator(
    language: str, inputs: Mapping[str, str], options: MutableMapping[str, str], attrs: object, md: object
) -> bool:
    """Take the options on an ``argmap`` fence line (see :data:`OPTIONS`) into ``options``.

    The fence is always accepted: an unknown option or a bad value is kept as an error, which the fence then shows
    in the page, rather than turning the block into a plain code block unnoticed.
    """
    problems: list[str] = []
    for name, value in inputs.items():
        key = name.replace("_", "-")
        if key not in OPTIONS:
            problems.append(f"unknown option {name!r}: use {', '.join(OPTIONS)}")
            continue
        try:
            options[key] = _validate(key, value)
        except ArgmapError as error:
            problems.append(str(error))
    if problems:
        options[_ERROR] = "; ".join(problems)
    return True


def _normal(text: str) -> str:
    """A fence's body as it compares with the source that superfences hands over: dedented, no trailing blanks."""
    return textwrap.dedent("\n".join(line.rstrip() for line in text.split("\n"))).strip("\n")


def _fences(markdown: str) -> list[tuple[int, str]]:
    """The ``argmap`` fences of a page, in order: the line of each opening fence (from 1) and its body (see
    :func:`_normal`). Blocks fenced inside other fenced blocks, such as examples of fences, are not fences.
    """
    lines = markdown.split("\n")
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        opening = _OPENING.fullmatch(lines[i])
        i += 1
        if opening is None:
            continue
        fence = opening["fence"]
        closing = re.compile(rf"(?:[ \t]*>)*[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*")
        start = i
        while i < len(lines) and not closing.fullmatch(lines[i]):
            i += 1
        if _ARGMAP_INFO.match(opening["info"]):
            prefix = len(opening["prefix"])
            found.append((start, _normal("\n".join(line[prefix:] for line in lines[start:i]))))
        i += 1
    return found


@attrs.frozen
class _Place:
    """Where a map's lines are, for warnings: in a page (``offset`` is the line of its fence), in a map file
    (``offset`` 0, ``line`` ``None``), or somewhere lines are not known (``offset`` ``None``).
    """

    path: str
    offset: int | None = None
    line: int | None = None
    # The map file as it was read, which its elements' locations name (``None`` for a map in the page).
    file: str | None = None

    def at(self, line: int | None = None, path: str | None = None) -> str:
        """The place of the map's ``line`` (from 1), or of the whole map for ``None``; of ``line`` in the file
        ``path`` where the map includes that file (Argdown's ``@include``).
        """
        if path is not None and path != self.file:
            return path if line is None else f"{path}:{line}"
        if line is not None and self.offset is not None:
            return f"{self.path}:{self.offset + line}"
        return self.path if self.line is None else f"{self.path}:{self.line}"


@attrs.frozen
class _Site:
    """Where a site's files are: the directory of ``mkdocs.yml``, which warnings name files relative to, and the
    docs directory, which ``src`` files must be in.
    """

    root: Path
    docs_dir: Path

    def shown(self, path: Path) -> str:
        """How warnings name a file: relative to the directory of ``mkdocs.yml``, with ``/``."""
        try:
            return Path(os.path.relpath(path, self.root)).as_posix()
        except ValueError:  # on another drive
            return os.fspath(path)


@attrs.define
class _Page:
    """What the fences of one page share: the page's place (when the plugin knows it), their numbering, the
    anchors' names taken, the cache of drawings, and whether the stylesheet and script are in the page yet.
    """

    cache: DotCache
    # With the plugin, the page gets them from on_page_context; without it, from its first diagram.
    assets_due: bool
    # How many seconds evaluate= may search for a labelling before the diagram falls back to grounded semantics.
    timeout: float
    # The site, the page as warnings name it and its directory, which src paths start from.
    site: _Site | None = None
    path: str | None = None
    directory: Path | None = None
    # Each argmap fence of the page's Markdown: the line of its opening fence and its body; and those met already.
    fences: list[tuple[int, str]] = attrs.Factory(list)
    met: set[int] = attrs.Factory(set)
    seen: int = 0
    drawn: int = 0
    names: set[str] = attrs.Factory(set)

    def place(self, source: str) -> _Place:
        """Where the next fence is, given its body: the first fence not met yet whose body is ``source``, or else
        the next one in order.
        """
        self.seen += 1
        if self.path is None:
            return _Place(f"fence {self.seen}", offset=0)
        wanted = _normal(source)
        free = [k for k in range(len(self.fences)) if k not in self.met]
        found = next((k for k in free if self.fences[k][1] == wanted), free[0] if free else None)
        if found is None:
            return _Place(self.path)
        self.met.add(found)
        line = self.fences[found][0]
        return _Place(self.path, offset=line, line=line)

    def resolve(self, src: str) -> tuple[Path, str]:
        """The map file ``src`` names, relative to the page, or to the docs directory when it starts with ``/``,
        and how warnings name it.

        :class:`~argmap.OptionError` for a file outside the docs directory, through ``..`` or a symbolic link.
        """
        if self.site is None or self.directory is None:
            raise OptionError("src needs the argmap plugin, which knows the docs directory: add it to plugins")
        if "\x00" in src:
            raise OptionError(f"map file {src!r} holds a NUL byte, which no file name can")
        given = (self.site.docs_dir if src.startswith("/") else self.directory) / src.lstrip("/")
        # Resolved, so that a symbolic link that points out of the docs is refused too.
        path = given.resolve()
        if not path.is_relative_to(self.site.docs_dir.resolve()):
            raise OptionError(f"map file {src!r} is outside the docs directory, and only maps in it are drawn")
        return path, self.site.shown(Path(os.path.normpath(given)))

    def name(self, given: str | None, fallback: str, place: _Place) -> str:
        """The map's name for anchors: ``given``, or ``fallback`` unless another diagram of the page has it."""
        if given is not None:
            if given in self.names:
                _warn(place.at(), f"another diagram of the page is named {given!r} too: their anchors clash")
            name = given
        else:
            name = fallback if fallback not in self.names else f"{fallback}-{self.drawn}"
        self.names.add(name)
        return name


def _warn(where: str, message: str) -> None:
    logger.warning("argmap: %s: %s", where, message)


@attrs.frozen
class _Refusal:
    """Why a fence draws no map: the warnings to log, each where to say it and what, and what the page shows."""

    warnings: tuple[tuple[str, str], ...]
    shown: str

    @classmethod
    def at(cls, where: str, message: str, shown: str | None = None) -> _Refusal:
        """One warning at ``where``, which the page shows too unless ``shown`` says otherwise."""
        return cls(((where, message),), message if shown is None else shown)


def _failure(css_class: str, refusal: _Refusal) -> str:
    """A visible error block in the page, in the admonition style of MkDocs themes, and the logged warnings."""
    for where, message in refusal.warnings:
        _warn(where, message)
    return (
        f'<div class="admonition failure {escape(css_class)}-error">'
        '<p class="admonition-title">argmap: this map cannot be drawn</p>'
        f"<pre><code>{escape(refusal.shown)}</code></pre></div>"
    )


# The state of each page's fences, by Markdown converter (which MkDocs makes anew for each page) where no plugin
# says which page is being converted.
_LOOSE: weakref.WeakKeyDictionary[Any, _Page] = weakref.WeakKeyDictionary()


def _loose(md: Any, make: Callable[[], _Page]) -> _Page:
    page = _LOOSE.get(md)
    if page is None:
        page = _LOOSE[md] = make()
    return page


def _default_page() -> _Page:
    """A page's fences without the plugin: drawings are kept in the user's cache directory, and an evaluation
    searches for the default time.
    """
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return _Page(cache=DotCache(Path(home) / "argmap"), assets_due=True, timeout=DRAWING_TIMEOUT)


def fence_format(source: str, language: str, css_class: str, options: Mapping[str, Any], md: Any, **kwargs: Any) -> str:
    """The HTML for an ``argmap`` fence: its map drawn in the zoomable viewer, in a ``<div>`` of class
    ``css_class``; the page's first diagram brings the viewer's stylesheet and script.

    The map is checked: its warnings and errors are logged. A map that cannot be read, evaluated as asked or
    drawn becomes an error block that says why. Graphviz's drawings are kept in ``$XDG_CACHE_HOME/argmap``
    (``~/.cache/argmap``), so that drawing the same map again does not run ``dot``.
    """
    return _draw(_loose(md, _default_page), source, css_class, options)


def _draw(page: _Page, source: str, css_class: str, options: Mapping[str, Any]) -> str:
    place = page.place(source)
    if _ERROR in options:
        return _failure(css_class, _Refusal.at(place.at(), options[_ERROR]))
    loaded = _load(page, place, source, options)
    if isinstance(loaded, _Refusal):
        return _failure(css_class, loaded)
    m, place, stem = loaded
    # The document's own settings (their unhonoured ones are among the diagnostics below) give way to the fence's.
    found = settings_of(m) if options.get("settings") != "off" else None
    for diagnostic in check(m, settings=found):
        if diagnostic.severity >= Severity.WARNING:
            at = diagnostic.location
            where = place.at() if at is None else place.at(at.line, at.path)
            _warn(where, f"{diagnostic.severity} {diagnostic.code} {diagnostic.message}")
    drawn: dict[str, Any] = {"view": "debate", "direction": "BT", "wrap": 40, "theme": AUTO}
    drawn.update({} if found is None else found.options)
    drawn.update({key: options[key] for key in ("view", "direction", "theme") if key in options})
    if "wrap" in options:
        drawn["wrap"] = int(options["wrap"])
    try:
        document = m if found is None else found.part
        chosen = _part(m, options, document)
        if chosen is not document:  # the fence's own selection: the drawing shows what it leaves out
            drawn["whole"] = m
        m = chosen
    except ArgmapError as error:
        _warn(place.at(), f"cannot select a part of the map: {error}; the whole map is drawn")
    labelling: Labelling | None = None
    if "evaluate" in options:
        try:
            labelling, note = evaluate_for_drawing(m, options["evaluate"], page.timeout)
        except ArgmapError as error:
            _warn(place.at(), f"cannot evaluate the map: {error}; it is drawn without statuses")
        else:
            if note is not None:
                _warn(place.at(), note)
    strengths: Strengths | None = None
    if "strength" in options:
        try:
            strengths = strength(m, options["strength"])
        except ArgmapError as error:
            _warn(place.at(), f"cannot weigh the map: {error}; it is drawn without strengths")
    page.drawn += 1
    name = page.name(options.get("name"), map_name(stem, f"map-{page.drawn}"), place)
    try:
        prepared = prepare(
            m,
            title=options.get("alt"),
            name=name,
            labelling=labelling,
            strengths=strengths,
            **drawn,
        )
        svg = page.cache.draw(prepared.source, "svg", options.get("engine", "dot"))
        html = prepared.html(
            svg,
            id_prefix=f"argmap-{page.drawn}",
            max_width=options.get("max-width"),
            max_height=options.get("max-height"),
        )
    except ArgmapError as error:
        return _failure(css_class, _Refusal.at(place.at(), str(error)))
    if page.assets_due:
        page.assets_due = False
        html = assets() + html
    return f'<div class="{escape(css_class)}">{html}</div>'


def _load(
    page: _Page, place: _Place, source: str, options: Mapping[str, Any]
) -> tuple[ArgumentMap, _Place, str] | _Refusal:
    """The fence's map, where its lines are and the stem of its file's name (``""`` for a map in the fence); or
    why there is none.
    """
    src: str | None = options.get("src")
    format: str | None = options.get("format")
    if src is None:
        # An @include in the fence is relative to the page, and confined to the docs directory as src is (without
        # the plugin, which knows them, the fence can include nothing).
        roots = None if page.site is None else [page.site.docs_dir]
        read = functools.partial(
            formats.loads, source, format or DEFAULT_FORMAT, base=page.directory, include_roots=roots
        )
        return _read(place, read, "", place)
    if source.strip():
        return _Refusal.at(place.at(), "a fence with src draws that file: leave the fence empty")
    try:
        path, shown = page.resolve(src)
        assert page.site is not None  # resolve() refuses a src without the plugin
        read = functools.partial(formats.load, path, format, include_roots=[page.site.docs_dir])
        return _read(_Place(shown, offset=0, file=str(path)), read, path.stem, place)
    except OSError as error:
        return _Refusal.at(place.at(), f"cannot read map file {src!r}: {error.strerror or error}")
    except ArgmapError as error:
        return _Refusal.at(place.at(), str(error))


def _read(
    lines: _Place, read: Callable[[], ArgumentMap], stem: str, fence: _Place
) -> tuple[ArgumentMap, _Place, str] | _Refusal:
    """What ``read`` reads, with ``lines`` (where the map's lines are) and ``stem``; or why it reads nothing."""
    try:
        return read(), lines, stem
    except ParseError as error:
        shown = f"line {error.line}, column {error.column}: {error.message}"
        if error.path is not None and error.path != lines.file:  # in a file the map includes
            shown = f"{error.path}, {shown}"
        return _Refusal.at(lines.at(error.line, error.path), f"cannot read the map: {error.message}", shown)
    except MapError as error:
        # Each problem at its element's line where the reader knows it, else at the fence.
        warnings = tuple(
            (
                fence.at() if problem.location is None else lines.at(problem.location.line, problem.location.path),
                f"error {problem.code}: {problem}",
            )
            for problem in error.problems
        )
        return _Refusal(warnings, "\n".join(f"{problem.code}: {problem}" for problem in error.problems))


def _source_offset(page: Page, markdown: str) -> int:
    """How many lines of the page's file come before ``markdown`` (its front matter, which MkDocs takes off)."""
    if page.file.abs_src_path is None:
        return 0
    try:
        raw = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
    except (OSError, ValueError):
        return 0
    return raw[: len(raw) - len(markdown)].count("\n") if markdown and raw.endswith(markdown) else 0


class _Seconds(base.BaseConfigOption[float]):
    """A positive number of seconds (an integer or not), read as a float."""

    def __init__(self, default: float) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise base.ValidationError(f"a positive number of seconds is expected, not {value!r}")
        return float(value)


# MkDocs' __init_subclass__ hooks have no annotations.
class ArgmapConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's settings in ``mkdocs.yml``: ``cache_dir``, the directory that keeps Graphviz's drawings between
    builds (relative to ``mkdocs.yml``; default ``.cache/argmap``), and ``timeout``, how many seconds a fence's
    ``evaluate`` may search for a labelling (default 10) before its diagram is drawn under grounded semantics
    with a warning, so that no build hangs on a hard map.
    """

    cache_dir = config_options.Type(str, default=".cache/argmap")
    timeout = _Seconds(default=DRAWING_TIMEOUT)


class ArgmapPlugin(BasePlugin[ArgmapConfig]):  # type: ignore[no-untyped-call]
    """The MkDocs plugin ``argmap`` (``plugins: [argmap]`` in ``mkdocs.yml``): see the module's description."""

    #: The drawings of the site, in ``cache_dir``.
    cache: DotCache
    # Where the site's files are.
    site: _Site

    def __init__(self) -> None:
        # The page being converted, from its Markdown to its HTML.
        self.page: _Page | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Set up the cache, and the ``argmap`` fence of pymdownx.superfences (which is enabled if it is not)."""
        # As MkDocs makes docs_dir absolute: symbolic links are kept, so that paths relative to the root stay short.
        root = Path(os.path.abspath(os.path.dirname(config.config_file_path or "")))
        self.site = _Site(root=root, docs_dir=Path(config.docs_dir))
        self.cache = DotCache(root / self.config.cache_dir)
        if _SUPERFENCES not in config.markdown_extensions:
            config.markdown_extensions.append(_SUPERFENCES)
        fences = config.mdx_configs.setdefault(_SUPERFENCES, {}).setdefault("custom_fences", [])
        ours = [fence for fence in fences if fence.get("format") is fence_format]
        for fence in ours:
            fence["format"] = self.format
        if not ours:
            fences.append({"name": "argmap", "class": "argmap", "format": self.format, "validator": fence_validator})
        return config

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Note the page about to be converted, and where its fences are, for warnings and ``src``."""
        source = self.site.docs_dir / PurePosixPath(page.file.src_uri)
        offset = _source_offset(page, markdown)
        self.page = _Page(
            cache=self.cache,
            assets_due=False,
            timeout=self.config.timeout,
            site=self.site,
            path=self.site.shown(source),
            directory=source.parent,
            fences=[(line + offset, body) for line, body in _fences(markdown)],
        )
        return None

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Forget the page converted."""
        self.page = None
        return None

    # Last, after the search index has read the page: the stylesheet and the script are not text to search.
    @event_priority(-100)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put the viewer's stylesheet and script into a page that has a diagram, just before the first."""
        content = page.content or ""
        found = _VIEWER.search(content)
        if found is not None:
            page.content = content[: found.start()] + assets() + content[found.start() :]
        return None

    def format(
        self, source: str, language: str, css_class: str, options: Mapping[str, Any], md: Any, **kwargs: Any
    ) -> str:
        """:func:`fence_format` for the pages of this site: warnings name the page and line, ``src`` reads files
        of the docs directory, and drawings are kept in ``cache_dir``.
        """
        page = self.page or _loose(
            md,
            lambda: _Page(
                cache=self.cache,
                assets_due=False,
                timeout=self.config.timeout,
                site=self.site,
                directory=self.site.docs_dir,
            ),
        )
        return _draw(page, source, css_class, options)
