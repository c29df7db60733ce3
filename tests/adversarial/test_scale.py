"""Deep and large input: a 200,000-deep chain goes through every reader, writer, check, evaluation and drawing
without a RecursionError, a blown stack or a quadratic wait (each step here is iterative and linear; their timings
at n and 4n are in benchmarks/growth.py), and comes back unchanged.
"""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, Label, Relation, RelationKind, Section, Statement
from argmap.af import grounded
from argmap.af import loads as load_framework

DEPTH = 200_000


@pytest.fixture(scope="module")
def chain() -> ArgumentMap:
    """s1 attacks s0, s2 attacks s1, and so on, 200,000 deep."""
    return ArgumentMap(
        statements=[Statement(id=f"s{i}", text=f"Claim {i}.") for i in range(DEPTH)],
        relations=[Relation(source=f"s{i + 1}", target=f"s{i}", kind=RelationKind.ATTACK) for i in range(DEPTH - 1)],
    )


@pytest.mark.parametrize("format", ["json", "argdown", "aif"])
def test_a_deep_chain_reads_back_unchanged(chain: ArgumentMap, format: str) -> None:
    assert argmap.loads(argmap.dumps(chain, format), format) == chain


def test_a_deep_chain_checks_and_evaluates(chain: ArgumentMap) -> None:
    assert [d.code for d in argmap.check(chain)] == []
    labelling = argmap.evaluate(chain)
    # The last claim is unattacked: in, out, in... down to s0, an odd number of steps below it.
    assert labelling.statements[f"s{DEPTH - 1}"] is Label.IN
    assert labelling.statements["s1"] is Label.IN
    assert labelling.statements["s0"] is Label.OUT


def test_a_deep_chain_is_drawn(chain: ArgumentMap) -> None:
    source = argmap.to_dot(chain).source
    assert source.count(" -> ") == DEPTH - 1
    assert argmap.dumps(chain, "mermaid").count(" --> ") == DEPTH - 1


def test_a_deep_iccma_chain_is_read_and_labelled() -> None:
    text = f"p af {DEPTH}\n" + "".join(f"{i + 1} {i}\n" for i in range(1, DEPTH))
    framework = load_framework(text, "af")
    labels = grounded(framework)
    assert labels[str(DEPTH)] is argmap.af.Label.IN
    assert labels["1"] is (argmap.af.Label.IN if DEPTH % 2 else argmap.af.Label.OUT)


def test_sections_nested_20000_deep_read_check_and_draw() -> None:
    depth = 20_000
    sections = [Section(id=f"h{i}", title=f"H{i}", parent=f"h{i - 1}" if i else None) for i in range(depth)]
    m = ArgumentMap(sections=sections, statements=[Statement(id="s", text="Deep.", section=f"h{depth - 1}")])
    assert argmap.loads(argmap.dumps(m, "json"), "json") == m
    assert list(argmap.check(m)) == []
    assert argmap.to_dot(m).source.count("subgraph ") == depth
