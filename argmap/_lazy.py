"""Names of a package imported on first use (PEP 562), so that a command loads only the modules it needs."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, modules: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name of ``modules`` is imported from the submodule it maps
    to when first asked for, and kept in ``namespace`` (the package's globals).
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        # Kept, and so found before this hook from now on. A name must not be that of a submodule too: importing the
        # submodule first would bind the name to it, and this hook would never run.
        namespace[name] = value
        return value

    return __getattr__
