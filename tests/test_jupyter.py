"""Jupyter display: an SVG diagram with a plain-text summary, and the summary alone where Graphviz is missing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import argmap
from argmap import MapBuilder
from argmap.jupyter import PLAIN, SVG, mimebundle


@pytest.fixture
def tea() -> argmap.ArgumentMap:
    b = MapBuilder(title="Tea")
    b.statement("Drink <tea> & be merry.", id="tea")
    b.statement("Tea is healthy.", id="healthy")
    b.argument(["healthy"], "tea", id="health")
    return b.build()


@pytest.mark.dot
def test_the_bundle_holds_the_diagram_and_a_summary(tea: argmap.ArgumentMap) -> None:
    bundle = mimebundle(tea)
    assert set(bundle) == {SVG, PLAIN}
    assert bundle[PLAIN] == (
        "Argument map “Tea” with 2 statements, 1 argument and 0 relations. Main conclusion: “Drink <tea> & be merry.”."
    )
    root = ET.fromstring(bundle[SVG])
    assert root.get("role") == "img"
    assert root[0].text == "Tea"
    assert root[1].text == bundle[PLAIN]
    assert "Drink &lt;tea&gt; &amp; be merry." in bundle[SVG]


@pytest.mark.dot
def test_ids_differ_between_maps_and_repeat_for_the_same_map(tea: argmap.ArgumentMap) -> None:
    other = MapBuilder(title="Coffee")
    other.statement("Drink coffee.")

    def prefix(m: argmap.ArgumentMap) -> str:
        return ET.fromstring(mimebundle(m)[SVG]).get("aria-labelledby", "").split("-title")[0]

    assert prefix(tea) == prefix(tea)
    assert prefix(tea) != prefix(other.build())


@pytest.mark.parametrize(
    ("include", "exclude"),
    [({PLAIN}, None), (None, {SVG}), ({PLAIN, "text/html"}, {SVG})],
)
def test_include_and_exclude_choose_what_is_drawn(
    tea: argmap.ArgumentMap, monkeypatch: pytest.MonkeyPatch, include: set[str] | None, exclude: set[str] | None
) -> None:
    # Nothing asks for the diagram, so Graphviz must not run at all.
    monkeypatch.setattr("argmap.jupyter.pipe", lambda *args, **kwargs: pytest.fail("dot ran"))
    assert set(mimebundle(tea, include, exclude)) == {PLAIN}


def test_without_dot_the_summary_says_why_and_nothing_raises(
    tea: argmap.ArgumentMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    bundle = mimebundle(tea)
    assert set(bundle) == {PLAIN}
    assert bundle[PLAIN].startswith("Argument map “Tea” with 2 statements")
    assert "No diagram: Graphviz executable 'dot' not found" in bundle[PLAIN]
    assert "Traceback" not in bundle[PLAIN]


@pytest.mark.dot
def test_maps_show_themselves_in_jupyter(tea: argmap.ArgumentMap) -> None:
    assert tea._repr_mimebundle_() == mimebundle(tea)
    assert set(tea._repr_mimebundle_(include={PLAIN})) == {PLAIN}
