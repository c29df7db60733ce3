"""Times reading each interchange format (xAIF, OVA, Kialo, Argdown's JSON) as a whole process, argmap against
arguebuf 2.7.2 on the same file.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from aif import ARGUEBUF_PYTHON, best_wall_time
from run import machine

import argmap
from argmap.formats import xaif

ROOT = Path(__file__).resolve().parent.parent
ARGDOWN_EXPORTS = ROOT.parent / "shared" / "corpus" / "argdown" / "expected"
#: Claims in the generated files.
SIZE = 3000
# What each takes in each tool: argmap reads any format with argmap.load; arguebuf has a loader per format, which
# takes the parsed JSON (or the open file, for Kialo).
ARGMAP_SCRIPT = "import sys, argmap; argmap.load(sys.argv[1], sys.argv[2])"
ARGUEBUF_SCRIPT = """
import json, sys
import arguebuf
with open(sys.argv[1], encoding="utf-8") as file:
    if sys.argv[2] == "kialo":
        arguebuf.load.kialo(file)
    else:
        getattr(arguebuf.load, sys.argv[2].replace("argdown-json", "argdown"))(json.load(file))
"""


def _debate(size: int) -> argmap.ArgumentMap:
    """A debate of ``size`` claims: each supports or attacks an earlier one, every third through an argument."""
    b = argmap.MapBuilder(title="Generated debate")
    ids = [b.statement(f"Claim number {n} says something about the topic.", id=f"c{n}") for n in range(size)]
    for n in range(1, size):
        parent = ids[(n - 1) // 3]
        if n % 3 == 0:
            b.argument([ids[n]], parent, id=f"a{n}")
        elif n % 3 == 1:
            b.support(ids[n], parent)
        else:
            b.attack(ids[n], parent)
    return b.build()


def _kialo(size: int) -> str:
    """A Kialo export of a tree of ``size`` claims, three below each."""
    numbers, lines = ["1."], ["Discussion Title: Generated", "", "1. Claim number 0 is the thesis."]
    for n in range(1, size):
        parent = numbers[(n - 1) // 3]
        numbers.append(f"{parent}{(n - 1) % 3 + 1}.")
        lines.append(f"{numbers[-1]} {'Pro' if n % 2 else 'Con'}: Claim number {n} says something about it.")
    return "\n".join(lines) + "\n"


def _ova(document: dict[str, object]) -> str:
    """An OVA analysis with the nodes and edges of an AIF document."""
    nodes = {
        node["nodeID"]: {
            "id": int(node["nodeID"][1:]) if node["nodeID"][1:].isdigit() else n,
            "x": n,
            "y": n,
            "color": "b",
            "text": node["text"],
            "type": node["type"],
            "scheme": "0",
            "descriptors": {},
            "visible": True,
        }
        for n, node in enumerate(document["nodes"])  # type: ignore[attr-defined]
    }
    ids = {id: n for n, id in enumerate(nodes)}
    for id, node in nodes.items():
        node["id"] = ids[id]
    edges = [
        {"from": nodes[e["fromID"]], "to": nodes[e["toID"]], "visible": True}
        for e in document["edges"]  # type: ignore[attr-defined]
    ]
    analysis = {"txt": "", "plain_txt": "", "documentTitle": "Generated"}
    return json.dumps({"nodes": list(nodes.values()), "edges": edges, "participants": [], "analysis": analysis})


def inputs(folder: Path, size: int, arguebuf: Path | None) -> list[tuple[str, Path, str]]:
    """The files to time, as (format, path, what it is)."""
    m = _debate(size)
    text = xaif.dumps(m)
    files = [
        ("xaif", "debate.xaif.json", text, f"generated: {size:,} claims"),
        ("ova", "debate.ova.json", _ova(json.loads(text)["AIF"]), f"generated: {size:,} claims"),
        ("kialo", "debate.kialo.txt", _kialo(size), f"generated: {size:,} claims"),
    ]
    found = []
    for format, name, content, note in files:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        found.append((format, path, note))
    exports = sorted(ARGDOWN_EXPORTS.glob("*.map.json"), key=lambda p: p.stat().st_size)
    if exports:
        found.append(("argdown-json", exports[-1], f"`{exports[-1].name}`, the largest `argdown json` export"))
    readable = _readable_by_arguebuf(exports, arguebuf)
    if readable is not None and readable != exports[-1]:
        found.append(("argdown-json", readable, f"`{readable.name}`, the largest that arguebuf reads"))
    return found


def _readable_by_arguebuf(exports: list[Path], arguebuf: Path | None) -> Path | None:
    """The largest of ``exports`` that arguebuf reads (it fails on most, on map nodes without a ``labelText``)."""
    if arguebuf is None or not exports:
        return None
    script = (
        "import json, sys, arguebuf\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        arguebuf.load.argdown(json.load(open(name, encoding='utf-8')))\n"
        "    except Exception:\n"
        "        continue\n"
        "    print(name)\n"
        "    break\n"
    )
    names = [str(path) for path in reversed(exports)]
    found = subprocess.run([str(arguebuf), "-c", script, *names], capture_output=True, text=True, check=False)
    return Path(found.stdout.strip()) if found.stdout.strip() else None


def _time(command: list[str], repeat: int) -> float | None:
    """The best time of ``command``, or ``None`` where it fails."""
    try:
        return best_wall_time(command, repeat)
    except subprocess.CalledProcessError:
        return None


def report(repeat: int, arguebuf: Path | None, size: int) -> tuple[str, list[str]]:
    """The Markdown section for docs/performance.md, and the formats where argmap was slower than arguebuf."""
    python = sys.executable
    rows, slower = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for format, path, note in inputs(Path(tmp), size, arguebuf):
            ours = best_wall_time([python, "-c", ARGMAP_SCRIPT, str(path), format], repeat)
            shown = "—"
            if arguebuf is not None:
                theirs = _time([str(arguebuf), "-c", ARGUEBUF_SCRIPT, str(path), format], repeat)
                shown = "fails" if theirs is None else f"{theirs:.3f}"
                if theirs is not None and theirs < ours:
                    slower.append(format)
            rows.append(f"| {format} | {note}, {path.stat().st_size:,} bytes | {ours:.3f} | {shown} |")
    lines = [
        "",
        "## Interchange formats: reading a file as a whole process (`benchmarks/interchange.py`)",
        "",
        f"Machine: {machine()}.",
        "",
        f"Wall-clock seconds, best of {repeat} runs after one uncounted run: `python -c` that imports the library and",
        "reads the file (argmap: `argmap.load(path, format)`; arguebuf 2.7.2: its loader of the format on the",
        "parsed JSON, or on the open file for Kialo).",
        "",
        "| format | file | argmap | arguebuf |",
        "| --- | --- | ---: | ---: |",
        *rows,
    ]
    if arguebuf is None:
        lines += ["", f"(arguebuf was not found at `{ARGUEBUF_PYTHON}`, so it was not compared.)"]
    return "\n".join(lines) + "\n", slower


def main() -> int:
    """Print the Markdown section; exit 1 where argmap reads a format slower than arguebuf."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=SIZE, help="claims in the generated files")
    parser.add_argument("--arguebuf", type=Path, default=ARGUEBUF_PYTHON, help="the Python that has arguebuf")
    args = parser.parse_args()
    arguebuf = args.arguebuf if args.arguebuf.exists() else None
    text, slower = report(args.repeat, arguebuf, args.size)
    print(text, end="")
    if slower:
        print(f"argmap reads {', '.join(slower)} slower than arguebuf", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
