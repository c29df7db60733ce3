"""Coverage of sources: quotes placed in their text, sentences, background, overlaps, the check and the command."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, MapBuilder
from argmap.check import check
from argmap.coverage import BACKGROUND, coverage, sentences
from argmap.quotes import SourceText, normal

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "Kim visits Russia.  It is good for Kim, as this could help him.\n\n"
    "But Kim is not merely seeking to improve his image. “China may be wary,” he said! Is it so?\n"
    "Back To Top"
)


def essay_map(*, marked: bool = False) -> ArgumentMap:
    b = MapBuilder(
        title="Essay",
        metadata={BACKGROUND: [{"source": "e", "text": "Kim visits", "reason": "news"}]} if marked else {},
    )
    b.source("e", text=TEXT, title="An essay")
    b.statement("The trip helps Kim.", id="helps", quote=("e", "It is good for Kim, as this could help him"))
    b.statement("Kim wants more.", id="more", quote=("e", "this could help him. But Kim is not merely"))
    b.statement("China is wary.", id="wary", quote=("e", '"China may be wary," he said'))
    b.statement("Missing.", id="missing", quote=("e", "no such words here at all"))
    return b.build()


# Finding quotes ------------------------------------------------------------------------------------------------


def test_a_quote_is_found_in_the_original_text_despite_typography_and_spacing() -> None:
    source = SourceText(TEXT)
    start, end = source.find('"China   may be wary,"') or (0, 0)
    assert TEXT[start:end] == "“China may be wary,”"
    start, end = source.find("Russia. It is") or (0, 0)
    assert TEXT[start:end] == "Russia.  It is"
    assert source.find("not in the text") is None
    assert source.find("   ") is None
    assert "Kim visits Russia." in source


@given(st.text(alphabet="ab “”'’ \n", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_finding_agrees_with_comparing_normal_forms(text: str, start: int, length: int) -> None:
    quote = text[start : start + length]
    source = SourceText(text)
    assert (normal(quote) in source) is (normal(quote) in normal(text))
    found = source.find(quote)
    if normal(quote):
        assert (found is not None) is (normal(quote) in normal(text))
    if found is not None:
        assert normal(text[found[0] : found[1]]) == normal(quote)


# Sentences and coverage ----------------------------------------------------------------------------------------


def test_sentences_split_at_full_stops_blank_lines_and_headings() -> None:
    assert [TEXT[a:b] for a, b in sentences(TEXT)] == [
        "Kim visits Russia.",
        "It is good for Kim, as this could help him.",
        "But Kim is not merely seeking to improve his image.",
        "“China may be wary,” he said!",
        "Is it so?",
        "Back To Top",
    ]
    assert list(sentences("")) == []
    assert list(sentences("  \n\n ")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He met Mr. Kim. Then he left.", ["He met Mr. Kim.", "Then he left."]),
        (
            "Dr. Curley and J. R. Smith wrote it. U.S. officials agree.",
            ["Dr. Curley and J. R. Smith wrote it.", "U.S. officials agree."],
        ),
        ("See p. 6 of Calder v. Bull, e.g. Here. Done.", ["See p. 6 of Calder v. Bull, e.g. Here.", "Done."]),
        (
            "It was 2004. He was 16. So do I. Then “Mr. X” came.",
            ["It was 2004.", "He was 16.", "So do I.", "Then “Mr. X” came."],
        ),
        (
            "It goes like this: 1. God exists. 2. God is good.\n3. So what.",
            ["It goes like this: 1. God exists.", "2. God is good.", "3. So what."],
        ),
        # Text extracted without the spaces after its full stops.
        (
            "It is forbidden.First,see Calder v.Bull,3 Dall.386.Then",
            ["It is forbidden.", "First,see Calder v.Bull,3 Dall.386.", "Then"],
        ),
    ],
)
def test_sentences_do_not_end_at_abbreviations_initials_or_list_numbers(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


@given(st.text(alphabet="aB1. \n:“”", max_size=60))
def test_sentences_split_every_text_into_ordered_stripped_parts(text: str) -> None:
    found = list(sentences(text))
    assert all(a < b for a, b in found)
    assert all(b <= c for (_, b), (c, _) in itertools.pairwise(found))
    assert all(text[a:b] == text[a:b].strip() for a, b in found)
    assert "".join(text[a:b] for a, b in found).replace(" ", "").replace("\n", "") == "".join(text.split())


def test_sentences_of_the_aif_corpus_texts_end_at_sentence_ends(shared_corpus: Path) -> None:
    texts = sorted((shared_corpus / "aif").glob("*/*.txt"))
    assert len(texts) == 15
    short_forms = {"Dr.", "Mr.", "Mrs.", "v.", "p.", "e.g.", "i.e."}
    seen = 0
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="replace")
        for start, end in sentences(text):
            sentence = text[start:end]
            words = sentence.split()
            seen += 1
            assert words[-1] not in short_forms, (path.name, sentence)
            assert not (len(words) == 1 and words[0].rstrip(".").isdigit()), (path.name, sentence)
            # A sentence never starts inside a quotation or a bracket that the previous one opened.
            assert sentence[0] not in "”’)]", (path.name, sentence)
    assert seen >= 90


def test_coverage_reports_shares_uncovered_sentences_overlaps_and_missing_quotes() -> None:
    (found,) = coverage(essay_map())
    assert (found.source, found.title) == ("e", "An essay")
    assert [(s.text, s.quoted_by) for s in found.sentences][:4] == [
        ("Kim visits Russia.", ()),
        ("It is good for Kim, as this could help him.", ("helps", "more")),
        ("But Kim is not merely seeking to improve his image.", ("more",)),
        ("“China may be wary,” he said!", ("wary",)),
    ]
    assert [(s.line, s.column, s.text) for s in found.uncovered] == [
        (1, 1, "Kim visits Russia."),
        (3, 83, "Is it so?"),
        (4, 1, "Back To Top"),
    ]
    assert found.overlaps == (("helps", "more"),)
    assert found.missing == (("missing", "no such words here at all"),)
    assert [q.statement for q in found.quotes] == ["helps", "more", "wary"]
    assert found.sentence_share == pytest.approx(3 / 6)
    assert 0 < found.covered_characters < found.characters == sum(not c.isspace() for c in TEXT)


def test_background_sentences_are_accounted_for() -> None:
    (found,) = coverage(essay_map(marked=True))
    assert found.sentences[0].background == "news"
    assert [s.text for s in found.uncovered] == ["Is it so?", "Back To Top"]
    assert found.to_json()["background"] == [{"line": 1, "column": 1, "text": "Kim visits Russia.", "reason": "news"}]


def test_the_check_names_a_source_with_uncovered_sentences() -> None:
    notes = [d for d in check(essay_map()) if d.code == "uncovered-source"]
    assert [d.message for d in notes] == [
        "source 'e' has 3 sentences that no quote covers and the map does not mark as background, the first at "
        "line 1: “Kim visits Russia.”"
    ]
    assert notes[0].subjects == ("helps", "more", "wary", "missing")
    assert notes[0].severity.value == "info"
    b = MapBuilder()
    b.source("e", text="All covered.")
    b.statement("All.", quote=("e", "All covered"))
    assert not [d for d in check(b.build()) if d.code == "uncovered-source"]


# The command ---------------------------------------------------------------------------------------------------


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, cwd=cwd)


def test_the_command_lists_uncovered_sentences_by_line_and_writes_json(tmp_path: Path) -> None:
    from argmap.formats import dump

    dump(essay_map(), tmp_path / "essay.json")
    text = run("coverage", "essay.json", "--quotes", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == (
        "essay.json: source 'e' (An essay): 3 of 6 sentences quoted (50%), "
        f"{coverage(essay_map())[0].character_share:.0%} of its characters; 3 uncovered, 0 marked as background"
    )
    assert "  e:1:1: Kim visits Russia." in lines
    assert "  overlap: the quotes of [helps] and [more] share text" in lines
    assert "  not found: [missing] quotes 'no such words here at all'" in lines
    assert '  e:3:53: [wary] "China may be wary," he said' in lines
    document = json.loads(run("coverage", "essay.json", "--format", "json", cwd=tmp_path).stdout)
    assert document[0]["sentences"] == 6
    assert [s["text"] for s in document[0]["uncovered"]] == ["Kim visits Russia.", "Is it so?", "Back To Top"]


def test_the_seed_editorial_is_covered_and_its_background_listed() -> None:
    from argmap.formats import load

    (found,) = coverage(load(ROOT / "seeds" / "kim-in-russia.argdown"))
    assert found.sentence_share > 0.5
