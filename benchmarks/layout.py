"""Graphviz layout of large maps: ``dot`` and ``sfdp`` on debate maps of growing size, as ``argmap render`` runs them.

The source of ``argmap.render.files.LARGE_LAYOUT``, the size from which ``argmap render`` warns that ``dot`` takes
long. Prints a Markdown section for docs/performance.md.
"""

from __future__ import annotations

import subprocess
import time

from maps import debate
from run import machine

from argmap.render.dot import dot_source
from argmap.render.files import LARGE_LAYOUT, for_engine

#: Statements of the debate maps drawn (a quarter as many arguments again).
SIZES = (250, 1_000, 2_000, 4_000)
ENGINES = ("dot", "sfdp")


def wall_time(engine: str, source: str) -> float:
    """Seconds of one run of ``engine`` drawing ``source`` as SVG."""
    start = time.perf_counter()
    drawn = for_engine(source, engine).encode("utf-8")
    subprocess.run([engine, "-Tsvg", "-o", "/dev/null"], input=drawn, check=True)
    return time.perf_counter() - start


def main() -> None:
    rows = []
    for size in SIZES:
        m = debate(size)
        source = dot_source(m)
        times = [f"{wall_time(engine, source):.2f}" for engine in ENGINES]
        rows.append(f"| {len(m.statements) + len(m.arguments):,} | {' | '.join(times)} |")
    print(
        "\n".join(
            [
                "",
                "## Graphviz layout of large maps (`benchmarks/layout.py`)",
                "",
                f"Machine: {machine()}.",
                "",
                "Wall-clock seconds of one run of each Graphviz engine drawing SVG from the DOT of a debate map "
                "(its statements and arguments are the nodes). `dot`'s time grows faster than the map; from "
                f"{LARGE_LAYOUT:,} nodes (`argmap.render.files.LARGE_LAYOUT`) `argmap render` says at a terminal "
                "that the layout takes long, and how to draw a part or use `--engine sfdp` (see {doc}`parts`).",
                "",
                "| nodes | `dot` | `sfdp` |",
                "| ---: | ---: | ---: |",
                *rows,
            ]
        )
    )


if __name__ == "__main__":
    main()
