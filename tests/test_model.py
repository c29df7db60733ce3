"""The model: immutability, referential integrity, separate namespaces, look-ups and derived roles."""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import (
    MAX_NAME_LENGTH,
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Location,
    MapError,
    Quote,
    Relation,
    RelationKind,
    Role,
    Section,
    Source,
    Statement,
)
from argmap.errors import Problem
from argmap.model import validation


def s(id: str, text: str | None = None, **kw: object) -> Statement:
    return Statement(id=id, text=text or f"Statement {id}", **kw)  # type: ignore[arg-type]


def codes(error: MapError) -> list[str]:
    return [p.code for p in error.problems]


def test_elements_are_frozen() -> None:
    st = s("a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        st.text = "changed"  # type: ignore[misc]
    m = ArgumentMap(statements=[st])
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.title = "changed"  # type: ignore[misc]
    assert isinstance(m.statements, tuple)


def test_data_is_read_only_and_does_not_break_equality() -> None:
    raw = {"k": 1}
    st = s("a", data=raw)
    raw["k"] = 2
    assert st.data == {"k": 1}
    with pytest.raises(TypeError):
        st.data["k"] = 3  # type: ignore[index]
    assert st == s("a", data={"k": 1})
    assert hash(st) == hash(s("a", data={"k": 2}))


def test_location_does_not_affect_equality() -> None:
    assert s("a", location=Location(3, 4, "x.argdown")) == s("a")
    assert str(Location(3, 4, "x.argdown")) == "x.argdown:3:4"
    assert str(Location(3)) == "<string>:3:1"


def test_lone_string_tags_and_premises_are_not_split_into_characters() -> None:
    assert s("a", tags="urgent").tags == ("urgent",)
    assert Inference(premises="p", conclusion="c").premises == ("p",)


def test_lookups_are_by_id_per_namespace() -> None:
    m = ArgumentMap(
        statements=[s("A1"), s("c")],
        arguments=[Argument(id="A1", steps=[Inference(premises=["A1"], conclusion="c")])],
        relations=[Relation(source="A1", target="c", kind="support", source_type="argument")],
        sources=[Source(id="src", text="t")],
        sections=[Section(id="h", title="H")],
    )
    assert m.statement("A1").text == "Statement A1"
    assert m.argument("A1").conclusion == "c"
    assert m.source("src").text == "t"
    assert m.section("h").title == "H"
    assert m.has(ElementType.ARGUMENT, "A1")
    assert m.has(ElementType.STATEMENT, "A1")
    assert not m.has(ElementType.ARGUMENT, "c")
    assert m.element(ElementType.STATEMENT, "c") is m.statement("c")
    (rel,) = m.relations
    assert m.relations_from(ElementType.ARGUMENT, "A1") == (rel,)
    assert m.relations_from(ElementType.STATEMENT, "A1") == ()
    assert m.relations_to(ElementType.STATEMENT, "c") == (rel,)
    with pytest.raises(KeyError):
        m.statement("missing")
    with pytest.raises(KeyError):
        m.argument("c")


def test_relation_end_types_default_by_kind() -> None:
    assert Relation(source="x", target="a", kind=RelationKind.UNDERCUT).target_type is ElementType.ARGUMENT
    assert Relation(source="x", target="y", kind="attack").target_type is ElementType.STATEMENT
    assert RelationKind.ENTAILS.is_support
    assert RelationKind.CONTRARY.is_attack
    assert RelationKind.CONTRADICTION.is_symmetric
    assert not RelationKind.ATTACK.is_symmetric


def test_argument_derived_premises_and_conclusion() -> None:
    arg = Argument(
        id="a",
        steps=[
            Inference(premises=["p1", "p2"], conclusion="i"),
            Inference(premises=["i", "p3", "p1"], conclusion="c"),
        ],
    )
    assert arg.premises == ("p1", "p2", "p3")
    assert arg.conclusion == "c"
    assert arg.intermediate_conclusions == ("i",)
    assert list(arg.statement_ids()) == ["p1", "p2", "i", "i", "p3", "p1", "c"]
    sketched = Argument(id="b", text="a sketch")
    assert sketched.conclusion is None
    assert sketched.premises == ()


def test_roles_are_derived() -> None:
    m = ArgumentMap(
        statements=[s("p"), s("q"), s("i"), s("c"), s("x"), s("lonely"), s("r")],
        arguments=[
            Argument(id="a1", steps=[Inference(premises=["p", "q"], conclusion="i")]),
            Argument(id="a2", steps=[Inference(premises=["i"], conclusion="c")]),
        ],
        relations=[
            Relation(source="x", target="c", kind="attack"),
            Relation(source="r", target="p", kind="support"),
        ],
    )
    assert m.role("c") is Role.MAIN_CONCLUSION
    assert m.role("i") is Role.INTERMEDIATE_CONCLUSION
    assert m.role("p") is Role.INTERMEDIATE_CONCLUSION
    assert m.role("q") is Role.PREMISE
    assert m.role("r") is Role.PREMISE
    assert m.role("x") is Role.NONE
    assert m.role("lonely") is Role.NONE
    assert m.main_conclusions == ("c",)
    with pytest.raises(KeyError):
        m.role("a1")


def test_an_argument_supporting_its_own_conclusion_keeps_it_main() -> None:
    m = ArgumentMap(
        statements=[s("p"), s("c")],
        arguments=[Argument(id="a", steps=[Inference(premises=["p"], conclusion="c")])],
        relations=[Relation(source="a", target="c", kind="support", source_type="argument")],
    )
    assert m.main_conclusions == ("c",)


def test_an_objection_with_reasons_is_not_a_main_conclusion() -> None:
    m = ArgumentMap(
        statements=[s("thesis"), s("why"), s("objection"), s("because")],
        relations=[
            Relation(source="why", target="thesis", kind="support"),
            Relation(source="objection", target="thesis", kind="attack"),
            Relation(source="because", target="objection", kind="support"),
        ],
    )
    assert m.main_conclusions == ("thesis",)
    assert m.role("objection") is Role.INTERMEDIATE_CONCLUSION


def test_argument_supporting_a_statement_makes_its_conclusion_a_reason() -> None:
    m = ArgumentMap(
        statements=[s("p"), s("c1"), s("c2")],
        arguments=[Argument(id="a", steps=[Inference(premises=["p"], conclusion="c1")])],
        relations=[Relation(source="a", target="c2", kind="support", source_type="argument")],
    )
    assert m.role("c1") is Role.INTERMEDIATE_CONCLUSION
    assert m.main_conclusions == ("c2",)


def test_every_integrity_problem_is_reported_at_once() -> None:
    with pytest.raises(MapError) as info:
        ArgumentMap(
            statements=[s("a"), s("a"), Statement(id="e", text="  ")],
            arguments=[Argument(id="x", steps=[Inference(premises=["nope"], conclusion="a")], section="ghost")],
            relations=[Relation(source="a", target="x", kind="attack")],
            sections=[Section(id="child", title="C", parent="later"), Section(id="later", title="L")],
        )
    assert codes(info.value) == [
        "duplicate-id",
        "dangling-reference",
        "empty-text",
        "dangling-reference",
        "dangling-reference",
        "dangling-reference",
    ]
    message = str(info.value)
    assert message.startswith("6 problems: ")
    assert "\n" not in message
    for needle in ("'nope'", "'ghost'", "'later'", "unknown statement 'x'"):
        assert needle in message


def test_single_problem_message_names_the_element() -> None:
    with pytest.raises(MapError, match=r"^a: statement text is empty$"):
        ArgumentMap(statements=[Statement(id="a", text="")])


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("nul\x00byte", "control character U+0000"),
        ("bell\x07", "U+0007"),
        ("lone \ud800 surrogate", "lone surrogate U+D800"),
    ],
)
def test_text_that_cannot_be_drawn_or_saved_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(MapError, match=re.escape(fragment)) as info:
        ArgumentMap(statements=[Statement(id="a", text=text)])
    assert codes(info.value) == ["invalid-text"]


def test_texts_and_titles_have_no_limit() -> None:
    long = "word " * 20_000 + "end."
    m = ArgumentMap(
        title=long,
        statements=[Statement(id="a", text=long, tags=["t"])],
        arguments=[Argument(id="A", text=long)],
        sections=[Section(id="h", title=long)],
        sources=[Source(id="src", text=long, title=long)],
    )
    assert m.statement("a").text == m.argument("A").text == m.section("h").title == m.title == long


_NAME_MAKERS = [
    lambda name: ArgumentMap(statements=[Statement(id=name, text="t")]),
    lambda name: ArgumentMap(statements=[Statement(id="a", text="t", tags=[name])]),
    lambda name: ArgumentMap(arguments=[Argument(id="a", scheme=name)]),
    lambda name: ArgumentMap(sources=[Source(id=name, text="t")]),
    lambda name: ArgumentMap(sections=[Section(id=name, title="t")]),
]


@pytest.mark.parametrize("make", _NAME_MAKERS)
def test_a_name_over_the_limit_is_refused(make: Callable[[str], ArgumentMap]) -> None:
    name = "x" * (MAX_NAME_LENGTH + 1)
    with pytest.raises(MapError, match=f"is {MAX_NAME_LENGTH + 1} characters long; the limit is {MAX_NAME_LENGTH}"):
        make(name)


@pytest.mark.parametrize("make", _NAME_MAKERS)
@pytest.mark.parametrize("control", ["\u202a", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_a_name_with_a_bidirectional_control_is_refused(make: Callable[[str], ArgumentMap], control: str) -> None:
    # Shown, "tea<U+202E>aet" reads as "teatea": two names that look the same would differ.
    with pytest.raises(
        MapError, match=f"contains the bidirectional control U\\+{ord(control):04X} at offset 3"
    ) as info:
        make(f"tea{control}aet")
    assert codes(info.value) == ["invalid-text"]


def test_prose_keeps_its_bidirectional_controls() -> None:
    # Right-to-left prose quoting a left-to-right name needs an isolate around it.
    text = "\u05d4\u05de\u05d3\u05d9\u05e0\u05d9\u05d5\u05ea \u2066Moon\u2069 \u202bok\u202c."
    m = ArgumentMap(
        title=text,
        statements=[Statement(id="a", text=text, quotes=[Quote(source="src", text=text)])],
        sources=[Source(id="src", text=text, title=text)],
    )
    assert m.statement("a").text == m.title == m.source("src").text == text


def test_names_shown_in_one_box_must_fit_it_together() -> None:
    half = "x" * (MAX_NAME_LENGTH // 2)
    with pytest.raises(MapError, match="id and tags are 1010 characters together") as info:
        ArgumentMap(statements=[Statement(id="abcd", text="t", tags=[half, half])])
    assert codes(info.value) == ["invalid-text"]
    with pytest.raises(MapError, match="step 1's inference rules are"):
        ArgumentMap(
            statements=[s("p"), s("c")],
            arguments=[Argument(id="a", steps=[Inference(premises="p", conclusion="c", rules=[half, half])])],
        )
    fits = "x" * (MAX_NAME_LENGTH - 3 - 2 - 2)
    assert ArgumentMap(statements=[Statement(id="abc", text="t", tags=[fits])]).statement("abc").tags == (fits,)


def test_tabs_newlines_and_long_sources_are_fine() -> None:
    m = ArgumentMap(
        statements=[s("a", "line one\n\tline two", quotes=[Quote("src", "x" * 10)])],
        sources=[Source(id="src", text="x" * (MAX_NAME_LENGTH * 30))],
    )
    assert m.statement("a").text == "line one\n\tline two"


@pytest.mark.parametrize("bad_id", ["", "  ", " padded", "new\x00line"])
def test_bad_ids_are_refused(bad_id: str) -> None:
    with pytest.raises(MapError):
        ArgumentMap(statements=[Statement(id=bad_id, text="t")])


def test_wrong_types_are_reported_not_raised_as_type_errors() -> None:
    with pytest.raises(MapError, match="must be a string"):
        ArgumentMap(statements=[Statement(id="a", text=3)])  # type: ignore[arg-type]


def test_undercut_of_an_unknown_argument_is_dangling() -> None:
    with pytest.raises(MapError, match="unknown argument 'a'"):
        ArgumentMap(statements=[s("a")], relations=[Relation(source="a", target="a", kind="undercut")])


def test_deep_chain_builds_without_recursion() -> None:
    n = 200_000
    statements = [s(f"s{i}") for i in range(n)]
    relations = [Relation(source=f"s{i + 1}", target=f"s{i}", kind="support") for i in range(n - 1)]
    m = ArgumentMap(statements=statements, relations=relations)
    assert m.main_conclusions == ("s0",)
    assert m.role(f"s{n - 1}") is Role.PREMISE


# Texts of every kind the checks look at: valid, empty, blank, padded, too long, with a control character or a line
# break, and not text at all.
_ANY_TEXT = st.one_of(
    st.text(max_size=4),
    st.sampled_from(
        ["a", "", " ", " a", "a ", "x" * (MAX_NAME_LENGTH + 1), "x" * 1500, "a\x00", "a\nb", "\u2028", "a\u202e"]
    ),
    st.integers(),
)
_MAYBE_INVALID_MAPS = st.builds(
    lambda statements, arguments: (statements, arguments),
    st.lists(
        st.builds(
            Statement,
            id=_ANY_TEXT,
            text=_ANY_TEXT,
            tags=st.lists(_ANY_TEXT, max_size=2),
            quotes=st.lists(st.builds(Quote, _ANY_TEXT, _ANY_TEXT), max_size=2),
            section=st.sampled_from([None, "s", "unknown"]),
        ),
        max_size=4,
    ),
    st.lists(
        st.builds(
            Argument,
            id=_ANY_TEXT,
            text=_ANY_TEXT,
            tags=st.lists(_ANY_TEXT, max_size=2),
            scheme=st.one_of(st.none(), _ANY_TEXT),
            steps=st.lists(
                st.builds(
                    Inference,
                    premises=st.lists(_ANY_TEXT, max_size=2),
                    conclusion=_ANY_TEXT,
                    rules=st.lists(_ANY_TEXT, max_size=2),
                ),
                max_size=2,
            ),
        ),
        max_size=3,
    ),
)


@given(_MAYBE_INVALID_MAPS)
def test_checking_all_texts_at_once_refuses_what_checking_each_refuses(
    elements: tuple[list[Statement], list[Argument]],
) -> None:
    statements, arguments = elements
    sections = [Section(id="s", title="S")]

    def problems() -> tuple[Problem, ...]:
        try:
            ArgumentMap(statements=statements, arguments=arguments, sections=sections)
        except MapError as error:
            return error.problems
        return ()

    at_once = problems()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(validation, "AT_ONCE", False)
        assert problems() == at_once
