"""The SAT backend of argmap.af: the same labellings as the search, its own deterministic order, the option, time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import Run, status_map
from test_af import Reference, assert_legal, frameworks

from argmap import OptionError, SearchLimit
from argmap.af import (
    BACKENDS,
    Framework,
    Label,
    Verdict,
    credulous,
    dumps,
    grounded,
    labellings,
    load,
    sat,
    skeptical,
)
from argmap.cli import ExitStatus, main
from argmap.evaluate import acceptance, evaluate, evaluate_all

ROOT = Path(__file__).resolve().parent.parent
SOLVED = ("complete", "preferred", "stable")

needs_sat = pytest.mark.skipif(not sat.available(), reason="python-sat is not installed (pip install 'argmap[sat]')")

#: A labelling as something a set can hold.
Key = tuple[tuple[str, str], ...]


def key(labelling: dict[str, Label]) -> Key:
    return tuple((name, label.value) for name, label in labelling.items())


def both(af: Framework, semantics: str) -> tuple[list[Key], list[Key]]:
    """Every labelling from the SAT backend and from the search, in their orders."""
    return (
        [key(found) for found in labellings(af, semantics, backend="sat")],
        [key(found) for found in labellings(af, semantics, backend="search")],
    )


@needs_sat
@settings(max_examples=200, deadline=None)
@given(frameworks(max_arguments=14), st.sampled_from(SOLVED))
def test_both_backends_give_the_same_labellings(af: Framework, semantics: str) -> None:
    found, searched = both(af, semantics)
    assert len(found) == len(set(found))
    assert set(found) == set(searched)
    if semantics == "complete":  # both put the grounded labelling first
        assert found[0] == searched[0] == key(grounded(af))


@needs_sat
@settings(max_examples=100, deadline=None)
@given(frameworks(max_arguments=10), st.sampled_from(SOLVED))
def test_the_sat_backend_against_the_brute_force_reference(af: Framework, semantics: str) -> None:
    reference = Reference(af)
    expected = {"complete": reference.complete, "preferred": reference.preferred, "stable": reference.stable}
    found = list(labellings(af, semantics, backend="sat"))
    for labelling in found:
        assert_legal(af, labelling)
    masks = [reference.mask(labelling) for labelling in found]
    assert len(masks) == len(set(masks))
    assert set(masks) == expected[semantics]()


@needs_sat
@given(frameworks(max_arguments=10), st.sampled_from(SOLVED), st.integers(0, 4))
def test_the_sat_order_is_deterministic_and_limit_takes_its_prefix(af: Framework, semantics: str, limit: int) -> None:
    everything = list(labellings(af, semantics, backend="sat"))
    assert list(labellings(af, semantics, backend="sat")) == everything
    assert list(labellings(af, semantics, backend="sat", limit=limit)) == everything[:limit]


@needs_sat
def test_the_sat_order_does_not_depend_on_the_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "import random\n"
        "from argmap.af import Framework, labellings\n"
        "rng = random.Random(11)\n"
        "names = [f'n{i}' for i in range(24)]\n"
        "attacks = sorted({(rng.choice(names), rng.choice(names)) for _ in range(40)})\n"
        "af = Framework(names, attacks)\n"
        "for s in ('complete', 'preferred', 'stable'):\n"
        "    print([[x.value for x in lab.values()] for lab in labellings(af, s, backend='sat')])\n"
    )
    assert len(hash_seed_outputs(script)) == 1


@needs_sat
def test_a_small_known_framework_under_both_backends() -> None:
    # The example of test_af: an even loop a <-> b in front of an odd loop c -> d -> e -> c.
    af = Framework("abcde", [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "c")])

    def show(semantics: str, backend: str) -> list[str]:
        found = labellings(af, semantics, backend=backend)
        return ["".join(name for name, label in x.items() if label is Label.IN) for x in found]

    # The search keeps its documented order; the solver's is its own, but the same labellings.
    assert show("complete", "search") == ["", "a", "bd"]
    assert show("preferred", "search") == ["a", "bd"]
    assert show("complete", "sat")[0] == ""
    for semantics, expected in (("complete", ["", "a", "bd"]), ("preferred", ["a", "bd"]), ("stable", ["bd"])):
        assert sorted(show(semantics, "sat")) == expected


def pairs(k: int) -> Framework:
    """k disjoint pairs of arguments that attack each other: 2**k preferred and stable labellings, 3**k complete."""
    names = [f"{side}{i}" for i in range(k) for side in "xy"]
    return Framework(names, [attack for i in range(k) for attack in ((f"x{i}", f"y{i}"), (f"y{i}", f"x{i}"))])


@needs_sat
def test_disjoint_pairs_give_every_combination() -> None:
    af = pairs(9)
    for semantics, count in (("preferred", 2**9), ("stable", 2**9), ("complete", 3**9)):
        found = [key(labelling) for labelling in labellings(af, semantics, backend="sat")]
        assert len(set(found)) == len(found) == count


@needs_sat
@settings(max_examples=150, deadline=None)
@given(frameworks(max_arguments=12), st.sampled_from(("complete", "stable")), st.integers(1, 5))
def test_an_enumeration_cut_into_parts_gives_every_labelling_once(af: Framework, semantics: str, part: int) -> None:
    # Parts of a few labellings each: every split, and every split of a split, is taken on small frameworks.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sat, "_PART", part)
        found = [key(labelling) for labelling in labellings(af, semantics, backend="sat")]
        again = [key(labelling) for labelling in labellings(af, semantics, backend="sat")]
    assert len(found) == len(set(found))
    assert set(found) == {key(labelling) for labelling in labellings(af, semantics, backend="search")}
    assert found == again


@needs_sat
@settings(max_examples=100, deadline=None)
@given(frameworks(max_arguments=12))
def test_ideal_from_admissible_sets_is_the_searchs_ideal(af: Framework) -> None:
    assert list(labellings(af, "ideal", backend="sat")) == list(labellings(af, "ideal", backend="search"))


# --- the ICCMA corpus -----------------------------------------------------------------------------------------------

#: Corpus instances whose labellings neither backend (nor clingo) enumerates in seconds, with the semantics whose
#: first labelling comes quickly: a dense framework, and a sparse one with very many extensions.
HARD = {
    "st_890_86_9_572.af": ("complete",),
    "a1210993_20150717_0403.gml.80.af": SOLVED,
}


@needs_sat
def test_both_backends_agree_on_the_corpus(shared_corpus: Path) -> None:
    folder = shared_corpus / "iccma"
    for path in sorted(p for p in folder.iterdir() if p.suffix != ".md"):
        af = load(path)
        for semantics in SOLVED:
            if path.name in HARD:
                if semantics in HARD[path.name]:
                    (first,) = labellings(af, semantics, backend="sat", limit=1, timeout=20)
                    assert_legal(af, first)
                    assert semantics != "complete" or first == grounded(af)
                continue
            found, searched = both(af, semantics)
            assert len(found) == len(set(found)), (path.name, semantics)
            assert set(found) == set(searched), (path.name, semantics)


@needs_sat
def test_ideal_on_a_large_sparse_instance(shared_corpus: Path) -> None:
    # Thousands of open arguments: the admissible-set rounds and the search's rounds give the same ideal labelling.
    af = load(shared_corpus / "iccma" / "a1210993_20150717_0403.gml.80.af")
    (ideal,) = labellings(af, "ideal", backend="sat")
    assert [ideal] == list(labellings(af, "ideal", backend="search"))
    assert sum(label is Label.IN for label in ideal.values()) == 72


@needs_sat
@pytest.mark.parametrize("semantics", SOLVED)
def test_the_sat_backend_stops_at_its_timeout(shared_corpus: Path, semantics: str) -> None:
    hard = load(shared_corpus / "iccma" / "st_890_86_9_572.af")
    start = time.monotonic()
    with pytest.raises(SearchLimit, match=f"no further {semantics} labelling found within 0.3 s"):
        # Complete labellings come quickly here, but not all of them.
        for _ in labellings(hard, semantics, backend="sat", timeout=0.3):
            pass
    # The timer interrupts the solver inside a call, so the search stops near its deadline, not after the call.
    assert time.monotonic() - start < 10


# --- the option --------------------------------------------------------------------------------------------------


def test_an_unknown_backend_is_refused_at_once() -> None:
    af = Framework(["a"], [])
    with pytest.raises(OptionError, match=r"unknown backend 'clingo': choose one of auto, sat, search"):
        labellings(af, "preferred", backend="clingo")
    m = status_map()
    with pytest.raises(OptionError, match="unknown backend"):
        evaluate_all(m, "preferred", backend="clingo")
    with pytest.raises(OptionError, match="unknown backend"):
        evaluate(m, "grounded", backend="clingo")
    assert BACKENDS == ("auto", "sat", "search")


def test_without_python_sat_auto_falls_back_and_sat_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sat, "available", lambda: False)
    af = pairs(3)
    with pytest.raises(OptionError, match=r"needs python-sat, which is not installed: pip install 'argmap\[sat\]'"):
        labellings(af, "preferred", backend="sat")
    for semantics in SOLVED:
        assert list(labellings(af, semantics)) == list(labellings(af, semantics, backend="search"))


@needs_sat
def test_auto_leaves_chains_and_cycles_to_the_search() -> None:
    # An even cycle: each open argument has one open attacker, so propagation alone decides every labelling.
    names = [str(i) for i in range(20)]
    cycle = Framework(names, [(names[i - 1], names[i]) for i in range(20)])
    ground = list(grounded(cycle).values())
    for semantics in ("complete", "stable"):
        assert not sat.suited(cycle, semantics, ground)
        assert list(labellings(cycle, semantics)) == list(labellings(cycle, semantics, backend="search"))
    # But the search's preferred scheme grows with the square of the labellings found: the solver's does not.
    assert sat.suited(cycle, "preferred", ground)
    # Two open attackers on one argument: the solver.
    dense = Framework("abc", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "a")])
    assert sat.suited(dense, "complete", list(grounded(dense).values()))
    assert list(labellings(dense, "preferred")) == list(labellings(dense, "preferred", backend="sat"))
    # Nothing open: the grounded labelling, without starting a solver.
    chain = Framework("abc", [("a", "b"), ("b", "c")])
    assert sat.suited(chain, "stable", list(grounded(chain).values()))
    assert list(labellings(chain, "preferred", backend="sat")) == [grounded(chain)]


@needs_sat
def test_evaluate_all_with_each_backend() -> None:
    m = status_map()
    for semantics in SOLVED:
        found = {
            backend: sorted(repr(labelling) for labelling in evaluate_all(m, semantics, backend=backend))
            for backend in BACKENDS
        }
        assert found["sat"] == found["search"] == found["auto"]
    assert evaluate(m, "preferred", backend="sat") in list(evaluate_all(m, "preferred", backend="search"))


def test_acceptance_questions_take_the_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    af = pairs(2)
    with pytest.raises(OptionError, match="unknown backend 'clingo'"):
        credulous(af, "x0", "preferred", backend="clingo")
    with pytest.raises(OptionError, match="unknown backend 'clingo'"):
        acceptance(status_map(), "v", "preferred", backend="clingo")
    monkeypatch.setattr(sat, "available", lambda: False)
    with pytest.raises(OptionError, match="needs python-sat"):
        skeptical(af, "x0", "preferred", backend="sat")
    assert credulous(af, "x0", "preferred").accepted  # auto falls back to the search


@needs_sat
@pytest.mark.parametrize("semantics", SOLVED)
def test_the_solver_is_asked_where_the_backend_says(monkeypatch: pytest.MonkeyPatch, semantics: str) -> None:
    asked: list[bool] = []
    witness = sat.witness
    monkeypatch.setattr(sat, "witness", lambda *args: asked.append(args[4]) or witness(*args))
    af = pairs(3)
    for backend, calls in (("search", []), ("sat", [True, False])):
        asked.clear()
        some, every = credulous(af, "x0", semantics, backend=backend), skeptical(af, "x0", semantics, backend=backend)
        assert (some.accepted, every.accepted) == (True, False)
        # Skeptical complete acceptance is grounded acceptance: no solver is asked.
        assert asked == (calls[:1] if semantics == "complete" else calls)


@needs_sat
def test_skeptical_preferred_where_the_argument_is_never_out() -> None:
    # a and b attack each other, c attacks itself and b; d is attacked by c alone. No preferred labelling has d OUT
    # (c is never IN), and {a} is preferred with d UNDEC: the loop over labellings with d UNDEC answers.
    af = Framework("abcd", [("a", "b"), ("b", "a"), ("c", "c"), ("c", "b"), ("c", "d")])
    every = skeptical(af, "d", "preferred", backend="sat")
    assert not every.accepted
    assert every.witness is not None
    assert every.witness["d"] is Label.UNDEC
    # d is IN in both preferred labellings, {a, d} and {b, d}, and UNDEC in the grounded one: the loop grows the
    # grounded labelling no further without d, finds it not maximal, rules it out and finds no other.
    accepted = Framework("abcd", [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    assert skeptical(accepted, "d", "preferred", backend="sat") == Verdict(True)


def test_importing_argmap_does_not_import_python_sat() -> None:
    # The command starts through argmap.cli: the solver is loaded only when a search needs it.
    script = "import sys, argmap, argmap.cli, argmap.evaluate, argmap.af.sat; print('pysat' in sys.modules)"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=environment)
    assert done.stdout.strip() == "False"


# --- the command ---------------------------------------------------------------------------------------------------


@needs_sat
def test_the_command_takes_a_backend(run: Run, tmp_path: Path) -> None:
    (tmp_path / "pairs.apx").write_text(dumps(pairs(3), "apx"), encoding="utf-8")
    shown = {}
    for backend in BACKENDS:
        result = run("evaluate", "pairs.apx", "--semantics", "preferred", "--backend", backend, "--format", "json")
        assert result.status == 0, result.stderr
        shown[backend] = json.loads(result.stdout)
    assert shown["auto"] == shown["sat"]
    # The same extensions, each backend in its own order.
    assert len(shown["sat"]["extensions"]) == 8
    assert sorted(shown["sat"]["extensions"]) == sorted(shown["search"]["extensions"])


@needs_sat
@pytest.mark.parametrize("task", ["DC-PR", "DS-PR", "DC-ST", "DS-ST", "DC-CO"])
def test_the_acceptance_tasks_take_a_backend(run: Run, tmp_path: Path, task: str) -> None:
    (tmp_path / "pairs.apx").write_text(dumps(pairs(2), "apx"), encoding="utf-8")
    answers = set()
    for backend in BACKENDS:
        result = run("evaluate", "pairs.apx", "--task", task, "--argument", "x0", "--backend", backend)
        assert result.status == 0, result.stderr
        answers.add(result.stdout.splitlines()[0])
    assert answers == {"NO" if task.startswith("DS") else "YES"}


def test_the_command_refuses_an_unknown_backend(run: Run, tmp_path: Path) -> None:
    (tmp_path / "pairs.apx").write_text(dumps(pairs(1), "apx"), encoding="utf-8")
    result = run("evaluate", "pairs.apx", "--semantics", "preferred", "--backend", "clingo")
    assert result.status == 2
    assert "invalid choice: 'clingo'" in result.stderr


def test_the_command_says_in_one_line_that_sat_needs_python_sat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sat, "available", lambda: False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pairs.apx").write_text(dumps(pairs(2), "apx"), encoding="utf-8")
    status = main(["evaluate", "pairs.apx", "--semantics", "preferred", "--backend", "sat"])
    out, err = capsys.readouterr()
    assert (status, out) == (ExitStatus.BAD_INPUT, "")
    assert err == (
        "argmap: error: pairs.apx: the sat backend needs python-sat, which is not installed: "
        "pip install 'argmap[sat]'\n"
    )
