"""The seed map of the editorial "Kim in Russia": faithful in shape, quoted verbatim, clean, and saved up to date."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

from argmap import ArgumentMap, ElementType, RelationKind, formats, pipe
from argmap.catalogue import Severity
from argmap.check import check

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TEXT = SEEDS / "kim-in-russia.txt"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_2ed37b96d44bfe72.txt"

MAIN = "moon-policy-may-not-work"
#: The reasons the issue lists, in its order.
REASONS = (
    "south-korea-sidelined",
    "kim-leverage-against-us",
    "russia-backs-north-on-sanctions",
    "three-way-alignment",
    "seoul-tokyo-rock-bottom",
    "big-deal-vs-phased",
    "north-hostile-to-moon",
    "moon-criticised-at-home",
)
#: The reasons issue 17 found missing: the contrast with Japan, China's wariness, Russia's own aims.
ADDED_REASONS = ("us-japan-best-terms", "japan-courts-china", "japan-korea-flag-row", "russia-plays-north-card")
CONCESSION = "trip-eases-isolation"
#: The argument from the concession: the trip is no cause for concern.
BENIGN = "benign-reading"
REBUTTAL = "not-merely-image"


@pytest.fixture(scope="module")
def kim(seed: ModuleType) -> ArgumentMap:
    """The seed map."""
    m = seed.build()
    assert isinstance(m, ArgumentMap)
    return m


def reasons_for(m: ArgumentMap, conclusion: str) -> set[str]:
    """Every statement that supports ``conclusion``, directly or through chains of inferences and support relations."""
    premises_of: dict[str, list[tuple[str, ...]]] = {}
    for argument in m.arguments:
        for step in argument.steps:
            premises_of.setdefault(step.conclusion, []).append(step.premises)
    found: set[str] = set()
    stack = [conclusion]
    while stack:
        target = stack.pop()
        reasons = [p for premises in premises_of.get(target, ()) for p in premises]
        for relation in m.relations_to(ElementType.STATEMENT, target):
            if not relation.kind.is_support:
                continue
            if relation.source_type is ElementType.STATEMENT:
                reasons.append(relation.source)
            else:
                reasons.extend(m.argument(relation.source).statement_ids())
        for reason in reasons:
            if reason not in found:
                found.add(reason)
                stack.append(reason)
    return found


def attacked_by(m: ArgumentMap, statement: str) -> list[str]:
    """The ids of the statements that ``statement`` attacks."""
    return [
        r.target
        for r in m.relations_from(ElementType.STATEMENT, statement)
        if r.kind is RelationKind.ATTACK and r.target_type is ElementType.STATEMENT
    ]


def test_one_main_conclusion(kim: ArgumentMap) -> None:
    assert kim.title == "Kim in Russia"
    assert kim.main_conclusions == (MAIN,)
    assert "may not work" in kim.statement(MAIN).text
    assert "better, more effective approach" in kim.statement(MAIN).text


def test_every_reason_leads_to_the_main_conclusion(kim: ArgumentMap) -> None:
    reasons = reasons_for(kim, MAIN)
    assert [r for r in REASONS if r not in reasons] == []
    # Attacks are no reasons: the walk must not reach the concession or its rebuttal.
    assert CONCESSION not in reasons
    assert REBUTTAL not in reasons


def test_linked_and_convergent_arguments(kim: ArgumentMap) -> None:
    assert any(len(step.premises) >= 2 for argument in kim.arguments for step in argument.steps)
    assert sum(argument.conclusion == MAIN for argument in kim.arguments) >= 2
    assert all(argument.text for argument in kim.arguments)


def test_concession_and_rebuttal(kim: ArgumentMap) -> None:
    # The editorial grants the concession and denies only its bearing: the argument from the concession attacks a
    # reason for the thesis, and the rebuttal undercuts that argument, not the concession.
    (attack,) = kim.relations_from(ElementType.ARGUMENT, BENIGN)
    assert attack.kind is RelationKind.ATTACK
    assert attack.target in reasons_for(kim, MAIN)
    (undercut,) = kim.relations_to(ElementType.ARGUMENT, BENIGN)[-1:]
    assert (undercut.source, undercut.kind) == (REBUTTAL, RelationKind.UNDERCUT)
    assert attacked_by(kim, REBUTTAL) == []
    grounds = {r.source for r in kim.relations_to(ElementType.ARGUMENT, BENIGN) if r.kind is RelationKind.SUPPORT}
    assert any(CONCESSION in {r.source for r in kim.relations_to(ElementType.STATEMENT, g)} for g in grounds)


def test_the_concession_stands_and_its_bearing_is_defeated(kim: ArgumentMap) -> None:
    from argmap.af import Label
    from argmap.evaluate import evaluate

    labelling = evaluate(kim)
    assert labelling.statements[CONCESSION] is Label.IN
    assert labelling.arguments[BENIGN] is Label.OUT
    (attack,) = kim.relations_from(ElementType.ARGUMENT, BENIGN)
    assert labelling.statements[attack.target] is Label.IN
    assert labelling.statements[MAIN] is Label.IN


def test_the_missing_reasoning_is_there_and_the_sidelining_is_drawn(kim: ArgumentMap) -> None:
    from argmap.render.layout import inner_statements

    reasons = reasons_for(kim, MAIN)
    assert [r for r in ADDED_REASONS if r not in reasons] == []
    # China's wariness bears on the three-way alliance, unanswered by the editorial.
    wary = kim.relations_from(ElementType.STATEMENT, "china-wary")
    assert [(r.kind, r.target) for r in wary] == [(RelationKind.UNDERCUT, "kim-putin-xi-engagements")]
    assert "south-korea-sidelined" not in inner_statements(kim)


def test_every_sentence_is_quoted_or_listed_as_background(kim: ArgumentMap) -> None:
    from argmap.coverage import coverage

    (editorial,) = coverage(kim)
    assert editorial.uncovered == ()
    assert editorial.missing == ()
    reasons = [sentence.background for sentence in editorial.sentences if sentence.background]
    assert all(len(reason.split()) == 1 for reason in reasons)
    assert len(reasons) == 5


def test_quotes_are_verbatim(kim: ArgumentMap) -> None:
    text = TEXT.read_bytes().decode("utf-8")
    assert [source.text for source in kim.sources] == [text]
    (source,) = kim.sources
    for statement in kim.statements:
        assert statement.quotes, f"{statement.id} has no quote"
        for quote in statement.quotes:
            assert quote.source == source.id
            assert quote.text in text, f"{statement.id}: {quote.text!r} is not in {TEXT.name}"


def test_text_is_the_shared_seed() -> None:
    if not SHARED_SEED.is_file():
        pytest.skip(f"the shared seed is not at {SHARED_SEED}")
    assert TEXT.read_bytes() == SHARED_SEED.read_bytes()


def test_check_is_clean(kim: ArgumentMap) -> None:
    assert [d for d in check(kim) if d.severity is not Severity.INFO] == []


def test_saved_json_is_current(kim: ArgumentMap) -> None:
    saved = SEEDS / "kim-in-russia.json"
    assert saved.read_bytes().decode("utf-8") == formats.dumps(kim, "json"), f"{saved} is stale: see seeds/README.md"
    assert formats.load(saved) == kim


@pytest.mark.dot
def test_readme_diagram_shows_the_current_map(seed: ModuleType) -> None:
    # Graphviz versions lay out differently, so the drawn text is compared, not the bytes.
    def texts(svg: str) -> list[str]:
        root = ElementTree.fromstring(svg)
        return sorted(e.text or "" for e in root.iter("{http://www.w3.org/2000/svg}text"))

    committed = (ROOT / "seeds" / "kim-in-russia.svg").read_text(encoding="utf-8")
    current = pipe(seed.build(), "svg").decode()
    assert texts(committed) == texts(current), "regenerate seeds/kim-in-russia.svg (see seeds/README.md)"
