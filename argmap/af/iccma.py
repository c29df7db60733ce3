"""The ICCMA file formats of abstract frameworks: af (``p af N``), apx (ASPARTIX facts) and tgf (Trivial Graph
Format).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType

import attrs

from .._gc import gc_paused, pauses_gc
from .._io import read_text
from ..errors import MapError, ParseError, Problem, Subject, UnknownFormat
from .framework import Framework

__all__ = ["FRAMEWORK_FORMATS", "MAX_ARGUMENTS", "dumps", "load", "loads"]

#: The most arguments a ``p af N`` header may claim. The header alone makes every argument, so without a cap a
#: short file could ask for billions; two million is beyond every ICCMA instance and takes about 0.5 GB.
MAX_ARGUMENTS = 2_000_000

_TOKEN = re.compile(r"\S+")
_APX_FACT = re.compile(r"\s*(arg|att)\s*\(\s*([^\s,()]+)\s*(?:,\s*([^\s,()]+)\s*)?\)\s*\.\s*")
_COUNT = re.compile(r"[0-9]+")

# Attacks as read: the two names, the line, and the columns of the two names.
_Read = list[tuple[str, str, int, int, int]]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines without their line ending; only ``\\n`` ends a line, as in every ICCMA format."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.rstrip("\r")


def _build(names: list[str], attacks: _Read, path: str | None) -> Framework:
    known = set(names)
    seen: dict[tuple[str, str], int] = {}
    for source, target, line, source_column, target_column in attacks:
        for name, column in ((source, source_column), (target, target_column)):
            if name not in known:
                raise ParseError(f"attack names unknown argument {name!r}", path=path, line=line, column=column)
        first = seen.setdefault((source, target), line)
        if first != line:
            raise ParseError(f"attack repeats line {first}", path=path, line=line, column=source_column)
    return Framework(names, [(source, target) for source, target, *_ in attacks])


def _add_name(names: list[str], lines: dict[str, int], name: str, line: int, column: int, path: str | None) -> None:
    first = lines.setdefault(name, line)
    if first != line:
        raise ParseError(f"argument {name!r} repeats line {first}", path=path, line=line, column=column)
    names.append(name)


def _canonical(digits: str) -> str:
    """A number written in digits, without its leading zeros: how arguments are named, whatever its length."""
    return digits.lstrip("0") or "0"


def _loads_af(text: str, path: str | None) -> Framework:
    count: int | None = None
    attacks: _Read = []
    last = 1
    for number, line in _lines(text):
        last = number
        tokens = list(_TOKEN.finditer(line))
        if not tokens or tokens[0].group().startswith("#"):
            continue
        column = tokens[0].start() + 1
        fields = [token.group() for token in tokens]
        if count is None:
            if len(fields) != 3 or fields[:2] != ["p", "af"] or not _COUNT.fullmatch(fields[2]):
                raise ParseError("expected the header 'p af N'", path=path, line=number, column=column)
            claimed = _canonical(fields[2])
            # Compared by length first: a number of thousands of digits is never converted (Python refuses to).
            if len(claimed) > len(str(MAX_ARGUMENTS)) or int(claimed) > MAX_ARGUMENTS:
                shown = f"{int(claimed):,}" if len(claimed) <= 30 else f"a {len(claimed):,}-digit number of"
                raise ParseError(
                    f"the header claims {shown} arguments; argmap reads at most {MAX_ARGUMENTS:,}",
                    path=path,
                    line=number,
                    column=tokens[2].start() + 1,
                )
            count = int(claimed)
            continue
        if len(tokens) != 2 or not all(_COUNT.fullmatch(field) for field in fields):
            raise ParseError("expected an attack: two argument numbers 'A B'", path=path, line=number, column=column)
        # Canonical so that "07" names argument 7; numbers out of range are then unknown names.
        source, target = (_canonical(field) for field in fields)
        attacks.append((source, target, number, column, tokens[1].start() + 1))
    if count is None:
        raise ParseError("missing the header 'p af N'", path=path, line=last)
    return _build([str(i) for i in range(1, count + 1)], attacks, path)


def _loads_apx(text: str, path: str | None) -> Framework:
    names: list[str] = []
    lines: dict[str, int] = {}
    attacks: _Read = []
    for number, line in _lines(text):
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        fact = _APX_FACT.fullmatch(line)
        if fact is None or (fact.group(1) == "arg") != (fact.group(3) is None):
            column = len(line) - len(line.lstrip()) + 1
            raise ParseError("expected a fact 'arg(a).' or 'att(a,b).'", path=path, line=number, column=column)
        if fact.group(1) == "arg":
            _add_name(names, lines, fact.group(2), number, fact.start(2) + 1, path)
        else:
            attacks.append((fact.group(2), fact.group(3), number, fact.start(2) + 1, fact.start(3) + 1))
    return _build(names, attacks, path)


def _loads_tgf(text: str, path: str | None) -> Framework:
    names: list[str] = []
    lines: dict[str, int] = {}
    attacks: _Read = []
    in_edges = False
    for number, line in _lines(text):
        tokens = list(_TOKEN.finditer(line))
        if not tokens:
            continue
        column = tokens[0].start() + 1
        if not in_edges and [token.group() for token in tokens] == ["#"]:
            in_edges = True
        elif in_edges and len(tokens) == 2:
            attacks.append((tokens[0].group(), tokens[1].group(), number, column, tokens[1].start() + 1))
        elif not in_edges and len(tokens) == 1:
            _add_name(names, lines, tokens[0].group(), number, column, path)
        else:
            expected = "an attack 'A B'" if in_edges else "one argument name, or '#' before the attacks"
            raise ParseError(f"expected {expected}", path=path, line=number, column=column)
    return _build(names, attacks, path)


def _check_names(af: Framework, pattern: str, format: str) -> None:
    valid = re.compile(pattern)
    problems = [
        Problem(
            "invalid-text", f"argument name {name!r} cannot be written in {format} format", Subject("argument", name)
        )
        for name in af.arguments
        if not valid.fullmatch(name)
    ]
    if problems:
        raise MapError(problems)


def _dumps_af(af: Framework) -> str:
    # Arguments are numbered in order; other names survive as one comment line each, the convention of the ICCMA
    # instances that carry their original names.
    lines = [f"p af {len(af.arguments)}"]
    if af.arguments != tuple(str(i) for i in range(1, len(af.arguments) + 1)):
        _check_names(af, r"[^\n\r]*", "af")
        lines.extend(f"# {name}" for name in af.arguments)
    index = af.positions
    lines.extend(f"{index[source] + 1} {index[target] + 1}" for source, target in af.attacks)
    return "\n".join(lines) + "\n"


def _dumps_apx(af: Framework) -> str:
    _check_names(af, r"[^\s,()]+", "apx")
    lines = [f"arg({name})." for name in af.arguments]
    lines.extend(f"att({source},{target})." for source, target in af.attacks)
    return "".join(line + "\n" for line in lines)


def _dumps_tgf(af: Framework) -> str:
    _check_names(af, r"[^\s#]\S*", "tgf")
    lines = [*af.arguments, "#"]
    lines.extend(f"{source} {target}" for source, target in af.attacks)
    return "".join(line + "\n" for line in lines)


@attrs.frozen
class _Format:
    suffixes: tuple[str, ...]
    loads: Callable[[str, str | None], Framework]
    dumps: Callable[[Framework], str]


_FORMATS = {
    "af": _Format((".af", ".i23"), _loads_af, _dumps_af),
    "apx": _Format((".apx",), _loads_apx, _dumps_apx),
    "tgf": _Format((".tgf",), _loads_tgf, _dumps_tgf),
}

#: The framework formats by name, each with the file suffixes that select it.
FRAMEWORK_FORMATS: Mapping[str, tuple[str, ...]] = MappingProxyType({name: f.suffixes for name, f in _FORMATS.items()})


def _format(name: str) -> _Format:
    found = _FORMATS.get(name)
    if found is None:
        raise UnknownFormat(f"unknown framework format {name!r}: choose one of {', '.join(_FORMATS)}")
    return found


@pauses_gc
def loads(text: str, format: str, *, path: str | None = None) -> Framework:
    """Read a framework in ``format``: ``"af"`` (ICCMA 2023 ``p af N``, arguments named ``"1"`` to ``"N"``),
    ``"apx"`` (ASPARTIX facts) or ``"tgf"`` (Trivial Graph Format).

    Malformed text, an unknown argument or one given twice, or an attack given twice raises
    :class:`~argmap.ParseError` with the line and column; ``path`` only names the file there.

    >>> loads("p af 2\\n1 2\\n", "af").attacks
    (('1', '2'),)
    """
    reader = _format(format).loads
    return reader(text, path)


def dumps(af: Framework, format: str) -> str:
    """Write ``af`` in ``format`` (see :func:`loads`). In ``"af"`` the arguments are numbered in order and names
    other than ``"1"`` to ``"N"`` are kept as comment lines; a name the format cannot hold raises ``MapError``.
    """
    return _format(format).dumps(af)


def load(path: str | os.PathLike[str], format: str | None = None) -> Framework:
    """Read a framework file, in ``format`` or else the one its suffix names (.af/.i23, .apx, .tgf).

    The file must be UTF-8; errors name it. A missing or unreadable file raises the ``OSError`` reading it did.
    """
    name = os.fspath(path)
    if format is None:
        suffix = Path(name).suffix.lower()
        format = next((f for f, spec in _FORMATS.items() if suffix in spec.suffixes), None)
        if format is None:
            known = " ".join(s for spec in _FORMATS.values() for s in spec.suffixes)
            raise UnknownFormat(f"{name}: cannot tell the framework format from suffix {suffix!r} (known: {known})")
    reader = _format(format).loads  # before touching the file, so that an unknown format fails first
    text = read_text(name)
    with gc_paused():
        return reader(text, name)
