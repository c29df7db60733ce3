"""The arg-microtexts reader: the corpus read in place, each notion of the format, hostile XML, and errors."""

from __future__ import annotations

import functools
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from samples import Run, read_or_refuse

import argmap
from argmap import ElementType, MapError, ParseError, RelationKind
from argmap.formats import FORMATS, format_for_path, get_format, load
from argmap.formats.microtexts import loads

FOLDERS = ("microtexts", "microtexts-v2")


def corpus_files(shared_corpus: Path) -> list[Path]:
    files = sorted(path for folder in FOLDERS for path in (shared_corpus / "formats" / folder).glob("*.xml"))
    if not files:
        pytest.skip("the microtexts corpus is not in the shared corpus")
    return files


def expected_counts(path: Path) -> tuple[int, int, int]:
    """Statements, arguments and relations, counted from the raw XML as the documented mapping says."""
    root = ET.parse(path).getroot()
    edges = {edge.get("id"): edge for edge in root.iter("edge")}
    kinds = [edge.get("type") for edge in edges.values()]
    added: dict[str | None, int] = {}
    aimed = set()
    for edge in edges.values():
        if edge.get("type") == "add":
            added[edge.get("trg")] = added.get(edge.get("trg"), 0) + 1
        elif edge.get("type") == "und":
            aimed.add(edge.get("trg"))
    arguments = kinds.count("sup") + kinds.count("exa")
    relations = 0
    for id, edge in edges.items():
        if edge.get("type") in ("reb", "und"):
            if id in aimed or id in added:
                arguments += 1
                relations += 2 + added.get(id, 0)  # each premise supports it, and it attacks
            else:
                relations += 1
    return len(list(root.iter("adu"))), arguments, relations


def test_every_corpus_file_reads_with_the_counts_of_its_xml(shared_corpus: Path) -> None:
    for path in corpus_files(shared_corpus):
        m = load(path)
        assert (len(m.statements), len(m.arguments), len(m.relations)) == expected_counts(path), path.name
        # The map's source is the text beside the file (whose v2 files add the implicit claims at the end).
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert text.startswith(m.sources[0].text), path.name
        assert all(q.text in m.sources[0].text for s in m.statements for q in s.quotes)
        assert read_or_refuse(functools.partial(load, path)) == m  # checks, and carries back through JSON
        assert m.title == path.stem


def test_a_rebuttal_that_is_undercut_becomes_an_argument(shared_corpus: Path) -> None:
    path = shared_corpus / "formats" / "microtexts" / "micro_b003.xml"
    if not path.is_file():
        pytest.skip("micro_b003.xml is not in the shared corpus")
    m = load(path)
    assert [s.id for s in m.statements] == ["a1", "a2", "a3", "a4", "a5"]
    assert [s.tags for s in m.statements] == [
        ("proponent",),
        ("opponent",),
        ("proponent",),
        ("opponent",),
        ("proponent",),
    ]
    assert m.statement("a1").text.startswith("Die Krankenkassen sollten")
    assert m.metadata["microtexts"] == {
        "id": "micro_b003",
        "topic_id": "health_insurance_cover_complementary_medicine",
        "stance": "con",
    }
    assert [a.id for a in m.arguments] == ["c4"]
    assert m.argument("c4").steps == ()
    ends = [(r.source, r.kind, r.target, r.target_type) for r in m.relations]
    assert ends == [
        ("a2", RelationKind.ATTACK, "a1", ElementType.STATEMENT),
        ("a3", RelationKind.ATTACK, "a2", ElementType.STATEMENT),
        ("a4", RelationKind.SUPPORT, "c4", ElementType.ARGUMENT),
        ("c4", RelationKind.ATTACK, "a1", ElementType.STATEMENT),
        ("a5", RelationKind.UNDERCUT, "c4", ElementType.ARGUMENT),
    ]
    location = m.relations[-1].location
    assert location is not None
    assert location.line == 35


def test_linked_premises_and_an_implicit_claim(shared_corpus: Path) -> None:
    path = shared_corpus / "formats" / "microtexts-v2" / "micro_c041.xml"
    if not path.is_file():
        pytest.skip("micro_c041.xml is not in the shared corpus")
    m = load(path)
    c1 = m.argument("c1")
    assert [(step.premises, step.conclusion) for step in c1.steps] == [(("a1", "a2"), "a3")]
    implicit = m.statement("a3")
    assert implicit.data["microtexts"] == {"type": "pro", "edus": ["e6"], "implicit": True}
    assert implicit.quotes == ()
    assert "Yes, the expectations" not in m.sources[0].text
    assert m.main_conclusions == ("a3",)


# Generated documents --------------------------------------------------------------------------------------------


def document(*children: str, root: str = '<arggraph id="g1" topic_id="t" stance="pro">') -> str:
    return "<?xml version='1.0' encoding='UTF-8'?>\n" + root + "\n" + "\n".join(children) + "\n</arggraph>\n"


def edus(*texts: str) -> list[str]:
    return [f'<edu id="e{n}"><![CDATA[{text}]]></edu>' for n, text in enumerate(texts, 1)]


def adus(*types: str) -> list[str]:
    return [f'<adu id="a{n}" type="{kind}"/>' for n, kind in enumerate(types, 1)]


def segs(count: int) -> list[str]:
    return [f'<edge id="s{n}" src="e{n}" trg="a{n}" type="seg"/>' for n in range(1, count + 1)]


def edge(id: str, source: str, target: str, kind: str) -> str:
    return f'<edge id="{id}" src="{source}" trg="{target}" type="{kind}"/>'


def three(*edges: str) -> str:
    return document(*edus("Tea is good.", "It is warm.", "It is cheap."), *adus("pro", "pro", "opp"), *segs(3), *edges)


def test_support_and_example_become_arguments() -> None:
    m = loads(three(edge("c1", "a2", "a1", "sup"), edge("c2", "a3", "a1", "exa")))
    assert [(a.id, a.scheme, a.steps[0].premises, a.conclusion) for a in m.arguments] == [
        ("c1", None, ("a2",), "a1"),
        ("c2", "Example", ("a3",), "a1"),
    ]
    assert m.argument("c2").data == {"microtexts": {"type": "exa"}}
    assert m.relations == ()
    assert m.sources[0].text == "Tea is good. It is warm. It is cheap."
    assert [q.text for s in m.statements for q in s.quotes] == ["Tea is good.", "It is warm.", "It is cheap."]


def test_add_links_premises_of_a_support() -> None:
    m = loads(three(edge("c1", "a2", "a1", "sup"), edge("c2", "a3", "c1", "add")))
    assert m.argument("c1").steps[0].premises == ("a2", "a3")
    assert len(m.arguments) == 1


def test_a_linked_rebuttal_is_an_argument_its_premises_support() -> None:
    m = loads(three(edge("c1", "a2", "a1", "reb"), edge("c2", "a3", "c1", "add")))
    assert [a.id for a in m.arguments] == ["c1"]
    assert [(r.source, r.kind.value, r.target) for r in m.relations] == [
        ("a2", "support", "c1"),
        ("a3", "support", "c1"),
        ("c1", "attack", "a1"),
    ]


def test_an_undercut_attacks_the_argument_of_a_support() -> None:
    m = loads(three(edge("c1", "a2", "a1", "sup"), edge("c2", "a3", "c1", "und")))
    (undercut,) = m.relations
    assert (undercut.source, undercut.kind, undercut.target, undercut.target_type) == (
        "a3",
        RelationKind.UNDERCUT,
        "c1",
        ElementType.ARGUMENT,
    )
    assert argmap.evaluate(m).arguments["c1"].value == "out"


def test_a_joint_joins_adjacent_edus_into_one_claim() -> None:
    text = document(
        *edus("Tea is good,", "because it is warm.", "Coffee is better."),
        '<joint id="j1"/>',
        *adus("pro", "opp"),
        edge("s1", "e1", "j1", "seg"),
        edge("s2", "e2", "j1", "seg"),
        edge("s3", "j1", "a1", "seg"),
        edge("s4", "e3", "a2", "seg"),
        edge("c1", "a2", "a1", "reb"),
    )
    m = loads(text)
    assert m.statement("a1").text == "Tea is good, because it is warm."
    assert m.statement("a1").data["microtexts"]["edus"] == ["e1", "e2"]
    assert [q.text for q in m.statement("a1").quotes] == ["Tea is good,", "because it is warm."]


def test_the_corpus_doctype_is_accepted_and_not_fetched(tmp_path: Path) -> None:
    text = three().replace("<arggraph", '<!DOCTYPE arggraph SYSTEM "arggraph.dtd">\n<arggraph', 1)
    assert len(loads(text).statements) == 3
    (tmp_path / "map.xml").write_text(text, encoding="utf-8")
    assert format_for_path(tmp_path / "map.xml") is get_format("microtexts") is FORMATS["microtexts"]
    assert len(argmap.load(tmp_path / "map.xml").statements) == 3


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE arggraph [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">\n' for n in range(1, 10)
    )
    + ']>\n<arggraph id="x"><edu id="e1">&lol9;</edu></arggraph>\n'
)


def test_an_entity_bomb_is_refused_at_once() -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError, match="declarations of its own") as caught:
        loads(BILLION_LAUGHS, path="bomb.xml")
    assert time.perf_counter() - start < 1
    assert (caught.value.path, caught.value.line) == ("bomb.xml", 2)


@pytest.mark.parametrize(
    "text",
    [
        '<!DOCTYPE arggraph [<!ENTITY x SYSTEM "file:///etc/passwd">]><arggraph id="x"><edu>&x;</edu></arggraph>',
        '<!DOCTYPE arggraph [<!ELEMENT arggraph ANY>]><arggraph id="x"/>',
    ],
)
def test_a_doctype_with_declarations_is_refused(text: str) -> None:
    with pytest.raises(ParseError, match="declarations of its own"):
        loads(text)


def test_an_entity_the_external_dtd_would_define_is_refused() -> None:
    text = '<!DOCTYPE arggraph SYSTEM "arggraph.dtd"><arggraph id="x"><edu id="e1">&secret;</edu></arggraph>'
    with pytest.raises(ParseError, match="&secret; is not defined") as caught:
        loads(text)
    assert caught.value.column > 1


def test_text_that_is_not_xml_is_a_located_parse_error() -> None:
    with pytest.raises(ParseError, match="invalid XML: mismatched tag") as caught:
        loads("<arggraph>\n  <edu id='e1'>x</adu>\n</arggraph>", path="bad.xml")
    assert (caught.value.path, caught.value.line, caught.value.column) == ("bad.xml", 2, 19)
    with pytest.raises(ParseError, match="lone surrogate"):
        loads("<arggraph>\ud800</arggraph>")
    with pytest.raises(ParseError, match="no element found"):
        loads("")
    with pytest.raises(ParseError, match="<b> inside <edu>: the elements of an arggraph hold only text") as caught:
        loads('<arggraph id="x">\n<edu id="e1">Tea <b>is</b> good.</edu></arggraph>')
    assert (caught.value.line, caught.value.column) == (2, 18)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("<graph/>", "the root element is <graph>, not <arggraph>", 1),
        (three('<node id="n1"/>'), "unknown element <node>", 12),
        (three('<edu id="a1">x</edu>'), "two elements have the id 'a1'", 12),
        (three("<adu/>"), "<adu> has no id", 12),
        (three('<adu id="a9" type="neutral"/>'), "<adu> has the type 'neutral'; it takes one of pro, opp", 12),
        (three('<edge id="c1" src="a2" type="sup"/>'), "has no trg", 12),
        (three(edge("c1", "a2", "a9", "sup")), "the sup edge refers to 'a9', which is no ADU", 12),
        (three(edge("c1", "a2", "s1", "und")), "the und edge aims at 's1', which is no relation", 12),
        (three(edge("c1", "e1", "e2", "seg")), "a segmentation edge joins 'e1' to 'e2'", 12),
    ],
)
def test_a_bad_document_names_the_element_at_fault(text: str, message: str, line: int) -> None:
    with pytest.raises(MapError, match=message) as caught:
        loads(text, path="bad.xml")
    location = caught.value.problems[0].location
    assert location is not None
    assert location.line == line


def test_an_adu_without_text_is_refused() -> None:
    text = document(*edus("Tea is good."), *adus("pro", "opp"), *segs(1))
    with pytest.raises(MapError, match="the ADU 'a2' has no text"):
        loads(text)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(MapError) as caught:
        loads(three('<node id="n1"/>', '<adu id="a9" type="x"/>'))
    assert len(caught.value.problems) == 2


# Hostile input ----------------------------------------------------------------------------------------------------

_IDS = st.sampled_from(["e1", "e2", "a1", "a2", "j1", "c1", "c2", ""])
_ELEMENT = st.one_of(
    st.builds(lambda id, text: f'<edu id="{id}">{text}</edu>', _IDS, st.sampled_from(["", " ", "Tea.", "&amp;"])),
    st.builds(lambda id: f'<joint id="{id}"/>', _IDS),
    st.builds(lambda id, kind: f'<adu id="{id}" type="{kind}"/>', _IDS, st.sampled_from(["pro", "opp", "x"])),
    st.builds(
        lambda id, source, target, kind: f'<edge id="{id}" src="{source}" trg="{target}" type="{kind}"/>',
        _IDS,
        _IDS,
        _IDS,
        st.sampled_from(["seg", "sup", "exa", "add", "reb", "und", "x"]),
    ),
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(children=st.lists(_ELEMENT, max_size=12))
def test_any_arggraph_raises_only_argmap_errors(children: list[str]) -> None:
    read_or_refuse(lambda: loads(document(*children)))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text())
def test_any_text_after_an_arggraph_start_raises_only_argmap_errors(text: str) -> None:
    read_or_refuse(lambda: loads('<arggraph id="x">' + text))


def test_the_command_refuses_an_entity_bomb_in_one_line(run: Run, tmp_path: Path) -> None:
    (tmp_path / "bomb.xml").write_text(BILLION_LAUGHS, encoding="utf-8")
    line = run("check", "bomb.xml").failed_once()
    assert line.startswith("bomb.xml:2:")
    assert "declarations of its own" in line
    (tmp_path / "tea.xml").write_text(three(edge("c1", "a2", "a1", "sup")), encoding="utf-8")
    assert run("render", "tea.xml", "-o", "tea.dot").status == 0
    assert "Tea is good." in (tmp_path / "tea.dot").read_text(encoding="utf-8")
