"""Times build, check, JSON round trip and DOT on generated maps, checks linear growth, writes a Markdown report."""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
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


def _time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(kind: str, n: int, repeat: int) -> dict[str, float]:
    """Run in a fresh process: the times of each operation on one map, and the process's peak memory."""
    sys.path.insert(0, str(HERE))
    import maps

    import argmap

    make = maps.chain if kind == "chain" else maps.debate
    m = make(n)
    fields = {
        "statements": list(m.statements),
        "arguments": list(m.arguments),
        "relations": list(m.relations),
        "sections": list(m.sections),
        "sources": list(m.sources),
    }
    text = argmap.dumps(m, format="json")
    assert argmap.loads(text, format="json") == m
    result = {
        "build": _time(lambda: argmap.ArgumentMap(title=m.title, **fields), repeat),
        "check": _time(lambda: argmap.check(m), repeat),
        "json": _time(lambda: argmap.loads(argmap.dumps(m, format="json"), format="json"), repeat),
        "dot": _time(lambda: argmap.to_dot(m).source, repeat),
    }
    # ru_maxrss is in kilobytes on Linux.
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def _in_subprocess(kind: str, n: int, repeat: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", kind, str(n), "--repeat", str(repeat)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    data: dict[str, float] = json.loads(out.stdout)
    return data


def _machine() -> str:
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


def report(results: dict[str, dict[str, float]], growth: dict[str, float]) -> str:
    """The Markdown report for docs/performance.md."""
    lines = [
        "# Performance",
        "",
        "Measured by `make bench` (`benchmarks/run.py`), each map in a fresh process, median of several runs.",
        "Maps come from `benchmarks/maps.py`: a debate tree of linked arguments with objections, undercuts,",
        "sections and one quoted source, and a support chain. Times in seconds; peak memory is the whole",
        "process's maximum resident set, in MB.",
        "",
        f"Machine: {_machine()}.",
        "",
        "| map | build | check | JSON round trip | DOT | peak memory (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        cells = " | ".join(f"{r[op]:.3f}" for op in OPERATIONS)
        lines.append(f"| {name} | {cells} | {r['peak_mb']:.0f} |")
    lines += [
        "",
        "*build* constructs and validates an `ArgumentMap` from its elements; *check* runs every structure check;",
        "*JSON round trip* is `loads(dumps(m))`; *DOT* is `to_dot(m).source` (Graphviz layout not included).",
        "",
        f"Growth from 10,000 to 100,000 statements (linear allows at most {GROWTH_LIMIT:g} times):",
        "",
        "| operation | time ratio |",
        "| --- | ---: |",
    ]
    lines += [f"| {op} | {ratio:.1f} |" for op, ratio in growth.items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, help="write the Markdown report here (default: print it)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, n = args.one
        print(json.dumps(measure(kind, int(n), args.repeat)))
        return 0
    results = {}
    for n in SIZES:
        results[f"debate, {n:,} statements"] = _in_subprocess("debate", n, args.repeat)
        print(f"debate {n}: {results[f'debate, {n:,} statements']}", file=sys.stderr)
    results[f"support chain, {CHAIN:,} deep"] = _in_subprocess("chain", CHAIN, args.repeat)
    small, large = results[f"debate, {SIZES[1]:,} statements"], results[f"debate, {SIZES[2]:,} statements"]
    growth = {op: large[op] / small[op] for op in OPERATIONS}
    text = report(results, growth)
    if args.output:
        args.output.write_text(text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        print(text)
    too_slow = {op: ratio for op, ratio in growth.items() if ratio > GROWTH_LIMIT}
    if too_slow:
        print(f"growth above {GROWTH_LIMIT:g}x: {too_slow}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
