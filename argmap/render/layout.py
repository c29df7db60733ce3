"""What a diagram of a map shows, whatever draws it: hidden statements, the lines of each node, the edges of
arguments, and the nesting of sections.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterator, Mapping, Sequence

from ..boxes import shown_text
from ..model import Argument, ArgumentMap, ElementType, Statement

__all__ = [
    "argument_edges",
    "argument_lines",
    "inner_statements",
    "section_nesting",
    "statement_lines",
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


def statement_lines(statement: Statement, show: Collection[str]) -> list[str]:
    """The lines of a statement's node: ``[id]`` where ``show`` names ``"statement-ids"``, the text (cut to what the
    box holds, see :func:`argmap.boxes.shown_text`), and the :func:`tag_line` where it names ``"tags"``.
    """
    lines = [f"[{statement.id}]"] if "statement-ids" in show else []
    text = shown_text(statement)
    lines.append(text)
    if "tags" in show:
        lines += tag_line(statement.tags, text)
    return lines


def argument_lines(argument: Argument, show: Collection[str]) -> list[str]:
    """The lines of an argument's node: ``<id>``, the description where ``show`` names ``"argument-text"`` (cut to
    what the box holds, see :func:`argmap.boxes.shown_text`), and the :func:`tag_line` where it names ``"tags"``.
    """
    lines = [f"<{argument.id}>"]
    text = shown_text(argument) if "argument-text" in show else ""
    if text:
        lines.append(text)
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


def section_nesting(m: ArgumentMap, members: Mapping[str | None, Collection[object]]) -> Iterator[int | None]:
    """The sections to draw, depth first, each nested in its parent's: a section's position in ``m.sections`` as it
    opens, ``None`` as the last one open closes. A section is drawn when it has members (``members`` holds what
    each section id has) or a subsection of it has.

    Iterative, so that sections nested thousands deep cannot exhaust the stack.
    """
    numbers = {section.id: n for n, section in enumerate(m.sections)}
    drawn = {id for id in numbers if members.get(id)}
    children: dict[str | None, list[str]] = {}
    for section in m.sections:
        children.setdefault(section.parent, []).append(section.id)
    # A section comes after its parent, so in reverse order every child is settled before its parent.
    for section in reversed(m.sections):
        if section.id in drawn and section.parent is not None:
            drawn.add(section.parent)
    stack: list[str | None] = [id for id in reversed(children.get(None, ())) if id in drawn]
    while stack:
        id = stack.pop()
        if id is None:
            yield None
            continue
        yield numbers[id]
        stack.append(None)
        stack += [child for child in reversed(children.get(id, ())) if child in drawn]
