"""What a diagram of a map shows, whatever draws it: hidden statements, the lines of each node, the edges of
arguments, the nesting of sections, closed sections and the stubs of a part.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterator, Mapping, Sequence
from typing import NamedTuple

import attrs

from ..boxes import cut, shown_text, text_room
from ..model import Argument, ArgumentMap, ElementType, Statement

__all__ = [
    "Step",
    "Stub",
    "argument_edges",
    "argument_lines",
    "closed_boxes",
    "closed_groups",
    "cluster_of",
    "inner_statements",
    "inner_texts",
    "section_nesting",
    "statement_lines",
    "steps",
    "stubs",
    "tag_line",
]


def inner_statements(m: ArgumentMap) -> set[str]:
    """Statements used only as premises (unused ones too) or intermediate conclusions of reconstructions, and in no
    relation: the debate view shows them inside their arguments rather than as boxes of their own.
    """
    inner: set[str] = set()
    for argument in m.arguments:
        inner.update(argument.statement_ids())
        inner.update(argument.unused_premises)
    inner.difference_update([argument.conclusion for argument in m.arguments])  # a sketch's None is no id
    for relation in m.relations:
        if relation.source_type is ElementType.STATEMENT:
            inner.discard(relation.source)
        if relation.target_type is ElementType.STATEMENT:
            inner.discard(relation.target)
    return inner


def inner_texts(m: ArgumentMap, argument: Argument, hidden: Container[str]) -> list[str]:
    """The texts of the statements of ``argument`` that the debate view draws inside it (among ``hidden``, see
    :func:`inner_statements`), in the order its reconstruction gives them, each once; none for an argument with a
    description, which its box shows instead (see :func:`argument_lines`).
    """
    if argument.text:
        return []
    ids = dict.fromkeys([*argument.statement_ids(), *argument.unused_premises])
    return [m.statement(id).text for id in ids if id in hidden]


def argument_edges(
    m: ArgumentMap, hidden: Container[str]
) -> Iterator[tuple[tuple[ElementType, str], tuple[ElementType, str], str]]:
    """The debate view's edges of the reconstructed arguments, in map order, each as its tail, its head (an element
    type and id) and what it means: ``"premise"`` into the argument from each premise drawn in its own right
    (concluded elsewhere, or related: not among ``hidden``), so that chains of arguments stay connected, then
    ``"conclusion"`` from the argument to its conclusion. Both are drawn as support.
    """
    for argument in m.arguments:
        if argument.conclusion is None:
            continue
        node = (ElementType.ARGUMENT, argument.id)
        for premise in argument.premises:
            if premise not in hidden:
                yield (ElementType.STATEMENT, premise), node, "premise"
        yield node, (ElementType.STATEMENT, argument.conclusion), "conclusion"


def statement_lines(statement: Statement, show: Collection[str], mode: str = "default") -> list[str]:
    """The lines of a statement's node: ``[id]`` where ``show`` names ``"statement-ids"``, the text (cut to what the
    box holds, see :func:`argmap.boxes.shown_text`), and the :func:`tag_line` where it names ``"tags"``.

    ``mode`` (one of :data:`~argmap.render.options.LABEL_MODES`) changes what stands above the tags: ``"id"`` only
    ``[id]``, ``"text"`` only the text, ``"none"`` nothing at all (no tags either).
    """
    if mode == "none":
        return []
    lines = [f"[{statement.id}]"] if mode == "id" or (mode == "default" and "statement-ids" in show) else []
    text = shown_text(statement) if mode != "id" else ""
    if text or mode != "id":
        lines.append(text)
    if "tags" in show:
        lines += tag_line(statement.tags, text)
    return lines


def argument_lines(
    argument: Argument, show: Collection[str], mode: str = "default", inside: Sequence[str] = ()
) -> list[str]:
    """The lines of an argument's node: ``<id>``, the description where ``show`` names ``"argument-text"`` (cut to
    what the box holds, see :func:`argmap.boxes.shown_text`), and the :func:`tag_line` where it names ``"tags"``.

    An argument without a description shows in its place ``inside``, the texts of the statements the box stands
    for (see :func:`inner_texts`), each on lines of its own, bulleted where there are several: maps read from AIF
    or the argument-mining corpora name their arguments by number and describe none, and their premises would be
    drawn nowhere else.

    ``mode`` (one of :data:`~argmap.render.options.LABEL_MODES`) changes what stands above the tags: ``"id"`` only
    ``<id>``, ``"text"`` only the description (``<id>`` for an argument without one), ``"none"`` nothing at all.
    """
    if mode == "none":
        return []
    described = mode == "text" or (mode == "default" and "argument-text" in show)
    text = shown_text(argument) if described else ""
    lines = [f"<{argument.id}>"] if mode != "text" or not (text or inside) else []
    if text:
        lines.append(text)
    elif described and inside:
        # Bullets tell apart several statements, which wrapping would otherwise run together.
        shown = inside if len(inside) == 1 else [f"\u2022 {text}" for text in inside]
        text = cut("\n".join(shown), text_room(argument))
        lines += text.split("\n")
    if "tags" in show:
        lines += tag_line(argument.tags, text)
    return lines


def tag_line(tags: Sequence[str], shown: str = "") -> list[str]:
    """The line of ``#tags`` under an element's text, written as Argdown writes them; none without tags.

    A tag that ``shown``, the text drawn above it, already holds as written (``#tag`` as a whole word, or
    ``#(long tag)``) is not repeated: text read from Argdown keeps the tags written in it.
    """
    if not tags:  # the common case, spared building two empty lists
        return []
    written = [f"#({tag})" if len(tag.split()) > 1 else f"#{tag}" for tag in tags]
    missing = [tag for tag in written if not _holds(shown, tag)]
    return [" ".join(missing)] if missing else []


def _holds(text: str, tag: str) -> bool:
    """Whether ``text`` holds the written ``tag`` whole: not as the start of a longer tag."""
    start = text.find(tag)
    while start >= 0:
        end = start + len(tag)
        if tag.endswith(")") or end == len(text) or not (text[end].isalnum() or text[end] in "-_"):
            return True
        start = text.find(tag, start + 1)
    return False


def section_nesting(
    m: ArgumentMap, members: Mapping[str | None, Collection[object]], clusters: Collection[str] | None = None
) -> Iterator[int | None]:
    """The sections to draw, depth first, each nested in its parent's: a section's position in ``m.sections`` as it
    opens, ``None`` as the last one open closes. A section is drawn when it has members (``members`` holds what
    each section id has) or a subsection of it has. Given ``clusters``, only those sections are drawn, each nested
    in its nearest ancestor among them (see :func:`cluster_of`).

    Iterative, so that sections nested thousands deep cannot exhaust the stack.
    """
    numbers = {section.id: n for n, section in enumerate(m.sections)}
    drawn = {id for id in numbers if members.get(id)}
    parents = {section.id: section.parent for section in m.sections}
    if clusters is not None:
        holder = cluster_of(m, clusters)
        parents = {id: None if parent is None else holder[parent] for id, parent in parents.items()}
    children: dict[str | None, list[str]] = {}
    for section in m.sections:
        if clusters is None or section.id in clusters:
            children.setdefault(parents[section.id], []).append(section.id)
    # A section comes after its parent, so in reverse order every child is settled before its parent.
    for section in reversed(m.sections):
        parent = parents[section.id]
        if section.id in drawn and parent is not None:
            drawn.add(parent)
    stack: list[str | None] = [id for id in reversed(children.get(None, ())) if id in drawn]
    while stack:
        id = stack.pop()
        if id is None:
            yield None
            continue
        yield numbers[id]
        stack.append(None)
        stack += [child for child in reversed(children.get(id, ())) if child in drawn]


def cluster_of(m: ArgumentMap, clusters: Collection[str] | None) -> dict[str, str | None]:
    """For each section, the cluster that holds what it holds: the section itself or its nearest ancestor among
    ``clusters`` (every section when ``clusters`` is ``None``), or ``None`` for none.
    """
    found: dict[str, str | None] = {}
    # A section comes after its parent: each parent is settled first, so that the whole is linear.
    for section in m.sections:
        if clusters is None or section.id in clusters:
            found[section.id] = section.id
        else:
            found[section.id] = None if section.parent is None else found[section.parent]
    return found


def closed_groups(m: ArgumentMap, closed: Collection[str]) -> dict[str, int]:
    """For each section that ``closed`` closes, itself or through an ancestor: the position in ``m.sections`` of the
    outermost closed section that holds it, whose one box stands for everything in it (none for no ``closed``).
    """
    found: dict[str, int] = {}
    if not closed:
        return found
    # A section comes after its parent, so an outer closed section is met before those inside it.
    for n, section in enumerate(m.sections):
        if section.parent in found:
            found[section.id] = found[section.parent]
        elif section.id in closed:
            found[section.id] = n
    return found


def closed_boxes(m: ArgumentMap, groups: Mapping[str, int], hidden: Container[str] = frozenset()) -> list[int]:
    """The closed sections drawn as boxes, by position in ``m.sections``, in order: those among ``groups`` (from
    :func:`closed_groups`) that hold a statement or an argument drawn, directly or in a subsection (a statement of
    ``hidden``, from :func:`inner_statements`, is drawn inside its argument's box, not in its section). Each box
    goes in the cluster of its section's parent; the elements it holds draw no node of their own, their edges lead
    to the box, and an edge between two of them is not drawn.
    """
    if not groups:
        return []
    elements: list[Statement | Argument] = [
        *(statement for statement in m.statements if statement.id not in hidden),
        *m.arguments,
    ]
    return sorted(
        {groups[section] for element in elements if (section := element.section) is not None and section in groups}
    )


@attrs.frozen(kw_only=True)
class Stub:
    """What a drawing of a part of a map leaves out around one element drawn (see :func:`stubs`)."""

    #: The element drawn, as its type and id.
    element: tuple[ElementType, str]
    #: Whether the elements left out bear on it (its reasons for or against), rather than it on them.
    into: bool
    #: How many were left out.
    count: int
    #: The section whose cluster holds the stub: the element's, or for an element drawn as its closed section's box
    #: (see :func:`closed_boxes`), the parent of that section.
    section: str | None

    @property
    def note(self) -> str:
        """What was left out, in words, such as ``"4 more reasons for or against it, left out of this drawing"``."""
        count = self.count
        if self.into:
            what = f"{count} more {'reason' if count == 1 else 'reasons'} for or against it"
        else:
            what = f"{count} more {'element' if count == 1 else 'elements'} it bears on"
        return f"{what}, left out of this drawing"


def stubs(
    m: ArgumentMap, whole: ArgumentMap, names: Mapping[tuple[ElementType, str], str], groups: Mapping[str, int]
) -> list[Stub]:
    """The stubs of ``m``, a part of ``whole``: for each element drawn (``names`` holds each one's node name) whose
    relations in ``whole`` lead to elements not drawn, or, for a statement, arguments not drawn that conclude it or
    that it is a premise of, a stub for those that bear on it and one for those it bears on. ``groups`` are the
    closed sections (from :func:`closed_groups`). Sorted by node name, then those it bears on first.
    """
    counts: dict[tuple[tuple[ElementType, str], bool], int] = {}
    for relation in whole.relations:
        source = (relation.source_type, relation.source)
        target = (relation.target_type, relation.target)
        if (source in names) != (target in names):
            end = (target, True) if target in names else (source, False)
            counts[end] = counts.get(end, 0) + 1
    for argument in whole.arguments:
        if (ElementType.ARGUMENT, argument.id) in names:
            continue
        # An argument left out: one more reason for its conclusion, one more thing each premise bears on.
        ends = [((ElementType.STATEMENT, id), False) for id in argument.premises]
        if argument.conclusion is not None:
            ends.append(((ElementType.STATEMENT, argument.conclusion), True))
        for end in ends:
            if end[0] in names:
                counts[end] = counts.get(end, 0) + 1
    found = []
    for (key, into), count in sorted(counts.items(), key=lambda item: (names[item[0][0]], item[0][1])):
        section = m.element(*key).section
        if section is not None and section in groups:
            section = m.sections[groups[section]].parent
        found.append(Stub(element=key, into=into, count=count, section=section))
    return found


class Step(NamedTuple):
    """One inference step of an argument as the premise and steps views draw it (see :func:`steps`)."""

    #: Whether the argument's own node stands for it: the last step does; each earlier one is a node of its own (a
    #: junction in the premise view, a box of the argument's in the steps view).
    last: bool
    #: Its premises, each once, in order.
    premises: tuple[str, ...]
    #: Its conclusion.
    conclusion: str
    #: Its inference rules.
    rules: tuple[str, ...]


def steps(argument: Argument) -> Iterator[Step]:
    """The inference steps of ``argument``, in order, as every renderer's premise and steps views draw them:
    premises into the step, the step into its conclusion.
    """
    last = len(argument.steps)
    for n, step in enumerate(argument.steps, 1):
        yield Step(n == last, tuple(dict.fromkeys(step.premises)), step.conclusion, step.rules)
