"""The Argdown normaliser: the least change that makes a map read back from Argdown equal to itself."""

from __future__ import annotations

from hypothesis import given, settings

from argmap import ArgumentMap, MapBuilder
from argmap.formats import dumps, loads
from argmap.formats.argdown import normalise
from argmap.strategies import argument_maps


@settings(max_examples=60)
@given(argument_maps())
def test_what_the_normaliser_gives_argdown_holds_unchanged(m: ArgumentMap) -> None:
    held = normalise(m)
    assert loads(dumps(held, "argdown"), "argdown") == held


def test_a_map_that_argdown_holds_comes_back_equal_and_others_change_as_little_as_it_takes() -> None:
    b = MapBuilder(title="Tea")
    tea = b.statement("Tea is good.", id="tea", tags=["drinks"])
    b.argument([b.statement("It has antioxidants.", id="anti")], tea, id="health")
    held = b.build()
    assert normalise(held) == held
    b = MapBuilder(title="Two\nlines")
    b.statement("A text\non two lines.", id="a]b", tags=["x)y", "x)y"])
    changed = normalise(b.build())
    assert changed.title == "Two lines"
    assert [(s.id, s.text, s.tags) for s in changed.statements] == [("a?b", "A text on two lines.", ("xy",))]
