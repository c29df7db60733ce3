"""The structured problem: its code is one of the catalogue's, and only ``str()`` words its fields."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import get_args

from argmap import Location, MapError, Problem, Subject
from argmap.catalogue import CATALOGUE
from argmap.errors import Code


def test_the_code_type_lists_exactly_the_catalogue() -> None:
    assert set(get_args(Code)) == set(CATALOGUE)
    assert len(get_args(Code)) == len(CATALOGUE)


def test_a_code_outside_the_catalogue_is_a_type_error(tmp_path: Path) -> None:
    snippet = tmp_path / "snippet.py"
    snippet.write_text('from argmap import Problem\n\nProblem("no-such-code", "m")\nProblem("empty-text", "m")\n')
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout
    assert f"{snippet}:3:" in done.stdout
    assert f"{snippet}:4:" not in done.stdout


def test_str_words_the_subject_then_the_path_then_the_message() -> None:
    assert str(Problem("empty-text", "statement text is empty", Subject("statement", "s"))) == (
        "s: statement text is empty"
    )
    assert str(Problem("wrong-type", "expected a string", path="$.statements[0].text")) == (
        "$.statements[0].text: expected a string"
    )
    both = Problem("invalid-value", "not finite", Subject("argument", "a"), "data.x")
    assert str(both) == "a: data.x: not finite"
    assert str(Problem("invalid-text", "map title is bad")) == "map title is bad"


def test_an_id_that_would_not_show_as_itself_shows_as_its_repr() -> None:
    assert str(Subject("statement", "")) == "''"
    assert str(Subject("statement", " s")) == "' s'"
    assert str(Subject("statement", "a\x07b")) == "'a\\x07b'"
    assert str(Subject("relation", "a -> b")) == "a -> b"


def test_a_map_error_puts_each_located_problem_after_its_place() -> None:
    located = Problem("empty-text", "statement text is empty", Subject("statement", "s"), location=Location(3, 1, "x"))
    loose = Problem("wrong-type", "expected an object", path="$")
    assert str(MapError([located])) == "x:3:1: s: statement text is empty"
    assert str(MapError([located], path="x")) == "x:3:1: s: statement text is empty"
    assert str(MapError([located, loose], path="y")) == (
        "y: 2 problems: x:3:1: s: statement text is empty; $: expected an object"
    )
