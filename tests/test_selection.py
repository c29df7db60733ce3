"""Parts of a map: selections that combine, stay intact, and leave out what would dangle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ElementType, MapBuilder, OptionError, evaluate, select, without
from argmap.selection import chosen_part
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent


def tea() -> ArgumentMap:
    b = MapBuilder(title="Tea")
    health = b.section("Health", id="health")
    inner = b.section("Body", id="body", parent=health)
    b.source("essay", text="Tea is good. It has antioxidants. It keeps you awake.")
    good = b.statement("Tea is good.", id="good", quote=("essay", "Tea is good"), tags=["claim"])
    anti = b.statement("It has antioxidants.", id="anti", section=inner, quote=("essay", "It has antioxidants"))
    b.argument([anti], good, id="healthy", section=health)
    awake = b.statement("It keeps you awake.", id="awake", tags=["objection"])
    b.attack(awake, good)
    b.support(b.statement("Sleep matters.", id="sleep"), awake)
    b.statement("Unrelated.", id="alone")
    return b.build()


def ids(m: ArgumentMap) -> list[str]:
    return [s.id for s in m.statements] + [f"<{a.id}>" for a in m.arguments]


def test_a_neighbourhood_reaches_as_far_and_as_way_as_asked() -> None:
    m = tea()
    assert ids(select(m, ids=["good"])) == ["good"]
    assert ids(select(m, ids=["good"], depth=1, reach="in")) == ["good", "anti", "awake", "<healthy>"]
    assert ids(select(m, ids=["good"], depth=2, reach="in")) == ["good", "anti", "awake", "sleep", "<healthy>"]
    assert ids(select(m, ids=["sleep"], depth=5, reach="out")) == ["good", "awake", "sleep"]
    assert ids(select(m, ids=[(ElementType.ARGUMENT, "healthy")])) == ["good", "anti", "<healthy>"]


def test_criteria_combine_as_an_intersection() -> None:
    m = tea()
    assert ids(select(m, sections=["health"])) == ["good", "anti", "<healthy>"]  # the argument keeps its statements
    assert ids(select(m, sections=["body"])) == ["anti"]
    assert ids(select(m, tags=["claim", "objection"])) == ["good", "awake"]
    assert ids(select(m, tags=["objection"], ids=["good"], depth=1)) == ["awake"]
    assert ids(select(m, connected=True)) == ["good", "anti", "awake", "sleep", "<healthy>"]


def test_statuses_select_by_a_labelling() -> None:
    m = tea()
    labelling = evaluate(m)
    out = select(m, labelling=labelling, statuses=["out"])
    # The objection defeats the claim and with it the argument for it, which keeps its premise in the part.
    assert labelling.ids(argmap.Label.OUT) == ("good",)
    assert labelling.ids(argmap.Label.OUT, ElementType.ARGUMENT) == ("healthy",)
    assert ids(out) == ["good", "anti", "<healthy>"]
    with pytest.raises(OptionError, match="statuses need a labelling"):
        select(m, statuses=["in"])


def test_a_chosen_part_is_none_without_a_choice_and_judges_statuses_by_the_semantics_named() -> None:
    m = tea()
    assert chosen_part(m) is None
    assert chosen_part(m, depth=2, reach="in", semantics="preferred") is None  # they choose nothing alone
    assert chosen_part(m, ids=[]) == select(m, ids=[])  # given, though empty: it keeps nothing
    assert chosen_part(m, tags=["objection"], ids=["good"], depth=1) == select(
        m, tags=["objection"], ids=["good"], depth=1
    )
    assert chosen_part(m, connected=True) == select(m, connected=True)
    assert chosen_part(m, statuses=["out"]) == select(m, labelling=evaluate(m), statuses=["out"])
    b = MapBuilder()
    a, b_ = b.statement("A.", id="a"), b.statement("B.", id="b")
    b.attack(a, b_)
    b.attack(b_, a)
    mutual = b.build()
    assert ids(chosen_part(mutual, statuses=["undec"]) or mutual) == ["a", "b"]  # grounded by default
    stable = evaluate(mutual, "stable")
    assert chosen_part(mutual, statuses=["in"], semantics="stable") == select(mutual, labelling=stable, statuses=["in"])
    with pytest.raises(OptionError, match="unknown statuses 'maybe'"):
        chosen_part(m, statuses=["maybe"])
    with pytest.raises(OptionError, match="semantics"):
        chosen_part(m, statuses=["in"], semantics="nope")


def test_the_part_keeps_what_its_elements_need_and_nothing_that_dangles() -> None:
    part = select(tea(), ids=["awake"], depth=1)
    assert [(r.source, r.kind.value, r.target) for r in part.relations] == [
        ("awake", "attack", "good"),
        ("sleep", "support", "awake"),
    ]
    assert [s.id for s in part.sources] == ["essay"]
    assert part.sections == ()
    assert [s.id for s in select(tea(), sections=["body"]).sections] == ["health", "body"]


def test_without_drops_what_would_dangle_instead_of_raising() -> None:
    m = without(tea(), ["anti", "awake"])
    assert ids(m) == ["good", "sleep", "alone", "<healthy>"]
    assert m.argument("healthy").steps == ()  # sketched now: its premise is gone
    assert m.relations == ()
    assert [s.id for s in m.sections] == ["health"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"ids": ["nope"]}, "no statement or argument 'nope'"),
        ({"ids": [(ElementType.ARGUMENT, "good")]}, "no argument 'good'"),
        ({"sections": ["nope"]}, "no section 'nope'"),
        ({"ids": ["good"], "depth": -1}, "depth must be"),
        ({"ids": ["good"], "reach": "up"}, "unknown reach 'up'"),
    ],
)
def test_bad_selections_are_refused_by_name(options: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        select(tea(), **options)  # type: ignore[arg-type]


@settings(max_examples=50)
@given(argument_maps(), st.data())
def test_every_part_of_any_map_is_a_valid_map_that_checks_and_writes(m: ArgumentMap, data: st.DataObject) -> None:
    elements = [s.id for s in m.statements] + [a.id for a in m.arguments]
    chosen = data.draw(st.lists(st.sampled_from(elements), max_size=3)) if elements else []
    part = select(m, ids=chosen, depth=data.draw(st.integers(0, 2)), connected=data.draw(st.booleans()))
    rest = without(m, chosen)
    for piece in (part, rest):
        argmap.check(piece)
        assert argmap.loads(argmap.dumps(piece, "json"), "json") == piece


def test_a_chain_200000_deep_is_selected_without_recursion() -> None:
    b = MapBuilder()
    previous = b.statement("S0.", id="s0")
    for n in range(1, 200_000):
        current = b.statement(f"S{n}.", id=f"s{n}")
        b.support(current, previous)
        previous = current
    part = select(b.build(), ids=["s0"], depth=200_000, reach="in")
    assert len(part.statements) == 200_000


def test_the_command_draws_a_part_with_the_same_names(tmp_path: Path) -> None:
    import subprocess
    import sys

    argmap.dump(tea(), tmp_path / "tea.json")

    def drawn(*options: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "render", "tea.json", "-o", "-", *options],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout

    whole, part = drawn(), drawn("--select", "awake", "--depth", "1", "--reach", "in")
    assert "Unrelated." in whole
    assert "Unrelated." not in part
    assert "Sleep matters." in part
    assert "Tea is good." not in part
    out = drawn("--statuses", "out", "--evaluate", "grounded")
    assert "Tea is good." in out
    assert "Sleep matters." not in out


def test_a_builder_starts_from_an_existing_map_and_adds_to_it() -> None:
    m = tea()
    b = argmap.MapBuilder.from_map(m)
    added = b.statement("Tea is good.", quote=("essay", "Tea is good"))
    assert added == "tea-is-good"  # generated, and clear of the map's own ids
    b.support(added, "good")
    grown = b.build()
    assert grown.statements[: len(m.statements)] == m.statements
    assert grown.relations[: len(m.relations)] == m.relations
    assert (grown.title, grown.sections, grown.sources) == (m.title, m.sections, m.sources)
    assert argmap.MapBuilder.from_map(m).build() == m
    again = argmap.MapBuilder.from_map(m)
    again.statement("Again.", id="good")  # an id given explicitly is the caller's to keep unique
    with pytest.raises(argmap.MapError, match="good: two statements have this id"):
        again.build()
