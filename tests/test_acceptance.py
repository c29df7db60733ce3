"""Acceptance of one element of a map (argmap.acceptance) under every semantics, and the stage labellings of maps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ElementType, Label, MapBuilder, OptionError, SearchLimit
from argmap.af import SEMANTICS
from argmap.evaluate import Acceptance, Labelling, acceptance, evaluate_all
from argmap.strategies import argument_maps


def elements(m: ArgumentMap) -> list[tuple[ElementType, str]]:
    return [(ElementType.STATEMENT, s.id) for s in m.statements] + [(ElementType.ARGUMENT, a.id) for a in m.arguments]


@settings(max_examples=40, deadline=None)
@given(argument_maps(max_statements=6, max_arguments=3, max_relations=8), st.sampled_from(SEMANTICS))
def test_acceptance_agrees_with_every_labelling(m: ArgumentMap, semantics: str) -> None:
    every = list(evaluate_all(m, semantics))
    for type, id in elements(m):
        answer = acceptance(m, id, semantics, type=type)
        labels = [labelling.label(type, id) for labelling in every]
        assert answer.credulous == (Label.IN in labels)
        assert answer.skeptical == all(label is Label.IN for label in labels)
        assert (answer.accepting is not None) == answer.credulous
        assert (answer.rejecting is not None) == (not answer.skeptical)
        if answer.accepting is not None:
            assert answer.accepting.label(type, id) is Label.IN
            assert answer.accepting in every
        if answer.rejecting is not None:
            assert answer.rejecting.label(type, id) is not Label.IN
            assert answer.rejecting in every
        assert answer.explain().startswith(f"{type.value} ")


def odd_cycle_with_a_use() -> ArgumentMap:
    """x attacks y attacks z attacks x, and argument A uses z: stable has nothing, stage takes each in turn."""
    b = MapBuilder()
    x, y, z = b.statement("X.", id="x"), b.statement("Y.", id="y"), b.statement("Z.", id="z")
    b.attack(x, y)
    b.attack(y, z)
    b.attack(z, x)
    b.argument([z], b.statement("R.", id="r"), id="A")
    return b.build()


def test_the_explanation_of_both_answers() -> None:
    answer = acceptance(odd_cycle_with_a_use(), "z", "stage")
    assert answer == Acceptance("stage", ElementType.STATEMENT, "z", True, False, answer.accepting, answer.rejecting)
    assert answer.explain() == (
        "statement z under stage semantics:\n"
        "credulously accepted: it is IN in this stage labelling:\n"
        "  statement z is IN: no attacker is IN, and a stage extension need not defend its members.\n"
        "  - statement y attacks it, but is UNDEC: undefeated, yet not in the extension.\n"
        "not skeptically accepted: it is not IN in this stage labelling:\n"
        "  statement z is UNDEC: no attacker is IN, but the stage extension cannot take it: it attacks statement x, "
        "which is IN."
    )
    stable = acceptance(odd_cycle_with_a_use(), "z", "stable")
    assert (stable.credulous, stable.skeptical) == (False, True)
    assert stable.explain().splitlines()[1:] == [
        "not credulously accepted: no stable labelling has it IN.",
        "skeptically accepted, vacuously: the map has no stable labelling.",
    ]


def test_stage_labellings_of_a_map_are_conflict_free_and_explained() -> None:
    m = odd_cycle_with_a_use()
    found = list(evaluate_all(m, "stage"))
    assert sorted(labelling.ids(Label.IN) for labelling in found) == [("x", "r"), ("y", "r"), ("z", "r")]
    first = found[0]
    # z is UNDEC and A, which needs it, OUT: the stage extension holds the rejection of z.
    assert (first.statements["z"], first.arguments["A"]) == (Label.UNDEC, Label.OUT)
    assert first.explain("A") == (
        "argument A is OUT: it needs statement z, which is UNDEC, and the stage extension holds its rejection."
    )
    # The same labels are refused as a complete labelling, which must defend what it accepts.
    with pytest.raises(argmap.MapError, match="x: labelled IN where its attackers make it UNDEC"):
        Labelling("complete", first.statements, first.arguments, map=m)
    assert Labelling("stage", first.statements, first.arguments, map=m) == first


def test_the_map_level_semantics_part_like_the_frameworks() -> None:
    # a and b contradict each other; b attacks c, which attacks itself: only b decides c (semi-stable, eager).
    b = MapBuilder()
    a, bb, c = b.statement("A.", id="a"), b.statement("B.", id="b"), b.statement("C.", id="c")
    b.contradiction(a, bb)
    b.attack(bb, c)
    b.attack(c, c)
    m = b.build()
    assert sorted(labelling.ids(Label.IN) for labelling in evaluate_all(m, "preferred")) == [("a",), ("b",)]
    assert [labelling.ids(Label.IN) for labelling in evaluate_all(m, "semi-stable")] == [("b",)]
    assert argmap.evaluate(m, "ideal").ids(Label.IN) == ()
    assert argmap.evaluate(m, "eager").ids(Label.IN) == ("b",)
    assert acceptance(m, "b", "eager").skeptical
    assert not acceptance(m, "b", "ideal").credulous


def test_acceptance_refuses_unknown_elements_and_semantics() -> None:
    m = odd_cycle_with_a_use()
    with pytest.raises(OptionError, match="no statement or argument 'q'"):
        acceptance(m, "q")
    with pytest.raises(OptionError, match="no argument 'x'"):
        acceptance(m, "x", type=ElementType.ARGUMENT)
    with pytest.raises(OptionError, match="unknown semantics 'naive'"):
        acceptance(m, "x", "naive")


def test_acceptance_is_bounded_by_its_timeout() -> None:
    b = MapBuilder()
    names = [b.statement(f"S{i}.", id=f"s{i}") for i in range(60)]
    for i, source in enumerate(names):
        for step in (1, 2, 5, 7):
            b.attack(source, names[(i + step) % len(names)])
    m = b.build()
    with pytest.raises(SearchLimit):
        acceptance(m, "s0", "semi-stable", timeout=1e-6)


@pytest.mark.parametrize("semantics", ["semi-stable", "stage", "ideal", "eager"])
def test_diagrams_colour_the_new_semantics(semantics: str) -> None:
    from argmap.render import THEMES, to_dot

    m = odd_cycle_with_a_use()
    labelling = argmap.evaluate(m, semantics)
    source = to_dot(m, labelling=labelling).source
    assert f"{semantics} semantics" in source
    for label in set(labelling.statements.values()) | set(labelling.arguments.values()):
        assert getattr(THEMES["light"], f"{label.value}_fill") in source
