"""Long texts: read whole by every format, drawn cut at a word with an ellipsis, whole in tooltips, reported."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import drawn_lines, layout, nodes

import argmap
from argmap import ArgumentMap, Statement
from argmap.boxes import BOX_LENGTH, ELLIPSIS, cut, is_cut, shown_text, text_room
from argmap.render import dot_source, mermaid

SVG = "{http://www.w3.org/2000/svg}"


def _post(length: int) -> str:
    """A forum post of exactly ``length`` characters, in sentences, as the IAC corpus keeps one in a single I-node."""
    sentences = " ".join(f"Sentence {n} says that gun laws do not cut crime, as the figures show." for n in range(600))
    text = sentences[: length - 1].rstrip()
    return text + "." * (length - len(text))


# The longest I-node text of the IAC corpus.
POST = _post(32_596)


def long_map() -> ArgumentMap:
    b = argmap.MapBuilder(title="A long post")
    b.statement("Gun laws should stay as they are.", id="claim")
    b.statement(POST, id="post")
    b.support("post", "claim")
    return b.build()


def test_the_post_is_as_long_as_the_longest_in_the_iac_corpus() -> None:
    assert len(POST) == 32_596
    assert POST.count(" ") > 5_000


# Read whole, by every format -----------------------------------------------------------------------------------


def test_aif_reads_a_long_i_node_whole(tmp_path: Path) -> None:
    document = {
        "nodes": [
            {"nodeID": "1", "text": POST, "type": "I"},
            {"nodeID": "2", "text": "Gun laws should stay as they are.", "type": "I"},
            {"nodeID": "3", "text": "Default Inference", "type": "RA"},
        ],
        "edges": [{"edgeID": "4", "fromID": "1", "toID": "3"}, {"edgeID": "5", "fromID": "3", "toID": "2"}],
        "locutions": [],
    }
    path = tmp_path / "nodeset1.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    m = argmap.load(path, "aif")
    assert m.statement("1").text == POST
    assert argmap.loads(argmap.dumps(m, "aif"), "aif").statement("1").text == POST


@pytest.mark.parametrize("format", ["json", "argdown", "aif"])
def test_every_data_format_keeps_the_whole_text(format: str) -> None:
    m = long_map()
    again = argmap.loads(argmap.dumps(m, format), format)
    assert {s.text for s in again.statements} == {s.text for s in m.statements}


def test_argdown_reads_a_long_statement_whole() -> None:
    m = argmap.loads(f"[claim]: Gun laws should stay as they are.\n  + [post]: {POST}\n", "argdown")
    assert m.statement("post").text == POST


# Drawn cut, whole in the tooltip -------------------------------------------------------------------------------


@pytest.mark.dot
def test_dot_draws_the_long_text_cut_at_a_word() -> None:
    m = long_map()
    drawn = nodes(layout(argmap.to_dot(m, wrap=0)))
    (shown,) = drawn_lines(drawn["s1"])
    assert shown.endswith(ELLIPSIS)
    kept = shown.removesuffix(ELLIPSIS)
    assert POST.startswith(kept)
    assert POST[len(kept)] == " "  # the cut is at a word
    assert BOX_LENGTH // 2 < len(shown) <= text_room(m.statement("post"))


@pytest.mark.dot
def test_the_svg_is_well_formed_and_its_tooltip_holds_the_whole_text(tmp_path: Path) -> None:
    m = long_map()
    path = argmap.render(m, tmp_path / "long.svg")
    root = ET.parse(path).getroot()
    titles = [title.text or "" for title in root.iter(f"{SVG}title")]
    assert any(title.startswith(POST + "\n") for title in titles)
    drawn = " ".join(text.text or "" for text in root.iter(f"{SVG}text"))
    assert ELLIPSIS in drawn
    assert POST[-200:] not in drawn


@pytest.mark.dot
def test_the_html_figure_cuts_the_box_and_keeps_the_text_in_the_tooltip() -> None:
    from argmap.render.html import figure

    html = figure(long_map())
    assert POST in html
    assert html.count(POST[-100:]) == 1  # in the tooltip, not in the box


def test_mermaid_is_a_drawing_and_shows_the_text_cut() -> None:
    text = mermaid.dumps(long_map())
    assert "…" in text
    assert POST[-100:] not in text
    assert len(text) < 2 * BOX_LENGTH


def test_the_dot_source_stays_small_whatever_the_text() -> None:
    huge = argmap.ArgumentMap(statements=[Statement(id="s", text="word " * 200_000 + "end")])
    assert len(dot_source(huge)) < 2 * BOX_LENGTH


def test_check_reports_the_long_text() -> None:
    [d] = [d for d in argmap.check(long_map()) if d.code == "long-text"]
    assert d.subjects == ("post",)
    assert d.message == "[post] has a text of 32,596 characters; diagrams show at most 2,992"


def test_explain_knows_long_text() -> None:
    assert argmap.explain("long-text").startswith("long-text (info): Diagrams show a text cut")


# The cut ------------------------------------------------------------------------------------------------------


def test_a_text_that_fits_is_kept_whole() -> None:
    assert cut("Kim went to Russia.", 19) == "Kim went to Russia."
    m = ArgumentMap(statements=[Statement(id="s", text="x" * text_room(Statement(id="s", text="")))])
    assert not is_cut(m.statements[0])
    assert shown_text(m.statements[0]) == m.statements[0].text


def test_the_cut_falls_after_the_last_whole_word_that_fits() -> None:
    assert cut("Kim went to Russia.", 12) == "Kim went to…"
    assert cut("Kim went to Russia.", 11) == "Kim went…"
    assert cut("Kim  went\n\tto Russia.", 12) == "Kim  went…"


def test_a_word_longer_than_half_the_room_is_cut_inside() -> None:
    assert cut("a " + "x" * 50, 10) == "a xxxxxxx…"
    assert cut("長い文章は単語の区切りがない", 6) == "長い文章は…"


@pytest.mark.parametrize(
    ("text", "length", "expected"),
    [
        ("e\u0301" * 10, 6, "e\u0301e\u0301…"),  # an accent stays with its letter
        ("\U0001f1e9\U0001f1ea\U0001f1eb\U0001f1f7\U0001f1ee\U0001f1f9", 4, "\U0001f1e9\U0001f1ea…"),  # flags
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467" * 3, 7, "\U0001f468\u200d\U0001f469\u200d\U0001f467…"),
        ("\U0001f44d\U0001f3fd" * 4, 4, "\U0001f44d\U0001f3fd…"),  # an emoji and its skin tone
        ("क्ष" * 5, 5, "क्ष…"),  # a conjunct: consonant, virama, consonant
        ("\u1100\u1161\u11a8" * 4, 5, "\u1100\u1161\u11a8…"),  # a syllable of conjoining jamo
        ("ab\r\ncd", 4, "ab…"),
        ("ab\u0600" + "1" * 10, 4, "ab…"),  # a prepended mark stays with what follows
        ("e" + "\u0301" * 20, 5, "…"),  # one character longer than the room is left out whole
    ],
)
def test_the_cut_never_tears_a_character(text: str, length: int, expected: str) -> None:
    assert cut(text, length) == expected


# Units that cutting must keep whole, as Unicode's grapheme rules join them: each is one user-perceived character.
CLUSTERS = [
    "a",
    "é",
    "e\u0301\u0302",
    "\U0001f1e9\U0001f1ea",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U0001f44d\U0001f3fd",
    "\u2764\ufe0f",
    "क्ष",
    "\u1100\u1161\u11a8",
    "\r\n",
    "&",
    "\\",
    '"',
    "長",
]


@given(
    st.lists(st.sampled_from(CLUSTERS) | st.sampled_from([" ", "\n", "\t"]), max_size=60),
    st.integers(1, 70),
)
def test_the_cut_fits_ends_in_an_ellipsis_and_falls_between_whole_characters(units: Sequence[str], length: int) -> None:
    text = "".join(units)
    shown = cut(text, length)
    assert cut(text, length) == shown
    assert len(shown) <= max(length, len(ELLIPSIS))
    if len(text) <= length:
        assert shown == text
        return
    assert shown.endswith(ELLIPSIS)
    kept = shown.removesuffix(ELLIPSIS)
    boundaries = {0}
    position = 0
    for unit in units:
        position += len(unit)
        boundaries.add(position)
    assert len(kept) in boundaries
    assert text.startswith(kept)
    assert kept == kept.rstrip()


@pytest.mark.dot
@settings(max_examples=25)
@given(
    st.text(min_size=1, max_size=40).map(lambda text: text * (BOX_LENGTH // len(text) + 2)), st.sampled_from([0, 40])
)
def test_dot_reads_any_long_text_cut(text: str, wrap: int) -> None:
    try:
        m = ArgumentMap(statements=[Statement(id="s", text=text)])
    except argmap.MapError:
        return
    source = dot_source(m, wrap=wrap)
    subprocess.run(["dot", "-Tcanon"], input=source.encode(), check=True, capture_output=True)
