"""Diagrams of argument maps: DOT graphs (:mod:`.dot`) and the files Graphviz makes of them (:mod:`.files`)."""

from .dot import DEFAULT_SHOW, DIRECTIONS, SHOW, THEMES, VIEWS, DotOptions, Theme, dot_source, to_dot
from .files import FORMATS, pipe, render

__all__ = [
    "DEFAULT_SHOW",
    "DIRECTIONS",
    "FORMATS",
    "SHOW",
    "THEMES",
    "VIEWS",
    "DotOptions",
    "Theme",
    "dot_source",
    "pipe",
    "render",
    "to_dot",
]
