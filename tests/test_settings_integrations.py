"""The document's own settings in every integration: applied by default, off by one switch, and beaten by the
options a caller gives."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import markdown
import pytest
from sphinx.testing.util import SphinxTestApp

import argmap
from argmap.cli import main
from argmap.jupyter import show
from argmap.mkdocs import fence_format, fence_validator

pytest_plugins = ["sphinx.testing.fixtures"]

#: The reference's default selection leaves out the disconnected [Alone]; logLevel is a setting argmap leaves out.
DOCUMENT = """===
selection:
  excludeDisconnected: true
logLevel: verbose
===

[Tea]: Tea is good.
  - [Awake]: It keeps you awake.

[Alone]: Unrelated.
"""


@pytest.fixture
def document_asks_for_tb(monkeypatch: pytest.MonkeyPatch) -> None:
    """The drawing settings as if the document asked for its reasons above their conclusions."""
    monkeypatch.setattr("argmap.settings.drawing.drawing_options", lambda m: ({"direction": "TB"}, frozenset()))


def rankdir(dot: str) -> str:
    found = re.search(r"rankdir=\"?(\w+)", dot)
    assert found is not None
    return found.group(1)


def test_render_applies_the_document_s_settings_and_names_those_it_leaves_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document_asks_for_tb: None
) -> None:
    path = tmp_path / "tea.argdown"
    path.write_text(DOCUMENT, encoding="utf-8")
    assert main(["render", str(path), "-o", "-"]) == 0
    out, err = capsys.readouterr()
    assert "Tea is good." in out
    assert "Unrelated." not in out
    assert rankdir(out) == "TB"
    assert f"argmap: warning: {path}:4:1: the Argdown setting logLevel is not honoured" in err
    assert main(["render", str(path), "-o", "-", "--direction", "LR"]) == 0
    assert rankdir(capsys.readouterr().out) == "LR"  # the command line wins
    assert main(["render", str(path), "-o", "-", "--no-settings"]) == 0
    out, err = capsys.readouterr()
    assert "Unrelated." in out
    assert rankdir(out) == "BT"
    assert err == ""
    assert main(["render", str(path), "-o", "-", "--select", "Alone"]) == 0  # the command line's part instead
    out = capsys.readouterr().out
    assert "Unrelated." in out
    assert "Tea is good." not in out


def test_check_names_the_settings_argmap_leaves_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tea.argdown"
    path.write_text(DOCUMENT, encoding="utf-8")
    main(["check", str(path)])
    assert (
        f"{path}:4:1: warning unhonoured-setting the Argdown setting logLevel is not honoured"
        in capsys.readouterr().out
    )


def test_show_applies_the_document_s_settings_unless_told_not_to(document_asks_for_tb: None) -> None:
    m = argmap.loads(DOCUMENT, format="argdown")
    drawn = show(m).prepared.source
    assert "Unrelated." not in drawn
    assert rankdir(drawn) == "TB"
    assert rankdir(show(m, direction="RL").prepared.source) == "RL"
    whole = show(m, settings=False).prepared.source
    assert "Unrelated." in whole
    assert rankdir(whole) == "BT"
    labelling = argmap.evaluate(m)
    assert "Unrelated." in show(m, evaluate=labelling).prepared.source  # a labelling of the whole map: all of it


def converter() -> markdown.Markdown:
    fence = {"name": "argmap", "class": "argmap", "format": fence_format, "validator": fence_validator}
    return markdown.Markdown(
        extensions=["pymdownx.superfences"], extension_configs={"pymdownx.superfences": {"custom_fences": [fence]}}
    )


@pytest.mark.dot
def test_a_fence_applies_the_document_s_settings_unless_off() -> None:
    drawn = converter().convert(f"```argmap\n{DOCUMENT}```\n")
    assert "Tea is good." in drawn
    assert "Unrelated." not in drawn
    whole = converter().convert(f'```argmap settings="off"\n{DOCUMENT}```\n')
    assert "Unrelated." in whole
    wrong = converter().convert(f'```argmap settings="maybe"\n{DOCUMENT}```\n')
    assert "unknown settings &#x27;maybe&#x27;: use one of on, off" in wrong


def built_twice(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> SphinxTestApp:
    """A Sphinx site built whose page draws DOCUMENT twice: with its settings, then with ``:settings: off``."""
    src = tmp_path / "settings"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["argmap.sphinx"]\n', encoding="utf-8")
    content = "".join(f"   {line}\n" if line else "\n" for line in DOCUMENT.splitlines())
    page = f"Tea\n===\n\n.. argmap::\n\n{content}\n.. argmap::\n   :settings: off\n\n{content}"
    (src / "index.rst").write_text(page, encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    return app


@pytest.mark.dot
def test_the_directive_applies_the_document_s_settings_unless_off(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    app = built_twice(make_app, tmp_path)
    first, second = re.findall(r"<svg\b.*?</svg>", (app.outdir / "index.html").read_text("utf-8"), flags=re.DOTALL)
    assert "Tea is good." in first
    assert "Unrelated." not in first
    assert "Unrelated." in second
    warnings = app.warning.getvalue()  # type: ignore[attr-defined]
    assert "unhonoured-setting" in warnings
    assert "logLevel" in warnings


#: Three statements in a row: selecting the middle one leaves out a reason for it and what it bears on.
CHAIN = "[Top]: At the top.\n  + [Middle]: In the middle.\n    + [Bottom]: At the bottom.\n"
STUB = re.compile(r'label="\+1"[^\]]*tooltip="1 more [^"]*, left out of this drawing"')
SVG_STUB = re.compile(r'class="node argmap-stub">\s*<title>1 more [^<]*, left out of this drawing</title>')


@pytest.mark.dot
def test_a_part_chosen_by_the_caller_shows_what_it_leaves_out_and_the_document_s_own_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make_app: Callable[..., SphinxTestApp]
) -> None:
    path = tmp_path / "chain.argdown"
    path.write_text(CHAIN, encoding="utf-8")
    assert main(["render", str(path), "-o", "-", "--select", "Middle"]) == 0
    out = capsys.readouterr().out
    assert len(STUB.findall(out)) == 2
    assert "At the top." not in out
    assert main(["render", str(path), "-o", "-"]) == 0
    assert not STUB.search(capsys.readouterr().out)
    own = tmp_path / "own.argdown"  # the author's own selection leaves [Alone] out on purpose: no stub
    own.write_text(DOCUMENT, encoding="utf-8")
    assert main(["render", str(own), "-o", "-"]) == 0
    assert "left out of this drawing" not in capsys.readouterr().out

    fenced = converter().convert(f'```argmap select="Middle"\n{CHAIN}```\n')
    assert len(SVG_STUB.findall(fenced)) == 2
    assert "left out of this drawing" not in converter().convert(f"```argmap\n{DOCUMENT}```\n")

    src = tmp_path / "stubs"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["argmap.sphinx"]\n', encoding="utf-8")
    content = "".join(f"   {line}\n" for line in CHAIN.splitlines())
    (src / "index.rst").write_text(f"Chain\n=====\n\n.. argmap::\n   :select: Middle\n\n{content}", encoding="utf-8")
    app = make_app("html", srcdir=src)
    app.build()
    [svg] = re.findall(r"<svg\b.*?</svg>", (app.outdir / "index.html").read_text("utf-8"), flags=re.DOTALL)
    assert len(SVG_STUB.findall(svg)) == 2


@pytest.fixture
def settings_worked_out(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times a map's drawing settings are worked out: a list that grows by one each time."""
    from argmap.settings import drawing

    calls: list[int] = []
    original = drawing.drawing_options

    def counted(m: argmap.ArgumentMap) -> tuple[argmap.render.options.DotOptions, frozenset[str]]:
        calls.append(1)
        return original(m)

    monkeypatch.setattr(drawing, "drawing_options", counted)
    return calls


def test_check_reports_the_settings_a_caller_worked_out_as_it_finds_them_itself() -> None:
    m = argmap.loads(DOCUMENT, format="argdown")
    found = argmap.settings.settings_of(m)
    assert argmap.check(m, settings=found) == argmap.check(m)
    assert [d.code for d in argmap.check(m, settings=found) if d.code == "unhonoured-setting"] == ["unhonoured-setting"]
    plain = argmap.loads("[Tea]: Tea is good.\n", format="argdown")
    assert argmap.check(plain, settings=argmap.settings.settings_of(plain)) == argmap.check(plain)


@pytest.mark.dot
def test_a_fence_and_the_directive_work_out_a_diagram_s_settings_once(
    make_app: Callable[..., SphinxTestApp], tmp_path: Path, settings_worked_out: list[int]
) -> None:
    drawn = converter().convert(f"```argmap\n{DOCUMENT}```\n")
    assert "unknown" not in drawn
    assert len(settings_worked_out) == 1
    converter().convert(f'```argmap settings="off"\n{DOCUMENT}```\n')  # check() still names those left out
    assert len(settings_worked_out) == 2
    app = built_twice(make_app, tmp_path)
    assert len(settings_worked_out) == 4
    warnings = app.warning.getvalue()  # type: ignore[attr-defined]
    assert warnings.count("the Argdown setting logLevel is not honoured") == 2  # each diagram's check names it
