"""Diagrams in HTML: a figure with its zoomable viewer for any page, and one self-contained page per map."""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Unpack

import attrs

from .._text import diagram_title
from ..errors import OptionError
from ..model import ArgumentMap, ElementType, Source
from ..quotes import SourceText
from .dot import drawing
from .layout import inner_statements
from .notes import NodeUrl, Notes, anchor, map_name, notes
from .options import DrawOptions, HtmlOptions
from .svg import describe, escape, inline_svg
from .theme import AUTO, MARKED, THEME_NAMES
from .theme import stylesheet as theme_stylesheet

__all__ = [
    "Prepared",
    "assets",
    "css_length",
    "figure",
    "frame",
    "linked_sources",
    "page",
    "prepare",
    "script",
    "sources_assets",
    "stylesheet",
]

# CSS lengths a frame's size may be given in: a number and a unit, nothing that could end the declaration.
_LENGTH = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:px|em|rem|%|vh|vw|vmin|vmax|ch|pt|cm|mm|in)")


@functools.cache
def _static(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def stylesheet() -> str:
    """The CSS that diagrams need: the viewer's layout and the colours of :data:`~argmap.render.theme.AUTO`."""
    return _static("argmap.css") + theme_stylesheet()


def script() -> str:
    """The viewer's script (a few KB, no dependencies, no network): zoom, pan, full size, links to nodes."""
    return _static("argmap.js")


def assets() -> str:
    """The stylesheet and script inline, for a page that carries its own (MkDocs fences, Jupyter, a map's page)."""
    return f"<style>{stylesheet()}</style><script>{script()}</script>"


def css_length(value: object, option: str) -> str:
    """``value`` if it is a CSS length such as ``600px``, ``40rem`` or ``80%``; :class:`~argmap.OptionError`
    otherwise.
    """
    if not isinstance(value, str) or not _LENGTH.fullmatch(value.strip()):
        raise OptionError(f"{option} must be a CSS length such as 600px, 40rem or 80%, not {value!r}")
    return value.strip()


def frame(
    svg: str,
    *,
    label: str,
    theme: str = AUTO,
    max_width: str | None = None,
    max_height: str | None = None,
    classes: Sequence[str] = (),
) -> str:
    """Inline SVG (from :func:`~argmap.render.svg.inline_svg`) in the viewer's frame: a ``div.argmap-viewer``
    that holds a focusable ``div.argmap-frame``, which scrolls by itself when the diagram is wider than the page.

    ``label`` names the frame for screen readers; ``theme`` is ``"auto"`` (the page's mode picks the colours),
    ``"light"`` or ``"dark"``; ``max_width`` and ``max_height`` are CSS lengths (see :func:`css_length`).
    """
    if theme not in THEME_NAMES:
        raise OptionError(f"unknown theme {theme!r}: use one of {', '.join(THEME_NAMES)}")
    names = ["argmap-viewer", *([] if theme == AUTO else [f"argmap-{theme}"]), *classes]
    style = []
    if max_width is not None:
        style.append(f"max-width:{css_length(max_width, 'max_width')}")
    if max_height is not None:
        style.append(f"--argmap-max-height:{css_length(max_height, 'max_height')}")
    # The style holds only validated lengths.
    styled = f' style="{";".join(style)}"' if style else ""
    return (
        f'<div class="{escape(" ".join(names))}"{styled}>'
        f'<div class="argmap-frame" tabindex="0" role="group" aria-label="{escape(label)}">{svg}</div></div>'
    )


@attrs.frozen(kw_only=True)
class Prepared:
    """A map ready to be drawn into HTML: its DOT source and notes, made before Graphviz runs (a documentation
    build keeps this with the page and runs ``dot`` only when the page is written).
    """

    #: The DOT source to run through ``dot -Tsvg``.
    source: str
    #: What each node and edge tells the reader.
    notes: Notes
    #: Whether the drawing's colours are markers for the stylesheet (the ``"auto"`` theme).
    marked: bool
    #: The theme name the frame carries: ``"auto"``, ``"light"`` or ``"dark"`` (a custom theme draws as itself).
    theme: str
    #: The accessible name and description of the diagram.
    title: str
    description: str

    def html(
        self, svg: bytes | str, *, id_prefix: str, max_width: str | None = None, max_height: str | None = None
    ) -> str:
        """The figure: Graphviz's ``svg`` of :attr:`source`, annotated and in its frame."""
        inline = inline_svg(
            svg,
            id_prefix=id_prefix,
            title=self.title,
            description=self.description,
            notes=self.notes,
            marked=self.marked,
        )
        theme = self.theme if self.theme in THEME_NAMES else "light"
        return frame(inline, label=self.title, theme=theme, max_width=max_width, max_height=max_height)


def prepare(
    m: ArgumentMap,
    *,
    title: str | None = None,
    name: str | None = None,
    node_url: NodeUrl | None = None,
    **options: Unpack[DrawOptions],
) -> Prepared:
    """Draw ``m`` as DOT for HTML (``theme`` is ``"auto"`` by default), with its notes (see
    :func:`argmap.render.notes.notes` for ``name`` and ``node_url``); ``title`` names the diagram (default: the
    map's title).
    """
    theme = options.get("theme", AUTO)
    options["theme"] = MARKED if theme == AUTO else theme
    drawn = drawing(m, **options)
    return Prepared(
        source=drawn.source,
        notes=notes(drawn, name=name, node_url=node_url),
        marked=theme == AUTO,
        theme=theme if isinstance(theme, str) else "light",
        title=title or diagram_title(m.title),
        description=describe(m, drawn.options.labelling, drawn.options.strengths),
    )


def figure(
    m: ArgumentMap,
    *,
    id_prefix: str = "argmap",
    name: str | None = None,
    node_url: NodeUrl | None = None,
    max_width: str | None = None,
    max_height: str | None = None,
    **options: Unpack[DrawOptions],
) -> str:
    """``m`` drawn as an HTML figure in its viewer, with Graphviz ``dot``: the fragment that a page shows (which
    needs :func:`stylesheet` and :func:`script`, or :func:`assets`). Options: see
    :class:`~argmap.render.options.HtmlOptions`; ``id_prefix`` prefixes the SVG's own ids. Raises
    :class:`~argmap.OptionError` for a bad option, and what :func:`argmap.render.files.run_dot` raises.
    """
    from .files import run_dot

    for option, value in (("max_width", max_width), ("max_height", max_height)):
        if value is not None:
            css_length(value, option)
    prepared = prepare(m, name=name, node_url=node_url, **options)
    svg = run_dot(prepared.source, "svg")
    return prepared.html(svg, id_prefix=id_prefix, max_width=max_width, max_height=max_height)


def _script_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def page(m: ArgumentMap, **options: Unpack[HtmlOptions]) -> str:
    """A self-contained HTML page for ``m``: the zoomable diagram (light or dark with the reader's preference),
    with tooltips and anchors, and the map's sources beside it, each quoted passage marked. Clicking a claim
    marks its quotes in the sources; clicking a marked passage selects its claim. It works offline, and its
    Content-Security-Policy forbids every network request.
    """
    name = options.get("name") or map_name(m.title)
    options["name"] = name
    body = figure(m, **options)
    aside = linked_sources(m, name=name, view=options.get("view", "debate"))
    title = diagram_title(m.title)
    scripts = [script(), _static("argmap-sources.js")]
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src {' '.join(repr(_script_hash(text)) for text in scripts)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n',
            '<meta name="generator" content="argmap">\n',
            f"<title>{escape(title)}</title>\n",
            f"<style>{stylesheet()}{_static('argmap-page.css')}{_static('argmap-sources.css')}</style>\n",
            "</head>\n<body>\n",
            f'<header><h1>{escape(title)}</h1></header>\n<main class="argmap-page argmap-linked">\n',
            f'<section class="argmap-diagram" aria-label="Diagram">{body}</section>\n{aside}\n</main>\n',
            *(f"<script>{text}</script>\n" for text in scripts),
            "</body>\n</html>\n",
        ]
    )


def linked_sources(m: ArgumentMap, *, name: str, view: str = "debate") -> str:
    """``m``'s sources as an HTML aside, each passage that statements quote marked with the anchors of the nodes
    that show them in the diagram drawn with ``name`` and ``view``; empty for a map without sources.

    Put the aside and the figure in one element of class ``argmap-linked``, with :func:`sources_assets`: a claim
    and the passages it quotes then select each other.
    """
    shown = _shown_by(m, name, view)
    sources = "".join(_source_html(m, source, shown) for source in m.sources)
    return f'<aside class="argmap-sources" aria-label="Sources">{sources}</aside>' if sources else ""


def sources_assets() -> str:
    """The stylesheet and script of :func:`linked_sources` inline, beside :func:`assets`."""
    return f"<style>{_static('argmap-sources.css')}</style><script>{_static('argmap-sources.js')}</script>"


def _shown_by(m: ArgumentMap, name: str, view: str) -> dict[str, list[str]]:
    """The anchors of the nodes that show each statement: its own, or in the debate view, for a premise drawn only
    inside its arguments, those arguments'.
    """
    hidden = inner_statements(m) if view == "debate" else set()
    shown: dict[str, list[str]] = {}
    for argument in m.arguments:
        for id in dict.fromkeys(argument.statement_ids()):
            if id in hidden:
                shown.setdefault(id, []).append(anchor(name, ElementType.ARGUMENT, argument.id))
    for statement in m.statements:
        if statement.id not in hidden:
            shown[statement.id] = [anchor(name, ElementType.STATEMENT, statement.id)]
    return shown


def _source_html(m: ArgumentMap, source: Source, shown: Mapping[str, list[str]]) -> str:
    """A source's text as paragraphs, each passage that statements quote marked with the anchors of the nodes that
    show them.
    """
    claims: list[tuple[int, int, str]] = []
    text = SourceText(source.text)
    for statement in m.statements:
        for quote in statement.quotes:
            found = text.find(quote.text) if quote.source == source.id else None
            if found is not None:
                claims.extend((*found, node) for node in shown.get(statement.id, ()))
    heading = f"<h2>{escape(source.title or source.id)}</h2>"
    return f'<article class="argmap-source">{heading}{"".join(_paragraphs(source.text, claims))}</article>'


def _paragraphs(text: str, claims: Iterable[tuple[int, int, str]]) -> Iterator[str]:
    """The text as paragraphs (split at blank lines), with marks over the passages that ``claims`` quote.

    Passages may overlap or cross paragraphs: the text is cut at every start, end and paragraph break, and each
    piece is marked with every claim that covers it, in one pass over the cuts.
    """
    events: dict[int, list[tuple[int, str]]] = {}
    for start, end, claim in claims:
        events.setdefault(start, []).append((1, claim))
        events.setdefault(end, []).append((-1, claim))
    breaks = {found.start(): found.end() for found in re.finditer(r"\n\s*\n", text)}
    positions = sorted({0, len(text), *events, *breaks, *breaks.values()})
    covering: Counter[str] = Counter()
    skip = 0
    yield "<p>"
    for left, right in itertools.pairwise(positions):
        for delta, claim in events.get(left, ()):
            covering[claim] += delta
        if left in breaks:
            yield "</p>\n<p>"
            skip = breaks[left]
        if left < skip:
            continue
        piece = escape(text[left:right])
        claimed = sorted(claim for claim, count in covering.items() if count > 0)
        if claimed:
            claims_attribute = escape(" ".join(claimed))
            yield f'<mark class="argmap-quote" tabindex="0" data-argmap-claims="{claims_attribute}">{piece}</mark>'
        else:
            yield piece
    yield "</p>"
