"""Abstract argumentation frameworks: solvers for eight semantics, acceptance questions, and the ICCMA file formats.

:mod:`~argmap.af.framework` holds the frameworks, :mod:`~argmap.af.search` their labellings and acceptance,
:mod:`~argmap.af.strength` the strength of their arguments, and :mod:`~argmap.af.iccma` the files; every public name
of the four is importable from here. :mod:`~argmap.af.sat` is the SAT backend that :func:`labellings` uses when
python-sat is installed.
"""

from __future__ import annotations

from .framework import Framework, Label
from .iccma import FRAMEWORK_FORMATS, MAX_ARGUMENTS, dumps, load, loads
from .search import BACKENDS, SEMANTICS, Verdict, credulous, grounded, labellings, skeptical
from .strength import MAX_ITERATIONS, STRENGTH_SEMANTICS, TOLERANCE, check_weight, h_categoriser

__all__ = [
    "BACKENDS",
    "FRAMEWORK_FORMATS",
    "MAX_ARGUMENTS",
    "MAX_ITERATIONS",
    "SEMANTICS",
    "STRENGTH_SEMANTICS",
    "TOLERANCE",
    "Framework",
    "Label",
    "Verdict",
    "check_weight",
    "credulous",
    "dumps",
    "grounded",
    "h_categoriser",
    "labellings",
    "load",
    "loads",
    "skeptical",
]
