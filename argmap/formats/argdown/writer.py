"""Writing maps as idiomatic Argdown that argmap and the reference implementation read back."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

from ...errors import MapError, Problem, Subject
from ...model import Argument, ArgumentMap, ElementType, Inference, Relation, RelationKind, Section, Statement
from .._shapes import check_json_value
from .syntax import LINE_TERMINATOR, LINE_TERMINATORS, RESERVED_KEYS, SPACES

__all__ = ["INEXPRESSIBLE", "MAX_HEADING_DEPTH", "MAX_NESTING", "dumps"]

#: The code of a problem that makes a valid map impossible to write as Argdown without losing something.
INEXPRESSIBLE: Final = "inexpressible"

#: Relations nest at most this deep; a longer chain goes on in a new snippet, so that a support chain 200,000 long
#: costs linear output, not quadratic indentation.
MAX_NESTING: Final = 8
#: Headings nest at most this deep: a heading's level is its number of ``#``, so a deeper nesting would make the
#: output grow with the square of the depth.
MAX_HEADING_DEPTH: Final = 100

_INDENT: Final = "  "

# A line break within a text: Argdown joins the lines of a text with a space, and no escape can stand before one.
_LINE_BREAK: Final = re.compile("[\n\r]")


# Plain text ----------------------------------------------------------------------------------------------------------

# Characters at which Argdown's plain-text token ends: each is read as a token of its own, which takes at most one
# following space or tab along with it.
_STOPS: Final = frozenset("\\@#*_[],.:;</>-(){}")
# The blanks that the lexer skips between tokens.
_BLANKS: Final = frozenset(" \t")
# Characters that start a construct wherever they stand in a text: an escape, statement or argument reference, link,
# mention, comment, YAML data, tag, bold or italic.
_TEXT_ESCAPES: Final = frozenset("\\[<{#*_")
# In an inference's list of rules: an escape, the list delimiter, YAML data, an HTML comment.
_RULE_ESCAPES: Final = frozenset("\\,{<")


# Whitespace to Python or to JavaScript: readers trim it from the ends of a text unless it is escaped.
_SPACE: Final = re.compile(rf"[\s{SPACES}]")
# A line or paragraph separator in the whitespace at either end of a text.
_EDGE_TERMINATOR: Final = re.compile(rf"^[\s{SPACES}]*?[{LINE_TERMINATORS}]|[{LINE_TERMINATORS}][\s{SPACES}]*$")


def _suspects(always: frozenset[str], *, rule: bool) -> re.Pattern[str]:
    """What :func:`_escape` may have to escape; a text with none of it is written as it is (the common case)."""
    stops = re.escape("".join(sorted(_STOPS - always)))
    edges = rf"^{_SPACE.pattern}|{_SPACE.pattern}\Z"
    pattern = rf"{edges}|[{re.escape(''.join(sorted(always)))}]|\.[^ \t.]*\.|:[^ \t:]*:|/[/*]|===|[{stops}][ \t]{{2}}"
    return re.compile(pattern + ("|--" if rule else ""))


_SUSPECTS: Final = {rule: _suspects(_RULE_ESCAPES if rule else _TEXT_ESCAPES, rule=rule) for rule in (False, True)}


class _After(enum.Enum):
    """What the lexer read last: it decides whether a blank that follows is kept, taken along, or skipped."""

    PLAIN = enum.auto()  # plain text, which runs on through blanks
    STOP = enum.auto()  # a stop character, which takes the next blank along
    TAKEN = enum.auto()  # a blank taken along by a stop character; another would be skipped
    ESCAPE = enum.auto()  # an escape, which takes following spaces (not tabs) along


def _marked(text: str, *, rule: bool) -> list[bool]:
    """Which characters of ``text`` would start a construct longer than themselves: a ``.`` or ``:`` that another
    one follows before the next blank (a shortcode such as ``.name.``), runs of three ``=`` (frontmatter), ``//``
    and ``/*`` (comments), and in rules ``--`` (the end of the inference line).
    """
    n = len(text)
    marked = [False] * n
    later: set[str] = set()
    for i in range(n - 1, -1, -1):  # from the end, to know what follows each character in its run
        c = text[i]
        if c in _BLANKS:
            later.clear()
        elif c in ".:":
            marked[i] = c in later
            later.add(c)
        elif c == "/" or (rule and c == "-"):
            marked[i] = i + 1 < n and text[i + 1] in ("/*" if c == "/" else "-")
    for run in re.finditer("={3,}", text):
        marked[run.start() : run.end()] = [True] * (run.end() - run.start())
    return marked


def _escape(text: str, *, rule: bool = False) -> str:
    """``text`` with backslash escapes where Argdown would read it otherwise, so that it reads back unchanged.

    An escape works on any character but a line break; only what needs one gets one: characters that start a
    construct, whitespace at either end (which readers trim), and blanks that the lexer would skip after a token.
    """
    if not _SUSPECTS[rule].search(text):
        return text
    end = len(text)
    always = _RULE_ESCAPES if rule else _TEXT_ESCAPES
    start = 0
    while start < end and _SPACE.match(text, start):
        start += 1
    while end > start and _SPACE.match(text, end - 1):
        end -= 1
    marked = _marked(text, rule=rule)
    out: list[str] = []
    after = _After.PLAIN
    for i, c in enumerate(text):
        if i < start or i >= end:
            escape = True
        elif c in _BLANKS:
            escape = after is _After.TAKEN or (after is _After.ESCAPE and c == "\t")
            if not escape and after is _After.STOP:
                after = _After.TAKEN
        else:
            escape = c in always or marked[i]
            if not escape:
                after = _After.STOP if c in _STOPS else _After.PLAIN
        if escape:
            out.append("\\")
            after = _After.ESCAPE
        out.append(c)
    return "".join(out)


# YAML ----------------------------------------------------------------------------------------------------------------

# Strings that need no quotes in YAML 1.1 and 1.2 alike, in block and in flow style.
_PLAIN_SCALAR: Final = re.compile(r"[A-Za-z](?:[A-Za-z0-9_ -]*[A-Za-z0-9_])?")
_YAML_WORDS: Final = frozenset({"null", "true", "false", "yes", "no", "on", "off"})
# In double quotes: the quote and the backslash, braces (which could end Argdown's inline data early), "]:" and ">:"
# (which would turn a reference before the data into a definition), runs of "=" (which would end the frontmatter),
# and whatever YAML readers take for a line break or refuse raw.
_QUOTED_ESCAPES: Final = re.compile(r'["\\{}\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\]>](?=:)|={3,}')
# What a literal block cannot hold: characters YAML refuses raw or reads as line breaks, and the frontmatter's end.
_UNLITERAL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|={3,}")
_NAMED_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _quoted_escape(match: re.Match[str]) -> str:
    found = match.group()
    if found[0] == "=":
        return "\\x3D" * len(found)
    code = ord(found)
    return _NAMED_ESCAPES.get(found) or (f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}")


def _string(text: str) -> str:
    """A YAML scalar for ``text``: plain where that is unambiguous, else double-quoted with escapes."""
    if _PLAIN_SCALAR.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return '"' + (_QUOTED_ESCAPES.sub(_quoted_escape, text) if _QUOTED_ESCAPES.search(text) else text) + '"'


def _scalar(value: object) -> str:
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    assert isinstance(value, float)  # data was checked to hold JSON values only
    text = float.__repr__(value)
    # YAML reads a float only with a dot in it: "1e+16" would come back a string.
    return text if "." in text else text.replace("e", ".0e")


def _flow(value: object) -> str:
    """``value`` (checked data: JSON values) as one line of flow-style YAML; iterative, however deep it nests."""
    if not isinstance(value, Mapping | list):
        return _scalar(value)
    out: list[str] = []
    # The open containers: the children still to write, the closing bracket, whether the children are key-value pairs.
    stack: list[tuple[Iterator[Any], str, bool]] = []
    pending: object = value
    while True:
        if isinstance(pending, Mapping):
            out.append("{")
            stack.append((iter(pending.items()), "}", True))
        elif isinstance(pending, list):
            out.append("[")
            stack.append((iter(pending), "]", False))
        else:
            out.append(_scalar(pending))
        while stack:
            children, closing, pairs = stack[-1]
            child: Any = next(children, _END)
            if child is _END:
                out.append(closing)
                stack.pop()
                continue
            if out[-1] != "{" and out[-1] != "[":
                out.append(", ")
            if pairs:
                out.append(_string(child[0]) + ": ")
                child = child[1]
            pending = child
            break
        else:
            return "".join(out)


_END: Final = object()


def _data(data: Mapping[str, Any], before: Sequence[str] = (), after: Sequence[str] = ()) -> str:
    """Inline YAML data: the key-value pairs ``before`` and ``after`` (already written) around those of ``data``;
    nothing where there are none.
    """
    pairs = [*before, *(f"{_string(key)}: {_flow(value)}" for key, value in data.items()), *after]
    return "{" + ", ".join(pairs) + "}" if pairs else ""


def _literal(text: str, indent: str) -> str | None:
    """``text`` as a YAML literal block (``|``), readable in the frontmatter, or ``None`` where one would not read
    back the same: leading or trailing blanks on a line, characters that need escapes, several final line breaks.
    """
    body = text.removesuffix("\n")
    if (
        "\n" not in body
        or body.startswith("\n")
        or body.endswith("\n")
        or _UNLITERAL.search(body)
        or any(line[:1] in _BLANKS or line[-1:] in _BLANKS for line in body.split("\n"))
    ):
        return None
    header = "|" if text.endswith("\n") else "|-"
    return header + "".join(f"\n{indent}{line}" if line else "\n" for line in body.split("\n"))


# What Argdown can hold -----------------------------------------------------------------------------------------------


def _strict(m: ArgumentMap) -> bool:
    """Whether the map's metadata sets Argdown's strict mode (``model: {mode: strict}`` in the frontmatter), in which
    support and attack between statements are read as entailment and contrariety.
    """
    model = m.metadata.get("model")
    return isinstance(model, Mapping) and model.get("mode") == "strict"


class _Checker:
    """Collects every reason why a map cannot be written as Argdown, each as a :class:`~argmap.Problem`."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, subject: Subject | None, message: str, path: str = "") -> None:
        self.problems.append(Problem(INEXPRESSIBLE, message, subject, path))

    def text(self, text: str, what: str, subject: Subject) -> None:
        if _LINE_BREAK.search(text):
            self.add(subject, f"{what} contains a line break, which Argdown reads as a space")
        elif _EDGE_TERMINATOR.search(text):
            # Whitespace at either end is kept by escapes, but no escape works on a line or paragraph separator.
            self.add(subject, f"{what} starts or ends with a line or paragraph separator, which Argdown trims")

    def trimmed(self, text: str, what: str, subject: Subject) -> None:
        if LINE_TERMINATOR.search(text):
            self.add(subject, f"{what} contains a line break, which Argdown reads as a space")
        elif text != text.strip().strip(SPACES):
            self.add(subject, f"{what} has whitespace at its start or end, which Argdown trims")

    def heading(self, text: str, what: str, subject: Subject) -> None:
        """A heading's title: a text, but Argdown trims a heading once its escapes are read, so no escape keeps
        whitespace at either end.
        """
        before = len(self.problems)
        self.text(text, what, subject)
        if len(self.problems) == before and text != text.strip().strip(SPACES):
            self.add(subject, f"{what} has whitespace at its start or end, which Argdown trims from a heading")

    def title(self, id: str, kind: str, closing: str) -> None:
        subject = Subject(kind, id)
        if LINE_TERMINATOR.search(id):
            self.add(subject, f"{kind} id contains a line break, which an Argdown title cannot hold")
        if closing in id:
            self.add(subject, f"{kind} id contains {closing!r}, which would end it in Argdown")
        if id.startswith("-"):
            self.add(subject, f"{kind} id starts with '-', which Argdown cannot refer to")
        if kind == "argument" and (id[0] in "+_" or id.startswith("!--")):
            # At the start of a line "<+" and "<_" open a relation, and "<!--" a comment.
            self.add(
                subject,
                f"argument id starts with {id[:3] if id[0] == '!' else id[0]!r}, which Argdown reads as "
                "something else at the start of a line",
            )

    def tags(self, tags: Sequence[str], subject: Subject, closing: str) -> None:
        for tag in tags:
            if ")" in tag or LINE_TERMINATOR.search(tag):
                self.add(subject, f"tag {tag!r} contains ')' or a line break, which would end an Argdown tag")
            elif closing + ":" in tag:
                self.add(subject, f"tag {tag!r} contains {closing + ':'!r}, which would end the reference it stands on")

    def data(self, data: Mapping[str, Any], subject: Subject | None, path: str, reserved: Sequence[str]) -> None:
        """Check ``data``, found at ``path`` of ``subject`` (of the map for ``None``)."""
        if not data:
            return
        problems: list[Problem] = []
        check_json_value(data, path, problems)
        self.problems += [Problem(p.code, p.message, subject, p.path) for p in problems]
        for key in reserved:
            if key in data:
                message = f"the key {key!r} is one that argmap's Argdown reader takes for a field"
                self.add(subject, message, f"{path}.{key}")


def _problems(m: ArgumentMap) -> list[Problem]:
    check = _Checker()
    if m.title != " ".join(m.title.split()):
        check.add(None, "the title has line breaks or runs of whitespace, which the Argdown reader joins")
    check.data(m.metadata, None, "metadata", RESERVED_KEYS["frontmatter"])
    _check_sections(m.sections, check)
    for statement in m.statements:
        subject = Subject("statement", statement.id)
        check.title(statement.id, "statement", "]")
        check.text(statement.text, "its text", subject)
        check.tags(statement.tags, subject, "]")
        check.data(statement.data, subject, "data", RESERVED_KEYS["statement"])
    for argument in m.arguments:
        subject = Subject("argument", argument.id)
        check.title(argument.id, "argument", ">")
        check.text(argument.text, "its text", subject)
        check.tags(argument.tags, subject, ">")
        check.data(argument.data, subject, "data", RESERVED_KEYS["argument"])
        if argument.scheme is not None:
            check.trimmed(argument.scheme, "its scheme", subject)
        for n, step in enumerate(argument.steps, 1):
            if not step.premises:
                check.add(subject, f"step {n} has no premises, which an Argdown inference always has")
            for rule in step.rules:
                check.trimmed(rule, f"step {n}'s inference rule {rule!r}", subject)
            check.data(step.data, subject, f"steps[{n - 1}].data", RESERVED_KEYS["inference"])
    strict = _strict(m)
    for relation in m.relations:
        _check_relation(relation, strict, check)
    return check.problems


def _check_sections(sections: Sequence[Section], check: _Checker) -> None:
    """Headings nest by their order: each section must follow its parent, or its parent's earlier subsections."""
    levels: dict[str, int] = {}
    path: list[str | None] = []  # the open section at each level
    for section in sections:
        subject = Subject("section", section.id)
        check.heading(section.title, "its title", subject)
        check.data(section.data, subject, "data", RESERVED_KEYS["heading"])
        level = 0 if section.parent is None else levels[section.parent] + 1
        if level >= MAX_HEADING_DEPTH:
            check.add(
                subject, f"it is nested {level + 1} sections deep; Argdown headings go at most {MAX_HEADING_DEPTH}"
            )
        if level and (len(path) < level or path[level - 1] != section.parent):
            check.add(
                subject,
                f"it does not follow its parent {section.parent!r}, or that section's other subsections: Argdown "
                "nests headings by their order",
            )
        del path[level:]
        path += [None] * (level - len(path))
        path.append(section.id)
        levels[section.id] = level


def _check_relation(relation: Relation, strict: bool, check: _Checker) -> None:
    subject = Subject("relation", f"{relation.source} -> {relation.target}")
    between_statements = relation.source_type is relation.target_type is ElementType.STATEMENT
    kind = relation.kind
    if kind is RelationKind.CONTRADICTION and relation.target_type is ElementType.ARGUMENT:
        check.add(subject, "a contradiction with an argument in Argdown can only leave from it, not aim at it")
    elif kind in (RelationKind.ENTAILS, RelationKind.CONTRARY) and not (between_statements and strict):
        check.add(
            subject,
            f"Argdown knows {kind.value} relations only between statements, in strict mode (metadata "
            "model: {mode: strict})",
        )
    elif kind in (RelationKind.SUPPORT, RelationKind.ATTACK) and between_statements and strict:
        check.add(subject, f"in strict mode Argdown reads {kind.value} between statements as entailment or contrariety")


# Writing -------------------------------------------------------------------------------------------------------------

_TAG_WORD: Final = re.compile("[A-Za-z0-9\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef-]+")

# For each kind: the symbol under the relation's target (the source nested below it), then under its source.
_SYMBOLS: Final = {
    RelationKind.SUPPORT: ("+", "+>"),
    RelationKind.ATTACK: ("-", "->"),
    RelationKind.UNDERCUT: ("_", "_>"),
    RelationKind.CONTRADICTION: ("><", "><"),
    RelationKind.ENTAILS: ("+", "+>"),
    RelationKind.CONTRARY: ("-", "->"),
}


def _tag(tag: str) -> str:
    return f"#{tag}" if _TAG_WORD.fullmatch(tag) else f"#({tag})"


def _line(head: str, text: str, data: str) -> str:
    """``head`` (``[id]:``, ``<id>:`` or a heading's hashes), then the text and inline YAML data."""
    line = f"{head} {_escape(text)}" if text else head
    return f"{line} {data}" if data else line


def _definition(head: str, text: str, tags: Sequence[str], data: str) -> list[str]:
    """The paragraphs that define a statement or an argument with a description.

    The reader counts a definition's tags in its text, as Argdown does: where the text ends with its tags, as read
    from a document, they are written as tags there; other tags go on a reference of their own after it.
    """
    if not tags:
        return [_line(head, text, data)]
    written = " " + " ".join(map(_tag, tags))
    if text.endswith(written) and len(text) > len(written):
        return [_line(head, text[: -len(written)], "") + written + (f" {data}" if data else "")]
    return [_line(head, text, data), _tags_line(head[:-1], tags, "")]


def _tags_line(reference: str, tags: Sequence[str], data: str) -> str:
    """A reference with tags and data; the reader does not count its tags in the element's text."""
    return " ".join([reference, *map(_tag, tags), *([data] if data else [])])


def _statement_data(statement: Statement) -> str:
    quotes = ", ".join(f"{{source: {_string(q.source)}, text: {_string(q.text)}}}" for q in statement.quotes)
    return _data(statement.data, after=[f"quotes: [{quotes}]"] if quotes else [])


def _argument_data(argument: Argument) -> str:
    return _data(argument.data, before=[] if argument.scheme is None else [f"scheme: {_string(argument.scheme)}"])


class _Mentions:
    """The mentions of one kind of element, statements or arguments: how one is written, and for each element the
    number of its first mention and of the mention that defines it (where it takes its section).
    """

    def __init__(self, opening: str, closing: str) -> None:
        self.opening = opening
        self.closing = closing
        self.count = 0
        self.first: dict[str, int] = {}
        self.defining: dict[str, int] = {}

    def reference(self, id: str) -> str:
        return self.opening + id + self.closing

    def __call__(self, id: str, *, defining: bool = False) -> str:
        """The reference to an element, counted as a mention."""
        self.count += 1
        self.first.setdefault(id, self.count)
        if defining:
            self.defining[id] = self.count
        return self.reference(id)


class _Writer:
    """Lays a map out as paragraphs, counting the order in which elements are first mentioned."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.blocks: list[str] = []
        self.statement = _Mentions("[", "]")
        self.argument = _Mentions("<", ">")

    def mentions(self, type: ElementType) -> _Mentions:
        return self.statement if type is ElementType.STATEMENT else self.argument

    def body(self) -> None:
        """Elements by section, each section under its heading, in map order; the relations after them all."""
        m = self.m
        members: dict[str | None, tuple[list[Statement], list[Argument]]] = {None: ([], [])}
        for section in m.sections:
            members[section.id] = ([], [])
        for statement in m.statements:
            members[statement.section][0].append(statement)
        for argument in m.arguments:
            members[argument.section][1].append(argument)
        self.elements(*members[None])
        levels: dict[str, int] = {}
        for n, section in enumerate(m.sections, 1):
            levels[section.id] = 1 if section.parent is None else levels[section.parent] + 1
            # The reader numbers headings s1, s2...: other ids go in the heading's data.
            data = _data(section.data, before=[] if section.id == f"s{n}" else [f"id: {_string(section.id)}"])
            self.blocks.append(_line("#" * levels[section.id], section.title, data))
            self.elements(*members[section.id])
        self.relations(m.relations)

    def elements(self, statements: list[Statement], arguments: list[Argument]) -> None:
        for statement in statements:
            head = self.statement(statement.id, defining=True) + ":"
            self.blocks += _definition(head, statement.text, statement.tags, _statement_data(statement))
        for argument in arguments:
            reference = self.argument(argument.id, defining=True)
            data = _argument_data(argument)
            if argument.text:
                self.blocks += _definition(reference + ":", argument.text, argument.tags, data)
            else:
                # Argdown has no empty description: a reference introduces the argument, with its tags and data.
                self.blocks.append(_tags_line(reference, argument.tags, data))
            if argument.steps:
                self.blocks.append("\n".join(self.pcs(argument.steps, argument.unused_premises)))

    def pcs(self, steps: Sequence[Inference], unused: Sequence[str]) -> list[str]:
        """The premise-conclusion structure: the premises no step uses, then each step's premises, its inference
        line, its conclusion.

        The reader takes a step's premises to be the lines from the previous conclusion (included) to the step's own
        inference line. A step that uses other statements lists those not numbered yet and names all its premises by
        number in the inference's data (``uses``); so does the first step after unused premises.
        """
        lines: list[str] = []
        numbers: dict[str, int] = {}  # the number of each statement's first line in the structure
        count = 0

        def numbered(id: str) -> None:
            nonlocal count
            count += 1
            numbers.setdefault(id, count)
            lines.append(f"({count}) {self.statement(id)}")

        for premise in unused:
            numbered(premise)
        previous = list(unused)
        for step in steps:
            premises = list(dict.fromkeys(step.premises))
            explicit = premises[: len(previous)] != previous
            for premise in [p for p in premises if p not in numbers] if explicit else premises[len(previous) :]:
                numbered(premise)
            uses = [f"uses: {_flow([numbers[p] for p in premises])}"] if explicit else []
            lines.append(_inference(step.rules, _data(step.data, after=uses)))
            numbered(step.conclusion)
            previous = [step.conclusion]
        return lines

    def relations(self, relations: Sequence[Relation]) -> None:
        """Relations in map order, each nested under the deepest open element it shares, else in a new snippet."""
        lines: list[str] = []
        path: list[tuple[_Mentions, str]] = []  # the elements open for nesting, one per indentation level
        for relation in relations:
            source = (self.mentions(relation.source_type), relation.source)
            target = (self.mentions(relation.target_type), relation.target)
            # A contradiction reads from the element above to the one below: it can only hang below its source.
            below_target = relation.kind is not RelationKind.CONTRADICTION
            depth = len(path) - 1
            while depth >= 0 and path[depth] != source and not (below_target and path[depth] == target):
                depth -= 1
            if depth < 0 or depth >= MAX_NESTING:
                if lines:
                    self.blocks.append("\n".join(lines))
                root = target if below_target else source
                lines, path, depth = [root[0](root[1])], [root], 0
            from_above = not (below_target and path[depth] == target)
            child = target if from_above else source
            del path[depth + 1 :]
            path.append(child)
            symbol = _SYMBOLS[relation.kind][from_above]
            lines.append(f"{_INDENT * (depth + 1)}{symbol} {child[0](child[1])}")
        if lines:
            self.blocks.append("\n".join(lines))

    def preamble(self) -> tuple[list[str], list[Problem]]:
        """References that fix the order of first mention where the body's differs from the map's (a prefix of the
        statements and one of the arguments, the shortest after which the body's order agrees), and the problems of
        elements that a mention before their definition would put in the wrong section.
        """
        blocks: list[str] = []
        problems: list[Problem] = []
        kinds: tuple[tuple[_Mentions, Sequence[Statement | Argument]], ...] = (
            (self.statement, self.m.statements),
            (self.argument, self.m.arguments),
        )
        for mentions, elements in kinds:
            first = mentions.first
            cut = max(
                (n for n in range(1, len(elements)) if first[elements[n - 1].id] > first[elements[n].id]), default=0
            )
            blocks += [mentions.reference(element.id) for element in elements[:cut]]
            for n, element in enumerate(elements):
                placed = element.section is None or (isinstance(element, Argument) and element.steps)  # by its pcs
                if placed or (n >= cut and first[element.id] == mentions.defining[element.id]):
                    continue
                in_group = element.data.get("isInGroup")
                reference = isinstance(element, Argument) and not element.text
                if in_group is not True and (in_group is not None or reference):
                    problems.append(
                        Problem(
                            INEXPRESSIBLE,
                            "Argdown would put it in the section where it is first mentioned, before its "
                            + ("description-less reference" if reference else "definition (its data has isInGroup)"),
                            Subject("argument" if isinstance(element, Argument) else "statement", element.id),
                        )
                    )
        return blocks, problems


def _inference(rules: Sequence[str], data: str) -> str:
    """An inference line: ``----``, or ``-- rule, rule {data} --``."""
    parts = [*([", ".join(_escape(rule, rule=True) for rule in rules)] if rules else []), *([data] if data else [])]
    return " ".join(["--", *parts, "--"]) if parts else "----"


def _frontmatter(m: ArgumentMap) -> list[str]:
    """The YAML frontmatter: the title, the metadata, and the sources (long texts as literal blocks)."""
    lines = [f"title: {_string(m.title)}"] if m.title else []
    lines += [f"{_string(key)}: {_flow(value)}" for key, value in m.metadata.items()]
    if m.sources:
        lines.append("sources:")
    for source in m.sources:
        lines.append(f"  - id: {_string(source.id)}")
        if source.title:
            lines.append(f"    title: {_string(source.title)}")
        lines.append(f"    text: {_literal(source.text, '      ') or _string(source.text)}")
    return ["\n".join(["===", *lines, "==="])] if lines else []


def dumps(m: ArgumentMap) -> str:
    """Write a map as Argdown that :func:`argmap.formats.argdown.loads` reads back equal.

    The title, metadata and sources go in the YAML frontmatter; sections become headings; each statement is defined
    once, ``[id]: text {data}``, with its quotes in its data; each argument follows as ``<id>: description {data}``,
    with its scheme in its data and its premise-conclusion structure below; tags go on a reference (``[id] #tag``),
    unless the text ends with them as Argdown reads them; relations come last, nested by indentation. The output is
    the same, byte for byte, on every run, and takes time linear in the size of the map.

    Raises :class:`~argmap.MapError` listing everything that Argdown cannot hold, with the code ``inexpressible``
    (or ``invalid-value`` for data that is not JSON values): line breaks in texts, ids that would end their
    brackets, keys that the reader keeps for fields, sections out of heading order, and so on. What Argdown holds
    but reads in its own way (an argument's relations leave from its conclusion once it is reconstructed, repeated
    relations are one) is written as it is, and read back as Argdown reads it.
    """
    problems = _problems(m)
    if problems:
        raise MapError(problems)
    writer = _Writer(m)
    writer.body()
    preamble, problems = writer.preamble()
    if problems:
        raise MapError(problems)
    blocks = _frontmatter(m) + preamble + writer.blocks
    return "\n\n".join(blocks) + "\n" if blocks else ""
