"""Argdown's own settings applied: selection and isInMap as the reference applies them, and a warning for each
setting argmap leaves out."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ElementType, Location, check
from argmap.formats.argdown.frontmatter import key_offsets
from argmap.settings import Settings, has_settings, settings_of, unhonoured_settings
from argmap.settings.found import frontmatter_settings, located
from argmap.settings.selection import MODES, Selection, argdown_selection, has_selection
from argmap.strategies import argument_maps

#: Tea (section Tea) is attacked by Caffeine and supported by Antioxidants; Green (subsection Green) and Coffee
#: are disconnected, as is an untitled statement; Habit concludes Tea from Morning and an untitled premise.
BODY = """# Tea

[Tea]: Tea is good. #drink
  + <Antioxidants>: Tea has antioxidants. #health
  - [Caffeine]: Tea keeps you awake.

## Green

[Green]: Green tea is best. #drink

# Coffee

[Coffee]: Coffee is good. #drink

A lonely untitled statement.

<Habit>

(1) [Morning]: People drink tea in the morning.
(2) Habits are good.
----
(3) [Tea]
"""


def read(front: str = "", body: str = BODY) -> ArgumentMap:
    return argmap.loads((f"===\n{front}\n===\n\n" if front else "") + body, format="argdown")


def chosen(front: str) -> tuple[list[str], list[str]]:
    m = read(front)
    picked = argdown_selection(m, Selection.of(m)[0])
    return sorted(picked.statements), sorted(picked.arguments)


def paths(m: ArgumentMap) -> list[str]:
    return [found.path for found in settings_of(m).unhonoured]


# Selection, with the reference's rules -------------------------------------------------------------------------

DEFAULT = (["Caffeine", "Morning", "Tea"], ["Antioxidants", "Habit"])


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        # Defaults: titled statements, and untitled ones related outside arguments; nothing disconnected.
        ("selection: {}", DEFAULT),
        ("selection:", DEFAULT),
        ("selection:\n  excludeDisconnected: false", (["Caffeine", "Coffee", "Green", "Morning", "Tea"], DEFAULT[1])),
        ("selection:\n  statementSelectionMode: with-title", DEFAULT),
        ("selection:\n  statementSelectionMode: all", (["Caffeine", "Morning", "Tea", "Untitled 2"], DEFAULT[1])),
        ("selection:\n  statementSelectionMode: with-relations", (["Caffeine", "Tea"], DEFAULT[1])),
        # Tea concludes Habit: used in an argument, so neither mode takes it, and Antioxidants then ties to nothing.
        ("selection:\n  statementSelectionMode: not-used-in-argument", (["Caffeine"], [])),
        ("selection:\n  statementSelectionMode: with-more-than-one-relation", (["Caffeine"], [])),
        # Tags: Tea, Green and Coffee alone are tagged drink, and nothing then ties them to anything.
        ("selection:\n  selectedTags: [drink]", ([], [])),
        ("selection:\n  selectedTags: [drink]\n  selectElementsWithoutTag: true", (DEFAULT[0], ["Habit"])),
        # Sections by title, the element's own section only (not its subsections), as the reference chooses.
        ("selection:\n  selectedSections: [Tea]", (["Caffeine", "Tea"], ["Antioxidants"])),
        (
            "selection:\n  selectedSections: [Tea]\n  excludeDisconnected: false",
            (["Caffeine", "Tea"], ["Antioxidants"]),
        ),
        ("selection:\n  selectedSections: [Green]\n  excludeDisconnected: false", (["Green"], [])),
        # Habit stands in Coffee with its premise Morning; its conclusion Tea does not.
        ("selection:\n  selectedSections: [Coffee]", (["Morning"], ["Habit"])),
        ("selection:\n  includeStatements: [Coffee]", (["Caffeine", "Coffee", "Morning", "Tea"], DEFAULT[1])),
        ("selection:\n  excludeStatements: [Caffeine]", (["Morning", "Tea"], DEFAULT[1])),
        ("selection:\n  excludeArguments: [Habit]", (["Caffeine", "Tea"], ["Antioxidants"])),
    ],
)
def test_each_selection_setting_chooses_as_the_reference_does(
    front: str, expected: tuple[list[str], list[str]]
) -> None:
    assert chosen(front) == expected


def test_the_part_keeps_what_is_chosen_and_what_its_arguments_need() -> None:
    part = settings_of(read("selection:\n  excludeStatements: [Morning]")).part
    assert [s.id for s in part.statements] == ["Tea", "Caffeine", "Morning", "Untitled 2"]
    assert [a.id for a in part.arguments] == ["Antioxidants", "Habit"]
    assert part.argument("Habit").premises == ("Morning", "Untitled 2")  # Habit stays whole
    assert [section.id for section in part.sections] == ["s1", "s3"]
    assert check(part) is not None  # a map like any other


def test_is_in_map_false_leaves_an_element_out_and_true_puts_it_in() -> None:
    body = BODY.replace("[Caffeine]: Tea keeps you awake.", "[Caffeine]: Tea keeps you awake. {isInMap: false}")
    body = body.replace("[Coffee]: Coffee is good. #drink", "[Coffee]: Coffee is good. #drink {isInMap: true}")
    body = body.replace("<Habit>\n", "<Habit> {isInMap: false}\n")
    m = read(body=body)
    assert has_selection(m)
    part = settings_of(m).part
    assert [s.id for s in part.statements] == ["Tea", "Coffee"]
    assert [a.id for a in part.arguments] == ["Antioxidants"]
    ignored = settings_of(attrs.evolve(m, metadata={"selection": {"ignoreIsInMap": True}})).part
    assert [s.id for s in ignored.statements] == ["Tea", "Caffeine", "Morning", "Untitled 2"]


def test_a_map_without_selection_settings_is_its_own_part() -> None:
    m = read("color:\n  tagColors: {drink: '#ff0000'}")
    assert not has_selection(m)
    assert settings_of(m).part is m
    assert settings_of(read()).unhonoured == ()
    assert not has_settings(read())
    assert has_settings(m)


# Settings argmap leaves out -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "path", "words"),
    [
        ("selection:\n  statementSelectionMode: top-level", "selection.statementSelectionMode", "top level"),
        ("selection:\n  statementSelectionMode: everything", "selection.statementSelectionMode", "'everything'"),
        ("selection:\n  selectedTags: drink", "selection.selectedTags", "list of titles"),
        ("selection:\n  excludeDisconnected: 'no'", "selection.excludeDisconnected", "true or false"),
        ("selection:\n  includeArguments: [Habit]", "selection.includeArguments", "no such selection setting"),
        ("selection: [all]", "selection", "settings by name"),
        ("selection: false", "selection", "settings by name"),
    ],
)
def test_a_selection_setting_argmap_refuses_is_unhonoured_and_the_default_used(
    front: str, path: str, words: str
) -> None:
    m = read(front)
    [found] = settings_of(m).unhonoured
    # At its key: "selection" stands on line 2, the keys inside it on line 3.
    assert (found.path, found.location) == (path, Location(2, 1) if path == "selection" else Location(3, 3))
    assert words in found.problem().message
    assert sorted(s.id for s in settings_of(m).part.statements) == ["Caffeine", "Morning", "Tea", "Untitled 2"]


def test_every_setting_outside_what_argmap_honours_is_named_where_it_stands() -> None:
    front = (
        "title: Tea\nauthor: Someone\nlogLevel: verbose\nmodel:\n  mode: strict\n  explodeArguments: true\n"
        "dot:\n  graphVizSettings: {rankdir: TB, fontname: Comic}\n  argument: {shape: circle, lineWidth: 3}\n"
        "sections: {}"
    )
    body = BODY.replace(
        "[Green]: Green tea is best. #drink", "[Green]: Green tea is best. #drink {rank: r1, images: [a], x: 1}"
    )
    m = read(front, body)
    found = settings_of(m).unhonoured
    # author is the document's own data; model.mode the reader honours; explodeArguments, rankdir, an argument's
    # shape and an element's rank the drawing honours; data.x is not a setting.
    assert [f.path for f in found] == [
        "logLevel",
        "dot.graphVizSettings.fontname",
        "dot.argument.lineWidth",
        "data.images",
    ]
    # Each at its key (a flow mapping's keys at the mapping's key); Green stands on line 9 of the body.
    assert [f.location.line if f.location else None for f in found] == [4, 9, 10, 22]
    assert found[-1].subject == argmap.Subject("statement", "Green")
    assert "data.images of statement Green" in found[-1].problem().message


def test_an_elements_setting_is_located_at_the_data_that_gives_it_not_at_its_first_mention() -> None:
    body = (
        "[Tea]: Tea is good.\n"
        "  + [Green]: Green tea is best.\n"
        "\n"
        "[Green] {images: [a]}\n"
        "\n"
        "<Habit>: Tea is a habit.\n"
        "\n"
        "<Habit>   {isInMap: true,\n"
        "  rank: [not, a, rank]}\n"
        "\n"
        "<Habit> {rank: [again]}\n"
    )
    m = read(body=body)
    assert m.statement("Green").location == Location(2, 5)
    assert dict(m.statement("Green").data_locations) == {"images": Location(4, 9)}
    # Each key at the last {...} that gave it: the block whose value is kept, or merged in last.
    assert dict(m.argument("Habit").data_locations) == {"isInMap": Location(8, 11), "rank": Location(11, 9)}
    found = settings_of(m).unhonoured
    assert [(f.path, f.subject and f.subject.id, f.location) for f in found] == [
        ("data.images", "Green", Location(4, 9)),
        ("data.rank", "Habit", Location(11, 9)),  # not a rank that can be drawn: unhonoured where last given
    ]
    diagnostics = [d for d in check(m) if d.code == "unhonoured-setting"]
    assert [d.location for d in diagnostics] == [Location(4, 9), Location(11, 9)]
    # Not part of the elements' value: a map read again without them is equal.
    bare = [attrs.evolve(s, data_locations={}) for s in m.statements]
    assert attrs.evolve(m, statements=bare) == m


def test_a_setting_honoured_in_part_is_named_deeper(monkeypatch: pytest.MonkeyPatch) -> None:
    m = read("dot:\n  graphVizSettings: {rankdir: TB, ranksep: 2}")
    assert list(frontmatter_settings(m, {"dot.graphVizSettings.rankdir"})) == ["dot.graphVizSettings.ranksep"]
    monkeypatch.setattr("argmap.settings.drawing.drawing_options", lambda m: ({}, frozenset({"dot.graphVizSettings"})))
    assert settings_of(m).unhonoured == ()


def test_check_reports_each_unhonoured_setting_at_its_place() -> None:
    m = read("selection:\n  statementSelectionMode: top-level\nlogLevel: verbose")
    found = [d for d in check(m) if d.code == "unhonoured-setting"]
    assert [(d.severity.value, d.location) for d in found] == [("warning", Location(3, 3)), ("warning", Location(4, 1))]
    assert "selection.statementSelectionMode" in found[0].message
    assert "logLevel" in found[1].message
    assert unhonoured_settings(m) == settings_of(m).unhonoured
    assert not [d for d in check(read()) if d.code == "unhonoured-setting"]


def test_explicit_options_are_the_callers_business_the_document_s_are_in_settings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("argmap.settings.drawing.drawing_options", lambda m: ({"direction": "TB"}, frozenset({"dot"})))
    found = settings_of(read("dot: {graphVizSettings: {rankdir: TB}}"))
    assert isinstance(found, Settings)
    assert found.options == {"direction": "TB"}
    assert found.unhonoured == ()


# Properties ----------------------------------------------------------------------------------------------------

SELECTIONS = st.fixed_dictionaries(
    {},
    optional={
        "statementSelectionMode": st.sampled_from([*MODES, "nonsense"]),
        "excludeDisconnected": st.booleans(),
        "ignoreIsInMap": st.booleans(),
        "selectElementsWithoutTag": st.booleans(),
        "selectElementsWithoutSection": st.booleans(),
        "selectedTags": st.lists(st.text(max_size=3), max_size=3),
        "selectedSections": st.lists(st.text(max_size=3), max_size=3),
        "includeStatements": st.lists(st.text(max_size=3), max_size=3),
        "excludeStatements": st.lists(st.text(max_size=3), max_size=3),
        "excludeArguments": st.lists(st.text(max_size=3), max_size=3),
    },
)


@given(argument_maps(), SELECTIONS)
def test_the_part_is_always_a_map_within_the_whole(m: ArgumentMap, selection: dict[str, object]) -> None:
    m = attrs.evolve(m, metadata={**m.metadata, "selection": selection})
    part = settings_of(m).part
    assert isinstance(part, ArgumentMap)
    assert {s.id for s in part.statements} <= {s.id for s in m.statements}
    assert {a.id for a in part.arguments} <= {a.id for a in m.arguments}
    picked = argdown_selection(m, Selection.of(m)[0])
    assert picked.statements <= {s.id for s in part.statements}
    assert picked.arguments == {a.id for a in part.arguments}
    assert settings_of(m) == settings_of(m)  # deterministic


def test_the_options_are_those_of_the_whole_map(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("argmap.settings.drawing.drawing_options", lambda m: ({"wrap": len(m.statements)}, frozenset()))
    found = settings_of(read("selection:\n  selectedSections: [Tea]"))
    assert len(found.part.statements) == 2
    assert found.options == settings_of(read()).options == {"wrap": 7}


def test_a_tag_keeps_its_colour_in_every_part() -> None:
    body = "# One\n\n[a]: A. #first\n  + [b]: B. #second\n\n# Two\n\n[c]: C. #second\n  - [d]: D. #first\n"
    scheme = "color:\n  colorScheme: colorbrewer-set3\n"
    whole = settings_of(read(scheme, body)).options["colours"]
    part = settings_of(read(scheme + "selection:\n  selectedSections: [Two]", body)).options["colours"]
    assert part == whole
    assert whole[ElementType.STATEMENT, "c"] != whole[ElementType.STATEMENT, "d"]


# Where frontmatter keys stand ----------------------------------------------------------------------------------


def test_each_frontmatter_key_is_found_at_its_place() -> None:
    text = (
        "===\n"
        "title: Tea # a comment: here\n"
        '"dot":\n'
        "  # graphVizSettings: not a key\n"
        "  graphVizSettings: {rankdir: TB}\n"
        "  'argument':\n"
        "    - shape: circle\n"
        "map:\n"
        "  text: |\n"
        "    inside: a block\n"
        "dot:\n"
        "  again: 1\n"
        "===\n"
        "\n"
        "after: 2\n"
    )
    found = {path: text.count("\n", 0, offset) + 1 for path, offset in key_offsets(text, 0).items()}
    assert found == {
        "title": 2,
        "dot": 3,
        "dot.graphVizSettings": 5,
        "dot.argument": 6,
        "map": 8,
        "map.text": 9,
        "map.text.inside": 10,  # a block scalar's line that looks like a key: harmless, nothing asks for it
        "dot.again": 12,
    }
    assert key_offsets("===\n" + "a" + " " * 100_000 + "b\n===\n", 0) == {}  # linear on a line without a colon


def test_a_setting_in_a_flow_mapping_stands_at_the_nearest_key_above_it() -> None:
    m = read("dot:\n  graphVizSettings: {rankdir: TB, ranksep: 2}")
    assert located(m, "dot.graphVizSettings.ranksep") == Location(3, 3)
    assert located(m, "nothing.there") == Location(1, 1)
    assert located(argmap.ArgumentMap(), "dot") is None
