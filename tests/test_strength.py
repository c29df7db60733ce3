"""Argument strength: the h-categoriser's axioms on random frameworks, values worked out by hand, maps, drawings."""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samples import Run, status_map

import argmap
from argmap import (
    Argument,
    ArgumentMap,
    ElementType,
    MapBuilder,
    MapError,
    OptionError,
    Relation,
    SearchLimit,
    Strengths,
    strength,
)
from argmap.af import STRENGTH_SEMANTICS, TOLERANCE, Framework, h_categoriser
from argmap.cli import ExitStatus
from argmap.formats import dump
from argmap.render.dot import dot_source, drawing
from argmap.render.html import prepare
from argmap.render.notes import notes
from argmap.render.theme import MARKED, THEMES, Theme, shade, stylesheet

GOLDEN = (math.sqrt(5) - 1) / 2  # x = 1 / (1 + x): an argument attacked by one of equal strength, as in a cycle
SEED = Path(__file__).resolve().parent.parent / "seeds" / "kim-in-russia.argdown"


@st.composite
def weighted_frameworks(draw: st.DrawFn, max_arguments: int = 10) -> tuple[Framework, dict[str, float]]:
    """A framework, self-attacks and cycles included, and initial weights for some of its arguments."""
    n = draw(st.integers(0, max_arguments))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=3 * n)) if pairs else []
    # No weight so small that dividing it rounds back to itself (5e-324 / 1.5 is 5e-324).
    weight = st.just(0.0) | st.floats(1e-6, 1)
    weights = draw(st.dictionaries(st.sampled_from(names), weight, max_size=n)) if names else {}
    return Framework(names, attacks), weights


def close(a: float, b: float, within: float = 2 * TOLERANCE) -> bool:
    return abs(a - b) <= within


# The axioms (Amgoud and Ben-Naim; Amgoud, Ben-Naim, Doder and Vesic 2017) --------------------------------------


@given(weighted_frameworks())
def test_the_strengths_solve_the_equations_within_the_tolerance(drawn: tuple[Framework, dict[str, float]]) -> None:
    af, weights = drawn
    values = h_categoriser(af, weights)
    assert list(values) == list(af.arguments)
    for name, value in values.items():
        attackers = af.attackers(name)
        assert 0 <= value <= weights.get(name, 1)
        expected = weights.get(name, 1) / (1 + sum(values[attacker] for attacker in attackers))
        # Each value is within the tolerance of the solution; the sum of n attackers' errors is n times that.
        assert close(value, expected, (len(attackers) + 1) * TOLERANCE + 1e-12)


@given(weighted_frameworks())
def test_maximality_an_unattacked_argument_keeps_its_weight(drawn: tuple[Framework, dict[str, float]]) -> None:
    af, weights = drawn
    values = h_categoriser(af, weights)
    for name in af.arguments:
        if not af.attackers(name):
            assert values[name] == weights.get(name, 1)


@given(weighted_frameworks())
def test_weakening_an_attack_by_a_positive_strength_weakens(drawn: tuple[Framework, dict[str, float]]) -> None:
    af, weights = drawn
    values = h_categoriser(af, weights)
    for name in af.arguments:
        if weights.get(name, 1) > 0 and any(values[attacker] > 1e-6 for attacker in af.attackers(name)):
            assert values[name] < weights.get(name, 1)


@given(weighted_frameworks(), st.randoms(use_true_random=False))
def test_anonymity_names_and_order_do_not_matter(drawn: tuple[Framework, dict[str, float]], random: object) -> None:
    af, weights = drawn
    values = h_categoriser(af, weights)
    order = list(af.arguments)
    random.shuffle(order)  # type: ignore[attr-defined]
    renamed = {name: f"x{i}" for i, name in enumerate(order)}
    attacks = [(renamed[a], renamed[b]) for a, b in af.attacks]
    random.shuffle(attacks)  # type: ignore[attr-defined]
    other = h_categoriser(
        Framework([renamed[name] for name in order], attacks),
        {renamed[name]: weight for name, weight in weights.items()},
    )
    assert all(close(values[name], other[renamed[name]]) for name in af.arguments)


@given(weighted_frameworks(max_arguments=6), weighted_frameworks(max_arguments=6))
def test_independence_a_disjoint_framework_changes_nothing(
    first: tuple[Framework, dict[str, float]], second: tuple[Framework, dict[str, float]]
) -> None:
    (af, weights), (other, other_weights) = first, second
    prefixed = {name: f"b-{name}" for name in other.arguments}
    union = Framework(
        [*af.arguments, *prefixed.values()],
        [*af.attacks, *((prefixed[a], prefixed[b]) for a, b in other.attacks)],
    )
    together = h_categoriser(union, {**weights, **{prefixed[name]: w for name, w in other_weights.items()}})
    alone = h_categoriser(af, weights)
    assert all(close(alone[name], together[name]) for name in af.arguments)


@given(weighted_frameworks(), st.data())
def test_counting_one_more_attacker_weakens(drawn: tuple[Framework, dict[str, float]], data: st.DataObject) -> None:
    af, weights = drawn
    if not af.arguments:
        return
    target = data.draw(st.sampled_from(af.arguments))
    values = h_categoriser(af, weights)
    # A new unattacked attacker of the target alone: everything that the target does not reach keeps its strength.
    more = h_categoriser(Framework([*af.arguments, "new"], [*af.attacks, ("new", target)]), weights)
    assert more[target] <= values[target] + 2 * TOLERANCE
    # With ten arguments at most, a weight of 0.01 or more makes the exact difference far larger than the tolerance.
    if weights.get(target, 1) >= 0.01:
        assert more[target] < values[target]
    if weights.get(target, 1) == 0:
        assert more[target] == 0


@given(st.lists(st.floats(0, 1), min_size=1, max_size=4), st.integers(0, 3), st.floats(0.01, 0.99))
def test_reinforcement_a_weaker_attacker_leaves_its_target_stronger(
    attackers: list[float], which: int, factor: float
) -> None:
    """Two targets with attackers of the same strengths, but for one of them, weaker for the second target."""
    which %= len(attackers)
    names = [f"x{i}" for i in range(len(attackers))] + [f"y{i}" for i in range(len(attackers))]
    weights = {f"x{i}": w for i, w in enumerate(attackers)} | {f"y{i}": w for i, w in enumerate(attackers)}
    weights[f"y{which}"] = attackers[which] * factor
    af = Framework(
        [*names, "a", "b"],
        [*((f"x{i}", "a") for i in range(len(attackers))), *((f"y{i}", "b") for i in range(len(attackers)))],
    )
    values = h_categoriser(af, weights)
    assert values["b"] >= values["a"]
    if attackers[which] > 1e-6:  # a difference that survives the rounding of floating point
        assert values["b"] > values["a"]


# Values worked out by hand ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("attacks", "expected"),
    [
        ([], {"a": 1.0, "b": 1.0, "c": 1.0}),
        ([("a", "b"), ("b", "c")], {"a": 1.0, "b": 0.5, "c": 2 / 3}),  # 1, 1/(1+1), 1/(1+1/2)
        ([("a", "c"), ("b", "c")], {"a": 1.0, "b": 1.0, "c": 1 / 3}),
        ([("a", "b"), ("b", "a")], {"a": GOLDEN, "b": GOLDEN, "c": 1.0}),
        ([("a", "b"), ("b", "c"), ("c", "a")], {"a": GOLDEN, "b": GOLDEN, "c": GOLDEN}),
        ([("a", "a")], {"a": GOLDEN, "b": 1.0, "c": 1.0}),
        # c is attacked by the two of the standoff: c = 1 / (1 + 2 x) where x = 1 / (1 + x)
        ([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")], {"a": GOLDEN, "b": GOLDEN, "c": 1 / (1 + 2 * GOLDEN)}),
    ],
)
def test_known_values(attacks: list[tuple[str, str]], expected: dict[str, float]) -> None:
    values = h_categoriser(Framework(("a", "b", "c"), attacks))
    assert values == pytest.approx(expected, abs=TOLERANCE)


def test_weighted_known_values() -> None:
    af = Framework(("a", "b", "c"), (("a", "b"), ("b", "c")))
    # 0.5; 0.8 / 1.5; 1 / (1 + 0.8 / 1.5)
    assert h_categoriser(af, {"a": 0.5, "b": 0.8}) == pytest.approx({"a": 0.5, "b": 0.8 / 1.5, "c": 1.5 / 2.3})
    assert h_categoriser(af, {"a": 0, "c": 0}) == {"a": 0.0, "b": 1.0, "c": 0.0}


def test_a_long_chain_is_solved_exactly_without_recursion() -> None:
    n = 200_000
    names = [f"a{i}" for i in range(n)]
    values = h_categoriser(Framework(names, itertools.pairwise(names)))
    assert values["a0"] == 1.0
    assert values["a1"] == 0.5
    assert values[names[-1]] == pytest.approx(GOLDEN, abs=1e-12)


def test_a_long_cycle_settles_within_the_tolerance() -> None:
    n = 200_000
    names = [f"a{i}" for i in range(n)]
    values = h_categoriser(Framework(names, [*itertools.pairwise(names), (names[-1], names[0])]))
    assert all(close(value, GOLDEN, TOLERANCE) for value in values.values())


def test_the_result_is_the_same_every_time() -> None:
    af = Framework([f"a{i}" for i in range(30)], [(f"a{i}", f"a{(i * 7 + 3) % 30}") for i in range(30)])
    assert len({json.dumps(h_categoriser(af)) for _ in range(3)}) == 1


def test_strengths_and_shades_are_the_same_under_every_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "import argmap\n"
        "from argmap.render.dot import dot_source\n"
        "m = argmap.load('seeds/kim-in-russia.argdown')\n"
        "found = argmap.strength(m, 'weighted-h-categoriser')\n"
        "print(repr(dict(found.statements)), repr(dict(found.arguments)))\n"
        "print(dot_source(m, strengths=found, labelling=argmap.evaluate(m)))\n"
    )
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1
    m = argmap.load(SEED)
    found = strength(m, "weighted-h-categoriser")
    assert dot_source(m, strengths=found, labelling=argmap.evaluate(m)) in outputs.pop()


def test_bounds_and_bad_options() -> None:
    cycle = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    with pytest.raises(SearchLimit, match="did not settle within 2 rounds"):
        h_categoriser(cycle, max_iterations=2)
    assert close(h_categoriser(cycle, tolerance=0.01)["a"], GOLDEN, 0.01)
    for bad in (0, -1.0, math.nan, True, "0.1"):
        with pytest.raises(OptionError, match="tolerance must be a positive number"):
            h_categoriser(cycle, tolerance=bad)  # type: ignore[arg-type]
    for bad_count in (0, 1.5, True):
        with pytest.raises(OptionError, match="max_iterations must be a positive whole number"):
            h_categoriser(cycle, max_iterations=bad_count)  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="the timeout must be a positive number of seconds, not 0"):
        h_categoriser(cycle, timeout=0)


def test_the_rounds_stop_at_the_timeout() -> None:
    cycle = Framework(("a", "b"), (("a", "b"), ("b", "a")))
    # The deadline has passed before the first round ends; the acyclic part alone needs no round and no time.
    with pytest.raises(SearchLimit, match=r"the h-categoriser did not settle within 1e-09 s \(0 rounds\)"):
        h_categoriser(cycle, timeout=1e-9)
    with pytest.raises(SearchLimit, match="did not settle within 1e-09 s"):
        strength(status_map(), timeout=1e-9)
    chain = Framework(("a", "b"), (("a", "b"),))
    assert h_categoriser(chain, timeout=1e-9) == {"a": 1.0, "b": 0.5}
    assert strength(status_map(), timeout=60) == strength(status_map())


def test_bad_weights_are_all_reported() -> None:
    af = Framework(("a", "b", "c"), ())
    with pytest.raises(MapError) as error:
        h_categoriser(af, {"a": 1.5, "b": True, "c": math.nan, "z": 0.5})  # type: ignore[dict-item]
    assert [(problem.code, str(problem.subject)) for problem in error.value.problems] == [
        ("invalid-value", "a"),
        ("invalid-value", "b"),
        ("invalid-value", "c"),
        ("dangling-reference", "z"),
    ]


# Maps ------------------------------------------------------------------------------------------------------------


def test_a_map_is_weighed_through_its_framework() -> None:
    m = status_map()
    found = strength(m)
    assert isinstance(found, Strengths)
    assert found.semantics == "h-categoriser"
    # u attacks c; v and w contradict each other; A needs p and c, each through its rejection (1 / (1 + s)).
    assert found.statements == pytest.approx({"c": 0.5, "p": 1.0, "u": 1.0, "v": GOLDEN, "w": GOLDEN})
    assert found.arguments == pytest.approx({"A": 1 / (1 + 1 / 2 + 1 / 1.5)})
    assert found.value(ElementType.ARGUMENT, "A") == found.arguments["A"]
    with pytest.raises(OptionError, match="no statement 'A'"):
        found.value(ElementType.STATEMENT, "A")
    assert argmap.strength is strength  # the function, though a module shares its name


def test_a_chain_of_200000_arguments() -> None:
    n = 200_000
    arguments = tuple(Argument(id=f"a{i}") for i in range(n))
    relations = tuple(
        Relation(source=f"a{i}", target=f"a{i + 1}", kind="attack", source_type="argument", target_type="argument")
        for i in range(n - 1)
    )
    found = strength(ArgumentMap(arguments=arguments, relations=relations))
    assert found.arguments["a1"] == 0.5
    assert found.arguments[f"a{n - 1}"] == pytest.approx(GOLDEN, abs=1e-12)


def weighted_map(weight: object) -> ArgumentMap:
    b = MapBuilder()
    c = b.statement("Plant trees.", id="c")
    p = b.statement("Trees cool cities.", id="p", data={"weight": weight})
    b.argument([p], c, id="A", data={"weight": 0.9})
    return b.build()


def test_weights_come_from_data() -> None:
    m = weighted_map(0.5)
    plain, weighted = strength(m), strength(m, "weighted-h-categoriser")
    assert plain.statements["p"] == 1.0
    assert weighted.statements["p"] == 0.5
    # A needs p (its rejection: 1 / 1.5) and c (1 / 2): 0.9 / (1 + 2/3 + 1/2)
    assert weighted.arguments["A"] == pytest.approx(0.9 / (1 + 2 / 3 + 1 / 2))


@pytest.mark.parametrize("bad", [1.01, -0.1, "0.5", None, True, [0.5]])
def test_a_bad_weight_is_a_map_error(bad: object) -> None:
    with pytest.raises(MapError) as error:
        strength(weighted_map(bad), "weighted-h-categoriser")
    [problem] = error.value.problems
    assert (problem.code, str(problem.subject), problem.path) == ("invalid-value", "p", "data.weight")
    strength(weighted_map(bad))  # the plain h-categoriser reads no weight


def test_unknown_semantics_and_bad_strengths() -> None:
    m = status_map()
    with pytest.raises(OptionError, match="unknown strength semantics 'grounded'"):
        strength(m, "grounded")
    with pytest.raises(MapError) as error:
        Strengths("h-categoriser", {"c": 2.0, "x": 0.5}, {}, map=m)
    codes = [(problem.code, str(problem.subject)) for problem in error.value.problems]
    assert ("invalid-value", "c") in codes
    assert ("dangling-reference", "x") in codes
    assert ("missing-key", "p") in codes
    assert ("missing-key", "A") in codes


def test_the_seed_map() -> None:
    m = argmap.load(SEED)
    found = strength(m)
    # The thesis is unattacked; the claim that the objection <benign-reading> attacks is weakened by it.
    assert found.statements["moon-policy-may-not-work"] == 1.0
    assert found.statements["geopolitics-against-seoul"] == pytest.approx(0.714, abs=5e-4)
    assert set(STRENGTH_SEMANTICS) == {"h-categoriser", "weighted-h-categoriser"}


# Drawings --------------------------------------------------------------------------------------------------------


def node_line(source: str, text: str) -> str:
    [line] = [line for line in source.splitlines() if f'label="{text}' in line]
    return line


def test_the_diagram_shades_each_element_by_its_strength() -> None:
    m = status_map()
    found = strength(m)
    source = dot_source(m, strengths=found)
    theme = THEMES["light"]
    assert node_line(source, "There is no room").endswith(f'fillcolor="{theme.strength}ff"]')  # 1
    assert node_line(source, "We should plant").endswith(f'fillcolor="{theme.strength}80"]')  # 0.5
    assert node_line(source, "Trees are cheap").endswith(f'fillcolor="{theme.strength}9e"]')  # 0.62
    assert "strength: h-categoriser" in source
    assert "1: unchallenged" in source
    assert "0: none" in source
    assert dot_source(m, strengths=found) == source
    assert "fillcolor" not in node_line(dot_source(m), "There is no room")
    dark = dot_source(m, strengths=found, theme="dark")
    assert node_line(dark, "We should plant").endswith(f'fillcolor="{THEMES["dark"].strength}80"]')


def test_a_labelling_keeps_the_border_under_the_shade() -> None:
    m = status_map()
    source = dot_source(m, strengths=strength(m), labelling=argmap.evaluate(m))
    line = node_line(source, "We should plant")
    assert 'style="rounded,filled,dashed"' in line  # OUT
    assert line.endswith(f'fillcolor="{THEMES["light"].strength}80"]')
    assert "grounded semantics" in source
    assert "strength: h-categoriser" in source


def test_shades_are_rounded() -> None:
    theme = THEMES["light"]
    assert shade(theme, 0.0) == f"{theme.strength}00"
    assert shade(theme, 0.504) == shade(theme, 0.5) == f"{theme.strength}80"
    assert shade(theme, 1.0) == f"{theme.strength}ff"
    with pytest.raises(OptionError, match=r"Theme\.strength must be a colour #rrggbb"):
        Theme(**{**THEMES["light"].__getstate__(), "strength": "#ff000080"})  # type: ignore[arg-type]


def test_the_tooltip_tells_the_strength() -> None:
    m = status_map()
    drawn = drawing(m, strengths=strength(m, "weighted-h-categoriser"))
    found = notes(drawn)
    titles = {note.title.splitlines()[0]: note.title for note in found.nodes.values()}
    assert titles["We should plant more trees."].endswith("Strength (weighted-h-categoriser): 0.500")
    assert titles["Trees are cheap."].endswith("Strength (weighted-h-categoriser): 0.618")
    assert titles["Argument <A>"].endswith("Strength (weighted-h-categoriser): 0.462")
    assert found.nodes["legend"].title == "Legend: weighted-h-categoriser strength"


def test_strengths_of_another_map_are_refused() -> None:
    with pytest.raises(OptionError, match="the strengths are of another map"):
        dot_source(status_map(), strengths=strength(weighted_map(0.5)))
    with pytest.raises(OptionError, match=r"strengths must be an argmap\.strength\.Strengths, not dict"):
        dot_source(status_map(), strengths={})  # type: ignore[typeddict-item]


@pytest.mark.dot
def test_the_auto_theme_shades_with_the_pages_colour() -> None:
    from argmap.render.files import run_dot

    m = status_map()
    prepared = prepare(m, strengths=strength(m))
    assert f"{MARKED.strength}80" in prepared.source
    svg = prepared.html(run_dot(prepared.source, "svg"), id_prefix="t")
    # The marker becomes the light colour, a class that the stylesheet sets from --argmap-strength, and its opacity.
    assert re.search(
        rf'fill="{THEMES["light"].strength}" fill-opacity="0\.50[0-9]*" [^>]*class="argmap-fill-strength', svg
    )
    assert "Strength (h-categoriser): 0.500" in svg
    assert "Shaded by h-categoriser strength: 2 of 6 elements at full strength, the weakest at 0.462." in svg
    assert "--argmap-strength:#6e40c9" in stylesheet()


# The command -----------------------------------------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> Path:
    dump(status_map(), tmp_path / "status.json")
    dump(weighted_map(2), tmp_path / "heavy.json")
    (tmp_path / "chain.apx").write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\n", encoding="utf-8")
    return tmp_path


def test_evaluate_prints_strengths(run: Run, files: Path) -> None:
    result = run("evaluate", "status.json", "--strength", "h-categoriser")
    assert result.status == 0
    assert result.lines == ["[c]: 0.500", "[p]: 1.000", "[u]: 1.000", "[v]: 0.618", "[w]: 0.618", "<A>: 0.462"]
    document = json.loads(run("evaluate", "status.json", "--strength", "h-categoriser", "--format", "json").stdout)
    assert document == {
        "strength": "h-categoriser",
        "statements": {"c": 0.5, "p": 1.0, "u": 1.0, "v": 0.618034, "w": 0.618034},
        "arguments": {"A": 0.461538},
    }


def test_evaluate_prints_a_frameworks_strengths(run: Run, files: Path) -> None:
    assert run("evaluate", "chain.apx", "--strength", "h-categoriser").lines == ["a: 1.000", "b: 0.500", "c: 0.667"]
    document = json.loads(run("evaluate", "chain.apx", "--strength", "h-categoriser", "--format", "json").stdout)
    assert document == {"strength": "h-categoriser", "arguments": {"a": 1.0, "b": 0.5, "c": 0.666667}}
    line = run("evaluate", "chain.apx", "--strength", "weighted-h-categoriser").failed_once()
    assert line == "argmap: error: chain.apx: an abstract framework has no weights: use h-categoriser"


def test_evaluate_strength_errors_are_one_line(run: Run, files: Path) -> None:
    line = run("evaluate", "heavy.json", "--strength", "weighted-h-categoriser").failed_once()
    assert line == "argmap: error: heavy.json: p: data.weight: a weight must be from 0 to 1, not 2"
    line = run("evaluate", "status.json", "--strength", "h-categoriser", "--explain", "c").failed_once()
    assert "--explain" in line
    assert "--strength" in line
    assert run("evaluate", "status.json", "--strength", "best").status == 2
    for options in (("--semantics", "preferred"), ("--limit", "3")):
        line = run("evaluate", "status.json", "--strength", "h-categoriser", *options).failed_once()
        assert line == (
            "argmap: error: status.json: --strength h-categoriser names its semantics and gives one answer: "
            "drop --semantics and --limit"
        )
    line = run("evaluate", "status.json", "--strength", "h-categoriser", "--claim", "c").failed_once()
    assert line == "argmap: error: status.json: --strength gives every element's strength: drop --task and --claim"


def test_evaluate_and_render_strength_stop_at_the_timeout(run: Run, files: Path) -> None:
    for command in (("evaluate",), ("render", "-o", "-")):
        result = run(*command, "status.json", "--strength", "h-categoriser", "--timeout", "1e-9")
        assert (result.status, result.stdout) == (ExitStatus.TIME_LIMIT, "")
        assert result.stderr.startswith(
            "argmap: limit reached: status.json: the h-categoriser did not settle within 1e-09 s (0 rounds)"
        )
        assert result.stderr.count("\n") == 1


def test_render_shades_by_strength(run: Run, files: Path) -> None:
    result = run("render", "status.json", "--strength", "h-categoriser", "-o", "-")
    assert result.status == 0
    assert result.stdout == dot_source(status_map(), strengths=strength(status_map()))
    line = run("render", "heavy.json", "--strength", "weighted-h-categoriser", "-o", "-").failed_once()
    assert line.startswith("argmap: error: heavy.json: p: data.weight:")


# The integrations ------------------------------------------------------------------------------------------------


def test_a_notebook_diagram_is_shaded() -> None:
    m = status_map()
    diagram = argmap.show(m, strength="h-categoriser")
    assert f'fillcolor="{MARKED.strength}80"' in diagram.prepared.source
    assert argmap.show(m, strength=strength(m)).prepared == diagram.prepared
    with pytest.raises(OptionError, match="unknown strength semantics"):
        argmap.show(m, strength="grounded")


@pytest.mark.dot
def test_a_mkdocs_fence_is_shaded(caplog: pytest.LogCaptureFixture) -> None:
    markdown = pytest.importorskip("markdown", reason="the MkDocs fence needs the mkdocs extra")
    pytest.importorskip("pymdownx", reason="the MkDocs fence needs the mkdocs extra")
    from argmap.mkdocs import fence_format, fence_validator

    fence = {"name": "argmap", "class": "argmap", "format": fence_format, "validator": fence_validator}
    converter = markdown.Markdown(
        extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}}
    )
    text = argmap.dumps(weighted_map(0.5), format="json")
    html = converter.convert(f'```argmap format="json" strength="weighted-h-categoriser"\n{text}\n```\n')
    assert "Strength (weighted-h-categoriser): 0.415" in html  # argument A; p is drawn inside it
    assert 'class="argmap-fill-strength' in html
    converter.reset()
    heavy = argmap.dumps(weighted_map(2), format="json")
    html = converter.convert(f'```argmap format="json" strength="weighted-h-categoriser"\n{heavy}\n```\n')
    assert "Strength" not in html
    assert "cannot weigh the map" in caplog.text


@pytest.mark.dot
def test_a_sphinx_diagram_is_shaded_and_a_bad_weight_warned(make_app: Callable[..., Any], tmp_path: Path) -> None:
    src = tmp_path / "weighed"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["argmap.sphinx"]\n', encoding="utf-8")
    dump(weighted_map(0.5), src / "light.json")
    dump(weighted_map(2), src / "heavy.json")
    directive = ".. argmap:: {0}.json\n   :strength: weighted-h-categoriser\n   :name: {0}\n"
    directives = [directive.format(name) for name in ("light", "heavy")]
    (src / "index.rst").write_text("Weighed\n=======\n\n" + "\n".join(directives), encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    light, heavy = re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL)
    assert "Strength (weighted-h-categoriser): 0.415" in light
    assert "argmap-fill-strength" in light
    assert "Strength" not in heavy
    warnings = [line for line in app.warning.getvalue().splitlines() if "[argmap.strength]" in line]
    assert len(warnings) == 1
    assert "cannot weigh the map: p: data.weight: a weight must be from 0 to 1, not 2" in warnings[0]
