"""What ``argmap check`` finds, in the forms linters speak: text, JSON, GitHub workflow annotations and SARIF."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from .catalogue import CATALOGUE, Severity
from .check import Diagnostic
from .errors import MapError, ParseError

__all__ = ["OUTPUTS", "Finding", "files_in", "findings", "findings_of_error", "github", "sarif", "text"]

#: The output formats of ``argmap check``.
OUTPUTS: tuple[str, ...] = ("text", "json", "github", "sarif")
# SARIF's level for each severity.
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@attrs.frozen(kw_only=True)
class Finding:
    """One problem of one file: a diagnostic of :func:`argmap.check`, or a reason the file could not be read (code
    ``parse-error``, a model problem's code, or ``unreadable``), with the same fields either way.
    """

    path: str
    line: int | None
    column: int | None
    severity: Severity
    code: str
    message: str
    subjects: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The finding as JSON: ``path``, ``line``, ``column``, ``severity``, ``code``, ``message``, ``subjects``."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "subjects": list(self.subjects),
        }


def findings(diagnostics: Iterable[Diagnostic], path: str) -> Iterator[Finding]:
    """The diagnostics of the map read from ``path`` as findings."""
    for diagnostic in diagnostics:
        location = diagnostic.location
        yield Finding(
            path=path if location is None else location.path or path,
            line=None if location is None else location.line,
            column=None if location is None else location.column,
            severity=diagnostic.severity,
            code=diagnostic.code,
            message=diagnostic.message,
            subjects=diagnostic.subjects,
        )


def findings_of_error(error: Exception, path: str) -> list[Finding]:
    """Why ``path`` could not be read, as findings of severity error: a parse error at its place, each problem of
    a :class:`~argmap.MapError` (at its element's place where the format tells it), or anything else as
    ``unreadable``.
    """
    if isinstance(error, ParseError):
        where = error.path if error.path is not None else path
        return [_error(where, error.line, error.column, "parse-error", error.message)]
    if isinstance(error, MapError):
        found = []
        for problem in error.problems:
            place = problem.location
            where = place.path or path if place is not None else path
            line, column = (place.line, place.column) if place is not None else (None, None)
            found.append(_error(where, line, column, problem.code, str(problem)))
        return found
    message = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return [_error(path, None, None, "unreadable", message)]


def _error(path: str, line: int | None, column: int | None, code: str, message: str) -> Finding:
    one_line = " ".join(part.strip() for part in message.splitlines() if part.strip())
    return Finding(path=path, line=line, column=column, severity=Severity.ERROR, code=code, message=one_line)


def files_in(
    paths: Iterable[str], suffixes: Iterable[str], keep: Callable[[str], bool] = lambda path: True
) -> Iterator[str]:
    """The files to check: each path as given (``-`` is standard input), and for a directory every file below it
    whose name ends with one of ``suffixes`` (case aside) and that ``keep`` keeps, in sorted order, hidden
    directories and files left out.
    """
    endings = tuple(suffix.lower() for suffix in suffixes)
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, directories, names in os.walk(path):
            directories[:] = sorted(d for d in directories if not d.startswith("."))
            for name in sorted(names):
                found = os.path.join(root, name)
                if not name.startswith(".") and name.lower().endswith(endings) and keep(found):
                    yield found


def text(finding: Finding) -> str:
    """``path:line:col: severity code message``, as compilers print (``path:`` alone without a place)."""
    where = f"{finding.path}:{finding.line}:{finding.column}: " if finding.line is not None else f"{finding.path}: "
    return f"{where}{finding.severity.value} {finding.code} {finding.message}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(finding: Finding) -> str:
    """A GitHub Actions workflow command that annotates the file at the finding's place."""
    command = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[finding.severity]
    properties = [f"file={_escape_property(finding.path)}"]
    if finding.line is not None:
        properties.append(f"line={finding.line}")
    if finding.column is not None:
        properties.append(f"col={finding.column}")
    properties.append(f"title={_escape_property(finding.code)}")
    return f"::{command} {','.join(properties)}::{_escape_data(finding.message)}"


def sarif(found: Sequence[Finding], version: str) -> str:
    """The findings as a SARIF 2.1.0 log of one run of argmap, with a rule (title, meaning, fix) for every code."""
    codes = sorted({finding.code for finding in found})
    rules = [_rule(code) for code in codes]
    results: list[dict[str, Any]] = []
    for finding in found:
        location: dict[str, Any] = {"artifactLocation": {"uri": Path(finding.path).as_posix()}}
        if finding.line is not None:
            location["region"] = {
                "startLine": finding.line,
                **({"startColumn": finding.column} if finding.column else {}),
            }
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": codes.index(finding.code),
                "level": _LEVELS[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": location}],
            }
        )
    log = {
        "$schema": _SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "argmap", "version": version, "rules": rules}}, "results": results}],
    }
    import json  # here: a check that prints text, as an editor's does, needs no JSON

    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _rule(code: str) -> dict[str, Any]:
    info = CATALOGUE.get(code)
    if info is None:  # "unreadable": a file that could not be read at all
        return {"id": code, "shortDescription": {"text": "The file cannot be read"}}
    return {
        "id": code,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.meaning},
        "help": {"text": info.fix},
        "defaultConfiguration": {"level": _LEVELS[info.severity]},
    }
