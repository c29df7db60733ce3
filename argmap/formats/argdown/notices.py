"""What the Argdown reader notices that a map cannot show: references to what the document never defines, numbers
of premise-conclusion structures out of place, and relations written from arguments that their reconstructions do
not back.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..._backing import Reasons, claim_of, unbacked_message
from ..._suggest import Suggestions
from ..._text import printable
from ...errors import Problem, Subject
from . import document as ad

__all__ = ["notices", "undefined"]


def undefined(doc: ad.Document) -> Iterator[tuple[ad.ParsedStatement | ad.ParsedArgument, bool, list[str]]]:
    """Each statement and argument that ``doc`` refers to but never defines (a statement no member gives a text, an
    argument without a description or a premise-conclusion structure), whether it is an argument, and the titles
    of those of its kind that ``doc`` defines which are close to its own: one typing slip away, or case.
    """
    statements = [s for s in doc.statements.values() if s.canonical is None]
    arguments = [a for a in doc.arguments.values() if a.canonical is None and not a.pcs]
    if not statements and not arguments:
        return
    for elements, every, is_argument in (
        (statements, doc.statements.values(), False),
        (arguments, doc.arguments.values(), True),
    ):
        left_out = {id(element) for element in elements}
        known = Suggestions(element.title for element in every if id(element) not in left_out)
        for element in elements:
            yield element, is_argument, known.close(element.title)


def notices(doc: ad.Document) -> list[tuple[int, Problem]]:
    """Every notice about ``doc`` (``undefined-reference``, ``pcs-numbering``, ``unbacked-relation``) with the
    offset in its text where its element, number or relation stands, in the document's order.
    """
    return sorted([*_undefined_references(doc), *_numbering(doc), *_unbacked(doc)], key=lambda pair: pair[0])


def _named(title: str, is_argument: bool) -> str:
    return f"<{printable(title)}>" if is_argument else f"[{printable(title)}]"


def _undefined_references(doc: ad.Document) -> Iterator[tuple[int, Problem]]:
    for element, is_argument, close in undefined(doc):
        kind = "argument" if is_argument else "statement"
        what = "a description or a premise-conclusion structure" if is_argument else "a text"
        hint = f"; did you mean {_alternatives([_named(t, is_argument) for t in close])}?" if close else ""
        message = f"{_named(element.title, is_argument)} is referred to but never given {what}{hint}"
        yield element.offset, Problem("undefined-reference", message, Subject(kind, element.title))


def _alternatives(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _numbering(doc: ad.Document) -> Iterator[tuple[int, Problem]]:
    for argument in doc.arguments.values():
        for place, (number, offset) in enumerate(argument.numbers, start=1):
            if number != place:
                written = ", ".join(f"({n})" for n, _ in argument.numbers)
                message = (
                    f"the premise-conclusion structure of <{printable(argument.title)}> numbers its statements "
                    f"{written}: statement {place} is numbered ({number}); number them (1), (2), (3)... in order"
                )
                yield offset, Problem("pcs-numbering", message, Subject("argument", argument.title))
                break


#: The Argdown relation kinds by which a statement stands for another; every other kind but undercut opposes it.
_SUPPORTING = frozenset({"support", "entails"})
_VERBS = {
    "support": "supports",
    "entails": "entails",
    "attack": "attacks",
    "contrary": "is contrary to",
    "contradictory": "contradicts",
}


def _unbacked(doc: ad.Document) -> Iterator[tuple[int, Problem]]:
    """The relations written from reconstructed arguments to statements that the arguments' conclusions do not back.

    The map keeps each as a relation between two statements, from the conclusion, which :func:`argmap.check` cannot
    tell from one the author wrote; one to an argument it keeps as a relation from the conclusion to the argument,
    and ``check`` judges that, by the same rule.
    """
    if not doc.moved:
        return
    moved = {id(relation) for relation, *_ in doc.moved}
    statements = doc.statements

    def claim(title: str) -> str:
        canonical = statements[title].canonical
        return claim_of((canonical.text if canonical is not None else "") or title)

    reasons = Reasons(claim)
    for relation in doc.relations:
        source, target = relation.source, relation.target
        if id(relation) in moved or relation.kind == "undercut":
            continue  # evidence is what the author wrote between statements
        if isinstance(source, ad.ParsedStatement) and isinstance(target, ad.ParsedStatement):
            kind = relation.kind
            reasons.add(source.title, target.title, support=kind in _SUPPORTING, symmetric=kind == "contradictory")
    for relation, argument, kind, offset in doc.moved:
        target = relation.target
        if kind == "undercut" or not isinstance(target, ad.ParsedStatement):
            continue
        said = argument.pcs[-1].title
        if not reasons.back(said, reasons.claims([target.title]), support=kind in _SUPPORTING):
            message = unbacked_message(
                _named(argument.title, True),
                _VERBS[kind],
                _named(target.title, False),
                _named(said, False),
                to_argument=False,
                support=kind in _SUPPORTING,
            )
            yield offset, Problem("unbacked-relation", message, Subject("argument", argument.title))
