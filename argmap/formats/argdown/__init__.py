"""Argdown, the plain-text syntax of argument mappers: read as the reference implementation (@argdown/cli 1.7.5)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from ..._io import read_text
from ..._lazy import lazy_names
from ...model import ArgumentMap
from .build import to_map
from .include import expand, normal_text
from .lexer import Fault
from .parser import parse
from .syntax import RESERVED_KEYS, SPACES

if TYPE_CHECKING:
    from .fixes import Change, Fixed, fix
    from .normal_form import normalise
    from .writer import INEXPRESSIBLE, MAX_NESTING, dumps

__all__ = [
    "INEXPRESSIBLE",
    "MAX_NESTING",
    "RESERVED_KEYS",
    "SPACES",
    "Change",
    "Fixed",
    "dumps",
    "fix",
    "load",
    "loads",
    "normalise",
]

#: The names of the writer, the fixes and the normal form, by module: each is imported when one of its names is first
#: asked for, so that a command that only reads Argdown (argmap check, say) loads none of them.
_LAZY: Final = {
    **dict.fromkeys(("INEXPRESSIBLE", "MAX_NESTING", "dumps"), "writer"),
    **dict.fromkeys(("Change", "Fixed", "fix"), "fixes"),
    "normalise": "normal_form",
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


def loads(
    text: str,
    *,
    path: str | None = None,
    base: str | os.PathLike[str] | None = None,
    include_roots: Iterable[str | os.PathLike[str]] | None = None,
) -> ArgumentMap:
    """Read a map from Argdown text, as the reference implementation (``@argdown/cli`` 1.7.5) reads it.

    Statements are the reference's equivalence classes: their ids are Argdown titles (``Untitled 1``, ``Untitled 2``
    ... for untitled ones, numbered as the reference numbers them) and their text is that of the last definition
    (or the one marked ``{isCanonical: true}``). Arguments keep their titles as ids and their descriptions as text;
    each inference line of a premise-conclusion structure is one :class:`~argmap.Inference`. Relations are derived
    as the reference derives them (an argument's relations leave from its conclusion once it is reconstructed; in
    strict mode support between statements is entailment and attack is contrariety), and come in the document order
    of their relation symbols; statements and arguments come in the order of their first mention. Headings become
    sections ``s1``, ``s2``...; the frontmatter's ``title`` becomes the map's title and the rest its metadata.

    Some YAML data keys become fields of the model instead of data: ``sources`` in the frontmatter (a list of
    ``{id, text, title}``), ``quotes`` of a statement (a list of ``{source, text}``), ``scheme`` of an argument,
    ``id`` of a heading, ``uses`` (or ``from``) of an inference (the numbers of its premises); see
    :doc:`/argdown`. Every statement, argument, relation and section remembers where it was written
    (``location``).

    ``@include(file)`` reads the text of ``file`` where the directive stands, relative to ``base`` (the directory
    of the text; then of each included file), from inside the directory trees ``include_roots`` (by default
    ``base``); see :func:`load`. Text with an include and no ``base`` is a :class:`~argmap.ParseError`.

    Text that is not Argdown raises :class:`~argmap.ParseError` with the line and column at fault; ``path`` names the
    file in it. A map that the model cannot hold (such as an id over :data:`~argmap.model.MAX_NAME_LENGTH`
    characters) raises :class:`~argmap.MapError`, each of its problems with its code and the ``location`` of the
    element at fault. Reading takes time linear in the length of the text (and of the files it includes).
    """
    lines = expand(normal_text(text), path, base, include_roots)
    try:
        return to_map(parse(lines.text), lines)
    except Fault as fault:
        raise lines.error(fault.message, fault.offset) from None


def load(path: str | os.PathLike[str], *, include_roots: Iterable[str | os.PathLike[str]] | None = None) -> ArgumentMap:
    """Read a map from an Argdown file, as :func:`loads` reads its text, with its ``@include(file)`` directives
    read as the reference's command reads them: ``file`` is relative to the including file, an included file may
    include others, and a file included a second time reads as nothing. An include that would read a file outside
    the directory trees ``include_roots`` (by default the directory of ``path``; symbolic links are followed), a
    file that includes itself (directly or through others), a missing file and one that is not UTF-8 are each a
    :class:`~argmap.ParseError` at the include. Every element's ``location`` names the file it was written in, and
    so does a :class:`~argmap.ParseError` in an included file.
    """
    name = os.fspath(path)
    return loads(read_text(name), path=name, base=os.path.dirname(os.path.abspath(name)), include_roots=include_roots)
