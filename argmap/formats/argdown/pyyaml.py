"""YAML data in Argdown documents read by PyYAML, safely and as the reference reads it, into plain JSON values."""

from __future__ import annotations

import base64
import datetime
import math
import re
from collections.abc import Hashable
from typing import Any, Final

import yaml

from .. import MAX_DEPTH
from .lexer import Fault

__all__ = ["load"]

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_VALUE = "tag:yaml.org,2002:value"
_MERGE = "tag:yaml.org,2002:merge"


def _no_repeated_keys(loader: yaml.SafeLoader, node: yaml.MappingNode) -> None:
    """A key given twice in one mapping is an error, as YAML 1.2 and js-yaml have it (PyYAML keeps the last)."""
    seen: set[object] = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE:
            continue
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            continue  # the safe constructor reports an unhashable key itself
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark, f"found duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)


def _integer(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """An integer as js-yaml reads it: ``0b``, ``0o`` and ``0x`` give the base, and a leading zero does not make
    octal (``017`` is 17), as it does in YAML 1.1 and PyYAML.
    """
    text = str(loader.construct_scalar(node)).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    base = {"0b": 2, "0o": 8, "0x": 16}.get(digits[:2])
    return sign * (int(digits) if base is None else int(digits[2:], base))


def _loader(base: type[Any]) -> type[Any]:
    """PyYAML's safe loader ``base`` with js-yaml's scalars (YAML 1.2's, as the reference reads them): ``yes``,
    ``no``, ``on`` and ``off`` stay text, ``1:30`` is not a base-60 number, ``1e3`` is a number, ``017`` is
    seventeen, and ``=`` and ``<<`` as values are text; a key given twice in one mapping is an error.
    """

    class Loader(base):  # type: ignore[misc]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            _no_repeated_keys(self, node)
            return super().construct_mapping(node, deep)  # type: ignore[no-any-return]

    Loader.yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag not in (_BOOL, _INT, _FLOAT, _VALUE)]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    Loader.add_implicit_resolver(
        _INT,
        re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+)$"),
        list("-+0123456789"),
    )
    Loader.add_implicit_resolver(
        _FLOAT,
        re.compile(
            r"^(?:[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+0123456789."),
    )
    Loader.add_constructor(_INT, _integer)
    # "<<" is a merge key where it is a key; anywhere else js-yaml reads it as text.
    Loader.add_constructor(_MERGE, yaml.SafeLoader.construct_scalar)
    return Loader


# libyaml's loader is the fast one; the Python one reads what libyaml refuses and js-yaml reads: a flow mapping's key
# followed by ":" and a bracket with no space between (``{k:[1, 2]}``), which libyaml reports as this problem. Only
# then is the Python one tried (on data nested past libyaml's limit, it would exhaust Python's stack).
_LENIENT: Final = _loader(yaml.SafeLoader)
_FAST: Final = _loader(yaml.CSafeLoader) if hasattr(yaml, "CSafeLoader") else _LENIENT
_UNEXPECTED_COLON: Final = "found unexpected ':'"
# A line that holds only whitespace with a tab in it, or a comment after such whitespace: js-yaml reads it as blank
# (an editor that keeps indentation leaves one), where PyYAML may find a tab that violates indentation.
_TABBED_BLANK: Final = re.compile(r"^[ \t]*\t[ \t]*(?=#|$)", re.MULTILINE)

# Every value of a document is visited once; a few aliases can name a structure exponentially larger than its text
# (the "billion laughs"), so the walk stops after this many values per character of YAML.
_VALUES_PER_CHARACTER = 10


def _key(value: object) -> str:
    """An object key as JavaScript writes it: YAML allows numbers, booleans and null as keys; JSON does not."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _scalar(value: object) -> object:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _plain(value: object, offset: int, size: int) -> Any:
    """A copy of ``value`` made of dicts, lists and JSON scalars; iterative, bounded in depth and in size."""
    budget = _VALUES_PER_CHARACTER * size + 1000
    root: list[Any] = [None]
    # (value, container to put the copy in, key or index there, depth, ids of the containers above)
    stack: list[tuple[object, Any, Any, int, frozenset[int]]] = [(value, root, 0, 0, frozenset())]
    while stack:
        item, into, slot, depth, above = stack.pop()
        budget -= 1
        if budget < 0:
            raise Fault("YAML data too large: its aliases (*name) repeat too much", offset)
        if isinstance(item, dict | list | tuple | set | frozenset):
            if id(item) in above:
                raise Fault("YAML data contains itself (through an alias)", offset)
            if depth >= MAX_DEPTH:
                raise Fault(f"YAML data nested more than {MAX_DEPTH} levels deep", offset)
            inner = above | {id(item)}
            if isinstance(item, dict):
                copy: dict[str, Any] | list[Any] = {}
                children: list[tuple[object, str | int]] = [(child, _key(key)) for key, child in item.items()]
                # Keys that differ in YAML (1 and "1", true and "true") are one key in JSON: that is a repeat too.
                if len({key for _, key in children}) < len(children):
                    raise Fault("YAML data has two keys that are the same text (such as 1 and '1')", offset)
            elif isinstance(item, set | frozenset):
                copy = {}
                children = [(None, key) for key in sorted(map(_key, item))]
            else:
                copy = [None] * len(item)
                children = [(child, n) for n, child in enumerate(item)]
            into[slot] = copy
            stack.extend((child, copy, key, depth + 1, inner) for child, key in reversed(children))
        elif isinstance(item, float) and not math.isfinite(item):
            raise Fault(f"YAML data holds {item}, which JSON cannot carry (.nan, .inf or a number too large)", offset)
        else:
            into[slot] = _scalar(item)
    return root[0]


def _parsed(source: str) -> Any:
    """The value of the YAML ``source``, read by libyaml, or by PyYAML's own reader where libyaml alone refuses it."""
    try:
        return yaml.load(source, Loader=_FAST)  # a safe loader, with YAML 1.2 scalars
    except yaml.MarkedYAMLError as refused:
        if _FAST is _LENIENT or refused.problem != _UNEXPECTED_COLON:
            raise
        return yaml.load(source, Loader=_LENIENT)


def load(source: str, offset: int) -> Any:
    """The value of the YAML ``source`` that starts at ``offset`` of the document; a :class:`Fault` there (or at the
    place YAML points to) for bad YAML.
    """
    try:
        try:
            value = _parsed(source)
        except yaml.MarkedYAMLError as refused:
            # Read again with the tabs of blank lines as spaces (the same length, so that places hold), only where
            # that is what stood in the way: in a block scalar such a line is text, and keeps its tab.
            untabbed = _TABBED_BLANK.sub(lambda blank: " " * len(blank.group()), source)
            if untabbed == source:
                raise
            try:
                value = _parsed(untabbed)
            except yaml.MarkedYAMLError:
                raise refused from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = offset + mark.index if mark is not None else offset
        problem = error.problem or error.context or "not valid YAML"
        raise Fault(f"invalid YAML data: {problem}", min(where, offset + len(source))) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError, TypeError, AttributeError, LookupError) as error:
        # PyYAML's constructors fail in many ways on explicitly tagged nonsense ("!!float" with no value, say).
        raise Fault(f"invalid YAML data: {error or type(error).__name__}", offset) from None
    return _plain(value, offset, len(source))
