"""Jupyter display of argument maps: the diagram as SVG, and a plain-text summary where Graphviz cannot draw."""

from __future__ import annotations

import hashlib
from collections.abc import Container

from .errors import RenderError
from .model import ArgumentMap
from .render.files import pipe
from .render.svg import describe, inline_svg

__all__ = ["PLAIN", "SVG", "mimebundle"]

#: The MIME type of the diagram.
SVG = "image/svg+xml"
#: The MIME type of the summary.
PLAIN = "text/plain"


def mimebundle(
    m: ArgumentMap, include: Container[str] | None = None, exclude: Container[str] | None = None
) -> dict[str, str]:
    """What Jupyter shows for ``m``, by MIME type: the diagram (:data:`SVG`) and a one-paragraph summary
    (:data:`PLAIN`), as IPython's ``_repr_mimebundle_`` protocol asks, limited to ``include`` and without
    ``exclude`` when they are given.

    The SVG is drawn in the debate view with the light theme, with ids prefixed by a hash of the drawing so that
    different maps shown in one notebook share none, and with the summary as its accessible description. When
    Graphviz ``dot`` is missing or fails, the bundle holds the summary alone, which then says why there is no
    diagram: a notebook shows text, never a traceback.
    """

    def wanted(mime: str) -> bool:
        return (include is None or mime in include) and (exclude is None or mime not in exclude)

    summary = describe(m)
    bundle: dict[str, str] = {}
    if wanted(SVG):
        try:
            drawing = pipe(m, "svg")
        except RenderError as error:
            summary += f"\n(No diagram: {error}.)"
        else:
            prefix = "argmap-" + hashlib.sha256(drawing).hexdigest()[:12]
            title = m.title.strip() or "Argument map"
            bundle[SVG] = inline_svg(drawing, id_prefix=prefix, title=title, description=summary)
    if wanted(PLAIN):
        bundle[PLAIN] = summary
    return bundle
