"""Semi-stable, stage, ideal and eager semantics and acceptance questions: against the textbook definitions applied
to every subset of small frameworks, and against ASP encodings of the definitions run by clingo (where installed)
on random frameworks and the ICCMA corpus.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import MapError, OptionError, SearchLimit
from argmap.af import SEMANTICS, Framework, Label, Verdict, credulous, labellings, load, sat, skeptical

ROOT = Path(__file__).resolve().parent.parent
ICCMA = ROOT.parent / "shared" / "corpus" / "iccma"

Extension = frozenset[str]

# --- the textbook definitions, over every subset -------------------------------------------------------------------


def attacked_by(af: Framework, s: Iterable[str]) -> set[str]:
    return {target for name in s for target in af.targets(name)}


def textbook(af: Framework) -> dict[str, set[Extension]]:
    """Each semantics' extensions, straight from the definitions (Dung 1995; Verheij 1996; Caminada 2006;
    Dung, Mancarella and Toni 2007; Caminada 2007), by trying every subset.
    """
    names = af.arguments
    subsets = [frozenset(c) for r in range(len(names) + 1) for c in itertools.combinations(names, r)]
    free = [s for s in subsets if not attacked_by(af, s) & s]

    def defends(s: Extension, name: str) -> bool:
        return set(af.attackers(name)) <= attacked_by(af, s)

    def range_of(s: Extension) -> set[str]:
        return s | attacked_by(af, s)

    admissible = [s for s in free if all(defends(s, name) for name in s)]
    complete = [s for s in admissible if all(name in s for name in names if defends(s, name))]
    preferred = [s for s in admissible if not any(s < t for t in admissible)]
    semi_stable = [s for s in complete if not any(range_of(s) < range_of(t) for t in complete)]
    stage = [s for s in free if not any(range_of(s) < range_of(t) for t in free)]
    stable = [s for s in free if range_of(s) == set(names)]
    ideal = max((s for s in admissible if all(s <= p for p in preferred)), key=len)
    eager = max((s for s in admissible if all(s <= p for p in semi_stable)), key=len)
    return {
        "grounded": {min(complete, key=len)},
        "complete": set(complete),
        "preferred": set(preferred),
        "stable": set(stable),
        "semi-stable": set(semi_stable),
        "stage": set(stage),
        "ideal": {ideal},
        "eager": {eager},
    }


def extension(labelling: dict[str, Label]) -> Extension:
    return frozenset(name for name, label in labelling.items() if label is Label.IN)


def assert_labels_follow_the_extension(af: Framework, labelling: dict[str, Label]) -> None:
    """OUT exactly when attacked by the extension; UNDEC the rest: Caminada's labelling of an extension."""
    hit = attacked_by(af, extension(labelling))
    for name, label in labelling.items():
        assert (label is Label.OUT) == (name in hit), name
        assert (label is Label.UNDEC) == (name not in hit and label is not Label.IN), name


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 7) -> Framework:
    n = draw(st.integers(0, max_arguments))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * n)) if pairs else []
    return Framework(names, attacks)


@settings(max_examples=200, deadline=None)
@given(frameworks())
def test_every_semantics_gives_the_textbook_extensions(af: Framework) -> None:
    expected = textbook(af)
    for semantics in SEMANTICS:
        found = list(labellings(af, semantics))
        assert len(found) == len({extension(labelling) for labelling in found}), semantics
        assert {extension(labelling) for labelling in found} == expected[semantics], semantics
        for labelling in found:
            assert list(labelling) == list(af.arguments)
            assert_labels_follow_the_extension(af, labelling)


#: The backends to answer with here: the SAT solver only where python-sat is installed (CI installs it).
_BACKENDS = ("search", "sat") if sat.available() else ("search",)


@settings(max_examples=300, deadline=None)
@given(frameworks(), st.sampled_from(SEMANTICS), st.sampled_from(_BACKENDS))
def test_acceptance_agrees_with_the_extensions_and_shows_a_witness(af: Framework, semantics: str, backend: str) -> None:
    extensions = textbook(af)[semantics]
    for name in af.arguments:
        some = credulous(af, name, semantics, backend=backend)
        every = skeptical(af, name, semantics, backend=backend)
        assert some.accepted == any(name in e for e in extensions)
        assert every.accepted == all(name in e for e in extensions)
        # A witness exactly where a single labelling proves the answer, and it is one of the semantics'.
        assert (some.witness is not None) == some.accepted
        assert (every.witness is not None) == (not every.accepted)
        if some.witness is not None:
            assert some.witness[name] is Label.IN
            assert extension(dict(some.witness)) in extensions
        if every.witness is not None:
            assert every.witness[name] is not Label.IN
            assert extension(dict(every.witness)) in extensions


def abstract(arguments: str, attacks: str) -> Framework:
    return Framework(arguments, [(pair[0], pair[1]) for pair in attacks.split()])


def shown(af: Framework, semantics: str) -> list[str]:
    return ["".join(sorted(extension(labelling))) for labelling in labellings(af, semantics)]


def test_the_semantics_part_where_the_literature_says_they_do() -> None:
    # b attacks itself and a: grounded accepts nothing, yet a is in every preferred extension (ideal, Dung et al.).
    af = abstract("ab", "ab ba bb")
    assert shown(af, "grounded") == [""]
    assert shown(af, "ideal") == ["a"]
    # a and b attack each other, b attacks the self-attacking c: {b} decides c too, {a} leaves it open.
    af = abstract("abc", "ab ba bc cc")
    assert sorted(shown(af, "preferred")) == ["a", "b"]  # in the order of the backend (see test_af_sat)
    assert shown(af, "semi-stable") == ["b"]
    assert shown(af, "ideal") == [""]
    assert shown(af, "eager") == ["b"]
    # An odd cycle has no stable extension; its stage extensions take one argument each (Verheij).
    af = abstract("abc", "ab bc ca")
    assert shown(af, "stable") == []
    assert shown(af, "semi-stable") == [""]
    assert sorted(shown(af, "stage")) == ["a", "b", "c"]


def test_a_stage_extension_need_not_defend_its_members() -> None:
    # d's only attacker e attacks itself: nothing defends d, yet taking d in is what makes the range maximal.
    af = abstract("abcde", "ab bc ed ee")
    (labelling,) = labellings(af, "stage")
    assert extension(labelling) == {"a", "c", "d"}
    assert labelling["e"] is Label.UNDEC  # d is IN with an undecided attacker
    assert credulous(af, "d", "stage").accepted
    assert not credulous(af, "d", "semi-stable").accepted


def test_a_framework_without_stable_labellings_accepts_everything_skeptically_under_stable() -> None:
    af = abstract("abc", "ab bc ca")
    assert skeptical(af, "a", "stable") == Verdict(True)
    assert credulous(af, "a", "stable") == Verdict(False)


def test_acceptance_refuses_unknown_arguments_semantics_and_timeouts() -> None:
    af = abstract("ab", "ab")
    with pytest.raises(MapError, match="no argument named 'z'"):
        credulous(af, "z", "preferred")
    with pytest.raises(OptionError, match="unknown semantics 'naive'"):
        skeptical(af, "a", "naive")
    with pytest.raises(OptionError, match="timeout"):
        credulous(af, "a", "preferred", timeout=0)


def test_hard_questions_stop_at_their_timeout(shared_corpus: Path) -> None:
    hard = load(shared_corpus / "iccma" / "st_890_86_9_572.af")
    for semantics in ("semi-stable", "stage", "ideal", "eager"):
        with pytest.raises(SearchLimit, match=f"no further {semantics} labelling found within 0.2 s"):
            next(labellings(hard, semantics, timeout=0.2))
    with pytest.raises(SearchLimit, match=r"no answer to the skeptical preferred question within 0\.2 s"):
        skeptical(hard, "1", "preferred", timeout=0.2)


@pytest.mark.parametrize("semantics", ["semi-stable", "stage", "ideal", "eager"])
def test_a_long_chain_is_decided_without_recursion(semantics: str) -> None:
    names = [str(i) for i in range(100_000)]
    chain = Framework(names, list(itertools.pairwise(names)))
    (labelling,) = labellings(chain, semantics)
    assert [labelling[name] for name in ("0", "1", "99998", "99999")] == [Label.IN, Label.OUT, Label.IN, Label.OUT]
    assert credulous(chain, "99998", semantics).accepted
    assert not skeptical(chain, "99999", semantics).accepted


def test_order_does_not_depend_on_the_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "import random\n"
        "from argmap.af import Framework, labellings, credulous, skeptical\n"
        "rng = random.Random(11)\n"
        "names = [f'n{i}' for i in range(14)]\n"
        "attacks = sorted({(rng.choice(names), rng.choice(names)) for _ in range(30)})\n"
        "af = Framework(names, attacks)\n"
        "for s in ('semi-stable', 'stage', 'ideal', 'eager'):\n"
        "    print([[x.value for x in lab.values()] for lab in labellings(af, s)])\n"
        "    print([dict(skeptical(af, n, s).witness or {}) for n in names])\n"
    )
    assert len(hash_seed_outputs(script)) == 1


# --- an ASP oracle: the definitions as ASPARTIX-style encodings, solved by clingo -----------------------------------

# Guess a set; conflict-free; what it attacks and what it leaves undefended; its range.
GUESS = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
undefended(X) :- att(Y,X), not defeated(Y).
inrange(X) :- in(X).
inrange(X) :- defeated(X).
"""
ADMISSIBLE = ":- in(X), undefended(X).\n"
COMPLETE = ADMISSIBLE + ":- out(X), not undefended(X).\n"
STABLE = ":- out(X), not defeated(X).\n"


class Oracle:
    """clingo on the encodings above: the extensions of a framework under each semantics."""

    def __init__(self, af: Framework) -> None:
        self.af = af
        self.quoted = {name: f'"{name}"' for name in af.arguments}
        facts = [f"arg({self.quoted[name]})." for name in af.arguments]
        facts += [f"att({self.quoted[a]},{self.quoted[b]})." for a, b in af.attacks]
        self.facts = "\n".join(facts) + "\n"

    def models(self, program: str, maximise: str | None = None) -> list[tuple[Extension, Extension]]:
        """Each answer set's extension and range; with ``maximise``, only those whose atoms of that predicate are
        subset-maximal (clingo's domain heuristic, enumerated as in ASPARTIX).
        """
        clingo = pytest.importorskip("clingo", reason="clingo is not installed (pip install clingo)")
        options = ["0", "--heuristic=Domain", "--enum-mode=domRec"] if maximise else ["0"]
        control = clingo.Control(options)
        heuristic = f"#heuristic {maximise}(X) : arg(X). [1,true]\n" if maximise else ""
        control.add("base", [], self.facts + GUESS + program + heuristic)
        control.ground([("base", [])])
        found: list[tuple[Extension, Extension]] = []

        def model(answer: object) -> None:
            atoms = answer.symbols(atoms=True)  # type: ignore[attr-defined]
            members = frozenset(str(a.arguments[0].string) for a in atoms if a.name == "in")
            reach = frozenset(str(a.arguments[0].string) for a in atoms if a.name == "inrange")
            found.append((members, reach))

        control.solve(on_model=model)
        return found

    def range_maximal(self, program: str) -> set[Extension]:
        """domRec gives one answer set per maximal range; each range's answer sets are then enumerated in full."""
        extensions: set[Extension] = set()
        for _, reach in self.models(program, maximise="inrange"):
            exact = "".join(
                f":- not inrange({q}).\n" if name in reach else f":- inrange({q}).\n" for name, q in self.quoted.items()
            )
            extensions.update(members for members, _ in self.models(program + exact))
        return extensions

    def extensions(self) -> dict[str, set[Extension]]:
        complete = {members for members, _ in self.models(COMPLETE)}
        preferred = {members for members, _ in self.models(ADMISSIBLE, maximise="in")}
        semi_stable = self.range_maximal(COMPLETE)

        def core(over: set[Extension]) -> Extension:
            # The largest admissible set inside every one of them: the fixpoint that drops undefended members.
            inside = frozenset.intersection(*over)
            while True:
                smaller = frozenset(n for n in inside if set(self.af.attackers(n)) <= attacked_by(self.af, inside))
                if smaller == inside:
                    return inside
                inside = smaller

        return {
            "grounded": {min(complete, key=len)},
            "complete": complete,
            "preferred": preferred,
            "stable": {members for members, _ in self.models(STABLE)},
            "semi-stable": semi_stable,
            "stage": self.range_maximal(""),
            "ideal": {core(preferred)},
            "eager": {core(semi_stable)},
        }


def assert_agrees_with_the_oracle(af: Framework, questions: int = 3) -> None:
    expected = Oracle(af).extensions()
    names = af.arguments
    asked = [names[i] for i in sorted(random.Random(len(names)).sample(range(len(names)), min(questions, len(names))))]
    for semantics in SEMANTICS:
        found = {extension(labelling) for labelling in labellings(af, semantics)}
        assert found == expected[semantics], semantics
        for name in asked:
            assert credulous(af, name, semantics).accepted == any(name in e for e in expected[semantics])
            assert skeptical(af, name, semantics).accepted == all(name in e for e in expected[semantics])


def test_random_frameworks_agree_with_the_asp_oracle() -> None:
    pytest.importorskip("clingo", reason="clingo is not installed (pip install clingo)")
    rng = random.Random(2024)
    for _ in range(60):
        n = rng.randint(1, 14)
        names = [f"x{i}" for i in range(n)]
        attacks = sorted({(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(0, 3 * n))})
        assert_agrees_with_the_oracle(Framework(names, attacks))


@pytest.mark.parametrize("name", ["a.apx", "b.tgf", "t1.tgf", "admbuster_1000.af"])
def test_the_iccma_corpus_agrees_with_the_asp_oracle(name: str) -> None:
    pytest.importorskip("clingo", reason="clingo is not installed (pip install clingo)")
    if not ICCMA.is_dir():
        pytest.skip(f"shared ICCMA corpus not found at {ICCMA}")
    assert_agrees_with_the_oracle(load(ICCMA / name))
