"""The examples installed with the package: the seed map, readable and drawable without the repository."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import argmap
from argmap import OptionError, examples

ROOT = Path(__file__).resolve().parent.parent


def test_the_seed_map_is_an_installed_example() -> None:
    m = examples.load()
    assert m == examples.load("kim-in-russia") == argmap.load(examples.path("kim-in-russia", ".json"))
    assert m == argmap.load(ROOT / "seeds" / "kim-in-russia.argdown")
    assert examples.path("kim-in-russia", ".txt").read_text(encoding="utf-8") == m.source("editorial").text


def test_the_repository_seeds_are_the_installed_files() -> None:
    # In the repository seeds/ links to the package's files; a source distribution holds copies of them.
    for suffix in examples.SUFFIXES:
        seed = ROOT / "seeds" / f"kim-in-russia{suffix}"
        installed = examples.path("kim-in-russia", suffix)
        assert seed.read_bytes() == installed.read_bytes()
        if seed.is_symlink():
            assert os.path.samefile(seed, installed)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("tea",), "no example 'tea'; the examples are: kim-in-russia"),
        (("kim-in-russia", ".svg"), "an example has no '.svg' file; its files end in .argdown, .json, .txt"),
    ],
)
def test_unknown_examples_are_refused_by_name(arguments: tuple[str, ...], message: str) -> None:
    with pytest.raises(OptionError) as raised:
        examples.path(*arguments)
    assert str(raised.value) == message


def test_the_command_line_gets_the_path_from_the_module(tmp_path: Path) -> None:
    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "argmap.examples", *arguments]
        return subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)

    found = run()
    assert found.returncode == 0
    assert Path(found.stdout.strip()) == examples.path()
    assert Path(run("kim-in-russia", ".json").stdout.strip()) == examples.path("kim-in-russia", ".json")
    refused = run("tea")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "argmap.examples: error: no example 'tea'; the examples are: kim-in-russia\n"
    assert run("a", "b", "c").returncode == 2


@pytest.mark.skipif(importlib.util.find_spec("build") is None, reason="the `build` package is not installed")
def test_the_wheel_carries_the_examples_as_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("argmap-*.whl")
    with zipfile.ZipFile(wheel) as built:
        for suffix in examples.SUFFIXES:
            name = f"argmap/examples/kim-in-russia{suffix}"
            assert built.read(name) == examples.path("kim-in-russia", suffix).read_bytes()
