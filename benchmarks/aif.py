"""Times reading the largest AIF corpus map and writing its DOT as a whole process, argmap against arguebuf 2.7.2."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from run import machine

import argmap
from argmap.formats import aif

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "aif"
#: The separate environment that holds arguebuf (never the project's own): ``make bench`` compares where it exists.
ARGUEBUF_PYTHON = ROOT.parent / "tools" / "arguebuf-venv" / "bin" / "python"
#: argmap must take at most this share of arguebuf's time.
SPEED_UP = 2.0
# What arguebuf's users write to do the same job: load the file, make the Graphviz graph, write its DOT source.
ARGUEBUF_SCRIPT = """
import sys
import arguebuf
graph = arguebuf.load.file(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write(arguebuf.dump.graphviz(graph, max_nodes=sys.maxsize).source)
"""


def best_wall_time(command: Sequence[str], repeat: int) -> float:
    """The best wall-clock time of ``repeat`` runs of ``command``, after one run that is not counted.

    The uncounted run writes the bytecode caches (``PYTHONDONTWRITEBYTECODE`` is dropped, as an installed package
    has its caches) and warms the file cache; the best run is what the program costs, without the noise of
    whatever else the machine was doing.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for run in range(repeat + 1):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        if run:
            best = min(best, time.perf_counter() - start)
    return best


def largest_map() -> Path:
    """The largest AIF file of the shared corpus."""
    return max(CORPUS.glob("*/*.json"), key=lambda path: path.stat().st_size)


def in_process(path: Path, repeat: int) -> dict[str, float]:
    """Seconds (best of ``repeat``) to read the file with argmap, and to make its DOT source, in this process."""
    m = aif.load(path)
    times = {"read": float("inf"), "dot": float("inf")}
    for _ in range(repeat):
        start = time.perf_counter()
        aif.load(path)
        middle = time.perf_counter()
        str(argmap.to_dot(m))  # the DOT source
        times["read"] = min(times["read"], middle - start)
        times["dot"] = min(times["dot"], time.perf_counter() - middle)
    return times


def report(path: Path, repeat: int, arguebuf: Path | None) -> tuple[str, float | None]:
    """The Markdown section for docs/performance.md, and arguebuf's time over argmap's (``None`` without it)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    m = aif.load(path)
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.dot")
        python = sys.executable
        rows = [
            ("`python -c pass` (the interpreter alone)", [python, "-c", "pass"]),
            ("`python -c 'import argmap'`", [python, "-c", "import argmap"]),
            (
                f"`argmap render {path.name} --from aif -o out.dot`",
                [python, "-m", "argmap", "render", str(path), "--from", "aif", "-o", out],
            ),
        ]
        if arguebuf is not None:
            rows += [
                ("`python -c 'import arguebuf'` (in arguebuf's environment)", [str(arguebuf), "-c", "import arguebuf"]),
                (
                    "arguebuf 2.7.2: `load.file`, then `dump.graphviz(...).source` to a file",
                    [str(arguebuf), "-c", ARGUEBUF_SCRIPT, str(path), out],
                ),
            ]
        timed = [(label, best_wall_time(command, repeat)) for label, command in rows]
    ours = timed[2][1]
    ratio = timed[-1][1] / ours if arguebuf is not None else None
    inside = in_process(path, repeat)
    counts = f"{len(m.statements)} statements, {len(m.arguments)} arguments and {len(m.relations)} relations"
    lines = [
        "",
        "## AIF: reading a corpus map and writing its DOT, as a whole process (`benchmarks/aif.py`)",
        "",
        f"Machine: {machine()}.",
        "",
        f"Wall-clock seconds, best of {repeat} runs after one uncounted run (with bytecode caches, as an installed",
        "package has them). The file is the largest of the shared AIF corpus,",
        f"`{path.parent.name}/{path.name}`: {path.stat().st_size:,} bytes, {len(document['nodes']):,} nodes and",
        f"{len(document['edges']):,} edges, which argmap reads as {counts} (and the dialogue layer, kept",
        "in the map's metadata).",
        "",
        "| process | seconds |",
        "| --- | ---: |",
        *(f"| {label} | {seconds:.3f} |" for label, seconds in timed),
        "",
        f"Inside the process, argmap reads the file in {inside['read'] * 1000:.1f} ms and makes its DOT in",
        f"{inside['dot'] * 1000:.1f} ms; the rest is starting Python and importing argmap.",
    ]
    if ratio is None:
        lines += ["", f"(arguebuf was not found at `{ARGUEBUF_PYTHON}`, so it was not compared.)"]
    else:
        lines += ["", f"arguebuf takes {ratio:.1f} times as long as argmap; the goal is at least {SPEED_UP:g} times."]
    return "\n".join(lines) + "\n", ratio


def main() -> int:
    """Print the Markdown section; exit 1 where argmap is not :data:`SPEED_UP` times as fast as arguebuf."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--arguebuf", type=Path, default=ARGUEBUF_PYTHON, help="the Python that has arguebuf")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"\n(The AIF corpus was not found at {CORPUS}; nothing to time.)")
        return 0
    arguebuf = args.arguebuf if args.arguebuf.exists() else None
    text, ratio = report(largest_map(), args.repeat, arguebuf)
    print(text, end="")
    if ratio is not None and ratio < SPEED_UP:
        print(f"argmap is only {ratio:.1f} times as fast as arguebuf; the goal is {SPEED_UP:g}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
