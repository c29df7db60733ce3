"""Generated maps for the benchmarks: a realistic debate of any size, and a deep support chain."""

from __future__ import annotations

from argmap import Argument, ArgumentMap, Inference, Quote, Relation, Section, Source, Statement


def debate(n: int) -> ArgumentMap:
    """A map with ``n`` statements quoting one source, arguments of two or three linked premises, and objections.

    Statement ``i > 0`` is a premise of the argument for statement ``(i - 1) // 3``, so the map is a tree of
    linked arguments under one main conclusion; every 7th statement also attacks another, every 11th undercuts an
    argument, and every 50 statements form a section.
    """
    sentences = [f"Sentence {i} of the source says that claim {i} holds." for i in range(n)]
    source = Source(id="src", text=" ".join(sentences), title="Generated source")
    sections = [Section(id=f"h{j}", title=f"Part {j}") for j in range((n + 49) // 50)]
    statements = [
        Statement(
            id=f"s{i}",
            text=f"Claim {i} holds, as the source says.",
            quotes=[Quote("src", sentences[i])],
            tags=("generated",) if i % 5 == 0 else (),
            section=f"h{i // 50}",
        )
        for i in range(n)
    ]
    children: dict[int, list[str]] = {}
    for i in range(1, n):
        children.setdefault((i - 1) // 3, []).append(f"s{i}")
    arguments = [
        Argument(
            id=f"a{parent}",
            text=f"Why claim {parent} holds",
            steps=[Inference(premises=premises, conclusion=f"s{parent}")],
        )
        for parent, premises in children.items()
    ]
    relations = [
        Relation(source=f"s{i}", target=f"s{i - 6}", kind="attack") for i in range(7, n, 7) if (i - 7) % 3 != 0
    ]
    relations += [
        Relation(source=f"s{i}", target=f"a{(i - 1) // 3 // 3}", kind="undercut")
        for i in range(11, n, 11)
        if (i - 1) // 3 // 3 in children
    ]
    return ArgumentMap(
        title=f"Generated debate of {n} statements",
        statements=statements,
        arguments=arguments,
        relations=relations,
        sections=sections,
        sources=[source],
    )


def chain(n: int) -> ArgumentMap:
    """A support chain ``n`` statements deep: each statement supports the one before it."""
    statements = [Statement(id=f"s{i}", text=f"Step {i} of the chain.") for i in range(n)]
    relations = [Relation(source=f"s{i + 1}", target=f"s{i}", kind="support") for i in range(n - 1)]
    return ArgumentMap(title=f"Chain of {n}", statements=statements, relations=relations)
