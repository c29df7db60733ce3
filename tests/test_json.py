"""The JSON format and the format registry: round trips, stable output, errors with places, files."""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.formats
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
    Section,
    Source,
    Statement,
    UnknownFormat,
)
from argmap.formats import FORMATS, Format, dump, dumps, format_for_path, get_format, load, loads, shares_suffix
from argmap.formats.json import MAX_DEPTH
from argmap.strategies import argument_maps, json_values

ROOT = Path(__file__).resolve().parent.parent


def small_map() -> ArgumentMap:
    b = MapBuilder(title="Kim in Russia", metadata={"year": 2019, "by": ["editor"]})
    b.source("ed", text="Moon's current policy may not work.", title="Editorial")
    reasons = b.section("Reasons", id="reasons")
    c = b.statement("Moon's policy may not work.", id="c", quote=("ed", "policy may not work"), tags=["main"])
    p = b.statement("Seoul was sidelined.", id="p", section=reasons, data={"weight": 0.5})
    b.argument([p], c, id="a1", text="Sidelined", rules=["modus ponens"])
    b.support(p, c)
    b.undercut(p, "a1")
    return b.build()


def document(**top: Any) -> str:
    return json.dumps({"argmap": 1, **top})


def problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(MapError) as info:
        loads(text)
    return [(p.code, p.path) for p in info.value.problems]


# Round trip and output ----------------------------------------------------------------------------------------


@given(argument_maps())
def test_round_trip_is_lossless_and_stable(m: ArgumentMap) -> None:
    text = dumps(m)
    again = loads(text)
    assert again == m
    assert dumps(again) == text
    assert [dict(s.data) for s in again.statements] == [dict(s.data) for s in m.statements]  # values, not just ==


def test_format_is_versioned_indented_and_keyed_in_a_fixed_order() -> None:
    text = dumps(small_map())
    assert text.endswith("}\n")
    assert text.startswith('{\n  "argmap": 1,\n  "title": "Kim in Russia",\n')
    doc = json.loads(text)
    assert list(doc) == ["argmap", "title", "metadata", "sources", "sections", "statements", "arguments", "relations"]
    assert doc["statements"] == [
        {"id": "c", "text": "Moon's policy may not work.", "tags": ["main"], "quotes": [
            {"source": "ed", "text": "policy may not work"}]},
        {"id": "p", "text": "Seoul was sidelined.", "data": {"weight": 0.5}, "section": "reasons"},
    ]  # fmt: skip
    assert doc["arguments"] == [
        {
            "id": "a1",
            "text": "Sidelined",
            "steps": [{"premises": ["p"], "conclusion": "c", "rules": ["modus ponens"]}],
        }
    ]
    assert doc["relations"][1] == {
        "source": "p",
        "target": "a1",
        "kind": "undercut",
        "source_type": "statement",
        "target_type": "argument",
    }
    assert doc["sections"] == [{"id": "reasons", "title": "Reasons"}]
    assert doc["sources"] == [{"id": "ed", "text": "Moon's current policy may not work.", "title": "Editorial"}]


def test_an_empty_map_still_shows_every_top_level_key() -> None:
    assert json.loads(dumps(ArgumentMap())) == {
        "argmap": 1,
        "title": "",
        "metadata": {},
        "sources": [],
        "sections": [],
        "statements": [],
        "arguments": [],
        "relations": [],
    }


def test_text_is_written_as_utf8_not_escaped() -> None:
    text = "Moon\u2019s \u00abpolicy\u00bb \u2028 works"
    m = ArgumentMap(statements=[Statement(id="\u00fc", text=text)])
    assert text in dumps(m)
    assert loads(dumps(m)) == m


def test_data_keys_keep_their_order() -> None:
    m = ArgumentMap(metadata={"z": 1, "a": {"y": 2, "b": 3}})
    text = dumps(m)
    assert text.index('"z"') < text.index('"a"') < text.index('"y"') < text.index('"b"')
    assert list(loads(text).metadata["a"]) == ["y", "b"]


def test_locations_are_not_stored() -> None:
    m = ArgumentMap(statements=[Statement(id="a", text="A", location=Location(3, 4, "x.argdown"))])
    assert "location" not in dumps(m)
    assert loads(dumps(m)) == m
    assert loads(dumps(m)).statements[0].location is None


HASH_SEED_SCRIPT = """
import sys
from argmap import MapBuilder
from argmap.formats import dumps, loads

b = MapBuilder(title="seeded", metadata={f"key{n}": {f"inner{k}": [k, str(n)] for k in range(5)} for n in range(30)})
ids = [b.statement(f"Claim number {n}", tags=[f"t{k}" for k in range(n % 4)], data={str(n): n}) for n in range(40)]
for n in range(0, 38, 2):
    b.argument(ids[n : n + 2], ids[n + 2], id=f"a{n}", rules=["r1", "r2"])
    b.attack(ids[n + 1], f"a{n}")
text = dumps(b.build())
assert dumps(loads(text)) == text
sys.stdout.write(text)
"""


def test_output_is_byte_identical_across_hash_seeds(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    outputs = hash_seed_outputs(HASH_SEED_SCRIPT)
    assert len(outputs) == 1
    assert outputs.pop().startswith('{\n  "argmap": 1,\n  "title": "seeded",\n  "metadata": {\n    "key0": {')


# Malformed and wrongly shaped documents -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("", 1, 1),
        ('{\n  "argmap": 1,\n  "title": "x",,\n}', 3, 16),
        ('{"argmap": 1, "title": "unterminated}', 1, 24),
        ('{"argmap": 1}\n\n  trailing', 3, 3),
        ('{"argmap": 1, "title": "tab\there"}', 1, 28),
    ],
)
def test_malformed_json_is_a_parse_error_at_its_place(text: str, line: int, column: int) -> None:
    with pytest.raises(ParseError) as info:
        loads(text, path="map.json")
    assert (info.value.line, info.value.column, info.value.path) == (line, column, "map.json")
    assert str(info.value).startswith(f"map.json:{line}:{column}: invalid JSON: ")


def test_wrong_shapes_are_all_reported_with_json_paths() -> None:
    text = document(
        title=3,
        metadata=[],
        statements=[
            {"id": "a", "text": "A", "colour": "red"},
            {"id": 7, "tags": ["ok", None], "quotes": [{"source": "s"}]},
            "not an object",
        ],
        arguments=[{"id": "x", "steps": [{"premises": "p", "conclusion": "a"}]}],
        relations=[{"source": "a", "target": "a", "kind": "supports", "target_type": "claim"}],
        extra=True,
    )
    assert problems(text) == [
        ("unknown-key", "$.extra"),
        ("wrong-type", "$.title"),
        ("wrong-type", "$.metadata"),
        ("unknown-key", "$.statements[0].colour"),
        ("wrong-type", "$.statements[1].id"),
        ("missing-key", "$.statements[1]"),
        ("wrong-type", "$.statements[1].tags[1]"),
        ("missing-key", "$.statements[1].quotes[0]"),
        ("wrong-type", "$.statements[2]"),
        ("wrong-type", "$.arguments[0].steps[0].premises"),
        ("invalid-value", "$.relations[0].kind"),
        ("invalid-value", "$.relations[0].target_type"),
    ]


def test_shape_messages_say_what_was_expected() -> None:
    with pytest.raises(MapError) as info:
        loads(document(statements=[{"id": "a", "text": 1.5}], relations=[{"source": "a", "target": "a", "kind": 1}]))
    messages = [str(p) for p in info.value.problems]
    assert messages[0] == "$.statements[0].text: expected a string, got number"
    assert messages[1].startswith('$.relations[0].kind: expected one of "support", "attack", "undercut"')
    assert messages[1].endswith(", got number")


def test_unusual_keys_are_quoted_in_paths() -> None:
    assert problems(document(statements=[{"id": "a", "text": "A", "the colour": 1}])) == [
        ("unknown-key", "$.statements[0]['the colour']")
    ]


def test_a_top_level_that_is_not_an_object_is_a_map_error() -> None:
    assert problems("[1, 2]") == [("wrong-type", "$")]
    assert problems('"text"') == [("wrong-type", "$")]


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (2, "$.argmap: format version 2 is newer than this argmap reads (1): upgrade argmap"),
        (0, "$.argmap: unsupported format version 0: expected 1"),
        ("1", "$.argmap: unsupported format version '1': expected 1"),
        (1.0, "$.argmap: unsupported format version 1.0: expected 1"),
        (True, "$.argmap: unsupported format version True: expected 1"),
        ([1], "$.argmap: unsupported format version array: expected 1"),
    ],
)
def test_other_versions_are_refused(version: object, message: str) -> None:
    with pytest.raises(MapError) as info:
        loads(json.dumps({"argmap": version, "statements": "would be a shape problem"}))
    assert [str(p) for p in info.value.problems] == [message]  # only the version: the rest may mean anything


def test_a_missing_version_says_it_is_not_an_argmap_document() -> None:
    with pytest.raises(MapError, match='not an argmap document: the key "argmap"') as info:
        loads('{"nodes": [], "edges": []}')
    assert [p.code for p in info.value.problems] == ["missing-version"]


def test_duplicate_keys_are_reported() -> None:
    text = '{"argmap": 1, "title": "a", "title": "b", "statements": [{"id": "a", "id": "b", "text": "x"}]}'
    assert problems(text) == [("duplicate-key", "$"), ("duplicate-key", "$.statements[0]")]
    assert problems('{"argmap": 1, "metadata": {"k": {"x": 1, "x": 2}}}') == [("duplicate-key", "$.metadata.k")]


def test_values_json_cannot_carry_are_reported() -> None:
    text = '{"argmap": 1, "title": "\\udc80", "metadata": {"a": NaN, "b": -Infinity, "c": 1e999, "\\ud800": 0}}'
    assert problems(text) == [
        ("invalid-value", "$.title"),
        ("invalid-value", "$.metadata"),
        ("invalid-value", "$.metadata.a"),
        ("invalid-value", "$.metadata.b"),
        ("invalid-value", "$.metadata.c"),
    ]


def test_integers_too_long_to_convert_are_a_map_error() -> None:
    digits = "9" * 5000
    with pytest.raises(MapError, match=r"\$\.metadata\.n: an integer of 5000 digits is too long"):
        loads(f'{{"argmap": 1, "metadata": {{"n": {digits}}}}}')
    assert problems(f'{{"argmap": {digits}}}') == [("unsupported-version", "$.argmap")]
    assert problems(f'{{"argmap": 1, "title": {digits}}}') == [("wrong-type", "$.title")]


def test_the_models_own_errors_propagate() -> None:
    text = document(
        statements=[{"id": "a", "text": "A"}, {"id": "a", "text": "B"}, {"id": "b", "text": "  "}],
        relations=[{"source": "a", "target": "nowhere", "kind": "attack"}],
    )
    with pytest.raises(MapError) as info:
        loads(text, path="m.json")
    assert [p.code for p in info.value.problems] == ["duplicate-id", "empty-text", "dangling-reference"]
    assert info.value.path == "m.json"
    assert str(info.value).startswith("m.json: 3 problems: ")


def test_omitted_end_types_take_the_models_defaults() -> None:
    text = document(
        statements=[{"id": "a", "text": "A"}],
        arguments=[{"id": "a"}],
        relations=[
            {"source": "a", "target": "a", "kind": "undercut"},
            {"source": "a", "target": "a", "kind": "attack"},
        ],
    )
    undercut, attack = loads(text).relations
    assert (undercut.source_type.value, undercut.target_type.value) == ("statement", "argument")
    assert (attack.source_type.value, attack.target_type.value) == ("statement", "statement")


# Never anything but ArgmapError ---------------------------------------------------------------------------------


@given(st.text())
def test_arbitrary_text_raises_only_argmap_errors(text: str) -> None:
    with contextlib.suppress(ArgmapError):
        loads(text)


@given(json_values(max_leaves=30))
def test_arbitrary_json_raises_only_argmap_errors(value: Any) -> None:
    for doc in (value, {"argmap": 1, "statements": value}, {"argmap": 1, "metadata": {"x": value}}):
        with contextlib.suppress(ArgmapError):
            loads(json.dumps(doc))


def _places(doc: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in a JSON document, found iteratively."""
    places, stack = [], [doc]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node)) if isinstance(node, list) else []
        for key in keys:
            places.append((node, key))
            stack.append(node[key])
    return places


@given(argument_maps(min_statements=1), st.data())
def test_corrupted_documents_raise_only_argmap_errors(m: ArgumentMap, data: st.DataObject) -> None:
    doc = json.loads(dumps(m))
    for _ in range(data.draw(st.integers(1, 3))):
        container, key = data.draw(st.sampled_from(_places(doc)))
        container[key] = data.draw(json_values() | st.sampled_from(["a", "", "support", "argument", None]))
    with contextlib.suppress(ArgmapError):
        loads(json.dumps(doc))


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_very_deep_nesting_is_a_parse_error_at_the_limit() -> None:
    line2 = ' "title": "[[{", "metadata": {"done": [[]], "x": '  # brackets in strings and closed ones do not count
    with pytest.raises(ParseError, match="nested too deeply") as info:
        loads('{"argmap": 1,\n' + line2 + nested(100_000) + "}}")
    # Two levels are open when the arrays start: the error points at the one that takes the depth past the limit.
    assert (info.value.line, info.value.column) == (2, len(line2) + MAX_DEPTH - 2 + 1)


def test_nesting_past_the_limit_is_refused_with_its_path_and_within_it_round_trips() -> None:
    with pytest.raises(MapError, match="nested more than 100 levels deep"):
        loads(f'{{"argmap": 1, "metadata": {{"x": {nested(MAX_DEPTH)}}}}}')
    m = loads(f'{{"argmap": 1, "metadata": {{"x": {nested(MAX_DEPTH - 1)}}}}}')
    assert loads(dumps(m)) == m


# Writing values that JSON cannot carry --------------------------------------------------------------------------


def _deep(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        ({"t": (1, 2)}, "$.statements[0].data.t", "a Python tuple is not a JSON value; use a list"),
        ({"s": {1, 2}}, "$.statements[0].data.s", "a Python set is not a JSON value"),
        ({1: "one"}, "$.statements[0].data", "object keys must be strings, not int"),
        ({"x": [math.nan]}, "$.statements[0].data.x[0]", "nan is not a finite number, which JSON requires"),
        ({"x": "\ud800"}, "$.statements[0].data.x", "contains a lone surrogate"),
        ({"deep": _deep(MAX_DEPTH)}, "$.statements[0].data.deep" + "[0]" * (MAX_DEPTH - 1), "nested more than 100"),
        ({"big": 10**5000}, "$.statements[0].data.big", "too many digits"),
    ],
)
def test_data_that_would_not_come_back_is_refused(data: dict[Any, Any], where: str, message: str) -> None:
    m = ArgumentMap(statements=[Statement(id="a", text="A", data=data)])
    with pytest.raises(MapError) as info:
        dumps(m)
    [problem] = info.value.problems
    assert problem.path == where
    assert message in problem.message


def test_circular_data_is_refused_not_followed() -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    loop["list"] = [loop, loop]
    with pytest.raises(MapError) as info:
        dumps(ArgumentMap(metadata={"loop": loop}))
    wheres = [p.path for p in info.value.problems]
    assert wheres == ["$.metadata.loop.self", "$.metadata.loop.list[0]", "$.metadata.loop.list[1]"]


def test_any_mapping_is_written_as_an_object() -> None:
    m = ArgumentMap(metadata={"inner": MappingProxyType({"k": [1, "two"]})})
    assert loads(dumps(m)) == m


def test_a_quote_source_that_is_not_a_string_is_refused() -> None:
    with pytest.raises(MapError, match="a: quote's source id must be a string, not int"):
        ArgumentMap(statements=[Statement(id="a", text="A", quotes=[Quote(3, "x")])])  # type: ignore[arg-type]
    document = '{"argmap": 1, "statements": [{"id": "a", "text": "A", "quotes": [{"source": 3, "text": "x"}]}]}'
    with pytest.raises(MapError, match=r"\$\.statements\[0\]\.quotes\[0\]\.source: expected a string"):
        loads(document)


# The registry and files -----------------------------------------------------------------------------------------


def test_formats_are_looked_up_by_name_and_by_suffix() -> None:
    assert get_format("json") is get_format("JSON") is FORMATS["json"]
    assert format_for_path("maps/kim.json") is FORMATS["json"]
    assert format_for_path(Path("KIM.JSON")) is FORMATS["json"]
    suffixes = [s for f in FORMATS.values() for s in f.suffixes]
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)
    # A suffix that several formats share needs each of them to recognise its own files.
    for shared in {s for s in suffixes if suffixes.count(s) > 1}:
        assert all(f.sniff is not None for f in FORMATS.values() if shared in f.suffixes), shared


def test_the_content_chooses_among_the_formats_of_a_shared_suffix(tmp_path: Path) -> None:
    aif = '{"nodes": [{"nodeID": "1", "text": "Tea is good.", "type": "I"}], "edges": []}'
    assert shares_suffix("x.json")
    assert not shares_suffix("x.aif.json")
    assert not shares_suffix("x.argdown")
    assert format_for_path("x.json", aif) is FORMATS["aif"]
    assert format_for_path("x.json", dumps(small_map())) is FORMATS["json"]
    assert format_for_path("x.json", "[1, 2]") is FORMATS["json"]  # recognised by none: argmap's own
    assert format_for_path("x.json") is FORMATS["json"]
    (tmp_path / "nodeset.json").write_text(aif, encoding="utf-8")
    assert [s.text for s in load(tmp_path / "nodeset.json").statements] == ["Tea is good."]
    dump(small_map(), tmp_path / "map.json")
    assert load(tmp_path / "map.json") == small_map()
    (tmp_path / "bad.json").write_text('{"statements": 3}', encoding="utf-8")
    with pytest.raises(MapError, match=r"bad\.json"):
        load(tmp_path / "bad.json")


def test_aif_corpus_files_are_read_as_aif_by_their_content(shared_corpus: Path) -> None:
    path = min((shared_corpus / "aif").glob("*/*.json"))
    assert load(path) == load(path, "aif")


def test_unknown_formats_list_the_known_ones() -> None:
    with pytest.raises(UnknownFormat, match=r"unknown format 'yaml'; known formats: json \(\.json\)"):
        dumps(small_map(), format="yaml")
    with pytest.raises(UnknownFormat, match=r"cannot tell the format of 'map\.txt'.*json \(\.json\)"):
        load("map.txt")
    with pytest.raises(UnknownFormat, match="from its suffix"):
        dump(small_map(), "map")


def test_formats_that_only_read_or_only_write(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    only_write = Format(name="picture", suffixes=(".pic",), loads=None, dumps=lambda m: "drawn")
    only_read = Format(name="legacy", suffixes=(".old",), loads=FORMATS["json"].loads, dumps=None)
    formats = MappingProxyType({**FORMATS, "picture": only_write, "legacy": only_read})
    monkeypatch.setattr(argmap.formats, "FORMATS", formats)
    assert dumps(small_map(), format="picture") == "drawn"
    readers = ", ".join(name for name, f in formats.items() if f.loads is not None)
    writers = ", ".join(name for name, f in formats.items() if f.dumps is not None)
    assert readers.startswith("json, ")
    assert readers.endswith(", legacy")
    assert "picture" not in readers
    assert writers.startswith("json, ")
    assert writers.endswith(", picture")
    assert "legacy" not in writers
    with pytest.raises(UnknownFormat, match=f"can write picture but not read it; it reads: {readers}$"):
        load(tmp_path / "missing.pic", format="picture")  # refused before the (missing) file is opened
    with pytest.raises(UnknownFormat, match=f"can read legacy but not write it; it writes: {writers}$"):
        dumps(small_map(), format="legacy")
    assert loads(dumps(small_map()), format="legacy") == small_map()


def test_dump_and_load_a_file(tmp_path: Path) -> None:
    path = tmp_path / "kim.json"
    assert dump(small_map(), path) == path
    assert path.read_text(encoding="utf-8") == dumps(small_map())
    assert load(path) == small_map()
    assert load(str(path)) == small_map()
    other = tmp_path / "kim.txt"
    dump(small_map(), other, format="json")
    assert load(other, format="json") == small_map()


def test_a_byte_order_mark_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps(small_map()).encode())
    assert load(path) == small_map()


def test_bad_utf8_is_a_parse_error_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"argmap": 1,\n "title": "Caf\xc3\xa9 \xe9"}')  # UTF-8 "Café", then a Latin-1 "é"
    with pytest.raises(ParseError, match=r"not UTF-8 text: invalid continuation byte \(byte 0xE9\)") as info:
        load(path)
    assert (info.value.path, info.value.line, info.value.column) == (str(path), 2, 17)


def test_errors_from_a_file_name_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"argmap": 1,', encoding="utf-8")
    with pytest.raises(ParseError, match=r"broken\.json:1:14: invalid JSON"):
        load(broken)
    bad = tmp_path / "bad.json"
    bad.write_text(document(statements=[{"id": "a"}]), encoding="utf-8")
    with pytest.raises(MapError) as info:
        load(bad)
    assert info.value.path == str(bad)
    assert str(info.value) == f"{bad}: $.statements[0]: the key 'text' is missing"


def test_a_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "absent.json")


def test_a_map_that_cannot_be_written_leaves_the_old_file_intact(tmp_path: Path) -> None:
    path = tmp_path / "kim.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(MapError):
        dump(ArgumentMap(metadata={"when": object()}), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["kim.json"]


def test_a_failed_write_leaves_the_old_file_intact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "kim.json"
    path.write_text("old", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        dump(small_map(), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["kim.json"]


def test_every_element_type_survives_a_file_round_trip(tmp_path: Path) -> None:
    m = ArgumentMap(
        title="t",
        sources=[Source(id="s", text="x y")],
        sections=[Section(id="h", title="H"), Section(id="h2", title="H2", parent="h")],
        statements=[Statement(id="a", text="A", section="h2", quotes=[Quote("s", "x")]), Statement(id="b", text="B")],
        arguments=[
            Argument(id="a", text="desc", steps=[Inference(premises=["a"], conclusion="b", data={"k": None})]),
            Argument(id="sketch"),
        ],
        relations=[
            Relation(source="a", target="sketch", kind="contrary", source_type="argument", target_type="argument")
        ],
    )
    assert load(dump(m, tmp_path / "all.json")) == m


def test_null_section_and_parent_mean_none() -> None:
    text = document(
        sections=[{"id": "h", "title": "H", "parent": None}],
        statements=[{"id": "a", "text": "A", "section": None}],
        arguments=[{"id": "x", "section": None}],
    )
    m = loads(text)
    assert (m.section("h").parent, m.statement("a").section, m.argument("x").section) == (None, None, None)
    assert m == loads(dumps(m))
