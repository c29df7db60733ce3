"""Lines of progress: shown on a terminal once a step of work is slow, never in pipes, logs or with --quiet."""

from __future__ import annotations

import contextlib
import io
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap._progress as progress
from argmap import MapBuilder
from argmap.cli import main
from argmap.formats import dump


def test_a_slow_step_says_what_it_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.01)
    out = io.StringIO()
    with progress.stage("laying out 3 nodes", enabled=True, stream=out):
        deadline = time.monotonic() + 30
        while not out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
    assert out.getvalue() == "argmap: laying out 3 nodes...\n"


def test_a_quick_step_or_a_disabled_one_says_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    with progress.stage("reading", enabled=True, stream=out):
        pass  # far quicker than DELAY
    monkeypatch.setattr(progress, "DELAY", 0.0)
    with progress.stage("reading", enabled=False, stream=out):
        time.sleep(0.05)
    time.sleep(0.05)  # a timer, had one started, would have fired by now
    assert out.getvalue() == ""


def test_progress_is_wanted_only_on_a_terminal_and_not_when_quiet() -> None:
    assert not progress.wanted(io.StringIO())
    controller, terminal = os.openpty()
    with os.fdopen(controller, "rb"), open(terminal, "w", encoding="utf-8") as stream:
        assert progress.wanted(stream)
        assert not progress.wanted(stream, quiet=True)
    closed = io.StringIO()
    closed.close()
    assert not progress.wanted(closed)


@pytest.fixture
def stages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """The steps the command announces, with whether each would be shown (stderr taken for a terminal)."""
    seen: list[tuple[str, bool]] = []

    @contextlib.contextmanager
    def recorded(what: str, *, enabled: bool) -> Iterator[None]:
        seen.append((what, enabled))
        yield

    monkeypatch.setattr(progress, "stage", recorded)
    monkeypatch.setattr(progress, "wanted", lambda stream, *, quiet=False: not quiet)
    return seen


def test_check_and_render_announce_their_steps(
    stages: list[tuple[str, bool]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = MapBuilder()
    b.support(b.statement("Tea is healthy."), b.statement("Drink tea."))
    dump(b.build(), tmp_path / "tea.json")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "tea.json"]) == 0
    assert main(["render", "tea.json", "-o", "tea.dot", "--evaluate", "grounded"]) == 0
    assert stages == [
        ("reading tea.json", True),
        ("checking tea.json (2 statements, 0 arguments)", True),
        ("reading tea.json", True),
        ("evaluating tea.json under grounded semantics", True),
        ("drawing tea.json (2 statements, 0 arguments)", True),
    ]
    stages.clear()
    assert main(["render", "tea.json", "-o", "tea.dot", "--quiet"]) == 0
    assert main(["check", "-q", "tea.json"]) == 0
    assert {enabled for _, enabled in stages} == {False}
