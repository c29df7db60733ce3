"""Argdown, the plain-text syntax of argument mappers: read as the reference implementation (@argdown/cli 1.7.5)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

from ...model import ArgumentMap
from .build import Lines, to_map
from .lexer import Fault
from .parser import parse
from .syntax import RESERVED_KEYS, SPACES

if TYPE_CHECKING:
    from .fix import Change, Fixed, fix
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
    "loads",
    "normalise",
]

#: The names of the writer, the fixes and the normal form, by module: each is imported when one of its names is first
#: asked for, so that a command that only reads Argdown (argmap check, say) loads none of them.
_LAZY: Final = {
    **dict.fromkeys(("INEXPRESSIBLE", "MAX_NESTING", "dumps"), "writer"),
    **dict.fromkeys(("Change", "Fixed", "fix"), "fix"),
    "normalise": "normal_form",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    # Kept here, and so found before this hook from now on: importing the module ``fix`` bound the package's name
    # ``fix`` to the module, where the function of that name belongs.
    globals()[name] = value
    return value


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
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

    Text that is not Argdown raises :class:`~argmap.ParseError` with the line and column at fault; ``path`` names the
    file in it. A map that the model cannot hold (such as an id over :data:`~argmap.model.MAX_NAME_LENGTH`
    characters) raises :class:`~argmap.MapError`, each of its problems with its code and the ``location`` of the
    element at fault. Reading takes time linear in the length of the text.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        # Windows and old Mac line breaks read as Unix ones. The reference's patterns for YAML blocks and empty lines
        # know only "\n", so it reads a Windows file's data blocks as text; lines and columns stay the same.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = Lines(text, path)
    try:
        return to_map(parse(text), lines)
    except Fault as fault:
        raise lines.error(fault.message, fault.offset) from None
