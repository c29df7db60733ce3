"""argmap: typed argument maps that model the reasoning of a text, check its structure and draw it."""

from .af import Framework, Label
from .build import MapBuilder, slugify
from .catalogue import CATALOGUE, CheckInfo, Severity, explain
from .check import Diagnostic, check
from .errors import (
    ArgmapError,
    GraphvizNotFound,
    MapError,
    OptionError,
    ParseError,
    Problem,
    RenderError,
    SearchLimit,
    UnknownCode,
    UnknownFormat,
)
from .evaluate import Labelling, NoLabelling, Origin, evaluate, evaluate_all, to_framework
from .formats import dump, dumps, load, loads
from .formats.json_schema import json_schema
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
from .render import THEMES, VIEWS, Theme, pipe, render, to_dot
from .schemes import SCHEMES, Scheme, find_scheme

__all__ = [
    "CATALOGUE",
    "MAX_TEXT_LENGTH",
    "SCHEMES",
    "THEMES",
    "VIEWS",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "CheckInfo",
    "Diagnostic",
    "ElementType",
    "Framework",
    "GraphvizNotFound",
    "Inference",
    "Label",
    "Labelling",
    "Location",
    "MapBuilder",
    "MapError",
    "NoLabelling",
    "OptionError",
    "Origin",
    "ParseError",
    "Problem",
    "Quote",
    "Relation",
    "RelationKind",
    "RenderError",
    "Role",
    "Scheme",
    "SearchLimit",
    "Section",
    "Severity",
    "Source",
    "Statement",
    "Theme",
    "UnknownCode",
    "UnknownFormat",
    "check",
    "dump",
    "dumps",
    "evaluate",
    "evaluate_all",
    "explain",
    "find_scheme",
    "json_schema",
    "load",
    "loads",
    "pipe",
    "render",
    "slugify",
    "to_dot",
    "to_framework",
]
