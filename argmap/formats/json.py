"""The argmap JSON format: lossless, versioned, with a stable key order."""

from __future__ import annotations

import json
from typing import Any, Final, cast

from ..errors import MapError, Problem
from ..model import ArgumentMap
from . import MAX_DEPTH
from ._shapes import MAP, check_keys, decode, decode_object, encode_mapping, json_type, parse_int, show

__all__ = ["MAX_DEPTH", "VERSION", "dumps", "loads"]

#: The format version written under the key ``"argmap"``; a reader refuses any other.
VERSION: Final = 1


def _check_version(document: dict[str, Any]) -> None:
    if "argmap" not in document:
        message = 'not an argmap document: the key "argmap" with the format version is missing'
        raise MapError([Problem("missing-version", message, path="$")])
    version = document["argmap"]
    if type(version) is int and version == VERSION:
        return
    if type(version) is int and version > VERSION:
        message = f"format version {version} is newer than this argmap reads ({VERSION}): upgrade argmap"
    else:
        shown = show(version) if isinstance(version, int | float | str) else json_type(version)
        message = f"unsupported format version {shown}: expected {VERSION}"
    raise MapError([Problem("unsupported-version", message, path="$.argmap")])


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from argmap JSON, as written by :func:`dumps`.

    Raises :class:`~argmap.ParseError` (with line and column) for text that is not JSON, or nests too deeply for
    Python to parse (placed where it passes :data:`MAX_DEPTH` levels). Raises :class:`~argmap.MapError` for JSON of
    the wrong shape, listing every problem with its JSON path (``$.statements[3].text``): wrong types, unknown,
    missing or repeated keys, values JSON cannot carry (lone surrogates, ``NaN``, integers too long to convert,
    data nested more than :data:`MAX_DEPTH` levels), and a missing or unsupported ``"argmap"`` version. A
    well-shaped document then goes to the model, whose own :class:`~argmap.MapError` (duplicate ids, dangling
    references, bad text) propagates. ``path`` names the file in a :class:`~argmap.ParseError`.

    Keys that the writer leaves out may be left out here too; a relation's end types then take the model's
    defaults (a statement, or an argument for an undercut's target).
    """
    document = decode(text, path, parse_int=parse_int, object_pairs_hook=decode_object)
    if not isinstance(document, dict):
        raise MapError([Problem("wrong-type", f"expected an object, got {json_type(document)}", path="$")])
    _check_version(document)
    problems: list[Problem] = []
    check_keys(document, "$", problems)
    result = MAP.read({key: value for key, value in document.items() if key != "argmap"}, "$", problems)
    if problems:
        raise MapError(problems)
    return cast(ArgumentMap, result)


def dumps(m: ArgumentMap) -> str:
    """Write a map as argmap JSON: ``{"argmap": 1, "title", "metadata", "sources", "sections", "statements",
    "arguments", "relations"}``, indented by two spaces, UTF-8 text as is, with a final newline.

    The output is the same, byte for byte, on every run: keys come in a fixed order (the model's field order), and
    the keys of ``data`` and ``metadata`` keep the order they were given in, as a hand-edited file keeps its order
    on a round trip. Element keys that hold their default (an empty list, text, object, or no section) are left
    out; a relation always names its end types. Locations are not written: they say where a map was read from,
    and are not part of its value (maps compare equal without them).

    ``data`` and ``metadata`` must hold only JSON values (``None``, booleans, integers, finite floats, strings,
    lists, and mappings with string keys, nested at most :data:`MAX_DEPTH` levels), so that the map comes back
    equal; anything else raises :class:`~argmap.MapError` naming each offending value by its JSON path.
    """
    problems: list[Problem] = []
    body = MAP.write(m, "$", problems)
    if problems:
        raise MapError(problems)
    return json.dumps({"argmap": VERSION, **body}, indent=2, ensure_ascii=False, default=encode_mapping) + "\n"
