"""GraphML, the XML format of graph editors such as yEd and Gephi: writing argument maps as graphs."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from ..model import ArgumentMap, ElementType

if TYPE_CHECKING:
    from ..evaluate import Labelling

__all__ = ["KEYS", "dumps", "escape"]

#: The attributes written, as (id, for, name): the node's ``kind`` is ``statement`` or ``argument``, the edge's a
#: relation kind or ``premise``/``conclusion`` (a step of an argument); ``unused_premises`` is a JSON array of
#: statement ids; ``status`` only with a labelling.
KEYS: Final = (
    ("title", "graph", "title"),
    ("n_label", "node", "label"),
    ("n_kind", "node", "kind"),
    ("n_id", "node", "id"),
    ("n_text", "node", "text"),
    ("n_role", "node", "role"),
    ("n_tags", "node", "tags"),
    ("n_section", "node", "section"),
    ("n_scheme", "node", "scheme"),
    ("n_unused_premises", "node", "unused_premises"),
    ("n_status", "node", "status"),
    ("e_kind", "edge", "kind"),
    ("e_step", "edge", "step"),
    ("e_rules", "edge", "rules"),
)
_NUMBERS: Final = frozenset({"e_step"})
# yEd draws a node or an edge from its yFiles graphics, and shows nothing for plain GraphML: each element carries
# them too (other tools skip them). Statements are rounded boxes and arguments filled ones, as argmap draws them.
_NODE_STYLE: Final = {"statement": ("roundrectangle", "#FFFFFF"), "argument": ("rectangle", "#DCE8F5")}
_EDGE_STYLE: Final = {
    "support": ("#2E7D32", "line"),
    "entails": ("#2E7D32", "line"),
    "attack": ("#C62828", "line"),
    "contrary": ("#C62828", "line"),
    "contradiction": ("#C62828", "line"),
    "undercut": ("#C62828", "dashed"),
    "premise": ("#555555", "line"),
    "conclusion": ("#555555", "line"),
}
_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"}
_ESCAPES: Final = str.maketrans(_ENTITIES)


def escape(text: str) -> str:
    """``text`` made safe inside an XML element or a quoted attribute: the one way user text enters GraphML.

    A carriage return is written as a character reference, which XML keeps, where a raw one would become a line
    feed. (The model admits no character that XML forbids.)
    """
    return text.translate(_ESCAPES)


def _data(key: str, value: str) -> str:
    return f'<data key="{key}">{escape(value)}</data>' if value else ""


def _node_graphics(kind: str, label: str) -> str:
    shape, fill = _NODE_STYLE[kind]
    return (
        '<data key="n_graphics"><y:ShapeNode><y:Geometry height="60.0" width="220.0"/>'
        f'<y:Fill color="{fill}"/><y:NodeLabel>{escape(label)}</y:NodeLabel>'
        f'<y:Shape type="{shape}"/></y:ShapeNode></data>'
    )


def _edge_graphics(kind: str) -> str:
    colour, line = _EDGE_STYLE[kind]
    # A contradiction holds both ways, and is drawn with a head at each end.
    source = "standard" if kind == "contradiction" else "none"
    return (
        f'<data key="e_graphics"><y:PolyLineEdge><y:LineStyle color="{colour}" type="{line}" width="1.5"/>'
        f'<y:Arrows source="{source}" target="standard"/></y:PolyLineEdge></data>'
    )


def _lines(m: ArgumentMap, labelling: Labelling | None) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    )
    for id, domain, name in KEYS:
        if id != "n_status" or labelling is not None:
            type = "int" if id in _NUMBERS else "string"
            yield f'  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{type}"/>'
    yield '  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>'
    yield '  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>'
    yield '  <graph id="G" edgedefault="directed">'
    if m.title:
        yield f"    {_data('title', m.title)}"
    nodes: dict[tuple[ElementType, str], str] = {}
    for n, s in enumerate(m.statements):
        node = nodes[ElementType.STATEMENT, s.id] = f"s{n}"
        status = labelling.statements.get(s.id) if labelling is not None else None
        attributes = [
            ("n_label", s.text),
            ("n_kind", "statement"),
            ("n_id", s.id),
            ("n_text", s.text),
            ("n_role", m.role(s.id).value),
            ("n_tags", " ".join(s.tags)),
            ("n_section", s.section or ""),
            ("n_status", status.value if status is not None else ""),
        ]
        graphics = _node_graphics("statement", s.text)
        yield f'    <node id="{node}">{"".join(_data(k, v) for k, v in attributes)}{graphics}</node>'
    for n, a in enumerate(m.arguments):
        node = nodes[ElementType.ARGUMENT, a.id] = f"a{n}"
        status = labelling.arguments.get(a.id) if labelling is not None else None
        attributes = [
            ("n_label", a.id),
            ("n_kind", "argument"),
            ("n_id", a.id),
            ("n_text", a.text),
            ("n_tags", " ".join(a.tags)),
            ("n_section", a.section or ""),
            ("n_scheme", a.scheme or ""),
            # A JSON array, not a space-separated list like the tags: an id may hold spaces, and the premises must
            # be told apart to be found again.
            ("n_unused_premises", json.dumps(a.unused_premises, ensure_ascii=False) if a.unused_premises else ""),
            ("n_status", status.value if status is not None else ""),
        ]
        graphics = _node_graphics("argument", a.id)
        yield f'    <node id="{node}">{"".join(_data(k, v) for k, v in attributes)}{graphics}</node>'
    edges = 0
    for a in m.arguments:
        argument = nodes[ElementType.ARGUMENT, a.id]
        for number, step in enumerate(a.steps, 1):
            rules = _data("e_rules", ", ".join(step.rules))
            ends = [(nodes[ElementType.STATEMENT, p], argument, "premise") for p in step.premises]
            ends.append((argument, nodes[ElementType.STATEMENT, step.conclusion], "conclusion"))
            for source, target, kind in ends:
                step_data = f'<data key="e_step">{number}</data>'
                yield (
                    f'    <edge id="e{edges}" source="{source}" target="{target}">'
                    f"{_data('e_kind', kind)}{step_data}{rules}{_edge_graphics(kind)}</edge>"
                )
                edges += 1
    for r in m.relations:
        source, target = nodes[r.source_type, r.source], nodes[r.target_type, r.target]
        kind = r.kind.value
        yield (
            f'    <edge id="e{edges}" source="{source}" target="{target}">'
            f"{_data('e_kind', kind)}{_edge_graphics(kind)}</edge>"
        )
        edges += 1
    yield "  </graph>"
    yield "</graphml>"


def dumps(m: ArgumentMap, *, labelling: Labelling | None = None) -> str:
    """Write a map as GraphML: a node per statement and per argument, an edge per relation and per premise and
    conclusion of each argument's steps, with labels, kinds, roles, tags, sections, schemes and unused premises as
    attributes declared by ``<key>`` elements (:data:`KEYS`); with a ``labelling`` (from :func:`argmap.evaluate`),
    each node's status too. Node ids are generated (``s0``, ``a0``...); the map's ids are the ``id`` attribute.

    Each node and edge also carries yEd's graphics (a labelled box, a coloured line), so that yEd shows the map as
    it opens it (then *Layout > Hierarchical* lays it out); Gephi, Cytoscape and NetworkX's ``read_graphml`` read
    the attributes and skip the graphics. The output is the same, byte for byte, on every run.
    """
    return "\n".join(_lines(m, labelling)) + "\n"
