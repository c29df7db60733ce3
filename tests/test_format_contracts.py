"""The contracts every registered format keeps: only argmap's errors on any input, round trips, stable bytes."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import ArgmapError, ArgumentMap, MapBuilder, MapError
from argmap.formats import FORMATS, dumps, loads
from argmap.formats.argdown import normalise
from argmap.strategies import argument_maps, json_values

READERS = sorted(name for name, format in FORMATS.items() if format.loads is not None)
WRITERS = sorted(name for name, format in FORMATS.items() if format.dumps is not None)
# Every format that reads what it writes, with the maps it can express: Argdown cannot say everything the model can.
ROUND_TRIPS = {
    "json": argument_maps(),
    "aif": argument_maps(),
    "argdown": argument_maps(argdown=True),
    "xaif": argument_maps(),
}

# Text that looks like each format's start, so that the readers get past their first line.
_PREFIXES = [
    "",
    "{",
    '{"argmap": 1, ',
    '{"nodes": [',
    '{"AIF": {"nodes": [',
    "Discussion Title: x\n\n1. ",
    "===\ntitle: x\n===\n\n",
    "[a]: ",
    "<a>: ",
    "# ",
    "(1) ",
]
# The starts of arg-microtexts XML, brat standoff and SADFace.
_PREFIXES += ['<arggraph id="x">', "T1\tClaim 0 3\t", '{"edges": [{"source_id": ']


def test_the_round_trips_cover_every_format_that_reads_and_writes() -> None:
    assert set(ROUND_TRIPS) == set(READERS) & set(WRITERS)


@pytest.mark.parametrize("name", READERS)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(_PREFIXES), text=st.text())
def test_any_text_raises_only_argmap_errors(name: str, prefix: str, text: str) -> None:
    with contextlib.suppress(ArgmapError):
        loads(prefix + text, name)


@pytest.mark.parametrize("name", READERS)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(document=json_values(max_leaves=20))
def test_any_json_value_raises_only_argmap_errors(name: str, document: object) -> None:
    with contextlib.suppress(ArgmapError):
        loads(json.dumps(document), name)


@pytest.mark.parametrize("name", sorted(ROUND_TRIPS))
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_what_a_format_writes_reads_back_equal_and_writes_the_same(name: str, data: st.DataObject) -> None:
    m: ArgumentMap = data.draw(ROUND_TRIPS[name])
    text = dumps(m, name)
    again = loads(text, name)
    assert again == m
    assert dumps(again, name) == text


def _hash_sensitive() -> ArgumentMap:
    """A map whose output would follow the hash seed if a writer iterated over a set or a dict built from one."""
    b = MapBuilder(title="seeded", metadata={f"key{n}": {"v": n} for n in range(20)})
    tags = [f"tag{n}" for n in range(12)]
    ids = [b.statement(f"Statement {n}.", tags=tags[n % 5 :], data={f"k{n}": n}) for n in range(12)]
    b.argument(ids[1:6], ids[0], id="many")
    for n in range(6, 12):
        b.attack(ids[n], ids[n - 5])
    return b.build()


@pytest.mark.parametrize("name", WRITERS)
def test_every_writer_writes_the_same_bytes_under_every_hash_seed(
    name: str, hash_seed_outputs: Callable[[str], set[str]]
) -> None:
    script = (
        "import sys; sys.path.insert(0, 'tests');"
        "from test_format_contracts import _hash_sensitive; from argmap.formats import dumps, load;"
        f"print(dumps(_hash_sensitive(), {name!r}));"
        f"print(dumps(load('seeds/kim-in-russia.argdown'), {name!r}))"
    )
    outputs = hash_seed_outputs(script)
    assert len(outputs) == 1
    assert outputs.pop().startswith(dumps(_hash_sensitive(), name))


_ANY_TEXT = st.text(min_size=1, max_size=20)
# Maps whose texts come from all of Unicode, not a safe alphabet (the model refuses what no map may hold).
UNICODE_ROUND_TRIPS = {
    "json": argument_maps(text=_ANY_TEXT, max_statements=6),
    "aif": argument_maps(text=_ANY_TEXT, max_statements=6),
    "argdown": argument_maps(text=_ANY_TEXT, max_statements=6).map(normalise),
    "xaif": argument_maps(text=_ANY_TEXT, max_statements=6),
}


@pytest.mark.parametrize("name", sorted(UNICODE_ROUND_TRIPS))
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_any_unicode_text_reads_back_equal_or_is_refused_by_name(name: str, data: st.DataObject) -> None:
    m: ArgumentMap = data.draw(UNICODE_ROUND_TRIPS[name])
    refused: MapError | None = None
    try:
        text = dumps(m, name)
    except MapError as error:
        refused = error
    if refused is None:
        assert loads(text, name) == m
    else:
        # Each problem names what cannot be written: an element, or a place in the map's data.
        assert refused.problems
        assert all(problem.subject is not None or problem.path for problem in refused.problems)
