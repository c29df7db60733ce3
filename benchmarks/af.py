"""Times the framework solvers (grounded at scale, the others on random and ICCMA frameworks) as a Markdown table."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from argmap.af import SEMANTICS, Framework, grounded, labellings, load

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "iccma"
#: Seconds one corpus instance may take for one semantics before it is reported as over the limit.
TIME_LIMIT = 20.0


def random_framework(arguments: int, attacks: int, seed: int) -> Framework:
    """``attacks`` distinct attacks drawn uniformly (self-attacks included), reproducibly from ``seed``."""
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(arguments)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < attacks:
        pairs.add((rng.randrange(arguments), rng.randrange(arguments)))
    return Framework(names, [(names[a], names[b]) for a, b in sorted(pairs)])


def _seconds(run: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def grounded_at_scale() -> list[str]:
    """Building and solving 100,000 arguments with 200,000 attacks, best of three."""
    names = [f"a{i}" for i in range(100_000)]
    rng = random.Random(1)
    pairs = {(rng.randrange(100_000), rng.randrange(100_000)) for _ in range(210_000)}
    attacks = [(names[a], names[b]) for a, b in sorted(pairs)[:200_000]]
    af = Framework(names, attacks)
    build = _seconds(lambda: Framework(names, attacks), 3)
    solve = _seconds(lambda: grounded(af), 3)
    return [
        "| framework | build `Framework` | `grounded` |",
        "| --- | ---: | ---: |",
        f"| 100,000 arguments, 200,000 random attacks | {build:.3f} | {solve:.3f} |",
    ]


def random_thirty() -> list[str]:
    """Every labelling of 20 random 30-argument frameworks per density: mean and worst time, and mean count."""
    lines = [
        "| attacks | semantics | mean s | worst s | mean labellings |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for attacks in (30, 60, 90, 180):
        frameworks = [random_framework(30, attacks, seed) for seed in range(20)]
        for semantics in ("complete", "preferred", "stable"):
            times, counts = [], []
            for af in frameworks:
                start = time.process_time()
                counts.append(sum(1 for _ in labellings(af, semantics)))
                times.append(time.process_time() - start)
            lines.append(
                f"| {attacks} | {semantics} | {statistics.mean(times):.4f} | {max(times):.4f} "
                f"| {statistics.mean(counts):.1f} |"
            )
    return lines


def one(path: str, semantics: str) -> dict[str, float | int]:
    """Load one instance and take its first labelling; run in a child process so that it can be stopped."""
    start = time.process_time()
    af = load(path)
    loaded = time.process_time()
    labelling = next(labellings(af, semantics, limit=1), None)
    solved = time.process_time()
    accepted = -1 if labelling is None else sum(label.value == "in" for label in labelling.values())
    return {"load": loaded - start, "solve": solved - loaded, "in": accepted}


def corpus() -> list[str]:
    """The first labelling of each corpus instance under each semantics, within :data:`TIME_LIMIT`."""
    if not CORPUS.is_dir():
        return [f"(corpus not found at {CORPUS})"]
    lines = [
        "| instance | arguments / attacks | load s | " + " | ".join(SEMANTICS) + " |",
        "| --- | ---: | ---: |" + " ---: |" * len(SEMANTICS),
    ]
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix != ".md"):
        af = load(path)
        cells, load_time = [], 0.0
        for semantics in SEMANTICS:
            command = [sys.executable, __file__, "--one", str(path), semantics]
            try:
                done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=TIME_LIMIT)
            except subprocess.TimeoutExpired:
                cells.append(f"limit reached (> {TIME_LIMIT:.0f} s)")
                continue
            result = json.loads(done.stdout)
            load_time = result["load"]
            found = "none" if result["in"] < 0 else f"{result['in']} in"
            cells.append(f"{result['solve']:.3f} ({found})")
        lines.append(
            f"| {path.name} | {len(af.arguments)} / {len(af.attacks)} | {load_time:.3f} | {' | '.join(cells)} |"
        )
    return lines


def main() -> None:
    """Print every table, or with ``--one PATH SEMANTICS`` the JSON timing of one corpus run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", nargs=2, metavar=("PATH", "SEMANTICS"))
    options = parser.parse_args()
    if options.one:
        print(json.dumps(one(*options.one)))
        return
    sections = [
        ("Grounded at scale (CPU seconds, best of 3)", grounded_at_scale),
        ("Every labelling of random 30-argument frameworks (20 per row, CPU seconds each)", random_thirty),
        (f"ICCMA corpus: time to the first labelling (CPU seconds; wall-clock limit {TIME_LIMIT:.0f} s)", corpus),
    ]
    print("\n## Abstract frameworks and evaluation (`argmap.af`, `benchmarks/af.py`)\n")
    for title, table in sections:
        print(f"### {title}\n")
        print("\n".join(table()))
        print()


if __name__ == "__main__":
    main()
