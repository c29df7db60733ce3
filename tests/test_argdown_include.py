"""Argdown's ``@include(path)``, read as the reference's command reads it, within the directories a caller allows."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, ParseError
from argmap.errors import Location
from argmap.formats import argdown
from argmap.strategies import argument_maps


def write(folder: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def test_the_included_text_stands_where_the_directive_stands(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.argdown": "[A]: a.\n  + <Arg>\n\n@include(_part.argdown)\n\n[C]: c.\n",
            "_part.argdown": "<Arg>: an argument.\n\n[B]: b.\n  - [A]\n",
        },
    )
    m = argmap.load(tmp_path / "main.argdown")
    assert [s.id for s in m.statements] == ["A", "B", "C"]
    assert [(r.source, r.kind.value, r.target) for r in m.relations] == [("Arg", "support", "A"), ("A", "attack", "B")]
    main, part = str(tmp_path / "main.argdown"), str(tmp_path / "_part.argdown")
    assert [s.location for s in m.statements] == [Location(1, 1, main), Location(3, 1, part), Location(6, 1, main)]
    assert m.arguments[0].location == Location(1, 1, part)
    assert [r.location for r in m.relations] == [Location(2, 3, main), Location(4, 3, part)]


def test_includes_nest_relative_to_the_including_file_and_may_stand_inside_a_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.argdown": "[A]: a @include(parts/one.argdown)\n",
            "parts/one.argdown": "and @include(two.argdown)",
            "parts/two.argdown": "more.",
        },
    )
    m = argmap.load(tmp_path / "main.argdown")
    assert [s.text for s in m.statements] == ["a and more."]


def test_a_file_included_twice_reads_once_as_the_reference_has_it(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.argdown": "@include(a.argdown)\n\n@include(b.argdown)\n\n@include(a.argdown)\n",
            "a.argdown": "[A]: a.\n  + [S]: shared.\n",
            "b.argdown": "@include(a.argdown)\n[B]: b.\n",
        },
    )
    m = argmap.load(tmp_path / "main.argdown")
    assert [s.id for s in m.statements] == ["A", "S", "B"]
    assert len(m.relations) == 1


def test_a_cycle_is_refused_naming_both_includes(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "main.argdown": "[A]: a.\n\n@include(b.argdown)\n",
            "b.argdown": "[B]: b.\n\n\n  @include(c.argdown)\n",
            "c.argdown": "[C]: c.\n@include(b.argdown)\n",
        },
    )
    with pytest.raises(ParseError) as caught:
        argmap.load(tmp_path / "main.argdown")
    error = caught.value
    assert (error.path, error.line, error.column) == (str(tmp_path / "c.argdown"), 2, 1)
    assert "include cycle" in error.message
    assert f"{tmp_path / 'b.argdown'}:4:3" in error.message


def test_a_file_that_includes_the_document_itself_is_a_cycle(tmp_path: Path) -> None:
    write(tmp_path, {"main.argdown": "[A]: a.\n@include(b.argdown)\n", "b.argdown": "@include(main.argdown)\n"})
    with pytest.raises(ParseError, match=r"include cycle.*main\.argdown:2:1") as caught:
        argmap.load(tmp_path / "main.argdown")
    assert caught.value.path == str(tmp_path / "b.argdown")
    write(tmp_path, {"self.argdown": "[A]: a.\n@include(self.argdown)\n"})
    with pytest.raises(ParseError, match="the file it stands in"):
        argmap.load(tmp_path / "self.argdown")


def test_a_file_outside_the_allowed_directories_is_refused_unless_they_are_widened(tmp_path: Path) -> None:
    write(tmp_path, {"maps/main.argdown": "[A]: a.\n\n@include(../common.argdown)\n", "common.argdown": "[C]: c.\n"})
    main = tmp_path / "maps" / "main.argdown"
    with pytest.raises(ParseError, match=r"outside the directory its includes may read from") as caught:
        argmap.load(main)
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(main), 3, 1)
    m = argmap.load(main, include_roots=[tmp_path])
    assert [s.id for s in m.statements] == ["A", "C"]


def test_a_symbolic_link_out_of_the_allowed_directory_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"maps/main.argdown": "@include(link.argdown)\n", "secret.argdown": "[S]: s.\n"})
    (tmp_path / "maps" / "link.argdown").symlink_to(tmp_path / "secret.argdown")
    with pytest.raises(ParseError, match="outside the directory"):
        argmap.load(tmp_path / "maps" / "main.argdown")


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"main.argdown": "[A]: a.\n @include(missing.argdown)"}, r"cannot read .*missing\.argdown: No such file"),
        ({"main.argdown": "@include(sub)", "sub/x.argdown": ""}, r"cannot read .*sub: Is a directory"),
    ],
)
def test_a_file_that_cannot_be_read_is_an_error_at_the_include(
    tmp_path: Path, files: dict[str, str], message: str
) -> None:
    write(tmp_path, files)
    with pytest.raises(ParseError, match=message) as caught:
        argmap.load(tmp_path / "main.argdown")
    assert caught.value.path == str(tmp_path / "main.argdown")


def test_a_binary_file_is_an_error_that_names_it(tmp_path: Path) -> None:
    write(tmp_path, {"main.argdown": "@include(image.png)\n", "image.png": b"[A]: a\n\x89PNG\x00\xff"})
    with pytest.raises(ParseError, match="not UTF-8") as caught:
        argmap.load(tmp_path / "main.argdown")
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "image.png"), 2)


def test_a_parse_error_in_an_included_file_names_that_file_and_line(tmp_path: Path) -> None:
    write(
        tmp_path, {"main.argdown": "[A]: a.\n\n@include(_part.argdown)\n", "_part.argdown": "[B]: b.\n\n[C]: *open\n"}
    )
    with pytest.raises(ParseError) as caught:
        argmap.load(tmp_path / "main.argdown")
    assert (caught.value.path, caught.value.line) == (str(tmp_path / "_part.argdown"), 3)


def test_text_with_an_include_needs_a_base_directory(tmp_path: Path) -> None:
    text = "[A]: a.\n\n@include(_part.argdown)\n"
    with pytest.raises(ParseError, match=r"comes from no file.*base=") as caught:
        argmap.loads(text, format="argdown")
    assert (caught.value.line, caught.value.column) == (3, 1)
    write(tmp_path, {"_part.argdown": "[B]: b.\n"})
    m = argmap.loads(text, format="argdown", base=tmp_path)
    assert [s.id for s in m.statements] == ["A", "B"]
    assert m.statements[1].location == Location(1, 1, str(tmp_path / "_part.argdown"))


def test_other_formats_ignore_the_include_options(tmp_path: Path) -> None:
    m = argmap.loads("[A]: a.\n", format="argdown")
    text = argmap.dumps(m, format="json")
    assert argmap.loads(text, format="json", base=tmp_path) == m


def test_fix_leaves_a_file_with_includes_as_it_was() -> None:
    # [Taxis] may be defined in the included file: the text alone cannot tell that it is a slip for [Taxes].
    text = "[Taxes]: t.\n\n@include(part.argdown)\n\n[Taxis]\n  + [A]: a.\n"
    assert argdown.fix(text) == argdown.Fixed(text=text)
    assert argdown.fix(text.replace("@include(part.argdown)", "")).changes


def located(m: ArgumentMap, moves: dict[str, tuple[str, int]]) -> list[Location | None]:
    """Every location of ``m``, those in a file of ``moves`` moved to (that file, so many lines further down)."""
    found = []
    for element in [*m.statements, *m.arguments, *m.relations, *m.sections]:
        at = element.location
        if at is not None and at.path in moves:
            path, lines = moves[at.path]
            at = attrs.evolve(at, line=at.line + lines, path=path)
        found.append(at)
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(m=argument_maps(argdown=True, sources=False), where=st.floats(min_value=0, max_value=1))
def test_a_document_split_into_an_including_and_an_included_file_reads_as_the_whole(
    tmp_path: Path, m: ArgumentMap, where: float
) -> None:
    text = argdown.dumps(m)
    lines = text.split("\n")  # not splitlines, which breaks lines at characters that Argdown keeps in a line
    lines = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    k = round(where * len(lines))
    whole, main, part = tmp_path / "whole.argdown", tmp_path / "main.argdown", tmp_path / "part.argdown"
    whole.write_text(text, encoding="utf-8")
    main.write_text("".join(lines[:k]) + "@include(part.argdown)", encoding="utf-8")
    part.write_text("".join(lines[k:]), encoding="utf-8")
    expected = argmap.load(whole)
    split = argmap.load(main)
    assert split == expected
    moves = {str(main): (str(whole), 0), str(part): (str(whole), k)}
    assert located(split, moves) == located(expected, {})


@pytest.mark.dot
def test_the_sphinx_directive_reads_includes_within_the_source_tree(make_app: Any, tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(
        tmp_path,
        {
            "src/conf.py": 'extensions = ["argmap.sphinx"]\n',
            "src/index.rst": (
                "Maps\n====\n\n"
                ".. argmap:: maps/main.argdown\n\n"
                ".. argmap::\n\n   [Inline]: inline.\n\n   @include(maps/_part.argdown)\n\n"
                ".. argmap:: maps/leak.argdown\n\n"
                ".. argmap:: maps/broken.argdown\n"
            ),
            "src/maps/main.argdown": "[Main]: main.\n  + <Why>\n\n@include(_part.argdown)\n",
            "src/maps/_part.argdown": "<Why>: because.\n",
            "src/maps/leak.argdown": "@include(../../secret.argdown)\n",
            "src/maps/broken.argdown": "[B]: b.\n\n@include(_bad.argdown)\n",
            "src/maps/_bad.argdown": "\n[C]: *open\n",
            "secret.argdown": "[Secret]: swordfish.\n",
        },
    )
    app = make_app("html", srcdir=src)
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    assert html.count(">because.</text>") == 2  # the included argument, in the file's map and in the inline one
    assert ">inline.</text>" in html
    assert "swordfish" not in html
    warned = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    assert "outside the directory its includes may read from" in warned
    assert f"{src / 'maps' / '_bad.argdown'}:2: WARNING: cannot read the map" in warned
    # A change to an included file redraws the page.
    assert str(src / "maps" / "_part.argdown") in {str(path) for path in app.env.dependencies["index"]}


@pytest.mark.dot
def test_the_mkdocs_fence_reads_includes_within_the_docs(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: Test\nplugins:\n  - argmap\n",
            "docs/index.md": (
                "# Maps\n\n```argmap\n[Inline]: inline.\n\n@include(maps/_part.argdown)\n```\n\n"
                '```argmap src="maps/main.argdown"\n```\n\n'
                "```argmap\n@include(../secret.argdown)\n```\n\n"
                '```argmap src="maps/broken.argdown"\n```\n'
            ),
            "docs/maps/main.argdown": "[Main]: main.\n  + <Why>\n\n@include(_part.argdown)\n",
            "docs/maps/_part.argdown": "<Why>: because.\n",
            "docs/maps/broken.argdown": "[B]: b.\n\n@include(_bad.argdown)\n",
            "docs/maps/_bad.argdown": "\n[C]: *open\n",
            "secret.argdown": "[Secret]: swordfish.\n",
        },
    )
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2
    assert html.count(">because.</text>") == 2
    assert "swordfish" not in html
    assert "outside the directory its includes may read from" in done.stderr
    # An error in an included file names that file, in the log and in the page.
    assert re.search(r"argmap: \S*_bad\.argdown:2: cannot read the map", done.stderr)
    assert re.search(r"_bad\.argdown, line 2, column \d+", html)


def test_included_files_are_named_as_the_including_file_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(
        tmp_path,
        {"maps/main.argdown": "[A]: a.\n\n@include(parts/one.argdown)\n", "maps/parts/one.argdown": "[B]: b.\n"},
    )
    monkeypatch.chdir(tmp_path)
    m = argmap.load("maps/main.argdown")
    assert [s.location for s in m.statements] == [
        Location(1, 1, "maps/main.argdown"),
        Location(1, 1, os.path.join("maps", "parts", "one.argdown")),
    ]


def test_on_the_command_line_includes_may_read_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from argmap.cli import main

    write(
        tmp_path,
        {
            "project/maps/main.argdown": "[A]: a.\n  + [B]\n\n@include(../shared/b.argdown)\n",
            "project/shared/b.argdown": "[B]: b.\n",
            "project/leak.argdown": "[A]: a.\n  + [S]\n\n@include(../secret.argdown)\n",
            "secret.argdown": "[S]: swordfish.\n",
        },
    )
    monkeypatch.chdir(tmp_path / "project")
    assert main(["check", "maps/main.argdown"]) == 0
    assert main(["check", "leak.argdown"]) == 2
    refused = capsys.readouterr().err
    secret = os.path.join("..", "secret.argdown")
    assert f"leak.argdown:4:1: error parse-error @include(../secret.argdown) reads {secret}, outside" in refused
    assert refused.count(str(tmp_path / "project")) == 1
