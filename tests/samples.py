"""Maps and helpers that several test modules share: imported by tests, and by scripts the tests run."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from typing import Any

import attrs
import graphviz

from argmap import ArgumentMap, MapBuilder, MapError, ParseError, check, dumps, loads
from argmap.cli import ExitStatus

__all__ = [
    "Result",
    "Run",
    "drawn_lines",
    "edges",
    "layout",
    "nodes",
    "read_or_refuse",
    "sample_map",
    "status_map",
    "subgraphs",
]


@attrs.frozen
class Result:
    """What one run of the command did."""

    status: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        """The lines on stdout."""
        return self.stdout.splitlines()

    def failed_once(self, status: int = ExitStatus.BAD_INPUT) -> str:
        """Assert the run failed cleanly: this status, nothing on stdout, one line on stderr; return that line."""
        assert self.status == status, self
        assert self.stdout == ""
        assert "Traceback" not in self.stderr
        [line] = self.stderr.splitlines()
        return line


#: Runs ``argmap ARGS...`` and tells what it did (the ``run`` fixture of conftest).
Run = Callable[..., Result]


def layout(graph: graphviz.Digraph) -> dict[str, Any]:
    """What ``dot`` itself makes of the source: ``dot -Tjson`` output, failing the test on any complaint."""
    done = subprocess.run(["dot", "-Tjson"], input=graph.source.encode(), capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def nodes(drawn: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Nodes by name (subgraphs come first among dot's objects)."""
    return {obj["name"]: obj for obj in drawn.get("objects", ())[drawn["_subgraph_cnt"] :]}


def subgraphs(drawn: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {obj["name"]: obj for obj in drawn.get("objects", ())[: drawn["_subgraph_cnt"]]}


def edges(drawn: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Edges as (tail name, head name, attributes), in the order of the source."""
    names = [obj["name"] for obj in drawn.get("objects", ())]
    return [(names[e["tail"]], names[e["head"]], e) for e in drawn.get("edges", ())]


def drawn_lines(obj: dict[str, Any]) -> list[str]:
    """The lines of text dot actually draws for a graph, cluster, node or edge label."""
    return [op["text"] for op in obj.get("_ldraw_", ()) if op["op"] == "T"]


def sample_map() -> ArgumentMap:
    """A map with every relation kind, a two-step argument, nested sections and tags."""
    b = MapBuilder(title="Kim in Russia")
    reasons = b.section("Reasons")
    inner = b.section("Inner reasons", parent=reasons)
    b.section("Empty")
    c = b.statement("Moon's current policy may not work.", id="c")
    p = b.statement("South Korea has been sidelined.", id="p", section=inner, tags=["key"])
    i = b.statement("Seoul lost influence.", id="i", section=reasons)
    q = b.statement("Kim uses Russia as leverage.", id="q")
    b.argument(steps=[([p], i)], premises=[i, q], conclusion=c, id="A", text="Sidelined", rules=["mp"])
    b.argument(id="sketch", text="A sketched argument")
    z = b.statement("The trip is only for show.", id="z")
    u, v, w = b.statement("U.", id="u"), b.statement("V.", id="v"), b.statement("W.", id="w")
    b.undercut(z, "A")
    b.attack(u, c)
    b.contradiction(u, v)
    b.contrary(w, v)
    b.entails(w, c)
    b.support("sketch", c)
    return b.build()


def status_map() -> ArgumentMap:
    """A map with every status under grounded semantics: an unanswered objection, a refuted argument, a standoff."""
    b = MapBuilder(title="Status")
    c = b.statement("We should plant more trees.", id="c")
    p = b.statement("Trees cool cities.", id="p")
    b.argument([p], c, id="A")
    u = b.statement("There is no room for trees.", id="u")
    b.attack(u, c)
    v, w = b.statement("Trees are cheap.", id="v"), b.statement("Trees are expensive.", id="w")
    b.contradiction(v, w)
    return b.build()


def read_or_refuse(read: Callable[[], ArgumentMap]) -> ArgumentMap | None:
    """What a reader makes of hostile input: a :class:`~argmap.ParseError` or :class:`~argmap.MapError` (``None``),
    or a map that checks without raising and that argmap's JSON carries back equal (so that nothing it keeps in
    ``data`` or ``metadata`` is beyond JSON).
    """
    try:
        m = read()
    except (ParseError, MapError):
        return None
    check(m)
    assert loads(dumps(m)) == m
    return m
