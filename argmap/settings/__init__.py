"""The drawing an Argdown author asked for in the document: its settings applied, and those argmap cannot honour."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from ..errors import Subject
from ..model import ArgumentMap, Statement
from .found import READER_HONOURS, Unhonoured, element_settings, frontmatter_settings, located

if TYPE_CHECKING:
    from ..render.options import DotOptions

# The modules that apply settings (drawing, selection, and the renderer's options behind them) are imported by the
# functions that need them: argmap check asks has_settings first, and a map without settings loads none of them.

__all__ = ["Settings", "Unhonoured", "has_settings", "settings_of", "unhonoured_settings"]

_NOT_HONOURED = "argmap draws as if it were not there"


@attrs.frozen(kw_only=True)
class Settings:
    """What the settings of a map read from Argdown ask for: the ``part`` of the map to draw (after ``selection``
    and ``isInMap``), the ``options`` of :func:`~argmap.to_dot` they ask for, and each setting that argmap leaves
    out (``unhonoured``), which :func:`argmap.check` reports as ``unhonoured-setting``.
    """

    #: The map to draw: the whole map, or the part its selection settings choose.
    part: ArgumentMap
    #: The keyword options of :func:`~argmap.to_dot` that the settings ask for.
    options: DotOptions
    #: Each setting of the document that argmap leaves out, frontmatter first, then elements in map order.
    unhonoured: tuple[Unhonoured, ...]


def settings_of(m: ArgumentMap) -> Settings:
    """The settings of ``m`` (its metadata, read from an Argdown document's frontmatter, and its elements' data)
    applied: a map without selection settings is its own part, and one without settings has no options. The
    options are worked out on the whole map, so that a tag has the same colour in every part drawn of it (the
    renderers pass over options for elements that a part leaves out).
    """
    from .drawing import drawing_options
    from .selection import Selection, has_selection, selection_part

    options, drawn = drawing_options(m)
    selection, problems = Selection.of(m)
    part = selection_part(m, selection) if has_selection(m) else m
    return Settings(part=part, options=options, unhonoured=(*problems, *_unhonoured(m, drawn)))


def unhonoured_settings(m: ArgumentMap) -> tuple[Unhonoured, ...]:
    """The settings of ``m`` that argmap leaves out (as :attr:`Settings.unhonoured`), without applying the rest."""
    from .drawing import drawing_options
    from .selection import Selection

    return (*Selection.of(m)[1], *_unhonoured(m, drawing_options(m)[1]))


def has_settings(m: ArgumentMap) -> bool:
    """Whether ``m`` holds any of Argdown's settings, in its metadata or its elements' data."""
    return next(frontmatter_settings(m, ()), None) is not None or next(element_settings(m), None) is not None


def _unhonoured(m: ArgumentMap, drawn: frozenset[str]) -> list[Unhonoured]:
    from .selection import HONOURED

    honoured = READER_HONOURS | HONOURED | drawn
    found = [
        Unhonoured(path=path, reason=_NOT_HONOURED, location=located(m, path))
        for path in frontmatter_settings(m, honoured, skip=("selection",))
    ]
    for element, key in element_settings(m):
        path = f"data.{key}"
        if path not in honoured:
            kind = "statement" if isinstance(element, Statement) else "argument"
            subject = Subject(kind, element.id)
            # At the data that gives the setting, which may be a later mention than the element's first.
            location = element.data_locations.get(key, element.location)
            found.append(Unhonoured(path=path, reason=_NOT_HONOURED, subject=subject, location=location))
    return found
