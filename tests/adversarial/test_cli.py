"""Hostile use of the command: closed pipes, ids that try to forge lines of output, input no reader takes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from samples import Run

import argmap


def test_a_closed_pipe_exits_141_rather_than_0_with_the_output_cut(tmp_path: Path) -> None:
    b = argmap.MapBuilder(title="big")
    for n in range(20_000):
        b.statement(f"Statement number {n} with some text.")
    argmap.dump(b.build(), tmp_path / "big.json")
    command = [sys.executable, "-m", "argmap", "convert", "big.json", "-o", "-", "--to", "argdown"]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert process.stdout.read(10) == b"===\ntitle:"
        process.stdout.close()  # as `| head -c 10` does
        assert process.wait(timeout=60) == 141
        assert process.stderr is not None
        assert process.stderr.read() == b""


def test_evaluate_escapes_ids_so_that_none_forges_a_line(tmp_path: Path) -> None:
    b = argmap.MapBuilder()
    b.attack(b.statement("A.", id="a\n[b]: out"), b.statement("B.", id="b"))
    argmap.dump(b.build(), tmp_path / "forged.json")

    def run(*args: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "evaluate", "forged.json", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.splitlines()

    assert run() == ["[a\\n[b]: out]: in", "[b]: out"]
    explained = run("--explain", "b")
    assert explained == ["statement b is OUT: statement a\\n[b]: out attacks it and is IN (nothing attacks it)."]


def test_a_number_too_long_for_python_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    huge = "9" * 5000
    (tmp_path / "header.af").write_text(f"p af {huge}\n", encoding="utf-8")
    (tmp_path / "attack.af").write_text(f"p af 2\n1 {huge}\n", encoding="utf-8")
    for name, where in (("header.af", "header.af:1:6: "), ("attack.af", "attack.af:2:3: ")):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "evaluate", name], cwd=tmp_path, capture_output=True, text=True
        )
        assert done.returncode == 2
        assert "Traceback" not in done.stderr
        assert where in done.stderr
    assert argmap.af.loads("p af 3\n01 002\n", "af").attacks == (("1", "2"),)


FORGING_IDS = ("a\nf.json:1:1: error forged", "b\u2028c\u200f")


@pytest.fixture
def forging(tmp_path: Path) -> Path:
    """Two statements whose ids hold a line feed (with a forged finding after it), a line separator and a
    right-to-left mark (the model refuses the overrides in names), and whose texts are the same, so that check
    names both.
    """
    b = argmap.MapBuilder()
    for id in FORGING_IDS:
        b.statement("Same.", id=id)
    argmap.dump(b.build(), tmp_path / "f.json")
    return tmp_path / "f.json"


@pytest.mark.parametrize(("format", "start"), [("text", "f.json: warning "), ("github", "::warning file=f.json,")])
def test_check_escapes_ids_so_that_none_forges_a_finding(run: Run, forging: Path, format: str, start: str) -> None:
    result = run("check", "f.json", "--format", format)
    assert result.status == 0
    assert len(result.lines) == 2
    assert all(line.startswith(start) for line in result.lines)
    assert "[a\\nf.json:1:1: error forged] and [b\\u2028c\\u200f] have the same text" in result.stdout


def test_check_as_json_keeps_ids_whole(run: Run, forging: Path) -> None:
    result = run("check", "f.json", "--format", "json")
    assert result.status == 0
    subjects = {id for finding in json.loads(result.stdout) for id in finding["subjects"]}
    assert subjects == set(FORGING_IDS)


def test_an_id_argdown_cannot_hold_is_one_line_naming_it(run: Run, forging: Path) -> None:
    line = run("convert", "f.json", "-o", "-", "--to", "argdown").failed_once()
    assert line.startswith("argmap: error: <stdout>: 2 problems: 'a\\nf.json:1:1: error forged': statement id contains")


def test_a_binary_standard_input_is_a_located_finding(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "-", "--from", "json"], input=b"\xff\x00", capture_output=True
    )
    assert done.returncode == 2
    assert done.stdout == b""
    [line] = done.stderr.decode().splitlines()
    assert line == "<stdin>:1:1: error parse-error not UTF-8 text: invalid start byte (byte 0xFF)"


def test_standard_input_is_utf_8_whatever_the_locale(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "-", "--from", "argdown"],
        input="[Caf\u00e9]: Cr\u00e8me.\n  + [Caf\u00e9]\n".encode(),
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C"},
    )
    assert done.stdout.decode("latin-1").startswith("<stdin>:2:3: error self-support [Caf\u00e9] supports itself")
