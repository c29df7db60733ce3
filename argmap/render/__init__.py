"""Diagrams of argument maps: DOT graphs (:mod:`.dot`), the files Graphviz makes of them (:mod:`.files`), and
Mermaid flowcharts (:mod:`.mermaid`).
"""

from .dot import dot_source, to_dot
from .files import DIAGRAM_FORMATS, pipe, render
from .options import DEFAULT_SHOW, DIRECTIONS, SHOW, VIEWS, DotOptions
from .theme import THEMES, Theme

__all__ = [
    "DEFAULT_SHOW",
    "DIAGRAM_FORMATS",
    "DIRECTIONS",
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
