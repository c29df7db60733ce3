"""`argmap evaluate` on maps and ICCMA frameworks, and `argmap render --evaluate`, run as the other CLI tests are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from samples import Result, Run, status_map

from argmap import ArgumentMap, ElementType, MapBuilder, af
from argmap.cli import ExitStatus
from argmap.evaluate import Labelling, evaluate, evaluate_all
from argmap.evaluate import acceptance as argmap_acceptance
from argmap.formats import dump
from argmap.render.dot import to_dot

# a <-> b, and b attacks c: two preferred extensions, {1, 3} and {2}; grounded accepts nothing.
TWO_WAYS = "p af 3\n1 2\n2 1\n2 3\n"
# An odd cycle: no stable extension.
ODD_CYCLE = "p af 3\n1 2\n2 3\n3 1\n"


def lines_of(m: ArgumentMap, labelling: Labelling) -> list[str]:
    """The lines `argmap evaluate` prints for one labelling: statements, then arguments, in map order."""
    return [f"[{s.id}]: {labelling.label(ElementType.STATEMENT, s.id).value}" for s in m.statements] + [
        f"<{a.id}>: {labelling.label(ElementType.ARGUMENT, a.id).value}" for a in m.arguments
    ]


def odd_map() -> ArgumentMap:
    """Three statements attacking round a cycle: no stable labelling, everything UNDEC in the grounded one."""
    b = MapBuilder()
    x, y, z = b.statement("X.", id="x"), b.statement("Y.", id="y"), b.statement("Z.", id="z")
    b.attack(x, y)
    b.attack(y, z)
    b.attack(z, x)
    return b.build()


def shared_ids() -> ArgumentMap:
    """A statement and an argument that share the id ``same``."""
    b = MapBuilder()
    same = b.statement("The same.", id="same")
    b.argument([b.statement("A reason.", id="r")], same, id="same")
    return b.build()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """tmp_path with maps (status.json, odd.json, shared.json) and frameworks in each ICCMA format."""
    dump(status_map(), tmp_path / "status.json")
    dump(odd_map(), tmp_path / "odd.json")
    dump(shared_ids(), tmp_path / "shared.json")
    (tmp_path / "two.af").write_text(TWO_WAYS, encoding="utf-8")
    (tmp_path / "odd.i23").write_text(ODD_CYCLE, encoding="utf-8")
    (tmp_path / "two.apx").write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,a).\natt(b,c).\n", encoding="utf-8")
    (tmp_path / "chain.tgf").write_text("a1\na2\na3\n#\na1 a2\na2 a3\n", encoding="utf-8")
    (tmp_path / "chain.txt").write_text("a1\na2\na3\n#\na1 a2\na2 a3\n", encoding="utf-8")
    (tmp_path / "broken.af").write_text("p af 2\n1 2\n1 9\n", encoding="utf-8")
    return tmp_path


# Maps ---------------------------------------------------------------------------------------------------------------


def test_grounded_labelling_of_a_map(run: Run, files: Path) -> None:
    result = run("evaluate", "status.json")
    assert result == Result(0, "".join(f"{line}\n" for line in lines_of(status_map(), evaluate(status_map()))), "")
    assert result.lines == ["[c]: out", "[p]: in", "[u]: in", "[v]: undec", "[w]: undec", "<A>: out"]


def test_several_labellings_come_in_numbered_blocks(run: Run, files: Path) -> None:
    m = status_map()
    expected = []
    for number, labelling in enumerate(evaluate_all(m, "preferred"), 1):
        expected += [f"labelling {number}:", *(f"  {line}" for line in lines_of(m, labelling))]
    assert len(expected) == 2 * (1 + 6)  # v or w: one of the contradiction wins in each
    assert run("evaluate", "status.json", "--semantics", "preferred") == Result(0, "\n".join(expected) + "\n", "")


def test_limit_says_when_there_are_more(run: Run, files: Path) -> None:
    result = run("evaluate", "status.json", "--semantics", "stable", "--limit", "1")
    assert result.lines[0] == "labelling 1:"
    assert len(result.lines) == 1 + 6
    assert result.stderr == (
        "argmap: limit reached: showed the first 1 stable labellings of status.json; there are more\n"
    )
    assert run("evaluate", "status.json", "--semantics", "stable", "--limit", "2").stderr == ""


def test_a_semantics_without_labellings(run: Run, files: Path) -> None:
    assert run("evaluate", "odd.json", "--semantics", "stable") == Result(0, "no stable labelling\n", "")
    assert run("evaluate", "odd.json").lines == ["[x]: undec", "[y]: undec", "[z]: undec"]


def test_json_output_of_a_map(run: Run, files: Path) -> None:
    m = status_map()
    result = run("evaluate", "status.json", "--format", "json", "--semantics", "complete")
    assert (result.status, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert document == {
        "semantics": "complete",
        "labellings": [
            {
                "statements": {id: label.value for id, label in labelling.statements.items()},
                "arguments": {id: label.value for id, label in labelling.arguments.items()},
            }
            for labelling in evaluate_all(m, "complete")
        ],
        "limit_reached": False,
    }
    assert len(document["labellings"]) == 3
    limited = json.loads(
        run("evaluate", "status.json", "--format", "json", "--semantics", "complete", "--limit", "1").stdout
    )
    assert (len(limited["labellings"]), limited["limit_reached"]) == (1, True)


def test_explain_an_element(run: Run, files: Path) -> None:
    labelling = evaluate(status_map())
    for given, id, type in [
        ("c", "c", ElementType.STATEMENT),
        ("[v]", "v", ElementType.STATEMENT),
        ("<A>", "A", ElementType.ARGUMENT),
    ]:
        assert run("evaluate", "status.json", "--explain", given) == Result(0, labelling.explain(id, type) + "\n", "")
    assert "u" in labelling.explain("c")  # the IN attacker that makes c OUT is named


def test_explain_in_each_labelling_and_in_json(run: Run, files: Path) -> None:
    m = status_map()
    explanations = [labelling.explain("v") for labelling in evaluate_all(m, "preferred")]
    result = run("evaluate", "status.json", "--semantics", "preferred", "--explain", "v")
    expected = []
    for number, explanation in enumerate(explanations, 1):
        expected += [f"labelling {number}:", *(f"  {line}" for line in explanation.splitlines())]
    assert result == Result(0, "\n".join(expected) + "\n", "")
    document = json.loads(
        run("evaluate", "status.json", "--semantics", "preferred", "--explain", "v", "--format", "json").stdout
    )
    assert [record["explanation"] for record in document["labellings"]] == explanations


def test_explain_needs_a_known_and_unambiguous_element(run: Run, files: Path) -> None:
    assert run("evaluate", "status.json", "--explain", "nothing").failed_once() == (
        "argmap: error: status.json: no statement or argument 'nothing' to explain"
    )
    assert run("evaluate", "status.json", "--explain", "<c>").failed_once() == (
        "argmap: error: status.json: no statement or argument '<c>' to explain"
    )
    assert run("evaluate", "shared.json", "--explain", "same").failed_once() == (
        "argmap: error: shared.json: 'same' names a statement and an argument: write [same] or <same>"
    )
    labelling = evaluate(shared_ids())
    assert run("evaluate", "shared.json", "--explain", "<same>").stdout == (
        labelling.explain("same", ElementType.ARGUMENT) + "\n"
    )


# Frameworks ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["two.af", "two.apx"])
def test_framework_extensions_as_iccma_prints_them(run: Run, files: Path, name: str) -> None:
    framework = af.load(files / name)
    first, second = framework.arguments[0], framework.arguments[1]
    third = framework.arguments[2]
    assert run("evaluate", name) == Result(0, "[]\n", "")
    preferred = run("evaluate", name, "--semantics", "preferred")
    assert preferred.status == 0
    assert preferred.stdout in (f"[[{first},{third}],[{second}]]\n", f"[[{second}],[{first},{third}]]\n")
    complete = run("evaluate", name, "--semantics", "complete").stdout
    assert sorted(complete.strip()[1:-1].replace("],[", "]|[").split("|")) == sorted(
        ["[]", f"[{first},{third}]", f"[{second}]"]
    )


def test_frameworks_in_every_format_and_from(run: Run, files: Path) -> None:
    assert run("evaluate", "chain.tgf") == Result(0, "[a1,a3]\n", "")
    assert run("evaluate", "chain.txt", "--from", "tgf") == Result(0, "[a1,a3]\n", "")
    assert run("evaluate", "chain.txt", "--from", "TGF", "--semantics", "stable") == Result(0, "[[a1,a3]]\n", "")
    assert run("evaluate", "odd.i23", "--semantics", "stable") == Result(0, "[]\n", "")


def test_json_output_of_a_framework(run: Run, files: Path) -> None:
    result = run("evaluate", "chain.tgf", "--format", "json")
    assert json.loads(result.stdout) == {
        "semantics": "grounded",
        "extensions": [["a1", "a3"]],
        "labellings": [{"a1": "in", "a2": "out", "a3": "in"}],
        "limit_reached": False,
    }
    limited = json.loads(
        run("evaluate", "two.af", "--format", "json", "--semantics", "complete", "--limit", "2").stdout
    )
    assert (len(limited["extensions"]), len(limited["labellings"]), limited["limit_reached"]) == (2, 2, True)


def test_framework_errors_are_one_line(run: Run, files: Path) -> None:
    line = run("evaluate", "broken.af").failed_once()
    assert line.startswith("broken.af:3:"), line
    assert " error parse-error " in line
    assert run("evaluate", "missing.tgf").failed_once() == "argmap: error: missing.tgf: No such file or directory"
    assert run("evaluate", "two.af", "--explain", "1").failed_once() == (
        "argmap: error: two.af: --explain needs an argument map, not an abstract framework"
    )


def test_corpus_grounded_extensions(run: Run, shared_corpus: Path) -> None:
    iccma = shared_corpus / "iccma"
    assert run("evaluate", str(iccma / "b.tgf")).stdout == "[a,c,d,e,x,j]\n"
    assert run("evaluate", str(iccma / "a.apx")).stdout == "[]\n"
    extension = run("evaluate", str(iccma / "admbuster_1000.af")).stdout
    assert len(extension.strip()[1:-1].split(",")) == 500  # SOURCES.md


def test_a_hard_instance_stops_at_the_timeout_with_limit_reached(run: Run, shared_corpus: Path) -> None:
    # Dense and hard: no preferred labelling is found within seconds (see docs/performance.md).
    hard = shared_corpus / "iccma" / "st_890_86_9_572.af"
    result = run("evaluate", str(hard), "--semantics", "preferred", "--timeout", "0.5")
    assert (result.status, result.stdout) == (ExitStatus.TIME_LIMIT, "")
    assert result.stderr == (
        f"argmap: limit reached: {hard}: no further preferred labelling found within 0.5 s; "
        "the problem is intractable in general\n"
    )
    assert run("evaluate", str(hard)).status == ExitStatus.OK  # grounded is linear whatever the framework


# Options and render --evaluate --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        ["--limit", "0"],
        ["--limit", "-1"],
        ["--limit", "many"],
        ["--semantics", "naive"],
        ["--timeout", "0"],
        ["--timeout", "inf"],
        ["--timeout", "soon"],
    ],
)
def test_bad_options_exit_2(run: Run, files: Path, bad: list[str]) -> None:
    result = run("evaluate", "status.json", *bad)
    assert (result.status, result.stdout) == (ExitStatus.BAD_INPUT, "")
    assert result.stderr.splitlines()[-1].startswith("argmap evaluate: error: "), result.stderr


def test_render_coloured_by_status(run: Run, files: Path) -> None:
    m = status_map()
    for semantics in ("grounded", "preferred"):
        expected = to_dot(m, theme="dark", labelling=evaluate(m, semantics)).source
        assert run("render", "status.json", "-o", "-", "--theme", "dark", "--evaluate", semantics) == Result(
            0, expected, ""
        )
    assert run("render", "status.json", "-o", "status.dot", "--evaluate", "grounded") == Result(0, "", "")
    assert (files / "status.dot").read_text(encoding="utf-8") == to_dot(m, labelling=evaluate(m)).source


def test_render_with_a_semantics_that_gives_no_labelling(run: Run, files: Path) -> None:
    line = run("render", "odd.json", "-o", "odd.dot", "--evaluate", "stable").failed_once()
    assert line == "argmap: error: odd.json: the map has no stable labelling"
    assert not (files / "odd.dot").exists()


def test_help_lists_evaluate(run: Run) -> None:
    assert "    evaluate " in run("--help").stdout
    assert "--evaluate SEMANTICS" in run("render", "--help").stdout


# Acceptance questions -------------------------------------------------------------------------------------------


def test_claim_reports_credulous_and_skeptical_acceptance_with_explanations(run: Run, files: Path) -> None:
    result = run("evaluate", "status.json", "--claim", "v", "--semantics", "preferred")
    assert result.status == 0
    assert result.stdout == argmap_acceptance(status_map(), "v", "preferred").explain() + "\n"
    assert result.lines[:3] == [
        "statement v under preferred semantics:",
        "credulously accepted: it is IN in this preferred labelling:",
        "  statement v is IN: every attacker is OUT.",
    ]
    assert "not skeptically accepted: it is not IN in this preferred labelling:" in result.lines
    assert run("evaluate", "status.json", "--claim", "[p]").lines[-1] == (
        "skeptically accepted: every grounded labelling has it IN."
    )


def test_claim_in_json_carries_both_witnesses(run: Run, files: Path) -> None:
    document = json.loads(
        run("evaluate", "status.json", "--claim", "<A>", "--semantics", "stable", "--format", "json").stdout
    )
    assert (document["type"], document["id"], document["credulous"], document["skeptical"]) == (
        "argument",
        "A",
        False,
        False,
    )
    assert document["accepting"] is None
    assert document["rejecting"]["arguments"] == {"A": "out"}
    assert document["rejecting"]["explanation"].startswith("argument A is OUT")
    odd = json.loads(run("evaluate", "odd.json", "--claim", "x", "--semantics", "stable", "--format", "json").stdout)
    assert (odd["credulous"], odd["skeptical"], odd["accepting"], odd["rejecting"]) == (False, True, None, None)


@pytest.mark.parametrize(
    ("task", "argument", "output"),
    [
        ("DC-PR", "3", "YES\nw 1 3\n"),
        ("DC-PR", "2", "YES\nw 2\n"),
        ("DS-PR", "3", "NO\nw 2\n"),
        ("DC-GR", "1", "NO\n"),
        ("DS-GR", "1", "NO\nw\n"),
        ("DC-ST", "3", "YES\nw 1 3\n"),
        ("DS-CO", "3", "NO\nw\n"),
        ("DC-SST", "2", "YES\nw 2\n"),
        ("ds-stg", "3", "NO\nw 2\n"),
        ("DC-ID", "3", "NO\n"),
        ("SE-PR", None, "w 1 3\n"),
        ("SE-GR", None, "w\n"),
        ("SE-ID", None, "w\n"),
        ("EE-PR", None, "w 1 3\nw 2\n"),
        ("EE-CO", None, "w\nw 1 3\nw 2\n"),
        ("EE-STG", None, "w 1 3\nw 2\n"),
    ],
)
def test_iccma_tasks_print_iccma_2023_answers(
    run: Run, files: Path, task: str, argument: str | None, output: str
) -> None:
    options = ["--argument", argument] if argument else []
    assert run("evaluate", "two.af", "--task", task, *options) == Result(0, output, "")


def test_iccma_tasks_without_a_stable_extension(run: Run, files: Path) -> None:
    assert run("evaluate", "odd.i23", "--task", "SE-ST").stdout == "NO\n"
    assert run("evaluate", "odd.i23", "--task", "EE-ST").stdout == "NO\n"
    assert run("evaluate", "odd.i23", "--task", "DS-ST", "--argument", "1").stdout == "YES\n"
    assert sorted(run("evaluate", "odd.i23", "--task", "EE-STG").lines) == ["w 1", "w 2", "w 3"]


def test_iccma_tasks_in_json_and_with_names(run: Run, files: Path) -> None:
    document = json.loads(run("evaluate", "two.apx", "--task", "DS-PR", "--argument", "c", "--format", "json").stdout)
    assert document == {"task": "DS-PR", "argument": "c", "accepted": False, "witness": ["b"]}
    assert run("evaluate", "two.apx", "--task", "SE-SST").stdout == "w a c\n"
    document = json.loads(run("evaluate", "two.af", "--task", "EE-PR", "--limit", "1", "--format", "json").stdout)
    assert document == {"task": "EE-PR", "extensions": [["1", "3"]], "limit_reached": True}


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["two.af", "--task", "DC-PR"], "--task DC-PR needs --argument"),
        (["two.af", "--task", "SE-PR", "--argument", "1"], "takes no --argument"),
        (["two.af", "--task", "SE-PR", "--semantics", "stable"], "names its semantics"),
        (["two.af", "--argument", "1"], "--argument goes with --task"),
        (["status.json", "--task", "SE-PR"], "--task needs an abstract framework"),
        (["two.af", "--claim", "1"], "--claim needs an argument map"),
        (["status.json", "--claim", "v", "--explain", "v"], "drop --explain"),
        (["status.json", "--claim", "nothing"], "no statement or argument 'nothing' to ask about"),
        (["two.af", "--task", "DC-PR", "--argument", "9"], "no argument named '9'"),
        (["two.af", "--task", "DC-PR", "--argument", "1", "--limit", "1"], "--task DC-PR gives one answer: drop"),
        (["two.af", "--task", "DS-ST", "--argument", "1", "--limit", "2"], "--task DS-ST gives one answer: drop"),
        (["two.af", "--task", "SE-CO", "--limit", "1"], "--task SE-CO gives one answer: drop --limit (EE tasks"),
        (["status.json", "--claim", "v", "--limit", "1"], "--claim gives one answer"),
    ],
)
def test_questions_refuse_what_does_not_fit(run: Run, files: Path, arguments: list[str], message: str) -> None:
    result = run("evaluate", *arguments)
    assert result.status == ExitStatus.BAD_INPUT
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_unknown_task_is_a_usage_error(run: Run, files: Path) -> None:
    result = run("evaluate", "two.af", "--task", "XX-PR")
    assert result.status == ExitStatus.BAD_INPUT
    assert "expected an ICCMA task such as DC-PR" in result.stderr


def test_a_hard_question_stops_at_the_timeout_with_limit_reached(run: Run, shared_corpus: Path) -> None:
    hard = shared_corpus / "iccma" / "st_890_86_9_572.af"
    result = run("evaluate", str(hard), "--task", "DS-PR", "--argument", "1", "--timeout", "0.3")
    assert (result.status, result.stdout) == (ExitStatus.TIME_LIMIT, "")
    assert result.stderr == (
        f"argmap: limit reached: {hard}: no answer to the skeptical preferred question within 0.3 s; "
        "it is intractable in general\n"
    )


@pytest.mark.parametrize(
    ("task", "message"),
    [
        (["DC-PR", "--argument", "1"], "no answer to the credulous preferred question within 0.3 s; it is"),
        (["DS-ID", "--argument", "1"], "no answer to the skeptical ideal question within 0.3 s; it is"),
        (["SE-PR"], "no further preferred labelling found within 0.3 s; the problem is"),
        (["SE-ST"], "no further stable labelling found within 0.3 s; the problem is"),
        (["EE-PR", "--limit", "1"], "no further preferred labelling found within 0.3 s; the problem is"),
    ],
)
def test_every_task_stops_at_the_timeout_with_limit_reached(
    run: Run, shared_corpus: Path, task: list[str], message: str
) -> None:
    hard = shared_corpus / "iccma" / "st_890_86_9_572.af"
    result = run("evaluate", str(hard), "--task", *task, "--timeout", "0.3")
    assert (result.status, result.stdout) == (ExitStatus.TIME_LIMIT, "")
    assert result.stderr.startswith(f"argmap: limit reached: {hard}: {message}")
    assert result.stderr.count("\n") == 1
