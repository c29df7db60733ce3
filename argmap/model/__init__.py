"""The immutable argument-map model: statements, arguments, relations and the map that holds them."""

from ..errors import Location
from .elements import Argument, ArgumentMap, Inference, Quote, Relation, Section, Source, Statement
from .kinds import ElementType, RelationKind, Role
from .validation import INVALID_CHARACTERS, INVALID_IN_NAMES, MAX_NAME_LENGTH, box_size

__all__ = [
    "INVALID_CHARACTERS",
    "INVALID_IN_NAMES",
    "MAX_NAME_LENGTH",
    "Argument",
    "ArgumentMap",
    "ElementType",
    "Inference",
    "Location",
    "Quote",
    "Relation",
    "RelationKind",
    "Role",
    "Section",
    "Source",
    "Statement",
    "box_size",
]
