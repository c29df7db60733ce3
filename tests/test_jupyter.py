"""Jupyter display: the zoomable viewer with its assets, an SVG image and a summary, the summary alone where
Graphviz is missing; options through argmap.show(); checks and labellings as HTML tables."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest

import argmap
from argmap import MapBuilder
from argmap.jupyter import HTML, PLAIN, SVG, Diagram, diagnostics_html, labelling_html, mimebundle, show
from argmap.render.html import assets, stylesheet

SUMMARY = (
    "Argument map “Tea” with 2 statements, 1 argument and 0 relations. Main conclusion: “Drink <tea> & be merry.”."
)


@pytest.fixture
def tea() -> argmap.ArgumentMap:
    b = MapBuilder(title="Tea")
    b.statement("Drink <tea> & be merry.", id="tea")
    b.statement("Tea is healthy.", id="healthy")
    b.argument(["healthy"], "tea", id="health")
    return b.build()


@pytest.fixture
def cycle() -> argmap.ArgumentMap:
    """Three statements that attack each other in a ring: grounded leaves them open, stable has no labelling."""
    b = MapBuilder(title="Ring")
    for id in "abc":
        b.statement(f"{id.upper()} holds.", id=id)
    for source, target in ("ab", "bc", "ca"):
        b.attack(source, target)
    return b.build()


def viewers(html: str) -> list[str]:
    return re.findall(r'<div class="argmap-viewer[^"]*"[^>]*>', html)


@pytest.mark.dot
def test_the_bundle_holds_the_viewer_an_image_and_a_summary(tea: argmap.ArgumentMap) -> None:
    bundle = mimebundle(tea)
    assert set(bundle) == {HTML, SVG, PLAIN}
    assert bundle[PLAIN] == SUMMARY
    html = bundle[HTML]
    # The assets come first, once, then the viewer that follows the notebook's theme.
    assert html.startswith(assets())
    assert html.count("<script>") == 1
    assert viewers(html) == ['<div class="argmap-viewer">']
    assert '<div class="argmap-frame" tabindex="0" role="group" aria-label="Tea">' in html
    assert "Drink &lt;tea&gt; &amp; be merry." in html
    # Every node has its anchor, made of the map's title, and its note as tooltip.
    assert re.search(r'<g id="tea\.tea" [^>]*class="node argmap-statement"', html)
    assert "<title>Drink &lt;tea&gt; &amp; be merry.\n[tea]\nMain conclusion</title>" in html
    root = ET.fromstring(bundle[SVG].encode())
    assert root.get("role") == "graphics-document"
    assert root[0].text == "Tea"
    assert root[1].text == SUMMARY


def test_the_stylesheet_follows_jupyterlabs_dark_theme() -> None:
    assert 'body[data-jp-theme-light="false"] .argmap-viewer:not(.argmap-light)' in stylesheet()


@pytest.mark.dot
def test_ids_differ_between_maps_and_repeat_for_the_same_map(tea: argmap.ArgumentMap) -> None:
    other = MapBuilder(title="Coffee")
    other.statement("Drink coffee.")

    def ids(m: argmap.ArgumentMap) -> set[str]:
        return set(re.findall(r'\bid="(argmap-[^"]*)"', mimebundle(m)[HTML]))

    assert ids(tea) == ids(tea)
    assert ids(tea)
    assert not ids(tea) & ids(other.build())


@pytest.mark.dot
def test_the_output_is_the_same_under_every_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    script = (
        "import argmap, hashlib; m = argmap.load('seeds/kim-in-russia.argdown'); "
        "b = argmap.show(m, evaluate='grounded')._repr_mimebundle_(); "
        "print(hashlib.sha256(repr(sorted(b.items())).encode()).hexdigest())"
    )
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1
    (output,) = outputs
    assert re.fullmatch(r"[0-9a-f]{64}\n", output)


@pytest.mark.parametrize(
    ("include", "exclude"),
    [({PLAIN}, None), (None, {SVG, HTML}), ({PLAIN, "text/markdown"}, {SVG})],
)
def test_include_and_exclude_choose_what_is_drawn(
    tea: argmap.ArgumentMap, monkeypatch: pytest.MonkeyPatch, include: set[str] | None, exclude: set[str] | None
) -> None:
    # Nothing asks for the diagram, so Graphviz must not run at all.
    monkeypatch.setattr("argmap.jupyter.run_dot", lambda *args, **kwargs: pytest.fail("dot ran"))
    assert mimebundle(tea, include, exclude) == {PLAIN: SUMMARY}
    assert show(tea)._repr_mimebundle_(include, exclude) == {PLAIN: SUMMARY}


@pytest.mark.dot
def test_one_representation_alone_can_be_asked_for(tea: argmap.ArgumentMap) -> None:
    assert set(mimebundle(tea, include={HTML})) == {HTML}
    assert set(mimebundle(tea, exclude={HTML, PLAIN})) == {SVG}


def test_without_dot_the_summary_says_why_and_nothing_raises(
    tea: argmap.ArgumentMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    bundle = mimebundle(tea)
    assert set(bundle) == {PLAIN}
    assert bundle[PLAIN].startswith(SUMMARY + "\n(No diagram: Graphviz executable 'dot' not found")
    assert "Traceback" not in bundle[PLAIN]
    diagram = show(tea)
    assert diagram._repr_html_() is None
    assert set(diagram._repr_mimebundle_()) == {PLAIN}


@pytest.mark.dot
def test_maps_show_themselves_in_jupyter(tea: argmap.ArgumentMap) -> None:
    assert tea._repr_mimebundle_() == mimebundle(tea)
    assert set(tea._repr_mimebundle_()) == {HTML, SVG, PLAIN}
    assert set(tea._repr_mimebundle_(include={PLAIN})) == {PLAIN}


def test_show_is_exported_by_the_package() -> None:
    assert argmap.show is show
    assert "show" in argmap.__all__


@pytest.mark.dot
def test_show_takes_the_drawing_options(tea: argmap.ArgumentMap) -> None:
    diagram = show(
        tea, view="premise", direction="LR", wrap=0, theme="dark", max_width="40rem", max_height="300px", name="brew"
    )
    assert isinstance(diagram, Diagram)
    assert "rankdir=LR" in diagram.prepared.source
    html = diagram._repr_html_()
    assert html is not None
    assert viewers(html) == [
        '<div class="argmap-viewer argmap-dark" style="max-width:40rem;--argmap-max-height:300px">'
    ]
    assert re.search(r'<g id="brew\.tea"', html)
    assert repr(diagram) == SUMMARY
    # Unwrapped, the statement's text stays on one line of the drawing.
    assert ">Drink &lt;tea&gt; &amp; be merry.</text>" in html


@pytest.mark.dot
def test_show_evaluates_by_semantics_or_takes_a_labelling(tea: argmap.ArgumentMap, cycle: argmap.ArgumentMap) -> None:
    by_name = show(cycle, evaluate="grounded")
    given = show(cycle, evaluate=argmap.evaluate(cycle, "grounded"))
    assert by_name.prepared == given.prepared
    html = by_name._repr_html_()
    assert html is not None
    assert ">grounded semantics</text>" in html
    assert "Status (grounded): statement a is UNDEC: no attacker is IN" in html
    assert "0 accepted, 0 rejected, 3 undecided" in by_name.prepared.description
    assert "Status (" not in (show(tea)._repr_html_() or "")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"view": "sideways"}, "unknown view 'sideways'"),
        ({"direction": "up"}, "unknown direction 'up'"),
        ({"wrap": -1}, "wrap must be a number of characters"),
        ({"theme": "neon"}, "unknown theme 'neon'"),
        ({"evaluate": "best"}, "unknown semantics 'best'"),
        ({"max_width": "wide"}, "max_width must be a CSS length"),
        ({"max_height": "1px;color:red"}, "max_height must be a CSS length"),
        ({"name": "two words"}, "a map's name must be a letter"),
        ({"timeout": 0}, "the timeout must be a positive number of seconds, not 0"),
    ],
)
def test_show_refuses_bad_options_at_once(tea: argmap.ArgumentMap, options: dict[str, object], message: str) -> None:
    with pytest.raises(argmap.OptionError, match=re.escape(message)):
        show(tea, **options)  # type: ignore[arg-type]


def test_show_refuses_a_labelling_of_another_map(tea: argmap.ArgumentMap, cycle: argmap.ArgumentMap) -> None:
    with pytest.raises(argmap.OptionError, match="the labelling is of another map"):
        show(tea, evaluate=argmap.evaluate(cycle))


@pytest.mark.dot
def test_a_hard_evaluation_past_the_timeout_is_shown_under_grounded_semantics() -> None:
    pairs = "\n\n".join(f"[p{n}]: P{n}.\n  >< [q{n}]: Q{n}." for n in range(40))
    hard = argmap.loads(f"{pairs}\n\n[c0]: C0.\n  - [c1]: C1.\n    - [c2]: C2.\n      - [c0]\n", format="argdown")
    html = show(hard, evaluate="stable", timeout=0.5)._repr_html_()
    assert html is not None
    assert ">grounded semantics</text>" in html


def test_a_semantics_without_labelling_is_said_at_once(cycle: argmap.ArgumentMap) -> None:
    with pytest.raises(argmap.NoLabelling, match="no stable labelling"):
        show(cycle, evaluate="stable")


# Tables ------------------------------------------------------------------------------------------------------


def cells(html: str) -> list[list[str]]:
    return [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", html) if "<td>" in row]


def test_a_labelling_is_a_table_of_statuses_and_reasons(tea: argmap.ArgumentMap, cycle: argmap.ArgumentMap) -> None:
    html = labelling_html(argmap.evaluate(tea))
    assert html.startswith('<table class="argmap-labelling"><caption>Grounded labelling of “Tea”: 3 accepted, ')
    assert re.findall(r'<th scope="col">(.*?)</th>', html) == ["Element", "Text", "Status", "Why"]
    assert cells(html) == [
        ["[tea]", "Drink &lt;tea&gt; &amp; be merry.", "IN", "statement tea is IN: nothing attacks it."],
        ["[healthy]", "Tea is healthy.", "IN", "statement healthy is IN: nothing attacks it."],
        ["&lt;health&gt;", "", "IN", "argument health is IN: all it needs is IN, and every attacker is OUT."
         "<br>- it needs statement healthy, which is IN.<br>- it needs statement tea, which is IN."],
    ]  # fmt: skip
    ring = labelling_html(argmap.evaluate(cycle))
    assert "<caption>Grounded labelling of “Ring”: 0 accepted, 0 rejected, 3 undecided</caption>" in ring
    assert [row[2] for row in cells(ring)] == ["UNDEC"] * 3
    assert cells(ring)[0][3].startswith(
        "statement a is UNDEC: no attacker is IN, and an undecided one keeps it open:<br>- "
    )


def test_findings_are_a_table() -> None:
    found = argmap.check(argmap.loads("[A]: A & one.\n  + [C]: C.\n\n[B]: B two.\n  + [D]: D.\n", "argdown"))
    html = diagnostics_html(found)
    assert html.startswith('<table class="argmap-diagnostics"><caption>2 findings: 2 warnings</caption>')
    assert re.findall(r'<th scope="col">(.*?)</th>', html) == ["Severity", "Code", "Message", "Where"]
    assert cells(html) == [
        ["warning", "disconnected", "[B] and [D] are not connected to the main part of the map (2 elements)",
         "&lt;string&gt;:4:1"],
        ["warning", "multiple-main-conclusions", "the map has 2 main conclusions: [A] and [B]", "&lt;string&gt;:1:1"],
    ]  # fmt: skip
    assert diagnostics_html([]) == '<p class="argmap-diagnostics">No problems found.</p>'


def test_findings_and_labellings_show_themselves_as_tables(tea: argmap.ArgumentMap) -> None:
    found = argmap.check(argmap.loads("[A]: A & one.\n  + [C]: C.\n\n[B]: B two.\n  + [D]: D.\n", "argdown"))
    assert isinstance(found, list)
    assert found._repr_html_() == diagnostics_html(found)
    labelling = argmap.evaluate(tea)
    assert labelling._repr_html_() == labelling_html(labelling)


def test_findings_are_counted_by_severity() -> None:
    def finding(severity: argmap.Severity) -> argmap.Diagnostic:
        return argmap.Diagnostic("some-code", severity, "Something <odd> & more.")

    html = diagnostics_html([finding(argmap.Severity.INFO), finding(argmap.Severity.ERROR)] * 2)
    assert "<caption>4 findings: 2 errors, 2 info</caption>" in html
    assert cells(html)[0] == ["info", "some-code", "Something &lt;odd&gt; &amp; more.", ""]


# In a browser ------------------------------------------------------------------------------------------------

# How JupyterLab puts an HTML output in the page: as innerHTML, then each script copied into a new element so
# that it runs (scripts set through innerHTML do not).
_JUPYTER_OUTPUT = """([id, html]) => {
  const host = document.getElementById(id);
  host.innerHTML = html;
  for (const old of host.querySelectorAll("script")) {
    const copy = document.createElement("script");
    copy.textContent = old.textContent;
    old.replaceWith(copy);
  }
}"""


@pytest.mark.dot
@pytest.mark.browser
@pytest.mark.parametrize(("light", "canvas"), [("false", "rgb(13, 17, 23)"), ("true", "rgb(255, 255, 255)")])
def test_outputs_follow_jupyterlabs_theme_and_each_gets_a_viewer(
    browser: object, tea: argmap.ArgumentMap, cycle: argmap.ArgumentMap, light: str, canvas: str
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.set_content(f'<body data-jp-theme-light="{light}"><div id="one"></div><div id="two"></div></body>')
    page.evaluate(_JUPYTER_OUTPUT, ["one", show(tea)._repr_html_()])
    page.evaluate(_JUPYTER_OUTPUT, ["two", show(cycle, evaluate="grounded")._repr_html_()])
    state = page.evaluate(
        """() => Array.from(document.querySelectorAll(".argmap-viewer"), (viewer) => ({
          ready: viewer.hasAttribute("data-argmap-ready"),
          tools: viewer.querySelectorAll(".argmap-tools button").length,
          canvas: getComputedStyle(viewer.querySelector(".argmap-frame")).backgroundColor,
        }))"""
    )
    assert state == [{"ready": True, "tools": 4, "canvas": canvas}] * 2
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.close()


@pytest.fixture
def quoted() -> argmap.ArgumentMap:
    b = MapBuilder(title="Essay")
    b.source("essay", text="Tea is good. Coffee is not.\n\nSo drink tea.", title="An essay")
    b.statement("Drink tea.", id="tea", quote=("essay", "So drink tea"))
    b.statement("Tea is good.", id="good", quote=("essay", "Tea is good"))
    b.argument(["good"], "tea", id="why")
    return b.build()


@pytest.mark.dot
def test_show_can_put_the_sources_after_the_diagram_with_quoted_passages_linked(quoted: argmap.ArgumentMap) -> None:
    alone = show(quoted)._repr_html_() or ""
    assert "argmap-sources" not in alone
    html = show(quoted, sources=True)._repr_html_() or ""
    assert html.count('<div class="argmap-linked">') == 1
    assert '<aside class="argmap-sources" aria-label="Sources"><article class="argmap-source"><h2>An essay</h2>' in html
    claims = re.findall(r'<mark class="argmap-quote" tabindex="0" data-argmap-claims="([^"]*)">([^<]*)</mark>', html)
    # The debate view draws the premise inside its argument: its passage is linked to the argument's node.
    assert claims == [("essay.argument.why", "Tea is good"), ("essay.tea", "So drink tea")]
    for claim, _ in claims:
        assert f'id="{claim}"' in html
    assert "mark.argmap-quote.argmap-lit" in html  # its stylesheet
    assert "data-argmap-linked" in html  # and its script
    named = show(quoted, sources=True, name="e")._repr_html_() or ""
    assert named.count('data-argmap-claims="e.') == 2


@pytest.mark.dot
@pytest.mark.browser
def test_in_a_notebook_a_claim_lights_its_passages_in_its_own_output(
    browser: object, quoted: argmap.ArgumentMap
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    page = browser.new_page(viewport={"width": 900, "height": 800})
    page.set_content('<body data-jp-theme-light="true"><div id="one"></div><div id="two"></div></body>')
    address = page.url
    html = show(quoted, sources=True)._repr_html_()
    page.evaluate(_JUPYTER_OUTPUT, ["one", html])
    page.evaluate(_JUPYTER_OUTPUT, ["two", html])  # the same map twice: the same ids in both outputs
    lit = "(box) => Array.from(box.querySelectorAll('mark.argmap-lit'), (mark) => mark.textContent)"
    page.locator("#two g.argmap-statement").first.click()
    assert page.locator("#one").evaluate(lit) == []
    assert page.locator("#two").evaluate(lit) == ["So drink tea"]
    page.locator("#one mark.argmap-quote").first.click()
    assert page.locator("#one .argmap-selected").evaluate("(node) => node.id") == "essay.argument.why"
    assert page.locator("#one").evaluate(lit) == ["Tea is good"]
    assert page.url == address  # a notebook's address is the notebook's
    page.close()
