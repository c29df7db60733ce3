"""Hostile maps to the writers: what a writer writes reads back equal, or a MapError names what cannot be written."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap import ArgumentMap, MapBuilder, MapError, Statement

#: Texts that look like the syntax of some format, or that Unicode makes odd.
HOSTILE_TEXTS = [
    "[s]: a statement's title",
    "<A>: an argument's title",
    "# a heading",
    "// a comment /* and another */",
    "+ support - attack +> <- >< _|_",
    "(1) a premise\n----\n(2) a conclusion",
    "#tag #(two words) {yaml: data}",
    '"quoted" and \\backslashed\\',
    "===\ntitle: a front matter\n===",
    '{"nodes": [], "argmap": 1}',
    "<script>alert(1)</script> &amp; ]]>",
    "line\u2028separator\u2029paragraph",
    "e\u0301 \U0001f468\u200d\U0001f469\u200d\U0001f467 \u202eevil",
    "\t tabbed  and   spaced",
]


@pytest.mark.parametrize("format", ["json", "argdown", "aif", "xaif"])
@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=range(len(HOSTILE_TEXTS)))
def test_text_that_looks_like_syntax_reads_back_as_text(format: str, text: str) -> None:
    b = MapBuilder(title=text)
    b.argument([b.statement(text, id="p")], b.statement("C.", id="c"), id="a", text=text, tags=["t"])
    m = b.build()
    if format == "argdown":
        m = argmap.formats.argdown.normalise(m)
    assert argmap.loads(argmap.dumps(m, format), format) == m


def test_a_separator_beside_edge_whitespace_is_refused_by_the_argdown_writer_not_written_unreadable() -> None:
    for text in ("a\u2028 ", " \u2029a", "a \u2028"):
        m = ArgumentMap(statements=[Statement(id="s", text=text)])
        with pytest.raises(MapError, match="starts or ends with a line or paragraph separator"):
            argmap.dumps(m, "argdown")


def test_sections_nested_past_what_headings_hold_are_refused_at_once_not_written_quadratically() -> None:
    from argmap.formats.argdown.writer import MAX_HEADING_DEPTH

    depth = 20_000
    sections = [argmap.Section(id=f"h{i}", title="H", parent=f"h{i - 1}" if i else None) for i in range(depth)]
    m = ArgumentMap(sections=sections)
    with pytest.raises(MapError) as refused:
        argmap.dumps(m, "argdown")
    assert len(refused.value.problems) == depth - MAX_HEADING_DEPTH
    assert refused.value.problems[0].message.endswith(f"Argdown headings go at most {MAX_HEADING_DEPTH}")
    shallow = ArgumentMap(sections=sections[:MAX_HEADING_DEPTH])
    assert argmap.loads(argmap.dumps(shallow, "argdown"), "argdown").sections == shallow.sections


@pytest.mark.parametrize("scheme", [None, "Expert Opinion"])
@pytest.mark.parametrize("node_type", ["CA", "I", "Q", "MA", "RA", "YA"])
def test_aif_data_never_changes_what_a_node_is(node_type: str, scheme: str | None) -> None:
    b = MapBuilder()
    premise, conclusion = b.statement("P.", id="p"), b.statement("C.", id="c")
    b.argument([premise], conclusion, id="a", scheme=scheme, data={"aif": {"type": node_type}})
    m = b.build()
    text = argmap.dumps(m, "aif")
    (node,) = [n for n in json.loads(text)["nodes"] if n["nodeID"] == "a"]
    assert node["type"] == "RA"
    assert argmap.loads(text, "aif") == m


def aif_document(argument: dict[str, object]) -> str:
    nodes = [
        {"nodeID": "1", "text": "Scheme", "type": "RA", **argument},
        {"nodeID": "2", "text": "P", "type": "I"},
        {"nodeID": "3", "text": "C", "type": "I"},
    ]
    edges = [{"edgeID": "1", "fromID": "2", "toID": "1"}, {"edgeID": "2", "fromID": "1", "toID": "3"}]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []})


@pytest.mark.parametrize(
    "argument",
    [
        {"argmap": {"data": {"aif": {"type": "CA"}}}},
        {"argmap": {"data": {"aif": {"type": "I"}}}},
        {"argmap": {"data": {"aif": {"text": "other"}}}},
        {"argmap": {"data": {"note": 1}}, "timestamp": "2020-01-01"},
        {"scheme": "Scheme", "argmap": {"data": {"aif": {"type": "MA"}}}},
    ],
    ids=["type-CA", "type-I", "text", "block-and-field", "scheme-and-type"],
)
def test_aif_that_argmap_reads_is_written_back_as_aif_it_reads_equal(argument: dict[str, object]) -> None:
    m = argmap.loads(aif_document(argument), "aif")
    written = argmap.dumps(m, "aif")
    assert argmap.loads(written, "aif") == m
    assert argmap.dumps(argmap.loads(written, "aif"), "aif") == written


@pytest.mark.parametrize("value", [float("nan"), float("inf"), {1: "a number as a key"}, b"bytes"])
def test_data_json_cannot_carry_is_refused_by_name(value: object) -> None:
    m = ArgumentMap(statements=[Statement(id="s", text="S.", data={"x": value})])
    for format in ("json", "aif"):
        with pytest.raises(MapError) as refused:
            argmap.dumps(m, format)
        assert refused.value.problems[0].path.startswith("$.statements[0].data")
