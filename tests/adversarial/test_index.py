"""The package's docstring is the index of the hostile cases: it lists all seventeen failures of issue 15, and every
test it names exists (a name ending in ``...`` is the start of one).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def index() -> str:
    docstring = ast.get_docstring(ast.parse((HERE / "__init__.py").read_text(encoding="utf-8")))
    assert docstring is not None
    # Names broken across lines end in "_" and go on after the indentation.
    return re.sub(r"\n\s+", " ", re.sub(r"_\n\s+", "_", docstring))


def test_every_failure_of_the_issue_is_listed() -> None:
    assert re.findall(r"(?:^|\s)(\d+)\. [A-Z`]", index()) == [str(n) for n in range(1, 18)]


def test_every_test_the_index_names_exists() -> None:
    references = re.findall(r"``([\w/.]+)::(\w+(?:\.\.\.)?)``", index())
    assert len(references) >= 30
    missing = []
    for module, name in references:
        path = ROOT / module if module.startswith("tests/") else HERE / f"{module}.py"
        tests = re.findall(r"^def (test\w+)", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
        if not any(test == name or (name.endswith("...") and test.startswith(name[:-3])) for test in tests):
            missing.append(f"{module}::{name}")
    assert missing == []
