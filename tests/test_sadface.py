"""The SADFace reader: the format's examples read in place, each notion, the choice among .json formats, errors."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import read_or_refuse

import argmap
from argmap import ElementType, MapError, ParseError, RelationKind
from argmap.formats import FORMATS, dumps, format_for_path, load
from argmap.formats.sadface import loads, sniff
from argmap.strategies import json_values

CONFLICTS = ("conflict", "attack", "defeat")


def corpus_files(shared_corpus: Path) -> list[Path]:
    files = sorted((shared_corpus / "formats" / "sadface").glob("*.json"))
    if not files:
        pytest.skip("the SADFace examples are not in the shared corpus")
    return files


def expected_counts(path: Path) -> tuple[int, int, int]:
    """Statements, arguments and relations, counted from the raw JSON as the documented mapping says."""
    document = json.loads(path.read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in document["nodes"]}
    atoms = sum(node["type"] == "atom" for node in nodes.values())
    schemes = [node for node in nodes.values() if node["type"] != "atom"]
    supports = sum(node.get("name") not in CONFLICTS for node in schemes)
    relations = 0
    for node in schemes:
        if node.get("name") in CONFLICTS:
            ins = sum(edge["target_id"] == node["id"] for edge in document["edges"])
            outs = sum(edge["source_id"] == node["id"] for edge in document["edges"])
            relations += ins * outs
    return atoms, supports, relations


def test_every_example_reads_with_the_counts_of_its_nodes(shared_corpus: Path) -> None:
    for path in corpus_files(shared_corpus):
        assert format_for_path(path, path.read_text(encoding="utf-8")) is FORMATS["sadface"], path.name
        m = load(path)
        assert (len(m.statements), len(m.arguments), len(m.relations)) == expected_counts(path), path.name
        assert m.metadata["sadface"]["metadata"] == json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert read_or_refuse(functools.partial(load, path)) == m  # checks, and carries back through JSON


def test_the_hangback_example(shared_corpus: Path) -> None:
    path = shared_corpus / "formats" / "sadface" / "hangback.json"
    if not path.is_file():
        pytest.skip("hangback.json is not in the shared corpus")
    m = load(path)
    assert m.title == "Hangback Example"
    (argument,) = m.arguments
    assert argument.scheme is None
    assert [m.statement(id).text for id in argument.premises] == [
        "The 'Hang Back' campaign was the wrong campaign to run",
        "The 'Hang Back' advert does not clearly express the intended message",
    ]
    assert m.statement(argument.conclusion or "").text.startswith("The 'Hang Back' campaign video should not")
    (attack,) = m.relations
    assert attack.kind is RelationKind.ATTACK
    assert m.statement(attack.source).text.startswith("Road users have a responsibility")
    assert m.statement(attack.target).text == "The 'Hang Back' campaign was the wrong campaign to run"


# Generated documents --------------------------------------------------------------------------------------------


def atom(id: str, text: str, **fields: Any) -> dict[str, Any]:
    return {"id": id, "type": "atom", "text": text, "sources": [], "metadata": {"core": {}}, **fields}


def scheme(id: str, name: str, type: str = "scheme", **fields: Any) -> dict[str, Any]:
    return {"id": id, "type": type, "name": name, "metadata": {"core": {}}, **fields}


def sadface(nodes: list[dict[str, Any]], edges: list[tuple[str, str]], **fields: Any) -> str:
    document = {
        "edges": [{"id": f"e{n}", "source_id": s, "target_id": t} for n, (s, t) in enumerate(edges)],
        "metadata": {"core": {"id": "doc", "version": "0.2", "title": "Tea"}},
        "nodes": nodes,
        "resources": [],
        **fields,
    }
    return json.dumps(document)


ATOMS = [atom("c", "Tea is good."), atom("p", "It is warm."), atom("q", "It is cheap."), atom("o", "Tea stains.")]


def test_a_named_scheme_is_an_argument_of_that_scheme_with_linked_premises() -> None:
    m = loads(sadface([*ATOMS, scheme("s", "Expert Opinion", "inference")], [("p", "s"), ("q", "s"), ("s", "c")]))
    (argument,) = m.arguments
    assert (argument.id, argument.scheme, argument.premises, argument.conclusion) == (
        "s",
        "Expert Opinion",
        ("p", "q"),
        "c",
    )
    assert m.title == "Tea"


def test_a_conflict_on_a_scheme_undercuts_its_argument() -> None:
    nodes = [*ATOMS, scheme("s", "support"), scheme("x", "attack", "conflict")]
    m = loads(sadface(nodes, [("p", "s"), ("s", "c"), ("o", "x"), ("x", "s")]))
    (undercut,) = m.relations
    assert (undercut.source, undercut.kind, undercut.target, undercut.target_type) == (
        "o",
        RelationKind.UNDERCUT,
        "s",
        ElementType.ARGUMENT,
    )


def test_disagreement_rephrase_and_preference() -> None:
    nodes = [*ATOMS, scheme("d", "disagreement", "conflict"), scheme("r", "rephrase"), scheme("f", "preference")]
    edges = [("d", "c"), ("d", "o"), ("p", "r"), ("r", "q"), ("p", "f"), ("f", "q")]
    m = loads(sadface(nodes, edges))
    assert [(r.source, r.kind, r.target) for r in m.relations] == [
        ("c", RelationKind.CONTRADICTION, "o"),
        ("p", RelationKind.ENTAILS, "q"),
    ]
    layer = m.metadata["sadface"]
    assert [node["id"] for node in layer["nodes"]] == ["f"]
    assert [(edge["source_id"], edge["target_id"]) for edge in layer["edges"]] == [("p", "f"), ("f", "q")]


def test_a_scheme_without_a_conclusion_is_sketched_and_its_premises_support_it() -> None:
    m = loads(sadface([*ATOMS, scheme("s", "support")], [("p", "s")]))
    assert m.argument("s").steps == ()
    assert [(r.source, r.kind, r.target, r.target_type) for r in m.relations] == [
        ("p", RelationKind.SUPPORT, "s", ElementType.ARGUMENT)
    ]


def test_resources_become_sources_that_atoms_quote() -> None:
    resource = {"id": "r1", "type": "text", "content": "Tea is good. It is warm.", "metadata": {"core": {}}}
    cited = atom(
        "c", "Tea is good.", sources=[{"resource_id": "r1", "text": "Tea is good.", "offset": 0, "length": 12}]
    )
    tagged = atom("p", "It is warm.", metadata={"core": {}, "org.example": {"weight": 2}})
    audio = {"id": "r2", "type": "audio", "url": "https://example.org/tea.mp3"}
    m = loads(sadface([cited, tagged], [], resources=[resource, audio]))
    assert m.sources == (argmap.Source(id="r1", text="Tea is good. It is warm."),)
    assert m.statement("c").quotes == (argmap.Quote("r1", "Tea is good."),)
    assert m.statement("c").data["sadface"]["sources"][0]["offset"] == 0
    assert m.statement("p").data == {"sadface": {"metadata": {"core": {}, "org.example": {"weight": 2}}}}
    assert m.metadata["sadface"]["resources"] == [audio]
    assert [d.code for d in argmap.check(m) if d.code == "quote-not-found"] == []


def test_json_formats_are_told_apart_by_their_content(tmp_path: Path) -> None:
    text = sadface(ATOMS[:1], [])
    assert sniff(text)
    assert format_for_path("x.json", text) is FORMATS["sadface"]
    aif = '{"nodes": [{"nodeID": "1", "text": "Tea.", "type": "I"}], "edges": []}'
    assert format_for_path("x.json", aif) is FORMATS["aif"]
    own = dumps(argmap.loads(text, "sadface"))
    assert format_for_path("x.json", own) is FORMATS["json"]
    (tmp_path / "tea.json").write_text(text, encoding="utf-8")
    assert argmap.load(tmp_path / "tea.json") == loads(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "$: expected a SADFace object with nodes and edges, got array"),
        ('{"edges": []}', "$: a SADFace document has the key 'nodes'"),
        ('{"nodes": {}, "edges": []}', "$.nodes: expected an array, got object"),
        ('{"nodes": [1], "edges": []}', r"$.nodes[0]: expected a node object, got number"),
        ('{"nodes": [{"id": "a", "type": "claim"}], "edges": []}', r"$.nodes[0].type: unknown node type 'claim'"),
        ('{"nodes": [{"id": "a", "type": "atom"}], "edges": []}', r"$.nodes[0]: the key 'text' is missing"),
        ('{"nodes": [{"id": 1, "type": "atom", "text": "x"}], "edges": []}', r"$.nodes[0].id: expected a string"),
        (sadface(ATOMS[:1] * 2, []), r"$.nodes[1]: two nodes have the id 'c'"),
        (sadface(ATOMS[:1], [("c", "z")]), r"$.edges[0].target_id: the edge refers to unknown node 'z'"),
        (sadface(ATOMS[:2], [("c", "p")]), r"$.edges[0]: an edge joins two atoms"),
        ('{"nodes": [], "edges": [{"id": "e"}]}', r"$.edges[0]: the key 'source_id' is missing"),
        ('{"nodes": [], "edges": [], "metadata": {"n": NaN}}', r"$.metadata.n: nan is not a finite number"),
        ('{"nodes": [], "edges": [], "n": ' + "9" * 5000 + "}", r"$.n: an integer of 5000 digits"),
        ('{"nodes": [], "nodes": [], "edges": []}', r"$: the key 'nodes' appears more than once"),
    ],
)
def test_a_bad_document_names_the_value_at_fault(text: str, message: str) -> None:
    with pytest.raises(MapError) as caught:
        loads(text)
    assert message in str(caught.value)


def test_a_conflict_joined_to_a_conflict_is_refused() -> None:
    nodes = [*ATOMS, scheme("x", "attack"), scheme("y", "attack")]
    with pytest.raises(MapError, match="is joined to another conflict or rephrase"):
        loads(sadface(nodes, [("o", "x"), ("x", "y"), ("y", "c")]))


def test_text_that_is_not_json_is_a_located_parse_error() -> None:
    with pytest.raises(ParseError) as caught:
        loads('{"nodes": [\n  {"id": }', path="bad.json")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("bad.json", 2, 10)


_NODE = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["a", "b", "c", "s", "t"]),
        "type": st.sampled_from(["atom", "scheme", "inference", "conflict", "x"]),
        "text": st.sampled_from(["Tea.", "", " "]),
        "name": st.sampled_from(["support", "conflict", "disagree", "rephrase", "preference", "Expert Opinion"]),
    }
)
_EDGE = st.fixed_dictionaries(
    {"id": st.just("e"), "source_id": st.sampled_from("abcstz"), "target_id": st.sampled_from("abcstz")}
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(nodes=st.lists(_NODE, max_size=6), edges=st.lists(_EDGE, max_size=8), extra=json_values(max_leaves=5))
def test_any_sadface_graph_raises_only_argmap_errors(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], extra: object
) -> None:
    document = {"nodes": nodes, "edges": edges, "metadata": extra, "resources": [extra]}
    read_or_refuse(lambda: loads(json.dumps(document)))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(["", '{"nodes": [', '{"nodes": [], "edges": [{"source_id": ']), text=st.text())
def test_any_text_raises_only_parse_or_map_errors(prefix: str, text: str) -> None:
    read_or_refuse(lambda: loads(prefix + text))
