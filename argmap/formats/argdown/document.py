"""The reference's model of an Argdown document, and the relations and sections it derives once the text is read."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .lexer import Fault

__all__ = [
    "Document",
    "Element",
    "Member",
    "ParsedArgument",
    "ParsedInference",
    "ParsedRelation",
    "ParsedSection",
    "ParsedStatement",
    "derive",
    "truthy",
]


class Member:
    """One occurrence of a statement or of an argument's description (or a heading's text), as written; ``text`` is
    its text without the spaces around it that the document's layout made (escaped ones stay).
    """

    __slots__ = (
        "data",
        "data_offset",
        "inference",
        "is_argument",
        "is_reference",
        "offset",
        "section",
        "tags",
        "text",
        "title",
    )

    def __init__(self, offset: int, section: ParsedSection | None) -> None:
        self.offset = offset
        self.section = section
        self.title = ""
        self.text = ""
        self.is_argument = False
        self.is_reference = False
        self.data: dict[str, Any] | None = None
        self.data_offset = offset
        self.tags: dict[str, None] | None = None  # in order, without repeats; most mentions have none
        self.inference: ParsedInference | None = None


class _Mentioned:
    """A statement or argument, with what it keeps of its members (mentions) as they are read rather than the
    members themselves: its ``first`` member; ``offset``, where it is defined (at its first definition, a member that
    is not a reference, else at its first mention, else where it was first named); the member whose text speaks for
    it (``canonical``: the last definition marked ``isCanonical``, else the last definition; ``None`` without a
    definition); the members' tags and data merged, and where each key of the data was first given.
    """

    __slots__ = ("canonical", "data", "data_offsets", "first", "offset", "section", "tags", "title")

    def __init__(self, title: str, offset: int) -> None:
        self.title = title
        self.offset = offset
        self.first: Member | None = None
        self.canonical: Member | None = None
        self.tags: dict[str, None] | None = None  # in order, without repeats; most elements have none
        self.data: dict[str, Any] | None = None
        self.data_offsets: dict[str, int] | None = None
        self.section: ParsedSection | None = None


class ParsedStatement(_Mentioned):
    """An equivalence class: every member with one title is one statement."""

    __slots__ = ()


class ParsedInference:
    """One inference line of a premise-conclusion structure, in the argument titled ``argument``.

    It names its argument rather than holding it: the argument holds its premise-conclusion structure, which holds
    the inference, and a reference back would make every reconstructed argument a cycle that only the cyclic garbage
    collector can free (the command runs without it).
    """

    __slots__ = ("argument", "data", "offset", "rules")

    def __init__(self, offset: int, argument: str) -> None:
        self.offset = offset
        self.argument = argument
        self.rules: list[str] = []
        self.data: dict[str, Any] | None = None


class ParsedArgument(_Mentioned):
    """An argument: what its descriptions (members) say, and its premise-conclusion structure (pcs)."""

    __slots__ = ("numbers", "pcs")

    def __init__(self, title: str, offset: int) -> None:
        super().__init__(title, offset)
        self.pcs: list[Member] = []
        #: The number written before each statement of the pcs, and where: the reference ignores them.
        self.numbers: list[tuple[int, int]] = []


#: What a relation leaves from or aims at: a statement, an argument, or (for an undercut) an inference.
Element = ParsedStatement | ParsedArgument | ParsedInference


class ParsedRelation:
    """A relation between two elements; ``offset`` is where its symbol first stands."""

    __slots__ = ("kind", "offset", "source", "target")

    def __init__(self, kind: str, offset: int) -> None:
        self.kind = kind
        self.offset = offset
        self.source: Element | None = None
        self.target: Element | None = None


class ParsedSection:
    """A heading; ``id`` is the reference's ``s1``, ``s2``... until data says otherwise."""

    __slots__ = ("data", "id", "level", "offset", "parent", "title")

    def __init__(self, id: str, title: str, level: int, offset: int) -> None:
        self.id = id
        self.title = title
        self.level = level
        self.offset = offset
        self.parent: ParsedSection | None = None
        self.data: dict[str, Any] | None = None


class Document:
    """What the reference's model holds after reading a document: elements in the order it made them."""

    def __init__(self) -> None:
        self.frontmatter: dict[str, Any] = {}
        self.frontmatter_offset = 0
        self.statements: dict[str, ParsedStatement] = {}
        self.arguments: dict[str, ParsedArgument] = {}
        self.relations: list[ParsedRelation] = []
        self.sections: list[ParsedSection] = []
        #: Each relation as written from a reconstructed argument, before it moved to the argument's conclusion:
        #: the relation, the argument, and the kind and place it was written with (strict mode and merging may
        #: change the relation's). The map no longer tells these from relations written between statements, which
        #: the ``unbacked-relation`` notice needs.
        self.moved: list[tuple[ParsedRelation, ParsedArgument, str, int]] = []


def truthy(value: object) -> bool:
    """Whether JavaScript, which reads the reference's settings, takes a YAML value for true: an empty list or
    mapping is true there, and NaN is false.
    """
    if isinstance(value, list | dict):
        return True
    return bool(value) and value == value  # NaN is the only value unequal to itself


#: The kinds of relation by which a statement opposes another.
_OPPOSING = frozenset({"attack", "contradictory", "contrary"})


def derive(doc: Document, index: dict[tuple[object, object, str], ParsedRelation]) -> None:
    """Derive relations and sections as the reference does after reading: elements without a section take their
    first mention's; relations of reconstructed arguments move to their conclusions; strict mode makes relations
    between statements logical; redundant attacks on arguments go; configured groups replace the headings.
    """
    elements: list[ParsedStatement | ParsedArgument] = [*doc.statements.values(), *doc.arguments.values()]
    for element in elements:
        if element.section is None and element.first is not None:
            element.section = element.first.section
    model = doc.frontmatter.get("model")
    settings = model if isinstance(model, dict) else {}
    if truthy(settings.get("transformArgumentRelations", True)):
        _move_argument_relations(doc, index)
    if settings.get("mode") == "strict":
        _strict(doc)
    _drop_redundant_attacks(doc)
    group = doc.frontmatter.get("group")
    regroup = group.get("regroup") if isinstance(group, dict) else None
    if isinstance(regroup, list) and regroup:
        _regroup(doc, regroup)


def _move_argument_relations(doc: Document, index: dict[tuple[object, object, str], ParsedRelation]) -> None:
    """A reconstructed argument's relations leave from its conclusion, and undercuts of it aim at its (last)
    inference; a relation that then repeats one that exists is merged into it.
    """
    statements = doc.statements
    kept: list[ParsedRelation] = []
    for relation in doc.relations:
        source, target, kind = relation.source, relation.target, relation.kind
        if isinstance(source, ParsedArgument) and source.pcs:
            doc.moved.append((relation, source, kind, relation.offset))
            conclusion = statements[source.pcs[-1].title]
            del index[(source, target, kind)]
            if target is conclusion:
                continue  # an argument for its own conclusion says nothing more: the reference drops it
            existing = index.get((conclusion, target, kind))
            if existing is not None:
                existing.offset = min(existing.offset, relation.offset)
                continue
            relation.source = source = conclusion
            index[(conclusion, target, kind)] = relation
        if kind == "undercut" and isinstance(target, ParsedArgument) and target.pcs:
            inference = target.pcs[-1].inference
            assert inference is not None
            del index[(source, target, kind)]
            existing = index.get((source, inference, kind))
            if existing is not None:
                existing.offset = min(existing.offset, relation.offset)
                continue
            relation.target = inference
            index[(source, inference, kind)] = relation
        kept.append(relation)
    doc.relations = kept


def _strict(doc: Document) -> None:
    """Strict mode: between statements, support is entailment and attack is contrariety (one per pair)."""
    contrary: set[tuple[object, object]] = set()
    kept: list[ParsedRelation] = []
    for relation in doc.relations:
        source, target = relation.source, relation.target
        if isinstance(source, ParsedStatement) and isinstance(target, ParsedStatement):
            if relation.kind == "support":
                relation.kind = "entails"
            elif relation.kind == "attack":
                if (source, target) in contrary or (target, source) in contrary:
                    continue
                relation.kind = "contrary"
                contrary.add((source, target))
        kept.append(relation)
    doc.relations = kept


def _drop_redundant_attacks(doc: Document) -> None:
    """A statement that attacks an argument and also attacks (or contradicts, or is contrary to) one of its premises
    attacks it through that premise: the reference keeps only the attack on the premise.
    """
    against: defaultdict[ParsedStatement, set[ParsedStatement]] = defaultdict(set)
    on_arguments: list[tuple[ParsedRelation, ParsedStatement, ParsedArgument]] = []
    for relation in doc.relations:
        kind, source, target = relation.kind, relation.source, relation.target
        if kind in _OPPOSING and isinstance(source, ParsedStatement):
            if isinstance(target, ParsedStatement):
                against[source].add(target)
                if kind != "attack":
                    against[target].add(source)
            elif kind == "attack" and isinstance(target, ParsedArgument):
                on_arguments.append((relation, source, target))
    # Each argument's premises once, as a set: the test per attack then costs as little as the smaller of the two
    # sets, where looking through the premises for every attack was quadratic.
    premises: dict[int, set[ParsedStatement]] = {}
    redundant = set()
    for relation, source, target in on_arguments:
        if source not in against:
            continue
        if id(target) not in premises:
            premises[id(target)] = {doc.statements[m.title] for m in target.pcs if m.inference is None}
        if not against[source].isdisjoint(premises[id(target)]):
            redundant.add(relation)
    if redundant:
        doc.relations = [relation for relation in doc.relations if relation not in redundant]


def _regroup(doc: Document, groups: list[Any]) -> None:
    """``group.regroup`` in the frontmatter: groups (with nested ``children``) that list statements and arguments by
    title replace the headings' sections.
    """
    doc.sections = []
    elements: list[ParsedStatement | ParsedArgument] = [*doc.statements.values(), *doc.arguments.values()]
    for element in elements:
        element.section = None
    offset = doc.frontmatter_offset
    used: set[str] = set()
    highest = -1
    # (group config, level, number the reference gives it, parent); depth first, in order, as the reference goes.
    stack: list[tuple[Any, int, int, ParsedSection | None]] = [
        (group, 1, n, None) for n, group in reversed(list(enumerate(groups)))
    ]
    while stack:
        config, level, number, parent = stack.pop()
        if not isinstance(config, dict):
            continue
        title = config.get("title")
        if not isinstance(title, str) or not title.strip():
            raise Fault("each group of group.regroup in the frontmatter needs a title (text)", offset)
        # The reference numbers nested groups in a way that can repeat an id; argmap takes the next free one.
        if f"s{number}" in used:
            number = highest + 1
        highest = max(highest, number)
        section = ParsedSection(f"s{number}", title.strip(), level, offset)
        used.add(section.id)
        section.parent = parent
        doc.sections.append(section)
        tables: tuple[tuple[str, dict[str, ParsedStatement] | dict[str, ParsedArgument]], ...] = (
            ("statements", doc.statements),
            ("arguments", doc.arguments),
        )
        for key, table in tables:
            titles = config.get(key, [])
            if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
                raise Fault(f"{key} of a group in group.regroup must be a list of titles", offset)
            for t in titles:
                found = table.get(t)
                if found is not None:
                    found.section = section
        children = config.get("children", [])
        if not isinstance(children, list):
            raise Fault("children of a group in group.regroup must be a list of groups", offset)
        stack.extend((child, level + 1, number + 1 + n, section) for n, child in reversed(list(enumerate(children))))
