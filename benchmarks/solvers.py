"""Times enumerating every labelling with argmap's backends and with clingo on the same frameworks, as Markdown."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable

from af import CORPUS
from run import machine

from argmap import SearchLimit
from argmap.af import Framework, labellings, load, sat

#: Seconds one enumeration may take before it is reported as over the limit.
TIME_LIMIT = 5.0
#: Runs of each measurement; the median is reported.
REPEAT = 3
SOLVED = ("complete", "preferred", "stable")

# Our own ASP encodings of the semantics over facts arg(X) and att(X, Y): guess a set, keep it conflict-free,
# then ask what each semantics asks of it.
_CONFLICT_FREE = """
{ in(X) } :- arg(X).
defeated(X) :- att(Y, X), in(Y).
:- in(X), defeated(X).
"""
_COMPLETE = (
    _CONFLICT_FREE
    + """
open(X) :- att(Y, X), not defeated(Y).
:- in(X), open(X).
:- arg(X), not in(X), not open(X).
"""
)
ENCODINGS = {
    "complete": (_COMPLETE, []),
    "stable": (_CONFLICT_FREE + ":- arg(X), not in(X), not defeated(X).\n", []),
    # Subset-maximal complete sets: clingo's domain heuristic makes in/1 true where it can, and domRec enumerates
    # the models maximal in those atoms (Gebser, Kaminski and Schaub's heuristic-driven enumeration).
    "preferred": (_COMPLETE + "#heuristic in(X) : arg(X). [1, true]\n", ["--heuristic=Domain", "--enum-mode=domRec"]),
}


def facts(af: Framework) -> str:
    """The framework as ASP facts over argument positions."""
    position = af.positions
    arguments = " ".join(f"arg({i})." for i in range(len(af.arguments)))
    attacks = " ".join(f"att({position[a]},{position[b]})." for a, b in af.attacks)
    return f"{arguments}\n{attacks}\n"


def clingo_count(text: str, semantics: str) -> int | None:
    """How many models clingo enumerates (grounding included), or ``None`` past :data:`TIME_LIMIT`."""
    import clingo

    program, options = ENCODINGS[semantics]
    # The logger drops domRec's note that a framework decided by grounding leaves no heuristic atoms.
    control = clingo.Control(["0", "--warn=none", *options], logger=lambda _code, _message: None)
    control.add("base", [], program + text)
    control.ground([("base", [])])
    count = 0

    def on_model(_model: clingo.Model) -> None:
        nonlocal count
        count += 1

    with control.solve(on_model=on_model, async_=True) as handle:  # type: ignore[union-attr]
        if not handle.wait(TIME_LIMIT):
            handle.cancel()
            return None
    return count


def clingo_print(text: str, semantics: str) -> int | None:
    """How many models clingo's own application enumerates while it prints each one's ``in/1`` atoms (to
    ``/dev/null``), as the ``clingo`` command does; ``None`` past :data:`TIME_LIMIT`. This is clingo answering the
    question argmap answers, every extension, where :func:`clingo_count` only counts them.
    """
    import clingo
    import clingo.application

    program, options = ENCODINGS[semantics]
    found: list[int | None] = [None]

    class Application(clingo.application.Application):
        program_name = "clingo"

        def main(self, control: clingo.Control, files: list[str]) -> None:
            control.add("base", [], program + text + "#show in/1.\n")
            control.ground([("base", [])])
            with control.solve(async_=True) as handle:  # type: ignore[union-attr]
                if not handle.wait(TIME_LIMIT):
                    handle.cancel()
                    return
            found[0] = int(control.statistics["summary"]["models"]["enumerated"])

    sys.stdout.flush()
    sys.stderr.flush()
    # Its warnings too (domRec's note on frameworks that grounding decides), which --warn=none leaves on.
    saved = [os.dup(1), os.dup(2)]
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    try:
        clingo.application.clingo_main(Application(), ["0", "--warn=none", "--outf=0", *options])
    finally:
        for descriptor, copy in enumerate(saved, start=1):
            os.dup2(copy, descriptor)
            os.close(copy)
        os.close(quiet)
    return found[0]


def argmap_count(af: Framework, semantics: str, backend: str) -> int | None:
    """How many labellings argmap's ``backend`` yields, or ``None`` past :data:`TIME_LIMIT`."""
    try:
        return sum(1 for _ in labellings(af, semantics, timeout=TIME_LIMIT, backend=backend))
    except SearchLimit:
        return None


def timed(run: Callable[[], int | None], repeat: int = REPEAT) -> tuple[float | None, int | None]:
    """The median CPU seconds of ``run`` (all threads: clingo solves in its own) and its count; ``None`` seconds
    if any run ran out of time.
    """
    times, count = [], None
    for _ in range(repeat):
        start = time.process_time()
        count = run()
        if count is None:
            return None, None
        times.append(time.process_time() - start)
    return statistics.median(times), count


def cell(seconds: float | None) -> str:
    return f"> {TIME_LIMIT:g}" if seconds is None else f"{seconds:.3f}"


def ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None:
        return "-"
    # Below a millisecond both are mostly start-up; the ratio would measure noise.
    return f"{max(ours, 1e-3) / max(theirs, 1e-3):.2f}"


def have_clingo() -> bool:
    try:
        import clingo  # noqa: F401
    except ImportError:
        return False
    return True


def row(name: str, af: Framework, semantics: str, search: bool = True, repeat: int = REPEAT) -> str:
    """One table row: the count, argmap's default backend, the search, clingo counting and printing, and argmap
    over each of clingo's two.
    """
    ours, count = timed(lambda: argmap_count(af, semantics, "auto"), repeat)
    searched = timed(lambda: argmap_count(af, semantics, "search"), repeat)[0] if search else None
    counted, their_count = timed(lambda: clingo_count(facts(af), semantics), repeat) if have_clingo() else (None, None)
    printed = timed(lambda: clingo_print(facts(af), semantics), repeat)[0] if have_clingo() else None
    if count is not None and their_count is not None and count != their_count:
        raise SystemExit(f"{name} {semantics}: argmap found {count} labellings, clingo {their_count}")
    shown = count if count is not None else their_count
    theirs = f"{cell(counted)} | {cell(printed)}" if have_clingo() else "no clingo | no clingo"
    return (
        f"| {name} | {semantics} | {'?' if shown is None else f'{shown:,}'} | {cell(ours)} | "
        f"{cell(searched) if search else 'not run'} | {theirs} | {ratio(ours, counted)} | {ratio(ours, printed)} |"
    )


HEADER = [
    "| framework | semantics | labellings | argmap (auto) s | argmap (search) s | clingo counting s "
    "| clingo printing s | argmap / counting | argmap / printing |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
]


def pairs(k: int) -> Framework:
    """k disjoint pairs of arguments that attack each other: 2**k preferred and stable labellings."""
    names = [f"{side}{i}" for i in range(k) for side in "xy"]
    return Framework(names, [attack for i in range(k) for attack in ((f"x{i}", f"y{i}"), (f"y{i}", f"x{i}"))])


def disjoint_pairs() -> list[str]:
    """The 2**k family up to 2**12, preferred and stable; the search only while it takes seconds."""
    lines = list(HEADER)
    for k in (4, 6, 8, 10, 12):
        for semantics in ("preferred", "stable"):
            # The search's preferred scheme grows with the square of the labellings found: 2**8 already take
            # seconds, so larger ones are not run.
            search = semantics == "stable" or k <= 6
            lines.append(row(f"{k} pairs", pairs(k), semantics, search))
    return lines


#: Random frameworks: (arguments, attack draws) and the seeds of each.
RANDOM = ((20, 20), (30, 30), (40, 40), (30, 60), (40, 80))
SEEDS = range(3)


def random_framework(arguments: int, draws: int, seed: int) -> Framework:
    """``draws`` random attacks between distinct arguments, each answered by the reverse attack with probability
    0.7: conflicts that go both ways, as in debates, give many extensions (hundreds to thousands at 40 arguments).
    """
    rng = random.Random(seed)
    names = [f"a{i}" for i in range(arguments)]
    attacks: set[tuple[int, int]] = set()
    while len(attacks) < draws:
        source, target = rng.sample(range(arguments), 2)
        attacks.add((source, target))
        if rng.random() < 0.7:
            attacks.add((target, source))
    return Framework(names, [(names[a], names[b]) for a, b in sorted(attacks)])


def random_families() -> list[str]:
    """The median over :data:`SEEDS` of each measurement, for each size and semantics."""
    lines = [
        "| arguments / attacks | semantics | median labellings | argmap (auto) s | argmap (search) s "
        "| clingo counting s | clingo printing s | argmap / counting | argmap / printing |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    runs: dict[str, Callable[[Framework, str], int | None]] = {
        "auto": lambda af, semantics: argmap_count(af, semantics, "auto"),
        "search": lambda af, semantics: argmap_count(af, semantics, "search"),
    }
    if have_clingo():
        runs["counting"] = lambda af, semantics: clingo_count(facts(af), semantics)
        runs["printing"] = lambda af, semantics: clingo_print(facts(af), semantics)
    for arguments, draws in RANDOM:
        frameworks = [random_framework(arguments, draws, seed) for seed in SEEDS]
        attacks = statistics.median(len(af.attacks) for af in frameworks)
        for semantics in SOLVED:
            results: dict[str, list[float | None]] = {name: [] for name in runs}
            counts: list[int] = []
            for af in frameworks:
                for name, run in runs.items():
                    seconds, count = timed(lambda run=run, af=af, semantics=semantics: run(af, semantics), 1)
                    results[name].append(seconds)
                    if name == "auto" and count is not None:
                        counts.append(count)
            medians = {name: median(values) for name, values in results.items()}
            shown = f"{statistics.median(counts):,g}" if len(counts) == len(frameworks) else "?"
            theirs = (
                f"{cell(medians['counting'])} | {cell(medians['printing'])}"
                if have_clingo()
                else "no clingo | no clingo"
            )
            lines.append(
                f"| {arguments} / {attacks:g} | {semantics} | {shown} | "
                f"{cell(medians['auto'])} | {cell(medians['search'])} | {theirs} | "
                f"{ratio(medians['auto'], medians.get('counting'))} | "
                f"{ratio(medians['auto'], medians.get('printing'))} |"
            )
    return lines


def median(values: list[float | None]) -> float | None:
    """The median, counting a run out of time as the slowest; ``None`` when that is one of them."""
    if not values:
        return None
    ordered = sorted(values, key=lambda value: float("inf") if value is None else value)
    middle = ordered[(len(ordered) - 1) // 2 : len(ordered) // 2 + 1]
    return None if None in middle else statistics.mean(v for v in middle if v is not None)


def corpus() -> list[str]:
    """Every labelling of each corpus instance (one run where it passes the time limit)."""
    if not CORPUS.is_dir():
        return [f"(corpus not found at {CORPUS})"]
    lines = list(HEADER)
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix != ".md"):
        af = load(path)
        for semantics in SOLVED:
            lines.append(row(f"{path.name} ({len(af.arguments):,} / {len(af.attacks):,})", af, semantics))
    return lines


def large_structured() -> list[str]:
    """Frameworks where propagation does the work: an even cycle, and admbuster (also in the corpus table)."""
    lines = list(HEADER)
    names = [str(i) for i in range(100_000)]
    cycle = Framework(names, [(names[i - 1], names[i]) for i in range(len(names))])
    for semantics in SOLVED:
        lines.append(row("even cycle of 100,000", cycle, semantics))
    return lines


def unique() -> list[str]:
    """The one ideal and the one eager labelling of each corpus instance, by argmap (clingo has no encoding here)."""
    if not CORPUS.is_dir():
        return [f"(corpus not found at {CORPUS})"]
    lines = ["| framework | ideal s | eager s |", "| --- | ---: | ---: |"]
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix != ".md"):
        af = load(path)
        cells = [cell(timed(lambda af=af, s=semantics: argmap_count(af, s, "auto"))[0]) for semantics in UNIQUE]
        lines.append(f"| {path.name} ({len(af.arguments):,} / {len(af.attacks):,}) | {' | '.join(cells)} |")
    return lines


UNIQUE = ("ideal", "eager")
SECTIONS = {
    "pairs": ("k disjoint pairs of mutually attacking arguments (2^k preferred and stable labellings)", disjoint_pairs),
    "random": (f"Random frameworks ({len(SEEDS)} seeds per row, medians over them, one run each)", random_families),
    "structured": ("Large structured frameworks", large_structured),
    "corpus": ("ICCMA corpus", corpus),
    "unique": ("Ideal and eager labellings of the ICCMA corpus", unique),
}


def versions() -> str:
    """The versions of clingo and python-sat, where installed."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("clingo", "python-sat"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(f"no {package}")
    return ", ".join(found)


def main() -> None:
    """Print every table, or those named."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sections", nargs="*", help=f"the tables to print: {', '.join(SECTIONS)} (default: all)")
    chosen = parser.parse_args().sections or list(SECTIONS)
    if unknown := [name for name in chosen if name not in SECTIONS]:
        parser.error(f"unknown tables: {', '.join(unknown)}")
    print("\n## Enumeration beside clingo (`benchmarks/solvers.py`)\n")
    print(
        "Every labelling, counted, by argmap's default backend (`auto`: the SAT solver of `argmap.af.sat` when\n"
        "python-sat is installed, except where the search is known to be faster), by its pure-Python search, and by\n"
        "clingo with our ASP encodings (preferred through its domain heuristic and `--enum-mode=domRec`), twice:\n"
        "*counting* the models in Python without reading them, and *printing* each model's `in/1` atoms from C++\n"
        "(clingo's own application, output to /dev/null), which is clingo answering what argmap answers. CPU\n"
        f"seconds (the machine is shared), median of {REPEAT} runs unless the section says otherwise; each run\n"
        "starts from a built framework and counts the labellings (argmap builds a dict per labelling; clingo's\n"
        f"grounding is counted, the imports of both are not). `> {TIME_LIMIT:g}` is past the wall-clock limit of\n"
        f"{TIME_LIMIT:g} s. Below a millisecond the ratio counts 1 ms.\n"
    )
    print(f"Machine: {machine()}; {versions()}.\n")
    print(
        "The goal, within 3 times clingo where clingo answers, is measured against clingo *printing* every\n"
        "extension: argmap yields each labelling as a Python object, and clingo reading each model in Python is\n"
        "slower still. Counting alone costs clingo about a microsecond a model, which no Python object per\n"
        "labelling can match; that column shows the distance.\n"
    )
    if not have_clingo():
        print("clingo is not installed (`pip install clingo`): its columns are left out.\n")
    if sat.available():
        # Loaded once per process, on the first search that needs it: not a cost of the first framework timed.
        import pysat.solvers  # noqa: F401
    else:
        print("python-sat is not installed (`pip install 'argmap[sat]'`): `auto` is the search.\n")
    for title, table in (SECTIONS[name] for name in chosen):
        print(f"### {title}\n")
        print("\n".join(table()))
        print()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
