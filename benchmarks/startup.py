"""Start-up: ``argmap check`` on the seed map, as a whole process, against a bare ``python -c pass``.

An editor that checks on every keystroke pays the whole process each time, so the command imports only what it
uses. Prints a Markdown section for docs/performance.md with the median CPU time (user and system, of the child
process) of each over RUNS runs; exits 1 when the check takes more than LIMIT times as long as a bare Python.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from collections.abc import Sequence

from run import machine

from argmap import examples

#: The most CPU time ``argmap check`` may take, as a multiple of a bare Python start on the same machine.
LIMIT = 3.0


#: The children's environment: with bytecode caches written and read, as an installed package has them (compiling
#: argmap's modules on every start would cost more than the rest of the start-up).
ENVIRONMENT = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(command: Sequence[str]) -> float:
    """The user and system CPU time of one run of ``command`` in a child process (its output is discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENVIRONMENT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_cpu(command: Sequence[str], runs: int) -> float:
    """The median CPU time of ``runs`` runs, after one run that warms the file cache and the bytecode."""
    cpu_seconds(command)
    return statistics.median(cpu_seconds(command) for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    bare = median_cpu([sys.executable, "-c", "pass"], args.runs)
    dependencies = median_cpu([sys.executable, "-c", "import attrs, yaml"], args.runs)
    check = median_cpu([sys.executable, "-m", "argmap", "check", str(examples.path())], args.runs)
    ratio = check / bare if bare else float("inf")
    floor = dependencies / bare if bare else float("inf")
    print(
        "\n".join(
            [
                "",
                "## Start-up: `argmap check` as a whole process (`benchmarks/startup.py`)",
                "",
                f"Machine: {machine()}.",
                "",
                f"`argmap check` on the seed map, as a whole process, against a bare `python -c pass`: the median CPU "
                f"time of {args.runs} runs each, with bytecode caches (the target: at most {LIMIT:g} times as long). "
                "The second row is the floor that the required dependencies set: importing attrs and PyYAML, which "
                "the check needs for the model and for the seed's frontmatter. "
                "`python -X importtime -m argmap check FILE` lists what the rest goes to.",
                "",
                "| process | CPU ms | times a bare start |",
                "| --- | ---: | ---: |",
                f"| `python -c pass` | {bare * 1000:.0f} | 1.0 |",
                f"| `python -c 'import attrs, yaml'` | {dependencies * 1000:.0f} | {floor:.1f} |",
                f"| `argmap check` (seed map) | {check * 1000:.0f} | {ratio:.1f} |",
                "",
            ]
        )
    )
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
