"""The exceptions argmap raises: one base class, each also subclassing the fitting builtin."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "ArgmapError",
    "GraphvizNotFound",
    "MapError",
    "NoLabelling",
    "OptionError",
    "ParseError",
    "Problem",
    "RenderError",
    "SearchLimit",
    "UnknownCode",
    "UnknownFormat",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises on purpose."""


class ParseError(ArgmapError, ValueError):
    """Text that cannot be read as a map, with the place at fault.

    ``line`` and ``column`` count from 1; ``path`` is ``None`` when the text did not come from a file.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = self.path if self.path is not None else "<string>"
        return f"{where}:{self.line}:{self.column}: {self.message}"


@attrs.frozen
class Problem:
    """One thing wrong with a map: a stable ``code``, a message, and where (an element id or a JSON path)."""

    code: str
    message: str
    where: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class MapError(ArgmapError, ValueError):
    """A map that breaks the model's rules, with *every* problem found, not only the first.

    ``problems`` lists them in the order they were found; ``str()`` gives one line.
    """

    def __init__(self, problems: Iterable[Problem], *, path: str | None = None) -> None:
        self.problems = tuple(problems)
        self.path = path
        super().__init__(self._summary())

    def _summary(self) -> str:
        n = len(self.problems)
        head = f"{self.path}: " if self.path else ""
        if n == 1:
            return f"{head}{self.problems[0]}"
        return f"{head}{n} problems: " + "; ".join(str(p) for p in self.problems)

    def with_path(self, path: str) -> MapError:
        """The same problems, reported against the file they came from."""
        return MapError(self.problems, path=path)


class OptionError(ArgmapError, ValueError):
    """An option value that argmap does not accept, such as an unknown view or theme."""


class UnknownFormat(ArgmapError, ValueError):
    """A format name or file suffix that argmap cannot read or write."""


class NoLabelling(ArgmapError, LookupError):
    """The semantics gives the map no labelling at all (only ``stable`` can: for example an odd attack cycle)."""


class UnknownCode(ArgmapError, LookupError):
    """A diagnostic code that is not in the catalogue of checks."""


class SearchLimit(ArgmapError, TimeoutError):
    """A search for labellings ran out of the time it was given (preferred and stable reasoning is intractable)."""


class RenderError(ArgmapError, RuntimeError):
    """Graphviz failed to draw a map; ``stderr`` holds what ``dot`` said."""

    def __init__(self, message: str, *, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


class GraphvizNotFound(RenderError, FileNotFoundError):
    """The Graphviz ``dot`` executable is not installed or not on ``PATH``."""

    def __init__(self, executable: str = "dot") -> None:
        super().__init__(
            f"Graphviz executable {executable!r} not found: install Graphviz "
            "(apt-get install graphviz, brew install graphviz, or https://graphviz.org/download/) "
            "and make sure it is on PATH"
        )
