"""The problems a reader finds in a document: collected as it reads, then raised together as one ``MapError``."""

from __future__ import annotations

from ..errors import Code, Location, MapError, Problem

__all__ = ["ProblemCollector"]


class ProblemCollector:
    """The base of a reader that reports every problem of a document at once, not only the first.

    ``problems`` lists them in the order found; the shape helpers of ``_shapes`` append to it directly. A reader
    locates a problem either by the JSON path of the value at fault or by a ``Location`` in the text it read.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, code: Code, message: str, where: str | Location) -> None:
        """Records a problem at ``where``: a JSON path (such as ``$.nodes[2]``) or a place in the text."""
        if isinstance(where, Location):
            self.problems.append(Problem(code, message, location=where))
        else:
            self.problems.append(Problem(code, message, path=where))

    def stop_on_problems(self) -> None:
        """Raises every problem recorded so far as one ``MapError``; does nothing while there is none."""
        if self.problems:
            raise MapError(self.problems)
