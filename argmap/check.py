"""Structure checks: check() finds what is wrong with a map; the catalogue explains every diagnostic code."""

from __future__ import annotations

import difflib
import enum
import functools
import textwrap
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence
from types import MappingProxyType
from typing import Literal

import attrs

from ._gc import gc_paused
from .errors import UnknownCode
from .model import ArgumentMap, ElementType, Location, Relation, RelationKind

__all__ = ["CATALOGUE", "CheckInfo", "Diagnostic", "Severity", "check", "explain"]

_S = ElementType.STATEMENT
_A = ElementType.ARGUMENT

#: One end of a relation, or one subject of a diagnostic: statement ids and argument ids are separate namespaces.
_Ref = tuple[ElementType, str]
#: Both ends of a relation, each as (is an argument, id): a key that hashes in C.
_Pair = tuple[bool, str, bool, str]


@functools.total_ordering
class Severity(enum.Enum):
    """How serious a diagnostic is. Severities compare: ``ERROR > WARNING > INFO``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return _RANK[self] < _RANK[other]

    def __str__(self) -> str:
        return self.value


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


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


@attrs.frozen(kw_only=True)
class CheckInfo:
    """The catalogue entry of one diagnostic code: what it means, why it matters, an example and the fix.

    ``reported_by`` says where the code comes from: ``"check"`` for :func:`check`; ``"build"`` for what
    :class:`~argmap.MapBuilder`, the model and so every reader refuse; ``"read"`` for what the JSON reader
    refuses in a file's shape. Codes of the last two come inside a :class:`~argmap.MapError`.
    """

    code: str
    severity: Severity
    title: str
    meaning: str
    why: str
    example: str
    fix: str
    reported_by: Literal["check", "build", "read"] = "check"

    def describe(self, width: int = 88) -> str:
        """The entry as readable paragraphs, as ``argmap explain`` prints it."""

        def paragraph(heading: str, text: str) -> str:
            body = textwrap.fill(text, width=width, initial_indent="    ", subsequent_indent="    ")
            return f"{heading}\n{body}"

        origin = _ORIGINS[self.reported_by]
        return "\n\n".join(
            [
                f"{self.code} ({self.severity.value}): {self.title}\n{textwrap.fill(origin, width=width)}",
                paragraph("What it means", self.meaning),
                paragraph("Why it matters", self.why),
                "Example\n" + textwrap.indent(self.example, "    "),
                paragraph("How to fix", self.fix),
            ]
        )


_ORIGINS = {
    "check": "Reported by argmap.check() and `argmap check`.",
    "build": "Reported by MapBuilder.build(), the model and the readers, inside a MapError: a map with this "
    "problem is refused.",
    "read": "Reported by the JSON reader (argmap.load, argmap.loads and the argmap command), inside a MapError "
    "that gives the JSON path of each problem: the file is refused.",
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


def _printable(text: str) -> str:
    # Ids and quotes may hold line breaks or tabs; a diagnostic must stay on one line.
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _name(ref: _Ref) -> str:
    type, id = ref
    return f"[{_printable(id)}]" if type is _S else f"<{_printable(id)}>"


def _names(refs: Sequence[_Ref]) -> str:
    shown = [_name(ref) for ref in refs[:_LISTED]]
    if len(refs) > _LISTED:
        return f"{', '.join(shown)} and {len(refs) - _LISTED} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


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
    _nodes: _Nodes | None = attrs.field(default=None, init=False)
    _premises: dict[str, KeysView[str]] = attrs.field(factory=dict, init=False)
    _roles: dict[str, dict[str, str]] = attrs.field(factory=dict, init=False)

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

    Positions are looked up by id in one table per namespace: keys holding an enum member would hash through
    Python code, which dominates the time of a large map.
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

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)


def _normal_quote(text: str) -> str:
    return " ".join(text.translate(_TYPOGRAPHIC).split())


@attrs.define
class _SourceText:
    """A source's text, normalised once, and the offsets of its words, built on first need.

    ``text in source`` scans the whole source for every quote, quadratic for a long source with many quotes.
    Instead a quote of three or more words is looked for only where its rarest inner word (a whole word of the
    source) occurs; a shorter quote, or one whose every inner word is common, costs one scan.
    """

    text: str
    _words: dict[str, list[int]] | None = attrs.field(default=None, init=False)

    def _offsets(self) -> dict[str, list[int]]:
        if self._words is None:
            self._words = {}
            offset = 0
            for word in self.text.split(" "):
                self._words.setdefault(word, []).append(offset)
                offset += len(word) + 1
        return self._words

    def __contains__(self, quote: str) -> bool:
        tokens = quote.split(" ")
        if len(tokens) < 3:
            return quote in self.text
        words = self._offsets()
        inner: list[tuple[int, Sequence[int]]] = []
        offset = len(tokens[0]) + 1
        for token in tokens[1:-1]:
            inner.append((offset, words.get(token, ())))
            offset += len(token) + 1
        shift, hits = min(inner, key=lambda pair: len(pair[1]))  # a word the source lacks has no hits at all
        if len(hits) * len(quote) > len(self.text):
            return quote in self.text
        return any(hit >= shift and self.text.startswith(quote, hit - shift) for hit in hits)


def _excerpt(text: str, limit: int = 40) -> str:
    return _printable(text if len(text) <= limit else text[: limit - 1] + "\u2026")


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
            size = _plural(len(main), "element")
            message = f"{_names(members)} {verb} not connected to the main part of the map ({size})"
            yield report(message, members)


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
            names = ", ".join(f"'{_printable(id)}'" for id in missing)
            me: _Ref = (_S, statement.id)
            yield report(f"{_name(me)} quotes unknown {'source' if len(missing) == 1 else 'sources'} {names}", [me])


def _quote_not_found(facts: _Facts, report: _Reporter) -> Iterator[Diagnostic]:
    m = facts.m
    raw = {source.id: source.text for source in m.sources}
    texts: dict[str, _SourceText] = {}
    for statement in m.statements:
        for quote in statement.quotes:
            if quote.source not in raw:
                continue  # unknown-source reports it
            if quote.source not in texts:
                texts[quote.source] = _SourceText(_normal_quote(raw[quote.source]))
            wanted = _normal_quote(quote.text)
            if wanted not in texts[quote.source]:
                me: _Ref = (_S, statement.id)
                source = _printable(quote.source)
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
)


def check(m: ArgumentMap) -> list[Diagnostic]:
    """Every structural problem of ``m``, in a fixed order: errors, then warnings, then infos.

    Within one severity, diagnostics come check by check (in catalogue order), and each check reports in map
    order: statements, arguments and relations in the order the map holds them. The same map always gives the
    same list. Every check takes time linear in the size of the map.
    """
    found: dict[Severity, list[Diagnostic]] = {severity: [] for severity in Severity}
    with gc_paused():
        facts = _Facts(m)
        for code, run in _CHECKS:
            info = CATALOGUE[code]
            found[info.severity].extend(run(facts, _Reporter(m, info)))
    return [diagnostic for severity in Severity for diagnostic in found[severity]]


def explain(code: str) -> str:
    """The catalogue entry of ``code`` as readable text; :class:`UnknownCode`, naming close codes, if there is none."""
    info = CATALOGUE.get(code.strip().lower())
    if info is None:
        close = difflib.get_close_matches(code.strip().lower(), list(CATALOGUE), n=3)
        hint = f"did you mean {' or '.join(close)}?" if close else f"known codes: {', '.join(CATALOGUE)}"
        raise UnknownCode(f"unknown diagnostic code {_printable(code)!r}; {hint}")
    return info.describe()


# The catalogue -------------------------------------------------------------------------------------------------

_ENTRIES = (
    CheckInfo(
        code="circular-support",
        severity=Severity.ERROR,
        title="Statements support each other in a circle",
        meaning="Following support from reasons to what they support (inference steps, support and entails "
        "relations, and arguments with their premises and conclusions) leads back to where it started. One "
        "diagnostic names every statement and argument of one such circle.",
        why="A circle proves nothing: each claim in it rests, in the end, on itself. Readers call this begging "
        "the question, and any evaluation of the map would accept or reject the whole circle at once.",
        example="[Taxes]: Taxes should rise.\n  + [Budget]: The budget needs more money.\n    + [Taxes]",
        fix="Decide which claim is the reason and which the conclusion, and remove or reverse the relation that "
        "points back. If two claims in the circle say the same thing, merge them into one statement.",
    ),
    CheckInfo(
        code="self-support",
        severity=Severity.ERROR,
        title="An element supports itself",
        meaning="A statement or argument is a reason for itself: an inference step lists its own conclusion "
        "among its premises, an argument takes its conclusion as a premise, an element supports or entails "
        "itself, an argument supports one of its own premises, or a statement supports the argument that "
        "concludes it.",
        why="A claim that is its own reason has no reason at all; the map looks supported where it is not.",
        example="<Circle>\n\n(1) [Honest]: Kim is honest.\n(2) Honest people say true things.\n----\n(3) [Honest]",
        fix="Give the conclusion a different premise, or, where two statements were merged by mistake, split "
        "them; remove a relation that points from an element to itself.",
    ),
    CheckInfo(
        code="argument-without-premises",
        severity=Severity.ERROR,
        title="An inference step has no premises",
        meaning="An argument's reconstruction has a step that concludes a statement from nothing.",
        why="An inference needs at least one premise; without one the conclusion is merely asserted, and the "
        "argument does not say why it should be believed.",
        example="<Bare>\n\n----\n(1) Moon's current policy may not work.",
        fix="Add the premises the text gives for the conclusion. If the text gives none, make the conclusion a "
        "plain statement instead of an argument.",
    ),
    CheckInfo(
        code="undercut-target",
        severity=Severity.ERROR,
        title="An undercut targets a statement",
        meaning="An undercut relation points at a statement. An undercut denies that an argument's premises "
        "support its conclusion, so its target must be an argument (an undercut of a sketched argument is fine).",
        why="Undercutting a statement means nothing: a statement has no inference to deny. The relation was "
        "most likely meant as an attack, or as an undercut of the argument that concludes the statement.",
        example='b.undercut("objection", "policy-fails", target_type="statement")',
        fix="Make it an attack on the statement, or aim the undercut at the argument whose inference it denies.",
    ),
    CheckInfo(
        code="self-attack",
        severity=Severity.ERROR,
        title="An element attacks itself",
        meaning="An attack, undercut, contradiction or contrary relation runs from an element to itself, or "
        "between an argument and a statement of its own reconstruction (a premise, an intermediate conclusion "
        "or the conclusion), in either direction.",
        why="A self-defeating element is almost always a slip when the map was written: a wrong id or a "
        "relation attached to the wrong element. Evaluation treats it as defeated by itself.",
        example="<Overreach>\n  -> [Premise]\n\n<Overreach>\n\n(1) [Premise]: Russia helps the North.\n----\n"
        "(2) The North is not isolated.",
        fix="Point the relation at the element it was meant for, or remove it.",
    ),
    CheckInfo(
        code="quote-not-found",
        severity=Severity.ERROR,
        title="A quote is not in its source",
        meaning="A statement quotes text that does not occur verbatim in the quoted source. Runs of whitespace "
        "count as one space and typographic quotes as plain ones, on both sides; everything else, case "
        "included, must match.",
        why="Quotes ground a map in the text it models. A quote that is not there misrepresents the source or "
        "points at the wrong one.",
        example='b.source("editorial", text="Moon\'s current policy may not work.")\n'
        'b.statement("The policy fails.", quote=("editorial", "Moon\'s policy may not work"))',
        fix="Copy the excerpt from the source again, exactly; or name the source it comes from.",
    ),
    CheckInfo(
        code="argument-without-conclusion",
        severity=Severity.WARNING,
        title="An argument argues for nothing",
        meaning="A sketched argument (one without a reconstruction) has no outgoing relation: it supports, "
        "attacks or undercuts nothing. MapBuilder.argument() also refuses premises given without a conclusion, "
        "with this code, inside a MapError.",
        why="An argument is a reason for or against something. Standing alone it adds nothing to the map's "
        "reasoning and is usually a relation that was forgotten.",
        example="<Sidelined>: South Korea has been sidelined.",
        fix="Relate the argument to the claim it argues for or against (for example <Sidelined> +> [Policy "
        "fails]), or reconstruct it with premises and a conclusion.",
    ),
    CheckInfo(
        code="support-and-attack",
        severity=Severity.WARNING,
        title="One element both supports and attacks another",
        meaning="The same source both supports (or entails) and attacks (or undercuts, contradicts, is contrary "
        "to) the same target. A contradiction counts in both directions.",
        why="A reason cannot speak both for and against one claim; one of the two relations is almost certainly "
        "a mistake, and the diagram would show both.",
        example="[Isolation]: Kim's trip could bring the North out of isolation.\n  +> [Policy works]\n"
        "  -> [Policy works]",
        fix="Keep the relation the text means and remove the other.",
    ),
    CheckInfo(
        code="disconnected",
        severity=Severity.WARNING,
        title="Part of the map is cut off",
        meaning="The map falls apart into several pieces when relations and arguments' reconstructions are "
        "followed in either direction. Each piece but the largest is reported with all its elements.",
        why="A map models one line of reasoning. A piece with no link to the rest is either irrelevant to it or "
        "lacks the relation that ties it in.",
        example="[Policy fails]: Moon's current policy may not work.\n  + [Sidelined]: South Korea has been "
        "sidelined.\n\n[Weather]: It rained in Vladivostok.",
        fix="Add the relation that ties the piece to the rest of the map, or remove the piece.",
    ),
    CheckInfo(
        code="duplicate-text",
        severity=Severity.WARNING,
        title="Statements have the same text",
        meaning="Two or more statements have the same text once case and whitespace are ignored.",
        why="Two ids for one claim split its support and attacks between them, so the map understates both.",
        example="[Sidelined]: South Korea has been sidelined.\n[Left out]: South Korea has been  sidelined.",
        fix="Merge them into one statement and point every relation at it; if they are different claims, "
        "word them differently.",
    ),
    CheckInfo(
        code="multiple-main-conclusions",
        severity=Severity.WARNING,
        title="The map has several main conclusions",
        meaning="More than one statement is concluded without being a reason for anything else.",
        why="A text usually argues for one thesis; several main conclusions suggest a missing relation, or a "
        "map that covers several texts.",
        example="[Policy fails]: Moon's policy may not work.\n  + [Sidelined]: South Korea has been sidelined."
        "\n[Kim gains]: Kim gains leverage.\n  + [Russia]: Russia sides with the North.",
        fix="Relate the conclusions (often one supports the other), or split the map in two.",
    ),
    CheckInfo(
        code="unknown-source",
        severity=Severity.WARNING,
        title="A quote names a source the map lacks",
        meaning="A statement quotes a source id that is not among the map's sources.",
        why="The quote cannot be checked against its text, and readers cannot see where it comes from.",
        example='b.source("editorial", text=EDITORIAL)\n'
        'b.statement("The policy fails.", quote=("editorail", "Moon\'s current policy may not work"))',
        fix="Correct the source id, or add the source to the map.",
    ),
    CheckInfo(
        code="unquoted-statement",
        severity=Severity.INFO,
        title="A statement quotes no source",
        meaning="The map has sources, but this statement has no quote from any of them. (Maps without sources "
        "get no such notes.)",
        why="When a map models a text, a quote shows where in the text each claim is made. A statement without "
        "one may be an implicit premise, which is fine, or a claim the text does not make.",
        example='b.source("editorial", text=EDITORIAL)\nb.statement("Kim wants leverage.")  # no quote=',
        fix="Add a quote where the text states the claim; leave implicit premises as they are.",
    ),
    CheckInfo(
        code="duplicate-id",
        severity=Severity.ERROR,
        title="Two elements share an id",
        meaning="Two statements, two arguments, two sources or two sections have the same id. Statements and "
        "arguments are separate namespaces, so a statement and an argument may share one.",
        why="Relations and inference steps refer to elements by id; with two elements behind one id, every "
        "reference is ambiguous.",
        example='b.statement("Kim went to Russia.", id="trip")\nb.statement("The trip was a success.", id="trip")',
        fix="Give one of them another id, or merge them if they are the same element.",
        reported_by="build",
    ),
    CheckInfo(
        code="dangling-reference",
        severity=Severity.ERROR,
        title="A reference to an unknown element",
        meaning="A relation, an inference step or a section refers to an id that the map does not have (for a "
        "section's parent: one that does not come earlier).",
        why="A map is always referentially intact; a reference to nothing cannot be drawn, checked or evaluated.",
        example='b.statement("Moon\'s policy may not work.", id="policy-fails")\nb.support("sidelined", '
        '"policy-fails")  # no statement "sidelined"',
        fix="Correct the id (a typo is the usual cause), or add the missing element.",
        reported_by="build",
    ),
    CheckInfo(
        code="empty-text",
        severity=Severity.ERROR,
        title="A text or id is empty",
        meaning="A statement text, an id, a title, a tag, a quote or a source text is empty or only whitespace.",
        why="An empty element cannot be read or drawn, and an empty id cannot be referred to.",
        example='b.statement("   ")',
        fix="Write the text, or remove the element.",
        reported_by="build",
    ),
    CheckInfo(
        code="invalid-text",
        severity=Severity.ERROR,
        title="A text is not acceptable",
        meaning="A text is not a string, contains a control character (other than tab and line breaks), is "
        "longer than the limit (MAX_TEXT_LENGTH), or an id has leading or trailing whitespace.",
        why="Such text breaks diagrams, JSON and terminals, or could not be drawn by Graphviz.",
        example='b.statement("Kim\\x07 went to Russia.")',
        fix="Remove the control characters or surrounding whitespace, and shorten long texts (a long passage "
        "belongs in a source, quoted by the statement).",
        reported_by="build",
    ),
    CheckInfo(
        code="ambiguous-reference",
        severity=Severity.ERROR,
        title="An id names both a statement and an argument",
        meaning="A relation given to MapBuilder refers to an id that is both a statement's and an argument's, "
        "and the relation does not say which it means.",
        why="Guessing would relate the wrong element.",
        example='b.statement("Kim is isolated.", id="k")\nb.argument(["p"], "c", id="k")\nb.attack("x", "k")',
        fix='Pass source_type= or target_type= ("statement" or "argument"), or rename one of the two.',
        reported_by="build",
    ),
    CheckInfo(
        code="missing-version",
        severity=Severity.ERROR,
        title="Not an argmap JSON document",
        meaning='The JSON object has no "argmap" key, which holds the version of the format.',
        why="Without it the file is most likely some other JSON document, which argmap should not guess at.",
        example='{"statements": []}',
        fix='Read the file with the reader of its own format, or add "argmap": 1 if it was written for argmap.',
        reported_by="read",
    ),
    CheckInfo(
        code="unsupported-version",
        severity=Severity.ERROR,
        title="A format version this argmap cannot read",
        meaning='The "argmap" key holds a version other than the one this argmap reads: a newer one, or a value '
        "that is not a version number at all.",
        why="Another version may mean other keys; reading it as this one could lose or misread parts of the map.",
        example='{"argmap": 2, "statements": []}',
        fix="Upgrade argmap to read a newer file; otherwise write the version as the integer 1.",
        reported_by="read",
    ),
    CheckInfo(
        code="wrong-type",
        severity=Severity.ERROR,
        title="A JSON value of the wrong type",
        meaning="A value in the file is of another JSON type than its key takes: an object where a list belongs, "
        "a number where a string belongs, and so on.",
        why="argmap reads nothing it would have to guess at; a wrong type is usually a hand edit gone wrong.",
        example='{"argmap": 1, "statements": {"id": "p", "text": "Kim went to Russia."}}',
        fix="Give the value the type named in the message, at the JSON path it shows.",
        reported_by="read",
    ),
    CheckInfo(
        code="missing-key",
        severity=Severity.ERROR,
        title="A required JSON key is missing",
        meaning="An object in the file lacks a key that it must have, such as a statement's id or text.",
        why="The element cannot be built without it.",
        example='{"argmap": 1, "statements": [{"text": "Kim went to Russia."}]}',
        fix="Add the key the message names to the object at the JSON path it shows.",
        reported_by="read",
    ),
    CheckInfo(
        code="unknown-key",
        severity=Severity.ERROR,
        title="An unknown JSON key",
        meaning="An object in the file has a key that argmap does not know; the message lists the keys it takes.",
        why="Usually a misspelt key, whose value would otherwise be lost without a word.",
        example='{"argmap": 1, "statements": [{"id": "p", "txt": "Kim went to Russia."}]}',
        fix="Correct the spelling, or move extra information into the element's data object.",
        reported_by="read",
    ),
    CheckInfo(
        code="duplicate-key",
        severity=Severity.ERROR,
        title="A JSON key appears twice",
        meaning="An object in the file names the same key more than once.",
        why="JSON readers disagree on which value wins, so the file means different things to different tools.",
        example='{"argmap": 1, "title": "Kim in Russia", "title": "Kim in Moscow"}',
        fix="Keep one of the two and remove the other.",
        reported_by="read",
    ),
    CheckInfo(
        code="invalid-value",
        severity=Severity.ERROR,
        title="A JSON value argmap cannot take",
        meaning="A value has the right type but cannot be used: a relation kind or element type that does not "
        "exist, NaN or an infinite number, a lone surrogate in a string, an integer too long to convert, or data "
        "nested too deeply. Writing a map whose data holds such values reports it too.",
        why="Such values cannot be written back as standard JSON, or mean nothing to argmap.",
        example='{"argmap": 1, "statements": [{"id": "p", "text": "P."}],\n'
        ' "relations": [{"source": "p", "target": "p", "kind": "supports"}]}',
        fix="Use one of the values the message lists, or a plain finite number or string.",
        reported_by="read",
    ),
)

#: Every diagnostic code a user can see, in catalogue order: the checks of :func:`check`, then the problems for
#: which building or reading a map refuses it.
CATALOGUE: Mapping[str, CheckInfo] = MappingProxyType({info.code: info for info in _ENTRIES})
