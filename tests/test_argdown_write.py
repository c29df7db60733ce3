"""The Argdown writer: what it writes, that argmap reads it back equal, what it refuses, and the corpus round trip."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    MapError,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
    Statement,
    Subject,
)
from argmap.formats import argdown
from argmap.formats.argdown import INEXPRESSIBLE, MAX_NESTING, RESERVED_KEYS, dumps, loads
from argmap.formats.argdown.normal_form import NOT_DATA
from argmap.formats.argdown.syntax import SPACES
from argmap.formats.json import MAX_DEPTH
from argmap.strategies import argument_maps, json_values, statement_texts

ROOT = Path(__file__).resolve().parent.parent
S, A = ElementType.STATEMENT, ElementType.ARGUMENT


def statement(id: str, text: str = "", **fields: Any) -> Statement:
    return Statement(id=id, text=text or f"{id.capitalize()} holds.", **fields)


def round_trip(m: ArgumentMap) -> ArgumentMap:
    return loads(dumps(m))


# The maps Argdown holds unchanged ---------------------------------------------------------------------------------
#
def small_map() -> ArgumentMap:
    return ArgumentMap(
        title="Kim in Russia",
        metadata={"year": 2019},
        sources=[Source(id="ed", text="Kim went to Russia.\nMoon may fail.", title="Editorial")],
        sections=[Section(id="reasons", title="Reasons"), Section(id="s2", title="Details", parent="reasons")],
        statements=[
            Statement(id="thesis", text="Moon may fail.", tags=["main"], quotes=[Quote("ed", "Moon may fail")]),
            Statement(id="trip", text="Kim went to Russia.", section="reasons", data={"weight": 0.5}),
            Statement(id="ties", text="Ties are strained.", section="s2"),
        ],
        arguments=[
            Argument(
                id="a1",
                text="Geopolitics.",
                steps=[Inference(premises=["trip", "ties"], conclusion="thesis", rules=["modus ponens"])],
                scheme="Cause to Effect",
                section="reasons",
            ),
            Argument(id="a2", tags=["sketch"]),
        ],
        relations=[
            Relation(source="ties", target="trip", kind=RelationKind.SUPPORT),
            Relation(source="a2", target="a1", kind=RelationKind.UNDERCUT, source_type=A),
            Relation(source="trip", target="thesis", kind=RelationKind.CONTRADICTION),
        ],
    )


SMALL_MAP_ARGDOWN = """\
===
title: Kim in Russia
year: 2019
sources:
  - id: ed
    title: Editorial
    text: |-
      Kim went to Russia.
      Moon may fail.
===

<a1>

[thesis]: Moon may fail. {quotes: [{source: ed, text: Moon may fail}]}

[thesis] #main

<a2> #sketch

# Reasons {id: reasons}

[trip]: Kim went to Russia. {weight: 0.5}

<a1>: Geopolitics. {scheme: Cause to Effect}

(1) [trip]
(2) [ties]
-- modus ponens --
(3) [thesis]

## Details

[ties]: Ties are strained.

[trip]
  + [ties]

<a1>
  _ <a2>

[trip]
  >< [thesis]
"""


def test_a_small_map_is_written_as_idiomatic_argdown() -> None:
    # Frontmatter, a reference that keeps <a1> before <a2> (defined in an earlier section), statements with their
    # data and quotes, tags on a reference (the reader counts tags in a definition's text), headings with their ids
    # where the reader would number them otherwise, a pcs, and the relations nested under their elements.
    assert dumps(small_map()) == SMALL_MAP_ARGDOWN
    assert loads(SMALL_MAP_ARGDOWN) == small_map()


def test_an_empty_map_is_an_empty_document() -> None:
    assert dumps(ArgumentMap()) == ""
    assert loads("") == ArgumentMap()


def test_output_is_byte_identical_across_hash_seeds(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "from tests.test_argdown_write import small_map; from argmap.formats.argdown.writer import dumps; "
        "print(dumps(small_map()), end='')"
    )
    outputs = hash_seed_outputs(script)
    assert outputs == {SMALL_MAP_ARGDOWN}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Plain prose, with commas; colons: and dashes - all plain.", None),
        (
            "[not a title] <not an argument> {not: data} #not-a-tag",
            r"\[not a title] \<not an argument> \{not: data} \#not-a-tag",
        ),
        ("*not italic* _nor this_ **nor bold**", r"\*not italic\* \_nor this\_ \*\*nor bold\*\*"),
        ("a // comment? a /* block */ or <!-- html -->", r"a \// comment? a \/\* block \*/ or \<!-- html -->"),
        ("e.g. :smile: .A. and U.S.A.", r"e\.g. \:smile: \.A. and U\.S\.A."),
        ("=== not frontmatter", r"\=\=\= not frontmatter"),
        ("a backslash \\ and @[a mention]", r"a backslash \\ and @\[a mention]"),
        ("  spaces around  ", r"\ \ spaces around\ \ "),
        ("\ttabs\t", "\\\ttabs\\\t"),
        ("after a stop.  Two spaces,\tand a tab", "after a stop. \\ Two spaces,\ta tab".replace("\ta", "\tand a")),
        ("(1) + - > < at the start is plain here", r"(1) + - > \< at the start is plain here"),
        ("\u00a0non-breaking at the ends\u3000", "\\\u00a0non-breaking at the ends\\\u3000"),
    ],
)
def test_text_is_escaped_where_argdown_would_read_it_otherwise(text: str, written: str | None) -> None:
    m = ArgumentMap(statements=[Statement(id="s", text=text)])
    output = dumps(m)
    assert output == f"[s]: {written or text}\n"
    assert loads(output) == m


@given(statement_texts().filter(lambda t: not any(c in t for c in "\n\r\u2028\u2029")))
def test_any_one_line_text_reads_back_unchanged(text: str) -> None:
    m = ArgumentMap(
        statements=[Statement(id="s", text=text)],
        arguments=[Argument(id="a", text=text, steps=[Inference(premises=["s"], conclusion="s")])],
        sections=[Section(id="h", title=text.strip().strip(SPACES).strip() or "H")],  # Argdown trims a heading
    )
    assert round_trip(m) == m


def test_a_heading_is_trimmed_as_argdown_trims_it_and_a_title_it_would_trim_is_refused() -> None:
    # Escaped or not, whitespace at either end of a heading goes, as in the reference (its titles are trimmed
    # after their escapes are read), while a statement keeps what is escaped.
    m = loads("# \\\u00a0Part\\ \n\n[A]: \\\u00a0a.\n")
    assert m.sections[0].title == "Part"
    assert m.statement("A").text == "\u00a0a."
    for title in (" Part", "Part\u00a0", "\u3000Part"):
        with pytest.raises(MapError, match="its title has whitespace at its start or end, which Argdown trims"):
            dumps(ArgumentMap(sections=[Section(id="h", title=title)]))
    inside = ArgumentMap(sections=[Section(id="h", title="Part\u2028two")])  # a separator inside stays
    assert round_trip(inside) == inside


@given(st.dictionaries(st.text(max_size=8), json_values(), max_size=4))
def test_any_json_data_reads_back_unchanged(data: dict[str, Any]) -> None:
    reserved = {*NOT_DATA["statement"], *NOT_DATA["argument"], *NOT_DATA["inference"], "title", "sources"}
    data = {key: value for key, value in data.items() if key not in reserved}
    m = ArgumentMap(
        statements=[Statement(id="s", text="S.", data=data)],
        arguments=[Argument(id="a", data=data, steps=[Inference(premises=["s"], conclusion="s", data=data)])],
        sections=[Section(id="h", title="H")],
        metadata=data,
    )
    assert round_trip(m) == m


def test_data_nested_to_the_limit_reads_back_and_deeper_is_refused() -> None:
    deepest: Any = "bottom"
    for _ in range(MAX_DEPTH - 1):
        deepest = [deepest]
    m = ArgumentMap(statements=[Statement(id="s", text="S.", data={"deep": deepest})], metadata={"deep": deepest})
    assert round_trip(m) == m
    too_deep = ArgumentMap(statements=[Statement(id="s", text="S.", data={"deep": [deepest]})])
    with pytest.raises(MapError) as info:
        dumps(too_deep)
    (problem,) = info.value.problems
    assert problem.code == "invalid-value"
    assert str(problem.subject) == "s"
    assert problem.path.startswith("data.deep[0]")


def test_yaml_scalars_keep_their_types() -> None:
    data = {"yes": "no", "on": "off", "null": None, "int": "12", "float": 1e16, "tiny": 5e-324, "big": 10**30}
    m = ArgumentMap(statements=[Statement(id="s", text="S.", data=data)], metadata={"when": "2019-04-25"})
    output = dumps(m)
    assert '"yes": "no"' in output
    assert "float: 1.0e+16" in output
    assert round_trip(m) == m


@pytest.mark.parametrize(
    ("tags", "written"),
    [
        (["word", "two words", "ünï-cödé"], "[s] #word #(two words) #ünï-cödé"),
        (["(nested", "a#b"], "[s] #((nested) #(a#b)"),
    ],
)
def test_tags_stand_on_a_reference_after_the_definition(tags: list[str], written: str) -> None:
    m = ArgumentMap(statements=[Statement(id="s", text="S.", tags=tags)])
    assert dumps(m).splitlines()[2] == written
    assert round_trip(m) == m


def test_tags_that_end_the_text_stay_in_it_as_read_from_argdown() -> None:
    # The reader keeps a definition's tags in its text, as the reference does: such a text is written as it came.
    m = loads("[s]: God exists. #deism #(natural theology)\n\n<a>: Design. #teleology\n")
    assert m.statement("s").text == "God exists. #deism #(natural theology)"
    assert dumps(m) == "[s]: God exists. #deism #(natural theology)\n\n<a>: Design. #teleology\n"


def test_sections_nest_as_headings_with_ids_only_where_the_reader_would_number_them_otherwise() -> None:
    sections = [
        Section(id="s1", title="One"),
        Section(id="deep", title="One A", parent="s1"),
        Section(id="s3", title="One A i", parent="deep"),
        Section(id="s2", title="Two"),
    ]
    m = ArgumentMap(sections=sections, statements=[statement("x", section="s3")])
    lines = [line for line in dumps(m).splitlines() if line.startswith("#")]
    assert lines == ["# One", "## One A {id: deep}", "### One A i", "# Two {id: s2}"]
    assert round_trip(m) == m


def test_elements_keep_their_order_across_sections() -> None:
    # The map's order puts c (section two) before a (section one) and b (no section): references before the body
    # fix the order in which the reader meets them, and each still takes its section from its definition.
    m = ArgumentMap(
        sections=[Section(id="one", title="One"), Section(id="two", title="Two")],
        statements=[statement("c", section="two"), statement("a", section="one"), statement("b")],
        arguments=[Argument(id="y", text="Y.", section="two"), Argument(id="x", text="X.")],
    )
    output = dumps(m)
    assert output.startswith("[c]\n\n[a]\n\n<y>\n\n[b]: B holds.")
    assert round_trip(m) == m


def test_a_step_that_does_not_build_on_the_previous_conclusion_names_its_premises() -> None:
    steps = [
        Inference(premises=["p", "q"], conclusion="c1", rules=["and"]),
        Inference(premises=["c1", "r"], conclusion="c2"),  # the default: from the previous conclusion on
        Inference(premises=["p", "c2", "s"], conclusion="c3", data={"note": 1}),
    ]
    m = ArgumentMap(
        statements=[statement(id) for id in ("p", "q", "r", "s", "c1", "c2", "c3")],
        arguments=[Argument(id="a", text="A.", steps=steps)],
    )
    pcs = dumps(m).split("<a>: A.\n\n")[1].splitlines()
    assert pcs == [
        "(1) [p]",
        "(2) [q]",
        "-- and --",
        "(3) [c1]",
        "(4) [r]",
        "----",
        "(5) [c2]",
        "(6) [s]",
        "-- {note: 1, uses: [1, 5, 6]} --",
        "(7) [c3]",
    ]
    assert round_trip(m) == m


def test_inference_rules_are_escaped_in_their_list() -> None:
    rules = ["modus ponens", "a, b", "x -- y", "e.g. this", "{data}"]
    m = ArgumentMap(
        statements=[statement("p"), statement("c")],
        arguments=[Argument(id="a", steps=[Inference(premises=["p"], conclusion="c", rules=rules)])],
    )
    assert r"-- modus ponens, a\, b, x \-- y, e\.g. this, \{data} --" in dumps(m)
    assert round_trip(m) == m


@pytest.mark.parametrize(
    ("relation", "snippet"),
    [
        (Relation(source="b", target="a", kind=RelationKind.SUPPORT), "[a]\n  + [b]"),
        (Relation(source="b", target="a", kind=RelationKind.ATTACK), "[a]\n  - [b]"),
        (Relation(source="b", target="x", kind=RelationKind.UNDERCUT), "<x>\n  _ [b]"),
        (Relation(source="x", target="a", kind=RelationKind.SUPPORT, source_type=A), "[a]\n  + <x>"),
        (Relation(source="x", target="y", kind=RelationKind.ATTACK, source_type=A, target_type=A), "<y>\n  - <x>"),
        (Relation(source="a", target="b", kind=RelationKind.CONTRADICTION), "[a]\n  >< [b]"),
        (Relation(source="x", target="a", kind=RelationKind.CONTRADICTION, source_type=A), "<x>\n  >< [a]"),
        (Relation(source="b", target="a", kind=RelationKind.UNDERCUT, target_type=S), "[a]\n  _ [b]"),
    ],
)
def test_each_relation_is_written_below_its_target_or_else_its_source(relation: Relation, snippet: str) -> None:
    m = ArgumentMap(
        statements=[statement("a"), statement("b")],
        arguments=[Argument(id="x", text="X."), Argument(id="y", text="Y.")],
        relations=[relation],
    )
    assert dumps(m).endswith(f"\n\n{snippet}\n")
    assert round_trip(m) == m


def test_strict_mode_writes_entailment_and_contrariety() -> None:
    m = ArgumentMap(
        metadata={"model": {"mode": "strict"}},
        statements=[statement("a"), statement("b")],
        relations=[
            Relation(source="b", target="a", kind=RelationKind.ENTAILS),
            Relation(source="a", target="b", kind=RelationKind.CONTRARY),
        ],
    )
    assert dumps(m).endswith("[a]\n  + [b]\n    - [a]\n")
    assert round_trip(m) == m


def test_consecutive_relations_nest_and_others_start_a_new_snippet() -> None:
    ids = "abcdef"
    relations = [
        Relation(source="b", target="a", kind=RelationKind.SUPPORT),
        Relation(source="c", target="b", kind=RelationKind.ATTACK),
        Relation(source="d", target="a", kind=RelationKind.SUPPORT),
        Relation(source="a", target="e", kind=RelationKind.SUPPORT),
        Relation(source="f", target="c", kind=RelationKind.ATTACK),
    ]
    m = ArgumentMap(statements=[statement(id) for id in ids], relations=relations)
    assert dumps(m).endswith("[a]\n  + [b]\n    - [c]\n  + [d]\n  +> [e]\n\n[c]\n  - [f]\n")
    assert round_trip(m) == m


def test_a_long_chain_is_cut_into_snippets_without_recursion() -> None:
    n = 200_000
    m = ArgumentMap(
        statements=[Statement(id=f"c{i}", text=f"C{i}.") for i in range(n)],
        relations=[Relation(source=f"c{i + 1}", target=f"c{i}", kind=RelationKind.SUPPORT) for i in range(n - 1)],
    )
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)  # anything recursive over the chain fails at once
    try:
        output = dumps(m)
    finally:
        sys.setrecursionlimit(limit)
    snippets = output.split("\n\n")[n:]
    assert len(snippets) == -(-(n - 1) // MAX_NESTING)
    assert max(len(line) - len(line.lstrip()) for line in output.splitlines()) == 2 * MAX_NESTING
    assert snippets[0].splitlines()[:3] == ["[c0]", "  + [c1]", "    + [c2]"]


def test_a_shorter_chain_reads_back_equal() -> None:
    n = 2_000
    m = ArgumentMap(
        statements=[Statement(id=f"c{i}", text=f"C{i}.") for i in range(n)],
        relations=[Relation(source=f"c{i + 1}", target=f"c{i}", kind=RelationKind.SUPPORT) for i in range(n - 1)],
    )
    assert round_trip(m) == m


def test_the_reserved_keys_are_the_readers() -> None:
    assert RESERVED_KEYS == argdown.RESERVED_KEYS


# What Argdown reads in its own way --------------------------------------------------------------------------------


def test_relations_of_a_reconstructed_argument_are_read_as_relations_of_its_conclusion() -> None:
    m = ArgumentMap(
        statements=[statement("p"), statement("c"), statement("t")],
        arguments=[Argument(id="a", steps=[Inference(premises=["p"], conclusion="c")])],
        relations=[Relation(source="a", target="t", kind=RelationKind.ATTACK, source_type=A)],
    )
    read = round_trip(m)
    assert read.relations == (Relation(source="c", target="t", kind=RelationKind.ATTACK),)
    assert round_trip(read) == read
    # Unless the map's metadata turns that off, as Argdown's own setting does.
    kept = attrs.evolve(m, metadata={"model": {"transformArgumentRelations": False}})
    assert round_trip(kept) == kept


def test_repeated_relations_are_read_once() -> None:
    twice = [Relation(source="b", target="a", kind=RelationKind.SUPPORT)] * 2
    # A contradiction holds both ways: the reader keeps one of the two, in the direction it reads first.
    both_ways = [Relation(source=x, target=y, kind=RelationKind.CONTRADICTION) for x, y in ("ab", "ba")]
    m = ArgumentMap(statements=[statement("a"), statement("b")], relations=twice + both_ways)
    support, contradiction = round_trip(m).relations
    assert support == twice[0]
    assert contradiction in both_ways


# What Argdown cannot hold -----------------------------------------------------------------------------------------


def _map_with(**changes: Any) -> ArgumentMap:
    base = ArgumentMap(
        statements=[statement("s"), statement("t")],
        arguments=[Argument(id="a", text="A.", steps=[Inference(premises=["s"], conclusion="t")])],
        sections=[Section(id="h", title="H")],
    )
    return attrs.evolve(base, **changes)


def _statements(**fields: Any) -> list[Statement]:
    return [statement("s", **fields), statement("t")]


def _arguments_with(**fields: Any) -> list[Argument]:
    return [Argument(id="a", text="A.", steps=[Inference(premises=["s"], conclusion="t")], **fields)]


@pytest.mark.parametrize(
    ("changes", "where", "words"),
    [
        ({"statements": _statements(text="two\nlines")}, "s", "line break"),
        ({"statements": _statements(text="ends with a separator\u2028")}, "s", "separator"),
        ({"statements": _statements(tags=["a)b"])}, "s", "')'"),
        ({"statements": _statements(tags=["a]:b"])}, "s", "']:'"),
        ({"statements": _statements(data={"quotes": []})}, "s: data.quotes", "'quotes'"),
        ({"statements": [statement("a]b"), *_statements()]}, "a]b", "']'"),
        ({"statements": [statement("-s"), *_statements()]}, "-s", "'-'"),
        ({"statements": [statement("s\u2028x"), *_statements()]}, repr("s\u2028x"), "line break"),
        ({"arguments": [Argument(id="+a", text="A.")]}, "+a", "'+'"),
        ({"arguments": [Argument(id="!--a", text="A.")]}, "!--a", "'!--'"),
        ({"arguments": [Argument(id="a>b", text="A.")]}, "a>b", "'>'"),
        ({"arguments": _arguments_with(scheme=" Expert")}, "a", "whitespace"),
        ({"arguments": _arguments_with(data={"scheme": "x"})}, "a: data.scheme", "'scheme'"),
        ({"arguments": [Argument(id="a", steps=[Inference(premises=[], conclusion="t")])]}, "a", "no premises"),
        (
            {"arguments": [Argument(id="a", steps=[Inference(premises=["s"], conclusion="t", rules=["r "])])]},
            "a",
            "whitespace",
        ),
        (
            {"arguments": [Argument(id="a", steps=[Inference(premises=["s"], conclusion="t", data={"uses": [1]})])]},
            "a: steps[0].data.uses",
            "'uses'",
        ),
        ({"title": "two  spaces"}, "", "whitespace"),
        ({"metadata": {"sources": []}}, "metadata.sources", "'sources'"),
        ({"metadata": {"nan": float("nan")}}, "metadata.nan", "finite"),
        ({"sections": [Section(id="h", title="H\nI")]}, "h", "line break"),
        (
            {
                "sections": [
                    Section(id="h", title="H"),
                    Section(id="i", title="I"),
                    Section(id="j", title="J", parent="h"),
                ]
            },
            "j",
            "heading",
        ),
        (
            {"relations": [Relation(source="s", target="a", kind=RelationKind.CONTRADICTION, target_type=A)]},
            "s -> a",
            "leave",
        ),
        ({"relations": [Relation(source="s", target="t", kind=RelationKind.ENTAILS)]}, "s -> t", "strict mode"),
        (
            {
                "metadata": {"model": {"mode": "strict"}},
                "relations": [Relation(source="s", target="t", kind=RelationKind.SUPPORT)],
            },
            "s -> t",
            "strict mode",
        ),
        (
            {
                "statements": [statement("s"), statement("t", section="h"), statement("u")],
                "arguments": [Argument(id="b", section="h"), Argument(id="a", text="A.")],
            },
            "b",
            "first mentioned",
        ),
        (
            {"statements": [statement("t", section="h", data={"isInGroup": False}), statement("s")]},
            "t",
            "first mentioned",
        ),
    ],
)
def test_what_argdown_cannot_hold_is_a_map_error_naming_it(changes: dict[str, Any], where: str, words: str) -> None:
    m = _map_with(**changes)
    with pytest.raises(MapError) as info:
        dumps(m)
    (problem,) = info.value.problems
    assert str(problem) == (f"{where}: {problem.message}" if where else problem.message)
    assert words in problem.message
    assert problem.code == ("invalid-value" if words == "finite" else INEXPRESSIBLE)


def test_every_problem_is_reported_at_once() -> None:
    m = ArgumentMap(statements=[statement("a]"), statement("b", text="x\ny")], metadata={"title": "t"})
    with pytest.raises(MapError) as info:
        dumps(m)
    assert [p.subject for p in info.value.problems] == [None, Subject("statement", "a]"), Subject("statement", "b")]


# Properties and the corpus ----------------------------------------------------------------------------------------


@given(argument_maps(argdown=True))
def test_maps_that_argdown_holds_read_back_equal(m: ArgumentMap) -> None:
    assert round_trip(m) == m


@given(argument_maps())
def test_any_map_is_refused_with_reasons_or_read_back_as_a_fixpoint(m: ArgumentMap) -> None:
    try:
        text = dumps(m)
    except MapError as error:
        codes = {p.code for p in error.problems}
    else:
        read = loads(text)
        assert round_trip(read) == read
        return
    assert codes
    assert codes <= {INEXPRESSIBLE, "invalid-value"}


def _readable_corpus(corpus: Path) -> list[Path]:
    folder = corpus / "argdown"
    return [p for p in sorted(folder.glob("*.argdown")) if not (folder / "expected" / f"{p.stem}.error.txt").exists()]


def test_every_readable_corpus_document_round_trips(shared_corpus: Path) -> None:
    documents = _readable_corpus(shared_corpus)
    assert len(documents) == 34
    for path in documents:
        m = loads(path.read_text(encoding="utf-8"), path=str(path))
        assert round_trip(m) == m, path.name


def test_an_unused_premise_is_written_first_and_the_step_names_its_premises() -> None:
    m = loads("<A>\n\n(1) [P]: p\n(2) [Q]: q\n(3) [R]: r\n-- {uses: [1, 3]} --\n(4) [C]: c\n")
    assert m.argument("A").unused_premises == ("Q",)
    text = dumps(m)
    assert "(1) [Q]\n(2) [P]\n(3) [R]\n-- {uses: [2, 3]} --\n(4) [C]" in text
    assert round_trip(m) == m
