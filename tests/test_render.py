"""Diagrams: drawing conventions, views, themes, options, safety of user text, determinism, and files."""

from __future__ import annotations

import re
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import attrs
import graphviz
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from samples import drawn_lines, edges, layout, nodes, sample_map, subgraphs

from argmap import (
    MAX_NAME_LENGTH,
    ArgumentMap,
    GraphvizNotFound,
    MapBuilder,
    MapError,
    OptionError,
    RenderError,
    Statement,
    UnknownFormat,
)
from argmap.boxes import BOX_LENGTH, shown_text, shown_title, whole_characters
from argmap.evaluate import evaluate
from argmap.formats import loads
from argmap.render import DEFAULT_SHOW, SHOW, THEMES, VIEWS, Theme, dot_source, pipe, render, to_dot
from argmap.render.layout import tag_line
from argmap.render.quoting import LABEL_BUDGET as _LABEL_BUDGET
from argmap.render.quoting import label as _label
from argmap.render.quoting import quote as _quote
from argmap.render.quoting import wrap as _wrap
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent
ELLIPSIS = "…"

# Text that has broken DOT generators: HTML-looking labels, injected statements, escapes dot expands, characters
# that end a quoted string or a line, entities dot decodes, Unicode line breaks.
ADVERSARIAL = [
    '<a>]; evil [label="x"]; b [label=<c>',
    "<b>bold</b>",
    "<>",
    '"',
    '\\"',
    "\\",
    "ends with a backslash \\",
    "\\N \\G \\E \\T \\H \\L \\l \\r \\n",
    "a\nb\r\nc\n\n",
    "&lt;&amp;&#65;&#x42;&nbsp;",
    "a\u2028b\u2029c\x85d\u00a0e\tf",
    "}; digraph { x",
    "-- -> // /* */ #",
]
# Texts as long as a box holds, made of the characters that grow most when escaped (or encoded), and longer ones,
# which a box shows cut.
LONGEST = [
    "\\" * BOX_LENGTH,
    '"' * BOX_LENGTH,
    "&" * BOX_LENGTH,
    "\U0001f600" * BOX_LENGTH,
    "e\u0301& " * BOX_LENGTH,
    "Gun laws do not cut crime. " * 1_208,
]
# Text the model refuses: control characters, lone surrogates, blank text, and (as a name) overlong text.
REFUSED = ["\x00", "x\x07\x1b[31m\x7f", "\x0b and \x0c", "\ud800", " \n ", "x" * 20_000, "\\" * 20_000]
# Valid text, mostly nasty: any character but control characters, with DOT's and HTML's syntax characters mixed in.
CHARACTERS = st.characters(exclude_categories=("Cc", "Cs")) | st.sampled_from('<>"\\&;[]{}=\n\r\t#')
VALID_TEXT = st.one_of(
    st.text(CHARACTERS, min_size=1),
    st.sampled_from(ADVERSARIAL),
    st.lists(st.text(CHARACTERS, max_size=8) | st.sampled_from(ADVERSARIAL), min_size=1, max_size=5).map("".join),
).filter(lambda text: text.strip() and len(text) <= BOX_LENGTH)
# Names (ids, tags, rules) short enough that an element's id and tags together stay within the model's limit.
VALID_NAME = VALID_TEXT.filter(lambda text: len(text) <= MAX_NAME_LENGTH // 3)
ANY_TEXT = st.one_of(st.text(), st.sampled_from(REFUSED), st.sampled_from(LONGEST), VALID_TEXT)


# s0 c, s1 p, s2 i, s3 q, s4 z, s5 u, s6 v, s7 w; a0 A, a1 sketch
RELATION_EDGES = [("s4", "a0"), ("s5", "s0"), ("s5", "s6"), ("s7", "s6"), ("s7", "s0"), ("a1", "s0")]


# Conventions ----------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_statements_are_rounded_boxes_and_arguments_filled_boxes() -> None:
    drawn = nodes(layout(to_dot(sample_map())))
    theme = THEMES["light"]
    for name in ("s0", "s4", "s5"):
        assert drawn[name]["shape"] == "box"
        assert "rounded" in drawn[name]["style"].split(",")
    for name in ("a0", "a1"):
        assert drawn[name]["shape"] == "box"
        assert drawn[name]["style"] == "filled"
        assert drawn[name]["fillcolor"] == theme.argument_fill


@pytest.mark.dot
def test_edge_conventions() -> None:
    theme = THEMES["light"]
    drawn = {(tail, head): e for tail, head, e in edges(layout(to_dot(sample_map())))}
    assert drawn["a0", "s0"]["color"] == theme.support  # an argument supports its conclusion
    assert drawn["a1", "s0"]["color"] == theme.support
    assert drawn["s5", "s0"]["color"] == theme.attack
    undercut = drawn["s4", "a0"]  # aimed at the argument node, not at its conclusion
    assert (undercut["color"], undercut["style"]) == (theme.attack, "dashed")
    contradiction = drawn["s5", "s6"]
    assert (contradiction["color"], contradiction["dir"]) == (theme.attack, "both")
    assert drawn["s7", "s6"]["arrowhead"] == "tee"  # contrary
    assert (drawn["s7", "s0"]["color"], drawn["s7", "s0"]["arrowhead"]) == (theme.support, "empty")  # entails
    styles = {
        tuple(sorted((k, v) for k, v in e.items() if k in {"color", "style", "dir", "arrowhead"}))
        for e in drawn.values()
    }
    assert len(styles) == 6  # every relation kind looks different; argument -> conclusion looks like support


@pytest.mark.dot
def test_main_conclusion_is_emphasised() -> None:
    m = sample_map()
    assert m.main_conclusions == ("c",)
    drawn = nodes(layout(to_dot(m)))
    assert float(drawn["s0"]["penwidth"]) >= 3
    assert drawn["s0"]["color"] == THEMES["light"].text
    assert all(float(drawn[name].get("penwidth", 1)) == 1 for name in ("s4", "s5", "s6", "s7"))


@pytest.mark.dot
def test_conclusions_above_reasons_by_default() -> None:
    drawn = layout(to_dot(sample_map()))
    assert drawn["rankdir"] == "BT"
    position = {name: float(node["pos"].split(",")[1]) for name, node in nodes(drawn).items()}
    assert position["s0"] > position["a0"] > position["s4"]  # dot's y grows upwards
    for direction in ("TB", "LR", "RL"):
        assert layout(to_dot(sample_map(), direction=direction))["rankdir"] == direction


@pytest.mark.dot
def test_sections_are_nested_clusters_and_empty_ones_are_left_out() -> None:
    drawn = layout(to_dot(sample_map(), view="premise"))
    clusters = subgraphs(drawn)
    assert sorted(clusters) == ["cluster_0", "cluster_1"]  # "Empty" has no elements
    objects = drawn["objects"]
    outer, inner = clusters["cluster_0"], clusters["cluster_1"]
    assert inner["_gvid"] in outer["subgraphs"]
    assert {objects[n]["name"] for n in inner["nodes"]} == {"s1"}
    assert {objects[n]["name"] for n in outer["nodes"]} >= {"s1", "s2"}
    assert drawn_lines(outer) == ["Reasons"]
    assert drawn_lines(inner) == ["Inner reasons"]


@pytest.mark.dot
def test_title_is_drawn_above_the_map() -> None:
    drawn = layout(to_dot(sample_map()))
    assert drawn_lines(drawn) == ["Kim in Russia"]
    assert drawn["labelloc"] == "t"


# Views ----------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_debate_view_draws_arguments_between_claims() -> None:
    drawn = layout(to_dot(sample_map(), view="debate"))
    # p, i and q serve only inside A's reconstruction, so A stands for them.
    assert sorted(nodes(drawn)) == ["a0", "a1", "s0", "s4", "s5", "s6", "s7"]
    assert Counter((t, h) for t, h, _ in edges(drawn)) == Counter([("a0", "s0"), *RELATION_EDGES])
    assert subgraphs(drawn) == {}  # the sections hold only hidden statements


@pytest.mark.dot
def test_debate_view_connects_chained_arguments() -> None:
    b = MapBuilder()
    p, i, c = b.statement("P."), b.statement("I."), b.statement("C.")
    b.argument([p], i, id="lower")
    b.argument([i], c, id="upper")
    drawn = layout(to_dot(b.build(), view="debate"))
    # p serves only inside <lower>; i is concluded by <lower>, so it is drawn and feeds <upper>.
    assert sorted(nodes(drawn)) == ["a0", "a1", "s1", "s2"]
    assert Counter((t, h) for t, h, _ in edges(drawn)) == Counter([("a0", "s1"), ("s1", "a1"), ("a1", "s2")])


@pytest.mark.dot
def test_an_argument_without_a_description_shows_the_statements_it_stands_for() -> None:
    b = MapBuilder()
    p, q, c = b.statement("Prices rose."), b.statement("Wages did not."), b.statement("People are poorer.")
    r, d = b.statement("Rents rose."), b.statement("Housing is scarce.")
    b.argument([p, q], c, id="12")  # as AIF and the argument-mining corpora name and describe arguments
    b.argument([r], d, id="described", text="Rents follow scarcity.")
    m = b.build()
    debate = nodes(layout(to_dot(m)))
    assert drawn_lines(debate["a0"]) == ["<12>", "\u2022 Prices rose.", "\u2022 Wages did not."]
    assert drawn_lines(debate["a1"]) == ["<described>", "Rents follow scarcity."]  # its premise is inside it
    premise = nodes(layout(to_dot(m, view="premise")))  # the premises are boxes of their own there
    assert drawn_lines(premise["a0"]) == ["<12>"]


@pytest.mark.dot
def test_premise_view_draws_every_step() -> None:
    drawn = layout(to_dot(sample_map(), view="premise"))
    assert sorted(nodes(drawn)) == ["a0", "a1", "j0", *(f"s{n}" for n in range(8))]
    steps = [("s1", "j0"), ("j0", "s2"), ("s2", "a0"), ("s3", "a0"), ("a0", "s0")]
    found = edges(drawn)
    assert Counter((t, h) for t, h, _ in found) == Counter(steps + RELATION_EDGES)
    assert drawn_lines(next(e for t, h, e in found if (t, h) == ("a0", "s0"))) == ["mp"]
    assert nodes(drawn)["j0"]["shape"] == "point"


def test_premise_view_without_rules_and_statement_ids() -> None:
    source = to_dot(sample_map(), view="premise", show=DEFAULT_SHOW - {"rules"}).source
    assert "xlabel=mp" not in source
    source = to_dot(sample_map(), view="premise", show=[*DEFAULT_SHOW, "statement-ids"]).source
    assert 'label="[c]\\nMoon' in source


def test_show_options_leave_parts_out() -> None:
    m = sample_map()
    full = to_dot(m).source
    assert "Kim in Russia" in full
    assert "#key" in to_dot(m, view="premise").source
    assert "cluster_0" in to_dot(m, view="premise").source
    assert "Sidelined" in full
    assert "Kim in Russia" not in to_dot(m, show=DEFAULT_SHOW - {"title"}).source
    assert "#key" not in to_dot(m, view="premise", show=DEFAULT_SHOW - {"tags"}).source
    assert "cluster" not in to_dot(m, view="premise", show=DEFAULT_SHOW - {"sections"}).source
    assert "Sidelined" not in to_dot(m, show=DEFAULT_SHOW - {"argument-text"}).source
    assert to_dot(m, show="title").source == to_dot(m, show=["title"]).source


def test_deeply_nested_sections_need_no_recursion() -> None:
    depth = 3 * sys.getrecursionlimit()
    b = MapBuilder()
    parent = None
    for n in range(depth):
        parent = b.section(f"Section {n}", id=f"sec{n}", parent=parent)
    b.statement("Deep down.", section=parent)
    source = to_dot(b.build()).source
    assert source.count("subgraph cluster_") == depth
    assert (
        source.index("subgraph cluster_0 {") < source.index(f"subgraph cluster_{depth - 1} {{") < source.index("s0 [")
    )
    assert source.count("{") == source.count("}") == depth + 1


def test_tags_with_spaces_are_bracketed() -> None:
    b = MapBuilder()
    b.statement("S.", tags=["one", "two words"])
    assert 'label="S.\\n#one #(two words)"' in to_dot(b.build()).source


# Themes and options ---------------------------------------------------------------------------------------


@pytest.mark.dot
@pytest.mark.parametrize("name", sorted(THEMES))
def test_themes_colour_everything(name: str) -> None:
    theme = THEMES[name]
    drawn = layout(to_dot(sample_map(), theme=name))
    assert drawn["bgcolor"] == theme.background
    statement = nodes(drawn)["s4"]
    assert (statement["fillcolor"], statement["color"], statement["fontcolor"]) == (
        theme.statement_fill,
        theme.statement_border,
        theme.text,
    )
    colours = {e["color"] for _, _, e in edges(drawn)}
    assert colours == {theme.support, theme.attack}


def test_themes_differ_and_custom_theme_is_used() -> None:
    light, dark = THEMES["light"], THEMES["dark"]
    assert light.text != dark.text
    assert light.statement_fill != dark.statement_fill
    custom = Theme(**_theme_fields(light, "#123456"))
    assert "#123456" in to_dot(sample_map(), theme=custom).source
    assert light.statement_fill not in to_dot(sample_map(), theme=custom).source


def _theme_fields(theme: Theme, colour: str) -> dict[str, str]:
    """Every field of ``theme`` set to ``colour``, but the font."""
    return {f.name: (getattr(theme, f.name) if f.name == "fontname" else colour) for f in attrs.fields(Theme)}


@pytest.mark.parametrize("bad", ["<b>x</b>", 'red" evil="1', "#12345", "", "red;x"])
def test_theme_refuses_anything_but_colours(bad: str) -> None:
    fields = _theme_fields(THEMES["light"], "#000000")
    with pytest.raises(OptionError, match=r"Theme\.attack must be a colour"):
        Theme(**{**fields, "attack": bad})
    with pytest.raises(OptionError, match=r"Theme\.fontname must be a font name"):
        Theme(**{**fields, "fontname": f"{bad}<"})


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"view": "map"}, "unknown view 'map': use one of debate, premise"),
        ({"direction": "up"}, "unknown direction 'up': use one of BT, TB, LR, RL"),
        ({"theme": "solarized"}, "unknown theme 'solarized': use one of auto, light, dark"),
        ({"theme": ["light"]}, "unknown theme"),
        ({"show": ["title", "colour", "bogus"]}, "unknown show 'bogus', 'colour': use any of title, sections"),
        ({"wrap": -1}, "wrap must be a number of characters"),
        ({"wrap": True}, "wrap must be a number of characters"),
        ({"wrap": "40"}, "wrap must be a number of characters"),
        ({"id_prefix": "1x"}, "id_prefix must be a letter"),
        ({"id_prefix": 'x"; evil'}, "id_prefix must be a letter"),
    ],
)
def test_options_are_validated(options: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionError, match="^" + re.escape(message)):
        to_dot(sample_map(), **options)


def test_views_and_show_names_are_published() -> None:
    assert VIEWS == ("debate", "premise", "steps")
    assert set(SHOW) - DEFAULT_SHOW == {"statement-ids"}


# Text: wrapping, escaping, length ------------------------------------------------------------------------


@given(st.text(), st.integers(min_value=1, max_value=60))
def test_wrap_keeps_every_word_and_fills_lines(text: str, width: int) -> None:
    lines = _wrap(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        # Longer only where one user-perceived character is longer than a line, and then it is alone on it.
        assert 0 < len(line) <= width or whole_characters(line, 0, 1) == len(line)
        assert line == " ".join(line.split())
    paragraphs = [_wrap(paragraph, width) for paragraph in text.splitlines()]
    assert lines == [line for paragraph in paragraphs for line in paragraph]  # line breaks are kept
    for paragraph in paragraphs:
        for line, following in pairwise(paragraph):
            assert len(line) + 1 + len(following.split()[0]) > width  # greedy: the next word did not fit
    if all(len(word) <= width for word in text.split()):
        assert " ".join(lines) == " ".join(text.split())


def test_wrap_cuts_long_words_and_zero_means_no_wrapping() -> None:
    assert _wrap("ab abcdefghij c", 4) == ["ab", "abcd", "efgh", "ij c"]
    # A cut falls between whole characters: accents stay on their letters, emoji sequences and flags whole.
    assert _wrap("cafe\u0301s", 4) == ["caf", "e\u0301s"]
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"
    assert _wrap(f"{family}{family}", 6) == [family, family]
    assert _wrap(family, 2) == [family]  # one character longer than a line stays whole, alone on its line
    assert _wrap("\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea", 3) == ["\U0001f1eb\U0001f1f7", "\U0001f1e9\U0001f1ea"]
    assert _wrap("one two\nthree  four", 0) == ["one two", "three four"]
    assert _wrap(" \n\t ", 5) == []


@pytest.mark.parametrize("char", ["\\", '"', "&", "\U0001f600", "é", "a", "<"])
def test_worst_case_labels_fit_dot(char: str) -> None:
    label = _label([char * BOX_LENGTH, char * BOX_LENGTH, char * BOX_LENGTH], 1)
    quoted = graphviz.quoting.quote(label)
    assert quoted == f'"{label}"'  # the graphviz package adds nothing of its own
    assert len(label.encode()) <= _LABEL_BUDGET < 16_382


def test_a_tag_line_leaves_out_tags_that_the_text_shows() -> None:
    assert tag_line(["a", "long tag"]) == ["#a #(long tag)"]
    assert tag_line(["a", "long tag"], "Text #a and #(long tag)") == []
    assert tag_line(["a", "b"], "Text #ab, #a-b and #a_b #b.") == ["#a"]
    assert tag_line(["a"], "#a") == []
    assert tag_line([]) == []
    # Read from Argdown, a statement's text keeps the tags written in it: they are drawn once.
    m = loads("[c]: Costs rise. #economy #(long term)\n", format="argdown")
    assert m.statement("c").tags == ("economy", "long term")
    assert 'label="Costs rise. #economy #(long\\nterm)"' in dot_source(m, wrap=30)


def test_escaping_neutralises_dot_syntax() -> None:
    assert _label(["<a>"], 0) == "<a>"
    # A label in angle brackets is written as a string, never as an HTML label: by argmap's quoting, and by the
    # graphviz package's for the graph's own label.
    assert _quote(_label(["<a>"], 0)) == '"<a>"'
    titled = ArgumentMap(title="<a>", statements=[Statement(id="s", text="<b>")])
    assert 'label="<a>"' in to_dot(titled).source == dot_source(titled)
    assert 's0 [label="<b>"' in dot_source(titled)
    assert _label(['a\\N"&lt;'], 0) == 'a\\\\N\\"&amp;lt;'
    assert _label(["one two", "three"], 3) == "one\\ntwo\\nthr\\nee"


@pytest.mark.dot
@pytest.mark.parametrize("char", ["&", "\U0001f600"])
def test_overlong_labels_are_cut_with_an_ellipsis(char: str) -> None:
    b = MapBuilder()
    text = char * (BOX_LENGTH - 10)
    b.statement(text, id="s")
    m = b.build()
    assert "".join(drawn_lines(nodes(layout(to_dot(m, wrap=0)))["s0"])) == text
    lines = drawn_lines(nodes(layout(to_dot(m, wrap=1)))["s0"])
    shown = "".join(lines)
    assert shown.endswith(ELLIPSIS)
    assert len(shown) > 2000
    assert shown[:-1] == text[: len(shown) - 1]


# The key property: whatever the text, dot reads exactly the map, with the text intact ---------------------


def _expected(texts: Iterable[str], wrap: int) -> list[str]:
    return [line for text in texts for line in _wrap(text, wrap)]


def _assert_drawn(obj: dict[str, Any], texts: Sequence[str], wrap: int) -> None:
    lines, expected = drawn_lines(obj), _expected(texts, wrap)
    if lines == expected:
        assert "".join("".join(lines).split()) == "".join("".join(texts).split())
        return
    # Every text the model accepts fits a box intact, unless it is wrapped one character a line, which costs two
    # more bytes per character: then, and only then, a label too long for dot is cut short, ending in an ellipsis.
    assert wrap == 1
    assert lines[-1].endswith(ELLIPSIS), (lines[-3:], expected[-3:])
    assert lines[:-1] == expected[: len(lines) - 1]
    assert expected[len(lines) - 1].startswith(lines[-1][: -len(ELLIPSIS)])
    assert len("\n".join(expected).encode()) > _LABEL_BUDGET // 5


FIELDS = (
    "title",
    "section",
    "subsection",
    "c",
    "p",
    "q",
    "tag",
    "statement_id",
    "argument_id",
    "argument_text",
    "rule",
)


NAMES = ("tag", "statement_id", "argument_id", "rule")


@pytest.mark.dot
@settings(max_examples=60)
@given(
    valid=st.fixed_dictionaries({field: VALID_NAME if field in NAMES else VALID_TEXT for field in FIELDS}),
    broken=st.none() | st.tuples(st.sampled_from(FIELDS), ANY_TEXT),
    wrap=st.sampled_from([0, 1, 7, 40]),
)
def test_dot_reads_exactly_the_map_whatever_the_text(
    valid: dict[str, str], broken: tuple[str, str] | None, wrap: int
) -> None:
    texts = valid | dict([broken] if broken else [])
    for id in ("statement_id", "argument_id"):
        texts[id] = texts[id] if broken and broken[0] == id else texts[id].strip()
    b = MapBuilder(title=texts["title"])
    sec = b.section(texts["section"], id="sec")
    sub = b.section(texts["subsection"], id="sub", parent=sec)
    c = b.statement(texts["c"], id="c", section=sec, tags=[texts["tag"]])
    p = b.statement(texts["p"], id=texts["statement_id"], section=sub)
    q = b.statement(texts["q"], id="q", tags=[texts["tag"], "plain"])
    i = b.statement("Intermediate.", id="i")
    a = b.argument(
        steps=[([p], i)],
        premises=[i, q],
        conclusion=c,
        id=texts["argument_id"],
        text=texts["argument_text"],
        rules=[texts["rule"]],
        tags=[texts["tag"]],
        section=sub,
    )
    z = b.statement(texts["p"], id="z")
    b.undercut(z, a, source_type="statement", target_type="argument")
    b.attack(q, c, source_type="statement", target_type="statement")
    b.contradiction(z, c, source_type="statement", target_type="statement")
    refused: set[str] = set()
    try:
        m = b.build()
    except MapError as error:
        refused = {problem.code for problem in error.problems}
    if refused:
        event("refused by the builder")
        # Only the broken text, or a statement id that happens to be taken, is refused.
        assert refused <= (
            {"empty-text", "invalid-text", "duplicate-id", "dangling-reference"} if broken else {"duplicate-id"}
        )
        return
    event("drawn")
    for view in VIEWS:
        drawn = layout(to_dot(m, view=view, wrap=wrap, show=SHOW))  # type: ignore[arg-type]
        found = nodes(drawn)
        # s0 c, s1 p, s2 q, s3 i, s4 z, a0
        if view == "debate":
            expected_nodes = ["a0", "s0", "s2", "s4"]
            # q is drawn (it attacks c), so it feeds the argument it is a premise of.
            expected_edges = [("s2", "a0"), ("a0", "s0")]
        else:
            expected_nodes = ["a0", "j0", "s0", "s1", "s2", "s3", "s4"]
            expected_edges = [("s1", "j0"), ("j0", "s3"), ("s3", "a0"), ("s2", "a0"), ("a0", "s0")]
        expected_edges += [("s4", "a0"), ("s2", "s0"), ("s4", "s0")]
        assert sorted(found) == expected_nodes
        assert Counter((t, h) for t, h, _ in edges(drawn)) == Counter(expected_edges)
        clusters = subgraphs(drawn)
        assert sorted(clusters) == ["cluster_0", "cluster_1"]  # c is in sec; the argument is in sub in both views
        _assert_drawn(clusters["cluster_0"], [shown_title(texts["section"])], wrap)
        _assert_drawn(clusters["cluster_1"], [shown_title(texts["subsection"])], wrap)
        if m.title.strip():
            _assert_drawn(drawn, [shown_title(m.title)], wrap)
        else:
            assert drawn_lines(drawn) == []
        # A text longer than its box is drawn cut (tested on its own below); the tooltip has it whole.
        shown = {id: shown_text(m.statement(id)) for id in ("c", "q", "z", p)}
        _assert_drawn(found["s0"], ["[c]", shown["c"], *tag_line([texts["tag"]], shown["c"])], wrap)
        _assert_drawn(found["s2"], ["[q]", shown["q"], *tag_line([texts["tag"], "plain"], shown["q"])], wrap)
        _assert_drawn(found["s4"], ["[z]", shown["z"]], wrap)
        described = shown_text(m.argument(a))
        argument_texts = [f"<{a}>", *([described] if described else [])]
        _assert_drawn(found["a0"], [*argument_texts, *tag_line([texts["tag"]], described)], wrap)
        if view == "premise":
            _assert_drawn(found["s1"], [f"[{p}]", shown[p]], wrap)
            into_conclusion = next(e for t, h, e in edges(drawn) if (t, h) == ("a0", "s0"))
            _assert_drawn(into_conclusion, [texts["rule"]], wrap)


@pytest.mark.dot
def test_svg_is_well_formed_and_user_text_stays_text() -> None:
    b = MapBuilder(title="<svg onload=alert(1)>")
    b.statement('<a href="javascript:alert(1)">x</a> & <script>', id="s")
    b.section("]]><!-- -->", id="sec")
    b.statement("in section", section="sec", tags=["<tag>"])
    svg = pipe(b.build(), "svg")
    root = ET.fromstring(svg)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert tags <= {"svg", "g", "title", "desc", "text", "path", "polygon", "ellipse", "polyline"}
    texts = " ".join(element.text or "" for element in root.iter() if element.tag.endswith("}text"))
    assert '<svg onload=alert(1)> ]]><!-- --> <a href="javascript:alert(1)">x</a> & <script>' in texts


@pytest.mark.dot
def test_dot_parses_maps_from_the_strategies() -> None:
    strategies = pytest.importorskip("argmap.strategies")

    @settings(max_examples=40)
    @given(strategies.argument_maps(), st.sampled_from(VIEWS), st.sampled_from(sorted(THEMES)))
    def check(m: ArgumentMap, view: str, theme: str) -> None:
        drawn = layout(to_dot(m, view=view, theme=theme))  # type: ignore[arg-type]
        names = set(nodes(drawn))
        assert {f"a{n}" for n in range(len(m.arguments))} <= names
        assert sum(1 for _ in edges(drawn)) >= len(m.relations)

    check()


@given(
    argument_maps(),
    st.sampled_from(VIEWS),
    st.sampled_from(sorted(THEMES)),
    st.sets(st.sampled_from(SHOW)),
    st.sampled_from(["", "d1"]),
    st.booleans(),
)
def test_dot_source_is_the_source_of_to_dot(
    m: ArgumentMap, view: str, theme: str, show: set[str], id_prefix: str, labelled: bool
) -> None:
    options: dict[str, Any] = {"view": view, "theme": theme, "show": show, "id_prefix": id_prefix}
    if labelled:
        options["labelling"] = evaluate(m, "grounded")
    source = dot_source(m, **options)
    assert source == to_dot(m, **options).source
    assert pipe(m, "dot", **options) == source.encode()


def test_dot_source_needs_no_graphviz_package() -> None:
    code = (
        "import sys, argmap; from argmap.render import dot_source; "
        "dot_source(argmap.ArgumentMap(statements=[argmap.Statement(id='a', text='A')])); "
        "print('graphviz' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"


# Determinism ----------------------------------------------------------------------------------------------

_SOURCES_SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from samples import sample_map
from argmap.render import to_dot
for view in ("debate", "premise"):
    for theme in ("light", "dark"):
        print(to_dot(sample_map(), view=view, theme=theme, show={show!r}).source)
"""


def test_source_is_identical_across_hash_seeds(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    outputs = hash_seed_outputs(_SOURCES_SCRIPT.format(tests=str(ROOT / "tests"), show=sorted(SHOW)))
    assert len(outputs) == 1
    assert to_dot(sample_map(), show=SHOW).source in outputs.pop()


# Files ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".dot", ".gv", ".DOT"])
def test_render_dot_needs_no_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    monkeypatch.setenv("PATH", "")
    path = render(sample_map(), tmp_path / f"map{suffix}", view="premise")
    assert path == tmp_path / f"map{suffix}"
    assert path.read_text(encoding="utf-8") == to_dot(sample_map(), view="premise").source


def test_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = render(sample_map(), tmp_path / "map.txt", format="dot")
    assert path.read_text(encoding="utf-8") == to_dot(sample_map()).source


@pytest.mark.parametrize("name", ["map.txt", "map", "map.svgz"])
def test_unknown_suffix(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnknownFormat, match="svg, png, pdf, dot, gv"):
        render(sample_map(), tmp_path / name)
    assert not (tmp_path / name).exists()


def test_render_makes_the_folders_the_path_names(tmp_path: Path) -> None:
    path = render(sample_map(), tmp_path / "out" / "maps" / "map.dot")
    assert path.read_text(encoding="utf-8") == to_dot(sample_map()).source
    assert [p.name for p in (tmp_path / "out" / "maps").iterdir()] == ["map.dot"]  # no temporary file is left
    with pytest.raises(UnknownFormat):
        render(sample_map(), tmp_path / "failed" / "map.jpeg")
    assert not (tmp_path / "failed").exists()  # a drawing that fails makes no folder


def test_unknown_format_name() -> None:
    with pytest.raises(UnknownFormat, match="unknown diagram format 'jpeg'"):
        pipe(sample_map(), "jpeg")


@pytest.mark.dot
@pytest.mark.parametrize(("format", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_render_through_dot(tmp_path: Path, format: str, magic: bytes) -> None:
    path = render(sample_map(), tmp_path / f"map.{format}", theme="dark")
    assert path.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [f"map.{format}"]


@pytest.mark.dot
def test_id_prefix_keeps_svg_ids_apart() -> None:
    def ids(svg: bytes) -> set[str]:
        return {e.attrib["id"] for e in ET.fromstring(svg).iter() if "id" in e.attrib}

    first = ids(pipe(sample_map(), "svg", view="premise", id_prefix="one"))
    second = ids(pipe(sample_map(), "svg", view="premise", id_prefix="two"))
    assert len(first) > 10
    assert not first & second
    assert all(i.startswith("one") for i in first)


def test_missing_graphviz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(GraphvizNotFound, match="install Graphviz") as caught:
        render(sample_map(), tmp_path / "map.svg")
    assert isinstance(caught.value, FileNotFoundError)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def failing_dot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `dot` on PATH that fails the way Graphviz does: a message on stderr and exit status 1."""
    if sys.platform == "win32":
        pytest.skip("needs a shell script as a stand-in for dot")
    bin = tmp_path / "bin"
    bin.mkdir()
    fake = bin / "dot"
    fake.write_text("#!/bin/sh\necho 'Error: <stdin>: syntax error in line 1' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin))


@pytest.mark.usefixtures("failing_dot")
def test_dot_failure_is_a_render_error_and_leaves_the_file_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    existing = out / "map.svg"
    existing.write_bytes(b"the old diagram")
    with pytest.raises(RenderError, match="exit status 1: Error: <stdin>: syntax error in line 1") as caught:
        render(sample_map(), existing)
    assert caught.value.stderr == "Error: <stdin>: syntax error in line 1"
    assert existing.read_bytes() == b"the old diagram"
    assert list(out.iterdir()) == [existing]


@given(st.lists(st.text(), max_size=3), st.integers(0, 60))
def test_labels_are_quoted_as_the_graphviz_package_quotes_them(texts: list[str], wrap: int) -> None:
    # to_dot writes node and edge lines itself, for speed: they must stay exactly what graphviz.Digraph would write
    # of a label that is text (nohtml), never HTML.
    label = _label(texts, wrap)
    assert _quote(label) == graphviz.quoting.quote(graphviz.nohtml(label))


@pytest.mark.parametrize("word", ["0.12", "node", "Node", "edge", "graph", "#fff", "rounded,filled", "s0", "a-1", "1a"])
def test_fixed_words_are_quoted_as_the_graphviz_package_quotes_them(word: str) -> None:
    assert _quote(word) == graphviz.quoting.quote(word)
