"""The command lines of docs/parts.md draw the parts the page says they draw."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

import argmap
from argmap.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "parts.md"
SEED = ROOT / "argmap" / "examples" / "kim-in-russia.argdown"


def command_lines() -> list[list[str]]:
    """The ``argmap render`` lines of the page's shell blocks that draw the seed map."""
    blocks = re.findall(r"^```shell\n(.*?)^```$", PAGE.read_text(encoding="utf-8"), flags=re.MULTILINE | re.DOTALL)
    lines = [shlex.split(line) for block in blocks for line in block.splitlines() if line.startswith("argmap ")]
    return [line for line in lines if "seeds/kim-in-russia.argdown" in line]


def test_the_page_shows_three_parts() -> None:
    assert len(command_lines()) == 3


@pytest.mark.dot
@pytest.mark.parametrize(
    ("index", "drawn", "left_out"),
    [
        (0, ["alliances-troubled", "flag-row", "both-allies-at-odds"], ["south-korea-sidelined", "benign-reading"]),
        (1, ["south-korea-sidelined", "seoul-left-out", "seoul-the-outlier"], ["alliances-troubled"]),
        (2, ["moon-policy-may-not-work", "mutual-gain"], ["benign-reading", "kim-putin-xi-engagements"]),
    ],
)
def test_each_command_line_draws_its_part(
    index: int, drawn: list[str], left_out: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds" / SEED.name)
    monkeypatch.chdir(tmp_path)
    line = command_lines()[index]
    assert main(line[1:]) == 0
    output = line[line.index("-o") + 1]
    svg = (tmp_path / output).read_text(encoding="utf-8")
    m = argmap.load(SEED)
    for id in drawn:
        assert f'id="{_anchor(m, id)}' in svg, id
    for id in left_out:
        assert f'id="{_anchor(m, id)}' not in svg, id


def _anchor(m: argmap.ArgumentMap, id: str) -> str:
    """The anchor the SVG gives an element: the map's name, then (for an argument) ``argument.``, then its id."""
    return f'kim-in-russia.{"argument." if m.has(argmap.ElementType.ARGUMENT, id) else ""}{id}"'
