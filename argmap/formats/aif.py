"""AIF, the Argument Interchange Format as AIFdb and OVA write it in JSON: reading and writing argument maps."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs

from .._io import read_text
from ..errors import MapError, Problem
from ..model import Argument, ArgumentMap, ElementType, Inference, Quote, Relation, RelationKind, Source, Statement
from ._shapes import (
    DATA,
    INVALID,
    QUOTE,
    REFERENCE,
    SECTION,
    SOURCE,
    STRING,
    STRINGS,
    ArrayKind,
    Digits,
    EnumKind,
    Field,
    ObjectKind,
    check_json_value,
    decode,
    encode_mapping,
    json_type,
    parse_int,
    show,
    wrong_type,
)

__all__ = ["VERSION", "dumps", "loads"]

#: The version of argmap's own block (the key ``"argmap"``) in an AIF document; a reader refuses any other.
VERSION: Final = 1

# The key of argmap's blocks, on the document and on nodes: what AIF cannot say, which AIF tools ignore.
_EXTRAS: Final = "argmap"
_NODE_TYPES: Final = ("I", "RA", "CA", "MA", "PA", "L", "TA", "YA")
# The scheme nodes that argmap reads: inference (RA), conflict (CA) and rephrase (MA).
_SCHEME_TYPES: Final = frozenset({"RA", "CA", "MA"})
# What AIFdb and OVA call a scheme node of each type when no particular scheme applies.
_DEFAULT_LABEL: Final = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
# Node texts and scheme names that name no scheme: the bare node types (Araucaria) and the defaults (OVA).
_GENERIC: Final = frozenset({"", *_SCHEME_TYPES, *_DEFAULT_LABEL.values()})
# The scheme node that stands for a relation of each kind when argmap writes one.
_NODE_TYPE: Final = {
    kind: "RA" if kind is RelationKind.SUPPORT else "MA" if kind is RelationKind.ENTAILS else "CA"
    for kind in RelationKind
}
# Suffixes of AIF files; the source text of ``NAME.json`` is ``NAME.txt`` beside it.
_SUFFIXES: Final = (".aif.json", ".json", ".aif")

Fields = dict[str, Any]


def _plain_kind(node_type: str, target: ElementType) -> RelationKind:
    """What a scheme node says of its target in AIF: support (RA), entailment (MA, a rephrase), or conflict (CA),
    which aimed at an inference is an undercut.
    """
    if node_type == "RA":
        return RelationKind.SUPPORT
    if node_type == "MA":
        return RelationKind.ENTAILS
    return RelationKind.UNDERCUT if target is ElementType.ARGUMENT else RelationKind.ATTACK


def _scheme_of(node: Mapping[str, Any]) -> str | None:
    """The scheme a node names: its ``scheme`` field or, without one, its text; unless that names no scheme."""
    name = node["scheme"] if "scheme" in node else node.get("text")
    return name if type(name) is str and name not in _GENERIC else None


def _split(node: Mapping[str, Any], *, atom: bool = False, scheme: bool = True) -> tuple[str | None, Fields]:
    """A node's scheme (unless ``scheme`` is false), and the fields its element keeps in ``data["aif"]``.

    An I-node (``atom``) keeps every field but its id, text and type. A scheme node keeps its text unless that is
    the label argmap writes anyway (the scheme's name, or the default label of its type), its ``scheme`` field
    unless that became the argument's scheme, and its type unless it is RA. The reader and the writer both use
    this, so that what one keeps the other writes back.
    """
    if atom:
        return None, {key: value for key, value in node.items() if key not in ("nodeID", "text", "type", _EXTRAS)}
    name = _scheme_of(node) if scheme else None
    label = name if name is not None else _DEFAULT_LABEL.get(str(node.get("type")), "")
    kept = {
        key: value
        for key, value in node.items()
        if key not in ("nodeID", _EXTRAS)
        and not (key == "type" and value == "RA")
        and not (key == "scheme" and name is not None)
        and not (key == "text" and value == label)
    }
    return name, kept


def _node_id(value: Any, where: str, problems: list[Problem], what: str = "a node id") -> str | None:
    """An id as a string: AIFdb writes strings, some tools integers."""
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value)
    wrong_type(f"{what} (a string or an integer)", value, where, problems)
    return None


# argmap's blocks ------------------------------------------------------------------------------------------------


class _Version:
    """The version in argmap's block on the document: exactly :data:`VERSION`."""

    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if type(value) is int and value == VERSION:
            return value
        if type(value) is int and value > VERSION:
            message = f"argmap's block has version {value}, newer than this argmap reads ({VERSION}): upgrade argmap"
        else:
            shown = show(value) if isinstance(value, int | float | str) else json_type(value)
            message = f"unsupported version {shown} of argmap's block: expected {VERSION}"
        problems.append(Problem("unsupported-version", message, where))
        return INVALID

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        return value


class _NodeIds:
    """A list of node ids."""

    def read(self, value: Any, where: str, problems: list[Problem]) -> Any:
        if not isinstance(value, list):
            return wrong_type("an array of node ids", value, where, problems)
        ids = [_node_id(item, f"{where}[{n}]", problems) for n, item in enumerate(value)]
        return INVALID if None in ids else tuple(ids)

    def write(self, value: Any, where: str, problems: list[Problem]) -> Any:
        return list(value)


def _block(*fields: Field) -> ObjectKind:
    """The shape of one of argmap's blocks, read into a dict of the keys present."""
    return ObjectKind(dict, fields)


_ELEMENT_FIELDS = (
    Field("id", STRING),
    Field("tags", STRINGS),
    Field("data", DATA),
    Field("section", REFERENCE),
)
_STEP_FIELDS = (Field("rules", STRINGS), Field("step_data", DATA))
_STATEMENT_BLOCK = _block(*_ELEMENT_FIELDS, Field("quotes", ArrayKind(QUOTE)))
_ARGUMENT_BLOCK = _block(
    *_ELEMENT_FIELDS, Field("text", STRING), Field("scheme", STRING), Field("steps", _NodeIds()), *_STEP_FIELDS
)
_RELATION_BLOCK = _block(Field("kind", EnumKind(RelationKind), required=True))
_DOCUMENT_BLOCK = _block(
    Field("version", _Version(), required=True),
    Field("title", STRING),
    Field("metadata", DATA),
    Field("sources", ArrayKind(SOURCE)),
    Field("sections", ArrayKind(SECTION)),
)


def _plain_node(fields: Any) -> bool:
    """Whether a node is in the form that AIFdb writes, which needs no further checks."""
    return (
        type(fields) is dict
        and type(fields.get("nodeID")) is str
        and type(fields.get("text")) is str
        and fields.get("type") in _NODE_TYPES
    )


def _plain_edge(fields: Any, nodes: Mapping[str, Any]) -> bool:
    """Whether an edge is in the form that AIFdb writes, between known nodes, which needs no further checks."""
    return (
        type(fields) is dict
        and type(fields.get("fromID")) is str
        and type(fields.get("toID")) is str
        and fields["fromID"] in nodes
        and fields["toID"] in nodes
        and type(fields.get("edgeID", "")) in (str, int)
    )


def _marks_relation(block: Any) -> bool:
    return isinstance(block, dict) and "kind" in block


# Reading --------------------------------------------------------------------------------------------------------


class _Role:
    """What a node becomes."""

    STATEMENT: Final = "statement"  # an I-node
    ARGUMENT: Final = "argument"  # an RA node, or a CA or MA node that a scheme node aims at (a relation's end)
    STEP: Final = "step"  # an RA node for an earlier step of an argument, listed by the argument's own node
    RELATION: Final = "relation"  # a CA or MA node, read as relations from its premises to its targets
    MARKED: Final = "marked"  # a scheme node that argmap wrote for one relation of the kind its block names
    RAW: Final = "raw"  # the dialogue layer, preferences, and scheme nodes that join nothing: kept as they are


class _Node:
    """One node of the document and what the reader makes of it.

    A plain class rather than an attrs one: it is made once per node, and defined when argmap is imported, which
    every run of the command pays for.
    """

    __slots__ = ("block", "element", "fields", "id", "index", "owner", "premises", "role", "targets", "type")

    def __init__(self, index: int, id: str, type: str, fields: Fields) -> None:
        self.index = index
        self.id = id
        self.type = type
        self.fields = fields
        self.role = _Role.RAW
        self.block: Fields = {}
        self.owner = ""  # for a step: the node of its argument
        self.element = ""  # for a statement or argument: its id
        # The edges that the node's reading takes in, as (edge index, node id) in document order.
        self.premises: list[tuple[int, str]] = []
        self.targets: list[tuple[int, str]] = []

    @property
    def where(self) -> str:
        return f"$.nodes[{self.index}]"


class _Edge(NamedTuple):
    position: int  # among the edges kept
    number: int  # in the document
    source: str
    target: str
    fields: Fields


End = tuple[ElementType, str]


class _Reader:
    """Reads one parsed document; problems are collected, then raised together."""

    def __init__(self, document: Any, path: str | None, suspicious: bool) -> None:
        self.document = document
        self.path = path
        # Whether the document may hold values JSON cannot carry back, so that what is kept must be checked.
        self.suspicious = suspicious
        self.problems: list[Problem] = []
        self.block: Fields = {}
        self.nodes: dict[str, _Node] = {}
        self.edges: list[_Edge] = []
        self.raw_edges: list[_Edge] = []
        # Each relation with the indexes of its edges, which order the relations, and the node it came from.
        self.relations: list[tuple[tuple[int, int], Relation, Fields | None]] = []

    def problem(self, code: str, message: str, where: str) -> None:
        self.problems.append(Problem(code, message, where))

    def stop_on_problems(self) -> None:
        if self.problems:
            raise MapError(self.problems)

    def read(self) -> ArgumentMap:
        if not isinstance(self.document, dict):
            wrong_type("an AIF object with nodes and edges", self.document, "$", self.problems)
            self.stop_on_problems()
        nodes, edges = self._array("nodes"), self._array("edges")
        if _EXTRAS in self.document:
            block = _DOCUMENT_BLOCK.read(self.document[_EXTRAS], f"$.{_EXTRAS}", self.problems)
            self.block = block if isinstance(block, dict) else {}
        self.stop_on_problems()
        self._nodes(nodes)
        self._edges(edges)
        self.stop_on_problems()
        self._classify()
        self.stop_on_problems()
        self._connect()
        statements = [self._statement(n) for n in self.nodes.values() if n.role == _Role.STATEMENT]
        arguments = [self._argument(n) for n in self.nodes.values() if n.role == _Role.ARGUMENT]
        for node in self.nodes.values():
            if node.role == _Role.RELATION:
                self._relations(node)
            elif node.role == _Role.MARKED:
                self._marked(node)
        self.relations.sort(key=lambda item: item[0])
        metadata = self._metadata()
        self.stop_on_problems()
        sources = list(self.block.get("sources", ()))
        beside = _source_beside(self.path) if self.path is not None and _EXTRAS not in self.document else None
        if beside is not None:
            sources.append(beside)
            statements = [_quoting(s, beside) for s in statements]
        return ArgumentMap(
            title=self.block.get("title", ""),
            statements=statements,
            arguments=arguments,
            relations=[relation for _, relation, _ in self.relations],
            sections=self.block.get("sections", ()),
            sources=sources,
            metadata=metadata,
        )

    # The document's shape -------------------------------------------------------------------------------------

    def _array(self, key: str) -> list[Any]:
        if key not in self.document:
            self.problem("missing-key", f"an AIF document has the key {key!r}; this one has not", "$")
            return []
        value = self.document[key]
        if not isinstance(value, list):
            wrong_type("an array", value, f"$.{key}", self.problems)
            return []
        return value

    def _id_field(self, fields: Fields, key: str, where: str) -> str | None:
        if key not in fields:
            self.problem("missing-key", f"the key {key!r} is missing", where)
            return None
        return _node_id(fields[key], f"{where}.{key}", self.problems)

    def _nodes(self, items: list[Any]) -> None:
        for index, fields in enumerate(items):
            if _plain_node(fields):
                # The common case, taken without building the messages and paths that the general one may need.
                self._add_node(index, fields["nodeID"], fields)
                continue
            where = f"$.nodes[{index}]"
            if not isinstance(fields, dict):
                wrong_type("a node object", fields, where, self.problems)
                continue
            id = self._id_field(fields, "nodeID", where)
            node_type, text = fields.get("type"), fields.get("text")
            if "type" not in fields:
                self.problem("missing-key", "the key 'type' is missing", where)
            elif node_type not in _NODE_TYPES:
                shown = show(node_type) if type(node_type) is str else json_type(node_type)
                self.problem("invalid-value", f"unknown node type {shown}; AIF has {', '.join(_NODE_TYPES)}", where)
            if "text" in fields and type(text) is not str:
                wrong_type("a string", text, f"{where}.text", self.problems)
            elif node_type == "I" and "text" not in fields:
                self.problem("missing-key", f"the I-node {id!r} has no 'text'", where)
            if id is not None and node_type in _NODE_TYPES:
                self._add_node(index, id, fields)

    def _add_node(self, index: int, id: str, fields: Fields) -> None:
        seen = self.nodes.get(id)
        if seen is None:
            self.nodes[id] = _Node(index, id, fields["type"], fields)
        elif {**seen.fields, "nodeID": id} != {**fields, "nodeID": id}:
            # An identical repeat (as some exports have) is the same node; a different one is a conflict.
            self.problem("duplicate-id", f"the node {id!r} differs from an earlier node", f"$.nodes[{index}]")

    def _edges(self, items: list[Any]) -> None:
        seen: set[tuple[str, str]] = set()
        for index, fields in enumerate(items):
            ends = (fields["fromID"], fields["toID"]) if _plain_edge(fields, self.nodes) else self._ends(index, fields)
            if ends is not None and ends not in seen:
                # A repeated edge says nothing new, and is not kept.
                seen.add(ends)
                self.edges.append(_Edge(len(self.edges), index, ends[0], ends[1], fields))

    def _ends(self, index: int, fields: Any) -> tuple[str, str] | None:
        """The ends of an edge that is not in the common form, or ``None`` after recording what is wrong."""
        where = f"$.edges[{index}]"
        if not isinstance(fields, dict):
            wrong_type("an edge object", fields, where, self.problems)
            return None
        if "edgeID" in fields:
            _node_id(fields["edgeID"], f"{where}.edgeID", self.problems, "an edge id")
        source, target = (self._id_field(fields, key, where) for key in ("fromID", "toID"))
        label = f"edge {show(fields['edgeID'])}" if "edgeID" in fields else "the edge"
        for end, direction in ((source, "comes from"), (target, "goes to")):
            if end is not None and end not in self.nodes:
                self.problem("dangling-reference", f"{label} {direction} unknown node {end!r}", where)
        if source is not None and target is not None and source in self.nodes and target in self.nodes:
            return source, target
        return None

    # What each node becomes -----------------------------------------------------------------------------------

    def _classify(self) -> None:
        nodes = self.nodes
        marked = {n.id for n in nodes.values() if n.type in _SCHEME_TYPES and _marks_relation(n.fields.get(_EXTRAS))}
        # A scheme node that another one aims at must be an argument, so that a relation can end at it.
        aimed = {e.target for e in self.edges if nodes[e.source].type in _SCHEME_TYPES and e.target not in marked}
        has_premise = {e.target for e in self.edges if nodes[e.source].type == "I"}
        has_target = {
            e.source
            for e in self.edges
            if nodes[e.target].type == "I" or (nodes[e.target].type in _SCHEME_TYPES and e.target not in marked)
        }
        for node in nodes.values():
            if node.type == "I":
                node.role = _Role.STATEMENT
                self._read_block(node, _STATEMENT_BLOCK)
            elif node.type not in _SCHEME_TYPES:
                continue
            elif node.id in marked:
                node.role = _Role.MARKED
                self._read_block(node, _RELATION_BLOCK)
            elif node.type == "RA" or node.id in aimed:
                node.role = _Role.ARGUMENT
                self._read_block(node, _ARGUMENT_BLOCK)
            else:
                joins = node.id in has_premise and node.id in has_target
                node.role = _Role.RELATION if joins else _Role.RAW
                if _EXTRAS in node.fields:
                    self.problem("invalid-structure", "argmap's block means nothing on this node", node.where)
        for node in nodes.values():
            for step in node.block.get("steps", ()):
                self._adopt(node, step)
        for node in nodes.values():
            node.element = node.block.get("id", node.id)

    def _read_block(self, node: _Node, shape: ObjectKind) -> None:
        if _EXTRAS in node.fields:
            block = shape.read(node.fields[_EXTRAS], f"{node.where}.{_EXTRAS}", self.problems)
            node.block = block if isinstance(block, dict) else {}

    def _adopt(self, owner: _Node, id: str) -> None:
        """Make the node ``id`` an earlier step of the argument whose node is ``owner``."""
        where = f"{owner.where}.{_EXTRAS}.steps"
        step = self.nodes.get(id)
        if owner.type != "RA":
            self.problem("invalid-structure", "only an RA node lists the steps of its argument", where)
        elif step is None:
            self.problem("dangling-reference", f"the step node {id!r} is not in the document", where)
        elif step.type != "RA" or step.role != _Role.ARGUMENT or step is owner or "steps" in step.block:
            self.problem(
                "invalid-structure", f"the node {id!r} cannot be a step: that takes an RA node of its own", where
            )
        else:
            for key in step.block:
                if key not in ("rules", "step_data"):
                    where = f"{step.where}.{_EXTRAS}.{key}"
                    self.problem("unknown-key", "a step's node carries only rules and step_data", where)
            step.role, step.owner = _Role.STEP, owner.id

    def _connect(self) -> None:
        """Give each edge to the node whose reading takes it in (as a premise or a target), or keep it raw."""
        for edge in self.edges:
            source, target = self.nodes[edge.source], self.nodes[edge.target]
            if _Role.RAW in (source.role, target.role) or source.role == target.role == _Role.STATEMENT:
                self.raw_edges.append(edge)
            elif target.role == _Role.MARKED or source.role == _Role.STATEMENT:
                target.premises.append((edge.position, source.id))
            else:
                source.targets.append((edge.position, target.id))

    def _end(self, id: str, what: str, where: str) -> End | None:
        node = self.nodes[id]
        if node.role == _Role.STEP:
            node = self.nodes[node.owner]
        if node.role == _Role.STATEMENT:
            return ElementType.STATEMENT, node.element
        if node.role == _Role.ARGUMENT:
            return ElementType.ARGUMENT, node.element
        self.problem("invalid-structure", f"{what} is the node {id!r}, neither an I-node nor an argument", where)
        return None

    def _relate(
        self, edges: tuple[int, int], source: End | None, target: End | None, kind: RelationKind, node: Fields | None
    ) -> None:
        if source is not None and target is not None:
            relation = Relation(
                source=source[1], source_type=source[0], target=target[1], target_type=target[0], kind=kind
            )
            self.relations.append((edges, relation, node))

    # Elements -------------------------------------------------------------------------------------------------

    def _data(self, node: _Node, carried: Mapping[str, Any] | None, kept: Fields) -> Fields:
        """An element's data: what argmap's block carried, and the node's own fields under ``"aif"``."""
        data = dict(carried or {})
        if kept:
            if "aif" in data:
                self.problem("invalid-structure", "data['aif'] is both in argmap's block and the node", node.where)
            if self.suspicious:
                check_json_value(kept, node.where, self.problems)
            data["aif"] = kept
        return data

    def _statement(self, node: _Node) -> Statement:
        block = node.block
        return Statement(
            id=node.element,
            text=node.fields["text"],
            tags=block.get("tags", ()),
            quotes=block.get("quotes", ()),
            data=self._data(node, block.get("data"), _split(node.fields, atom=True)[1]),
            section=block.get("section"),
        )

    def _argument(self, node: _Node) -> Argument:
        """An RA node with the steps it lists, or a conflict or rephrase that a scheme node aims at (sketched)."""
        block = node.block
        name, kept = _split(node.fields)
        if "scheme" in block and name is not None:
            self.problem("invalid-structure", "the scheme is both in argmap's block and the node", node.where)
        me: End = (ElementType.ARGUMENT, node.element)
        conclusions = [(i, t) for i, t in node.targets if self.nodes[t].role == _Role.STATEMENT]
        others = [(i, t) for i, t in node.targets if self.nodes[t].role != _Role.STATEMENT]
        steps: list[Inference] = []
        if node.type == "RA" and conclusions:
            steps = [self._step(self.nodes[id], node) for id in block.get("steps", ())]
            steps.append(self._inference(node, conclusions.pop(0)[1], block, {}))
        else:
            for key in ("steps", "rules", "step_data"):
                if key in block:
                    self.problem("invalid-structure", f"{key!r} needs an argument with a conclusion", node.where)
            # The premises of an argument without a conclusion support it.
            for index, premise in node.premises:
                source = self._end(premise, "a premise", node.where)
                self._relate((index, index), source, me, RelationKind.SUPPORT, None)
        for index, id in [*conclusions, *others]:
            target = self._end(id, "a target", node.where)
            kind = _plain_kind(node.type, target[0] if target else ElementType.STATEMENT)
            self._relate((index, index), me, target, kind, None)
        return Argument(
            id=node.element,
            text=block.get("text", ""),
            steps=steps,
            tags=block.get("tags", ()),
            scheme=block.get("scheme", name),
            data=self._data(node, block.get("data"), kept),
            section=block.get("section"),
        )

    def _step(self, node: _Node, owner: _Node) -> Inference:
        if len(node.targets) != 1 or self.nodes[node.targets[0][1]].role != _Role.STATEMENT:
            message = f"the step node {node.id!r} of {owner.id!r} must point to exactly one I-node"
            self.problem("invalid-structure", message, node.where)
            return Inference(premises=(), conclusion="")
        return self._inference(node, node.targets[0][1], node.block, _split(node.fields, scheme=False)[1])

    def _inference(self, node: _Node, conclusion: str, block: Fields, kept: Fields) -> Inference:
        return Inference(
            premises=[self.nodes[id].element for _, id in node.premises],
            conclusion=self.nodes[conclusion].element,
            rules=block.get("rules", ()),
            data=self._data(node, block.get("step_data"), kept),
        )

    def _relations(self, node: _Node) -> None:
        """A conflict or rephrase from an AIF tool: a relation from each premise to each target, each remembering
        the node, so that writing the map back writes the node again.
        """
        for source_index, premise in node.premises:
            source = self._end(premise, "a premise", node.where)
            for target_index, id in node.targets:
                target = self._end(id, "a target", node.where)
                kind = _plain_kind(node.type, target[0] if target else ElementType.STATEMENT)
                self._relate((source_index, target_index), source, target, kind, node.fields)

    def _marked(self, node: _Node) -> None:
        if len(node.premises) != 1 or len(node.targets) != 1:
            counts = f"{len(node.premises)} and {len(node.targets)}"
            self.problem(
                "invalid-structure", f"a relation node needs one edge in and one out, not {counts}", node.where
            )
            return
        kind = node.block.get("kind", RelationKind.ATTACK)  # no kind: the block's problem is already recorded
        if _NODE_TYPE[kind] != node.type:
            message = f"a {kind.value} relation is a {_NODE_TYPE[kind]} node, not {node.type}"
            self.problem("invalid-structure", message, node.where)
        (source_index, source), (target_index, target) = node.premises[0], node.targets[0]
        ends = self._end(source, "the source", node.where), self._end(target, "the target", node.where)
        self._relate((source_index, target_index), *ends, kind, None)

    def _check_kept(self, document: Fields) -> None:
        """Report the values kept as they are that JSON cannot carry back, by their place in the document."""
        for key, value in document.items():
            check_json_value(value, f"$.{key}", self.problems)
        for node in self.nodes.values():
            if node.role in (_Role.RAW, _Role.RELATION):
                check_json_value(node.fields, node.where, self.problems)
        for edge in self.raw_edges:
            check_json_value(edge.fields, f"$.edges[{edge.number}]", self.problems)

    def _metadata(self) -> Fields:
        """The map's metadata, with what the model has no place for under ``"aif"`` (see ``docs/aif.md``)."""
        metadata = dict(self.block.get("metadata", {}))
        document = {key: value for key, value in self.document.items() if key not in ("nodes", "edges", _EXTRAS)}
        if document.get("locutions") == []:
            del document["locutions"]  # argmap writes an empty list anyway
        records = [node for _, _, node in self.relations]
        layer = {
            "document": document,
            "nodes": [node.fields for node in self.nodes.values() if node.role == _Role.RAW],
            "edges": [edge.fields for edge in self.raw_edges],
            "relations": records if any(records) else [],
        }
        layer = {key: value for key, value in layer.items() if value}
        if layer:
            if "aif" in metadata:
                where = f"$.{_EXTRAS}.metadata"
                self.problem("invalid-structure", "metadata['aif'] is both in argmap's block and the document", where)
            if self.suspicious:
                self._check_kept(document)
            metadata["aif"] = layer
        return metadata


def _source_beside(path: str) -> Source | None:
    """The text that an AIFdb map annotates, kept beside it as ``NAME.txt`` in its corpora (only in that folder)."""
    file = Path(path)
    lower = file.name.lower()
    stem = next((file.name[: -len(s)] for s in _SUFFIXES if lower.endswith(s) and len(lower) > len(s)), file.stem)
    text_file = file.with_name(f"{stem}.txt")
    # A link that leads out of the folder is not beside the map.
    if text_file == file or not text_file.is_file() or text_file.resolve().parent != file.parent.resolve():
        return None
    text = read_text(str(text_file))
    return Source(id=stem, text=text, title=text_file.name) if text.strip() else None


def _quoting(statement: Statement, source: Source) -> Statement:
    """The statement quoting the source where its text occurs there verbatim, unless it quotes something already."""
    if statement.quotes or statement.text not in source.text:
        return statement
    return attrs.evolve(statement, quotes=[Quote(source.id, statement.text)])


def _parse(text: str, path: str | None) -> tuple[Any, bool]:
    """The parsed document, and whether it may hold values that JSON cannot carry back."""
    odd: list[str] = []

    def integer(literal: str) -> int | Digits:
        value = parse_int(literal)
        if isinstance(value, Digits):
            odd.append(literal)
        return value

    def constant(literal: str) -> float:
        odd.append(literal)
        return float(literal)

    document = decode(text, path, parse_int=integer, parse_constant=constant)
    # Checking every kept value costs more than reading the whole document, so it is done only where needed.
    return document, bool(odd) or _may_hold_surrogates(text)


def _may_hold_surrogates(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, or a JSON escape that may be one (sometimes a pair, which is fine)."""
    if "\\ud" in text or "\\uD" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from AIF JSON, as AIFdb and OVA export it or as :func:`dumps` writes it.

    I-nodes become statements, RA nodes arguments (with their scheme), CA nodes attacks (undercuts where they aim
    at an RA node) and MA nodes (rephrases) entailments. The dialogue layer and whatever else the model has no place
    for is kept in ``metadata["aif"]``; ``docs/aif.md`` gives the whole mapping. Where ``path`` names a file
    ``NAME.json`` that has a ``NAME.txt`` beside it, as in the AIFdb corpora, that text becomes the map's source,
    quoted by every statement whose text occurs in it verbatim.

    Raises :class:`~argmap.ParseError` (with line and column) for text that is not JSON, and
    :class:`~argmap.MapError` for a document that is not AIF, naming each bad node or edge by its JSON path
    (``$.nodes[3]``): missing or ill-typed ids, unknown node types, edges to unknown nodes, two different nodes with
    one id. The model's own :class:`~argmap.MapError` (an empty text, a text too long) names the element.
    """
    document, suspicious = _parse(text, path)
    return _Reader(document, path, suspicious).read()


# Writing --------------------------------------------------------------------------------------------------------


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
    if not isinstance(document, Mapping) or {"nodes", "edges", _EXTRAS} & set(document):
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


Split = Callable[[Mapping[str, Any]], tuple[str | None, Fields]]


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
            schemes = {str(node.get("nodeID")) for node in self.layer.nodes if node.get("type") in _SCHEME_TYPES}
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
        document[_EXTRAS] = top
        return document

    def _check(self, value: Mapping[str, Any], where: str) -> Fields:
        check_json_value(value, where, self.problems)
        return dict(value)

    def _node(self, id: str, fields: Fields, block: Fields) -> None:
        node = {"nodeID": id, **fields}
        if block:
            node[_EXTRAS] = block
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
        data = _spread(fields, self._check(s.data, f"{where}.data"), lambda node: _split(node, atom=True))
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
        scheme = a.scheme if a.scheme not in _GENERIC else None
        fields: Fields = {"text": scheme or _DEFAULT_LABEL[node_type], "type": node_type}
        if scheme is not None:
            fields["scheme"] = scheme
        data = _spread(fields, self._check(a.data, f"{where}.data"), _split, scheme)
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
        self._node(id, fields, block)
        if a.steps:
            self._step_edges(id, a.steps[-1])

    def _earlier_step(self, step: Inference, where: str) -> str:
        id = self.ids.fresh()
        fields: Fields = {"text": _DEFAULT_LABEL["RA"], "type": "RA"}
        data = _spread(fields, self._check(step.data, f"{where}.data"), lambda node: _split(node, scheme=False))
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
        node_type = _NODE_TYPE[r.kind]
        id = self.ids.fresh()
        self._node(id, {"text": _DEFAULT_LABEL[node_type], "type": node_type}, {"kind": r.kind.value})
        self._edge(source, id)
        self._edge(id, target)

    def _bare(self, r: Relation) -> bool:
        """Whether the reader takes a bare edge from ``r``'s source to its target for ``r`` (``_Reader._argument``)."""
        if r.source_type is ElementType.STATEMENT:
            # The premises of an argument without a conclusion support it.
            return (
                r.kind is RelationKind.SUPPORT
                and r.target_type is ElementType.ARGUMENT
                and not self.m.argument(r.target).steps
            )
        node_type = self.reified.get(r.source)
        if node_type is not None:
            return r.kind is _plain_kind(node_type, r.target_type)
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
            and r.kind is _plain_kind(str(node_type), r.target_type)
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


def _spread(fields: Fields, data: Fields, split: Split, scheme: str | None = None) -> Fields:
    """Write ``data["aif"]`` into a node's ``fields`` where the reader gives exactly it back; return the data that
    argmap's block must carry: the rest, or all of it where those fields would not come back as they are.
    """
    kept = data.get("aif")
    if not isinstance(kept, Mapping) or not kept:
        return data
    # The node's own fields win over what argmap would write (an Araucaria RA node's text "RA", say); where they
    # would change what the node says (its type, its scheme), the reader does not give them back, and they stay.
    node = {"nodeID": "", **fields, **kept}
    if type(node["text"]) is not str or split(node) != (scheme, dict(kept)):
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
