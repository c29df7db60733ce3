"""Abstract frameworks: solvers against a brute-force reference, the ICCMA formats, the corpus, and scale."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import MapError, OptionError, ParseError, SearchLimit, UnknownFormat
from argmap.af import SEMANTICS, Framework, Label, dumps, grounded, labellings, load, loads

# --- a brute-force reference over every subset, as bit masks ------------------------------------------------------


class Reference:
    """Extensions of a small framework found by trying every subset of its arguments."""

    def __init__(self, af: Framework) -> None:
        self.af = af
        self.n = len(af.arguments)
        position = {name: i for i, name in enumerate(af.arguments)}
        self.attackers = [0] * self.n
        self.targets = [0] * self.n
        for source, target in af.attacks:
            self.attackers[position[target]] |= 1 << position[source]
            self.targets[position[source]] |= 1 << position[target]

    def attacked(self, s: int) -> int:
        out = 0
        for i in range(self.n):
            if s >> i & 1:
                out |= self.targets[i]
        return out

    def subsets(self) -> Iterator[tuple[int, int, int]]:
        """Every conflict-free set, with the set it attacks and the set it defends."""
        for s in range(1 << self.n):
            hit = self.attacked(s)
            if hit & s:
                continue
            defended = 0
            for i in range(self.n):
                if self.attackers[i] & ~hit == 0:
                    defended |= 1 << i
            yield s, hit, defended

    def admissible(self) -> set[int]:
        return {s for s, _, defended in self.subsets() if s & ~defended == 0}

    def complete(self) -> set[int]:
        return {s for s, _, defended in self.subsets() if s == defended}

    def stable(self) -> set[int]:
        everyone = (1 << self.n) - 1
        return {s for s, hit, _ in self.subsets() if s | hit == everyone}

    def preferred(self) -> set[int]:
        admissible = self.admissible()
        return {s for s in admissible if not any(t != s and s & t == s for t in admissible)}

    def mask(self, labelling: dict[str, Label]) -> int:
        return sum(1 << i for i, name in enumerate(self.af.arguments) if labelling[name] is Label.IN)


@st.composite
def frameworks(draw: st.DrawFn, max_arguments: int = 12) -> Framework:
    n = draw(st.integers(0, max_arguments))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * n)) if pairs else []
    return Framework(names, attacks)


def assert_legal(af: Framework, labelling: dict[str, Label], semantics: str = "complete") -> None:
    """IN exactly when every attacker is OUT; OUT exactly when some attacker is IN (Caminada's complete labelling).

    A stage labelling is only conflict-free: IN needs no attacker IN, not every attacker OUT.
    """
    assert list(labelling) == list(af.arguments)
    for name in af.arguments:
        attackers = [labelling[b] for b in af.attackers(name)]
        if semantics == "stage":
            assert labelling[name] is not Label.IN or Label.IN not in attackers
        else:
            assert (labelling[name] is Label.IN) == all(label is Label.OUT for label in attackers)
        assert (labelling[name] is Label.OUT) == any(label is Label.IN for label in attackers)


def in_sets(af: Framework, semantics: str) -> list[int]:
    reference = Reference(af)
    return [reference.mask(labelling) for labelling in labellings(af, semantics)]


@settings(max_examples=150)
@given(frameworks())
def test_complete_labellings_are_exactly_the_complete_extensions(af: Framework) -> None:
    found = in_sets(af, "complete")
    assert len(found) == len(set(found))
    assert set(found) == Reference(af).complete()


@settings(max_examples=150)
@given(frameworks())
def test_grounded_is_the_least_complete_extension(af: Framework) -> None:
    reference = Reference(af)
    ground = reference.mask(grounded(af))
    complete = reference.complete()
    assert ground in complete
    assert all(ground & s == ground for s in complete)
    assert [reference.mask(labelling) for labelling in labellings(af, "grounded")] == [ground]
    assert next(labellings(af, "complete")) == grounded(af)


@settings(max_examples=150)
@given(frameworks())
def test_preferred_are_the_maximal_admissible_sets(af: Framework) -> None:
    found = in_sets(af, "preferred")
    assert len(found) == len(set(found))
    assert set(found) == Reference(af).preferred()


@settings(max_examples=150)
@given(frameworks())
def test_stable_are_the_stable_extensions_and_each_is_preferred(af: Framework) -> None:
    found = set(in_sets(af, "stable"))
    assert found == Reference(af).stable()
    assert found <= set(in_sets(af, "preferred"))


@given(frameworks(max_arguments=8), st.sampled_from(SEMANTICS))
def test_every_labelling_is_legal(af: Framework, semantics: str) -> None:
    for labelling in labellings(af, semantics):
        assert_legal(af, labelling, semantics)
        if semantics == "stable":
            assert Label.UNDEC not in labelling.values()


@given(frameworks(max_arguments=8), st.sampled_from(SEMANTICS), st.integers(0, 4))
def test_limit_takes_a_prefix_of_the_deterministic_order(af: Framework, semantics: str, limit: int) -> None:
    everything = list(labellings(af, semantics))
    assert list(labellings(af, semantics, limit=limit)) == everything[:limit]
    assert list(labellings(af, semantics)) == everything


def test_labellings_of_small_known_frameworks() -> None:
    # An even loop a <-> b in front of an odd loop c -> d -> e -> c: only b's side breaks the odd loop.
    af = Framework("abcde", [("a", "b"), ("b", "a"), ("b", "c"), ("c", "d"), ("d", "e"), ("e", "c")])

    def show(semantics: str) -> list[str]:
        # The search's documented order; the SAT backend's (the same labellings) is tested in test_af_sat.py.
        found = labellings(af, semantics, backend="search")
        return ["".join(name for name, label in x.items() if label is Label.IN) for x in found]

    assert show("grounded") == [""]
    assert show("complete") == ["", "a", "bd"]
    assert show("preferred") == ["a", "bd"]
    assert show("stable") == ["bd"]


def test_a_self_attacker_leaves_no_stable_labelling() -> None:
    af = Framework(["a", "b"], [("a", "a"), ("a", "b")])
    assert list(labellings(af, "stable")) == []
    assert list(labellings(af, "preferred")) == [{"a": Label.UNDEC, "b": Label.UNDEC}]


def test_bad_semantics_and_limit_are_refused_at_once() -> None:
    af = Framework(["a"], [])
    with pytest.raises(OptionError, match="semantics"):
        labellings(af, "naive")
    with pytest.raises(OptionError, match="limit"):
        labellings(af, "complete", limit=-1)


def test_order_does_not_depend_on_the_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "import random\n"
        "from argmap.af import Framework, labellings\n"
        "rng = random.Random(7)\n"
        "names = [f'n{i}' for i in range(14)]\n"
        "attacks = sorted({(rng.choice(names), rng.choice(names)) for _ in range(30)})\n"
        "af = Framework(names, attacks)\n"
        "for s in ('complete', 'preferred', 'stable'):\n"
        "    print([[x.value for x in lab.values()] for lab in labellings(af, s)])\n"
    )
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1


# --- the framework itself -----------------------------------------------------------------------------------------


def test_framework_reports_every_problem() -> None:
    with pytest.raises(MapError) as caught:
        Framework(["a", "b", "a", ""], [("a", "b"), ("a", "z"), ("a", "b"), ("b",)])  # type: ignore[list-item]
    codes = [problem.code for problem in caught.value.problems]
    assert codes == ["duplicate-id", "empty-text", "dangling-reference", "duplicate-attack", "invalid-attack"]


@pytest.mark.parametrize(
    ("arguments", "attacks", "code"),
    [
        (["a", "a"], [], "duplicate-id"),
        (["a", 1], [], "invalid-text"),
        (["a", ""], [], "empty-text"),
        (["a"], [("a", "b")], "dangling-reference"),
        (["a"], [("a", ["a"])], "dangling-reference"),
        (["a"], [("a", "a", "a")], "invalid-attack"),
        (["a", "b"], ["ab"], "invalid-attack"),
        (["a", "b"], [("b", "a"), ("a", "b"), ("b", "a")], "duplicate-attack"),
    ],
)
def test_framework_refuses_each_problem_alone(arguments: list[object], attacks: list[object], code: str) -> None:
    with pytest.raises(MapError) as caught:
        Framework(arguments, attacks)  # type: ignore[arg-type]
    assert [problem.code for problem in caught.value.problems] == [code]


def test_framework_attackers_and_targets() -> None:
    af = Framework(["a", "b", "c"], [("a", "c"), ("b", "c"), ("c", "a")])
    assert af.attackers("c") == ("a", "b")
    assert af.targets("c") == ("a",)
    assert af.targets("b") == ("c",)
    with pytest.raises(MapError, match="no argument named"):
        af.attackers("z")


def test_frameworks_compare_by_content() -> None:
    assert Framework(["a", "b"], [("a", "b")]) == Framework(("a", "b"), (("a", "b"),))
    assert Framework(["a", "b"], [("a", "b")]) != Framework(["a", "b"], [("b", "a")])


# --- ICCMA formats ------------------------------------------------------------------------------------------------

names = st.text(st.sampled_from("abcXYZ019_-."), min_size=1, max_size=6)


@st.composite
def named_frameworks(draw: st.DrawFn) -> Framework:
    arguments = draw(st.lists(names, unique=True, max_size=10))
    pairs = [(a, b) for a in arguments for b in arguments]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=20)) if pairs else []
    return Framework(arguments, attacks)


@given(named_frameworks(), st.sampled_from(["apx", "tgf"]))
def test_named_formats_round_trip(af: Framework, format: str) -> None:
    assert loads(dumps(af, format), format) == af


@given(named_frameworks())
def test_af_format_numbers_arguments_and_keeps_names_as_comments(af: Framework) -> None:
    text = dumps(af, "af")
    back = loads(text, "af")
    number = {name: str(i) for i, name in enumerate(af.arguments, start=1)}
    assert back.arguments == tuple(number[name] for name in af.arguments)
    assert back.attacks == tuple((number[a], number[b]) for a, b in af.attacks)
    assert loads(dumps(back, "af"), "af") == back
    if af.arguments != back.arguments:
        assert [line[2:] for line in text.splitlines() if line.startswith("#")] == list(af.arguments)


def test_af_format_is_plain_for_numbered_arguments() -> None:
    af = loads("p af 3\n# a comment\n\n1 2\n2  3 \r\n", "af")
    assert af == Framework(["1", "2", "3"], [("1", "2"), ("2", "3")])
    assert dumps(af, "af") == "p af 3\n1 2\n2 3\n"


def test_names_a_format_cannot_hold_are_refused() -> None:
    with pytest.raises(MapError, match="apx"):
        dumps(Framework(["a b"], []), "apx")
    with pytest.raises(MapError, match="tgf"):
        dumps(Framework(["#a"], []), "tgf")
    with pytest.raises(MapError, match="af"):
        dumps(Framework(["a\nb"], []), "af")


@pytest.mark.parametrize(
    ("format", "text", "line", "column", "message"),
    [
        ("af", "", 1, 1, "missing the header"),
        ("af", "# only a comment\n1 2\n", 2, 1, "header"),
        ("af", "p af x\n", 1, 1, "header"),
        ("af", "p af 99999999999\n", 1, 6, "claims 99,999,999,999 arguments; argmap reads at most 2,000,000"),
        ("af", "p af 2\n1 2 3\n", 2, 1, "two argument numbers"),
        ("af", "p af 2\n1 -2\n", 2, 1, "two argument numbers"),
        ("af", "p af 2\n1 3\n", 2, 3, "unknown argument '3'"),
        ("af", "p af 2\n1 2\n\n 1 2\n", 4, 2, "repeats line 2"),
        ("apx", "arg(a).\natt(a,b).\n", 2, 7, "unknown argument 'b'"),
        ("apx", "arg(a).\n  arg(a, b).\n", 2, 3, "expected a fact"),
        ("apx", "arg(a)\n", 1, 1, "expected a fact"),
        ("apx", "arg(a).\narg( a ).\n", 2, 6, "repeats line 1"),
        ("tgf", "a\nb c\n#\n", 2, 1, "one argument name"),
        ("tgf", "a\n#\na b\n", 3, 3, "unknown argument 'b'"),
        ("tgf", "a\n#\na a x\n", 3, 1, "an attack"),
    ],
)
def test_malformed_text_names_the_line_and_column(format: str, text: str, line: int, column: int, message: str) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        loads(text, format, path="in.txt")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("in.txt", line, column)


def test_unknown_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownFormat, match="tgf"):
        loads("", "gml")
    with pytest.raises(UnknownFormat, match=r"\.i23"):
        load(tmp_path / "x.txt")


def test_load_chooses_the_format_by_suffix_and_reports_the_file(tmp_path: Path) -> None:
    (tmp_path / "x.i23").write_text("p af 1\n")
    assert load(tmp_path / "x.i23") == Framework(["1"], [])
    (tmp_path / "x.TGF").write_text("a\n#\n")
    assert load(tmp_path / "x.TGF").arguments == ("a",)
    (tmp_path / "x.apx").write_bytes(b"arg(a).\narg(\xff).\n")
    with pytest.raises(ParseError, match="UTF-8") as caught:
        load(tmp_path / "x.apx")
    assert (caught.value.line, caught.value.column) == (2, 5)
    (tmp_path / "y.apx").write_text("att(a,a).\n")
    with pytest.raises(ParseError) as caught:
        load(tmp_path / "y.apx")
    assert caught.value.path == str(tmp_path / "y.apx")


# --- the shared ICCMA corpus --------------------------------------------------------------------------------------


def corpus_table(folder: Path) -> dict[str, int]:
    """File name -> grounded extension size, from the table in SOURCES.md."""
    sizes = {}
    for line in (folder / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and (size := re.match(r"\d+", cells[5])):
            sizes[cells[0]] = int(size.group())
    return sizes


def test_corpus_grounded_sizes_match_sources(shared_corpus: Path) -> None:
    folder = shared_corpus / "iccma"
    table = corpus_table(folder)
    files = sorted(p.name for p in folder.iterdir() if p.suffix != ".md")
    assert sorted(table) == files
    for name, size in table.items():
        af = load(folder / name)
        assert sum(label is Label.IN for label in grounded(af).values()) == size, name


def test_corpus_round_trips_in_its_own_format(shared_corpus: Path) -> None:
    for path in sorted((shared_corpus / "iccma").iterdir()):
        if path.suffix == ".md":
            continue
        format = path.suffix[1:]
        af = load(path)
        assert loads(dumps(af, format), format) == af, path.name


def test_corpus_small_instances_have_the_known_extensions(shared_corpus: Path) -> None:
    folder = shared_corpus / "iccma"
    t1 = load(folder / "t1.tgf")
    assert [label.value for label in grounded(t1).values()] == ["in", "out", "in"]
    b = load(folder / "b.tgf")
    assert {name for name, label in grounded(b).items() if label is Label.IN} == {"a", "c", "d", "e", "j", "x"}
    a = load(folder / "a.apx")
    for semantics in SEMANTICS:
        for labelling in labellings(a, semantics):
            assert_legal(a, labelling, semantics)


# --- scale: nothing may recurse over the framework ----------------------------------------------------------------

CHAIN = 100_000


@pytest.fixture(scope="module")
def chain() -> Framework:
    names = [str(i) for i in range(CHAIN)]
    return Framework(names, list(itertools.pairwise(names)))


@pytest.mark.parametrize("semantics", SEMANTICS)
def test_a_long_chain_is_solved_without_recursion(chain: Framework, semantics: str) -> None:
    (labelling,) = labellings(chain, semantics, limit=2)
    assert [labelling[str(i)] for i in (0, 1, CHAIN - 2, CHAIN - 1)] == [Label.IN, Label.OUT, Label.IN, Label.OUT]


@pytest.mark.parametrize(("semantics", "count"), [("complete", 3), ("preferred", 2), ("stable", 2)])
def test_a_long_even_cycle_is_decided_by_propagation(semantics: str, count: int) -> None:
    names = [str(i) for i in range(CHAIN)]
    cycle = Framework(names, [(names[i - 1], names[i]) for i in range(CHAIN)])
    found = list(labellings(cycle, semantics))
    assert len(found) == count
    for labelling in found:
        assert_legal(cycle, labelling)


def test_a_search_past_its_timeout_raises_search_limit(shared_corpus: Path) -> None:
    hard = load(shared_corpus / "iccma" / "st_890_86_9_572.af")
    for semantics in ("preferred", "stable"):
        with pytest.raises(SearchLimit, match=f"no further {semantics} labelling found within 0.3 s"):
            next(labellings(hard, semantics, timeout=0.3))
    # Labellings found in time stand; the timeout only bounds the search.
    assert len(list(labellings(hard, "grounded", timeout=0.3))) == 1
    easy = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    assert len(list(labellings(easy, "preferred", timeout=5))) == 2


@pytest.mark.parametrize("timeout", [0, -1.5])
def test_the_timeout_must_be_positive(timeout: float) -> None:
    with pytest.raises(OptionError, match="the timeout must be a positive number of seconds"):
        labellings(Framework(("a",), ()), "preferred", timeout=timeout)
