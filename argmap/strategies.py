"""Hypothesis strategies that generate valid argument maps, for property tests of code built on argmap."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import attrs

from .boxes import BOX_LENGTH
from .formats.argdown import normalise
from .model import (
    INVALID_CHARACTERS,
    INVALID_IN_NAMES,
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


def _hypothesis_setup_hook() -> None:
    """Make ``st.from_type(ArgumentMap)`` draw from :func:`argument_maps`; hypothesis calls this on import.

    It is defined before this module imports hypothesis: importing this module first imports hypothesis, which
    runs its plugins, this one included, while the module is still half-initialised.
    """
    from hypothesis import strategies

    strategies.register_type_strategy(ArgumentMap, lambda _: argument_maps())


from hypothesis import strategies as st  # noqa: E402 (after the hook; see there)

__all__ = [
    "argument_maps",
    "arguments",
    "data",
    "ids",
    "inferences",
    "json_values",
    "quotes",
    "relations",
    "sections",
    "sources",
    "statement_texts",
    "statements",
]


def _allowed(rule: re.Pattern[str]) -> st.SearchStrategy[str]:
    """The characters that ``rule``, one of the model's, lets through: derived from it so that the two cannot drift
    apart. Every character the model refuses is in the Basic Multilingual Plane (controls, noncharacters such as
    U+FFFE, bidirectional controls in names, and the surrogates, which the utf-8 codec excludes anyway).
    """
    # Without the surrogates, which would only lengthen the strategy's description (hypothesis prints it).
    plane = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x10000)]))
    return st.characters(codec="utf-8", exclude_characters="".join(rule.findall(plane)))


_CHARACTERS = _allowed(INVALID_CHARACTERS)
_NAME_CHARACTERS = _allowed(INVALID_IN_NAMES)

_WORDS = [
    "Moon's",
    "policy",
    "may",
    "not",
    "work",
    "the",
    "North",
    "Russia",
    "China",
    "Japan",
    "sanctions",
    "Kim",
    "Trump",
    "deal",
    "talks",
    "summit",
    "isolation",
    "leverage",
    "ties",
    "alignment",
    "criticism",
    "home",
    "urgent",
    "better",
    "approach",
    "because",
    "therefore",
    "however",
]
_PROSE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join)

_MAX_ID_LENGTH = 20
_MAX_LABEL_LENGTH = 12
_MAX_TAGS = 2
# A diagram's box shows an element's id, text and tags, counting two characters of framing for each (see
# argmap.boxes). The longest text here that no box cuts fills one beside the longest id and tags drawn here, with
# spaces to wrap at; the long text is the longest of a real corpus (an I-node of the IAC corpus), which every box
# cuts. These, and arbitrary texts repeated past a box, are the boundaries that renderers must survive.
_WHOLE_LENGTH = BOX_LENGTH - (_MAX_ID_LENGTH + 2) - _MAX_TAGS * (_MAX_LABEL_LENGTH + 2) - 2
_LONGEST_WHOLE_TEXT = ("a long claim " * (_WHOLE_LENGTH // 13 + 1))[: _WHOLE_LENGTH - 1] + "."
_LONG_TEXT = ("a very long claim " * 1811)[:32_595] + "."


def _valid_text(text: str) -> bool:
    return bool(text.strip()) and not INVALID_CHARACTERS.search(text)


@functools.cache
def statement_texts(*, max_size: int = 80) -> st.SearchStrategy[str]:
    """Texts the model accepts for a statement: readable prose, arbitrary Unicode, and rarely long texts: the
    longest that a diagram's box shows whole, one of 32,596 characters, or arbitrary text repeated past a box's
    :data:`~argmap.boxes.BOX_LENGTH`, which diagrams show cut.

    Arbitrary texts include quotes, ``<...>``, backslashes, tabs, line breaks and any non-control character, so
    they exercise escaping (and cutting) in renderers and writers. Every text is non-empty after stripping and has
    none of the characters the model refuses (C0 controls other than tab and line breaks, DEL, lone surrogates)::

        >>> from hypothesis import given
        >>> from argmap import ArgumentMap, Statement
        >>> @given(statement_texts())
        ... def test_the_model_accepts(text):
        ...     assert ArgumentMap(statements=[Statement(id="s", text=text)]).statement("s").text == text
        >>> test_the_model_accepts()
    """
    arbitrary = st.text(_CHARACTERS, min_size=1, max_size=max_size).filter(str.strip)
    # Repeated rather than drawn character by character: a long text costs hypothesis no more than a short one.
    long_arbitrary = arbitrary.map(lambda text: text * (BOX_LENGTH // len(text) + 1))
    long = st.sampled_from([_LONGEST_WHOLE_TEXT, _LONG_TEXT]) | long_arbitrary
    return st.integers(0, 15).flatmap(lambda n: _PROSE if n < 8 else arbitrary if n < 15 else long)


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Ids the model accepts: short slugs such as ``s-1``, and arbitrary stripped Unicode (spaces inside too)."""
    slugs = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
    arbitrary = st.text(_NAME_CHARACTERS, min_size=1, max_size=_MAX_ID_LENGTH).map(str.strip).filter(bool)
    return slugs | arbitrary


@functools.cache
def _labels() -> st.SearchStrategy[str]:
    """Tags and inference rule names: short, non-empty, no control characters."""
    return st.sampled_from(_WORDS) | st.text(_NAME_CHARACTERS, min_size=1, max_size=_MAX_LABEL_LENGTH).filter(str.strip)


@functools.cache
def json_values(*, max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """Values that survive a JSON round trip unchanged: ``None``, booleans, integers, finite floats, strings
    (any character but lone surrogates), lists and string-keyed dicts of these.
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=12)
    )
    return st.recursive(
        scalars,
        lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
        max_leaves=max_leaves,
    )


@functools.cache
def data() -> st.SearchStrategy[dict[str, Any]]:
    """The ``data`` of an element or the ``metadata`` of a map: a small dict of :func:`json_values`, often empty."""
    return st.just({}) | st.dictionaries(st.text(max_size=8), json_values(), min_size=1, max_size=3)


def _optional_text(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.just("") | text


def _texts(text: st.SearchStrategy[str] | None) -> st.SearchStrategy[str]:
    # A caller's own strategy may produce texts the model refuses; dropping them keeps every map valid.
    return statement_texts() if text is None else text.filter(_valid_text)


@functools.cache
def sources() -> st.SearchStrategy[Source]:
    """A :class:`~argmap.Source`: an id, a text of one or more paragraphs, and an optional title."""
    paragraphs = st.lists(statement_texts(max_size=200), min_size=1, max_size=3).map("\n\n".join)
    return st.builds(Source, id=ids(), text=paragraphs, title=_optional_text(_PROSE))


@st.composite
def quotes(draw: st.DrawFn, sources: Sequence[Source]) -> Quote:
    """A :class:`~argmap.Quote` of one of ``sources`` (at least one): half the time a verbatim excerpt of its
    text, otherwise an arbitrary text that the ``quote-not-found`` check should report.
    """
    source = draw(st.sampled_from(sources))
    if draw(st.booleans()):
        return Quote(source.id, draw(statement_texts()))
    start = draw(st.integers(0, len(source.text) - 1))
    excerpt = source.text[start : draw(st.integers(start + 1, len(source.text)))]
    return Quote(source.id, excerpt if excerpt.strip() else source.text)


@st.composite
def sections(
    draw: st.DrawFn, parents: Sequence[str] = (), *, id: str | None = None, text: st.SearchStrategy[str] | None = None
) -> Section:
    """A :class:`~argmap.Section` with data, nested in one of ``parents`` (ids of earlier sections) or at the top
    level.
    """
    parent = draw(st.none() | st.sampled_from(parents)) if parents else None
    id = draw(ids()) if id is None else id
    return Section(id=id, title=draw(_texts(text)), parent=parent, data=draw(data()))


@st.composite
def statements(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    sources: Sequence[Source] = (),
    sections: Sequence[str] = (),
    text: st.SearchStrategy[str] | None = None,
) -> Statement:
    """A :class:`~argmap.Statement` with tags and data, quoting ``sources`` and placed in one of ``sections``
    (section ids) when they are given. ``id`` fixes its id; ``text`` replaces :func:`statement_texts`.
    """
    id = draw(ids()) if id is None else id
    tags = draw(st.lists(_labels(), max_size=_MAX_TAGS))
    return Statement(
        id=id,
        text=draw(_texts(text)),
        tags=tags,
        quotes=draw(st.lists(quotes(sources), max_size=2)) if sources else (),
        data=draw(data()),
        section=draw(st.none() | st.sampled_from(sections)) if sections else None,
    )


def inferences(statement_ids: Sequence[str]) -> st.SearchStrategy[Inference]:
    """An :class:`~argmap.Inference` among ``statement_ids`` (at least one): up to three linked premises (possibly
    none, which the ``argument-without-premises`` check reports), a conclusion, and optional rule names.
    """
    statement_id = st.sampled_from(statement_ids)
    return st.builds(
        Inference,
        premises=st.lists(statement_id, max_size=3, unique=True),
        conclusion=statement_id,
        rules=st.lists(_labels(), max_size=_MAX_TAGS),
        data=data(),
    )


@st.composite
def arguments(
    draw: st.DrawFn,
    statement_ids: Sequence[str] = (),
    *,
    id: str | None = None,
    sections: Sequence[str] = (),
    text: st.SearchStrategy[str] | None = None,
) -> Argument:
    """An :class:`~argmap.Argument` reconstructed over ``statement_ids`` in up to three steps, later steps often
    building on the conclusion of the one before, sometimes listing premises that no step uses; sketched (no steps)
    when ``statement_ids`` is empty or by chance.
    """
    steps: list[Inference] = []
    if statement_ids:
        for inference in draw(st.lists(inferences(statement_ids), max_size=3)):
            if steps and steps[-1].conclusion not in inference.premises and draw(st.booleans()):
                inference = attrs.evolve(inference, premises=(*inference.premises, steps[-1].conclusion))
            steps.append(inference)
    unused: list[str] = []
    if steps:
        mentioned = {id for step in steps for id in (*step.premises, step.conclusion)}
        spare = [id for id in statement_ids if id not in mentioned]
        unused = draw(st.lists(st.sampled_from(spare), max_size=2, unique=True)) if spare else []
    id = draw(ids()) if id is None else id
    tags = draw(st.lists(_labels(), max_size=_MAX_TAGS))
    return Argument(
        id=id,
        text=draw(_optional_text(_texts(text))),
        steps=steps,
        unused_premises=unused,
        tags=tags,
        scheme=draw(st.none() | _labels()),
        data=draw(data()),
        section=draw(st.none() | st.sampled_from(sections)) if sections else None,
    )


def relations(statement_ids: Sequence[str] = (), argument_ids: Sequence[str] = ()) -> st.SearchStrategy[Relation]:
    """A :class:`~argmap.Relation` of any kind between the given elements, with the end types set: an undercut
    always targets an argument, the other kinds join statements and arguments freely. Self-relations and repeats
    can occur; they are valid maps that the checks report on.
    """
    ends = [(ElementType.STATEMENT, i) for i in statement_ids] + [(ElementType.ARGUMENT, i) for i in argument_ids]
    if not ends:
        raise ValueError("relations() needs at least one statement or argument id")
    any_end = st.sampled_from(ends)
    targets: dict[RelationKind, st.SearchStrategy[tuple[ElementType, str]]] = {
        kind: any_end for kind in RelationKind if kind is not RelationKind.UNDERCUT
    }
    if argument_ids:
        targets[RelationKind.UNDERCUT] = st.sampled_from([(ElementType.ARGUMENT, i) for i in argument_ids])
    kinds = st.sampled_from(list(targets))

    @st.composite
    def relation(draw: st.DrawFn) -> Relation:
        kind = draw(kinds)
        source_type, source = draw(any_end)
        target_type, target = draw(targets[kind])
        return Relation(source=source, target=target, kind=kind, source_type=source_type, target_type=target_type)

    return relation()


def argument_maps(
    *,
    min_statements: int = 0,
    max_statements: int = 12,
    max_arguments: int = 6,
    max_relations: int = 12,
    sources: bool = True,
    sections: bool = True,
    text: st.SearchStrategy[str] | None = None,
    argdown: bool = False,
) -> st.SearchStrategy[ArgumentMap]:
    """Valid :class:`~argmap.ArgumentMap` instances: every id unique in its namespace, every reference intact.

    Maps have between ``min_statements`` and ``max_statements`` statements, up to ``max_arguments`` arguments
    (sketched or reconstructed in several steps) and up to ``max_relations`` relations of every kind. With
    ``sources`` they may quote up to two source texts (verbatim excerpts and arbitrary ones); with ``sections``
    their elements may sit in nested sections. Statement and argument ids sometimes coincide, as Argdown allows.
    ``text`` is a strategy for the texts of statements, argument descriptions, section titles and the map's title;
    texts that the model refuses are filtered out. Maps are *valid*, not necessarily *clean*: :func:`argmap.check`
    may well report circular support, self-attacks or unquoted statements on them, which is what property tests
    want.

    With ``argdown``, maps are only those that Argdown holds unchanged: :func:`argmap.formats.argdown.dumps` writes
    them and the Argdown reader reads them back equal. Each map is drawn as above, then changed as little as it
    takes by :func:`argmap.formats.argdown.normalise`.

    Use it in your own tests, or through ``st.from_type(ArgumentMap)``, which this module registers::

        >>> from hypothesis import given, settings
        >>> from argmap.formats import dumps, loads
        >>> @settings(max_examples=20)
        ... @given(argument_maps(max_statements=5))
        ... def test_json_round_trip(m):
        ...     assert loads(dumps(m)) == m
        >>> test_json_round_trip()
    """
    if not 0 <= min_statements <= max_statements:
        raise ValueError(f"need 0 <= min_statements <= max_statements, got {min_statements} and {max_statements}")
    if max_arguments < 0 or max_relations < 0:
        raise ValueError("max_arguments and max_relations must not be negative")
    maps = _argument_maps((min_statements, max_statements, max_arguments, max_relations), sources, sections, text)
    return maps.map(normalise) if argdown else maps


@st.composite
def _argument_maps(
    draw: st.DrawFn,
    sizes: tuple[int, int, int, int],
    with_sources: bool,
    with_sections: bool,
    text: st.SearchStrategy[str] | None,
) -> ArgumentMap:
    min_statements, max_statements, max_arguments, max_relations = sizes
    source_list = draw(st.lists(sources(), max_size=2, unique_by=lambda s: s.id)) if with_sources else []
    section_ids = draw(st.lists(ids(), max_size=3, unique=True)) if with_sections else []
    section_list = [draw(sections(section_ids[:n], id=i, text=text)) for n, i in enumerate(section_ids)]
    statement_ids = draw(st.lists(ids(), min_size=min_statements, max_size=max_statements, unique=True))
    statement_list = [
        draw(statements(id=i, sources=source_list, sections=section_ids, text=text)) for i in statement_ids
    ]
    # Drawing some argument ids from the statement ids makes the two namespaces overlap, as in real documents.
    argument_id = ids() | st.sampled_from(statement_ids) if statement_ids else ids()
    argument_ids = draw(st.lists(argument_id, max_size=max_arguments, unique=True))
    argument_list = [draw(arguments(statement_ids, id=i, sections=section_ids, text=text)) for i in argument_ids]
    relation_list = (
        draw(st.lists(relations(statement_ids, argument_ids), max_size=max_relations))
        if statement_ids or argument_ids
        else []
    )
    return ArgumentMap(
        title=draw(_optional_text(_texts(text))),
        statements=statement_list,
        arguments=argument_list,
        relations=relation_list,
        sections=section_list,
        sources=source_list,
        metadata=draw(data()),
    )
