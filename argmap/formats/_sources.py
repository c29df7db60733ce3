"""The source texts that interchange formats carry beside their maps: markup made plain, and statements quoting it."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import attrs

from ..model import INVALID_CHARACTERS, Quote, Source, Statement
from ..quotes import VerbatimText

__all__ = ["plain_text", "quoting"]

_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


def plain_text(markup: str) -> str:
    """The text of the HTML fragment that OVA and xAIF keep their source text as: line breaks for ``<br>`` and
    paragraph ends, other tags dropped, entities decoded, and characters a map cannot hold made spaces.
    """
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", markup)))
    return INVALID_CHARACTERS.sub(" ", text)


def quoting(statements: Iterable[Statement], source: Source) -> list[Statement]:
    """The statements, each quoting ``source`` where its text occurs there verbatim (unless it quotes already)."""
    verbatim = VerbatimText(source.text)
    return [
        s if s.quotes or s.text not in verbatim else attrs.evolve(s, quotes=[Quote(source.id, s.text)])
        for s in statements
    ]
