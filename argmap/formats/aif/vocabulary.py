"""The vocabulary of AIF as argmap reads and writes it: node types, scheme names, argmap's blocks, and the rules
that the reader and the writer share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ...model import ElementType, RelationKind

__all__ = [
    "DEFAULT_LABEL",
    "EXTRAS",
    "GENERIC",
    "NODE_TYPES",
    "RELATION_NODE_TYPE",
    "SCHEME_TYPES",
    "VERSION",
    "Fields",
    "plain_kind",
    "split_node",
]

#: The version of argmap's own block (the key ``"argmap"``) in an AIF document; a reader refuses any other.
VERSION: Final = 1

#: The key of argmap's blocks, on the document and on nodes: what AIF cannot say, which AIF tools ignore.
EXTRAS: Final = "argmap"
#: The node types of AIF.
NODE_TYPES: Final = ("I", "RA", "CA", "MA", "PA", "L", "TA", "YA")
#: The scheme nodes that argmap reads: inference (RA), conflict (CA) and rephrase (MA).
SCHEME_TYPES: Final = frozenset({"RA", "CA", "MA"})
#: What AIFdb and OVA call a scheme node of each type when no particular scheme applies.
DEFAULT_LABEL: Final = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
#: Node texts and scheme names that name no scheme: the bare node types (Araucaria) and the defaults (OVA).
GENERIC: Final = frozenset({"", *SCHEME_TYPES, *DEFAULT_LABEL.values()})
#: The scheme node that stands for a relation of each kind when argmap writes one.
RELATION_NODE_TYPE: Final = {
    kind: "RA" if kind is RelationKind.SUPPORT else "MA" if kind is RelationKind.ENTAILS else "CA"
    for kind in RelationKind
}

#: A node's fields, or another JSON object of a document.
Fields = dict[str, Any]


def plain_kind(node_type: str, target: ElementType) -> RelationKind:
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
    return name if type(name) is str and name not in GENERIC else None


def split_node(node: Mapping[str, Any], *, atom: bool = False, scheme: bool = True) -> tuple[str | None, Fields]:
    """A node's scheme (unless ``scheme`` is false), and the fields its element keeps in ``data["aif"]``.

    An I-node (``atom``) keeps every field but its id, text and type. A scheme node keeps its text unless that is
    the label argmap writes anyway (the scheme's name, or the default label of its type), its ``scheme`` field
    unless that became the argument's scheme, and its type unless it is RA. The reader and the writer both use
    this, so that what one keeps the other writes back.
    """
    if atom:
        return None, {key: value for key, value in node.items() if key not in ("nodeID", "text", "type", EXTRAS)}
    name = _scheme_of(node) if scheme else None
    label = name if name is not None else DEFAULT_LABEL.get(str(node.get("type")), "")
    kept = {
        key: value
        for key, value in node.items()
        if key not in ("nodeID", EXTRAS)
        and not (key == "type" and value == "RA")
        and not (key == "scheme" and name is not None)
        and not (key == "text" and value == label)
    }
    return name, kept
