"""Structure checks: check() finds what is wrong with a map, each finding a Diagnostic with a catalogued code."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from ._backing import Reasons, claim_of, unbacked_message
from ._gc import pauses_gc
from ._io import SOURCE_FILE
from ._text import counted, printable
from .boxes import is_cut, text_room
from .catalogue import CATALOGUE, CheckInfo, Severity
from .model import Argument, ArgumentMap, ElementType, Location, Relation, RelationKind, Statement
from .quotes import SourceText, normal
from .schemes import SCHEMES, find_scheme

if TYPE_CHECKING:
    from .settings import Settings, Unhonoured

__all__ = ["Diagnostic", "Diagnostics", "check"]

_S = ElementType.STATEMENT
_A = ElementType.ARGUMENT

#: One end of a relation, or one subject of a diagnostic: statement ids and argument ids are separate namespaces.
_Ref = tuple[ElementType, str]
#: Both ends of a relation, each as (is an argument, id): a key that hashes in C.
_Pair = tuple[bool, str, bool, str]


@attrs.frozen
class Diagnostic:
    """One finding of :func:`check`.

    ``message`` is one line that names the elements involved, statements as ``[id]`` and arguments as ``<id>``
    (Argdown's notation); ``subjects`` holds their ids in the same order. ``location`` is where the problem is
    best seen: the offending relation when one relation is at fault, else the first subject that has a location;
    ``None`` for maps that were not read from text.
    """

    code: str
    severity: Severity
    message: str
    subjects: tuple[str, ...] = ()
    location: Location | None = None

    def format(self, path: str | None = None) -> str:
        """``path:line:col: severity code message``, as compilers and linters print.

        ``path`` names the file the map came from; it is used when the location has no path of its own. Without
        a location the line starts with ``path:`` alone, and without either it starts with the severity.
        """
        where = ""
        if self.location is not None:
            loc = self.location
            where = f"{loc.path or path or '<string>'}:{loc.line}:{loc.column}: "
        elif path:
            where = f"{path}: "
        return f"{where}{self.severity.value} {self.code} {self.message}"

    def __str__(self) -> str:
        return self.format()

    def as_dict(self) -> dict[str, object]:
        """The diagnostic as plain JSON-ready data, with a stable key order."""
        loc = self.location
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "subjects": list(self.subjects),
            "location": None if loc is None else {"path": loc.path, "line": loc.line, "column": loc.column},
        }


# Naming elements in messages ------------------------------------------------------------------------------

_LISTED = 5

_VERB = {
    RelationKind.SUPPORT: "supports",
    RelationKind.ENTAILS: "entails",
    RelationKind.ATTACK: "attacks",
    RelationKind.UNDERCUT: "undercuts",
    RelationKind.CONTRADICTION: "contradicts",
    RelationKind.CONTRARY: "is contrary to",
}


def _name(ref: _Ref) -> str:
    type, id = ref
    return f"[{printable(id)}]" if type is _S else f"<{printable(id)}>"


def _names(refs: Sequence[_Ref]) -> str:
    shown = [_name(ref) for ref in refs[:_LISTED]]
    if len(refs) > _LISTED:
        return f"{', '.join(shown)} and {len(refs) - _LISTED} more"
    return _listing(shown)


def _listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _ends(relation: Relation) -> tuple[_Ref, _Ref]:
    return (relation.source_type, relation.source), (relation.target_type, relation.target)


def _subjects(relation: Relation) -> list[_Ref]:
    source, target = _ends(relation)
    return [source] if source == target else [source, target]


@attrs.frozen
class _Reporter:
    """Makes one check's diagnostics: the code and severity come from its catalogue entry."""

    m: ArgumentMap
    info: CheckInfo

    def __call__(self, message: str, subjects: Sequence[_Ref], *, at: Relation | None = None) -> Diagnostic:
        location = at.location if at is not None else None
        if location is None:
            located = (self.m.element(type, id).location for type, id in subjects)
            location = next((loc for loc in located if loc is not None), None)
        return Diagnostic(self.info.code, self.info.severity, message, tuple(id for _, id in subjects), location)


# Facts several checks share ---------------------------------------------------------------------------------


@attrs.define
class _Facts:
    """The map under check, with facts that several checks need, each worked out once, on first need."""

    m: ArgumentMap
    # What settings_of found in the map, where the caller has it: the unhonoured settings need not be found again.
    settings: Settings | None = None
    _nodes: _Nodes | None = attrs.field(default=None, init=False)
    _premises: dict[str, KeysView[str]] = attrs.field(factory=dict, init=False)
    _roles: dict[str, dict[str, str]] = attrs.field(factory=dict, init=False)
    _texts: dict[str, SourceText] | None = attrs.field(default=None, init=False)

    @property
    def texts(self) -> dict[str, SourceText]:
        """Each source's text, ready to find quotes in (indexed once for every check that needs it)."""
        if self._texts is None:
            self._texts = {source.id: SourceText(source.text) for source in self.m.sources}
        return self._texts

    @property
    def nodes(self) -> _Nodes:
        """Statements and arguments numbered as the nodes of a graph."""
        if self._nodes is None:
            self._nodes = _Nodes.of(self.m)
        return self._nodes

    def premises(self, argument: str) -> KeysView[str]:
        """The premises of an argument (those no earlier step concludes) in order, with constant-time ``in``."""
        if argument not in self._premises:
            self._premises[argument] = dict.fromkeys(self.m.argument(argument).premises).keys()
        return self._premises[argument]

    def role(self, argument: str, statement: str) -> str | None:
        """What a statement is in an argument's reconstruction: premise, intermediate conclusion or conclusion."""
        roles = self._roles.get(argument)
        if roles is None:
            steps = self.m.argument(argument).steps
            roles = dict.fromkeys((step.conclusion for step in steps), "intermediate conclusion")
            roles.update(dict.fromkeys(self.premises(argument), "premise"))
            if steps:
                roles[steps[-1].conclusion] = "conclusion"
            self._roles[argument] = roles
        return roles.get(statement)

    def unhonoured_settings(self) -> Sequence[Unhonoured]:
        """The settings of the map that argmap leaves out (see :func:`argmap.settings.unhonoured_settings`)."""
        if self.settings is not None:
            return self.settings.unhonoured
        m = self.m
        if not m.metadata and not any(s.data for s in m.statements) and not any(a.data for a in m.arguments):
            return ()  # no settings to look at
        # Imported here: which settings argmap honours is known where they are applied, above the checks; the
        # package loads what applies them (drawing options, selection) only for a map that has settings.
        from .settings import has_settings, unhonoured_settings

        return unhonoured_settings(m) if has_settings(m) else ()


_Check = Callable[[_Facts, _Reporter], Iterator[Diagnostic]]


def _self_supporting(relation: Relation, facts: _Facts) -> str | None:
    """Why a relation makes an element a reason for itself (a message), or ``None`` when it does not.

    Besides support from an element to itself, an argument is tied to its own premises and conclusion:
    supporting its own premise, or taking its own conclusion as a reason for itself, is a circle of one.
    """
    if not relation.kind.is_support:
        return None
    source, target = _ends(relation)
    verb = _VERB[relation.kind]
    if source[0] is target[0]:  # the usual case, so tested first
        return f"{_name(source)} {verb} itself" if source[1] == target[1] else None
    if source[0] is _A and target[1] in facts.premises(source[1]):
        return f"{_name(source)} {verb} {_name(target)}, one of its own premises"
    if target[0] is _A and facts.m.argument(target[1]).conclusion == source[1]:
        return f"{_name(source)} {verb} {_name(target)}, the argument that concludes it"
    return None


@attrs.frozen
class _Nodes:
    """Every statement, then every argument, in map order, numbered from 0 as graph nodes.

    Positions are looked up by id in one table per namespace (statement and argument ids may coincide), keyed by
    the id alone so that no tuple is built per look-up.
    """

    m: ArgumentMap
    statements: dict[str, int]
    arguments: dict[str, int]

    @classmethod
    def of(cls, m: ArgumentMap) -> _Nodes:
        statements = {s.id: n for n, s in enumerate(m.statements)}
        return cls(m, statements, {a.id: len(statements) + n for n, a in enumerate(m.arguments)})

    def __len__(self) -> int:
        return len(self.statements) + len(self.arguments)

    def __getitem__(self, ref: _Ref) -> int:
        return (self.statements if ref[0] is _S else self.arguments)[ref[1]]

    def ref(self, node: int) -> _Ref:
        """The element that is this node."""
        if node < len(self.statements):
            return _S, self.m.statements[node].id
        return _A, self.m.arguments[node - len(self.statements)].id


def _strong_components(edges: Sequence[Sequence[int]]) -> list[int]:
    """The strongly connected component of each node, numbered from 0: Tarjan's algorithm, made iterative."""
    size = len(edges)
    order = [-1] * size
    low = [0] * size
    component = [-1] * size
    cursor = [0] * size  # how many of its edges each node on the path has followed
    stack: list[int] = []  # Tarjan's stack: visited nodes whose component is not known yet
    path: list[int] = []  # the depth-first path, in place of the call stack a recursive version would use
    visited = found = 0
    for root in range(size):
        if order[root] != -1:
            continue
        order[root] = low[root] = visited
        visited += 1
        stack.append(root)
        path.append(root)
        while path:
            node = path[-1]
            out = edges[node]
            if cursor[node] < len(out):
                nxt = out[cursor[node]]
                cursor[node] += 1
                if order[nxt] == -1:
                    order[nxt] = low[nxt] = visited
                    visited += 1
                    stack.append(nxt)
                    path.append(nxt)
                elif component[nxt] == -1:  # visited but unassigned: on the stack, so part of the current path
                    low[node] = min(low[node], order[nxt])
                continue
            path.pop()
            if path:
                parent = path[-1]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                while True:
                    member = stack.pop()
                    component[member] = found
                    if member == node:
                        break
                found += 1
    return component


def _weak_components(size: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The nodes of each connected component, each list and the lists ordered by node: union-find."""
    parent = list(range(size))
    weight = [1] * size

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            if weight[ra] < weight[rb]:
                ra, rb = rb, ra
            parent[rb] = ra
            weight[ra] += weight[rb]
    groups: dict[int, list[int]] = {}
    for node in range(size):
        groups.setdefault(root(node), []).append(node)
    return list(groups.values())


# Quotes --------------------------------------------------------------------------------------------------------


def _excerpt(text: str, limit: int = 40) -> str:
    return printable(text if len(text) <= limit else text[: limit - 1] + "\u2026")


# The checks, each linear in the size of the map ------------------------------------------------------------------


def _circular_support(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    # Edges run from a reason to what it supports. A premise leads to its argument and the argument to its
    # conclusion, so "A supports its own conclusion" adds no circle. Ties of an argument to itself are left out:
    # self-support reports them, and one mistake should give one diagnostic.
    nodes = facts.nodes
    statements = nodes.statements
    edges: list[list[int]] = [[] for _ in range(len(nodes))]
    for argument in facts.m.arguments:
        node = nodes.arguments[argument.id]
        for step in argument.steps:
            conclusion = statements[step.conclusion]
            for premise in step.premises:
                edges[statements[premise]].append(conclusion)
        premises = facts.premises(argument.id)
        for premise in premises:
            edges[statements[premise]].append(node)
        if argument.conclusion is not None and argument.conclusion not in premises:
            edges[node].append(statements[argument.conclusion])
    for relation in facts.m.relations:
        if relation.kind.is_support and _self_supporting(relation, facts) is None:
            source, target = _ends(relation)
            edges[nodes[source]].append(nodes[target])
    component = _strong_components(edges)
    sizes = [0] * (max(component, default=-1) + 1)
    for c in component:
        sizes[c] += 1
    circles: dict[int, list[_Ref]] = {}
    for node, c in enumerate(component):
        if sizes[c] > 1:
            circles.setdefault(c, []).append(nodes.ref(node))
    for circle in circles.values():
        yield report(f"{_names(circle)} support each other in a circle", circle)


def _self_support(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    for argument in facts.m.arguments:
        me: _Ref = (_A, argument.id)
        looped: set[str] = set()
        for n, step in enumerate(argument.steps, 1):
            if step.conclusion in step.premises:
                looped.add(step.conclusion)
                it: _Ref = (_S, step.conclusion)
                yield report(f"step {n} of {_name(me)} concludes {_name(it)} from itself", [me, it])
        conclusion = argument.conclusion
        if conclusion is not None and conclusion not in looped and conclusion in facts.premises(argument.id):
            it = (_S, conclusion)
            yield report(f"{_name(me)} takes its own conclusion {_name(it)} as a premise", [me, it])
    for relation in facts.m.relations:
        if why := _self_supporting(relation, facts):
            yield report(why, _subjects(relation), at=relation)


def _argument_without_premises(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    for argument in m.arguments:
        me: _Ref = (_A, argument.id)
        for n, step in enumerate(argument.steps, 1):
            if not step.premises:
                it: _Ref = (_S, step.conclusion)
                yield report(f"step {n} of {_name(me)} concludes {_name(it)} from no premises", [me, it])


def _argument_without_conclusion(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    for argument in m.arguments:
        if not argument.steps and not m.relations_from(_A, argument.id):
            me: _Ref = (_A, argument.id)
            yield report(f"{_name(me)} has no reconstruction and argues for or against nothing", [me])


def _undercut_target(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    for relation in m.relations:
        if relation.kind is RelationKind.UNDERCUT and relation.target_type is _S:
            source, target = _ends(relation)
            message = f"{_name(source)} undercuts the statement {_name(target)}; an undercut must target an argument"
            yield report(message, _subjects(relation), at=relation)


def _self_attack(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    for relation in facts.m.relations:
        if not relation.kind.is_attack:
            continue
        source, target = _ends(relation)
        verb = _VERB[relation.kind]
        if source == target:
            message = f"{_name(source)} {verb} itself"
        elif source[0] is _A and target[0] is _S and (own := facts.role(source[1], target[1])):
            message = f"{_name(source)} {verb} {_name(target)}, its own {own}"
        elif source[0] is _S and target[0] is _A and (own := facts.role(target[1], source[1])):
            message = f"{_name(source)} {verb} {_name(target)}, whose own {own} it is"
        else:
            continue
        yield report(message, _subjects(relation), at=relation)


def _support_and_attack(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    # The first supporting and the first attacking relation of each ordered pair of ends. A contradiction holds
    # both ways, so it also counts as the target attacking the source.
    supports: dict[_Pair, int] = {}
    attacks: dict[_Pair, int] = {}
    for n, relation in enumerate(m.relations):
        pair = (relation.source_type is _A, relation.source, relation.target_type is _A, relation.target)
        if pair[:2] == pair[2:]:
            continue  # self-support and self-attack report these
        if relation.kind.is_support:
            supports.setdefault(pair, n)
            continue
        attacks.setdefault(pair, n)
        if relation.kind.is_symmetric:
            attacks.setdefault((*pair[2:], *pair[:2]), n)
    for pair, support in supports.items():
        attack = attacks.get(pair)
        if attack is not None:
            source, target = _ends(m.relations[support])
            verbs = _VERB[m.relations[support].kind], _VERB[m.relations[attack].kind]
            message = f"{_name(source)} both {verbs[0]} and {verbs[1]} {_name(target)}"
            yield report(message, [source, target], at=m.relations[min(support, attack)])


def _disconnected(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    nodes = facts.nodes

    def links() -> Iterator[tuple[int, int]]:
        for argument in facts.m.arguments:
            node = nodes.arguments[argument.id]
            for statement in argument.statement_ids():
                yield node, nodes.statements[statement]
            # An unused premise still belongs to its argument: unused-premise reports it, once.
            for statement in argument.unused_premises:
                yield node, nodes.statements[statement]
        for relation in facts.m.relations:
            source, target = _ends(relation)
            yield nodes[source], nodes[target]

    groups = _weak_components(len(nodes), links())
    if len(groups) < 2:
        return
    main = max(groups, key=len)  # max() keeps the first of equals: ties go to the earliest in map order
    for group in groups:
        if group is not main:
            members = [nodes.ref(node) for node in group]
            verb = "is" if len(members) == 1 else "are"
            size = counted(len(main), "element")
            message = f"{_names(members)} {verb} not connected to the main part of the map ({size})"
            yield report(message, members)


def _unused_premise(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    for argument in facts.m.arguments:
        me: _Ref = (_A, argument.id)
        for premise in argument.unused_premises:
            it: _Ref = (_S, premise)
            yield report(f"{_name(it)} is listed as a premise of {_name(me)}, but no inference uses it", [it, me])


def _unbacked_relation(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    reasons = Reasons(lambda id: claim_of(m.statement(id).text))
    for relation in m.relations:
        if relation.source_type is _S and relation.target_type is _S and relation.kind is not RelationKind.UNDERCUT:
            kind = relation.kind
            reasons.add(relation.source, relation.target, support=kind.is_support, symmetric=kind.is_symmetric)
    offered: dict[str, set[str]] = {}  # what each reconstructed argument lists before its final conclusion
    for relation in m.relations:
        if relation.kind is RelationKind.UNDERCUT or relation.source_type is relation.target_type is _S:
            continue  # an undercut denies an inference, which no statement says; a statement's relation is a sketch
        source, target = _ends(relation)
        said = source[1] if source[0] is _S else m.argument(source[1]).conclusion
        if said is None or (target[0] is _A and not m.argument(target[1]).steps):
            continue  # a sketched argument says nothing to hold the relation against
        if target[0] is _S:
            into = reasons.claims([target[1]])
        else:
            if target[1] not in offered:
                offered[target[1]] = reasons.claims(_listed(m.argument(target[1])))
            into = offered[target[1]]
        if not reasons.back(said, into, support=relation.kind.is_support):
            message = unbacked_message(
                _name(source),
                _VERB[relation.kind],
                _name(target),
                None if source[0] is _S else _name((_S, said)),
                to_argument=target[0] is _A,
                support=relation.kind.is_support,
            )
            yield report(message, _subjects(relation), at=relation)


def _listed(argument: Argument) -> Iterator[str]:
    """The statements a reconstruction lists before its final conclusion: premises, unused ones included, and
    intermediate conclusions.
    """
    for step in argument.steps:
        yield from step.premises
    yield from argument.intermediate_conclusions
    yield from argument.unused_premises


def _duplicate_text(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    first: dict[str, int] = {}
    twins: dict[int, list[_Ref]] = {}
    for n, statement in enumerate(m.statements):
        earliest = first.setdefault(" ".join(statement.text.split()).casefold(), n)
        if earliest != n:
            twins.setdefault(earliest, [(_S, m.statements[earliest].id)]).append((_S, statement.id))
    for earliest in first.values():
        if earliest in twins:
            group = twins[earliest]
            yield report(f"{_names(group)} have the same text", group)


def _multiple_main_conclusions(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    mains: list[_Ref] = [(_S, id) for id in m.main_conclusions]
    if len(mains) > 1:
        yield report(f"the map has {len(mains)} main conclusions: {_names(mains)}", mains)


def _unknown_source(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    known = {source.id for source in m.sources}
    for statement in m.statements:
        missing = list(dict.fromkeys(q.source for q in statement.quotes if q.source not in known))
        if missing:
            names = ", ".join(f"'{printable(id)}'" for id in missing)
            me: _Ref = (_S, statement.id)
            yield report(f"{_name(me)} quotes unknown {'source' if len(missing) == 1 else 'sources'} {names}", [me])


def _quote_not_found(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    texts = facts.texts
    for statement in m.statements:
        for quote in statement.quotes:
            if quote.source not in texts:
                continue  # unknown-source reports it
            wanted = normal(quote.text)
            if wanted not in texts[quote.source]:
                me: _Ref = (_S, statement.id)
                source = printable(quote.source)
                excerpt = _excerpt(" ".join(quote.text.split()))
                message = f"{_name(me)} quotes \u201c{excerpt}\u201d, which is not in source '{source}'"
                yield report(message, [me])


def _unquoted_statement(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    if not m.sources:
        return
    for statement in m.statements:
        if not statement.quotes:
            me: _Ref = (_S, statement.id)
            yield report(f"{_name(me)} quotes no source", [me])


def _uncovered_source(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    if not facts.m.sources:
        return
    # Imported here: only maps with sources need sentences split and quotes placed.
    from .coverage import coverage

    quoting: dict[str, list[_Ref]] = {}
    for statement in facts.m.statements:
        for id in dict.fromkeys(quote.source for quote in statement.quotes):
            quoting.setdefault(id, []).append((_S, statement.id))
    for source in coverage(facts.m, facts.texts):
        uncovered = source.uncovered
        # The statements that quote the source are the map's account of it; a source nothing quotes is left to
        # unquoted-statement.
        if uncovered and source.source in quoting:
            first = uncovered[0]
            noun = "sentence" if len(uncovered) == 1 else "sentences"
            message = (
                f"source '{printable(source.source)}' has {len(uncovered)} {noun} that no quote covers and the map "
                f"does not mark as background, the first at line {first.line}: \u201c{_excerpt(first.text)}\u201d"
            )
            yield report(message, quoting[source.source])


# Critical questions ------------------------------------------------------------------------------------------

# "cq2", "CQ 2", "cq:2", "cq-2", "cq#2": tags as people write them, in Argdown (#cq2, #(cq 2)) and elsewhere.
_CQ_TAG = re.compile(r"cq[\s:#-]*([0-9]{1,4})", re.IGNORECASE)
_CQ_NUMBER = re.compile(r"\s*([0-9]{1,4})\s*")
# No scheme has more questions; larger numbers cannot name one, and dropping them keeps the sets below small.
_MOST_QUESTIONS = max(len(scheme.critical_questions) for scheme in SCHEMES.values())


def _raised_questions(element: Statement | Argument) -> set[int]:
    """The numbers of the critical questions an element is marked as raising, by tags such as ``cq2`` or by
    ``data["cq"]``: a number, a string of digits, or a list of them. Anything else there is ignored.
    """
    numbers: list[int | str] = [match[1] for tag in element.tags if (match := _CQ_TAG.fullmatch(tag))]
    value = element.data.get("cq")
    for item in value if isinstance(value, list | tuple) else [value]:
        if isinstance(item, int) and not isinstance(item, bool):
            numbers.append(item)
        elif isinstance(item, str) and (match := _CQ_NUMBER.fullmatch(item)):
            numbers.append(match[1])
    return {n for n in map(int, numbers) if 1 <= n <= _MOST_QUESTIONS}


def _open_critical_question(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    schemed = [(a, scheme) for a in m.arguments if a.scheme is not None and (scheme := find_scheme(a.scheme))]
    if not schemed:
        return
    # The questions raised against each element, gathered once: an argument then unions those of its own
    # statements, which keeps the check linear however many arguments share a statement.
    raised: dict[_Ref, set[int]] = {}
    for relation in m.relations:
        if not relation.kind.is_attack:
            continue
        source, target = _ends(relation)
        pairs = [(source, target), (target, source)] if relation.kind.is_symmetric else [(source, target)]
        for attacker, attacked in pairs:
            if numbers := _raised_questions(m.element(*attacker)):
                raised.setdefault(attacked, set()).update(numbers)
    for argument, scheme in schemed:
        me: _Ref = (_A, argument.id)
        asked = set(raised.get(me, ()))
        for statement in argument.statement_ids():
            asked.update(raised.get((_S, statement), ()))
        unraised = [n for n in range(1, len(scheme.critical_questions) + 1) if n not in asked]
        if unraised:
            noun = "question" if len(unraised) == 1 else "questions"
            listed = _listing([str(n) for n in unraised])
            questions = " ".join(f"({n}) {scheme.critical_questions[n - 1]}" for n in unraised)
            message = f"{_name(me)} argues from {scheme.name}; no attack raises critical {noun} {listed}: {questions}"
            yield report(message, [me])


def _long_text(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    elements: Iterable[tuple[ElementType, Statement | Argument]] = itertools.chain(
        ((_S, s) for s in m.statements), ((_A, a) for a in m.arguments)
    )
    for type, element in elements:
        if is_cut(element):
            me: _Ref = (type, element.id)
            shown = f"{len(element.text):,} characters; diagrams show at most {text_room(element):,}"
            yield report(f"{_name(me)} has a text of {shown}", [me])


def _source_encoding(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    note = facts.m.metadata.get(SOURCE_FILE)
    if not (isinstance(note, Mapping) and isinstance(note.get("path"), str)):
        return  # no note, or one that no reader wrote
    path, encoding = note["path"], note.get("encoding")
    line, column = note.get("line"), note.get("column")
    if not (isinstance(line, int) and isinstance(column, int) and line > 0 and column > 0):
        line, column = 1, 1
    if isinstance(encoding, str):
        message = f"the source text {printable(path)} is not UTF-8; it was read as {printable(encoding)}"
    else:
        message = f"the text {printable(path)} beside the map is neither UTF-8 nor Windows-1252; it was left out"
    yield attrs.evolve(report(message, []), location=Location(line, column, path))


def _unhonoured_setting(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    for unhonoured in facts.unhonoured_settings():
        problem = unhonoured.problem()
        subjects = () if problem.subject is None else (problem.subject.id,)
        yield Diagnostic(report.info.code, report.info.severity, problem.message, subjects, problem.location)


#: Every check, by code. Adding a check is one function, one line here and one catalogue entry.
_CHECKS: tuple[tuple[str, _Check], ...] = (
    ("circular-support", _circular_support),
    ("self-support", _self_support),
    ("argument-without-premises", _argument_without_premises),
    ("undercut-target", _undercut_target),
    ("self-attack", _self_attack),
    ("quote-not-found", _quote_not_found),
    ("argument-without-conclusion", _argument_without_conclusion),
    ("support-and-attack", _support_and_attack),
    ("disconnected", _disconnected),
    ("duplicate-text", _duplicate_text),
    ("multiple-main-conclusions", _multiple_main_conclusions),
    ("unknown-source", _unknown_source),
    ("unquoted-statement", _unquoted_statement),
    ("uncovered-source", _uncovered_source),
    ("open-critical-question", _open_critical_question),
    ("long-text", _long_text),
    ("source-encoding", _source_encoding),
    ("unhonoured-setting", _unhonoured_setting),
    ("unused-premise", _unused_premise),
    ("unbacked-relation", _unbacked_relation),
)


class Diagnostics(list[Diagnostic]):
    """What :func:`check` finds: a list of :class:`Diagnostic` that Jupyter shows as a table."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The findings as an HTML table (see :func:`argmap.jupyter.diagnostics_html`)."""
        # Imported here: only a notebook asks for this.
        from ._display import diagnostics_html

        return diagnostics_html(self)


@pauses_gc
def check(m: ArgumentMap, *, settings: Settings | None = None) -> Diagnostics:
    """Every structural problem of ``m``, in a fixed order: errors, then warnings, then infos.

    Within one severity, what the reader noticed in the text the map was read from (``m.notices``: an Argdown
    reference to something never defined, say) comes first, in the text's order; then diagnostics come check by
    check (in catalogue order), and each check reports in map order: statements, arguments and relations in the
    order the map holds them. The same map always gives the
    same list. Every check takes time linear in the size of the map.

    ``settings`` is what :func:`argmap.settings.settings_of` found in ``m``, for a caller that has it already (to
    draw the map as its document asks): its settings left out are reported as ``unhonoured-setting`` without
    being worked out again.
    """
    found: dict[Severity, list[Diagnostic]] = {severity: [] for severity in Severity}
    # What the reader noticed in the text comes first: it is where the text and the map part.
    for notice in m.notices:
        info = CATALOGUE[notice.code]
        subjects = () if notice.subject is None else (notice.subject.id,)
        found[info.severity].append(Diagnostic(notice.code, info.severity, notice.message, subjects, notice.location))
    facts = _Facts(m, settings)
    for code, run in _CHECKS:
        info = CATALOGUE[code]
        found[info.severity].extend(run(facts, _Reporter(m, info)))
    return Diagnostics(diagnostic for severity in Severity for diagnostic in found[severity])
