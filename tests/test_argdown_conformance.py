"""Conformance with the reference Argdown implementation (@argdown/cli 1.7.5) over the shared corpus of documents.

Each document of ``../shared/corpus/argdown`` is one test. Where the reference read it, ``expected/NAME.json`` holds
its model, and argmap must read the same statements (ids and texts), arguments (ids, descriptions, premise-conclusion
structures with roles and inference rules, premises that no inference uses), relations (ends, kinds and element types),
sections and tags. Where it rejected it, ``expected/NAME.error.txt`` holds its complaint, and argmap must raise a
:class:`~argmap.ParseError` at the same place with a message a person can act on.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any

import pytest

from argmap import ArgumentMap, ParseError
from argmap.formats.argdown import loads

FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "argdown"
DOCUMENTS = sorted(path.stem for path in FOLDER.glob("*.argdown"))

#: The reference's names of element types and relation kinds, in argmap's words. An undercut of an inference line
#: undercuts the argument it belongs to: argmap's undercuts aim at whole arguments.
TYPES = {"equivalence-class": "statement", "argument": "argument", "inference": "argument"}
KINDS = {"contradictory": "contradiction"}

#: Documents whose frontmatter sets ``model.explodeArguments``: the reference splits each argument of several steps
#: into one argument per step, named "Title - 1", "Title - 2"... for its map. argmap keeps one argument whose
#: steps are those arguments (deliberately: docs/argdown.md, "Differences"), and the test compares them so.
EXPLODED = {"docs-oldschool-explode"}

#: Words each rejection's message must contain: the place and the problem, in a person's terms.
REJECTIONS = {
    "docs-shortcodes-verbatim": "an empty line must follow the frontmatter",
    "test-argvu-demo": "must be a statement, not an argument",
    "test-lexer-argument": "invalid YAML data",
    "test-lexer-lists": "must start with a relation symbol",
    "test-lexer-relation-after-emptyline": "a relation cannot follow an empty line",
    "test-lexer-relations": "a relation must stand below the statement or argument",
    "third-argdown-plus-primer": "unexpected text '!>'",
}


@pytest.fixture(params=DOCUMENTS)
def name(request: pytest.FixtureRequest, shared_corpus: Path) -> str:
    assert (shared_corpus / "argdown" / f"{request.param}.argdown").is_file()
    return str(request.param)


def _text(path: Path) -> str:
    # newline="" keeps the documents' own line breaks (one of them is written with CRLF).
    with path.open(encoding="utf-8", newline="") as f:
        return f.read()


def _canonical(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The reference's canonical member: the last one marked isCanonical, else the last that is not a reference."""
    found = None
    for member in reversed(members):
        if member.get("isReference"):
            continue
        if (member.get("data") or {}).get("isCanonical"):
            return member
        found = found or member
    return found


def _text_of(members: list[dict[str, Any]]) -> str | None:
    member = _canonical(members)
    # The reference keeps the spaces that the layout leaves around a text; argmap drops them.
    return None if member is None else member.get("text", "").strip()


def _steps(pcs: list[dict[str, Any]]) -> list[tuple[tuple[str, ...], str, tuple[str, ...]]]:
    """The inference steps of a reference pcs: each conclusion with the statements since the previous conclusion
    (or those its ``uses`` data names), as the reference's ExplodeArgumentsPlugin splits them.
    """
    steps = []
    for index, statement in enumerate(pcs):
        inference = statement.get("inference")
        if inference is None:
            continue
        uses = (inference.get("data") or {}).get("uses") or (statement.get("data") or {}).get("uses")
        if uses:
            premises = [pcs[n - 1]["title"] for n in uses]
        else:
            first = index - 1
            while first > 0 and "inference" not in pcs[first]:
                first -= 1
            premises = [s["title"] for s in pcs[first:index]]
        rules = tuple(rule for rule in inference.get("inferenceRules", []) if rule)
        steps.append((tuple(dict.fromkeys(premises)), statement["title"], rules))
    return steps


def _unused(pcs: list[dict[str, Any]]) -> tuple[str, ...]:
    """The premises a reference pcs lists (role "premise", no inference line) that no step uses: the reference keeps
    them in the argument, and so must argmap.
    """
    used = {title for premises, conclusion, _ in _steps(pcs) for title in (*premises, conclusion)}
    listed = (s["title"] for s in pcs if "inference" not in s and s.get("role") == "premise")
    return tuple(dict.fromkeys(title for title in listed if title not in used))


def _sections(sections: list[dict[str, Any]]) -> list[tuple[str, str, str | None]]:
    found, stack = [], list(reversed(sections))
    while stack:
        section = stack.pop()
        found.append((section["id"], section["title"] or section["id"], section.get("parent")))
        stack.extend(reversed(section["children"]))
    return found


def _exploded(arguments: dict[str, Any]) -> dict[str, Any]:
    """The reference's exploded arguments ("A - 1", "A - 2"...) joined again into one argument per title."""
    joined: dict[str, Any] = {}
    for title, argument in arguments.items():
        base = re.sub(r" - \d+$", "", title)
        whole = joined.setdefault(base, {**argument, "pcs": [], "steps": []})
        # Each exploded argument is one step: its premises, then its conclusion (with the step's inference).
        *premises, conclusion = argument["pcs"]
        rules = tuple(rule for rule in conclusion.get("inference", {}).get("inferenceRules", []) if rule)
        whole["steps"].append((tuple(dict.fromkeys(p["title"] for p in premises)), conclusion["title"], rules))
    return joined


def _reference(name: str, expected: dict[str, Any]) -> dict[str, Any]:
    statements = expected["statements"]
    arguments = expected["arguments"]
    joined = _exploded(arguments) if name in EXPLODED else None
    return {
        "statements": [
            (title, _text_of(s["members"]) or title, tuple(s.get("tags", [])), s.get("section"))
            for title, s in statements.items()
        ],
        "arguments": sorted(
            (
                title,
                _text_of(a["members"]) or "",
                tuple(a["steps"] if joined is not None else _steps(a["pcs"])),
                () if joined is not None else _unused(a["pcs"]),
                tuple(a.get("tags", [])),
                a.get("section"),
            )
            for title, a in (joined if joined is not None else arguments).items()
        ),
        "relations": collections.Counter(
            (
                r["from"],
                TYPES[r["fromType"]],
                KINDS.get(r["relationType"], r["relationType"]),
                r["to"],
                TYPES[r["toType"]],
            )
            for r in expected["relations"]
        ),
        "sections": _sections(expected["sections"]),
        "tags": set(expected["tags"]),
    }


def _argmap(m: ArgumentMap) -> dict[str, Any]:
    return {
        "statements": [(s.id, s.text, s.tags, s.section) for s in m.statements],
        "arguments": sorted(
            (
                a.id,
                a.text,
                tuple((s.premises, s.conclusion, s.rules) for s in a.steps),
                a.unused_premises,
                a.tags,
                a.section,
            )
            for a in m.arguments
        ),
        "relations": collections.Counter(
            (r.source, r.source_type.value, r.kind.value, r.target, r.target_type.value) for r in m.relations
        ),
        "sections": [(s.id, s.title, s.parent) for s in m.sections],
        "tags": {tag for element in (*m.statements, *m.arguments) for tag in element.tags},
    }


def _first_error(report: str, document: str) -> tuple[int, int] | None:
    """Where the reference's first complaint is: "At LINE:COLUMN", or the line of the YAML it quotes."""
    place = re.search(r"^At (\d+):(\d+)$", report, flags=re.MULTILINE)
    if place is not None:
        return int(place[1]), int(place[2])
    quoted = re.search(r"^ 1 \| (.{10,}?)(?: \.\.\.)?$", report, flags=re.MULTILINE)
    if quoted is not None:
        offset = document.index(quoted[1])
        return document.count("\n", 0, offset) + 1, None  # type: ignore[return-value]
    return None


def test_the_corpus_is_complete(shared_corpus: Path) -> None:
    folder = shared_corpus / "argdown"
    read = [name for name in DOCUMENTS if (folder / "expected" / f"{name}.json").is_file()]
    rejected = [name for name in DOCUMENTS if (folder / "expected" / f"{name}.error.txt").is_file()]
    assert (len(read), len(rejected)) == (34, 7)
    assert sorted(read + rejected) == DOCUMENTS


def test_document(name: str, shared_corpus: Path) -> None:
    """One document: read equal to the reference's model, or rejected where the reference rejects it."""
    folder = shared_corpus / "argdown"
    path = folder / f"{name}.argdown"
    text = _text(path)
    expected_json = folder / "expected" / f"{name}.json"
    if expected_json.is_file():
        m = loads(text, path=str(path))
        assert _argmap(m) == _reference(name, json.loads(expected_json.read_text(encoding="utf-8")))
        return
    with pytest.raises(ParseError) as info:
        loads(text, path=str(path))
    error = info.value
    assert error.path == str(path)
    place = _first_error((folder / "expected" / f"{name}.error.txt").read_text(encoding="utf-8"), text)
    assert place is not None, "the reference's report names no place"
    line, column = place
    assert error.line == line
    if column is not None:
        assert error.column == column
    # A message a person can act on: what is wrong, in Argdown's terms, and never the parser's token names.
    assert len(error.message) > 30
    assert "EOF" not in error.message
    assert "token" not in error.message.lower()
    if name in REJECTIONS:
        assert REJECTIONS[name] in error.message
