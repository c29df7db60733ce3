"""Hostile input to the readers: every reader gives a map or a located ParseError or MapError, never a traceback,
and never reads more than the text says (no code run, no entity expanded, no data JSON cannot carry).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import MapError, ParseError
from argmap.af import load as load_framework_file
from argmap.af import loads as load_framework

#: The head of argmap's own JSON documents.
HEAD = '{"argmap": 1, '


def statement_json(text: str) -> str:
    return HEAD + '"statements": [{"id": "s", "text": "' + text + '"}]}'


def problems(text: str, format: str = "json") -> list[tuple[str, str]]:
    with pytest.raises(MapError) as refused:
        argmap.loads(text, format)
    return [(problem.code, problem.message) for problem in refused.value.problems]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{1: first, '1': second}", "two keys that are the same text"),
        ("{true: a, 'true': b}", "two keys that are the same text"),
        ("{a: .nan}", "holds nan, which JSON cannot carry"),
        ("{a: .inf}", "holds inf, which JSON cannot carry"),
        ("{a: 1.0e999}", "holds inf, which JSON cannot carry"),
    ],
)
def test_yaml_data_that_json_cannot_carry_is_a_located_error(data: str, message: str) -> None:
    with pytest.raises(ParseError, match=message) as refused:
        argmap.loads(f"[s]: S. {data}", "argdown")
    assert (refused.value.line, refused.value.column) == (1, 9)


def test_a_yaml_tag_that_would_run_code_is_a_located_error() -> None:
    with pytest.raises(ParseError, match="could not determine a constructor for the tag") as refused:
        argmap.loads("[s]: S. {a: !!python/object/apply:os.system [echo owned]}", "argdown")
    assert (refused.value.line, refused.value.column) == (1, 13)


def test_yaml_nested_past_the_limit_is_a_located_error_not_a_recursion_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ParseError, match="nesting depth") as refused:
        argmap.loads(f"[s]: S. {{a: {deep}}}", "argdown")
    assert refused.value.line == 1


@pytest.mark.parametrize("format", ["json", "aif", "xaif"])
def test_json_nested_past_the_limit_is_a_located_error(format: str) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(ParseError, match="nested too deeply") as refused:
        argmap.loads(deep, format)
    assert (refused.value.line, refused.value.column) == (1, 101)


def test_a_repeated_json_key_is_an_error_not_a_silent_merge() -> None:
    assert problems(HEAD + '"statements": [], "statements": []}') == [
        ("duplicate-key", "the key 'statements' appears more than once")
    ]


@pytest.mark.parametrize(
    ("escaped", "message"),
    [
        ("\\u0007", "control character U+0007"),
        ("\\u001b[31m", "control character U+001B"),
        ("\\ufffe", "noncharacter U+FFFE"),
        ("\\uffff", "noncharacter U+FFFF"),
        ("\\ud800", "lone surrogate"),
    ],
)
def test_characters_no_output_can_hold_are_refused_by_name(escaped: str, message: str) -> None:
    [(_, found)] = problems(statement_json(f"a{escaped}b"))
    assert message in found


def test_a_number_longer_than_python_converts_is_a_located_parse_error() -> None:
    huge = "9" * 5000
    with pytest.raises(ParseError, match="5,000-digit number") as header:
        load_framework(f"p af {huge}\n", "af")
    assert (header.value.line, header.value.column) == (1, 6)
    with pytest.raises(ParseError) as attack:
        load_framework(f"p af 2\n1 {huge}\n", "af")
    assert (attack.value.line, attack.value.column) == (2, 3)
    # Leading zeros name the same argument: numbers are compared by their digits, never converted.
    assert load_framework("p af 3\n01 002\n", "af").attacks == (("1", "2"),)


@pytest.mark.parametrize(("format", "read"), [("json", None), ("aif", None), ("argdown", ())])
def test_an_empty_file_is_an_empty_map_or_a_parse_error_at_its_start(format: str, read: object) -> None:
    if read is None:
        with pytest.raises(ParseError) as refused:
            argmap.loads("", format)
        assert (refused.value.line, refused.value.column) == (1, 1)
    else:
        assert argmap.loads("", format) == argmap.ArgumentMap()


def test_an_empty_iccma_file_lacks_its_header() -> None:
    with pytest.raises(ParseError, match="missing the header") as refused:
        load_framework("", "af")
    assert (refused.value.line, refused.value.column) == (1, 1)


@pytest.mark.parametrize("name", ["map.json", "map.argdown", "map.aif.json", "map.af"])
def test_a_binary_file_is_a_parse_error_not_a_decoding_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x80")
    read = load_framework_file if name.endswith(".af") else argmap.load
    with pytest.raises(ParseError) as refused:
        read(path)
    assert refused.value.path == str(path)


ARGDOWN = (
    "===\ntitle: Tea\n===\n\n# Reasons\n\n[Tea]: Tea is good.\n  + [Warm]: Tea is warm. #cosy\n"
    "  - <Cost>: Tea costs money.\n"
)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_read_as_line_feeds(newline: str) -> None:
    assert argmap.loads(ARGDOWN.replace("\n", newline), "argdown") == argmap.loads(ARGDOWN, "argdown")


@pytest.mark.parametrize(("name", "text"), [("map.argdown", ARGDOWN), ("map.json", None)])
def test_a_byte_order_mark_is_not_part_of_the_map(tmp_path: Path, name: str, text: str | None) -> None:
    expected = argmap.loads(ARGDOWN, "argdown")
    body = text if text is not None else argmap.dumps(expected, "json")
    (tmp_path / name).write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
    assert argmap.load(tmp_path / name) == expected


@pytest.mark.parametrize("run", ["[" * 100_000, "<" * 100_000, "+ " * 50_000, "{" * 100_000, "#" * 100_000])
def test_long_runs_of_argdown_syntax_are_read_as_text_or_refused(run: str) -> None:
    # A regular expression that backtracked on these would not return; reading them must give text or an error.
    try:
        m = argmap.loads(run, "argdown")
    except (ParseError, MapError):
        return
    assert all(run.replace(" ", "")[:50] in s.text.replace(" ", "") for s in m.statements) or m.sections


def test_an_odd_text_beside_an_aif_map_never_makes_the_map_unreadable(tmp_path: Path) -> None:
    document = {"nodes": [{"nodeID": "1", "text": "Tea is good", "type": "I"}], "edges": [], "locutions": []}
    for name, data, note in (
        ("feed", b"Tea is good.\x0cMore.", "characters a map cannot hold made spaces"),
        ("latin", "Tea is good \u2013 caf\u00e9.".encode("cp1252"), "read as Windows-1252"),
    ):
        (tmp_path / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
        (tmp_path / f"{name}.txt").write_bytes(data)
        m = argmap.load(tmp_path / f"{name}.json", "aif")
        (source,) = m.sources
        assert source.title == f"{name}.txt ({note})"
        assert m.statements[0].quotes[0].text == "Tea is good"


@given(st.text(alphabet="ab \n", max_size=30), st.text(alphabet="ab \n", max_size=12))
def test_verbatim_look_up_agrees_with_plain_search(text: str, snippet: str) -> None:
    from argmap.quotes import VerbatimText

    assert (snippet in VerbatimText(text)) is (snippet in text)


def test_a_nul_byte_in_argdown_is_refused_at_its_line() -> None:
    with pytest.raises(MapError) as refused:
        argmap.loads("[a]: Fine.\n\n[s]: a\x00b.\n", "argdown")
    [problem] = refused.value.problems
    assert "control character U+0000" in problem.message
    assert problem.location is not None
    assert problem.location.line == 3
