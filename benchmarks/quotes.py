"""Quote matching against a long source: the checks and the coverage of a 4 MB source with 4,000 short quotes.

The quotes are found through one index per source (``argmap.quotes.SourceText``), not a scan of the source per
quote: a quarter of the source and of the quotes must take about a quarter of the time. Prints a Markdown section
for docs/performance.md; exits 1 when four times the input takes more than GROWTH_LIMIT times as long.
"""

from __future__ import annotations

import argparse
import sys

from growth import GROWTH_LIMIT, report
from run import best_cpu_time

from argmap import ArgumentMap, MapBuilder
from argmap.check import check
from argmap.coverage import coverage

#: The full size: characters of source and quotes.
SOURCE_CHARACTERS = 4_000_000
QUOTES = 4_000


def long_source(characters: int, quotes: int) -> ArgumentMap:
    """A map of ``quotes`` statements, each quoting four words of one sentence of a source of about ``characters``
    characters; one quote in ten is not in the source, so that the checks report it.
    """
    sentences: list[str] = []
    size = 0
    while size < characters:
        sentence = f"Sentence {len(sentences)} says that the claim numbered {len(sentences)} holds for now."
        sentences.append(sentence)
        size += len(sentence) + 1
    b = MapBuilder(title=f"{quotes:,} quotes in {characters:,} characters")
    b.source("src", text=" ".join(sentences), title="A long source")
    step = len(sentences) // quotes
    for i in range(quotes):
        n = i * step
        words = f"claim numbered {n} holds" if i % 10 else f"claim numbered {n} fails"
        b.statement(f"Claim {n} holds.", id=f"s{i}", quote=("src", words))
    return b.build()


def measure(characters: int, quotes: int, repeat: int) -> dict[str, float]:
    """The best CPU seconds of ``repeat`` runs of the checks and of the coverage, at one size."""
    m = long_source(characters, quotes)
    return {"check": best_cpu_time(lambda: check(m), repeat), "coverage": best_cpu_time(lambda: coverage(m), repeat)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    small = measure(SOURCE_CHARACTERS // 4, QUOTES // 4, args.repeat)
    large = measure(SOURCE_CHARACTERS, QUOTES, args.repeat)
    lines = [
        "",
        "## Quotes in a long source",
        "",
        f"`benchmarks/quotes.py`: CPU seconds (best of {args.repeat}) for `check(m)` and `coverage(m)` on a map whose",
        f"{QUOTES:,} statements each quote four words of a {SOURCE_CHARACTERS / 1e6:g} MB source (one quote in ten",
        "is not there), and on a quarter of both. Quotes are found through one index of the source, so four times",
        f"the input may take at most {GROWTH_LIMIT:g} times as long.",
        "",
        f"| operation | {SOURCE_CHARACTERS // 4:,} characters, {QUOTES // 4:,} quotes "
        f"| {SOURCE_CHARACTERS:,} characters, {QUOTES:,} quotes | ratio |",
        "| --- | ---: | ---: | ---: |",
    ]
    return report(lines, small, large, scale=1)


if __name__ == "__main__":
    sys.exit(main())
