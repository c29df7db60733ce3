"""Times reading the largest corpus file of arg-microtexts, brat and SADFace as a whole process, argmap against
arguebuf 2.7.2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from aif import ARGUEBUF_PYTHON, best_wall_time
from run import machine

import argmap

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "formats"
#: Each format's folders in the shared corpus, and the files of it there.
FILES = {
    "microtexts": ("microtexts/*.xml", "microtexts-v2/*.xml"),
    "brat": ("persuasive-essays/*.ann",),
    "sadface": ("sadface/*.json",),
}
# What arguebuf's users write to read each file: its file loader, or for SADFace (which that loader does not
# recognise) the SADFace loader on the parsed JSON.
ARGUEBUF_SCRIPTS = {
    "microtexts": "import sys, arguebuf; arguebuf.load.file(sys.argv[1])",
    "brat": "import sys, arguebuf; arguebuf.load.file(sys.argv[1])",
    "sadface": "import sys, json, arguebuf\nwith open(sys.argv[1]) as f: arguebuf.load.sadface(json.load(f))",
}
ARGMAP_SCRIPT = "import sys, argmap; argmap.load(sys.argv[1])"


def largest(format: str) -> Path | None:
    """The largest corpus file of ``format``, or ``None`` where the corpus has none."""
    files = [path for pattern in FILES[format] for path in CORPUS.glob(pattern)]
    return max(files, key=lambda path: path.stat().st_size, default=None)


def in_process(path: Path, repeat: int) -> float:
    """Seconds (best of ``repeat``) that argmap takes to read the file, inside this process."""
    argmap.load(path)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        argmap.load(path)
        best = min(best, time.perf_counter() - start)
    return best


def report(repeat: int, arguebuf: Path | None) -> tuple[str, list[float]]:
    """The Markdown section for docs/performance.md, and arguebuf's time over argmap's for each format timed."""
    python = sys.executable
    rows = [("(any)", "`python -c 'import argmap'`", best_wall_time([python, "-c", "import argmap"], repeat), "")]
    ratios = []
    for format in FILES:
        path = largest(format)
        if path is None:
            continue
        m = argmap.load(path)
        name = f"`{path.parent.name}/{path.name}` ({path.stat().st_size:,} bytes)"
        ours = best_wall_time([python, "-c", ARGMAP_SCRIPT, str(path)], repeat)
        inside = f"{in_process(path, repeat) * 1000:.2f} ms in the process; {len(m.statements)} statements"
        rows.append((format, f"argmap: {name}", ours, inside))
        if arguebuf is not None:
            theirs = best_wall_time([str(arguebuf), "-c", ARGUEBUF_SCRIPTS[format], str(path)], repeat)
            rows.append((format, f"arguebuf 2.7.2: {name}", theirs, f"{theirs / ours:.1f} times argmap's"))
            ratios.append(theirs / ours)
    lines = [
        "",
        "## Reading arg-microtexts, brat and SADFace files, as a whole process (`benchmarks/readers.py`)",
        "",
        f"Machine: {machine()}.",
        "",
        f"Wall-clock seconds to start Python, import the library and read the file, best of {repeat} runs after one",
        "uncounted run (with bytecode caches). Each file is the largest of its format in the shared corpus.",
        "",
        "| format | process | seconds | note |",
        "| --- | --- | ---: | --- |",
        *(f"| {format} | {label} | {seconds:.3f} | {note} |" for format, label, seconds, note in rows),
    ]
    if arguebuf is None:
        lines += ["", f"(arguebuf was not found at `{ARGUEBUF_PYTHON}`, so it was not compared.)"]
    return "\n".join(lines) + "\n", ratios


def main() -> int:
    """Print the Markdown section; exit 1 where arguebuf reads a file faster than argmap."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--arguebuf", type=Path, default=ARGUEBUF_PYTHON, help="the Python that has arguebuf")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"\n(The corpus of other formats was not found at {CORPUS}; nothing to time.)")
        return 0
    text, ratios = report(args.repeat, args.arguebuf if args.arguebuf.exists() else None)
    print(text, end="")
    if any(ratio < 1 for ratio in ratios):
        print("arguebuf reads a file faster than argmap", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
