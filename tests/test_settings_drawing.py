"""argmap.settings.drawing: the render options an Argdown document's drawing settings ask for, and what it honours."""

from __future__ import annotations

import pytest

from argmap import ArgumentMap, ElementType
from argmap.formats.argdown import loads
from argmap.render.dot import dot_source
from argmap.settings.drawing import COLOUR_SCHEMES, drawing_options

S, A = ElementType.STATEMENT, ElementType.ARGUMENT
DARK2 = COLOUR_SCHEMES["colorbrewer-dark2"]


def _read(frontmatter: str, body: str) -> ArgumentMap:
    return loads(f"===\n{frontmatter}\n===\n\n{body}" if frontmatter else body)


def test_a_document_without_settings_asks_for_nothing() -> None:
    m = _read("", "# H\n\n[a]: A.\n  + <b>: B.\n")
    assert drawing_options(m) == ({}, frozenset())
    assert dot_source(m, **drawing_options(m)[0]) == dot_source(m)


def test_colours_follow_argdowns_precedence() -> None:
    m = _read(
        "color:\n  tagColors:\n    red-tag: red\n    low: {color: 2, priority: 1}\n"
        "  statementColors:\n    named: '#123456'",
        "[named]: Named. #red-tag {color: 'should not count'}\n\n"
        "[own]: Own. #red-tag {color: 3}\n\n"
        "[tagged]: Tagged. #red-tag #low\n\n"
        "[plain]: Plain.\n\n"
        "<later>: Later. #fresh\n",
    )
    options, honoured = drawing_options(m)
    colours = options["colours"]
    assert colours[S, "own"] == DARK2[3]  # its data's colour, an index into the scheme
    assert (S, "named") not in colours  # its data's colour is none: Argdown leaves it uncoloured
    assert colours[S, "tagged"] == DARK2[2]  # the tag of highest priority
    assert colours[S, "plain"] == DARK2[0]  # untagged
    assert colours[A, "later"] == DARK2[3]  # the third tag in order of first use: the scheme's fourth colour
    assert "data.color" not in honoured  # one colour in data was none
    assert {"color.tagColors", "color.statementColors"} <= honoured


def test_a_named_scheme_and_data_colours() -> None:
    m = _read("color:\n  colorScheme: colorbrewer-set3", "[a]: A. {color: '#abcdef'}\n\n[b]: B. #t\n")
    options, honoured = drawing_options(m)
    assert options["colours"] == {(S, "a"): "#abcdef", (S, "b"): COLOUR_SCHEMES["colorbrewer-set3"][1]}
    assert {"color.colorScheme", "data.color"} <= honoured


def test_an_unknown_scheme_falls_back_and_is_not_honoured() -> None:
    options, honoured = drawing_options(_read("color:\n  colorScheme: rainbow", "[a]: A.\n"))
    assert options["colours"] == {(S, "a"): DARK2[0]}
    assert "color.colorScheme" not in honoured


def test_group_colours() -> None:
    m = _read(
        "color:\n  groupColors:\n    One: gold\n  groupColorScheme: ['#eeeeee', '#dddddd']",
        "# One\n\n[a]: A.\n\n# Two\n\n## Three\n\n[b]: B.\n",
    )
    options, honoured = drawing_options(m)
    assert options["section_colours"] == {"s1": "gold", "s2": "#eeeeee", "s3": "#dddddd"}
    assert {"color.groupColors", "color.groupColorScheme"} <= honoured


@pytest.mark.parametrize(
    ("mode", "ours"), [("hide-untitled", "default"), ("title", "id"), ("text", "text"), ("none", "none")]
)
def test_label_modes(mode: str, ours: str) -> None:
    options, honoured = drawing_options(_read(f"map:\n  statementLabelMode: {mode}", "[a]: A.\n"))
    assert options["label_modes"] == {S: ours}
    assert honoured == {"map.statementLabelMode"}


def test_an_unknown_label_mode_is_not_honoured() -> None:
    assert drawing_options(_read("map:\n  argumentLabelMode: shout", "[a]: A.\n")) == ({}, frozenset())


def test_groups_by_depth_heading_data_and_frontmatter() -> None:
    body = "# One\n\n## Two\n\n### Three\n\n[a]: A.\n\n# Four {isGroup: false}\n\n## Five {isClosed: true}\n\n[b]: B.\n"
    options, honoured = drawing_options(_read("", body))
    # The two deepest levels are groups; Four says it is none; Five is closed.
    assert options["clusters"] == ["s2", "s3", "s5"]
    assert options["closed"] == ["s5"]
    assert {"data.isGroup", "data.isClosed"} <= honoured
    options, honoured = drawing_options(_read("group:\n  groupDepth: 3", body))
    assert options["clusters"] == ["s1", "s2", "s3", "s5"]
    assert "group.groupDepth" in honoured
    options, honoured = drawing_options(_read("group:\n  sections: {One: {isGroup: true}}", body))
    # Named sections say for themselves; unnamed ones are no groups unless their data says so (Five's says only
    # that it is closed, which a section that is no group is not).
    assert options["clusters"] == ["s1"]
    assert "closed" not in options
    assert "group.sections" in honoured


def test_ranks_from_data_and_same_rank() -> None:
    m = _read(
        "dot:\n  sameRank:\n    - {statements: [c], arguments: [x]}",
        "[a]: A. {rank: 1}\n\n[b]: B. {rank: 1}\n\n[c]: C.\n\n<x>: X. {rank: two}\n",
    )
    options, honoured = drawing_options(m)
    assert options["same_rank"] == [[(A, "x")], [(S, "a"), (S, "b")], [(A, "x"), (S, "c")]]
    assert {"data.rank", "dot.sameRank"} <= honoured


def test_graphviz_settings_pass_only_when_safe() -> None:
    m = _read(
        "dot:\n  graphVizSettings:\n    rankdir: LR\n    ranksep: 2\n    concentrate: true\n"
        "    fontname: Comic\n    nodesep: 'lots'\n  argument: {shape: circle, minWidth: 0.3}\n"
        "  statement: {shape: cloud}",
        "[a]: A.\n  + <b>: B.\n",
    )
    options, honoured = drawing_options(m)
    assert options["direction"] == "LR"
    assert options["graph_attributes"] == {"ranksep": 2, "concentrate": True}
    assert options["node_attributes"] == {A: {"shape": "circle"}}
    assert honoured == {
        "dot.graphVizSettings.rankdir",
        "dot.graphVizSettings.ranksep",
        "dot.graphVizSettings.concentrate",
        "dot.argument.shape",
    }
    # minWidth is a node's width only for a node without a label, as in Argdown.
    options, honoured = drawing_options(
        _read("map: {argumentLabelMode: none}\ndot:\n  argument: {minWidth: 0.3}", "<b>: B.\n")
    )
    assert options["node_attributes"] == {A: {"width": 0.3}}
    assert "dot.argument.minWidth" in honoured


def test_exploded_arguments_are_drawn_a_box_per_step() -> None:
    options, honoured = drawing_options(_read("model:\n  explodeArguments: true", "<a>\n\n(1) P.\n----\n(2) C.\n"))
    assert options["view"] == "steps"
    assert honoured == {"model.explodeArguments"}


def test_the_options_draw() -> None:
    m = _read(
        "color: {tagColors: {t: 1}}\ngroup: {sections: {One: {isClosed: true}}}\ndot: {graphVizSettings: {ranksep: 1}}",
        "# One\n\n[a]: A. #t\n  - [b]: B.\n\n# Two\n\n[c]: C. {rank: r}\n  + [d]: D. {rank: r}\n",
    )
    source = dot_source(m, **drawing_options(m)[0])
    assert "g0 [label=One" in source
    assert "rank=same" in source
    assert "ranksep=1" in source
