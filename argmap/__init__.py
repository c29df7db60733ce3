"""argmap: typed argument maps that model the reasoning of a text, check its structure and draw it."""

import sys
import types
from typing import TYPE_CHECKING

from . import _display  # noqa: F401  (installs the map's display hook for notebooks)
from ._lazy import lazy_names
from .errors import (
    ArgmapError,
    GraphvizNotFound,
    MapError,
    NoLabelling,
    OptionError,
    ParseError,
    Problem,
    RenderError,
    SearchLimit,
    Subject,
    UnknownCode,
    UnknownFormat,
)
from .formats import dump, dumps, load, loads
from .model import (
    MAX_NAME_LENGTH,
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

if TYPE_CHECKING:
    from .af import Framework, Label
    from .build import MapBuilder, slugify
    from .catalogue import CATALOGUE, CheckInfo, Severity, explain
    from .check import Diagnostic, Diagnostics, check
    from .evaluate import (
        DRAWING_TIMEOUT,
        Acceptance,
        Labelling,
        Origin,
        acceptance,
        evaluate,
        evaluate_all,
        evaluate_for_drawing,
        to_framework,
    )
    from .formats.json_schema import json_schema
    from .formats.networkx import from_networkx, to_networkx
    from .jupyter import show
    from .render import THEMES, VIEWS, Theme, pipe, render, to_dot
    from .schemes import SCHEMES, Scheme, find_scheme
    from .selection import select, without
    from .strength import Strengths, strength

#: The rest of the public names, by the module that defines them: each module is imported when one of its names is
#: first asked for, so that a command (or a program) pays only for what it uses. Checking, evaluation, drawing and
#: the schemes each cost their import only where they run.
_LAZY = {
    **dict.fromkeys(("Framework", "Label"), "af"),
    **dict.fromkeys(("MapBuilder", "slugify"), "build"),
    **dict.fromkeys(("CATALOGUE", "CheckInfo", "Severity", "explain"), "catalogue"),
    **dict.fromkeys(("Diagnostic", "Diagnostics", "check"), "check"),
    **dict.fromkeys(
        (
            "DRAWING_TIMEOUT",
            "Acceptance",
            "Labelling",
            "Origin",
            "acceptance",
            "evaluate",
            "evaluate_all",
            "evaluate_for_drawing",
            "evaluate_for_drawing",
            "to_framework",
        ),
        "evaluate",
    ),
    "json_schema": "formats.json_schema",
    "show": "jupyter",
    **dict.fromkeys(("THEMES", "VIEWS", "Theme", "pipe", "render", "to_dot"), "render"),
    **dict.fromkeys(("SCHEMES", "Scheme", "find_scheme"), "schemes"),
    **dict.fromkeys(("select", "without"), "selection"),
    **dict.fromkeys(("Strengths", "strength"), "strength"),
    **dict.fromkeys(("from_networkx", "to_networkx"), "formats.networkx"),
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


class _Package(types.ModuleType):
    """The ``argmap`` module, which keeps its functions ``check``, ``evaluate``, ``render`` and ``strength`` when the
    modules of those names load: the import system would otherwise bind each submodule to the package's attribute of
    its name.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and name in _LAZY and name == _LAZY[name]:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

__all__ = [
    "CATALOGUE",
    "DRAWING_TIMEOUT",
    "MAX_NAME_LENGTH",
    "SCHEMES",
    "THEMES",
    "VIEWS",
    "Acceptance",
    "ArgmapError",
    "Argument",
    "ArgumentMap",
    "CheckInfo",
    "Diagnostic",
    "Diagnostics",
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
    "Strengths",
    "Subject",
    "Theme",
    "UnknownCode",
    "UnknownFormat",
    "acceptance",
    "check",
    "dump",
    "dumps",
    "evaluate",
    "evaluate_all",
    "evaluate_for_drawing",
    "explain",
    "find_scheme",
    "from_networkx",
    "json_schema",
    "load",
    "loads",
    "pipe",
    "render",
    "select",
    "show",
    "slugify",
    "strength",
    "to_dot",
    "to_framework",
    "to_networkx",
    "without",
]
