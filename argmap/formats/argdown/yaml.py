"""YAML data in Argdown documents: read as the reference reads it, by PyYAML only where the data needs it."""

from __future__ import annotations

import re
from typing import Any, Final

__all__ = ["load", "merge", "plain_mapping"]


def load(source: str, offset: int) -> Any:
    """The value of the YAML ``source`` that starts at ``offset`` of the document, as plain JSON values; a
    :class:`~argmap.formats.argdown.lexer.Fault` there (or at the place YAML points to) for bad YAML.
    """
    found = plain_mapping(source)
    if found is not None:
        return found
    from .pyyaml import load as load_with_pyyaml  # PyYAML costs its import only where data needs it

    return load_with_pyyaml(source, offset)


# A line "key: text" of YAML's block style, whose value YAML reads as that text: a word character first, then no
# character that YAML gives a meaning (":", "#", quotes, brackets, "&", "*", "!", "|", ">", "%", "@", "`").
_PLAIN_ENTRY: Final = re.compile(r"([A-Za-z][A-Za-z0-9_-]*): +([A-Za-z][A-Za-z0-9 ,./()_+=?;-]*?) *")
# Words that YAML 1.2 reads as something other than text.
_NOT_TEXT: Final = frozenset({"true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL"})


def plain_mapping(source: str) -> dict[str, str] | None:
    """The mapping that YAML of nothing but ``key: text`` lines means, read without the YAML library (whose import
    takes longer than reading a thousand statements); ``None`` for anything else, which the library reads.

    Frontmatter such as ``title: ...`` and ``author: ...`` is the common case.
    """
    result: dict[str, str] = {}
    for line in source.split("\n"):
        if not line.strip(" "):
            continue
        found = _PLAIN_ENTRY.fullmatch(line)
        if found is None:
            return None
        key, value = found.groups()
        if key in result or key in _NOT_TEXT or value in _NOT_TEXT:
            return None
        result[key] = value
    return result or None


def merge(into: dict[str, Any], source: dict[str, Any]) -> None:
    """Merge ``source`` into ``into`` as the reference merges the data of several mentions of one element (lodash's
    ``merge``): objects merge key by key and lists index by index, recursively; anything else is replaced.
    """
    stack: list[tuple[Any, Any]] = [(into, source)]
    while stack:
        target, values = stack.pop()
        pairs = values.items() if isinstance(values, dict) else enumerate(values)
        for key, value in pairs:
            if isinstance(target, list) and key >= len(target):
                target.extend([None] * (key + 1 - len(target)))
            current = target[key] if isinstance(target, list) else target.get(key)
            if isinstance(value, dict | list):
                if not isinstance(current, type(value)):
                    current = {} if isinstance(value, dict) else []
                    target[key] = current
                stack.append((current, value))
            else:
                target[key] = value
