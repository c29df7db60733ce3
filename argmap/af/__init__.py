"""Abstract argumentation frameworks: solvers for eight semantics, acceptance questions, and the ICCMA file formats.

:mod:`~argmap.af.framework` holds the frameworks, :mod:`~argmap.af.search` their labellings and acceptance, and
:mod:`~argmap.af.iccma` the files; every public name of the three is importable from here.
"""

from __future__ import annotations

from .framework import Framework, Label
from .iccma import FRAMEWORK_FORMATS, MAX_ARGUMENTS, dumps, load, loads
from .search import SEMANTICS, Verdict, credulous, grounded, labellings, skeptical

__all__ = [
    "FRAMEWORK_FORMATS",
    "MAX_ARGUMENTS",
    "SEMANTICS",
    "Framework",
    "Label",
    "Verdict",
    "credulous",
    "dumps",
    "grounded",
    "labellings",
    "load",
    "loads",
    "skeptical",
]
