"""Diagrams in HTML: notes (tooltips, names, anchors, links), the auto theme's colours, the viewer's frame, the page."""

from __future__ import annotations

import base64
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

from argmap import ArgumentMap, ElementType, MapBuilder, OptionError, Quote, Source, Statement
from argmap.evaluate import evaluate
from argmap.formats import load
from argmap.render import pipe
from argmap.render.dot import drawing
from argmap.render.html import assets, css_length, figure, frame, page, prepare, script, stylesheet
from argmap.render.notes import EDGE_VERBS, anchor, map_name, notes
from argmap.render.theme import MARKED, MARKERS, THEMES, Theme, property_name
from argmap.strategies import argument_maps

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kim-in-russia.argdown"
SVG = "{http://www.w3.org/2000/svg}"
# What Graphviz calls nodes, clusters, edges and graphs: never shown to a reader.
INTERNAL = re.compile(r"^(?:%\d+|[saj]\d+|cluster_\d+|legend|\w+->\w+)$")


def small_map() -> ArgumentMap:
    """Every kind of edge a reader is told of, quotes from a source, tags, a section, an argument sharing an id."""
    b = MapBuilder(title="Tea & <Health>")
    section = b.section("Health reasons", id="health")
    tea = b.statement("Tea is good for you.", id="tea", tags=["drinks", "long tag"])
    b.statement("Tea has antioxidants.", id="anti", section=section)
    b.argument(premises=["anti"], conclusion=tea, id="tea", text="From antioxidants")
    caffeine = b.statement("Tea keeps you awake at night.", id="caffeine")
    b.attack(caffeine, tea, target_type="statement")
    b.undercut(b.statement("Decaf exists.", id="decaf"), "tea")
    b.support(b.statement("Green tea is popular.", id="green"), tea, target_type="statement")
    m = b.build()
    quoted = [
        attrs.evolve(s, quotes=(Quote(source="essay", text="Tea is good"),)) if s.id == "tea" else s
        for s in m.statements
    ]
    essay = Source(id="essay", title="An essay", text="Tea is good for you, they say.\n\nBut caffeine...")
    return attrs.evolve(m, statements=quoted, sources=(essay,))


def svg_of(m: ArgumentMap, **options: object) -> ET.Element:
    """The inline SVG of ``m``'s figure, parsed."""
    html = figure(m, **options)  # type: ignore[arg-type]
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    return ET.fromstring(svg)


def titles(root: ET.Element, kind: str) -> dict[str, str]:
    """The titles of the groups of class ``argmap-KIND``, by their id."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        if f"argmap-{kind}" in group.get("class", "").split():
            title = group.find(f"{SVG}title")
            assert title is not None, group.get("id")
            found[group.get("id", "")] = title.text or ""
    return found


# Notes ---------------------------------------------------------------------------------------------------------


def test_every_element_is_named_by_its_text_id_tags_and_quotes() -> None:
    m = small_map()
    found = notes(drawing(m, view="premise"))
    tea = found.nodes["s0"]
    assert tea.title.splitlines() == [
        "Tea is good for you.",
        "[tea] #drinks #(long tag)",
        "Main conclusion",
        "Quote from An essay: “Tea is good”",
    ]
    assert (tea.kind, tea.anchor, tea.status) == ("statement", "tea-health.tea", None)
    argument = next(note for note in found.nodes.values() if note.kind == "argument")
    assert argument.title.splitlines() == ["Argument <tea>", "From antioxidants", "Concludes: “Tea is good for you.”"]
    assert argument.anchor == "tea-health.argument.tea"
    assert found.nodes["cluster_0"].title == "Section: Health reasons"


def test_every_edge_names_its_kind() -> None:
    m = small_map()
    edges = [note.title for note in notes(drawing(m)).edges]
    # The debate view shows the premise inside its argument: no edge from it.
    assert edges == [
        "<tea> concludes “Tea is good for you.”",
        "“Tea keeps you awake at night.” attacks “Tea is good for you.”",
        "“Decaf exists.” undercuts <tea>",
        "“Green tea is popular.” supports “Tea is good for you.”",
    ]
    premise_view = [note.title for note in notes(drawing(m, view="premise")).edges]
    assert premise_view[:2] == [
        "“Tea has antioxidants.” is a premise of a step to <tea>",
        "<tea> concludes “Tea is good for you.”",
    ]
    assert set(EDGE_VERBS) >= {kind for _, _, kind in drawing(m, view="premise").edges}


def test_a_labelling_adds_each_status_and_its_reason() -> None:
    m = small_map()
    labelling = evaluate(m)
    found = notes(drawing(m, labelling=labelling))
    tea = found.nodes["s0"]
    assert tea.status == labelling.label(ElementType.STATEMENT, "tea").value
    assert tea.title.splitlines()[-1].startswith("Status (grounded): statement tea is ")
    assert found.nodes["legend"].title == "Legend: grounded semantics"


def test_anchors_are_unique_and_hold_no_space() -> None:
    ids = ["a b", "a.b", "a%20b", "a_b", "Ä", "argument"]
    anchors = {anchor("m", type, id) for type in ElementType for id in ids}
    assert len(anchors) == 2 * len(ids)
    assert not any(re.search(r"\s", value) for value in anchors)
    assert anchor("m", ElementType.STATEMENT, "a b") == "m.a%20b"
    assert anchor("m", ElementType.ARGUMENT, "x.y") == "m.argument.x%2Ey"


@pytest.mark.parametrize(
    ("text", "name"),
    [("Kim in Russia", "kim-in-russia"), ("kim-in-russia", "kim-in-russia"), ("2024: Über!", "ber"), ("", "map")],
)
def test_map_names_are_made_of_titles_and_stems(text: str, name: str) -> None:
    assert map_name(text) == name


@pytest.mark.parametrize("name", ["", "1map", "a b", "a.b", "<x>"])
def test_a_bad_map_name_is_refused(name: str) -> None:
    with pytest.raises(OptionError, match="a map's name must be"):
        notes(drawing(small_map()), name=name)


# Inline SVG ----------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_no_internal_name_reaches_a_reader() -> None:
    m = small_map()
    for options in ({}, {"view": "premise"}, {"labelling": evaluate(m)}):
        root = svg_of(m, **options)
        shown = [element.text or "" for element in root.iter(f"{SVG}title")]
        assert shown
        assert not [text for text in shown if INTERNAL.match(text.strip())]


@pytest.mark.dot
def test_nodes_carry_their_anchor_and_title_and_edges_their_kind() -> None:
    root = svg_of(small_map(), name="tea")
    statements = titles(root, "statement")
    assert statements["tea.tea"].startswith("Tea is good for you.\n[tea]")
    assert set(statements) == {f"tea.{id}" for id in ("tea", "caffeine", "decaf", "green")}
    assert titles(root, "argument") == {
        "tea.argument.tea": "Argument <tea>\nFrom antioxidants\nConcludes: “Tea is good for you.”"
    }
    edges = list(titles(root, "edge").values())
    assert len(edges) == 4
    assert any(" undercuts " in title for title in edges)
    assert root.get("role") == "graphics-document"
    for group in root.iter(f"{SVG}g"):
        if "argmap-statement" in group.get("class", ""):
            assert group.get("role") == "graphics-symbol"


@pytest.mark.dot
def test_a_node_links_where_its_url_says_and_never_to_script() -> None:
    def url(name: str, element: object) -> str | None:
        assert name == "tea-health"
        if not isinstance(element, Statement):
            return None
        return {"tea": "https://example.org/tea", "green": "javascript:alert(1)"}.get(element.id)

    root = svg_of(small_map(), node_url=url)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["https://example.org/tea"]


@pytest.mark.dot
def test_the_auto_theme_leaves_no_marker_and_classes_every_colour() -> None:
    html = figure(small_map(), labelling=evaluate(small_map()))
    assert not any(marker in html.lower() for marker in MARKERS)
    root = svg_of(small_map(), labelling=evaluate(small_map()))
    coloured = [e for e in root.iter() if e.get("fill", "none") not in ("none", "transparent") or e.get("stroke")]
    for element in coloured:
        classes = element.get("class", "")
        for attribute in ("fill", "stroke"):
            value = element.get(attribute)
            if value not in (None, "none", "transparent"):
                assert f"argmap-{attribute}-" in classes, (element.tag, element.attrib)
    # The class's colour without a stylesheet is the light theme's.
    text = next(e for e in root.iter(f"{SVG}text"))
    assert text.get("fill") == THEMES["light"].text
    assert "argmap-fill-text" in text.get("class", "")


@pytest.mark.dot
def test_a_named_theme_is_drawn_as_itself() -> None:
    html = figure(small_map(), theme="dark")
    assert 'class="argmap-viewer argmap-dark"' in html
    assert THEMES["dark"].statement_fill in html
    assert "argmap-fill-" not in html


# Colours -------------------------------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


CANVAS = {"light": "#ffffff", "dark": "#0d1117"}


def text_grounds(theme: Theme, canvas: str) -> Iterator[str]:
    """Everything text is drawn on: the canvas (titles, rules), every fill of a box."""
    yield canvas
    for name in ("statement_fill", "argument_fill", "cluster_fill", "in_fill", "out_fill", "undec_fill"):
        yield getattr(theme, name)


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_text_and_edges_keep_their_contrast_in_both_modes(mode: str) -> None:
    theme, canvas = THEMES[mode], CANVAS[mode]
    assert f"--argmap-canvas:{canvas}" in stylesheet()
    for ground in text_grounds(theme, canvas):
        assert contrast(theme.text, ground) >= 4.5, ground
    # Inference rules are written in the support colour, beside edges, on the canvas or a section.
    for ground in (canvas, theme.cluster_fill):
        assert contrast(theme.support, ground) >= 4.5
        for edge in (theme.support, theme.attack, theme.neutral, theme.argument_border):
            assert contrast(edge, ground) >= 3, (edge, ground)


def test_the_stylesheet_follows_every_dark_toggle_and_holds_both_themes() -> None:
    css = stylesheet()
    for toggle in (
        'html[data-theme="dark"]',
        'body[data-theme="dark"]',
        '[data-md-color-scheme="slate"]',
        'body[data-jp-theme-light="false"]',
        "@media (prefers-color-scheme: dark)",
    ):
        assert toggle in css
    for mode in ("light", "dark"):
        assert f"{property_name('statement_fill')}:{THEMES[mode].statement_fill}" in css
    for field in MARKERS.values():
        assert f".argmap-fill-{field.replace('_', '-')}{{fill:var({property_name(field)})}}" in css
    assert MARKED.background == "transparent"


# The frame and the assets -------------------------------------------------------------------------------------


def test_the_frame_scrolls_by_itself_and_takes_only_lengths() -> None:
    html = frame("<svg/>", label="A <map>", max_width="40rem", max_height="50vh")
    assert html == (
        '<div class="argmap-viewer" style="max-width:40rem;--argmap-max-height:50vh">'
        '<div class="argmap-frame" tabindex="0" role="group" aria-label="A &lt;map&gt;"><svg/></div></div>'
    )
    for bad in ("40", "40rem;color:red", "expression(1)", "1e3px", "", "calc(1px)"):
        with pytest.raises(OptionError, match="CSS length"):
            css_length(bad, "max_width")
    with pytest.raises(OptionError, match="unknown theme"):
        frame("<svg/>", label="x", theme="blue")


def test_the_assets_are_small_and_reach_no_network() -> None:
    assert len(script().encode()) < 12_000
    for text in (script(), stylesheet()):
        assert "http:" not in text
        assert "https:" not in text
        assert "import(" not in text
        assert "fetch(" not in text
    assert assets().startswith("<style>")
    assert assets().endswith("</script>")


def test_prepared_drawings_are_plain_data() -> None:
    import pickle

    prepared = prepare(small_map(), labelling=evaluate(small_map()))
    assert pickle.loads(pickle.dumps(prepared)) == prepared


def test_figures_are_the_same_under_every_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "from argmap.formats import load; from argmap.render.html import prepare; from argmap.evaluate import evaluate;"
        "m = load('seeds/kim-in-russia.argdown'); p = prepare(m, labelling=evaluate(m));"
        "print(p.source, p.notes)"
    )
    assert len(hash_seed_outputs(script)) == 1


# The page of one map ------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_the_page_is_self_contained_and_forbids_the_network() -> None:
    m = load(SEED)
    html = page(m)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).replace("&#x27;", "'").split(";"))
    assert rules["default-src"] == "'none'"
    assert "connect-src" not in rules  # covered by default-src 'none'
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for text in scripts:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in rules["script-src"]
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert html == page(m)


@pytest.mark.dot
def test_the_page_marks_each_quoted_passage_with_its_claims() -> None:
    m = small_map()
    html = page(m, name="tea")
    mark = '<mark class="argmap-quote" tabindex="0" data-argmap-claims="tea.tea">Tea is good</mark>'
    assert f"<h2>An essay</h2><p>{mark}" in html
    assert " for you, they say.</p>\n<p>But caffeine...</p>" in html


@pytest.mark.dot
def test_overlapping_quotes_mark_every_piece_with_every_claim() -> None:
    b = MapBuilder(title="T")
    b.statement("A.", id="a")
    b.statement("B.", id="b")
    m = b.build()
    quotes = {"a": "one two three", "b": "two three four"}
    statements = [attrs.evolve(s, quotes=(Quote(source="src", text=quotes[s.id]),)) for s in m.statements]
    m = attrs.evolve(m, statements=statements, sources=(Source(id="src", text="one two three four"),))
    assert (
        '<p><mark class="argmap-quote" tabindex="0" data-argmap-claims="x.a">one </mark>'
        '<mark class="argmap-quote" tabindex="0" data-argmap-claims="x.a x.b">two three</mark>'
        '<mark class="argmap-quote" tabindex="0" data-argmap-claims="x.b"> four</mark></p>'
    ) in page(m, name="x")


# Files --------------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_standalone_svg_names_every_node_and_follows_the_mode_with_auto() -> None:
    m = load(SEED)
    light = pipe(m, "svg")
    assert light.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    root = ET.fromstring(light)
    assert not [t.text for t in root.iter(f"{SVG}title") if INTERNAL.match((t.text or "").strip())]
    drawn = drawing(m)
    assert len(titles(root, "statement")) == sum(type is ElementType.STATEMENT for type, _ in drawn.nodes.values())
    assert b"<style>" not in light
    auto = pipe(m, "svg", theme="auto")
    assert b"<style>" in auto
    assert b"prefers-color-scheme: dark" in auto


@pytest.mark.dot
@settings(max_examples=25)
@given(argument_maps(max_statements=10))
def test_any_map_becomes_a_well_formed_figure_with_a_note_for_every_node(m: ArgumentMap) -> None:
    html = figure(m, labelling=evaluate(m))
    root = ET.fromstring(html)  # the whole figure is well-formed XML too
    drawn = drawing(m)
    shown = {
        g.get("id")
        for g in root.iter(f"{SVG}g")
        if {"argmap-statement", "argmap-argument"} & set(g.get("class", "").split())
    }
    assert len(shown) == len(drawn.nodes)
    svg = root.find(f".//{SVG}svg")
    assert svg is not None
    assert not [t.text for t in svg.iter(f"{SVG}title") if INTERNAL.match((t.text or "").strip())]


def test_html_only_options_are_refused_elsewhere() -> None:
    with pytest.raises(OptionError, match="max_width applies to HTML output only"):
        pipe(small_map(), "dot", max_width="10rem")


@pytest.mark.dot
def test_a_passage_quoted_by_a_premise_drawn_inside_its_argument_selects_the_argument() -> None:
    b = MapBuilder(title="T")
    b.source("s", text="Tea is good. It has antioxidants.")
    tea = b.statement("Tea is good.", id="tea", quote=("s", "Tea is good"))
    anti = b.statement("Tea has antioxidants.", id="anti", quote=("s", "It has antioxidants"))
    b.argument([anti], tea, id="health")
    html = page(b.build(), name="t")
    assert 'data-argmap-claims="t.argument.health">It has antioxidants</mark>' in html
    assert 'data-argmap-claims="t.tea">Tea is good</mark>' in html
    premise_view = page(b.build(), name="t", view="premise")
    assert 'data-argmap-claims="t.anti">It has antioxidants</mark>' in premise_view
