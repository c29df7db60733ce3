"""MkDocs: fences drawn in the zoomable viewer, their options, problems shown in the page and logged with the page
and line, maps drawn from files of the docs, the assets once per page, and drawings cached between builds."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest

from argmap.mkdocs import fence_format, fence_validator
from argmap.render import cache as dot_cache
from argmap.render.html import assets

DOCS = Path(__file__).resolve().parent.parent / "docs"

TEA = """{"argmap": 1, "title": "Tea",
 "statements": [{"id": "tea", "text": "Drink <tea> & be merry."},
                {"id": "healthy", "text": "Tea is healthy."},
                {"id": "awake", "text": "Tea keeps you awake."}],
 "arguments": [{"id": "health", "steps": [{"premises": ["healthy"], "conclusion": "tea"}]}],
 "relations": [{"source": "awake", "target": "tea", "kind": "attack"}]}"""

ISLANDS = """{"argmap": 1,
 "statements": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}, {"id": "c", "text": "C."}],
 "relations": [{"source": "a", "target": "b", "kind": "support"}]}"""

# Argdown in which check() finds [C] disconnected, on line 4 of the map.
ARGDOWN_ISLANDS = "[A]: A.\n  + [B]: B.\n\n[C]: C.\n"
DISCONNECTED = "warning disconnected [C] is not connected to the main part of the map (2 elements)"

PLUGIN = "site_name: Test\nplugins:\n  - search\n  - argmap\n"


@pytest.fixture(autouse=True)
def cache_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where fences without the plugin keep their drawings: a directory of the test's own."""
    home = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def converter() -> markdown.Markdown:
    """A Markdown converter set up as pymdownx.superfences is set up without the plugin (see docs/mkdocs.md)."""
    fence = {"name": "argmap", "class": "argmap", "format": fence_format, "validator": fence_validator}
    return markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}},
    )


def fence(body: str, header: str = 'format="json"') -> str:
    return f"```argmap {header}\n{body}\n```\n"


def svgs_in(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)


def viewers_in(html: str) -> list[str]:
    return re.findall(r'<div class="argmap-viewer[^"]*"[^>]*>', html)


def errors_in(html: str) -> list[str]:
    return re.findall(r'<div class="admonition failure argmap-error">.*?<code>(.*?)</code>', html, flags=re.DOTALL)


def logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.argmap"]


# The fence ---------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_a_fence_is_drawn_in_the_viewer_with_the_assets_before_it() -> None:
    html = converter().convert(fence(TEA, 'format="json" alt="Tea, briefly"'))
    assert html.startswith('<div class="argmap">' + assets() + '<div class="argmap-viewer">')
    assert '<div class="argmap-frame" tabindex="0" role="group" aria-label="Tea, briefly">' in html
    (svg,) = svgs_in(html)
    assert 'aria-labelledby="argmap-1-title argmap-1-desc"' in svg
    assert '<title id="argmap-1-title">Tea, briefly</title>' in svg
    assert ">Drink &lt;tea&gt; &amp; be merry.</text>" in svg
    # Each node has its anchor (named "map-1" for the page's first diagram) and its note as tooltip.
    assert re.search(r'<g id="map-1\.tea" [^>]*class="node argmap-statement"', svg)
    assert "<title>“Tea keeps you awake.” attacks “Drink &lt;tea&gt; &amp; be merry.”</title>" in svg
    assert errors_in(html) == []


@pytest.mark.dot
def test_fence_options_choose_how_the_map_is_drawn() -> None:
    plain = converter().convert(fence(TEA))
    header = 'format="json" view="premise" direction="lr" wrap="0" theme="dark" evaluate="grounded" name="brew"'
    chosen = converter().convert(fence(TEA, header))
    assert viewers_in(plain) == ['<div class="argmap-viewer">']
    assert viewers_in(chosen) == ['<div class="argmap-viewer argmap-dark">']
    (svg,) = svgs_in(chosen)
    assert ">grounded semantics</text>" in svg
    assert "Evaluated with grounded semantics" in svg
    assert re.search(r'<g id="brew\.tea" ', svg)
    # Left to right: the reasons are on the left of what they support, rather than below it.
    assert _x_of(svg, "brew.healthy") < _x_of(svg, "brew.argument.health") < _x_of(svg, "brew.tea")
    assert "Status (grounded): statement tea is OUT: statement awake attacks it and is IN" in svg


@pytest.mark.dot
def test_engine_lays_the_map_out_with_another_graphviz_engine() -> None:
    (default,) = svgs_in(converter().convert(fence(TEA)))
    assert svgs_in(converter().convert(fence(TEA, 'format="json" engine="dot"'))) == [default]
    (neato,) = svgs_in(converter().convert(fence(TEA, 'format="json" engine="neato"')))
    assert ">Drink &lt;tea&gt; &amp; be merry.</text>" in neato
    assert _positions(neato) != _positions(default)


def _positions(svg: str) -> list[tuple[str, str]]:
    """Where the drawing's texts stand, in order."""
    return re.findall(r'<text [^>]*\bx="([-0-9.]+)" y="([-0-9.]+)"', svg)


def _x_of(svg: str, anchor: str) -> float:
    """The x of the first text of the node with ``anchor``."""
    found = re.search(rf'<g id="{re.escape(anchor)}" .*?<text [^>]*\bx="([-0-9.]+)"', svg, flags=re.DOTALL)
    assert found is not None
    return float(found[1])


@pytest.mark.dot
def test_the_frame_takes_css_lengths_in_braces_or_on_the_fence_line() -> None:
    braces = converter().convert('```{.argmap format="json" max-width="30rem" max-height="50vh"}\n' + TEA + "\n```\n")
    line = converter().convert(fence(TEA, 'format="json" max_width="30rem" max_height="50vh"'))
    expected = ['<div class="argmap-viewer" style="max-width:30rem;--argmap-max-height:50vh">']
    assert viewers_in(braces) == viewers_in(line) == expected


@pytest.mark.dot
def test_diagrams_on_a_page_are_numbered_share_the_assets_and_each_page_starts_again() -> None:
    html = converter().convert(fence(TEA) + "\ntext\n\n" + fence(TEA))
    first, second = svgs_in(html)
    assert html.count(assets()) == 1
    assert html.index(assets()) < html.index("<svg")
    ids = re.findall(r'\bid="([^"]*)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="argmap-1-title"' in first
    assert 'id="argmap-2-title"' in second
    assert 'id="map-2.tea"' in second
    again = converter().convert(fence(TEA))
    assert 'id="argmap-1-title"' in again
    assert again.count(assets()) == 1


@pytest.mark.dot
def test_a_name_given_twice_on_a_page_is_warned_of(caplog: pytest.LogCaptureFixture) -> None:
    html = converter().convert(fence(TEA, 'format="json" name="tea"') + "\n" + fence(TEA, 'format="json" name="tea"'))
    assert len(svgs_in(html)) == 2
    assert logged(caplog) == [
        "argmap: fence 2: another diagram of the page is named 'tea' too: their anchors clash",
    ]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            'format="json" colour="red"',
            "unknown option &#x27;colour&#x27;: use src, format, view, direction, wrap, theme, evaluate, alt, name, "
            "max-width, max-height",
        ),
        ('format="json" view="sideways"', "unknown view &#x27;sideways&#x27;: use one of debate, premise"),
        ('format="json" direction="up"', "unknown direction &#x27;up&#x27;: use one of BT, TB, LR, RL"),
        ('format="json" theme="neon"', "unknown theme &#x27;neon&#x27;: use one of auto, light, dark"),
        ('format="json" evaluate="best"', "unknown evaluate &#x27;best&#x27;: use one of grounded, complete"),
        ('format="yaml"', "unknown format &#x27;yaml&#x27;"),
        ('format="json" wrap="wide"', "wrap must be a number of characters (0 for no wrapping), not &#x27;wide&#x27;"),
        ('format="json" wrap="²"', "wrap must be a number of characters (0 for no wrapping), not &#x27;²&#x27;"),
        ('format="json" name="9lives"', "name must be a letter followed by letters, digits"),
        ('format="json" max_width="wide"', "max-width must be a CSS length such as 600px, 40rem or 80%"),
        ('format="json" max_height="1px;color:red"', "max-height must be a CSS length such as 600px, 40rem or 80%"),
        ('src=""', "src must name a map file"),
        ('format="json" engine="nope"', "unknown Graphviz layout engine &#x27;nope&#x27;: use one of circo, dot,"),
    ],
)
def test_bad_options_show_an_error_block(header: str, message: str, caplog: pytest.LogCaptureFixture) -> None:
    html = converter().convert(fence(TEA, header))
    (error,) = errors_in(html)
    assert error.startswith(message)
    assert svgs_in(html) == []
    assert [r.levelno for r in caplog.records if r.name == "mkdocs.plugins.argmap"] == [logging.WARNING]


def test_a_map_that_cannot_be_read_shows_why(caplog: pytest.LogCaptureFixture) -> None:
    broken = converter().convert(fence('{"argmap": 1,\n "statements": [{"id": "a" "text": "A."}]}'))
    assert errors_in(broken) == ["line 2, column 28: invalid JSON: Expecting &#x27;,&#x27; delimiter"]
    assert logged(caplog) == ["argmap: fence 1:2: cannot read the map: invalid JSON: Expecting ',' delimiter"]
    dangling = converter().convert(
        fence('{"argmap": 1, "relations": [{"source": "a", "target": "b", "kind": "attack"}]}')
    )
    (error,) = errors_in(dangling)
    assert error.startswith("dangling-reference: ")


def test_without_dot_the_page_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    (error,) = errors_in(converter().convert(fence(TEA)))
    assert error.startswith("Graphviz executable &#x27;dot&#x27; not found")


def test_src_needs_the_plugin() -> None:
    (error,) = errors_in(converter().convert('```argmap src="maps/tea.json"\n```\n'))
    assert error == "src needs the argmap plugin, which knows the docs directory: add it to plugins"


@pytest.mark.dot
def test_check_findings_are_logged_for_strict_builds(caplog: pytest.LogCaptureFixture) -> None:
    html = converter().convert(fence(ARGDOWN_ISLANDS, ""))
    assert len(svgs_in(html)) == 1
    assert logged(caplog) == [f"argmap: fence 1:4: {DISCONNECTED}"]


@pytest.mark.dot
def test_a_semantics_without_labelling_draws_without_statuses(caplog: pytest.LogCaptureFixture) -> None:
    cycle = """{"argmap": 1,
     "statements": [{"id": "a", "text": "A."}, {"id": "b", "text": "B."}, {"id": "c", "text": "C."}],
     "relations": [{"source": "a", "target": "b", "kind": "attack"}, {"source": "b", "target": "c", "kind": "attack"},
                   {"source": "c", "target": "a", "kind": "attack"}]}"""
    html = converter().convert(fence(cycle, 'format="json" evaluate="stable"'))
    assert len(svgs_in(html)) == 1
    assert "semantics" not in html
    assert any("no stable labelling" in r.getMessage() for r in caplog.records)


@pytest.mark.dot
def test_without_the_plugin_drawings_are_cached_in_the_users_cache(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = converter().convert(fence(TEA))
    assert len(list((cache_home / "argmap").glob("argmap-*.svg"))) == 1
    monkeypatch.setattr(dot_cache, "run", lambda *args: pytest.fail("dot ran for a cached drawing"))
    assert converter().convert(fence(TEA)) == first


# Sites built by MkDocs ---------------------------------------------------------------------------------------


def project(root: Path, pages: dict[str, str], config: str = PLUGIN) -> Path:
    """A MkDocs project in ``root``: ``mkdocs.yml`` and the files of ``docs``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def build(root: Path, *options: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": path} if path is not None else None
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *options], cwd=root, capture_output=True, text=True, env=env
    )


def warnings(done: subprocess.CompletedProcess[str]) -> list[str]:
    return re.findall(r"^WARNING\s+-\s+(argmap: .*)$", done.stderr, flags=re.MULTILINE)


def fenced_blocks(text: str, language: str) -> list[str]:
    """The bodies of the code blocks of ``language`` in a Markdown page, fenced with three or four backticks."""
    return [body for _, body in re.findall(rf"^(`{{3,4}}){language}\n(.*?)^\1$", text, flags=re.DOTALL | re.MULTILINE)]


@pytest.mark.dot
@pytest.mark.parametrize("which", [0, 1], ids=["plugin", "superfences"])
def test_the_documented_mkdocs_setups_build_a_site(tmp_path: Path, which: int) -> None:
    guide = (DOCS / "mkdocs.md").read_text(encoding="utf-8")
    # The complete configurations, not the excerpts.
    configs = [config for config in fenced_blocks(guide, "yaml") if config.startswith("site_name:")]
    assert len(configs) == 2
    page = fenced_blocks(guide, "markdown")[0]
    project(tmp_path, {"index.md": page}, configs[which])
    done = build(tmp_path, "--strict")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    (svg,) = svgs_in(html)
    assert '<title id="argmap-1-title">Tea, argued</title>' in svg
    assert ">grounded semantics</text>" in svg
    assert html.count(assets()) == 1


@pytest.mark.dot
def test_warnings_name_the_page_and_the_line(tmp_path: Path) -> None:
    lines = [
        "---",  # 1
        "title: Lines",
        "---",
        "# Lines",
        "",  # 5
        "```argmap",
        *ARGDOWN_ISLANDS.splitlines(),  # 7-10
        "```",  # 11
        "",
        "An example of a fence is no fence:",
        "",
        "````markdown",  # 15
        "```argmap",
        *ARGDOWN_ISLANDS.splitlines(),
        "```",  # 21
        "````",
        "",
        "- In a list:",
        "",  # 25
        "    ```argmap",
        "    [A]: A.",
        "      + [B]: B.",
        "    [C]: stray.",  # 29
        "    ```",
        "",
        "The same map again:",
        "",
        "```argmap",  # 34
        *ARGDOWN_ISLANDS.splitlines(),
        "```",
    ]
    project(tmp_path, {"index.md": "\n".join(lines) + "\n"})
    done = build(tmp_path, "--strict")
    assert done.returncode == 1
    assert "Aborted with 3 warnings in strict mode!" in done.stdout + done.stderr
    first, stray, again = warnings(done)
    assert first == f"argmap: docs/index.md:10: {DISCONNECTED}"
    assert stray.startswith("argmap: docs/index.md:29: cannot read the map: unexpected '[C]:': below a statement")
    assert again == f"argmap: docs/index.md:38: {DISCONNECTED}"


@pytest.mark.dot
def test_an_unknown_engine_is_a_warning_at_the_fence_s_line(tmp_path: Path) -> None:
    project(tmp_path, {"index.md": '# Engines\n\n```argmap engine="nope"\n[A]: A.\n```\n'})
    done = build(tmp_path, "--strict")
    assert done.returncode == 1
    (warning,) = warnings(done)
    assert warning.startswith("argmap: docs/index.md:3: unknown Graphviz layout engine 'nope': use one of circo, dot,")


@pytest.mark.dot
def test_the_timeout_bounds_a_hard_evaluation_which_falls_back_to_grounded(tmp_path: Path) -> None:
    pairs = "\n\n".join(f"[p{n}]: P{n}.\n  >< [q{n}]: Q{n}." for n in range(40))
    cycle = "[c0]: C0.\n  - [c1]: C1.\n    - [c2]: C2.\n      - [c0]"
    page = f'# Hard\n\n```argmap evaluate="stable"\n{pairs}\n\n{cycle}\n```\n'
    config = PLUGIN.replace("  - argmap\n", "  - argmap:\n      timeout: 0.5\n")
    project(tmp_path, {"index.md": page}, config)
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    evaluation = [warning for warning in warnings(done) if "disconnected" not in warning]
    assert evaluation == [
        "argmap: docs/index.md:3: stable semantics found no labelling within 0.5 seconds; the map is drawn under "
        "grounded semantics instead"
    ]
    assert ">grounded semantics</text>" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("given", ["-1", "0", "true", "soon"])
def test_a_timeout_that_is_no_positive_number_stops_the_build(tmp_path: Path, given: str) -> None:
    config = PLUGIN.replace("  - argmap\n", f"  - argmap:\n      timeout: {given}\n")
    project(tmp_path, {"index.md": "# Nothing\n"}, config)
    done = build(tmp_path)
    assert done.returncode != 0
    assert "a positive number of seconds is expected" in done.stderr


@pytest.mark.dot
def test_src_draws_a_map_file_of_the_docs(tmp_path: Path) -> None:
    tea = fence(TEA).split("\n", 1)[1].rsplit("```", 1)[0]
    project(
        tmp_path,
        {
            "maps/tea.json": tea,
            "maps/islands.argdown": ARGDOWN_ISLANDS,
            "guide/page.md": (
                '# Page\n\n```argmap src="../maps/tea.json" evaluate="grounded"\n```\n\n'
                '```argmap src="/maps/tea.json"\n```\n\n```argmap src="/maps/islands.argdown"\n```\n'
            ),
        },
    )
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    assert warnings(done) == [f"argmap: docs/maps/islands.argdown:4: {DISCONNECTED}"]
    html = (tmp_path / "site" / "guide" / "page" / "index.html").read_text(encoding="utf-8")
    first, second, third = svgs_in(html)
    assert ">grounded semantics</text>" in first
    # Anchors are named after the file, and told apart when a page draws one file twice.
    assert 'id="tea.tea"' in first
    assert 'id="tea-2.tea"' in second
    assert 'id="islands.C"' in third
    assert errors_in(html) == []


@pytest.mark.dot
def test_src_outside_the_docs_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.argdown"
    secret.write_text("[Secret]: The password is swordfish.\n", encoding="utf-8")
    project(
        tmp_path,
        {
            "maps/inside.argdown": "[Inside]: Inside.\n",
            "index.md": (
                '```argmap src="../secret.argdown"\n```\n\n'
                '```argmap src="maps/../../secret.argdown"\n```\n\n'
                '```argmap src="maps/link.argdown"\n```\n\n'
                f'```argmap src="{secret}"\n```\n\n'
                '```argmap src="maps/missing.argdown"\n```\n\n'
                '```argmap src="maps/inside.argdown"\n[A]: A map of its own.\n```\n'
            ),
        },
    )
    (tmp_path / "docs" / "maps" / "link.argdown").symlink_to(secret)
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    outside = "is outside the docs directory, and only maps in it are drawn"
    assert warnings(done) == [
        f"argmap: docs/index.md:1: map file '../secret.argdown' {outside}",
        f"argmap: docs/index.md:4: map file 'maps/../../secret.argdown' {outside}",
        f"argmap: docs/index.md:7: map file 'maps/link.argdown' {outside}",
        # An absolute path starts at the docs directory.
        f"argmap: docs/index.md:10: cannot read map file '{secret}': No such file or directory",
        "argmap: docs/index.md:13: cannot read map file 'maps/missing.argdown': No such file or directory",
        "argmap: docs/index.md:16: a fence with src draws that file: leave the fence empty",
    ]
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert len(errors_in(html)) == 6
    assert svgs_in(html) == []
    assert "swordfish" not in html


@pytest.mark.dot
def test_each_page_with_diagrams_carries_the_assets_once_and_the_search_index_none(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "index.md": "# Home\n\nNo diagram here.\n",
            "two.md": "# Two\n\nText.\n\n" + fence(TEA) + "\n" + fence(ISLANDS),
            "broken.md": "# Broken\n\n" + fence("{") + "\nand then\n\n" + fence(TEA),
        },
    )
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    site = tmp_path / "site"
    assert "argmap" not in (site / "index.html").read_text(encoding="utf-8")
    for page in ("two", "broken"):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        assert html.count(assets()) == 1
        # Just before the first diagram's viewer.
        assert html.index(assets()) + len(assets()) == html.index('<div class="argmap-viewer')
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Drink &lt;tea&gt;" in index or "Drink <tea>" in index or "Drink \\u003ctea\\u003e" in index
    assert "argmapViewer" not in index
    assert "--argmap-" not in index


@pytest.fixture
def counted_dot(tmp_path: Path) -> tuple[str, Path]:
    """A ``dot`` that notes each run in a log, then runs Graphviz: the PATH that finds it, and the log."""
    real = shutil.which("dot")
    assert real is not None
    tools, log = tmp_path / "bin", tmp_path / "dot-runs.log"
    tools.mkdir()
    (tools / "dot").write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{real}" "$@"\n', encoding="utf-8")
    (tools / "dot").chmod(0o755)
    return f"{tools}{os.pathsep}{os.environ['PATH']}", log


def page(root: Path) -> str:
    """The site's home page, without the time of the build that MkDocs notes at its end."""
    return re.sub(r"Build Date UTC : .*", "", (root / "site" / "index.html").read_text(encoding="utf-8"))


def runs(log: Path) -> int:
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


@pytest.mark.dot
@pytest.mark.parametrize(
    ("config", "cache"),
    [(PLUGIN, ".cache/argmap"), (PLUGIN.replace("- argmap", "- argmap:\n      cache_dir: drawings"), "drawings")],
    ids=["default", "cache_dir"],
)
def test_an_unchanged_build_runs_dot_zero_times(
    tmp_path: Path, counted_dot: tuple[str, Path], config: str, cache: str
) -> None:
    path, log = counted_dot
    site = project(tmp_path / "site-project", {"index.md": fence(TEA) + "\n" + fence(ISLANDS)}, config)
    assert build(site, path=path).returncode == 0
    assert runs(log) == 2
    assert len(list((site / cache).glob("argmap-*.svg"))) == 2
    first = page(site)
    done = build(site, path=path)
    assert done.returncode == 0, done.stderr
    assert runs(log) == 2
    assert page(site) == first
    # A changed map is drawn anew, and only it.
    (site / "docs" / "index.md").write_text(fence(TEA.replace("merry", "happy")) + "\n" + fence(ISLANDS))
    assert build(site, path=path).returncode == 0
    assert runs(log) == 3


@pytest.mark.dot
def test_the_plugin_takes_over_a_fence_that_mkdocs_yml_configures(tmp_path: Path) -> None:
    config = (
        "site_name: Test\nplugins:\n  - argmap\nmarkdown_extensions:\n  - pymdownx.superfences:\n"
        "      custom_fences:\n        - name: mermaid\n          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_div_format\n"
        "        - name: argmap\n          class: argmap\n"
        "          format: !!python/name:argmap.mkdocs.fence_format\n"
        "          validator: !!python/name:argmap.mkdocs.fence_validator\n"
    )
    project(tmp_path, {"index.md": "# Home\n\n" + fence(ISLANDS) + "\n```mermaid\ngraph TD; a-->b\n```\n"}, config)
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    assert warnings(done) == [
        "argmap: docs/index.md:3: warning disconnected [c] is not connected to the main part of the map (2 elements)"
    ]
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<div class="mermaid">graph TD; a--&gt;b</div>' in html
    assert html.count(assets()) == 1
    assert (tmp_path / ".cache" / "argmap").is_dir()


@pytest.mark.dot
@pytest.mark.browser
def test_a_built_page_fits_phones_and_desktops(tmp_path: Path, browser: Any) -> None:
    statements = [f'{{"id": "s{n}", "text": "Statement number {n} stands alone, wide."}}' for n in range(12)]
    wide = f'{{"argmap": 1, "statements": [{", ".join(statements)}]}}'
    project(tmp_path, {"index.md": "# Home\n\n" + fence(TEA) + "\n" + fence(wide)})
    assert build(tmp_path).returncode == 0
    url = (tmp_path / "site" / "index.html").as_uri()
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(url)
        state = page.evaluate(
            """() => ({
              scroll: document.documentElement.scrollWidth,
              ready: document.querySelectorAll(".argmap-viewer[data-argmap-ready]").length,
              frames: Array.from(document.querySelectorAll(".argmap-frame"),
                                 (frame) => frame.getBoundingClientRect().right <= innerWidth),
            })"""
        )
        assert state == {"scroll": width, "ready": 2, "frames": [True, True]}
        page.close()


def test_each_problem_of_an_argdown_map_is_warned_at_its_own_line(tmp_path: Path) -> None:
    project(
        tmp_path,
        {
            "maps/bad.argdown": "[a]: A\x02.\n\n[b]: B.\n\n[c]: C\x03.\n",
            "index.md": '# Home\n\n```argmap src="/maps/bad.argdown"\n```\n',
        },
    )
    done = build(tmp_path)
    located = [line for line in warnings(done) if "invalid-text" in line]
    assert [line.split(": ", 2)[1] for line in located] == ["docs/maps/bad.argdown:1", "docs/maps/bad.argdown:5"]


def test_a_nul_byte_in_src_is_an_error_block_not_a_crash(tmp_path: Path) -> None:
    project(tmp_path, {"index.md": '# Home\n\n```argmap src="/maps/x\x00.argdown"\n```\n\nStill built.\n'})
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    assert any("holds a NUL byte" in line for line in warnings(done))
    assert "Still built." in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_fence_draws_a_part_of_the_map_with_select_s_names() -> None:
    whole = converter().convert(fence(TEA))
    part = converter().convert(fence(TEA, 'format="json" select="awake" depth="0"'))
    assert len(re.findall(r'class="node argmap-statement', whole)) > 1
    assert re.findall(r'<g id="([^"]+)" [^>]*class="node argmap-statement', part) == ["map-1.awake"]
    wrong = converter().convert(fence(TEA, 'format="json" depth="deep"'))
    assert "depth must be a number of ties" in wrong
