"""Diagrams coloured by a labelling: status colours and border styles per theme, the legend, safety, determinism."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import drawn_lines, layout, nodes, sample_map, status_map

from argmap import ArgumentMap, ElementType, MapBuilder, OptionError
from argmap.af import Label
from argmap.evaluate import Labelling, evaluate
from argmap.render import THEMES, VIEWS, Theme, pipe, render, to_dot
from argmap.render.theme import STATUSES
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent
LEGEND = ["grounded semantics", "in: accepted", "out: rejected", "undec: undecided"]
BORDER_STYLE = {"in": set(), "out": {"dashed"}, "undec": {"dotted"}}


def colours(theme: Theme, status: str) -> tuple[str, str]:
    """The fill and border that ``theme`` gives ``status``, read from its fields by name."""
    fill: str = getattr(theme, f"{status}_fill")
    border: str = getattr(theme, f"{status}_border")
    return fill, border


def expected_statuses(m: ArgumentMap, labelling: Labelling) -> dict[str, str]:
    """Node name -> status for every statement and argument, names being positions in the map (s0, a0, ...)."""
    statuses = {f"s{n}": labelling.label(ElementType.STATEMENT, s.id).value for n, s in enumerate(m.statements)}
    statuses |= {f"a{n}": labelling.label(ElementType.ARGUMENT, a.id).value for n, a in enumerate(m.arguments)}
    return statuses


def test_the_status_map_has_every_status() -> None:
    labelling = evaluate(status_map())
    assert {id: label.value for id, label in labelling.statements.items()} == {
        "c": "out",
        "p": "in",
        "u": "in",
        "v": "undec",
        "w": "undec",
    }
    assert labelling.arguments == {"A": Label.OUT}


def test_without_a_labelling_nothing_changes() -> None:
    m = sample_map()
    source = to_dot(m).source
    assert to_dot(m, labelling=None).source == source
    assert "legend" not in source
    for status in STATUSES:
        for theme in THEMES.values():
            assert colours(theme, status)[0] not in source


@pytest.mark.dot
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_element_drawn_is_coloured_by_its_status(view: str, name: str) -> None:
    m = status_map()
    labelling = evaluate(m)
    theme = THEMES[name]
    drawn = nodes(layout(to_dot(m, view=view, theme=name, labelling=labelling)))  # type: ignore[arg-type]
    statuses = {node: status for node, status in expected_statuses(m, labelling).items() if node in drawn}
    # The debate view leaves out p, used only inside A; the premise view draws every statement.
    assert sorted(statuses) == (
        ["a0", "s0", "s2", "s3", "s4"] if view == "debate" else ["a0", "s0", "s1", "s2", "s3", "s4"]
    )
    assert set(statuses.values()) == set(STATUSES)
    for node, status in statuses.items():
        attributes = drawn[node]
        assert (attributes["fillcolor"], attributes["color"]) == colours(theme, status), node
        styles = set(attributes["style"].split(","))
        assert styles - {"rounded", "filled"} == BORDER_STYLE[status], node
        assert ("rounded" in styles) == node.startswith("s"), node
    # The main conclusion stays the boldest border, now in its status colour.
    assert (drawn["s0"]["penwidth"], drawn["s2"]["penwidth"]) == ("3", "2")


def test_status_colours_differ_within_and_between_themes() -> None:
    for theme in THEMES.values():
        assert len({colours(theme, status) for status in STATUSES}) == len(STATUSES)
        assert len({colours(theme, status)[0] for status in STATUSES} | {theme.statement_fill}) == 4
    assert {colours(THEMES["light"], s) for s in STATUSES}.isdisjoint({colours(THEMES["dark"], s) for s in STATUSES})


@pytest.mark.dot
@pytest.mark.parametrize("name", sorted(THEMES))
def test_the_legend_names_the_semantics_and_each_status(name: str) -> None:
    theme = THEMES[name]
    graph = to_dot(status_map(), theme=name, labelling=evaluate(status_map()))
    legend = nodes(layout(graph))["legend"]
    assert drawn_lines(legend) == LEGEND
    assert (legend["fillcolor"], legend["color"]) == (theme.cluster_fill, theme.cluster_border)
    # Each status's swatch, in the order of the legend: its fill and border colours and its border style.
    swatches = [part.split("</td>")[0] for part in graph.source.split('<td width="20" ')[1:]]
    assert len(swatches) == len(STATUSES)
    for status, swatch in zip(STATUSES, swatches, strict=True):
        fill, border = colours(theme, status)
        style = "".join(f' style="{style}"' for style in BORDER_STYLE[status])
        assert swatch == f'bgcolor="{fill}" color="{border}" border="1"{style}>'
    assert graph.source.count("legend") == 1


def test_the_legend_follows_the_semantics() -> None:
    m = status_map()
    labelling = evaluate(m, "preferred")
    source = to_dot(m, labelling=labelling).source
    assert "preferred semantics" in source
    assert "grounded" not in source


def test_a_custom_theme_colours_the_statuses() -> None:
    custom = attrs.evolve(THEMES["light"], in_fill="#010101", out_border="#020202", undec_fill="#030303")
    source = to_dot(status_map(), theme=custom, labelling=evaluate(status_map())).source
    for colour in ("#010101", "#020202", "#030303"):
        assert source.count(colour) >= 2  # an element and the legend's swatch
    assert THEMES["light"].in_fill not in source


@pytest.mark.parametrize("field", ["in_fill", "out_border", "undec_fill"])
def test_theme_refuses_a_status_colour_that_is_not_a_colour(field: str) -> None:
    with pytest.raises(OptionError, match=rf"Theme\.{field} must be a colour"):
        attrs.evolve(THEMES["dark"], **{field: 'red"];evil[label="x'})


def test_a_labelling_of_another_map_is_refused() -> None:
    other = MapBuilder()
    other.statement("Something else entirely.", id="elsewhere")
    with pytest.raises(OptionError, match="the labelling is of another map"):
        to_dot(status_map(), labelling=evaluate(other.build()))
    # An equal map, read again or built again, is the same map.
    assert (
        to_dot(status_map(), labelling=evaluate(status_map())).source
        == to_dot(status_map(), labelling=evaluate(status_map())).source
    )


def test_only_a_labelling_is_accepted() -> None:
    statuses = {"c": Label.IN}
    with pytest.raises(OptionError, match=r"labelling must be an argmap\.evaluate\.Labelling, not dict"):
        to_dot(status_map(), labelling=statuses)  # type: ignore[arg-type]


def test_pipe_and_render_pass_the_labelling_on(tmp_path: Path) -> None:
    m = status_map()
    labelling = evaluate(m)
    expected = to_dot(m, labelling=labelling, theme="dark").source
    assert pipe(m, "dot", labelling=labelling, theme="dark") == expected.encode()
    path = render(m, tmp_path / "status.gv", labelling=labelling, theme="dark")
    assert path.read_text(encoding="utf-8") == expected


@pytest.mark.dot
def test_svg_with_a_legend_keeps_to_text_and_prefixed_ids() -> None:
    b = MapBuilder(title="<script>alert(1)</script>")
    b.attack(b.statement('<b>"bold"</b> & \\N', id="x"), b.statement("]]> <!--", id="y"))
    m = b.build()
    root = ET.fromstring(pipe(m, "svg", labelling=evaluate(m), id_prefix="one"))
    assert {element.tag.rsplit("}", 1)[-1] for element in root.iter()} <= {
        "svg",
        "g",
        "title",
        "desc",
        "text",
        "path",
        "polygon",
    }
    texts = [element.text for element in root.iter() if element.tag.endswith("}text")]
    assert texts[-len(LEGEND) :] == LEGEND
    assert '<b>"bold"</b> & \\N' in texts
    assert all(element.attrib["id"].startswith("one") for element in root.iter() if "id" in element.attrib)


@pytest.mark.dot
@settings(max_examples=30)
@given(argument_maps(max_statements=12), st.sampled_from(VIEWS), st.sampled_from(sorted(THEMES)))
def test_random_maps_are_coloured_by_their_grounded_labelling(m: ArgumentMap, view: str, name: str) -> None:
    labelling = evaluate(m)
    drawn = nodes(layout(to_dot(m, view=view, theme=name, labelling=labelling)))  # type: ignore[arg-type]
    statuses = expected_statuses(m, labelling)
    assert {node for node in drawn if node[0] in "sa"} <= set(statuses)
    for node, attributes in drawn.items():
        if node in statuses:
            assert (attributes["fillcolor"], attributes["color"]) == colours(THEMES[name], statuses[node])
    assert drawn_lines(drawn["legend"]) == LEGEND


_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from samples import status_map
from argmap.evaluate import evaluate
from argmap.render import to_dot
m = status_map()
for semantics in ("grounded", "preferred"):
    for view in ("debate", "premise"):
        for theme in ("light", "dark"):
            print(to_dot(m, view=view, theme=theme, labelling=evaluate(m, semantics)).source)
"""


def test_coloured_source_is_identical_across_hash_seeds(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    outputs = hash_seed_outputs(_SCRIPT.format(tests=str(ROOT / "tests")))
    assert len(outputs) == 1
    assert to_dot(status_map(), labelling=evaluate(status_map())).source in outputs.pop()
