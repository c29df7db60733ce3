"""The exceptions argmap raises: one base class, each also subclassing the fitting builtin."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

__all__ = [
    "ArgmapError",
    "Code",
    "GraphvizNotFound",
    "Location",
    "MapError",
    "NoLabelling",
    "OptionError",
    "ParseError",
    "Problem",
    "RenderError",
    "SearchLimit",
    "Subject",
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


#: Every diagnostic code of :data:`argmap.catalogue.CATALOGUE`, so that a type checker refuses a problem whose code
#: ``argmap explain`` would not know (a test keeps the two equal).
Code = Literal[
    "circular-support",
    "self-support",
    "argument-without-premises",
    "undercut-target",
    "self-attack",
    "quote-not-found",
    "argument-without-conclusion",
    "support-and-attack",
    "disconnected",
    "duplicate-text",
    "multiple-main-conclusions",
    "unknown-source",
    "unquoted-statement",
    "uncovered-source",
    "open-critical-question",
    "long-text",
    "source-encoding",
    "unhonoured-setting",
    "unused-premise",
    "unbacked-relation",
    "undefined-reference",
    "pcs-numbering",
    "invalid-uses",
    "duplicate-id",
    "inexpressible",
    "dangling-reference",
    "empty-text",
    "invalid-text",
    "ambiguous-reference",
    "missing-version",
    "unsupported-version",
    "wrong-type",
    "missing-key",
    "unknown-key",
    "duplicate-key",
    "invalid-value",
    "invalid-structure",
    "duplicate-attack",
    "invalid-attack",
    "unlabelled-element",
    "bad-label",
    "illegal-label",
]


@attrs.frozen
class Location:
    """Where an element or a problem was read from: ``line`` and ``column`` count from 1."""

    line: int
    column: int = 1
    path: str | None = None

    def __str__(self) -> str:
        return f"{self.path or '<string>'}:{self.line}:{self.column}"


@attrs.frozen
class Subject:
    """The element a problem is about: its ``kind`` (``"statement"``, ``"argument"``, ``"section"``, ``"source"``,
    ``"relation"``) and its ``id`` (``"source -> target"`` for a relation).
    """

    kind: str
    id: str

    def __str__(self) -> str:
        # An id that would not show as itself (empty, padded, with a control character) shows as its repr.
        shown = self.id and self.id == self.id.strip() and self.id.isprintable()
        return self.id if shown else repr(self.id)


@attrs.frozen
class Problem:
    """One thing wrong with a map: a stable ``code`` of the catalogue, a ``message``, the ``subject`` element it is
    about (``None`` for none), the JSON ``path`` of the value at fault (``""`` for none) and the ``location`` in the
    text it was read from (``None`` where the reader does not know one).
    """

    code: Code
    message: str
    subject: Subject | None = None
    path: str = ""
    location: Location | None = None

    def __str__(self) -> str:
        """The subject, the path and the message; the location is left to whoever reports the problem."""
        where = [str(part) for part in (self.subject, self.path) if part]
        return ": ".join([*where, self.message])


class MapError(ArgmapError, ValueError):
    """A map that breaks the model's rules, with *every* problem found, not only the first.

    ``problems`` lists them in the order they were found; ``str()`` gives one line, which puts each problem that has
    a location after it.
    """

    def __init__(self, problems: Iterable[Problem], *, path: str | None = None) -> None:
        self.problems = tuple(problems)
        self.path = path
        super().__init__(self._summary())

    def _summary(self) -> str:
        n = len(self.problems)
        # A located problem names its file already.
        head = f"{self.path}: " if self.path and any(p.location is None for p in self.problems) else ""
        shown = [f"{p.location}: {p}" if p.location is not None else str(p) for p in self.problems]
        if n == 1:
            return f"{head}{shown[0]}"
        return f"{head}{n} problems: " + "; ".join(shown)

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
    """A search for labellings, or for an answer to an acceptance question, ran out of the time it was given
    (reasoning under every semantics but grounded and complete is intractable in general).
    """


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
