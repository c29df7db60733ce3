"""Safe fixes of an Argdown text: a mistyped title with exactly one close defined title is put right everywhere,
and nothing else in the text changes.
"""

from __future__ import annotations

import attrs

from ...errors import ArgmapError
from . import lexer as lx
from .document import Document
from .include import INCLUDE
from .lexer import Fault
from .notices import undefined
from .parser import parse

__all__ = ["Change", "Fixed", "fix"]

_STATEMENT_TITLES = frozenset({lx.SDEF, lx.SREF})
_ARGUMENT_TITLES = frozenset({lx.ADEF, lx.AREF})
_REFERENCES = frozenset({lx.SREF, lx.AREF})


@attrs.frozen(kw_only=True)
class Change:
    """One title put right: ``old`` became ``new`` at ``count`` mentions, the first at ``line`` and ``column``."""

    old: str
    new: str
    is_argument: bool
    line: int
    column: int
    count: int

    def __str__(self) -> str:
        def named(title: str) -> str:
            return f"<{title}>" if self.is_argument else f"[{title}]"

        times = "once" if self.count == 1 else f"{self.count} times"
        return f"{named(self.old)} -> {named(self.new)} ({times})"


@attrs.frozen(kw_only=True)
class Fixed:
    """The text after :func:`fix`, and what changed (nothing: the text as it was)."""

    text: str
    changes: tuple[Change, ...] = ()


def fix(text: str) -> Fixed:
    """Put right in ``text`` every reference to an undefined statement or argument whose title has exactly one
    close defined title (the ``undefined-reference`` check's suggestion), at each of its mentions. Comments, blank
    lines, line breaks and layout stay as they are: only the characters of those titles change.

    A text that does not read as Argdown, or whose fixed form would not read as the same document with the titles
    put right, comes back unchanged: a fix is made only where it is safe. So does a text with an ``@include``: the
    titles it refers to may be defined in the files it includes, which the text alone does not show.
    """
    body, start = (text[1:], 1) if text.startswith("\ufeff") else (text, 0)
    if "\r" in body or INCLUDE.search(body):
        # The reader reads Windows line breaks as Unix ones, and positions in the text would no longer match.
        return Fixed(text=text)
    try:
        doc = parse(body)
    except (Fault, ArgmapError):
        return Fixed(text=text)
    renames = _renames(doc)
    if not renames:
        return Fixed(text=text)
    tokens = lx.tokenize(body)
    pieces: list[str] = [text[:start]]
    done = 0
    mentions: dict[tuple[bool, str], list[int]] = {}
    for kind, first, last in zip(tokens.kinds, tokens.starts, tokens.ends, strict=False):
        if kind not in _STATEMENT_TITLES and kind not in _ARGUMENT_TITLES:
            continue
        is_argument = kind in _ARGUMENT_TITLES
        inner_start, inner_end = first + 1, last - (1 if kind in _REFERENCES else 2)
        raw = body[inner_start:inner_end]
        title = raw.strip()
        new = renames.get((is_argument, title))
        if new is None:
            continue
        at = inner_start + raw.index(title)
        pieces += [body[done:at], new]
        done = at + len(title)
        mentions.setdefault((is_argument, title), []).append(at)
    pieces.append(body[done:])
    fixed = "".join(pieces)
    if not _same_but_renamed(doc, fixed[start:], renames):
        return Fixed(text=text)
    changes = []
    for (is_argument, old), offsets in mentions.items():
        line = body.count("\n", 0, offsets[0]) + 1
        column = offsets[0] - body.rfind("\n", 0, offsets[0])
        new = renames[is_argument, old]
        changes.append(Change(old=old, new=new, is_argument=is_argument, line=line, column=column, count=len(offsets)))
    return Fixed(text=fixed, changes=tuple(changes))


def _renames(doc: Document) -> dict[tuple[bool, str], str]:
    """For each undefined statement and argument with one close defined title: (is it an argument, its title) to
    that title.
    """
    return {(is_argument, element.title): close[0] for element, is_argument, close in undefined(doc) if len(close) == 1}


def _same_but_renamed(before: Document, text: str, renames: dict[tuple[bool, str], str]) -> bool:
    """Whether ``text`` reads as ``before`` with the renamed elements merged into the ones they were renamed to
    (their order may change: a mistyped mention may come first).
    """
    try:
        after = parse(text)
    except (Fault, ArgmapError):
        return False
    gone_statements = {title for is_argument, title in renames if not is_argument}
    gone_arguments = {title for is_argument, title in renames if is_argument}
    return set(before.statements) - gone_statements == set(after.statements) and set(
        before.arguments
    ) - gone_arguments == set(after.arguments)
