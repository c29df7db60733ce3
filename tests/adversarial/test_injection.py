"""User text never becomes markup or code: labels, ids, titles and tooltips in DOT, SVG, HTML and Mermaid stay
text, links are only http, https or relative, and the model refuses what XML cannot hold.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samples import layout, nodes

import argmap
from argmap import ArgumentMap, MapBuilder, MapError, Statement
from argmap.render.svg import is_safe_href

#: Breaks out of a DOT string or HTML label, out of XML text or an attribute, and into Mermaid's syntax.
DOT_BREAK = '<a>]; evil [label="x"]; b [label=<c>'
XML_BREAK = '<svg onload=alert(1)> ]]><!-- --> "q" & <script>alert(2)</script>'
ATTRIBUTE_BREAK = 'x" onload="alert(1)'
MERMAID_BREAK = 'x"]\nclick s0 href "javascript:alert(1)"\n%%{init: {"securityLevel": "loose"}}%%'


def hostile_map() -> ArgumentMap:
    b = MapBuilder(title="<script>alert(0)</script>")
    s = b.statement(DOT_BREAK, id=ATTRIBUTE_BREAK, tags=["<b>", 'a"b'])
    t = b.statement(XML_BREAK, id="<b>")
    u = b.statement(MERMAID_BREAK.replace("\n", " "), id="u")
    b.attack(s, t)
    b.argument([u], t, id='A"]; x [', text="</text><script>alert(3)</script>")
    return b.build()


@pytest.mark.dot
def test_dot_draws_exactly_the_maps_nodes_with_their_text() -> None:
    drawn = nodes(layout(argmap.to_dot(hostile_map())))
    # The premise u is drawn inside its argument, in the debate view.
    assert sorted(drawn) == ["a0", "s0", "s1"]
    assert drawn["s0"]["label"].startswith(DOT_BREAK + "\\n")  # dot keeps escapes in its labels


#: A DOT attribute whose value is a quoted string (escapes inside) or a bare word.
ATTRIBUTE = r'\w+=(?:"(?:[^"\\]|\\.)*"|[^\s\]"]+)'
LIST = rf"\[{ATTRIBUTE}(?: {ATTRIBUTE})*\]"


def test_every_line_of_dot_is_a_node_or_an_edge_that_argmap_names() -> None:
    head, _, body = argmap.to_dot(hostile_map()).source.partition("\tedge [")
    assert head.count("\n") == 3  # digraph, graph and node defaults
    assert body.endswith("\n}\n")
    statements = body.removesuffix("\n}\n").split("\n\t")[1:]
    assert len(statements) == 5
    for statement in statements:
        assert re.fullmatch(rf"[a-z]\w* {LIST}|[a-z]\w* -> [a-z]\w*(?: {LIST})?", statement, flags=re.DOTALL)
    assert "comment=" not in body


@pytest.mark.dot
def test_svg_is_well_formed_and_nothing_in_it_runs() -> None:
    svg = argmap.pipe(hostile_map(), "svg").decode()
    root = ET.fromstring(svg)
    for element in root.iter():
        assert element.tag.rpartition("}")[2] not in ("script", "foreignObject", "iframe")
        assert not [name for name in element.attrib if name.lower().startswith("on")]
    texts = "".join(root.itertext())
    assert "<script>alert(2)</script>" in texts  # shown as the text it is
    assert ATTRIBUTE_BREAK in texts  # the id, in the tooltip


@pytest.mark.dot
def test_the_html_page_shows_user_text_only_escaped(tmp_path: Path) -> None:
    page = argmap.render(hostile_map(), tmp_path / "m.html").read_text(encoding="utf-8")
    for text in ("<script>alert(0)</script>", "<script>alert(2)</script>", "<svg onload=alert(1)>"):
        assert text not in page
        assert html.escape(text, quote=False) in page


def test_mermaid_output_has_no_line_the_user_wrote() -> None:
    m = hostile_map()
    text = argmap.dumps(m, "mermaid")
    lines = text.splitlines()
    assert not [line for line in lines if line.strip().startswith(("click", "%%{", "style", "classDef evil"))]
    assert "javascript:" not in text
    assert "<script" not in text


@pytest.mark.parametrize(
    ("href", "safe"),
    [
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("https://example.org/a?b=1&c=2", True),
        ("../maps.html#tea", True),
    ],
)
def test_only_web_and_relative_links_are_kept(href: str, safe: bool) -> None:
    assert is_safe_href(href) is safe


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\x00", "\x0b", "\x1b", "\ud800"])
def test_characters_xml_cannot_hold_are_refused_by_the_model(char: str) -> None:
    b = MapBuilder(title="T")
    b.statement(f"A{char}B.", id="a")
    with pytest.raises(MapError, match=f"U\\+{ord(char):04X} at offset 1"):
        b.build()


@given(st.text(st.characters(), min_size=1, max_size=20))
def test_every_text_the_model_accepts_is_xml_text(text: str) -> None:
    try:
        ArgumentMap(statements=[Statement(id="s", text=text)], title=text)
    except MapError:
        return
    ET.fromstring(f"<t a={html.escape(text, quote=True)!r}>{html.escape(text)}</t>".replace("'", '"'))
