"""argmap.strategies: valid maps only, parameters honoured, every feature reachable, registered for from_type."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import argmap.strategies
from argmap import MAX_NAME_LENGTH, ArgumentMap, ElementType, Relation, RelationKind, Section, Source
from argmap.boxes import BOX_LENGTH, is_cut
from argmap.strategies import (
    argument_maps,
    arguments,
    ids,
    quotes,
    relations,
    sections,
    sources,
    statement_texts,
    statements,
)

# Finding an example is enough: shrinking it to the simplest would only cost time.
FIND = settings(database=None, max_examples=2000, phases=[Phase.generate], suppress_health_check=list(HealthCheck))


def assert_valid_text(text: str, *, empty_allowed: bool = False, name: bool = False) -> None:
    assert isinstance(text, str)
    assert empty_allowed or text.strip()
    assert not name or len(text) <= MAX_NAME_LENGTH
    assert all(c in "\t\n\r" or not (ord(c) < 0x20 or ord(c) == 0x7F or 0xD800 <= ord(c) <= 0xDFFF) for c in text)


def assert_valid_id(id: str) -> None:
    assert_valid_text(id, name=True)
    assert id == id.strip()


def box_size(*texts: str) -> int:
    """What the model counts for texts shown in one diagram box: each with two characters of framing."""
    return sum(len(text) + 2 for text in texts)


def unique(values: list[str]) -> bool:
    return len(values) == len(set(values))


@given(argument_maps())
def test_maps_are_valid(m: ArgumentMap) -> None:
    # The constructor already refuses broken maps; these assertions spell out what "valid" promises.
    for namespace in (m.statements, m.arguments, m.sources, m.sections):
        assert unique([element.id for element in namespace])
        for element in namespace:
            assert_valid_id(element.id)
    source_ids = {source.id for source in m.sources}
    section_ids = [section.id for section in m.sections]
    for n, section in enumerate(m.sections):
        assert section.parent is None or section.parent in section_ids[:n]
        assert_valid_text(section.title)
    for element in (*m.statements, *m.arguments):
        assert box_size(element.id, *element.tags) <= MAX_NAME_LENGTH
    for statement in m.statements:
        assert_valid_text(statement.text)
        assert statement.section is None or statement.section in section_ids
        for quote in statement.quotes:
            assert quote.source in source_ids
            assert_valid_text(quote.text)
    for argument in m.arguments:
        assert_valid_text(argument.text, empty_allowed=True)
        for step in argument.steps:
            assert all(m.has(ElementType.STATEMENT, id) for id in (*step.premises, step.conclusion))
    for relation in m.relations:
        assert m.has(relation.source_type, relation.source)
        assert m.has(relation.target_type, relation.target)
        if relation.kind is RelationKind.UNDERCUT:
            assert relation.target_type is ElementType.ARGUMENT
    assert_valid_text(m.title, empty_allowed=True)


@settings(max_examples=10)
@given(st.from_type(ArgumentMap))
def test_from_type_draws_argument_maps(m: ArgumentMap) -> None:
    assert isinstance(m, ArgumentMap)


def test_the_hypothesis_entry_point_names_the_hook() -> None:
    [entry] = [e for e in importlib.metadata.entry_points(group="hypothesis") if e.value.startswith("argmap.")]
    assert entry.value == "argmap.strategies:_hypothesis_setup_hook"
    assert entry.load() is argmap.strategies._hypothesis_setup_hook


def test_importing_the_strategies_before_hypothesis_works() -> None:
    # Importing argmap.strategies first imports hypothesis, which runs this module's hook while it is half-loaded.
    script = (
        "import argmap.strategies\n"
        "from hypothesis import strategies as st\n"
        "from argmap import ArgumentMap\n"
        "assert isinstance(st.from_type(ArgumentMap).example(), ArgumentMap)\n"
    )
    subprocess.run([sys.executable, "-W", "ignore", "-c", script], check=True)


@given(argument_maps(min_statements=3, max_statements=5, max_arguments=2, max_relations=4))
def test_size_parameters_are_honoured(m: ArgumentMap) -> None:
    assert 3 <= len(m.statements) <= 5
    assert len(m.arguments) <= 2
    assert len(m.relations) <= 4


@given(argument_maps(max_statements=0, max_arguments=0, max_relations=0, sources=False, sections=False))
def test_everything_can_be_switched_off(m: ArgumentMap) -> None:
    assert (m.statements, m.arguments, m.relations, m.sources, m.sections) == ((), (), (), (), ())


@given(argument_maps(sources=False, sections=False))
def test_without_sources_and_sections_nothing_refers_to_them(m: ArgumentMap) -> None:
    assert not m.sources
    assert not m.sections
    assert all(not s.quotes and s.section is None for s in m.statements)
    assert all(a.section is None for a in m.arguments)


SOME_REFUSED = st.sampled_from(["", "   ", "ok", "fine\x00", "\ud800"])


@settings(max_examples=30)
@given(argument_maps(min_statements=1, text=SOME_REFUSED))
def test_a_custom_text_strategy_is_used_and_refused_texts_are_dropped(m: ArgumentMap) -> None:
    assert {s.text for s in m.statements} == {"ok"}
    assert {a.text for a in m.arguments} <= {"", "ok"}
    assert {s.title for s in m.sections} <= {"ok"}


def test_invalid_parameters_are_refused_at_once() -> None:
    with pytest.raises(ValueError, match="min_statements"):
        argument_maps(min_statements=5, max_statements=2)
    with pytest.raises(ValueError, match="must not be negative"):
        argument_maps(max_relations=-1)
    with pytest.raises(ValueError, match="at least one"):
        relations()


def attacks(m: ArgumentMap) -> list[Relation]:
    return [r for r in m.relations if r.kind is RelationKind.ATTACK]


def found(condition: Callable[[ArgumentMap], object], **kwargs: int) -> ArgumentMap:
    return find(argument_maps(**kwargs), condition, settings=FIND)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(RelationKind))
def test_every_relation_kind_is_generated(kind: RelationKind) -> None:
    found(lambda m: any(r.kind is kind for r in m.relations))


@pytest.mark.parametrize(
    ("feature", "condition"),
    [
        ("nested sections", lambda m: any(s.parent is not None for s in m.sections)),
        ("statements in sections", lambda m: any(s.section is not None for s in m.statements)),
        ("arguments in sections", lambda m: any(a.section is not None for a in m.arguments)),
        ("sources with titles", lambda m: any(s.title for s in m.sources)),
        ("statement data", lambda m: any(s.data for s in m.statements)),
        ("metadata", lambda m: m.metadata),
        ("tags", lambda m: any(s.tags for s in m.statements)),
        ("sketched arguments", lambda m: any(not a.steps for a in m.arguments)),
        ("multi-step arguments", lambda m: any(a.intermediate_conclusions for a in m.arguments)),
        ("inference rules", lambda m: any(step.rules for a in m.arguments for step in a.steps)),
        ("unused premises", lambda m: any(a.unused_premises for a in m.arguments)),
        ("arguments from arguments", lambda m: any(r.source_type is ElementType.ARGUMENT for r in m.relations)),
        ("attacks on arguments", lambda m: any(r.target_type is ElementType.ARGUMENT for r in attacks(m))),
        ("shared ids", lambda m: {s.id for s in m.statements} & {a.id for a in m.arguments}),
        ("main conclusions", lambda m: m.main_conclusions),
    ],
)
def test_every_feature_is_generated(feature: str, condition: Callable[[ArgumentMap], object]) -> None:
    found(condition)


def test_quotes_are_both_verbatim_and_arbitrary() -> None:
    def quoted(m: ArgumentMap, verbatim: bool) -> bool:
        texts = {source.id: source.text for source in m.sources}
        return any((q.text in texts[q.source]) is verbatim for s in m.statements for q in s.quotes)

    found(lambda m: quoted(m, True))
    found(lambda m: quoted(m, False))


def test_texts_come_close_to_what_a_box_shows_whole_and_go_past_it() -> None:
    find(statement_texts(), lambda t: BOX_LENGTH - 60 < len(t) <= BOX_LENGTH, settings=FIND)
    find(statement_texts(), lambda t: len(t) == 32_596, settings=FIND)
    found(lambda m: any(not is_cut(s) and box_size(s.id, s.text, *s.tags) > BOX_LENGTH - 40 for s in m.statements))
    found(lambda m: any(is_cut(s) for s in m.statements))
    found(lambda m: any(is_cut(a) for a in m.arguments))


def test_texts_have_awkward_characters() -> None:
    for awkward in ("<", '"', "\\", "\n", "\r", "\t"):
        find(statement_texts(), lambda t, c=awkward: c in t, settings=FIND)  # type: ignore[misc]
    find(ids(), lambda id: " " in id, settings=FIND)


@given(st.data())
def test_element_strategies_work_on_their_own(data: st.DataObject) -> None:
    source = data.draw(sources())
    assert isinstance(source, Source)
    assert source.text.strip()
    quote = data.draw(quotes([source]))
    assert quote.source == source.id
    assert quote.text.strip()
    section = data.draw(sections(["top"]))
    assert section.parent in (None, "top")
    statement = data.draw(statements(id="s1", sources=[source], sections=["top"]))
    assert statement.id == "s1"
    assert statement.section in (None, "top")
    argument = data.draw(arguments(["s1", "s2"], id="a1"))
    assert argument.id == "a1"
    assert set(argument.statement_ids()) <= {"s1", "s2"}
    assert data.draw(arguments()).steps == ()
    relation = data.draw(relations(["s1"], ["a1"]))
    assert {relation.source, relation.target} <= {"s1", "a1"}
    m = ArgumentMap(statements=[statement], sources=[source], sections=[Section(id="top", title="Top")])
    assert m.statement("s1") == statement
