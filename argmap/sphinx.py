"""The Sphinx extension: the ``argmap`` directive draws checked maps into pages, and the ``argmap`` role cites them."""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, cast, overload

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
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.util.nodes import make_refnode

from . import formats
from ._io import atomic_write
from ._text import listed, version
from .af import SEMANTICS, STRENGTH_SEMANTICS
from .catalogue import Severity
from .check import Diagnostic, check
from .errors import (
    ArgmapError,
    GraphvizNotFound,
    Location,
    MapError,
    OptionError,
    ParseError,
    RenderError,
    UnknownFormat,
)
from .evaluate import DRAWING_TIMEOUT, Labelling, evaluate_for_drawing
from .model import Argument, ArgumentMap, ElementType, Statement
from .render.cache import DotCache
from .render.dot import dot_source
from .render.files import layout_engine
from .render.html import Prepared, css_length, prepare, script, stylesheet
from .render.notes import NodeUrl, anchor, map_name
from .render.options import DIRECTIONS, ID_PREFIX, VIEWS, Direction, DotOptions, DrawOptions, View
from .render.svg import is_safe_href
from .render.theme import AUTO, THEME_NAMES
from .selection import REACHES, Reach, chosen_part
from .settings import settings_of
from .strength import Strengths, strength

__all__ = [
    "ALIGNS",
    "DEFAULT_INLINE_FORMAT",
    "HTML_FORMATS",
    "WARNING_TYPE",
    "ArgmapDirective",
    "ArgmapRole",
    "argmap_citation",
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
_OPTION = "option"  # a directive option with a value it cannot take
_NAME = "name"  # a map name that an earlier diagram of the page has taken
_LINK = "link"  # a link from argmap_node_url that is not http, https or relative
_EVALUATE = "evaluate"  # a semantics that gives the map no labelling
_STRENGTH = "strength"  # weights that are not numbers from 0 to 1, or strengths that do not settle
_DOT = "dot"  # Graphviz missing or failing
_REF = "ref"  # a citation of a map or element that no page draws, or that several pages draw

# The options that choose a part of the map by a list of names (with :connected:, :depth: and :reach:).
_CHOICES = ("select", "sections", "tags", "statuses")

#: The format of inline maps unless ``:format:`` says otherwise.
DEFAULT_INLINE_FORMAT = "argdown"
#: Values of ``:align:``.
ALIGNS = ("left", "center", "right")
#: Values of ``argmap_output_format``: how HTML pages show diagrams.
HTML_FORMATS = ("svg", "png")
_SEVERITIES = {severity.value: severity for severity in Severity}
# The viewer's files, in the HTML output's _static directory.
_CSS = "argmap.css"
_JS = "argmap.js"
# The lengths a frame may be given, by directive option, with the configuration value that sets their default.
_LENGTHS = {"max-width": "argmap_max_width", "max-height": "argmap_max_height"}
# A citation's target: MAP:ID for a statement, MAP:<ID> for an argument (a map's name obeys the rule of id
# prefixes); and the target after a title.
_TARGET = re.compile(rf"(?P<map>{ID_PREFIX.pattern}):(?P<id>.+)", re.DOTALL)
_TITLED = re.compile(rf"(?P<title>.+?)\s+<(?P<target>{ID_PREFIX.pattern}:.+)>", re.DOTALL)


class argmap_diagram(nodes.General, nodes.Element):  # docutils names node classes in lower case
    """A map's diagram, waiting to be drawn: ``prepared`` holds the :class:`~argmap.render.html.Prepared` drawing
    for HTML, ``dot`` the DOT source of images, ``alt`` their accessible name, ``engine`` the Graphviz layout
    engine. When a page is written it becomes the viewer with inline SVG, an image, or (when Graphviz cannot draw
    it) the DOT source as a literal block.
    """


class argmap_citation(nodes.inline):  # docutils names node classes in lower case
    """A citation of one statement or argument of a named map, waiting for every page to be read: ``map``, ``id``,
    ``type`` (``"statement"`` or ``"argument"``) and ``shown`` (the text to show instead of the element's, or
    ``None``). When a page is written it becomes a link to the element in its diagram; what is written without
    the page (a heading in a table of contents) shows it as an inline text, as the page gives it.
    """


@attrs.frozen
class _Cited:
    """What a citation of one statement or argument shows, and the anchor it leads to (``None``: not drawn)."""

    text: str
    status: str | None
    anchor: str | None


@attrs.frozen
class _Map:
    """The statements and arguments of one drawn map, by id, for the citations."""

    statements: Mapping[str, _Cited]
    arguments: Mapping[str, _Cited]

    def find(self, type: ElementType, id: str) -> _Cited | None:
        return (self.statements if type is ElementType.STATEMENT else self.arguments).get(id)


@attrs.frozen
class _Registry:
    """What the build environment keeps for the citations: the maps of each page by name, and the names of the
    maps each page cites (so that a page is written again when a map it cites changes).
    """

    maps: dict[str, dict[str, _Map]] = attrs.Factory(dict)
    citations: dict[str, set[str]] = attrs.Factory(dict)


_REGISTRY = "argmap_registry"


def _registry(env: BuildEnvironment) -> _Registry:
    """The environment's registry, made on first use."""
    registry = getattr(env, _REGISTRY, None)
    if not isinstance(registry, _Registry):
        registry = _Registry()
        setattr(env, _REGISTRY, registry)
    return registry


@attrs.frozen
class _Place:
    """Where the lines of a map are, for warnings: a map file, or a directive's content in a page."""

    fallback: str
    path: str | None = None
    block: StringList | None = None
    # Added to the block's own line offsets, where they count from the block's start rather than the page's.
    shift: int = 0

    def at(self, line: int | None, path: str | None = None) -> str:
        """The Sphinx location of the map's ``line`` (counted from 1), or of the map as a whole for ``None``; of
        ``line`` in the file ``path`` where the map's text includes that file (Argdown's ``@include``).
        """
        if path is not None and path != self.path:
            return f"{path}:{'' if line is None else line}"
        if self.path is not None:
            # "path:" with no line is how Sphinx locates a whole file; without the colon it would read a docname.
            return f"{self.path}:{'' if line is None else line}"
        if line is not None and self.block is not None and 0 < line <= len(self.block):
            source, offset = self.block.info(line - 1)
            if source and offset is not None:
                return f"{source}:{offset + 1 + self.shift}"
        return self.fallback


def _line_and_path(location: Location | None) -> tuple[int | None, str | None]:
    return (None, None) if location is None else (location.line, location.path)


def _warn(message: str, subtype: str, location: str | nodes.Node) -> None:
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


class ArgmapDirective(SphinxDirective):
    """``.. argmap:: [PATH]``: draw the map in the file ``PATH`` (relative to the page, or to the source
    directory when it starts with ``/``), or the map given as the directive's content.

    Options: ``:format:`` (the map's format; default: the file's suffix, or Argdown for content), ``:view:``
    (``debate`` or ``premise``), ``:direction:`` (``BT``, ``TB``, ``LR`` or ``RL``), ``:wrap:`` (characters per
    line, 0 for none), ``:theme:`` (``auto``, ``light`` or ``dark``), ``:max-width:`` and ``:max-height:`` (CSS
    lengths), ``:evaluate:`` (a semantics of :data:`argmap.af.SEMANTICS`, such as ``grounded`` or
    ``preferred``: colour elements by their status), ``:strength:`` (``h-categoriser`` or
    ``weighted-h-categoriser``: shade elements by their strength), ``:engine:`` (the Graphviz layout engine, one of
    the ``graphviz`` package's ``ENGINES``, such as ``neato`` or ``sfdp``; default ``dot``), ``:caption:``,
    ``:alt:`` (the diagram's accessible name; default: the caption, else the map's title), ``:align:``, ``:name:``
    (a label, and the map's name, which starts each node's anchor) and ``:class:``; ``:settings: off`` ignores the
    drawing settings an Argdown document holds (see :func:`argmap.settings.settings_of`), which are applied by
    default. A bad value is a warning, and the option's default is used instead.
    """

    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    # Values are checked in run(), so that a bad one is a located warning of argmap's in reST and MyST alike.
    option_spec: ClassVar[dict[str, Any]] = {
        "format": directives.unchanged_required,
        "view": directives.unchanged_required,
        "direction": directives.unchanged_required,
        "wrap": directives.unchanged_required,
        "theme": directives.unchanged_required,
        "max-width": directives.unchanged_required,
        "max-height": directives.unchanged_required,
        "evaluate": directives.unchanged_required,
        "strength": directives.unchanged_required,
        "engine": directives.unchanged_required,
        "caption": directives.unchanged_required,
        "alt": directives.unchanged_required,
        "align": directives.unchanged_required,
        "name": directives.unchanged,
        "class": directives.class_option,
        # Parts of the map, as argmap.select() takes them.
        "select": directives.unchanged_required,
        "depth": directives.unchanged_required,
        "reach": directives.unchanged_required,
        "sections": directives.unchanged_required,
        "tags": directives.unchanged_required,
        "statuses": directives.unchanged_required,
        "connected": directives.flag,
        # The drawing settings of an Argdown document (see argmap.settings), applied unless "off".
        "settings": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        """Read and check the map, report what is wrong, and return the diagram (in a figure with a caption)."""
        loaded = self._load()
        if loaded is None:
            return []
        m, place = loaded
        # The files it includes (Argdown's @include) that hold elements: a change to one redraws the page.
        locations = [
            *(e.location for e in m.statements),
            *(e.location for e in m.arguments),
            *(e.location for e in m.relations),
            *(e.location for e in m.sections),
        ]
        for path in sorted({at.path for at in locations if at is not None and at.path is not None} - {place.path}):
            self.env.note_dependency(path)
        # The document's own settings, unless "off" (their unhonoured ones are among the diagnostics reported).
        found = settings_of(m) if self._choice("settings", ("on", "off"), "on") == "on" else None
        self._report(check(m, settings=found), place)
        part, document = (m, {}) if found is None else (found.part, found.options)
        # Read once: it colours the drawing, and chooses by status for :statuses: (grounded when not given).
        semantics = self._choice("evaluate", SEMANTICS, None)
        chosen = self._part(m, part, semantics or "grounded")
        if chosen is not part:  # the page's own selection: the drawing shows what it leaves out
            document = {**document, "whole": m}
        m = chosen
        caption, messages = None, list[nodes.system_message]()
        if "caption" in self.options:
            text_nodes, messages = self.state.inline_text(self.options["caption"], self.lineno)
            caption = nodes.caption(self.options["caption"], "", *text_nodes)
        alt = self.options.get("alt") or (caption.astext() if caption is not None else None)
        diagram = self._diagram(m, alt, document, semantics)
        if diagram is None:
            return []
        self.set_source_info(diagram)
        align = self._choice("align", ALIGNS, None)
        if caption is None:
            if align is not None:
                diagram["align"] = align
            self.add_name(diagram)
            return [diagram]
        figure = nodes.figure("", diagram, caption)
        if align is not None:
            figure["align"] = align
        self.set_source_info(figure)
        self.add_name(figure)
        return [figure, *messages]

    def _part(self, m: ArgumentMap, document: ArgumentMap, semantics: str) -> ArgumentMap:
        """The part of the map that ``:select:`` (with ``:depth:`` and ``:reach:``), ``:sections:``, ``:tags:``,
        ``:statuses:`` (under ``semantics``) and ``:connected:`` keep, instead of the ``document``'s own part; the
        whole map, having warned, when one of them is wrong.
        """
        lists = {option: listed(self.options[option]) for option in _CHOICES if option in self.options}
        if not lists and "connected" not in self.options:
            return document  # and :depth: and :reach:, which then choose nothing, are not looked at
        try:
            depth = int(self.options.get("depth", "0"))
        except ValueError:
            depth = -1
        try:
            chosen = chosen_part(
                m,
                ids=lists.get("select"),
                depth=depth,
                reach=cast(Reach, self._choice("reach", REACHES, "both")),
                sections=lists.get("sections"),
                tags=lists.get("tags"),
                statuses=lists.get("statuses"),
                connected="connected" in self.options,
                semantics=semantics,
            )
        except ArgmapError as error:
            _warn(f"cannot select a part of the map: {error}; the whole map is drawn", _OPTION, self.get_location())
            return m
        assert chosen is not None  # something was chosen: a list or :connected:
        return chosen

    def _diagram(
        self, m: ArgumentMap, alt: str | None, document: DotOptions, semantics: str | None
    ) -> argmap_diagram | None:
        """The map drawn for every builder with the directive's options (its statuses under ``semantics``, if
        any), and registered for citations; ``None`` (having warned) when a configuration value is wrong. The
        ``document``'s own options come before the configuration's defaults, and the directive's options before
        both.
        """
        config = self.config
        labelling = self._evaluate(m, semantics)
        given = {key: value for key, value in document.items() if key.replace("_", "-") not in self.options}
        options: DrawOptions = {
            "view": cast(View, self._choice("view", VIEWS, config.argmap_default_view)),
            "direction": cast(Direction, self._choice("direction", DIRECTIONS, config.argmap_default_direction)),
            "wrap": self._wrap(),
            "theme": self._choice("theme", THEME_NAMES, config.argmap_theme),
            "labelling": labelling,
            "strengths": self._strength(m),
        }
        options.update(cast(DrawOptions, given))
        name = self._name()
        try:
            lengths = {option.replace("-", "_"): self._length(option) for option in _LENGTHS}
            prepared = prepare(m, title=alt, name=name, node_url=self._node_url(), **options)
            image = prepared.source
            if prepared.marked:  # images cannot follow the page's mode: the automatic theme draws them light
                options["theme"] = "light"
                image = dot_source(m, **options)
        except OptionError as error:  # only configuration values can be wrong here: options were checked
            _warn(f"cannot draw the map: {error}", _USAGE, self.get_location())
            return None
        self._register(m, name, prepared, labelling)
        diagram = argmap_diagram(
            prepared=prepared, dot=image, alt=prepared.title, engine=self._engine(), classes=["argmap"]
        )
        diagram["classes"] += self.options.get("class", [])
        diagram.attributes.update({key: length for key, length in lengths.items() if length is not None})
        return diagram

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
            # An @include in the content is relative to the page, and confined as map files are.
            page_dir = Path(self.env.doc2path(self.env.docname)).parent
            return self._read(
                place,
                lambda: formats.loads(
                    "\n".join(self.content),
                    format or DEFAULT_INLINE_FORMAT,
                    base=page_dir,
                    include_roots=self._readable(),
                ),
            )
        if "\x00" in self.arguments[0]:
            # No file name holds a NUL byte, and the operating system refuses to look one up: say so here, where
            # the page can be named, rather than let it stop the whole build.
            _warn(f"map file {self.arguments[0]!r} holds a NUL byte, which no file name can", _PATH, here)
            return None
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
            return self._read(place, lambda: formats.load(absolute, format, include_roots=self._readable()))
        except OSError as error:
            _warn(f"cannot read map file {relative!r}: {error.strerror or error}", _PATH, here)
            return None

    def _readable(self) -> list[Path]:
        """The directories whose map files (and the files they include) the directive reads: the source tree, and
        those that ``argmap_map_dirs`` opens.
        """
        source_dir = Path(self.env.srcdir).resolve()
        extras = self.config.argmap_map_dirs
        # One directory given as a string is one directory, not a directory per character.
        extras = [extras] if isinstance(extras, str) else extras
        return [source_dir, *((source_dir / extra).resolve() for extra in extras)]

    def _may_read(self, path: Path) -> bool:
        """Whether ``path`` is in the source tree, or in a directory that ``argmap_map_dirs`` opens."""
        # Resolved, so that a symbolic link that points out of the allowed directories is refused too.
        real = path.resolve()
        return any(real.is_relative_to(directory) for directory in self._readable())

    def _read(self, place: _Place, read: Callable[[], ArgumentMap]) -> tuple[ArgumentMap, _Place] | None:
        try:
            return read(), place
        except ParseError as error:
            _warn(f"cannot read the map: {error.message}", _PARSE, place.at(error.line, error.path))
        except MapError as error:
            for problem in error.problems:
                at = problem.location
                _warn(f"error {problem.code}: {problem}", problem.code, place.at(*_line_and_path(at)))
        except UnknownFormat as error:
            _warn(str(error), _FORMAT, self.get_location())
        return None

    def _report(self, diagnostics: Sequence[Diagnostic], place: _Place) -> None:
        lowest = _SEVERITIES.get(self.config.argmap_warn_on, Severity.WARNING)
        for diagnostic in diagnostics:
            if diagnostic.severity >= lowest:
                message = f"{diagnostic.severity} {diagnostic.code}: {diagnostic.message}"
                _warn(message, diagnostic.code, place.at(*_line_and_path(diagnostic.location)))

    def _bad(self, option: str, value: str, expected: str, instead: str) -> None:
        _warn(f":{option}: {value!r} is not {expected}; {instead}", _OPTION, self.get_location())

    @overload
    def _choice(self, option: str, allowed: Sequence[str], default: str) -> str: ...
    @overload
    def _choice(self, option: str, allowed: Sequence[str], default: None) -> str | None: ...
    def _choice(self, option: str, allowed: Sequence[str], default: str | None) -> str | None:
        """The value of ``option`` as ``allowed`` spells it (given in any case), or ``default`` (having warned
        when the value is not allowed).
        """
        given = self.options.get(option)
        if given is None:
            return default
        for value in allowed:
            if value.lower() == given.strip().lower():
                return value
        instead = "it is ignored" if default is None else f"the default, {default}, is used"
        self._bad(option, given, f"one of {', '.join(allowed)}", instead)
        return default

    def _engine(self) -> str:
        """The Graphviz layout engine ``:engine:`` names (see :func:`~argmap.render.files.layout_engine`), or
        ``dot`` (having warned) for one that Graphviz does not have.
        """
        given = self.options.get("engine")
        if given is None:
            return "dot"
        try:
            return layout_engine(given.strip())
        except OptionError as error:
            _warn(f":engine: {error}; the default, dot, is used", _OPTION, self.get_location())
            return "dot"

    def _wrap(self) -> int:
        default: int = self.config.argmap_wrap
        given = self.options.get("wrap")
        if given is None:
            return default
        if given.strip().isdigit():
            return int(given)
        self._bad("wrap", given, "a number of characters (0 for no wrapping)", f"the default, {default}, is used")
        return default

    def _length(self, option: str) -> str | None:
        """The CSS length of ``:max-width:`` or ``:max-height:``, else of its configuration value (which raises
        :class:`~argmap.OptionError` when it is not a length).
        """
        setting = _LENGTHS[option]
        default: str | None = self.config[setting]
        given = self.options.get(option)
        if given is not None:
            try:
                return css_length(given, f":{option}:")
            except OptionError:
                instead = "it is ignored" if default is None else f"the default, {default}, is used"
                self._bad(option, given, "a CSS length such as 600px, 40rem or 80%", instead)
        return None if default is None else css_length(default, setting)

    def _evaluate(self, m: ArgumentMap, semantics: str | None) -> Labelling | None:
        if semantics is None:
            return None
        try:
            labelling, note = evaluate_for_drawing(m, semantics, self.config.argmap_timeout)
        except ArgmapError as error:
            _warn(f"cannot evaluate the map: {error}; it is drawn without statuses", _EVALUATE, self.get_location())
            return None
        if note is not None:
            # A documentation build must not hang on a hard map: past the drawing timeout, grounded semantics.
            _warn(note, _EVALUATE, self.get_location())
        return labelling

    def _strength(self, m: ArgumentMap) -> Strengths | None:
        semantics = self._choice("strength", STRENGTH_SEMANTICS, None)
        if semantics is None:
            return None
        try:
            return strength(m, semantics)
        except ArgmapError as error:
            _warn(f"cannot weigh the map: {error}; it is drawn without strengths", _STRENGTH, self.get_location())
            return None

    def _name(self) -> str:
        """The map's name, which starts each node's anchor and names the map in citations: ``:name:``, else the
        file's stem, else ``map-N`` for the page's Nth diagram; suffixed when an earlier diagram of the page took it.
        """
        taken = _registry(self.env).maps.get(self.env.docname, {})
        given = self.options.get("name", "").strip()
        derived = map_name(Path(self.arguments[0]).stem) if self.arguments else f"map-{len(taken) + 1}"
        # A map's name obeys the rule of id prefixes: a letter, then letters, digits, "_" or "-".
        explicit = bool(given) and ID_PREFIX.fullmatch(given) is not None
        if given and not explicit:
            expected = "a map name (a letter followed by letters, digits, '_' or '-')"
            self._bad("name", given, expected, f"the map is named {derived!r}")
        wanted = given if explicit else derived
        name, n = wanted, 2
        while name in taken:
            name, n = f"{wanted}-{n}", n + 1
        if explicit and name != wanted:
            message = f"an earlier diagram of this page is named {wanted!r}: this one is named {name!r}"
            _warn(message, _NAME, self.get_location())
        return name

    def _node_url(self) -> NodeUrl | None:
        """``argmap_node_url``, keeping only the links that are safe to write (and warning of the others)."""
        given = self.config.argmap_node_url
        if given is None:
            return None
        here = self.get_location()
        if not callable(given):
            message = f"argmap_node_url must be a function or None, not {type(given).__name__}: nodes get no links"
            _warn(message, _USAGE, here)
            return None

        def link(name: str, element: Statement | Argument) -> str | None:
            href = given(name, element)
            if href is None or (isinstance(href, str) and is_safe_href(href)):
                return href
            kind = "statement" if isinstance(element, Statement) else "argument"
            message = f"argmap_node_url gave {kind} {element.id!r} of map {name!r} the link {href!r}, which is "
            _warn(message + "not an http, https or relative URL: it is left out", _LINK, here)
            return None

        return link

    def _register(self, m: ArgumentMap, name: str, prepared: Prepared, labelling: Labelling | None) -> None:
        """Record what citations of the map's elements show and where they lead."""
        drawn = {note.anchor for note in prepared.notes.nodes.values() if note.anchor is not None}

        def cited(type: ElementType, id: str, text: str) -> _Cited:
            status = labelling.label(type, id).value if labelling is not None else None
            target = anchor(name, type, id)
            return _Cited(text, status, target if target in drawn else None)

        statements = {s.id: cited(ElementType.STATEMENT, s.id, s.text) for s in m.statements}
        arguments = {a.id: cited(ElementType.ARGUMENT, a.id, a.text or f"<{a.id}>") for a in m.arguments}
        _registry(self.env).maps.setdefault(self.env.docname, {})[name] = _Map(statements, arguments)


class ArgmapRole(SphinxRole):
    """``:argmap:`MAP:ID```: cite the statement ``ID`` of the map named ``MAP`` (``MAP:<ID>`` for an argument),
    showing its text, and its status when the map's directive has ``:evaluate:``, as a link to it in the diagram.
    ``:argmap:`text <MAP:ID>``` shows ``text`` instead. The map may be drawn on any page.
    """

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        """The citation, resolved once every page is read; the text alone (having warned) when it is malformed."""
        titled = _TITLED.fullmatch(self.text)
        title, target = (titled["title"], titled["target"]) if titled else (None, self.text.strip())
        cited = _TARGET.fullmatch(target)
        if cited is None:
            message = f"the argmap role takes MAP:ID, or MAP:<ID> for an argument, not {target!r}"
            _warn(message, _REF, self.get_location())
            return [nodes.inline(self.rawtext, self.text, classes=["argmap-ref"])], []
        id, type = cited["id"].strip(), ElementType.STATEMENT
        if len(id) > 2 and id.startswith("<") and id.endswith(">"):
            id, type = id[1:-1], ElementType.ARGUMENT
        _registry(self.env).citations.setdefault(self.env.docname, set()).add(cited["map"])
        node = argmap_citation(self.rawtext, title or target, map=cited["map"], id=id, type=type.value, shown=title)
        self.set_source_info(node)
        return [node], []


class _Drawer:
    """Draws one build's diagrams through a cache, and says once that Graphviz is missing; knows the builder that
    citations link for.
    """

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.cache = DotCache(Path(builder.doctreedir) / "argmap", builder.config.argmap_dot)
        self.warned_missing = False

    def output_format(self) -> str:
        """Inline SVG (or PNG, as configured) for HTML, PDF for LaTeX, PNG for every other builder."""
        if self.builder.format == "html":
            chosen: str = self.builder.config.argmap_output_format
            return chosen if chosen in HTML_FORMATS else "svg"
        return "pdf" if self.builder.format == "latex" else "png"

    def replace(self, diagram: argmap_diagram, id_prefix: str, env: BuildEnvironment) -> nodes.Element:
        """What a page shows for the diagram: the viewer with inline SVG, an image, or (failing those) the DOT
        source.
        """
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
        if format == "svg":
            prepared: Prepared = diagram["prepared"]
            svg = self.cache.draw(prepared.source, "svg", diagram.get("engine", "dot"))
            sizes = {"max_width": diagram.get("max_width"), "max_height": diagram.get("max_height")}
            html = prepared.html(svg, id_prefix=id_prefix, **sizes)
            # docutils wraps raw HTML that has classes in a <div> with the node's ids and classes.
            align = [f"align-{diagram['align']}"] if "align" in diagram else []
            return nodes.raw("", html, format="html", classes=align)
        uri = os.fspath(self.cache.path(diagram["dot"], format, diagram.get("engine", "dot")))
        image = nodes.image(uri=uri, candidates={"*": uri}, alt=diagram["alt"])
        if "align" in diagram:
            image["align"] = diagram["align"]
        # As Sphinx's own image converters do: a file outside the source tree that the builder copies out.
        env.images.add_file(env.docname, uri)
        return image


# One drawer per build environment, made when the builder is; weak, so that a finished build is not kept alive.
_DRAWERS: weakref.WeakKeyDictionary[BuildEnvironment, _Drawer] = weakref.WeakKeyDictionary()
# The maps of each page purged in this build, as they were before: compared with those read anew, they tell which
# maps changed, and so which pages that cite them must be written again.
_PURGED: weakref.WeakKeyDictionary[BuildEnvironment, dict[str, dict[str, _Map]]] = weakref.WeakKeyDictionary()


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


class _ResolveCitations(SphinxPostTransform):
    """Replaces each citation by a link to its element in the page that draws the map (its text alone when no
    page does, or outside HTML).
    """

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        for citation in list(self.document.findall(argmap_citation)):
            citation.replace_self(self._resolved(citation))

    def _resolved(self, citation: argmap_citation) -> nodes.Node:
        maps = _registry(self.env).maps
        name, id, type = citation["map"], citation["id"], ElementType(citation["type"])
        pages = [page for page in sorted(maps) if name in maps[page]]
        found = {page: element for page in pages if (element := maps[page][name].find(type, id)) is not None}
        if not found:
            missing = f"map {name!r} has no {type.value} {id!r}" if pages else f"no page draws a map named {name!r}"
            _warn(f"cannot cite {citation.astext()!r}: {missing}", _REF, citation)
            return nodes.inline(citation.rawsource, citation.astext(), classes=["argmap-ref"])
        here = self.env.docname
        page = here if here in found else next(iter(found))
        if page != here and len(found) > 1:
            message = f"maps named {name!r} are drawn on the pages {', '.join(found)}: the citation links to {page}"
            _warn(f"{message} (give them distinct :name: options)", _REF, citation)
        element = found[page]
        shown = citation["shown"] or element.text + (f" ({element.status.upper()})" if element.status else "")
        text = nodes.inline(citation.rawsource, shown, classes=["argmap-ref"])
        drawer = _DRAWERS[self.env]
        if drawer.builder.format != "html":
            return text
        # A PNG diagram has no anchors: the link leads to its page.
        target = element.anchor if drawer.output_format() == "svg" else None
        label = f"[{id}]" if type is ElementType.STATEMENT else f"<{id}>"
        return make_refnode(drawer.builder, here, page, target, text, f"{label} in the map {name}")


def _start(app: Sphinx) -> None:
    """Make the build's drawer and, for HTML, write the viewer's stylesheet and script to the output's ``_static``.

    Written there before any page, so that pages link them with their checksum, and without touching
    ``html_static_path``, so that each build's configuration stays the same as the last one's.
    """
    _DRAWERS[app.env] = _Drawer(app.builder)
    if app.builder.format != "html":
        return
    directory = Path(app.outdir) / "_static"
    for name, text in ((_CSS, stylesheet()), (_JS, script())):
        path, data = directory / name, text.encode()
        # Left alone when unchanged, so that an unchanged build touches nothing.
        if not (path.is_file() and path.read_bytes() == data):
            directory.mkdir(parents=True, exist_ok=True)
            atomic_write(path, data)


def _add_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Link the viewer's stylesheet and script from each page that shows a diagram in its viewer."""
    if doctree is not None and any("argmap" in raw["classes"] for raw in doctree.findall(nodes.raw)):
        app.add_css_file(_CSS)
        app.add_js_file(_JS, loading_method="defer")


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    registry = _registry(env)
    registry.citations.pop(docname, None)
    # Only the first purge of a build holds what the page had before it.
    _PURGED.setdefault(env, {}).setdefault(docname, registry.maps.pop(docname, {}))


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    registry, theirs = _registry(env), _registry(other)
    for docname in docnames:
        if docname in theirs.maps:
            registry.maps[docname] = theirs.maps[docname]
        if docname in theirs.citations:
            registry.citations[docname] = theirs.citations[docname]


def _citing_changed_maps(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages to write again, though not read again: those that cite a map that changed in this build."""
    registry = _registry(env)
    changed: set[str] = set()
    for docname, before in _PURGED.pop(env, {}).items():
        after = registry.maps.get(docname, {})
        changed.update(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    return sorted(docname for docname, cited in registry.citations.items() if cited & changed)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the ``argmap`` directive and role, the viewer's static files, and the configuration values:
    ``argmap_dot`` (the ``dot`` program), ``argmap_output_format`` (``"svg"`` or ``"png"`` for HTML), the defaults
    of the directive's options (``argmap_default_view``, ``argmap_default_direction``, ``argmap_wrap``,
    ``argmap_theme``, ``argmap_max_width``, ``argmap_max_height``), ``argmap_node_url`` (a function that gives
    nodes links), ``argmap_warn_on`` (the lowest severity reported: ``"warning"`` by default) and
    ``argmap_map_dirs`` (directories outside the source tree that map files may come from).
    """
    app.add_config_value("argmap_dot", "dot", "html", types=frozenset({str}))
    app.add_config_value("argmap_output_format", "svg", "html", types=ENUM(*HTML_FORMATS))
    app.add_config_value("argmap_default_view", "debate", "env", types=ENUM(*VIEWS))
    app.add_config_value("argmap_default_direction", "BT", "env", types=ENUM(*DIRECTIONS))
    app.add_config_value("argmap_wrap", 40, "env", types=frozenset({int}))
    app.add_config_value("argmap_theme", AUTO, "env", types=ENUM(*THEME_NAMES))
    for setting in _LENGTHS.values():
        app.add_config_value(setting, None, "env", types=frozenset({str, type(None)}))
    # A function cannot be pickled with the environment, so a change to it does not re-read pages (as for
    # Sphinx's own linkcode_resolve): its links are made when pages are read.
    app.add_config_value("argmap_node_url", None, "")
    app.add_config_value("argmap_map_dirs", [], "env", types=frozenset({list, tuple}))
    app.add_config_value("argmap_warn_on", "warning", "env", types=ENUM(*_SEVERITIES))
    app.add_config_value("argmap_timeout", DRAWING_TIMEOUT, "env", types=frozenset({int, float}))
    app.add_node(argmap_diagram)
    app.add_node(argmap_citation)
    app.add_directive("argmap", ArgmapDirective)
    app.add_role("argmap", ArgmapRole())
    app.add_post_transform(_DrawDiagrams)
    app.add_post_transform(_ResolveCitations)
    app.connect("builder-inited", _start)
    app.connect("html-page-context", _add_assets)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-updated", _citing_changed_maps)
    return {
        "version": version(),
        # The registry of maps that citations use lives in the environment: an environment without it is read anew.
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
