"""Conversion of argument maps to and from NetworkX graphs, for graph algorithms and the tools that read them."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, Final, TypeVar

import networkx as nx

from ..errors import MapError, Problem, Subject
from ..model import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
    Statement,
)

__all__ = ["STEP_KINDS", "from_networkx", "to_networkx"]

#: The kinds of the edges that draw an argument's steps: a premise into its argument, the argument to a conclusion.
STEP_KINDS: Final = ("premise", "conclusion")
_KINDS: Final = {kind.value: kind for kind in RelationKind}
_T = TypeVar("_T")


def to_networkx(m: ArgumentMap) -> nx.MultiDiGraph:
    """The map as a NetworkX ``MultiDiGraph``: a node per statement and per argument, keyed ``("statement", id)``
    or ``("argument", id)`` (the two are separate namespaces), an edge per relation (``kind``: its kind, ``index``:
    its place in the map) and per premise and conclusion of each step (``kind``: ``"premise"`` or
    ``"conclusion"``, ``step``: its number from 1).

    Nodes carry ``kind``, ``id``, ``text``, ``tags``, ``data``, ``section`` and ``role`` (statements) or ``scheme``,
    ``steps`` and ``unused_premises`` (arguments); the graph carries the map's ``title``, ``metadata``, ``sections`` and
    ``sources``. :func:`from_networkx` reads it back to an equal map.
    """
    g = nx.MultiDiGraph(title=m.title, metadata=dict(m.metadata), sections=list(m.sections), sources=list(m.sources))
    for s in m.statements:
        g.add_node(
            (ElementType.STATEMENT.value, s.id),
            kind=ElementType.STATEMENT.value,
            id=s.id,
            text=s.text,
            tags=list(s.tags),
            quotes=list(s.quotes),
            data=dict(s.data),
            section=s.section,
            role=m.role(s.id).value,
        )
    for a in m.arguments:
        g.add_node(
            (ElementType.ARGUMENT.value, a.id),
            kind=ElementType.ARGUMENT.value,
            id=a.id,
            text=a.text,
            tags=list(a.tags),
            data=dict(a.data),
            section=a.section,
            scheme=a.scheme,
            steps=list(a.steps),
            unused_premises=list(a.unused_premises),
        )
        node = (ElementType.ARGUMENT.value, a.id)
        for number, step in enumerate(a.steps, 1):
            for premise in step.premises:
                g.add_edge((ElementType.STATEMENT.value, premise), node, kind="premise", step=number)
            g.add_edge(node, (ElementType.STATEMENT.value, step.conclusion), kind="conclusion", step=number)
    for index, r in enumerate(m.relations):
        g.add_edge((r.source_type.value, r.source), (r.target_type.value, r.target), kind=r.kind.value, index=index)
    return g


def _element(key: Hashable, attributes: Mapping[str, Any]) -> tuple[ElementType, str]:
    """What a node is, and its id: from a key ``(kind, id)``, or else its ``kind`` and ``id`` attributes (a
    statement, and the key as text, where those are missing).
    """
    if isinstance(key, tuple) and len(key) == 2 and key[0] in ("statement", "argument") and isinstance(key[1], str):
        return ElementType(key[0]), key[1]
    kind = attributes.get("kind", "statement")
    id = attributes.get("id", key)
    return (
        ElementType.ARGUMENT if kind == "argument" else ElementType.STATEMENT,
        id if isinstance(id, str) else str(id),
    )


def _text(value: Any, subject: Subject, problems: list[Problem]) -> str:
    if isinstance(value, str):
        return value
    problems.append(Problem("wrong-type", f"the text must be a string, not {type(value).__name__}", subject))
    return ""


def _items(value: Any, kind: type[_T], what: str, subject: Subject | None, problems: list[Problem]) -> list[_T]:
    """``value`` as a list of ``kind`` (argmap's own objects, as :func:`to_networkx` puts them), or a problem."""
    items = list(value) if isinstance(value, list | tuple) else None
    if items is None or not all(isinstance(item, kind) for item in items):
        message = f"{what} must be a list of {kind.__name__} objects"
        problems.append(Problem("wrong-type", message, subject))
        return []
    return items


def _step_edges(g: Any, node: Hashable, ends: dict[Hashable, tuple[ElementType, str]]) -> list[Inference]:
    """An argument's one step, made of its premise and conclusion edges where it has no ``steps``."""
    premises = [ends[u][1] for u, _, kind in g.in_edges(node, data="kind") if kind == "premise"]
    conclusions = [ends[v][1] for _, v, kind in g.out_edges(node, data="kind") if kind == "conclusion"]
    if len(conclusions) != 1:
        return []
    return [Inference(premises=premises, conclusion=conclusions[0])]


def from_networkx(g: Any) -> ArgumentMap:
    """A map from a directed NetworkX graph, such as :func:`to_networkx` makes.

    A node is an argument where its key is ``("argument", id)`` or its ``kind`` attribute is ``"argument"``, and a
    statement otherwise; its ``text`` (or ``label``) is its text, and its ``tags``, ``data``, ``section``, ``scheme``,
    ``steps`` and ``unused_premises`` are read where present. An argument without ``steps`` takes one step from its
    ``premise`` and ``conclusion`` edges. Every other edge is a relation of its ``kind`` (support where it has none), in
    the order of their ``index`` attributes. Raises :class:`~argmap.MapError` naming every problem: an undirected graph,
    an unknown kind, a text that is not a string, ``steps``, ``quotes``, ``sections`` or ``sources`` that are not lists
    of argmap's objects, and whatever breaks the model's rules.
    """
    if not g.is_directed():
        raise MapError([Problem("invalid-structure", "an argument map is a directed graph; this graph is not")])
    problems: list[Problem] = []
    ends = {key: _element(key, attributes) for key, attributes in g.nodes(data=True)}
    statements: list[Statement] = []
    arguments: list[Argument] = []
    for key, attributes in g.nodes(data=True):
        type, id = ends[key]
        subject = Subject(type.value, id)
        default = "" if type is ElementType.ARGUMENT else id
        text = _text(attributes.get("text", attributes.get("label", default)), subject, problems)
        common: dict[str, Any] = {
            "id": id,
            "text": text,
            "tags": attributes.get("tags", ()),
            "data": attributes.get("data") or {},
            "section": attributes.get("section"),
        }
        if type is ElementType.STATEMENT:
            quotes = _items(attributes.get("quotes", ()), Quote, "quotes", subject, problems)
            statements.append(Statement(quotes=quotes, **common))
        else:
            if "steps" in attributes:
                steps = _items(attributes["steps"], Inference, "steps", subject, problems)
            else:
                steps = _step_edges(g, key, ends)
            unused = attributes.get("unused_premises", ())
            arguments.append(Argument(scheme=attributes.get("scheme"), steps=steps, unused_premises=unused, **common))
    relations: list[tuple[float, int, Relation]] = []
    for n, (u, v, attributes) in enumerate(g.edges(data=True)):
        kind = attributes.get("kind", "support")
        if isinstance(kind, str) and kind in STEP_KINDS:
            continue
        (source_type, source), (target_type, target) = ends[u], ends[v]
        if not isinstance(kind, str) or kind not in _KINDS:
            message = f"unknown relation kind {kind!r}; argmap has {', '.join(_KINDS)}"
            problems.append(Problem("invalid-value", message, Subject("relation", f"{source} -> {target}")))
            continue
        index = attributes.get("index")
        order = float(index) if isinstance(index, int) else float("inf")
        relation = Relation(
            source=source, source_type=source_type, target=target, target_type=target_type, kind=_KINDS[kind]
        )
        relations.append((order, n, relation))
    sections = _items(g.graph.get("sections", ()), Section, "sections", None, problems)
    sources = _items(g.graph.get("sources", ()), Source, "sources", None, problems)
    if problems:
        raise MapError(problems)
    relations.sort(key=lambda item: item[:2])
    return ArgumentMap(
        title=g.graph.get("title", ""),
        statements=statements,
        arguments=arguments,
        relations=[relation for _, _, relation in relations],
        sections=sections,
        sources=sources,
        metadata=g.graph.get("metadata") or {},
    )
