"""argmap's own documentation: it builds without a warning, reproducibly, its generated pages are complete, and
its Python and shell examples run as printed."""

from __future__ import annotations

import argparse
import doctest
import importlib
import importlib.util
import os
import pkgutil
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import argmap
from argmap.catalogue import CATALOGUE
from argmap.cli import ExitStatus

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
# The parser factory that docs/cli.md hands to the `argmap-cli` directive.
CLI_PARSER = re.search(r"```\{argmap-cli\}\s+(\S+)", (DOCS / "cli.md").read_text(encoding="utf-8"))
# Every public module: the API reference must document each name of their __all__.
PUBLIC_MODULES = [
    "argmap",
    *(
        module.name
        for module in pkgutil.walk_packages(argmap.__path__, "argmap.")
        if not any(part.startswith("_") for part in module.name.split("."))
    ),
]


def _docs_extension() -> ModuleType:
    """docs/_ext/argmap_docs.py, which knows how the reference names objects; loaded without touching sys.path."""
    spec = importlib.util.spec_from_file_location("argmap_docs", DOCS / "_ext" / "argmap_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


DOCS_EXTENSION = _docs_extension()


# Building ----------------------------------------------------------------------------------------------------


@attrs.frozen
class Build:
    """One finished build of the docs: its HTML output, and what it warned."""

    html: Path
    status: int
    warnings: str

    def page(self, name: str) -> str:
        return (self.html / f"{name}.html").read_text(encoding="utf-8")


def _build(out: Path, hash_seed: str) -> Build:
    """Build the docs as `make docs` does (-W --keep-going), in a fresh process with the given hash seed."""
    html, warnings = out / "html", out / "warnings.txt"
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
    command += ["-d", str(out / "doctrees"), "-w", str(warnings), str(DOCS), str(html)]
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False, timeout=300)
    text = warnings.read_text(encoding="utf-8") if warnings.exists() else done.stderr
    return Build(html, done.returncode, text)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """Two builds at once, under different hash seeds: any output that depends on set order differs between them."""
    root = tmp_path_factory.mktemp("docs")
    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(lambda seed: _build(root / f"seed-{seed}", seed), ["1", "2"])
    return first, second


@pytest.fixture(scope="module")
def built(builds: tuple[Build, Build]) -> Build:
    return builds[0]


@pytest.mark.dot
def test_the_docs_build_without_a_warning(built: Build) -> None:
    assert built.warnings.strip() == ""
    assert built.status == 0


def _outputs(html: Path) -> dict[str, bytes]:
    # .buildinfo holds a hash of the configuration, and the environment pickle is no output.
    return {
        path.relative_to(html).as_posix(): path.read_bytes()
        for path in sorted(html.rglob("*"))
        if path.is_file() and path.name != ".buildinfo" and ".doctrees" not in path.parts
    }


@pytest.mark.dot
def test_the_build_is_reproducible(builds: tuple[Build, Build]) -> None:
    first, second = (_outputs(build.html) for build in builds)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.dot
def test_every_diagram_is_drawn_by_the_directive(built: Build) -> None:
    # The pages written from docs/, not Sphinx's own (the module index draws its toggles as images), and of each only
    # its article: the theme draws its own icons as SVG around it.
    pages = {page.stem: _article(built.page(page.stem)) for page in PAGES}
    # No pre-rendered pictures: neither images nor embedded objects, only the directive's inline SVG. The one
    # exception is the screenshots of docs/diagrams.md, which show the diagrams as readers see them in a browser.
    shots = re.compile(r'<img [^>]*class="argmap-screenshot"[^>]*>')
    assert len(shots.findall(pages["diagrams"])) >= 4
    pictures = {name: len(re.findall("<img|<object", shots.sub("", page))) for name, page in pages.items()}
    assert pictures == dict.fromkeys(pages, 0)
    svgs = {name: re.findall(r"<svg\b[^>]*>", page) for name, page in pages.items()}
    assert all('class="argmap-svg"' in svg for found in svgs.values() for svg in found)
    # The seed map, plain, then evaluated: only the second has the legend of its statuses.
    seed = re.findall(r"<svg\b.*?</svg>", pages["getting-started"], flags=re.DOTALL)
    assert len(seed) == 2
    assert ["grounded semantics" in svg for svg in seed] == [False, True]


def _article(page: str) -> str:
    found = re.search(r'<article\b[^>]*role="main"[^>]*>(.*?)</article>', page, flags=re.DOTALL)
    assert found is not None, "no main article in the page"
    return found.group(1)


# Generated pages ---------------------------------------------------------------------------------------------


def _ids(page: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', page))


@pytest.mark.dot
def test_the_catalogue_page_lists_every_code(built: Build) -> None:
    page = built.page("checks")
    ids = _ids(page)
    assert [code for code in CATALOGUE if code not in ids] == []
    # The summary table links each code to its entry.
    assert [code for code in CATALOGUE if f'href="#{code}"' not in page] == []


@pytest.mark.dot
def test_the_cli_page_lists_every_command_and_exit_status(built: Build) -> None:
    assert CLI_PARSER is not None
    module, _, function = CLI_PARSER[1].partition(":")
    parser = getattr(importlib.import_module(module), function)()
    subparsers = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    commands = [name for action in subparsers for name in action.choices]
    assert {"check", "render", "evaluate", "convert", "explain"} <= set(commands)
    page = built.page("cli")
    ids = _ids(page)
    assert [name for name in commands if f"argmap-{name}" not in ids] == []
    for name in commands:
        assert f"usage: argmap {name}" in page
    statuses = re.findall(r"<td><p>(\d+)</p></td>", page.split('id="exit-status"', 1)[1])
    assert statuses == [str(int(status)) for status in ExitStatus]


def _documented(page: str) -> dict[str, object]:
    """Every Python object the API page documents, by the full name autodoc gave it."""
    names = re.findall(r'<dt class="sig sig-object py" id="([^"]+)"', page)
    return {name: DOCS_EXTENSION.find_object(name) for name in names}


def _public_names() -> Iterator[tuple[str, str, object]]:
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            yield module_name, name, getattr(module, name)


@pytest.mark.dot
def test_the_api_reference_documents_every_public_name(built: Build) -> None:
    documented = _documented(built.page("api"))
    assert len(documented) > 100
    missing = [
        f"{module}.{name}"
        for module, name, obj in _public_names()
        if not any(DOCS_EXTENSION.same_object(obj, found, name, full) for full, found in documented.items())
    ]
    assert missing == []


# Examples ----------------------------------------------------------------------------------------------------


def _pages_with(marker: str) -> list[Path]:
    return [page for page in PAGES if marker in page.read_text(encoding="utf-8")]


@pytest.mark.parametrize("page", _pages_with(">>> "), ids=lambda page: page.name)
def test_python_examples_run_as_printed(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``>>>`` example of a page runs, in order, as one session from the repository root, as printed."""
    monkeypatch.chdir(ROOT)
    text = page.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    results = runner.run(test, out=report.append)
    assert results.failed == 0, "".join(report)
    assert results.attempted > 0


@attrs.frozen
class Command:
    """One ``$ argmap ...`` line of a console block, and the output printed under it."""

    line: int
    arguments: tuple[str, ...]
    output: str


def _console_commands(text: str) -> Iterator[Command]:
    """The commands of every ```console block whose commands are all plain ``argmap`` calls (no pipes or other
    programs, which a block may show but this test cannot run)."""
    for block in re.finditer(r"^```console\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        start = text.count("\n", 0, block.start()) + 2
        commands: list[Command] = []
        for match in re.finditer(r"^\$ (.*)\n((?:(?!\$ ).*\n)*)", block[1], flags=re.MULTILINE):
            line = start + block[1].count("\n", 0, match.start())
            arguments = tuple(shlex.split(match[1]))
            commands.append(Command(line, arguments, match[2]))
        runnable = all(c.arguments[0] == "argmap" and not set("|<>;&`$") & set(" ".join(c.arguments)) for c in commands)
        if commands and runnable:
            yield from commands


@pytest.mark.parametrize(
    "page",
    [page for page in PAGES if any(_console_commands(page.read_text(encoding="utf-8")))],
    ids=lambda page: page.name,
)
def test_shell_examples_print_what_is_shown(page: Path) -> None:
    """Every ``$ argmap ...`` line of a console block prints, from the repository root, what the block shows."""
    for command in _console_commands(page.read_text(encoding="utf-8")):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", *command.arguments[1:]],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
            timeout=120,
        )
        assert done.stdout == command.output, f"{page.name}:{command.line}: {shlex.join(command.arguments)}"
