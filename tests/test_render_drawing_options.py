"""The render options that change how elements look and where they go: colours, label modes, clusters, closed
sections, shared ranks, graph and node attributes, the steps view, and stubs for what a part of a map leaves out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import sample_map

from argmap import ArgumentMap, ElementType, MapBuilder, OptionError, select
from argmap.render import mermaid
from argmap.render.dot import dot_source, drawing
from argmap.render.notes import notes
from argmap.render.options import GRAPH_ATTRIBUTES, LABEL_MODES, SHAPES
from argmap.render.theme import NAMED_COLOURS, colour, text_on
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent
S, A = ElementType.STATEMENT, ElementType.ARGUMENT
DOT = shutil.which("dot")
# Graphviz's pretty-printer: it parses a graph without laying it out, so that only the DOT itself is judged (dot's
# layout has failures of its own on some small graphs, such as "lost edge" between nodes of one rank).
NOP = shutil.which("nop")


def _line(source: str, name: str) -> str:
    """The node statement of the node ``name``."""
    found = re.search(rf"^\t{name} \[.*\]$", source, re.MULTILINE)
    assert found, name
    return found.group(0)


def _name(m: ArgumentMap, type: ElementType, id: str, **options: Any) -> str:
    return next(name for name, key in drawing(m, **options).nodes.items() if key == (type, id))


def _parses(source: str) -> None:
    if DOT is None:
        pytest.skip("Graphviz dot is not installed")
    result = subprocess.run([DOT, "-Tsvg"], input=source.encode(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert not result.stderr, result.stderr.decode()


# Colours --------------------------------------------------------------------------------------------------------


def test_an_elements_colour_fills_its_node_with_readable_text() -> None:
    m = sample_map()
    source = dot_source(m, colours={(S, "c"): "#1b9e77", (A, "A"): "#fe9", (S, "p"): "navy"})
    assert 'fillcolor="#1b9e77"' in _line(source, _name(m, S, "c"))
    argument = _line(source, _name(m, A, "A"))
    assert 'fillcolor="#ffee99"' in argument
    assert 'fontcolor="#1f2328"' in argument
    premise_view = dot_source(m, view="premise", colours={(S, "p"): "navy"})
    assert 'fillcolor=navy fontcolor="#ffffff"' in _line(premise_view, _name(m, S, "p", view="premise"))
    _parses(source)


def test_text_on_picks_the_colour_that_stands_out() -> None:
    assert text_on("#ffffff") == text_on("yellow") == "#1f2328"
    assert text_on("#000000") == text_on("navy") == "#ffffff"
    for name, rgb in NAMED_COLOURS.items():
        assert text_on(name) == text_on(rgb)


@pytest.mark.parametrize("value", ["#12", "#12345", "rgb(1,2,3)", 'red" fontcolor="x', "notacolour", 3, None, ""])
def test_a_colour_that_is_none_is_refused_by_name(value: object) -> None:
    with pytest.raises(OptionError, match="is no colour"):
        colour(value)
    with pytest.raises(OptionError, match="is no colour"):
        dot_source(sample_map(), colours={(S, "c"): value})  # type: ignore[dict-item]


def test_colours_of_elements_not_drawn_are_ignored_and_bad_keys_refused() -> None:
    m = sample_map()
    assert dot_source(m, colours={(S, "elsewhere"): "red"}) == dot_source(m)
    with pytest.raises(OptionError, match=r"\(argmap.ElementType, id\) pairs"):
        dot_source(m, colours={"c": "red"})  # type: ignore[dict-item]


def test_a_labelling_decides_the_fill_over_an_elements_colour() -> None:
    from argmap.evaluate import evaluate

    m = sample_map()
    labelling = evaluate(m)
    assert dot_source(m, labelling=labelling, colours={(S, "c"): "red"}) == dot_source(m, labelling=labelling)


def test_section_colours_fill_clusters() -> None:
    m = sample_map()
    source = dot_source(m, view="premise", section_colours={"reasons": "#333333"})
    assert re.search(r'graph \[[^\]]*fillcolor="#333333" fontcolor="#ffffff"[^\]]*label=Reasons', source)


# Labels ---------------------------------------------------------------------------------------------------------


def test_label_modes() -> None:
    m = sample_map()

    def label(mode: str, type: ElementType, id: str) -> str:
        source = dot_source(m, show=["argument-text"], label_modes={type: mode})  # type: ignore[dict-item]
        found = re.search(r"label=(\"[^\"]*\"|\w+)", _line(source, _name(m, type, id)))
        assert found
        return found.group(1).strip('"')

    assert label("id", S, "c") == "[c]"
    assert label("text", S, "c") == "Moon's current policy may not work."
    assert label("none", S, "c") == ""
    assert label("id", A, "A") == "<A>"
    assert label("text", A, "A") == "Sidelined"
    assert label("none", A, "A") == ""
    assert label("default", A, "A") == "<A>\\nSidelined"
    with pytest.raises(OptionError, match="unknown label mode 'title'"):
        dot_source(m, label_modes={S: "title"})  # type: ignore[dict-item]


# Clusters and closed sections -----------------------------------------------------------------------------------


def test_only_the_chosen_sections_are_clusters_and_hold_their_subsections_elements() -> None:
    m = sample_map()
    source = dot_source(m, view="premise", clusters=["reasons"])
    assert source.count("subgraph cluster_") == 1
    # The inner section's statement sits in the outer cluster.
    body = source.split("subgraph cluster_0 {", 1)[1].split("\t}\n", 1)[0]
    assert f"\t{_name(m, S, 'p', view='premise')} [" in body
    assert f"\t{_name(m, S, 'i', view='premise')} [" in body
    assert "subgraph cluster_" not in dot_source(m, view="premise", clusters=[])
    everything = [section.id for section in m.sections]
    assert dot_source(m, view="premise", clusters=everything) == dot_source(m, view="premise")


def test_a_closed_section_is_one_node_with_the_edges_of_its_elements() -> None:
    m = sample_map()
    drawn = drawing(m, view="premise", closed=["reasons"])
    assert list(drawn.groups.values()) == ["reasons"]
    group = next(iter(drawn.groups))
    assert "label=Reasons" in _line(drawn.source, group)
    # Seoul lost influence (in Reasons) is a premise of <A>'s last step: the edge now leaves the group's node.
    assert (group, _name(m, A, "A"), "step-premise") in drawn.edges
    assert (S, "i") not in drawn.nodes.values()
    assert not any(tail == head for tail, head, _ in drawn.edges)
    told = notes(drawn)
    assert told.nodes[group].title == "Closed section: Reasons"
    assert any("section “Reasons”" in note.title for note in told.edges)
    _parses(drawn.source)


def test_a_closed_section_of_statements_drawn_inside_arguments_draws_no_box() -> None:
    # In the debate view the premises in Reasons are drawn inside <A>'s box: a box for the section would lead nowhere.
    m = sample_map()
    debate = drawing(m, closed=["reasons"])
    assert debate.groups == {}
    assert (S, "i") not in debate.nodes.values()
    assert mermaid.dumps(m, closed=["reasons"]).count("[[") == 0
    # In the premise view they are drawn, so the box is.
    assert list(drawing(m, view="premise", closed=["reasons"]).groups.values()) == ["reasons"]
    assert mermaid.dumps(m, closed=["reasons"], view="premise").count("[[") == 1


# Ranks and attributes -------------------------------------------------------------------------------------------


def test_same_rank_groups_drawn_nodes() -> None:
    m = sample_map()
    source = dot_source(m, same_rank=[[(S, "u"), (S, "c"), (S, "gone")], [(S, "w")]])
    assert f"\t{{rank=same; {_name(m, S, 'u')}; {_name(m, S, 'c')}}}\n" in source
    assert source.count("rank=same") == 1  # a group of one ranks nothing
    assert "newrank=true" in source  # ranks across clusters need it
    _parses(source)


def test_graph_and_node_attributes_are_allow_listed_and_validated() -> None:
    m = sample_map()
    source = dot_source(
        m,
        graph_attributes={"ranksep": 1, "nodesep": "0.5", "concentrate": True, "size": "10,10!", "ratio": "fill"},
        node_attributes={A: {"shape": "circle", "width": 0.2}},
    )
    header = source.splitlines()[1]
    for written in ("ranksep=1", "nodesep=0.5", "concentrate=true", 'size="10,10!"', "ratio=fill"):
        assert written in header
    for written in ("shape=circle", "width=0.2"):
        assert written in _line(source, _name(m, A, "A"))
    assert "shape=circle" not in _line(source, _name(m, S, "c"))
    _parses(source)
    with pytest.raises(OptionError, match="unknown graph_attributes attribute 'imagepath'"):
        dot_source(m, graph_attributes={"imagepath": "/etc"})
    with pytest.raises(OptionError, match="graph_attributes: ranksep cannot be '1; x'"):
        dot_source(m, graph_attributes={"ranksep": "1; x"})
    with pytest.raises(OptionError, match="node_attributes: shape cannot be 'star\\]'"):
        dot_source(m, node_attributes={S: {"shape": "star]"}})
    with pytest.raises(OptionError, match="unknown node_attributes attribute 'label'"):
        dot_source(m, node_attributes={S: {"label": "x"}})


# The steps view -------------------------------------------------------------------------------------------------


def test_the_steps_view_draws_a_box_per_step() -> None:
    m = sample_map()
    drawn = drawing(m, view="steps")
    assert list(drawn.junctions.values()) == ["A"]  # <A> has two steps: one box before the argument's own
    junction = next(iter(drawn.junctions))
    assert 'label="<A>\\nSidelined"' in _line(drawn.source, junction)
    assert "shape=point" not in drawn.source
    # Every statement is a node, the inner ones too.
    assert {id for type, id in drawn.nodes.values() if type is S} == {s.id for s in m.statements}
    _parses(drawn.source)


# Stubs ----------------------------------------------------------------------------------------------------------


def test_stubs_count_what_a_part_leaves_out() -> None:
    m = sample_map()
    part = select(m, ids=["c"], depth=0)
    drawn = drawing(part, whole=m)
    # c's reasons in the whole map: <A>, <sketch>, u (attack), w (entails); none is drawn.
    assert list(drawn.stubs.values()) == ["4 more reasons for or against it, left out of this drawing"]
    stub = next(iter(drawn.stubs))
    assert 'label="+4"' in _line(drawn.source, stub)
    assert f"\t{stub} -> {_name(part, S, 'c')} [" in drawn.source
    assert notes(drawn).nodes[stub].kind == "stub"
    assert drawing(m, whole=m).stubs == {}
    _parses(drawn.source)
    with pytest.raises(OptionError, match=r"whole must be an argmap\.ArgumentMap"):
        dot_source(part, whole="m")  # type: ignore[typeddict-item]


def test_a_stub_above_for_what_an_element_bears_on() -> None:
    b = MapBuilder()
    p, c, d = b.statement("P.", id="p"), b.statement("C.", id="c"), b.statement("D.", id="d")
    b.support(p, c)
    b.attack(p, d)
    m = b.build()
    drawn = drawing(select(m, ids=["p"]), whole=m)
    assert list(drawn.stubs.values()) == ["2 more elements it bears on, left out of this drawing"]


# Every option together ------------------------------------------------------------------------------------------


@st.composite
def _options(draw: st.DrawFn, m: ArgumentMap) -> dict[str, Any]:
    keys = [(S, s.id) for s in m.statements] + [(A, a.id) for a in m.arguments]
    sections = [section.id for section in m.sections]
    colours = st.sampled_from(sorted(NAMED_COLOURS)) | st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)
    graph = {
        "ranksep": st.floats(0, 5).map(lambda x: round(x, 2)),
        "nodesep": st.integers(0, 3),
        "concentrate": st.booleans(),
        "newrank": st.booleans(),
        "ratio": st.sampled_from(["fill", "compress", "auto", "0.5"]),
        "splines": st.sampled_from(["ortho", "spline", "line", "polyline", "none"]),
    }
    assert set(graph) <= set(GRAPH_ATTRIBUTES)
    return {
        "view": draw(st.sampled_from(["debate", "premise", "steps"])),
        "colours": draw(st.dictionaries(st.sampled_from(keys), colours, max_size=4)) if keys else {},
        "section_colours": draw(st.dictionaries(st.sampled_from(sections), colours)) if sections else {},
        "label_modes": draw(st.dictionaries(st.sampled_from([S, A]), st.sampled_from(LABEL_MODES))),
        "clusters": draw(st.none() | st.lists(st.sampled_from(sections), unique=True)) if sections else None,
        "closed": draw(st.lists(st.sampled_from(sections), unique=True)) if sections else [],
        "same_rank": draw(st.lists(st.lists(st.sampled_from(keys), max_size=4), max_size=2)) if keys else [],
        "graph_attributes": draw(st.fixed_dictionaries({}, optional=graph)),
        "node_attributes": {A: {"shape": draw(st.sampled_from(SHAPES))}},
    }


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_valid_options_give_dot_that_parses(data: st.DataObject) -> None:
    if NOP is None:
        pytest.skip("Graphviz nop is not installed")
    m = data.draw(argument_maps(max_statements=8))
    options = data.draw(_options(m))
    whole = m
    if m.statements and data.draw(st.booleans()):
        m = select(m, ids=[m.statements[0].id], depth=1)
        options = data.draw(_options(m))
    source = dot_source(m, whole=whole, **options)
    assert source == dot_source(m, whole=whole, **options)
    result = subprocess.run([NOP], input=source.encode(), capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    assert not result.stderr, result.stderr.decode()


_SEEDS_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from samples import sample_map
from argmap import ElementType, select
from argmap.render.dot import dot_source
S, A = ElementType.STATEMENT, ElementType.ARGUMENT
m = sample_map()
sections = [section.id for section in m.sections]
for view in ("debate", "steps"):
    print(dot_source(
        select(m, ids=["c", "A"], depth=1), view=view, whole=m, colours={{(S, "c"): "red", (A, "A"): "#abc"}},
        closed=sections[1:2], clusters=sections, same_rank=[[(S, "c"), (S, "u"), (A, "A")]],
        graph_attributes={{"ranksep": 1}}, label_modes={{S: "id"}},
    ))
"""


def test_output_is_identical_across_hash_seeds(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    outputs = hash_seed_outputs(_SEEDS_SCRIPT.format(tests=str(ROOT / "tests")))
    assert len(outputs) == 1
    assert "rank=same" in outputs.pop()


# Mermaid --------------------------------------------------------------------------------------------------------


def test_mermaid_takes_colours_label_modes_and_clusters() -> None:
    from argmap.render import mermaid

    m = sample_map()
    chart = mermaid.dumps(m, colours={(S, "c"): "#123", (S, "gone"): "red"}, label_modes={A: "id"})
    assert chart.splitlines()[-1] == "    style s0 fill:#112233,color:#ffffff"
    assert chart.count("style ") == 1
    assert 'a0["#60;A#62;"]' in chart
    assert 'a0["#60;A#62;<br>Sidelined"]' in mermaid.dumps(m)
    assert "subgraph" not in mermaid.dumps(m, clusters=[])
    assert mermaid.dumps(m, clusters=[section.id for section in m.sections]) == mermaid.dumps(m)
    with pytest.raises(OptionError, match="is no colour"):
        mermaid.dumps(m, colours={(S, "c"): "red;click"})
