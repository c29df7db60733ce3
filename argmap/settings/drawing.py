"""The drawing options an Argdown document's own settings ask for (placeholder: the drawing settings come later)."""

from __future__ import annotations

from ..model import ArgumentMap
from ..render.options import DotOptions

__all__ = ["drawing_options"]


def drawing_options(m: ArgumentMap) -> tuple[DotOptions, frozenset[str]]:
    """The options of :func:`~argmap.to_dot` that the settings of ``m`` ask for, and the dotted paths of the settings
    they honour (``"color.tagColors"``, ``"data.color"``...). None yet.
    """
    return {}, frozenset()
