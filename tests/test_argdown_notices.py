"""What the Argdown reader notices and check() reports (undefined references, pcs numbers, relations that the
reconstructions do not back), and the safe fixes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Statement
from argmap._suggest import Suggestions
from argmap.catalogue import CATALOGUE
from argmap.check import check
from argmap.formats import argdown, dumps, loads

TEA = "// tea\n[Tea]: Tea is good for you.\n  + [Health]: Tea has antioxidants.\n  - [Helth]\n"


def notices(text: str) -> list[tuple[str, int, int, str]]:
    return [
        (d.code, d.location.line, d.location.column, d.message)
        for d in check(argdown.loads(text))
        if d.code in ("undefined-reference", "pcs-numbering") and d.location is not None
    ]


# Close names ---------------------------------------------------------------------------------------------------


def test_close_names_are_one_typing_slip_or_case_apart() -> None:
    known = Suggestions(["Health", "health", "Heath", "Tea", "Coffee", "Argument", "Premise 2", "A"])
    assert known.close("Helth") == ["Health", "health", "Heath"]  # left out, changed
    assert known.close("Arugment") == ["Argument"]  # swapped
    assert known.close("Cofffee") == ["Coffee"]  # added
    assert known.close("TEA") == ["Tea"]  # case, whatever the length
    assert known.close("Tae") == []  # short names differ on purpose: "a" and "b"
    assert known.close("B") == []
    assert known.close("Premise 1") == []  # so do numbers
    assert known.close("Coffee") == []  # never the name itself
    assert known.close("Completely different") == []


@given(st.lists(st.text("abAB1 ", max_size=6), max_size=8), st.text("abAB1 ", max_size=6))
def test_close_names_are_symmetric_and_in_the_order_given(names: list[str], asked: str) -> None:
    found = Suggestions(names).close(asked)
    assert found == [name for name in dict.fromkeys(names) if name in found]
    for name in found:
        assert asked in Suggestions([asked, name]).close(name)


# Notices -------------------------------------------------------------------------------------------------------


def test_a_mistyped_reference_is_reported_with_did_you_mean_where_it_stands() -> None:
    assert notices(TEA) == [
        ("undefined-reference", 4, 5, "[Helth] is referred to but never given a text; did you mean [Health]?")
    ]


def test_undefined_arguments_and_references_without_close_titles() -> None:
    text = "[Tea]: T.\n  - <Objection>\n  + [Something else]\n\n<Objektion>: An argument.\n"
    assert notices(text) == [
        (
            "undefined-reference",
            2,
            5,
            "<Objection> is referred to but never given a description or a premise-conclusion structure; "
            "did you mean <Objektion>?",
        ),
        ("undefined-reference", 3, 5, "[Something else] is referred to but never given a text"),
    ]


def test_a_statement_defined_anywhere_is_not_undefined() -> None:
    assert notices("[Tea]\n  + [Health]\n\n[Tea]: Tea is good.\n\n[Health]: It is healthy.\n") == []
    assert notices("<A>\n\n(1) [P]: P.\n----\n(2) [C]: C.\n") == []  # an argument reconstructed


@pytest.mark.parametrize(
    ("numbers", "place", "written"),
    [((1, 3, 4), 2, 3), ((1, 1, 2), 2, 1), ((2, 1, 3), 1, 2), ((1, 2, 2), 3, 2), ((0, 1, 2), 1, 0)],
)
def test_pcs_numbers_out_of_place_are_reported_at_the_first(
    numbers: tuple[int, int, int], place: int, written: int
) -> None:
    a, b, c = numbers
    text = f"<Tea>\n\n({a}) [P]: P.\n({b}) [Q]: Q.\n----\n({c}) [C]: C.\n"
    listed = ", ".join(f"({n})" for n in numbers)
    line = {1: 3, 2: 4, 3: 6}[place]
    assert notices(text) == [
        (
            "pcs-numbering",
            line,
            1,
            f"the premise-conclusion structure of <Tea> numbers its statements {listed}: statement {place} is "
            f"numbered ({written}); number them (1), (2), (3)... in order",
        )
    ]
    assert notices("<Tea>\n\n(1) [P]: P.\n(2) [Q]: Q.\n----\n(3) [C]: C.\n") == []


def test_a_number_too_long_to_be_one_is_out_of_place() -> None:
    text = f"<Tea>\n\n({'9' * 5000}) [P]: P.\n----\n(2) [C]: C.\n"
    assert [code for code, *_ in notices(text)] == ["pcs-numbering"]


def test_notices_are_not_part_of_the_map_and_no_writer_writes_them() -> None:
    m = argdown.loads(TEA)
    assert [notice.code for notice in m.notices] == ["undefined-reference"]
    assert m == argdown.loads(TEA.replace("  - [Helth]\n", "  - [Helth]: Helth\n"))
    assert loads(dumps(m, "json"), "json").notices == ()
    assert ArgumentMap(statements=[Statement(id="a", text="A.")]).notices == ()


def test_the_corpus_notices_are_located(shared_corpus: Path) -> None:
    found = 0
    for path in sorted((shared_corpus / "argdown").glob("*.argdown")):
        try:
            m = argdown.loads(path.read_text(encoding="utf-8"), path=str(path))
        except ValueError:
            continue  # the documents that argmap refuses, on purpose (see test_argdown_corpus)
        for notice in m.notices:
            assert notice.location is not None
            assert notice.location.path == str(path)
            found += 1
    assert found >= 20


# Relations the reconstructions do not back -----------------------------------------------------------------------

RECONSTRUCTED = "\n\n<Tea>\n\n(1) Tea has antioxidants.\n(2) [Good]: Antioxidants are good.\n----\n(3) [C]: {}\n"


def unbacked(text: str) -> list[tuple[int, int, str]]:
    return [
        (d.location.line, d.location.column, d.message)
        for d in check(argdown.loads(text))
        if d.code == "unbacked-relation" and d.location is not None
    ]


def test_the_catalogue_example_is_reported_where_the_relation_is_written() -> None:
    assert unbacked(CATALOGUE["unbacked-relation"].example) == [
        (2, 3, "<Tea> supports [T], but its conclusion [Untitled 3] neither is nor supports [T]")
    ]


@pytest.mark.parametrize(
    ("sketch", "conclusion", "backed"),
    [
        ("[T]: Tea is healthy.\n  <+ <Tea>", "Tea is good.", False),  # another statement
        ("[T]: Tea is healthy.\n  <+ <Tea>", "Tea  is HEALTHY.", True),  # ...with the same text: one claim
        ("[T]: Tea is healthy.\n  <+ <Tea>\n\n[C]\n  +> [T]", "Tea is good.", True),  # the conclusion supports T
        ("[T]: Tea is healthy.\n  <- <Tea>", "Tea is good.", False),
        ("[T]: Tea is healthy.\n  <- <Tea>\n\n[C]\n  >< [T]", "Tea is bad.", True),  # contradiction, both ways
        ("[T]: Tea is healthy.\n  <- <Tea>\n\n[T]\n  >< [C]", "Tea is bad.", True),
        ("[T]: Tea is healthy.\n  <- <Tea>\n\n[C]\n  +> [T]", "Tea is good.", False),  # support backs no attack
        ("[Good]\n  +> <Tea>", "Tea is good.", True),  # a premise of the target
        ("[Other]: Other.\n  +> <Tea>", "Tea is good.", False),
        ("[Other]: Other.\n  +> <Tea>\n\n[Other]\n  +> [Good]", "Tea is good.", True),
        ("[Other]: Other.\n  _> <Tea>", "Tea is good.", True),  # an undercut denies the inference: not checked
        ("[T]: Tea is healthy.\n  <+ <Sketch>: No reconstruction.", "Tea is good.", True),
    ],
)
def test_what_backs_a_relation(sketch: str, conclusion: str, backed: bool) -> None:
    assert (unbacked(sketch + RECONSTRUCTED.format(conclusion)) == []) is backed


def test_a_relation_between_reconstructed_arguments_is_reported_once() -> None:
    text = "<A>\n  +> <B>\n\n<A>\n\n(1) a.\n----\n(2) c.\n\n<B>\n\n(1) p.\n----\n(2) q.\n"
    # Argdown keeps it as a relation from A's conclusion to <B>, which check() judges.
    assert unbacked(text) == [
        (2, 3, "[Untitled 2] supports <B>, but [Untitled 2] neither is nor supports any premise of <B>")
    ]
    assert unbacked(text.replace("(1) p.", "(1) [C]: c.").replace("(2) c.", "(2) [C]")) == []


def test_the_corpus_relations_that_no_reconstruction_backs(shared_corpus: Path) -> None:
    """Every finding in the corpus, each looked at: a sketch that its reconstruction does not ground."""
    found = []
    for path in sorted((shared_corpus / "argdown").glob("*.argdown")):
        if not (path.parent / "expected" / f"{path.stem}.json").is_file():
            continue  # documents the reference rejects
        m = argdown.loads(path.read_text(encoding="utf-8"), path=str(path))
        found += [(path.stem, d.location.line) for d in check(m) if d.code == "unbacked-relation" and d.location]
    assert found == [
        ("ex-argdown-primer", 48),  # [Intro] -> <Argument 1>: the primer shows the syntax, not an objection
        ("ex-populism-core-argument", 196),  # [Destabilization] +> <Islam>: no premise of <Islam>
        ("ex-populism-core-argument", 197),  # [Destabilization] +> <Injustice>: no premise of <Injustice>
        ("test-parser-mix", 35),  # <Argument 1> + [A]: it concludes "Third statement"
    ]


# Fixes ---------------------------------------------------------------------------------------------------------


def test_fix_puts_a_mistyped_title_right_at_every_mention_and_nothing_else() -> None:
    text = TEA + "\n\n[Helth] \n  -  [heath]  // twice\n\n<Argument>: A.\n  + <Arugment>\n"
    fixed = argdown.fix(text)
    assert fixed.text == (
        "// tea\n[Tea]: Tea is good for you.\n  + [Health]: Tea has antioxidants.\n  - [Health]\n"
        "\n\n[Health] \n  -  [Health]  // twice\n\n<Argument>: A.\n  + <Argument>\n"
    )
    assert [(c.old, c.new, c.is_argument, c.line, c.column, c.count) for c in fixed.changes] == [
        ("Helth", "Health", False, 4, 6, 2),
        ("heath", "Health", False, 8, 7, 1),
        ("Arugment", "Argument", True, 11, 6, 1),
    ]
    assert str(fixed.changes[0]) == "[Helth] -> [Health] (2 times)"
    assert not [d for d in check(argdown.loads(fixed.text)) if d.code == "undefined-reference"]


@pytest.mark.parametrize(
    "text",
    [
        "[Tea]: T.\n  + [Health]: H.\n  + [Heath]: H2.\n  - [Helth]\n",  # two close titles: which?
        "[Tea]: T.\n  - [Something]\n",  # none
        "[Tea]: T.\n  + [Health]: H.\n  - [Helth]\n".replace("\n", "\r\n"),  # positions would not match
        "[Tea]: T.\n  + [Health]: H.\n  - [Helth\n",  # not Argdown
        "",
    ],
)
def test_fix_leaves_a_text_it_cannot_fix_safely_as_it_was(text: str) -> None:
    fixed = argdown.fix(text)
    assert fixed.text is text
    assert fixed.changes == ()


def test_fix_keeps_a_byte_order_mark() -> None:
    assert argdown.fix("\ufeff" + TEA).text == "\ufeff" + TEA.replace("[Helth]", "[Health]")


@given(st.text(alphabet="[]<>:+-() \n\tHhealt1.", max_size=80))
def test_fix_never_raises_and_changes_only_titles(text: str) -> None:
    fixed = argdown.fix(text)
    if not fixed.changes:
        assert fixed.text == text
    else:
        assert len(fixed.text.splitlines()) == len(text.splitlines())
        argdown.loads(fixed.text)


def test_the_corpus_documents_without_slips_stay_byte_identical(shared_corpus: Path) -> None:
    for path in sorted((shared_corpus / "argdown").glob("*.argdown")):
        text = path.read_text(encoding="utf-8")
        fixed = argdown.fix(text)
        changed = {(c.old, c.new) for c in fixed.changes}
        assert fixed.text == text or changed, path.name
        assert changed <= {("a1", "A1")} or path.name != "docs-rank.argdown"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "argmap", *args], capture_output=True, text=True, cwd=cwd)


def test_check_fix_rewrites_the_file_and_then_checks_it(tmp_path: Path) -> None:
    (tmp_path / "tea.argdown").write_bytes(TEA.encode())
    (tmp_path / "clean.argdown").write_bytes(b"[Tea]: T.\n  + [Health]: H.\n")
    before = run("check", "tea.argdown", cwd=tmp_path)
    assert "warning undefined-reference [Helth] is referred to but never given a text" in before.stdout
    done = run("check", "--fix", "tea.argdown", "clean.argdown", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "tea.argdown:4:6: fixed [Helth] -> [Health] (once)" in done.stderr
    assert "undefined-reference" not in done.stdout
    assert (tmp_path / "tea.argdown").read_text() == TEA.replace("[Helth]", "[Health]")
    assert (tmp_path / "clean.argdown").read_bytes() == b"[Tea]: T.\n  + [Health]: H.\n"


def test_check_fix_refuses_standard_input(tmp_path: Path) -> None:
    done = run("check", "--fix", "-", "--from", "argdown", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "argmap check: error: --fix rewrites map files in place, not standard input\n"
