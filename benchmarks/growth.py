"""Growth of every operation the docs call linear: CPU time at n and 4n statements, at equal memory.

For each operation, one map of 4n statements is timed against four maps of n (as much data, so that the memory
hierarchy does not count), each in a fresh process, best of several; four times the statements may take at most
GROWTH_LIMIT times as long. Operations: the readers and writers of JSON, Argdown and AIF, Mermaid, the checks,
quote matching on its own (a source that grows with the map), the map's translation into a framework, the
h-categoriser's strengths, and DOT.
Prints a Markdown section for docs/performance.md; exits 1 when an operation grows faster than the limit.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
N = 5_000
#: Four times the statements may take at most this many times as long: linear is 4, quadratic 16, and a shared
#: machine's noise needs the room between.
GROWTH_LIMIT = 6.0
ROUNDS = 3


def operations(maps: list[object]) -> dict[str, Callable[[], object]]:
    """Each measured operation over ``maps``."""
    from argmap.check import check
    from argmap.evaluate import to_framework
    from argmap.formats import dumps, loads
    from argmap.quotes import SourceText, normal
    from argmap.render import dot_source
    from argmap.strength import strength

    texts = {name: [dumps(m, name) for m in maps] for name in ("json", "argdown", "aif")}  # type: ignore[arg-type]

    def quotes() -> None:
        for m in maps:
            source = SourceText(m.sources[0].text)  # type: ignore[attr-defined]
            for statement in m.statements:  # type: ignore[attr-defined]
                for quote in statement.quotes:
                    assert normal(quote.text) in source

    return {
        "read JSON": lambda: [loads(text, "json") for text in texts["json"]],
        "write JSON": lambda: [dumps(m, "json") for m in maps],  # type: ignore[arg-type]
        "read Argdown": lambda: [loads(text, "argdown") for text in texts["argdown"]],
        "write Argdown": lambda: [dumps(m, "argdown") for m in maps],  # type: ignore[arg-type]
        "read AIF": lambda: [loads(text, "aif") for text in texts["aif"]],
        "write AIF": lambda: [dumps(m, "aif") for m in maps],  # type: ignore[arg-type]
        "write Mermaid": lambda: [dumps(m, "mermaid") for m in maps],  # type: ignore[arg-type]
        "check": lambda: [check(m) for m in maps],  # type: ignore[arg-type]
        "quote matching": quotes,
        "translation to a framework": lambda: [to_framework(m) for m in maps],  # type: ignore[arg-type]
        "strength (h-categoriser)": lambda: [strength(m) for m in maps],  # type: ignore[arg-type]
        "DOT": lambda: [dot_source(m) for m in maps],  # type: ignore[arg-type]
    }


def measure(n: int, copies: int, repeat: int) -> dict[str, float]:
    """In a fresh process: the best CPU time of each operation over ``copies`` maps of ``n`` statements."""
    sys.path.insert(0, str(HERE))
    import maps as generated

    all_maps = [generated.debate(n) for _ in range(copies)]
    found = operations(all_maps)  # type: ignore[arg-type]
    result = {}
    for name, run in found.items():
        times = []
        for _ in range(repeat):
            gc.collect()
            gc.freeze()  # the inputs are long-lived: collections must not charge them to the operation
            start = time.process_time()
            run()
            times.append(time.process_time() - start)
        result[name] = min(times)
    return result


def _in_subprocess(n: int, copies: int, repeat: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--one", str(n), str(copies), "--repeat", str(repeat)]
    done = subprocess.run(
        command, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}
    )
    data: dict[str, float] = json.loads(done.stdout)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=N, help=f"the smaller size (default {N:,})")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("N", "COPIES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(int(args.one[0]), int(args.one[1]), args.repeat)))
        return 0
    small: dict[str, float] = {}
    large: dict[str, float] = {}
    # In turns, each kept at its best: a slow spell of a shared machine spoils one round, not the comparison.
    for _ in range(ROUNDS):
        for best, (n, copies) in ((small, (args.n, 4)), (large, (4 * args.n, 1))):
            for name, seconds in _in_subprocess(n, copies, args.repeat).items():
                best[name] = min(seconds, best.get(name, seconds))
    lines = [
        "",
        "## Growth of every linear operation",
        "",
        f"`benchmarks/growth.py`: CPU seconds for four maps of {args.n:,} statements and for one of {4 * args.n:,}",
        "(as much data, so that caches do not count), each the best of several runs in fresh processes. Four times",
        f"the statements may take at most {GROWTH_LIMIT:g} times as long.",
        "",
        f"| operation | 4 x {args.n:,} | 1 x {4 * args.n:,} | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    return report(lines, small, large, scale=4)


def report(lines: list[str], small: dict[str, float], large: dict[str, float], *, scale: float) -> int:
    """Prints ``lines`` and a table row per operation: its times at both sizes and how much longer four times the
    work took (``large`` over ``small``, times ``scale`` where ``small`` measured several copies). Returns 1, and
    says which on standard error, when an operation grew by more than :data:`GROWTH_LIMIT`.
    """
    over = []
    for name in small:
        ratio = scale * large[name] / small[name] if small[name] else 0.0
        lines.append(f"| {name} | {small[name]:.3f} | {large[name]:.3f} | {ratio:.1f} |")
        if ratio > GROWTH_LIMIT:
            over.append(name)
    if over:
        lines += ["", f"Over the limit in this run: {', '.join(over)}."]
    print("\n".join(lines))
    if over:
        print(f"growth above {GROWTH_LIMIT:g} times: {over}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
