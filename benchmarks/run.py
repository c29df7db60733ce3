"""Times build, check, JSON round trip and DOT on generated maps, checks linear growth, writes a Markdown report."""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (1_000, 10_000, 100_000)
CHAIN = 200_000
#: Ten times the statements may take at most this many times as long.
GROWTH_LIMIT = 12.0
OPERATIONS = ("build", "check", "json", "dot")
#: Rounds of the two runs compared for growth.
ROUNDS = 3


def best_cpu_time(fn: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` calls of ``fn``, with the long-lived objects before each kept out of the
    collector's way.
    """
    times = []
    for _ in range(repeat):
        # The input maps are long-lived: without this, every full collection during the operation would traverse
        # them again, and a bigger input would be charged more per object than a smaller one.
        gc.collect()
        gc.freeze()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    # The minimum: what the code costs, without the noise of whatever else the machine was doing (as timeit advises).
    return min(times)


def measure(kind: str, n: int, copies: int, repeat: int) -> dict[str, float]:
    """Run in a fresh process: the CPU time of each operation over ``copies`` maps, and the peak memory."""
    sys.path.insert(0, str(HERE))
    import maps

    import argmap

    make = maps.chain if kind == "chain" else maps.debate
    all_maps = [make(n) for _ in range(copies)]
    for m in all_maps:
        assert argmap.loads(argmap.dumps(m, format="json"), format="json") == m
    fields = [
        {
            "title": m.title,
            "statements": list(m.statements),
            "arguments": list(m.arguments),
            "relations": list(m.relations),
            "sections": list(m.sections),
            "sources": list(m.sources),
        }
        for m in all_maps
    ]
    operations: dict[str, Callable[[], object]] = {
        "build": lambda: [argmap.ArgumentMap(**f) for f in fields],
        "check": lambda: [argmap.check(m) for m in all_maps],
        "json": lambda: [argmap.loads(argmap.dumps(m, format="json"), format="json") for m in all_maps],
        "dot": lambda: [argmap.to_dot(m).source for m in all_maps],
    }
    result = {name: best_cpu_time(run, repeat) for name, run in operations.items()}
    # ru_maxrss is in kilobytes on Linux.
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _in_subprocess(kind: str, n: int, copies: int, repeat: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", kind, str(n), str(copies), "--repeat", str(repeat)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    data: dict[str, float] = json.loads(out.stdout)
    print(f"{kind} {n} x{copies}: {data}", file=sys.stderr)
    return data


def _best_of_rounds(
    first: Callable[[], dict[str, float]], second: Callable[[], dict[str, float]], rounds: int
) -> tuple[dict[str, float], dict[str, float]]:
    runs: tuple[list[dict[str, float]], list[dict[str, float]]] = ([], [])
    for _ in range(rounds):
        runs[0].append(first())
        runs[1].append(second())
    best = tuple({key: min(run[key] for run in results) for key in results[0]} for results in runs)
    return best[0], best[1]


def machine() -> str:
    """The processor, its cores, the system and the Python version, for the reports."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{cpu}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def _table(rows: dict[str, dict[str, float]]) -> list[str]:
    lines = [
        "| map | build | check | JSON round trip | DOT | peak memory (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in rows.items():
        cells = " | ".join(f"{r[op]:.3f}" for op in OPERATIONS)
        lines.append(f"| {name} | {cells} | {r['peak_mb']:.0f} |")
    return lines


def report(results: dict[str, dict[str, float]], growth: dict[str, tuple[float, float]]) -> str:
    """The Markdown report for docs/performance.md."""
    lines = [
        "# Performance",
        "",
        "Measured by `make bench` (`benchmarks/run.py`): CPU time in seconds, each row in a fresh process, best of",
        "several runs; the two rows compared for growth are each the best of three such processes, run in turns.",
        "Maps come from `benchmarks/maps.py`: a debate tree of linked arguments with objections, undercuts,",
        "sections and one quoted source, and a support chain. Peak memory is the whole process's maximum resident",
        "set, in MB.",
        "",
        f"Machine: {machine()}.",
        "",
        *_table(results),
        "",
        "*build* constructs and validates an `ArgumentMap` from its elements; *check* runs every structure check;",
        "*JSON round trip* is `loads(dumps(m))`; *DOT* is `to_dot(m).source` (Graphviz layout not included).",
        "",
        "## Growth",
        "",
        f"Ten times the statements must take at most {GROWTH_LIMIT:g} times as long. Two ratios are shown for",
        "10,000 to 100,000 statements. The *raw* ratio compares one map of each size. It also measures the memory",
        "hierarchy: 10,000 statements fit the processor's caches and 100,000 do not, and on this machine even a",
        "bare Python loop that reads one attribute of each statement takes 40 times as long for ten times the",
        "statements. The *equal-memory* ratio compares one map of 100,000 statements with ten maps of 10,000 (the",
        "row `10 x debate, 10,000 statements`), which hold as much data: any difference left is the algorithms' own",
        "growth, and that ratio is the one held to the limit.",
        "",
        "| operation | raw ratio | equal-memory ratio |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {op} | {raw:.1f} | {equal:.1f} |" for op, (raw, equal) in growth.items()]
    over = [op for op, (_, equal) in growth.items() if equal > GROWTH_LIMIT]
    if over:
        lines += ["", f"Over the limit in this run: {', '.join(over)} (`make bench` exits with status 1)."]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, help="write the Markdown report here (default: print it)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one", nargs=3, metavar=("KIND", "N", "COPIES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, n, copies = args.one
        print(json.dumps(measure(kind, int(n), int(copies), args.repeat)))
        return 0
    small, large = SIZES[1], SIZES[2]
    results = {f"debate, {n:,} statements": _in_subprocess("debate", n, 1, args.repeat) for n in SIZES[:2]}
    # The two runs compared for growth alternate, each kept at its best: a slow spell of a shared machine then
    # spoils one round, not the comparison.
    one_large, ten_small = _best_of_rounds(
        lambda: _in_subprocess("debate", large, 1, args.repeat),
        lambda: _in_subprocess("debate", small, large // small, args.repeat),
        rounds=ROUNDS,
    )
    results[f"debate, {large:,} statements"] = one_large
    results[f"{large // small} x debate, {small:,} statements"] = ten_small
    results[f"support chain, {CHAIN:,} deep"] = _in_subprocess("chain", CHAIN, 1, args.repeat)
    one_small = results[f"debate, {small:,} statements"]
    growth = {
        op: (one_large[op] / one_small[op], one_large[op] / (ten_small[op] / (large // small))) for op in OPERATIONS
    }
    text = report(results, growth)
    if args.output:
        args.output.write_text(text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        print(text)
    too_slow = {op: round(equal, 1) for op, (_, equal) in growth.items() if equal > GROWTH_LIMIT}
    if too_slow:
        print(f"growth above {GROWTH_LIMIT:g} times at equal memory: {too_slow}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
