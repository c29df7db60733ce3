"""The JSON Schema of argmap's JSON format: valid, published, deterministic, and in agreement with the reader."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from argmap import MapError, Problem
from argmap.catalogue import CATALOGUE
from argmap.formats import _shapes as shapes
from argmap.formats import dumps
from argmap.formats import json as argmap_json
from argmap.formats.json_schema import DIALECT, json_schema, json_schema_text
from argmap.strategies import argument_maps, json_values

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "docs" / "argmap-schema.json"
VALIDATOR = jsonschema.Draft202012Validator(json_schema())
# Problems with the shape of a document, which the schema describes; the model's own rules come after.
SHAPE = frozenset(
    (
        "wrong-type",
        "missing-key",
        "unknown-key",
        "duplicate-key",
        "invalid-value",
        "missing-version",
        "unsupported-version",
    )
)
VERSION = frozenset(("missing-version", "unsupported-version"))

Path_ = tuple[str | int, ...]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["argmap"]["const"] == argmap_json.VERSION == 1
    assert schema["required"] == ["argmap"]
    assert str(argmap_json.MAX_DEPTH) in schema["$defs"]["data"]["description"]


def test_the_schema_follows_the_readers_tables() -> None:
    defs = json_schema()["$defs"]
    statement = defs["statement"]
    assert statement["required"] == ["id", "text"]
    assert list(statement["properties"]) == ["id", "text", "tags", "quotes", "data", "section"]
    assert statement["additionalProperties"] is False
    assert defs["argument"]["required"] == ["id"]
    assert defs["argument"]["properties"]["scheme"]["type"] == ["string", "null"]
    assert defs["relation"]["properties"]["kind"]["enum"] == [
        "support",
        "attack",
        "undercut",
        "contradiction",
        "contrary",
        "entails",
    ]
    assert defs["relation"]["properties"]["target_type"]["enum"] == ["statement", "argument"]
    assert defs["inference"]["properties"]["premises"] == {
        "description": "The ids of the statements that together support the conclusion.",
        "type": "array",
        "items": {"type": "string"},
    }


def test_every_key_is_described() -> None:
    schema = json_schema()
    for definition in [schema, *schema["$defs"].values()]:
        for key, value in definition.get("properties", {}).items():
            assert value.get("description"), key


def test_the_schema_is_a_fresh_object_each_time() -> None:
    schema = json_schema()
    schema["$defs"]["statement"]["required"].append("tags")
    assert json_schema()["$defs"]["statement"]["required"] == ["id", "text"]


def test_the_text_is_the_same_on_every_run_and_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    texts = hash_seed_outputs("from argmap.cli import main; main(['schema'])")
    assert texts == {json_schema_text()}
    assert json.loads(json_schema_text()) == json_schema()


def test_the_docs_publish_the_current_schema() -> None:
    assert PUBLISHED.read_text(encoding="utf-8") == json_schema_text(), (
        "regenerate it: .venv/bin/argmap schema > docs/argmap-schema.json"
    )


# The schema and the reader agree ------------------------------------------------------------------------------


def reader_path(parts: Path_) -> str:
    """A JSON path written as the reader writes it."""
    path = "$"
    for part in parts:
        path = f"{path}[{part}]" if isinstance(part, int) else shapes.member(path, part)
    return path


def schema_paths(document: object) -> set[str]:
    """Where the schema finds fault, as the reader would say it: an unknown key at the key, not at its object."""
    paths = set()
    for error in VALIDATOR.iter_errors(document):
        parts = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            assert isinstance(error.instance, dict)
            known = error.schema["properties"]
            paths.update(reader_path((*parts, key)) for key in error.instance if key not in known)
        else:
            paths.add(reader_path(parts))
    return paths


def reader_problems(document: object) -> list[Problem]:
    try:
        argmap_json.loads(json.dumps(document))
    except MapError as error:
        return list(error.problems)
    return []


def assert_agree(document: object) -> None:
    """The schema rejects a document exactly when the reader finds fault with its shape, at the same paths.

    The reader stops at a bad version, as it must not read a format it does not know; the schema goes on.
    """
    problems = reader_problems(document)
    found = schema_paths(document)
    versions = {problem.path for problem in problems if problem.code in VERSION}
    if versions:
        assert versions <= found
    else:
        assert found == {problem.path for problem in problems if problem.code in SHAPE}


def locations(document: Any) -> list[Path_]:
    """The path of every value in a document, the document itself first."""
    found: list[Path_] = []
    stack: list[tuple[Path_, Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        found.append(path)
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        stack.extend(((*path, key), child) for key, child in items)
    return found


def at(document: Any, path: Path_) -> Any:
    for part in path:
        document = document[part]
    return document


@st.composite
def mutated_documents(draw: st.DrawFn) -> object:
    """A document that argmap wrote, changed in one place: a value replaced, a key removed, or a key added."""
    document = json.loads(dumps(draw(argument_maps(max_statements=5, max_arguments=3, max_relations=5))))
    path = draw(st.sampled_from(locations(document)))
    target = at(document, path)
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "add" and isinstance(target, dict):
        key = draw(st.text(max_size=8).filter(lambda key: key not in target))
        target[key] = draw(json_values())
        return document
    if action == "remove" and path:
        del at(document, path[:-1])[path[-1]]
        return document
    value = draw(json_values())
    # JSON Schema cannot tell 1.0 from 1, which the reader refuses as a version: see docs/schema.md.
    assume(not (path == ("argmap",) and isinstance(value, float) and value == 1))
    if not path:
        return value
    at(document, path[:-1])[path[-1]] = value
    return document


@given(argument_maps())
def test_everything_argmap_writes_is_valid(m: object) -> None:
    document = json.loads(dumps(m))  # type: ignore[arg-type]
    assert list(VALIDATOR.iter_errors(document)) == []


@given(mutated_documents())
def test_the_schema_and_the_reader_agree_on_changed_documents(document: object) -> None:
    assert_agree(document)


@pytest.mark.parametrize(
    "code", ["missing-version", "unsupported-version", "wrong-type", "missing-key", "unknown-key", "invalid-value"]
)
def test_the_catalogue_examples_of_bad_files_break_the_schema_where_the_reader_says(code: str) -> None:
    document = json.loads(CATALOGUE[code].example)
    problems = reader_problems(document)
    assert code in [problem.code for problem in problems]
    assert {problem.path for problem in problems} <= schema_paths(document)
    assert_agree(document)


def test_what_only_the_reader_refuses() -> None:
    """Repeated keys, lone surrogates, NaN and deep nesting are beyond a schema; the reader still refuses them."""
    deep: dict[str, Any] = {}
    inner = deep
    for _ in range(argmap_json.MAX_DEPTH):
        inner["x"] = {}
        inner = inner["x"]
    base = {"argmap": 1, "statements": [{"id": "p", "text": "P.", "data": deep}]}
    assert schema_paths(base) == set()
    assert [problem.code for problem in reader_problems(base)] == ["invalid-value"]
    for text in ('{"argmap": 1, "title": "a", "title": "b"}', '{"argmap": 1, "metadata": {"x": NaN}}'):
        with pytest.raises(MapError):
            argmap_json.loads(text)
        assert schema_paths(json.loads(text)) == set()


def test_a_version_written_as_a_float_is_refused_by_the_reader_alone() -> None:
    assert schema_paths({"argmap": 1.0}) == set()
    assert [problem.code for problem in reader_problems({"argmap": 1.0})] == ["unsupported-version"]


def test_the_docs_example() -> None:
    docs = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    code = docs.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    assert namespace["problems"] == [
        "$.statements[0]: 'text' is a required property",
        "$.statements[0]: Additional properties are not allowed ('txt' was unexpected)",
    ]
    problems = reader_problems(namespace["document"])
    assert [(problem.code, problem.path) for problem in problems] == [
        ("unknown-key", "$.statements[0].txt"),
        ("missing-key", "$.statements[0]"),
    ]
    assert "literalinclude} argmap-schema.json" in docs
