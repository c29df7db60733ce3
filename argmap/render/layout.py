"""What a diagram of a map shows, whatever draws it: hidden statements, tag lines and the nesting of sections."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..model import ArgumentMap, ElementType

__all__ = ["inner_statements", "section_nesting", "tag_line"]


def inner_statements(m: ArgumentMap) -> set[str]:
    """Statements used only as premises or intermediate conclusions of reconstructions, and in no relation: the
    debate view shows them inside their arguments rather than as boxes of their own.
    """
    inner: set[str] = set()
    for argument in m.arguments:
        inner.update(argument.statement_ids())
    inner.difference_update([argument.conclusion for argument in m.arguments])  # a sketch's None is no id
    for relation in m.relations:
        if relation.source_type is ElementType.STATEMENT:
            inner.discard(relation.source)
        if relation.target_type is ElementType.STATEMENT:
            inner.discard(relation.target)
    return inner


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


def section_nesting(m: ArgumentMap, holding: Iterable[str]) -> Iterator[str | None]:
    """The sections to draw, depth first, each nested in its parent's: a section's id as it opens, ``None`` as the
    last one open closes. A section is drawn when it is among ``holding`` or a subsection of it is.

    Iterative, so that sections nested thousands deep cannot exhaust the stack.
    """
    drawn = set(holding)
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
        yield id
        if id is not None:
            stack.append(None)
            stack += [child for child in reversed(children.get(id, ())) if child in drawn]
