"""Abstract argumentation frameworks: grounded, complete, preferred and stable solvers, and the ICCMA file formats.

:mod:`~argmap.af.framework` holds the frameworks, :mod:`~argmap.af.search` their labellings,
:mod:`~argmap.af.strength` the strength of their arguments, and :mod:`~argmap.af.iccma` the files; every public name
of the four is importable from here.
"""

from __future__ import annotations

from .framework import Framework, Label
from .iccma import FRAMEWORK_FORMATS, MAX_ARGUMENTS, dumps, load, loads
from .search import SEMANTICS, grounded, labellings
from .strength import MAX_ITERATIONS, STRENGTH_SEMANTICS, TOLERANCE, check_weight, h_categoriser

__all__ = [
    "FRAMEWORK_FORMATS",
    "MAX_ARGUMENTS",
    "MAX_ITERATIONS",
    "SEMANTICS",
    "STRENGTH_SEMANTICS",
    "TOLERANCE",
    "Framework",
    "Label",
    "check_weight",
    "dumps",
    "grounded",
    "h_categoriser",
    "labellings",
    "load",
    "loads",
]
