"""OVA's own JSON, the files that the Online Visualisation of Argument tool saves: reading argument maps."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import attrs

from ..errors import MapError, Problem
from ..model import INVALID_CHARACTERS, ArgumentMap, Source
from ._shapes import check_json_value, wrong_type
from ._sources import plain_text, quoting
from .aif.reader import parse, read_document

__all__ = ["loads"]

#: Where a map read from OVA keeps the document's parts other than its nodes and edges.
_LAYER: Final = "ova"


def _id(value: Any, where: str, problems: list[Problem]) -> str | None:
    """A node's id as a string: OVA numbers its nodes."""
    if type(value) is int or type(value) is str:
        return str(value)
    wrong_type("a node id (an integer or a string)", value, where, problems)
    return None


def _nodes(value: Any, problems: list[Problem]) -> list[Any]:
    """OVA's nodes as AIF nodes (``nodeID`` for ``id``, ``schemeID`` for ``scheme``), each in its place, so that
    problems keep their paths.
    """
    if not isinstance(value, list):
        wrong_type("an array of nodes", value, "$.nodes", problems)
        return []
    nodes: list[Any] = []
    for n, node in enumerate(value):
        if isinstance(node, dict) and "id" in node:
            id = _id(node["id"], f"$.nodes[{n}].id", problems)
            # OVA's "scheme" is the number of the scheme in its list, which AIF calls "schemeID" (AIF's "scheme" is
            # the scheme's name, which OVA gives as the node's text).
            fields = {"schemeID" if key == "scheme" else key: item for key, item in node.items() if key != "id"}
            node = {"nodeID": id, **fields}
        elif isinstance(node, dict):
            problems.append(Problem("missing-key", "the key 'id' is missing", path=f"$.nodes[{n}]"))
        nodes.append(node)
    return nodes


def _edges(value: Any, problems: list[Problem]) -> list[Any]:
    """OVA's edges, which hold copies of the nodes they join, as AIF edges between the nodes' ids."""
    if not isinstance(value, list):
        wrong_type("an array of edges", value, "$.edges", problems)
        return []
    edges: list[Any] = []
    for n, edge in enumerate(value):
        where = f"$.edges[{n}]"
        if not isinstance(edge, dict):
            wrong_type("an edge object", edge, where, problems)
            continue
        ends = []
        for key in ("from", "to"):
            end = edge.get(key)
            if not isinstance(end, dict) or "id" not in end:
                message = f"the key {key!r} must hold the node the edge joins, with its 'id'"
                problems.append(Problem("missing-key" if end is None else "wrong-type", message, path=where))
                continue
            ends.append(_id(end["id"], f"{where}.{key}.id", problems))
        if len(ends) == 2:
            edges.append({"edgeID": str(n), "fromID": ends[0], "toID": ends[1]})
    return edges


def _source(analysis: Any) -> Source | None:
    """The text the analysis annotates: OVA keeps it plain (ReCAP's OVA) or as HTML marked up with its nodes."""
    if not isinstance(analysis, Mapping):
        return None
    plain, marked = analysis.get("plain_txt"), analysis.get("txt")
    if isinstance(plain, str) and plain.strip():
        text = INVALID_CHARACTERS.sub(" ", plain)
    else:
        text = plain_text(marked) if isinstance(marked, str) else ""
    if not text.strip():
        return None
    title = analysis.get("documentTitle")
    return Source(id="text", text=text, title=title if isinstance(title, str) else "")


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from OVA's JSON (``nodes`` with ``id``, ``type``, ``text`` and their layout, ``edges`` from node
    to node, ``participants`` and ``analysis``); ``path`` only names the file in errors.

    The nodes are AIF nodes, read as :func:`argmap.formats.aif.loads` reads them: I-nodes become statements, RA
    nodes arguments, CA nodes attacks, MA nodes rephrases. Each node's layout (``x``, ``y``, ``color``,
    ``visible``...) is kept in its element's ``data["aif"]``; the analysed text becomes the map's source, quoted
    by the statements found in it verbatim; the document's other parts are kept in ``metadata["ova"]``.
    """
    document, suspicious = parse(text, path)
    problems: list[Problem] = []
    if not isinstance(document, dict):
        wrong_type("an OVA object with nodes and edges", document, "$", problems)
        raise MapError(problems)
    for key in ("nodes", "edges"):
        if key not in document:
            problems.append(Problem("missing-key", f"an OVA document has the key {key!r}; this one has not", path="$"))
    aif = {"nodes": _nodes(document.get("nodes", []), problems), "edges": _edges(document.get("edges", []), problems)}
    rest = {key: value for key, value in document.items() if key not in ("nodes", "edges")}
    if suspicious:
        check_json_value(rest, "$", problems)
    if problems:
        raise MapError(problems)
    m = read_document(aif, suspicious=suspicious)
    changes: dict[str, Any] = {}
    if rest:
        changes["metadata"] = {**m.metadata, _LAYER: rest}
    source = _source(document.get("analysis"))
    if source is not None:
        changes["sources"] = [source]
        changes["statements"] = quoting(m.statements, source)
    return attrs.evolve(m, **changes) if changes else m
