"""Every output is the same, byte for byte, under every hash seed: a hostile tester comparing two runs finds no
difference in any writer, drawing, check, labelling, strength or framework file.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

SCRIPT = """
import hashlib, sys
sys.path.insert(0, "tests")
import argmap
import argmap.af as af
from argmap.formats import FORMATS
from samples import sample_map

b = argmap.MapBuilder.from_map(sample_map())
# Texts and ids whose hashes differ most between seeds: sets of them must never decide an order.
for n, text in enumerate(["\\u00e9t\\u00e9", "\\U0001f600 emoji", "a\\u2028b", "<x>", "z", "A"]):
    b.statement(text, id=f"h{n}\\u00e9", tags=[text, "t"])
    if n:  # a line of contradictions: several labellings under every semantics but grounded
        b.contradiction(f"h{n}\\u00e9", f"h{n - 1}\\u00e9")
m = b.build()

def out(name, text):
    print(name, hashlib.sha256(str(text).encode("utf-8", "surrogatepass")).hexdigest())

def written(name):
    try:
        return argmap.dumps(m, name)
    except argmap.MapError as refused:  # what a writer cannot say, named in the same order on every run
        return f"refused: {refused}"

for name, format in sorted(FORMATS.items()):
    if format.dumps is not None:
        out(name, written(name))
for view in argmap.VIEWS:
    out(f"dot {view}", argmap.to_dot(m, view=view).source)
out("check", [(d.code, d.message, d.subjects) for d in argmap.check(m)])
for semantics in af.SEMANTICS:
    out(semantics, [[*l.statements.items(), *l.arguments.items()] for l in argmap.evaluate_all(m, semantics)])
    out(f"dot {semantics}", argmap.to_dot(m, labelling=argmap.evaluate(m, semantics)).source)
out("strength", argmap.strength(m))
framework, origins = argmap.to_framework(m)
for format in af.FRAMEWORK_FORMATS:
    out(format, af.dumps(framework, format))
out("schema", argmap.json_schema())
out("svg", argmap.pipe(m, "svg", labelling=argmap.evaluate(m, "preferred")))
"""


@pytest.mark.dot
def test_every_output_is_the_same_under_every_hash_seed(hash_seed_outputs: Callable[[str], set[str]]) -> None:
    (printed,) = hash_seed_outputs(SCRIPT)
    names = [line.split(" ")[0] for line in printed.splitlines()]
    assert {"json", "argdown", "aif", "xaif", "mermaid", "graphml", "dot", "check", "stable", "svg"} <= set(names)
