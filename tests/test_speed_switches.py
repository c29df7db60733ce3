"""Each speed shortcut has one switch, and results are the same with it off: the garbage-collector pause here (the
Argdown lexer's common-line pattern is compared with its general rules in tests/test_argdown_fuzz.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap import _gc
from argmap.af import grounded
from argmap.af import loads as loads_framework
from argmap.check import check
from argmap.evaluate import evaluate, to_framework
from argmap.formats import dumps, load
from argmap.render import pipe

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_an_entry_point_runs_with_the_collector_paused_and_restores_it(collector_on: None) -> None:
    seen: list[bool] = []

    @_gc.pauses_gc
    def work(fail: bool) -> int:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("boom")
        return 1

    assert work(False) == 1
    with pytest.raises(ValueError, match="boom"):
        work(True)
    assert seen == [False, False]
    assert gc.isenabled()


def outputs() -> list[object]:
    m = load(ROOT / "seeds" / "kim-in-russia.argdown")
    framework, _ = to_framework(m)
    return [
        m,
        [str(d) for d in check(m)],
        dumps(m, "json"),
        dumps(m, "argdown"),
        dumps(m, "aif"),
        evaluate(m).statements,
        pipe(m, "dot"),
        grounded(framework),
        loads_framework("p af 3\n1 2\n2 3\n", "af").arguments,
    ]


def test_results_are_the_same_without_the_pause(monkeypatch: pytest.MonkeyPatch, collector_on: None) -> None:
    paused = outputs()
    monkeypatch.setattr(_gc, "PAUSE", False)
    seen: list[bool] = []

    @_gc.pauses_gc
    def probe() -> None:
        seen.append(gc.isenabled())

    probe()
    assert seen == [True]
    assert outputs() == paused
