"""Abstract argumentation frameworks: grounded, complete, preferred and stable solvers, and the ICCMA file formats.

:mod:`~argmap.af.framework` holds the frameworks, :mod:`~argmap.af.search` their labellings, and
:mod:`~argmap.af.iccma` the files; every public name of the three is importable from here. :mod:`~argmap.af.sat`
is the SAT backend that :func:`labellings` uses when python-sat is installed.
"""

from __future__ import annotations

from .framework import Framework, Label
from .iccma import FRAMEWORK_FORMATS, MAX_ARGUMENTS, dumps, load, loads
from .search import BACKENDS, SEMANTICS, grounded, labellings

__all__ = [
    "BACKENDS",
    "FRAMEWORK_FORMATS",
    "MAX_ARGUMENTS",
    "SEMANTICS",
    "Framework",
    "Label",
    "dumps",
    "grounded",
    "labellings",
    "load",
    "loads",
]
