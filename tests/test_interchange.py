"""The interchange formats: xAIF and OVA's JSON (AIF's family), Kialo's text export, Argdown's JSON export, GraphML
and NetworkX graphs.
"""

from __future__ import annotations

import collections
import contextlib
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgmapError, Argument, ArgumentMap, MapBuilder, MapError, ParseError
from argmap.formats import FORMATS, SNIFF_LENGTH, argdown_json, format_for_path, graphml, kialo, load, loads, ova, xaif
from argmap.formats import aif as aif_format
from argmap.formats import argdown as argdown_format
from argmap.strategies import argument_maps, json_values

ROOT = Path(__file__).resolve().parent.parent
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
YFILES = "{http://www.yworks.com/xml/graphml}"


def aif_document() -> dict[str, Any]:
    """A small AIF document: two premises for a claim, and an attack on it."""
    return {
        "nodes": [
            {"nodeID": "1", "text": "Cats purr.", "type": "I"},
            {"nodeID": "2", "text": "Purring animals are content.", "type": "I"},
            {"nodeID": "3", "text": "Cats are content.", "type": "I"},
            {"nodeID": "4", "text": "Default Inference", "type": "RA"},
            {"nodeID": "5", "text": "Cats scratch sofas.", "type": "I"},
            {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "1", "toID": "4"},
            {"edgeID": "2", "fromID": "2", "toID": "4"},
            {"edgeID": "3", "fromID": "4", "toID": "3"},
            {"edgeID": "4", "fromID": "5", "toID": "6"},
            {"edgeID": "5", "fromID": "6", "toID": "3"},
        ],
        "locutions": [],
    }


def relations(m: ArgumentMap) -> list[tuple[str, str, str]]:
    return [(r.source, r.kind.value, r.target) for r in m.relations]


# xAIF -----------------------------------------------------------------------------------------------------------


def xaif_document(**parts: Any) -> dict[str, Any]:
    ova_part = {"firstname": "Ann", "surname": "Lyst", "url": "", "nodes": [{"nodeID": "1", "x": 5, "y": 7}]}
    return {"AIF": aif_document(), "text": "Cats purr.<br>Cats scratch sofas.", "OVA": ova_part, **parts}


def test_xaif_reads_the_aif_inside_and_its_text() -> None:
    m = xaif.loads(json.dumps(xaif_document()))
    assert [s.text for s in m.statements] == [s.text for s in aif_format.loads(json.dumps(aif_document())).statements]
    assert relations(m) == [("5", "attack", "3")]
    assert [(a.premises, a.conclusion) for a in m.arguments] == [(("1", "2"), "3")]
    (source,) = m.sources
    assert source.text == "Cats purr.\nCats scratch sofas."
    # The statements found in the text verbatim quote it.
    assert [s.id for s in m.statements if s.quotes] == ["1", "5"]
    assert m.metadata["xaif"]["OVA"]["firstname"] == "Ann"


def test_xaif_as_arg_techs_tools_write_it() -> None:
    # Integer ids, the text as {"txt": ...} marked up with the locutions, and "OVA" as an empty list.
    document = {
        "AIF": {
            "nodes": [
                {"nodeID": 1, "text": "We should go eat", "type": "I"},
                {"nodeID": 2, "text": "I'm hungry", "type": "I"},
                {"nodeID": 3, "text": "Default Inference", "type": "RA"},
            ],
            "edges": [{"edgeID": 0, "fromID": 2, "toID": 3}, {"edgeID": 1, "fromID": 3, "toID": 1}],
            "locutions": [],
            "participants": [],
            "schemefulfillments": None,
        },
        "OVA": [],
        "dialog": True,
        "text": {"txt": 'Bob <span class="highlighted" id="0">We should go eat. Why? I&#39;m hungry</span>.<br>'},
    }
    m = xaif.loads(json.dumps(document))
    assert [(a.premises, a.conclusion) for a in m.arguments] == [(("2",), "1")]
    assert m.sources[0].text == "Bob We should go eat. Why? I'm hungry.\n"
    assert [s.id for s in m.statements if s.quotes] == ["1", "2"]
    assert xaif.loads(xaif.dumps(m)) == m
    assert json.loads(xaif.dumps(m))["text"] == document["text"]


def test_xaif_written_reads_back_equal_and_keeps_the_other_parts() -> None:
    m = xaif.loads(json.dumps(xaif_document(dialog=True)))
    text = xaif.dumps(m)
    document = json.loads(text)
    assert document["OVA"] == xaif_document()["OVA"]
    assert document["dialog"] is True
    assert {n["nodeID"] for n in document["AIF"]["nodes"]} >= {"1", "2", "3", "4", "5", "6"}
    assert xaif.loads(text) == m
    assert xaif.dumps(xaif.loads(text)) == text


def test_xaif_written_from_any_map_is_xaif() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "sidelined.json")
    document = json.loads(xaif.dumps(m))
    assert set(document) == {"AIF", "text", "OVA"}
    assert document["text"] == {"txt": ""}
    assert aif_format.loads(json.dumps(document["AIF"])) == m


def test_xaif_problems_are_named_inside_the_aif() -> None:
    document = xaif_document()
    document["AIF"]["edges"].append({"edgeID": "9", "fromID": "1", "toID": "404"})
    with pytest.raises(MapError) as caught:
        xaif.loads(json.dumps(document))
    assert [p.path for p in caught.value.problems] == ["$.AIF.edges[5]"]
    with pytest.raises(MapError, match="has the key 'AIF'"):
        xaif.loads('{"nodes": []}')
    with pytest.raises(ParseError) as located:
        xaif.loads('{"AIF": {"nodes": [}')
    assert (located.value.line, located.value.column) == (1, 20)


def test_xaif_files_are_told_apart_from_aif_by_their_content(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(xaif_document()), encoding="utf-8")
    assert load(path) == xaif.loads(path.read_text(encoding="utf-8"))
    assert format_for_path("x.xaif.json") is FORMATS["xaif"]
    assert format_for_path("x.json", json.dumps(aif_document())) is FORMATS["aif"]


def test_real_aif_maps_wrapped_as_xaif_read_as_the_aif(shared_corpus: Path) -> None:
    files = sorted((shared_corpus / "aif" / "dialam2024").glob("*.json"))
    assert files
    for file in files:
        document = json.loads(file.read_text(encoding="utf-8"))
        m = xaif.loads(json.dumps({"AIF": document, "text": "", "OVA": {"nodes": [], "edges": []}}))
        alone = aif_format.loads(json.dumps(document))
        assert (m.statements, m.arguments, m.relations) == (alone.statements, alone.arguments, alone.relations)
        assert xaif.loads(xaif.dumps(m)) == m


# OVA ------------------------------------------------------------------------------------------------------------


def ova_node(id: int, type: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "x": id * 10, "y": 20, "color": "b", "text": text, "type": type, "visible": True, **fields}


def ova_document() -> dict[str, Any]:
    nodes = [
        ova_node(1, "I", "Cats purr."),
        ova_node(2, "I", "Cats are content."),
        ova_node(3, "RA", "Default Inference", scheme="0", descriptors={}),
        ova_node(4, "I", "Cats scratch sofas."),
        ova_node(5, "CA", "Default Conflict"),
    ]
    by_id = {n["id"]: n for n in nodes}
    edges = [{"from": by_id[a], "to": by_id[b], "visible": True} for a, b in [(1, 3), (3, 2), (4, 5), (5, 2)]]
    analysis = {"txt": 'Well, <span id="node1">Cats purr.</span><br>And so on.', "documentTitle": "On cats"}
    return {"nodes": nodes, "edges": edges, "participants": [], "analysis": analysis}


def test_ova_reads_nodes_edges_layout_and_text() -> None:
    m = ova.loads(json.dumps(ova_document()))
    assert [(s.id, s.text) for s in m.statements] == [
        ("1", "Cats purr."),
        ("2", "Cats are content."),
        ("4", "Cats scratch sofas."),
    ]
    assert relations(m) == [("4", "attack", "2")]
    assert [(a.id, a.premises, a.conclusion) for a in m.arguments] == [("3", ("1",), "2")]
    assert m.statement("1").data["aif"]["x"] == 10
    (source,) = m.sources
    assert (source.text, source.title) == ("Well, Cats purr.\nAnd so on.", "On cats")
    assert [s.id for s in m.statements if s.quotes] == ["1"]
    assert m.metadata["ova"]["participants"] == []


def test_ova_scheme_numbers_are_kept_and_scheme_names_read_from_the_text() -> None:
    document = ova_document()
    default = ova.loads(json.dumps(document)).argument("3")
    assert (default.scheme, default.data["aif"]["schemeID"]) == (None, "0")
    document["nodes"][2].update(text="Argument From Expert Opinion", scheme="12")
    named = ova.loads(json.dumps(document)).argument("3")
    assert (named.scheme, named.data["aif"]["schemeID"]) == ("Argument From Expert Opinion", "12")


def test_ova_files_are_told_apart_by_their_content(tmp_path: Path) -> None:
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps(ova_document(), indent=1), encoding="utf-8")
    assert load(path) == ova.loads(path.read_text(encoding="utf-8"))
    assert format_for_path("x.ova.json") is FORMATS["ova"]
    # A large analysis: its edges lie beyond the start of the file that formats are told apart by.
    document = ova_document()
    document["nodes"] += [ova_node(n, "I", f"Claim {n}. " * 20) for n in range(10, 400)]
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    assert path.read_text(encoding="utf-8").index('"edges"') > SNIFF_LENGTH
    assert load(path) == ova.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["nodes"][0].pop("id"), "$.nodes[0]"),
        (lambda d: d["nodes"][0].update(id=[1]), "$.nodes[0].id"),
        (lambda d: d["edges"][1].pop("to"), "$.edges[1]"),
        (lambda d: d["edges"][1]["to"].update(id=None), "$.edges[1].to.id"),
        (lambda d: d.update(edges={}), "$.edges"),
    ],
)
def test_ova_problems_are_named_by_path(change: Any, path: str) -> None:
    document = ova_document()
    change(document)
    with pytest.raises(MapError) as caught:
        ova.loads(json.dumps(document))
    assert path in [p.path for p in caught.value.problems]


# Kialo ----------------------------------------------------------------------------------------------------------

DISCUSSION = """Discussion Title: Should cities ban cars from their centres?

1. Cities should ban cars from their centres.
1.1. Pro: Cars pollute the air that people in centres breathe.
1.1.1. Con: Electric cars do not pollute the air where they drive.
1.1.1.1. Pro: Their brakes and tyres still shed dust\\.
1.2. Con: Shops in the centre need customers who come by car.
They say so themselves:
1. in surveys
2. in letters
1.3. Pro: -> See 1.1.1.1.
"""


def test_kialo_reads_the_tree_its_stances_and_its_links() -> None:
    m = kialo.loads(DISCUSSION)
    assert m.title == "Should cities ban cars from their centres?"
    assert [s.id for s in m.statements] == ["1", "1.1", "1.1.1", "1.1.1.1", "1.2"]
    assert m.statement("1.1.1.1").text == "Their brakes and tyres still shed dust."
    # A numbered list inside a claim's text stays in the text.
    assert m.statement("1.2").text == (
        "Shops in the centre need customers who come by car.\nThey say so themselves:\n1. in surveys\n2. in letters"
    )
    assert relations(m) == [
        ("1.1", "support", "1"),
        ("1.1.1", "attack", "1.1"),
        ("1.1.1.1", "support", "1.1.1"),
        ("1.2", "attack", "1"),
        ("1.1.1.1", "support", "1"),
    ]
    assert m.metadata["kialo"]["links"] == [{"number": "1.3", "claim": "1.1.1.1"}]
    assert m.statement("1.2").data["kialo"] == {"stance": "con"}
    assert m.statement("1.2").location is not None
    assert m.statement("1.2").location.line == 7
    assert m.main_conclusions == ("1",)


def test_kialo_files_are_read_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "cars.kialo.txt"
    path.write_text(DISCUSSION, encoding="utf-8")
    assert load(path) == kialo.loads(DISCUSSION)
    assert kialo.sniff(DISCUSSION)
    assert not kialo.sniff("1. A claim")


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("Discussion Title: x\n\nSomething else\n1. Thesis", "expected a numbered claim", 3),
        ("1. Thesis\n1.1. Pro: a\n1.1. Con: b", "numbered twice", 3),
        ("Discussion Title: x\n\n1.1. Pro: a", "expected a numbered claim", 3),
        ("1. Thesis\n1.1. Pro: -> See 1.9.", "names no claim", 2),
        ("1. Thesis\n1.1. Pro: -> See 1.2.\n1.2. Con: -> See 1.1.", "leads back to itself", 2),
        ("Discussion Title: x\n", "at least its thesis", 1),
    ],
)
def test_kialo_errors_are_located(text: str, message: str, line: int) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        kialo.loads(text, path="d.kialo.txt")
    assert (caught.value.path, caught.value.line) == ("d.kialo.txt", line)


@st.composite
def discussions(draw: st.DrawFn) -> tuple[str, int, list[str]]:
    """A Kialo export of a random tree, with how many claims and the stance of each relation."""
    lines, numbers, stances = ["Discussion Title: t", "", "1. Thesis"], ["1."], []
    for n in range(draw(st.integers(0, 30))):
        parent = draw(st.sampled_from(numbers))
        number = f"{parent}{sum(x.startswith(parent) and x.count('.') == parent.count('.') + 1 for x in numbers) + 1}."
        stance = draw(st.sampled_from(["Pro", "Con"]))
        numbers.append(number)
        stances.append({"Pro": "support", "Con": "attack"}[stance])
        lines.append(f"{number} {stance}: Claim {n}.")
    return "\n".join(lines), len(numbers), stances


@given(discussions())
def test_any_kialo_tree_reads_as_a_tree(discussion: tuple[str, int, list[str]]) -> None:
    text, count, stances = discussion
    m = kialo.loads(text)
    assert len(m.statements) == count
    assert [r.kind.value for r in m.relations] == stances
    assert all(r.target == r.source.rpartition(".")[0] for r in m.relations)


# Argdown's JSON -------------------------------------------------------------------------------------------------


def _steps(a: Argument) -> tuple[Any, ...]:
    return tuple((s.premises, s.conclusion, s.rules, repr(dict(s.data))) for s in a.steps)


def _projection(m: ArgumentMap) -> dict[str, Any]:
    return {
        "statements": [(s.id, s.text, s.tags, s.section, dict(s.data)) for s in m.statements],
        "arguments": sorted(
            (a.id, a.text, _steps(a), a.unused_premises, a.tags, a.section, a.scheme, repr(dict(a.data)))
            for a in m.arguments
        ),
        "relations": collections.Counter(
            (r.source, r.source_type.value, r.kind.value, r.target, r.target_type.value) for r in m.relations
        ),
        "sections": [(s.id, s.title, s.parent) for s in m.sections],
    }


def test_argdown_json_reads_the_map_that_the_argdown_reader_reads(shared_corpus: Path) -> None:
    """Each of the reference's exports reads as the Argdown document itself does, but where the reference split
    arguments (explodeArguments), which the JSON shows as split and argmap's Argdown reader keeps whole.
    """
    folder = shared_corpus / "argdown"
    exports = sorted(p for p in (folder / "expected").glob("*.json") if not p.name.endswith(".map.json"))
    assert len(exports) == 34
    differ = []
    for export in exports:
        from_json = _projection(argdown_json.loads(export.read_text(encoding="utf-8"), path=str(export)))
        with (folder / f"{export.stem}.argdown").open(encoding="utf-8", newline="") as f:
            from_argdown = _projection(argdown_format.loads(f.read()))
        differ += [(export.stem, key) for key in from_json if from_json[key] != from_argdown[key]]
    assert differ == [("docs-oldschool-explode", "arguments")]


def test_argdown_json_is_told_apart_by_its_content(tmp_path: Path) -> None:
    m = MapBuilder().build()
    document = {"arguments": {}, "statements": {"A": {"members": [{"text": " Apples. "}]}}, "relations": []}
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    read = load(path)
    assert read != m
    assert [(s.id, s.text) for s in read.statements] == [("A", "Apples.")]
    assert format_for_path("x.argdown.json") is FORMATS["argdown-json"]


def test_argdown_json_exports_larger_than_the_sniffed_start_are_recognised(shared_corpus: Path) -> None:
    exports = sorted((shared_corpus / "argdown" / "expected").glob("*.map.json"), key=lambda p: p.stat().st_size)
    largest = exports[-1]
    assert largest.stat().st_size > SNIFF_LENGTH
    assert load(largest) == argdown_json.loads(largest.read_text(encoding="utf-8"))


def test_argdown_json_problems_are_named_by_path() -> None:
    document = {
        "statements": {"A": {"members": "text"}},
        "arguments": {"B": {"pcs": [{"title": 3}]}},
        "relations": [{"from": "A", "fromType": "equivalence-class", "to": "B", "toType": "?", "relationType": "x"}],
        "sections": [{"id": "s1", "children": [{"id": 5}]}],
    }
    with pytest.raises(MapError) as caught:
        argdown_json.loads(json.dumps(document))
    assert [p.path for p in caught.value.problems] == [
        "$.statements.A.members",
        "$.arguments.B.pcs[0].title",
        "$.relations[0].toType",
        "$.relations[0].relationType",
        "$.sections[0].children[0].id",
    ]


def test_argdown_json_keeps_the_premises_that_no_step_uses() -> None:
    """As the Argdown reader keeps them: a pcs member without an inference that no ``uses`` names."""
    pcs = [
        {"title": "P", "text": "p", "role": "premise"},
        {"title": "Q", "text": "q", "role": "premise"},
        {"title": "C", "text": "c", "role": "main-conclusion", "inference": {"data": {"uses": [1]}}},
    ]
    statements = {t: {"members": [{"text": t.lower()}]} for t in "PQC"}
    m = argdown_json.loads(json.dumps({"statements": statements, "arguments": {"A": {"pcs": pcs}}, "relations": []}))
    argdown = argdown_format.loads("<A>\n\n(1) [P]: p\n(2) [Q]: q\n-- {uses: [1]} --\n(3) [C]: c\n")
    assert m.argument("A").unused_premises == argdown.argument("A").unused_premises == ("Q",)
    assert m.argument("A").premises == ("P",)


def test_argdown_json_texts_lose_the_export_s_spaces_only() -> None:
    # The export leaves spaces before data or tags; a tab or a no-break space at either end was escaped to be there,
    # and a text of nothing but a no-break space is none, as the Argdown reader reads such a line.
    texts = {"T": "\ttabbed ", "N": "\u00a0spaced\u00a0 ", "B": "\u00a0", "S": " plain  "}
    statements = {t: {"members": [{"text": text}]} for t, text in texts.items()}
    m = argdown_json.loads(json.dumps({"statements": statements, "arguments": {}, "relations": []}))
    assert [s.text for s in m.statements] == ["\ttabbed", "\u00a0spaced\u00a0", "B", "plain"]


def test_argdown_json_titles_lose_the_spaces_around_them_as_the_argdown_reader_s_do() -> None:
    # The export keeps them ("[A ]" is "A "); argmap's Argdown reader, and its ids, do not.
    pcs = [{"title": "P ", "text": "p"}, {"title": " A", "text": "a", "inference": {}}]
    document = {
        "statements": {"A ": {"members": [{"text": "a"}]}, "P ": {"members": [{"text": "p"}]}},
        "arguments": {"R ": {"pcs": pcs}},
        "relations": [
            {"from": "P ", "fromType": "statement", "to": " A", "toType": "statement", "relationType": "support"}
        ],
    }
    m = argdown_json.loads(json.dumps(document))
    assert [s.id for s in m.statements] == ["A", "P"]
    assert m.argument("R").premises == ("P",)
    assert [(r.source, r.target) for r in m.relations] == [("P", "A")]


def test_argdown_json_sections_may_nest_deeply() -> None:
    section: dict[str, Any] = {"id": "s0", "title": "0", "children": []}
    top = section
    for n in range(1, 50):
        child = {"id": f"s{n}", "title": str(n), "children": []}
        section["children"].append(child)
        section = child
    m = argdown_json.loads(json.dumps({"statements": {}, "arguments": {}, "relations": [], "sections": [top]}))
    assert [s.parent for s in m.sections][-1] == "s48"


# GraphML --------------------------------------------------------------------------------------------------------


def _graphml(text: str) -> tuple[dict[str, str], list[dict[str, str]], list[dict[str, str]]]:
    """The keys (id -> name), and each node's and edge's attributes by name, of a GraphML document."""
    root = ET.fromstring(text)
    keys = {key.get("id", ""): key.get("attr.name", "") for key in root.iter(f"{GRAPHML}key")}

    def attributes(element: ET.Element) -> dict[str, str]:
        found = {keys[d.get("key", "")]: d.text or "" for d in element.iter(f"{GRAPHML}data")}
        return {**found, **{f"@{k}": v for k, v in element.attrib.items()}}

    return (
        keys,
        [attributes(n) for n in root.iter(f"{GRAPHML}node")],
        [attributes(e) for e in root.iter(f"{GRAPHML}edge")],
    )


def test_graphml_carries_every_node_and_edge_with_their_attributes() -> None:
    m = argmap.load(ROOT / "seeds" / "kim-in-russia.argdown")
    text = graphml.dumps(m)
    keys, nodes, edges = _graphml(text)
    assert set(keys.values()) >= {"label", "kind", "text", "role"}
    assert [n["id"] for n in nodes] == [s.id for s in m.statements] + [a.id for a in m.arguments]
    assert [n["text"] for n in nodes if n["kind"] == "statement"] == [s.text for s in m.statements]
    steps = sum(len(step.premises) + 1 for a in m.arguments for step in a.steps)
    assert len(edges) == steps + len(m.relations)
    assert [e["kind"] for e in edges[steps:]] == [r.kind.value for r in m.relations]
    ids = {n["@id"] for n in nodes}
    assert all(e["@source"] in ids and e["@target"] in ids for e in edges)
    assert graphml.dumps(m) == text


def test_graphml_carries_yeds_graphics_for_every_node_and_edge() -> None:
    m = argmap.load(ROOT / "seeds" / "kim-in-russia.argdown")
    root = ET.fromstring(graphml.dumps(m))
    _, nodes, edges = _graphml(graphml.dumps(m))
    labels = [n.find(f".//{YFILES}NodeLabel") for n in root.iter(f"{GRAPHML}node")]
    assert [label.text if label is not None else None for label in labels] == [n["label"] for n in nodes]
    styles = [e.find(f".//{YFILES}LineStyle") for e in root.iter(f"{GRAPHML}edge")]
    colours = {e["kind"]: style.get("color") for e, style in zip(edges, styles, strict=True) if style is not None}
    assert len(colours) == len({e["kind"] for e in edges})
    assert colours["premise"] != colours.get("attack", colours.get("undercut"))


def test_graphml_shows_each_status_of_a_labelling() -> None:
    m = argmap.load(ROOT / "docs" / "examples" / "sidelined.json")
    labelling = argmap.evaluate(m)
    _, nodes, _ = _graphml(graphml.dumps(m, labelling=labelling))
    expected = {**{("statement", k): v.value for k, v in labelling.statements.items()}}
    expected.update({("argument", k): v.value for k, v in labelling.arguments.items()})
    assert {(n["kind"], n["id"]): n["status"] for n in nodes} == expected
    assert "status" not in _graphml(graphml.dumps(m))[0].values()


HOSTILE = ['</data></node><node id="evil"/><data key="x">', "a & b <c> \"d\" 'e'", "line\r\nbreak\rreturn", "]]>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_graphml_keeps_hostile_text_as_text(text: str) -> None:
    b = MapBuilder(title=text)
    claim = b.statement(text, id="x", tags=["t&t"])
    b.argument([b.statement("Reason.")], claim, id=text)
    _, nodes, _ = _graphml(graphml.dumps(b.build()))
    assert [n["text"] for n in nodes if n["kind"] == "statement"] == [text, "Reason."]
    assert [n["id"] for n in nodes if n["kind"] == "argument"] == [text]
    assert len(nodes) == 3
    root = ET.fromstring(graphml.dumps(b.build()))
    assert [label.text for label in root.iter(f"{YFILES}NodeLabel")] == [text, "Reason.", text]


def test_graphml_opens_in_networkx() -> None:
    nx = pytest.importorskip("networkx", reason="networkx is not installed")
    m = argmap.load(ROOT / "seeds" / "kim-in-russia.argdown")
    g = nx.parse_graphml(graphml.dumps(m))
    assert g.number_of_nodes() == len(m.statements) + len(m.arguments)
    assert g.graph["title"] == m.title


def _with_unused_premises() -> ArgumentMap:
    """A map whose argument lists premises that no step uses, with ids that a space-separated list would split."""
    b = MapBuilder()
    p, c = b.statement("P.", id="p"), b.statement("C.", id="c")
    spaced, quoted = b.statement("S.", id="Kim meets Putin"), b.statement("Q.", id='say "no" & <go>')
    b.argument([p], c, id="a", unused_premises=[spaced, quoted])
    b.argument([p], spaced, id="b")
    return b.build()


def test_graphml_carries_unused_premises_as_a_json_array_of_ids() -> None:
    keys, nodes, _ = _graphml(graphml.dumps(_with_unused_premises()))
    assert "unused_premises" in keys.values()
    arguments = {n["id"]: n for n in nodes if n["kind"] == "argument"}
    assert json.loads(arguments["a"]["unused_premises"]) == ["Kim meets Putin", 'say "no" & <go>']
    assert "unused_premises" not in arguments["b"]


def test_graphml_unused_premises_read_back_through_networkx() -> None:
    nx = pytest.importorskip("networkx", reason="networkx is not installed")
    m = _with_unused_premises()
    g = nx.parse_graphml(graphml.dumps(m))
    found = {g.nodes[n]["id"]: json.loads(g.nodes[n].get("unused_premises", "[]")) for n in g if n.startswith("a")}
    assert found == {a.id: list(a.unused_premises) for a in m.arguments}
    assert found == {
        id: node["unused_premises"] for (kind, id), node in argmap.to_networkx(m).nodes.items() if kind == "argument"
    }


@settings(max_examples=40)
@given(argument_maps(text=st.text(min_size=1, max_size=20)))
def test_graphml_of_any_map_is_well_formed(m: ArgumentMap) -> None:
    with contextlib.suppress(MapError):
        _, nodes, _ = _graphml(graphml.dumps(m))
        assert [n["id"] for n in nodes] == [s.id for s in m.statements] + [a.id for a in m.arguments]
        unused = [json.loads(n.get("unused_premises", "[]")) for n in nodes if n["kind"] == "argument"]
        assert unused == [list(a.unused_premises) for a in m.arguments]


# NetworkX -------------------------------------------------------------------------------------------------------


def test_importing_argmap_imports_no_networkx() -> None:
    code = "import sys, argmap; argmap.loads; assert 'networkx' not in sys.modules, 'imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@given(argument_maps())
def test_any_map_goes_to_networkx_and_back_equal(m: ArgumentMap) -> None:
    pytest.importorskip("networkx", reason="networkx is not installed")
    g = argmap.to_networkx(m)
    assert g.number_of_nodes() == len(m.statements) + len(m.arguments)
    assert argmap.from_networkx(g) == m


def test_networkx_graph_has_the_relations_and_steps_as_edges() -> None:
    pytest.importorskip("networkx", reason="networkx is not installed")
    m = argmap.load(ROOT / "docs" / "examples" / "sidelined.json")
    g = argmap.to_networkx(m)
    kinds = collections.Counter(kind for _, _, kind in g.edges(data="kind"))
    assert kinds["premise"] == sum(len(s.premises) for a in m.arguments for s in a.steps)
    assert kinds["conclusion"] == sum(len(a.steps) for a in m.arguments)
    assert g.nodes["statement", m.main_conclusions[0]]["role"] == "main-conclusion"


def test_a_plain_networkx_graph_becomes_a_map() -> None:
    nx = pytest.importorskip("networkx", reason="networkx is not installed")
    g = nx.DiGraph()
    g.add_node("a", text="Apples are healthy.")
    g.add_node("b")
    g.add_node("arg", kind="argument")
    g.add_edge("b", "arg", kind="premise")
    g.add_edge("arg", "a", kind="conclusion")
    g.add_edge("b", "a", kind="attack")
    m = argmap.from_networkx(g)
    assert [(s.id, s.text) for s in m.statements] == [("a", "Apples are healthy."), ("b", "b")]
    assert [(a.premises, a.conclusion) for a in m.arguments] == [(("b",), "a")]
    assert relations(m) == [("b", "attack", "a")]


def test_from_networkx_names_every_problem() -> None:
    nx = pytest.importorskip("networkx", reason="networkx is not installed")
    with pytest.raises(MapError, match="directed"):
        argmap.from_networkx(nx.Graph())
    g = nx.MultiDiGraph()
    g.add_node("a", text=5)
    g.add_edge("a", "b", kind="likes")
    g.add_edge("a", "b", kind=["support"])
    g.add_node("c", kind="argument", steps=["not a step"])
    g.graph["sources"] = "text"
    with pytest.raises(MapError) as caught:
        argmap.from_networkx(g)
    codes = ["wrong-type", "wrong-type", "invalid-value", "invalid-value", "wrong-type"]
    assert [p.code for p in caught.value.problems] == codes
    assert "sources must be a list of Source objects" in str(caught.value)


# Every reader -------------------------------------------------------------------------------------------------

READERS = {"xaif": xaif.loads, "ova": ova.loads, "kialo": kialo.loads, "argdown-json": argdown_json.loads}


@pytest.mark.parametrize("name", sorted(READERS))
@settings(max_examples=80)
@given(value=json_values(max_leaves=30), where=st.sampled_from(["", "AIF", "nodes", "edges", "statements", "x"]))
def test_any_json_in_any_place_raises_only_argmap_errors(name: str, value: Any, where: str) -> None:
    documents = {
        "": value,
        "AIF": {**xaif_document(), "AIF": {**aif_document(), "nodes": [value]}},
        "nodes": {**ova_document(), "nodes": [value, *ova_document()["nodes"]]},
        "edges": {**ova_document(), "edges": [value]},
        "statements": {"statements": {"A": value}, "arguments": {"B": {"pcs": [value]}}, "relations": [value]},
        "x": {"statements": {}, "arguments": {}, "relations": [], "sections": [value]},
    }
    with contextlib.suppress(ArgmapError):
        READERS[name](json.dumps(documents[where]))


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_reader_is_registered(name: str) -> None:
    assert FORMATS[name].loads is not None
    assert isinstance(loads(json.dumps(xaif_document()), "xaif"), ArgumentMap)
