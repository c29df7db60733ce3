"""How maps, findings and labellings show themselves in a notebook: hooks that load argmap.jupyter when first asked."""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import TYPE_CHECKING

from .model import ArgumentMap

if TYPE_CHECKING:
    from .check import Diagnostic
    from .evaluate import Labelling

__all__ = ["diagnostics_html", "labelling_html", "map_mimebundle"]

# The model, the checks and evaluation know no integration: they call these hooks, which import the display code
# only when a notebook asks for a representation (and import argmap.jupyter's renderers with it).


def map_mimebundle(
    m: ArgumentMap, include: Container[str] | None = None, exclude: Container[str] | None = None, **kwargs: object
) -> dict[str, str]:
    """The map as Jupyter shows it: its zoomable diagram as HTML, the diagram as SVG, and a plain-text summary that
    stands alone without Graphviz (see :func:`argmap.jupyter.mimebundle`; :func:`argmap.show` takes options).
    """
    from .jupyter import mimebundle

    return mimebundle(m, include, exclude)


def diagnostics_html(found: Sequence[Diagnostic]) -> str:
    """Findings as Jupyter shows them (see :func:`argmap.jupyter.diagnostics_html`)."""
    from . import jupyter

    return jupyter.diagnostics_html(found)


def labelling_html(labelling: Labelling) -> str:
    """A labelling as Jupyter shows it (see :func:`argmap.jupyter.labelling_html`)."""
    from . import jupyter

    return jupyter.labelling_html(labelling)


# IPython looks the method up on the class; installing it here keeps the model's module free of display code.
ArgumentMap._repr_mimebundle_ = map_mimebundle  # type: ignore[attr-defined]
