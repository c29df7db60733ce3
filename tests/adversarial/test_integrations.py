"""Hostile maps on pages and in notebooks: evaluation in MkDocs and Jupyter is bounded in time like Sphinx's and
the command's, and user text in a page or a notebook stays text. (Sphinx's own hostile cases, which need a whole
build, live in tests/test_sphinx.py and tests/test_mkdocs.py: see the table in tests/adversarial/__init__.py.)
"""

from __future__ import annotations

import logging
import re

import markdown
import pytest

import argmap
from argmap.mkdocs import fence_format, fence_validator

SCRIPT = "<script>alert(1)</script>"


def hard_map(pairs: int = 40) -> argmap.ArgumentMap:
    """Contradiction pairs and an odd cycle: stable semantics must search 2**pairs labellings to find there is none."""
    b = argmap.MapBuilder()
    for n in range(pairs):
        b.contradiction(b.statement(f"P{n}.", id=f"p{n}"), b.statement(f"Q{n}.", id=f"q{n}"))
    cycle = [b.statement(f"C{n}.", id=f"c{n}") for n in range(3)]
    for source, target in zip(cycle, cycle[1:] + cycle[:1], strict=True):
        b.attack(source, target)
    return b.build()


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """The drawing timeout of MkDocs fences drawn without the plugin, made short (it is ten seconds; the plugin's
    is a setting, and Jupyter's an argument).
    """
    monkeypatch.setattr("argmap.mkdocs.DRAWING_TIMEOUT", 0.2)
    return 0.2


def convert(page: str) -> str:
    fence = {"name": "argmap", "class": "argmap", "format": fence_format, "validator": fence_validator}
    converter = markdown.Markdown(
        extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}}
    )
    return converter.convert(page)


def test_a_notebook_draws_a_hard_map_under_grounded_semantics(short_timeout: float) -> None:
    diagram = argmap.show(hard_map(), evaluate="stable", timeout=short_timeout)
    assert "grounded semantics" in diagram.prepared.source
    assert "stable semantics" not in diagram.prepared.source


@pytest.mark.dot
def test_a_mkdocs_fence_draws_a_hard_map_under_grounded_semantics_and_warns(
    short_timeout: float, caplog: pytest.LogCaptureFixture
) -> None:
    page = convert(f'```argmap format="json" evaluate="stable"\n{argmap.dumps(hard_map(), "json")}\n```\n')
    assert "grounded semantics: 0 accepted, 0 rejected, 83 undecided." in page
    notes = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and "instead" in r.getMessage()]
    assert notes == [
        "argmap: fence 1: stable semantics found no labelling within 0.2 seconds; the map is drawn under grounded "
        "semantics instead"
    ]


def hostile_map() -> argmap.ArgumentMap:
    b = argmap.MapBuilder(title=SCRIPT)
    b.attack(b.statement(f"{SCRIPT} <img src=x onerror=alert(2)>", id=SCRIPT), b.statement("B.", id="b"))
    return b.build()


def user_markup(page: str) -> list[str]:
    """What of the hostile map's markup a page holds as markup rather than as text."""
    return re.findall(r"<script>alert\(1\)|<img src=x", page)


@pytest.mark.dot
def test_a_notebook_shows_user_text_as_text() -> None:
    diagram = argmap.show(hostile_map(), evaluate="grounded", sources=True)
    assert user_markup(diagram._repr_html_()) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in diagram._repr_html_()


@pytest.mark.dot
def test_a_mkdocs_fence_shows_user_text_as_text() -> None:
    page = convert(f'```argmap format="json"\n{argmap.dumps(hostile_map(), "json")}\n```\n')
    assert user_markup(page) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_mkdocs_fence_with_a_map_argmap_refuses_is_an_error_block_not_a_crash() -> None:
    page = convert('```argmap format="json"\n{"argmap": 1, "statements": [{"id": "s", "text": "a\\ufffe"}]}\n```\n')
    assert "noncharacter U+FFFE" in page
    assert "\ufffe" not in page
