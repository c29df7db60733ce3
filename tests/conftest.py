"""Shared fixtures: the `dot` marker, the shared corpus, and hypothesis profiles."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=200)
settings.load_profile("ci" if os.environ.get("CI") else "default")

# The Sphinx test roots are documentation projects, not test modules: their conf.py files must not be imported.
collect_ignore = ["roots"]

# Sphinx's own fixtures (`app`, `make_app`, `rootdir`...) for the extension's tests; test roots live in tests/roots.
pytest_plugins = ["sphinx.testing.fixtures"]

HAVE_DOT = shutil.which("dot") is not None
REQUIRE_DOT = os.environ.get("ARGMAP_REQUIRE_DOT") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `dot` skip without Graphviz, except where ARGMAP_REQUIRE_DOT=1 (CI), where they must run."""
    if HAVE_DOT:
        return
    if REQUIRE_DOT:
        raise pytest.UsageError("ARGMAP_REQUIRE_DOT=1 but the Graphviz `dot` executable is not on PATH")
    skip = pytest.mark.skip(reason="Graphviz `dot` is not installed")
    for item in items:
        if "dot" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """`../shared/corpus`, read where it lies; tests that need it skip with a message where it is absent."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"shared corpus not found at {corpus}")
    return corpus


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where `sphinx.testing` finds the test roots: `@pytest.mark.sphinx(testroot="x")` uses tests/roots/test-x."""
    return ROOT / "tests" / "roots"


@pytest.fixture(scope="session")
def hash_seed_outputs() -> Callable[[str], set[str]]:
    """Runs a Python script from the repository root under three hash seeds and returns the set of what it
    printed: output that does not depend on the hash seed gives a set of one.
    """

    def run(script: str) -> set[str]:
        return {
            subprocess.run(
                [sys.executable, "-c", script],
                env={**os.environ, "PYTHONHASHSEED": seed},
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for seed in ("0", "1", "12345")
        }

    return run


@pytest.fixture(scope="session")
def seed() -> ModuleType:
    """seeds/kim_in_russia.py, imported from its path: seeds/ is not a package."""
    spec = importlib.util.spec_from_file_location("kim_in_russia", SEEDS / "kim_in_russia.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
