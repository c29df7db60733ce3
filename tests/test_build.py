"""MapBuilder: returned ids, generated slugs, relation end types and collected errors."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ElementType, Inference, MapBuilder, MapError, Quote, RelationKind, check, slugify

EDITORIAL = "All these developments indicate that Moon’s current policy may not work."


def test_issue_example_builds() -> None:
    b = MapBuilder(title="Kim in Russia")
    assert b.source("editorial", text=EDITORIAL, title="Kim in Russia") == "editorial"
    c = b.statement(
        "Moon's current policy may not work.",
        id="policy-fails",
        quote=("editorial", "Moon’s current policy may not work"),
    )
    p = b.statement("South Korea has been sidelined.")
    q = b.statement("The North is hostile to Moon.")
    assert c == "policy-fails"
    assert b.argument(premises=[p, q], conclusion=c, id="a1", text="optional description") == "a1"
    x, y, z = b.statement("X."), b.statement("Y."), b.statement("Z.")
    u, v = b.statement("U."), b.statement("V.")
    b.support(x, c)
    b.attack(y, c)
    b.undercut(z, "a1")
    b.contradiction(u, v)
    m = b.build()
    assert m.title == "Kim in Russia"
    assert m.statement(c).quotes == (Quote("editorial", "Moon’s current policy may not work"),)
    assert m.argument("a1").premises == (p, q)
    assert m.argument("a1").text == "optional description"
    kinds = [(r.source, r.kind, r.target, r.target_type) for r in m.relations]
    assert kinds == [
        (x, RelationKind.SUPPORT, c, ElementType.STATEMENT),
        (y, RelationKind.ATTACK, c, ElementType.STATEMENT),
        (z, RelationKind.UNDERCUT, "a1", ElementType.ARGUMENT),
        (u, RelationKind.CONTRADICTION, v, ElementType.STATEMENT),
    ]


def test_generated_ids_are_stable_readable_and_unique() -> None:
    def ids() -> list[str]:
        b = MapBuilder()
        return [
            b.statement("Moon’s current policy may NOT work!"),
            b.statement("Moon’s current policy may not work, again"),
            b.statement("Moon's current policy may not work at all"),
            b.statement("?!"),
            b.statement("Über café"),
        ]

    assert ids() == ids()
    assert ids() == [
        "moons-current-policy-may-not-work",
        "moons-current-policy-may-not-work-2",
        "moons-current-policy-may-not-work-3",
        "statement",
        "uber-cafe",
    ]


def test_argument_ids_come_from_text_or_conclusion() -> None:
    b = MapBuilder()
    p, c = b.statement("P."), b.statement("C.")
    assert b.argument([p], c, text="The sidelining argument") == "the-sidelining-argument"
    assert b.argument([p], c) == "for-c"
    assert b.argument(text="") == "argument"


def test_statement_and_argument_ids_are_separate_namespaces() -> None:
    b = MapBuilder()
    b.statement("Claim", id="A1")
    b.statement("Other", id="B")
    b.argument(text="An argument", id="A1")
    b.attack("B", "A1", target_type="argument")
    m = b.build()
    assert m.relations[0].target_type is ElementType.ARGUMENT
    assert m.statement("A1").text == "Claim"


def test_relation_end_types_are_inferred_from_ids() -> None:
    b = MapBuilder()
    c = b.statement("C.")
    a = b.argument(text="Reason", id="arg")
    b.support(a, c)
    # Known only at build(), since elements may be declared after the relation.
    b.attack("later", a)
    b.statement("Later.", id="later")
    m = b.build()
    assert m.relations[0].source_type is ElementType.ARGUMENT
    assert m.relations[1].source_type is ElementType.STATEMENT
    assert m.relations[1].target_type is ElementType.ARGUMENT
    assert m.relations[1].kind is RelationKind.ATTACK


def test_ambiguous_reference_must_be_typed() -> None:
    b = MapBuilder()
    b.statement("Claim", id="X")
    b.argument(text="Arg", id="X")
    b.statement("Y.", id="Y")
    b.attack("Y", "X")
    with pytest.raises(MapError, match="names both a statement and an argument") as info:
        b.build()
    assert [p.code for p in info.value.problems] == ["ambiguous-reference"]


def test_multi_step_arguments_and_rules() -> None:
    b = MapBuilder()
    p, q, i, c = (b.statement(t) for t in ("P.", "Q.", "I.", "C."))
    a = b.argument(steps=[([p, q], i), Inference(premises=[i], conclusion=c, rules=["modus ponens"])])
    b2 = b.argument([p], c, rules=["analogy"], id="by-rule")
    m = b.build()
    assert m.argument(a).intermediate_conclusions == (i,)
    assert m.argument(a).conclusion == c
    assert m.argument(b2).steps[0].rules == ("analogy",)


def test_unused_premises_are_kept_and_checked() -> None:
    b = MapBuilder()
    p, q, r, c = (b.statement(t) for t in ("P.", "Q.", "R.", "C."))
    a = b.argument([p], c, unused_premises=[q, r])
    lone = b.argument(steps=[([p], c)], unused_premises=q, id="lone")
    m = b.build()
    assert m.argument(a).unused_premises == (q, r)
    assert m.argument(a).premises == (p,)
    assert m.argument(lone).unused_premises == (q,)  # a lone id is one premise, not its letters
    assert [d.code for d in check(m) if d.code == "unused-premise"] == ["unused-premise"] * 3


def test_unused_premises_are_refused_as_the_model_refuses_them() -> None:
    b = MapBuilder()
    p, c = b.statement("P."), b.statement("C.")
    b.argument(id="sketch", text="Sketched.", unused_premises=[p])
    b.argument([p], c, id="ghost", unused_premises=["nowhere"])
    b.argument([p], c, id="used", unused_premises=[c])
    with pytest.raises(MapError) as info:
        b.build()
    assert [(p.code, p.subject and p.subject.id) for p in info.value.problems] == [
        ("invalid-structure", "sketch"),
        ("dangling-reference", "ghost"),
        ("invalid-structure", "used"),
    ]


def test_a_lone_tag_is_one_tag_not_its_letters() -> None:
    # As the model takes it: a string is one name, the way Statement(tags="health") reads.
    b = MapBuilder()
    b.statement("Tea is healthy.", id="t", tags="health")
    b.argument(["t"], b.statement("Drink tea.", id="d"), id="A", tags="tea")
    m = b.build()
    assert m.statement("t").tags == ("health",)
    assert m.argument("A").tags == ("tea",)


def test_build_reports_every_problem_with_ids() -> None:
    b = MapBuilder()
    b.statement("Same", id="dup")
    b.statement("Same again", id="dup")
    b.statement("   ", id="blank")
    b.argument(["dup", "ghost"], "dup", id="a")
    b.argument(["dup"], id="no-conclusion")
    b.support("phantom", "dup")
    b.statement("In nowhere", section="missing-section")
    with pytest.raises(MapError) as info:
        b.build()
    problems = info.value.problems
    assert [p.code for p in problems] == [
        "argument-without-conclusion",
        "duplicate-id",
        "empty-text",
        "dangling-reference",
        "dangling-reference",
        "dangling-reference",
    ]
    text = str(info.value)
    for needle in ("no-conclusion", "dup: two statements", "blank", "'ghost'", "'phantom'", "'missing-section'"):
        assert needle in text


def test_sections_and_quotes() -> None:
    b = MapBuilder()
    b.source("src", text="It said so.")
    top = b.section("Top")
    sub = b.section("Sub", parent=top)
    s = b.statement("Said.", section=sub, quotes=[("src", "It said"), Quote("src", "so")], tags=["t"])
    m = b.build()
    assert m.section(sub).parent == top
    assert m.statement(s).section == sub
    assert [q.text for q in m.statement(s).quotes] == ["It said", "so"]
    assert m.statement(s).tags == ("t",)


@given(st.text(max_size=200))
def test_slugify_is_always_a_valid_id(text: str) -> None:
    slug = slugify(text)
    assert slug
    assert slug == slug.strip()
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
