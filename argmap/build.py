"""MapBuilder: build an ArgumentMap step by step in Python, with every mistake reported at once."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, TypeAlias

import attrs

from .errors import MapError, Problem, Subject
from .model import (
    Argument,
    ArgumentMap,
    ElementType,
    Inference,
    Quote,
    Relation,
    RelationKind,
    Section,
    Source,
    Statement,
)

__all__ = ["MapBuilder", "slugify"]

#: A quote as the builder takes it: a :class:`Quote`, or ``(source_id, text)``.
QuoteLike: TypeAlias = Quote | tuple[str, str]
#: One inference step as the builder takes it: an :class:`Inference`, or ``(premises, conclusion)``.
StepLike: TypeAlias = Inference | tuple[Iterable[str], str]

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile("['\u2019\u02bc]")
_SLUG_WORDS = 6


def slugify(text: str, *, fallback: str = "item") -> str:
    """A short, readable, ASCII id made from the first words of ``text``.

    >>> slugify("Moon's current policy may not work.")
    'moons-current-policy-may-not-work'
    """
    # Apostrophes join their word ("Moon's" -> "moons") rather than split it.
    text = _APOSTROPHES.sub("", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = _WORD.findall(ascii_text)[:_SLUG_WORDS]
    return "-".join(words) or fallback


class MapBuilder:
    """Builds an :class:`ArgumentMap` one element at a time.

    Every method that adds an element returns its id, to use in later calls. Relations have no id, and
    their ends may name elements added later, so relation methods return ``None``. Nothing is checked until
    :meth:`build`, which reports every problem at once in one :class:`MapError`.
    """

    def __init__(self, title: str = "", *, metadata: Mapping[str, Any] | None = None) -> None:
        self.title = title
        self.metadata = dict(metadata or {})
        self._sources: list[Source] = []
        self._sections: list[Section] = []
        self._statements: list[Statement] = []
        self._arguments: list[Argument] = []
        self._relations: list[tuple[Relation, bool, bool]] = []
        self._problems: list[Problem] = []
        self._taken: dict[str, set[str]] = {"statement": set(), "argument": set(), "section": set()}

    @classmethod
    def from_map(cls, m: ArgumentMap) -> MapBuilder:
        """A builder that starts from everything ``m`` holds, to add to it and build a new map: ids already taken
        stay taken, so that generated ids never clash with the map's.
        """
        builder = cls(m.title, metadata=m.metadata)
        builder._sources = list(m.sources)
        builder._sections = list(m.sections)
        builder._statements = list(m.statements)
        builder._arguments = list(m.arguments)
        # The map's relations name their end types already: nothing is left to infer when the builder builds.
        builder._relations = [(relation, False, False) for relation in m.relations]
        builder._taken = {
            "statement": {s.id for s in m.statements},
            "argument": {a.id for a in m.arguments},
            "section": {s.id for s in m.sections},
        }
        return builder

    def _new_id(self, namespace: str, id: str | None, text: str, fallback: str) -> str:
        taken = self._taken[namespace]
        if id is None:
            base = slugify(text, fallback=fallback)
            id, n = base, 1
            while id in taken:
                n += 1
                id = f"{base}-{n}"
        taken.add(id)
        return id

    def source(self, id: str, *, text: str, title: str = "") -> str:
        """Add a source text that statements can quote; returns ``id``."""
        self._sources.append(Source(id=id, text=text, title=title))
        return id

    def section(self, title: str, *, id: str | None = None, parent: str | None = None) -> str:
        """Add a section (a heading) that later elements can name with ``section=``; returns its id."""
        id = self._new_id("section", id, title, "section")
        self._sections.append(Section(id=id, title=title, parent=parent))
        return id

    def statement(
        self,
        text: str,
        *,
        id: str | None = None,
        quote: QuoteLike | None = None,
        quotes: Iterable[QuoteLike] = (),
        tags: Iterable[str] = (),
        data: Mapping[str, Any] | None = None,
        section: str | None = None,
    ) -> str:
        """Add a claim; returns its id, made from its text when not given.

        ``quote=("source-id", "verbatim excerpt")`` grounds it in a source; ``quotes=`` takes several.
        """
        id = self._new_id("statement", id, text, "statement")
        all_quotes = [*([quote] if quote is not None else []), *quotes]
        self._statements.append(
            Statement(
                id=id,
                text=text,
                tags=tags,
                quotes=tuple(q if isinstance(q, Quote) else Quote(*q) for q in all_quotes),
                data=data,
                section=section,
            )
        )
        return id

    def argument(
        self,
        premises: Iterable[str] = (),
        conclusion: str | None = None,
        *,
        id: str | None = None,
        text: str = "",
        rules: Iterable[str] = (),
        steps: Iterable[StepLike] = (),
        unused_premises: Iterable[str] = (),
        tags: Iterable[str] = (),
        scheme: str | None = None,
        data: Mapping[str, Any] | None = None,
        section: str | None = None,
    ) -> str:
        """Add an argument; returns its id.

        ``premises`` and ``conclusion`` (statement ids) give a one-step argument whose premises are linked.
        ``steps`` gives a longer chain instead. With neither, the argument is sketched: described, not
        reconstructed. Without an ``id``, one is made from ``text``, or from the conclusion's id. ``scheme``
        names the argumentation scheme it instantiates (see :mod:`argmap.schemes`).

        ``unused_premises`` (statement ids) are premises that the reconstruction lists but no step uses: they
        support nothing, and :func:`argmap.check` reports each as ``unused-premise``. Like the model, :meth:`build`
        refuses one on a sketched argument, one that is not a statement, and one that a step uses:

        >>> b = MapBuilder()
        >>> p, q, c = (b.statement(text, id=text) for text in "pqc")
        >>> b.argument([p], c, id="a", unused_premises=[q])
        'a'
        >>> b.build().argument("a").unused_premises
        ('q',)
        >>> _ = b.argument([p], c, id="b", unused_premises=[p])
        >>> b.build()
        Traceback (most recent call last):
        argmap.errors.MapError: b: unused premise 'p' is a premise or conclusion of a step
        """
        premises = tuple(premises)
        all_steps = [s if isinstance(s, Inference) else Inference(premises=tuple(s[0]), conclusion=s[1]) for s in steps]
        if conclusion is not None:
            all_steps.append(Inference(premises=premises, conclusion=conclusion, rules=tuple(rules)))
        seed = text or (f"for {all_steps[-1].conclusion}" if all_steps else "")
        id = self._new_id("argument", id, seed, "argument")
        if premises and conclusion is None:
            message = "premises were given but no conclusion"
            self._problems.append(Problem("argument-without-conclusion", message, Subject("argument", id)))
        self._arguments.append(
            Argument(
                id=id,
                text=text,
                steps=tuple(all_steps),
                unused_premises=unused_premises,
                tags=tags,
                scheme=scheme,
                data=data,
                section=section,
            )
        )
        return id

    def relation(
        self,
        source: str,
        target: str,
        kind: RelationKind | str,
        *,
        source_type: ElementType | str | None = None,
        target_type: ElementType | str | None = None,
    ) -> None:
        """Add a relation of any kind. Each end's type is looked up by id at :meth:`build` unless given."""
        kind = RelationKind(kind)
        if kind is RelationKind.UNDERCUT and target_type is None:
            target_type = ElementType.ARGUMENT
        relation = Relation(
            source=source,
            target=target,
            kind=kind,
            source_type=ElementType(source_type or ElementType.STATEMENT),
            target_type=ElementType(target_type or ElementType.STATEMENT),
        )
        self._relations.append((relation, source_type is None, target_type is None))

    def support(self, source: str, target: str, **types: ElementType | str | None) -> None:
        """``source`` gives reason to accept ``target``."""
        self.relation(source, target, RelationKind.SUPPORT, **types)

    def attack(self, source: str, target: str, **types: ElementType | str | None) -> None:
        """``source`` gives reason to reject ``target``."""
        self.relation(source, target, RelationKind.ATTACK, **types)

    def undercut(self, source: str, target: str, **types: ElementType | str | None) -> None:
        """``source`` denies that argument ``target``'s premises support its conclusion."""
        self.relation(source, target, RelationKind.UNDERCUT, **types)

    def contradiction(self, source: str, target: str, **types: ElementType | str | None) -> None:
        """``source`` and ``target`` cannot both be true."""
        self.relation(source, target, RelationKind.CONTRADICTION, **types)

    def contrary(self, source: str, target: str, **types: ElementType | str | None) -> None:
        """``source`` excludes ``target`` (they cannot both be true, but both may be false)."""
        self.relation(source, target, RelationKind.CONTRARY, **types)

    def entails(self, source: str, target: str, **types: ElementType | str | None) -> None:
        """``source`` logically implies ``target``."""
        self.relation(source, target, RelationKind.ENTAILS, **types)

    def build(self) -> ArgumentMap:
        """The finished map; raises :class:`MapError` listing every duplicate id, unknown id and empty text."""
        problems = list(self._problems)
        relations = []
        for relation, infer_source, infer_target in self._relations:
            relations.append(
                attrs.evolve(
                    relation,
                    source_type=self._end_type(relation, "source", problems) if infer_source else relation.source_type,
                    target_type=self._end_type(relation, "target", problems) if infer_target else relation.target_type,
                )
            )
        try:
            result = ArgumentMap(
                title=self.title,
                statements=self._statements,
                arguments=self._arguments,
                relations=relations,
                sections=self._sections,
                sources=self._sources,
                metadata=self.metadata,
            )
        except MapError as error:
            problems.extend(error.problems)
        if problems:
            raise MapError(problems)
        return result

    def _end_type(self, relation: Relation, end: str, problems: list[Problem]) -> ElementType:
        """Whether ``relation``'s ``end`` names a statement or an argument, reporting ids that name both."""
        id = relation.source if end == "source" else relation.target
        in_statements, in_arguments = id in self._taken["statement"], id in self._taken["argument"]
        if in_statements and in_arguments:
            problems.append(
                Problem(
                    "ambiguous-reference",
                    f"{id!r} names both a statement and an argument; pass {end}_type=",
                    Subject("relation", f"{relation.source} -> {relation.target}"),
                )
            )
        return ElementType.ARGUMENT if in_arguments else ElementType.STATEMENT
