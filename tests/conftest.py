"""Shared fixtures: the `dot` and `browser` markers, the shared corpus, the command, and hypothesis profiles."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from samples import Result, Run

from argmap.cli import main

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
# The browser tests drive a Chromium that is already installed (Debian's, in CI): playwright never downloads one.
CHROMIUM = Path(os.environ.get("ARGMAP_CHROMIUM") or "/usr/bin/chromium")
HAVE_BROWSER = (
    CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK) and importlib.util.find_spec("playwright") is not None
)
REQUIRE_BROWSER = os.environ.get("ARGMAP_REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `dot` skip without Graphviz, and tests marked `browser` without Chromium and playwright,
    except where ARGMAP_REQUIRE_DOT=1 or ARGMAP_REQUIRE_BROWSER=1 (CI), where they must run.
    """
    missing: dict[str, str] = {}
    if not HAVE_DOT:
        if REQUIRE_DOT:
            raise pytest.UsageError("ARGMAP_REQUIRE_DOT=1 but the Graphviz `dot` executable is not on PATH")
        missing["dot"] = "Graphviz `dot` is not installed"
    if not HAVE_BROWSER:
        if REQUIRE_BROWSER:
            raise pytest.UsageError(f"ARGMAP_REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM} or no playwright")
        missing["browser"] = f"no Chromium at {CHROMIUM} (set ARGMAP_CHROMIUM) or playwright is not installed"
    for item in items:
        for marker, reason in missing.items():
            if item.get_closest_marker(marker) is not None:
                item.add_marker(pytest.mark.skip(reason=reason))


# Chromium as root in a container, without the background connections that a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    """One Chromium for every browser test of the session (playwright's sync API allows one driver at a time): the
    one installed, never one that playwright downloads.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The Chromium that the `browser` tests launch: ARGMAP_CHROMIUM, or Debian's /usr/bin/chromium."""
    return CHROMIUM


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
    printed: output that does not depend on the hash seed gives a set of one. Hypothesis's plugins stay unloaded,
    so that a script may import a test module.
    """

    def run(script: str) -> set[str]:
        return {
            subprocess.run(
                [sys.executable, "-c", script],
                env={**os.environ, "PYTHONHASHSEED": seed, "HYPOTHESIS_NO_PLUGINS": "1"},
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


@pytest.fixture(params=["subprocess", "in-process"])
def run(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """Run `argmap ARGS...` in tmp_path, as `python -m argmap` or through main(); both must behave alike."""
    monkeypatch.chdir(tmp_path)
    if request.param == "subprocess":

        def run_subprocess(*args: str) -> Result:
            done = subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, check=False)
            return Result(done.returncode, done.stdout, done.stderr)

        return run_subprocess

    def run_in_process(*args: str) -> Result:
        status = main(list(args))
        out, err = capsys.readouterr()
        return Result(status, out, err)

    return run_in_process
