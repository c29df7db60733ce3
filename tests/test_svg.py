"""SVG for web pages: prefixed ids, an accessible title and description, and nothing that could run or leak."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import MapBuilder, OptionError, RenderError
from argmap.render.svg import describe, escape, inline_svg, is_safe_href
from argmap.strategies import argument_maps, statement_texts

SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = b"""<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- a comment -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="20pt"
     viewBox="0 0 10 20" onload="alert(1)" style="x">
<defs><linearGradient id="l_0"><stop offset="0" stop-color="red"/></linearGradient></defs>
<g id="graph0" class="graph"><title>%3</title>
<script>alert(2)</script>
<foreignObject><div>hidden</div></foreignObject>
<image xlink:href="https://example.org/x.png"/>
<a xlink:href="javascript:alert(3)" xlink:title="tip"><text onclick="alert(4)">bad link</text></a>
<a xlink:href="java&#9;script:alert(5)"><text>tabbed</text></a>
<a xlink:href="https://example.org/?a=1&amp;b=2"><text>good link</text></a>
<a xlink:href="#node1"><text>inner link</text></a>
<a xlink:href="#missing"><text>dangling link</text></a>
<g id="node1" class="node"><title>s0</title>
<path fill="url(#l_0)" stroke="url(#nowhere)" d="M0,0"/>
<text>a &lt;b&gt; &amp; &quot;c&quot;</text>
</g>
</g>
</svg>
"""


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_ids_and_references_are_prefixed() -> None:
    root = parse(inline_svg(HOSTILE, id_prefix="d2", title="T", description="D"))
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert ids == ["d2-title", "d2-desc", "d2-l_0", "d2-graph0", "d2-node1"]
    path = next(root.iter(f"{SVG}path"))
    assert path.get("fill") == "url(#d2-l_0)"
    assert path.get("stroke") == "none"  # a reference to no element of this diagram
    hrefs = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert hrefs == [None, None, "https://example.org/?a=1&b=2", "#d2-node1", None]


def test_the_diagram_is_an_image_named_by_its_title_and_description() -> None:
    root = parse(inline_svg(HOSTILE, id_prefix="d", title="A <map>", description="It shows & tells."))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "d-title d-desc"
    assert [root[0].tag, root[0].text] == [f"{SVG}title", "A <map>"]
    assert [root[1].tag, root[1].text] == [f"{SVG}desc", "It shows & tells."]
    # Graphviz's own titles name generated nodes (s0, %3): they go.
    assert [t.text for t in root.iter(f"{SVG}title")] == ["A <map>"]
    assert {k: root.get(k) for k in ("width", "height", "viewBox")} == {
        "width": "10pt",
        "height": "20pt",
        "viewBox": "0 0 10 20",
    }


def test_without_a_description_only_the_title_names_it() -> None:
    root = parse(inline_svg(HOSTILE, id_prefix="d", title="T"))
    assert root.get("aria-labelledby") == "d-title"
    assert list(root.iter(f"{SVG}desc")) == []


def test_nothing_active_survives() -> None:
    svg = inline_svg(HOSTILE, id_prefix="d", title="T", description="D")
    for banned in ("script", "alert", "foreignObject", "hidden", "<image", "onload", "onclick", "style=", "xlink"):
        assert banned not in svg
    # What argmap keeps of the text is text, escaped once.
    assert "<text>a &lt;b&gt; &amp; &quot;c&quot;</text>" in svg


def test_bad_input_is_refused() -> None:
    with pytest.raises(OptionError, match="id_prefix"):
        inline_svg(HOSTILE, id_prefix="1-bad", title="T")
    with pytest.raises(OptionError, match="id_prefix"):
        inline_svg(HOSTILE, id_prefix='x" onload="alert(1)', title="T")
    with pytest.raises(RenderError, match="cannot be read"):
        inline_svg(b"<svg", id_prefix="d", title="T")
    with pytest.raises(RenderError, match="no <svg>"):
        inline_svg(b"<html/>", id_prefix="d", title="T")


def test_deep_nesting_needs_no_recursion() -> None:
    depth = 5000
    svg = '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * depth + "<text>x</text>" + "</g>" * depth + "</svg>"
    out = inline_svg(svg, id_prefix="d", title="T")
    assert out.count("<g>") == depth


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("HTTPS://EXAMPLE.ORG", True),
        ("page.html#x", True),
        ("/a/b", True),
        ("#x", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("http://[::1", False),
    ],
)
def test_safe_hrefs(url: str, safe: bool) -> None:
    assert is_safe_href(url) is safe


def test_escape_leaves_only_text() -> None:
    assert escape("<a href='x'>&\"\x00\x1f</a>") == "&lt;a href=&#x27;x&#x27;&gt;&amp;&quot;&lt;/a&gt;"


def test_describe_says_what_a_diagram_shows() -> None:
    b = MapBuilder(title="Tea")
    b.statement("Drink tea.", id="tea")
    b.statement("Tea is healthy.", id="healthy")
    b.argument(["healthy"], "tea", id="health")
    b.statement("Tea keeps you awake.", id="awake")
    b.attack("awake", "tea")
    m = b.build()
    assert describe(m) == (
        "Argument map “Tea” with 3 statements, 1 argument and 1 relation. Main conclusion: “Drink tea.”."
    )
    assert describe(m, argmap.evaluate(m)).endswith(
        "Evaluated with grounded semantics: 2 accepted, 2 rejected, 0 undecided."
    )
    assert describe(MapBuilder().build()) == "Argument map with 0 statements, 0 arguments and 0 relations."


def test_describe_quotes_a_few_main_conclusions_and_counts_the_rest() -> None:
    b = MapBuilder()
    for n in range(5):
        b.statement(f"Claim {n}. " + "word " * 40, id=f"c{n}")
        b.statement(f"Reason {n}.", id=f"r{n}")
        b.support(f"r{n}", f"c{n}")
    text = describe(b.build())
    assert text.count("“Claim") == 3
    assert "and 2 more." in text
    assert "…”" in text  # long conclusions are cut


@pytest.mark.dot
@settings(max_examples=25)
@given(
    m=argument_maps(max_statements=6, max_arguments=3, max_relations=5, text=statement_texts(max_size=30)),
    prefix=st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True),
)
def test_any_drawn_map_inlines_safely(m: argmap.ArgumentMap, prefix: str) -> None:
    svg = inline_svg(argmap.pipe(m, "svg"), id_prefix=prefix, title=m.title, description=describe(m))
    root = parse(svg)  # well-formed, whatever the texts held
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    assert all(id.startswith(f"{prefix}-") for id in ids)
    # User text appears only as character data of text, title and desc elements.
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        if element.text and element.text.strip():
            assert tag in ("text", "title", "desc")
        assert all(not key.startswith("on") for key in element.attrib)
