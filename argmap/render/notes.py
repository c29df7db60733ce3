"""What a diagram tells its reader about each node and edge: an accessible name and tooltip, an anchor, a link."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Mapping, Sequence

import attrs

from ..model import Argument, ArgumentMap, ElementType, Statement
from .dot import Drawing

__all__ = ["EDGE_VERBS", "STRENGTH_DIGITS", "NodeUrl", "Note", "Notes", "anchor", "map_name", "notes"]

#: What each kind of edge says, between the names of its ends (see :attr:`argmap.render.dot.Drawing.edges`).
EDGE_VERBS: Mapping[str, str] = {
    "support": "supports",
    "attack": "attacks",
    "undercut": "undercuts",
    "contradiction": "contradicts",
    "contrary": "is contrary to",
    "entails": "entails",
    "premise": "is a premise of",
    "conclusion": "concludes",
    "step-premise": "is a premise of a step to",
    "step-conclusion": "concludes",
}

#: How many decimals of a strength a tooltip shows: enough to tell elements apart, few enough that the text does not
#: change with the last digits of the computation.
STRENGTH_DIGITS = 3

#: A function that gives a node's link (or ``None`` for none): called with the map's name and the element.
NodeUrl = Callable[[str, Statement | Argument], str | None]

# An excerpt of a text that names an edge's end, and of a quote in a tooltip.
_SHORT = 60
_QUOTE = 300
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@attrs.frozen(kw_only=True)
class Note:
    """What a reader is told of one node, cluster or edge of a drawing."""

    #: The accessible name and tooltip: for an element, its full text, id, tags, quotes and status.
    title: str
    #: ``"statement"``, ``"argument"``, ``"junction"``, ``"section"`` (a cluster, or a closed section's node),
    #: ``"stub"`` (what a part of a map leaves out), ``"legend"`` or ``"edge"``.
    kind: str
    #: The element's anchor in a page (see :func:`anchor`), for statements and arguments.
    anchor: str | None = None
    #: A link the node leads to, from a :data:`NodeUrl` function; checked for a safe scheme where it is written.
    href: str | None = None
    #: For an element with a labelling: its status (``"in"``, ``"out"`` or ``"undec"``).
    status: str | None = None


@attrs.frozen(kw_only=True)
class Notes:
    """The notes of one drawing: nodes and clusters by their generated name, edges in Graphviz's numbering (the
    order of the DOT source). Plain data, so that a documentation build can keep it with the drawing.
    """

    #: The map's name, which starts each anchor.
    name: str
    nodes: Mapping[str, Note]
    edges: Sequence[Note]


def map_name(text: str, fallback: str = "map") -> str:
    """A name fit to start anchors, made of ``text`` (a file's stem or a title): lower case ASCII letters, digits
    and ``-``, starting with a letter; ``fallback`` when nothing is left.
    """
    name = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    name = name.lstrip("0123456789-")
    return name or fallback


def anchor(name: str, type: ElementType, id: str) -> str:
    """The anchor of an element in a page: ``NAME.ID`` for a statement, ``NAME.argument.ID`` for an argument.

    The id is percent-encoded, dots included, so that no two elements share an anchor and no anchor holds a space;
    a browser finds ``#kim-in-russia.trip-eases-isolation`` as written.
    """
    encoded = urllib.parse.quote(id, safe="").replace(".", "%2E")
    return f"{name}.{encoded}" if type is ElementType.STATEMENT else f"{name}.argument.{encoded}"


def notes(drawing: Drawing, *, name: str | None = None, node_url: NodeUrl | None = None) -> Notes:
    """The notes of a drawing (from :func:`argmap.render.dot.drawing`).

    ``name`` starts every anchor (default: made of the map's title, see :func:`map_name`); ``node_url`` gives a
    node a link. Raises :class:`~argmap.OptionError` for a name that is not a letter followed by letters, digits,
    ``_`` or ``-``.
    """
    # Imported here: OptionError is what every option check raises, and errors is imported by the model already.
    from ..errors import OptionError

    m = drawing.map
    if name is None:
        name = map_name(m.title)
    elif not (isinstance(name, str) and _NAME.fullmatch(name)):
        raise OptionError(f"a map's name must be a letter followed by letters, digits, '_' or '-', not {name!r}")
    writer = _Writer(m, drawing, name, node_url)
    nodes = {node: writer.element(type, id) for node, (type, id) in drawing.nodes.items()}
    for junction, argument in drawing.junctions.items():
        nodes[junction] = Note(title=f"A step of argument <{argument}>", kind="junction")
    for cluster, section in drawing.clusters.items():
        nodes[cluster] = Note(title=f"Section: {m.section(section).title}", kind="section")
    for group, section in drawing.groups.items():
        nodes[group] = Note(title=f"Closed section: {m.section(section).title}", kind="section")
    for stub, note in drawing.stubs.items():
        nodes[stub] = Note(title=note, kind="stub")
    legend = [
        *([f"{drawing.options.labelling.semantics} semantics"] if drawing.options.labelling is not None else []),
        *([f"{drawing.options.strengths.semantics} strength"] if drawing.options.strengths is not None else []),
    ]
    if legend:
        nodes["legend"] = Note(title=f"Legend: {', '.join(legend)}", kind="legend")
    edges = [writer.edge(tail, head, kind) for tail, head, kind in drawing.edges]
    return Notes(name=name, nodes=nodes, edges=edges)


class _Writer:
    def __init__(self, m: ArgumentMap, drawing: Drawing, name: str, node_url: NodeUrl | None) -> None:
        self.m, self.drawing, self.name, self.node_url = m, drawing, name, node_url
        self.main = frozenset(m.main_conclusions)
        self.sources = {source.id: source.title or source.id for source in m.sources}

    def element(self, type: ElementType, id: str) -> Note:
        m, labelling = self.m, self.drawing.options.labelling
        element = m.element(type, id)
        lines: list[str] = []
        if isinstance(element, Statement):
            lines.append(element.text)
            lines.append(" ".join([f"[{id}]", *(_tag(tag) for tag in element.tags)]))
            if id in self.main:
                lines.append("Main conclusion")
            for quote in element.quotes:
                origin = self.sources.get(quote.source, quote.source)
                lines.append(f"Quote from {origin}: “{_excerpt(quote.text, _QUOTE)}”")
        else:
            lines.append(" ".join([f"Argument <{id}>", *(_tag(tag) for tag in element.tags)]))
            if element.text:
                lines.append(element.text)
            if element.scheme:
                lines.append(f"Scheme: {element.scheme}")
            if element.conclusion is not None:
                lines.append(f"Concludes: “{_excerpt(m.statement(element.conclusion).text, _SHORT)}”")
        status = None
        if labelling is not None:
            label = labelling.label(type, id)
            status = label.value
            lines.append(f"Status ({labelling.semantics}): {labelling.explain(id, type)}")
        strengths = self.drawing.options.strengths
        if strengths is not None:
            lines.append(f"Strength ({strengths.semantics}): {strengths.value(type, id):.{STRENGTH_DIGITS}f}")
        href = self.node_url(self.name, element) if self.node_url is not None else None
        return Note(
            title="\n".join(lines),
            kind=type.value,
            anchor=anchor(self.name, type, id),
            href=href,
            status=status,
        )

    def edge(self, tail: str, head: str, kind: str) -> Note:
        return Note(title=f"{self._end(tail)} {EDGE_VERBS[kind]} {self._end(head)}", kind="edge")

    def _end(self, node: str) -> str:
        """How an edge's tooltip names one of its ends."""
        if node in self.drawing.junctions:
            return f"a step of <{self.drawing.junctions[node]}>"
        if node in self.drawing.groups:
            return f"section “{self.m.section(self.drawing.groups[node]).title}”"
        type, id = self.drawing.nodes[node]
        if type is ElementType.ARGUMENT:
            return f"<{id}>"
        return f"“{_excerpt(self.m.statement(id).text, _SHORT)}”"


def _tag(tag: str) -> str:
    return f"#({tag})" if len(tag.split()) > 1 else f"#{tag}"


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
