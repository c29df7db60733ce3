"""The Sphinx extension: the argmap directive in reST and MyST pages, its warnings, its drawings and its cache."""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main
from sphinx.testing.util import SphinxTestApp

import argmap.sphinx

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
    run = argmap.sphinx._run_dot

    def counting(executable: str, source: str, format: str) -> bytes:
        calls.append(format)
        return run(executable, source, format)

    monkeypatch.setattr(argmap.sphinx, "_run_dot", counting)
    return calls


@pytest.fixture(scope="module")
def basic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The root with maps that are all fine, built once to HTML for the tests that only read its output."""
    app = SphinxTestApp("html", srcdir=copy_root("argmap", tmp_path_factory.mktemp("basic")))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


@pytest.fixture(scope="module")
def problems(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SphinxTestApp]:
    """The root whose maps are broken in every way the directive reports, built once to HTML."""
    app = SphinxTestApp("html", srcdir=copy_root("warnings", tmp_path_factory.mktemp("problems")))
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


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
    classes = re.findall(r'<div class="([^"]*)"><svg', page(basic, "sub/page"))
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
    assert ids_in(first)
    assert all(id.startswith("argmap-1-") for id in ids_in(first))
    assert ids_in(second)
    assert all(id.startswith("argmap-2-") for id in ids_in(second))


@pytest.mark.dot
def test_each_diagram_is_an_image_with_a_title_and_a_description(basic: SphinxTestApp) -> None:
    for name in ("file", "inline", "two", "sub/page"):
        for svg in svgs_in(page(basic, name)):
            labelled_by = re.search(r'<svg [^>]*role="img" aria-labelledby="([^"]*)"', svg)
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
    _, read = rebuild(make_app, src)
    assert read == []
    assert dot_calls == ["svg"] * 4


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
