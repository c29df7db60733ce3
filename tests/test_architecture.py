"""The layout of the package, tested: data flows one way, and no module reaches into another's private names."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "argmap"

#: The integrations: the top of the data flow, which nothing below may import.
INTEGRATIONS = ("argmap.cli", "argmap.sphinx", "argmap.mkdocs", "argmap.jupyter")
#: Modules that may import an integration: the package's facade, the command's entry point, and the display hooks
#: that load argmap.jupyter when a notebook asks (so that the model, checks and evaluation need not).
BRIDGES = ("argmap", "argmap.__main__", "argmap._display")


@attrs.frozen
class Import:
    """One import statement of a module, anywhere in it (functions included): what it imports, and which names."""

    module: str
    target: str
    names: tuple[str, ...]
    line: int

    def __str__(self) -> str:
        names = f" ({', '.join(self.names)})" if self.names else ""
        return f"{self.module}:{self.line} imports {self.target}{names}"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[Import]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, (), node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            names = tuple(alias.name for alias in node.names)
            # `from . import x` imports the module x: judge it as such.
            submodules = [f"{base}.{n}" for n in names if (PACKAGE.parent / f"{base}.{n}".replace(".", "/")).exists()]
            submodules += [
                f"{base}.{n}" for n in names if (PACKAGE.parent / (f"{base}.{n}".replace(".", "/") + ".py")).exists()
            ]
            if submodules:
                for submodule in submodules:
                    yield Import(name, submodule, (), node.lineno)
            else:
                yield Import(name, base, names, node.lineno)


MODULES = sorted(PACKAGE.rglob("*.py"))
ALL = [found for path in MODULES for found in imports(path)]
OURS = [found for found in ALL if found.target == "argmap" or found.target.startswith("argmap.")]


def test_the_scan_sees_the_package() -> None:
    assert len(MODULES) > 40
    found = {(found.module, found.target) for found in OURS}
    assert ("argmap.check", "argmap.model") in found
    assert ("argmap.formats.json_schema", "argmap.formats._shapes") in found  # `from . import _shapes as shapes`


def in_model(module: str) -> bool:
    return module == "argmap.model" or module.startswith("argmap.model.")


def test_the_model_imports_only_errors_and_enumerations() -> None:
    allowed = ("argmap.errors", "argmap._enum")
    outside = [found for found in OURS if in_model(found.module) and not in_model(found.target)]
    assert [str(found) for found in outside if found.target not in allowed] == []
    assert len({found.module for found in OURS if in_model(found.module)}) >= 3  # the package's modules are seen


def test_formats_import_no_renderer_and_no_integration() -> None:
    below = ("argmap.render", *INTEGRATIONS)
    wrong = [
        str(found)
        for found in OURS
        if found.module.startswith("argmap.formats")
        and any(found.target == top or found.target.startswith(top + ".") for top in below)
    ]
    assert wrong == []


def test_nothing_below_the_integrations_imports_one() -> None:
    wrong = [
        str(found)
        for found in OURS
        if found.module not in (*INTEGRATIONS, *BRIDGES)
        and any(found.target == top or found.target.startswith(top + ".") for top in INTEGRATIONS)
    ]
    assert wrong == []


def test_renderers_import_no_integration_and_the_model_no_renderer() -> None:
    wrong = [
        str(found)
        for found in OURS
        if (found.module.startswith("argmap.render") and found.target in INTEGRATIONS)
        or ((in_model(found.module) or found.module == "argmap.errors") and found.target.startswith("argmap.render"))
    ]
    assert wrong == []


def test_the_settings_are_applied_above_the_model_formats_and_renderers() -> None:
    """``argmap.settings`` reads the model, parts of it and the renderers' options; what it reads never reads it."""
    below = ("argmap.model", "argmap.formats", "argmap.render", "argmap.selection", "argmap.errors")
    wrong = [
        str(found)
        for found in OURS
        if any(found.module == low or found.module.startswith(low + ".") for low in below)
        and (found.target == "argmap.settings" or found.target.startswith("argmap.settings."))
    ]
    assert wrong == []
    settings = {found.target for found in OURS if found.module.startswith("argmap.settings")}
    assert not [target for target in settings if any(target.startswith(top) for top in INTEGRATIONS)]
    assert "argmap.selection" in settings


def test_no_module_imports_another_modules_private_name() -> None:
    wrong = [
        str(found) for found in OURS if any(name.startswith("_") and not name.startswith("__") for name in found.names)
    ]
    assert wrong == []


def module_aliases(path: Path) -> set[str]:
    """The names under which a module binds other argmap modules (``from . import json``, ``import argmap.x as y``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound = {found.target for found in imports(path) if found.target.startswith("argmap")}
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import):
            for alias in node.names:
                if any(target == alias.name or target.endswith("." + alias.name) for target in bound):
                    aliases.add(alias.asname or alias.name.rpartition(".")[2])
    return aliases


def test_no_module_reaches_into_another_modules_private_attributes() -> None:
    wrong = []
    for path in MODULES:
        aliases = module_aliases(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
            ):
                wrong.append(f"{module_name(path)}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert wrong == []


@pytest.mark.parametrize("internal", ["argmap.formats.argdown.", "argmap.formats.aif.", "argmap.formats._shapes"])
def test_the_strategies_use_no_format_internals(internal: str) -> None:
    wrong = [str(found) for found in OURS if found.module == "argmap.strategies" and found.target.startswith(internal)]
    assert wrong == []


def test_every_module_says_its_job_in_its_docstring() -> None:
    missing = [module_name(path) for path in MODULES if not ast.get_docstring(ast.parse(path.read_text("utf-8")))]
    assert missing == []
