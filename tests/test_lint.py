"""argmap check where linters live: JSON with every problem, GitHub annotations, SARIF, stdin, directories."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from argmap import MapBuilder
from argmap.catalogue import Severity
from argmap.formats import dump, recognises
from argmap.lint import Finding, files_in, github, text

BROKEN = "===\ntitle: [unclosed\n===\n\n[a]: A.\n"
#: The official SARIF 2.1.0 schema (OASIS, Errata 01), kept unmodified beside its notice: tests/sarif/NOTICE.md.
SARIF = jsonschema.Draft4Validator(
    json.loads((Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
)


def run(*args: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args], cwd=cwd, input=stdin, capture_output=True, text=True, check=False
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Maps in nested folders: one with an error, one that cannot be read, one clean, and files to leave alone."""
    b = MapBuilder()
    c = b.statement("C.", id="c")
    b.argument([c], c, id="circle")
    (tmp_path / "maps").mkdir()
    dump(b.build(), tmp_path / "maps" / "circle.json")
    (tmp_path / "maps" / "deeper").mkdir()
    (tmp_path / "maps" / "deeper" / "broken.argdown").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "maps" / "deeper" / "clean.argdown").write_text("[a]: A.\n  + [b]: B.\n", encoding="utf-8")
    (tmp_path / "maps" / "notes.txt").write_text("not a map", encoding="utf-8")
    (tmp_path / "maps" / ".hidden").mkdir()
    (tmp_path / "maps" / ".hidden" / "skip.argdown").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_a_directory_is_walked_for_map_files_in_order(tree: Path) -> None:
    suffixes = [".json", ".argdown"]
    assert [Path(p).relative_to(tree).as_posix() for p in files_in([str(tree / "maps")], suffixes)] == [
        "maps/circle.json",
        "maps/deeper/broken.argdown",
        "maps/deeper/clean.argdown",
    ]


def test_json_carries_every_problem_parse_errors_included_and_the_worst_status_wins(tree: Path) -> None:
    done = run("check", "--format", "json", "maps", cwd=tree)
    assert done.returncode == 2  # a file that cannot be read is worse than a map with errors
    assert done.stderr == ""
    records = json.loads(done.stdout)
    assert {record["code"] for record in records} >= {"parse-error", "self-support"}
    broken = next(record for record in records if record["code"] == "parse-error")
    assert broken["path"] == "maps/deeper/broken.argdown"
    assert (broken["line"], broken["severity"]) == (3, "error")
    assert set(broken) == {"path", "line", "column", "severity", "code", "message", "subjects"}


def test_standard_input_is_read_with_the_format_named(tmp_path: Path) -> None:
    done = run("check", "-", "--from", "argdown", "--format", "json", cwd=tmp_path, stdin=BROKEN)
    assert done.returncode == 2
    (record,) = json.loads(done.stdout)
    assert (record["path"], record["code"]) == ("<stdin>", "parse-error")
    assert run("check", "-", "--from", "argdown", cwd=tmp_path, stdin="[a]: A.\n").returncode == 0
    refused = run("check", "-", cwd=tmp_path, stdin="[a]: A.\n")
    assert refused.returncode == 2
    assert refused.stderr.strip() == "argmap: error: -: reading standard input needs --from to name the format"


def test_github_annotations_point_at_the_place_and_escape_what_would_break_them() -> None:
    finding = Finding(
        path="maps/a,b.argdown",
        line=3,
        column=7,
        severity=Severity.WARNING,
        code="disconnected",
        message="100% alone\nreally",
    )
    assert github(finding) == (
        "::warning file=maps/a%2Cb.argdown,line=3,col=7,title=disconnected::100%25 alone%0Areally"
    )
    info = Finding(
        path="m.json", line=None, column=None, severity=Severity.INFO, code="unquoted-statement", message="x"
    )
    assert github(info) == "::notice file=m.json,title=unquoted-statement::x"
    assert text(info) == "m.json: info unquoted-statement x"


def test_sarif_is_one_run_with_a_rule_per_code_and_a_located_result_per_finding(tree: Path) -> None:
    done = run("check", "--format", "sarif", "maps", cwd=tree)
    log = json.loads(done.stdout)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (one,) = log["runs"]
    driver = one["tool"]["driver"]
    assert driver["name"] == "argmap"
    rules = [rule["id"] for rule in driver["rules"]]
    assert rules == sorted(set(rules))
    for result in one["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        (location,) = result["locations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"].startswith("maps/")
    parse = next(r for r in one["results"] if r["ruleId"] == "parse-error")
    assert parse["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    self_support = next(rule for rule in driver["rules"] if rule["id"] == "self-support")
    assert self_support["defaultConfiguration"] == {"level": "error"}
    assert self_support["help"]["text"]


def test_a_directory_walk_leaves_out_files_that_only_share_a_suffix_with_maps(tree: Path) -> None:
    maps = tree / "maps"
    (maps / "package.json").write_text('{"name": "site", "version": "1.0.0"}', encoding="utf-8")
    (maps / "pom.xml").write_text("<project><modelVersion>4.0.0</modelVersion></project>", encoding="utf-8")
    (maps / "micro.xml").write_text(
        '<?xml version="1.0"?>\n<arggraph id="m"><edu id="e1">A.</edu><adu id="a1" type="pro"/>'
        '<edge id="c1" src="e1" trg="a1" type="seg"/></arggraph>',
        encoding="utf-8",
    )
    found = [Path(p).relative_to(maps).as_posix() for p in files_in([str(maps)], [".json", ".xml"], recognises)]
    assert found == ["circle.json", "micro.xml"]
    named = run("check", "maps/pom.xml", cwd=tree)  # a file named on its own is read whatever its start
    assert named.returncode == 2
    assert "pom.xml" in named.stderr
    walked = run("check", "--format", "json", "maps", cwd=tree)
    assert not any(r["path"].endswith(("package.json", "pom.xml")) for r in json.loads(walked.stdout))


def sarif_of(*args: str, cwd: Path, stdin: str = "") -> dict[str, object]:
    """The SARIF log that ``argmap check --format sarif ARGS`` writes, after checking it against the schema."""
    done = run("check", "--format", "sarif", *args, cwd=cwd, stdin=stdin)
    log: dict[str, object] = json.loads(done.stdout)
    errors = sorted(SARIF.iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, [f"{list(error.absolute_path)}: {error.message}" for error in errors]
    return log


def results(log: dict[str, object]) -> list[tuple[str, int | None]]:
    (one,) = log["runs"]  # type: ignore[attr-defined]
    return [
        (result["ruleId"], result["locations"][0]["physicalLocation"].get("region", {}).get("startLine"))
        for result in one["results"]
    ]


def test_the_schema_is_the_official_one_and_refuses_what_sarif_does_not_allow() -> None:
    jsonschema.Draft4Validator.check_schema(SARIF.schema)
    assert SARIF.schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "argmap"}}, "results": [{"level": "info"}]}]}
    assert not SARIF.is_valid(bad)  # "info" is no SARIF level, and a result needs a message


def test_every_sarif_log_the_command_writes_is_valid(tree: Path) -> None:
    several = results(sarif_of("maps", cwd=tree))
    assert ("parse-error", 3) in several
    assert any(code == "self-support" for code, _ in several)
    assert results(sarif_of("maps/deeper/clean.argdown", cwd=tree)) == []  # no findings: an empty run
    assert results(sarif_of("-", "--from", "argdown", cwd=tree, stdin=BROKEN)) == [("parse-error", 3)]
    (tree / "tea.argdown").write_text(
        "[Tea]: Tea is good.\n  + [Health]: Tea has antioxidants.\n  - [Helth]\n  <+ <Brew>\n\n<Brew>\n\n"
        "(1) Brewing frees antioxidants.\n(2) Antioxidants are good.\n(3) Brewing takes time.\n"
        "-- {uses: [1, 2]} --\n(4) Brewed tea has antioxidants.\n",
        encoding="utf-8",
    )
    found = results(sarif_of("tea.argdown", cwd=tree))
    assert {code for code, _ in found} >= {"undefined-reference", "unused-premise", "unbacked-relation"}
    fixed = results(sarif_of("--fix", "tea.argdown", cwd=tree))  # the fix's note goes to stderr, not the log
    assert "undefined-reference" not in {code for code, _ in fixed}
