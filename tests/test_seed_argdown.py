"""The seed map in Argdown: seeds/kim-in-russia.argdown is exactly the map that seeds/kim_in_russia.py builds."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from argmap import ArgumentMap, formats
from argmap.formats.argdown import dumps, loads

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARGDOWN = SEEDS / "kim-in-russia.argdown"


@pytest.fixture(scope="module")
def built(seed: ModuleType) -> ArgumentMap:
    """The map that seeds/kim_in_russia.py builds."""
    m = seed.build()
    assert isinstance(m, ArgumentMap)
    return m


@pytest.fixture(scope="module")
def written() -> ArgumentMap:
    """The map that seeds/kim-in-russia.argdown holds."""
    return loads(ARGDOWN.read_bytes().decode("utf-8"), path=str(ARGDOWN))


def test_the_argdown_file_holds_the_built_map(built: ArgumentMap, written: ArgumentMap) -> None:
    assert written == built


def test_the_argdown_file_holds_nothing_more_and_nothing_less(built: ArgumentMap, written: ArgumentMap) -> None:
    # Equality ignores where elements were read from but nothing else; the JSON text also compares the order of
    # keys in data and metadata, and shows the difference in full where there is one.
    assert formats.dumps(written, "json") == formats.dumps(built, "json")
    assert (len(written.statements), len(written.arguments), len(written.relations)) == (28, 16, 5)
    assert all(statement.quotes for statement in written.statements)
    assert [source.id for source in written.sources] == ["editorial"]


def test_the_argdown_file_quotes_the_editorial_byte_for_byte(written: ArgumentMap) -> None:
    editorial = (SEEDS / "kim-in-russia.txt").read_bytes().decode("utf-8")
    assert written.source("editorial").text == editorial
    for statement in written.statements:
        for quote in statement.quotes:
            assert quote.text in editorial, (statement.id, quote.text)


def test_the_writer_writes_the_built_map_so_that_it_reads_back_equal(built: ArgumentMap) -> None:
    assert loads(dumps(built)) == built


def test_the_argdown_file_is_the_saved_json_seed(written: ArgumentMap) -> None:
    assert written == formats.load(SEEDS / "kim-in-russia.json")
