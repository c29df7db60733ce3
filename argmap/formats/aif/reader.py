"""Reading AIF JSON, as AIFdb and OVA export it or as argmap writes it, into argument maps."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs

from ..._io import SOURCE_FILE, read_legacy_text, read_text
from ...errors import Problem
from ...model import (
    INVALID_CHARACTERS,
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Quote,
    Relation,
    RelationKind,
    Source,
    Statement,
)
from ...quotes import VerbatimText
from .._problems import ProblemCollector
from .._shapes import (
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
    json_type,
    parse_int,
    show,
    wrong_type,
)
from .vocabulary import (
    EXTRAS,
    NODE_TYPES,
    RELATION_NODE_TYPE,
    SCHEME_TYPES,
    VERSION,
    Fields,
    plain_kind,
    split_node,
)

__all__ = ["load", "loads", "parse", "read_document"]

# Suffixes of AIF files; the source text of ``NAME.json`` is ``NAME.txt`` beside it.
_SUFFIXES: Final = (".aif.json", ".json", ".aif")


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
        problems.append(Problem("unsupported-version", message, path=where))
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
    *_ELEMENT_FIELDS,
    Field("text", STRING),
    Field("scheme", STRING),
    Field("steps", _NodeIds()),
    Field("unused_premises", _NodeIds()),
    *_STEP_FIELDS,
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
        and fields.get("type") in NODE_TYPES
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


# What the nodes become -----------------------------------------------------------------------------------------


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


# One end of a relation: the element type and id.
_End = tuple[ElementType, str]


class _Reader(ProblemCollector):
    """Reads one parsed document; problems are collected, then raised together."""

    def __init__(self, document: Any, suspicious: bool, file: str | None = None) -> None:
        super().__init__()
        self.document = document
        # The file read, where the text it annotates may stand beside it.
        self.file = file
        # Whether the document may hold values JSON cannot carry back, so that what is kept must be checked.
        self.suspicious = suspicious
        self.block: Fields = {}
        self.nodes: dict[str, _Node] = {}
        self.edges: list[_Edge] = []
        self.raw_edges: list[_Edge] = []
        # Each relation with the indexes of its edges, which order the relations, and the node it came from.
        self.relations: list[tuple[tuple[int, int], Relation, Fields | None]] = []

    def read(self) -> ArgumentMap:
        if not isinstance(self.document, dict):
            wrong_type("an AIF object with nodes and edges", self.document, "$", self.problems)
            self.stop_on_problems()
        nodes, edges = self._array("nodes"), self._array("edges")
        if EXTRAS in self.document:
            block = _DOCUMENT_BLOCK.read(self.document[EXTRAS], f"$.{EXTRAS}", self.problems)
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
        beside, note = (None, None)
        if self.file is not None and EXTRAS not in self.document:
            beside, note = _source_beside(self.file)
        if note is not None:
            metadata[SOURCE_FILE] = note
        if beside is not None:
            sources.append(beside)
            verbatim = VerbatimText(beside.text)
            statements = [_quoting(s, beside, verbatim) for s in statements]
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
            elif node_type not in NODE_TYPES:
                shown = show(node_type) if type(node_type) is str else json_type(node_type)
                self.problem("invalid-value", f"unknown node type {shown}; AIF has {', '.join(NODE_TYPES)}", where)
            if "text" in fields and type(text) is not str:
                wrong_type("a string", text, f"{where}.text", self.problems)
            elif node_type == "I" and "text" not in fields:
                self.problem("missing-key", f"the I-node {id!r} has no 'text'", where)
            if id is not None and node_type in NODE_TYPES:
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
        marked = {n.id for n in nodes.values() if n.type in SCHEME_TYPES and _marks_relation(n.fields.get(EXTRAS))}
        # A scheme node that another one aims at must be an argument, so that a relation can end at it.
        aimed = {e.target for e in self.edges if nodes[e.source].type in SCHEME_TYPES and e.target not in marked}
        has_premise = {e.target for e in self.edges if nodes[e.source].type == "I"}
        has_target = {
            e.source
            for e in self.edges
            if nodes[e.target].type == "I" or (nodes[e.target].type in SCHEME_TYPES and e.target not in marked)
        }
        for node in nodes.values():
            if node.type == "I":
                node.role = _Role.STATEMENT
                self._read_block(node, _STATEMENT_BLOCK)
            elif node.type not in SCHEME_TYPES:
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
                if EXTRAS in node.fields:
                    self.problem("invalid-structure", "argmap's block means nothing on this node", node.where)
        for node in nodes.values():
            for step in node.block.get("steps", ()):
                self._adopt(node, step)
        for node in nodes.values():
            node.element = node.block.get("id", node.id)

    def _read_block(self, node: _Node, shape: ObjectKind) -> None:
        if EXTRAS in node.fields:
            block = shape.read(node.fields[EXTRAS], f"{node.where}.{EXTRAS}", self.problems)
            node.block = block if isinstance(block, dict) else {}

    def _adopt(self, owner: _Node, id: str) -> None:
        """Make the node ``id`` an earlier step of the argument whose node is ``owner``."""
        where = f"{owner.where}.{EXTRAS}.steps"
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
                    where = f"{step.where}.{EXTRAS}.{key}"
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

    def _end(self, id: str, what: str, where: str) -> _End | None:
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
        self, edges: tuple[int, int], source: _End | None, target: _End | None, kind: RelationKind, node: Fields | None
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
            data=self._data(node, block.get("data"), split_node(node.fields, atom=True)[1]),
            section=block.get("section"),
        )

    def _argument(self, node: _Node) -> Argument:
        """An RA node with the steps it lists, or a conflict or rephrase that a scheme node aims at (sketched)."""
        block = node.block
        name, kept = split_node(node.fields)
        if "scheme" in block and name is not None:
            self.problem("invalid-structure", "the scheme is both in argmap's block and the node", node.where)
        me: _End = (ElementType.ARGUMENT, node.element)
        conclusions = [(i, t) for i, t in node.targets if self.nodes[t].role == _Role.STATEMENT]
        others = [(i, t) for i, t in node.targets if self.nodes[t].role != _Role.STATEMENT]
        steps: list[Inference] = []
        if node.type == "RA" and conclusions:
            steps = [self._step(self.nodes[id], node) for id in block.get("steps", ())]
            steps.append(self._inference(node, conclusions.pop(0)[1], block, {}))
        else:
            for key in ("steps", "unused_premises", "rules", "step_data"):
                if key in block:
                    self.problem("invalid-structure", f"{key!r} needs an argument with a conclusion", node.where)
            # The premises of an argument without a conclusion support it.
            for index, premise in node.premises:
                source = self._end(premise, "a premise", node.where)
                self._relate((index, index), source, me, RelationKind.SUPPORT, None)
        for index, id in [*conclusions, *others]:
            target = self._end(id, "a target", node.where)
            kind = plain_kind(node.type, target[0] if target else ElementType.STATEMENT)
            self._relate((index, index), me, target, kind, None)
        return Argument(
            id=node.element,
            text=block.get("text", ""),
            steps=steps,
            unused_premises=[self._unused(id, node) for id in block.get("unused_premises", ())],
            tags=block.get("tags", ()),
            scheme=block.get("scheme", name),
            data=self._data(node, block.get("data"), kept),
            section=block.get("section"),
        )

    def _unused(self, id: str, owner: _Node) -> str:
        """The statement of the I-node ``id`` that the argument of ``owner`` lists as an unused premise."""
        node = self.nodes.get(id)
        if node is None or node.role != _Role.STATEMENT:
            message = f"the unused premise {id!r} of {owner.id!r} must be an I-node of the document"
            self.problem("dangling-reference", message, f"{owner.where}.{EXTRAS}.unused_premises")
            return id
        return node.element

    def _step(self, node: _Node, owner: _Node) -> Inference:
        if len(node.targets) != 1 or self.nodes[node.targets[0][1]].role != _Role.STATEMENT:
            message = f"the step node {node.id!r} of {owner.id!r} must point to exactly one I-node"
            self.problem("invalid-structure", message, node.where)
            return Inference(premises=(), conclusion="")
        return self._inference(node, node.targets[0][1], node.block, split_node(node.fields, scheme=False)[1])

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
                kind = plain_kind(node.type, target[0] if target else ElementType.STATEMENT)
                self._relate((source_index, target_index), source, target, kind, node.fields)

    def _marked(self, node: _Node) -> None:
        if len(node.premises) != 1 or len(node.targets) != 1:
            counts = f"{len(node.premises)} and {len(node.targets)}"
            self.problem(
                "invalid-structure", f"a relation node needs one edge in and one out, not {counts}", node.where
            )
            return
        kind = node.block.get("kind", RelationKind.ATTACK)  # no kind: the block's problem is already recorded
        if RELATION_NODE_TYPE[kind] != node.type:
            message = f"a {kind.value} relation is a {RELATION_NODE_TYPE[kind]} node, not {node.type}"
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
        document = {key: value for key, value in self.document.items() if key not in ("nodes", "edges", EXTRAS)}
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
                where = f"$.{EXTRAS}.metadata"
                self.problem("invalid-structure", "metadata['aif'] is both in argmap's block and the document", where)
            if self.suspicious:
                self._check_kept(document)
            metadata["aif"] = layer
        return metadata


def _source_beside(path: str) -> tuple[Source | None, dict[str, object] | None]:
    """The text that an AIFdb map annotates, kept beside it as ``NAME.txt`` in its corpora (only in that folder),
    and the note kept under ``metadata[SOURCE_FILE]`` where that file is not UTF-8.
    """
    file = Path(path)
    lower = file.name.lower()
    stem = next((file.name[: -len(s)] for s in _SUFFIXES if lower.endswith(s) and len(lower) > len(s)), file.stem)
    text_file = file.with_name(f"{stem}.txt")
    # A link that leads out of the folder is not beside the map.
    if text_file == file or not text_file.is_file() or text_file.resolve().parent != file.parent.resolve():
        return None, None
    # The text is optional, so it never makes the map unreadable: a file in neither encoding is left out, with the
    # note, and characters a map's text cannot hold (a form feed, say) become spaces.
    text, note = read_legacy_text(text_file)
    if text is None:
        return None, note
    notes = ["read as Windows-1252"] if note is not None else []
    cleaned = INVALID_CHARACTERS.sub(" ", text)
    if cleaned != text:
        notes.append("characters a map cannot hold made spaces")
    title = f"{text_file.name} ({'; '.join(notes)})" if notes else text_file.name
    return (Source(id=stem, text=cleaned, title=title) if cleaned.strip() else None), note


def _quoting(statement: Statement, source: Source, verbatim: VerbatimText) -> Statement:
    """The statement quoting the source where its text occurs there verbatim, unless it quotes something already."""
    if statement.quotes or statement.text not in verbatim:
        return statement
    return attrs.evolve(statement, quotes=[Quote(source.id, statement.text)])


def parse(text: str, path: str | None = None) -> tuple[Any, bool]:
    """``text`` parsed as JSON, and whether it may hold values that JSON cannot carry back (a lone surrogate, an
    integer too long, ``NaN``), which :func:`read_document` must then check; bad JSON is a located
    :class:`~argmap.ParseError`. Formats that wrap an AIF document (xAIF) parse with this.
    """
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
    """Read a map from AIF JSON, as AIFdb and OVA export it or as :func:`~argmap.formats.aif.dumps` writes it;
    ``path`` only names the file in errors.

    I-nodes become statements, RA nodes arguments (with their scheme), CA nodes attacks (undercuts where they aim
    at an RA node) and MA nodes (rephrases) entailments. The dialogue layer and whatever else the model has no place
    for is kept in ``metadata["aif"]``; ``docs/aif.md`` gives the whole mapping.

    Raises :class:`~argmap.ParseError` (with line and column) for text that is not JSON, and
    :class:`~argmap.MapError` for a document that is not AIF, naming each bad node or edge by its JSON path
    (``$.nodes[3]``): missing or ill-typed ids, unknown node types, edges to unknown nodes, two different nodes with
    one id. The model's own :class:`~argmap.MapError` (an empty text, a control character) names the element.
    """
    document, suspicious = parse(text, path)
    return _Reader(document, suspicious).read()


def read_document(document: Any, *, suspicious: bool = True) -> ArgumentMap:
    """Read a map from an AIF document already parsed by :func:`parse` (``suspicious`` as it returned), as
    :func:`loads` reads it from text: for formats that carry an AIF document inside their own (xAIF, OVA).
    """
    return _Reader(document, suspicious).read()


def load(path: str | os.PathLike[str]) -> ArgumentMap:
    """Read a map from an AIF file, as :func:`loads` reads its text; where the file ``NAME.json`` has a
    ``NAME.txt`` beside it, as in the AIFdb corpora, that text becomes the map's source, quoted by every statement
    whose text occurs in it verbatim (unless argmap wrote the file, which then carries its own sources).

    :func:`argmap.load` reads AIF files with this, and names the file in every error.
    """
    file = os.fspath(path)
    document, suspicious = parse(read_text(file), file)
    return _Reader(document, suspicious, file).read()
