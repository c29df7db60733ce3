"""The MkDocs fence: maps in pymdownx.superfences blocks drawn as SVG, and problems shown in the page."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from argmap.mkdocs import fence_format, fence_validator

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


def converter() -> markdown.Markdown:
    """A Markdown converter set up as the mkdocs.yml of docs/mkdocs.md sets up MkDocs."""
    fence = {"name": "argmap", "class": "argmap", "format": fence_format, "validator": fence_validator}
    return markdown.Markdown(
        extensions=["pymdownx.superfences"],
        extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}},
    )


def fence(body: str, header: str = 'format="json"') -> str:
    return f"```argmap {header}\n{body}\n```\n"


def svgs_in(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)


def errors_in(html: str) -> list[str]:
    return re.findall(r'<div class="admonition failure argmap-error">.*?<code>(.*?)</code>', html, flags=re.DOTALL)


@pytest.mark.dot
def test_a_fence_is_drawn_as_inline_svg() -> None:
    html = converter().convert(fence(TEA, 'format="json" alt="Tea, briefly"'))
    assert html.startswith('<div class="argmap"><svg ')
    (svg,) = svgs_in(html)
    assert 'role="img" aria-labelledby="argmap-1-title argmap-1-desc"' in svg
    assert '<title id="argmap-1-title">Tea, briefly</title>' in svg
    assert ">Drink &lt;tea&gt; &amp; be merry.</text>" in svg
    assert errors_in(html) == []


@pytest.mark.dot
def test_fence_options_choose_view_theme_and_evaluation() -> None:
    plain = svgs_in(converter().convert(fence(TEA)))[0]
    chosen = svgs_in(converter().convert(fence(TEA, 'format="json" view="premise" theme="dark" evaluate="grounded"')))
    (svg,) = chosen
    assert 'fill="#e6edf3"' in svg
    assert 'fill="#e6edf3"' not in plain
    assert ">grounded semantics</text>" in svg
    assert "Evaluated with grounded semantics" in svg


@pytest.mark.dot
def test_diagrams_on_a_page_are_numbered_and_each_page_starts_again() -> None:
    md = converter()
    html = md.convert(fence(TEA) + "\ntext\n\n" + fence(TEA))
    first, second = svgs_in(html)
    ids = re.findall(r'\bid="([^"]*)"', html)
    assert len(ids) == len(set(ids))
    assert 'id="argmap-1-title"' in first
    assert 'id="argmap-2-title"' in second
    assert 'id="argmap-1-title"' in converter().convert(fence(TEA))


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ('format="json" colour="red"', "unknown option &#x27;colour&#x27;: use format, view, theme, evaluate, alt"),
        ('format="json" view="sideways"', "unknown view &#x27;sideways&#x27;: use one of debate, premise"),
        ('format="json" evaluate="best"', "unknown evaluate &#x27;best&#x27;: use one of grounded, complete"),
        ('format="yaml"', "unknown format &#x27;yaml&#x27;"),
    ],
)
def test_bad_options_show_an_error_block(header: str, message: str, caplog: pytest.LogCaptureFixture) -> None:
    html = converter().convert(fence(TEA, header))
    (error,) = errors_in(html)
    assert error.startswith(message)
    assert svgs_in(html) == []
    assert [r.levelno for r in caplog.records if r.name == "mkdocs.plugins.argmap"] == [logging.WARNING]


def test_a_map_that_cannot_be_read_shows_why() -> None:
    broken = converter().convert(fence('{"argmap": 1,\n "statements": [{"id": "a" "text": "A."}]}'))
    assert errors_in(broken) == ["line 2, column 28: invalid JSON: Expecting &#x27;,&#x27; delimiter"]
    dangling = converter().convert(
        fence('{"argmap": 1, "relations": [{"source": "a", "target": "b", "kind": "attack"}]}')
    )
    (error,) = errors_in(dangling)
    assert error.startswith("dangling-reference: ")


def test_without_dot_the_page_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    (error,) = errors_in(converter().convert(fence(TEA)))
    assert error.startswith("Graphviz executable &#x27;dot&#x27; not found")


@pytest.mark.dot
def test_check_findings_are_logged_for_strict_builds(caplog: pytest.LogCaptureFixture) -> None:
    html = converter().convert(fence(ISLANDS))
    assert len(svgs_in(html)) == 1
    logged = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.argmap"]
    assert any("warning disconnected [c] is not connected" in message for message in logged)


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


def fenced_blocks(text: str, language: str) -> list[str]:
    """The bodies of the code blocks of ``language`` in a Markdown page, fenced with three or four backticks."""
    return re.findall(rf"^(`{{3,4}}){language}\n(.*?)^\1$", text, flags=re.DOTALL | re.MULTILINE)


@pytest.mark.dot
def test_the_documented_mkdocs_setup_builds_a_site(tmp_path: Path) -> None:
    guide = (DOCS / "mkdocs.md").read_text(encoding="utf-8")
    (config,) = [body for _, body in fenced_blocks(guide, "yaml")]
    (page,) = [body for _, body in fenced_blocks(guide, "markdown")]
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    (svg,) = svgs_in(html)
    assert '<title id="argmap-1-title">Tea, argued</title>' in svg
    assert ">grounded semantics</text>" in svg
