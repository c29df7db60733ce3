"""Reading Argdown: every construct of the syntax, derived relations, locations, and errors that say where."""

from __future__ import annotations

import gc
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import (
    MAX_NAME_LENGTH,
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Location,
    MapError,
    ParseError,
    Problem,
    Quote,
    RelationKind,
    Section,
    Source,
    Subject,
)
from argmap.formats import argdown
from argmap.formats.argdown import loads
from argmap.formats.argdown.lexer import _TAG_WORD
from argmap.formats.argdown.pyyaml import load as pyyaml_load
from argmap.formats.argdown.yaml import plain_mapping
from argmap.render import dot_source

S, A = ElementType.STATEMENT, ElementType.ARGUMENT


def read(text: str) -> ArgumentMap:
    return loads(textwrap.dedent(text))


def texts(m: ArgumentMap) -> dict[str, str]:
    return {s.id: s.text for s in m.statements}


def edges(m: ArgumentMap) -> list[tuple[str, str, str]]:
    return [(r.source, r.kind.value, r.target) for r in m.relations]


def error(text: str) -> ParseError:
    with pytest.raises(ParseError) as info:
        read(text)
    return info.value


def problems(text: str, path: str | None = None) -> tuple[Problem, ...]:
    with pytest.raises(MapError) as info:
        loads(text, path=path)
    return info.value.problems


# Statements -------------------------------------------------------------------------------------------------------


def test_titled_untitled_and_referenced_statements() -> None:
    m = read(
        """\
        [Sidelined]: Seoul was sidelined.

        An untitled claim.

        Another one.

        [Sidelined]
        """
    )
    assert texts(m) == {
        "Sidelined": "Seoul was sidelined.",
        "Untitled 1": "An untitled claim.",
        "Untitled 2": "Another one.",
    }


def test_an_equivalence_class_takes_the_text_of_its_last_definition_or_of_the_canonical_one() -> None:
    m = read(
        """\
        [T]: First wording.

        [T]: Second wording.

        [U]: Chosen wording. {isCanonical: true}

        [U]: Later wording.
        """
    )
    assert texts(m) == {"T": "Second wording.", "U": "Chosen wording."}
    assert m.statement("U").data == {"isCanonical": True}


def test_a_statement_only_referred_to_takes_its_title_as_text() -> None:
    m = read("[A]: Claim.\n  + [Unwritten]\n")
    assert m.statement("Unwritten").text == "Unwritten"


def test_lines_of_one_statement_are_joined_with_a_space() -> None:
    m = read("[T]: The first line\ncontinues here,   \n   and ends here.\n")
    assert m.statement("T").text == "The first line continues here, and ends here."


def test_titles_are_stripped_and_an_empty_one_is_an_error() -> None:
    assert [s.id for s in read("[ T ]: text\n\n[T]\n").statements] == ["T"]
    assert error("[ ]: text\n").line == 1


def test_a_bracket_before_a_line_break_starts_a_reference_to_the_title_on_the_next_line() -> None:
    # As in the reference: its lexer lets a reference's first character be a line break, and its title pattern
    # takes the bracketed title after it; without one, the token names nothing and the statement is untitled.
    m = read("[\n[B]\n  - <A>: a.\n\n[B]: b.\n")
    assert [s.id for s in m.statements] == ["B"]
    assert [(r.source, r.target) for r in m.relations] == [("A", "B")]
    m = read("<\n<A>\n  + [B]: b.\n\n<A>: a.\n")
    assert [a.id for a in m.arguments] == ["A"]
    assert [(r.source, r.target) for r in m.relations] == [("B", "A")]
    assert [s.id for s in read("[\nfoo]\n").statements] == ["Untitled 1"]


def test_mentions_stay_in_the_text() -> None:
    m = read("[T]: As @[Other] says, and @<Arg> shows.\n")
    assert m.statement("T").text == "As @[Other] says, and @<Arg> shows."
    assert [s.id for s in m.statements] == ["T"]  # a mention defines nothing


# Text: formatting, links, tags, escapes, shortcodes, comments ---------------------------------------------------


def test_bold_and_italic_markers_are_removed() -> None:
    m = read("[T]: A **bold** and __also bold__ claim, *italic* and _too_.\n")
    assert m.statement("T").text == "A bold and also bold claim, italic and too."


def test_an_unclosed_bold_range_is_an_error_that_says_how_to_close_it() -> None:
    e = error("[T]: A **bold claim\n")
    assert (e.line, e.column) == (1, 20)
    assert "bold" in e.message
    assert "escape" in e.message


def test_links_keep_their_text_and_lose_their_address() -> None:
    m = read("[T]: See [the editorial](https://example.org/ed) for more.\n")
    assert m.statement("T").text == "See the editorial for more."


def test_tags_short_and_long_become_tags_and_stay_in_the_text() -> None:
    m = read("[T]: A claim #pro #(main thesis) here.\n\n[T] #extra\n")
    assert m.statement("T").tags == ("pro", "main thesis", "extra")
    assert m.statement("T").text == "A claim #pro #(main thesis) here."


def test_remove_tags_from_text_is_a_frontmatter_setting() -> None:
    m = read("===\nmodel: {removeTagsFromText: true}\n===\n\n[T]: A claim #pro here.\n")
    assert m.statement("T").text == "A claim here."
    assert m.statement("T").tags == ("pro",)


def test_backslash_escapes_and_escaped_spaces_survive() -> None:
    m = read("[T]: Not \\*italic\\*, not a \\[title\\], and a \\#hash.\n")
    assert m.statement("T").text == "Not *italic*, not a [title], and a #hash."
    # Layout spaces around a text go; an escaped one is kept.
    assert read("[T]:   \\ spaced\\ \n").statement("T").text == " spaced "


def test_a_backslash_at_a_line_end_is_an_error() -> None:
    e = error("[T]: text \\\n")
    assert (e.line, e.column) == (1, 11)
    assert "backslash" in e.message


def test_shortcodes_become_characters() -> None:
    m = read("[T]: .~.p .^. q :happy:\n")
    assert m.statement("T").text == "¬p ∧ q 😀"
    m = read('===\nmodel: {shortcodes: {":ok:": {unicode: "👌"}}}\n===\n\n[T]: fine :ok:\n')
    assert m.statement("T").text == "fine 👌"


@pytest.mark.parametrize("comment", ["// note", "/* note */", "<!-- note -->", "/* a\nlonger\nnote */"])
def test_comments_are_ignored(comment: str) -> None:
    m = read(f"[T]: A claim. {comment}\n  + [U]: A reason.\n")
    assert texts(m) == {"T": "A claim.", "U": "A reason."}
    assert edges(m) == [("U", "support", "T")]


def test_windows_line_endings_read_like_unix_ones() -> None:
    text = "[T]: A claim\nover two lines.\n  + <A>: A reason.\n\n<A>\n\n(1) P\n----\n(2) [T]\n"
    assert loads(text.replace("\n", "\r\n")) == loads(text)


# Arguments and premise-conclusion structures ------------------------------------------------------------------


def test_arguments_with_descriptions() -> None:
    m = read("<Sidelined>: Seoul was sidelined, so its policy fails.\n")
    assert m.arguments == (Argument(id="Sidelined", text="Seoul was sidelined, so its policy fails."),)


def test_a_pcs_reconstructs_the_argument_of_the_paragraph_above() -> None:
    m = read(
        """\
        <A>: The argument.

        (1) [P1]: First premise.
        (2) Second premise.
        ----
        (3) [C]: Conclusion.
        """
    )
    (argument,) = m.arguments
    assert argument.text == "The argument."
    assert argument.steps == (Inference(premises=("P1", "Untitled 1"), conclusion="C"),)
    assert m.main_conclusions == ("C",)


def test_a_pcs_without_an_argument_above_makes_an_untitled_one() -> None:
    m = read("A claim first.\n\n(1) P\n----\n(2) C\n")
    assert [a.id for a in m.arguments] == ["Untitled 2"]  # numbered before its statements, as the reference does
    assert [s.id for s in m.statements] == ["Untitled 1", "Untitled 3", "Untitled 4"]


def test_inference_rules_and_data_of_an_expanded_inference() -> None:
    m = read(
        """\
        <A>

        (1) P
        (2) Q
        -- Modus ponens, Universal instantiation {logic: first-order} --
        (3) C
        """
    )
    (step,) = m.argument("A").steps
    assert step.rules == ("Modus ponens", "Universal instantiation")
    assert step.data == {"logic": "first-order"}


def test_each_step_uses_what_stands_since_the_previous_conclusion() -> None:
    m = read(
        """\
        <A>

        (1) [P1]: p1
        (2) [P2]: p2
        ----
        (3) [I]: intermediate
        (4) [P3]: p3
        ----
        (5) [C]: conclusion
        """
    )
    assert m.argument("A").steps == (
        Inference(premises=("P1", "P2"), conclusion="I"),
        Inference(premises=("I", "P3"), conclusion="C"),
    )
    assert m.argument("A").premises == ("P1", "P2", "P3")


def test_uses_data_chooses_a_steps_premises() -> None:
    m = read(
        """\
        <A>

        (1) [P1]: p1
        (2) [P2]: p2
        -- {uses: [1]} --
        (3) [I]: intermediate
        ----
        (4) [C]: conclusion {uses: [2, 3]}
        """
    )
    first, second = m.argument("A").steps
    assert (first.premises, first.data) == (("P1",), {})  # "uses" is read, not kept as data
    assert second.premises == ("P2", "I")


@pytest.mark.parametrize("given", ["[1, 2]", "[0]", "[]", "1", "[1.5]", "[true]", "two"])
def test_uses_that_names_no_statement_above_the_conclusion_is_noticed_and_left_aside(given: str) -> None:
    # The reference reads such data as data; the step uses the statements above it, as without the list.
    m = read(f"<A>\n\n(1) [P]: p\n-- {{uses: {given}}} --\n(2) [C]: c\n")
    (step,) = m.argument("A").steps
    assert step.premises == ("P",)
    (notice,) = [d for d in argmap.check(m) if d.code == "invalid-uses"]
    assert notice.location == Location(4, 1)
    assert notice.subjects == ("A",)
    assert notice.message.startswith("uses of step 1 must list numbers from 1 to 1, the statements above its")
    # From the conclusion's data, and under the older key "from", alike.
    m = read("<A>\n\n(1) [P]: p\n(2) [Q]: q\n----\n(3) [C]: c {from: [3]}\n")
    assert m.argument("A").steps[0].premises == ("P", "Q")
    (notice,) = [d for d in argmap.check(m) if d.code == "invalid-uses"]
    assert notice.location == Location(6, 12)
    assert "from of step 1 must list numbers from 1 to 2" in notice.message


def test_an_argument_can_have_only_one_pcs() -> None:
    e = error("<A>\n\n(1) P\n----\n(2) C\n\n<A>\n\n(1) Q\n----\n(2) D\n")
    assert (e.line, e.column) == (9, 1)
    assert "<A> already has a premise-conclusion structure" in e.message


def test_a_pcs_member_must_be_a_statement() -> None:
    e = error("<A>\n\n(1) <B>\n----\n(2) C\n")
    assert (e.line, e.column) == (3, 5)
    assert "statement, not an argument" in e.message


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("(1) P\n(2) Q\n", (2, 6), "inference line"),
        ("(1) P\n----\nC\n", (3, 1), "conclusion must follow"),
        ("(1) P\n-- rule\n(2) C\n", (3, 1), "two hyphens"),
        ("A claim.\n(1) P\n----\n(2) C\n", (2, 1), "empty line before"),
        ("----\n", (1, 1), "inference line"),
    ],
)
def test_malformed_pcs_errors_say_what_is_missing(text: str, where: tuple[int, int], words: str) -> None:
    e = error(text)
    assert (e.line, e.column) == where
    assert words in e.message


# Relations ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("symbol", "edge"),
    [
        ("+", ("B", "support", "A")),
        ("<+", ("B", "support", "A")),
        ("+>", ("A", "support", "B")),
        ("-", ("B", "attack", "A")),
        ("<-", ("B", "attack", "A")),
        ("->", ("A", "attack", "B")),
        ("><", ("A", "contradiction", "B")),
        ("_>", ("A", "undercut", "B")),
        ("<_", ("B", "undercut", "A")),
        ("_", ("B", "undercut", "A")),
    ],
)
def test_every_relation_symbol(symbol: str, edge: tuple[str, str, str]) -> None:
    m = read(f"[A]: a\n  {symbol} [B]: b\n")
    assert edges(m) == [edge]
    relation = m.relations[0]
    assert (relation.source_type, relation.target_type) == (S, S)


def test_relations_nest_by_indentation_and_come_in_document_order() -> None:
    m = read(
        """\
        [A]: a
          + [B]: b
            - [C]: c
              + <D>: d
          - [E]: e
        """
    )
    assert edges(m) == [("B", "support", "A"), ("C", "attack", "B"), ("D", "support", "C"), ("E", "attack", "A")]
    assert m.relations[2].source_type is A
    assert [r.location.line for r in m.relations if r.location] == [2, 3, 4, 5]


def test_a_relation_after_an_empty_line_is_an_error_with_its_place() -> None:
    e = error("[A]: a\n\n  + [B]: b\n")
    assert (e.line, e.column) == (3, 1)
    assert "a relation cannot follow an empty line" in e.message


def test_a_contradiction_relates_statements_only() -> None:
    e = error("[A]: a\n  >< <B>: b\n")
    assert (e.line, e.column) == (2, 6)
    assert "statement, not an argument" in e.message


def test_a_reconstructed_arguments_relations_leave_from_its_conclusion() -> None:
    m = read(
        """\
        [T]: thesis
          + <A>: the argument
          - <B>: an objection

        <A>

        (1) p
        ----
        (2) [C]: conclusion
          -> [X]: attacked by the conclusion

        <B>: sketched
        """
    )
    assert set(edges(m)) == {("C", "support", "T"), ("B", "attack", "T"), ("C", "attack", "X")}
    assert [r.source_type for r in m.relations if r.source == "C"] == [S, S]


def test_undercuts_aim_at_arguments_and_their_inferences() -> None:
    m = read(
        """\
        <A>

        (1) p
        ----
          <_ [U]: undercutter
        (2) c

        <B>: sketched
          <_ [V]: also an undercutter

        [W]: a third
          _> <A>
        """
    )
    undercuts = {(r.source, r.target, r.target_type) for r in m.relations if r.kind is RelationKind.UNDERCUT}
    assert undercuts == {("U", "A", A), ("V", "B", A), ("W", "A", A)}


def test_an_undercut_below_a_pcs_statement_aims_at_the_inference_read_last() -> None:
    m = read(
        """\
        <A>

        (1) p
        ----
        (2) c
          <_ [U]: within the pcs

        [S]: after the pcs
          <_ [V]: an undercut of a statement
        """
    )
    undercuts = {(r.source, r.target, r.target_type) for r in m.relations}
    assert undercuts == {("U", "A", A), ("V", "S", S)}


def test_strict_mode_makes_relations_between_statements_logical() -> None:
    m = read(
        """\
        ===
        model: {mode: strict}
        ===

        [a]: a
          +> [b]: b
          -> [c]: c
          + <A>: an argument for a
        [c]
          -> [a]
        """.replace("[c]\n", "\n[c]\n")
    )
    assert sorted(edges(m)) == [("A", "support", "a"), ("a", "contrary", "c"), ("a", "entails", "b")]


def test_loose_mode_keeps_support_and_attack() -> None:
    m = read("[a]: a\n  +> [b]: b\n  -> [c]: c\n")
    assert edges(m) == [("a", "support", "b"), ("a", "attack", "c")]


def test_a_repeated_relation_is_one_relation() -> None:
    m = read("[a]: a\n  + [b]: b\n\n[a]\n  + [b]\n\n[b]\n  +> [a]\n")
    assert edges(m) == [("b", "support", "a")]


def test_a_relation_of_an_element_to_itself_is_kept() -> None:
    # The reference drops it when another relation of the same kind aims at the element (docs/argdown.md).
    m = read("[a]: a\n  + [b]: b\n  + [a]\n")
    assert edges(m) == [("b", "support", "a"), ("a", "support", "a")]


def test_an_attack_on_an_argument_through_its_premise_is_the_attack_on_the_premise() -> None:
    m = read(
        """\
        [x]: objection
          -> [p]
          -> <A>

        <A>

        (1) [p]: premise
        ----
        (2) c
        """
    )
    assert edges(m) == [("x", "attack", "p")]


# Sections, frontmatter and data ------------------------------------------------------------------------------


def test_headings_become_sections_with_the_reference_ids() -> None:
    m = read(
        """\
        # Top

        [a]: a

        ## Sub {id: costs}

        [b]: b

        ### Deeper

        ## Sibling

        [c]: c
        """
    )
    assert m.sections == (
        Section(id="s1", title="Top"),
        Section(id="costs", title="Sub", parent="s1"),
        Section(id="s3", title="Deeper", parent="costs"),
        Section(id="s4", title="Sibling", parent="s1"),
    )
    assert [s.section for s in m.statements] == ["s1", "costs", "s4"]


def test_group_regroup_replaces_the_headings() -> None:
    m = read(
        """\
        ===
        group:
          regroup:
            - title: Costs
              statements: [a]
              children:
                - {title: Details, statements: [b]}
        ===

        # Ignored heading

        [a]: a

        [b]: b
        """
    )
    assert m.sections == (Section(id="s0", title="Costs"), Section(id="s1", title="Details", parent="s0"))
    assert [s.section for s in m.statements] == ["s0", "s1"]


def test_frontmatter_gives_title_metadata_and_sources() -> None:
    m = read(
        """\
        ===
        title: Kim in Russia
        author: The editors
        sources:
          - {id: ed, text: "Moon's policy may not work.", title: Editorial}
        ===

        [c]: Moon's policy may not work. {quotes: [{source: ed, text: policy may not work}]}
        """
    )
    assert m.title == "Kim in Russia"
    assert m.metadata == {"author": "The editors"}
    assert m.sources == (Source(id="ed", text="Moon's policy may not work.", title="Editorial"),)
    assert m.statement("c").quotes == (Quote("ed", "policy may not work"),)
    assert m.statement("c").data == {}


def test_inline_and_block_yaml_data() -> None:
    m = read(
        """\
        [a]: inline {weight: 0.5, tags: [x, y]}

        <A>: block {
          scheme: Expert Opinion
          answer: yes
          time: 1:30
        }
        """
    )
    assert m.statement("a").data == {"weight": 0.5, "tags": ["x", "y"]}
    # YAML 1.2, as the reference reads it: "yes" and "1:30" are text.
    assert m.argument("A").data == {"answer": "yes", "time": "1:30"}
    assert m.argument("A").scheme == "Expert Opinion"


# Lines "key: value" made of characters YAML reads plainly and of those it does not, and of words it reads as others.
_YAML_WORDS = st.sampled_from(["a", "Title", "x-y", "b_c", "true", "False", "NULL", "yes", "y", "1", "1:30", ".inf"])
_YAML_CHARS = st.text(alphabet=st.sampled_from(list("ab ,./()_+=?;-:#'\"[]{}&*!|>%@`\t\u00a0\u2028é1")), max_size=8)
_YAML_LINES = st.lists(
    st.tuples(_YAML_WORDS | _YAML_CHARS, st.sampled_from([": ", ":  ", ":", " : ", ":\t"]), _YAML_WORDS | _YAML_CHARS),
    max_size=4,
)


@given(_YAML_LINES, st.sampled_from(["\n", "\n\n", "\n  \n", "\n \t\n"]), st.sampled_from(["", " ", "  "]))
def test_yaml_of_key_text_lines_is_read_without_the_yaml_library_as_the_library_reads_it(
    lines: list[tuple[str, str, str]], separator: str, trailing: str
) -> None:
    source = separator.join(f"{key}{colon}{value}{trailing}" for key, colon, value in lines)
    found = plain_mapping(source)
    if found is not None:
        assert found == pyyaml_load(source, 0)
    if source == "title: Kim in Russia\nauthor: The editors":
        assert found == {"title": "Kim in Russia", "author": "The editors"}


def test_frontmatter_of_key_text_lines_needs_no_yaml_library() -> None:
    document = "===\\ntitle: T\\n===\\n\\n[a]: A"
    code = f"import sys, argmap; argmap.loads('{document}', format='argdown'); print('yaml' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "False\n"
    assert plain_mapping("title: Kim in Russia\nauthor: The editors") == {
        "title": "Kim in Russia",
        "author": "The editors",
    }
    for other in ("title: yes: no", "title: 'quoted'", "  title: indented", "title: true", "t: a # comment", ""):
        assert plain_mapping(other) is None


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("===\nsources: [1]\n===\n\na\n", (1, 1), "sources"),
        ("===\ntitle: [x]\n===\n\na\n", (1, 1), "title"),
        ("a\n\nb {quotes: nope}\n", (3, 3), "quotes"),
        ("<A>: a {scheme: [1]}\n", (1, 8), "scheme"),
        ("# H {id: [1]}\n", (1, 1), "id"),
        ("# H {id: x}\n\n# I {id: x}\n", (3, 1), "two sections"),
        ("a {x: [}\n", (1, 8), "invalid YAML"),
        ("a {x: 1, x: 2}\n", (1, 10), "duplicate key"),
        ("a {x: &r [*r]}\n", (1, 3), "contains itself"),
        ("===\ntitle: a\n===\n[b]: b\n", (4, 1), "an empty line must follow the frontmatter"),
    ],
)
def test_data_of_the_wrong_shape_is_an_error_with_its_place(text: str, where: tuple[int, int], words: str) -> None:
    e = error(text)
    assert (e.line, e.column) == where
    assert words in e.message


def test_a_billion_laughs_is_refused_quickly() -> None:
    bomb = (
        "{a0: x, "
        + ", ".join(f"a{i}: &b{i} [" + ", ".join([f"*b{i - 1}" if i > 1 else "x"] * 10) + "]" for i in range(1, 12))
        + "}"
    )
    assert "too large" in error(f"claim {bomb}\n").message


def test_empty_documents_are_empty_maps() -> None:
    for text in ("", "\n\n", "// only a comment\n", "===\ntitle: Only a title\n===\n"):
        m = read(text)
        assert (m.statements, m.arguments, m.relations) == ((), (), ())
    assert read("===\ntitle: Only a title\n===\n").title == "Only a title"


# The model's limits, located ------------------------------------------------------------------------------------


def test_a_title_over_the_models_limit_is_an_error_at_the_statement() -> None:
    (e,) = problems(f"[a]: short\n\n[{'x' * MAX_NAME_LENGTH}]: text\n")
    assert (e.code, e.location) == ("invalid-text", Location(3, 1))
    assert str(MAX_NAME_LENGTH) in e.message


def test_a_text_of_any_length_is_read() -> None:
    text = " ".join(["word"] * 7_000)
    assert read(f"[a]: {text}\n").statement("a").text == text


def test_a_control_character_is_an_error_at_the_statement() -> None:
    (e,) = problems("[a]: fine\n  + [b]: bell\x07\n")
    assert (e.code, e.subject, e.location) == ("invalid-text", Subject("statement", "b"), Location(2, 5))
    assert "U+0007" in e.message
    (e,) = problems("[a]: fine\n\n[b\x07c]: a title with a bell\n")
    assert (e.code, e.location) == ("invalid-text", Location(3, 1))
    assert "U+0007" in e.message


def test_every_problem_of_the_model_keeps_its_code_and_its_own_place() -> None:
    found = problems("===\nsources: [{id: s, text: ' '}]\n===\n\n[a]: \x01\n\n<b>: \x02\n", path="x.argdown")
    assert [(p.code, p.subject, p.location) for p in found] == [
        ("empty-text", Subject("source", "s"), Location(1, 1, "x.argdown")),
        ("invalid-text", Subject("statement", "a"), Location(5, 1, "x.argdown")),
        ("invalid-text", Subject("argument", "b"), Location(7, 1, "x.argdown")),
    ]


# Locations -----------------------------------------------------------------------------------------------------


def test_every_element_remembers_where_it_was_written() -> None:
    m = loads("# H\n\n[T]: thesis\n  + <A>: reason\n\n[T]\n", path="x.argdown")
    assert m.section("s1").location == Location(1, 1, "x.argdown")
    assert m.statement("T").location == Location(3, 1, "x.argdown")
    assert m.argument("A").location == Location(4, 5, "x.argdown")
    assert m.relations[0].location == Location(4, 3, "x.argdown")


def test_the_location_of_a_statement_is_its_definition_not_an_earlier_reference() -> None:
    m = loads("[A]: a\n  + [T]\n\n[T]: defined here\n")
    assert m.statement("T").location == Location(4, 1)


def test_check_prints_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.argdown"
    path.write_text("[T]: thesis\n\n[U]: unrelated\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", str(path)], capture_output=True, text=True, check=False
    )
    assert f"{path}:1:1:" in done.stdout or f"{path}:3:1:" in done.stdout


def test_a_parse_error_names_the_file() -> None:
    with pytest.raises(ParseError) as info:
        loads("[A]: a\n\n+ [B]\n", path="doc.argdown")
    assert str(info.value).startswith("doc.argdown:3:1: a relation cannot follow an empty line")


# The format -----------------------------------------------------------------------------------------------------


def test_the_format_reads_files_by_suffix(tmp_path: Path) -> None:
    for suffix in (".argdown", ".ad"):
        path = tmp_path / f"map{suffix}"
        path.write_text("[T]: thesis\n  + [R]: reason\n", encoding="utf-8")
        assert edges(argmap.load(path)) == [("R", "support", "T")]


def test_a_file_that_is_not_utf8_is_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.argdown"
    path.write_bytes("[T]: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(ParseError) as info:
        argmap.load(path)
    assert (info.value.line, info.value.column) == (1, 9)


def test_loads_and_dumps_are_the_format_pair() -> None:
    assert argdown.loads is loads
    m = read("[T]: thesis\n  + [R]: reason\n")
    assert loads(argdown.dumps(m)) == m


def test_the_guides_argdown_examples_read_as_it_says() -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "argdown.md").read_text(encoding="utf-8")
    blocks = guide.split("```text\n")[1:]
    assert len(blocks) == 4
    maps = [loads(block.split("```")[0]) for block in blocks]
    statements, pcs, relations = maps[0], maps[1], maps[2]
    assert [s.id for s in statements.statements] == ["Sidelined", "Untitled 1", "Untitled 2"]
    assert edges(statements) == [("Untitled 2", "attack", "Sidelined")]
    assert [(step.premises, step.conclusion) for step in pcs.argument("Sidelined").steps] == [
        (("Sidelined", "Untitled 1"), "Fails"),
        (("Fails", "Untitled 2"), "Untitled 3"),
    ]
    assert pcs.argument("Sidelined").steps[0].rules == ("Modus ponens",)
    assert edges(relations) == [
        ("Antioxidants", "support", "Tea"),
        ("Doses", "attack", "Antioxidants"),
        ("Tea", "attack", "Coffee"),
    ]
    assert maps[-1].argument("Expert").scheme == "Expert Opinion"


def test_tag_characters_are_the_references() -> None:
    every = "".join(map(chr, range(0x110000)))
    reference = re.sub(r"[^A-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]", "", every)
    assert "".join(match.group() for match in _TAG_WORD.finditer(every)) == reference


def test_reading_and_drawing_leave_no_reference_cycles() -> None:
    """``argmap`` runs without the cyclic garbage collector, so what reading and drawing make must be freed when the
    last reference goes: a cycle would live until the collector's pass at exit, which goes through all of it.
    """
    text = (Path(__file__).parent.parent / "seeds" / "kim-in-russia.argdown").read_text(encoding="utf-8")
    assert "----" in text  # premise-conclusion structures, whose inferences once pointed back at their arguments
    dot_source(loads(text))  # (what the first call imports is not garbage)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        dot_source(loads(text))
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
