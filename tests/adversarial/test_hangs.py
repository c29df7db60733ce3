"""Hostile input meant to hang: every search has a time bound with a clear message, and every operation the docs
call linear stays so on input shaped to make a naive algorithm quadratic. The sizes finish here in about a second;
a quadratic algorithm would take minutes (the timings at n and 4n are in benchmarks/, never asserted here).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import MapBuilder, SearchLimit


def hard_map(pairs: int) -> argmap.ArgumentMap:
    """Contradiction pairs and an odd cycle: stable semantics must search 2**pairs labellings to find there is none."""
    b = MapBuilder()
    for n in range(pairs):
        b.contradiction(b.statement(f"P{n}.", id=f"p{n}"), b.statement(f"Q{n}.", id=f"q{n}"))
    cycle = [b.statement(f"C{n}.", id=f"c{n}") for n in range(3)]
    for source, target in zip(cycle, cycle[1:] + cycle[:1], strict=True):
        b.attack(source, target)
    return b.build()


def test_evaluation_stops_at_its_timeout_with_a_search_limit() -> None:
    with pytest.raises(SearchLimit):
        argmap.evaluate(hard_map(60), "stable", timeout=0.2)


def test_drawing_a_hard_map_falls_back_to_grounded_and_says_so_in_python() -> None:
    labelling, message = argmap.evaluate_for_drawing(hard_map(60), "stable", timeout=0.2)
    assert labelling.semantics == "grounded"
    assert message is not None
    assert "grounded semantics instead" in message


def test_drawing_a_hard_map_falls_back_to_grounded_and_says_so(tmp_path: Path) -> None:
    argmap.dump(hard_map(40), tmp_path / "hard.json")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "argmap",
            "render",
            "hard.json",
            "-o",
            "hard.dot",
            "--evaluate",
            "stable",
            "--timeout",
            "0.5",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "argmap: warning: hard.json: stable semantics found no labelling within 0.5 seconds; the map is drawn under "
        "grounded semantics instead\n"
    )
    assert "grounded semantics" in (tmp_path / "hard.dot").read_text(encoding="utf-8")


def test_the_render_timeout_default_is_the_drawing_timeout() -> None:
    from argmap.cli import parser
    from argmap.evaluate import DRAWING_TIMEOUT

    render = parser()._subparsers._group_actions[0].choices["render"]  # type: ignore[union-attr]
    (action,) = [a for a in render._actions if a.dest == "timeout"]
    assert f"(default: {DRAWING_TIMEOUT:g})" in (action.help or "")


def test_many_statements_quoting_one_passage_check_in_linear_time() -> None:
    # 20,000 quotes of one passage overlap in 200 million pairs: check() must never list them (coverage did).
    b = MapBuilder()
    b.source("src", text="The claim holds. " * 100)
    for n in range(20_000):
        b.statement(f"Statement {n}.", id=f"s{n}", quotes=[argmap.Quote(source="src", text="claim holds")])
    diagnostics = argmap.check(b.build())
    assert [d.code for d in diagnostics if d.severity is argmap.Severity.ERROR] == []


def test_attackers_of_a_long_argument_read_in_linear_time() -> None:
    # n premises and n statements that attack the argument and something else: looking through the premises for
    # every attack took n * n steps. Half attack a premise, which makes their attack on the argument redundant.
    n = 20_000
    lines = ["<A>", "", *(f"({i + 1}) [P{i}]: Premise {i}." for i in range(n)), "----", f"({n + 1}) [C]: C.", ""]
    for i in range(n):
        lines += [f"[S{i}]: Objection {i}.", "  -> <A>", f"  -> [{'P' if i % 2 else 'X'}{i}]", ""]
    m = argmap.loads("\n".join(lines), "argdown")
    on_argument = {r.source for r in m.relations if r.target == "A"}
    assert on_argument == {f"S{i}" for i in range(0, n, 2)}


def test_an_aif_map_with_a_long_text_beside_it_reads_in_linear_time(tmp_path: Path) -> None:
    # 20,000 I-nodes and 2 MB of text: searching the text once per node took 20,000 scans of 2 MB for the half that
    # it does not hold.
    n = 20_000
    sentences = [f"Sentence {i} says that claim {i} holds." for i in range(n)]
    (tmp_path / "big.txt").write_text(" ".join(sentences) + " filler words" * 100_000, encoding="utf-8")
    nodes = [{"nodeID": str(i), "text": f"claim {i} {'holds' if i % 2 else 'fails'}", "type": "I"} for i in range(n)]
    (tmp_path / "big.json").write_text(json.dumps({"nodes": nodes, "edges": [], "locutions": []}), encoding="utf-8")
    m = argmap.load(tmp_path / "big.json", "aif")
    assert [s.id for s in m.statements if s.quotes] == [str(i) for i in range(1, n, 2)]
