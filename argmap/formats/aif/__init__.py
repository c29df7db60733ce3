"""AIF, the Argument Interchange Format as AIFdb and OVA write it in JSON: reading and writing argument maps."""

from __future__ import annotations

from .reader import load, loads
from .vocabulary import VERSION
from .writer import dumps

__all__ = ["VERSION", "dumps", "load", "loads"]
