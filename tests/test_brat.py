"""The brat standoff reader: the persuasive essays read in place, each notion of the format, and errors."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import Run, read_or_refuse

import argmap
from argmap import MapError, ParseError, RelationKind
from argmap.formats import FORMATS, brat, format_for_path, load
from argmap.formats.brat import loads


def corpus_files(shared_corpus: Path) -> list[Path]:
    files = sorted((shared_corpus / "formats" / "persuasive-essays").glob("*.ann"))
    if not files:
        pytest.skip("the persuasive essays are not in the shared corpus")
    return files


def expected_counts(path: Path) -> tuple[int, int]:
    """Statements and relations, counted from the raw lines as the documented mapping says."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    bounds = [row for row in rows if row[0].startswith("T")]
    majors = sum(row[1].split()[0] == "MajorClaim" for row in bounds)
    relations = sum(row[0].startswith("R") and row[1].split()[0] in ("supports", "attacks") for row in rows)
    stances = sum(row[0].startswith("A") and row[1].split()[::2] == ["Stance", "For"] for row in rows)
    stances += sum(row[0].startswith("A") and row[1].split()[::2] == ["Stance", "Against"] for row in rows)
    return len(bounds), relations + stances * majors


def test_every_essay_reads_with_the_counts_of_its_lines_and_quotes_its_text(shared_corpus: Path) -> None:
    for path in corpus_files(shared_corpus):
        m = load(path)
        assert (len(m.statements), len(m.relations)) == expected_counts(path), path.name
        (source,) = m.sources
        assert source.text == path.with_suffix(".txt").read_text(encoding="utf-8")
        for statement in m.statements:
            ((start, end),) = statement.data["brat"]["spans"]
            assert [q.text for q in statement.quotes] == [source.text[start:end]] == [statement.text]
        assert read_or_refuse(functools.partial(load, path)) == m  # checks, and carries back through JSON


def test_stances_relate_claims_to_every_major_claim(shared_corpus: Path) -> None:
    path = shared_corpus / "formats" / "persuasive-essays" / "essay003.ann"
    if not path.is_file():
        pytest.skip("essay003.ann is not in the shared corpus")
    m = load(path)
    assert m.statement("T1").tags == ("MajorClaim",)
    assert m.statement("T3").data["brat"] == {"type": "Claim", "spans": [[955, 1012]], "attributes": {"Stance": "For"}}
    assert [(r.source, r.kind.value, r.target) for r in m.relations[:3]] == [
        ("T3", "support", "T1"),
        ("T3", "support", "T2"),
        ("T8", "support", "T1"),
    ]
    assert ("T10", RelationKind.SUPPORT, "T8") in [(r.source, r.kind, r.target) for r in m.relations]
    assert m.sources[0].id == "essay003"
    assert m.sources[0].title == "essay003.txt"


# Generated annotations --------------------------------------------------------------------------------------------

TEXT = "Tea is good. It is warm, and cheap. Coffee is better."
ANNOTATIONS = "\n".join(
    [
        "T1\tMajorClaim 0 12\tTea is good.",
        "T2\tPremise 13 23;29 35\tIt is warm cheap.",
        "T3\tClaim 36 53\tCoffee is better.",
        "A1\tStance T3 Against",
        "R1\tsupports Arg2:T1 Arg1:T2\t",
        "R2\tattacks Arg1:T3 Arg2:T2\t",
        "A2\tDoubtful T2",
        "#1\tAnnotatorNotes T2\tlinked by the analyst",
        "E1\tEvent:T1",
        "R3\tSequence Arg1:T1 Arg2:T3\t",
    ]
)


def test_each_annotation_becomes_what_the_docs_say() -> None:
    m = loads(ANNOTATIONS)
    assert [(s.id, s.text, s.tags) for s in m.statements] == [
        ("T1", "Tea is good.", ("MajorClaim",)),
        ("T2", "It is warm cheap.", ("Premise",)),
        ("T3", "Coffee is better.", ("Claim",)),
    ]
    # The roles, not their order on the line, give the direction; a stance against attacks the major claim.
    assert [(r.source, r.kind.value, r.target) for r in m.relations] == [
        ("T3", "attack", "T1"),
        ("T2", "support", "T1"),
        ("T3", "attack", "T2"),
    ]
    assert m.statement("T2").data["brat"] == {
        "type": "Premise",
        "spans": [[13, 23], [29, 35]],
        "attributes": {"Doubtful": True},
        "notes": ["linked by the analyst"],
    }
    assert m.metadata["brat"] == {"other": ["E1\tEvent:T1", "R3\tSequence Arg1:T1 Arg2:T3\t"]}
    assert all(s.quotes == () for s in m.statements)
    assert m.sources == ()


def test_a_file_quotes_the_text_beside_it(tmp_path: Path) -> None:
    (tmp_path / "essay.ann").write_text(ANNOTATIONS, encoding="utf-8")
    assert format_for_path(tmp_path / "essay.ann") is FORMATS["brat"]
    assert len(argmap.load(tmp_path / "essay.ann").sources) == 0  # no text beside it yet
    (tmp_path / "essay.txt").write_text(TEXT, encoding="utf-8")
    m = argmap.load(tmp_path / "essay.ann")
    assert m.sources[0].text == TEXT
    assert [q.text for q in m.statement("T2").quotes] == ["It is warm", "cheap."]
    assert brat.load(tmp_path / "essay.ann") == m
    assert [d.code for d in argmap.check(m) if d.code == "quote-not-found"] == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Tea is good.", "the span 36-53 of 'T3' ends after the text (12 characters)"),
        ("Tea is good! It is warm, and cheap. Coffee is better.", "the text at the offsets of 'T1' is 'Tea is good!'"),
    ],
)
def test_a_text_that_does_not_hold_the_annotations_is_refused(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "essay.ann").write_text(ANNOTATIONS, encoding="utf-8")
    (tmp_path / "essay.txt").write_text(text, encoding="utf-8")
    with pytest.raises(MapError, match=re.escape(message)) as caught:
        argmap.load(tmp_path / "essay.ann")
    location = caught.value.problems[0].location
    assert location is not None
    assert location.path == str(tmp_path / "essay.ann")


@pytest.mark.parametrize(
    ("text", "message", "column"),
    [
        ("T1 Claim 0 3 Tea", "expected an id, a tab and an annotation", 1),
        ("T1\tClaim 0 3", "ends with a tab and the annotated text", 13),
        ("T1\tClaim 0 x\tTea", "expected offsets START END, not '0 x'", 10),
        ("T1\tClaim 3 0\tTea", "the span 3-0 ends before it starts", 10),
        ("T1\tClaim 0 3\tTea\nT1\tClaim 0 3\tTea", "the id 'T1' is used twice", 1),
        ("R1\tsupports Arg1:T1 T2\t", "names its two arguments as Arg1:ID Arg2:ID", 13),
        ("R1\tsupports Arg1:T1 Arg1:T2\t", "names its two arguments as Arg1:ID Arg2:ID", 13),
        ("A1\tStance", "an attribute names its type, its target and maybe a value", 4),
    ],
)
def test_a_line_that_is_not_brat_is_a_located_parse_error(text: str, message: str, column: int) -> None:
    with pytest.raises(ParseError, match=message) as caught:
        loads("T9\tClaim 0 3\tTea\n\n" + text, path="bad.ann")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("bad.ann", 3 + text.count("\n"), column)


def test_every_reference_to_an_unknown_annotation_is_reported_with_its_line() -> None:
    text = "T1\tClaim 0 3\tTea\nR1\tsupports Arg1:T1 Arg2:T7\t\nA1\tStance T8 For\n#1\tAnnotatorNotes T9\tnote"
    with pytest.raises(MapError) as caught:
        loads(text, path="bad.ann")
    problems = caught.value.problems
    assert [p.code for p in problems] == ["dangling-reference"] * 3
    assert [(p.location.line if p.location else None) for p in problems] == [4, 2, 3]
    assert "no text-bound annotation has the id 'T9'" in str(caught.value)


def test_an_empty_file_is_an_empty_map() -> None:
    assert loads("\n\n") == argmap.ArgumentMap()


_LINE = st.one_of(
    st.builds(
        "\t".join,
        st.tuples(
            st.sampled_from(["T1", "T2", "R1", "A1", "#1", "E1", "T", ""]),
            st.sampled_from(["Claim 0 3", "Premise 1 2;3 4", "supports Arg1:T1 Arg2:T2", "Stance T1 For", "x", ""]),
            st.text(max_size=5),
        ),
    ),
    st.text(max_size=20),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINE, max_size=8))
def test_any_lines_raise_only_argmap_errors(lines: list[str]) -> None:
    read_or_refuse(lambda: loads("\n".join(lines)))


def test_the_command_reads_an_essay_with_its_text(run: Run, tmp_path: Path) -> None:
    (tmp_path / "essay.ann").write_text(ANNOTATIONS, encoding="utf-8")
    (tmp_path / "essay.txt").write_text(TEXT, encoding="utf-8")
    assert run("convert", "essay.ann", "-o", "essay.json").status == 0
    m = argmap.load(tmp_path / "essay.json")
    assert [q.text for q in m.statement("T2").quotes] == ["It is warm", "cheap."]
    (tmp_path / "bad.ann").write_text("T1\tClaim 0 3\tTea\nR1\tsupports Arg1:T1\t\n", encoding="utf-8")
    line = run("check", "bad.ann").failed_once()
    assert line.startswith("bad.ann:2:")
    assert "Arg1:ID Arg2:ID" in line


def test_lines_end_at_line_feeds_only_and_other_corpora_spell_relations_in_the_singular() -> None:
    text = "T1\tClaim 0 3\tTea\r\nT2\tPremise 4 8\tWarm\r\nR1\tSupport Arg1:T2 Arg2:T1\t\r\n"
    text += "#1\tAnnotatorNotes T1\ta\u2028b\r\n"
    m = loads(text)
    assert [(r.source, r.kind.value, r.target) for r in m.relations] == [("T2", "support", "T1")]
    assert m.statement("T1").data["brat"]["notes"] == ["a\u2028b"]
    assert m.statement("T2").text == "Warm"


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text())
def test_any_text_raises_only_parse_or_map_errors(text: str) -> None:
    read_or_refuse(lambda: loads(text))
