"""GraphML, the XML format of graph editors such as yEd and Gephi: writing argument maps as graphs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from ..model import ArgumentMap, ElementType

if TYPE_CHECKING:
    from ..evaluate import Labelling

__all__ = ["KEYS", "dumps", "escape"]

#: The attributes written, as (id, for, name): the node's ``kind`` is ``statement`` or ``argument``, the edge's a
#: relation kind or ``premise``/``conclusion`` (a step of an argument); ``status`` only with a labelling.
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
    ("n_status", "node", "status"),
    ("e_kind", "edge", "kind"),
    ("e_step", "edge", "step"),
    ("e_rules", "edge", "rules"),
)
_NUMBERS: Final = frozenset({"e_step"})
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


def _lines(m: ArgumentMap, labelling: Labelling | None) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
    )
    for id, domain, name in KEYS:
        if id != "n_status" or labelling is not None:
            type = "int" if id in _NUMBERS else "string"
            yield f'  <key id="{id}" for="{domain}" attr.name="{name}" attr.type="{type}"/>'
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
        yield f'    <node id="{node}">{"".join(_data(k, v) for k, v in attributes)}</node>'
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
            ("n_status", status.value if status is not None else ""),
        ]
        yield f'    <node id="{node}">{"".join(_data(k, v) for k, v in attributes)}</node>'
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
                    f"{_data('e_kind', kind)}{step_data}{rules}</edge>"
                )
                edges += 1
    for r in m.relations:
        source, target = nodes[r.source_type, r.source], nodes[r.target_type, r.target]
        yield f'    <edge id="e{edges}" source="{source}" target="{target}">{_data("e_kind", r.kind.value)}</edge>'
        edges += 1
    yield "  </graph>"
    yield "</graphml>"


def dumps(m: ArgumentMap, *, labelling: Labelling | None = None) -> str:
    """Write a map as GraphML: a node per statement and per argument, an edge per relation and per premise and
    conclusion of each argument's steps, with labels, kinds, roles, tags, sections and schemes as attributes
    declared by ``<key>`` elements (:data:`KEYS`); with a ``labelling`` (from :func:`argmap.evaluate`), each node's
    status too. Node ids are generated (``s0``, ``a0``...); the map's ids are the ``id`` attribute.

    yEd, Gephi, Cytoscape and NetworkX's ``read_graphml`` open it; in yEd, *Edit > Properties Mapper* shows the
    ``label`` attribute on the nodes. The output is the same, byte for byte, on every run.
    """
    return "\n".join(_lines(m, labelling)) + "\n"
