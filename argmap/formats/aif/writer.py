"""Writing argument maps as AIF JSON, giving a map read from AIF back the nodes and layers it was read from."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from ...errors import MapError, Problem
from ...model import Argument, ArgumentMap, ElementType, Inference, Relation, RelationKind, Statement
from .._shapes import QUOTE, SECTION, SOURCE, ArrayKind, check_json_value, encode_mapping
from .reader import loads
from .vocabulary import (
    DEFAULT_LABEL,
    EXTRAS,
    GENERIC,
    RELATION_NODE_TYPE,
    SCHEME_TYPES,
    VERSION,
    Fields,
    plain_kind,
    split_node,
)

__all__ = ["dumps"]


class _Unfit(Exception):
    """The AIF layer kept in a map's metadata no longer fits the map (an id is taken, a relation has changed)."""


class _Layer(NamedTuple):
    """``metadata["aif"]`` as the reader keeps it: the parts of the AIF document the model has no place for."""

    document: Fields
    nodes: list[Mapping[str, Any]]
    edges: list[Mapping[str, Any]]
    relations: list[Mapping[str, Any] | None] | None


def _layer_of(metadata: Mapping[str, Any]) -> _Layer | None:
    """The layer in ``metadata``, or ``None`` where there is none, or it has another shape."""
    layer = metadata.get("aif")
    if not isinstance(layer, Mapping) or not set(layer) <= {"document", "nodes", "edges", "relations"}:
        return None
    document, nodes, edges = layer.get("document", {}), layer.get("nodes", []), layer.get("edges", [])
    relations = layer.get("relations")
    if not isinstance(document, Mapping) or {"nodes", "edges", EXTRAS} & set(document):
        return None
    if not _objects(nodes) or not _objects(edges) or not (relations is None or _objects(relations, nulls=True)):
        return None
    return _Layer(dict(document), nodes, edges, relations)


def _objects(value: Any, *, nulls: bool = False) -> bool:
    """Whether ``value`` is a list of objects (or nulls, where ``nulls``)."""
    return isinstance(value, list) and all(isinstance(item, Mapping) or (nulls and item is None) for item in value)


class _Ids:
    """Ids for the document: each wanted id where it is free, else a fresh one (``n1``, ``n2``... for nodes)."""

    def __init__(self, wanted: Iterable[str], prefix: str) -> None:
        self.taken: set[str] = set()
        self.wanted = set(wanted)
        self.prefix = prefix
        self.counter = 0

    def claim(self, id: str) -> bool:
        if id in self.taken:
            return False
        self.taken.add(id)
        return True

    def own(self, id: str) -> str:
        return id if self.claim(id) else self.fresh()

    def fresh(self) -> str:
        while True:
            self.counter += 1
            id = f"{self.prefix}{self.counter}"
            if id not in self.wanted and self.claim(id):
                return id


# What split_node does for one kind of node: its scheme, and the fields its element keeps.
_Split = Callable[[Mapping[str, Any]], tuple[str | None, Fields]]


class _Writer:
    """Builds the AIF document of a map; with ``layer``, also writes back the AIF that the map was read from."""

    def __init__(self, m: ArgumentMap, layer: _Layer | None) -> None:
        self.m = m
        self.layer = layer
        self.problems: list[Problem] = []
        self.nodes: list[Fields] = []
        self.edges: list[Fields] = []
        self.pairs: set[tuple[str, str]] = set()
        wanted = [s.id for s in m.statements] + [a.id for a in m.arguments]
        if layer is not None:
            kept = [*layer.nodes, *(node for node in layer.relations or () if node is not None)]
            wanted += [str(node.get("nodeID")) for node in kept] + [str(edge.get("edgeID")) for edge in layer.edges]
        self.ids, self.edge_ids = _Ids(wanted, "n"), _Ids(wanted, "e")
        self.statement_node = {s.id: self.ids.own(s.id) for s in m.statements}
        self.argument_node = {a.id: self.ids.own(a.id) for a in m.arguments}
        self.reified = self._reified()

    def _reified(self) -> dict[str, str]:
        """The sketched arguments read from a CA or MA node, by id, with that type: written as such a node again
        where a scheme node will aim at them, which makes the reader take them for arguments.
        """
        aimed: set[str] = set()  # argument ids
        bare: set[tuple[str, str]] = set()  # statement -> argument supports that may be bare edges
        for r in self.m.relations:
            if r.target_type is ElementType.ARGUMENT:
                is_bare = r.source_type is ElementType.STATEMENT and r.kind is RelationKind.SUPPORT
                if not is_bare or (r.source, r.target) in bare:
                    aimed.add(r.target)
                bare.add((r.source, r.target))
        aimed_nodes: set[str] = set()  # node ids that a kept raw scheme node aims at
        if self.layer is not None:
            schemes = {str(node.get("nodeID")) for node in self.layer.nodes if node.get("type") in SCHEME_TYPES}
            aimed_nodes = {str(e.get("toID")) for e in self.layer.edges if str(e.get("fromID")) in schemes}
        result = {}
        for a in self.m.arguments:
            fields = a.data.get("aif")
            node_type = fields.get("type") if isinstance(fields, Mapping) else None
            is_aimed = a.id in aimed or self.argument_node[a.id] in aimed_nodes
            if not a.steps and is_aimed and node_type in ("CA", "MA"):
                result[a.id] = str(node_type)
        return result

    def document(self) -> Fields:
        """The document; raises :class:`_Unfit` where the layer does not fit the map."""
        for n, s in enumerate(self.m.statements):
            self._statement(s, f"$.statements[{n}]")
        for n, a in enumerate(self.m.arguments):
            self._argument(a, f"$.arguments[{n}]")
        records = self.layer.relations if self.layer is not None else None
        if records is not None and len(records) != len(self.m.relations):
            raise _Unfit
        shared: dict[str, str] = {}  # the node id of each kept relation node written, with its type
        for n, r in enumerate(self.m.relations):
            record = records[n] if records is not None else None
            if record is None:
                self._relation(r)
            else:
                self._kept_relation(r, record, shared)
        metadata = self._check(self.m.metadata, "$.metadata")
        if self.layer is not None:
            self._kept_layer(self.layer)
            del metadata["aif"]
        top: Fields = {"version": VERSION}
        if self.m.title:
            top["title"] = self.m.title
        if metadata:
            top["metadata"] = metadata
        if self.m.sources:
            top["sources"] = ArrayKind(SOURCE).write(self.m.sources, "$.sources", self.problems)
        if self.m.sections:
            top["sections"] = ArrayKind(SECTION).write(self.m.sections, "$.sections", self.problems)
        if self.problems:
            raise MapError(self.problems)
        document: Fields = {"nodes": self.nodes, "edges": self.edges, "locutions": []}
        document.update(self.layer.document if self.layer is not None else {})
        document[EXTRAS] = top
        return document

    def _check(self, value: Mapping[str, Any], where: str) -> Fields:
        check_json_value(value, where, self.problems)
        return dict(value)

    def _node(self, id: str, fields: Fields, block: Fields) -> None:
        node = {"nodeID": id, **fields}
        if block:
            node[EXTRAS] = block
        self.nodes.append(node)

    def _edge(self, source: str, target: str) -> None:
        self.pairs.add((source, target))
        self.edges.append({"edgeID": self.edge_ids.fresh(), "fromID": source, "toID": target, "formEdgeID": None})

    def _node_of(self, type: ElementType, id: str) -> str:
        return self.statement_node[id] if type is ElementType.STATEMENT else self.argument_node[id]

    # Elements -------------------------------------------------------------------------------------------------

    def _statement(self, s: Statement, where: str) -> None:
        id = self.statement_node[s.id]
        fields: Fields = {"text": s.text, "type": "I"}
        data = _spread(fields, self._check(s.data, f"{where}.data"), lambda node: split_node(node, atom=True))
        block = self._element_block(s.id, id, s.tags, data, s.section)
        if s.quotes:
            block["quotes"] = ArrayKind(QUOTE).write(s.quotes, f"{where}.quotes", self.problems)
        self._node(id, fields, block)

    def _element_block(self, element: str, id: str, tags: tuple[str, ...], data: Fields, section: str | None) -> Fields:
        block: Fields = {}
        if id != element:
            block["id"] = element
        if tags:
            block["tags"] = list(tags)
        if data:
            block["data"] = data
        if section is not None:
            block["section"] = section
        return block

    def _argument(self, a: Argument, where: str) -> None:
        id = self.argument_node[a.id]
        node_type = self.reified.get(a.id, "RA")
        # A scheme name that AIF reads as no scheme ("RA", "Default Inference") goes in argmap's block.
        scheme = a.scheme if a.scheme not in GENERIC else None
        fields: Fields = {"text": scheme or DEFAULT_LABEL[node_type], "type": node_type}
        if scheme is not None:
            fields["scheme"] = scheme
        data = _spread(fields, self._check(a.data, f"{where}.data"), split_node, scheme)
        block = self._element_block(a.id, id, a.tags, data, a.section)
        if a.text:
            block["text"] = a.text
        if a.scheme is not None and scheme is None:
            block["scheme"] = a.scheme
        if a.steps:
            *earlier, last = a.steps
            if earlier:
                block["steps"] = [self._earlier_step(step, f"{where}.steps[{n}]") for n, step in enumerate(earlier)]
            block |= _step_block(last.rules, self._check(last.data, f"{where}.steps[{len(earlier)}].data"))
        if a.unused_premises:
            # I-nodes the argument lists but no step joins: no edge may say so, since an edge would make them premises.
            block["unused_premises"] = [self.statement_node[premise] for premise in a.unused_premises]
        self._node(id, fields, block)
        if a.steps:
            self._step_edges(id, a.steps[-1])

    def _earlier_step(self, step: Inference, where: str) -> str:
        id = self.ids.fresh()
        fields: Fields = {"text": DEFAULT_LABEL["RA"], "type": "RA"}
        data = _spread(fields, self._check(step.data, f"{where}.data"), lambda node: split_node(node, scheme=False))
        self._node(id, fields, _step_block(step.rules, data))
        self._step_edges(id, step)
        return id

    def _step_edges(self, id: str, step: Inference) -> None:
        for premise in step.premises:
            self._edge(self.statement_node[premise], id)
        self._edge(id, self.statement_node[step.conclusion])

    # Relations ------------------------------------------------------------------------------------------------

    def _relation(self, r: Relation) -> None:
        """A relation as a bare edge where the reader takes that edge for it, else as a scheme node of its own."""
        source, target = self._node_of(r.source_type, r.source), self._node_of(r.target_type, r.target)
        if (source, target) not in self.pairs and self._bare(r):
            self._edge(source, target)
            return
        node_type = RELATION_NODE_TYPE[r.kind]
        id = self.ids.fresh()
        self._node(id, {"text": DEFAULT_LABEL[node_type], "type": node_type}, {"kind": r.kind.value})
        self._edge(source, id)
        self._edge(id, target)

    def _bare(self, r: Relation) -> bool:
        """Whether the reader takes a bare edge from ``r``'s source to its target for ``r``, as it reads the nodes
        of arguments.
        """
        if r.source_type is ElementType.STATEMENT:
            # The premises of an argument without a conclusion support it.
            return (
                r.kind is RelationKind.SUPPORT
                and r.target_type is ElementType.ARGUMENT
                and not self.m.argument(r.target).steps
            )
        node_type = self.reified.get(r.source)
        if node_type is not None:
            return r.kind is plain_kind(node_type, r.target_type)
        # An inference supports the scheme nodes it aims at, and the I-nodes it points to after its conclusion.
        source = self.m.argument(r.source)
        after_conclusion = bool(source.steps) and r.target != source.conclusion
        return r.kind is RelationKind.SUPPORT and (r.target_type is ElementType.ARGUMENT or after_conclusion)

    def _kept_relation(self, r: Relation, node: Mapping[str, Any], shared: dict[str, str]) -> None:
        """``r`` through the AIF node it was read from, which all the relations read from that node share."""
        node_type = node.get("type")
        fits = (
            node_type in ("CA", "MA")
            and r.source_type is ElementType.STATEMENT
            and r.kind is plain_kind(str(node_type), r.target_type)
            and "nodeID" in node
        )
        id = str(node.get("nodeID"))
        if not fits or shared.get(id, node_type) != node_type:
            raise _Unfit
        if id not in shared:
            if not self.ids.claim(id):
                raise _Unfit
            shared[id] = str(node_type)
            self.nodes.append(dict(node))
        for pair in ((self._node_of(r.source_type, r.source), id), (id, self._node_of(r.target_type, r.target))):
            if pair not in self.pairs:
                self._edge(*pair)

    def _kept_layer(self, layer: _Layer) -> None:
        """The raw nodes and edges, as they were read."""
        for node in layer.nodes:
            if not self.ids.claim(str(node.get("nodeID"))):
                raise _Unfit
            self.nodes.append(dict(node))
        for edge in layer.edges:
            ends = str(edge.get("fromID")), str(edge.get("toID"))
            if not all(end in self.ids.taken for end in ends):
                raise _Unfit
            if "edgeID" in edge and not self.edge_ids.claim(str(edge["edgeID"])):
                raise _Unfit
            self.edges.append(dict(edge))


def _step_block(rules: tuple[str, ...], data: Fields) -> Fields:
    block: Fields = {}
    if rules:
        block["rules"] = list(rules)
    if data:
        block["step_data"] = data
    return block


def _spread(fields: Fields, data: Fields, split: _Split, scheme: str | None = None) -> Fields:
    """Write ``data["aif"]`` into a node's ``fields`` where the reader gives exactly it back; return the data that
    argmap's block must carry: the rest, or all of it where those fields would not come back as they are.
    """
    kept = data.get("aif")
    if not isinstance(kept, Mapping) or not kept:
        return data
    # The node's own fields win over what argmap would write (an Araucaria RA node's text "RA", say), unless they
    # would change what the node says: its scheme, which the reader does not give back, or its type, which a node
    # with a scheme does give back, read as another kind of element. Those stay in argmap's block.
    node = {"nodeID": "", **fields, **kept}
    if node["type"] != fields["type"] or type(node["text"]) is not str or split(node) != (scheme, dict(kept)):
        return data
    fields.update(kept)
    return {key: value for key, value in data.items() if key != "aif"}


def _encode(document: Fields) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, default=encode_mapping) + "\n"


def dumps(m: ArgumentMap) -> str:
    """Write a map as AIF JSON, which AIF tools (AIFdb, OVA, arguebuf) read and :func:`loads` reads back to an
    equal map.

    Statements become I-nodes, each step of an argument an RA node (with the argument's scheme), relations CA, MA or
    RA nodes, or bare edges where AIF reads those as the relation. What AIF cannot say (tags, sections, sources,
    quotes, descriptions, relation kinds it lacks) goes in blocks under the key ``"argmap"``, which AIF tools
    ignore. A map read from AIF gets back its node ids, its nodes' own fields and its dialogue layer, as far as they
    still fit it. The output is the same, byte for byte, on every run.

    ``data`` and ``metadata`` must hold only JSON values; anything else raises :class:`~argmap.MapError` naming it.
    """
    layer = _layer_of(m.metadata)
    if layer is not None:
        try:
            text = _encode(_Writer(m, layer).document())
        except _Unfit:
            pass
        else:
            if _reads_back(text, m):
                return text
    # Without the layer, metadata["aif"] travels as it is, in argmap's block.
    return _encode(_Writer(m, None).document())


def _reads_back(text: str, m: ArgumentMap) -> bool:
    """Whether ``text`` reads back as ``m``: the layer may not fit a map changed since it was read."""
    try:
        return loads(text) == m
    except MapError:
        return False
