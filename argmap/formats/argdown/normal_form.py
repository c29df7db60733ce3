"""Maps as Argdown holds them: the least change that makes a map read back from Argdown equal to itself."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ...model import Argument, ArgumentMap, ElementType, Inference, Relation, RelationKind, Section
from .syntax import RESERVED_KEYS, SPACES

__all__ = ["NOT_DATA", "normalise"]

_SEPARATORS = {ord(c): " " for c in "\n\r\u2028\u2029"}
#: The data keys each kind of element cannot hold in Argdown: the reader takes them as settings or fields.
NOT_DATA = {
    "map": (*RESERVED_KEYS["frontmatter"], "model", "group"),  # settings that change how the reader reads
    "statement": (*RESERVED_KEYS["statement"], "isInGroup"),
    "argument": (*RESERVED_KEYS["argument"], "isInGroup"),
    "inference": RESERVED_KEYS["inference"],
    "heading": RESERVED_KEYS["heading"],
}
_LOGICAL = {RelationKind.SUPPORT: RelationKind.ENTAILS, RelationKind.ATTACK: RelationKind.CONTRARY}
_DIALECTICAL = {logical: plain for plain, logical in _LOGICAL.items()}
_Key = tuple[str, ElementType, str, ElementType, RelationKind]


def _one_line(text: str) -> str:
    return text.translate(_SEPARATORS)


def _trimmed(text: str) -> str:
    return _one_line(text).strip().strip(SPACES).strip()


def _without(data: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in keys}


def _titles(ids: list[str]) -> dict[str, str]:
    """A valid Argdown title for each id: one line, no closing bracket, no start that Argdown reads otherwise."""
    taken = set(ids)
    titles = {}
    for id in ids:
        title = _one_line(id).replace("]", "?").replace(">", "?").strip()
        if title[0] in "-+_!":
            title = "x" + title
        if title != id:
            while title in taken:
                title += "'"
            taken.add(title)
        titles[id] = title
    return titles


def _tags(tags: Iterable[str]) -> list[str]:
    cleaned = (_one_line(tag).replace(")", "").replace(":", "") for tag in tags)
    return list(dict.fromkeys(tag for tag in cleaned if tag.strip()))


def normalise(m: ArgumentMap) -> ArgumentMap:
    """``m`` changed as little as it takes for Argdown to hold it unchanged, so that
    ``loads(dumps(normalise(m))) == normalise(m)``: one-line texts and titles (an id the reader could not take as a
    title gets a close one), trimmed section titles, inference rules and schemes, tags without ``)``, ``:`` or
    repeats, no reserved data keys, sections in heading order, steps with premises (and unused premises only beside
    a step), and relations as the reader derives them (an argument's relations leaving from its conclusion, repeats
    as one, strict mode with entailment and contrariety when the first relation is logical).
    """
    strict = bool(m.relations) and m.relations[0].kind in _DIALECTICAL
    statement_title = _titles([s.id for s in m.statements])
    argument_title = _titles([a.id for a in m.arguments])
    statements = [
        attrs.evolve(
            s,
            id=statement_title[s.id],
            text=_one_line(s.text),
            tags=_tags(s.tags),
            data=_without(s.data, NOT_DATA["statement"]),
        )
        for s in m.statements
    ]
    arguments = [_argument(a, argument_title[a.id], statement_title) for a in m.arguments]
    conclusions = {a.id: a.conclusion for a in arguments}
    titles = {ElementType.STATEMENT: statement_title, ElementType.ARGUMENT: argument_title}
    relations = _relations(m.relations, titles, conclusions, strict=strict)
    metadata = _without(m.metadata, NOT_DATA["map"])
    if strict:
        metadata["model"] = {"mode": "strict"}
    return ArgumentMap(
        title=" ".join(m.title.split()),
        statements=statements,
        arguments=arguments,
        relations=_without_redundant_attacks(relations, arguments),
        sections=_in_heading_order(m.sections),
        sources=m.sources,
        metadata=metadata,
    )


def _argument(a: Argument, title: str, statement_title: Mapping[str, str]) -> Argument:
    steps = [
        Inference(
            premises=list(dict.fromkeys(statement_title[p] for p in step.premises)),
            conclusion=statement_title[step.conclusion],
            rules=[rule for rule in map(_trimmed, step.rules) if rule],
            data=_without(step.data, NOT_DATA["inference"]),
        )
        for step in a.steps
        if step.premises
    ]
    return attrs.evolve(
        a,
        id=title,
        text=_one_line(a.text),
        steps=steps,
        # Listed in a premise-conclusion structure, which a step must give.
        unused_premises=[statement_title[p] for p in a.unused_premises] if steps else [],
        tags=_tags(a.tags),
        scheme=None if a.scheme is None else _trimmed(a.scheme) or None,
        data=_without(a.data, NOT_DATA["argument"]),
        # A sketched argument without a description is placed where it is first mentioned.
        section=a.section if a.text or steps else None,
    )


def _in_heading_order(sections: Iterable[Section]) -> list[Section]:
    """Sections that headings can express: a parent no longer open (a later sibling came between) becomes none."""
    result = []
    path: list[str] = []
    for section in sections:
        parent = section.parent if section.parent in path else None
        del path[path.index(parent) + 1 if parent is not None else 0 :]
        path.append(section.id)
        data = _without(section.data, NOT_DATA["heading"])
        title = _trimmed(section.title) or "Untitled"  # Argdown trims a heading
        result.append(attrs.evolve(section, parent=parent, title=title, data=data))
    return result


def _relations(
    relations: Iterable[Relation],
    titles: Mapping[ElementType, Mapping[str, str]],
    conclusions: Mapping[str, str | None],
    *,
    strict: bool,
) -> list[Relation]:
    """The relations as the reader derives them: those of reconstructed arguments leave from their conclusions,
    contradictions leave from arguments, the mode decides between support and entailment, repeats are one.
    """
    result: list[Relation] = []
    seen: set[_Key] = set()
    for r in relations:
        source, source_type = titles[r.source_type][r.source], r.source_type
        target, target_type = titles[r.target_type][r.target], r.target_type
        kind = r.kind
        if kind is RelationKind.CONTRADICTION and target_type is ElementType.ARGUMENT:
            if source_type is ElementType.STATEMENT:
                source, source_type, target, target_type = target, target_type, source, source_type
            else:
                kind = RelationKind.ATTACK
        conclusion = conclusions.get(source) if source_type is ElementType.ARGUMENT else None
        if conclusion is not None:
            source, source_type = conclusion, ElementType.STATEMENT
            if (target, target_type) == (source, source_type):
                continue
        kind = (
            _LOGICAL.get(kind, kind)
            if strict and source_type is target_type is ElementType.STATEMENT
            else _DIALECTICAL.get(kind, kind)
        )
        key = (source, source_type, target, target_type, kind)
        symmetric = kind in (RelationKind.CONTRADICTION, RelationKind.CONTRARY)
        if key in seen or (symmetric and (target, target_type, source, source_type, kind) in seen):
            continue
        seen.add(key)
        result.append(
            Relation(source=source, target=target, kind=kind, source_type=source_type, target_type=target_type)
        )
    # The reader drops a relation of an element to itself when it has read another of its kind (support or
    # entailment, attack or contrariety...) to that element before, in an order of its own: keep only lone ones.
    reaching: dict[tuple[str, ElementType, RelationKind], int] = {}
    for r in result:
        key2 = (r.target, r.target_type, _DIALECTICAL.get(r.kind, r.kind))
        reaching[key2] = reaching.get(key2, 0) + 1
    return [
        r
        for r in result
        if (r.source, r.source_type) != (r.target, r.target_type)
        or reaching[(r.target, r.target_type, _DIALECTICAL.get(r.kind, r.kind))] == 1
    ]


def _without_redundant_attacks(relations: list[Relation], arguments: list[Argument]) -> list[Relation]:
    """The reader drops a statement's attack on an argument that it also attacks through one of the argument's
    statements (by attack, contradiction or contrariety).
    """
    opposed: dict[str, set[str]] = {}
    for r in relations:
        if (
            r.source_type is r.target_type is ElementType.STATEMENT
            and r.kind.is_attack
            and r.kind is not RelationKind.UNDERCUT
        ):
            opposed.setdefault(r.source, set()).add(r.target)
            if r.kind is not RelationKind.ATTACK:
                opposed.setdefault(r.target, set()).add(r.source)
    # The reader looks through every premise its structure lists, unused ones included.
    statements_of = {a.id: {*a.statement_ids(), *a.unused_premises} for a in arguments}
    return [
        r
        for r in relations
        if not (
            r.kind is RelationKind.ATTACK
            and r.source_type is ElementType.STATEMENT
            and r.target_type is ElementType.ARGUMENT
            and opposed.get(r.source, set()) & statements_of[r.target]
        )
    ]
