"""YAML data that js-yaml (the reference's YAML library) and PyYAML read differently, read as js-yaml reads it."""

from __future__ import annotations

from typing import Any

import pytest

import argmap
from argmap import ParseError


def data_of(yaml: str) -> Any:
    """The data of a statement that carries ``yaml`` in its inline braces."""
    m = argmap.loads(f"[A]: a. {yaml}\n", format="argdown")
    return dict(m.statements[0].data)


def frontmatter(yaml: str) -> Any:
    return dict(argmap.loads(f"===\n{yaml}\n===\n\n[A]: a.\n", format="argdown").metadata)


# What js-yaml 4 reads each as (the reference's JSON export shows the same values).
@pytest.mark.parametrize(
    ("written", "read"),
    [
        # A flow mapping's key followed by ":" and a bracket or brace, with no space between: libyaml refuses it.
        ("{k:[1, 2]}", {"k": [1, 2]}),
        ("{k:{x: 1}}", {"k": {"x": 1}}),
        # ... while a key followed by ":" and a word or a quote is one plain key, in js-yaml and PyYAML alike.
        ("{a:1}", {"a:1": None}),
        ('{k:"v"}', {'k:"v"': None}),
        # Numbers: an exponent needs no dot, a leading zero does not make octal, 0o does.
        ("{n: 1e3}", {"n": 1000.0}),
        ("{n: 1E-2}", {"n": 0.01}),
        ("{n: 017}", {"n": 17}),
        ("{n: 09}", {"n": 9}),
        ("{n: -017}", {"n": -17}),
        ("{n: 0o17}", {"n": 15}),
        ("{n: 0x1F}", {"n": 31}),
        ("{n: 0b101}", {"n": 5}),
        # YAML 1.1's other scalars are text, as in YAML 1.2.
        ("{v: yes, w: off, t: 1:30}", {"v": "yes", "w": "off", "t": "1:30"}),
        ("{v: =}", {"v": "="}),
        ("{v: <<}", {"v": "<<"}),
    ],
)
def test_scalars_and_flow_mappings_read_as_js_yaml_reads_them(written: str, read: dict[str, Any]) -> None:
    assert data_of(written) == read
    assert all(type(data_of(written)[key]) is type(value) for key, value in read.items() if value is not None)


def test_a_merge_key_still_merges() -> None:
    assert frontmatter("base: &b {x: 1}\nmine:\n  <<: *b\n  y: 2") == {"base": {"x": 1}, "mine": {"x": 1, "y": 2}}


def test_a_flow_mapping_without_spaces_reads_in_the_frontmatter_too() -> None:
    assert frontmatter("color:\n  tagColors: {pro:[green], con:{shade: red}}") == {
        "color": {"tagColors": {"pro": ["green"], "con": {"shade": "red"}}}
    }


def test_yaml_that_neither_library_reads_is_still_an_error_at_its_place() -> None:
    with pytest.raises(ParseError, match="invalid YAML data") as caught:
        argmap.loads("[A]: a.\n\n[B]: b. {k:[1, 2}\n", format="argdown")
    assert caught.value.line == 3


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # A blank line left with a tab by an editor that keeps indentation, or a comment behind a tab: blank to
        # js-yaml, a tab that violates indentation to libyaml.
        ("a: 1\n\t\nb: 2", {"a": 1, "b": 2}),
        ("map:\n  x: 1\n\t\n  y: 2", {"map": {"x": 1, "y": 2}}),
        ("a: 1\n\t# why\nb: 2", {"a": 1, "b": 2}),
        # In a block scalar such a line is text, which keeps its tab.
        ("text: |\n  one\n  \t\n  two", {"text": "one\n\t\ntwo\n"}),
    ],
)
def test_a_blank_line_with_a_tab_reads_as_js_yaml_reads_it(written: str, read: dict[str, Any]) -> None:
    assert frontmatter(written) == read


def test_a_tab_that_does_indent_is_still_an_error_at_its_place() -> None:
    with pytest.raises(ParseError, match="invalid YAML data") as caught:
        frontmatter("map:\n\tx: 1")
    assert caught.value.line == 3
