"""The JSON Schema (draft 2020-12) of argmap's JSON format, built from the reader's own tables of fields."""

from __future__ import annotations

import json as _json
from collections.abc import Mapping
from typing import Any, Final

from . import _shapes as shapes
from . import json

__all__ = ["DIALECT", "json_schema", "json_schema_text"]

#: The JSON Schema dialect of :func:`json_schema`.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"

# What each key means, by definition and key. A key of the reader's tables without one here fails the tests, so
# that a new key cannot reach the published schema undocumented.
_DESCRIPTIONS: Mapping[str, Mapping[str, str]] = {
    "argumentmap": {
        "title": "The map's title.",
        "metadata": "Anything else about the map, kept as it is.",
        "sources": "The texts the map is about.",
        "sections": "Headings and groups; a section's parent comes before it.",
        "statements": "The claims.",
        "arguments": "The arguments, each reconstructed as inference steps, or sketched with none.",
        "relations": "Support, attack and the other relations between statements and arguments.",
    },
    "source": {
        "id": "Unique among sources; quotes name it.",
        "text": "The whole text.",
        "title": "The text's title, such as a headline.",
    },
    "section": {
        "id": "Unique among sections.",
        "title": "The heading.",
        "parent": "The id of the enclosing section, which comes earlier; null or absent at the top level.",
        "data": "Anything else about the section, such as how a drawing shows it, kept as it is.",
    },
    "quote": {
        "source": "The id of the quoted source.",
        "text": "The excerpt, verbatim.",
    },
    "statement": {
        "id": "Unique among statements (an argument may have the same id).",
        "text": "The claim.",
        "tags": "Tags, without '#'.",
        "quotes": "Excerpts of sources that ground the claim.",
        "data": "Anything else about the statement, kept as it is.",
        "section": "The id of the section the statement belongs to.",
    },
    "argument": {
        "id": "Unique among arguments (a statement may have the same id).",
        "text": "A description of the argument.",
        "steps": "The reconstruction: each step concludes one statement from linked premises. None: sketched.",
        "unused_premises": "The ids of statements listed as premises that no step uses; they support nothing.",
        "tags": "Tags, without '#'.",
        "scheme": "The argumentation scheme the argument instantiates, such as 'Expert Opinion'.",
        "data": "Anything else about the argument, kept as it is.",
        "section": "The id of the section the argument belongs to.",
    },
    "inference": {
        "premises": "The ids of the statements that together support the conclusion.",
        "conclusion": "The id of the statement concluded.",
        "rules": "Names of the inference rules applied.",
        "data": "Anything else about the step, kept as it is.",
    },
    "relation": {
        "source": "The id of the statement or argument the relation comes from.",
        "target": "The id of the statement or argument the relation is aimed at.",
        "kind": "What the source does to the target.",
        "source_type": "What the source id names; 'statement' when absent.",
        "target_type": "What the target id names; when absent, 'argument' for an undercut, else 'statement'.",
    },
}


def _name(kind: shapes.ObjectKind) -> str:
    return getattr(kind.type, "__name__", "object").lower()


def _kind(kind: object, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one of the reader's kinds of value; objects go into ``defs`` and are referred to."""
    if isinstance(kind, shapes.StringKind):
        return {"type": ["string", "null"] if kind.nullable else "string"}
    if isinstance(kind, shapes.StringsKind):
        return {"type": "array", "items": {"type": "string"}}
    if isinstance(kind, shapes.DataKind):
        return {"$ref": "#/$defs/data"}
    if isinstance(kind, shapes.EnumKind):
        return {"enum": [member.value for member in kind.type]}
    if isinstance(kind, shapes.ArrayKind):
        return {"type": "array", "items": _kind(kind.item, defs)}
    if isinstance(kind, shapes.ObjectKind):
        name = _name(kind)
        if name not in defs:
            defs[name] = _object(kind, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for the reader's {type(kind).__name__}")


def _object(kind: shapes.ObjectKind, defs: dict[str, Any]) -> dict[str, Any]:
    descriptions = _DESCRIPTIONS.get(_name(kind), {})
    properties: dict[str, Any] = {}
    for field in kind.fields:
        described = {"description": descriptions[field.name]} if field.name in descriptions else {}
        properties[field.name] = {**described, **_kind(field.kind, defs)}
    schema: dict[str, Any] = {"type": "object"}
    required = [field.name for field in kind.fields if field.required]
    if required:
        schema["required"] = required
    return {**schema, "properties": properties, "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the documents that :func:`argmap.loads` reads as JSON and
    :func:`argmap.dumps` writes: a new dict on every call, the same on every run.

    It is built from the reader's own tables of keys, so the two cannot drift apart: a document that the schema
    rejects, the reader rejects too, with a :class:`~argmap.Problem` at the same JSON path. The reader checks a
    little more than a schema can say (repeated keys, lone surrogates, ``NaN``, data nested more than
    :data:`~argmap.formats.MAX_DEPTH` levels) and then the model's own rules: unique ids, intact references,
    texts that are not empty and hold no control characters.
    """
    defs: dict[str, Any] = {}
    body = _object(shapes.MAP, defs)
    version = {
        "description": "The version of the format; a reader refuses any other.",
        "const": json.VERSION,
    }
    data = {
        "description": f"Any JSON object, kept as it is; lists and objects nest at most {json.MAX_DEPTH} levels.",
        "type": "object",
    }
    return {
        "$schema": DIALECT,
        "title": f"argmap JSON, version {json.VERSION}",
        "description": "An argument map: statements, arguments and the relations between them, with the sources "
        "they quote and the sections they sit in.",
        "type": "object",
        "required": ["argmap"],
        "properties": {"argmap": version, **body["properties"]},
        "additionalProperties": False,
        "$defs": {**defs, "data": data},
    }


def json_schema_text() -> str:
    """:func:`json_schema` as JSON text, indented by two spaces, with a final newline, as ``argmap schema``
    prints it.
    """
    return _json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
