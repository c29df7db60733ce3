"""check(): each code on a map with the problem and on a near-identical one without; the catalogue; properties."""

from __future__ import annotations

import ast
import gc
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Location,
    MapBuilder,
    MapError,
    Quote,
    Relation,
    RelationKind,
    Source,
    Statement,
    UnknownCode,
)
from argmap.af import Framework, Label
from argmap.boxes import BOX_LENGTH
from argmap.catalogue import CATALOGUE, Severity, explain
from argmap.check import _CHECKS, Diagnostic, _strong_components, check
from argmap.evaluate import Labelling
from argmap.formats import aif, argdown, loads

ROOT = Path(__file__).resolve().parent.parent
# Typographic apostrophes, spelled out so that they are visible.
R, L = "\N{RIGHT SINGLE QUOTATION MARK}", "\N{LEFT SINGLE QUOTATION MARK}"
EDITORIAL = f"All these developments indicate that Moon{R}s  current policy\nmay not work. It is “urgent”."


def codes(m: ArgumentMap) -> list[str]:
    return [d.code for d in check(m)]


def found(m: ArgumentMap, code: str) -> list[Diagnostic]:
    return [d for d in check(m) if d.code == code]


def core(b: MapBuilder) -> None:
    """A legitimate map: argument A concludes c from linked premises p and q, and also supports c."""
    for id in "pqc":
        b.statement(f"Statement {id}.", id=id)
    b.argument(["p", "q"], "c", id="A")
    b.support("A", "c")


def steps_map(*steps: tuple[tuple[str, ...], str], statements: str = "pqcxy") -> ArgumentMap:
    return ArgumentMap(
        statements=tuple(Statement(id=id, text=f"Statement {id}.") for id in statements),
        arguments=(Argument(id="A", steps=tuple(Inference(premises=p, conclusion=c) for p, c in steps)),),
    )


# One builder per case: bad=True adds the problem, bad=False a harmless near-twin ------------------------------


def circular_support(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Statement x.", id="x")
    b.support("c", "x")
    (b.support if bad else b.attack)("x", "p")
    return b.build()


def circular_support_through_sketched_argument(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    s, t = b.statement("S.", id="s"), b.statement("T.", id="t")
    b.argument(id="K", text="sketched")
    b.support(s, "K")
    b.support("K", t)
    (b.support if bad else b.attack)(t, s)
    return b.build()


def self_support_in_one_step(bad: bool) -> ArgumentMap:
    return steps_map((("p", "c") if bad else ("p", "q"), "c"))


def self_support_by_relation(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.support("p", "p" if bad else "c")
    return b.build()


def self_support_of_own_premise(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.support("A", "p" if bad else "c")
    return b.build()


def self_support_conclusion_as_premise(bad: bool) -> ArgumentMap:
    return steps_map(((("c" if bad else "p"),), "x"), (("y",), "c"))


def self_support_conclusion_supports_argument(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.support("c" if bad else "p", "A")
    return b.build()


def argument_without_premises(bad: bool) -> ArgumentMap:
    return steps_map(((() if bad else ("p",)), "c"))


def argument_without_conclusion(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.argument(id="K", text="South Korea has been sidelined.")
    if not bad:
        b.support("K", "c")
    return b.build()


def undercut_target(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Objection.", id="x")
    b.undercut("x", "c" if bad else "A", target_type="statement" if bad else "argument")
    return b.build()


def undercut_of_sketched_argument_is_fine(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Objection.", id="x")
    b.argument(id="K", text="sketched")
    b.support("K", "c")
    b.undercut("x", "c" if bad else "K", target_type="statement" if bad else "argument")
    return b.build()


def self_attack(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Objection.", id="x")
    b.attack("x", "x" if bad else "c")
    return b.build()


def self_attack_on_own_premise(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Objection.", id="x")
    b.attack("A" if bad else "x", "p")
    return b.build()


def self_attack_by_own_premise(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Objection.", id="x")
    b.undercut("p" if bad else "x", "A")
    return b.build()


def support_and_attack(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("X.", id="x")
    b.support("x", "c")
    b.attack("x", "c" if bad else "q")
    return b.build()


def support_and_reverse_contradiction(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("X.", id="x")
    b.support("x", "c")
    # A contradiction holds both ways; a contrary relation does not.
    (b.contradiction if bad else b.contrary)("c", "x")
    return b.build()


def disconnected(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Weather.", id="w")
    if not bad:
        b.attack("w", "q")
    return b.build()


def unused_premise(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Statement r.", id="r")
    m = b.build()
    a = m.argument("A")
    if bad:
        a = attrs.evolve(a, unused_premises=["r"])
    else:
        a = attrs.evolve(a, steps=[attrs.evolve(a.steps[0], premises=["p", "q", "r"])])
    return attrs.evolve(m, arguments=[a])


def unbacked_relation(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Statement t.", id="t")
    b.support("A", "t")
    if not bad:
        b.support("c", "t")  # the conclusion supports t, so the argument does
    return b.build()


def unbacked_attack_on_an_argument(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("Statement x.", id="x")
    b.attack("x", "A")
    b.contradiction("q" if not bad else "c", "x")  # contradicting a premise backs the attack; the conclusion not
    return b.build()


def duplicate_text(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    core(b)
    b.statement("South Korea  has been\nsidelined.", id="x")
    b.statement("south korea has been sidelined. " if bad else "South Korea has been ignored.", id="y")
    b.support("x", "c")
    b.support("y", "c")
    return b.build()


def multiple_main_conclusions(bad: bool) -> ArgumentMap:
    b = MapBuilder()
    for id in "pcxy":
        b.statement(f"Statement {id}.", id=id)
    b.support("p", "c")
    b.support("x", "y")
    if not bad:
        b.support("y", "p")  # a supported claim that supports nothing else is a main conclusion
    return b.build()


def with_source(quote: tuple[str, str] | None) -> ArgumentMap:
    b = MapBuilder()
    b.source("editorial", text=EDITORIAL)
    policy = b.statement("The policy fails.", id="policy", quote=("editorial", "Moon's current policy may not work"))
    b.statement("It is urgent.", id="urgent", quote=quote)
    b.support("urgent", policy)
    return b.build()


def unknown_source(bad: bool) -> ArgumentMap:
    return with_source(("editorail" if bad else "editorial", "It is “urgent”"))


def unquoted_statement(bad: bool) -> ArgumentMap:
    return with_source(None if bad else ("editorial", 'It is "urgent".'))


def quote_not_found(bad: bool) -> ArgumentMap:
    return with_source(
        ("editorial", f"these   developments indicate that Moon{R}s new" if bad else "these developments")
    )


def open_critical_question(bad: bool) -> ArgumentMap:
    # An argument from sign has two critical questions: both are raised, or the first twice and the second never.
    b = MapBuilder()
    core(b)
    b.statement("The sign often misleads.", id="x", tags=["cq1"])
    b.statement("Something else explains the sign.", id="y", data={"cq": 1 if bad else 2})
    b.undercut("x", "A")
    b.attack("y", "p")
    m = b.build()
    return attrs.evolve(m, arguments=[attrs.evolve(m.argument("A"), scheme="Argument From Sign")])


def long_text(bad: bool) -> ArgumentMap:
    # The box of statement p (id "p", no tags) shows 2,995 characters: one more is cut.
    b = MapBuilder()
    core(b)
    m = b.build()
    text = "x" * (BOX_LENGTH - 5 + bad)
    return attrs.evolve(m, statements=[attrs.evolve(m.statement("p"), text=text), *m.statements[1:]])


def source_encoding(bad: bool) -> ArgumentMap:
    # As the AIF reader notes a text beside a map that was not UTF-8.
    b = MapBuilder()
    core(b)
    m = b.build()
    note = {"path": "maps/n1.txt", "encoding": "windows-1252", "line": 2, "column": 7}
    return attrs.evolve(m, metadata={"source_file": note} if bad else {"source_files": note})


def unhonoured_setting(bad: bool) -> ArgumentMap:
    # As the Argdown reader keeps a frontmatter's settings: top-level needs what the model does not keep.
    b = MapBuilder()
    core(b)
    mode = "top-level" if bad else "all"
    return attrs.evolve(b.build(), metadata={"selection": {"statementSelectionMode": mode}})


def long_quote_not_found(bad: bool) -> ArgumentMap:
    # Three or more words: found through the word index rather than a scan.
    text = "that Moon's current policy may work" if bad else f"indicate that Moon{R}s current  policy may not"
    return with_source(("editorial", text))


CASES: list[tuple[str, Callable[[bool], ArgumentMap]]] = [
    ("circular-support", circular_support),
    ("circular-support", circular_support_through_sketched_argument),
    ("self-support", self_support_in_one_step),
    ("self-support", self_support_by_relation),
    ("self-support", self_support_of_own_premise),
    ("self-support", self_support_conclusion_as_premise),
    ("self-support", self_support_conclusion_supports_argument),
    ("argument-without-premises", argument_without_premises),
    ("argument-without-conclusion", argument_without_conclusion),
    ("undercut-target", undercut_target),
    ("undercut-target", undercut_of_sketched_argument_is_fine),
    ("self-attack", self_attack),
    ("self-attack", self_attack_on_own_premise),
    ("self-attack", self_attack_by_own_premise),
    ("support-and-attack", support_and_attack),
    ("support-and-attack", support_and_reverse_contradiction),
    ("disconnected", disconnected),
    ("duplicate-text", duplicate_text),
    ("multiple-main-conclusions", multiple_main_conclusions),
    ("unknown-source", unknown_source),
    ("unquoted-statement", unquoted_statement),
    ("quote-not-found", quote_not_found),
    ("quote-not-found", long_quote_not_found),
    ("open-critical-question", open_critical_question),
    ("long-text", long_text),
    ("source-encoding", source_encoding),
    ("unhonoured-setting", unhonoured_setting),
    ("unused-premise", unused_premise),
    ("unbacked-relation", unbacked_relation),
    ("unbacked-relation", unbacked_attack_on_an_argument),
]


@pytest.mark.parametrize(("code", "make"), CASES, ids=[make.__name__ for _, make in CASES])
def test_code_is_reported_exactly_when_the_problem_is_there(code: str, make: Callable[[bool], ArgumentMap]) -> None:
    assert codes(make(True)).count(code) == 1
    assert code not in codes(make(False))


@pytest.mark.parametrize(("code", "make"), CASES, ids=[make.__name__ for _, make in CASES])
def test_one_mistake_gives_one_error(code: str, make: Callable[[bool], ArgumentMap]) -> None:
    good_errors = {d for d in check(make(False)) if d.severity is Severity.ERROR}
    new_errors = [d for d in check(make(True)) if d.severity is Severity.ERROR and d not in good_errors]
    assert [d.code for d in new_errors] in ([], [code])


def test_the_legitimate_core_map_is_clean() -> None:
    b = MapBuilder()
    core(b)
    assert check(b.build()) == []


def test_every_check_code_is_in_the_catalogue_and_every_check_entry_is_reachable() -> None:
    emitted = {d.code: d for _, make in CASES for d in check(make(True))}
    assert set(emitted) <= set(CATALOGUE)
    assert set(emitted) == {code for code, info in CATALOGUE.items() if info.reported_by == "check"}
    for code, diagnostic in emitted.items():
        assert diagnostic.severity is CATALOGUE[code].severity


# Messages, subjects and details of each check ----------------------------------------------------------------


def test_circular_support_names_the_whole_circle_in_map_order() -> None:
    [d] = found(circular_support(True), "circular-support")
    assert d.subjects == ("p", "c", "x", "A")
    assert d.message == "[p], [c], [x] and <A> support each other in a circle"


def test_each_circle_is_one_diagnostic() -> None:
    b = MapBuilder()
    for id in "abcde":
        b.statement(f"{id}.", id=id)
    b.support("a", "b")
    b.support("b", "a")
    b.support("b", "c")  # leads out of the first circle into the second
    b.support("d", "e")
    b.entails("e", "d")
    b.support("e", "c")
    assert [d.subjects for d in found(b.build(), "circular-support")] == [("a", "b"), ("d", "e")]


def test_self_support_messages() -> None:
    assert [d.message for d in found(self_support_in_one_step(True), "self-support")] == [
        "step 1 of <A> concludes [c] from itself"
    ]
    [d] = found(self_support_conclusion_as_premise(True), "self-support")
    assert (d.message, d.subjects) == ("<A> takes its own conclusion [c] as a premise", ("A", "c"))
    [d] = found(self_support_of_own_premise(True), "self-support")
    assert d.message == "<A> supports [p], one of its own premises"
    [d] = found(self_support_conclusion_supports_argument(True), "self-support")
    assert d.message == "[c] supports <A>, the argument that concludes it"
    [d] = found(self_support_by_relation(True), "self-support")
    assert (d.message, d.subjects) == ("[p] supports itself", ("p",))


def test_a_circle_inside_one_reconstruction_is_both_circular_and_self_support() -> None:
    # "c, so x; x, so c": the argument takes its conclusion as a premise, and two statements form a circle.
    m = steps_map((("c",), "x"), (("x",), "c"), statements="cx")
    assert [(d.code, d.subjects) for d in check(m)] == [("circular-support", ("c", "x")), ("self-support", ("A", "c"))]


def test_statement_and_argument_with_one_id_are_told_apart() -> None:
    b = MapBuilder()
    b.statement("S.", id="k")
    b.argument(id="k", text="sketched")
    b.support("k", "k", source_type="statement", target_type="argument")  # [k] supports <k>: fine
    b.attack("k", "k", source_type="argument", target_type="argument")
    m = b.build()
    assert [d.message for d in check(m) if d.severity is Severity.ERROR] == ["<k> attacks itself"]


def test_self_attack_messages() -> None:
    [d] = found(self_attack_on_own_premise(True), "self-attack")
    assert (d.message, d.subjects) == ("<A> attacks [p], its own premise", ("A", "p"))
    [d] = found(self_attack_by_own_premise(True), "self-attack")
    assert d.message == "[p] undercuts <A>, whose own premise it is"
    two_steps = steps_map((("p",), "x"), (("x", "q"), "c"))
    for target, role in (("x", "intermediate conclusion"), ("c", "conclusion")):
        m = ArgumentMap(
            statements=two_steps.statements,
            arguments=two_steps.arguments,
            relations=(Relation(source="A", source_type="argument", target=target, kind="contradiction"),),
        )
        assert [d.message for d in found(m, "self-attack")] == [f"<A> contradicts [{target}], its own {role}"]


def test_support_and_attack_message_and_location() -> None:
    b = support_and_reverse_contradiction(True)
    relations = tuple(
        Relation(source=r.source, target=r.target, kind=r.kind, source_type=r.source_type, location=Location(n + 1))
        for n, r in enumerate(b.relations)
    )
    m = ArgumentMap(statements=b.statements, arguments=b.arguments, relations=relations)
    [d] = found(m, "support-and-attack")
    assert (d.message, d.subjects) == ("[x] both supports and contradicts [c]", ("x", "c"))
    assert d.location == Location(2)  # the first of the two relations


def test_disconnected_reports_every_piece_but_the_largest() -> None:
    b = MapBuilder()
    b.statement("Lone.", id="lone")
    b.statement("U.", id="u")
    b.statement("V.", id="v")
    b.contradiction("u", "v")
    core(b)
    found_ = found(b.build(), "disconnected")
    assert [d.subjects for d in found_] == [("lone",), ("u", "v")]
    assert found_[0].message == "[lone] is not connected to the main part of the map (4 elements)"


def test_disconnected_ties_keep_the_first_piece() -> None:
    b = MapBuilder()
    for id in "abcd":
        b.statement(f"{id}.", id=id)
    b.attack("c", "d")
    b.attack("a", "b")
    assert [d.subjects for d in found(b.build(), "disconnected")] == [("c", "d")]


def test_an_argument_connects_all_statements_of_its_steps() -> None:
    assert "disconnected" not in codes(steps_map((("p",), "x"), (("x", "q"), "c"), statements="pqxc"))
    assert found(ArgumentMap(), "disconnected") == []


def test_duplicate_text_and_main_conclusions_name_every_statement() -> None:
    [d] = found(duplicate_text(True), "duplicate-text")
    assert (d.subjects, d.message) == (("x", "y"), "[x] and [y] have the same text")
    [d] = found(multiple_main_conclusions(True), "multiple-main-conclusions")
    assert (d.subjects, d.message) == (("c", "y"), "the map has 2 main conclusions: [c] and [y]")


def test_unknown_source_is_reported_once_per_statement_and_not_as_a_missing_quote() -> None:
    b = MapBuilder()
    b.source("editorial", text=EDITORIAL)
    b.statement("X.", id="x", quotes=[("a", "t"), ("b", "t"), ("a", "u"), ("editorial", f"Moon{R}s current")])
    [d, note] = check(b.build())
    assert d.message == "[x] quotes unknown sources 'a', 'b'"
    assert (note.code, note.subjects) == ("uncovered-source", ("x",))  # the editorial has more than one quote


def test_unquoted_statement_only_when_the_map_has_sources() -> None:
    b = MapBuilder()
    core(b)
    assert "unquoted-statement" not in codes(b.build())
    assert [d.severity for d in found(unquoted_statement(True), "unquoted-statement")] == [Severity.INFO]


@pytest.mark.parametrize(
    ("quote", "present"),
    [
        ("Moon's current policy may not work", True),  # typographic apostrophe and a line break in the source
        ("“urgent”", True),
        ('"urgent"', True),
        ("  It is\t“urgent”.  ", True),
        ("All these", True),  # start of the source
        ("may not work. It is", True),
        (f"oon{R}s current policy ma", True),  # inner words whole, outer words cut
        ("moon's current policy", False),  # case matters
        ("Moon's current policy may work", False),
        ("policy may not work. It was", False),
        ("These developments indicate", False),
        (f"All these developments indicate that Moon{R}s current policy may not work. It is “urgent”. More", False),
    ],
)
def test_quote_search_normalises_whitespace_and_typographic_quotes(quote: str, present: bool) -> None:
    m = with_source(("editorial", quote))
    assert ("quote-not-found" not in codes(m)) is present


def test_quote_with_a_common_inner_word_is_found() -> None:
    b = MapBuilder()
    b.source("s", text="a a a a a a a a a a a a b a c")
    b.statement("X.", id="x", quote=("s", "b a c"))
    b.statement("Y.", id="y", quote=("s", "a a a b"))
    b.statement("Z.", id="z", quote=("s", "c a a"))
    b.support("x", "y")
    b.support("z", "y")
    assert codes(b.build()) == ["quote-not-found"]
    assert found(b.build(), "quote-not-found")[0].message == "[z] quotes “c a a”, which is not in source 's'"


@given(
    source=st.text(alphabet=f"ab {R}'\n", min_size=1).filter(str.strip),
    data=st.data(),
)
def test_quote_search_agrees_with_a_plain_substring_test(source: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(source)))
    quote = data.draw(st.sampled_from([source[start:], source[:start]]) | st.text(alphabet=f"ab '{R}", min_size=1))
    quote = data.draw(st.sampled_from([quote, quote.replace(" ", "\n "), quote.replace("'", L)]))
    if not quote.strip():
        return

    def normal(text: str) -> str:
        return " ".join(text.replace(R, "'").replace(L, "'").split())

    m = ArgumentMap(
        statements=[Statement(id="x", text="X.", quotes=[Quote("s", quote)])], sources=[Source(id="s", text=source)]
    )
    assert ("quote-not-found" not in codes(m)) is (normal(quote) in normal(source))


def test_an_unused_premise_is_reported_at_the_premise_and_not_as_disconnected() -> None:
    text = (
        "[T]: Tea is healthy.\n\n<Tea>\n\n(1) Tea has antioxidants.\n(2) Antioxidants are healthy.\n"
        "(3) Tea tastes good.\n-- {uses: [1, 2]} --\n(4) [T]\n"
    )
    m = argdown.loads(text, path="tea.argdown")
    assert m.argument("Tea").unused_premises == ("Untitled 3",)
    [d] = check(m)
    assert (d.code, d.severity, d.subjects) == ("unused-premise", Severity.WARNING, ("Untitled 3", "Tea"))
    assert d.message == "[Untitled 3] is listed as a premise of <Tea>, but no inference uses it"
    assert d.location == Location(7, 5, "tea.argdown")  # where the structure gives it


def test_undercut_target_message() -> None:
    [d] = found(undercut_target(True), "undercut-target")
    assert d.message == "[x] undercuts the statement [c]; an undercut must target an argument"


def test_argument_without_premises_and_conclusion_messages() -> None:
    [d] = found(argument_without_premises(True), "argument-without-premises")
    assert (d.message, d.subjects) == ("step 1 of <A> concludes [c] from no premises", ("A", "c"))
    [d] = found(argument_without_conclusion(True), "argument-without-conclusion")
    assert (d.message, d.subjects, d.severity) == (
        "<K> has no reconstruction and argues for or against nothing",
        ("K",),
        Severity.WARNING,
    )


# Diagnostic, Severity and order ----------------------------------------------------------------------------------


def test_severities_are_ordered() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert sorted([Severity.WARNING, Severity.INFO, Severity.ERROR]) == [
        Severity.INFO,
        Severity.WARNING,
        Severity.ERROR,
    ]
    assert str(Severity.WARNING) == "warning"
    with pytest.raises(TypeError):
        assert Severity.ERROR < "warning"  # type: ignore[operator]


def test_diagnostic_formats_like_a_compiler() -> None:
    at = Diagnostic("self-attack", Severity.ERROR, "[x] attacks itself", ("x",), Location(3, 7, "map.argdown"))
    assert str(at) == "map.argdown:3:7: error self-attack [x] attacks itself"
    no_path = Diagnostic("self-attack", Severity.ERROR, "m", ("x",), Location(3, 7))
    assert str(no_path) == "<string>:3:7: error self-attack m"
    assert no_path.format("other.argdown") == "other.argdown:3:7: error self-attack m"
    assert at.format("other.argdown").startswith("map.argdown:3:7: ")
    nowhere = Diagnostic("disconnected", Severity.WARNING, "[x] is alone", ("x",))
    assert str(nowhere) == "warning disconnected [x] is alone"
    assert nowhere.format("map.json") == "map.json: warning disconnected [x] is alone"


def test_diagnostic_as_dict_is_json_ready() -> None:
    d = Diagnostic("self-attack", Severity.ERROR, "m", ("x", "y"), Location(3, 7, "f"))
    assert json.loads(json.dumps(d.as_dict())) == {
        "code": "self-attack",
        "severity": "error",
        "message": "m",
        "subjects": ["x", "y"],
        "location": {"path": "f", "line": 3, "column": 7},
    }
    assert Diagnostic("c", Severity.INFO, "m").as_dict()["location"] is None


def test_location_is_the_relations_else_the_first_located_subject() -> None:
    statements = (
        Statement(id="p", text="P."),
        Statement(id="x", text="X.", location=Location(5, 1, "f")),
    )
    relations = (
        Relation(source="x", target="p", kind="attack", location=Location(9, 2, "f")),
        Relation(source="x", target="x", kind="attack"),
    )
    m = ArgumentMap(statements=statements, relations=relations)
    assert [str(d) for d in check(m)] == ["f:5:1: error self-attack [x] attacks itself"]
    duplicate = ArgumentMap(statements=(*statements, Statement(id="y", text="p.", location=Location(6))))
    assert found(duplicate, "duplicate-text")[0].location == Location(6)
    assert found(duplicate, "disconnected")[0].location == Location(5, 1, "f")


def test_messages_stay_on_one_line() -> None:
    m = ArgumentMap(
        statements=(Statement(id="a\nb", text="X."), Statement(id="c\u2028d", text="x.")),
        relations=(Relation(source="a\nb", target="a\nb", kind="attack"),),
    )
    messages = [d.message for d in check(m)]
    assert "[a\\nb] attacks itself" in messages
    assert all(len(message.splitlines()) == 1 for message in messages)
    assert found(m, "duplicate-text")[0].message == "[a\\nb] and [c\\u2028d] have the same text"


def test_order_is_by_severity_then_check_then_map_order() -> None:
    b = MapBuilder()
    b.source("s", text="Quoted words.")
    b.statement("Z.", id="z", quote=("s", "Missing words"))
    b.statement("Y.", id="y")
    b.statement("X.", id="x")
    b.attack("y", "y")
    b.attack("x", "x")
    b.undercut("x", "y", target_type="statement")
    got = [(d.code, d.subjects) for d in check(b.build())]
    assert got == [
        ("undercut-target", ("x", "y")),
        ("self-attack", ("y",)),
        ("self-attack", ("x",)),
        ("quote-not-found", ("z",)),
        ("disconnected", ("z",)),
        ("unquoted-statement", ("y",)),
        ("unquoted-statement", ("x",)),
        ("uncovered-source", ("z",)),
    ]


def test_long_lists_of_subjects_are_shortened_in_the_message_only() -> None:
    b = MapBuilder()
    ids = [b.statement("Same text.", id=f"s{n}") for n in range(8)]
    [d] = found(b.build(), "duplicate-text")
    assert d.subjects == tuple(ids)
    assert d.message == "[s0], [s1], [s2], [s3], [s4] and 3 more have the same text"


def test_long_text_names_each_element_that_diagrams_show_cut() -> None:
    long = "A long passage of a forum post. " * 1_019  # 32,608 characters
    b = MapBuilder(title=long)
    b.section(long, id="h")
    b.statement(long, id="s", tags=["t"], section="h")
    b.statement("Short.", id="short")
    b.argument(["s"], "short", id="A", text=long)
    diagnostics = found(b.build(), "long-text")
    assert [d.subjects for d in diagnostics] == [("s",), ("A",)]
    assert {d.severity for d in diagnostics} == {Severity.INFO}
    assert [d.message for d in diagnostics] == [
        "[s] has a text of 32,608 characters; diagrams show at most 2,992",
        "<A> has a text of 32,608 characters; diagrams show at most 2,995",
    ]


def test_source_encoding_is_located_at_the_first_byte_that_is_not_utf_8() -> None:
    [d] = found(source_encoding(True), "source-encoding")
    assert (d.subjects, d.location) == ((), Location(2, 7, "maps/n1.txt"))
    assert d.format() == (
        "maps/n1.txt:2:7: info source-encoding the source text maps/n1.txt is not UTF-8; it was read as windows-1252"
    )
    left_out = attrs.evolve(source_encoding(False), metadata={"source_file": {"path": "n1.txt", "encoding": None}})
    [d] = found(left_out, "source-encoding")
    assert d.message == "the text n1.txt beside the map is neither UTF-8 nor Windows-1252; it was left out"
    assert d.location == Location(1, 1, "n1.txt")
    for odd in ("n1.txt", {"encoding": "windows-1252"}, {"path": 3}):
        assert found(attrs.evolve(left_out, metadata={"source_file": odd}), "source-encoding") == []


def test_long_text_is_located_at_the_element_in_argdown() -> None:
    text = " ".join(["word"] * 1_000)
    m = loads(f"[a]: Short.\n\n[b]: {text}\n", format="argdown")
    [d] = found(m, "long-text")
    assert (d.subjects, d.location) == (("b",), Location(3, 1))


# The catalogue and explain() ---------------------------------------------------------------------------------


def test_checks_run_in_catalogue_order() -> None:
    assert [code for code, _ in _CHECKS] == [code for code, info in CATALOGUE.items() if info.reported_by == "check"]


def test_catalogue_entries_are_complete() -> None:
    for code, info in CATALOGUE.items():
        assert info.code == code
        assert code == code.lower()
        assert code.replace("-", "").isalpha()
        assert all([info.title, info.meaning, info.why, info.example, info.fix])
        assert info.reported_by in ("check", "argdown", "build", "read", "aif", "write", "framework", "evaluate")
        if info.reported_by not in ("check", "argdown"):  # the others refuse the map
            assert info.severity is Severity.ERROR


def codes_refused(make: Callable[[], object]) -> list[str]:
    with pytest.raises(MapError) as raised:
        make()
    return [problem.code for problem in raised.value.problems]


@pytest.mark.parametrize("code", [code for code, info in CATALOGUE.items() if info.reported_by == "build"])
def test_the_examples_of_building_problems_are_refused_with_their_code(code: str) -> None:
    b = MapBuilder()
    exec(CATALOGUE[code].example, {"b": b})
    assert code in codes_refused(b.build)


@pytest.mark.parametrize("code", [code for code, info in CATALOGUE.items() if info.reported_by == "argdown"])
def test_the_examples_of_argdown_notices_are_reported_by_check(code: str) -> None:
    m = argdown.loads(CATALOGUE[code].example)
    found = [d for d in check(m) if d.code == code]
    assert len(found) == 1
    assert found[0].severity is CATALOGUE[code].severity
    assert found[0].location is not None


@pytest.mark.parametrize("code", [code for code, info in CATALOGUE.items() if info.reported_by == "read"])
def test_the_examples_of_reading_problems_are_refused_with_their_code(code: str) -> None:
    formats = pytest.importorskip("argmap.formats.json")
    assert code in codes_refused(lambda: formats.loads(CATALOGUE[code].example))


@pytest.mark.parametrize("code", [code for code, info in CATALOGUE.items() if info.reported_by == "aif"])
def test_the_examples_of_aif_problems_are_refused_with_their_code(code: str) -> None:
    assert code in codes_refused(lambda: aif.loads(CATALOGUE[code].example))


@pytest.mark.parametrize("code", [code for code, info in CATALOGUE.items() if info.reported_by == "framework"])
def test_the_examples_of_framework_problems_are_refused_with_their_code(code: str) -> None:
    assert code in codes_refused(lambda: eval(CATALOGUE[code].example, {"Framework": Framework}))


def test_the_examples_of_labelling_problems_are_refused_with_their_code() -> None:
    m = ArgumentMap(statements=[Statement(id="p", text="P.")])
    for code in ("unlabelled-element", "bad-label", "illegal-label"):
        example = CATALOGUE[code].example.split("  #")[0]
        names = {"Labelling": Labelling, "Label": Label, "m": m}
        assert code in codes_refused(lambda example=example, names=names: eval(example, names))


def test_the_builders_argument_without_conclusion_is_in_the_catalogue() -> None:
    b = MapBuilder()
    b.statement("P.", id="p")
    b.argument(["p"])
    assert codes_refused(b.build) == ["argument-without-conclusion"]
    assert "MapBuilder.argument() also refuses premises given without a conclusion" in CATALOGUE[
        "argument-without-conclusion"
    ].meaning.replace("\n", " ")


def test_every_problem_code_in_the_source_is_in_the_catalogue() -> None:
    used = set()
    for path in sorted((ROOT / "argmap").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Problem"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                used.add(node.args[0].value)
    assert {"duplicate-id", "dangling-reference", "empty-text"} <= used
    assert used <= set(CATALOGUE)


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_explain_every_code(code: str) -> None:
    info = CATALOGUE[code]
    text = explain(code)
    assert text.startswith(f"{code} ({info.severity.value}): {info.title}\n")
    for heading in ("What it means", "Why it matters", "Example", "How to fix"):
        assert f"\n\n{heading}\n" in text
    for line in info.example.splitlines():
        assert f"    {line}".rstrip() in text
    assert ("argmap.check()" in text) is (info.reported_by in ("check", "argdown"))
    assert ("JSON reader" in text) is (info.reported_by == "read")
    example = {f"    {line}" for line in info.example.splitlines()}
    assert all(len(line) <= 88 for line in text.splitlines() if line not in example)
    assert explain(f"  {code.upper()} ") == text


def test_explain_unknown_code_suggests_close_matches() -> None:
    with pytest.raises(UnknownCode, match=r"'circular'; did you mean circular-support\?"):
        explain("circular")
    with pytest.raises(UnknownCode, match="known codes: circular-support, self-support") as raised:
        explain("zzz\n")
    assert isinstance(raised.value, LookupError)
    assert "\n" not in str(raised.value)


# Properties --------------------------------------------------------------------------------------------------

IDS = ("a", "b", "c", "d", "e")
TEXTS = ("Kim went to Russia.", "kim went  to RUSSIA.", f"Moon{R}s policy may not work.", "X")
SOURCE = f"Kim went to Russia. Moon{R}s  policy may not work."


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Small valid maps that hit every check: shared ids across namespaces, self-loops, cycles and bad quotes."""
    statement_ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=5))
    argument_ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=4))
    quote = st.builds(
        Quote,
        st.sampled_from(["src", "elsewhere"]),
        st.sampled_from(["Kim went", "Moon's policy may", f"Russia.\nMoon{R}s policy", "not in the source"]),
    )
    location = st.none() | st.builds(Location, st.integers(1, 9), st.integers(1, 9), st.sampled_from([None, "f"]))
    statements = [
        Statement(
            id=id,
            text=draw(st.sampled_from(TEXTS)),
            quotes=draw(st.lists(quote, max_size=2)),
            location=draw(location),
        )
        for id in statement_ids
    ]
    arguments = []
    for id in argument_ids:
        steps: list[Inference] = []
        if statement_ids:
            statement = st.sampled_from(statement_ids)
            step = st.builds(Inference, premises=st.lists(statement, max_size=3), conclusion=statement)
            steps = draw(st.lists(step, max_size=3))
        arguments.append(Argument(id=id, steps=steps, location=draw(location)))
    kinds = [(ElementType.STATEMENT, statement_ids), (ElementType.ARGUMENT, argument_ids)]
    end = st.sampled_from([(type, ids) for type, ids in kinds if ids]).flatmap(
        lambda pair: st.tuples(st.just(pair[0]), st.sampled_from(pair[1]))
    )
    relations = []
    if statement_ids or argument_ids:
        for _ in range(draw(st.integers(0, 8))):
            (source_type, source), (target_type, target) = draw(end), draw(end)
            relations.append(
                Relation(
                    source=source,
                    target=target,
                    kind=draw(st.sampled_from(RelationKind)),
                    source_type=source_type,
                    target_type=target_type,
                    location=draw(location),
                )
            )
    sources = [Source(id="src", text=SOURCE)] if draw(st.booleans()) else []
    return ArgumentMap(statements=statements, arguments=arguments, relations=relations, sources=sources)


def assert_well_formed(m: ArgumentMap) -> None:
    diagnostics = check(m)
    assert [d.severity for d in diagnostics] == sorted((d.severity for d in diagnostics), reverse=True)
    for d in diagnostics:
        info = CATALOGUE[d.code]
        assert (info.reported_by, info.severity) == ("check", d.severity)
        if d.code == "unhonoured-setting" and not d.subjects:
            # A setting of the whole document (its frontmatter, which the map's metadata holds) is about no element.
            assert d.message.split()[3].split(".")[0] in m.metadata
        else:
            assert d.subjects
        assert all(m.has(ElementType.STATEMENT, id) or m.has(ElementType.ARGUMENT, id) for id in d.subjects)
        assert len(d.message.splitlines()) == 1
    again = ArgumentMap(
        statements=m.statements, arguments=m.arguments, relations=m.relations, sources=m.sources, sections=m.sections
    )
    assert check(again) == diagnostics
    assert [str(d) for d in check(m)] == [str(d) for d in diagnostics]


@given(maps())
def test_check_never_raises_and_is_deterministic(m: ArgumentMap) -> None:
    assert_well_formed(m)


def test_check_on_the_projects_strategies() -> None:
    strategies = pytest.importorskip("argmap.strategies")
    given(strategies.argument_maps())(assert_well_formed)()


@given(st.lists(st.lists(st.integers(0, 7), max_size=4), min_size=1, max_size=8))
def test_strong_components_agree_with_reachability(edges: list[list[int]]) -> None:
    edges = [[target % len(edges) for target in out] for out in edges]
    reach = []
    for start in range(len(edges)):
        seen, todo = {start}, [start]
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        reach.append(seen)
    component = _strong_components(edges)
    for a in range(len(edges)):
        for b in range(len(edges)):
            assert (component[a] == component[b]) is (b in reach[a] and a in reach[b])


def test_output_is_the_same_under_every_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "import sys; sys.path.insert(0, 'tests'); import test_check as t; from argmap.check import check; "
        "maps = [make(True) for _, make in t.CASES]; "
        "print([str(d) for m in maps for d in check(m)])"
    )
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1
    assert "circular-support" in next(iter(outputs))  # the script printed the problems, not nothing


# Deep and large maps: iterative code, no RecursionError ---------------------------------------------------------

DEPTH = 200_000


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: these tests allocate millions of objects and no cycles."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.usefixtures("no_gc")
def test_a_200000_deep_support_circle_is_one_diagnostic() -> None:
    statements = tuple(Statement(id=f"s{n}", text=f"Step {n}.") for n in range(DEPTH))
    relations = tuple(Relation(source=f"s{n}", target=f"s{(n + 1) % DEPTH}", kind="support") for n in range(DEPTH))
    [d] = check(ArgumentMap(statements=statements, relations=relations))
    assert d.code == "circular-support"
    assert len(d.subjects) == DEPTH
    assert d.message == "[s0], [s1], [s2], [s3], [s4] and 199995 more support each other in a circle"


@pytest.mark.usefixtures("no_gc")
def test_a_200000_deep_chain_of_arguments() -> None:
    statements = tuple(Statement(id=f"s{n}", text=f"Claim {n} holds.") for n in range(DEPTH))
    # Each one-step argument concludes the statement before its premise.
    arguments = tuple(
        Argument(id=f"a{n}", steps=(Inference(premises=(f"s{n + 1}",), conclusion=f"s{n}"),)) for n in range(DEPTH - 1)
    )
    assert check(ArgumentMap(statements=statements, arguments=arguments)) == []
