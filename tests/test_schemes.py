"""The catalogue of argumentation schemes, its look-up by AIF spellings, and the open-critical-question check.

Run as a script (``.venv/bin/python tests/test_schemes.py``) to rewrite the catalogue section of docs/schemes.md.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import Argument, ArgumentMap, Inference, Relation, RelationKind, Statement
from argmap.check import Diagnostic, check
from argmap.schemes import SCHEMES, Scheme, find_scheme
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "schemes.md"
START, END = "<!-- catalogue: start -->\n", "<!-- catalogue: end -->\n"

# The schemes most used in the Araucaria corpus (SOURCES.md of the shared AIF corpus), as it spells them.
MOST_USED = (
    "Example",
    "CauseToEffect",
    "PracticalReasoning",
    "VerbalClassification",
    "Analogy",
    "ExpertOpinion",
    "EstablishedRule",
    "Sign",
    "Commitment",
    "Ignorance",
    "PositionToKnow",
)


# The catalogue ------------------------------------------------------------------------------------------------


def test_the_most_used_schemes_are_catalogued() -> None:
    found = [find_scheme(name) for name in MOST_USED]
    assert [scheme.name if scheme else None for scheme in found] == [
        "Example",
        "Cause to Effect",
        "Practical Reasoning",
        "Verbal Classification",
        "Analogy",
        "Expert Opinion",
        "Established Rule",
        "Sign",
        "Commitment",
        "Ignorance",
        "Position to Know",
    ]
    assert list(SCHEMES)[: len(MOST_USED)] == [scheme.name for scheme in found if scheme]


@pytest.mark.parametrize("scheme", SCHEMES.values(), ids=list(SCHEMES))
def test_every_scheme_is_complete(scheme: Scheme) -> None:
    assert SCHEMES[scheme.name] is scheme
    assert scheme.premises
    assert scheme.conclusion
    assert len(scheme.critical_questions) >= 2
    assert all(question.endswith("?") for question in scheme.critical_questions)
    for text in (*scheme.premises, scheme.conclusion, *scheme.critical_questions):
        assert text == " ".join(text.split())
        assert text.endswith((".", "?"))
    assert len(set(scheme.critical_questions)) == len(scheme.critical_questions)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        scheme.name = "Other"  # type: ignore[misc]


def test_every_name_and_alias_finds_its_own_scheme() -> None:
    for scheme in SCHEMES.values():
        for name in (scheme.name, *scheme.aliases):
            assert find_scheme(name) is scheme, name


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("Argument From Expert Opinion", "Expert Opinion"),
        ("argument from expert opinion", "Expert Opinion"),
        ("ArgumentFromAuthority", "Expert Opinion"),
        ("Expert Opinion", "Expert Opinion"),
        ("expert_opinion", "Expert Opinion"),
        ("Argument from Cause to Effect", "Cause to Effect"),
        ("cause-to-effect", "Cause to Effect"),
        ("Argument From Position To Know", "Position to Know"),
        ("Practical Reasoning", "Practical Reasoning"),
        ("Argument by Analogy", "Analogy"),
        ("Analogy Argument", "Analogy"),
        ("  Sign  ", "Sign"),
        ("Argument from Negative Consequences", "Consequences"),
        ("CorrelationToCause", "Correlation to Cause"),
        ("PopularOpinion", "Popular Opinion"),
        ("PopularPractice", "Popular Practice"),
        ("InconsistentCommitment", "Inconsistent Commitment"),
        ("Ad hominem", "Ad Hominem"),
    ],
)
def test_look_up_ignores_spelling(spelling: str, name: str) -> None:
    found = find_scheme(spelling)
    assert found is not None
    assert found.name == name


@pytest.mark.parametrize(
    "name", ["Default Inference", "Default Conflict", "RA", "", "Argument", "FearAppeal", "Expert Opinions"]
)
def test_look_up_of_what_is_not_a_catalogued_scheme(name: str) -> None:
    assert find_scheme(name) is None


def corpus_schemes(corpus: Path) -> dict[str, int]:
    """Every scheme name on an RA node of the AIF corpus, with how often it occurs."""
    names: dict[str, int] = {}
    for path in sorted(corpus.glob("aif/*/*.json")):
        for node in json.loads(path.read_text(encoding="utf-8")).get("nodes", []):
            if node.get("type") == "RA":
                for name in {node.get("scheme"), node.get("text")} - {None, "RA"}:
                    names[name] = names.get(name, 0) + 1
    return names


def test_every_scheme_named_in_the_aif_corpus_is_found(shared_corpus: Path) -> None:
    names = corpus_schemes(shared_corpus)
    assert {"Default Inference", "ExpertOpinion", "Expert Opinion"} <= set(names)
    missing = sorted(name for name in names if find_scheme(name) is None)
    assert missing == ["Default Inference"]


# The check ------------------------------------------------------------------------------------------------------


def expert_map(
    attackers: Mapping[str, dict[str, Any]] | None = None, kind: str = "undercut", **extra: Any
) -> ArgumentMap:
    """An argument from expert opinion, with each of ``attackers`` (id: keyword arguments of its statement)
    aimed at it with a relation of ``kind``, undercuts at the argument and other attacks at its conclusion.
    """
    statements = [
        Statement(id="expert", text="Dr Lee is an expert on vaccine safety."),
        Statement(id="says", text="Dr Lee says the vaccine is safe."),
        Statement(id="safe", text="The vaccine is safe."),
    ]
    attackers = attackers or {}
    statements += [Statement(id=id, text=f"Objection {id}.", **kwargs) for id, kwargs in attackers.items()]
    target, target_type = ("Lee", "argument") if kind == "undercut" else ("safe", "statement")
    step = Inference(premises=["expert", "says"], conclusion="safe")
    return ArgumentMap(
        statements=statements,
        arguments=[Argument(id="Lee", steps=[step], **{"scheme": "Expert Opinion", **extra})],
        relations=[Relation(source=id, target=target, kind=kind, target_type=target_type) for id in attackers],
    )


def open_questions(m: ArgumentMap) -> list[Diagnostic]:
    return [d for d in check(m) if d.code == "open-critical-question"]


def numbers(diagnostic: Diagnostic) -> list[int]:
    listed = diagnostic.message.split("critical question", 1)[1].split(":", 1)[0]
    return [int(n) for n in re.findall(r"[0-9]+", listed)]


def test_an_argument_of_a_scheme_without_objections_lists_every_question() -> None:
    [diagnostic] = open_questions(expert_map())
    assert diagnostic.subjects == ("Lee",)
    questions = SCHEMES["Expert Opinion"].critical_questions
    assert diagnostic.message == (
        "<Lee> argues from Expert Opinion; no attack raises critical questions 1, 2, 3, 4, 5 and 6: "
        + " ".join(f"({n}) {question}" for n, question in enumerate(questions, 1))
    )
    assert str(diagnostic).startswith("info open-critical-question <Lee> argues from Expert Opinion;")


@pytest.mark.parametrize(
    "marks",
    [
        {"tags": ["cq4"]},
        {"tags": ["CQ 4"]},
        {"tags": ["cq:4"]},
        {"tags": ["cq-4"]},
        {"tags": ["cq#4"]},
        {"data": {"cq": 4}},
        {"data": {"cq": "4"}},
        {"data": {"cq": [4]}},
    ],
)
def test_the_ways_to_mark_a_question(marks: dict[str, Any]) -> None:
    [diagnostic] = open_questions(expert_map({"x": marks}))
    assert numbers(diagnostic) == [1, 2, 3, 5, 6]


@pytest.mark.parametrize(
    "marks",
    [
        {"tags": ["cq"]},
        {"tags": ["cq4x"]},
        {"tags": ["kcq4"]},
        {"data": {"cq": True}},
        {"data": {"cq": 4.0}},
        {"data": {"cq": None}},
        {"data": {"cq": {"n": 4}}},
        {"data": {"cq": "four"}},
        {"data": {"cq": 7}},
        {"data": {"cq": 0}},
        {"data": {"cq": -4}},
        {"data": {"cq": 10**100}},
        {"data": {"cq": "9" * 5000}},
        {"data": {"CQ": 4}},
    ],
)
def test_what_does_not_mark_a_question(marks: dict[str, Any]) -> None:
    [diagnostic] = open_questions(expert_map({"x": marks}))
    assert numbers(diagnostic) == [1, 2, 3, 4, 5, 6]


def test_questions_raised_together_and_apart() -> None:
    m = expert_map({"x": {"tags": ["cq1", "cq2"], "data": {"cq": [3, "5"]}}, "y": {"tags": ["cq6"]}})
    [diagnostic] = open_questions(m)
    assert numbers(diagnostic) == [4]
    assert "critical question 4: (4) Is E personally reliable" in diagnostic.message
    every = expert_map({"x": {"data": {"cq": [1, 2, 3, 4, 5, 6]}}})
    assert open_questions(every) == []


@pytest.mark.parametrize("kind", ["undercut", "attack", "contrary", "contradiction"])
def test_every_kind_of_attack_raises_questions(kind: str) -> None:
    [diagnostic] = open_questions(expert_map({"x": {"tags": ["cq2"]}}, kind=kind))
    assert 2 not in numbers(diagnostic)


def test_support_raises_no_question() -> None:
    [diagnostic] = open_questions(expert_map({"x": {"tags": ["cq2"]}}, kind="support"))
    assert 2 in numbers(diagnostic)


def test_attacks_on_premises_and_from_either_end_of_a_contradiction() -> None:
    m = expert_map({"x": {"tags": ["cq1"]}, "y": {"tags": ["cq5"]}})
    m = attrs.evolve(
        m,
        relations=[
            Relation(source="x", target="expert", kind=RelationKind.ATTACK),
            # The argument's own conclusion is the source: the marked statement at the other end still objects.
            Relation(source="safe", target="y", kind=RelationKind.CONTRADICTION),
        ],
    )
    [diagnostic] = open_questions(m)
    assert numbers(diagnostic) == [2, 3, 4, 6]


def test_an_attack_on_another_argument_raises_nothing_here() -> None:
    m = expert_map({"x": {"tags": ["cq1"]}})
    other = Argument(id="Other", steps=[Inference(premises=["says"], conclusion="x")])
    m = attrs.evolve(
        m,
        arguments=[*m.arguments, other],
        relations=[Relation(source="x", target="Other", kind=RelationKind.UNDERCUT)],
    )
    [diagnostic] = open_questions(m)
    assert numbers(diagnostic) == [1, 2, 3, 4, 5, 6]


def test_marked_arguments_raise_questions_too() -> None:
    m = expert_map()
    objection = Argument(id="Paid", text="Dr Lee is paid by the maker.", tags=["cq4"])
    m = attrs.evolve(
        m,
        arguments=[*m.arguments, objection],
        relations=[Relation(source="Paid", target="Lee", kind="undercut", source_type="argument")],
    )
    [diagnostic] = open_questions(m)
    assert numbers(diagnostic) == [1, 2, 3, 5, 6]


@pytest.mark.parametrize("scheme", [None, "Default Inference", "My Own Scheme"])
def test_arguments_without_a_catalogued_scheme_get_no_notes(scheme: str | None) -> None:
    assert open_questions(expert_map(scheme=scheme)) == []


def test_sketched_arguments_have_questions_too() -> None:
    m = ArgumentMap(
        statements=[Statement(id="c", text="It will rain.")],
        arguments=[Argument(id="Clouds", scheme="Sign")],
        relations=[Relation(source="Clouds", target="c", kind="support", source_type="argument")],
    )
    [diagnostic] = open_questions(m)
    assert numbers(diagnostic) == [1, 2]
    assert diagnostic.message.startswith("<Clouds> argues from Sign; no attack raises critical questions 1 and 2: (1)")


def test_one_open_question_is_named_in_the_singular() -> None:
    m = ArgumentMap(
        statements=[Statement(id="c", text="It will rain."), Statement(id="x", text="Not so.", tags=["cq1"])],
        arguments=[Argument(id="Clouds", scheme="Sign")],
        relations=[
            Relation(source="Clouds", target="c", kind="support", source_type="argument"),
            Relation(source="x", target="Clouds", kind="undercut"),
        ],
    )
    [diagnostic] = open_questions(m)
    assert diagnostic.message == (
        "<Clouds> argues from Sign; no attack raises critical question 2: (2) Could some other event account for "
        "the sign more reliably?"
    )


def test_a_statement_shared_by_many_arguments() -> None:
    # Questions raised against a shared premise count for every argument built on it, once each.
    premise = Statement(id="p", text="P.")
    arguments = [
        Argument(id=f"A{n}", scheme="Sign", steps=[Inference(premises=["p"], conclusion=f"c{n}")]) for n in range(300)
    ]
    statements = [premise, *(Statement(id=f"c{n}", text=f"C{n}.") for n in range(300))]
    statements += [Statement(id=f"x{n}", text=f"X{n}.", tags=["cq1"]) for n in range(300)]
    relations = [Relation(source=f"x{n}", target="p", kind="attack") for n in range(300)]
    notes = open_questions(ArgumentMap(statements=statements, arguments=arguments, relations=relations))
    assert [numbers(note) for note in notes] == [[2]] * 300


@given(argument_maps(), st.sampled_from(list(SCHEMES)))
def test_notes_name_only_arguments_of_catalogued_schemes(m: ArgumentMap, name: str) -> None:
    arguments = [attrs.evolve(a, scheme=name) if n % 2 else a for n, a in enumerate(m.arguments)]
    m = attrs.evolve(m, arguments=arguments)
    notes = open_questions(m)
    ids = [note.subjects[0] for note in notes]
    assert ids == [a.id for a in m.arguments if a.id in ids]
    assert set(ids) <= {a.id for a in m.arguments if a.scheme is not None and find_scheme(a.scheme)}
    for note in notes:
        scheme = find_scheme(m.argument(note.subjects[0]).scheme or "")
        assert scheme is not None
        assert set(numbers(note)) <= set(range(1, len(scheme.critical_questions) + 1))
    assert check(m) == check(m)


# The docs ---------------------------------------------------------------------------------------------------------


def catalogue_markdown() -> str:
    """The catalogue as docs/schemes.md shows it."""
    parts = []
    for scheme in SCHEMES.values():
        premises = "".join(f"- {premise}\n" for premise in scheme.premises)
        questions = "".join(f"{n}. {question}\n" for n, question in enumerate(scheme.critical_questions, 1))
        aliases = ", ".join(scheme.aliases)
        parts.append(
            f"### {scheme.name}\n\n_Also:_ {aliases}.\n\n{premises}- **So:** {scheme.conclusion}\n\n"
            f"Critical questions:\n\n{questions}"
        )
    return "\n".join(parts)


def docs_sections(text: str) -> tuple[str, str, str]:
    head, rest = text.split(START, 1)
    body, tail = rest.split(END, 1)
    return head, body, tail


def test_the_docs_list_the_catalogue() -> None:
    _, body, _ = docs_sections(DOCS.read_text(encoding="utf-8"))
    assert body == catalogue_markdown(), "regenerate it: .venv/bin/python tests/test_schemes.py"


def test_the_docs_example_prints_what_it_shows() -> None:
    text = DOCS.read_text(encoding="utf-8")
    code, after = text.split("```python\n", 1)[1].split("```", 1)
    shown = after.split("```text\n", 1)[1].split("```", 1)[0]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {})
    assert printed.getvalue() == shown


def test_the_docs_examples_of_look_up_run() -> None:
    result = doctest.testfile(str(DOCS), module_relative=False)
    assert result.attempted == 4
    assert result.failed == 0


if __name__ == "__main__":
    head, _, tail = docs_sections(DOCS.read_text(encoding="utf-8"))
    DOCS.write_text(head + START + catalogue_markdown() + END + tail, encoding="utf-8")
