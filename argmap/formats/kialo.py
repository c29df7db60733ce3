"""Kialo's text export, a discussion's pro/con tree of numbered claims: reading argument maps."""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from ..errors import Location, ParseError
from ..model import ArgumentMap, Relation, RelationKind, Statement

__all__ = ["loads", "sniff"]

_TITLE: Final = "Discussion Title:"
# "1.2.3. Pro: text": the claim's number, its stance towards its parent, and the first line of its text.
_CLAIM = re.compile(r"((?:\d+\.)+) (?:((?i:pro|con)): )?(.*)")
_LINK = re.compile(r"-> See ((?:\d+\.)+)\s*")
# Kialo escapes the Markdown characters of a claim's text with a backslash.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_STANCES: Final = {"Pro": RelationKind.SUPPORT, "Con": RelationKind.ATTACK, None: RelationKind.ENTAILS}
#: Where a map read from Kialo keeps what the model has no place for: the linked claims' own numbers.
_LAYER: Final = "kialo"


class _Claim(NamedTuple):
    number: str  # "1.2.3.", as Kialo writes it
    stance: str | None
    lines: list[str]
    line: int


def sniff(text: str) -> bool:
    """Whether ``text`` starts as Kialo's export does, with the discussion's title."""
    return text.lstrip("\ufeff").startswith(_TITLE)


def _id(number: str) -> str:
    return number[:-1]


def _claims(text: str, path: str | None) -> tuple[str, list[_Claim]]:
    """The discussion's title and its claims in order, each with the lines of its text."""
    lines = text.removeprefix("\ufeff").splitlines()
    title, first = "", 0
    if lines and lines[0].startswith(_TITLE):
        title, first = lines[0][len(_TITLE) :].strip(), 1
    claims: list[_Claim] = []
    seen: set[str] = set()
    for n, line in enumerate(lines[first:], first + 1):
        match = _CLAIM.fullmatch(line.rstrip())
        number = match[1] if match else ""
        parent = number[: number.rfind(".", 0, -1) + 1]
        # A numbered line starts a claim only where its parent is known (a discussion has one thesis): otherwise it
        # is a list inside a text.
        if match and (parent in seen if parent else not claims):
            if number in seen:
                raise ParseError(f"the claim {number} is numbered twice", path=path, line=n)
            seen.add(number)
            stance = match[2].capitalize() if parent and match[2] else None
            first_line = match[3] if parent or match[2] is None else f"{match[2]}: {match[3]}"
            claims.append(_Claim(number, stance, [first_line], n))
        elif claims:
            claims[-1].lines.append(line.strip())
        elif line.strip():
            raise ParseError("expected a numbered claim such as '1. The thesis'", path=path, line=n)
    if not claims:
        raise ParseError("a Kialo discussion has at least its thesis, numbered '1.'", path=path, line=len(lines) or 1)
    return title, claims


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from Kialo's text export (``Discussion Title: ...``, then claims numbered ``1.``, ``1.1.``...,
    each below the thesis with its stance, ``Pro:`` or ``Con:``); ``path`` only names the file in errors.

    Each claim becomes a statement whose id is its number (``1.2.3``), supporting (pro) or attacking (con) the
    claim it stands under; a claim without a stance restates it (entails). A linked claim (``-> See 1.4.2.``) is
    the claim it names, related once more; its own number is kept in ``metadata["kialo"]["links"]``. A text may
    run over several lines; Kialo's backslash escapes are undone, its Markdown is kept.

    Raises :class:`~argmap.ParseError` for text before the first claim, a number given twice or a link to no
    claim, and :class:`~argmap.MapError` for what the model refuses (an empty claim).
    """
    title, claims = _claims(text, path)
    # A linked claim stands for the claim it names, which may come later, or be a link itself.
    links: dict[str, str] = {}
    for claim in claims:
        link = _LINK.fullmatch(_text(claim))
        if link is not None:
            links[claim.number] = link[1]
    known = {claim.number for claim in claims}
    resolved: dict[str, str] = {}
    for claim in claims:
        # Each link is followed once: the chain walked is resolved as a whole, and later walks stop where it did.
        number = claim.number
        chain: dict[str, None] = {}
        while number in links and number not in resolved:
            chain[number] = None
            number = links[number]
            if number not in known or number in chain:
                problem = "names no claim" if number not in known else "leads back to itself"
                raise ParseError(f"the link of {claim.number} {problem}", path=path, line=claim.line)
        end = resolved.get(number, number)
        resolved.update(dict.fromkeys(chain, end))
        resolved[claim.number] = end
    statements = [
        Statement(
            id=_id(claim.number),
            text=_text(claim),
            data={_LAYER: {"stance": claim.stance.lower() if claim.stance else None}},
            location=Location(claim.line, 1, path),
        )
        for claim in claims
        if claim.number not in links
    ]
    relations = []
    for claim in claims:
        parent = claim.number[: claim.number.rfind(".", 0, -1) + 1]
        if parent:
            relations.append(
                Relation(
                    source=_id(resolved[claim.number]),
                    target=_id(resolved[parent]),
                    kind=_STANCES[claim.stance],
                    location=Location(claim.line, 1, path),
                )
            )
    metadata = {_LAYER: {"links": [{"number": _id(n), "claim": _id(resolved[n])} for n in links]}} if links else {}
    return ArgumentMap(title=title, statements=statements, relations=relations, metadata=metadata)


def _text(claim: _Claim) -> str:
    """A claim's text: its lines joined, blank ends dropped, escapes undone."""
    return _ESCAPED.sub(r"\1", "\n".join(claim.lines).strip())
