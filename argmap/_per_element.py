"""Tables of one value per statement and argument of a map (labels, strengths): every problem with them at once."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .errors import Code, Problem, Subject
from .model import ArgumentMap, ElementType

__all__ = ["table_problems"]


def table_problems(
    m: ArgumentMap,
    statements: Mapping[str, object],
    arguments: Mapping[str, object],
    *,
    what: str,
    missing: Code,
    bad: Callable[[object], tuple[Code, str] | None],
) -> list[Problem]:
    """What is wrong with ``statements`` and ``arguments``, a ``what`` (``"label"``...) per element of ``m``: an
    element without one (``missing``), one for an element ``m`` lacks, and each value that ``bad`` finds wrong
    (``bad`` returns the problem's code and message, or ``None``).
    """
    problems: list[Problem] = []
    for type, values, elements in (
        (ElementType.STATEMENT, statements, m.statements),
        (ElementType.ARGUMENT, arguments, m.arguments),
    ):
        ids = [element.id for element in elements]
        problems.extend(
            Problem(missing, f"the {type.value} has no {what}", Subject(type.value, id))
            for id in ids
            if id not in values
        )
        known = set(ids)
        for id, value in values.items():
            if id not in known:
                message = f"a {what} for a {type.value} the map lacks"
                problems.append(Problem("dangling-reference", message, Subject(type.value, id)))
            elif (wrong := bad(value)) is not None:
                problems.append(Problem(*wrong, Subject(type.value, id)))
    return problems
