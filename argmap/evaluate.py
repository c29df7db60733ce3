"""Evaluate a map with Dung's acceptability semantics: the map as a framework, its labellings, their reasons, and
whether one element is accepted in some or every labelling.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

from ._gc import gc_paused, pauses_gc
from ._per_element import table_problems
from ._text import printable
from .af import SEMANTICS, Framework, Label, credulous, labellings, skeptical
from .errors import Code, MapError, NoLabelling, OptionError, Problem, SearchLimit, Subject
from .model import ArgumentMap, ElementType, RelationKind

__all__ = [
    "DRAWING_TIMEOUT",
    "Acceptance",
    "Labelling",
    "NoLabelling",
    "Origin",
    "acceptance",
    "evaluate",
    "evaluate_all",
    "evaluate_for_drawing",
    "to_framework",
]

_STATEMENT = ElementType.STATEMENT
_ARGUMENT = ElementType.ARGUMENT
# Statement and argument ids are separate namespaces; the prefix keeps them apart in one framework.
_STATEMENT_PREFIX = "s:"
_ARGUMENT_PREFIX = "a:"
_NEGATED = "~"
# How many links of a chain of reasons explain() prints before it elides the rest: a 200,000-long chain must
# still give a short answer.
_MAX_CHAIN = 8
# A negated node's only attacker is its element, so in a complete labelling its label is the element's opposite.
_OPPOSITE = {Label.IN: Label.OUT, Label.OUT: Label.IN, Label.UNDEC: Label.UNDEC}


@attrs.frozen
class Origin:
    """What a framework argument stands for: a statement or argument of the map or, if ``negated``, its rejection.

    A negated node exists for each element that some argument needs. The element alone attacks it, and it attacks
    every argument that needs the element; so an argument can be IN only if all it needs is IN.
    """

    type: ElementType
    id: str
    negated: bool = False

    @property
    def name(self) -> str:
        """The framework argument's name: ``s:ID`` or ``a:ID``, prefixed with ``~`` when negated."""
        return (_NEGATED if self.negated else "") + _name(self.type, self.id)

    @property
    def subject(self) -> Subject:
        """The statement or argument of the map, as the subject of a problem."""
        return Subject(self.type.value, self.id)

    @classmethod
    def parse(cls, name: str) -> Origin:
        """The origin of a framework argument named by :func:`to_framework`; :class:`~argmap.OptionError` if none."""
        negated = name.startswith(_NEGATED)
        rest = name[len(_NEGATED) :] if negated else name
        for type, prefix in ((_STATEMENT, _STATEMENT_PREFIX), (_ARGUMENT, _ARGUMENT_PREFIX)):
            if rest.startswith(prefix) and len(rest) > len(prefix):
                return cls(type, rest[len(prefix) :], negated)
        raise OptionError(f"{name!r} does not name a statement or argument of a map's framework")

    @property
    def element(self) -> Origin:
        """The map element itself, not negated."""
        return Origin(self.type, self.id) if self.negated else self

    def __str__(self) -> str:
        # An id may hold a line break; an explanation keeps one reason per line.
        return f"{self.type.value} {printable(self.id)}"


def _frozen_labels(value: Mapping[str, Label]) -> Mapping[str, Label]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Labelling:
    """A labelling of a map: IN, OUT or UNDEC for every statement and every argument, under one semantics.

    ``statements`` and ``arguments`` map ids to labels, in map order; ``map`` is the map labelled. The labelling
    must be complete (Caminada): an element is IN when every attacker is OUT and all it needs is IN, OUT when an
    attacker is IN or something it needs is OUT, UNDEC otherwise; a ``stable`` one leaves nothing UNDEC. A
    ``stage`` labelling need only be conflict-free: OUT exactly when an attacker is IN, and IN only when no
    attacker is (so an IN element may have UNDEC attackers, and an IN argument may need an element that is not
    IN). Anything else (a missing, unknown or illegal label) raises :class:`~argmap.MapError` listing every problem.
    """

    semantics: str = attrs.field(validator=lambda _self, _attribute, value: _check_semantics(value))
    statements: Mapping[str, Label] = attrs.field(converter=_frozen_labels, hash=False)
    arguments: Mapping[str, Label] = attrs.field(converter=_frozen_labels, hash=False)
    map: ArgumentMap = attrs.field(kw_only=True, eq=False, repr=False, hash=False)
    # The map's framework when the caller has it already (evaluate() does), so that it is not translated twice.
    _given: Framework | None = attrs.field(default=None, kw_only=True, alias="framework", eq=False, repr=False)
    # The framework, and the label of each of its arguments, for checking and explaining the labelling.
    _framework: Framework = attrs.field(init=False, eq=False, repr=False, hash=False)
    _labels: Mapping[str, Label] = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        def bad(label: object) -> tuple[Code, str] | None:
            return None if isinstance(label, Label) else ("bad-label", f"{label!r} is not a Label")

        problems = table_problems(
            self.map, self.statements, self.arguments, what="label", missing="unlabelled-element", bad=bad
        )
        if problems:
            raise MapError(problems)
        with gc_paused():
            self._check()

    def _check(self) -> None:
        framework = _translate(self.map) if self._given is None else self._given
        labels = {_STATEMENT_PREFIX + id: label for id, label in self.statements.items()}
        labels.update((_ARGUMENT_PREFIX + id, label) for id, label in self.arguments.items())
        stage = self.semantics == "stage"
        for name in framework.arguments:
            if name.startswith(_NEGATED):
                label = _OPPOSITE[labels[name[len(_NEGATED) :]]]
                if stage and label is not Label.OUT:
                    # Conflict-free, a rejection attacked by no IN element is IN or UNDEC; a stage labelling takes
                    # it IN exactly when that costs nothing, every argument that needs the element being OUT.
                    rejected = all(labels[target] is Label.OUT for target in framework.targets(name))
                    label = Label.IN if rejected else Label.UNDEC
                labels[name] = label
        object.__setattr__(self, "_framework", framework)
        object.__setattr__(self, "_labels", labels)
        problems = list(self._illegal())
        if problems:
            raise MapError(problems)

    def _illegal(self) -> Iterator[Problem]:
        """Each element whose label does not fit its attackers' labels."""
        labels = self._labels
        # The attacked names by the label of an attacker, as two sets: only IN and UNDEC attackers matter.
        by_in: set[str] = set()
        by_undec: set[str] = set()
        for source, target in self._framework.attacks:
            label = labels[source]
            if label is Label.IN:
                by_in.add(target)
            elif label is Label.UNDEC:
                by_undec.add(target)
        for name in self._framework.arguments:
            # A negated node's label is derived from its only attacker, so it is legal by construction.
            if name.startswith(_NEGATED):
                continue
            label = labels[name]
            legal = Label.OUT if name in by_in else Label.UNDEC if name in by_undec else Label.IN
            if self.semantics == "stage" and legal is not Label.OUT and label is not Label.OUT:
                continue  # conflict-free: IN and UNDEC are both legal where no attacker is IN
            if label is not legal:
                message = f"labelled {label.name} where its attackers make it {legal.name}"
                yield Problem("illegal-label", message, Origin.parse(name).subject)
            elif label is Label.UNDEC and self.semantics == "stable":
                yield Problem("illegal-label", "a stable labelling leaves nothing UNDEC", Origin.parse(name).subject)

    def label(self, type: ElementType, id: str) -> Label:
        """The label of the statement or argument ``id``; :class:`~argmap.OptionError` if the map has none."""
        labels = self.statements if type is _STATEMENT else self.arguments
        if id not in labels:
            raise OptionError(f"the map has no {type.value} {id!r}")
        return labels[id]

    def ids(self, label: Label, type: ElementType = _STATEMENT) -> tuple[str, ...]:
        """The ids of the statements (or arguments) with this label, in map order."""
        labels = self.statements if type is _STATEMENT else self.arguments
        return tuple(id for id, given in labels.items() if given is label)

    def _repr_html_(self) -> str:
        """The labelling as Jupyter shows it: a table of each element's status and why (see
        :func:`argmap.jupyter.labelling_html`).
        """
        # Imported here: only a notebook asks for this.
        from ._display import labelling_html

        return labelling_html(self)

    def explain(self, id: str, type: ElementType | None = None) -> str:
        """Why the element ``id`` has its label, as a short chain of reasons, one per line.

        IN: every attacker is OUT, and which IN element defeats each. OUT: which IN element attacks it. UNDEC: the
        chain of undecided attackers that leads into the cycle keeping it open. ``type`` is needed only when a
        statement and an argument share the id; :class:`~argmap.OptionError` for an unknown or ambiguous id.
        """
        type = self._type_of(id) if type is None else type
        label = self.label(type, id)
        name = _name(type, id)
        head = f"{Origin(type, id)} is {label.name}"
        if label is Label.IN:
            return "\n".join(self._why_in(name, head))
        if label is Label.OUT:
            defeater = self._attacker_labelled(name, Label.IN)
            origin = Origin.parse(defeater)
            if origin.negated:
                return f"{head}: it needs {self._rejected(origin.element)}."
            attackers = self._framework.attackers(defeater)
            if not attackers:
                because = "nothing attacks it"
            elif all(self._labels[attacker] is Label.OUT for attacker in attackers):
                because = "all its attackers are OUT"
            else:  # stage: a conflict-free extension need not defend its members
                because = "no attacker of it is IN"
            return f"{head}: {origin} attacks it and is IN ({because})."
        return "\n".join(self._why_undec(name, head))

    # Explanations -----------------------------------------------------------------------------------------

    def _type_of(self, id: str) -> ElementType:
        found = [type for type, labels in ((_STATEMENT, self.statements), (_ARGUMENT, self.arguments)) if id in labels]
        if not found:
            raise OptionError(f"the map has no statement or argument {id!r}")
        if len(found) > 1:
            raise OptionError(f"{id!r} names both a statement and an argument: say which")
        return found[0]

    def _attacker_labelled(self, name: str, label: Label) -> str:
        # The constructor refuses a labelling that is not complete, so an OUT node has an IN attacker and an UNDEC
        # node an UNDEC one.
        return next(attacker for attacker in self._framework.attackers(name) if self._labels[attacker] is label)

    def _rejected(self, element: Origin) -> str:
        """A needed element whose rejection is IN: OUT, or (stage only) UNDEC with its rejection in the extension."""
        if self._labels[element.name] is Label.OUT:
            return f"{element}, which is OUT"
        return f"{element}, which is UNDEC, and the stage extension holds its rejection"

    def _why_in(self, name: str, head: str) -> Iterator[str]:
        attackers = [Origin.parse(attacker) for attacker in self._framework.attackers(name)]
        if not attackers:
            yield f"{head}: nothing attacks it."
            return
        if any(self._labels[attacker.name] is Label.UNDEC for attacker in attackers):
            # Only a stage labelling has this: its IN set is conflict-free, not admissible.
            yield f"{head}: no attacker is IN, and a stage extension need not defend its members."
        else:
            needs = any(attacker.negated for attacker in attackers)
            yield f"{head}: {'all it needs is IN, and ' if needs else ''}every attacker is OUT."
        for attacker in attackers:
            if self._labels[attacker.name] is Label.UNDEC:
                if attacker.negated:
                    label = self._labels[attacker.element.name].name
                    yield f"- it needs {attacker.element}, which is {label}, and nothing IN rejects it."
                else:
                    yield f"- {attacker} attacks it, but is UNDEC: undefeated, yet not in the extension."
                continue
            if attacker.negated:
                yield f"- it needs {attacker.element}, which is IN."
                continue
            defeater = Origin.parse(self._attacker_labelled(attacker.name, Label.IN))
            if defeater.negated:
                yield f"- {attacker} attacks it, but is OUT: it needs {self._rejected(defeater.element)}."
            else:
                yield f"- {attacker} attacks it, but is OUT: defeated by {defeater}, which is IN."

    def _why_undec(self, name: str, head: str) -> Iterator[str]:
        if self.semantics == "stage":
            yield self._why_left_out(name, head)
            return
        yield f"{head}: no attacker is IN, and an undecided one keeps it open:"
        # An UNDEC node has an UNDEC attacker and no IN one, so walking back along UNDEC attackers must come round
        # to a node already seen: that cycle (two elements for a contradiction) is what keeps the element open.
        links: list[str] = []
        seen = {name}
        target = name
        while True:
            source = self._attacker_labelled(target, Label.UNDEC)
            attacker, attacked = Origin.parse(source), Origin.parse(target)
            if attacker.negated:
                links.append(f"- {attacked} needs {attacker.element}, which is UNDEC;")
            elif not attacked.negated:  # "X needs Y" already said that Y is what the negated node stands for
                links.append(f"- {attacked} is attacked by {attacker}, which is UNDEC;")
            if source in seen:
                break
            seen.add(source)
            target = source
        if len(links) > _MAX_CHAIN:
            links[_MAX_CHAIN:] = [f"- … {len(links) - _MAX_CHAIN} more links …"]
        yield from links
        yield f"- so the cycle through {attacker.element} never settles."

    def _why_left_out(self, name: str, head: str) -> str:
        """Why a stage labelling leaves an element UNDEC: taking it would put a conflict in the extension, whose
        range is maximal (had it no conflict with the extension, adding it would grow the range).
        """
        targets = self._framework.targets(name)
        if name in targets:
            return f"{head}: no attacker is IN, but it attacks itself, so no conflict-free set holds it."
        clash = next((target for target in targets if self._labels[target] is Label.IN), None)
        if clash is None:  # a labelling made by hand, not by the search: conflict-free, but its range not maximal
            return f"{head}: no attacker is IN, and the labelling leaves it out."
        origin = Origin.parse(clash)
        if origin.negated:  # the element's own rejection, IN: every argument that needs the element is OUT
            reason = "the extension holds its rejection instead: everything that needs it is OUT"
        else:
            reason = f"it attacks {origin}, which is IN"
        return f"{head}: no attacker is IN, but the stage extension cannot take it: {reason}."


# Translation ----------------------------------------------------------------------------------------------


def _name(type: ElementType, id: str) -> str:
    return (_STATEMENT_PREFIX if type is _STATEMENT else _ARGUMENT_PREFIX) + id


@pauses_gc
def to_framework(m: ArgumentMap) -> tuple[Framework, Mapping[str, Origin]]:
    """The map as a Dung framework, and what each framework argument (by name) stands for, in framework order.

    Every statement (``s:ID``) and every argument (``a:ID``) is a framework argument. Attack, contrary and
    undercut relations attack their target; a contradiction attacks both ways. An argument needs each statement
    of its reconstruction, each element that supports it and each statement it supports: for each needed element
    ``e`` a node ``~e`` is added, attacked by ``e``, attacking each argument that needs ``e``. Supports between
    statements change nothing. See docs/evaluation.md. Linear in the size of the map.
    """
    # Hundreds of thousands of names, lists and pairs that all survive: a collection would only re-scan them.
    framework = _translate(m)
    return framework, MappingProxyType({name: Origin.parse(name) for name in framework.arguments})


def _translate(m: ArgumentMap) -> Framework:
    attackers: dict[str, list[str]] = {_STATEMENT_PREFIX + statement.id: [] for statement in m.statements}
    needs: dict[str, list[str]] = {}
    for argument in m.arguments:
        name = _ARGUMENT_PREFIX + argument.id
        attackers[name] = []
        needs[name] = [_STATEMENT_PREFIX + id for id in argument.statement_ids()]
    for relation in m.relations:
        source = _name(relation.source_type, relation.source)
        target = _name(relation.target_type, relation.target)
        if relation.kind.is_attack:
            attackers[target].append(source)
            if relation.kind is RelationKind.CONTRADICTION:
                attackers[source].append(target)
        elif relation.target_type is _ARGUMENT:  # a reason given for an argument works as one of its premises
            needs[target].append(source)
        elif relation.source_type is _ARGUMENT:  # a statement an argument supports is its claim
            needs[source].append(target)
    attacks: list[tuple[str, str]] = []
    negated: dict[str, str] = {}
    for name, into in attackers.items():
        for need in needs.get(name, ()):
            into.append(_NEGATED + need)
            negated.setdefault(_NEGATED + need, need)
        # The same attack can come twice (a contradiction stated both ways, a premise used twice): keep one.
        attacks.extend((attacker, name) for attacker in dict.fromkeys(into))
    attacks.extend((element, name) for name, element in negated.items())
    return Framework((*attackers, *negated), attacks)


def _labelling(m: ArgumentMap, semantics: str, framework: Framework, labels: Mapping[str, Label]) -> Labelling:
    return Labelling(
        semantics,
        {s.id: labels[_STATEMENT_PREFIX + s.id] for s in m.statements},
        {a.id: labels[_ARGUMENT_PREFIX + a.id] for a in m.arguments},
        map=m,
        framework=framework,
    )


def _check_semantics(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise OptionError(f"unknown semantics {semantics!r}: choose one of {', '.join(SEMANTICS)}")


def evaluate(
    m: ArgumentMap, semantics: str = "grounded", *, timeout: float | None = None, backend: str = "auto"
) -> Labelling:
    """One labelling of the map: for ``grounded`` and ``complete`` the grounded labelling (the least complete one,
    which accepts exactly what every complete labelling accepts); for ``ideal`` and ``eager`` their one labelling;
    for the others the first that :func:`evaluate_all` yields with this ``backend`` (one of
    :data:`argmap.af.BACKENDS`), searched for at most ``timeout`` seconds (:class:`~argmap.SearchLimit` past it).
    :class:`NoLabelling` if there is none (stable only); unknown semantics or backend: :class:`~argmap.OptionError`.
    """
    _check_semantics(semantics)
    if semantics in ("grounded", "complete"):
        with gc_paused():
            framework = _translate(m)
            # Through labellings() rather than grounded(), so that the backend is checked the same way.
            labels = next(labellings(framework, "grounded", backend=backend))
            return _labelling(m, semantics, framework, labels)
    first = next(evaluate_all(m, semantics, limit=1, timeout=timeout, backend=backend), None)
    if first is None:
        raise NoLabelling(f"the map has no {semantics} labelling")
    return first


#: How long a drawing's evaluation may search (every semantics but grounded and complete is intractable in general)
#: before the drawing
#: falls back to grounded semantics, in seconds.
DRAWING_TIMEOUT = 10.0


def evaluate_for_drawing(
    m: ArgumentMap, semantics: str, timeout: float = DRAWING_TIMEOUT
) -> tuple[Labelling, str | None]:
    """The labelling to colour a drawing with, and ``None``; or, when the search for a ``semantics`` labelling runs
    past ``timeout`` seconds, the grounded labelling (which the legend names) and a message that says so. Every
    integration that draws evaluated maps (the command, Sphinx, MkDocs, Jupyter) goes through here, so that no page
    build can hang on a hard map. Raises what :func:`evaluate` raises but :class:`~argmap.SearchLimit`.
    """
    try:
        return evaluate(m, semantics, timeout=timeout), None
    except SearchLimit:
        note = (
            f"{semantics} semantics found no labelling within {timeout:g} seconds; the map is drawn under grounded "
            "semantics instead"
        )
        return evaluate(m, "grounded"), note


def evaluate_all(
    m: ArgumentMap,
    semantics: str = "grounded",
    *,
    limit: int | None = None,
    timeout: float | None = None,
    backend: str = "auto",
) -> Iterator[Labelling]:
    """Every labelling of the map under the semantics (at most ``limit``), in a deterministic order: that of the
    ``backend`` (one of :data:`argmap.af.BACKENDS`; see :func:`argmap.af.labellings`).

    An unknown semantics or backend, or a negative limit, raises :class:`~argmap.OptionError` at once, not when
    the iterator is first advanced. Labellings are computed as they are taken; past ``timeout`` seconds of search
    the iterator raises :class:`~argmap.SearchLimit`.
    """
    _check_semantics(semantics)  # before the translation, which may be long
    with gc_paused():
        framework = _translate(m)
    return (
        _labelling(m, semantics, framework, labels)
        for labels in labellings(framework, semantics, limit=limit, timeout=timeout, backend=backend)
    )


@attrs.frozen
class Acceptance:
    """Whether one statement or argument of a map is accepted in some labelling (credulously) and in every one
    (skeptically) under a semantics, with the labellings that show it.

    ``accepting`` is a labelling with the element IN, present exactly when it is accepted credulously;
    ``rejecting`` one without it IN, present exactly when it is not accepted skeptically. Where a semantics gives
    no labelling at all (stable, on an odd cycle), the element is skeptically accepted, vacuously, and not
    credulously.
    """

    semantics: str
    type: ElementType
    id: str
    credulous: bool
    skeptical: bool
    accepting: Labelling | None = attrs.field(eq=False, repr=False)
    rejecting: Labelling | None = attrs.field(eq=False, repr=False)

    def explain(self) -> str:
        """Both answers, each with why the element has its label in the labelling that shows it, one reason a line."""
        element, semantics = Origin(self.type, self.id), self.semantics
        lines = [f"{element} under {semantics} semantics:"]
        if self.accepting is not None:
            lines.append(f"credulously accepted: it is IN in this {semantics} labelling:")
            lines.extend(f"  {line}" for line in self.accepting.explain(self.id, self.type).splitlines())
        else:
            lines.append(f"not credulously accepted: no {semantics} labelling has it IN.")
        if self.rejecting is not None:
            lines.append(f"not skeptically accepted: it is not IN in this {semantics} labelling:")
            lines.extend(f"  {line}" for line in self.rejecting.explain(self.id, self.type).splitlines())
        elif self.credulous:
            lines.append(f"skeptically accepted: every {semantics} labelling has it IN.")
        else:
            lines.append(f"skeptically accepted, vacuously: the map has no {semantics} labelling.")
        return "\n".join(lines)


def _element_type(m: ArgumentMap, id: str, type: ElementType | None) -> ElementType:
    found = [kind for kind in ElementType if (type is None or kind is type) and m.has(kind, id)]
    if not found:
        raise OptionError(f"the map has no {'statement or argument' if type is None else type.value} {id!r}")
    if len(found) > 1:
        raise OptionError(f"{id!r} names both a statement and an argument: say which")
    return found[0]


def acceptance(
    m: ArgumentMap,
    id: str,
    semantics: str = "grounded",
    *,
    type: ElementType | None = None,
    timeout: float | None = None,
    backend: str = "auto",
) -> Acceptance:
    """Whether the statement or argument ``id`` is accepted in some and in every labelling under ``semantics``.

    Each question is answered without enumerating the labellings where the semantics allows (see
    :func:`argmap.af.credulous` and :func:`argmap.af.skeptical`); grounded, ideal and eager semantics give one
    labelling, which answers both. ``timeout`` bounds the seconds of both searches together
    (:class:`~argmap.SearchLimit` past it); ``backend`` chooses the solver (one of :data:`argmap.af.BACKENDS`).
    ``type`` is needed only when a statement and an argument share the id; an unknown or ambiguous id, or an
    unknown semantics or backend, raises :class:`~argmap.OptionError`.
    """
    _check_semantics(semantics)
    type = _element_type(m, id, type)
    with gc_paused():
        framework = _translate(m)
    name = _name(type, id)
    if semantics in ("grounded", "ideal", "eager"):
        (labels,) = labellings(framework, semantics, timeout=timeout, backend=backend)
        only = _labelling(m, semantics, framework, labels)
        accepted = labels[name] is Label.IN
        return Acceptance(
            semantics, type, id, accepted, accepted, only if accepted else None, None if accepted else only
        )
    start = time.monotonic()
    some = credulous(framework, name, semantics, timeout=timeout, backend=backend)
    if timeout is not None:
        timeout -= time.monotonic() - start
        if timeout <= 0:
            raise SearchLimit(f"no answer to the skeptical {semantics} question within the time left")
    every = skeptical(framework, name, semantics, timeout=timeout, backend=backend)
    return Acceptance(
        semantics,
        type,
        id,
        some.accepted,
        every.accepted,
        None if some.witness is None else _labelling(m, semantics, framework, some.witness),
        None if every.witness is None else _labelling(m, semantics, framework, every.witness),
    )
