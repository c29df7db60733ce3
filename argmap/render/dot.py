"""Draw an argument map as a Graphviz graph (DOT source), in the debate, premise or steps view."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Unpack

import attrs

from ..boxes import shown_title
from ..model import Argument, ArgumentMap, ElementType, RelationKind, Section, Statement
from .layout import (
    argument_edges,
    argument_lines,
    closed_boxes,
    closed_groups,
    cluster_of,
    inner_statements,
    inner_texts,
    section_nesting,
    statement_lines,
    steps,
    stubs,
)
from .options import DotOptions, Options
from .quoting import assignments, attribute_list, label
from .theme import STATUS_STYLE, STATUSES, Theme, shade, status_colours, text_on

if TYPE_CHECKING:
    # The graphviz package is imported by to_dot, as writing DOT source needs none of it.
    import graphviz  # type: ignore[import-untyped]

__all__ = ["Drawing", "dot_source", "drawing", "to_dot"]

# Per relation kind: whether it is drawn in the support or the attack colour, and what sets it apart.
_RELATION_STYLE: Mapping[RelationKind, tuple[bool, Mapping[str, str]]] = {
    RelationKind.SUPPORT: (True, {}),
    RelationKind.ENTAILS: (True, {"arrowhead": "empty"}),
    RelationKind.ATTACK: (False, {}),
    RelationKind.UNDERCUT: (False, {"style": "dashed"}),
    # Symmetric: heads at both ends, and no say in which end is ranked above the other.
    RelationKind.CONTRADICTION: (False, {"dir": "both", "constraint": "false"}),
    RelationKind.CONTRARY: (False, {"arrowhead": "tee"}),
}


def to_dot(m: ArgumentMap, **options: Unpack[DotOptions]) -> graphviz.Digraph:
    """The map as a :class:`graphviz.Digraph`, drawn with the usual conventions of argument mapping.

    Statements are rounded boxes, arguments filled boxes headed by their id in angle brackets; a main
    conclusion has a thick border. Edges run from reason to conclusion: support green, attack red, undercut
    dashed red aimed at the argument node, contradiction red with heads at both ends, contrary red with a
    ``tee`` head, entails green with a hollow head. Sections are clusters, nested as the sections are.

    Views:

    ``"debate"`` (the default; like Argdown's map)
        Every argument is a node, with an edge to its conclusion when it is reconstructed. A statement is a node
        unless it only serves inside reconstructions, as a premise or intermediate conclusion that is in no
        relation: such statements are what the argument node stands for. A premise that is a node (because an
        argument concludes it, or a relation names it) has an edge into each argument it serves, so chains of
        arguments stay connected. Every relation is an edge.
    ``"premise"``
        Every statement and argument is a node. Each inference step is drawn premise -> step -> conclusion:
        the last step passes through the argument node, earlier steps through small junction nodes, so
        intermediate conclusions appear between them. Inference rules label the edge into the step's
        conclusion. Every relation is an edge, as in the debate view.
    ``"steps"``
        As the premise view, but every step is a box of the argument's own, reached by arrows from its premises
        (Argdown's exploded arguments): one box per step.

    Options (keywords, see :class:`DotOptions`):

    ``view``
        ``"debate"`` (the default) or ``"premise"``, as above.
    ``direction``
        ``"BT"`` (the default: conclusions above their reasons), ``"TB"``, ``"LR"`` or ``"RL"``.
    ``wrap``
        Line width in characters (default 40): text breaks between words, and words longer than a line are cut;
        0 keeps lines whole. Line breaks in the text are kept.
    ``theme``
        ``"light"`` (the default), ``"dark"`` (see :data:`THEMES`) or a :class:`Theme`.
    ``show``
        The optional parts to draw, from :data:`SHOW`: ``"title"`` (the map's title above the diagram),
        ``"sections"`` (clusters), ``"tags"`` (a line of ``#tags``), ``"argument-text"`` (descriptions under
        argument ids), ``"statement-ids"`` (``[id]`` above statement text) and ``"rules"`` (premise view).
        Default: :data:`DEFAULT_SHOW`, all but statement ids.
    ``id_prefix``
        Gives the SVG elements ids of the form ``PREFIX...``, so that several diagrams inlined in one page do
        not share ids. Letters, digits, ``_`` and ``-``, starting with a letter; by default none.
    ``labelling``
        A :class:`~argmap.evaluate.Labelling` of this map (from :func:`~argmap.evaluate.evaluate`): every
        statement and argument drawn is filled and outlined in the theme's colour for its status, in, out or
        undec, and its border is solid, dashed or dotted to match, so that the status reads without colour too.
        A legend names the semantics and the three statuses. Without a labelling (the default) nothing is
        coloured by status.
    ``strengths``
        The :class:`~argmap.strength.Strengths` of this map (from :func:`~argmap.strength.strength`): every
        statement and argument drawn is filled with the theme's ``strength`` colour, opaque for strength 1 and
        fading to nothing at 0 (see :func:`~argmap.render.theme.shade`); a labelling, if given too, still sets the
        border. The legend shows the shades of 0, 0.5 and 1.
    ``colours``
        A fill colour per element, ``{(ElementType, id): colour}``; a colour is ``#rgb``, ``#rrggbb``,
        ``#rrggbbaa`` or a name of :data:`~argmap.render.theme.NAMED_COLOURS`, and the text is dark or white,
        whichever reads better on it (:func:`~argmap.render.theme.text_on`). A labelling or strengths decide the
        fill where given.
    ``section_colours``
        A fill colour per section's cluster (or closed section's box), by section id.
    ``label_modes``
        What nodes say, per element type, from :data:`~argmap.render.options.LABEL_MODES`: ``"default"``, ``"id"``
        (``[id]`` or ``<id>``), ``"text"`` (the text, or an argument's id where it has no description) or
        ``"none"``.
    ``clusters``
        The ids of the sections drawn as clusters (default: all); the elements of the others are drawn in the
        cluster of their nearest ancestor among these, or outside every cluster.
    ``closed``
        The ids of sections drawn as one box each, in their parent's cluster: every element in them, or in their
        subsections, is that box, and the edges of those elements lead to it (none between two of them). In the
        premise and steps views, the steps of an argument in a closed section are not drawn.
    ``same_rank``
        Groups of elements (``(ElementType, id)`` pairs), each drawn on one rank; with sections shown, the graph
        takes ``newrank`` so that a rank can cross clusters.
    ``graph_attributes``
        Graphviz graph attributes from :data:`~argmap.render.options.GRAPH_ATTRIBUTES`, each with a value it allows
        (booleans and numbers are written as Graphviz reads them).
    ``node_attributes``
        Node attributes per element type, from :data:`~argmap.render.options.NODE_ATTRIBUTES` (``shape``,
        ``width``, ``height``).
    ``whole``
        The map that this one is a part of (such as :func:`argmap.select` gives): every node whose element has
        relations in ``whole`` to elements not drawn (or, for a statement, arguments not drawn that conclude it or
        that it is a premise of) gets a stub, a small ``+N`` in the neutral colour joined by a dotted line, below it
        for what bears on it and above it for what it bears on, with a tooltip (see :attr:`Drawing.stubs`).

    Options that name elements or sections not in the map are ignored, so that the options of a whole map serve its
    parts.

    Node names are generated (``s0``, ``a0``, ``j0``, ``g0`` for closed sections, ``x0`` for stubs, ``legend``,
    clusters ``cluster_0``), never taken from the map. Text reaches the DOT source only escaped, so it is drawn
    exactly as written, whatever it contains; a label longer than ``dot`` can read (about 16,000 bytes once escaped)
    is cut short with an ellipsis. Colours and attribute values reach it only validated.

    Raises :class:`~argmap.OptionError` for an unknown option value, and for a labelling or strengths of another
    map.
    """
    import graphviz

    drawing = _drawing(m, Options.of(m, **options))
    return graphviz.Digraph(
        # graphviz would read a label in angle brackets as HTML: labels are always text.
        graph_attr={key: graphviz.nohtml(value) if key == "label" else value for key, value in drawing.graph.items()},
        node_attr=drawing.node,
        edge_attr=drawing.edge,
        body=drawing.body,
    )


def dot_source(m: ArgumentMap, **options: Unpack[DotOptions]) -> str:
    """The DOT source of :func:`to_dot`'s graph (``to_dot(m, ...).source``), written without the graphviz
    package: the cheaper way to DOT text, such as ``argmap render map.argdown -o map.dot`` writes.
    """
    return _source(_drawing(m, Options.of(m, **options)))


def _source(drawing: _Drawing) -> str:
    header = [
        f"\t{kind}{attribute_list(None, assignments(attributes))}\n"
        for kind, attributes in (("graph", drawing.graph), ("node", drawing.node), ("edge", drawing.edge))
    ]
    return "".join(["digraph {\n", *header, *drawing.body, "}\n"])


@attrs.frozen(kw_only=True)
class Drawing:
    """A map's DOT source with what its generated names stand for: what a reader of the drawing is told about
    each node and edge (see :mod:`argmap.render.notes`) is worked out from these.
    """

    #: The DOT source, as :func:`dot_source` writes it.
    source: str
    #: The map drawn.
    map: ArgumentMap
    #: The validated options it was drawn with.
    options: Options
    #: Each node's name and the element it draws.
    nodes: Mapping[str, tuple[ElementType, str]]
    #: Each cluster's name and the section it draws.
    clusters: Mapping[str, str]
    #: The edges in the order of the source (Graphviz numbers them so): tail and head node names, and what the edge
    #: means: a relation kind's value, ``"premise"`` (into an argument), ``"conclusion"`` (out of an argument), or
    #: in the premise view ``"step-premise"`` and ``"step-conclusion"``.
    edges: Sequence[tuple[str, str, str]]
    #: Premise and steps views: each junction node's name (in the steps view, each step's node but the last) and the
    #: argument whose step it is.
    junctions: Mapping[str, str]
    #: Each node that stands for a closed section (see ``closed``), and the section.
    groups: Mapping[str, str] = attrs.field(factory=dict)
    #: Each stub node (see ``whole``), and what its tooltip says was left out.
    stubs: Mapping[str, str] = attrs.field(factory=dict)


def drawing(m: ArgumentMap, **options: Unpack[DotOptions]) -> Drawing:
    """The map's DOT source (as :func:`dot_source`) together with what its generated names stand for."""
    checked = Options.of(m, **options)
    layout = _Layout(m, checked)
    nodes, edges = layout.elements()
    source = _source(_assemble(m, checked, nodes, edges, layout.names))
    numbers = {section.id: n for n, section in enumerate(m.sections)}
    groups = layout.groups
    return Drawing(
        source=source,
        map=m,
        options=checked,
        nodes={name: key for key, name in layout.names.items() if name not in groups},
        clusters={f"cluster_{numbers[id]}": id for id in numbers},
        edges=layout.kinds,
        junctions=layout.junction_of,
        groups=groups,
        stubs=layout.stub_notes,
    )


@attrs.define
class _Drawing:
    """A graph as DOT statements: the graph's, the nodes' and the edges' default attributes, and the lines."""

    graph: dict[str, str]
    node: dict[str, str]
    edge: dict[str, str]
    body: list[str]


def _drawing(m: ArgumentMap, options: Options) -> _Drawing:
    layout = _Layout(m, options)
    nodes, edges = layout.elements()
    return _assemble(m, options, nodes, edges, layout.names)


@attrs.frozen
class _Styles:
    """The attributes of each kind of node and edge, written once per drawing rather than once per element: for
    nodes, assignments (from :func:`assignments`) to follow their label; for edges, whole attribute lists.
    """

    #: Statement nodes, by whether the statement is a main conclusion and by its status (``None``: no labelling).
    statement: Mapping[tuple[bool, str | None], str]
    #: Argument nodes, by status.
    argument: Mapping[str | None, str]
    #: Premise view: the point where the premises of an inference step meet, before the last step.
    junction: str
    #: Debate view: an edge from a premise into its argument, or from an argument to its conclusion.
    support: str
    #: Premise view: an edge from a premise into its step.
    premise: str
    #: Relation edges, by kind.
    relation: Mapping[RelationKind, str]

    @classmethod
    def of(cls, theme: Theme, *, shaded: bool = False) -> _Styles:
        """The styles of a drawing in ``theme``; ``shaded`` leaves out the fill of elements, which each element's
        strength then sets.
        """
        statuses = (None, *STATUSES)

        def element(attributes: dict[str, str]) -> str:
            return assignments({key: value for key, value in attributes.items() if not (shaded and key == "fillcolor")})

        return cls(
            statement={
                (main, status): element(_statement_attributes(theme, main, status))
                for main in (False, True)
                for status in statuses
            },
            argument={
                status: element(
                    {"style": "filled", "fillcolor": theme.argument_fill, "color": theme.argument_border}
                    | _status_attributes(theme, status, "filled")
                )
                for status in statuses
            },
            junction=assignments({"shape": "point", "width": "0.12", "color": theme.argument_border}),
            support=attribute_list(None, assignments(_edge_colour(theme, support=True))),
            premise=attribute_list(None, assignments({"color": theme.neutral, "arrowhead": "none"})),
            relation={
                kind: attribute_list(None, assignments({**_edge_colour(theme, support=support), **extra}))
                for kind, (support, extra) in _RELATION_STYLE.items()
            },
        )


def _statement_attributes(theme: Theme, main: bool, status: str | None) -> dict[str, str]:
    """A statement's attributes beyond the nodes' defaults: a main conclusion's border is thick."""
    attributes = {"color": theme.text} if main else {}
    attributes |= _status_attributes(theme, status, "rounded,filled")
    if main:
        attributes["penwidth"] = "3"
    return attributes


def _status_attributes(theme: Theme, status: str | None, style: str) -> dict[str, str]:
    """The attributes that show an element's status (none without a labelling); ``style`` is the element's own."""
    if status is None:
        return {}
    fill, border = status_colours(theme, status)
    _, border_style = STATUS_STYLE[status]
    return {
        "style": f"{style},{border_style}" if border_style else style,
        "fillcolor": fill,
        "color": border,
        "penwidth": "2",
    }


def _edge_colour(theme: Theme, *, support: bool) -> dict[str, str]:
    """The colour of a support or an attack edge: support is the edges' default, only attacks need their own."""
    return {} if support else {"color": theme.attack}


@attrs.define
class _Layout:
    """Decides the nodes and edges of one view; node names come from positions in the map."""

    m: ArgumentMap
    options: Options
    names: dict[tuple[ElementType, str], str] = attrs.field(factory=dict)
    #: Node statements, by the section whose cluster holds them (``None``: outside every cluster).
    nodes: dict[str | None, list[str]] = attrs.field(factory=dict)
    edges: list[str] = attrs.field(factory=list)
    #: Per edge: tail, head and what it means (see :attr:`Drawing.edges`).
    kinds: list[tuple[str, str, str]] = attrs.field(factory=list)
    junctions: Iterator[int] = attrs.field(factory=itertools.count)
    junction_of: dict[str, str] = attrs.field(factory=dict)
    #: The node of each closed section's node, by name, and the section it stands for.
    groups: dict[str, str] = attrs.field(factory=dict)
    #: Each stub node's tooltip, by name.
    stub_notes: dict[str, str] = attrs.field(factory=dict)
    styles: _Styles = attrs.field(init=False)
    #: Per section inside a closed one: the position of the outermost closed one (see :func:`closed_groups`).
    closing: dict[str, int] = attrs.field(init=False)
    #: Per section inside a closed one: the node that stands for it.
    closed_node: dict[str, str] = attrs.field(init=False)
    #: Per section: the cluster that holds its nodes (see :func:`cluster_of`).
    holder: dict[str, str | None] = attrs.field(init=False)
    #: The statements drawn inside their arguments (the debate view's, see :func:`inner_statements`).
    hidden: set[str] = attrs.field(init=False)
    #: Node attributes that set an element's own look (colour, shape), by what they depend on, once written.
    own_styles: dict[tuple[ElementType, bool, str | None, str | None], str] = attrs.field(factory=dict)

    @styles.default
    def _styles(self) -> _Styles:
        return _Styles.of(self.options.theme, shaded=self.options.strengths is not None)

    @closing.default
    def _closing(self) -> dict[str, int]:
        return closed_groups(self.m, self.options.closed)

    @closed_node.default
    def _closed_node(self) -> dict[str, str]:
        return {id: f"g{n}" for id, n in self.closing.items()}

    @holder.default
    def _holder(self) -> dict[str, str | None]:
        return cluster_of(self.m, self.options.clusters)

    @hidden.default
    def _hidden(self) -> set[str]:
        return inner_statements(self.m) if self.options.view == "debate" else set()

    def elements(self) -> tuple[dict[str | None, list[str]], list[str]]:
        m, view, styles, hidden = self.m, self.options.view, self.styles, self.hidden
        main = frozenset(m.main_conclusions)
        self._group_nodes()
        for n, statement in enumerate(m.statements):
            if statement.id not in hidden:
                self._statement_node(f"s{n}", statement, statement.id in main)
        for n, argument in enumerate(m.arguments):
            self._argument_node(f"a{n}", argument)
        if view != "debate":
            for n, argument in enumerate(m.arguments):
                if argument.section not in self.closed_node:
                    self._steps(f"a{n}", argument)
        else:
            names = self.names
            for tail, head, kind in argument_edges(m, hidden):
                self._edge(names[tail], names[head], styles.support, kind)
        for relation in m.relations:
            self._edge(
                self.names[relation.source_type, relation.source],
                self.names[relation.target_type, relation.target],
                styles.relation[relation.kind],
                relation.kind.value,
            )
        if self.options.whole is not None:
            self._stubs(self.options.whole)
        return self.nodes, self.edges

    def _group_nodes(self) -> None:
        """One node for each outermost closed section that holds something drawn, in its parent's cluster."""
        m, theme = self.m, self.options.theme
        for n in closed_boxes(m, self.closing, self.hidden):
            section = m.sections[n]
            name = f"g{n}"
            self.groups[name] = section.id
            attributes = {
                "shape": "box",
                "style": "filled",
                "fillcolor": self.options.section_colours.get(section.id, theme.cluster_fill),
                "color": theme.cluster_border,
                "penwidth": "2",
                "margin": "0.2,0.1",
            }
            texts = [shown_title(section.title)]
            self._add_node(name, section.parent, label(texts, self.options.wrap), assignments(attributes))

    def _statement(self, id: str) -> str:
        return self.names[ElementType.STATEMENT, id]

    def _statement_node(self, name: str, statement: Statement, main: bool) -> None:
        key = (ElementType.STATEMENT, statement.id)
        mode = self.options.label_modes.get(ElementType.STATEMENT, "default")
        texts = statement_lines(statement, self.options.show, mode)
        status = self._status(key)
        style = self._own_style(key, main, status) or self.styles.statement[main, status]
        self._node(name, key, statement.section, texts, style)

    def _argument_node(self, name: str, argument: Argument) -> None:
        key = (ElementType.ARGUMENT, argument.id)
        status = self._status(key)
        self._node(name, key, argument.section, self._argument_lines(argument), self._argument_style(key, status))

    def _argument_lines(self, argument: Argument) -> list[str]:
        mode = self.options.label_modes.get(ElementType.ARGUMENT, "default")
        inside = inner_texts(self.m, argument, self.hidden) if self.hidden else []
        return argument_lines(argument, self.options.show, mode, inside)

    def _argument_style(self, key: tuple[ElementType, str], status: str | None) -> str:
        return self._own_style(key, False, status) or self.styles.argument[status]

    def _own_style(self, key: tuple[ElementType, str], main: bool, status: str | None) -> str | None:
        """The node's attributes where its own colour (``colours``) or its type's attributes (``node_attributes``)
        change them; ``None`` where the common style serves.

        A colour fills the node only where neither a labelling nor strengths decide the fill.
        """
        options = self.options
        extra = options.node_attributes.get(key[0], {})
        fill = options.colours.get(key) if options.labelling is None and options.strengths is None else None
        if not extra and fill is None:
            return None
        cached = (key[0], main, status, fill)
        if cached not in self.own_styles:
            theme = options.theme
            if key[0] is ElementType.STATEMENT:
                attributes = _statement_attributes(theme, main, status)
            else:
                attributes = {"style": "filled", "fillcolor": theme.argument_fill, "color": theme.argument_border}
                attributes |= _status_attributes(theme, status, "filled")
            if options.strengths is not None:
                attributes.pop("fillcolor", None)
            if fill is not None:
                attributes |= {"fillcolor": fill, "fontcolor": text_on(fill)}
            self.own_styles[cached] = assignments({**attributes, **extra})
        return self.own_styles[cached]

    def _status(self, key: tuple[ElementType, str]) -> str | None:
        """The element's status in the labelling; ``None`` without a labelling."""
        labelling = self.options.labelling
        return None if labelling is None else labelling.label(*key).value

    def _node(
        self, name: str, key: tuple[ElementType, str], section: str | None, texts: Sequence[str], style: str
    ) -> None:
        group = self.closed_node.get(section) if section is not None else None
        if group is not None:  # drawn as its closed section's node
            self.names[key] = group
            return
        self.names[key] = name
        strengths = self.options.strengths
        if strengths is not None:  # the styles of a shaded drawing leave the fill to this
            style = f"{style} {assignments({'fillcolor': shade(self.options.theme, strengths.value(*key))})}"
        self._add_node(name, section, label(texts, self.options.wrap), style)

    def _add_node(self, name: str, section: str | None, text: str | None, style: str) -> None:
        """A node statement, in its section's cluster when sections are shown.

        The layout writes node and edge statements directly: the graphviz package's ``node()`` and ``edge()``
        would cost as much again as the whole layout of a large map.
        """
        cluster = self.holder[section] if section is not None and "sections" in self.options.show else None
        self.nodes.setdefault(cluster, []).append(f"\t{name}{attribute_list(text, style)}\n")

    def _steps(self, name: str, argument: Argument) -> None:
        """Premise view: premises -> step -> conclusion; the last step is the argument node, earlier ones junctions.
        The steps view draws each junction as a box of the argument's own.
        """
        for step in steps(argument):
            through = name
            if not step.last:
                through = f"j{next(self.junctions)}"
                self.junction_of[through] = argument.id
                if self.options.view == "steps":
                    key = (ElementType.ARGUMENT, argument.id)
                    text = label(self._argument_lines(argument), self.options.wrap)
                    self._add_node(through, argument.section, text, self._argument_style(key, self._status(key)))
                else:
                    self._add_node(through, argument.section, None, self.styles.junction)
            # A step drawn as a box is reached by arrows, as an argument is; a junction is a point where lines meet.
            into_step = self.styles.support if self.options.view == "steps" else self.styles.premise
            for premise in step.premises:
                self._edge(self._statement(premise), through, into_step, "step-premise")
            # An xlabel is placed after layout: a plain edge label takes part in ranking, and made dot 2.43 lose
            # edges ("routesplines failed") in clusters with cycles.
            rules = step.rules if "rules" in self.options.show else ()
            into = assignments({"xlabel": label([", ".join(rules)], self.options.wrap)}) if rules else ""
            self._edge(through, self._statement(step.conclusion), attribute_list(None, into), "step-conclusion")

    def _edge(self, tail: str, head: str, attributes: str, kind: str) -> None:
        """An edge statement; ``attributes`` is its attribute list, from :func:`attribute_list`; ``kind`` what the
        edge means (see :attr:`Drawing.edges`). None between two elements of one closed section.
        """
        if tail == head and tail in self.groups:
            return
        self.edges.append(f"\t{tail} -> {head}{attributes}\n")
        self.kinds.append((tail, head, kind))

    def _stubs(self, whole: ArgumentMap) -> None:
        """For each element drawn whose relations in ``whole`` lead to elements not drawn: a stub with their number,
        below the element for those that bear on it, above it for those it bears on.
        """
        theme, names = self.options.theme, self.names
        for n, stub in enumerate(stubs(self.m, whole, names, self.closing)):
            name = f"x{n}"
            self.stub_notes[name] = stub.note
            attributes = {
                "shape": "plaintext",
                "style": "",
                "fontcolor": theme.neutral,
                "fontsize": "10",
                "tooltip": label([stub.note], 0),
            }
            self._add_node(name, stub.section, label([f"+{stub.count}"], 0), assignments(attributes))
            edge = attribute_list(None, assignments({"color": theme.neutral, "style": "dotted", "arrowhead": "none"}))
            node = names[stub.element]
            self.edges.append(f"\t{name} -> {node}{edge}\n" if stub.into else f"\t{node} -> {name}{edge}\n")


#: The strengths the legend shows the shade of.
_LEGEND_STRENGTHS = ((1.0, "1: unchallenged"), (0.5, "0.5"), (0.0, "0: none"))


def _legend(options: Options) -> str:
    """An HTML label: the semantics and a swatch with the words for each status, then the strength semantics and
    the shades of a few strengths, for what the drawing shows.

    argmap builds this label itself: colours come from a validated theme, and the semantics names are escaped.
    """
    # Imported here: only a drawing with a labelling has a legend, and every command would pay for loading html.
    import html

    theme = options.theme
    rows: list[str] = []

    def heading(text: str) -> None:
        rows.append(f'<tr><td colspan="2" align="left">{html.escape(text)}</td></tr>')

    def swatch(fill: str, border: str, words: str, border_style: str = "") -> None:
        style = f' style="{border_style}"' if border_style else ""
        rows.append(
            f'<tr><td width="20" bgcolor="{fill}" color="{border}" border="1"{style}></td>'
            f'<td align="left">{html.escape(words)}</td></tr>'
        )

    if options.labelling is not None:
        heading(f"{options.labelling.semantics} semantics")
        for status in STATUSES:
            words, border_style = STATUS_STYLE[status]
            fill, border = status_colours(theme, status)
            swatch(fill, border, words, border_style)
    if options.strengths is not None:
        heading(f"strength: {options.strengths.semantics}")
        for value, words in _LEGEND_STRENGTHS:
            swatch(shade(theme, value), theme.statement_border, words)
    return f'<<table border="0" cellspacing="4" cellpadding="2">{"".join(rows)}</table>>'


def _assemble(
    m: ArgumentMap,
    options: Options,
    nodes: Mapping[str | None, Sequence[str]],
    edges: Sequence[str],
    names: Mapping[tuple[ElementType, str], str],
) -> _Drawing:
    theme = options.theme
    drawing = _Drawing(
        graph={
            "rankdir": options.direction,
            "bgcolor": theme.background,
            "fontname": theme.fontname,
            "fontcolor": theme.text,
            "nodesep": "0.3",
            "ranksep": "0.45",
            **({"id": options.id_prefix} if options.id_prefix else {}),
            **(
                {"label": label([shown_title(m.title)], options.wrap), "labelloc": "t", "fontsize": "16"}
                if "title" in options.show and m.title.strip()
                else {}
            ),
            # Ranks shared across clusters need dot's newer ranking, which the caller may still turn off.
            **({"newrank": "true"} if options.same_rank and "sections" in options.show else {}),
            **options.graph_attributes,
        },
        # Defaults for the most common node and edge, a statement and a support, keep the source short.
        node={
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": theme.statement_fill,
            "color": theme.statement_border,
            "fontname": theme.fontname,
            "fontcolor": theme.text,
            "fontsize": "12",
            "margin": "0.15,0.08",
        },
        edge={
            "color": theme.support,
            "fontcolor": theme.support,
            "penwidth": "1.5",
            "arrowsize": "0.8",
            "fontname": theme.fontname,
            "fontsize": "10",
        },
        body=[],
    )
    body = drawing.body
    body += nodes.get(None, ())
    if "sections" in options.show:
        _add_clusters(body, m, options, nodes)
    body += edges
    for group in options.same_rank:
        ranked = list(dict.fromkeys(names[key] for key in group if key in names))
        if len(ranked) > 1:
            body.append(f"\t{{rank=same; {'; '.join(ranked)}}}\n")
    if options.labelling is not None or options.strengths is not None:
        legend = {
            "style": "rounded,filled",
            "fillcolor": theme.cluster_fill,
            "color": theme.cluster_border,
            "margin": "0.1,0.05",
        }
        # The legend's label is HTML that argmap builds (see _legend): written as it is, in angle brackets.
        body.append(f"\tlegend [label={_legend(options)} {assignments(legend)}]\n")
    return drawing


def _add_clusters(
    body: list[str], m: ArgumentMap, options: Options, members: Mapping[str | None, Sequence[str]]
) -> None:
    """Each section that holds a node, directly or through its subsections, as a cluster inside its parent's.

    The clusters are written depth first without recursion: the graphviz package would copy a nested
    subgraph's lines once per level, which is quadratic in the depth of the sections.
    """
    for n in section_nesting(m, members, options.clusters):
        if n is None:  # the end of a cluster whose subclusters are written
            body.append("\t}\n")
            continue
        section = m.sections[n]
        name = f"cluster_{n}"
        # Raw lines hold only generated names, fixed syntax and labels escaped by _label.
        body.append(f"\tsubgraph {name} {{\n")
        attributes = assignments(_cluster_attributes(section, name, options))
        body.append(f"\tgraph{attribute_list(None, attributes)}\n")
        body += members.get(section.id, ())


def _cluster_attributes(section: Section, name: str, options: Options) -> dict[str, str]:
    theme = options.theme
    fill = options.section_colours.get(section.id)
    return {
        "label": label([shown_title(section.title)], options.wrap),
        "style": "rounded,filled",
        "fillcolor": theme.cluster_fill if fill is None else fill,
        **({} if fill is None else {"fontcolor": text_on(fill)}),
        "color": theme.cluster_border,
        "fontsize": "13",
        "labeljust": "l",
        # dot turns the label over with the ranks: "b" is the top of a cluster when conclusions are on top.
        "labelloc": "b" if options.direction == "BT" else "t",
        **({"id": f"{options.id_prefix}-{name}"} if options.id_prefix else {}),
    }
