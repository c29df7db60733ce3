"""The Mermaid writer: argmap's diagram conventions, and user text that can only ever be text."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from samples import sample_map

import argmap
from argmap import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    OptionError,
    Relation,
    RelationKind,
    Section,
    Statement,
    select,
)
from argmap.boxes import cut, shown_text, shown_title, text_room
from argmap.render import mermaid
from argmap.render.options import SHAPES as SHAPE_NAMES
from argmap.render.theme import THEMES, colour, text_on
from argmap.strategies import argument_maps, ids, statement_texts

ROOT = Path(__file__).resolve().parent.parent
S, A = ElementType.STATEMENT, ElementType.ARGUMENT

# Text meant to break out of a label, or to reach the renderer: Mermaid syntax, its directives and comments, its
# entity codes and their internal markers, Markdown and KaTeX labels, HTML, and line breaks of every kind.
HOSTILE = (
    '"',
    '"]',
    '")',
    "-->",
    "\nclick s0 call alert()\n",
    'click s0 href "javascript:alert(1)"',
    '%%{init: {"securityLevel": "loose"}}%%',
    "\n%% a comment\n",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "`**markdown**`",
    "$$x^2$$",
    "#quot;",
    "#35;",
    "\ufb02\u00b0\u00b060\u00b6\u00df",
    "&lt;",
    ";",
    "|",
    "[]{}()",
    "end",
    "subgraph",
    "style s0 fill:#f00;",
    "classDef x fill:#f00;",
    ":::main",
    "\u2028%%",
    "\r\n",
    "\t",
    "\u0085",
    "\u00a0",
    "A@{shape: circle}",
    "linkStyle 0 stroke:red",
    "\\",
    "---\nconfig:\n  securityLevel: loose\n---",
)
hostile_texts = (
    st.lists(st.sampled_from(HOSTILE) | statement_texts(max_size=10), min_size=1, max_size=5)
    .map("".join)
    .filter(str.strip)
)


def kim() -> ArgumentMap:
    return argmap.load(ROOT / "seeds" / "kim-in-russia.json")


# A small parser for exactly the lines the writer may write ---------------------------------------------------------

LABEL = r'"((?:[A-Za-z0-9 .,?!\'/-]|[^\x00-\x7f]|#[0-9]+;|<br>)*)"'
# Each shape a node may have, by the brackets around its label.
SHAPES = {
    ("(", ")"): "round",
    ("[", "]"): "box",
    ("[[", "]]"): "closed",
    ("((", "))"): "circle",
    ("(((", ")))"): "doublecircle",
    ("{", "}"): "diamond",
    ("{{", "}}"): "hexagon",
    ("([", "])"): "stadium",
}
# The shape that node_attributes asks for, as Mermaid draws it, where it can.
AS_DRAWN = {"circle": "circle", "doublecircle": "doublecircle", "diamond": "diamond", "hexagon": "hexagon"}
AS_DRAWN |= {"ellipse": "stadium", "oval": "stadium"}
_OPENINGS = "|".join(sorted((re.escape(opening) for opening, _ in SHAPES), key=len, reverse=True))
_CLOSINGS = "|".join(sorted((re.escape(closing) for _, closing in SHAPES), key=len, reverse=True))
LINES = {
    "node": re.compile(rf"([sagxj][0-9]+)({_OPENINGS}){LABEL}({_CLOSINGS})"),
    "subgraph": re.compile(rf"subgraph (g[0-9]+) \[{LABEL}\]"),
    "end": re.compile(r"end"),
    "edge": re.compile(r"([sagj][0-9]+) (-->|--o|-\.->|<-->|--x) ([sagj][0-9]+)"),
    # The premise view's plain line from a premise into its step, and a step's arrow labelled with its rules.
    "step": re.compile(rf"([sagj][0-9]+) (---|-->\|{LABEL}\|) ([sagj][0-9]+)"),
    # A stub's dotted line, without a head, from its element or to it.
    "stub": re.compile(r"(x[0-9]+) (-\.-) ([sag][0-9]+)|([sag][0-9]+) (-\.-) (x[0-9]+)"),
    "class": re.compile(
        r"class ([sagxj][0-9]+(?:,[sagxj][0-9]+)*) (statement|argument|main|section|closed|stub|junction)"
    ),
    "classDef": re.compile(
        r"classDef (statement|argument|main|section|closed|stub|junction) "
        r"([a-z-]+:[#A-Za-z0-9]+(?:,[a-z-]+:[#A-Za-z0-9]+)*)"
    ),
    "linkStyle": re.compile(r"linkStyle (default|[0-9]+(?:,[0-9]+)*) stroke:([#A-Za-z0-9]+)"),
    "style": re.compile(r"style ([sagj][0-9]+) (fill:[#A-Za-z0-9]+,color:[#A-Za-z0-9]+)"),
}


def decode(label: str) -> str:
    """The text a label shows: entity codes decoded, ``<br>`` a line break."""
    for char in label.replace("<br>", ""):
        assert ord(char) < 0x80 or (char.isprintable() and not char.isspace()), repr(char)
    lines = label.split("<br>")
    return "\n".join(re.sub(r"#([0-9]+);", lambda match: chr(int(match[1])), line) for line in lines)


@attrs.define
class Chart:
    """What a flowchart holds, as Mermaid would read it."""

    direction: str = ""
    nodes: dict[str, tuple[str, str, str | None]] = attrs.field(factory=dict)  # id: shape, text, subgraph
    subgraphs: dict[str, tuple[str, str | None]] = attrs.field(factory=dict)  # id: title, parent
    edges: list[tuple[str, str, str]] = attrs.field(factory=list)
    classes: dict[str, list[str]] = attrs.field(factory=dict)
    class_defs: dict[str, str] = attrs.field(factory=dict)
    link_styles: dict[str, str] = attrs.field(factory=dict)
    styles: dict[str, str] = attrs.field(factory=dict)
    edge_labels: dict[int, str] = attrs.field(factory=dict)  # by the edge's position


def parse(text: str) -> Chart:
    """Read a flowchart, failing on any line that is not one of the kinds the writer writes."""
    assert text.endswith("\n")
    header, *lines = text[:-1].split("\n")
    chart = Chart(direction=re.fullmatch(r"flowchart (BT|TB|LR|RL)", header)[1])  # type: ignore[index]
    open_subgraphs: list[str] = []
    for line in lines:
        assert line.startswith("    "), line
        assert not line[4:].startswith(" "), line
        body = line[4:]
        kinds = [(kind, match) for kind, pattern in LINES.items() if (match := pattern.fullmatch(body))]
        assert len(kinds) == 1, line
        kind, match = kinds[0]
        parent = open_subgraphs[-1] if open_subgraphs else None
        if kind == "node":
            id, label, shape = match[1], match[3], SHAPES[match[2], match[4]]
            assert id not in chart.nodes
            assert (shape == "closed") is (id[0] == "g"), line
            assert shape == "box" or id[0] != "x", line
            chart.nodes[id] = (shape, decode(label), parent)
        elif kind == "subgraph":
            chart.subgraphs[match[1]] = (decode(match[2]), parent)
            open_subgraphs.append(match[1])
        elif kind == "end":
            open_subgraphs.pop()
        elif kind in ("edge", "stub"):
            assert not open_subgraphs
            chart.edges.append((match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6]))
        elif kind == "step":
            assert not open_subgraphs
            if match[3] is not None:
                chart.edge_labels[len(chart.edges)] = decode(match[3])
            chart.edges.append((match[1], match[2][:3], match[4]))
        elif kind == "class":
            # Subgraphs come depth first; in map order, as here, the comparison does not depend on it.
            chart.classes[match[2]] = sorted(match[1].split(","), key=lambda name: int(name[1:]))
        elif kind == "classDef":
            chart.class_defs[match[1]] = match[2]
        elif kind == "style":
            assert match[1] in chart.nodes or match[1] in chart.subgraphs, line
            chart.styles[match[1]] = match[2]
        else:
            chart.link_styles[match[1]] = match[2]
    assert not open_subgraphs
    return chart


# What a map implies, worked out here independently of the writer ---------------------------------------------------

ARROWS = {
    RelationKind.SUPPORT: "-->",
    RelationKind.ENTAILS: "--o",
    RelationKind.ATTACK: "-->",
    RelationKind.UNDERCUT: "-.->",
    RelationKind.CONTRADICTION: "<-->",
    RelationKind.CONTRARY: "--x",
}


def tags(items: Sequence[str]) -> list[str]:
    return [" ".join(f"#({tag})" if len(tag.split()) > 1 else f"#{tag}" for tag in items)] if items else []


def lines_of(*texts: str) -> str:
    """A label's lines as parse() reads them: blank lines go, and a label without any is one space."""
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    return "\n".join(lines) if lines else " "


def boxed(m: ArgumentMap, closed: Collection[str]) -> dict[str, str]:
    """Per section inside a closed one, itself or an ancestor: the box of the outermost closed one."""
    numbers = {section.id: n for n, section in enumerate(m.sections)}
    parents = {section.id: section.parent for section in m.sections}
    found = {}
    for section in m.sections:
        chain: list[str] = []
        id: str | None = section.id
        while id is not None:
            chain.append(id)
            id = parents[id]
        outer = [id for id in chain if id in closed]
        if outer:
            found[section.id] = f"g{numbers[outer[-1]]}"
    return found


def left_out(
    whole: ArgumentMap, names: Mapping[tuple[ElementType, str], str]
) -> list[tuple[tuple[ElementType, str], bool, int]]:
    """The stubs of a part whose elements drawn have ``names``: each element with relations in ``whole`` to elements
    not drawn, or arguments not drawn that conclude it (reasons, into it) or that it is a premise of (out of it).
    """
    counts: dict[tuple[tuple[ElementType, str], bool], int] = {}
    for r in whole.relations:
        source, target = (r.source_type, r.source), (r.target_type, r.target)
        if (source in names) != (target in names):
            end = (target, True) if target in names else (source, False)
            counts[end] = counts.get(end, 0) + 1
    for a in whole.arguments:
        if (A, a.id) not in names:
            ends = [((S, p), False) for p in a.premises] + ([((S, a.conclusion), True)] if a.conclusion else [])
            for end in ends:
                if end[0] in names:
                    counts[end] = counts.get(end, 0) + 1
    # Numbered by the node they hang from, its reasons after what it bears on.
    ordered = sorted(counts.items(), key=lambda item: (names[item[0][0]], item[0][1]))
    return [(key, into, count) for (key, into), count in ordered]


def expected(
    m: ArgumentMap,
    show: frozenset[str] = mermaid.DEFAULT_SHOW,
    *,
    closed: Collection[str] = (),
    colours: Mapping[tuple[ElementType, str], str] | None = None,
    whole: ArgumentMap | None = None,
    shapes: Mapping[ElementType, str] | None = None,
    section_colours: Mapping[str, str] | None = None,
) -> Chart:
    in_relations = {(r.source_type, r.source) for r in m.relations} | {(r.target_type, r.target) for r in m.relations}
    conclusions = {a.conclusion for a in m.arguments}
    # Premises (unused ones too) and intermediate conclusions in no relation are drawn inside their arguments.
    inside = {id for a in m.arguments for id in (*a.statement_ids(), *a.unused_premises)}
    drawn = [
        (n, s)
        for n, s in enumerate(m.statements)
        if (S, s.id) in in_relations or s.id in conclusions or s.id not in inside
    ]
    # An element in a closed section is its section's box, which is drawn if it holds an element drawn (a statement
    # drawn inside its argument's box is not drawn in its section).
    box = boxed(m, closed)
    names = {(S, s.id): box.get(s.section, f"s{n}") for n, s in drawn}  # type: ignore[arg-type]
    names |= {(A, a.id): box.get(a.section, f"a{n}") for n, a in enumerate(m.arguments)}  # type: ignore[arg-type]
    groups = {section.id: f"g{n}" for n, section in enumerate(m.sections)} if "sections" in show else {}
    chart = Chart(direction="BT")
    shape = {S: "round", A: "box"} | {type: AS_DRAWN[name] for type, name in (shapes or {}).items() if name in AS_DRAWN}
    for n, s in drawn:
        texts = [f"[{s.id}]"] if "statement-ids" in show else []
        texts += [shown_text(s), *(tags(s.tags) if "tags" in show else [])]
        if names[S, s.id] == f"s{n}":
            chart.nodes[f"s{n}"] = (shape[S], lines_of(*texts), groups.get(s.section))  # type: ignore[arg-type]
    shown = {s.id for _, s in drawn}
    for n, a in enumerate(m.arguments):
        texts = [f"<{a.id}>", *([shown_text(a)] if "argument-text" in show and a.text else [])]
        # An argument without a description shows the statements drawn inside it, bulleted where several.
        ids = [id for id in dict.fromkeys([*a.statement_ids(), *a.unused_premises]) if id not in shown]
        within = [m.statement(id).text for id in ids]
        if len(within) > 1:
            within = [f"\u2022 {text}" for text in within]
        if "argument-text" in show and not a.text and within:
            texts += cut("\n".join(within), text_room(a)).split("\n")
        texts += tags(a.tags) if "tags" in show else []
        if names[A, a.id] == f"a{n}":
            chart.nodes[f"a{n}"] = (shape[A], lines_of(*texts), groups.get(a.section))  # type: ignore[arg-type]
    held = {box[e.section] for e in (*(s for _, s in drawn), *m.arguments) if e.section in box}  # type: ignore[index]
    boxes = []
    for n, section in enumerate(m.sections):
        if f"g{n}" in held:
            boxes.append(f"g{n}")
            chart.nodes[f"g{n}"] = ("closed", lines_of(shown_title(section.title)), groups.get(section.parent))  # type: ignore[arg-type]
    stubs = left_out(whole, names) if whole is not None else []
    for n, ((type, id), _, count) in enumerate(stubs):
        section = m.element(type, id).section
        if section in box:
            section = m.sections[int(box[section][1:])].parent  # type: ignore[index]
        chart.nodes[f"x{n}"] = ("box", f"+{count}", groups.get(section))  # type: ignore[arg-type]
    holding = {group for _, _, group in chart.nodes.values() if group is not None}
    for section in reversed(m.sections):
        if groups and groups[section.id] in holding and section.parent is not None:
            holding.add(groups[section.parent])
    for n, section in enumerate(m.sections):
        if f"g{n}" in holding:
            chart.subgraphs[f"g{n}"] = (lines_of(shown_title(section.title)), groups.get(section.parent))  # type: ignore[arg-type]
    # Each edge and whether it is an attack: an edge inside one closed section is not drawn.
    edges: list[tuple[tuple[str, str, str], bool]] = []
    for a in m.arguments:
        if a.conclusion is not None:
            edges += [((names[S, p], "-->", names[A, a.id]), False) for p in a.premises if (S, p) in names]
            edges.append(((names[A, a.id], "-->", names[S, a.conclusion]), False))
    for r in m.relations:
        edges.append(
            ((names[r.source_type, r.source], ARROWS[r.kind], names[r.target_type, r.target]), r.kind.is_attack)
        )
    attacks = []
    for edge, attack in edges:
        if edge[0] == edge[2] and edge[0] in boxes:
            continue
        if attack:
            attacks.append(str(len(chart.edges)))
        chart.edges.append(edge)
    quiet = []
    for n, (key, into, _) in enumerate(stubs):
        quiet.append(str(len(chart.edges)))
        chart.edges.append((f"x{n}", "-.-", names[key]) if into else (names[key], "-.-", f"x{n}"))
    mains = [names[S, id] for id in m.main_conclusions if (S, id) in names and names[S, id][0] == "s"]
    classes = {
        "statement": [f"s{n}" for n, _ in drawn if f"s{n}" in chart.nodes],
        "argument": [f"a{n}" for n in range(len(m.arguments)) if f"a{n}" in chart.nodes],
    }
    classes |= {"main": mains, "section": list(chart.subgraphs), "closed": boxes}
    classes["stub"] = [f"x{n}" for n in range(len(stubs))]
    chart.classes = {style: members for style, members in classes.items() if members}
    theme = THEMES["light"]
    chart.class_defs = {
        "statement": f"fill:{theme.statement_fill},stroke:{theme.statement_border},color:{theme.text}",
        "argument": f"fill:{theme.argument_fill},stroke:{theme.argument_border},color:{theme.text}",
        "main": f"stroke:{theme.text},stroke-width:3px",
        "section": f"fill:{theme.cluster_fill},stroke:{theme.cluster_border},color:{theme.text}",
    }
    if boxes:
        chart.class_defs["closed"] = (
            f"fill:{theme.cluster_fill},stroke:{theme.cluster_border},color:{theme.text},stroke-width:2px"
        )
    if stubs:
        chart.class_defs["stub"] = f"fill:none,stroke:none,color:{theme.neutral},font-size:10px"
    if chart.edges:
        chart.link_styles["default"] = theme.support
    if attacks:
        chart.link_styles[",".join(attacks)] = theme.attack
    if quiet:
        chart.link_styles[",".join(quiet)] = theme.neutral
    for key, fill in (colours or {}).items():
        if key in names and names[key] in chart.nodes and names[key][0] != "g":
            chart.styles[names[key]] = f"fill:{colour(fill)},color:{text_on(colour(fill))}"
    for n, section in enumerate(m.sections):
        fill = (section_colours or {}).get(section.id)
        if fill is not None and (f"g{n}" in chart.subgraphs or f"g{n}" in boxes):
            chart.styles[f"g{n}"] = f"fill:{colour(fill)},color:{text_on(colour(fill))}"
    return chart


def assert_safe(text: str) -> None:
    """No user text outside quoted labels; nothing that could link, script or configure, anywhere; no empty label,
    which Mermaid cannot parse.
    """
    assert not re.search(r'[\[(|]""[\])|]', text)
    outside = re.sub(LABEL, '""', text).replace("<-->", "")
    # The premise view's plain line between two generated ids; "---" anywhere else could open front matter.
    outside = re.sub(r"(?m)^    [sagj][0-9]+ --- [sagj][0-9]+$", "", outside)
    assert '"' not in outside.replace('""', "")
    for word in ("click", "href", "call", "javascript", "%%", "---", "`", "$$", "<"):
        assert word not in outside
    for word in ("javascript:", "<script", "%%", "`", "\r", "\t", "\u2028", "\u0085", "\ufb02", "\u00b6"):
        assert word not in text


def steps_expected(m: ArgumentMap, view: str, show: Collection[str]) -> tuple[list[tuple[str, str, str]], dict]:
    """The edges of the premise or steps view, worked out here, and the labels of those that carry rules."""
    statement = {s.id: f"s{n}" for n, s in enumerate(m.statements)}
    edges: list[tuple[str, str, str]] = []
    labels: dict[int, str] = {}
    junction = 0
    for n, argument in enumerate(m.arguments):
        for k, step in enumerate(argument.steps):
            through = f"a{n}"
            if k < len(argument.steps) - 1:
                through, junction = f"j{junction}", junction + 1
            for premise in dict.fromkeys(step.premises):
                edges.append((statement[premise], "---" if view == "premise" else "-->", through))
            if step.rules and "rules" in show:
                labels[len(edges)] = lines_of(", ".join(step.rules))  # its lines, as labels show them
            edges.append((through, "-->", statement[step.conclusion]))
    for relation in m.relations:
        source = (statement if relation.source_type is ElementType.STATEMENT else argument_names(m))[relation.source]
        target = (statement if relation.target_type is ElementType.STATEMENT else argument_names(m))[relation.target]
        edges.append((source, ARROWS[relation.kind], target))
    return edges, labels


def argument_names(m: ArgumentMap) -> dict[str, str]:
    return {a.id: f"a{n}" for n, a in enumerate(m.arguments)}


# Properties --------------------------------------------------------------------------------------------------------


@given(argument_maps())
def test_the_chart_is_exactly_what_the_map_implies(m: ArgumentMap) -> None:
    text = mermaid.dumps(m)
    assert parse(text) == expected(m)
    assert_safe(text)


@given(argument_maps(text=hostile_texts))
def test_hostile_text_stays_inside_its_label(m: ArgumentMap) -> None:
    show = frozenset(mermaid.SHOW)
    text = mermaid.dumps(m, show=show)
    assert parse(text) == expected(m, show)
    assert_safe(text)


@given(argument_maps(text=hostile_texts), st.sampled_from(["premise", "steps"]), st.booleans())
def test_the_premise_and_steps_views_draw_every_step(m: ArgumentMap, view: str, rules: bool) -> None:
    show = frozenset(mermaid.SHOW) if rules else mermaid.DEFAULT_SHOW - {"rules"}
    text = mermaid.dumps(m, view=view, show=show)  # type: ignore[arg-type]
    assert_safe(text)
    chart = parse(text)
    edges, labels = steps_expected(m, view, show)
    assert chart.edges == edges
    assert chart.edge_labels == labels
    # Every statement is drawn, and every step before an argument's last, as a junction or a box of the argument's.
    junctions = sum(max(len(a.steps) - 1, 0) for a in m.arguments)
    assert len(chart.nodes) == len(m.statements) + len(m.arguments) + junctions
    for n in range(junctions):
        shape, shown, _ = chart.nodes[f"j{n}"]
        assert (shape, shown) == ("circle", " ") if view == "premise" else shape == "box"
    # The plain lines are drawn in the neutral colour.
    neutral = THEMES["light"].neutral
    quiet = {int(n) for key, colour in chart.link_styles.items() if colour == neutral for n in key.split(",")}
    assert {n for n, (_, arrow, _) in enumerate(chart.edges) if arrow == "---"} <= quiet


def test_blank_lines_go_and_a_box_without_text_still_has_a_label() -> None:
    paragraphs = "First point.\n\nSecond point.\n \n"
    m = ArgumentMap(
        statements=[Statement(id="P", text=paragraphs), Statement(id="C", text=paragraphs)],
        arguments=[Argument(id="A", steps=[Inference(premises=["P"], conclusion="C")])],
    )
    text = mermaid.dumps(m)
    # As in DOT, a statement's own box and an argument's box that holds a premise lose blank lines alike.
    assert '"First point.<br>Second point."' in text
    assert '"#60;A#62;<br>First point.<br>Second point."' in text
    assert "<br><br>" not in text
    # A box told to show nothing has a label of one space: Mermaid cannot parse an empty one ("").
    bare = mermaid.dumps(m, label_modes={ElementType.STATEMENT: "none", ElementType.ARGUMENT: "none"})
    assert '""' not in bare
    assert parse(bare).nodes["s1"][1] == " "


def test_the_premise_view_joins_premises_at_each_step() -> None:
    m = argmap.loads(
        "<Health>\n\n(1) Tea has antioxidants.\n(2) Antioxidants are healthy.\n--\nmodus ponens\n--\n"
        "(3) Tea is healthy.\n(4) Healthy drinks should be drunk.\n----\n(5) We should drink tea.\n",
        format="argdown",
    )
    chart = parse(mermaid.dumps(m, view="premise"))
    assert chart.nodes["j0"] == ("circle", " ", None)
    assert chart.classes["junction"] == ["j0"]
    assert chart.edges[:3] == [("s0", "---", "j0"), ("s1", "---", "j0"), ("j0", "-->", "s2")]
    assert chart.edge_labels == {2: "modus ponens"}
    assert chart.link_styles["0,1,3,4"] == THEMES["light"].neutral  # the plain lines are quiet
    # In the steps view the first step is a box of the argument's, which its premises point at, coloured as it is.
    steps = parse(mermaid.dumps(m, view="steps", colours={(ElementType.ARGUMENT, "Health"): "#ffcc00"}))
    assert steps.nodes["j0"] == ("box", "<Health>", None)
    assert steps.edges[:2] == [("s0", "-->", "j0"), ("s1", "-->", "j0")]
    assert steps.styles["j0"] == steps.styles["a0"] == "fill:#ffcc00,color:#1f2328"
    # Without "rules" shown, the step's arrow has no label; the debate view has neither junctions nor plain lines.
    assert parse(mermaid.dumps(m, view="premise", show=["sections"])).edge_labels == {}
    debate = parse(mermaid.dumps(m))
    assert "j0" not in debate.nodes
    assert all(arrow != "---" for _, arrow, _ in debate.edges)


@given(
    st.lists(st.sampled_from(HOSTILE) | ids(), min_size=1, max_size=3)
    .map("".join)
    .map(str.strip)
    .filter(lambda id: id not in ("", "c"))
)
def test_hostile_ids_stay_inside_their_labels(id: str) -> None:
    m = ArgumentMap(
        statements=[Statement(id=id, text="P.", tags=[id]), Statement(id="c", text="C.")],
        arguments=[Argument(id=id, steps=[Inference(premises=[id], conclusion="c")], tags=[id])],
        relations=[Relation(source=id, target=id, kind="undercut", source_type="statement")],
        sections=[Section(id=id, title=id)],
    )
    show = frozenset(mermaid.SHOW)
    text = mermaid.dumps(m, show=show)
    assert parse(text) == expected(m, show)
    assert_safe(text)


@given(argument_maps(text=hostile_texts), st.data())
def test_closed_sections_boxes_colours_and_shapes_are_what_the_map_implies(m: ArgumentMap, data: st.DataObject) -> None:
    sections = [section.id for section in m.sections]
    closed = data.draw(st.lists(st.sampled_from(sections), unique=True)) if sections else []
    keys = [(S, s.id) for s in m.statements] + [(A, a.id) for a in m.arguments]
    fills = st.sampled_from(["red", "#123456", "#fe9"])
    colours = data.draw(st.dictionaries(st.sampled_from(keys), fills, max_size=3)) if keys else {}
    show = data.draw(st.sampled_from([mermaid.DEFAULT_SHOW, frozenset(mermaid.SHOW), frozenset()]))
    shapes = data.draw(st.dictionaries(st.sampled_from([S, A]), st.sampled_from(SHAPE_NAMES)))
    sizes = {"width": data.draw(st.integers(0, 3))}
    node_attributes = {type: {"shape": shape, **sizes} for type, shape in shapes.items()}
    section_colours = data.draw(st.dictionaries(st.sampled_from(sections), fills)) if sections else {}
    options = {"closed": closed, "colours": colours, "section_colours": section_colours}
    text = mermaid.dumps(m, show=show, node_attributes=node_attributes, **options)  # type: ignore[arg-type]
    assert parse(text) == expected(m, show, shapes=shapes, **options)  # type: ignore[arg-type]
    assert_safe(text)


@given(argument_maps(max_statements=8, text=hostile_texts), st.data())
def test_stubs_count_what_a_part_leaves_out(whole: ArgumentMap, data: st.DataObject) -> None:
    keys = [(S, s.id) for s in whole.statements] + [(A, a.id) for a in whole.arguments]
    chosen = data.draw(st.lists(st.sampled_from(keys), max_size=3, unique=True)) if keys else []
    m = select(whole, ids=chosen, depth=data.draw(st.integers(0, 2)))
    sections = [section.id for section in m.sections]
    closed = data.draw(st.lists(st.sampled_from(sections), unique=True)) if sections else []
    text = mermaid.dumps(m, whole=whole, closed=closed)
    assert parse(text) == expected(m, closed=closed, whole=whole)
    assert_safe(text)


# Conventions, on small maps --------------------------------------------------------------------------------------


def test_a_small_map() -> None:
    m = ArgumentMap(
        statements=[
            Statement(id="c", text="We should act."),
            Statement(id="p", text="It is urgent."),
            Statement(id="x", text='It is not "urgent".', tags=["doubt"]),
        ],
        arguments=[Argument(id="A", text="Urgency", steps=[Inference(premises=["p"], conclusion="c")])],
        relations=[Relation(source="x", target="A", kind="undercut", source_type="statement")],
    )
    assert mermaid.dumps(m) == (
        "flowchart BT\n"
        "    classDef statement fill:#ffffff,stroke:#57606a,color:#1f2328\n"
        "    classDef argument fill:#dbeafe,stroke:#1d4ed8,color:#1f2328\n"
        "    classDef main stroke:#1f2328,stroke-width:3px\n"
        "    classDef section fill:#f6f8fa,stroke:#afb8c1,color:#1f2328\n"
        '    s0("We should act.")\n'
        '    s2("It is not #34;urgent#34;.<br>#35;doubt")\n'
        '    a0["#60;A#62;<br>Urgency"]\n'
        "    a0 --> s0\n"
        "    s2 -.-> a0\n"
        "    class s0,s2 statement\n"
        "    class a0 argument\n"
        "    class s0 main\n"
        "    linkStyle default stroke:#1a7f37\n"
        "    linkStyle 1 stroke:#cf222e\n"
    )


def test_every_relation_kind_has_its_arrow() -> None:
    statements = [Statement(id=id, text=id.upper() + ".") for id in "pq"]
    for kind, arrow in ARROWS.items():
        target = A if kind is RelationKind.UNDERCUT else S
        m = ArgumentMap(
            statements=statements,
            arguments=[Argument(id="q")],
            relations=[Relation(source="p", target="q", kind=kind, target_type=target)],
        )
        chart = parse(mermaid.dumps(m))
        assert chart.edges == [("s0", arrow, "a0" if target is A else "s1")]
        assert ("0" in chart.link_styles) is kind.is_attack


def test_sections_are_nested_subgraphs_with_only_what_they_hold() -> None:
    m = ArgumentMap(
        statements=[Statement(id="p", text="P.", section="inner"), Statement(id="q", text="Q.")],
        sections=[
            Section(id="outer", title="Outer"),
            Section(id="empty", title="Empty", parent="outer"),
            Section(id="inner", title="Inner", parent="outer"),
        ],
    )
    chart = parse(mermaid.dumps(m))
    assert chart.subgraphs == {"g0": ("Outer", None), "g2": ("Inner", "g0")}
    assert chart.nodes == {"s0": ("round", "P.", "g2"), "s1": ("round", "Q.", None)}
    assert chart.classes["section"] == ["g0", "g2"]
    assert parse(mermaid.dumps(m, show=[])).subgraphs == {}


def test_a_closed_section_is_one_box_with_its_elements_edges() -> None:
    b = argmap.MapBuilder()
    costs = b.section("Costs")
    money = b.section("Money", parent=costs)
    c = b.statement("We should act.", id="c")
    x = b.statement("It is too expensive.", id="x", section=costs)
    y = b.statement("There is no budget.", id="y", section=money)
    b.attack(x, c)
    b.support(y, x)
    b.attack(c, y)
    m = b.build()
    text = mermaid.dumps(m, closed=["costs"], colours={(S, "x"): "red", (S, "c"): "#fe9"})
    lines = text.splitlines()
    assert '    g0[["Costs"]]' in lines
    assert "    classDef closed fill:#f6f8fa,stroke:#afb8c1,color:#1f2328,stroke-width:2px" in lines
    # x's attack and c's attack on y lead to the box; y's support of x, inside it, is not drawn.
    assert parse(text).edges == [("g0", "-->", "s0"), ("s0", "-->", "g0")]
    assert "    linkStyle 0,1 stroke:#cf222e" in lines
    assert "    class s0 statement" in lines
    assert "    class g0 closed" in lines
    # The box takes no element's colour; c keeps its own.
    assert [line for line in lines if line.startswith("    style ")] == ["    style s0 fill:#ffee99,color:#1f2328"]
    assert set(parse(text).nodes) == {"s0", "g0"}
    assert "subgraph" not in text
    # Closing the inner section alone leaves the outer one a subgraph, holding the inner one's box.
    inner = parse(mermaid.dumps(m, closed=["money"]))
    assert inner.nodes["g1"] == ("closed", "Money", "g0")
    assert inner.subgraphs == {"g0": ("Costs", None)}
    assert ("g1", "-->", "s1") in inner.edges
    # Unknown sections are ignored; a closed section that holds nothing draws no box.
    assert mermaid.dumps(m, closed=["gone"]) == mermaid.dumps(m)
    with pytest.raises(OptionError, match="closed must be a collection of section ids"):
        mermaid.dumps(m, closed="costs")


def test_stubs_are_quiet_nodes_that_count_what_is_left_out() -> None:
    m = sample_map()
    text = mermaid.dumps(select(m, ids=["c"], depth=0), whole=m)
    lines = text.splitlines()
    # c's reasons in the whole map: <A>, <sketch>, u (attack), w (entails); none is drawn.
    assert '    x0["#43;4"]' in lines
    assert "    x0 -.- s0" in lines
    assert "    classDef stub fill:none,stroke:none,color:#6e7781,font-size:10px" in lines
    assert "    class x0 stub" in lines
    assert "    linkStyle 0 stroke:#6e7781" in lines
    # Above an element, for what it bears on: u attacks c and contradicts v.
    above = parse(mermaid.dumps(select(m, ids=["u"], depth=0), whole=m))
    assert above.edges == [("s0", "-.-", "x0")]
    assert above.nodes["x0"] == ("box", "+2", None)
    # The whole map, or none, leaves nothing out.
    assert mermaid.dumps(m, whole=m) == mermaid.dumps(m)
    with pytest.raises(OptionError, match=r"whole must be an argmap\.ArgumentMap"):
        mermaid.dumps(m, whole="m")  # type: ignore[arg-type]


def test_section_colours_fill_subgraphs_and_boxes() -> None:
    b = argmap.MapBuilder()
    reasons, other = b.section("Reasons"), b.section("Other")
    b.attack(b.statement("P.", id="p", section=reasons), b.statement("C.", id="c", section=other))
    m = b.build()
    chart = parse(mermaid.dumps(m, section_colours={"reasons": "#1b9e77", "gone": "red"}))
    assert chart.subgraphs == {"g0": ("Reasons", None), "g1": ("Other", None)}
    assert chart.styles == {"g0": "fill:#1b9e77,color:#1f2328"}
    boxed = parse(mermaid.dumps(m, closed=["reasons"], section_colours={"reasons": "navy", "other": "#fe9"}))
    assert boxed.nodes["g0"] == ("closed", "Reasons", None)
    assert boxed.styles == {"g0": "fill:navy,color:#ffffff", "g1": "fill:#ffee99,color:#1f2328"}
    with pytest.raises(OptionError, match="is no colour"):
        mermaid.dumps(m, section_colours={"reasons": "red;click"})


def test_node_shapes_that_mermaid_has() -> None:
    m = sample_map()
    text = mermaid.dumps(m, node_attributes={S: {"shape": "diamond", "width": 2}, A: {"shape": "ellipse"}})
    assert '    s0{"Moon\'s current policy may not work."}' in text.splitlines()
    assert '    a0(["#60;A#62;<br>Sidelined"])' in text.splitlines()
    chart = parse(text)
    assert {shape for shape, _, _ in chart.nodes.values()} == {"diamond", "stadium"}
    circles = parse(mermaid.dumps(m, node_attributes={S: {"shape": "circle"}, A: {"shape": "hexagon"}}))
    assert {chart.nodes[name][0] for name in chart.nodes if name[0] == "s"} == {"diamond"}
    assert {circles.nodes[name][0] for name in circles.nodes} == {"circle", "hexagon"}
    assert parse(mermaid.dumps(m, node_attributes={A: {"shape": "doublecircle"}})).nodes["a0"][0] == "doublecircle"
    # Shapes Mermaid lacks, and DOT's boxes (rounded for statements there too), keep the element's own.
    for shape in ("box", "rect", "square", "octagon", "plaintext", "point"):
        assert mermaid.dumps(m, node_attributes={S: {"shape": shape}, A: {"shape": shape}}) == mermaid.dumps(m)
    with pytest.raises(OptionError, match="node_attributes: shape cannot be 'star\\]'"):
        mermaid.dumps(m, node_attributes={S: {"shape": "star]"}})
    with pytest.raises(OptionError, match="unknown node_attributes attribute 'label'"):
        mermaid.dumps(m, node_attributes={S: {"label": "x"}})


def test_the_seed_map() -> None:
    m = kim()
    chart = parse(mermaid.dumps(m))
    assert chart == expected(m)
    assert chart.classes["main"] == ["s0"]
    assert "Moon’s current North Korea policy may not work" in chart.nodes["s0"][1]


def test_options() -> None:
    m = kim()
    assert mermaid.dumps(m, direction="LR").startswith("flowchart LR\n")
    dark = parse(mermaid.dumps(m, theme="dark"))
    assert dark.link_styles["default"] == THEMES["dark"].support
    assert dark.class_defs["argument"].startswith(f"fill:{THEMES['dark'].argument_fill},")
    custom = attrs.evolve(THEMES["light"], attack="#123456")
    assert "stroke:#123456" in mermaid.dumps(m, theme=custom)
    shown = parse(mermaid.dumps(m, show=["statement-ids"]))
    assert shown.nodes["s0"][1].startswith("[moon-policy-may-not-work]\n")
    assert shown.nodes["a0"][1] == "<russia-strengthens-north>"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"direction": "UP"}, "unknown direction 'UP': use one of BT, TB, LR, RL"),
        ({"theme": "sepia"}, "unknown theme 'sepia': use one of light, dark"),
        ({"show": ["title"]}, "unknown show 'title': use any of sections, tags, argument-text, statement-ids, rules"),
        ({"show": "title"}, "unknown show 'title'"),
        ({"view": "exploded"}, "unknown view 'exploded': use one of debate, premise, steps"),
    ],
)
def test_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=re.escape(message)):
        mermaid.dumps(kim(), **options)  # type: ignore[arg-type]


def test_the_empty_map() -> None:
    assert parse(mermaid.dumps(ArgumentMap())) == expected(ArgumentMap())


def test_deep_sections_and_long_chains_need_no_recursion() -> None:
    depth = 5000
    sections = [Section(id="0", title="Top")]
    sections += [Section(id=str(n), title=f"Level {n}", parent=str(n - 1)) for n in range(1, depth)]
    statements = [Statement(id=str(n), text=f"S{n}.", section=str(n)) for n in range(depth)]
    relations = [Relation(source=str(n + 1), target=str(n), kind="support") for n in range(depth - 1)]
    chart = parse(mermaid.dumps(ArgumentMap(statements=statements, relations=relations, sections=sections)))
    assert len(chart.subgraphs) == depth
    assert chart.subgraphs[f"g{depth - 1}"] == (f"Level {depth - 1}", f"g{depth - 2}")
    assert chart.nodes[f"s{depth - 1}"] == ("round", f"S{depth - 1}.", f"g{depth - 1}")
    assert len(chart.edges) == depth - 1


def test_the_output_is_the_same_on_every_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    code = (
        "import argmap; from argmap.render import mermaid as w; print(w.dumps(argmap.load('seeds/kim-in-russia.json')))"
    )
    outputs = hash_seed_outputs(code)
    assert outputs == {mermaid.dumps(kim()) + "\n"}


_OPTIONS_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from samples import sample_map
from argmap import ElementType, select
from argmap.render import mermaid
S, A = ElementType.STATEMENT, ElementType.ARGUMENT
m = sample_map()
print(mermaid.dumps(
    select(m, ids=["c", "A", "u"], depth=1), whole=m, closed=["inner-reasons", "reasons"],
    colours={{(S, "c"): "red", (A, "A"): "#abc"}}, node_attributes={{S: {{"shape": "hexagon"}}}}, view="premise",
))
"""


def test_the_output_with_every_option_is_the_same_on_every_hash_seed(
    hash_seed_outputs: Callable[[str], set[str]],
) -> None:
    outputs = hash_seed_outputs(_OPTIONS_SCRIPT.format(tests=str(ROOT / "tests")))
    assert len(outputs) == 1
    output = outputs.pop()
    for part in ("[[", "-.-", "{{", "style "):
        assert part in output


def test_through_the_format_registry(tmp_path: Path) -> None:
    m = kim()
    assert argmap.dumps(m, format="mermaid") == mermaid.dumps(m)
    assert argmap.dump(m, tmp_path / "kim.mmd").read_text(encoding="utf-8") == mermaid.dumps(m)
    with pytest.raises(argmap.UnknownFormat, match="can write mermaid but not read it"):
        argmap.load(tmp_path / "kim.mmd")


def test_the_docs_examples_are_what_the_writer_writes() -> None:
    docs = (ROOT / "docs" / "mermaid.md").read_text(encoding="utf-8")
    namespace: dict[str, object] = {}
    examples = docs.split("```python\n")[1:]
    assert len(examples) >= 2
    for example in examples:
        code, after = example.split("```", 1)
        exec(code, namespace)
        shown = after.split("```text\n", 1)[1].split("```", 1)[0]
        assert shown == namespace["text"]
    first = examples[0].split("```", 1)[0]
    exec(first, namespace)
    assert namespace["text"] == mermaid.dumps(namespace["m"])  # type: ignore[arg-type]
