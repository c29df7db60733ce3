"""Draw a map as a Mermaid flowchart, with the conventions of the DOT diagrams (the write-only format mermaid)."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Iterator, Mapping

import attrs

from ..boxes import shown_title
from ..model import Argument, ArgumentMap, ElementType, RelationKind, Statement
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
from .options import (
    DIRECTIONS,
    VIEWS,
    Direction,
    LabelMode,
    View,
    check_closed,
    check_clusters,
    check_colours,
    check_label_modes,
    check_node_attributes,
    check_section_colours,
    check_whole,
    invalid,
    show_names,
    theme_named,
)
from .theme import THEMES, Theme, text_on

__all__ = ["DEFAULT_SHOW", "SHOW", "dumps"]

#: What ``show=`` may name, each an optional part of the diagram, as for :func:`argmap.to_dot`.
SHOW: tuple[str, ...] = ("sections", "tags", "argument-text", "statement-ids", "rules")
#: What is shown unless ``show=`` says otherwise: everything but statement ids.
DEFAULT_SHOW: frozenset[str] = frozenset(SHOW) - {"statement-ids"}

# Characters of user text that mean nothing to Mermaid, to the Markdown and KaTeX of its labels, or to HTML: they
# are written as they are, and every other ASCII character as an entity code.
_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,?!'/-")
# Mermaid marks the entity codes it has set aside with these; written raw, they could turn text into an entity.
_MARKERS = frozenset("\ufb02\u00b6")
_BREAK = "<br>"
# The label of a node that shows no text, such as a junction: Mermaid rejects an empty one.
_EMPTY = '" "'
_INDENT = "    "
# The brackets of the node shapes that Mermaid has as Graphviz has them, by Graphviz name (an ellipse's nearest is
# the stadium); every other shape keeps the element's own, as box, rect and square do in DOT, where a statement's
# style keeps them rounded.
_SHAPES: Mapping[str, tuple[str, str]] = {
    "circle": ("((", "))"),
    "doublecircle": ("(((", ")))"),
    "diamond": ("{", "}"),
    "hexagon": ("{{", "}}"),
    "ellipse": ("([", "])"),
    "oval": ("([", "])"),
}
_OWN_SHAPES: Mapping[ElementType, tuple[str, str]] = {
    ElementType.STATEMENT: ("(", ")"),
    ElementType.ARGUMENT: ("[", "]"),
}
# The classes of nodes, in the order their ``class`` lines are written.
_CLASSES = ("statement", "argument", "main", "section", "closed", "stub", "junction")

# Per relation kind: the arrow, and whether it is drawn in the attack colour rather than the support colour.
_ARROWS: Mapping[RelationKind, tuple[str, bool]] = {
    RelationKind.SUPPORT: ("-->", False),
    RelationKind.ENTAILS: ("--o", False),
    RelationKind.ATTACK: ("-->", True),
    RelationKind.UNDERCUT: ("-.->", True),
    RelationKind.CONTRADICTION: ("<-->", True),
    RelationKind.CONTRARY: ("--x", True),
}


class _Entities(dict[int, str]):
    """What each character of user text is written as inside a label, for :meth:`str.translate`: ASCII is
    tabulated; any other character is worked out when it is met, and not kept, so the table cannot grow.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        return char if char.isprintable() and not char.isspace() and char not in _MARKERS else f"#{code};"


_ENTITIES = _Entities({code: chr(code) if chr(code) in _PLAIN else f"#{code};" for code in range(0x80)})


def _label(texts: Iterable[str]) -> str:
    """The one way user text reaches Mermaid: a quoted label, its lines joined by ``<br>``.

    Only ASCII letters and digits, spaces, ``.,?!'/-`` and printable non-ASCII characters other than spaces stay
    as they are; every other character becomes an entity code (``"`` is ``#34;``, ``#`` is ``#35;``, a backtick
    ``#96;``), which Mermaid turns back into the character after parsing, as text. So user text cannot end the
    label, start a Markdown or KaTeX label, open a comment or a directive (``%%``), or reach the page as HTML.
    """
    # Blank lines go, as they do in DOT: a box holds a text's lines, not its paragraphs' spacing.
    lines = [line.translate(_ENTITIES) for text in texts for line in text.splitlines() if line.strip()]
    return f'"{_BREAK.join(lines)}"' if lines else _EMPTY


@attrs.frozen
class _Options:
    direction: str
    view: str
    theme: Theme
    show: frozenset[str]
    colours: Mapping[tuple[ElementType, str], str]
    label_modes: Mapping[ElementType, str]
    clusters: frozenset[str] | None
    closed: frozenset[str]
    whole: ArgumentMap | None
    node_attributes: Mapping[ElementType, Mapping[str, str]]
    section_colours: Mapping[str, str]

    @classmethod
    def of(
        cls,
        direction: str,
        view: str,
        theme: str | Theme,
        show: Iterable[str],
        colours: object = None,
        label_modes: object = None,
        clusters: object = None,
        closed: object = (),
        whole: object = None,
        node_attributes: object = None,
        section_colours: object = None,
    ) -> _Options:
        if direction not in DIRECTIONS:
            raise invalid("direction", direction, DIRECTIONS)
        if view not in VIEWS:
            raise invalid("view", view, VIEWS)
        # Mermaid has no stylesheet to follow the page's colours: no automatic theme.
        chosen = theme_named(theme, THEMES)
        return cls(
            direction,
            view,
            chosen,
            show_names(show, SHOW),
            check_colours(colours),
            check_label_modes(label_modes),
            check_clusters(clusters),
            check_closed(closed),
            check_whole(whole),
            check_node_attributes(node_attributes),
            check_section_colours(section_colours),
        )


def dumps(
    m: ArgumentMap,
    *,
    direction: Direction = "BT",
    view: View = "debate",
    theme: str | Theme = "light",
    show: Iterable[str] = DEFAULT_SHOW,
    colours: Mapping[tuple[ElementType, str], str] | None = None,
    label_modes: Mapping[ElementType, LabelMode] | None = None,
    clusters: Iterable[str] | None = None,
    closed: Collection[str] = (),
    whole: ArgumentMap | None = None,
    node_attributes: Mapping[ElementType, Mapping[str, str | int | float]] | None = None,
    section_colours: Mapping[str, str] | None = None,
) -> str:
    """The map as a Mermaid flowchart in a view of :func:`argmap.to_dot` (the debate view unless ``view`` says
    otherwise), with the same conventions.

    Statements are rounded boxes and arguments filled boxes headed by their id in angle brackets; main
    conclusions have a thick border. Edges run from reason to conclusion: support green (``-->``), entails
    green with a round head (``--o``), attack red (``-->``), undercut dashed red aimed at the argument
    (``-.->``), contradiction red with heads at both ends (``<-->``), contrary red with a cross head (``--x``).
    Sections are subgraphs, nested as the sections are. As in the debate view, a statement that only serves
    inside reconstructions is what its argument's box stands for, and is not drawn.

    ``view`` is ``"debate"``, ``"premise"`` or ``"steps"``, as for :func:`argmap.to_dot`. In the premise view every
    statement is drawn, and each inference step of an argument: its premises join it by plain lines in the
    neutral colour (``---``), and it points at its conclusion, labelled with its inference rules when ``show``
    holds ``"rules"`` (``-->|"modus ponens"|``). The argument's box stands for its last step; each earlier one is
    a small round junction (``j0``, class ``junction``). The steps view draws each earlier step as a box of the
    argument's own, which its premises point at as reasons point at an argument.

    ``direction`` is ``"BT"`` (conclusions above their reasons), ``"TB"``, ``"LR"`` or ``"RL"``; ``theme`` is
    ``"light"``, ``"dark"`` or a :class:`~argmap.Theme`, whose colours go into ``classDef`` and ``linkStyle``
    lines; ``show`` names the optional parts to draw, from :data:`SHOW` (default :data:`DEFAULT_SHOW`). The map's
    title is not drawn: Mermaid takes a title only in YAML front matter, which also configures the renderer.

    These options are :func:`argmap.to_dot`'s, drawn as a flowchart can draw them:

    ``colours``
        A fill per element, written as a ``style`` line; its text is dark or white, whichever reads better.
    ``section_colours``
        A fill per section's subgraph or closed section's box, by section id, written as a ``style`` line.
    ``label_modes``
        What nodes say, per element type.
    ``clusters``
        The sections drawn as subgraphs.
    ``closed``
        Sections drawn as one box each (``g0[["..."]]``, class ``closed``, in the subgraph of the section's parent):
        the edges of every element in them lead to the box, and none is drawn between two of them.
    ``whole``
        The map that this one is a part of: each stub for what the part leaves out is a quiet ``+N`` node
        (``x0["+3"]``, class ``stub``) joined to its element by a dotted line without a head (``-.-``), below it for
        what bears on it and above it for what it bears on. Mermaid shows a tooltip only through a ``click`` line,
        which this writer never writes, so the words of a Graphviz stub's tooltip are not drawn.
    ``node_attributes``
        Only ``shape``, where Mermaid has the shape: ``circle`` ``((...))``, ``doublecircle`` ``(((...)))``,
        ``diamond`` ``{...}``, ``hexagon`` ``{{...}}``, and ``ellipse`` and ``oval`` as the nearest, a stadium
        ``([...])``. Other shapes keep the element's own, as ``box``, ``rect`` and ``square`` do in DOT, and
        ``width`` and ``height`` are DOT's only: a flowchart sizes a node to its text.

    ``same_rank`` and ``graph_attributes`` are not taken: a flowchart has no ranks to share, and Mermaid takes
    layout settings only in front matter or a directive, which can also change its security settings and which
    this writer never writes.

    Node ids are generated (``s0``, ``a0``, subgraphs and closed sections ``g0``, stubs ``x0``, steps ``j0``),
    never taken from the map, and text reaches the output only through one escaping function, as entity codes
    inside quoted labels:
    whatever a text holds, it cannot add nodes, links, click handlers, styles or markup. The same map always gives
    the same text.

    Raises :class:`~argmap.OptionError` for an unknown option value.
    """
    options = _Options.of(
        direction,
        view,
        theme,
        show,
        colours=colours,
        label_modes=label_modes,
        clusters=clusters,
        closed=closed,
        whole=whole,
        node_attributes=node_attributes,
        section_colours=section_colours,
    )
    return _Writer(m, options).write()


@attrs.define
class _Writer:
    """Builds the lines of one flowchart; node ids come from positions in the map."""

    m: ArgumentMap
    options: _Options
    names: dict[tuple[ElementType, str], str] = attrs.field(factory=dict)
    # Node declarations by section id (None: outside every section), each list in map order.
    members: dict[str | None, list[str]] = attrs.field(factory=dict)
    edges: list[str] = attrs.field(factory=list)
    attacks: list[int] = attrs.field(factory=list)
    # The nodes of each class, in the order they are declared.
    classes: dict[str, list[str]] = attrs.field(factory=lambda: {style: [] for style in _CLASSES})
    #: Per section: the subgraph that holds its nodes (see :func:`cluster_of`).
    holder: dict[str, str | None] = attrs.field(init=False)
    #: Per section inside a closed one: the position of the outermost closed one (see :func:`closed_groups`).
    closing: dict[str, int] = attrs.field(init=False)
    # The nodes that stand for closed sections.
    boxes: set[str] = attrs.field(factory=set)
    # The positions of the edges drawn in the neutral colour: stubs' lines and the premise view's premise lines.
    quiet: list[int] = attrs.field(factory=list)
    # The steps view's boxes for an argument's earlier steps, by name: the argument each stands for.
    step_boxes: dict[str, tuple[ElementType, str]] = attrs.field(factory=dict)

    @holder.default
    def _holder(self) -> dict[str, str | None]:
        return cluster_of(self.m, self.options.clusters)

    @closing.default
    def _closing(self) -> dict[str, int]:
        return closed_groups(self.m, self.options.closed)

    def write(self) -> str:
        m, theme, view = self.m, self.options.theme, self.options.view
        hidden = inner_statements(m) if view == "debate" else set()
        main = frozenset(m.main_conclusions)
        for n in closed_boxes(m, self.closing, hidden):
            section = m.sections[n]
            self.boxes.add(f"g{n}")
            self._place(f"g{n}", section.parent, f"g{n}[[{_label([shown_title(section.title)])}]]", "closed")
        for n, statement in enumerate(m.statements):
            if statement.id not in hidden:
                self._statement(f"s{n}", statement, statement.id in main)
        for n, argument in enumerate(m.arguments):
            self._argument(f"a{n}", argument, inner_texts(m, argument, hidden) if hidden else [])
        if view == "debate":
            for tail, head, _ in argument_edges(m, hidden):
                self._edge(self.names[tail], self.names[head], RelationKind.SUPPORT)
        else:
            junctions = itertools.count()
            for n, argument in enumerate(m.arguments):
                if argument.section not in self.closing:  # else drawn as its closed section's box, as in DOT
                    self._steps(f"a{n}", argument, junctions)
        for relation in m.relations:
            source = self.names[relation.source_type, relation.source]
            self._edge(source, self.names[relation.target_type, relation.target], relation.kind)
        if self.options.whole is not None:
            for n, stub in enumerate(stubs(m, self.options.whole, self.names, self.closing)):
                self._place(f"x{n}", stub.section, f"x{n}[{_label([f'+{stub.count}'])}]", "stub")
                node = self.names[stub.element]
                self.quiet.append(len(self.edges))
                self.edges.append(f"x{n} -.- {node}" if stub.into else f"{node} -.- x{n}")
        lines = [
            f"flowchart {self.options.direction}",
            f"classDef statement fill:{theme.statement_fill},stroke:{theme.statement_border},color:{theme.text}",
            f"classDef argument fill:{theme.argument_fill},stroke:{theme.argument_border},color:{theme.text}",
            f"classDef main stroke:{theme.text},stroke-width:3px",
            f"classDef section fill:{theme.cluster_fill},stroke:{theme.cluster_border},color:{theme.text}",
        ]
        # Written only where drawn, so that a chart without them stays as it was.
        if self.classes["closed"]:
            look = f"fill:{theme.cluster_fill},stroke:{theme.cluster_border},color:{theme.text}"
            lines.append(f"classDef closed {look},stroke-width:2px")
        if self.classes["stub"]:
            lines.append(f"classDef stub fill:none,stroke:none,color:{theme.neutral},font-size:10px")
        if self.classes["junction"]:
            lines.append(f"classDef junction fill:{theme.argument_border},stroke:{theme.argument_border}")
        lines += self.members.get(None, ())
        self.classes["section"] = self._subgraphs(lines)
        lines += self.edges
        for style, names in self.classes.items():
            if names:
                lines.append(f"class {','.join(names)} {style}")
        if self.edges:
            lines.append(f"linkStyle default stroke:{theme.support}")
        if self.attacks:
            lines.append(f"linkStyle {','.join(map(str, self.attacks))} stroke:{theme.attack}")
        if self.quiet:
            lines.append(f"linkStyle {','.join(map(str, self.quiet))} stroke:{theme.neutral}")
        # Validated colours (#rrggbb... or a plain name) hold nothing that Mermaid reads as syntax.
        for key, fill in self.options.colours.items():
            name = self.names.get(key)
            if name is not None and name not in self.boxes:  # not an element drawn as its closed section's box
                lines.append(f"style {name} fill:{fill},color:{text_on(fill)}")
        for box, stands_for in self.step_boxes.items():
            chosen = self.options.colours.get(stands_for)
            if chosen is not None:
                lines.append(f"style {box} fill:{chosen},color:{text_on(chosen)}")
        if self.options.section_colours:
            drawn = {*self.classes["section"], *self.boxes}  # subgraphs and closed sections' boxes both
            for n, section in enumerate(m.sections):
                chosen = self.options.section_colours.get(section.id)
                if chosen is not None and f"g{n}" in drawn:
                    lines.append(f"style g{n} fill:{chosen},color:{text_on(chosen)}")
        return "\n".join([lines[0], *(_INDENT + line for line in lines[1:])]) + "\n"

    def _statement(self, name: str, statement: Statement, main: bool) -> None:
        mode = self.options.label_modes.get(ElementType.STATEMENT, "default")
        label = _label(statement_lines(statement, self.options.show, mode))
        key = (ElementType.STATEMENT, statement.id)
        if self._node(name, key, statement.section, self._shaped(name, key[0], label), "statement") and main:
            self.classes["main"].append(name)

    def _argument(self, name: str, argument: Argument, inside: list[str]) -> None:
        mode = self.options.label_modes.get(ElementType.ARGUMENT, "default")
        label = _label(argument_lines(argument, self.options.show, mode, inside))
        key = (ElementType.ARGUMENT, argument.id)
        self._node(name, key, argument.section, self._shaped(name, key[0], label), "argument")

    def _shaped(self, name: str, type: ElementType, label: str) -> str:
        """The declaration of a node: its name and label in the brackets of its shape (see ``node_attributes``)."""
        shape = self.options.node_attributes.get(type, {}).get("shape", "")
        opening, closing = _SHAPES.get(shape, _OWN_SHAPES[type])
        return f"{name}{opening}{label}{closing}"

    def _node(self, name: str, key: tuple[ElementType, str], section: str | None, line: str, style: str) -> bool:
        """Declare an element's node, or name it by its closed section's box; whether it has a node of its own."""
        group = self.closing.get(section) if section is not None else None
        if group is not None:
            self.names[key] = f"g{group}"
            return False
        self.names[key] = name
        self._place(name, section, line, style)
        return True

    def _place(self, name: str, section: str | None, line: str, style: str) -> None:
        """Declare a node in its section's subgraph (when sections are shown), with its class."""
        holder = self.holder[section] if section is not None and "sections" in self.options.show else None
        self.members.setdefault(holder, []).append(line)
        self.classes[style].append(name)

    def _edge(self, tail: str, head: str, kind: RelationKind, rules: Collection[str] = ()) -> None:
        """An edge of ``kind``; ``rules``, an inference step's, label it."""
        if tail == head and tail in self.boxes:  # between two elements of one closed section
            return
        arrow, attack = _ARROWS[kind]
        if attack:
            self.attacks.append(len(self.edges))
        if rules:
            arrow = f"{arrow}|{_label([', '.join(rules)])}|"
        self.edges.append(f"{tail} {arrow} {head}")

    def _steps(self, name: str, argument: Argument, junctions: Iterator[int]) -> None:
        """The premise or steps view's edges of an argument's inference steps (see :func:`steps`), and the nodes of
        its steps before the last: round junctions in the premise view, boxes of the argument's in the steps view.
        """
        boxed = self.options.view == "steps"
        key = (ElementType.ARGUMENT, argument.id)
        for step in steps(argument):
            through = name
            if not step.last:
                through = f"j{next(junctions)}"
                if boxed:
                    mode = self.options.label_modes.get(ElementType.ARGUMENT, "default")
                    label = _label(argument_lines(argument, self.options.show, mode, []))
                    self._place(through, argument.section, self._shaped(through, key[0], label), "argument")
                    self.step_boxes[through] = key
                else:
                    self._place(through, argument.section, f"{through}(({_EMPTY}))", "junction")
            for premise in step.premises:
                tail = self.names[ElementType.STATEMENT, premise]
                if boxed:
                    self._edge(tail, through, RelationKind.SUPPORT)
                else:
                    # A plain line, as DOT draws a premise into its step: the arrow leaves the step.
                    self.quiet.append(len(self.edges))
                    self.edges.append(f"{tail} --- {through}")
            rules = step.rules if "rules" in self.options.show else ()
            self._edge(through, self.names[ElementType.STATEMENT, step.conclusion], RelationKind.SUPPORT, rules)

    def _subgraphs(self, lines: list[str]) -> list[str]:
        """Append each section that holds a node as a subgraph; returns the subgraph ids written, in order."""
        if "sections" not in self.options.show:
            return []
        written: list[str] = []
        for n in section_nesting(self.m, self.members, self.options.clusters):
            if n is None:
                lines.append("end")
                continue
            section = self.m.sections[n]
            written.append(f"g{n}")
            lines.append(f"subgraph g{n} [{_label([shown_title(section.title)])}]")
            lines += self.members.get(section.id, ())
        return written
