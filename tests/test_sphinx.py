"""The Sphinx extension: its directive and role in reST and MyST pages, warnings, drawings, citations and cache."""

from __future__ import annotations

import os
import pickle
import re
import shutil
from collections import Counter
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import graphviz  # type: ignore[import-untyped]
import pytest
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp

import argmap.sphinx
from argmap.model import Argument, Statement
from argmap.render import cache as dot_cache
from argmap.render.html import Prepared, script, stylesheet
from argmap.render.theme import MARKERS

ROOTS = Path(__file__).resolve().parent / "roots"
DOT_WARNING = "[argmap.dot]"

MakeApp = Callable[..., SphinxTestApp]


def copy_root(name: str, into: Path) -> Path:
    """A fresh copy of the test root tests/roots/test-NAME, so that a test may edit it."""
    source = into / name
    shutil.copytree(ROOTS / f"test-{name}", source)
    return source


def warning_text(app: SphinxTestApp) -> str:
    """What the build warned, without the colours Sphinx gives some of it."""
    return re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())


def warnings_of(app: SphinxTestApp) -> list[str]:
    return warning_text(app).splitlines()


def ids_in(page: str) -> list[str]:
    return re.findall(r'\bid="([^"]*)"', page)


def svgs_in(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)


@pytest.fixture
def dot_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formats of every ``dot`` run the extension makes while the test runs."""
    calls: list[str] = []
    run = dot_cache.run

    def counting(executable: str, source: str, format: str, engine: str = "dot") -> bytes:
        calls.append(format)
        return run(executable, source, format, engine)

    monkeypatch.setattr(dot_cache, "run", counting)
    return calls


def built_once(name: str, into: Path) -> SphinxTestApp:
    """A copy of a test root built to HTML, for the tests that only read what it wrote."""
    app = SphinxTestApp("html", srcdir=copy_root(name, into))
    try:
        app.build()
    finally:
        # At once, not when the module's tests end: a live app's global registrations would disturb other builds.
        app.cleanup()
    return app


def built_project(
    make_app: MakeApp,
    src: Path,
    index: str,
    *,
    conf: str = "",
    files: dict[str, str] | None = None,
    overrides: dict[str, object] | None = None,
) -> SphinxTestApp:
    """A project made in ``src`` and built to HTML: argmap's extension (and ``conf``) in ``conf.py``, ``index`` as
    ``index.rst``, and ``files`` beside it.
    """
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["argmap.sphinx"]\n' + conf, encoding="utf-8")
    for name, text in (files or {}).items():
        (src / name).write_text(text, encoding="utf-8")
    (src / "index.rst").write_text(index, encoding="utf-8")
    app = make_app("html", srcdir=src, confoverrides=overrides or {})
    app.build()
    return app


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The root with maps that are all fine, built once to HTML for the tests that only read its output."""
    return built_once("argmap", tmp_path_factory.mktemp("basic"))


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The root whose maps are broken in every way the directive reports, built once to HTML."""
    return built_once("warnings", tmp_path_factory.mktemp("problems"))


def page(app: SphinxTestApp, name: str) -> str:
    return (app.outdir / f"{name}.html").read_text(encoding="utf-8")


@pytest.mark.dot
def test_the_extension_is_safe_to_read_and_write_in_parallel(basic: SphinxTestApp) -> None:
    extension = basic.extensions["argmap.sphinx"]
    assert extension.parallel_read_safe is True
    assert extension.parallel_write_safe is True
    assert extension.version == metadata.version("argmap")


# Drawing -------------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_a_clean_build_warns_of_nothing(basic: SphinxTestApp) -> None:
    assert warnings_of(basic) == []


@pytest.mark.dot
def test_a_map_file_is_drawn_as_inline_svg_in_a_figure(basic: SphinxTestApp) -> None:
    html = page(basic, "file")
    figure = re.search(r'<figure class="align-center" id="tea-figure">(.*?)</figure>', html, flags=re.DOTALL)
    assert figure is not None
    (svg,) = svgs_in(figure.group(1))
    assert ">Tea keeps you awake at night.</text>" in svg
    assert "<object" not in html
    assert "<img" not in html
    # The caption, with its markup, and the figure number that :numref: finds.
    assert "Should we drink <em>tea</em>?" in figure.group(1)
    assert 'href="#tea-figure"' in html
    assert "Fig. 1" in html


@pytest.mark.dot
def test_a_path_is_relative_to_the_page_or_to_the_source_directory(basic: SphinxTestApp) -> None:
    assert len(svgs_in(page(basic, "sub/page"))) == 1  # ../maps/tea.json
    assert len(svgs_in(page(basic, "two"))) == 2  # maps/tea.json and /maps/tea.json
    classes = re.findall(r'<div class="([^"]*)"><div class="argmap-viewer"', page(basic, "sub/page"))
    assert [set(c.split()) for c in classes] == [{"argmap", "align-right"}]


@pytest.mark.dot
def test_an_inline_map_is_drawn_with_its_options(basic: SphinxTestApp) -> None:
    html = page(basic, "inline")
    (svg,) = svgs_in(html)
    assert '<div class="argmap wide" id="coffee">' in html
    assert ">Coffee, briefly</title>" in svg
    # User text arrives only escaped, as text.
    assert ">Drink &lt;coffee&gt; &amp; be &quot;merry&quot;.</text>" in svg
    # The dark theme's text colour, and the premise view's step drawn through the argument.
    assert 'fill="#e6edf3"' in svg
    assert ">&lt;taste&gt;</text>" in svg


@pytest.mark.dot
def test_several_diagrams_on_a_page_share_no_id(basic: SphinxTestApp) -> None:
    html = page(basic, "two")
    first, second = svgs_in(html)
    ids = ids_in(html)
    assert [id for id, n in Counter(ids).items() if n > 1] == []
    # Nodes take their anchors: the map's name (from the file's stem, suffixed for the page's second drawing of the
    # map) and the element's id. Every other id is prefixed per diagram.
    drawn = {
        first: ("argmap-1-", {"tea.tea", "tea.awake", "tea.argument.health"}),
        second: ("argmap-2-", {"tea-2.tea", "tea-2.healthy", "tea-2.awake", "tea-2.argument.health"}),
    }
    for svg, (prefix, anchors) in drawn.items():
        assert {id for id in ids_in(svg) if not id.startswith(prefix)} == anchors
        assert len(ids_in(svg)) > len(anchors)


@pytest.mark.dot
def test_each_diagram_is_an_image_with_a_title_and_a_description(basic: SphinxTestApp) -> None:
    for name in ("file", "inline", "two", "sub/page"):
        for svg in svgs_in(page(basic, name)):
            labelled_by = re.search(
                r'<svg [^>]*role="graphics-document" aria-roledescription="argument map" aria-labelledby="([^"]*)"',
                svg,
            )
            assert labelled_by is not None
            title, desc = labelled_by.group(1).split()
            assert re.search(rf'<title id="{title}">[^<]+</title>', svg)
            assert re.search(rf'<desc id="{desc}">Argument map [^<]+</desc>', svg)
            # Nothing active: no scripts, handlers, links or foreign content.
            assert not re.search(r"<script|<a\b|\son\w+=|<foreignObject|javascript:", svg, flags=re.IGNORECASE)


@pytest.mark.dot
def test_evaluate_colours_elements_by_status(basic: SphinxTestApp) -> None:
    html = page(basic, "file")
    (svg,) = svgs_in(html)
    light = argmap.THEMES["light"]
    # "Drink tea." is attacked by an unattacked statement: OUT. Its reason is IN.
    assert re.search(rf'fill="{light.out_fill}" stroke="{light.out_border}"[^>]*>\s*<text[^>]*>Drink tea\.', svg)
    assert f'fill="{light.in_fill}"' in svg
    assert ">grounded semantics</text>" in svg
    assert "Evaluated with grounded semantics: 2 accepted, 2 rejected, 0 undecided." in svg
    # Without the option nothing is coloured by status.
    assert light.out_fill not in page(basic, "two")


@pytest.mark.dot
def test_the_viewer_s_stylesheet_and_script_are_static_files_of_the_pages_with_diagrams(basic: SphinxTestApp) -> None:
    static = basic.outdir / "_static"
    assert (static / "argmap.css").read_text(encoding="utf-8") == stylesheet()
    assert (static / "argmap.js").read_text(encoding="utf-8") == script()
    for name, prefix in (("file", ""), ("sub/page", "../")):
        html = page(basic, name)
        assert re.search(
            rf'<link rel="stylesheet" type="text/css" href="{prefix}_static/argmap\.css\?v=[0-9a-f]+" />', html
        )
        assert re.search(rf'<script defer="defer" src="{prefix}_static/argmap\.js\?v=[0-9a-f]+"></script>', html)
    # Inline, never: the files are the site's, fetched once.
    assert "<style>" not in page(basic, "file")
    assert "argmap.css" not in page(basic, "plain")
    assert "argmap.js" not in page(basic, "plain")


@pytest.mark.dot
def test_each_diagram_is_in_the_viewer_and_follows_the_page_s_mode_by_default(basic: SphinxTestApp) -> None:
    figure = re.search(r'<figure [^>]*id="tea-figure">(.*?)</figure>', page(basic, "file"), flags=re.DOTALL)
    assert figure is not None
    viewer = re.search(r'<div class="argmap-viewer"><div class="argmap-frame" tabindex="0" role="group" ', figure[1])
    assert viewer is not None
    # The automatic theme: light colours, each with the class that the stylesheet recolours in dark mode.
    (svg,) = svgs_in(figure[1])
    assert f'fill="{argmap.THEMES["light"].out_fill}"' in svg
    assert "argmap-fill-out-fill" in svg
    # A theme the directive names keeps its colours in either mode.
    inline = page(basic, "inline")
    assert '<div class="argmap-viewer argmap-dark">' in inline
    assert "argmap-fill-" not in inline


@pytest.mark.dot
def test_every_node_and_edge_explains_itself(basic: SphinxTestApp) -> None:
    (svg,) = svgs_in(page(basic, "file"))
    titles = dict(re.findall(r'<g id="([^"]*)"[^>]*>\s*<title>([^<]*)</title>', svg))
    tea = titles["tea-figure.tea"]
    assert tea.startswith("Drink tea.\n[tea]\nMain conclusion\n")
    assert "Status (grounded): statement tea is OUT: statement awake attacks it" in tea
    assert titles["tea-figure.argument.health"].startswith("Argument &lt;health&gt;\nHealthy drinks are worth")
    edges = [title for id, title in titles.items() if id.startswith("argmap-1-edge")]
    assert sorted(edges) == [
        "&lt;health&gt; concludes “Drink tea.”",
        "“Tea keeps you awake at night.” attacks “Drink tea.”",
    ]
    # No generated name reaches the reader.
    assert not [title for title in titles.values() if re.fullmatch(r"[a-z]+[0-9]+|%[0-9]+", title)]


@pytest.mark.dot
def test_diagrams_are_kept_picklable_with_the_page(basic: SphinxTestApp) -> None:
    (diagram,) = basic.env.get_doctree("file").findall(argmap.sphinx.argmap_diagram)
    prepared = diagram["prepared"]
    assert isinstance(prepared, Prepared)
    assert pickle.loads(pickle.dumps(prepared)) == prepared
    assert prepared.theme == "auto"
    assert prepared.notes.name == "tea-figure"


# Warnings ------------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_problems_are_warnings_located_in_the_map_file_or_the_page(problems: SphinxTestApp) -> None:
    src = problems.srcdir
    warnings = warnings_of(problems)
    expected = [
        f"{src / 'maps/islands.json'}:: WARNING: warning disconnected: [cats] and [lazy] are not connected",
        f"{src / 'maps/broken.json'}:4: WARNING: cannot read the map: invalid JSON",
        f"{src / 'maps/dangling.json'}:: WARNING: error dangling-reference: nowhere -> tea",
        # The inline map's third line, in the page.
        f"{src / 'problems.rst'}:15: WARNING: cannot read the map: invalid JSON: Expecting ',' delimiter",
        f"{src / 'problems.rst'}:21: WARNING: unknown format 'yaml'",
        f"{src / 'problems.rst'}:26: WARNING: cannot evaluate the map: the map has no stable labelling",
        f"{src / 'problems.rst'}:29: WARNING: the argmap directive takes a map file or a map as its content, and "
        "was given both",
        f"{src / 'problems.rst'}:33: WARNING: the argmap directive takes a map file or a map as its content, and "
        "was given neither",
    ]
    for start in expected:
        assert any(warning.startswith(start) for warning in warnings), start
    # Each with its type and subtype.
    subtypes = Counter(re.findall(r"\[argmap\.([a-z-]+)\]$", warning_text(problems), flags=re.MULTILINE))
    assert subtypes == {
        "disconnected": 1,
        "multiple-main-conclusions": 1,
        "parse-error": 2,
        "dangling-reference": 1,
        "path": 2,
        "format": 1,
        "evaluate": 1,
        "usage": 2,
    }
    # Info diagnostics (unquoted-statement in quoted.json) stay silent by default.
    assert "unquoted-statement" not in warning_text(problems)


@pytest.mark.dot
def test_a_map_that_cannot_be_read_leaves_no_broken_figure(problems: SphinxTestApp) -> None:
    html = page(problems, "problems")
    # Drawn: islands.json (warnings only), quoted.json, and cycle.json (without statuses).
    assert len(svgs_in(html)) == 3
    assert "figure" not in html
    assert "argmap-dot" not in html


@pytest.fixture
def escapes(tmp_path: Path) -> Path:
    """A root whose page names a map outside its tree three ways: by ``..``, by a symlink, and by ``/..``."""
    src = copy_root("warnings", tmp_path)
    (tmp_path / "elsewhere").mkdir()
    outside = tmp_path / "elsewhere" / "secret.json"
    shutil.copy(src / "maps" / "islands.json", outside)
    os.symlink(outside, src / "maps" / "link.json")
    (src / "problems.rst").write_text(
        "Escapes\n=======\n\n"
        ".. argmap:: ../elsewhere/secret.json\n\n.. argmap:: maps/link.json\n\n.. argmap:: /../elsewhere/secret.json\n",
        encoding="utf-8",
    )
    return src


@pytest.mark.dot
def test_a_path_out_of_the_source_tree_is_refused(make_app: MakeApp, escapes: Path) -> None:
    app = make_app("html", srcdir=escapes)
    app.build()
    refused = [w for w in warnings_of(app) if w.endswith("[argmap.path]")]
    assert [w.split(": WARNING")[0] for w in refused] == [f"{escapes / 'problems.rst'}:{n}" for n in (4, 6, 8)]
    assert all("is outside the documentation's source directory" in w for w in refused)
    assert "Cats" not in page(app, "problems")


@pytest.mark.dot
@pytest.mark.parametrize("dirs", [["../elsewhere"], "../elsewhere"])
def test_argmap_map_dirs_opens_more_directories(make_app: MakeApp, escapes: Path, dirs: object) -> None:
    app = make_app("html", srcdir=escapes, confoverrides={"argmap_map_dirs": dirs})
    app.build()
    assert "[argmap.path]" not in warning_text(app)
    assert len(svgs_in(page(app, "problems"))) == 3


@pytest.mark.dot
def test_suppress_warnings_silences_one_code(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(
        "html", srcdir=copy_root("warnings", tmp_path), confoverrides={"suppress_warnings": ["argmap.disconnected"]}
    )
    app.build()
    text = warning_text(app)
    assert "[argmap.disconnected]" not in text
    assert "[argmap.multiple-main-conclusions]" in text


@pytest.mark.dot
@pytest.mark.parametrize(
    ("lowest", "shown", "hidden"),
    [
        ("error", "dangling-reference", "disconnected"),
        ("info", "unquoted-statement", None),
    ],
)
def test_argmap_warn_on_sets_the_lowest_severity_reported(
    make_app: MakeApp, tmp_path: Path, lowest: str, shown: str, hidden: str | None
) -> None:
    app = make_app("html", srcdir=copy_root("warnings", tmp_path), confoverrides={"argmap_warn_on": lowest})
    app.build()
    text = warning_text(app)
    assert f"[argmap.{shown}]" in text
    if hidden is not None:
        assert f"[argmap.{hidden}]" not in text


@pytest.mark.dot
def test_warnings_fail_a_build_with_w(tmp_path: Path) -> None:
    src = copy_root("warnings", tmp_path)
    assert build_main(["-W", "-q", "-b", "html", str(src), str(tmp_path / "out")]) == 1


@pytest.mark.dot
def test_a_clean_root_builds_with_w_in_parallel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = copy_root("argmap", tmp_path)
    assert build_main(["-W", "-q", "-j", "2", "-b", "html", str(src), str(tmp_path / "out")]) == 0
    two = (tmp_path / "out" / "two.html").read_text(encoding="utf-8")
    assert len(svgs_in(two)) == 2
    assert capsys.readouterr().err == ""


def test_a_bad_configuration_value_is_a_warning_not_a_crash(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("argmap", tmp_path), confoverrides={"argmap_theme": "blue"})
    app.build()
    usage = [w for w in warnings_of(app) if w.endswith("[argmap.usage]")]
    assert len(usage) == 4  # every diagram but the inline one, which names its theme
    assert "cannot draw the map: unknown theme 'blue': use one of auto, light, dark" in usage[0]
    assert svgs_in(page(app, "two")) == []


# Options, names and links -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The root whose pages use every drawing option, well and badly, and name their maps, built once to HTML."""
    return built_once("options", tmp_path_factory.mktemp("options"))


def diagrams(app: SphinxTestApp, docname: str) -> list[argmap.sphinx.argmap_diagram]:
    """The diagrams of a page as the build keeps them (read back from the pickled doctree)."""
    return list(app.env.get_doctree(docname).findall(argmap.sphinx.argmap_diagram))


def located(app: SphinxTestApp, docname: str, subtype: str) -> dict[int, str]:
    """The warnings of one subtype about a page: their messages by line."""
    found = {}
    for warning in warnings_of(app):
        where, _, rest = warning.partition(": WARNING: ")
        if where.startswith(f"{app.srcdir / docname}.rst:") and rest.endswith(f" [argmap.{subtype}]"):
            found[int(where.rsplit(":", 1)[1])] = rest.removesuffix(f" [argmap.{subtype}]")
    return found


LONG = "A cup of tea in the late evening keeps most people awake long into the night."


@pytest.mark.dot
def test_direction_wrap_theme_and_sizes_apply(options: SphinxTestApp) -> None:
    first, second = diagrams(options, "good")
    assert "rankdir=LR" in first["prepared"].source
    assert "rankdir=BT" in second["prepared"].source
    html = page(options, "good")
    unwrapped, wrapped = svgs_in(html)
    assert f">{LONG}</text>" in unwrapped
    assert f">{LONG}</text>" not in wrapped
    assert '<div class="argmap-viewer" style="max-width:40rem;--argmap-max-height:50vh">' in html
    assert '<div class="argmap-viewer argmap-light">' in html
    # Values in any case are taken as the option spells them.
    assert [w for w in warnings_of(options) if "good.rst" in w] == []


@pytest.mark.dot
def test_a_bad_option_value_is_a_located_warning_and_the_default_applies(options: SphinxTestApp) -> None:
    assert located(options, "bad", "option") == {
        4: ":direction: 'up' is not one of BT, TB, LR, RL; the default, BT, is used",
        7: ":wrap: '-1' is not a number of characters (0 for no wrapping); the default, 40, is used",
        10: ":max-width: '40rem;color:red' is not a CSS length such as 600px, 40rem or 80%; it is ignored",
        13: ":max-height: 'tall' is not a CSS length such as 600px, 40rem or 80%; it is ignored",
        16: ":theme: 'blue' is not one of auto, light, dark; the default, auto, is used",
        19: ":view: 'sideways' is not one of debate, premise, steps; the default, debate, is used",
        22: ":evaluate: 'strict' is not one of grounded, complete, preferred, stable, semi-stable, stage, ideal, "
        "eager; it is ignored",
        25: ":align: 'middle' is not one of left, center, right; it is ignored",
    }
    html = page(options, "bad")
    assert len(svgs_in(html)) == 8
    assert html.count('<div class="argmap-viewer">') == 8
    assert "color:red" not in html


@pytest.mark.dot
def test_configuration_values_set_the_defaults(make_app: MakeApp, tmp_path: Path) -> None:
    settings = {
        "argmap_default_direction": "RL",
        "argmap_wrap": 0,
        "argmap_max_width": "30rem",
        "argmap_max_height": "20rem",
        "argmap_theme": "dark",
    }
    app = make_app("html", srcdir=copy_root("options", tmp_path), confoverrides=settings)
    app.build()
    first, second = diagrams(app, "good")
    assert "rankdir=LR" in first["prepared"].source  # the directive's own option wins
    assert "rankdir=RL" in second["prepared"].source
    html = page(app, "good")
    assert html.count(f">{LONG}</text>") == 2
    assert '<div class="argmap-viewer argmap-light" style="max-width:30rem;--argmap-max-height:20rem">' in html
    assert '<div class="argmap-viewer argmap-dark" style="max-width:30rem;--argmap-max-height:20rem">' in page(
        app, "names"
    )


@pytest.mark.dot
def test_a_bad_length_in_the_configuration_is_a_warning(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("options", tmp_path), confoverrides={"argmap_max_height": "tall"})
    app.build()
    usage = located(app, "good", "usage")
    # The first diagram has :max-height: of its own.
    assert usage == {
        11: "cannot draw the map: argmap_max_height must be a CSS length such as 600px, 40rem or 80%, not 'tall'"
    }
    assert len(svgs_in(page(app, "good"))) == 1


@pytest.mark.dot
def test_each_map_has_a_name_that_starts_its_anchors(options: SphinxTestApp) -> None:
    names = [diagram["prepared"].notes.name for diagram in diagrams(options, "names")]
    # The file's stem, slugged; map-N for the page's Nth diagram, given inline; :name:, suffixed when it is taken;
    # the stem again for a :name: that is no map name.
    assert names == ["tea-time", "map-2", "Evening_Tea", "Evening_Tea-2", "long"]
    html = page(options, "names")
    ids = ids_in(html)
    assert [id for id, n in Counter(ids).items() if n > 1] == []
    assert {"tea-time.awake", "map-2.Coffee", "map-2.argument.Taste", "Evening_Tea-2.tea", "long.tea"} <= set(ids)
    assert located(options, "names", "name") == {
        14: "an earlier diagram of this page is named 'Evening_Tea': this one is named 'Evening_Tea-2'"
    }
    assert located(options, "names", "option") == {
        17: ":name: 'an evening map' is not a map name (a letter followed by letters, digits, '_' or '-'); the map "
        "is named 'long'"
    }
    # Still a label.
    assert '<div class="argmap" id="an-evening-map">' in html
    assert '<a class="reference internal" href="#an-evening-map">' in html


def node_url(name: str, element: Statement | Argument) -> str | None:
    """Links for the test-argmap root: statements to a site by map and id, but not ``tasty``; arguments to a script."""
    if isinstance(element, Argument):
        return "javascript:alert(1)"
    return None if element.id == "tasty" else f"https://example.org/{name}/{element.id}"


@pytest.mark.dot
def test_argmap_node_url_links_nodes_and_drops_unsafe_links(make_app: MakeApp, tmp_path: Path) -> None:
    src = copy_root("argmap", tmp_path)
    app = make_app("html", srcdir=src, confoverrides={"argmap_node_url": node_url})
    app.build()
    (svg,) = svgs_in(page(app, "inline"))
    assert re.findall(r'<a href="([^"]*)"', svg) == ["https://example.org/coffee/coffee"]
    assert "javascript" not in page(app, "inline")
    links = [w for w in warnings_of(app) if w.endswith("[argmap.link]")]
    assert (
        f"{src / 'inline.rst'}:4: WARNING: argmap_node_url gave argument 'taste' of map 'coffee' the link "
        "'javascript:alert(1)', which is not an http, https or relative URL: it is left out [argmap.link]"
    ) in links
    assert len(links) == 5  # the argument of each diagram
    # The function is not kept with the environment, which still pickles, and nothing else is warned.
    assert [w for w in warnings_of(app) if not w.endswith("[argmap.link]")] == []
    assert pickle.loads(pickle.dumps(app.env)).all_docs == app.env.all_docs


def test_argmap_node_url_must_be_a_function(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("argmap", tmp_path), confoverrides={"argmap_node_url": "https://x"})
    app.build()
    usage = [w for w in warnings_of(app) if w.endswith("[argmap.usage]")]
    assert len(usage) == 5
    assert "argmap_node_url must be a function or None, not str: nodes get no links" in usage[0]


# Builders and Graphviz -----------------------------------------------------------------------------------------


def test_without_dot_one_warning_and_the_dot_source(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("argmap", tmp_path), confoverrides={"argmap_dot": "/nonexistent/dot"})
    app.build()
    dot_warnings = [w for w in warnings_of(app) if DOT_WARNING in w]
    assert len(dot_warnings) == 1
    assert "'/nonexistent/dot' not found" in dot_warnings[0]
    two = page(app, "two")
    assert svgs_in(two) == []
    assert two.count('class="argmap-dot argmap') == 2
    assert two.count("digraph") == 2
    # The source of images, which cannot follow the page's mode: the automatic theme draws it light, not in the
    # marker colours that the stylesheet replaces.
    assert argmap.THEMES["light"].text in two
    assert [marker for marker in MARKERS if marker in two] == []


def test_a_failing_dot_is_reported_for_each_diagram(make_app: MakeApp, tmp_path: Path) -> None:
    failing = tmp_path / "dot"
    failing.write_text("#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 1\n", encoding="utf-8")
    failing.chmod(0o755)
    app = make_app("html", srcdir=copy_root("argmap", tmp_path), confoverrides={"argmap_dot": str(failing)})
    app.build()
    dot_warnings = [w for w in warnings_of(app) if w.endswith(DOT_WARNING)]
    assert len(dot_warnings) == 5
    assert all("Graphviz dot failed with exit status 1: Error: syntax error in line 1" in w for w in dot_warnings)
    assert page(app, "two").count("digraph") == 2


@pytest.mark.dot
def test_latex_gets_pdf(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("latex", srcdir=copy_root("argmap", tmp_path))
    app.build()
    (tex,) = app.outdir.glob("*.tex")
    names = re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{(argmap-[0-9a-f]+)\}\.pdf\}", tex.read_text())
    assert len(names) == 5
    for name in set(names):
        assert (app.outdir / f"{name}.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.dot
def test_other_builders_get_png(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("texinfo", srcdir=copy_root("argmap", tmp_path))
    app.build()
    (texi,) = app.outdir.glob("*.texi")
    images = re.findall(r"@image\{([^,]*argmap-[0-9a-f]{32}),,,([^,]*),png\}", texi.read_text(encoding="utf-8"))
    assert len(images) == 5
    assert "Coffee@comma{} briefly" in {alt for _, alt in images}
    for name, _ in images:
        assert (app.outdir / f"{name}.png").read_bytes().startswith(b"\x89PNG")


@pytest.mark.dot
def test_html_can_show_png_images(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("argmap", tmp_path), confoverrides={"argmap_output_format": "png"})
    app.build()
    images = re.findall(r'<img alt="([^"]*)" class="argmap wide" id="coffee" src="([^"]*)"', page(app, "inline"))
    assert len(images) == 1
    alt, src = images[0]
    assert alt == "Coffee, briefly"
    assert re.fullmatch(r"_images/argmap-[0-9a-f]{32}\.png", src)
    assert (app.outdir / src).read_bytes().startswith(b"\x89PNG")


# The cache and incremental builds ------------------------------------------------------------------------------


def rebuild(make_app: MakeApp, src: Path) -> tuple[SphinxTestApp, list[str]]:
    """A new build of ``src`` over the last one's output; returns it and the documents it read."""
    app = make_app("html", srcdir=src)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _app, _env, docnames: read.extend(docnames))
    app.build()
    return app, read


@pytest.mark.dot
def test_an_unchanged_rebuild_reads_no_page_and_runs_no_dot(
    make_app: MakeApp, tmp_path: Path, dot_calls: list[str]
) -> None:
    src = copy_root("argmap", tmp_path)
    _, read = rebuild(make_app, src)
    # Five diagrams, of which two (the file map drawn plainly twice) are one drawing.
    assert sorted(read) == ["file", "index", "inline", "plain", "sub/page", "two"]
    assert dot_calls == ["svg"] * 4
    app, read = rebuild(make_app, src)
    assert read == []
    assert dot_calls == ["svg"] * 4
    # Nor does the extension leave the configuration looking changed (its static files are none of the site's).
    assert "html_static_path" not in app.status.getvalue()


@pytest.mark.dot
def test_a_page_whose_diagram_did_not_change_is_written_from_the_cache(
    make_app: MakeApp, tmp_path: Path, dot_calls: list[str]
) -> None:
    src = copy_root("argmap", tmp_path)
    rebuild(make_app, src)
    del dot_calls[:]
    with (src / "file.rst").open("a", encoding="utf-8") as f:
        f.write("\nA new paragraph.\n")
    app, read = rebuild(make_app, src)
    assert read == ["file"]
    assert "A new paragraph." in page(app, "file")
    assert len(svgs_in(page(app, "file"))) == 1
    assert dot_calls == []


@pytest.mark.dot
def test_editing_a_map_file_rebuilds_exactly_the_pages_that_show_it(
    make_app: MakeApp, tmp_path: Path, dot_calls: list[str]
) -> None:
    src = copy_root("argmap", tmp_path)
    rebuild(make_app, src)
    del dot_calls[:]
    tea = src / "maps" / "tea.json"
    tea.write_text(tea.read_text(encoding="utf-8").replace("Drink tea.", "Drink green tea."), encoding="utf-8")
    app, read = rebuild(make_app, src)
    assert sorted(read) == ["file", "sub/page", "two"]
    assert ">Drink green tea.</text>" in page(app, "sub/page")
    assert dot_calls == ["svg"] * 3


# Citations -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cited(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The root whose reST and Markdown pages cite the maps of another page, built once to HTML."""
    return built_once("cite", tmp_path_factory.mktemp("cited"))


def citations_in(html: str) -> list[tuple[str, str]]:
    """Each citation of a page: where its link leads (empty for none) and the text it shows."""
    found = re.findall(
        r'(?:<a class="reference internal" href="([^"]*)"[^>]*>)?<span class="argmap-ref">([^<]*)</span>', html
    )
    return [(href, text) for href, text in found]


@pytest.mark.dot
def test_a_citation_links_to_its_element_in_the_diagram(cited: SphinxTestApp) -> None:
    assert warnings_of(cited) == []
    assert citations_in(page(cited, "cite")) == [
        ("maps.html#tea.Drink%20tea", "We should drink tea. (IN)"),
        ("maps.html#tea.Sleep", "the objection"),
        ("maps.html#tea.argument.Health", "Tea is healthy. (IN)"),
        # A map drawn without :evaluate: has no statuses.
        ("maps.html#coffee.Coffee", "We should drink coffee."),
    ]
    # Relative from a folder, and within the page that draws the map.
    assert citations_in(page(cited, "sub/cite")) == [("../maps.html#tea.Decaf", "Decaf tea does not. (IN)")]
    maps = page(cited, "maps")
    assert citations_in(maps) == [("#tea.Sleep", "Tea keeps you awake at night. (OUT)")]
    # Every link leads to a node's anchor, and the reader learns what it cites.
    assert 'id="tea.Drink%20tea"' in maps
    assert 'title="[Drink tea] in the map tea"' in page(cited, "cite")
    assert 'title="&lt;Health&gt; in the map tea"' in page(cited, "cite")


@pytest.mark.dot
def test_myst_pages_cite_with_the_same_role(cited: SphinxTestApp) -> None:
    assert citations_in(page(cited, "markdown")) == [
        ("maps.html#tea.Drink%20tea", "We should drink tea. (IN)"),
        ("maps.html#tea.argument.Health", "the argument"),
    ]


@pytest.mark.dot
def test_a_citation_in_a_heading_links_there_and_reads_as_written_elsewhere(cited: SphinxTestApp) -> None:
    heading = re.search(r"<h1>(.*?)</h1>", page(cited, "heading"), flags=re.DOTALL)
    assert heading is not None
    assert citations_in(heading[1]) == [("maps.html#tea.Drink%20tea", "the claim")]
    # Tables of contents are made of the headings alone, without the maps: there the citation is its text.
    assert "Why <span>the claim</span> stands</a>" in page(cited, "index")


@pytest.fixture
def broken_citations(tmp_path: Path) -> Path:
    """The citations root with a page of citations that cannot be resolved, and a second map named ``tea``."""
    src = copy_root("cite", tmp_path)
    (src / "broken.rst").write_text(
        ":orphan:\n\nBroken\n======\n\n"
        ":argmap:`nothing:Tea`\n\n:argmap:`tea:Nothing`\n\n:argmap:`tea:<Sleep>`\n\n:argmap:`no target`\n",
        encoding="utf-8",
    )
    (src / "again.rst").write_text(
        ":orphan:\n\nAgain\n=====\n\n.. argmap::\n   :name: tea\n\n   [Drink tea]: We should drink tea now.\n",
        encoding="utf-8",
    )
    return src


@pytest.mark.dot
def test_a_citation_that_cannot_be_resolved_is_a_located_warning(make_app: MakeApp, broken_citations: Path) -> None:
    app = make_app("html", srcdir=broken_citations)
    app.build()
    assert located(app, "broken", "ref") == {
        6: "cannot cite 'nothing:Tea': no page draws a map named 'nothing'",
        8: "cannot cite 'tea:Nothing': map 'tea' has no statement 'Nothing'",
        10: "cannot cite 'tea:<Sleep>': map 'tea' has no argument 'Sleep'",
        12: "the argmap role takes MAP:ID, or MAP:<ID> for an argument, not 'no target'",
    }
    # Shown as written, linking nowhere.
    assert citations_in(page(app, "broken")) == [
        ("", "nothing:Tea"),
        ("", "tea:Nothing"),
        ("", "tea:&lt;Sleep&gt;"),
        ("", "no target"),
    ]
    # Two pages draw a map named tea: a citation from a third page warns, and links to the first with the element.
    assert located(app, "cite", "ref") == {
        4: "maps named 'tea' are drawn on the pages again, maps: the citation links to again (give them distinct "
        ":name: options)"
    }
    assert citations_in(page(app, "cite"))[:2] == [
        ("again.html#tea.Drink%20tea", "We should drink tea now."),
        ("maps.html#tea.Sleep", "the objection"),
    ]
    # The page that draws the map links to its own diagram.
    assert citations_in(page(app, "maps")) == [("#tea.Sleep", "Tea keeps you awake at night. (OUT)")]


@pytest.mark.dot
def test_a_citation_that_cannot_be_resolved_fails_a_build_with_w(broken_citations: Path, tmp_path: Path) -> None:
    (broken_citations / "again.rst").unlink()
    arguments = ["-W", "-q", "-b", "html", str(broken_citations), str(tmp_path / "out")]
    assert build_main(arguments) == 1
    (broken_citations / "broken.rst").unlink()
    assert build_main([*arguments, "-E"]) == 0


@pytest.mark.dot
def test_citations_resolve_across_pages_read_and_written_in_parallel(tmp_path: Path) -> None:
    src = copy_root("cite", tmp_path)
    assert build_main(["-W", "-q", "-j", "2", "-b", "html", str(src), str(tmp_path / "out")]) == 0
    html = (tmp_path / "out" / "sub" / "cite.html").read_text(encoding="utf-8")
    assert citations_in(html) == [("../maps.html#tea.Decaf", "Decaf tea does not. (IN)")]


@pytest.mark.dot
def test_a_page_that_cites_a_changed_map_is_written_again(make_app: MakeApp, tmp_path: Path) -> None:
    src = copy_root("cite", tmp_path)
    rebuild(make_app, src)
    cite = tmp_path / "cite" / "_build" / "html" / "cite.html"
    written = cite.stat().st_mtime_ns
    maps = src / "maps.rst"
    # A change beside the map leaves the pages that cite it as they are.
    maps.write_text(maps.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    _, read = rebuild(make_app, src)
    assert read == ["maps"]
    assert cite.stat().st_mtime_ns == written
    # A change to the map writes them again, without reading them.
    maps.write_text(maps.read_text(encoding="utf-8").replace("should drink tea", "must drink tea"), encoding="utf-8")
    app, read = rebuild(make_app, src)
    assert read == ["maps"]
    assert citations_in(page(app, "cite"))[0] == ("maps.html#tea.Drink%20tea", "We must drink tea. (IN)")
    assert citations_in(page(app, "markdown"))[0] == ("maps.html#tea.Drink%20tea", "We must drink tea. (IN)")
    # So does a map that is gone, and its citations warn.
    maps.write_text(maps.read_text(encoding="utf-8").replace(":name: coffee", ":name: mocha"), encoding="utf-8")
    app, read = rebuild(make_app, src)
    assert read == ["maps"]
    assert located(app, "cite", "ref") == {4: "cannot cite 'coffee:Coffee': no page draws a map named 'coffee'"}


@pytest.mark.dot
def test_other_builders_show_the_cited_text_without_a_link(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("text", srcdir=copy_root("cite", tmp_path))
    app.build()
    text = (app.outdir / "cite.txt").read_text(encoding="utf-8")
    assert "The claim We should drink tea. (IN) stands, the objection falls" in text
    assert warnings_of(app) == []


# MyST ----------------------------------------------------------------------------------------------------------


@pytest.mark.dot
def test_the_directive_works_in_myst_fences(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("myst", tmp_path))
    app.build()
    html = page(app, "index")
    file_map, inline_map = svgs_in(html)
    assert ">Tea keeps you awake at night.</text>" in file_map
    assert ">Coffee</title>" in inline_map
    assert '<figure class="align-default" id="tea">' in html
    # Lines of inline maps count in the page, with options given either way.
    located = [w.split(": WARNING")[0] for w in warnings_of(app)]
    assert located == [f"{app.srcdir / 'index.md'}:{n}" for n in (26, 36)]


# Argdown, the default format of inline maps --------------------------------------------------------------------


@pytest.mark.dot
def test_argdown_maps_render_and_their_findings_point_at_their_lines(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app("html", srcdir=copy_root("argdown", tmp_path))
    app.build()
    file_map, inline_map = svgs_in(page(app, "index"))
    assert ">We should drink tea.</text>" in file_map
    assert ">We should drink coffee.</text>" in inline_map
    assert ">grounded semantics</text>" in inline_map
    disconnected = [w.split(": WARNING")[0] for w in warnings_of(app) if w.endswith("[argmap.disconnected]")]
    # [Cats] on line 5 of the map file; [Dogs] on the block's fourth line, line 12 of the page.
    assert disconnected == [f"{app.srcdir / 'maps/tea.argdown'}:5", f"{app.srcdir / 'index.rst'}:12"]


@pytest.mark.dot
def test_a_hard_evaluation_falls_back_to_grounded_with_a_warning(make_app: MakeApp, tmp_path: Path) -> None:
    src = tmp_path / "hard"
    pairs = "\n\n".join(f"   [p{n}]: P{n}.\n     >< [q{n}]: Q{n}." for n in range(40))
    cycle = "   [c0]: C0.\n     - [c1]: C1.\n       - [c2]: C2.\n         - [c0]"
    index = f"Hard\n====\n\n.. argmap::\n   :evaluate: stable\n\n{pairs}\n\n{cycle}\n"
    app = built_project(make_app, src, index, conf="argmap_timeout = 0.5\n", overrides={"argmap_warn_on": "error"})
    assert [w for w in warnings_of(app) if "[argmap" in w] == [
        f"{src / 'index.rst'}:4: WARNING: stable semantics found no labelling within 0.5 seconds; the map is drawn "
        "under grounded semantics instead [argmap.evaluate]"
    ]
    assert "grounded semantics" in page(app, "index")


def test_each_problem_of_an_argdown_map_is_warned_at_its_own_line(make_app: MakeApp, tmp_path: Path) -> None:
    src = tmp_path / "located"
    index = "Located\n=======\n\n.. argmap:: map.argdown\n"
    app = built_project(make_app, src, index, files={"map.argdown": "[a]: A\x02.\n\n[b]: B.\n\n[c]: C\x03.\n"})
    warned = [w for w in warnings_of(app) if "[argmap.invalid-text]" in w]
    assert [w.split(": WARNING")[0] for w in warned] == [f"{src / 'map.argdown'}:1", f"{src / 'map.argdown'}:5"]
    assert all("control character" in w for w in warned)


def test_a_nul_byte_in_a_map_path_is_a_located_warning(make_app: MakeApp, tmp_path: Path) -> None:
    src = tmp_path / "nul"
    app = built_project(make_app, src, "NUL\n===\n\n.. argmap:: maps/x\x00.argdown\n\nStill built.\n")
    assert [w for w in warnings_of(app) if "[argmap" in w] == [
        f"{src / 'index.rst'}:4: WARNING: map file 'maps/x\\x00.argdown' holds a NUL byte, which no file name can "
        "[argmap.path]"
    ]
    assert "Still built." in page(app, "index")


def test_the_directive_draws_a_part_of_the_map_with_select_s_names(make_app: MakeApp, tmp_path: Path) -> None:
    src = tmp_path / "part"
    body = (
        "   [Tea]: Tea is good.\n     - [Awake]: It keeps you awake.\n       + [Sleep]: Sleep matters.\n\n"
        "   [Alone]: Unrelated."
    )
    page_text = (
        "Part\n====\n\n.. argmap::\n   :select: Awake\n   :depth: 1\n   :reach: in\n\n" + body + "\n\n"
        ".. argmap::\n   :select: Nope\n\n" + body + "\n"
    )
    app = built_project(make_app, src, page_text, overrides={"argmap_warn_on": "error"})
    first, second = svgs_in(page(app, "index"))
    assert "Sleep matters." in first
    assert "Tea is good." not in first
    assert "Unrelated." not in first
    assert "Unrelated." in second  # a wrong selection draws the whole map, with a warning
    assert [w for w in warnings_of(app) if "[argmap" in w] == [
        f"{src / 'index.rst'}:15: WARNING: cannot select a part of the map: the map has no statement or argument "
        "'Nope'; the whole map is drawn [argmap.option]"
    ]


def test_statuses_that_the_semantics_cannot_give_draw_the_whole_map_with_a_warning(
    make_app: MakeApp, tmp_path: Path
) -> None:
    # Three claims that attack each other in a ring have no stable labelling.
    body = "   [A]: Alpha.\n     - [B]: Beta.\n       - [C]: Gamma.\n         - [A]\n"
    page_text = "Ring\n====\n\n.. argmap::\n   :statuses: in\n   :evaluate: stable\n\n" + body
    app = built_project(make_app, tmp_path / "statuses", page_text, overrides={"argmap_warn_on": "error"})
    (svg,) = svgs_in(page(app, "index"))
    assert all(text in svg for text in ("Alpha.", "Beta.", "Gamma."))
    warnings = [w for w in warnings_of(app) if "[argmap" in w]
    assert any("cannot select a part of the map" in w and "the whole map is drawn" in w for w in warnings), warnings


def test_a_wrong_evaluate_is_reported_once_and_statuses_choose_under_grounded(
    make_app: MakeApp, tmp_path: Path
) -> None:
    body = "   [A]: Alpha.\n     - [B]: Beta.\n"  # grounded: Beta in, Alpha out
    page_text = "Pair\n====\n\n.. argmap::\n   :statuses: in\n   :evaluate: nope\n\n" + body
    app = built_project(make_app, tmp_path / "wrong-evaluate", page_text)
    (svg,) = svgs_in(page(app, "index"))
    assert "Beta." in svg
    assert "Alpha." not in svg
    warnings = [w for w in warnings_of(app) if "[argmap" in w]
    assert len(warnings) == 1, warnings
    assert "evaluate" in warnings[0]
    assert "it is ignored" in warnings[0]


def positions(svg: str) -> list[tuple[str, str]]:
    """Where the drawing's texts stand, in order."""
    return re.findall(r'<text [^>]*\bx="([-0-9.]+)" y="([-0-9.]+)"', svg)


@pytest.mark.dot
def test_engine_lays_one_diagram_out_with_another_graphviz_engine(make_app: MakeApp, tmp_path: Path) -> None:
    body = "   [Tea]: Tea is good.\n     - [Awake]: It keeps you awake.\n       + [Sleep]: Sleep matters.\n"
    directives = ["", "   :engine: neato\n", "   :engine: nope\n"]
    text = "Engines\n=======\n\n" + "".join(f".. argmap::\n{options}\n{body}\n" for options in directives)
    src = tmp_path / "engines"
    app = built_project(make_app, src, text)
    default, neato, unknown = svgs_in(page(app, "index"))
    assert "Sleep matters." in neato
    assert positions(neato) != positions(default)
    assert positions(unknown) == positions(default)  # an unknown engine: dot, having warned
    assert [w for w in warnings_of(app) if "[argmap" in w] == [
        f"{src / 'index.rst'}:17: WARNING: :engine: unknown Graphviz layout engine 'nope': use one of "
        f"{', '.join(sorted(graphviz.ENGINES))}; the default, dot, is used [argmap.option]"
    ]
