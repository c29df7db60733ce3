"""Diagrams as readers see them: small sites built with each documentation theme, measured in Chromium.

Every site draws the seed map, evaluated on one page and plain on another, and is served from localhost; the
self-contained page (``argmap render ... -o x.html``) is opened from its file. Chromium shows each at desktop and
phone widths, light and dark, and the tests check what a reader meets: the page never scrolls sideways, text is
large enough and contrasts with what lies under it, every node and edge says what it is, the viewer's zoom and
full-size view work, and nothing is fetched from the network. Sites are built once per session, in parallel, and
one browser serves every test.

With ARGMAP_UPDATE_SCREENSHOTS=1 (``make screenshots``) the screenshots that docs/diagrams.md shows are taken anew.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from argmap.formats import load
from argmap.model import ElementType
from argmap.render.dot import drawing
from argmap.render.notes import EDGE_VERBS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.dot]

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kim-in-russia.argdown"
MEASURE = (Path(__file__).resolve().parent / "browser" / "measure.js").read_text(encoding="utf-8")
SCREENSHOTS = ROOT / "docs" / "_static" / "screenshots"
UPDATE_SCREENSHOTS = os.environ.get("ARGMAP_UPDATE_SCREENSHOTS") == "1"

# Chromium as CI runs it: no sandbox (containers run as root), no GPU, and none of its own traffic to Google.
DESKTOP, PHONE = 1280, 390
WIDTHS = (DESKTOP, PHONE)
HEIGHT = 800
# How long a test waits for the viewer to react: it reacts at once, so this is only a bound on a failing test.
WAIT_MS = 2_000

# What WCAG 2 asks of text (AA) and of the parts of a graphic that carry meaning.
TEXT_CONTRAST = 4.5
EDGE_CONTRAST = 3.0
# The smallest node text that reads as shown, and in the full-size view that one click opens.
READABLE_PX = 10
READABLE_FULL_PX = 11
# Names that Graphviz or the DOT writer generate, which a reader must never meet: node and argument numbers,
# Graphviz's default graph name, cluster names.
INTERNAL = re.compile(r"\b[sa][0-9]+\b|%3|cluster_?[0-9]+")


@attrs.frozen
class Toggle:
    """How a theme's own light/dark switch marks a page: an attribute of ``html`` or ``body`` and its two values."""

    element: str
    attribute: str
    dark: str
    light: str

    def script(self, scheme: str) -> str:
        """JavaScript that flips the switch to ``scheme``, as the theme's button does."""
        value = self.dark if scheme == "dark" else self.light
        target = "document.documentElement" if self.element == "html" else "document.body"
        return f"{target}.setAttribute({self.attribute!r}, {value!r})"


DATA_THEME_BODY = Toggle("body", "data-theme", "dark", "light")
DATA_THEME_HTML = Toggle("html", "data-theme", "dark", "light")
MATERIAL = Toggle("body", "data-md-color-scheme", "slate", "default")


@attrs.frozen
class Site:
    """A site the tests build: its name, its theme's switch (``None``: the theme has no dark mode), and its two
    pages, the evaluated map's and the plain map's, as paths from the site's root.
    """

    name: str
    toggle: Toggle | None
    pages: tuple[str, str]


SPHINX_PAGES = ("index.html", "plain.html")
SPHINX_THEMES: Mapping[str, Toggle | None] = {
    "alabaster": None,
    "furo": DATA_THEME_BODY,
    "sphinx_rtd_theme": None,
    "pydata_sphinx_theme": DATA_THEME_HTML,
    "sphinx_book_theme": DATA_THEME_HTML,
}
SITES: Mapping[str, Site] = {
    **{name: Site(name, toggle, SPHINX_PAGES) for name, toggle in SPHINX_THEMES.items()},
    "material": Site("material", MATERIAL, ("", "plain/")),
    # argmap's own page of one map (argmap render -o x.html), opened from its file: one page, the map plain.
    "page": Site("page", None, ("kim-in-russia.html", "kim-in-russia.html")),
}


# Building the sites ------------------------------------------------------------------------------------------

PROSE = (
    "The editorial argues that Moon's North Korea policy may not work. The diagram below lays out its reasoning: "
    "which claims support which, and what speaks against them."
)
SPHINX_CONF = """project = "Kim in Russia"
extensions = ["argmap.sphinx"]
html_theme = {theme!r}
# A title short enough for a phone's header bar: pydata's and the Book theme's push their buttons off the page
# rather than wrap a long one.
html_title = "Kim in Russia"
# pydata's and the Book theme's light/dark mode until the reader picks one (without it they log an error).
html_context = {{"default_mode": "auto"}}
"""
SPHINX_INDEX = f"""Kim in Russia
=============

{PROSE}

.. argmap:: kim-in-russia.argdown
   :evaluate: grounded
   :caption: The editorial's reasoning under grounded semantics

Green claims stand, red ones fall; a dashed border marks a rejected claim.

.. toctree::

   plain
"""
SPHINX_PLAIN = """The map, plain
==============

.. argmap:: kim-in-russia.argdown
"""
MKDOCS_YML = """site_name: Kim in Russia
theme:
  name: material
  font: false
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/brightness-7
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/brightness-4
        name: Switch to light mode
plugins:
  - search
  - argmap
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: argmap
          class: argmap
          format: !!python/name:argmap.mkdocs.fence_format
          validator: !!python/name:argmap.mkdocs.fence_validator
nav:
  - index.md
  - plain.md
"""


@attrs.frozen
class Built:
    """A site's build: whether it succeeded and what the builder said."""

    ok: bool
    log: str


def _run(command: Sequence[str], cwd: Path) -> Built:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, timeout=600)
    return Built(done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}")


def _sphinx(theme: str, work: Path, out: Path) -> Built:
    source = work / theme
    source.mkdir(parents=True)
    (source / "conf.py").write_text(SPHINX_CONF.format(theme=theme), encoding="utf-8")
    (source / "index.rst").write_text(SPHINX_INDEX, encoding="utf-8")
    (source / "plain.rst").write_text(SPHINX_PLAIN, encoding="utf-8")
    shutil.copy(SEED, source)
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(work / f"{theme}.doctrees")]
    return _run([*command, str(source), str(out / theme)], ROOT)


def _mkdocs(work: Path, out: Path) -> Built:
    project = work / "material"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    seed = SEED.read_text(encoding="utf-8")
    pages = {
        "index.md": f'# Kim in Russia\n\n{PROSE}\n\n```argmap evaluate="grounded"\n{seed}\n```\n',
        "plain.md": f"# The map, plain\n\n```argmap\n{seed}\n```\n",
    }
    for name, text in pages.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return _run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out / "material")], project)


def _page(out: Path) -> Built:
    target = out / "page" / SITES["page"].pages[0]
    target.parent.mkdir(parents=True)
    return _run([sys.executable, "-m", "argmap", "render", str(SEED), "-o", str(target)], ROOT)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Requests are the test's business: nothing goes to stderr."""

    def do_GET(self) -> None:
        """The files asked for; Chromium asks every site for an icon, whose absence would log an error."""
        if self.path == "/favicon.ico":
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


@attrs.frozen
class Sites:
    """The built sites, served from localhost at ``server``: each site's build, and the addresses of its pages."""

    root: Path
    builds: Mapping[str, Built]
    server: str

    def url(self, site: str, page: int = 0) -> str:
        """The address of a site's page; the test fails with the builder's messages when the site did not build."""
        built = self.builds[site]
        if not built.ok:
            pytest.fail(f"the {site} site did not build:\n{built.log}")
        path = f"{site}/{SITES[site].pages[page]}"
        return (self.root / path).as_uri() if site == "page" else self.server + path


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    """Every site, built at once on two workers (a build is mostly one process's work), and served."""
    work, out = tmp_path_factory.mktemp("sources"), tmp_path_factory.mktemp("sites")
    builders: dict[str, Callable[[], Built]] = {
        **{theme: functools.partial(_sphinx, theme, work, out) for theme in SPHINX_THEMES},
        "material": functools.partial(_mkdocs, work, out),
        "page": functools.partial(_page, out),
    }
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(build) for name, build in builders.items()}
    builds = {name: future.result() for name, future in futures.items()}
    handler = functools.partial(_Quiet, directory=str(out))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        yield Sites(out, builds, f"http://127.0.0.1:{httpd.server_address[1]}/")
        httpd.shutdown()


# The browser -------------------------------------------------------------------------------------------------


@attrs.define
class Visit:
    """A page open in the browser, and what it logged and asked for since it was opened."""

    page: Page
    errors: list[str] = attrs.Factory(list)
    requests: list[str] = attrs.Factory(list)

    def measure(self) -> dict[str, Any]:
        """What tests/browser/measure.js finds in the page now."""
        result: dict[str, Any] = self.page.evaluate(MEASURE)
        return result

    def frame(self) -> dict[str, Any]:
        """The measure of the page's first diagram frame (the one in the full-size view when it is open)."""
        frames = self.measure()["diagrams"]
        assert frames, "no diagram frame (div.argmap-frame) in the page"
        return next((frame for frame in frames if frame["inDialog"]), frames[0])

    def svg_width(self) -> float:
        """How wide the first diagram is drawn now, in CSS pixels."""
        width: float = self.page.evaluate("document.querySelector('.argmap-frame > svg').getBoundingClientRect().width")
        return width


@contextlib.contextmanager
def visit(
    browser: Browser,
    address: str,
    *,
    width: int,
    scheme: str = "light",
    switch: str | None = None,
    touch: bool = False,
) -> Iterator[Visit]:
    """``address`` open at ``width`` CSS pixels, for a reader who prefers ``scheme``, on a phone's touch screen
    if ``touch``; ``switch`` is JavaScript that flips the theme's own light/dark switch once the page is loaded.
    Requests that would leave localhost are recorded, then refused, so that a test never waits on the network.
    """
    context = browser.new_context(
        viewport={"width": width, "height": HEIGHT},
        color_scheme=scheme,
        service_workers="block",
        has_touch=touch,
        is_mobile=touch,
    )
    try:
        context.route(re.compile(r"^(?!http://127\.0\.0\.1:|file:|data:)"), lambda route: route.abort())
        page = context.new_page()
        seen = Visit(page)
        page.on("console", lambda message: seen.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))
        page.on("request", lambda request: seen.requests.append(request.url))
        page.goto(address)
        # The viewer starts as soon as the document is parsed, before the load event that goto() waits for.
        if page.locator(".argmap-viewer[data-argmap-ready]").count() == 0:
            pytest.fail(f"no diagram viewer started in {address} (div.argmap-viewer, with argmap.js)")
        if switch is not None:
            page.evaluate(switch)
        yield seen
    finally:
        context.close()


# Colours -----------------------------------------------------------------------------------------------------

_CSS_COLOUR = re.compile(r"rgba?\(([^)]*)\)")
Rgba = tuple[float, float, float, float]


def rgba(css: str) -> Rgba:
    """A computed CSS colour (``rgb(...)``, ``rgba(...)``, ``none``, ``transparent``) as red, green, blue and
    alpha, each from 0 to 1.
    """
    if css in ("none", "transparent"):
        return (0.0, 0.0, 0.0, 0.0)
    found = _CSS_COLOUR.fullmatch(css.strip())
    assert found is not None, f"unexpected computed colour {css!r}"
    parts = [float(part) for part in re.split(r"[\s,/]+", found.group(1).strip())]
    alpha = parts[3] if len(parts) > 3 else 1.0
    return (parts[0] / 255, parts[1] / 255, parts[2] / 255, alpha)


def over(top: Rgba, bottom: Rgba) -> Rgba:
    """``top`` painted over the opaque colour ``bottom``."""
    alpha = top[3]
    red, green, blue = (top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))
    return (red, green, blue, 1.0)


def backdrop(layers: Sequence[str], start: str = "rgb(255, 255, 255)") -> Rgba:
    """What shows through ``layers`` (CSS colours, bottom first) painted one over another on ``start``."""
    shown = rgba(start)
    for layer in layers:
        shown = over(rgba(layer), shown)
    return shown


def luminance(colour: Rgba) -> float:
    """WCAG 2's relative luminance of an opaque colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in colour[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: Rgba, background: Rgba) -> float:
    """WCAG 2's contrast ratio of ``foreground`` (painted over ``background``) and ``background``."""
    lighter, darker = sorted((luminance(over(foreground, background)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast(rgba("rgb(0, 0, 0)"), rgba("rgb(255, 255, 255)")) == pytest.approx(21)
    assert contrast(rgba("rgb(118, 118, 118)"), rgba("rgb(255, 255, 255)")) == pytest.approx(4.54, abs=0.01)
    assert contrast(rgba("rgba(0, 0, 0, 0)"), rgba("rgb(255, 255, 255)")) == pytest.approx(1)
    assert backdrop(["rgba(0, 0, 0, 0.5)"]) == pytest.approx((0.5, 0.5, 0.5, 1))


# Measuring each site ------------------------------------------------------------------------------------------


@attrs.frozen
class Case:
    """One way a reader meets a site: its width, the colour scheme the reader prefers and the one the page shows
    (different only where the theme's switch overrides the reader's preference).
    """

    site: str
    width: int
    scheme: str
    page_scheme: str

    @property
    def id(self) -> str:
        mode = self.scheme if self.scheme == self.page_scheme else f"{self.scheme}-reader-{self.page_scheme}-page"
        return f"{self.site}-{self.width}-{mode}"

    def open(
        self, browser: Browser, sites: Sites, page: int = 0, *, touch: bool = False
    ) -> contextlib.AbstractContextManager[Visit]:
        """The site's ``page`` (0: the evaluated map's, 1: the plain map's) open as this case shows it."""
        toggle = SITES[self.site].toggle
        switch = toggle.script(self.page_scheme) if toggle is not None else None
        address = sites.url(self.site, page)
        return visit(browser, address, width=self.width, scheme=self.scheme, switch=switch, touch=touch)


def _cases() -> Iterator[Case]:
    for site in SITES.values():
        for width in WIDTHS:
            for scheme in ("light", "dark"):
                yield Case(site.name, width, scheme, scheme)
        if site.toggle is not None:
            yield Case(site.name, DESKTOP, "dark", "light")
            yield Case(site.name, DESKTOP, "light", "dark")


CASES = [pytest.param(case, id=case.id) for case in _cases()]


@attrs.frozen
class Measured:
    """Both pages of a site as one case shows them: the measures, the errors logged and the requests made."""

    pages: tuple[dict[str, Any], ...]
    errors: tuple[str, ...]
    requests: tuple[str, ...]


@pytest.fixture(scope="session")
def measured(sites: Sites, browser: Browser) -> Callable[[Case], Measured]:
    """Measures a case once, however many tests look at it."""

    @functools.cache
    def measure(case: Case) -> Measured:
        pages, errors, requests = [], [], []
        for page in range(len(set(SITES[case.site].pages))):
            with case.open(browser, sites, page) as seen:
                pages.append(seen.measure())
            errors += seen.errors
            requests += seen.requests
        return Measured(tuple(pages), tuple(errors), tuple(requests))

    return measure


@pytest.mark.parametrize("case", CASES)
def test_the_page_never_scrolls_sideways(case: Case, measured: Callable[[Case], Measured]) -> None:
    for page in measured(case).pages:
        assert page["scrollWidth"] <= page["innerWidth"]
        for frame in page["diagrams"]:
            assert frame["frame"]["left"] >= 0
            assert frame["frame"]["right"] <= page["innerWidth"]


@pytest.mark.parametrize("case", CASES)
def test_every_text_contrasts_with_what_lies_under_it(case: Case, measured: Callable[[Case], Measured]) -> None:
    faint = []
    for page in measured(case).pages:
        for frame in page["diagrams"]:
            for text in frame["texts"]:
                under = backdrop([frame["canvas"], *text["layers"]], page["background"])
                ratio = contrast(rgba(text["fill"]), under)
                if ratio < TEXT_CONTRAST:
                    faint.append((text["text"], round(ratio, 2)))
    assert faint == []


@pytest.mark.parametrize("case", CASES)
def test_the_viewer_controls_contrast_with_their_background(case: Case, measured: Callable[[Case], Measured]) -> None:
    faint, shown = [], 0
    for page in measured(case).pages:
        for frame in page["diagrams"]:
            for control in frame["controls"]:
                shown += 1
                under = backdrop(list(reversed(control["behind"])), page["background"])
                if contrast(rgba(control["colour"]), under) < TEXT_CONTRAST:
                    faint.append(control["text"])
    # Four buttons per diagram at least, and the hint where the diagram is shrunk.
    assert shown >= 4 * len(measured(case).pages)
    assert faint == []


@pytest.mark.parametrize("case", CASES)
def test_every_edge_contrasts_with_the_canvas(case: Case, measured: Callable[[Case], Measured]) -> None:
    faint = []
    for page in measured(case).pages:
        for frame in page["diagrams"]:
            canvas = backdrop([frame["canvas"]], page["background"])
            for edge in frame["edges"]:
                assert edge["strokes"], f"an edge with nothing drawn: {edge['title']!r}"
                faint += [
                    (edge["title"], stroke)
                    for stroke in edge["strokes"]
                    if contrast(rgba(stroke), canvas) < EDGE_CONTRAST
                ]
    assert faint == []


@pytest.mark.parametrize("case", CASES)
def test_the_diagram_is_light_or_dark_as_the_page_is(case: Case, measured: Callable[[Case], Measured]) -> None:
    dark = case.page_scheme == "dark"
    for page in measured(case).pages:
        if SITES[case.site].toggle is not None:
            # The switch was flipped: the page itself shows the scheme (else the test would prove nothing).
            assert (luminance(backdrop([page["background"]])) < 0.2) == dark
        for frame in page["diagrams"]:
            assert (luminance(backdrop([frame["canvas"]], page["background"])) < 0.2) == dark


@pytest.mark.parametrize("case", CASES)
def test_no_console_error_and_no_request_leaves_localhost(case: Case, measured: Callable[[Case], Measured]) -> None:
    seen = measured(case)
    assert list(seen.errors) == []
    local = ("http://127.0.0.1:", "file:", "data:")
    assert [request for request in seen.requests if not request.startswith(local)] == []


@pytest.mark.parametrize("site", SITES)
def test_every_node_and_edge_says_what_it_is(site: str, measured: Callable[[Case], Measured]) -> None:
    m = load(SEED)
    drawn = drawing(m)
    for page in measured(Case(site, DESKTOP, "light", "light")).pages:
        (frame,) = page["diagrams"]
        titles = [node["title"] for node in frame["nodes"]]
        assert len(titles) == len(drawn.nodes)
        # Each statement's full text, and each argument's name, begins its node's title.
        for type, id in drawn.nodes.values():
            start = f"{m.statement(id).text}\n" if type is ElementType.STATEMENT else f"Argument <{id}>"
            assert sum(title.startswith(start) for title in titles) == 1, start
        # Anchors, not Graphviz's names: every node's id is unique and none is a generated one.
        ids = [node["id"] for node in frame["nodes"]]
        assert len(set(ids)) == len(ids)
        assert [id for id in ids if INTERNAL.search(id) or not id] == []
        assert [title for title in frame["titles"] if INTERNAL.search(title)] == []
        assert len(frame["edges"]) == len(drawn.edges)
        verbs = [f" {verb} " for verb in EDGE_VERBS.values()]
        assert [edge["title"] for edge in frame["edges"] if not any(verb in edge["title"] for verb in verbs)] == []


FURO_MODES = [
    ("light", "auto", "light"),
    ("dark", "auto", "dark"),
    ("dark", "light", "light"),
    ("light", "dark", "dark"),
]


@pytest.mark.parametrize(
    ("scheme", "furo", "shown"), [pytest.param(*mode, id=f"{mode[0]}-reader-furo-{mode[1]}") for mode in FURO_MODES]
)
def test_the_documented_colour_override_takes_effect(
    scheme: str, furo: str, shown: str, sites: Sites, browser: Browser
) -> None:
    """docs/diagrams.md's stylesheet, added to a Furo page, colours arguments in light and dark mode."""
    (css,) = re.findall(r"```css\n(.*?)```", (ROOT / "docs" / "diagrams.md").read_text(encoding="utf-8"), re.DOTALL)
    light, dark = dict.fromkeys(re.findall(r"--argmap-argument-fill: (#[0-9a-f]{6})", css))
    expected = dark if shown == "dark" else light
    switch = f"document.body.setAttribute('data-theme', {furo!r})"
    with visit(browser, sites.url("furo", 1), width=DESKTOP, scheme=scheme, switch=switch) as seen:
        seen.page.add_style_tag(content=css)
        fill = seen.page.locator(".argmap-fill-argument-fill").first.evaluate("shape => getComputedStyle(shape).fill")
    assert rgba(fill)[:3] == pytest.approx(tuple(int(expected[i : i + 2], 16) / 255 for i in (1, 3, 5)))


# Reading and moving about ------------------------------------------------------------------------------------

SITE_WIDTHS = [pytest.param(site, width, id=f"{site}-{width}") for site in SITES for width in WIDTHS]


def _node_text(frame: Mapping[str, Any]) -> float:
    sizes = [text["size"] for text in frame["texts"] if text["node"]]
    assert sizes, "the diagram has no node text"
    return min(sizes)


# A point of a frame where the diagram draws nothing: the lowest such point, scanning from the bottom left.
EMPTY_SPOT = """frame => {
    const box = frame.getBoundingClientRect();
    for (let y = box.bottom - 3; y > box.top; y -= 5) {
        for (let x = box.left + 3; x < box.right; x += 5) {
            const hit = document.elementFromPoint(x, y);
            if (hit && frame.contains(hit) && !hit.closest("g.node, g.edge")) return [x, y];
        }
    }
    return null;
}"""


def _click_diagram(seen: Visit) -> None:
    """One click on the diagram where no node is (a click on a node selects it, on argmap's own page)."""
    spot = seen.page.locator(".argmap-frame").first.evaluate(EMPTY_SPOT)
    assert spot is not None, "the diagram covers its whole frame"
    seen.page.mouse.click(*spot)


@pytest.mark.parametrize(("site", "width"), SITE_WIDTHS)
def test_node_text_is_readable_as_shown_or_after_one_click(
    site: str, width: int, sites: Sites, browser: Browser
) -> None:
    with Case(site, width, "light", "light").open(browser, sites) as seen:
        if _node_text(seen.frame()) < READABLE_PX:
            _click_diagram(seen)
            seen.page.wait_for_selector("dialog.argmap-dialog[open]", timeout=WAIT_MS)
            full = seen.frame()
            assert full["inDialog"]
            assert _node_text(full) >= READABLE_FULL_PX
            page = seen.measure()
            assert page["scrollWidth"] <= page["innerWidth"]
        assert seen.errors == []


@pytest.mark.parametrize(("site", "width"), SITE_WIDTHS)
def test_zoom_pan_and_fit(site: str, width: int, sites: Sites, browser: Browser) -> None:
    with Case(site, width, "light", "light").open(browser, sites) as seen:
        page = seen.page
        viewer = page.locator(".argmap-viewer").first
        frame = viewer.locator(".argmap-frame")
        fitted = seen.svg_width()
        assert fitted <= seen.frame()["frame"]["width"] + 0.5

        viewer.get_by_role("button", name="Zoom in").click()
        assert seen.svg_width() == pytest.approx(fitted * 1.25, rel=0.01)
        viewer.get_by_role("button", name="Zoom out").click()
        assert seen.svg_width() == pytest.approx(fitted, rel=0.01)
        viewer.get_by_role("button", name="Zoom in").click()
        viewer.get_by_role("button", name="Fit").click()
        assert seen.svg_width() == pytest.approx(fitted, abs=0.5)

        frame.focus()
        page.keyboard.press("+")
        page.keyboard.press("+")
        assert seen.svg_width() == pytest.approx(fitted * 1.25**2, rel=0.01)
        # Dragging pans the zoomed diagram, and the click that ends a drag opens nothing.
        box = frame.bounding_box()
        assert box is not None
        middle = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        before = frame.evaluate("frame => frame.scrollLeft")
        page.mouse.move(*middle)
        page.mouse.down()
        page.mouse.move(middle[0] - 60, middle[1], steps=5)
        page.mouse.up()
        assert frame.evaluate("frame => frame.scrollLeft") == pytest.approx(before + 60, abs=2)
        assert page.locator("dialog.argmap-dialog").count() == 0
        page.keyboard.press("0")
        assert seen.svg_width() == pytest.approx(fitted, abs=0.5)

        # Ctrl with the wheel (what a trackpad's pinch sends) zooms where the pointer is.
        page.mouse.move(*middle)
        page.keyboard.down("Control")
        page.mouse.wheel(0, -200)
        page.keyboard.up("Control")
        page.wait_for_function(
            f"document.querySelector('.argmap-frame > svg').getBoundingClientRect().width > {fitted}"
        )
        page.keyboard.press("0")
        assert seen.svg_width() == pytest.approx(fitted, abs=0.5)
        # The page itself never zoomed nor scrolled sideways.
        measure = seen.measure()
        assert measure["scrollWidth"] <= measure["innerWidth"]
        assert seen.errors == []


# Where a node is shown: its box, its frame's and the window's, and the size of its text on the screen.
SHOWN = """node => {
    const box = (rect) => [rect.left, rect.top, rect.right, rect.bottom];
    const matrix = node.querySelector("text").getScreenCTM();
    return {
        node: box(node.getBoundingClientRect()),
        frame: box(node.closest(".argmap-frame").getBoundingClientRect()),
        window: [0, 0, innerWidth, innerHeight],
        size: parseFloat(getComputedStyle(node.querySelector("text")).fontSize) * Math.hypot(matrix.b, matrix.d),
    };
}"""


def _inside(inner: Sequence[float], outer: Sequence[float]) -> bool:
    """Whether the box ``inner`` shows in ``outer`` (boxes are left, top, right, bottom): whole, or as much of it
    as ``outer`` has room for.
    """
    for low, high in ((0, 2), (1, 3)):
        overlap = min(inner[high], outer[high]) - max(inner[low], outer[low])
        if overlap < min(inner[high] - inner[low], outer[high] - outer[low]) - 2:
            return False
    return True


@pytest.mark.parametrize(("site", "width"), SITE_WIDTHS)
def test_a_link_to_a_node_shows_it_readable_and_marked(site: str, width: int, sites: Sites, browser: Browser) -> None:
    with Case(site, width, "light", "light").open(browser, sites) as seen:
        page = seen.page
        address = page.url
        ids = page.eval_on_selector_all("g.argmap-statement", "nodes => nodes.map(node => node.id)")
        # A node far from the top left, where a fitted diagram starts: the last one drawn.
        target = ids[-1]
        page.goto("about:blank")
        page.goto(f"{address}#{target}")
        node = page.locator(f'[id="{target}"]')
        assert "argmap-target" in (node.get_attribute("class") or "").split()
        shown = node.evaluate(SHOWN)
        assert _inside(shown["node"], shown["frame"])
        assert _inside(shown["node"], shown["window"])
        assert shown["size"] >= READABLE_FULL_PX
        assert seen.errors == []


@pytest.mark.parametrize("site", SITES)
def test_a_pinch_zooms_the_diagram_and_not_the_page(site: str, sites: Sites, browser: Browser) -> None:
    with Case(site, PHONE, "light", "light").open(browser, sites, touch=True) as seen:
        fitted = seen.svg_width()
        box = seen.page.locator(".argmap-frame").first.bounding_box()
        assert box is not None
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # Two fingers 40 px apart that end 160 px apart: four times the size.
        cdp = seen.page.context.new_cdp_session(seen.page)
        for kind, apart in [("touchStart", 40), *(("touchMove", apart) for apart in range(50, 161, 10))]:
            fingers = [{"x": x - apart / 2, "y": y, "id": 0}, {"x": x + apart / 2, "y": y, "id": 1}]
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": fingers})
        cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        assert seen.svg_width() == pytest.approx(fitted * 4, rel=0.02)
        assert seen.page.evaluate("visualViewport.scale") == 1
        measure = seen.measure()
        assert measure["scrollWidth"] <= measure["innerWidth"]
        assert seen.errors == []


@pytest.mark.parametrize(("site", "width"), SITE_WIDTHS)
def test_full_size_opens_and_escape_or_back_closes_it(site: str, width: int, sites: Sites, browser: Browser) -> None:
    with Case(site, width, "light", "light").open(browser, sites) as seen:
        page = seen.page
        address = page.url
        fitted = seen.svg_width()
        dialog = page.locator("dialog.argmap-dialog[open]")

        page.locator(".argmap-viewer").first.get_by_role("button", name="Full size").click()
        dialog.wait_for(timeout=WAIT_MS)
        inside = seen.measure()
        assert inside["dialog"]
        assert inside["scrollWidth"] <= inside["innerWidth"]
        # The full-size view shows the diagram at its natural size, its frame filling the window.
        assert seen.frame()["frame"]["width"] >= width - 20
        page.keyboard.press("Escape")
        dialog.wait_for(state="detached", timeout=WAIT_MS)
        assert seen.svg_width() == pytest.approx(fitted, abs=0.5)
        assert not seen.frame()["inDialog"]

        page.locator(".argmap-viewer").first.get_by_role("button", name="Full size").click()
        dialog.wait_for(timeout=WAIT_MS)
        page.go_back()
        dialog.wait_for(state="detached", timeout=WAIT_MS)
        assert page.url == address
        assert seen.svg_width() == pytest.approx(fitted, abs=0.5)
        assert seen.errors == []


# argmap's own page of a map --------------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_the_page_of_a_map_works_offline_and_fetches_nothing(width: int, sites: Sites, browser: Browser) -> None:
    address = sites.url("page")
    with visit(browser, address, width=width, scheme="dark") as seen:
        page = seen.page
        # Loaded again offline, with a watch on the Content-Security-Policy from the start.
        page.add_init_script(
            "window.violations = [];"
            "document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));"
        )
        page.context.set_offline(True)
        page.reload()
        viewer = page.locator(".argmap-viewer[data-argmap-ready]")
        viewer.get_by_role("button", name="Zoom in").click()
        viewer.get_by_role("button", name="Full size").click()
        page.locator("dialog.argmap-dialog[open]").wait_for(timeout=WAIT_MS)
        page.keyboard.press("Escape")
        page.locator("dialog.argmap-dialog").wait_for(state="detached", timeout=WAIT_MS)
        assert page.evaluate("window.violations") == []
        assert set(seen.requests) == {address}
        assert seen.errors == []


def test_a_claim_and_the_passages_it_quotes_select_each_other(sites: Sites, browser: Browser) -> None:
    with Case("page", DESKTOP, "light", "light").open(browser, sites) as seen:
        page = seen.page
        drawn = set(page.eval_on_selector_all("g.argmap-statement", "nodes => nodes.map(node => node.id)"))
        script = "marks => marks.map(mark => mark.dataset.argmapClaims.split(' '))"
        claims = page.eval_on_selector_all("mark.argmap-quote", script)

        first = next(claim for marked in claims for claim in marked if claim in drawn)
        page.locator(f'[id="{first}"]').click()
        lit = page.eval_on_selector_all("mark.argmap-quote.argmap-lit", script)
        assert len(lit) == sum(first in marked for marked in claims) > 0
        assert all(first in marked for marked in lit)
        assert page.locator("g.argmap-selected").evaluate("node => node.id") == first
        assert page.url.endswith(f"#{first}")

        # A passage of another claim: its claim is selected, and the passages lit are that claim's.
        other = next(i for i, marked in enumerate(claims) if first not in marked and drawn & set(marked))
        page.locator("mark.argmap-quote").nth(other).click()
        selected = page.locator("g.argmap-selected").evaluate("node => node.id")
        assert selected in drawn & set(claims[other])
        lit = page.eval_on_selector_all("mark.argmap-quote.argmap-lit", script)
        assert lit
        assert all(selected in marked for marked in lit)
        assert seen.errors == []


# Screenshots for the docs -------------------------------------------------------------------------------------


@attrs.frozen
class Shot:
    """A screenshot that docs/diagrams.md shows: a case, and whether the full-size view is open."""

    name: str
    case: Case
    full_size: bool = False


SHOTS = [
    Shot("furo-light-desktop", Case("furo", DESKTOP, "light", "light")),
    Shot("furo-dark-phone", Case("furo", PHONE, "dark", "dark")),
    Shot("furo-dark-phone-full-size", Case("furo", PHONE, "dark", "dark"), full_size=True),
    Shot("material-dark-desktop", Case("material", DESKTOP, "dark", "dark")),
]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _take(shot: Shot, seen: Visit) -> bytes:
    page = seen.page
    if shot.full_size:
        page.locator(".argmap-viewer").first.get_by_role("button", name="Full size").click()
        page.locator("dialog.argmap-dialog[open]").wait_for(timeout=WAIT_MS)
    else:
        # The diagram near the top of the window, with a little of the page above it.
        page.evaluate("window.scrollTo(0, document.querySelector('.argmap-viewer').getBoundingClientRect().top - 120)")
    page.mouse.move(0, 0)
    return page.screenshot(type="png")


@pytest.mark.parametrize("shot", [pytest.param(shot, id=shot.name) for shot in SHOTS])
def test_screenshots_for_the_docs(shot: Shot, sites: Sites, browser: Browser) -> None:
    path = SCREENSHOTS / f"{shot.name}.png"
    if UPDATE_SCREENSHOTS:
        with shot.case.open(browser, sites) as seen:
            data = _take(shot, seen)
            assert seen.errors == []
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.is_file(), f"{path} is missing: run `make screenshots`"
    assert _png_size(path.read_bytes()) == (shot.case.width, HEIGHT)
    assert path.name in (ROOT / "docs" / "diagrams.md").read_text(encoding="utf-8")
