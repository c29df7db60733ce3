"""Hostile use of the command: closed pipes and ids that try to forge lines of output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
