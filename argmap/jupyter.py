"""Jupyter display: maps as zoomable diagrams that follow the notebook's theme, checks and labellings as tables."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Container, Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ._text import counted
from .af import Label
from .af._limits import check_timeout
from .errors import RenderError
from .evaluate import DRAWING_TIMEOUT, Labelling, evaluate_for_drawing
from .model import ArgumentMap, ElementType
from .render.files import run_dot
from .render.html import Prepared, assets, css_length, linked_sources, prepare, sources_assets
from .render.notes import map_name
from .render.options import Direction, View
from .render.svg import describe, escape, standalone_svg
from .render.theme import AUTO
from .settings import settings_of
from .strength import Strengths
from .strength import strength as strength_of

if TYPE_CHECKING:
    # Only for annotations: a notebook that shows a map need not load the checks.
    from .check import Diagnostic

__all__ = ["HTML", "PLAIN", "SVG", "Diagram", "diagnostics_html", "labelling_html", "mimebundle", "show"]

#: The MIME type of the zoomable diagram, with its stylesheet and script.
HTML = "text/html"
#: The MIME type of the diagram as an image.
SVG = "image/svg+xml"
#: The MIME type of the summary.
PLAIN = "text/plain"


def _chooser(include: Container[str] | None, exclude: Container[str] | None) -> Callable[[str], bool]:
    """Whether IPython's ``include`` and ``exclude`` sets of MIME types let a representation through."""

    def wanted(mime: str) -> bool:
        return (include is None or mime in include) and (exclude is None or mime not in exclude)

    return wanted


def _css_length(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        css_length(value, attribute.name)


@attrs.frozen(kw_only=True, repr=False)
class Diagram:
    """A map drawn for Jupyter (see :func:`show`): the notebook shows the zoomable viewer (:data:`HTML`), and
    front ends that show no HTML an SVG image (:data:`SVG`) or a summary (:data:`PLAIN`). Graphviz runs each time
    the diagram is shown.
    """

    #: The drawing, before Graphviz runs.
    prepared: Prepared
    #: The widest the viewer's frame may be, as a CSS length.
    max_width: str | None = attrs.field(default=None, validator=_css_length)
    #: The tallest the viewer's frame may be, as a CSS length (default ``85vh``).
    max_height: str | None = attrs.field(default=None, validator=_css_length)
    #: The map's sources as HTML, their quoted passages linked to the diagram's claims (see :func:`show`); empty
    #: when the diagram is shown alone.
    sources: str = ""

    def _repr_mimebundle_(
        self, include: Container[str] | None = None, exclude: Container[str] | None = None, **kwargs: object
    ) -> dict[str, str]:
        """What Jupyter shows, by MIME type, as IPython's protocol asks: limited to ``include`` and without
        ``exclude`` when they are given. When Graphviz ``dot`` is missing or fails, the bundle holds the summary
        alone, which then says why there is no diagram: a notebook shows text, never a traceback.
        """
        wanted = _chooser(include, exclude)
        summary = self.prepared.description
        bundle: dict[str, str] = {}
        if wanted(HTML) or wanted(SVG):
            try:
                svg = run_dot(self.prepared.source, "svg")
            except RenderError as error:
                summary += f"\n(No diagram: {error}.)"
            else:
                bundle.update(self._drawn(svg, wanted))
        if wanted(PLAIN):
            bundle[PLAIN] = summary
        return bundle

    def _drawn(self, svg: bytes, wanted: Callable[[str], bool]) -> dict[str, str]:
        """The diagram's representations, made of Graphviz's ``svg``."""
        prepared = self.prepared
        # A hash of the drawing: different diagrams in one notebook share no id, and the same one is shown alike.
        prefix = "argmap-" + hashlib.sha256(svg).hexdigest()[:12]
        drawn: dict[str, str] = {}
        if wanted(HTML):
            # Every output brings the stylesheet and the script: the script initialises the viewers of the outputs
            # shown since it last ran, and outputs come and go as cells run.
            figure = prepared.html(svg, id_prefix=prefix, max_width=self.max_width, max_height=self.max_height)
            if self.sources:
                figure = f'{sources_assets()}<div class="argmap-linked">{figure}{self.sources}</div>'
            drawn[HTML] = assets() + figure
        if wanted(SVG):
            drawn[SVG] = standalone_svg(
                svg,
                title=prepared.title,
                description=prepared.description,
                notes=prepared.notes,
                marked=prepared.marked,
                id_prefix=prefix,
            ).decode()
        return drawn

    def _repr_html_(self) -> str | None:
        """The zoomable diagram, or ``None`` (no HTML) when Graphviz cannot draw it."""
        return self._repr_mimebundle_(include={HTML}).get(HTML)

    def __repr__(self) -> str:
        """The summary, as a console shows the diagram."""
        return self.prepared.description


def show(
    m: ArgumentMap,
    *,
    view: View | None = None,
    direction: Direction | None = None,
    wrap: int | None = None,
    theme: str | None = None,
    evaluate: str | Labelling | None = None,
    strength: str | Strengths | None = None,
    max_width: str | None = None,
    max_height: str | None = None,
    name: str | None = None,
    sources: bool = False,
    settings: bool = True,
    timeout: float = DRAWING_TIMEOUT,
) -> Diagram:
    """``m`` as a notebook shows it: the last expression of a cell, or ``display(argmap.show(m, ...))``.

    ``view``, ``direction``, ``wrap`` and ``theme`` are :func:`~argmap.to_dot`'s; the ``"auto"`` theme follows
    JupyterLab's light or dark theme; each left ``None`` is what the map's own settings ask for (see
    :func:`argmap.settings.settings_of`: an Argdown document's ``selection``, ``isInMap``..., applied unless
    ``settings`` is false), else ``"debate"``, ``"BT"``, 40 and ``"auto"``. ``evaluate`` names a semantics
    (``"grounded"``...) to colour elements by their status, or is a :class:`~argmap.Labelling` of ``m``;
    ``strength`` names a gradual semantics (``"h-categoriser"``...) to shade elements by their strength, or is the
    :class:`~argmap.Strengths` of ``m``; either object draws the whole of ``m``, whatever its settings select.
    A semantics named by ``evaluate`` is searched for at most ``timeout`` seconds (every semantics but grounded
    and complete searches); past it, the diagram shows grounded semantics and its legend says so.
    ``max_width`` and ``max_height`` bound the viewer's frame (CSS lengths: ``"40rem"``, ``"600px"``, ``"80%"``);
    ``name`` starts each node's anchor (default: made of the map's title). With ``sources``, the map's sources
    follow the diagram, each quoted passage marked: clicking a claim lights the passages it quotes, and clicking a
    passage selects its claim. Raises :class:`~argmap.OptionError` for a bad option and
    :class:`~argmap.NoLabelling` for a semantics that gives the map no labelling; Graphviz runs only when the
    diagram is shown.
    """
    check_timeout(timeout)
    drawn: dict[str, Any] = {"view": "debate", "direction": "BT", "wrap": 40, "theme": AUTO}
    if settings:
        found = settings_of(m)
        drawn.update(found.options)
        # A labelling or strengths given for the whole map bind the drawing to the whole map.
        if not isinstance(evaluate, Labelling) and not isinstance(strength, Strengths):
            m = found.part
    given = {"view": view, "direction": direction, "wrap": wrap, "theme": theme}
    drawn.update({key: value for key, value in given.items() if value is not None})
    # A notebook must not hang on a hard map: past the drawing timeout the diagram shows grounded semantics.
    labelling = evaluate_for_drawing(m, evaluate, timeout)[0] if isinstance(evaluate, str) else evaluate
    weighed = strength_of(m, strength) if isinstance(strength, str) else strength
    name = name or map_name(m.title)
    prepared = prepare(m, name=name, labelling=labelling, strengths=weighed, **drawn)
    aside = linked_sources(m, name=name, view=drawn["view"]) if sources else ""
    return Diagram(prepared=prepared, max_width=max_width, max_height=max_height, sources=aside)


def mimebundle(
    m: ArgumentMap, include: Container[str] | None = None, exclude: Container[str] | None = None
) -> dict[str, str]:
    """What Jupyter shows for ``m`` itself (its ``_repr_mimebundle_``): :func:`show`'s diagram with the defaults,
    limited to ``include`` and without ``exclude``. Only the summary is made when no diagram is wanted.
    """
    wanted = _chooser(include, exclude)
    if not (wanted(HTML) or wanted(SVG)):
        return {PLAIN: describe(m)} if wanted(PLAIN) else {}
    return show(m)._repr_mimebundle_(include, exclude)


def _table(caption: str, head: Iterable[str], rows: Iterable[Iterable[str]], css_class: str) -> str:
    """An HTML table of text: every cell escaped, line breaks kept."""
    header = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{_cell(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<table class="{css_class}"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"
    )


def _cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def labelling_html(labelling: Labelling) -> str:
    """A labelling as an HTML table, as Jupyter shows it: each statement and argument of the map, in map order,
    with its text, its status and why it has that status (:meth:`~argmap.Labelling.explain`).
    """
    m = labelling.map
    counts = Counter([*labelling.statements.values(), *labelling.arguments.values()])
    title = f" of “{m.title.strip()}”" if m.title.strip() else ""
    caption = (
        f"{labelling.semantics.capitalize()} labelling{title}: {counts[Label.IN]} accepted, "
        f"{counts[Label.OUT]} rejected, {counts[Label.UNDEC]} undecided"
    )
    rows = [
        [f"[{s.id}]", s.text, labelling.statements[s.id].name, labelling.explain(s.id, ElementType.STATEMENT)]
        for s in m.statements
    ]
    rows += [
        [f"<{a.id}>", a.text, labelling.arguments[a.id].name, labelling.explain(a.id, ElementType.ARGUMENT)]
        for a in m.arguments
    ]
    return _table(caption, ["Element", "Text", "Status", "Why"], rows, "argmap-labelling")


def diagnostics_html(diagnostics: Iterable[Diagnostic]) -> str:
    """What :func:`~argmap.check` found, as an HTML table, as Jupyter shows it: each finding's severity, code,
    message and place (``path:line:column``); a sentence when there is none.
    """
    found = list(diagnostics)
    if not found:
        return '<p class="argmap-diagnostics">No problems found.</p>'
    counts = Counter(diagnostic.severity for diagnostic in found)
    tally = ", ".join(counted(counts[severity], str(severity)) for severity in sorted(counts, reverse=True))
    rows = [[str(d.severity), d.code, d.message, "" if d.location is None else str(d.location)] for d in found]
    caption = f"{counted(len(found), 'finding')}: {tally}"
    return _table(caption, ["Severity", "Code", "Message", "Where"], rows, "argmap-diagnostics")
