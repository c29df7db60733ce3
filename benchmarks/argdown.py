"""Times reading Argdown and the whole `argmap render` process on generated documents, beside the reference CLI."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402 (the house helpers: the machine's description, CPU timing)

SIZES = (1_000, 10_000, 100_000)
#: The whole argmap process must be at least this many times faster than the reference at 10,000 statements.
TARGET = 5.0
#: Runs of a process per measurement (the best counts); the reference runs once at sizes above 10,000.
PROCESS_RUNS = 3
#: Reading ten times the statements may cost at most this many times as much per statement. A larger document no
#: longer fits the processor's caches, which alone costs up to a third more per statement here; a step that grew
#: quadratically would cost ten times as much.
GROWTH_LIMIT = 1.5


def document(n: int) -> str:
    """An Argdown debate of ``n`` statements, as people write them: a section per 100 statements; per four
    statements a titled claim with a tag, supported by an argument whose premise-conclusion structure defines two
    premises (one in bold, one with a link) and attacked, two levels deep, by an objection and an earlier claim.
    """
    lines = ["===", f"title: Generated debate of {n:,} statements", "author: benchmarks/argdown.py", "===", ""]
    for i in range(0, n, 4):
        if i % 100 == 0:
            lines += [f"# Part {i // 100 + 1}", ""]
        claim, first, second, objection = i, i + 1, i + 2, i + 3
        lines += [
            f"[Claim {claim}]: Claim {claim} holds, as the source says. #generated",
            f"  + <Reason {claim}>: Why claim {claim} holds, in short.",
            f"    - [Claim {objection}]",
            f"  - [Claim {max(claim - 4, 0)}]",
            "",
            f"<Reason {claim}>",
            "",
            f"(1) [Claim {first}]: Premise {first} is true, as sentence {first} of the source says.",
            f"(2) [Claim {second}]: Premise {second} is **also** true, see [the note](https://example.org/{second}).",
            "-- Modus ponens --",
            f"(3) [Claim {claim}]",
            "",
            f"[Claim {objection}]: Objection {objection}: the source may be wrong here.",
            "",
        ]
    return "\n".join(lines)


# Python as installed, which keeps compiled modules: an environment that forbids writing them would charge every run
# the compilation of every module that changed since they were last written.
_ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def step_seconds(path: str, repeat: int) -> dict[str, float]:
    """In a fresh process: the least CPU time over ``repeat`` readings of the file (``argmap.load``), as ``read``, and
    over ``repeat`` drawings of the map as DOT source (``argmap.pipe(m, "dot")``), as ``dot``.
    """
    command = [sys.executable, __file__, "--read", path, "--repeat", str(repeat)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, env=_ENVIRONMENT)
    return {key: float(value) for key, value in json.loads(out.stdout).items()}


def process_seconds(command: Sequence[str], runs: int) -> float:
    """The least wall-clock time of ``runs`` runs of a command (its start-up included, as a user waits for it),
    after one run that warms the caches (files, compiled modules).
    """
    subprocess.run(command, check=True, capture_output=True, env=_ENVIRONMENT)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=_ENVIRONMENT)
        best = min(best, time.perf_counter() - start)
    return best


def _argmap_command() -> list[str]:
    found = shutil.which("argmap", path=str(Path(sys.executable).parent)) or shutil.which("argmap")
    return [found] if found else [sys.executable, "-m", "argmap"]


def measure(sizes: Sequence[int], repeat: int, argdown: str | None, folder: Path) -> list[dict[str, float]]:
    rows = []
    argmap = _argmap_command()
    for n in sizes:
        path = folder / f"debate-{n}.argdown"
        path.write_text(document(n), encoding="utf-8")
        row: dict[str, float] = {"statements": n, **step_seconds(str(path), repeat)}
        row["argmap"] = process_seconds(
            [*argmap, "render", str(path), "-o", str(folder / f"debate-{n}.dot")], PROCESS_RUNS
        )
        if argdown is not None:
            runs = PROCESS_RUNS if n <= 10_000 else 1
            row["reference"] = process_seconds(
                [argdown, "map", "-f", "dot", str(path), str(folder / "reference")], runs
            )
        print(f"{n:,} statements: {row}", file=sys.stderr)
        rows.append(row)
    return rows


def _growth(rows: list[dict[str, float]], key: str) -> float | None:
    """Time per statement at the largest size over time per statement at the size ten times smaller."""
    by_size = {int(row["statements"]): row for row in rows if key in row}
    largest = max(by_size, default=0)
    smaller = by_size.get(largest // 10)
    if smaller is None:
        return None
    return (by_size[largest][key] / largest) / (smaller[key] / (largest // 10))


def report(rows: list[dict[str, float]], reference: str | None) -> str:
    """The Markdown section for docs/performance.md."""
    lines = [
        "",
        "## Argdown (`benchmarks/argdown.py`)",
        "",
        f"Machine: {run.machine()}.",
        "",
        "Documents from `benchmarks/argdown.py`: a debate with sections, titled and tagged claims, arguments with",
        "premise-conclusion structures (bold text, links, inference rules) and relations nested two levels deep.",
        '*read* is the CPU time of `argmap.load` and *dot* that of `argmap.pipe(m, "dot")` (best of several, in a',
        "fresh process); *argmap* is the wall-clock time of the whole process `argmap render doc.argdown -o doc.dot`,",
        "start-up included, and *reference* that of `argdown map -f dot doc.argdown OUT` (`@argdown/cli` 1.7.5), each",
        "the best of several runs (one run of the reference above 10,000 statements).",
        "",
        "| statements | read (s) | dot (s) | argmap (s) | reference (s) | reference / argmap |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        ref = row.get("reference")
        speedup = f"{ref / row['argmap']:.1f}" if ref is not None else "-"
        shown = f"{ref:.2f}" if ref is not None else "-"
        lines.append(
            f"| {int(row['statements']):,} | {row['read']:.3f} | {row['dot']:.3f} | {row['argmap']:.2f} | {shown} "
            f"| {speedup} |"
        )
    lines.append("")
    at_target = next((row for row in rows if row["statements"] == 10_000 and "reference" in row), None)
    if reference is None:
        lines.append("The reference CLI was not found (give its path with `--argdown PATH`), so it was not timed.")
    elif at_target is not None:
        speedup = at_target["reference"] / at_target["argmap"]
        lines.append(
            f"At 10,000 statements argmap is {speedup:.1f} times as fast as the reference (target: {TARGET:g})."
        )
    lines += [
        "",
        "Growth: the time per statement at the largest size over that at a tenth of it (1.0 is linear; reading may",
        f"reach {GROWTH_LIMIT:g}):",
        "",
    ]
    for key in ("read", "dot", "argmap", "reference"):
        growth = _growth(rows, key)
        if growth is not None:
            lines.append(f"- {key}: {growth:.2f}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--argdown", help="the reference CLI (default: `argdown` on PATH, if there is one)")
    parser.add_argument("--repeat", type=int, default=5, help="readings per size (the least CPU time counts)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--read", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read:
        import argmap

        m = argmap.load(args.read)
        steps = {
            "read": run.best_cpu_time(lambda: argmap.load(args.read), args.repeat),
            "dot": run.best_cpu_time(lambda: argmap.pipe(m, "dot"), args.repeat),
        }
        print(json.dumps(steps))
        return 0
    reference = args.argdown or shutil.which("argdown")
    with tempfile.TemporaryDirectory() as tmp:
        rows = measure(args.sizes, args.repeat, reference, Path(tmp))
    print(report(rows, reference))
    growth = _growth(rows, "read")
    if growth is not None and growth > GROWTH_LIMIT:
        print(f"reading grows faster than linearly: {growth:.2f} times the time per statement", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
