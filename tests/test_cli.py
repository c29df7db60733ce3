"""The `argmap` command, run on real files both as a subprocess and in-process (the latter for coverage)."""

from __future__ import annotations

import json
import os
import queue
import runpy
import signal
import subprocess
import sys
import threading
from importlib import metadata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from samples import Result, Run

import argmap.cli
from argmap import ArgumentMap, Location, MapBuilder
from argmap.catalogue import CATALOGUE, Severity
from argmap.check import Diagnostic, check
from argmap.cli import ExitStatus, main
from argmap.formats import dump, dumps, load
from argmap.formats.json_schema import json_schema_text
from argmap.render.dot import to_dot
from argmap.strategies import argument_maps

# Maps -------------------------------------------------------------------------------------------------------------


def clean_map() -> ArgumentMap:
    """A map that check() finds nothing wrong with."""
    b = MapBuilder(title="Clean")
    c = b.statement("We should plant more trees.", id="c")
    p = b.statement("Trees cool cities.", id="p")
    q = b.statement("Cooler cities save lives.", id="q")
    b.argument([p, q], c, id="a1")
    return b.build()


def warning_map() -> ArgumentMap:
    """A map with one warning (a disconnected statement) and no errors."""
    b = MapBuilder(title="Warnings")
    c = b.statement("We should plant more trees.", id="c")
    p = b.statement("Trees cool cities.", id="p")
    b.argument([p], c, id="a1")
    b.statement("Unrelated remark.", id="lonely")
    return b.build()


def error_map() -> ArgumentMap:
    """A map with one error: an argument that concludes its own premise."""
    b = MapBuilder(title="Errors")
    c = b.statement("We should plant more trees.", id="c")
    p = b.statement("Trees cool cities.", id="p")
    b.argument([p], c, id="a1")
    b.argument([c], c, id="circle")
    return b.build()


def big_map(n: int) -> ArgumentMap:
    """A map whose DOT source is far larger than a pipe's buffer, for n in the thousands."""
    b = MapBuilder(title="Big")
    top = b.statement("The conclusion.", id="top")
    for i in range(n):
        b.support(b.statement(f"Reason number {i}.", id=f"r{i}"), top)
    return b.build()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """tmp_path with clean.json, warnings.json, errors.json and broken inputs of every kind."""
    dump(clean_map(), tmp_path / "clean.json")
    dump(warning_map(), tmp_path / "warnings.json")
    dump(error_map(), tmp_path / "errors.json")
    (tmp_path / "malformed.json").write_text('{"argmap": 1,\n  "statements": [}\n', encoding="utf-8")
    (tmp_path / "shape.json").write_text('{"argmap": 1, "statements": 7}\n', encoding="utf-8")
    (tmp_path / "latin1.json").write_bytes('{"argmap": 1, "title": "Caf\u00e9"}'.encode("latin-1"))
    (tmp_path / "map.xyz").write_text("whatever", encoding="utf-8")
    (tmp_path / "folder.json").mkdir()
    return tmp_path


ERROR_LINE = "errors.json: error self-support step 1 of <circle> concludes [c] from itself"
WARNING_LINE = "warnings.json: warning disconnected [lonely] is not connected to the main part of the map (3 elements)"


# check --------------------------------------------------------------------------------------------------------------


def test_check_clean_map_is_silent(run: Run, files: Path) -> None:
    assert check(clean_map()) == []
    assert run("check", "clean.json") == Result(0, "", "")


def test_check_reports_errors_and_exits_1(run: Run, files: Path) -> None:
    assert run("check", "errors.json") == Result(ExitStatus.FOUND_ERRORS, ERROR_LINE + "\n", "1 error in 1 file\n")


def test_check_warnings_do_not_fail(run: Run, files: Path) -> None:
    assert run("check", "warnings.json") == Result(0, WARNING_LINE + "\n", "1 warning in 1 file\n")
    both = run("check", "warnings.json", "errors.json", "clean.json")
    assert both == Result(1, f"{WARNING_LINE}\n{ERROR_LINE}\n", "1 error, 1 warning in 2 files\n")


def test_severity_hides_lower_levels_but_not_the_exit_status(run: Run, files: Path) -> None:
    assert run("check", "warnings.json", "--severity", "error") == Result(0, "", "")
    assert run("check", "warnings.json", "--severity", "warning").lines == [WARNING_LINE]
    result = run("check", "errors.json", "warnings.json", "--severity", "error")
    assert result == Result(1, ERROR_LINE + "\n", "1 error in 1 file\n")


def test_check_json_output(run: Run, files: Path) -> None:
    result = run("check", "--format", "json", "errors.json", "clean.json")
    assert result.status == 1
    assert result.stderr == ""
    records = json.loads(result.stdout)
    assert records == [
        {
            "path": "errors.json",
            "line": None,
            "column": None,
            "severity": d.severity.value,
            "code": d.code,
            "message": d.message,
            "subjects": list(d.subjects),
        }
        for d in check(error_map())
    ]


def test_check_json_output_when_clean_is_an_empty_list(run: Run, files: Path) -> None:
    result = run("check", "--format", "json", "clean.json")
    assert (result.status, json.loads(result.stdout), result.stderr) == (0, [], "")


def test_check_goes_on_after_bad_files_and_exits_with_the_worst_status(run: Run, files: Path) -> None:
    result = run("check", "missing.json", "errors.json", "clean.json")
    assert result.status == ExitStatus.BAD_INPUT
    assert result.lines == [ERROR_LINE]
    assert result.stderr.splitlines() == [
        "argmap: error: missing.json: No such file or directory",
        "1 error in 1 file",
    ]


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("missing.json", "argmap: error: missing.json: No such file or directory"),
        ("folder.json", "argmap: error: folder.json: Is a directory"),
        (
            "latin1.json",
            "latin1.json:1:28: error parse-error not UTF-8 text: invalid continuation byte (byte 0xE9)",
        ),
    ],
    ids=["missing", "directory", "bad-utf-8"],
)
def test_unreadable_input_gives_one_line(run: Run, files: Path, name: str, line: str) -> None:
    for command in (["check", name], ["render", name, "-o", "out.dot"], ["convert", name, "-o", "out.json"]):
        if command[0] == "check" and name == "folder.json":
            # check walks a directory for map files: this one has none.
            expected = (
                "argmap: error: folder.json: no map files in this directory (.json, .argdown, .ad, .xaif.json, "
                ".argdown.json, .ova.json, .aif.json, .aif, .xml, .ann, .kialo.txt, .kialo)"
            )
            assert run(*command).failed_once() == expected
            continue
        assert run(*command).failed_once() == line
    assert not (files / "out.dot").exists()
    assert not (files / "out.json").exists()


def test_malformed_json_is_a_parse_error_with_its_place(run: Run, files: Path) -> None:
    line = run("check", "malformed.json").failed_once()
    assert line == "malformed.json:2:18: error parse-error invalid JSON: Expecting value"


def test_json_of_the_wrong_shape_is_a_map_error(run: Run, files: Path) -> None:
    line = run("check", "shape.json").failed_once()
    assert line.startswith("argmap: error: shape.json: "), line
    assert "statements" in line


def test_unknown_suffix_is_bad_input_and_from_overrides_it(run: Run, files: Path) -> None:
    line = run("check", "map.xyz").failed_once()
    assert line.startswith("argmap: error: cannot tell the format of 'map.xyz' from its suffix; known formats: "), line
    (files / "clean.txt").write_text(dumps(clean_map()), encoding="utf-8")
    assert run("check", "clean.txt", "--from", "json") == Result(0, "", "")
    line = run("check", "clean.json", "--from", "nonsense").failed_once()
    assert line.startswith("argmap: error: unknown format 'nonsense'; known formats: "), line


def test_usage_errors_exit_2(run: Run, files: Path) -> None:
    for args in ([], ["check"], ["check", "clean.json", "--format", "xml"], ["render", "clean.json"], ["frobnicate"]):
        result = run(*args)
        assert result.status == 2, args
        assert "Traceback" not in result.stderr
        assert result.stderr.splitlines()[-1].startswith("argmap"), result.stderr


# render -----------------------------------------------------------------------------------------------------------


def test_render_dot_file(run: Run, files: Path) -> None:
    assert run("render", "clean.json", "-o", "clean.dot") == Result(0, "", "")
    assert (files / "clean.dot").read_text(encoding="utf-8") == to_dot(clean_map()).source
    assert run("render", "clean.json", "-o", "clean.gv") == Result(0, "", "")
    assert (files / "clean.gv").read_text(encoding="utf-8") == to_dot(clean_map()).source


def test_render_draws_each_file_beside_itself_without_o(run: Run, files: Path) -> None:
    (files / "maps").mkdir()
    dump(clean_map(), files / "maps" / "trees.aif.json")
    (files / "maps" / "tea.argdown").write_text("[Tea]: Tea is good.\n  + [Health]: Tea is healthy.\n", "utf-8")
    assert run("render", "clean.json", "maps/trees.aif.json", "maps/tea.argdown", "--format", "DOT") == Result(
        0, "", ""
    )
    assert (files / "clean.dot").read_text(encoding="utf-8") == to_dot(clean_map()).source
    assert (files / "maps" / "trees.dot").read_text(encoding="utf-8") == to_dot(clean_map()).source
    assert "Tea is healthy." in (files / "maps" / "tea.dot").read_text(encoding="utf-8")
    # Drawing again gives the same bytes: a pre-commit hook that redraws sees no change.
    before = {p.name: p.read_bytes() for p in (files / "maps").iterdir()}
    assert run("render", "maps/trees.aif.json", "maps/tea.argdown", "--format", "dot") == Result(0, "", "")
    assert {p.name: p.read_bytes() for p in (files / "maps").iterdir()} == before


def test_render_of_several_files_reports_each_bad_one_and_draws_the_rest(run: Run, files: Path) -> None:
    result = run("render", "malformed.json", "clean.json", "missing.json", "--format", "dot")
    assert (result.status, result.stdout) == (ExitStatus.BAD_INPUT, "")
    first, second = result.stderr.splitlines()
    assert first.startswith("malformed.json:2:"), first
    assert second == "argmap: error: missing.json: No such file or directory"
    assert (files / "clean.dot").read_text(encoding="utf-8") == to_dot(clean_map()).source
    assert not (files / "malformed.dot").exists()


def test_render_without_o_needs_a_format_and_a_file(run: Run, files: Path) -> None:
    line = run("render", "clean.json", "errors.json", "-o", "out.dot").failed_once()
    assert line.startswith("argmap render: error: -o names the output of one FILE"), line
    line = run("render", "clean.json").failed_once()
    assert line.startswith("argmap render: error: -o or --format is needed"), line
    line = run("render", "-", "--format", "dot").failed_once()
    assert line == "argmap render: error: -: standard input needs -o to name where its diagram goes"
    assert sorted(p.name for p in files.iterdir() if p.suffix == ".dot") == []


@pytest.mark.skipif(os.name != "posix", reason="stopped with SIGINT, as Ctrl+C stops it")
def test_render_watch_redraws_when_the_map_changes_and_survives_a_broken_save(tmp_path: Path) -> None:
    source, drawing = tmp_path / "tea.argdown", tmp_path / "tea.dot"

    def save(text: str) -> None:
        # As editors save: whole, by a rename, so that the watcher never reads half a file.
        (tmp_path / "tea.tmp").write_text(text, encoding="utf-8")
        os.replace(tmp_path / "tea.tmp", source)

    save("[Tea]: Tea is good.\n  + [Health]: Tea is healthy.\n")
    command = [sys.executable, "-m", "argmap", "render", "tea.argdown", "--format", "dot", "--watch"]
    command += ["--interval", "0.05"]
    watcher = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert watcher.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in watcher.stderr or ()], daemon=True).start()
    try:
        assert lines.get(timeout=60) == "argmap: watching 1 file; Ctrl+C stops\n"
        assert "Tea is healthy." in drawing.read_text(encoding="utf-8")

        save("[Tea]: Tea is good.\n  + [Health]: Tea is good for you.\n")
        assert lines.get(timeout=60) == "argmap: redrew tea.dot\n"
        assert "Tea is good for you." in drawing.read_text(encoding="utf-8")

        save("[Tea]: Tea is good.\n  + [Health]: Tea is healthy. {x: [}\n")
        assert lines.get(timeout=60).startswith("tea.argdown:2:")  # reported, and the watch goes on
        assert "Tea is good for you." in drawing.read_text(encoding="utf-8")  # the last good drawing stays

        save("[Tea]: Tea is good.\n  + [Green]: Green tea is good.\n")
        assert lines.get(timeout=60) == "argmap: redrew tea.dot\n"
        assert "Green tea is good." in drawing.read_text(encoding="utf-8")
    finally:
        watcher.send_signal(signal.SIGINT)
        status = watcher.wait(timeout=60)
    assert status == ExitStatus.INTERRUPTED
    assert lines.empty() or "Traceback" not in "".join(lines.queue)


def test_render_watch_redraws_when_a_file_the_map_includes_changes(tmp_path: Path) -> None:
    (tmp_path / "tea.argdown").write_text("[Tea]: Tea is good.\n  + [Health]\n\n@include(health.argdown)\n")
    part = tmp_path / "health.argdown"

    def save(text: str) -> None:
        (tmp_path / "health.tmp").write_text(text, encoding="utf-8")
        os.replace(tmp_path / "health.tmp", part)

    save("[Health]: Tea is healthy.\n")
    command = [sys.executable, "-m", "argmap", "render", "tea.argdown", "--format", "dot", "--watch"]
    watcher = subprocess.Popen([*command, "--interval", "0.05"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert watcher.stderr is not None
    threading.Thread(target=lambda: [lines.put(line) for line in watcher.stderr or ()], daemon=True).start()
    try:
        assert lines.get(timeout=60) == "argmap: watching 2 files; Ctrl+C stops\n"
        save("[Health]: Tea is good for you.\n")
        assert lines.get(timeout=60) == "argmap: redrew tea.dot\n"
        assert "Tea is good for you." in (tmp_path / "tea.dot").read_text(encoding="utf-8")
        save("[Health]: Tea is healthy. {x: [}\n")
        assert "health.argdown:1:" in lines.get(timeout=60)  # reported where it is
        # The broken file is still watched: mending it redraws the map.
        save("[Health]: Tea is very healthy.\n")
        assert lines.get(timeout=60) == "argmap: redrew tea.dot\n"
        assert "Tea is very healthy." in (tmp_path / "tea.dot").read_text(encoding="utf-8")
    finally:
        watcher.send_signal(signal.SIGINT)
        status = watcher.wait(timeout=60)
    assert status == ExitStatus.INTERRUPTED


def test_render_watch_refuses_standard_input_and_output(run: Run, files: Path) -> None:
    for args in (["clean.json", "-o", "-"], ["-", "--format", "dot"]):
        line = run("render", *args, "--watch").failed_once()
        assert line == "argmap render: error: --watch reads and draws files, not standard input or output", args


def test_render_to_stdout_writes_dot_source(run: Run, files: Path) -> None:
    assert run("render", "clean.json", "-o", "-") == Result(0, to_dot(clean_map()).source, "")


def test_render_options_reach_the_diagram(run: Run, files: Path) -> None:
    options = ["--view", "premise", "--direction", "LR", "--theme", "dark", "--wrap", "12"]
    result = run("render", "clean.json", "-o", "-", *options)
    expected = to_dot(clean_map(), view="premise", direction="LR", theme="dark", wrap=12).source
    assert result == Result(0, expected, "")
    assert expected != to_dot(clean_map()).source
    unwrapped = run("render", "clean.json", "-o", "-", "--wrap", "0", "--show", "statement-ids, title")
    assert unwrapped == Result(0, to_dot(clean_map(), wrap=0, show=["statement-ids", "title"]).source, "")
    for bad in (["--wrap", "-1"], ["--wrap", "many"], ["--show", "everything"], ["--view", "bird"]):
        result = run("render", "clean.json", "-o", "-", *bad)
        assert (result.status, result.stdout) == (2, ""), bad
        assert "Traceback" not in result.stderr


@pytest.mark.dot
def test_render_svg(run: Run, files: Path) -> None:
    assert run("render", "clean.json", "-o", "clean.svg") == Result(0, "", "")
    svg = (files / "clean.svg").read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "We should plant more trees." in svg
    result = run("render", "clean.json", "-o", "picture", "--format", "svg")
    assert result == Result(0, "", "")
    assert (files / "picture").read_text(encoding="utf-8") == svg
    stdout = run("render", "clean.json", "-o", "-", "--format", "svg")
    assert stdout == Result(0, svg, "")


def test_render_without_graphviz(run: Run, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = files / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    (files / "old.svg").write_text("the old drawing", encoding="utf-8")
    line = run("render", "clean.json", "-o", "old.svg").failed_once(ExitStatus.NO_GRAPHVIZ)
    assert line.startswith("argmap: error: ")
    assert "install Graphviz" in line
    assert (files / "old.svg").read_text(encoding="utf-8") == "the old drawing"
    assert sorted(p.name for p in files.iterdir() if p.name.startswith(".old.svg")) == []
    assert run("render", "clean.json", "-o", "clean.dot") == Result(0, "", "")
    assert (files / "clean.dot").read_text(encoding="utf-8") == to_dot(clean_map()).source


@pytest.mark.skipif(os.name != "posix", reason="the stand-in for dot is a shell script")
def test_render_reports_what_dot_said(run: Run, files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = files / "bin"
    bin_dir.mkdir()
    fake_dot = bin_dir / "dot"
    fake_dot.write_text("#!/bin/sh\necho 'Error: out of ink' >&2\necho 'more detail' >&2\nexit 1\n", encoding="utf-8")
    fake_dot.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    (files / "out.svg").write_text("the old drawing", encoding="utf-8")
    line = run("render", "clean.json", "-o", "out.svg").failed_once()
    assert line == "argmap: error: out.svg: Graphviz dot failed with exit status 1: Error: out of ink"
    assert (files / "out.svg").read_text(encoding="utf-8") == "the old drawing"
    assert run("render", "clean.json", "-o", "-", "--format", "png").failed_once() == line.replace(
        "out.svg", "<stdout>"
    )


def test_failed_render_leaves_the_output_untouched(run: Run, files: Path) -> None:
    (files / "out.dot").write_text("keep me", encoding="utf-8")
    run("render", "malformed.json", "-o", "out.dot").failed_once()
    run("render", "shape.json", "-o", "out.dot").failed_once()
    assert (files / "out.dot").read_text(encoding="utf-8") == "keep me"


def test_render_needs_a_known_output_format(run: Run, files: Path) -> None:
    assert run("render", "clean.json", "-o", "noext").failed_once() == (
        "argmap: error: noext: no suffix to tell the diagram format from; use one of svg, png, pdf, dot, gv, html, htm"
    )
    line = run("render", "clean.json", "-o", "out.nonsense").failed_once()
    assert line == "argmap: error: unknown diagram format 'nonsense': use one of svg, png, pdf, dot, gv, html, htm"
    assert run("render", "clean.json", "-o", "-", "--format", "nonsense").failed_once() == line
    assert not (files / "out.nonsense").exists()


def test_render_into_a_missing_directory_makes_it(run: Run, files: Path) -> None:
    assert run("render", "clean.json", "-o", "out/maps/clean.dot").status == 0
    assert (files / "out" / "maps" / "clean.dot").read_text(encoding="utf-8").startswith("digraph")
    assert [p.name for p in (files / "out" / "maps").iterdir()] == ["clean.dot"]
    line = run("render", "clean.json", "-o", "clean.json/out.dot").failed_once()  # a file is no folder
    assert line == "argmap: error: clean.json/out.dot: Not a directory"


# convert ----------------------------------------------------------------------------------------------------------


def test_convert_round_trip(run: Run, files: Path) -> None:
    assert run("convert", "warnings.json", "-o", "copy.json") == Result(0, "", "")
    assert load(files / "copy.json") == warning_map()
    assert (files / "copy.json").read_text(encoding="utf-8") == (files / "warnings.json").read_text(encoding="utf-8")
    assert run("convert", "warnings.json", "-o", "-") == Result(0, dumps(warning_map()), "")
    assert run("convert", "warnings.json", "-o", "-", "--to", "json") == Result(0, dumps(warning_map()), "")


def test_convert_to_an_unknown_format(run: Run, files: Path) -> None:
    (files / "out.json").write_text("keep me", encoding="utf-8")
    line = run("convert", "clean.json", "-o", "out.json", "--to", "nonsense").failed_once()
    assert line.startswith("argmap: error: unknown format 'nonsense'; known formats: json"), line
    assert (files / "out.json").read_text(encoding="utf-8") == "keep me"
    assert run("convert", "clean.json", "-o", "-", "--to", "nonsense").failed_once() == line


# explain and --version ----------------------------------------------------------------------------------------------


def test_explain_a_code(run: Run) -> None:
    result = run("explain", "self-support")
    assert result.status == 0
    assert result.stderr == ""
    assert result.stdout == argmap.explain("self-support").rstrip("\n") + "\n"


def test_explain_an_unknown_code_suggests_close_ones(run: Run) -> None:
    line = run("explain", "self-suport").failed_once()
    assert line == "argmap: error: unknown diagnostic code 'self-suport'; did you mean self-support?"
    line = run("explain", "zzzz").failed_once()
    assert line == f"argmap: error: unknown diagnostic code 'zzzz'; known codes: {', '.join(CATALOGUE)}"


def test_explain_lists_every_code(run: Run) -> None:
    listing = run("explain", "--list")
    assert listing.status == 0
    assert [line.split()[:2] for line in listing.lines] == [
        [code, info.severity.value] for code, info in CATALOGUE.items()
    ]
    assert [line.split(maxsplit=2)[2] for line in listing.lines] == [info.title for info in CATALOGUE.values()]
    assert run("explain") == listing
    assert run("explain", "--list", "self-support").status == 2


def test_help_lists_commands_and_exit_statuses(run: Run) -> None:
    result = run("--help")
    assert (result.status, result.stderr) == (0, "")
    for command in ("check", "render", "convert", "explain", "schema"):
        assert f"    {command} " in result.stdout
    assert result.stdout.endswith("  141  standard output was closed early, as `| head` does\n")
    for status in ExitStatus:
        assert f"\n  {int(status):<4} " in result.stdout


def test_schema_prints_the_json_schema_of_the_json_format(run: Run) -> None:
    assert run("schema") == Result(0, json_schema_text(), "")
    assert run("schema", "extra").status == 2


def test_drawing_dot_from_argdown_loads_only_what_it_needs(tmp_path: Path) -> None:
    # Start-up is most of the time of a small command: checking, evaluation, the installed package's metadata,
    # the YAML library (for frontmatter of "key: text" lines) and the graphviz package (for DOT text) stay unloaded.
    (tmp_path / "m.argdown").write_text("===\ntitle: T\n===\n\n[a]: A\n  + [b]: B\n", encoding="utf-8")
    code = (
        "import sys; from argmap.cli import main; main(['render', 'm.argdown', '-o', 'm.dot']); "
        "print(sorted(set(sys.modules) & {'argmap.check', 'argmap.evaluate', 'argmap.catalogue', 'json', "
        "'importlib.metadata', 'yaml', 'graphviz', 'argmap.formats.json'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
    assert (tmp_path / "m.dot").read_text(encoding="utf-8").startswith("digraph {")


def test_checking_loads_no_drawing_evaluation_or_frameworks() -> None:
    # An editor checks on every keystroke, and start-up is most of a check's time (benchmarks/startup.py): the
    # drawing, the evaluation, the frameworks, the Argdown writer and fixes, and the packages behind them stay
    # unloaded.
    from argmap import examples

    code = (
        "import runpy, sys; sys.argv = ['argmap', 'check', sys.argv[1]]\n"
        "try: runpy.run_module('argmap', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "print(sorted(name for name in sys.modules if name.startswith(('argmap.render', 'argmap.af', "
        "'argmap.evaluate', 'argmap.strength', 'argmap.selection', 'argmap.formats.argdown.writer', "
        "'argmap.formats.argdown.fixes', 'argmap.formats.argdown.normal_form', 'graphviz', 'hypothesis', 'networkx', "
        "'jsonschema'))))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(examples.path())], capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "[]\n"), done.stderr


def test_the_command_runs_without_the_cyclic_collector_and_freezes_what_is_left() -> None:
    # Objects frozen by gc.freeze() are skipped by the collector's pass at interpreter exit.
    code = (
        "import gc, sys; from argmap.cli import run; sys.argv = ['argmap', 'explain', 'circular-support']; "
        "status = run(); print(status, gc.isenabled(), gc.get_freeze_count() > 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "0 False True"


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "a.json", "b.argdown", "--format", "json", "--severity", "warning", "--from", "argdown"],
        ["render", "m.json", "-o", "m.svg", "--view", "premise", "--show", "tags,rules", "--evaluate", "preferred"],
        ["evaluate", "f.apx", "--semantics", "stable", "--limit", "3", "--timeout", "2", "--explain", "[a]"],
        ["convert", "m.argdown", "-o", "-", "--to", "json"],
        ["explain", "circular-support"],
        ["explain", "--list"],
        ["schema"],
    ],
)
def test_a_command_line_parses_alike_with_only_its_sub_command(argv: list[str]) -> None:
    # main() builds only the sub-command that the command line names; the full parser must read it the same.
    assert vars(argmap.cli._parser_for(argv).parse_args(argv)) == vars(argmap.cli.parser().parse_args(argv))


def test_version(run: Run) -> None:
    assert run("--version") == Result(0, f"argmap {metadata.version('argmap')}\n", "")


# Interrupts and closed pipes ----------------------------------------------------------------------------------------


def test_closed_stdout_is_quiet(files: Path) -> None:
    dump(big_map(3000), files / "big.json")
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", "big.json", "-o", "-"],
        cwd=files,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read()
    process.stderr.close()
    assert process.wait() == ExitStatus.BROKEN_PIPE
    assert stderr == b""


class _ClosedPipe:
    def write(self, text: str) -> int:
        raise BrokenPipeError

    def flush(self) -> None:
        raise BrokenPipeError


def test_closed_stdout_in_process(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(files)
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["check", "errors.json"]) == ExitStatus.BROKEN_PIPE
    assert capsys.readouterr().err == ""


def test_closed_stdout_with_a_file_descriptor(files: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(files)
    read_end, write_end = os.pipe()
    os.close(read_end)
    with open(write_end, "w", encoding="utf-8") as closed:
        monkeypatch.setattr(sys, "stdout", closed)
        assert main(["render", "clean.json", "-o", "-"]) == ExitStatus.BROKEN_PIPE
        closed.write("discarded, not an error")
        closed.flush()


def test_interrupt_exits_130_quietly(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*args: object, **kwargs: object) -> ArgumentMap:
        raise KeyboardInterrupt

    monkeypatch.setattr("argmap.formats.load", interrupted)
    assert main(["check", str(files / "clean.json")]) == ExitStatus.INTERRUPTED
    assert capsys.readouterr() == ("", "")


# In-process only: paths the files above cannot reach -----------------------------------------------------------------


def test_diagnostics_with_a_location(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    placed = [
        Diagnostic("self-support", Severity.ERROR, "it supports itself", ("c",), Location(3, 7)),
        Diagnostic("disconnected", Severity.WARNING, "alone", ("x",), Location(9, 1, "other.argdown")),
        Diagnostic("unquoted-statement", Severity.INFO, "no quote", ("x",)),
        Diagnostic("unquoted-statement", Severity.INFO, "no quote either", ("y",)),
    ]
    # The command imports the check when it runs: the function is replaced where it is defined.
    monkeypatch.setattr(sys.modules["argmap.check"], "check", lambda m: placed)
    monkeypatch.chdir(files)
    assert main(["check", "clean.json", "warnings.json"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "clean.json:3:7: error self-support it supports itself",
        "other.argdown:9:1: warning disconnected alone",
        "clean.json: info unquoted-statement no quote",
        "clean.json: info unquoted-statement no quote either",
        "warnings.json:3:7: error self-support it supports itself",
        "other.argdown:9:1: warning disconnected alone",
        "warnings.json: info unquoted-statement no quote",
        "warnings.json: info unquoted-statement no quote either",
    ]
    assert err == "2 errors, 2 warnings, 4 info in 2 files\n"
    assert main(["check", "--format", "json", "clean.json"]) == 1
    assert [(r["path"], r["line"], r["column"]) for r in json.loads(capsys.readouterr().out)] == [
        ("clean.json", 3, 7),
        ("other.argdown", 9, 1),
        ("clean.json", None, None),
        ("clean.json", None, None),
    ]


def test_version_of_an_uninstalled_tree(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr("importlib.metadata.version", not_installed)
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == "argmap unknown\n"


def test_python_m_argmap(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["argmap", "explain", "nonsense"])
    with pytest.raises(SystemExit) as exit:
        runpy.run_module("argmap", run_name="__main__")
    assert exit.value.code == ExitStatus.BAD_INPUT
    assert capsys.readouterr().err.startswith("argmap: error: unknown diagnostic code 'nonsense'")


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(m=argument_maps(max_statements=8))
def test_check_json_matches_the_library(m: ArgumentMap, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "random.json"
    dump(m, path)
    status = main(["check", "--format", "json", str(path)])
    records = json.loads(capsys.readouterr().out)
    diagnostics = check(m)
    assert status == (1 if any(d.severity is Severity.ERROR for d in diagnostics) else 0)
    assert [(r["code"], r["severity"], r["message"], r["subjects"]) for r in records] == [
        (d.code, d.severity.value, d.message, list(d.subjects)) for d in diagnostics
    ]


def test_the_package_keeps_its_functions_when_modules_of_their_names_load() -> None:
    # argmap loads its parts on first use; loading the module argmap.check must not replace the function of that
    # name (nor evaluate, nor render), whichever comes first.
    code = (
        "import argmap.check, argmap.evaluate, argmap.render.files, argmap; "
        "print(argmap.check.__module__, argmap.evaluate.__module__, argmap.render.__module__, "
        "sorted(set(argmap.__all__) - set(dir(argmap))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "argmap.check argmap.evaluate argmap.render.files []\n"


def test_each_problem_of_an_argdown_map_is_a_line_at_its_element(run: Run, files: Path) -> None:
    (files / "limits.argdown").write_text("[a]: \x01\n\n<b>: \x02\n", encoding="utf-8")
    result = run("render", "limits.argdown", "-o", "out.dot")
    assert result.status == ExitStatus.BAD_INPUT
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "limits.argdown:1:1: error invalid-text a: statement text contains the control character U+0001 at offset 0",
        "limits.argdown:3:1: error invalid-text b: argument text contains the control character U+0002 at offset 0",
    ]
    assert not (files / "out.dot").exists()
