"""argmap: typed argument maps that model the reasoning of a text, check its structure and draw it."""

from .build import MapBuilder, slugify
from .errors import ArgmapError, GraphvizNotFound, MapError, ParseError, Problem, RenderError, UnknownCode, UnknownFormat
from .model import (
    MAX_TEXT_LENGTH,
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Location,
    Quote,
    Relation,
    RelationKind,
    Role,
    Section,
    Source,
    Statement,
)

__all__ = [
    "MAX_TEXT_LENGTH",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "ElementType",
    "GraphvizNotFound",
    "Inference",
    "Location",
    "MapBuilder",
    "MapError",
    "ParseError",
    "Problem",
    "Quote",
    "Relation",
    "RelationKind",
    "RenderError",
    "Role",
    "Section",
    "Source",
    "Statement",
    "UnknownCode",
    "UnknownFormat",
    "slugify",
]
