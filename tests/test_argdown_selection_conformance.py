"""Which elements argmap draws of each corpus document, against the reference's own drawing (``expected/NAME.dot``).

The reference (@argdown/cli 1.7.5) chooses its map's nodes by its selection settings, with defaults where the
document sets none. :func:`argmap.settings.selection.argdown_selection` follows its rules: for every document the
reference draws, it must choose the nodes of the reference's DOT, compared by kind (statement or argument) and
title. The DOT is read by a small tolerant reader: node statements with their ``type``; the titles of the nodes
whose labels show none (untitled statements) come from the same run's ``expected/NAME.map.json``, by node name.
argmap's drawing of the part then shows those nodes but the premises that the debate view draws inside their
arguments, and the conclusions a chosen argument keeps with it.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap import ArgumentMap
from argmap.render.dot import drawing
from argmap.render.layout import inner_statements
from argmap.settings import settings_of
from argmap.settings.selection import Selection, argdown_selection, has_selection

FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "argdown"
DRAWN = sorted(path.stem for path in (FOLDER / "expected").glob("*.dot"))

#: A node statement of the reference's DOT: its name, its label and its type.
NODE = re.compile(r"\b(n\d+) \[label=<(.*)>, .*\btype=\"(statement|argument)-map-node\"")
BOLD = re.compile(r"<B>(.*?)</B>")

#: Documents whose nodes argmap chooses otherwise, on purpose, with the reason (also in docs/argdown.md).
DIFFERENCES = {
    "docs-oldschool-explode": "model.explodeArguments: the reference draws one argument per inference step, whose "
    "intermediate conclusions become nodes; argmap keeps one argument with its steps",
    "docs-group-closed": "group.sections with isClosed: the reference draws a closed group as one node in place of "
    "its elements, a matter of drawing, not of selection",
}


def reference_nodes(name: str) -> set[tuple[str, str]]:
    """The reference's nodes of a document: (kind, title) for each node statement of its DOT."""
    dot = (FOLDER / "expected" / f"{name}.dot").read_text(encoding="utf-8")
    titles: dict[str, str] = {}
    stack: list[dict[str, Any]] = list(
        json.loads((FOLDER / "expected" / f"{name}.map.json").read_text("utf-8"))["map"]["nodes"]
    )
    while stack:
        node = stack.pop()
        titles[node["id"]] = node["title"]
        stack.extend(node.get("children", []))
    found = set()
    for match in NODE.finditer(dot):
        node, label, kind = match.groups()
        bold = BOLD.search(label)
        if bold is not None:  # a label that shows the title must show the node's own
            assert html.unescape(re.sub("<[^>]*>", "", bold.group(1))) == titles[node], (name, node)
        found.add((kind, titles[node]))
    return found


def chosen(m: ArgumentMap) -> set[tuple[str, str]]:
    picked = argdown_selection(m, Selection.of(m)[0])
    return {("statement", id) for id in picked.statements} | {("argument", id) for id in picked.arguments}


@pytest.fixture(params=DRAWN)
def name(request: pytest.FixtureRequest, shared_corpus: Path) -> str:
    return str(request.param)


def test_the_corpus_has_drawings(shared_corpus: Path) -> None:
    assert len(DRAWN) >= 30


def test_argmap_chooses_the_nodes_the_reference_draws(name: str) -> None:
    m = argmap.load(FOLDER / f"{name}.argdown")
    if name in DIFFERENCES:
        assert chosen(m) != reference_nodes(name), f"{name} now conforms: take it out of DIFFERENCES"
        pytest.xfail(DIFFERENCES[name])
    assert chosen(m) == reference_nodes(name)


def with_selection(m: ArgumentMap) -> ArgumentMap:
    """``m`` with a selection setting, so that the reference's defaults apply (argmap draws a map without
    selection settings whole).
    """
    return attrs.evolve(m, metadata={**m.metadata, "selection": m.metadata.get("selection", {})})


def test_argmap_draws_the_part_it_chooses(name: str) -> None:
    """The drawing of the part shows the reference's nodes, but for two things the debate view draws otherwise:
    premises used only inside their arguments are drawn inside them, and a statement of a chosen argument's steps
    that is concluded or related is drawn as a node of its own even where the reference leaves it out (untitled,
    say, or not in the map): the part keeps the statements of its arguments' steps, to stay intact.
    """
    m = with_selection(argmap.load(FOLDER / f"{name}.argdown"))
    part = settings_of(m).part
    drawn = {(type.value, id) for type, id in drawing(part).nodes.values()}
    expected = reference_nodes(name)
    inside = {("statement", id) for id in inner_statements(part)}
    picked = chosen(m)
    kept = {("statement", id) for a in part.arguments for id in a.statement_ids()}
    assert expected - drawn <= inside
    if name not in DIFFERENCES:
        assert drawn - expected <= kept - picked
    assert {("statement", s.id) for s in part.statements} | {("argument", a.id) for a in part.arguments} >= picked


def test_a_map_without_selection_settings_is_drawn_whole(shared_corpus: Path) -> None:
    m = argmap.load(FOLDER / "ex-argdown-primer.argdown")
    assert not has_selection(m)
    assert settings_of(m).part is m
    assert settings_of(with_selection(m)).part != m  # the reference's defaults leave out disconnected statements
