"""The reference's model of an Argdown document, and the relations and sections it derives once the text is read."""

from __future__ import annotations

from typing import Any

from . import _argdown_lexer as lx
from ._argdown_lexer import Fault

__all__ = [
    "Argument",
    "Document",
    "Element",
    "Inference",
    "Member",
    "Relation",
    "Section",
    "Statement",
    "derive",
    "truthy",
]


class Member:
    """One occurrence of a statement or of an argument's description (or a heading's text), as written."""

    __slots__ = (
        "data",
        "data_offset",
        "inference",
        "is_reference",
        "kept",
        "offset",
        "parts",
        "section",
        "tags",
        "title",
    )

    def __init__(self, offset: int) -> None:
        self.offset = offset
        self.title = ""
        self.parts: list[str] = []
        # The parts that hold escaped characters, by index: the text from the first to the last of them is kept as
        # written, spaces included.
        self.kept: list[int] = []
        self.is_reference = False
        self.data: dict[str, Any] | None = None
        self.data_offset = offset
        self.tags: dict[str, None] = {}  # in order, without repeats
        self.section: Section | None = None
        self.inference: Inference | None = None

    def add(self, text: str, kept: bool = False) -> None:
        if text:
            if kept:
                self.kept.append(len(self.parts))
            self.parts.append(text)

    def ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1] == " "

    def text(self) -> str:
        """The text without the spaces around it that the document's layout made (escaped ones stay)."""
        parts = self.parts
        text = parts[0] if len(parts) == 1 else "".join(parts)
        if not self.kept:  # nothing escaped: every space around the text is layout
            return text.strip(lx.SPACES)
        kept_from = sum(map(len, parts[: self.kept[0]]))
        kept_to = sum(map(len, parts[: self.kept[-1] + 1]))
        start, end = 0, len(text)
        while start < end and start < kept_from and text[start] in lx.SPACES:
            start += 1
        while end > start and end > kept_to and text[end - 1] in lx.SPACES:
            end -= 1
        return text[start:end]


class Statement:
    """An equivalence class: every member with one title is one statement."""

    __slots__ = ("data", "members", "section", "tags", "title")

    def __init__(self, title: str) -> None:
        self.title = title
        self.members: list[Member] = []
        self.tags: dict[str, None] = {}  # in order, without repeats
        self.data: dict[str, Any] | None = None
        self.section: Section | None = None


class Inference:
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


class Argument:
    """An argument: its descriptions (members) and its premise-conclusion structure (pcs)."""

    __slots__ = ("data", "members", "offset", "pcs", "section", "tags", "title")

    def __init__(self, title: str, offset: int) -> None:
        self.title = title
        self.offset = offset
        self.members: list[Member] = []
        self.pcs: list[Member] = []
        self.tags: dict[str, None] = {}  # in order, without repeats
        self.data: dict[str, Any] | None = None
        self.section: Section | None = None


Element = Statement | Argument | Inference


class Relation:
    """A relation between two elements; ``offset`` is where its symbol first stands."""

    __slots__ = ("kind", "offset", "source", "target")

    def __init__(self, kind: str, offset: int) -> None:
        self.kind = kind
        self.offset = offset
        self.source: Element | None = None
        self.target: Element | None = None


class Section:
    """A heading; ``id`` is the reference's ``s1``, ``s2``... until data says otherwise."""

    __slots__ = ("data", "id", "level", "offset", "parent", "title")

    def __init__(self, id: str, title: str, level: int, offset: int) -> None:
        self.id = id
        self.title = title
        self.level = level
        self.offset = offset
        self.parent: Section | None = None
        self.data: dict[str, Any] | None = None


class Document:
    """What the reference's model holds after reading a document: elements in the order it made them."""

    def __init__(self) -> None:
        self.frontmatter: dict[str, Any] = {}
        self.frontmatter_offset = 0
        self.statements: dict[str, Statement] = {}
        self.arguments: dict[str, Argument] = {}
        self.relations: list[Relation] = []
        self.sections: list[Section] = []


def truthy(value: object) -> bool:
    """Whether JavaScript, which reads the reference's settings, takes a YAML value for true: an empty list or
    mapping is true there, and NaN is false.
    """
    if isinstance(value, list | dict):
        return True
    return bool(value) and value == value  # NaN is the only value unequal to itself


def derive(doc: Document, index: dict[tuple[object, object, str], Relation]) -> None:
    """Derive relations and sections as the reference does after reading: elements without a section take their
    first mention's; relations of reconstructed arguments move to their conclusions; strict mode makes relations
    between statements logical; redundant attacks on arguments go; configured groups replace the headings.
    """
    elements: list[Statement | Argument] = [*doc.statements.values(), *doc.arguments.values()]
    for element in elements:
        if element.section is None and element.members:
            element.section = element.members[0].section
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


def _conclusion(doc: Document, element: Element | None) -> Statement | None:
    if isinstance(element, Argument) and element.pcs:
        return doc.statements[element.pcs[-1].title]
    return None


def _move_argument_relations(doc: Document, index: dict[tuple[object, object, str], Relation]) -> None:
    """A reconstructed argument's relations leave from its conclusion, and undercuts of it aim at its (last)
    inference; a relation that then repeats one that exists is merged into it.
    """
    kept: list[Relation] = []
    for relation in doc.relations:
        conclusion = _conclusion(doc, relation.source)
        if conclusion is not None:
            del index[(relation.source, relation.target, relation.kind)]
            existing = index.get((conclusion, relation.target, relation.kind))
            if relation.target is conclusion:
                continue  # an argument for its own conclusion says nothing more: the reference drops it
            if existing is not None:
                existing.offset = min(existing.offset, relation.offset)
                continue
            relation.source = conclusion
            index[(conclusion, relation.target, relation.kind)] = relation
        target = relation.target
        if isinstance(target, Argument) and target.pcs and relation.kind == "undercut":
            inference = target.pcs[-1].inference
            assert inference is not None
            del index[(relation.source, target, relation.kind)]
            existing = index.get((relation.source, inference, relation.kind))
            if existing is not None:
                existing.offset = min(existing.offset, relation.offset)
                continue
            relation.target = inference
            index[(relation.source, inference, relation.kind)] = relation
        kept.append(relation)
    doc.relations = kept


def _strict(doc: Document) -> None:
    """Strict mode: between statements, support is entailment and attack is contrariety (one per pair)."""
    contrary: set[tuple[object, object]] = set()
    kept: list[Relation] = []
    for relation in doc.relations:
        source, target = relation.source, relation.target
        if isinstance(source, Statement) and isinstance(target, Statement):
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
    against: dict[Statement, set[Statement]] = {}
    for relation in doc.relations:
        source, target = relation.source, relation.target
        if not (isinstance(source, Statement) and isinstance(target, Statement)):
            continue
        if relation.kind == "attack":
            against.setdefault(source, set()).add(target)
        elif relation.kind in ("contradictory", "contrary"):
            against.setdefault(source, set()).add(target)
            against.setdefault(target, set()).add(source)
    if not against:
        return
    kept: list[Relation] = []
    for relation in doc.relations:
        source, target = relation.source, relation.target
        if isinstance(source, Statement) and isinstance(target, Argument) and relation.kind == "attack":
            opposed = against.get(source, set())
            if any(member.inference is None and doc.statements[member.title] in opposed for member in target.pcs):
                continue
        kept.append(relation)
    doc.relations = kept


def _regroup(doc: Document, groups: list[Any]) -> None:
    """``group.regroup`` in the frontmatter: groups (with nested ``children``) that list statements and arguments by
    title replace the headings' sections.
    """
    doc.sections = []
    elements: list[Statement | Argument] = [*doc.statements.values(), *doc.arguments.values()]
    for element in elements:
        element.section = None
    offset = doc.frontmatter_offset
    used: set[str] = set()
    highest = -1
    # (group config, level, number the reference gives it, parent); depth first, in order, as the reference goes.
    stack: list[tuple[Any, int, int, Section | None]] = [
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
        section = Section(f"s{number}", title.strip(), level, offset)
        used.add(section.id)
        section.parent = parent
        doc.sections.append(section)
        tables: tuple[tuple[str, dict[str, Statement] | dict[str, Argument]], ...] = (
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
