"""Fingerprints of every output argmap writes for the seed and the corpus, to show a refactoring changed none of them.

Run it before and after a change of structure, then compare::

    python benchmarks/outputs.py --write before.json      # on the old code
    python benchmarks/outputs.py --compare before.json    # on the new code: exit 1 and a list if anything differs

Each input is read, and each of its outputs (DOT in both views and with a labelling, JSON, Argdown, AIF, Mermaid) is
reduced to a SHA-256 digest; a reading or writing error is kept as its message, so that errors must stay the same too.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from argmap import ArgmapError, ArgumentMap
from argmap.evaluate import evaluate
from argmap.formats import dumps, load
from argmap.render import dot_source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

# What each map is written as, by name.
OUTPUTS: dict[str, Callable[[ArgumentMap], str]] = {
    "dot": dot_source,
    "dot-premise": lambda m: dot_source(m, view="premise"),
    "dot-grounded": lambda m: dot_source(m, labelling=evaluate(m)),
    "json": lambda m: dumps(m, "json"),
    "argdown": lambda m: dumps(m, "argdown"),
    "aif": lambda m: dumps(m, "aif"),
    "mermaid": lambda m: dumps(m, "mermaid"),
}


def inputs() -> Iterator[Path]:
    """The seed's forms and every Argdown and AIF file of the corpus (where ``../shared`` is)."""
    yield from (ROOT / "seeds" / f"kim-in-russia.{suffix}" for suffix in ("argdown", "json"))
    yield from sorted((ROOT / "docs" / "examples").glob("*.json"))
    yield from sorted((CORPUS / "argdown").glob("*.argdown"))
    yield from sorted((CORPUS / "aif").glob("*/*.json"))


def _digest(make: Callable[[], str]) -> str:
    try:
        return hashlib.sha256(make().encode()).hexdigest()
    except ArgmapError as error:
        return f"error: {type(error).__name__}: {error}"


def fingerprints() -> dict[str, dict[str, str]]:
    """Per input (relative to the repository's parent), per output: a digest or an error message."""
    found: dict[str, dict[str, str]] = {}
    for path in inputs():
        key = str(path.relative_to(ROOT.parent))
        try:
            m = load(path, "aif" if path.parent.parent.name == "aif" else None)
        except ArgmapError as error:
            found[key] = {"read": f"error: {type(error).__name__}: {error}"}
            continue
        found[key] = {name: _digest(functools.partial(write, m)) for name, write in OUTPUTS.items()}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", metavar="FILE", help="write the fingerprints to FILE")
    action.add_argument("--compare", metavar="FILE", help="compare with the fingerprints in FILE")
    args = parser.parse_args(argv)
    now = fingerprints()
    if args.write:
        Path(args.write).write_text(json.dumps(now, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(now)} inputs, {sum(map(len, now.values()))} outputs written to {args.write}")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    differ = [
        f"{key} {name}"
        for key in sorted(before.keys() | now.keys())
        for name in sorted(before.get(key, {}).keys() | now.get(key, {}).keys())
        if before.get(key, {}).get(name) != now.get(key, {}).get(name)
    ]
    for line in differ:
        print("differs:", line)
    print(f"{len(now)} inputs, {sum(map(len, now.values()))} outputs, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
