"""Large maps: another Graphviz layout engine where dot is slow, and a word before a long dot layout."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap._progress as progress
from argmap import MapBuilder, OptionError
from argmap.cli import main
from argmap.formats import dump
from argmap.render import files
from argmap.render.cache import DotCache
from argmap.render.cache import run as run_argmap_dot
from argmap.render.dot import dot_source
from argmap.render.files import FREE_LAYOUT, LARGE_LAYOUT, for_engine, layout_engine, pipe, render


def tea() -> MapBuilder:
    b = MapBuilder()
    b.support(b.statement("Tea is healthy."), b.statement("Drink tea."))
    return b


def test_only_the_engines_graphviz_has_are_taken() -> None:
    assert layout_engine("sfdp") == "sfdp"
    with pytest.raises(OptionError, match=r"unknown Graphviz layout engine 'dott': use one of circo, dot, .*sfdp"):
        layout_engine("dott")


@pytest.mark.dot
def test_the_engine_lays_the_map_out(tmp_path: Path) -> None:
    m = tea().build()
    # neato places nodes where dot's ranks would not: the two drawings differ, and both are SVG.
    by_dot, by_neato = pipe(m, "svg"), pipe(m, "svg", engine="neato")
    assert b"<svg" in by_neato
    assert by_dot != by_neato
    assert render(m, tmp_path / "tea.png", engine="neato").read_bytes().startswith(b"\x89PNG")


def test_engines_that_place_nodes_freely_are_told_to_keep_boxes_apart() -> None:
    source = dot_source(tea().build())
    assert for_engine(source, "dot") == source
    freed = for_engine(source, "neato").splitlines()
    # First among the graph's attributes, so that the map's own (from the document's settings) win.
    assert freed[0] == source.splitlines()[0]
    assert freed[1] == f"\tgraph [{FREE_LAYOUT}]"
    assert freed[2:] == source.splitlines()[1:]


def boxes(plain: bytes) -> list[tuple[float, float, float, float]]:
    """The nodes of a drawing in Graphviz's ``plain`` format, as (left, bottom, right, top)."""
    found = []
    for line in plain.decode().splitlines():
        if line.startswith("node "):
            x, y, width, height = map(float, line.split()[2:6])
            found.append((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
    return found


@pytest.mark.dot
@pytest.mark.parametrize("engine", ["neato", "fdp", "circo", "twopi", "sfdp"])
def test_no_engine_lays_boxes_over_one_another(engine: str) -> None:
    b = MapBuilder()
    claim = b.statement("We should drink tea, as the seed of every good morning.")
    for i in range(8):
        b.support(b.statement(f"Reason {i}: tea is healthy, cheap and warm in winter."), claim)
    source = dot_source(b.build())
    # Both ways of running Graphviz: the graphviz package's (argmap render), and the integrations' argmap_dot.
    for drawn in (files.run_dot(source, "plain", engine), run_argmap_dot("dot", source, "plain", engine)):
        placed = boxes(drawn)
        assert len(placed) == 9
        for i, (left, bottom, right, top) in enumerate(placed):
            for other in placed[i + 1 :]:
                assert right <= other[0] or other[2] <= left or top <= other[1] or other[3] <= bottom


@pytest.mark.dot
def test_the_cache_of_the_integrations_keeps_each_engine_s_drawing_apart(tmp_path: Path) -> None:
    source = dot_source(tea().build())
    cache = DotCache(tmp_path)
    by_dot, by_neato = cache.draw(source, "svg"), cache.draw(source, "svg", "neato")
    assert by_neato != by_dot
    # As the engine's own program lays it out: `dot -Kneato` is `neato`.
    assert by_neato == files.run_dot(source, "svg", "neato")
    assert cache.path(source, "png", "sfdp").read_bytes().startswith(b"\x89PNG")
    assert cache.runs == 3
    assert cache.draw(source, "svg", "neato") == by_neato
    assert cache.runs == 3  # drawn once, kept
    with pytest.raises(OptionError, match="unknown Graphviz layout engine 'nope'"):
        cache.draw(source, "svg", "nope")


def test_the_engine_is_refused_where_no_layout_is_made() -> None:
    m = tea().build()
    for format in ("dot", "html"):
        with pytest.raises(OptionError, match=f"engine applies to the formats Graphviz draws .*not {format}"):
            pipe(m, format, engine="neato")
    with pytest.raises(OptionError, match="unknown Graphviz layout engine"):
        pipe(m, "dot", engine="nope")


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard error taken for a terminal, and no line of progress."""

    @contextlib.contextmanager
    def silent(what: str, *, enabled: bool) -> Iterator[None]:
        yield

    monkeypatch.setattr(progress, "stage", silent)
    monkeypatch.setattr(progress, "wanted", lambda stream, *, quiet=False: not quiet)


@pytest.mark.dot
def test_a_long_layout_is_announced_with_how_to_draw_less(
    terminal: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    dump(tea().build(), tmp_path / "tea.json")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(files, "LARGE_LAYOUT", 2)
    assert main(["render", "tea.json", "-o", "tea.svg"]) == 0
    said = capsys.readouterr().err
    assert "argmap: tea.json: laying out 2 statements and arguments with dot takes long" in said
    assert "--select ID --depth N" in said
    assert "--engine sfdp" in said
    # Not with another engine, nor for DOT (no layout), nor with --quiet, nor below the threshold.
    for command in (["--engine", "sfdp"], ["-o", "tea.dot"], ["--quiet"]):
        assert main(["render", "tea.json", "-o", "tea.svg", *command]) == 0
        assert "laying out" not in capsys.readouterr().err
    monkeypatch.setattr(files, "LARGE_LAYOUT", 3)
    assert main(["render", "tea.json", "-o", "tea.svg"]) == 0
    assert "laying out" not in capsys.readouterr().err


def test_the_threshold_is_thousands_of_nodes() -> None:
    assert 1000 <= LARGE_LAYOUT <= 5000


def test_an_unknown_engine_is_a_one_line_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    dump(tea().build(), tmp_path / "tea.json")
    assert main(["render", str(tmp_path / "tea.json"), "--engine", "nope"]) == 2
    assert "argument --engine: unknown Graphviz layout engine 'nope'" in capsys.readouterr().err
