"""Coverage-guided fuzzing of argmap's readers with atheris: each reader must raise nothing but argmap's errors.

    python fuzz/run.py TARGET [--seconds N] [--corpus DIR]    # TARGET: one of TARGETS below, or all

Inputs that reach new code are kept in fuzz/corpus/TARGET/ (give --corpus elsewhere to keep the repository as it
is); each run also starts from the project's small example map written in the target's format (or, for a format
argmap only reads, a small document of it). A crash is saved in the current directory as crash-*, and the run exits
non-zero. ``make fuzz`` runs every target for a minute; CI runs each for a few seconds on a copy of the corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = ("argdown", "json", "aif", "iccma", "microtexts", "brat", "sadface", "xaif", "ova", "kialo", "argdown-json")
# The environment variable that makes this file the fuzzing process of one target.
_TARGET = "ARGMAP_FUZZ_TARGET"


def _reader(target: str) -> Callable[[str], object]:
    from argmap import af
    from argmap.formats import loads

    if target == "iccma":
        return lambda text: af.loads(text, "af")
    return lambda text: loads(text, target)


# Starting points for the formats that argmap reads but does not write, so that it cannot make them from its map.
_OVA_NODES = (
    '[{"id": 1, "type": "I", "text": "A.", "x": 0, "y": 0}, {"id": 2, "type": "CA", "text": "Default Conflict"}'
)
_READ_ONLY_SEEDS = {
    "microtexts": (
        '<?xml version="1.0"?>\n<!DOCTYPE arggraph SYSTEM "arggraph.dtd">\n<arggraph id="x" stance="pro">\n'
        '<edu id="e1"><![CDATA[Tea is good.]]></edu><edu id="e2">It is warm.</edu><edu id="e3">It stains.</edu>\n'
        '<joint id="j1"/><adu id="a1" type="pro"/><adu id="a2" type="pro"/><adu id="a3" type="opp"/>\n'
        '<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="j1" type="seg"/>\n'
        '<edge id="s3" src="j1" trg="a2" type="seg"/><edge id="s4" src="e3" trg="a3" type="seg"/>\n'
        '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="c1" type="und"/>\n'
        '<edge id="c3" src="a3" trg="c1" type="add"/><edge id="c4" src="a3" trg="a1" type="reb"/>\n</arggraph>\n'
    ),
    "brat": (
        "T1\tMajorClaim 0 12\tTea is good.\nT2\tPremise 13 24;25 30\tIt is warm. Truly\nT3\tClaim 31 40\tIt stains\n"
        "A1\tStance T3 Against\nR1\tsupports Arg1:T2 Arg2:T1\t\nR2\tattacks Arg1:T3 Arg2:T2\t\n"
        "#1\tAnnotatorNotes T1\ta note\nE1\tEvent:T1\n"
    ),
    "sadface": (
        '{"edges": [{"id": "e1", "source_id": "p", "target_id": "s"}, {"id": "e2", "source_id": "s", "target_id": "c"},'
        ' {"id": "e3", "source_id": "o", "target_id": "x"}, {"id": "e4", "source_id": "x", "target_id": "s"}],'
        ' "metadata": {"core": {"id": "d", "version": "0.2", "title": "Tea"}},'
        ' "nodes": [{"id": "c", "type": "atom", "text": "Tea is good.", "sources": [], "metadata": {}},'
        ' {"id": "p", "type": "atom", "text": "It is warm.", "sources": [], "metadata": {}},'
        ' {"id": "o", "type": "atom", "text": "It stains.", "sources": [], "metadata": {}},'
        ' {"id": "s", "type": "scheme", "name": "support", "metadata": {}},'
        ' {"id": "x", "type": "scheme", "name": "conflict", "metadata": {}}],'
        ' "resources": [{"id": "r", "type": "text", "content": "Tea is good.", "metadata": {}}]}'
    ),
    "kialo": "Discussion Title: T\n\n1. Thesis.\n1.1. Pro: Reason.\n1.1.1. Con: Objection.\n1.2. Con: -> See 1.1.1.\n",
    "ova": '{"nodes": ' + _OVA_NODES + ', {"id": 3, "type": "I", "text": "B."}], "edges": [{"from": {"id": 3}, '
    '"to": {"id": 2}, "visible": true}, {"from": {"id": 2}, "to": {"id": 1}}], "analysis": {"txt": "A.<br>B."}}',
    "argdown-json": '{"statements": {"A": {"members": [{"text": "A."}], "section": "s1"}, "C": {"members": []}}, '
    '"arguments": {"B": '
    '{"pcs": [{"title": "A"}, {"title": "C", "inference": {"inferenceRules": ["r"]}}]}}, "relations": [{"from": '
    '"A", "fromType": "equivalence-class", "to": "B", "toType": "argument", "relationType": "attack"}], '
    '"sections": [{"id": "s1", "title": "S", "children": []}]}',
}


def _seeds(target: str, directory: Path) -> Path:
    """Starting points for ``target``, made of the project's own small example map, or for a format argmap only
    reads, of the small document written above (so that none is copied here).
    """
    from argmap import af
    from argmap.formats import dumps, load

    directory.mkdir()
    if target == "iccma":
        chain = af.Framework(["1", "2", "3"], [("1", "2"), ("2", "3")])
        (directory / "chain.af").write_text(af.dumps(chain, "af"), encoding="utf-8")
        (directory / "cycle.af").write_text("p af 4\n1 2\n2 3\n3 1\n4 4\n", encoding="utf-8")
        return directory
    if target in _READ_ONLY_SEEDS:
        (directory / f"seed.{target}").write_text(_READ_ONLY_SEEDS[target], encoding="utf-8")
        return directory
    example = load(HERE.parent / "docs" / "examples" / "sidelined.json")
    (directory / f"sidelined.{target}").write_text(dumps(example, target), encoding="utf-8")
    return directory


def fuzz(target: str) -> None:
    """The fuzzing loop of one target, run by atheris in this process (its arguments come from sys.argv)."""
    import atheris

    # Everything a reader may run is imported here, under instrumentation: argmap imports formats when first used.
    with atheris.instrument_imports(include=["argmap"]):
        import argmap.af
        import argmap.formats.aif
        import argmap.formats.argdown
        import argmap.formats.argdown.pyyaml
        import argmap.formats.argdown_json
        import argmap.formats.brat
        import argmap.formats.kialo
        import argmap.formats.microtexts
        import argmap.formats.ova
        import argmap.formats.sadface
        import argmap.formats.xaif  # noqa: F401
        from argmap import ArgmapError

        read = _reader(target)

    def one_input(data: bytes) -> None:
        # ArgmapError is the promised way to refuse input; anything else is a crash that atheris reports.
        with contextlib.suppress(ArgmapError):
            read(data.decode("utf-8", "replace"))

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=(*TARGETS, "all"))
    parser.add_argument("--seconds", type=int, default=60, help="time per target (default 60)")
    parser.add_argument(
        "--corpus", type=Path, help="where to keep the corpus (default fuzz/corpus; copied there first)"
    )
    args = parser.parse_args(argv)
    status = 0
    for target in TARGETS if args.target == "all" else (args.target,):
        corpus = (args.corpus or HERE / "corpus") / target
        if args.corpus is not None and (HERE / "corpus" / target).is_dir() and not corpus.exists():
            shutil.copytree(HERE / "corpus" / target, corpus)
        corpus.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as scratch:
            # Each target in a process of its own (the target named in its environment): atheris instruments what a
            # process imports once. New interesting inputs are written to the first corpus directory.
            done = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    str(corpus),
                    str(_seeds(target, Path(scratch) / "seeds")),
                    f"-max_total_time={args.seconds}",
                    "-max_len=4096",
                    "-timeout=10",
                    f"-artifact_prefix={Path.cwd()}/crash-{target}-",
                    "-print_final_stats=1",
                ],
                cwd=scratch,
                check=False,
                env={**os.environ, _TARGET: target},
                stderr=subprocess.PIPE,
                text=True,
            )
            # libFuzzer reports every input it keeps: only its closing figures are shown, or everything on a crash.
            report = done.stderr.splitlines()
            print("\n".join(report if done.returncode else [line for line in report if "DONE" in line]), flush=True)
        print(f"fuzz {target}: exit status {done.returncode}", flush=True)
        status = status or done.returncode
    return status


if __name__ == "__main__":
    if _TARGET in os.environ:
        fuzz(os.environ[_TARGET])
    else:
        sys.exit(main())
