"""The shapes of JSON values: decoding with located errors, and the kinds that read, check and write the model."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, Final, Protocol

import attrs

from ..errors import ParseError, Problem
from ..model import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
    Statement,
)
from . import MAX_DEPTH

__all__ = [
    "DATA",
    "INVALID",
    "MAP",
    "QUOTE",
    "REFERENCE",
    "SECTION",
    "SOURCE",
    "STRING",
    "STRINGS",
    "ArrayKind",
    "DataKind",
    "Digits",
    "EnumKind",
    "Field",
    "ObjectKind",
    "StringKind",
    "StringsKind",
    "check_json_value",
    "check_keys",
    "decode",
    "decode_object",
    "encode_mapping",
    "json_type",
    "member",
    "parse_int",
    "show",
    "wrong_type",
]

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A JSON string (possibly unterminated) or a bracket: enough to measure nesting without parsing.
_NESTING_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"?|[\[\]{}]', re.DOTALL)


class _Invalid:
    """The result of reading a value that had a problem; the problem itself is already recorded."""


INVALID: Final = _Invalid()


class Digits(str):
    """An integer literal too long for Python to convert (see ``sys.set_int_max_str_digits``)."""


class _DuplicateKeys(dict[str, Any]):
    """A JSON object that named some keys more than once; ``duplicates`` lists them, and the last value won."""

    duplicates: tuple[str, ...] = ()


def parse_int(literal: str) -> int | Digits:
    try:
        return int(literal)
    except ValueError:
        return Digits(literal)


def decode_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    flagged = _DuplicateKeys(result)
    flagged.duplicates = tuple(key for key, n in Counter(key for key, _ in pairs).items() if n > 1)
    return flagged


# Paths and descriptions -----------------------------------------------------------------------------------------


def member(where: str, key: str) -> str:
    """The JSON path of ``key`` inside the object at ``where``: ``$.a.b``, or ``$['a b']`` when it must be quoted."""
    return f"{where}.{key}" if _IDENTIFIER.fullmatch(key) else f"{where}[{show(key)}]"


def show(value: object, limit: int = 40) -> str:
    """A short, printable rendering of a value for a message; never contains raw control characters."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def json_type(value: object) -> str:
    if isinstance(value, str) and not isinstance(value, Digits):
        return "string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Digits):
        return "number"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list):
        return "array"
    return f"a Python {type(value).__name__}"


def wrong_type(expected: str, value: object, where: str, problems: list[Problem]) -> _Invalid:
    problems.append(Problem("wrong-type", f"expected {expected}, got {json_type(value)}", path=where))
    return INVALID


def check_keys(value: Mapping[str, Any], where: str, problems: list[Problem]) -> None:
    if isinstance(value, _DuplicateKeys):
        for key in value.duplicates:
            problems.append(Problem("duplicate-key", f"the key {show(key)} appears more than once", path=where))


def _check_string(value: str, where: str, problems: list[Problem]) -> bool:
    bad = _SURROGATE.search(value)
    if bad is None:
        return True
    problems.append(
        Problem("invalid-value", f"contains a lone surrogate {show(bad.group())}, which is not a character", path=where)
    )
    return False


def check_json_value(value: object, where: str, problems: list[Problem]) -> None:
    """Report everything in ``value`` that would not come back unchanged from JSON.

    Iterative and depth-limited; a container met again inside itself is a cycle, reported rather than followed.
    """
    stack: list[tuple[object, str, int]] = [(value, where, 1)]
    open_containers: set[int] = set()  # ids of the containers on the way down to the current value
    while stack:
        value, where, depth = stack.pop()
        if isinstance(value, _Leave):
            open_containers.discard(value.container)
        elif isinstance(value, Digits):
            problems.append(
                Problem("invalid-value", f"an integer of {len(value)} digits is too long to read", path=where)
            )
        elif isinstance(value, str):
            _check_string(value, where, problems)
        elif value is None or isinstance(value, bool):
            pass
        elif isinstance(value, int):
            try:
                int.__repr__(value)
            except ValueError:
                problems.append(Problem("invalid-value", "the integer has too many digits to write", path=where))
        elif isinstance(value, float):
            if not math.isfinite(value):
                problems.append(
                    Problem("invalid-value", f"{value!r} is not a finite number, which JSON requires", path=where)
                )
        elif isinstance(value, Mapping | list):
            if id(value) in open_containers:
                problems.append(Problem("invalid-value", "contains itself (a circular reference)", path=where))
            elif depth > MAX_DEPTH:
                problems.append(Problem("invalid-value", f"nested more than {MAX_DEPTH} levels deep", path=where))
            else:
                open_containers.add(id(value))
                stack.append((_Leave(id(value)), where, depth))
                stack.extend(reversed(_children(value, where, depth + 1, problems)))  # keeps problems in order
        else:
            hint = "; use a list" if isinstance(value, tuple) else ""
            problems.append(Problem("invalid-value", f"{json_type(value)} is not a JSON value{hint}", path=where))


@attrs.frozen
class _Leave:
    """A marker on the walk's stack: every value inside ``container`` has been checked."""

    container: int


def _children(
    value: Mapping[Any, Any] | list[Any], where: str, depth: int, problems: list[Problem]
) -> list[tuple[object, str, int]]:
    if isinstance(value, list):
        return [(child, f"{where}[{n}]", depth) for n, child in enumerate(value)]
    check_keys(value, where, problems)
    children: list[tuple[object, str, int]] = []
    for key, child in value.items():
        if not isinstance(key, str):
            problems.append(
                Problem("invalid-value", f"object keys must be strings, not {type(key).__name__}", path=where)
            )
        elif _check_string(key, where, problems):
            children.append((child, member(where, key), depth))
    return children


# Field kinds: how one model value is read from JSON and written back -----------------------------------------


class _Kind(Protocol):
    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        """The model value for ``value``, or ``INVALID`` after recording the problems."""

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        """The JSON value for ``value``; records a problem if it cannot be written losslessly."""


@attrs.frozen
class StringKind:
    nullable: bool = False

    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if value is None and self.nullable:
            return None
        if not isinstance(value, str) or isinstance(value, Digits):
            return wrong_type("a string or null" if self.nullable else "a string", value, where, problems)
        return value if _check_string(value, where, problems) else INVALID

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        # The model checks most texts, but not every reference (a quote's source): check here, since a bad value
        # would otherwise fail later, at encoding, and far from its cause.
        return self.read(value, where, problems)


@attrs.frozen
class StringsKind:
    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            return wrong_type("an array of strings", value, where, problems)
        items = [STRING.read(item, f"{where}[{n}]", problems) for n, item in enumerate(value)]
        return INVALID if any(item is INVALID for item in items) else tuple(items)

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        return [STRING.write(item, f"{where}[{n}]", problems) for n, item in enumerate(value)]


@attrs.frozen
class DataKind:
    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            return wrong_type("an object", value, where, problems)
        count = len(problems)
        check_json_value(value, where, problems)
        return value if len(problems) == count else INVALID

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        check_json_value(value, where, problems)
        return value  # a mapping, turned into an object by encode_mapping


@attrs.frozen
class EnumKind:
    type: type[ElementType] | type[RelationKind]

    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        try:
            return self.type(value)
        except (ValueError, TypeError):  # TypeError: an unhashable value such as a list
            names = ", ".join(f'"{member.value}"' for member in self.type)
            got = show(value) if isinstance(value, str) else json_type(value)
            problems.append(Problem("invalid-value", f"expected one of {names}, got {got}", path=where))
            return INVALID

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        return value.value


@attrs.frozen
class Field:
    """One key of an object: required keys must be present when reading; ``omit`` leaves out falsy values when
    writing (the model's defaults are all falsy: ``""``, ``()``, ``None``, ``{}``).
    """

    name: str
    kind: _Kind
    required: bool = False
    omit: bool = False


@attrs.frozen
class ObjectKind:
    """An object whose keys are model fields, in the order they are written."""

    type: Callable[..., Any]
    fields: tuple[Field, ...]
    _names: frozenset[str] = attrs.field(
        init=False, default=attrs.Factory(lambda self: frozenset(f.name for f in self.fields), takes_self=True)
    )

    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if not isinstance(value, dict):
            return wrong_type("an object", value, where, problems)
        valid = self._names.issuperset(value)
        if not valid:
            expected = ", ".join(field.name for field in self.fields)
            for key in value:
                if key not in self._names:
                    problems.append(
                        Problem("unknown-key", f"unknown key; expected one of {expected}", path=member(where, key))
                    )
        check_keys(value, where, problems)
        kwargs: dict[str, Any] = {}
        for field in self.fields:
            if field.name in value:
                # Field names are identifiers, so their paths need no quoting.
                item = field.kind.read(value[field.name], f"{where}.{field.name}", problems)
                valid = valid and item is not INVALID
                kwargs[field.name] = item
            elif field.required:
                problems.append(Problem("missing-key", f"the key {field.name!r} is missing", path=where))
                valid = False
        return self.type(**kwargs) if valid else INVALID

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        result: dict[str, Any] = {}
        for field in self.fields:
            item = getattr(value, field.name)
            if item or not field.omit:
                result[field.name] = field.kind.write(item, f"{where}.{field.name}", problems)
        return result


@attrs.frozen
class ArrayKind:
    """An array of objects, read into a tuple."""

    item: ObjectKind

    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            return wrong_type("an array", value, where, problems)
        items = [self.item.read(item, f"{where}[{n}]", problems) for n, item in enumerate(value)]
        return INVALID if any(item is INVALID for item in items) else tuple(items)

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        return [self.item.write(item, f"{where}[{n}]", problems) for n, item in enumerate(value)]


STRING: Final = StringKind()
REFERENCE: Final = StringKind(nullable=True)
STRINGS: Final = StringsKind()
DATA: Final = DataKind()


def _required(name: str, kind: _Kind = STRING) -> Field:
    return Field(name, kind, required=True)


def _optional(name: str, kind: _Kind) -> Field:
    return Field(name, kind, omit=True)


QUOTE = ObjectKind(Quote, (_required("source"), _required("text")))
_INFERENCE = ObjectKind(
    Inference,
    (_required("premises", STRINGS), _required("conclusion"), _optional("rules", STRINGS), _optional("data", DATA)),
)
SOURCE = ObjectKind(Source, (_required("id"), _required("text"), _optional("title", STRING)))
SECTION = ObjectKind(
    Section, (_required("id"), _required("title"), _optional("parent", REFERENCE), _optional("data", DATA))
)
_STATEMENT = ObjectKind(
    Statement,
    (
        _required("id"),
        _required("text"),
        _optional("tags", STRINGS),
        _optional("quotes", ArrayKind(QUOTE)),
        _optional("data", DATA),
        _optional("section", REFERENCE),
    ),
)
_ARGUMENT = ObjectKind(
    Argument,
    (
        _required("id"),
        _optional("text", STRING),
        _optional("steps", ArrayKind(_INFERENCE)),
        _optional("unused_premises", STRINGS),
        _optional("tags", STRINGS),
        _optional("scheme", REFERENCE),
        _optional("data", DATA),
        _optional("section", REFERENCE),
    ),
)
# End types are always written, so that a file does not depend on the model's defaults; a reader may omit them.
_RELATION = ObjectKind(
    Relation,
    (
        _required("source"),
        _required("target"),
        _required("kind", EnumKind(RelationKind)),
        Field("source_type", EnumKind(ElementType)),
        Field("target_type", EnumKind(ElementType)),
    ),
)
# Every top-level key is always written, even when empty, so that a file shows its whole shape.
MAP = ObjectKind(
    ArgumentMap,
    (
        Field("title", STRING),
        Field("metadata", DATA),
        Field("sources", ArrayKind(SOURCE)),
        Field("sections", ArrayKind(SECTION)),
        Field("statements", ArrayKind(_STATEMENT)),
        Field("arguments", ArrayKind(_ARGUMENT)),
        Field("relations", ArrayKind(_RELATION)),
    ),
)


# Reading and writing ----------------------------------------------------------------------------------------------


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``, counted as :class:`json.JSONDecodeError` counts them."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def decode(text: str, path: str | None, **hooks: Any) -> Any:
    """``text`` parsed as JSON with the decoder ``hooks``; bad syntax and too deep nesting are a located
    :class:`~argmap.ParseError`.
    """
    try:
        return json.loads(text, **hooks)
    except json.JSONDecodeError as error:
        raise ParseError(f"invalid JSON: {error.msg}", path=path, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise _too_deep(text, path) from None


def _too_deep(text: str, path: str | None) -> ParseError:
    depth, offset = 0, 0
    for token in _NESTING_TOKEN.finditer(text):
        bracket = token.group()
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                offset = token.start()
                break
        elif bracket in ("]", "}"):
            depth -= 1
    line, column = _position(text, offset)
    return ParseError(
        f"JSON nested too deeply to read (the limit is {MAX_DEPTH} levels)", path=path, line=line, column=column
    )


def encode_mapping(value: Mapping[str, Any]) -> dict[str, Any]:
    # The model keeps data in read-only mappings, which the encoder does not know; anything else that is not JSON
    # was refused before encoding.
    return dict(value)
