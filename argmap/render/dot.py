"""Draw an argument map as a Graphviz graph (DOT source), in the debate view or the premise view."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, TypedDict, Unpack

import attrs

from ..errors import OptionError
from ..model import Argument, ArgumentMap, ElementType, RelationKind, Statement
from .layout import inner_statements, section_nesting, tag_line

if TYPE_CHECKING:
    # Only for annotations: renderers take a labelling as input, and evaluation must not be imported at load time;
    # the graphviz package is imported by to_dot, as writing DOT source needs none of it.
    import graphviz  # type: ignore[import-untyped]

    from ..evaluate import Labelling

__all__ = [
    "DEFAULT_SHOW",
    "DIRECTIONS",
    "SHOW",
    "STATUSES",
    "THEMES",
    "VIEWS",
    "DotOptions",
    "Theme",
    "dot_source",
    "to_dot",
]

View = Literal["debate", "premise"]
Direction = Literal["BT", "TB", "LR", "RL"]

#: The views :func:`to_dot` draws.
VIEWS: tuple[str, ...] = ("debate", "premise")
#: Values of ``direction``: where the reasons are, seen from their conclusions (``BT``: conclusions on top).
DIRECTIONS: tuple[str, ...] = ("BT", "TB", "LR", "RL")
#: What ``show=`` may name, each an optional part of the diagram.
SHOW: tuple[str, ...] = ("title", "sections", "tags", "argument-text", "statement-ids", "rules")
#: What is shown unless ``show=`` says otherwise: everything but statement ids.
DEFAULT_SHOW: frozenset[str] = frozenset(SHOW) - {"statement-ids"}

# dot 2.43 rejects a quoted string of more than 16,381 bytes (measured); a label is cut well before that.
_LABEL_BUDGET = 16_000
_ELLIPSIS = "…"
# DOT's line break (centred), inserted between the escaped lines of a label.
_BREAK = "\\n"

#: The statuses a labelling gives (the values of :class:`argmap.af.Label`), in the order of the legend.
STATUSES: tuple[str, ...] = ("in", "out", "undec")
# Per status: the legend's words for it, and a border style that tells it apart without colour (print, colour
# blindness). An empty style is a solid border.
_STATUS_STYLE: Mapping[str, tuple[str, str]] = {
    "in": ("in: accepted", ""),
    "out": ("out: rejected", "dashed"),
    "undec": ("undec: undecided", "dotted"),
}

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?|[a-zA-Z][a-zA-Z0-9]*")
_FONT = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,_.-]*")
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@attrs.frozen
class Theme:
    """The colours and font of a diagram. :data:`THEMES` holds ``"light"`` and ``"dark"``.

    Colours are ``#rrggbb``, ``#rrggbbaa`` or a Graphviz colour name such as ``transparent``; anything else is
    refused with :class:`~argmap.OptionError`, so that a theme read from a file cannot smuggle DOT into the graph.
    The ``in_``, ``out_`` and ``undec_`` colours fill and outline elements by their status when a diagram is drawn
    with a labelling; they default to the light theme's.
    """

    background: str
    text: str
    statement_fill: str
    statement_border: str
    argument_fill: str
    argument_border: str
    cluster_fill: str
    cluster_border: str
    support: str
    attack: str
    neutral: str
    fontname: str = "Helvetica,Arial,sans-serif"
    in_fill: str = "#dafbe1"
    in_border: str = "#1a7f37"
    out_fill: str = "#ffebe9"
    out_border: str = "#cf222e"
    undec_fill: str = "#fff8c5"
    undec_border: str = "#9a6700"

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(Theme):
            value = getattr(self, field.name)
            pattern, what = (_FONT, "a font name") if field.name == "fontname" else (_COLOUR, "a colour")
            if not isinstance(value, str) or not pattern.fullmatch(value):
                raise OptionError(f"Theme.{field.name} must be {what}, not {value!r}")


#: The built-in themes: for light pages and for dark pages. Both leave the page background showing.
THEMES: Mapping[str, Theme] = {
    "light": Theme(
        background="transparent",
        text="#1f2328",
        statement_fill="#ffffff",
        statement_border="#57606a",
        argument_fill="#dbeafe",
        argument_border="#1d4ed8",
        cluster_fill="#f6f8fa",
        cluster_border="#afb8c1",
        support="#1a7f37",
        attack="#cf222e",
        neutral="#6e7781",
    ),
    "dark": Theme(
        background="transparent",
        text="#e6edf3",
        statement_fill="#161b22",
        statement_border="#8b949e",
        argument_fill="#1c2d4a",
        argument_border="#58a6ff",
        cluster_fill="#0d1117",
        cluster_border="#484f58",
        support="#3fb950",
        attack="#f85149",
        neutral="#8b949e",
        in_fill="#12261e",
        in_border="#3fb950",
        out_fill="#2d1417",
        out_border="#f85149",
        undec_fill="#2b2111",
        undec_border="#d29922",
    ),
}

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


class DotOptions(TypedDict, total=False):
    """The keyword options of :func:`to_dot`, for functions that pass them on."""

    view: View
    direction: Direction
    wrap: int
    theme: str | Theme
    show: Iterable[str]
    id_prefix: str
    labelling: Labelling | None


@attrs.frozen
class _Options:
    view: str
    direction: str
    wrap: int
    theme: Theme
    show: frozenset[str]
    id_prefix: str
    labelling: Labelling | None

    @classmethod
    def of(
        cls,
        m: ArgumentMap,
        *,
        view: str = "debate",
        direction: str = "BT",
        wrap: int = 40,
        theme: str | Theme = "light",
        show: Iterable[str] = DEFAULT_SHOW,
        id_prefix: str = "",
        labelling: Labelling | None = None,
    ) -> _Options:
        """The options of a drawing, validated; the defaults are :func:`to_dot`'s."""
        if view not in VIEWS:
            raise _invalid("view", view, VIEWS)
        if direction not in DIRECTIONS:
            raise _invalid("direction", direction, DIRECTIONS)
        if isinstance(wrap, bool) or not isinstance(wrap, int) or wrap < 0:
            raise OptionError(f"wrap must be a number of characters (0 for no wrapping), not {wrap!r}")
        if not isinstance(theme, Theme):
            if not isinstance(theme, str) or theme not in THEMES:
                raise _invalid("theme", theme, tuple(THEMES))
            theme = THEMES[theme]
        names = frozenset([show] if isinstance(show, str) else show)
        unknown = sorted(map(repr, names - frozenset(SHOW)))
        if unknown:
            raise OptionError(f"unknown show {', '.join(unknown)}: use any of {', '.join(SHOW)}")
        if id_prefix and not (isinstance(id_prefix, str) and _ID_PREFIX.fullmatch(id_prefix)):
            raise OptionError(f"id_prefix must be a letter followed by letters, digits, '_' or '-', not {id_prefix!r}")
        if labelling is not None:
            _check_labelling(m, labelling)
        return cls(view, direction, wrap, theme, names, id_prefix, labelling)


def _check_labelling(m: ArgumentMap, labelling: object) -> None:
    # Imported here, not at the top: evaluation is an input of the renderers, loaded only when one is given.
    from ..evaluate import Labelling

    if not isinstance(labelling, Labelling):
        raise OptionError(f"labelling must be an argmap.evaluate.Labelling, not {type(labelling).__name__}")
    # Identity first: comparing two maps element by element is only needed for an equal copy.
    if labelling.map is not m and labelling.map != m:
        raise OptionError("the labelling is of another map: evaluate the map being drawn")


def _invalid(option: str, value: object, allowed: Sequence[str]) -> OptionError:
    return OptionError(f"unknown {option} {value!r}: use one of {', '.join(allowed)}")


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (0: no limit), broken between words; longer words are cut.

    Line breaks in the text are kept, other runs of whitespace become one space, blank lines go.
    """
    lines: list[str] = []
    for paragraph in text.splitlines():
        joined = " ".join(paragraph.split())
        if not joined:
            continue
        # Each line is the longest run of whole words that fits, found by the last space within reach, and sliced
        # off by position, so that a long paragraph is not copied once per line.
        start = 0
        while width and len(joined) - start > width:
            space = joined.rfind(" ", start, start + width + 1)
            if space < 0:  # a word longer than a line: cut
                lines.append(joined[start : start + width])
                start += width
            else:
                lines.append(joined[start:space])
                start = space + 1
        lines.append(joined[start:])
    return lines


def _escape(text: str) -> str:
    """``text`` with what DOT (and dot's entity decoding of plain labels) would otherwise interpret escaped:
    backslash escapes such as ``\\N`` and ``\\l``, the closing quote, and HTML entities such as ``&lt;``, which dot
    decodes even outside HTML labels. A line break ``\\n`` becomes DOT's.
    """
    # Backslashes first, so that those the later replacements write stay single.
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;").replace("\n", _BREAK)


def _label(texts: Iterable[str], wrap: int) -> str:
    """The one way user text reaches DOT: wrapped, escaped, joined with DOT line breaks, never read as HTML.

    A label too long for ``dot`` is cut, ending in an ellipsis.
    """
    # Wrapped at once: joining the texts by line breaks wraps each of them as it would be wrapped alone.
    lines = _wrap("\n".join(texts), wrap)
    # Wrapped lines hold no "\n": escaping them joined by it inserts DOT's line breaks.
    whole = _escape("\n".join(lines))
    # Room is kept for a line break and an ellipsis after the last line that fits whole.
    limit = _LABEL_BUDGET - len(_BREAK) - len(_ELLIPSIS.encode())
    if len(whole.encode()) <= limit:
        return whole
    parts: list[str] = []
    size = 0
    for line in lines:
        escaped = _escape(line)
        cost = len(escaped.encode()) + (len(_BREAK) if parts else 0)
        if size + cost > limit:
            parts.append(_cut(line, limit - size - (len(_BREAK) if parts else 0)) + _ELLIPSIS)
            break
        parts.append(escaped)
        size += cost
    return _BREAK.join(parts)


def _cut(line: str, budget: int) -> str:
    """The escaped start of ``line`` that fits in ``budget`` bytes."""
    escaped: list[str] = []
    for char in line:
        piece = _escape(char)
        budget -= len(piece.encode())
        if budget < 0:
            break
        escaped.append(piece)
    return "".join(escaped)


# A DOT ID that needs no quotes: a name or a number, as the graphviz package tells them (and quotes the rest).
_PLAIN_ID = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def _quote(value: str) -> str:
    """``value`` as a DOT ID, quoted as the graphviz package quotes it.

    Values are generated names, fixed words, validated theme values or labels from :func:`_label`, which escaped
    the user text in them, so quoting adds nothing but the quotes.
    """
    if _PLAIN_ID.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    return f'"{value}"'


def _attribute_list(label: str | None, assignments: str) -> str:
    """`` [label=... key=value ...]`` as the graphviz package writes a node's or an edge's, ``assignments`` from
    :func:`_assignments`; nothing for no label and no assignments.
    """
    if label is None:
        return f" [{assignments}]" if assignments else ""
    return f" [label={_quote(label)} {assignments}]" if assignments else f" [label={_quote(label)}]"


def _assignments(attributes: Mapping[str, str]) -> str:
    """``key=value ...``, keys sorted."""
    return " ".join(f"{key}={_quote(value)}" for key, value in sorted(attributes.items()))


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

    Node names are generated (``s0``, ``a0``, ``j0``, ``legend``, clusters ``cluster_0``), never taken from the
    map. Text reaches the DOT source only escaped, so it is drawn exactly as written, whatever it contains; a
    label longer than ``dot`` can read (about 16,000 bytes once escaped) is cut short with an ellipsis.

    Raises :class:`~argmap.OptionError` for an unknown option value, and for a labelling of another map.
    """
    import graphviz

    drawing = _drawing(m, _Options.of(m, **options))
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
    drawing = _drawing(m, _Options.of(m, **options))
    header = [
        f"\t{kind}{_attribute_list(None, _assignments(attributes))}\n"
        for kind, attributes in (("graph", drawing.graph), ("node", drawing.node), ("edge", drawing.edge))
    ]
    return "".join(["digraph {\n", *header, *drawing.body, "}\n"])


@attrs.frozen
class _Drawing:
    """A graph as DOT statements: the graph's, the nodes' and the edges' default attributes, and the lines."""

    graph: dict[str, str]
    node: dict[str, str]
    edge: dict[str, str]
    body: list[str]


def _drawing(m: ArgumentMap, options: _Options) -> _Drawing:
    nodes, edges = _Layout(m, options).elements()
    return _assemble(m, options, nodes, edges)


@attrs.frozen
class _Styles:
    """The attributes of each kind of node and edge, written once per drawing rather than once per element: for
    nodes, assignments (from :func:`_assignments`) to follow their label; for edges, whole attribute lists.
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
    def of(cls, theme: Theme) -> _Styles:
        statuses = (None, *STATUSES)
        return cls(
            statement={
                (main, status): _assignments(_statement_attributes(theme, main, status))
                for main in (False, True)
                for status in statuses
            },
            argument={
                status: _assignments(
                    {"style": "filled", "fillcolor": theme.argument_fill, "color": theme.argument_border}
                    | _status_attributes(theme, status, "filled")
                )
                for status in statuses
            },
            junction=_assignments({"shape": "point", "width": "0.12", "color": theme.argument_border}),
            support=_attribute_list(None, _assignments(_edge_colour(theme, support=True))),
            premise=_attribute_list(None, _assignments({"color": theme.neutral, "arrowhead": "none"})),
            relation={
                kind: _attribute_list(None, _assignments({**_edge_colour(theme, support=support), **extra}))
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
    fill, border = _status_colours(theme, status)
    _, border_style = _STATUS_STYLE[status]
    return {
        "style": f"{style},{border_style}" if border_style else style,
        "fillcolor": fill,
        "color": border,
        "penwidth": "2",
    }


def _edge_colour(theme: Theme, *, support: bool) -> dict[str, str]:
    """The colour of a support or an attack edge: support is the edges' default, only attacks need their own."""
    return {} if support else {"color": theme.attack}


@attrs.frozen
class _Layout:
    """Decides the nodes and edges of one view; node names come from positions in the map."""

    m: ArgumentMap
    options: _Options
    names: dict[tuple[ElementType, str], str] = attrs.field(factory=dict)
    #: Node statements, by the section whose cluster holds them (``None``: outside every cluster).
    nodes: dict[str | None, list[str]] = attrs.field(factory=dict)
    edges: list[str] = attrs.field(factory=list)
    junctions: Iterator[int] = attrs.field(factory=itertools.count)
    styles: _Styles = attrs.field(init=False)

    @styles.default
    def _styles(self) -> _Styles:
        return _Styles.of(self.options.theme)

    def elements(self) -> tuple[dict[str | None, list[str]], list[str]]:
        m, premise_view, styles = self.m, self.options.view == "premise", self.styles
        hidden = set() if premise_view else inner_statements(m)
        main = frozenset(m.main_conclusions)
        for n, statement in enumerate(m.statements):
            if statement.id not in hidden:
                self._statement_node(f"s{n}", statement, statement.id in main)
        for n, argument in enumerate(m.arguments):
            self._argument_node(f"a{n}", argument)
        for n, argument in enumerate(m.arguments):
            if premise_view:
                self._steps(f"a{n}", argument)
            elif argument.conclusion is not None:
                # A premise drawn in its own right (concluded elsewhere, or related) feeds the argument it serves.
                for premise in argument.premises:
                    if premise not in hidden:
                        self._edge(self._statement(premise), f"a{n}", styles.support)
                self._edge(f"a{n}", self._statement(argument.conclusion), styles.support)
        for relation in m.relations:
            self._edge(
                self.names[relation.source_type, relation.source],
                self.names[relation.target_type, relation.target],
                styles.relation[relation.kind],
            )
        return self.nodes, self.edges

    def _statement(self, id: str) -> str:
        return self.names[ElementType.STATEMENT, id]

    def _statement_node(self, name: str, statement: Statement, main: bool) -> None:
        show = self.options.show
        texts = [f"[{statement.id}]"] if "statement-ids" in show else []
        texts.append(statement.text)
        if "tags" in show:
            texts += tag_line(statement.tags, statement.text)
        key = (ElementType.STATEMENT, statement.id)
        self._node(name, key, statement.section, texts, self.styles.statement[main, self._status(key)])

    def _argument_node(self, name: str, argument: Argument) -> None:
        show = self.options.show
        texts = [f"<{argument.id}>"]
        if "argument-text" in show and argument.text:
            texts.append(argument.text)
        if "tags" in show:
            texts += tag_line(argument.tags, argument.text if "argument-text" in show else "")
        key = (ElementType.ARGUMENT, argument.id)
        self._node(name, key, argument.section, texts, self.styles.argument[self._status(key)])

    def _status(self, key: tuple[ElementType, str]) -> str | None:
        """The element's status in the labelling; ``None`` without a labelling."""
        labelling = self.options.labelling
        return None if labelling is None else labelling.label(*key).value

    def _node(
        self, name: str, key: tuple[ElementType, str], section: str | None, texts: Sequence[str], assignments: str
    ) -> None:
        self.names[key] = name
        self._add_node(name, section, _label(texts, self.options.wrap), assignments)

    def _add_node(self, name: str, section: str | None, label: str | None, assignments: str) -> None:
        """A node statement, in its section's cluster when sections are shown.

        The layout writes node and edge statements directly: the graphviz package's ``node()`` and ``edge()``
        would cost as much again as the whole layout of a large map.
        """
        cluster = section if "sections" in self.options.show else None
        self.nodes.setdefault(cluster, []).append(f"\t{name}{_attribute_list(label, assignments)}\n")

    def _steps(self, name: str, argument: Argument) -> None:
        """Premise view: premises -> step -> conclusion; the last step is the argument node, earlier ones junctions."""
        for n, step in enumerate(argument.steps, 1):
            through = name
            if n < len(argument.steps):
                through = f"j{next(self.junctions)}"
                self._add_node(through, argument.section, None, self.styles.junction)
            for premise in dict.fromkeys(step.premises):
                self._edge(self._statement(premise), through, self.styles.premise)
            # An xlabel is placed after layout: a plain edge label takes part in ranking, and made dot 2.43 lose
            # edges ("routesplines failed") in clusters with cycles.
            rules = step.rules if "rules" in self.options.show else ()
            into = _assignments({"xlabel": _label([", ".join(rules)], self.options.wrap)}) if rules else ""
            self._edge(through, self._statement(step.conclusion), _attribute_list(None, into))

    def _edge(self, tail: str, head: str, attributes: str) -> None:
        """An edge statement; ``attributes`` is its attribute list, from :func:`_attribute_list`."""
        self.edges.append(f"\t{tail} -> {head}{attributes}\n")


def _status_colours(theme: Theme, status: str) -> tuple[str, str]:
    """The fill and border colours of ``theme`` for elements with ``status``, one of :data:`STATUSES`."""
    return {
        "in": (theme.in_fill, theme.in_border),
        "out": (theme.out_fill, theme.out_border),
        "undec": (theme.undec_fill, theme.undec_border),
    }[status]


def _legend(semantics: str, theme: Theme) -> str:
    """An HTML label: the semantics, then a swatch and the words for each status.

    argmap builds this label itself: colours come from a validated theme, and the semantics name is escaped.
    """
    # Imported here: only a drawing with a labelling has a legend, and every command would pay for loading html.
    import html

    rows = [f'<tr><td colspan="2" align="left">{html.escape(semantics)} semantics</td></tr>']
    for status in STATUSES:
        words, border_style = _STATUS_STYLE[status]
        fill, border = _status_colours(theme, status)
        style = f' style="{border_style}"' if border_style else ""
        rows.append(
            f'<tr><td width="20" bgcolor="{fill}" color="{border}" border="1"{style}></td>'
            f'<td align="left">{html.escape(words)}</td></tr>'
        )
    return f'<<table border="0" cellspacing="4" cellpadding="2">{"".join(rows)}</table>>'


def _assemble(
    m: ArgumentMap, options: _Options, nodes: Mapping[str | None, Sequence[str]], edges: Sequence[str]
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
                {"label": _label([m.title], options.wrap), "labelloc": "t", "fontsize": "16"}
                if "title" in options.show and m.title.strip()
                else {}
            ),
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
    if options.labelling is not None:
        legend = {
            "style": "rounded,filled",
            "fillcolor": theme.cluster_fill,
            "color": theme.cluster_border,
            "margin": "0.1,0.05",
        }
        # The legend's label is HTML that argmap builds (see _legend): written as it is, in angle brackets.
        body.append(f"\tlegend [label={_legend(options.labelling.semantics, theme)} {_assignments(legend)}]\n")
    return drawing


def _add_clusters(
    body: list[str], m: ArgumentMap, options: _Options, members: Mapping[str | None, Sequence[str]]
) -> None:
    """Each section that holds a node, directly or through its subsections, as a cluster inside its parent's.

    The clusters are written depth first without recursion: the graphviz package would copy a nested
    subgraph's lines once per level, which is quadratic in the depth of the sections.
    """
    numbers = {section.id: n for n, section in enumerate(m.sections)}
    for id in section_nesting(m, [id for id in numbers if members.get(id)]):
        if id is None:  # the end of a cluster whose subclusters are written
            body.append("\t}\n")
            continue
        name = f"cluster_{numbers[id]}"
        # Raw lines hold only generated names, fixed syntax and labels escaped by _label.
        body.append(f"\tsubgraph {name} {{\n")
        attributes = _assignments(_cluster_attributes(m.section(id).title, name, options))
        body.append(f"\tgraph{_attribute_list(None, attributes)}\n")
        body += members.get(id, ())


def _cluster_attributes(title: str, name: str, options: _Options) -> dict[str, str]:
    theme = options.theme
    return {
        "label": _label([title], options.wrap),
        "style": "rounded,filled",
        "fillcolor": theme.cluster_fill,
        "color": theme.cluster_border,
        "fontsize": "13",
        "labeljust": "l",
        # dot turns the label over with the ranks: "b" is the top of a cluster when conclusions are on top.
        "labelloc": "b" if options.direction == "BT" else "t",
        **({"id": f"{options.id_prefix}-{name}"} if options.id_prefix else {}),
    }
