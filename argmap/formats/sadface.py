"""Reading SADFace JSON (the Simple Argument Description Format) into argument maps."""

from __future__ import annotations

import re
from typing import Any, Final

from ..model import Argument, ArgumentMap, ElementType, Inference, Quote, Relation, RelationKind, Source, Statement
from . import SNIFF_LENGTH
from ._problems import ProblemCollector
from ._shapes import check_json_value, check_keys, decode, decode_object, json_type, parse_int, show

__all__ = ["loads", "sniff"]

#: Scheme names that make a node a conflict: an attack from what points at it on what it points at.
_ATTACKS: Final = frozenset({"conflict", "attack", "defeat"})
#: Scheme names of a mutual disagreement: every node it joins contradicts every other.
_DISAGREEMENTS: Final = frozenset({"disagree", "disagreement"})
#: Scheme names of a rephrase: what points at it restates what it points at.
_REPHRASES: Final = frozenset({"rephrase"})
#: The name of SADFace's generic support, which names no argumentation scheme.
_SUPPORT: Final = "support"
_NODE_TYPES: Final = ("atom", "scheme", "inference", "conflict")
_SNIFFED: Final = (re.compile(r'"source_id"\s*:'), re.compile(r'"core"\s*:'))


def sniff(text: str) -> bool:
    """Whether a JSON text looks like SADFace: its start names the ``source_id`` of an edge or the ``core`` block of
    SADFace's metadata (a document without edges has only the latter).
    """
    head = text[:SNIFF_LENGTH]
    return any(pattern.search(head) for pattern in _SNIFFED)


class _Node:
    """One node and what it becomes."""

    __slots__ = ("fields", "id", "index", "ins", "kind", "outs")

    def __init__(self, index: int, id: str, fields: dict[str, Any], kind: str) -> None:
        self.index = index
        self.id = id
        self.fields = fields
        # "atom"; for a scheme node: "support" (an argument), "attack", "disagree", "rephrase", or "raw" (kept as it is)
        self.kind = kind
        self.ins: list[str] = []  # the nodes whose edges point at this one
        self.outs: list[str] = []  # the nodes this one points at

    @property
    def where(self) -> str:
        return f"$.nodes[{self.index}]"


def _kind(fields: dict[str, Any]) -> str:
    if fields["type"] == "atom":
        return "atom"
    name = fields.get("name")
    name = name.lower() if isinstance(name, str) else ""
    if name in _ATTACKS:
        return "attack"
    if name in _DISAGREEMENTS:
        return "disagree"
    if name in _REPHRASES:
        return "rephrase"
    if name == "preference" or fields["type"] == "conflict":
        return "raw"
    return "support"


class _Reader(ProblemCollector):
    """Reads one parsed document; problems are collected, then raised together."""

    def __init__(self, document: Any) -> None:
        super().__init__()
        self.document = document
        self.nodes: dict[str, _Node] = {}
        self.raw_edges: list[Any] = []

    def read(self) -> ArgumentMap:
        document = self.document
        if not isinstance(document, dict):
            self.problem(
                "wrong-type", f"expected a SADFace object with nodes and edges, got {json_type(document)}", "$"
            )
            self.stop_on_problems()
        check_keys(document, "$", self.problems)
        nodes, edges, resources = (self._array(key) for key in ("nodes", "edges", "resources"))
        self._nodes(nodes)
        self.stop_on_problems()
        self._edges(edges)
        sources, kept_resources = self._sources(resources)
        self.stop_on_problems()
        statements = [self._statement(node, sources) for node in self.nodes.values() if node.kind == "atom"]
        arguments: list[Argument] = []
        relations: list[Relation] = []
        for node in self.nodes.values():
            if node.kind == "support":
                arguments.append(self._argument(node, relations))
            elif node.kind in ("attack", "disagree", "rephrase"):
                self._relations(node, relations)
        metadata = self._metadata(kept_resources)
        self.stop_on_problems()
        core = document.get("metadata", {}).get("core") if isinstance(document.get("metadata"), dict) else None
        title = core.get("title") if isinstance(core, dict) else None
        return ArgumentMap(
            title=title if isinstance(title, str) else "",
            statements=statements,
            arguments=arguments,
            relations=relations,
            sources=list(sources.values()),
            metadata=metadata,
        )

    # The document's shape ---------------------------------------------------------------------------------------

    def _array(self, key: str) -> list[Any]:
        value = self.document.get(key, [])
        if key in ("nodes", "edges") and key not in self.document:
            self.problem("missing-key", f"a SADFace document has the key {key!r}; this one has not", "$")
        if not isinstance(value, list):
            self.problem("wrong-type", f"expected an array, got {json_type(value)}", f"$.{key}")
            return []
        return value

    def _string(self, fields: dict[str, Any], key: str, where: str) -> str | None:
        if key not in fields:
            self.problem("missing-key", f"the key {key!r} is missing", where)
            return None
        value = fields[key]
        if type(value) is not str:
            self.problem("wrong-type", f"expected a string, got {json_type(value)}", f"{where}.{key}")
            return None
        return value

    def _nodes(self, items: list[Any]) -> None:
        for index, fields in enumerate(items):
            where = f"$.nodes[{index}]"
            if not isinstance(fields, dict):
                self.problem("wrong-type", f"expected a node object, got {json_type(fields)}", where)
                continue
            check_keys(fields, where, self.problems)
            id = self._string(fields, "id", where)
            node_type = self._string(fields, "type", where)
            if node_type is not None and node_type not in _NODE_TYPES:
                message = f"unknown node type {show(node_type)}; SADFace has {', '.join(_NODE_TYPES)}"
                self.problem("invalid-value", message, f"{where}.type")
                continue
            if node_type == "atom":
                self._string(fields, "text", where)
            elif "name" in fields and type(fields["name"]) is not str:
                self.problem("wrong-type", f"expected a string, got {json_type(fields['name'])}", f"{where}.name")
            if id is None or node_type is None:
                continue
            if id in self.nodes:
                self.problem("duplicate-id", f"two nodes have the id {show(id)}", where)
                continue
            self.nodes[id] = _Node(index, id, fields, _kind(fields))

    def _edges(self, items: list[Any]) -> None:
        for index, fields in enumerate(items):
            where = f"$.edges[{index}]"
            if not isinstance(fields, dict):
                self.problem("wrong-type", f"expected an edge object, got {json_type(fields)}", where)
                continue
            found = [self._string(fields, key, where) for key in ("source_id", "target_id")]
            ends = [end for end in found if end is not None]
            if len(ends) != 2:
                continue
            source, target = (self.nodes.get(end) for end in ends)
            for end, node, key in zip(ends, (source, target), ("source_id", "target_id"), strict=True):
                if node is None:
                    self.problem("dangling-reference", f"the edge refers to unknown node {show(end)}", f"{where}.{key}")
            if source is None or target is None:
                continue
            if "raw" in (source.kind, target.kind):
                self.raw_edges.append(fields)
            elif source.kind == target.kind == "atom":
                self.problem("invalid-structure", "an edge joins two atoms; SADFace joins them through a scheme", where)
            else:
                source.outs.append(target.id)
                target.ins.append(source.id)

    def _sources(self, items: list[Any]) -> tuple[dict[str, Source], list[Any]]:
        """The text resources as sources by id, and the resources of other kinds, kept as they are."""
        sources: dict[str, Source] = {}
        kept: list[Any] = []
        for fields in items:
            id, content = (fields.get(key) if isinstance(fields, dict) else None for key in ("id", "content"))
            if type(id) is str and type(content) is str and content.strip() and id not in sources:
                metadata = fields.get("metadata")
                core = metadata.get("core") if isinstance(metadata, dict) else None
                title = core.get("title") if isinstance(core, dict) else None
                sources[id] = Source(id=id, text=content, title=title if isinstance(title, str) else "")
            else:
                kept.append(fields)
        return sources, kept

    # Elements ---------------------------------------------------------------------------------------------------

    def _kept(self, node: _Node, keys: tuple[str, ...]) -> dict[str, Any]:
        """An element's data: what of its node the model has no place for, under ``"sadface"``."""
        kept = _extra(node, keys)
        check_json_value(kept, node.where, self.problems)
        return {"sadface": kept} if kept else {}

    def _statement(self, node: _Node, sources: dict[str, Source]) -> Statement:
        quotes = []
        cited = node.fields.get("sources")
        for cite in cited if isinstance(cited, list) else ():
            if isinstance(cite, dict) and cite.get("resource_id") in sources and _text(cite.get("text")):
                quotes.append(Quote(cite["resource_id"], cite["text"]))
        return Statement(
            id=node.id, text=node.fields["text"], quotes=quotes, data=self._kept(node, ("id", "type", "text"))
        )

    def _end(self, id: str, node: _Node) -> tuple[ElementType, str] | None:
        kind = self.nodes[id].kind
        if kind == "atom":
            return ElementType.STATEMENT, id
        if kind == "support":
            return ElementType.ARGUMENT, id
        self.problem("invalid-structure", f"the node {show(id)} is joined to another conflict or rephrase", node.where)
        return None

    def _argument(self, node: _Node, relations: list[Relation]) -> Argument:
        """A scheme of support: its atoms point at it as premises, and it points at its conclusion."""
        premises = [id for id in node.ins if self.nodes[id].kind == "atom"]
        conclusions = [id for id in node.outs if self.nodes[id].kind == "atom"]
        steps = []
        if conclusions:
            steps.append(Inference(premises=premises, conclusion=conclusions.pop(0)))
        else:
            # Without a conclusion, the argument is sketched, and its premises support it.
            relations.extend(
                Relation(source=id, target=node.id, target_type=ElementType.ARGUMENT, kind=RelationKind.SUPPORT)
                for id in premises
            )
        for id in node.outs:
            if id in conclusions or self.nodes[id].kind == "support":
                end = self._end(id, node)
                if end is not None:
                    relations.append(
                        Relation(
                            source=node.id,
                            source_type=ElementType.ARGUMENT,
                            target=end[1],
                            target_type=end[0],
                            kind=RelationKind.SUPPORT,
                        )
                    )
        name = node.fields.get("name")
        scheme = name if isinstance(name, str) and name.strip() and name.lower() != _SUPPORT else None
        return Argument(id=node.id, steps=steps, scheme=scheme, data=self._kept(node, ("id", "type", "name")))

    def _relations(self, node: _Node, relations: list[Relation]) -> None:
        """The relations a conflict or rephrase node stands for, between what it joins."""
        ins = [end for end in (self._end(id, node) for id in node.ins) if end is not None]
        outs = [end for end in (self._end(id, node) for id in node.outs) if end is not None]
        if node.kind == "disagree":
            joined = list(dict.fromkeys([*ins, *outs]))
            pairs = [(a, b) for n, a in enumerate(joined) for b in joined[n + 1 :]]
            kind = RelationKind.CONTRADICTION
        else:
            pairs = [(a, b) for a in ins for b in outs]
            kind = RelationKind.ATTACK if node.kind == "attack" else RelationKind.ENTAILS
        for (source_type, source), (target_type, target) in pairs:
            undercut = kind is RelationKind.ATTACK and target_type is ElementType.ARGUMENT
            relations.append(
                Relation(
                    source=source,
                    source_type=source_type,
                    target=target,
                    target_type=target_type,
                    kind=RelationKind.UNDERCUT if undercut else kind,
                )
            )

    def _metadata(self, resources: list[Any]) -> dict[str, Any]:
        """The map's metadata: SADFace's own blocks, and what the model has no place for, under ``"sadface"``."""
        document = self.document
        kept = {key: value for key, value in document.items() if key not in ("nodes", "edges", "resources")}
        raw = [node.fields for node in self.nodes.values() if node.kind == "raw"]
        # A conflict or rephrase's own fields are kept where they say more than its name.
        relations = [
            node.fields
            for node in self.nodes.values()
            if node.kind in ("attack", "disagree", "rephrase") and _extra(node, ("id", "type", "name"))
        ]
        layer = {**kept, "resources": resources, "nodes": raw, "edges": self.raw_edges, "relations": relations}
        layer = {key: value for key, value in layer.items() if value != []}
        check_json_value(layer, "$", self.problems)
        return {"sadface": layer} if layer else {}


def _text(value: object) -> bool:
    return type(value) is str and bool(value.strip())


def _extra(node: _Node, keys: tuple[str, ...]) -> dict[str, Any]:
    """The fields of a node but ``keys``, without empty values."""
    kept = {key: value for key, value in node.fields.items() if key not in keys and value not in ({}, [], "")}
    # SADFace writes an empty "core" block in every node's metadata.
    if isinstance(kept.get("metadata"), dict) and not any(kept["metadata"].values()):
        del kept["metadata"]
    return kept


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from SADFace JSON; ``path`` only names the file in errors.

    Atoms become statements (quoting the text resources they cite); a scheme node of support (``support``, or the
    name of an argumentation scheme, kept as the argument's scheme) becomes an argument from the atoms that point at
    it to the atom it points at; a conflict (``conflict``, ``attack``, ``defeat``) becomes attacks from what points
    at it on what it points at (undercuts where that is an argument), a disagreement contradictions between all it
    joins, and a rephrase entailments. The document's metadata (its ``core`` title, analyst and dates) and what the
    model has no place for are kept in ``metadata["sadface"]``; ``docs/sadface.md`` gives the whole mapping.

    Raises :class:`~argmap.ParseError` (with line and column) for text that is not JSON, and
    :class:`~argmap.MapError` for a document that is not SADFace, naming each bad node or edge by its JSON path.
    """
    document = decode(text, path, parse_int=parse_int, object_pairs_hook=decode_object)
    return _Reader(document).read()
