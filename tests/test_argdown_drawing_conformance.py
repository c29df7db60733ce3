"""Drawing conformance with the reference Argdown implementation over the shared corpus: for each document with
drawing settings, argmap's drawing (with :func:`argmap.settings.drawing.drawing_options`) has the clusters, the
closed groups, the colours, the shared ranks and the layout settings of the reference's ``expected/NAME.dot``.

Nodes are matched by the reference's label: an element's title where the reference shows one (argmap's id), else
its text. Which nodes are drawn at all is another test's concern (the selection settings): colours and clusters are
compared on the nodes both drawings hold.

No document differs in what these tests compare. What argmap draws differently on purpose is listed in
docs/argdown.md ("Drawing settings"); of it, the comparison allows for this: a statement's colour is its node's border
in the reference, and its fill in argmap.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import attrs
import pytest

from argmap import ArgumentMap, ElementType
from argmap.formats.argdown import loads
from argmap.render.dot import drawing
from argmap.settings.drawing import drawing_options

FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "argdown"

#: The corpus's documents whose settings change the drawing (a test below keeps this list complete).
DRAWN = (
    "docs-color-tagcolors",
    "docs-group-closed",
    "docs-group-regroup",
    "docs-oldschool-explode",
    "docs-rank",
    "ex-greenspan-schefczyk",
    "ex-legalisation-softdrugs",
    "ex-semmelweis-betz",
    "ex-state-censorship",
)

_TYPES = {"statement-map-node": "statement", "argument-map-node": "argument", "group-map-node": "group"}


@attrs.frozen
class Node:
    kind: str
    #: The title the node shows, or else its text, with whitespace collapsed.
    name: str
    colour: str | None
    cluster: str | None


@attrs.frozen
class Dot:
    nodes: dict[str, Node]
    #: Each cluster's label, and its parent cluster's label.
    clusters: dict[str, str | None]
    ranks: list[set[str]]
    graph: dict[str, str]


def _text(label: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", label)).split())


def _reference(source: str) -> Dot:
    """A tolerant reading of the reference's DOT: node statements, nested cluster subgraphs, rank groups."""
    nodes: dict[str, Node] = {}
    clusters: dict[str, str | None] = {}
    ranks: list[set[str]] = []
    graph = dict(re.findall(r"^(\w+) = \"([^\"]*)\";", source, re.MULTILINE))
    stack: list[str | None] = []
    rank: set[str] | None = None
    for line in source.splitlines():
        if re.match(r"\s*subgraph cluster_\w+ \{", line):
            stack.append(None)
            continue
        label = re.match(r"\s*label = <(.*)>;", line)
        if label and stack and stack[-1] is None:
            stack[-1] = _text(label.group(1))
            clusters[stack[-1]] = next((name for name in reversed(stack[:-1]) if name), None)
            continue
        if line.startswith("{ rank = same;"):
            rank = set()
            continue
        if rank is not None:
            if line.startswith("}"):
                ranks.append(rank)
                rank = None
            else:
                rank.add(line.strip().rstrip(";"))
            continue
        if line.strip() == "}" and stack:
            stack.pop()
            continue
        node = re.search(r"\b(\w+) \[label=(<.*?>(?=, )|\"[^\"]*\"), .*type=\"([\w-]+)\"", line)
        if node:
            name, label, kind = node.groups()
            title = re.search(r"<B>(.*?)</B>", label)
            # The reference colours a statement's border and an argument's or group's fill.
            attribute = "color" if kind == "statement-map-node" else "fillcolor"
            colour = re.search(rf"[ ,]{attribute}=\"([^\"]+)\"", line)
            nodes[name] = Node(
                _TYPES[kind],
                # An HTML label is written in angle brackets around its own markup.
                _text(title.group(1) if title else label[1:-1]),
                colour.group(1).lower() if colour else None,
                next((name for name in reversed(stack) if name), None),
            )
    return Dot(nodes, clusters, ranks, graph)


def _ours(m: ArgumentMap) -> Dot:
    """argmap's drawing with the document's drawing settings, read as :func:`_reference` reads the reference's."""
    options, _ = drawing_options(m)
    drawn = drawing(m, **options)
    titles = {name: m.section(id).title for name, id in drawn.clusters.items()}
    nodes: dict[str, Node] = {}
    clusters: dict[str, str | None] = {}
    ranks: list[set[str]] = []
    stack: list[str] = []
    graph = {}
    for line in drawn.source.splitlines():
        line = line.strip()
        if line.startswith("graph [") and not stack:
            graph = {key: value.strip('"') for key, value in re.findall(r"(\w+)=(\"[^\"]*\"|[^\" \]]+)", line)}
        cluster = re.match(r"subgraph (cluster_\d+) \{", line)
        if cluster:
            clusters[titles[cluster.group(1)]] = stack[-1] if stack else None
            stack.append(titles[cluster.group(1)])
        elif line == "}" and stack:
            stack.pop()
        elif line.startswith("{rank=same;"):
            ranks.append(set(line[len("{rank=same;") : -1].replace(" ", "").split(";")))
        elif (node := re.match(r"(\w+) \[", line)) and (node.group(1) in drawn.nodes or node.group(1) in drawn.groups):
            name = node.group(1)
            fill = re.search(r" fillcolor=\"?([#\w]+)\"?", line)
            if name in drawn.groups:
                kind, title = "group", m.section(drawn.groups[name]).title
            else:
                type, title = drawn.nodes[name]
                kind = type.value
            nodes[name] = Node(kind, title, fill.group(1).lower() if fill else None, stack[-1] if stack else None)
    return Dot(nodes, clusters, ranks, graph)


def _matched(m: ArgumentMap, reference: Dot, ours: Dot) -> dict[str, str]:
    """The reference's node names matched with argmap's: by title (argmap's id), else by the element's text."""
    by_name = {(node.kind, node.name): name for name, node in ours.nodes.items()}
    texts = {ElementType.STATEMENT: {s.id: s.text for s in m.statements}, ElementType.ARGUMENT: {}}
    for name, node in ours.nodes.items():
        if node.kind == "statement":
            by_name.setdefault((node.kind, " ".join(texts[ElementType.STATEMENT][node.name].split())), name)
    return {
        name: by_name[node.kind, node.name]
        for name, node in reference.nodes.items()
        if (node.kind, node.name) in by_name
    }


@pytest.fixture(params=DRAWN)
def document(request: pytest.FixtureRequest, shared_corpus: Path) -> tuple[ArgumentMap, Dot, Dot]:
    name = str(request.param)
    m = loads((shared_corpus / "argdown" / f"{name}.argdown").read_text(encoding="utf-8"))
    reference = _reference((shared_corpus / "argdown" / "expected" / f"{name}.dot").read_text(encoding="utf-8"))
    return m, reference, _ours(m)


def test_the_list_of_documents_with_drawing_settings_is_complete(shared_corpus: Path) -> None:
    found = []
    for path in sorted((shared_corpus / "argdown").glob("*.argdown")):
        try:
            m = loads(path.read_text(encoding="utf-8"))
        except ValueError:  # the documents the reader refuses, as the reference does (test_argdown_conformance)
            continue
        if drawing_options(m)[1]:
            found.append(path.stem)
    assert tuple(found) == DRAWN


def test_same_clusters_nested_alike(document: tuple[ArgumentMap, Dot, Dot]) -> None:
    m, reference, ours = document
    assert ours.clusters == reference.clusters
    for name, our_name in _matched(m, reference, ours).items():
        assert ours.nodes[our_name].cluster == reference.nodes[name].cluster, reference.nodes[name]


def test_same_closed_groups(document: tuple[ArgumentMap, Dot, Dot]) -> None:
    _, reference, ours = document
    groups = sorted(node.name for node in reference.nodes.values() if node.kind == "group")
    assert sorted(node.name for node in ours.nodes.values() if node.kind == "group") == groups


def test_same_colours(document: tuple[ArgumentMap, Dot, Dot]) -> None:
    m, reference, ours = document
    if "color" not in m.metadata:
        pytest.skip("the document sets no colours: argmap keeps its theme's (docs/argdown.md, 'Drawing settings')")
    for name, our_name in _matched(m, reference, ours).items():
        if reference.nodes[name].kind != "group":
            assert ours.nodes[our_name].colour == reference.nodes[name].colour, reference.nodes[name]


def test_same_ranks(document: tuple[ArgumentMap, Dot, Dot]) -> None:
    m, reference, ours = document
    matched = _matched(m, reference, ours)
    assert [{matched[name] for name in rank} for rank in reference.ranks] == ours.ranks


def test_same_layout_settings(document: tuple[ArgumentMap, Dot, Dot]) -> None:
    _, reference, ours = document
    for key in ("rankdir", "ranksep", "newrank"):
        if key in reference.graph and (key != "ranksep" or reference.graph[key] != "0.45"):
            assert ours.graph.get(key) == reference.graph[key], key


def test_exploded_arguments_have_a_box_per_step(shared_corpus: Path) -> None:
    name = "docs-oldschool-explode"
    m = loads((shared_corpus / "argdown" / f"{name}.argdown").read_text(encoding="utf-8"))
    reference = _reference((shared_corpus / "argdown" / "expected" / f"{name}.dot").read_text(encoding="utf-8"))
    options, _ = drawing_options(m)
    drawn = drawing(m, **options)
    boxes = sum(type is ElementType.ARGUMENT for type, _ in drawn.nodes.values()) + len(drawn.junctions)
    assert boxes == sum(node.kind == "argument" for node in reference.nodes.values()) == 3
    statements = {
        " ".join(m.statement(id).text.split()) for type, id in drawn.nodes.values() if type.value == "statement"
    }
    assert statements == {node.name for node in reference.nodes.values() if node.kind == "statement"}
