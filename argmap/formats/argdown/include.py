"""Argdown's ``@include(path)``: other files' text read where the directive stands, as the reference's CLI reads it."""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from ..._io import read_text
from ..._text import printable
from ...errors import Location, ParseError
from .build import Lines

__all__ = ["INCLUDE", "Included", "expand", "normal_text"]

#: The directive, found anywhere in the text (comments and data included), as the reference's IncludePlugin finds it.
INCLUDE: Final = re.compile(r"@include\(([^)]+)\)")


def normal_text(text: str) -> str:
    """``text`` without a byte order mark, with Unix line breaks: the reference's patterns for YAML blocks and
    empty lines know only ``\\n``, so it reads a Windows file's data blocks as text; lines and columns stay the same.
    """
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class Included(Lines):
    """The lines of a text made of several files: each offset is located in the file its character comes from."""

    def __init__(self, text: str, pieces: list[tuple[int, int, Lines]]) -> None:
        super().__init__(text, pieces[0][2].path)
        # (where a piece starts in the whole text, where it starts in its file, that file's lines), in text order
        self.pieces = pieces
        self.starts = [start for start, _, _ in pieces]

    def _piece(self, offset: int) -> tuple[int, Lines]:
        """The offset in its own file of the character at ``offset`` of the whole text, and that file's lines."""
        start, inner, lines = self.pieces[max(bisect.bisect_right(self.starts, offset) - 1, 0)]
        return inner + offset - start, lines

    def locations(self, offsets: list[int]) -> list[Location]:
        # Grouped by file, so that each file's lines are counted once, in one pass over its offsets.
        by_file: dict[int, tuple[Lines, list[int], list[int]]] = {}
        for index, offset in enumerate(offsets):
            inner, lines = self._piece(offset)
            _, places, inners = by_file.setdefault(id(lines), (lines, [], []))
            places.append(index)
            inners.append(inner)
        found: list[Location] = [None] * len(offsets)  # type: ignore[list-item]  # (each is set below)
        for lines, places, inners in by_file.values():
            for index, location in zip(places, lines.locations(inners), strict=True):
                found[index] = location
        return found

    def error(self, message: str, offset: int) -> ParseError:
        inner, lines = self._piece(offset)
        return lines.error(message, inner)


class _File:
    """A file being read for its includes: its lines, its real path (``None`` for text that is no file), the
    directory its includes are relative to, how far it is read, and where the include that read it stands.
    """

    __slots__ = ("at", "directory", "lines", "real", "site")

    def __init__(self, lines: Lines, real: str | None, directory: str, site: int) -> None:
        self.lines = lines
        self.real = real
        self.directory = directory
        self.at = 0
        self.site = site


def expand(
    text: str, path: str | None, base: str | os.PathLike[str] | None, roots: Iterable[str | os.PathLike[str]] | None
) -> Lines:
    """The lines of ``text`` with each ``@include(path)`` replaced by the text of the file it names, relative to the
    including file (``base`` for ``text`` itself), as the reference reads it: an include inside an included file is
    read too, and a file already included reads as nothing the second time. Unlike the reference, a file that
    includes itself (through others or not) is a :class:`~argmap.ParseError` naming both includes, and so is a file
    outside the directory trees of ``roots`` (by default ``base``), a missing one or one that is not UTF-8.

    ``text`` must be in :func:`normal_text` form; each included file is put in it.
    """
    first = INCLUDE.search(text)
    if first is None:
        return Lines(text, path)
    if base is None:
        raise Lines(text, path).error(
            f"{first.group()} reads a file relative to the document's own, and this text comes from no file: "
            "read the file with argmap.load(path), or give the directory it is relative to (base=)",
            first.start(),
        )
    directory = os.path.abspath(base)
    allowed = list(dict.fromkeys(Path(os.path.realpath(root)) for root in ([directory] if roots is None else roots)))
    main_real = None if path is None else os.path.realpath(path)
    stack = [_File(Lines(text, path), main_real, directory, 0)]
    on_stack = {} if main_real is None else {main_real: 0}
    seen: set[str] = set()
    chunks: list[str] = []
    pieces: list[tuple[int, int, Lines]] = []
    length = 0
    while stack:
        file = stack[-1]
        own = file.lines.text
        found = INCLUDE.search(own, file.at)
        end = len(own) if found is None else found.start()
        if end > file.at or not pieces:
            pieces.append((length, file.at, file.lines))
            chunks.append(own[file.at : end])
            length += end - file.at
        if found is None:
            stack.pop()
            if file.real is not None:
                on_stack.pop(file.real, None)
            continue
        file.at = found.end()
        name = found.group(1)
        # Named as the including file is named (relative where it is), for messages and locations.
        parent = directory if file.lines.path is None else os.path.dirname(file.lines.path)
        shown = os.path.normpath(os.path.join(parent, name))
        absolute = os.path.join(file.directory, name)
        try:
            real = os.path.realpath(absolute)
        except ValueError:  # a NUL byte
            raise file.lines.error(f"{found.group()} names no file: {printable(name)!r}", found.start()) from None
        if real in on_stack:
            raise file.lines.error(_cycle(found.group(), stack, on_stack[real]), found.start())
        if real in seen:
            continue  # as the reference: each file is included once, to stop endless loops
        if not any(Path(real).is_relative_to(root) for root in allowed):
            where = " or ".join(os.fspath(root) for root in allowed)
            raise file.lines.error(
                f"{found.group()} reads {shown}, outside the directory its includes may read from ({where})",
                found.start(),
            )
        try:
            included = normal_text(read_text(absolute))
        except OSError as error:
            raise file.lines.error(
                f"{found.group()}: cannot read {shown}: {error.strerror or error}", found.start()
            ) from None
        except ParseError as error:
            error.path = shown
            raise
        seen.add(real)
        on_stack[real] = len(stack)
        stack.append(_File(Lines(included, shown), real, os.path.dirname(absolute), found.start()))
    return Included("".join(chunks), pieces)


def _cycle(directive: str, stack: Sequence[_File], index: int) -> str:
    """Why ``directive`` may not read the file at ``index`` of ``stack``: that file includes, through the files
    above it, the one that holds the directive.
    """
    target = stack[index].lines
    name = target.path or "the document"
    if index + 1 == len(stack):
        return f"include cycle: {directive} includes {name}, the file it stands in"
    line, column = target.position(stack[index + 1].site)
    return (
        f"include cycle: {directive} includes {name} again, whose include at {name}:{line}:{column} leads here; "
        "a file cannot include itself"
    )
