"""evaluate(): the map as a framework, labellings checked against a brute-force reference, and explanations."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ElementType, MapBuilder, MapError, OptionError, RelationKind, Subject
from argmap._text import printable
from argmap.af import SEMANTICS, Label
from argmap.evaluate import Labelling, NoLabelling, Origin, evaluate, evaluate_all, to_framework
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent
S, A = ElementType.STATEMENT, ElementType.ARGUMENT
IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC

Element = tuple[ElementType, str]
MapLabels = dict[Element, Label]


# A reference written from docs/evaluation.md, straight on the map, without the framework ----------------------


def reference_attackers(m: ArgumentMap, element: Element) -> list[Element]:
    """Who attacks an element: attack, contrary and undercut relations into it, contradictions either way."""
    found = [
        (r.source_type, r.source) for r in m.relations if (r.target_type, r.target) == element and r.kind.is_attack
    ]
    found += [
        (r.target_type, r.target)
        for r in m.relations
        if (r.source_type, r.source) == element and r.kind is RelationKind.CONTRADICTION
    ]
    return found


def reference_needs(m: ArgumentMap, argument_id: str) -> list[Element]:
    """What an argument needs: its statements, what supports it, and the statements it supports."""
    needs: list[Element] = [(S, id) for id in m.argument(argument_id).statement_ids()]
    for r in m.relations:
        if r.kind.is_support and (r.target_type, r.target) == (A, argument_id):
            needs.append((r.source_type, r.source))
        if r.kind.is_support and (r.source_type, r.source) == (A, argument_id) and r.target_type is S:
            needs.append((S, r.target))
    return needs


def elements(m: ArgumentMap) -> list[Element]:
    return [(S, s.id) for s in m.statements] + [(A, a.id) for a in m.arguments]


def legal(m: ArgumentMap, labels: MapLabels) -> bool:
    """Whether labels form a complete labelling of the map: IN iff no attacker is IN-or-UNDEC and all needs IN."""
    for element in elements(m):
        against = [labels[x] for x in reference_attackers(m, element)]
        # A need that is OUT counts as an IN attacker, a need that is IN as an OUT one.
        if element[0] is A:
            against += [{IN: OUT, OUT: IN, UNDEC: UNDEC}[labels[x]] for x in reference_needs(m, element[1])]
        expected = OUT if IN in against else UNDEC if UNDEC in against else IN
        if labels[element] is not expected:
            return False
    return True


def brute_force_complete(m: ArgumentMap) -> list[MapLabels]:
    """Every complete labelling of the map, by trying all 3^n of them."""
    keys = elements(m)
    found = []
    for choice in itertools.product((IN, OUT, UNDEC), repeat=len(keys)):
        labels = dict(zip(keys, choice, strict=True))
        if legal(m, labels):
            found.append(labels)
    return found


def as_map_labels(labelling: Labelling) -> MapLabels:
    labels: MapLabels = {(S, id): label for id, label in labelling.statements.items()}
    labels.update({(A, id): label for id, label in labelling.arguments.items()})
    return labels


def ins(labels: Mapping[Element, Label]) -> frozenset[Element]:
    return frozenset(element for element, label in labels.items() if label is IN)


def framework_ins(m: ArgumentMap, labels: MapLabels) -> frozenset[tuple[Element, bool]]:
    """The IN set of the framework: the elements IN, and the negated nodes of needed elements that are OUT."""
    needed = {need for a in m.arguments for need in reference_needs(m, a.id)}
    accepted = {(element, False) for element in ins(labels)}
    return frozenset(accepted | {(element, True) for element in needed if labels[element] is OUT})


def key(labels: MapLabels) -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted((t.value, id, label.value) for (t, id), label in labels.items()))


small_maps = argument_maps(max_statements=5, max_arguments=3, max_relations=6, sources=False, sections=False).filter(
    lambda m: len(m.statements) + len(m.arguments) <= 7
)


@settings(max_examples=60)
@given(small_maps)
def test_complete_labellings_are_those_of_the_reference(m: ArgumentMap) -> None:
    expected = brute_force_complete(m)
    got = [as_map_labels(labelling) for labelling in evaluate_all(m, "complete")]
    assert sorted(map(key, got)) == sorted(map(key, expected))
    assert len(set(map(key, got))) == len(got), "two framework labellings gave one map labelling"


@settings(max_examples=60)
@given(small_maps)
def test_grounded_preferred_and_stable_agree_with_the_reference(m: ArgumentMap) -> None:
    complete = brute_force_complete(m)
    grounded = as_map_labels(evaluate(m))
    # The grounded labelling is the complete one whose IN set is least.
    assert key(grounded) in {key(labels) for labels in complete}
    assert all(ins(grounded) <= ins(labels) for labels in complete)
    assert as_map_labels(evaluate(m, "complete")) == grounded
    # Maximal in the framework, whose IN set also holds "e is rejected" for each needed element e that is OUT.
    accepted = [framework_ins(m, c) for c in complete]
    maximal = [c for c, mine in zip(complete, accepted, strict=True) if not any(mine < other for other in accepted)]
    preferred = [as_map_labels(labelling) for labelling in evaluate_all(m, "preferred")]
    assert sorted(map(key, preferred)) == sorted(map(key, maximal))
    stable = [as_map_labels(labelling) for labelling in evaluate_all(m, "stable")]
    assert sorted(map(key, stable)) == sorted(key(c) for c in complete if UNDEC not in c.values())


@settings(max_examples=40)
@given(argument_maps(max_statements=8, max_arguments=4, max_relations=10), st.sampled_from(SEMANTICS))
def test_every_labelling_labels_every_element_and_can_explain_it(m: ArgumentMap, semantics: str) -> None:
    for labelling in evaluate_all(m, semantics, limit=3):
        assert labelling.semantics == semantics
        assert list(labelling.statements) == [s.id for s in m.statements]
        assert list(labelling.arguments) == [a.id for a in m.arguments]
        if semantics == "stage":  # conflict-free, not complete: the constructor's own check, from the map alone
            assert Labelling(semantics, labelling.statements, labelling.arguments, map=m) == labelling
        else:
            assert legal(m, as_map_labels(labelling))
        for type, id in elements(m):
            label = labelling.label(type, id)
            assert labelling.explain(id, type).startswith(f"{type.value} {printable(id)} is {label.name}")


@settings(max_examples=40)
@given(argument_maps(max_statements=8, max_arguments=4, max_relations=10))
def test_to_framework_names_every_element_and_only_needs_add_nodes(m: ArgumentMap) -> None:
    framework, origins = to_framework(m)
    assert list(origins) == list(framework.arguments)
    plain = [origin for origin in origins.values() if not origin.negated]
    assert [(o.type, o.id) for o in plain] == elements(m)
    needed = {need for a in m.arguments for need in reference_needs(m, a.id)}
    assert {(o.type, o.id) for o in origins.values() if o.negated} == needed
    assert all(origin.name == name for name, origin in origins.items())
    assert to_framework(m) == (framework, origins)


@pytest.mark.parametrize("name", ["", "s:", "~a:", "x:p", "~~s:p", "p"])
def test_origin_parse_refuses_names_the_translation_never_makes(name: str) -> None:
    with pytest.raises(OptionError, match="does not name"):
        Origin.parse(name)


# The translation, relation by relation ---------------------------------------------------------------------------


def attacks(m: ArgumentMap) -> set[tuple[str, str]]:
    return set(to_framework(m)[0].attacks)


def test_attack_and_contrary_attack_one_way_contradiction_both_ways() -> None:
    b = MapBuilder()
    for id in "pqrstu":
        b.statement(id, id=id)
    b.attack("p", "q")
    b.contrary("r", "s")
    b.contradiction("t", "u")
    assert attacks(b.build()) == {("s:p", "s:q"), ("s:r", "s:s"), ("s:t", "s:u"), ("s:u", "s:t")}


def test_a_contradiction_stated_both_ways_is_one_attack_each_way() -> None:
    b = MapBuilder()
    b.statement("t", id="t")
    b.statement("u", id="u")
    b.contradiction("t", "u")
    b.contradiction("u", "t")
    assert to_framework(b.build())[0].attacks == (("s:u", "s:t"), ("s:t", "s:u"))


def test_an_argument_needs_its_premises_and_conclusion() -> None:
    b = MapBuilder()
    p, q, c = (b.statement(id, id=id) for id in ("p", "q", "c"))
    b.argument([p, q], c, id="A")
    framework, origins = to_framework(b.build())
    assert set(framework.attacks) == {
        ("~s:p", "a:A"),
        ("~s:q", "a:A"),
        ("~s:c", "a:A"),
        ("s:p", "~s:p"),
        ("s:q", "~s:q"),
        ("s:c", "~s:c"),
    }
    assert origins["~s:p"] == Origin(S, "p", negated=True)
    assert origins["a:A"] == Origin(A, "A")


def test_an_unused_premise_supports_nothing() -> None:
    b = MapBuilder()
    for id in "pcrx":
        b.statement(id, id=id)
    b.argument(["p"], "c", id="A")
    b.attack("x", "r")
    m = b.build()
    m = attrs.evolve(m, arguments=[attrs.evolve(m.argument("A"), unused_premises=["r"])])
    labelling = evaluate(m, semantics="grounded")
    assert labelling.label(S, "r") is Label.OUT  # defeated, yet the argument that lists it stands
    assert (labelling.label(A, "A"), labelling.label(S, "c")) == (Label.IN, Label.IN)
    assert not any("s:r" in attack for attack in to_framework(m)[0].attacks if "a:A" in attack)


def test_supports_tie_arguments_to_what_they_give_and_take_but_not_statements_to_statements() -> None:
    b = MapBuilder()
    p, q, c = (b.statement(id, id=id) for id in ("p", "q", "c"))
    b.argument(id="A", text="sketched")
    b.argument(id="B", text="sketched")
    b.support("A", "c", source_type="argument", target_type="statement")
    b.support("p", "B", source_type="statement", target_type="argument")
    b.entails("A", "B", source_type="argument", target_type="argument")
    b.support(p, q)
    b.entails(q, c)
    assert attacks(b.build()) == {
        ("~s:c", "a:A"),
        ("~s:p", "a:B"),
        ("~a:A", "a:B"),
        ("s:c", "~s:c"),
        ("s:p", "~s:p"),
        ("a:A", "~a:A"),
    }


def test_undercut_defeats_the_argument_but_not_its_conclusion() -> None:
    b = MapBuilder()
    p, c, u = (b.statement(id, id=id) for id in ("p", "c", "u"))
    b.argument([p], c, id="A")
    b.undercut(u, "A")
    labelling = evaluate(b.build())
    assert labelling.arguments == {"A": OUT}
    assert labelling.statements == {"p": IN, "c": IN, "u": IN}


@pytest.mark.parametrize("target", ["p", "c"])
def test_attacking_a_premise_or_the_conclusion_defeats_the_argument(target: str) -> None:
    b = MapBuilder()
    p, c, x = (b.statement(id, id=id) for id in ("p", "c", "x"))
    b.argument([p], c, id="A")
    b.attack(x, target)
    labelling = evaluate(b.build())
    assert labelling.arguments == {"A": OUT}
    assert labelling.statements[target] is OUT
    assert labelling.explain("A") == f"argument A is OUT: it needs statement {target}, which is OUT."


def test_an_argument_attacks_with_its_own_relations() -> None:
    b = MapBuilder()
    p, c, x = (b.statement(id, id=id) for id in ("p", "c", "x"))
    b.argument([p], c, id="A")
    b.attack("A", x, source_type="argument")
    labelling = evaluate(b.build())
    assert labelling.statements["x"] is OUT
    assert labelling.explain("x") == "statement x is OUT: argument A attacks it and is IN (all its attackers are OUT)."


# The worked example of docs/evaluation.md ------------------------------------------------------------------------


def worked_example() -> ArgumentMap:
    b = MapBuilder(title="Picnic")
    sunny = b.statement("The forecast says it will be sunny.", id="forecast-sunny")
    picnic = b.statement("We should have a picnic.", id="picnic")
    clouds = b.statement("Dark clouds are gathering.", id="clouds")
    old = b.statement("The forecast is from last week.", id="forecast-old")
    rain = b.statement("It will rain.", id="rain")
    dry = b.statement("It will stay dry.", id="dry")
    b.argument([sunny], dry, id="trust-forecast", text="The forecast says so.")
    b.argument([dry], picnic, id="good-weather", text="Good weather makes a picnic.")
    b.argument([clouds], rain, id="look-up", text="Clouds bring rain.")
    b.contradiction(rain, dry)
    b.undercut(old, "trust-forecast")
    return b.build()


def test_the_worked_example() -> None:
    m = worked_example()
    labelling = evaluate(m)
    assert labelling.statements == {
        "forecast-sunny": IN,
        "picnic": IN,
        "clouds": IN,
        "forecast-old": IN,
        "rain": UNDEC,
        "dry": UNDEC,
    }
    assert labelling.arguments == {"trust-forecast": OUT, "good-weather": UNDEC, "look-up": UNDEC}
    assert labelling.explain("trust-forecast") == (
        "argument trust-forecast is OUT: statement forecast-old attacks it and is IN (nothing attacks it)."
    )
    assert labelling.explain("good-weather") == (
        "argument good-weather is UNDEC: no attacker is IN, and an undecided one keeps it open:\n"
        "- argument good-weather needs statement dry, which is UNDEC;\n"
        "- statement dry is attacked by statement rain, which is UNDEC;\n"
        "- statement rain is attacked by statement dry, which is UNDEC;\n"
        "- so the cycle through statement dry never settles."
    )

    def preferred(backend: str) -> list[tuple[Label, Label, Label]]:
        found = [as_map_labels(labelling) for labelling in evaluate_all(m, "preferred", backend=backend)]
        return [(labels[S, "rain"], labels[S, "dry"], labels[A, "good-weather"]) for labels in found]

    # In the search's order; the default backend gives the same two, in its own order.
    assert preferred("search") == [(IN, OUT, OUT), (OUT, IN, IN)]
    assert set(preferred("auto")) == set(preferred("search"))


def test_the_worked_example_in_the_docs_is_the_one_tested() -> None:
    docs = (ROOT / "docs" / "evaluation.md").read_text(encoding="utf-8")
    code = docs.split("## 4. A worked example", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {"argmap": argmap}
    exec(code, namespace)
    assert namespace["m"] == worked_example()


def test_the_seed_map_under_grounded_semantics() -> None:
    m = argmap.load(ROOT / "seeds" / "kim-in-russia.json")
    labelling = evaluate(m)
    # The concession stands; the argument built on it, and the inference China's wariness questions, do not.
    assert labelling.ids(OUT) == labelling.ids(UNDEC) == labelling.ids(UNDEC, A) == ()
    assert labelling.ids(OUT, A) == ("kim-putin-xi-engagements", "benign-reading")
    assert labelling.explain("geopolitics-against-seoul") == (
        "statement geopolitics-against-seoul is IN: every attacker is OUT.\n"
        "- argument benign-reading attacks it, but is OUT: defeated by statement not-merely-image, "
        "which is IN."
    )
    assert labelling.explain("trip-eases-isolation") == "statement trip-eases-isolation is IN: nothing attacks it."
    assert labelling.explain("changing-geopolitics") == (
        "argument changing-geopolitics is IN: all it needs is IN, and every attacker is OUT.\n"
        "- it needs statement geopolitics-against-seoul, which is IN.\n"
        "- it needs statement moon-policy-may-not-work, which is IN."
    )
    assert labelling.explain("not-merely-image") == "statement not-merely-image is IN: nothing attacks it."
    assert [as_map_labels(only) for only in evaluate_all(m, "complete")] == [as_map_labels(labelling)]


def test_the_seed_map_without_its_rebuttal_loses_the_geopolitics_reasons_only() -> None:
    m = argmap.load(ROOT / "seeds" / "kim-in-russia.json")
    rebuttal = "not-merely-image"
    m = attrs.evolve(
        m,
        statements=[s for s in m.statements if s.id != rebuttal],
        relations=[r for r in m.relations if r.source != rebuttal],
    )
    labelling = evaluate(m)
    assert labelling.ids(OUT) == ("geopolitics-against-seoul",)
    assert labelling.ids(OUT, A) == (
        "kim-putin-xi-engagements",
        "seoul-left-out",
        "north-emboldened",
        "bloc-against-alliance",
        "summit-serves-both",
        "changing-geopolitics",
    )
    assert labelling.statements["moon-policy-may-not-work"] is IN


# Several labellings, semantics and limits ------------------------------------------------------------------------


def odd_cycle(n: int) -> ArgumentMap:
    b = MapBuilder()
    ids = [b.statement(f"claim {i}", id=f"c{i}") for i in range(n)]
    for source, target in zip(ids, ids[1:] + ids[:1], strict=True):
        b.attack(source, target)
    return b.build()


def test_no_stable_labelling_is_an_error_for_evaluate_and_an_empty_iterator_for_evaluate_all() -> None:
    m = odd_cycle(3)
    with pytest.raises(NoLabelling, match="no stable labelling"):
        evaluate(m, "stable")
    assert list(evaluate_all(m, "stable")) == []
    assert evaluate(m, "preferred").statements == {"c0": UNDEC, "c1": UNDEC, "c2": UNDEC}


def test_limit_caps_the_labellings() -> None:
    m = worked_example()
    assert len(list(evaluate_all(m, "complete"))) == 3
    assert len(list(evaluate_all(m, "complete", limit=2))) == 2
    assert list(evaluate_all(m, "complete", limit=0)) == []


@pytest.mark.parametrize("call", [evaluate, evaluate_all])
def test_unknown_semantics_is_refused_at_once(call: Callable[[ArgumentMap, str], object]) -> None:
    with pytest.raises(OptionError, match="unknown semantics 'naive'"):
        call(worked_example(), "naive")


def test_negative_limit_is_refused() -> None:
    with pytest.raises(OptionError, match="limit"):
        evaluate_all(worked_example(), "preferred", limit=-1)


# Labelling: its invariants and look-ups --------------------------------------------------------------------------


def test_labelling_refuses_missing_unknown_and_illegal_labels() -> None:
    m = worked_example()
    good = evaluate(m)
    with pytest.raises(MapError) as missing:
        Labelling("grounded", {}, good.arguments, map=m)
    assert {p.code for p in missing.value.problems} == {"unlabelled-element"}
    with pytest.raises(MapError) as unknown:
        Labelling("grounded", {**good.statements, "nope": IN}, good.arguments, map=m)
    assert [(p.code, p.subject) for p in unknown.value.problems] == [
        ("dangling-reference", Subject("statement", "nope"))
    ]
    with pytest.raises(MapError) as illegal:
        Labelling("grounded", {**good.statements, "clouds": OUT}, good.arguments, map=m)
    # Unattacked, clouds must be IN; and look-up, needing clouds, is then UNDEC where it should be OUT.
    assert [(p.code, p.subject) for p in illegal.value.problems] == [
        ("illegal-label", Subject("statement", "clouds")),
        ("illegal-label", Subject("argument", "look-up")),
    ]
    with pytest.raises(MapError) as bad:
        Labelling("grounded", {**good.statements, "clouds": "in"}, good.arguments, map=m)  # type: ignore[dict-item]
    assert [p.code for p in bad.value.problems] == ["bad-label"]
    with pytest.raises(MapError, match="stable labelling leaves nothing UNDEC"):
        Labelling("stable", good.statements, good.arguments, map=m)
    with pytest.raises(OptionError, match="unknown semantics"):
        Labelling("naive", good.statements, good.arguments, map=m)


def test_labelling_is_immutable_and_compares_by_labels() -> None:
    m = worked_example()
    first, second = evaluate(m), evaluate(m)
    assert first == second
    assert hash(first) == hash(second)
    with pytest.raises(TypeError):
        first.statements["rain"] = IN  # type: ignore[index]


def test_look_ups_of_unknown_or_ambiguous_ids_are_option_errors() -> None:
    b = MapBuilder()
    p = b.statement("p", id="same")
    b.argument([p], b.statement("c", id="c"), id="same")
    labelling = evaluate(b.build())
    with pytest.raises(OptionError, match="names both"):
        labelling.explain("same")
    assert labelling.explain("same", S).startswith("statement same is IN")
    assert labelling.explain("same", A).startswith("argument same is IN")
    with pytest.raises(OptionError, match="no statement or argument 'nope'"):
        labelling.explain("nope")
    with pytest.raises(OptionError, match="no argument 'c'"):
        labelling.label(A, "c")


def test_explain_names_the_defeater_of_each_attacker_and_why_it_stands() -> None:
    b = MapBuilder()
    w, x, y = (b.statement(id, id=id) for id in "wxy")
    b.attack(w, x)
    b.attack(x, y)
    labelling = evaluate(b.build())
    assert labelling.explain("y") == (
        "statement y is IN: every attacker is OUT.\n"
        "- statement x attacks it, but is OUT: defeated by statement w, which is IN."
    )
    assert labelling.explain("x") == "statement x is OUT: statement w attacks it and is IN (nothing attacks it)."


def test_explain_an_attacker_that_is_out_for_want_of_what_it_needs() -> None:
    b = MapBuilder()
    q, c, x, z, v = (b.statement(id, id=id) for id in "qcxzv")
    b.argument([q], c, id="B")
    b.attack(x, q)
    b.attack("B", z, source_type="argument")
    b.attack(v, x)
    b.attack(b.statement("u", id="u"), v)
    labelling = evaluate(b.build())
    # u defeats v, so x stands, q falls, B falls with it, and z stands.
    assert labelling.explain("q") == "statement q is OUT: statement x attacks it and is IN (all its attackers are OUT)."
    assert labelling.explain("z") == (
        "statement z is IN: every attacker is OUT.\n"
        "- argument B attacks it, but is OUT: it needs statement q, which is OUT."
    )


# Scale and determinism -------------------------------------------------------------------------------------------


def test_a_long_argument_chain_and_a_long_odd_cycle() -> None:
    n = 100_000
    b = MapBuilder()
    previous = b.statement("claim 0", id="s0")
    b.attack(b.statement("objection", id="x"), previous)
    for i in range(1, n):
        current = b.statement(f"claim {i}", id=f"s{i}")
        b.argument([previous], current, id=f"A{i}")
        previous = current
    labelling = evaluate(b.build())
    assert labelling.arguments["A1"] is OUT
    assert labelling.ids(OUT, A) == ("A1",)
    assert labelling.ids(OUT) == ("s0",)

    cycle = evaluate(odd_cycle(n + 1))
    assert set(cycle.statements.values()) == {UNDEC}
    explanation = cycle.explain("c0").splitlines()
    assert len(explanation) < 12
    assert explanation[-2] == f"- … {n + 1 - 8} more links …"
    assert explanation[-1] == "- so the cycle through statement c0 never settles."


def test_labellings_and_explanations_do_not_depend_on_the_hash_seed(
    hash_seed_outputs: Callable[[str], set[str]],
) -> None:
    script = (
        "import argmap\n"
        "from argmap.evaluate import evaluate_all, to_framework\n"
        f"m = argmap.load({str(ROOT / 'seeds' / 'kim-in-russia.json')!r})\n"
        "print(to_framework(m)[0].attacks)\n"
        "for l in evaluate_all(m, 'complete', limit=5):\n"
        "    print(dict(l.statements), dict(l.arguments))\n"
        "    print(*(l.explain(s.id) for s in m.statements), sep='\\n')\n"
    )
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1
