"""The ``argmap`` command: check, render, convert and explain argument maps from the shell."""

from __future__ import annotations

import argparse
import contextlib
import enum
import gc
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import formats
from ._io import decode_text
from ._text import counted, listed, printable, version
from .errors import ArgmapError, GraphvizNotFound, MapError, ParseError, SearchLimit, UnknownCode, UnknownFormat
from .model import ArgumentMap, ElementType

if TYPE_CHECKING:
    # Checking, evaluation, frameworks, drawing, the catalogue and the schema are imported by the commands that use
    # them: every run of the command would otherwise pay for all of them (argmap check would take twice as long to
    # start; tests/test_cli.py keeps it from importing what it does not use).
    from . import af
    from .catalogue import Severity
    from .evaluate import Labelling
    from .lint import Finding

__all__ = ["ExitStatus", "main", "parser", "run"]

_T = TypeVar("_T")


class ExitStatus(enum.IntEnum):
    """The exit statuses of ``argmap``; ``argmap --help`` lists what each means."""

    OK = 0
    FOUND_ERRORS = 1
    BAD_INPUT = 2
    NO_GRAPHVIZ = 3
    TIME_LIMIT = 4
    INTERRUPTED = 130
    BROKEN_PIPE = 141


_EXIT_MEANINGS = {
    ExitStatus.OK: "success",
    ExitStatus.FOUND_ERRORS: "`argmap check` found errors (warnings and info do not fail)",
    ExitStatus.BAD_INPUT: "bad input or usage: missing, unreadable or malformed file, unknown format or code",
    ExitStatus.NO_GRAPHVIZ: "the output format needs Graphviz `dot`, which is not installed",
    ExitStatus.TIME_LIMIT: "`argmap evaluate` found no further labelling, or no answer, within --timeout seconds",
    # 128 + the signal number, as shells report a process that the signal ended.
    ExitStatus.INTERRUPTED: "interrupted (Ctrl-C)",
    ExitStatus.BROKEN_PIPE: "standard output was closed early, as `| head` does",
}
_EPILOG = "exit status:\n" + "\n".join(f"  {status:<4} {meaning}" for status, meaning in _EXIT_MEANINGS.items())

# Exceptions that bad input, a bad option or a failed write raise on purpose; anything else is a bug and must show.
_EXPECTED = (ArgmapError, OSError, UnicodeDecodeError)
_STDOUT = "-"
_RENDER_OPTIONS = ("view", "direction", "theme", "wrap", "show", "name", "max_width", "max_height", "engine")
# The semantics that give exactly one labelling, which evaluate prints bare.
_ONE_LABELLING = ("grounded", "ideal", "eager")
# Decimals of a strength printed as text and as JSON: the strengths are exact to 1e-9 (argmap.af.TOLERANCE).
_DIGITS = 3
_JSON_DIGITS = 6


class _Failure(Exception):
    """A failure already worded as the line to print on stderr (a line per problem of a map read from a text that
    locates them), with the exit status it calls for.
    """

    def __init__(self, line: str, status: ExitStatus = ExitStatus.BAD_INPUT) -> None:
        super().__init__(line)
        self.line = line
        self.status = status


def _one_line(text: str) -> str:
    return " ".join(part.strip() for part in text.splitlines() if part.strip())


def _describe(error: BaseException, path: str) -> _Failure:
    """Word an expected error about ``path`` as one line (or a line per located problem), the way the rest of the
    command reports.
    """
    if isinstance(error, ParseError):
        # Shaped like a diagnostic, so editors and CI annotators can jump to the place at fault.
        where = error.path if error.path is not None else path
        return _Failure(f"{where}:{error.line}:{error.column}: error parse-error {_one_line(error.message)}")
    if isinstance(error, MapError):
        located = [
            f"{place.path or path}:{place.line}:{place.column}: error {problem.code} {_one_line(str(problem))}"
            for problem in error.problems
            if (place := problem.location) is not None
        ]
        if located and len(located) == len(error.problems):
            # A line per problem, shaped like a parse error's, each at the element at fault.
            return _Failure("\n".join(located))
    if isinstance(error, GraphvizNotFound):
        return _Failure(f"argmap: error: {_one_line(str(error))}", ExitStatus.NO_GRAPHVIZ)
    if isinstance(error, SearchLimit):
        return _Failure(f"argmap: limit reached: {path}: {_one_line(str(error))}", ExitStatus.TIME_LIMIT)
    if isinstance(error, UnknownFormat):  # its message already names the file or format at fault
        detail = str(error)
    elif isinstance(error, MapError):
        detail = str(error.with_path(path))
    elif isinstance(error, OSError) and error.strerror:
        detail = f"{path}: {error.strerror}"
    else:
        detail = f"{path}: {error}"
    return _Failure(f"argmap: error: {_one_line(detail)}")


@contextlib.contextmanager
def _reporting(path: str) -> Iterator[None]:
    """Turn an expected error while reading or writing ``path`` into a one-line :class:`_Failure`."""
    try:
        yield
    except _EXPECTED as error:
        raise _describe(error, path) from None


def _load(path: str, format: str | None) -> ArgumentMap:
    with _reporting(path):
        return formats.load(path, format, include_roots=_include_roots(path))


def _include_roots(path: str) -> list[str]:
    """Where an Argdown file's ``@include`` may read from on the command line: the file's directory, as in Python,
    and the working directory, which the person who runs the command chose (``maps/a.argdown`` may include
    ``shared/b.argdown``).
    """
    return [os.path.dirname(os.path.abspath(path)), os.getcwd()]


# Output goes out in pieces of this size, each flushed: a closed pipe then fails a write, where one large write to it
# can end short without an error, and the command would exit 0 with its output cut.
_CHUNK = 1 << 16


def _write_stdout(data: str | bytes) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    sys.stdout.flush()  # text already written must come before the bytes
    out = sys.stdout.buffer
    for start in range(0, len(payload), _CHUNK):
        out.write(payload[start : start + _CHUNK])
        out.flush()


def _write_json(document: object) -> None:
    import json  # here: most commands print no JSON

    _write_stdout(json.dumps(document, indent=2) + "\n")


# Commands -----------------------------------------------------------------------------------------------------


def _summary(found: Sequence[Finding], files: int) -> str:
    from .catalogue import Severity

    counts = Counter(finding.severity for finding in found)
    parts = [counted(n, severity.value) for severity in Severity if (n := counts[severity])]
    return f"{', '.join(parts)} in {counted(files, 'file')}"


def _read_map(path: str, format: str | None) -> ArgumentMap:
    """The map in the file ``path``, or on standard input for ``-`` (whose format ``--from`` must name)."""
    if path != _STDOUT:
        return formats.load(path, format, include_roots=_include_roots(path))
    if format is None:
        raise UnknownFormat("-: reading standard input needs --from to name the format")
    # Bytes, decoded as files are: the terminal's encoding may not be UTF-8, and a bad byte is a parse error.
    return formats.loads(decode_text(sys.stdin.buffer.read(), "<stdin>"), format, path="<stdin>")


def _check(args: argparse.Namespace) -> ExitStatus:
    from . import lint
    from .catalogue import Severity

    lowest = Severity(args.severity)
    if args.fix and _STDOUT in args.files:
        raise _Failure("argmap check: error: --fix rewrites map files in place, not standard input")
    status = ExitStatus.OK
    found: list[Finding] = []
    with_findings: set[str] = set()
    # Each once, though formats share some (AIF files end in .json too).
    suffixes = list(dict.fromkeys(s for f in formats.FORMATS.values() if f.loads is not None for s in f.suffixes))
    for given in args.files:
        paths = list(lint.files_in([given], suffixes, formats.recognises))
        if not paths:
            message = f"no map files in this directory ({', '.join(suffixes)})"
            status = max(status, ExitStatus.BAD_INPUT)
            if args.format == "text":
                _complain(_Failure(f"argmap: error: {given}: {message}"))
            else:
                found.extend(lint.findings_of_error(UnknownFormat(message), given))
            continue
        status = max(status, _check_files(paths, args, lowest, found, with_findings))
    if args.format == "json":
        _write_json([finding.as_dict() for finding in found])
    elif args.format == "github":
        _write_stdout("".join(f"{lint.github(finding)}\n" for finding in found))
    elif args.format == "sarif":
        _write_stdout(lint.sarif(found, version()))
    elif found:
        print(_summary(found, len(with_findings)), file=sys.stderr)
    return status


def _check_files(
    paths: Sequence[str], args: argparse.Namespace, lowest: Severity, found: list[Finding], with_findings: set[str]
) -> ExitStatus:
    """Check each file of ``paths``, adding what is found to ``found`` (and printing it, as text); the worst status."""
    from . import _progress as progress
    from . import lint
    from .catalogue import Severity
    from .check import check

    loud = progress.wanted(sys.stderr, quiet=args.quiet)
    status = ExitStatus.OK
    for path in paths:
        name = "<stdin>" if path == _STDOUT else path
        try:
            if args.fix:
                _fix(path, args.input_format)
            with progress.stage(f"reading {name}", enabled=loud):
                m = _read_map(path, args.input_format)
        except _EXPECTED as error:
            status = max(status, ExitStatus.BAD_INPUT)
            if args.format == "text":
                _complain(_describe(error, path))
            else:
                found.extend(lint.findings_of_error(error, name))
            continue
        with progress.stage(f"checking {name} ({_size(m)})", enabled=loud):
            diagnostics = check(m)
        if any(diagnostic.severity is Severity.ERROR for diagnostic in diagnostics):
            status = max(status, ExitStatus.FOUND_ERRORS)
        shown = [f for f in lint.findings(diagnostics, name) if f.severity >= lowest]
        if args.format == "text":
            for finding in shown:
                print(lint.text(finding))
        if shown:
            with_findings.add(path)
        found.extend(shown)
    return status


def _fix(path: str, format: str | None) -> None:
    """Rewrite the Argdown file ``path`` with the fixes that are safe, saying each on stderr; any other file, or one
    with nothing to fix, stays as it was, byte for byte.
    """
    chosen = formats.format_for_path(path) if format is None else formats.get_format(format)
    if chosen.name != "argdown":
        return
    from ._io import atomic_write
    from .formats.argdown import fix

    try:
        text = Path(path).read_bytes().decode("utf-8")  # the byte order mark, if any, stays
    except UnicodeDecodeError:
        return  # reading it reports what is wrong
    fixed = fix(text)
    if fixed.changes:
        atomic_write(path, fixed.text)
        for change in fixed.changes:
            print(f"{path}:{change.line}:{change.column}: fixed {change}", file=sys.stderr)


def _selecting(args: argparse.Namespace) -> bool:
    """Whether the command line asks for a part of the map."""
    return any(getattr(args, name) for name in ("select", "sections", "tags", "statuses", "connected"))


def _chosen(m: ArgumentMap, args: argparse.Namespace, path: str) -> ArgumentMap | None:
    """The part of ``m`` that the selection options keep (see :func:`argmap.selection.chosen_part`); ``None``
    without any.
    """
    if not _selecting(args):
        return None
    from .selection import chosen_part

    with _reporting(path):
        return chosen_part(
            m,
            ids=args.select,
            depth=args.depth,
            reach=args.reach,
            sections=args.sections,
            tags=args.tags,
            statuses=args.statuses,
            connected=args.connected,
            semantics=args.evaluate or "grounded",
        )


def _render(args: argparse.Namespace) -> ExitStatus:
    if args.output is not None and len(args.files) > 1:
        raise _Failure(
            "argmap render: error: -o names the output of one FILE; without -o, each FILE is drawn beside itself"
        )
    if args.output is None and args.format is None:
        raise _Failure(
            "argmap render: error: -o or --format is needed: --format draws each FILE beside itself in that format"
        )
    if args.watch and _STDOUT in (args.output, *args.files):
        raise _Failure("argmap render: error: --watch reads and draws files, not standard input or output")
    status, read = _draw(args.files, args, {})
    if args.watch:
        _watch(args, read)
    return status


def _draw(
    paths: Sequence[str], args: argparse.Namespace, known: Mapping[str, frozenset[str]]
) -> tuple[ExitStatus, dict[str, frozenset[str]]]:
    """Draw each map of ``paths`` where the options say; with ``-o`` a failure ends the command, and otherwise each
    file that cannot be drawn is reported and the rest are drawn, as ``argmap check`` checks them all. With the
    worst status, the files each map was read from: those of its drawing, or else those ``known`` (an edit that
    breaks a file the map includes must not stop its being watched), or else the map's own.
    """
    if args.output is not None and not args.watch:
        return ExitStatus.OK, {paths[0]: _render_one(paths[0], args.output, args)}
    status = ExitStatus.OK
    read: dict[str, frozenset[str]] = {}
    for path in paths:
        try:
            read[path] = _render_one(path, args.output or _beside(path, args.format), args)
        except _Failure as failure:
            _complain(failure)
            status = max(status, failure.status)
            read[path] = known.get(path, frozenset({path}))
    return status, read


def _stamp(path: str) -> tuple[int, int] | None:
    """What tells that a file changed: its modification time and size (``None`` while it is missing)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_mtime_ns, found.st_size


def _read_from(m: ArgumentMap, path: str) -> frozenset[str]:
    """The files the map in ``path`` was read from: itself and those it includes (where its elements were written)."""
    places = [e.location for kind in (m.statements, m.arguments, m.relations, m.sections) for e in kind]
    return frozenset({path} | {at.path for at in places if at is not None and at.path is not None})


def _watch(args: argparse.Namespace, maps: dict[str, frozenset[str]]) -> None:
    """Redraw each map whose file, or a file it includes (``maps``: the files each was read from), changes, until
    interrupted: polling, since one stat a file a poll costs nothing and needs no dependency that watches files.
    """
    import time

    stamps = {file: _stamp(file) for files in maps.values() for file in files}
    print(f"argmap: watching {counted(len(stamps), 'file')}; Ctrl+C stops", file=sys.stderr, flush=True)
    while True:
        time.sleep(args.interval)
        now = {file: _stamp(file) for file in stamps}
        touched = {file for file, stamp in now.items() if stamp != stamps[file]}
        changed = [path for path, files in maps.items() if files & touched]
        if not changed:
            continue
        # An edit may include other files, or stop including some.
        status, read = _draw(changed, args, maps)
        maps.update(read)
        if status is ExitStatus.OK:
            drawn = ", ".join(args.output or _beside(path, args.format) for path in changed)
            print(f"argmap: redrew {drawn}", file=sys.stderr, flush=True)
        stamps = {file: now[file] if file in now else _stamp(file) for files in maps.values() for file in files}


def _beside(path: str, format: str) -> str:
    """Where ``argmap render FILE --format FORMAT`` draws FILE: the same name with FORMAT's suffix for the map's."""
    if path == _STDOUT:
        raise _Failure("argmap render: error: -: standard input needs -o to name where its diagram goes")
    lowered = path.lower()
    ending = max((s for f in formats.FORMATS.values() for s in f.suffixes if lowered.endswith(s)), key=len, default="")
    stem = path[: len(path) - len(ending)] if ending else str(Path(path).with_suffix(""))
    return f"{stem}.{format.lower()}"


def _applied(m: ArgumentMap, args: argparse.Namespace, path: str) -> tuple[ArgumentMap, dict[str, Any]]:
    """The part of ``m`` to draw and the drawing options that the document's own settings ask for (see
    :func:`argmap.settings.settings_of`; none with ``--no-settings``), each setting left out said on stderr. The
    command line's selection options, where given, choose the part instead of the document's.
    """
    part, options = m, dict[str, Any]()
    if not args.no_settings:
        from .settings import settings_of

        with _reporting(path):
            found = settings_of(m)
        for unhonoured in found.unhonoured:
            at = unhonoured.location
            where = path if at is None else f"{at.path or path}:{at.line}:{at.column}"
            print(f"argmap: warning: {where}: {unhonoured.problem().message}", file=sys.stderr)
        part, options = found.part, dict(found.options)
    chosen = _chosen(m, args, path)
    if chosen is None:
        return part, options
    # The command line's own selection draws what it leaves out as stubs; the document's is the author's choice.
    return chosen, {**options, "whole": m}


def _render_one(path: str, output: str, args: argparse.Namespace) -> frozenset[str]:
    """Draw the map in ``path`` into ``output``; the files it was read from (see :func:`_read_from`)."""
    from . import _progress as progress
    from .render.files import pipe, render

    loud = progress.wanted(sys.stderr, quiet=args.quiet)
    with progress.stage(f"reading {path}", enabled=loud):
        whole = _load(path, args.input_format)
        m, document = _applied(whole, args, path)
    given = {name: getattr(args, name) for name in _RENDER_OPTIONS if getattr(args, name) is not None}
    options = {**document, **given}  # what the command line says wins over what the document asks for
    if args.strength is not None:
        from .strength import strength

        with _reporting(path):
            options["strengths"] = strength(m, args.strength, timeout=args.timeout)
    if args.evaluate is not None:
        from .evaluate import DRAWING_TIMEOUT, evaluate_for_drawing

        with _reporting(path), progress.stage(f"evaluating {path} under {args.evaluate} semantics", enabled=loud):
            timeout = DRAWING_TIMEOUT if args.timeout is None else args.timeout
            options["labelling"], note = evaluate_for_drawing(m, args.evaluate, timeout)
        if note is not None:
            print(f"argmap: warning: {path}: {note}", file=sys.stderr)
    if loud:
        _warn_of_a_long_layout(m, path, output, args)
    drawing = progress.stage(f"drawing {path} ({_size(m)})", enabled=loud)
    if output == _STDOUT:
        with _reporting("<stdout>"), drawing:
            data = pipe(m, args.format or "dot", **options)
        _write_stdout(data)
    else:
        with _reporting(output), drawing:
            render(m, output, format=args.format, **options)
    return _read_from(whole, path)


def _warn_of_a_long_layout(m: ArgumentMap, path: str, output: str, args: argparse.Namespace) -> None:
    """Say before a ``dot`` layout of thousands of nodes that it takes long, and how to draw less (or faster)."""
    from .render.files import DIAGRAM_FORMATS, LARGE_LAYOUT

    nodes = len(m.statements) + len(m.arguments)
    given = args.format or ("dot" if output == _STDOUT else Path(output).suffix[1:])
    if nodes < LARGE_LAYOUT or (args.engine or "dot") != "dot" or DIAGRAM_FORMATS.get(given.lower()) == "dot":
        return
    print(
        f"argmap: {path}: laying out {nodes:,} statements and arguments with dot takes long (seconds to minutes); "
        "draw a part with --select ID --depth N, --sections, --tags, --statuses or --connected, "
        "or lay it out faster with --engine sfdp",
        file=sys.stderr,
        flush=True,
    )


def _size(m: ArgumentMap) -> str:
    """How big a map is, for a line of progress."""
    return f"{counted(len(m.statements), 'statement')}, {counted(len(m.arguments), 'argument')}"


def _first(found: Iterable[_T], limit: int | None) -> tuple[list[_T], bool]:
    """At most ``limit`` of ``found`` (all when ``None``), and whether there were more."""
    if limit is None:
        return list(found), False
    taken = list(islice(found, limit + 1))
    return taken[:limit], len(taken) > limit


def _one_more(limit: int | None) -> int | None:
    """The limit to ask a solver for: one more than is shown tells whether the limit was reached."""
    return None if limit is None else limit + 1


def _evaluate(args: argparse.Namespace) -> ExitStatus:
    from . import af
    from .evaluate import evaluate_all

    format = None if args.input_format is None else args.input_format.lower()
    # Files in a framework format's suffixes (or read --from one) are abstract frameworks; everything else is a map.
    suffixes = {suffix for suffixes in af.FRAMEWORK_FORMATS.values() for suffix in suffixes}
    framework_file = format in af.FRAMEWORK_FORMATS or (format is None and Path(args.file).suffix.lower() in suffixes)
    _check_questions(args, framework_file)
    if args.strength is not None:
        return _strength(args, format, framework_file)
    if args.task is not None:
        return _answer_task(args, format)
    args.semantics = args.semantics or "grounded"
    if args.claim is not None:
        return _answer_claim(args, format)
    if framework_file:
        if args.explain is not None:
            raise _Failure(f"argmap: error: {args.file}: --explain needs an argument map, not an abstract framework")
        with _reporting(args.file):
            framework = af.load(args.file, format)
            found, more = _first(
                af.labellings(
                    framework, args.semantics, limit=_one_more(args.limit), timeout=args.timeout, backend=args.backend
                ),
                args.limit,
            )
        _print_extensions(framework, args.semantics, found, more, args.format)
    else:
        m = _load(args.file, format)
        target = None if args.explain is None else _target(m, args.file, args.explain)
        with _reporting(args.file):
            labellings, more = _first(
                evaluate_all(
                    m, args.semantics, limit=_one_more(args.limit), timeout=args.timeout, backend=args.backend
                ),
                args.limit,
            )
        # Printed outside _reporting: a closed stdout is handled by main(), not reported as bad input.
        _print_labellings(m, args.semantics, labellings, more, target, args.format)
    if more:
        print(
            f"argmap: limit reached: showed the first {args.limit} {args.semantics} labellings of {args.file}; "
            "there are more",
            file=sys.stderr,
        )
    return ExitStatus.OK


def _strength(args: argparse.Namespace, format: str | None, framework_file: bool) -> ExitStatus:
    """``argmap evaluate --strength``: each element's strength, a ``[statement]: 0.618`` line each, or JSON."""
    from . import af

    if args.explain is not None:
        raise _Failure("argmap: error: --explain says why an element has its status, not its --strength")
    values: dict[str, dict[str, float]] = {}
    if framework_file:
        if args.strength != "h-categoriser":
            raise _Failure(f"argmap: error: {args.file}: an abstract framework has no weights: use h-categoriser")
        with _reporting(args.file):
            values["arguments"] = af.h_categoriser(af.load(args.file, format), timeout=args.timeout)
        lines = [f"{name}: {value:.{_DIGITS}f}" for name, value in values["arguments"].items()]
    else:
        from .strength import strength

        m = _load(args.file, format)
        with _reporting(args.file):
            found = strength(m, args.strength, timeout=args.timeout)
        values = {"statements": dict(found.statements), "arguments": dict(found.arguments)}
        lines = [f"[{printable(id)}]: {value:.{_DIGITS}f}" for id, value in found.statements.items()]
        lines += [f"<{printable(id)}>: {value:.{_DIGITS}f}" for id, value in found.arguments.items()]
    if args.format == "json":
        rounded = {key: {id: round(value, _JSON_DIGITS) for id, value in of.items()} for key, of in values.items()}
        _write_json({"strength": args.strength, **rounded})
    else:
        _write_stdout("".join(f"{line}\n" for line in lines))
    return ExitStatus.OK


def _check_questions(args: argparse.Namespace, framework_file: bool) -> None:
    """Refuse options that do not go together, before the file is read."""
    wrong = None
    if args.strength is not None and (args.task is not None or args.claim is not None):
        wrong = "--strength gives every element's strength: drop --task and --claim"
    elif args.strength is not None and (args.semantics is not None or args.limit is not None):
        wrong = f"--strength {args.strength} names its semantics and gives one answer: drop --semantics and --limit"
    elif args.task is not None and not framework_file:
        wrong = "--task needs an abstract framework (.af/.i23, .apx, .tgf); for a map, ask with --claim"
    elif args.task is not None and args.semantics is not None:
        wrong = f"--task {args.task[0]}-{args.task[1]} names its semantics: drop --semantics"
    elif args.task is not None and (args.task[0] in ("DC", "DS")) != (args.argument is not None):
        wrong = f"--task {args.task[0]}-{args.task[1]} " + (
            "needs --argument" if args.argument is None else "takes no --argument: only DC and DS tasks do"
        )
    elif args.task is not None and args.task[0] != "EE" and args.limit is not None:
        wrong = f"--task {args.task[0]}-{args.task[1]} gives one answer: drop --limit (EE tasks take it)"
    elif args.claim is not None and args.limit is not None:
        wrong = "--claim gives one answer with at most two labellings: drop --limit"
    elif args.task is None and args.argument is not None:
        wrong = "--argument goes with --task DC-... or DS-..."
    elif args.claim is not None and framework_file:
        wrong = "--claim needs an argument map; for a framework, use --task DC-... or DS-... with --argument"
    elif args.claim is not None and args.explain is not None:
        wrong = "--claim explains its answers itself: drop --explain"
    if wrong is not None:
        raise _Failure(f"argmap: error: {args.file}: {wrong}")


def _answer_claim(args: argparse.Namespace, format: str | None) -> ExitStatus:
    """Whether the element --claim names is accepted in some and in every labelling, and the labellings that show it."""
    from .evaluate import acceptance

    m = _load(args.file, format)
    id, type = _target(m, args.file, args.claim, "to ask about")
    with _reporting(args.file):
        answer = acceptance(m, id, args.semantics, type=type, timeout=args.timeout, backend=args.backend)
    if args.format == "json":
        witnesses: dict[str, object] = {}
        for key, labelling in (("accepting", answer.accepting), ("rejecting", answer.rejecting)):
            witnesses[key] = (
                None
                if labelling is None
                else {**_labels_json(m, labelling), "explanation": labelling.explain(id, type)}
            )
        document = {
            "semantics": answer.semantics,
            "type": type.value,
            "id": id,
            "credulous": answer.credulous,
            "skeptical": answer.skeptical,
            **witnesses,
        }
        _write_json(document)
    else:
        _write_stdout(answer.explain() + "\n")
    return ExitStatus.OK


#: The semantics of the ICCMA task names, by their abbreviation.
_TASK_SEMANTICS = {
    "CO": "complete",
    "PR": "preferred",
    "ST": "stable",
    "GR": "grounded",
    "SST": "semi-stable",
    "STG": "stage",
    "ID": "ideal",
}
_TASK_PROBLEMS = ("DC", "DS", "SE", "EE")


def _task(text: str) -> tuple[str, str]:
    problem, _, semantics = text.upper().partition("-")
    if problem not in _TASK_PROBLEMS or semantics not in _TASK_SEMANTICS:
        names = f"{'/'.join(_TASK_PROBLEMS)} - {'/'.join(_TASK_SEMANTICS)}"
        raise argparse.ArgumentTypeError(f"expected an ICCMA task such as DC-PR ({names}), not {text!r}")
    return problem, semantics


def _answer_task(args: argparse.Namespace, format: str | None) -> ExitStatus:
    """An ICCMA 2023 task, answered as ICCMA 2023 solvers answer: YES or NO, and ``w`` lines for extensions."""
    from . import af

    problem, abbreviation = args.task
    semantics = _TASK_SEMANTICS[abbreviation]
    task = f"{problem}-{abbreviation}"
    more = False
    with _reporting(args.file):
        framework = af.load(args.file, format)
        if problem in ("DC", "DS"):
            ask = af.credulous if problem == "DC" else af.skeptical
            verdict = ask(framework, args.argument, semantics, timeout=args.timeout, backend=args.backend)
            found = [] if verdict.witness is None else [verdict.witness]
        elif problem == "SE":  # one extension: no second one is looked for
            found = list(af.labellings(framework, semantics, limit=1, timeout=args.timeout, backend=args.backend))
        else:
            found, more = _first(
                af.labellings(
                    framework, semantics, limit=_one_more(args.limit), timeout=args.timeout, backend=args.backend
                ),
                args.limit,
            )
    extensions = [[name for name in framework.arguments if labels[name] is af.Label.IN] for labels in found]
    if args.format == "json":
        document: dict[str, object] = {"task": task}
        if problem in ("DC", "DS"):
            document.update(
                argument=args.argument, accepted=verdict.accepted, witness=extensions[0] if extensions else None
            )
        elif problem == "SE":
            document["extension"] = extensions[0] if extensions else None
        else:
            document.update(extensions=extensions, limit_reached=more)
        _write_json(document)
    else:
        lines = []
        if problem in ("DC", "DS"):
            lines.append("YES" if verdict.accepted else "NO")
        elif not extensions:
            lines.append("NO")  # no extension at all: ICCMA 2023's answer for SE
        lines.extend("".join(["w", *(f" {name}" for name in extension)]) for extension in extensions)
        _write_stdout("".join(f"{line}\n" for line in lines))
    if more:
        print(
            f"argmap: limit reached: showed the first {args.limit} extensions of {args.file}; there are more",
            file=sys.stderr,
        )
    return ExitStatus.OK


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, not {text!r}")
    return value


def _target(m: ArgumentMap, path: str, text: str, purpose: str = "to explain") -> tuple[str, ElementType]:
    """The element ``--explain`` or ``--claim`` names: an id, or ``[id]`` for a statement and ``<id>`` for an
    argument.
    """
    types = [type for type in ElementType if m.has(type, text)]
    if len(types) > 1:
        raise _Failure(f"argmap: error: {path}: {text!r} names a statement and an argument: write [{text}] or <{text}>")
    if types:
        return text, types[0]
    bracketed = {"[]": ElementType.STATEMENT, "<>": ElementType.ARGUMENT}.get(text[:1] + text[-1:])
    if bracketed is not None and m.has(bracketed, text[1:-1]):
        return text[1:-1], bracketed
    raise _Failure(f"argmap: error: {path}: no statement or argument {text!r} {purpose}")


def _print_labellings(
    m: ArgumentMap,
    semantics: str,
    labellings: Sequence[Labelling],
    more: bool,
    target: tuple[str, ElementType] | None,
    output: str,
) -> None:
    """Each labelling as ``[statement]: status`` and ``<argument>: status`` lines, or the explanation of ``target``.

    Grounded, ideal and eager semantics give one labelling, printed bare; the others a numbered block each (none: a
    line saying so).
    """
    if output == "json":
        records = []
        for labelling in labellings:
            record = _labels_json(m, labelling)
            if target is not None:
                record["explanation"] = labelling.explain(*target)
            records.append(record)
        document = {"semantics": semantics, "labellings": records, "limit_reached": more}
        _write_json(document)
        return
    if not labellings:
        print(f"no {semantics} labelling")
    for number, labelling in enumerate(labellings, 1):
        if target is not None:
            lines = labelling.explain(*target).splitlines()
        else:
            lines = [f"[{printable(s.id)}]: {labelling.label(ElementType.STATEMENT, s.id).value}" for s in m.statements]
            lines += [f"<{printable(a.id)}>: {labelling.label(ElementType.ARGUMENT, a.id).value}" for a in m.arguments]
        if semantics not in _ONE_LABELLING:
            lines = [f"labelling {number}:", *(f"  {line}" for line in lines)]
        _write_stdout("".join(f"{line}\n" for line in lines))


def _labels_json(m: ArgumentMap, labelling: Labelling) -> dict[str, object]:
    return {
        "statements": {s.id: labelling.label(ElementType.STATEMENT, s.id).value for s in m.statements},
        "arguments": {a.id: labelling.label(ElementType.ARGUMENT, a.id).value for a in m.arguments},
    }


def _print_extensions(
    framework: af.Framework, semantics: str, found: Sequence[dict[str, af.Label]], more: bool, output: str
) -> None:
    """The extensions (the arguments labelled in) as ICCMA solvers print them: ``[a,b]``, or ``[[a,b],[c]]`` for
    the semantics that may have several (all but grounded, ideal and eager); in JSON, the labellings too.
    """
    from . import af

    extensions = [[name for name in framework.arguments if labels[name] is af.Label.IN] for labels in found]
    if output == "json":
        labellings = [{name: labels[name].value for name in framework.arguments} for labels in found]
        document = {"semantics": semantics, "extensions": extensions, "labellings": labellings, "limit_reached": more}
        _write_json(document)
    elif semantics in _ONE_LABELLING:
        print(_iccma(extensions[0]))
    else:
        print(f"[{','.join(map(_iccma, extensions))}]")


def _iccma(extension: Sequence[str]) -> str:
    return f"[{','.join(extension)}]"


def _convert(args: argparse.Namespace) -> ExitStatus:
    m = _load(args.file, args.input_format)
    if args.output == _STDOUT:
        with _reporting("<stdout>"):
            text = formats.dumps(m, format=args.output_format or "json")
        _write_stdout(text)
    else:
        with _reporting(args.output):
            formats.dump(m, args.output, format=args.output_format)
    return ExitStatus.OK


def _explain(args: argparse.Namespace) -> ExitStatus:
    from .catalogue import CATALOGUE, Severity, explain

    if args.code is None:
        code_width = max(map(len, CATALOGUE), default=0)
        severity_width = max(len(severity.value) for severity in Severity)
        for code, info in CATALOGUE.items():
            print(f"{code:<{code_width}}  {info.severity.value:<{severity_width}}  {info.title}")
        return ExitStatus.OK
    try:
        text = explain(args.code)
    except UnknownCode as error:
        raise _Failure(f"argmap: error: {_one_line(str(error))}") from None
    _write_stdout(text if text.endswith("\n") else text + "\n")
    return ExitStatus.OK


def _coverage(args: argparse.Namespace) -> ExitStatus:
    from .coverage import coverage

    m = _load(args.file, args.input_format)
    found = coverage(m)
    if args.format == "json":
        _write_json([source.to_json() for source in found])
        return ExitStatus.OK
    if not found:
        print(f"{args.file}: the map has no sources")
    for source in found:
        name = source.title or source.source
        print(
            f"{args.file}: source {source.source!r} ({name}): {sum(s.covered for s in source.sentences)} of "
            f"{len(source.sentences)} sentences quoted ({source.sentence_share:.0%}), {source.character_share:.0%} "
            f"of its characters; {len(source.uncovered)} uncovered, "
            f"{sum(s.background is not None for s in source.sentences)} marked as background"
        )
        for sentence in source.uncovered:
            print(f"  {source.source}:{sentence.line}:{sentence.column}: {sentence.text}")
        for first, second in source.overlaps:
            print(f"  overlap: the quotes of [{first}] and [{second}] share text")
        for statement, text in source.missing:
            print(f"  not found: [{statement}] quotes {text!r}")
        if args.quotes:
            for quote in source.quotes:
                print(f"  {source.source}:{quote.line}:{quote.column}: [{quote.statement}] {quote.text}")
    return ExitStatus.OK


def _schema(args: argparse.Namespace) -> ExitStatus:
    from .formats.json_schema import json_schema_text

    _write_stdout(json_schema_text())
    return ExitStatus.OK


# The parser ---------------------------------------------------------------------------------------------------


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for. Reading the installed package's metadata costs
    a fifth of the command's start-up, which every other run would pay if the parser were given the text.
    """

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        sys.stdout.write(f"{parser.prog} {version()}\n")
        parser.exit()


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, not {text!r}")
    return value


def _width(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of characters (0: no wrapping), not {text!r}")
    return value


def _parts(text: str) -> tuple[str, ...]:
    from .render.options import SHOW

    parts = listed(text)
    unknown = [part for part in parts if part not in SHOW]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part {unknown[0]!r}: use any of {', '.join(SHOW)}")
    return parts


def _add_selection(parser: argparse.ArgumentParser) -> None:
    """The options that draw or convert a part of a map (see :func:`argmap.selection.select`)."""
    group = parser.add_argument_group("parts of the map (combined: what every one keeps)")
    group.add_argument("--select", type=listed, metavar="ID,...", help="these elements and their neighbourhood")
    group.add_argument("--depth", type=_width, default=0, metavar="N", help="ties out from --select (default: 0)")
    group.add_argument(
        "--reach", choices=("in", "out", "both"), default="both", help="towards reasons (in), what they bear on (out)"
    )
    group.add_argument("--sections", type=listed, metavar="ID,...", help="these sections and their subsections")
    group.add_argument("--tags", type=listed, metavar="TAG,...", help="elements with any of these tags")
    group.add_argument(
        "--statuses",
        type=listed,
        metavar="STATUS,...",
        help="elements with these statuses (in, out, undec) under the map's --evaluate semantics (default grounded)",
    )
    group.add_argument("--connected", action="store_true", help="leave out what nothing kept ties to")


def _engine(name: str) -> str:
    """A Graphviz layout engine, checked when the option is read."""
    from .render.files import layout_engine

    try:
        return layout_engine(name)
    except ArgmapError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _add_input_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="input_format",
        metavar="FORMAT",
        help="format of the input (default: from the file's suffix)",
    )


def _add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no lines of progress (shown on a terminal when a step takes over a second)",
    )


def parser() -> argparse.ArgumentParser:
    """The ``argmap`` command's argument parser, with every sub-command; the CLI reference is generated from it."""
    return _parser(_COMMANDS)


def _parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser for a command line that names its sub-command first: with that sub-command alone, since building
    every sub-command's parser costs a small command a tenth of its start-up. Anything else (``--help``,
    ``--version``, a mistake) gets them all, for the usage and the error message.
    """
    return _parser((argv[0],) if argv and argv[0] in _COMMANDS else _COMMANDS)


def _parser(commands_wanted: Iterable[str]) -> argparse.ArgumentParser:
    """The command's parser with the sub-commands ``commands_wanted`` (names in :data:`_COMMANDS`)."""
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Check, draw and convert typed argument maps.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in commands_wanted:
        _COMMANDS[name](commands)
    return parser


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from .catalogue import Severity

    check_parser = commands.add_parser(
        "check",
        help="report structural problems in maps",
        description="Print one line per problem found: path:line:col: severity code message.",
    )
    check_parser.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="map files or directories to check (every map file below); - reads stdin",
    )
    check_parser.add_argument(
        "--format",
        choices=("text", "json", "github", "sarif"),
        default="text",
        help="output format: text, json, github (workflow annotations) or sarif (SARIF 2.1.0)",
    )
    check_parser.add_argument(
        "--severity",
        choices=[severity.value for severity in Severity],
        default=Severity.INFO.value,
        help="lowest severity shown (default: %(default)s); errors set the exit status whatever is shown",
    )
    check_parser.add_argument(
        "--fix",
        action="store_true",
        help="first rewrite each Argdown file for the mistakes with one safe fix (a mistyped reference with one "
        "close title), keeping everything else as it is",
    )
    _add_input_format(check_parser)
    _add_quiet(check_parser)
    check_parser.set_defaults(run=_check)


def _add_render(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from . import af
    from .render.files import DIAGRAM_FORMATS
    from .render.options import DIRECTIONS, SHOW, VIEWS
    from .render.theme import THEME_NAMES

    render_parser = commands.add_parser(
        "render",
        help="draw a map with Graphviz",
        description="Draw a map. DOT output (.dot, .gv, or -o -) works without Graphviz installed.",
    )
    render_parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="the maps to draw: one with -o, or any number with --format, each drawn beside itself "
        "(map.argdown to map.svg)",
    )
    render_parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file, its missing folders made; - for stdout (DOT unless --format)",
    )
    render_parser.add_argument(
        "--format",
        help=f"output format: {', '.join(DIAGRAM_FORMATS)} (default: from OUT's suffix; needed without -o)",
        metavar="FORMAT",
    )
    render_parser.add_argument("--view", choices=VIEWS, help="what to draw (default: debate)")
    render_parser.add_argument(
        "--direction", choices=DIRECTIONS, help="where reasons are (default: BT, below their conclusions)"
    )
    render_parser.add_argument(
        "--theme",
        choices=THEME_NAMES,
        help="colours (default: auto for HTML, which follows the reader's light or dark mode; light otherwise)",
    )
    render_parser.add_argument(
        "--wrap", type=_width, metavar="N", help="wrap text at N characters, 0 for no wrapping (default: 40)"
    )
    render_parser.add_argument(
        "--show",
        type=_parts,
        metavar="PART,...",
        help=f"optional parts to draw, from: {', '.join(SHOW)} (default: all but statement-ids)",
    )
    render_parser.add_argument(
        "--evaluate",
        choices=af.SEMANTICS,
        metavar="SEMANTICS",
        help=f"colour elements by their status under SEMANTICS: {', '.join(af.SEMANTICS)} (the first labelling)",
    )
    render_parser.add_argument(
        "--strength",
        choices=af.STRENGTH_SEMANTICS,
        metavar="SEMANTICS",
        help=f"shade elements by their strength under SEMANTICS: {', '.join(af.STRENGTH_SEMANTICS)}",
    )
    render_parser.add_argument(
        "--timeout",
        type=_seconds,
        metavar="SECONDS",
        # The default is argmap.evaluate.DRAWING_TIMEOUT, written out: importing evaluation here would slow every
        # render, and a test keeps the two equal.
        help="with --evaluate and a semantics that searches (all but grounded and complete): search at most this "
        "long, then draw under grounded semantics and say so (default: 10); with --strength, give up with "
        "'limit reached' (exit 4) past it",
    )
    render_parser.add_argument(
        "--name", metavar="NAME", help="the map's name, which starts each node's anchor (default: from its title)"
    )
    render_parser.add_argument(
        "--max-width", metavar="LENGTH", help="HTML: the widest the diagram's frame may be, a CSS length (e.g. 60rem)"
    )
    render_parser.add_argument(
        "--max-height", metavar="LENGTH", help="HTML: the tallest the diagram's frame may be (default: 85vh)"
    )
    render_parser.add_argument(
        "--engine",
        type=_engine,
        metavar="ENGINE",
        help="the Graphviz layout engine (default: dot; sfdp or neato are much faster on maps of thousands)",
    )
    render_parser.add_argument(
        "--watch",
        action="store_true",
        help="after drawing, redraw each map whenever its file (or a file it includes) changes, until Ctrl+C",
    )
    render_parser.add_argument(
        "--interval",
        type=_seconds,
        default=0.5,
        metavar="SECONDS",
        help="with --watch: how often to look at the files (default: %(default)s)",
    )
    render_parser.add_argument(
        "--no-settings",
        action="store_true",
        help="ignore the drawing settings an Argdown document holds (selection, isInMap...): draw the whole map",
    )
    _add_quiet(render_parser)
    _add_selection(render_parser)
    _add_input_format(render_parser)
    render_parser.set_defaults(run=_render)


def _add_evaluate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from . import af

    evaluate_parser = commands.add_parser(
        "evaluate",
        help="label what stands: in, out or undec",
        description=(
            "Evaluate a map, or an abstract framework in an ICCMA format (.af/.i23, .apx, .tgf), under an "
            "acceptability semantics. A map prints one '[statement]: status' or '<argument>: status' line per "
            "element; a framework prints its extensions as ICCMA solvers do, [a,b] (grounded) or [[a,b],[c]]. "
            "--claim asks whether one element of a map is accepted in some and in every labelling; --task answers "
            "an ICCMA 2023 task about a framework in ICCMA 2023's output format. Either exits 0 whatever the answer."
        ),
    )
    evaluate_parser.add_argument("file", metavar="FILE", help="the map or framework to evaluate")
    evaluate_parser.add_argument(
        "--semantics", choices=af.SEMANTICS, help="acceptability semantics (default: grounded)"
    )
    evaluate_parser.add_argument(
        "--claim",
        metavar="ID",
        help="say whether the element ID ([id]: statement, <id>: argument) is accepted credulously (in some "
        "labelling) and skeptically (in every one), with a labelling that shows each answer and why",
    )
    evaluate_parser.add_argument(
        "--task",
        type=_task,
        metavar="TASK",
        help="an ICCMA task on a framework: DC (credulous), DS (skeptical), SE (some extension) or EE (every "
        f"extension), then -{', -'.join(_TASK_SEMANTICS)}, as in DC-PR; prints YES/NO and 'w' witness lines",
    )
    evaluate_parser.add_argument("--argument", metavar="NAME", help="the argument a DC or DS --task asks about")
    evaluate_parser.add_argument(
        "--limit", type=_count, metavar="N", help="show at most N labellings (default: all); says so if there are more"
    )
    evaluate_parser.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="give up with 'limit reached' (exit 4) after SECONDS of search (default: %(default)g)",
    )
    evaluate_parser.add_argument(
        "--strength",
        choices=af.STRENGTH_SEMANTICS,
        metavar="SEMANTICS",
        help=f"print each element's strength from 0 to 1 under SEMANTICS instead: {', '.join(af.STRENGTH_SEMANTICS)}",
    )
    evaluate_parser.add_argument(
        "--backend",
        choices=af.BACKENDS,
        default="auto",
        help="solver for complete, preferred and stable semantics: sat (python-sat, the argmap[sat] extra), search "
        "(pure Python), or auto: sat when installed (default: %(default)s)",
    )
    evaluate_parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    evaluate_parser.add_argument(
        "--explain", metavar="ID", help="say why the element ID ([id]: statement, <id>: argument) has its status"
    )
    evaluate_parser.add_argument(
        "--from",
        dest="input_format",
        metavar="FORMAT",
        help=f"format of the input: a map format, or {', '.join(af.FRAMEWORK_FORMATS)} (default: from the suffix)",
    )
    evaluate_parser.set_defaults(run=_evaluate)


def _add_convert(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    convert_parser = commands.add_parser(
        "convert", help="write a map in another format", description="Read a map and write it in another format."
    )
    convert_parser.add_argument("file", metavar="FILE", help="the map to convert")
    convert_parser.add_argument("-o", "--output", required=True, metavar="OUT", help="output file; - for stdout")
    convert_parser.add_argument(
        "--to",
        dest="output_format",
        metavar="FORMAT",
        help="format of the output (default: from OUT's suffix; json for -)",
    )
    _add_input_format(convert_parser)
    convert_parser.set_defaults(run=_convert)


def _add_explain(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    explain_parser = commands.add_parser(
        "explain",
        help="explain a diagnostic code",
        description="Show what a diagnostic code means, why it matters and how to fix it; without a code, list them.",
    )
    which = explain_parser.add_mutually_exclusive_group()
    which.add_argument("code", nargs="?", metavar="CODE", help="a code such as circular-support")
    which.add_argument("--list", action="store_const", const=None, dest="code", help="list every code (the default)")
    explain_parser.set_defaults(run=_explain)


def _add_schema(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema_parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of argmap's JSON format",
        description="Print the JSON Schema (draft 2020-12) of the JSON files that argmap reads and writes.",
    )
    schema_parser.set_defaults(run=_schema)


def _add_coverage(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    coverage_parser = commands.add_parser(
        "coverage",
        help="how much of each source the map's quotes cover",
        description="Report, per source of the map, the share of sentences and characters its quotes cover, the "
        "sentences no quote touches (except those the map marks as background), overlapping quotes, and quotes "
        "not found.",
    )
    coverage_parser.add_argument("file", metavar="FILE", help="the map")
    coverage_parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    coverage_parser.add_argument(
        "--quotes", action="store_true", help="also list every quote, in source order (text output)"
    )
    _add_input_format(coverage_parser)
    coverage_parser.set_defaults(run=_coverage)


_COMMANDS: dict[str, Callable[[argparse._SubParsersAction[argparse.ArgumentParser]], None]] = {
    "check": _add_check,
    "render": _add_render,
    "evaluate": _add_evaluate,
    "convert": _add_convert,
    "explain": _add_explain,
    "coverage": _add_coverage,
    "schema": _add_schema,
}


# Entry point --------------------------------------------------------------------------------------------------


def _complain(failure: _Failure) -> None:
    print(failure.line, file=sys.stderr)


def _discard_stdout() -> None:
    """Point stdout at the null device, so the flush at interpreter exit cannot fail on the closed pipe again."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced by an object without a file descriptor
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def run() -> int:
    """The ``argmap`` command (and ``python -m argmap``): :func:`main` in a process of its own.

    Python's cyclic garbage collector is turned off for the rest of the process: a command's maps and drawings
    live until it ends and make no reference cycles worth collecting, and the collector would only go through
    every one of their objects, more often the more there are (a tenth of the time of drawing a document of
    10,000 statements). What is left when :func:`main` returns (modules, functions, classes) lives until the process
    ends, so it is frozen (``gc.freeze()``): the collector's one pass at exit need not go through it either.
    :func:`main` itself leaves the collector as it is, for programs that call it.
    """
    gc.disable()
    try:
        return main()
    finally:
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``argmap`` with ``argv`` (default: the command line) and return the exit status (see :class:`ExitStatus`).

    Expected failures print one line on stderr (a line per problem of a map whose problems have lines), never a
    traceback.
    """
    try:
        args = _parser_for(sys.argv[1:] if argv is None else argv).parse_args(argv)
        status: int = args.run(args)
        sys.stdout.flush()  # a closed pipe must show up here, where it is handled, not at interpreter exit
    except SystemExit as exit:  # --help, --version and usage errors, already reported by argparse
        return exit.code if isinstance(exit.code, int) else ExitStatus.BAD_INPUT
    except _Failure as failure:
        _complain(failure)
        return failure.status
    except KeyboardInterrupt:
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _discard_stdout()
        return ExitStatus.BROKEN_PIPE
    return status
