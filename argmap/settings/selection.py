"""Argdown's selection settings (``selection`` in the frontmatter, ``isInMap`` in data): what the reference draws."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import attrs

from .._text import printable
from ..model import Argument, ArgumentMap, ElementType, Relation, Statement
from ..selection import Key, select
from .found import Unhonoured, located

__all__ = ["HONOURED", "MODES", "Chosen", "Selection", "argdown_selection", "has_selection", "selection_part"]

_S, _A = ElementType.STATEMENT, ElementType.ARGUMENT

#: The values of ``selection.statementSelectionMode``, as the reference names them; it draws ``with-title`` by
#: default.
MODES: tuple[str, ...] = (
    "all",
    "top-level",
    "with-title",
    "with-relations",
    "not-used-in-argument",
    "with-more-than-one-relation",
)

_LISTS = ("selectedTags", "selectedSections", "includeStatements", "excludeStatements", "excludeArguments")
_FLAGS = ("excludeDisconnected", "ignoreIsInMap", "selectElementsWithoutSection", "selectElementsWithoutTag")

#: The settings this module honours, as dotted paths.
HONOURED: frozenset[str] = frozenset(
    {f"selection.{key}" for key in (*_LISTS, *_FLAGS, "statementSelectionMode")} | {"data.isInMap"}
)

#: What a statement is in one argument's premise-conclusion structure, as the reference's roles say.
_Role = Literal["premise", "main", "intermediate"]


@attrs.frozen(kw_only=True)
class Selection:
    """The selection settings of a document, read and validated; each ``None`` list is not set."""

    selected_tags: frozenset[str] | None = None
    selected_sections: frozenset[str] | None = None
    include_statements: frozenset[str] = frozenset()
    exclude_statements: frozenset[str] = frozenset()
    exclude_arguments: frozenset[str] = frozenset()
    exclude_disconnected: bool = True
    ignore_is_in_map: bool = False
    without_section: bool = False
    without_tag: bool = False
    mode: str = "with-title"

    @classmethod
    def of(cls, m: ArgumentMap) -> tuple[Selection, list[Unhonoured]]:
        """The selection settings of ``m`` (the reference's defaults for those it does not set), and each one that
        is left out: a value of the wrong kind, an unknown mode or key, and ``top-level``, which needs what the
        model does not keep (where each statement was written).
        """
        raw = m.metadata.get("selection")
        if raw is None:  # "selection:" with nothing after it sets nothing
            raw = {}
        problems: list[Unhonoured] = []

        def refuse(path: str, reason: str) -> None:
            problems.append(Unhonoured(path=path, reason=reason, location=located(m, path)))

        if not isinstance(raw, Mapping):
            refuse("selection", "it must be settings by name (selectedTags: [...], ...); the defaults were used")
            raw = {}
        values: dict[str, Any] = {}
        for key, value in raw.items():
            path = f"selection.{key}"
            if key in _LISTS:
                if isinstance(value, list) and all(isinstance(item, str) for item in value):
                    values[key] = frozenset(value)
                else:
                    refuse(path, f"it must be a list of titles or names, not {printable(repr(value))}")
            elif key in _FLAGS:
                if isinstance(value, bool):
                    values[key] = value
                else:
                    refuse(path, f"it must be true or false, not {printable(repr(value))}")
            elif key == "statementSelectionMode":
                if value == "top-level":
                    refuse(path, "argmap does not keep which statements were written at the top level; with-title used")
                elif value in MODES:
                    values[key] = value
                else:
                    modes = ", ".join(MODES)
                    refuse(path, f"{printable(repr(value))} is none of {modes}; with-title used")
            else:
                refuse(path, "Argdown has no such selection setting")
        selection = cls(
            selected_tags=values.get("selectedTags"),
            selected_sections=values.get("selectedSections"),
            include_statements=values.get("includeStatements", frozenset()),
            exclude_statements=values.get("excludeStatements", frozenset()),
            exclude_arguments=values.get("excludeArguments", frozenset()),
            exclude_disconnected=values.get("excludeDisconnected", True),
            ignore_is_in_map=values.get("ignoreIsInMap", False),
            without_section=values.get("selectElementsWithoutSection", False),
            without_tag=values.get("selectElementsWithoutTag", False),
            mode=values.get("statementSelectionMode", "with-title"),
        )
        return selection, problems


@attrs.frozen
class Chosen:
    """The statements and arguments the reference draws as nodes of its map, by id."""

    statements: frozenset[str]
    arguments: frozenset[str]


def has_selection(m: ArgumentMap) -> bool:
    """Whether ``m`` holds selection settings: ``selection`` in its metadata, or ``isInMap`` in an element's data."""
    return (
        "selection" in m.metadata
        or any("isInMap" in e.data for e in m.statements)
        or any("isInMap" in e.data for e in m.arguments)
    )


def selection_part(m: ArgumentMap, selection: Selection) -> ArgumentMap:
    """The part of ``m`` that holds what ``selection`` chooses (see :func:`argdown_selection`), kept intact as
    :func:`argmap.select` keeps a part: the statements of a chosen argument's steps stay with it.
    """
    chosen = argdown_selection(m, selection)
    keys: list[Key] = [(_S, id) for id in chosen.statements] + [(_A, id) for id in chosen.arguments]
    return select(m, ids=keys)


def argdown_selection(m: ArgumentMap, selection: Selection) -> Chosen:
    """What the reference draws of ``m`` under ``selection``, by its rules: first what ``isInMap``, the excluded
    titles, ``selectedSections`` (the element's own section, by title) and ``selectedTags`` let through; of that,
    the statements that the statement selection mode, ``includeStatements``, ``isInMap: true`` and
    ``excludeDisconnected`` choose; then the arguments that ``excludeDisconnected`` keeps. Linear in the map.
    """
    return _Chooser(m, selection).chosen()


@attrs.define
class _Chooser:
    m: ArgumentMap
    s: Selection
    #: For each statement, the arguments whose premise-conclusion structures hold it, with its role there.
    roles: dict[str, list[tuple[str, _Role]]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.roles = {}
        for argument in self.m.arguments:
            for id, role in _roles(argument):
                self.roles.setdefault(id, []).append((argument.id, role))

    def chosen(self) -> Chosen:
        m = self.m
        statements = {s.id for s in m.statements if self.preselected(s, self.s.exclude_statements)}
        arguments = {a.id for a in m.arguments if self.preselected(a, self.s.exclude_arguments)}
        kept = {s.id for s in m.statements if s.id in statements and self.statement_kept(s, statements, arguments)}
        drawn = {a.id for a in m.arguments if a.id in arguments and self.argument_kept(a, kept, arguments)}
        return Chosen(frozenset(kept), frozenset(drawn))

    def marked(self, element: Statement | Argument) -> bool:
        """Whether the element's data puts it in the map (``isInMap: true``), where that is not ignored."""
        return not self.s.ignore_is_in_map and element.data.get("isInMap") is True

    def preselected(self, element: Statement | Argument, excluded: frozenset[str]) -> bool:
        s = self.s
        # The reference keeps an element whose isInMap is missing or true: any other value, null too, leaves it out.
        if not s.ignore_is_in_map and element.data.get("isInMap", True) is not True:
            return False
        if element.id in excluded:
            return False
        if s.selected_sections is not None:
            if element.section is None:
                if not s.without_section:
                    return False
            elif self.m.section(element.section).title not in s.selected_sections:
                return False
        if s.selected_tags is not None:
            return (s.without_tag and not element.tags) or not s.selected_tags.isdisjoint(element.tags)
        return True

    def end_in(self, relation: Relation, source: bool, statements: set[str], arguments: set[str]) -> bool:
        """Whether one end of ``relation`` is in the selection: a chosen element, or a statement that a chosen
        argument has in the role that end needs (conclusion at the source, premise at the target; any role for a
        symmetric relation).
        """
        type, id = (relation.source_type, relation.source) if source else (relation.target_type, relation.target)
        if type is _A:
            return id in arguments
        if id in statements:
            return True
        wanted = "main" if source else "premise"
        symmetric = relation.kind.is_symmetric
        return any(a in arguments and (symmetric or role == wanted) for a, role in self.roles.get(id, ()))

    def relations(self, type: ElementType, id: str) -> Iterator[tuple[Relation, bool]]:
        """The relations of an element, each with whether the other end is its source."""
        for relation in self.m.relations_from(type, id):
            yield relation, False
        for relation in self.m.relations_to(type, id):
            yield relation, True

    def statement_kept(self, statement: Statement, statements: set[str], arguments: set[str]) -> bool:
        s, id = self.s, statement.id
        if self.marked(statement) or id in s.include_statements:
            return True
        ties = list(self.relations(_S, id))
        related = any(self.end_in(relation, other, statements, arguments) for relation, other in ties)
        used = any(a in arguments and role != "intermediate" for a, role in self.roles.get(id, ()))
        if s.mode == "all":
            chosen = True
        elif s.mode == "with-relations":
            chosen = related
        elif s.mode == "not-used-in-argument":
            chosen = not used
        elif s.mode == "with-more-than-one-relation":
            chosen = related and (not used or self.partners(ties, arguments) > 1)
        else:  # with-title, and top-level in its place
            chosen = (not used and related) or not id.startswith("Untitled")
        return (not s.exclude_disconnected or used or related) and chosen

    def partners(self, ties: Iterable[tuple[Relation, bool]], arguments: set[str]) -> int:
        """How many chosen arguments stand at the other ends of ``ties``, counted as the reference counts them: an
        argument, or each argument that has the statement there as its conclusion (at a target: as a premise).
        """
        count = 0
        for relation, other_is_source in ties:
            type = relation.source_type if other_is_source else relation.target_type
            id = relation.source if other_is_source else relation.target
            if type is _A:
                count += id in arguments
            else:
                wanted = "main" if other_is_source else "premise"
                count += sum(a in arguments and role == wanted for a, role in self.roles.get(id, ()))
        return count

    def argument_kept(self, argument: Argument, statements: set[str], arguments: set[str]) -> bool:
        if not self.s.exclude_disconnected or self.marked(argument):
            return True
        if any(self.end_in(r, other, statements, arguments) for r, other in self.relations(_A, argument.id)):
            return True
        for id, role in _roles(argument):
            if role == "intermediate":
                continue
            for relation, other_is_source in self.relations(_S, id):
                # A premise ties the argument to its reasons, a conclusion to what it bears on; not the other way.
                ties = other_is_source == (role == "premise")
                if (relation.kind.is_symmetric or ties) and self.end_in(
                    relation, other_is_source, statements, arguments
                ):
                    return True
            if id in statements:
                return True
            wanted = "main" if role == "premise" else "premise"
            if any(a in arguments and other == wanted for a, other in self.roles.get(id, ())):
                return True
        return False


def _roles(argument: Argument) -> Iterator[tuple[str, _Role]]:
    """Each statement of an argument's premise-conclusion structure with its role there."""
    premises = set(argument.premises)
    for step in argument.steps:
        for id in step.premises:
            if id in premises:
                yield id, "premise"
        yield step.conclusion, "main" if step is argument.steps[-1] else "intermediate"
