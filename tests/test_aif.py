"""The AIF format: the mapping both ways, the corpus, lossless round trips, the source beside a map, and errors."""

from __future__ import annotations

import builtins
import codecs
import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    ArgmapError,
    Argument,
    ArgumentMap,
    Inference,
    Location,
    MapBuilder,
    MapError,
    ParseError,
    Quote,
    Relation,
    Statement,
    Subject,
)
from argmap.formats.aif import dumps, load, loads
from argmap.strategies import argument_maps, json_values

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILES = sorted((ROOT.parent / "shared" / "corpus" / "aif").glob("*/*.json"))


def aif(*nodes: dict[str, Any], edges: Sequence[tuple[Any, Any]] = (), **top: Any) -> str:
    """An AIF document of ``nodes`` and ``edges`` given as (fromID, toID), with edge ids 0, 1..."""
    edge_list = [{"edgeID": str(n), "fromID": a, "toID": b, "formEdgeID": None} for n, (a, b) in enumerate(edges)]
    return json.dumps({"nodes": list(nodes), "edges": edge_list, **top})


def node(id: Any, type: str, text: str | None = None, **fields: Any) -> dict[str, Any]:
    default = {"I": f"claim {id}", "RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
    return {"nodeID": id, "text": text if text is not None else default.get(type, type), "type": type, **fields}


def kinds(m: ArgumentMap) -> list[tuple[str, str, str, str, str]]:
    return [(r.source_type.value, r.source, r.kind.value, r.target_type.value, r.target) for r in m.relations]


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(MapError) as info:
        loads(text)
    return [(p.code, p.path) for p in info.value.problems]


def same_aif(original: dict[str, Any], written: dict[str, Any]) -> None:
    """``written`` has every node of ``original`` with the same fields (argmap may add a scheme field that repeats
    the text, and its own blocks), no other node, and the same edges (whose ids argmap does not keep).
    """
    before = {str(n["nodeID"]): n for n in original["nodes"]}
    after = {str(n["nodeID"]): n for n in written["nodes"]}
    assert set(after) == set(before)
    for id, fields in before.items():
        again = {key: value for key, value in after[id].items() if key != "argmap"}
        if "scheme" not in fields and again.get("scheme") == fields["text"]:
            del again["scheme"]
        assert again == {**fields, "nodeID": again["nodeID"]}
        assert str(again["nodeID"]) == id  # statements and arguments have string ids: integers come back as such
    assert {(str(e["fromID"]), str(e["toID"])) for e in written["edges"]} == {
        (str(e["fromID"]), str(e["toID"])) for e in original["edges"]
    }


# Reading: the mapping -------------------------------------------------------------------------------------------


def test_i_nodes_are_statements_and_an_ra_node_an_argument_of_one_step() -> None:
    m = loads(
        aif(
            node("1", "I", "Bear tracks are in the snow.", timestamp="2012-04-12 17:36:51"),
            node(2, "I", "A bear passed."),
            node("3", "I", "Bears walk here."),
            node("9", "RA", "RA", scheme="Sign", schemeID="19"),
            edges=[("3", "9"), ("1", "9"), ("9", 2)],
        )
    )
    assert [(s.id, s.text) for s in m.statements] == [
        ("1", "Bear tracks are in the snow."),
        ("2", "A bear passed."),
        ("3", "Bears walk here."),
    ]
    assert m.statement("1").data == {"aif": {"timestamp": "2012-04-12 17:36:51"}}
    (a,) = m.arguments
    assert (a.id, a.text, a.scheme) == ("9", "", "Sign")
    assert a.steps == (Inference(premises=("3", "1"), conclusion="2"),)  # premises in the order of their edges
    assert a.data == {"aif": {"text": "RA", "schemeID": "19"}}  # what argmap would not write by itself
    assert m.relations == ()


@pytest.mark.parametrize(
    ("fields", "scheme", "kept"),
    [
        ({"text": "Expert Opinion", "scheme": "ExpertOpinion"}, "ExpertOpinion", {"text": "Expert Opinion"}),
        ({"text": "Example"}, "Example", {}),
        ({"text": "Default Inference"}, None, {}),
        ({"text": "Default Inference", "scheme": "Default Inference"}, None, {"scheme": "Default Inference"}),
        ({"text": "RA"}, None, {"text": "RA"}),
    ],
)
def test_an_argument_keeps_the_scheme_the_node_names(fields: dict[str, str], scheme: str | None, kept: Any) -> None:
    m = loads(
        aif(node("p", "I"), node("c", "I"), {"nodeID": "a", "type": "RA", **fields}, edges=[("p", "a"), ("a", "c")])
    )
    assert m.argument("a").scheme == scheme
    assert m.argument("a").data == ({"aif": kept} if kept else {})


def test_conflicts_are_attacks_and_undercuts_and_rephrases_entailments() -> None:
    m = loads(
        aif(
            node("p", "I"),
            node("c", "I"),
            node("x", "I"),
            node("y", "I"),
            node("r", "I"),
            node("a", "RA"),
            node("att", "CA"),
            node("und", "CA"),
            node("reph", "MA"),
            edges=[
                ("p", "a"),
                ("a", "c"),
                ("x", "att"),
                ("att", "c"),
                ("y", "und"),
                ("und", "a"),
                ("r", "reph"),
                ("reph", "p"),
            ],
        )
    )
    assert kinds(m) == [
        ("statement", "x", "attack", "statement", "c"),
        ("statement", "y", "undercut", "argument", "a"),
        ("statement", "r", "entails", "statement", "p"),
    ]
    assert [a.id for a in m.arguments] == ["a"]
    assert [n["nodeID"] for n in m.metadata["aif"]["relations"]] == ["att", "und", "reph"]


def test_a_conflict_aimed_at_by_another_becomes_an_argument() -> None:
    # A counter-rebuttal, as the microtexts corpus writes it: q attacks the attack of p on c.
    m = loads(
        aif(
            node("c", "I"),
            node("p", "I"),
            node("q", "I"),
            node("ca1", "CA"),
            node("ca2", "CA"),
            edges=[("p", "ca1"), ("ca1", "c"), ("q", "ca2"), ("ca2", "ca1")],
        )
    )
    assert m.arguments == (Argument(id="ca1", data={"aif": {"type": "CA"}}),)
    assert kinds(m) == [
        ("statement", "p", "support", "argument", "ca1"),
        ("argument", "ca1", "attack", "statement", "c"),
        ("statement", "q", "undercut", "argument", "ca1"),
    ]


def test_inferences_without_one_conclusion_are_kept_as_relations() -> None:
    m = loads(
        aif(
            node("p", "I"),
            node("c", "I"),
            node("d", "I"),
            node("none", "RA"),
            node("two", "RA"),
            edges=[("p", "none"), ("p", "two"), ("two", "c"), ("two", "d")],
        )
    )
    assert m.argument("none").steps == ()  # sketched: its premise supports it
    assert m.argument("two").steps == (Inference(premises=("p",), conclusion="c"),)
    assert kinds(m) == [
        ("statement", "p", "support", "argument", "none"),
        ("argument", "two", "support", "statement", "d"),
    ]


def test_the_dialogue_layer_and_preferences_are_kept_in_metadata() -> None:
    locution = node("L1", "L", "Bob : bears walk here")
    text = aif(
        node("p", "I"),
        node("c", "I"),
        locution,
        node("Y1", "YA", "Asserting", scheme="Asserting"),
        node("a", "RA"),
        node("pa", "PA", "Default Preference"),
        node("lonely", "CA"),  # a conflict that joins nothing
        edges=[("L1", "Y1"), ("Y1", "p"), ("p", "a"), ("a", "c"), ("p", "pa"), ("pa", "c"), ("c", "lonely")],
        locutions=[{"nodeID": "L1", "personID": "7"}],
        participants=[{"participantID": "7", "firstname": "Bob"}],
    )
    m = loads(text)
    layer = m.metadata["aif"]
    assert [n["nodeID"] for n in layer["nodes"]] == ["L1", "Y1", "pa", "lonely"]
    assert [(e["fromID"], e["toID"]) for e in layer["edges"]] == [
        ("L1", "Y1"),
        ("Y1", "p"),
        ("p", "pa"),
        ("pa", "c"),
        ("c", "lonely"),
    ]
    assert layer["document"] == {
        "locutions": [{"nodeID": "L1", "personID": "7"}],
        "participants": [{"participantID": "7", "firstname": "Bob"}],
    }
    assert layer["nodes"][0] == locution  # as it was, to be written back
    assert (len(m.statements), len(m.arguments), m.relations) == (2, 1, ())
    same_aif(json.loads(text), json.loads(dumps(m)))


def test_repeated_nodes_and_edges_count_once() -> None:
    m = loads(
        aif(
            node("p", "I"),
            node("p", "I"),
            node("c", "I"),
            node(7, "CA"),
            node("7", "CA"),
            edges=[("p", 7), ("p", "7"), ("7", "c")],
        )
    )
    assert [s.id for s in m.statements] == ["p", "c"]
    assert kinds(m) == [("statement", "p", "attack", "statement", "c")]


def test_an_empty_document_is_an_empty_map() -> None:
    assert loads('{"nodes": [], "edges": [], "locutions": []}') == ArgumentMap()


# Reading: the source text beside a map ----------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


BEAR = aif(node("1", "I", "a bear passed this way"), node("2", "I", "bears are big"))


def test_the_text_beside_a_map_is_its_source_quoted_verbatim(tmp_path: Path) -> None:
    write(tmp_path / "nodeset1.txt", "Tracks in the snow. Therefore, a bear passed this way.")
    m = argmap.load(write(tmp_path / "nodeset1.json", BEAR), format="aif")
    (source,) = m.sources
    assert (source.id, source.title) == ("nodeset1", "nodeset1.txt")
    assert m.statement("1").quotes == (Quote("nodeset1", "a bear passed this way"),)
    assert m.statement("2").quotes == ()  # not in the text
    assert loads(dumps(m)) == m


@pytest.mark.parametrize("name", ["map.aif.json", "map.aif", "map.json"])
def test_the_source_has_the_maps_name_without_its_suffix(tmp_path: Path, name: str) -> None:
    write(tmp_path / "map.txt", "a bear passed this way")
    assert [s.id for s in argmap.load(write(tmp_path / name, BEAR), format="aif").sources] == ["map"]


def test_only_a_text_in_the_same_folder_counts(tmp_path: Path) -> None:
    outside = write(tmp_path / "secret.txt", "a bear passed this way")
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "linked.txt").symlink_to(outside)
    write(folder / "empty.txt", "  \n")
    for name in ("linked.json", "empty.json", "alone.json"):
        assert argmap.load(write(folder / name, BEAR), format="aif").sources == ()
    assert loads(BEAR).sources == ()  # without a path, nothing is looked for


# Curly quotes and a dash, which Windows-1252 writes as single bytes that are not UTF-8, as in the US2016 corpus.
CP1252_TEXT = "Tracks in the snow \u2013 \u201ca bear passed this way\u201d, said Ren\u00e9."


@pytest.mark.parametrize(
    ("data", "title", "text"),
    [
        (CP1252_TEXT.encode("utf-8"), "nodeset1.txt", CP1252_TEXT),
        (codecs.BOM_UTF8 + CP1252_TEXT.encode("utf-8"), "nodeset1.txt", CP1252_TEXT),
        (CP1252_TEXT.encode("cp1252"), "nodeset1.txt (read as Windows-1252)", CP1252_TEXT),
    ],
    ids=["utf-8", "utf-8 with a byte order mark", "windows-1252"],
)
def test_the_text_beside_a_map_is_read_as_utf_8_else_as_windows_1252(
    tmp_path: Path, data: bytes, title: str, text: str
) -> None:
    (tmp_path / "nodeset1.txt").write_bytes(data)
    m = argmap.load(write(tmp_path / "nodeset1.json", BEAR), format="aif")
    (source,) = m.sources
    assert (source.title, source.text) == (title, text)
    assert m.statement("1").quotes == (Quote("nodeset1", "a bear passed this way"),)
    notes = [d for d in argmap.check(m) if d.code == "source-encoding"]
    if title.endswith("(read as Windows-1252)"):
        # Located at the dash, the first byte that is not UTF-8.
        path = str(tmp_path / "nodeset1.txt")
        assert m.metadata["source_file"] == {"path": path, "encoding": "windows-1252", "line": 1, "column": 20}
        assert [(d.severity.value, d.location) for d in notes] == [("info", Location(1, 20, path))]
        assert loads(dumps(m)) == m
    else:
        assert "source_file" not in m.metadata
        assert notes == []


def test_a_text_beside_a_map_in_neither_encoding_is_left_out(tmp_path: Path) -> None:
    # 0x81 is one of the five bytes that Windows-1252 leaves undefined, and is no UTF-8 here either.
    (tmp_path / "nodeset1.txt").write_bytes(b"a bear\npassed this way \x81")
    m = argmap.load(write(tmp_path / "nodeset1.json", BEAR), format="aif")
    assert m.sources == ()
    assert m.statements == loads(BEAR).statements
    path = str(tmp_path / "nodeset1.txt")
    assert m.metadata["source_file"] == {"path": path, "encoding": None, "line": 2, "column": 17}
    [d] = [d for d in argmap.check(m) if d.code == "source-encoding"]
    assert d.location == Location(2, 17, path)
    assert "neither UTF-8 nor Windows-1252" in d.message


def test_every_corpus_text_beside_a_map_is_its_source(shared_corpus: Path) -> None:
    texts = sorted((shared_corpus / "aif").glob("*/*.txt"))
    if not texts:
        pytest.skip("no texts beside the corpus maps")
    for path in texts:
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
        try:
            expected, title = data.decode("utf-8"), path.name
        except UnicodeDecodeError:
            expected, title = data.decode("cp1252"), f"{path.name} (read as Windows-1252)"
        m = argmap.load(path.with_suffix(".json"), format="aif")
        assert [(s.id, s.title, s.text) for s in m.sources] == [(path.stem, title, expected)]
        assert ("source_file" in m.metadata) is title.endswith("(read as Windows-1252)")


def test_a_document_that_argmap_wrote_keeps_its_own_sources(tmp_path: Path) -> None:
    write(tmp_path / "m.txt", "a bear passed this way")
    path = tmp_path / "m.json"
    path.write_text(dumps(loads(BEAR)), encoding="utf-8")
    assert argmap.load(path, format="aif").sources == ()


def test_loads_never_touches_the_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A reader's path only names the file in errors: the text beside a file is load's to read, not loads's.
    write(tmp_path / "map.txt", "a bear passed this way")
    path = write(tmp_path / "map.json", BEAR)
    touched: list[str] = []

    def spy(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            touched.append(f"{name}{args[:1]}")
            return original(*args, **kwargs)

        return call

    for module, name in ((os, "stat"), (os, "lstat"), (os, "open"), (io, "open"), (builtins, "open")):
        monkeypatch.setattr(module, name, spy(name, getattr(module, name)))
    m = loads(BEAR, path=str(path))
    monkeypatch.undo()
    assert touched == []
    assert m.sources == ()
    assert m == loads(BEAR)
    assert [s.id for s in argmap.load(path, format="aif").sources] == ["map"]
    assert [s.id for s in load(path).sources] == ["map"]


# The corpus --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[p.relative_to(p.parent.parent).as_posix() for p in CORPUS_FILES] or ["-"])
def corpus_map(request: pytest.FixtureRequest, shared_corpus: Path) -> tuple[Path, ArgumentMap]:
    path = shared_corpus / "aif" / request.param
    return path, argmap.load(path, format="aif")


def test_the_corpus_has_all_its_maps(shared_corpus: Path) -> None:
    assert len(list((shared_corpus / "aif").glob("*/*.json"))) == len(CORPUS_FILES) == 29


def test_every_corpus_map_loads_intact(corpus_map: tuple[Path, ArgumentMap]) -> None:
    path, m = corpus_map
    document = json.loads(path.read_text(encoding="utf-8"))
    types = [n["type"] for n in document["nodes"]]
    assert len(m.statements) == types.count("I")
    assert len(m.arguments) >= types.count("RA")
    ids = {n["nodeID"] for n in document["nodes"]}
    assert all(r.source in ids and r.target in ids for r in m.relations)
    assert bool(m.sources) == path.with_suffix(".txt").exists()


def test_every_corpus_map_round_trips_node_for_node(corpus_map: tuple[Path, ArgumentMap]) -> None:
    path, m = corpus_map
    text = dumps(m)
    assert loads(text) == m
    assert dumps(loads(text)) == text
    same_aif(json.loads(path.read_text(encoding="utf-8")), json.loads(text))


@pytest.mark.dot
def test_every_corpus_map_renders_through_dot(corpus_map: tuple[Path, ArgumentMap]) -> None:
    _, m = corpus_map
    assert argmap.pipe(m, "svg").rstrip().endswith(b"</svg>")


def test_the_corpus_schemes_are_kept(shared_corpus: Path) -> None:
    m = argmap.load(shared_corpus / "aif" / "araucaria" / "nodeset270.json", format="aif")
    assert sorted(a.scheme for a in m.arguments if a.scheme) == [
        "Commitment",
        "EstablishedRule",
        "PositionToKnow",
        "PracticalReasoning",
        "VerbalClassification",
    ]


# Writing ------------------------------------------------------------------------------------------------------


def small_map() -> ArgumentMap:
    b = MapBuilder(title="Bears", metadata={"year": 2012})
    b.source("src", text="Tracks in the snow. A bear passed.")
    part = b.section("Evidence", id="ev")
    p = b.statement("Tracks in the snow.", id="p", quote=("src", "Tracks in the snow."), tags=["seen"], section=part)
    q = b.statement("Bears leave such tracks.", id="q")
    c = b.statement("A bear passed.", id="c")
    d = b.statement("Dogs leave such tracks.", id="d")
    b.argument([p, q], c, id="A", text="From the tracks", scheme="Sign", rules=["abduction"])
    b.undercut(d, "A")
    b.attack(d, q)
    return b.build()


def test_the_written_document_is_aif_that_tools_read() -> None:
    document = json.loads(dumps(small_map()))
    assert list(document) == ["nodes", "edges", "locutions", "argmap"]
    for n in document["nodes"]:
        assert {"nodeID", "text", "type"} <= set(n)  # what arguebuf and OVA require
    for e in document["edges"]:
        assert set(e) == {"edgeID", "fromID", "toID", "formEdgeID"}
    nodes = {n["nodeID"]: n for n in document["nodes"]}
    assert nodes["p"] == {
        "nodeID": "p",
        "text": "Tracks in the snow.",
        "type": "I",
        "argmap": {"tags": ["seen"], "section": "ev", "quotes": [{"source": "src", "text": "Tracks in the snow."}]},
    }
    assert nodes["A"] == {
        "nodeID": "A",
        "text": "Sign",
        "type": "RA",
        "scheme": "Sign",
        "argmap": {"text": "From the tracks", "rules": ["abduction"]},
    }
    conflicts = [n for n in document["nodes"] if n["type"] == "CA"]
    assert [n["text"] for n in conflicts] == ["Default Conflict", "Default Conflict"]
    edges = {(e["fromID"], e["toID"]) for e in document["edges"]}
    assert {("p", "A"), ("q", "A"), ("A", "c")} <= edges
    assert {("d", conflicts[0]["nodeID"]), (conflicts[0]["nodeID"], "A")} <= edges  # an undercut aims at the RA
    assert document["argmap"] == {
        "version": 1,
        "title": "Bears",
        "metadata": {"year": 2012},
        "sources": [{"id": "src", "text": "Tracks in the snow. A bear passed."}],
        "sections": [{"id": "ev", "title": "Evidence"}],
    }
    assert loads(dumps(small_map())) == small_map()


def test_each_step_of_an_argument_is_an_ra_node() -> None:
    steps = [Inference(premises=["a"], conclusion="b", rules=["r1"]), Inference(premises=["b"], conclusion="c")]
    m = ArgumentMap(statements=[Statement(id=i, text=i) for i in "abc"], arguments=[Argument(id="A", steps=steps)])
    document = json.loads(dumps(m))
    ra = [n for n in document["nodes"] if n["type"] == "RA"]
    assert [n["nodeID"] for n in ra] == ["n1", "A"]  # the argument's own node is its last step's
    assert ra[0]["argmap"] == {"rules": ["r1"]}
    assert ra[1]["argmap"] == {"steps": ["n1"]}
    assert loads(dumps(m)) == m


@pytest.mark.parametrize(
    ("relation", "node_type"),
    [
        (Relation(source="s", target="t", kind="attack"), "CA"),
        (Relation(source="s", target="A", kind="undercut"), "CA"),
        (Relation(source="s", target="t", kind="entails"), "MA"),
        (Relation(source="s", target="t", kind="support"), "RA"),
        (Relation(source="s", target="t", kind="contradiction"), "CA"),
        (Relation(source="s", target="t", kind="contrary"), "CA"),
        (Relation(source="s", target="A", kind="attack", target_type="argument"), "CA"),
        (Relation(source="A", target="t", kind="attack", source_type="argument"), "CA"),
    ],
)
def test_a_relation_is_a_scheme_node_that_names_its_kind(relation: Relation, node_type: str) -> None:
    m = ArgumentMap(
        statements=[Statement(id="s", text="s"), Statement(id="t", text="t")],
        arguments=[Argument(id="A")],
        relations=[relation],
    )
    document = json.loads(dumps(m))
    (written,) = [n for n in document["nodes"] if n["nodeID"] not in ("s", "t", "A")]
    assert (written["type"], written["argmap"]) == (node_type, {"kind": relation.kind.value})
    ends = [(e["fromID"], e["toID"]) for e in document["edges"]]
    assert ends == [(relation.source, written["nodeID"]), (written["nodeID"], relation.target)]
    assert loads(dumps(m)) == m


def test_a_relation_is_a_bare_edge_where_aif_reads_that_edge_as_it() -> None:
    m = ArgumentMap(
        statements=[Statement(id="s", text="s"), Statement(id="t", text="t")],
        arguments=[Argument(id="A"), Argument(id="B", steps=[Inference(premises=["s"], conclusion="t")])],
        relations=[
            Relation(source="s", target="A", kind="support", target_type="argument"),  # a premise of a sketch
            Relation(source="B", target="s", kind="support", source_type="argument"),  # after its conclusion
            Relation(source="B", target="A", kind="support", source_type="argument", target_type="argument"),
        ],
    )
    document = json.loads(dumps(m))
    assert [n["nodeID"] for n in document["nodes"]] == ["s", "t", "A", "B"]
    assert [(e["fromID"], e["toID"]) for e in document["edges"]] == [
        ("s", "B"),
        ("B", "t"),
        ("s", "A"),
        ("B", "s"),
        ("B", "A"),
    ]
    assert loads(dumps(m)) == m


def test_ids_shared_by_a_statement_and_an_argument_stay_apart() -> None:
    m = ArgumentMap(
        statements=[Statement(id="x", text="x")],
        arguments=[Argument(id="x", steps=[Inference(premises=["x"], conclusion="x")])],
    )
    document = json.loads(dumps(m))
    assert [(n["nodeID"], n.get("argmap")) for n in document["nodes"]] == [("x", None), ("n1", {"id": "x"})]
    assert loads(dumps(m)) == m


@pytest.mark.parametrize("scheme", ["RA", "Default Inference", "Default Conflict"])
def test_a_scheme_name_that_aif_reads_as_none_is_kept(scheme: str) -> None:
    m = ArgumentMap(arguments=[Argument(id="A", scheme=scheme)])
    assert loads(dumps(m)).argument("A").scheme == scheme


@pytest.mark.parametrize(
    "aif_data",
    [{"nodeID": "x"}, {"type": "CA"}, {"scheme": "Sign"}, {"text": "Sign"}, {"argmap": {}}, {}, {"text": 3}, "x"],
)
def test_data_that_the_node_cannot_carry_travels_in_argmaps_block(aif_data: Any) -> None:
    m = ArgumentMap(
        arguments=[Argument(id="A", data={"aif": aif_data})],
        statements=[Statement(id="s", text="s", data={"aif": aif_data})],
    )
    assert loads(dumps(m)) == m


def test_an_edited_map_still_round_trips(shared_corpus: Path) -> None:
    m = argmap.load(shared_corpus / "aif" / "qt30" / "nodeset23576.json", format="aif")
    changed = [
        attrs.evolve(m, relations=m.relations[1:]),
        attrs.evolve(m, relations=list(reversed(m.relations))),
        attrs.evolve(
            m, statements=[attrs.evolve(s, id=f"new {s.id}") for s in m.statements], relations=[], arguments=[]
        ),
        attrs.evolve(m, metadata={**m.metadata, "aif": {**m.metadata["aif"], "nodes": []}}),
    ]
    for edited in changed:
        assert loads(dumps(edited)) == edited


def test_values_that_json_cannot_carry_are_refused() -> None:
    bad = ArgumentMap(statements=[Statement(id="s", text="s", data={"x": float("nan")})], metadata={"t": (1, 2)})
    with pytest.raises(MapError) as info:
        dumps(bad)
    assert [p.path for p in info.value.problems] == ["$.statements[0].data.x", "$.metadata.t"]


def test_output_is_byte_identical_across_hash_seeds(
    shared_corpus: Path, hash_seed_outputs: Callable[[str], set[str]]
) -> None:
    path = shared_corpus / "aif" / "dialam2024" / "test_map10.json"
    script = f"import argmap; print(argmap.dumps(argmap.load({str(path)!r}, format='aif'), format='aif'), end='')"
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1


# Round trips ---------------------------------------------------------------------------------------------------


@given(argument_maps())
def test_any_map_round_trips_through_aif(m: ArgumentMap) -> None:
    text = dumps(m)
    assert loads(text) == m
    assert dumps(loads(text)) == text


_TYPES = ["I", "I", "I", "RA", "RA", "CA", "MA", "PA", "L", "TA", "YA"]
_LABELS = ["RA", "Default Inference", "Default Conflict", "Example", "Asserting"]


@st.composite
def aif_documents(draw: st.DrawFn) -> dict[str, Any]:
    """AIF documents as AIF tools write them: any node types, joined by any edges, with the usual fields."""
    types = draw(st.lists(st.sampled_from(_TYPES), max_size=12))
    nodes = []
    for n, node_type in enumerate(types):
        fields = node(draw(st.sampled_from([str(100 + n), 100 + n])), node_type, f"claim {n}")
        if node_type != "I":
            fields["text"] = draw(st.sampled_from(_LABELS))
        if node_type in ("RA", "CA", "MA") and draw(st.booleans()):
            fields["scheme"] = draw(st.sampled_from(["Default Inference", "ExpertOpinion", None]))
        if draw(st.booleans()):
            fields["timestamp"] = "2020-01-01 00:00:00"
        nodes.append(fields)
    pairs = (
        draw(st.lists(st.tuples(st.integers(0, len(nodes) - 1), st.integers(0, len(nodes) - 1)), max_size=20))
        if nodes
        else []
    )
    edges = [
        {"edgeID": n, "fromID": nodes[a]["nodeID"], "toID": str(nodes[b]["nodeID"]), "formEdgeID": None}
        for n, (a, b) in enumerate(pairs)
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        **draw(st.sampled_from([{}, {"locutions": []}, {"locutions": [{"nodeID": "1"}]}])),
    }


@given(aif_documents())
def test_any_aif_document_round_trips_node_for_node(document: dict[str, Any]) -> None:
    m = loads(json.dumps(document))
    text = dumps(m)
    assert loads(text) == m
    same_aif(document, json.loads(text))


# Errors ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"), [("", 1, 1), ('{"nodes": [}', 1, 12), ('{\n "nodes": [],\n "edges": [,]}', 3, 12)]
)
def test_text_that_is_not_json_is_a_parse_error_at_its_place(text: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as info:
        loads(text, path="m.json")
    assert (info.value.path, info.value.line, info.value.column) == ("m.json", line, column)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", [("wrong-type", "$")]),
        ("{}", [("missing-key", "$"), ("missing-key", "$")]),
        ('{"nodes": {}, "edges": 1}', [("wrong-type", "$.nodes"), ("wrong-type", "$.edges")]),
        ('{"nodes": [], "edges": [], "argmap": {"version": 2}}', [("unsupported-version", "$.argmap.version")]),
    ],
)
def test_documents_of_the_wrong_shape_are_map_errors(text: str, expected: list[tuple[str, str]]) -> None:
    assert problems(text) == expected


def test_every_bad_node_and_edge_is_named() -> None:
    text = aif(
        {"text": "no id", "type": "I"},
        {"nodeID": ["x"], "text": "list id", "type": "I"},
        node("a", "XY"),
        {"nodeID": "b", "type": "I"},
        node("c", "I", text=None) | {"text": 5},
        node("d", "I"),
        node("d", "I", "another text"),
        node("e", "RA"),
        "not a node",
        edges=[("d", "ghost"), (None, "e"), ("d", "e")],
    )
    with pytest.raises(MapError) as info:
        loads(text)
    found = [(p.code, p.path) for p in info.value.problems]
    assert found == [
        ("missing-key", "$.nodes[0]"),
        ("wrong-type", "$.nodes[1].nodeID"),
        ("invalid-value", "$.nodes[2]"),
        ("missing-key", "$.nodes[3]"),
        ("wrong-type", "$.nodes[4].text"),
        ("duplicate-id", "$.nodes[6]"),
        ("wrong-type", "$.nodes[8]"),
        ("dangling-reference", "$.edges[0]"),
        ("wrong-type", "$.edges[1].fromID"),
    ]
    messages = [p.message for p in info.value.problems]
    assert "unknown node type 'XY'" in messages[2]
    assert messages[7] == "edge '0' goes to unknown node 'ghost'"


def test_the_models_own_errors_name_the_element() -> None:
    with pytest.raises(MapError) as info:
        loads(aif(node("1", "I", "  ")))
    assert [(p.code, p.subject) for p in info.value.problems] == [("empty-text", Subject("statement", "1"))]


@pytest.mark.parametrize(
    ("block", "where"),
    [
        ({"kind": "rebut"}, "$.nodes[2].argmap.kind"),
        ({"steps": ["ghost"]}, "$.nodes[2].argmap.steps"),
        ({"steps": ["p"]}, "$.nodes[2].argmap.steps"),
        ({"colour": "red"}, "$.nodes[2].argmap.colour"),
        ({"tags": "x"}, "$.nodes[2].argmap.tags"),
    ],
)
def test_a_bad_block_of_argmaps_is_named(block: dict[str, Any], where: str) -> None:
    found = problems(aif(node("p", "I"), node("c", "I"), node("a", "RA", argmap=block), edges=[("p", "a"), ("a", "c")]))
    assert [w for _, w in found] == [where]


@given(st.text())
def test_arbitrary_text_raises_only_argmap_errors(text: str) -> None:
    with contextlib.suppress(ArgmapError):
        loads(text)


@given(json_values(max_leaves=30))
def test_arbitrary_json_raises_only_argmap_errors(value: Any) -> None:
    nodes = [node("1", "I"), node("2", "RA")]
    documents = [
        value,
        {"nodes": value, "edges": []},
        {"nodes": [value], "edges": []},
        {"nodes": nodes, "edges": [value]},
        {"nodes": [{**nodes[1], "argmap": value}], "edges": []},
        {"nodes": [], "edges": [], "argmap": value},
    ]
    for document in documents:
        with contextlib.suppress(ArgmapError):
            loads(json.dumps(document))


def _places(document: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) in a JSON document, found iteratively."""
    stack = [document]
    while stack:
        value = stack.pop()
        keys = list(value) if isinstance(value, dict) else range(len(value)) if isinstance(value, list) else []
        for key in keys:
            yield value, key
            stack.append(value[key])


_VALUES = ["a", "", "I", "RA", "CA", "MA", "L", "attack", None, 0, [], {}, {"kind": "support"}, ["n1"]]


@given(argument_maps(min_statements=1), st.data())
def test_corrupted_documents_raise_only_argmap_errors(m: ArgumentMap, data: st.DataObject) -> None:
    document = json.loads(dumps(m))
    for _ in range(data.draw(st.integers(1, 3))):
        container, key = data.draw(st.sampled_from(list(_places(document))))
        container[key] = data.draw(json_values() | st.sampled_from(_VALUES))
    with contextlib.suppress(ArgmapError):
        loads(json.dumps(document))


def test_values_that_json_cannot_carry_back_are_refused() -> None:
    lone_surrogate = '{"nodes": [{"nodeID": "1", "type": "L", "text": "\\ud800"}], "edges": []}'
    assert problems(lone_surrogate) == [("invalid-value", "$.nodes[0].text")]
    not_a_number = '{"nodes": [], "edges": [], "locutions": [{"start": NaN}]}'
    assert problems(not_a_number) == [("invalid-value", "$.locutions[0].start")]
    too_long = '{"nodes": [{"nodeID": 1, "type": "L", "text": "x", "n": ' + "9" * 5000 + "}], " + '"edges": []}'
    assert problems(too_long) == [("invalid-value", "$.nodes[0].n")]


# Through argmap's front doors --------------------------------------------------------------------------------


def test_the_registry_and_the_command_read_aif(shared_corpus: Path, tmp_path: Path) -> None:
    path = shared_corpus / "aif" / "araucaria" / "nodeset667.json"
    assert argmap.loads(path.read_text(encoding="utf-8"), format="aif") == loads(path.read_text(encoding="utf-8"))
    out = tmp_path / "out.dot"
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(path), "--from", "aif", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "a bear passed this way" in out.read_text(encoding="utf-8")
    converted = tmp_path / "bear.aif.json"
    argmap.dump(argmap.load(path, format="aif"), converted)
    assert argmap.load(converted) == argmap.load(path, format="aif")
