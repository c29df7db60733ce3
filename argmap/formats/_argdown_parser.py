"""The Argdown parser: the reference's grammar over the tokens, building its model as it goes, without recursion."""

from __future__ import annotations

import re
from typing import Any, Final

from . import _argdown_lexer as lx
from ._argdown_lexer import Fault
from ._argdown_model import Argument, Document, Element, Inference, Member, Relation, Section, Statement, derive, truthy
from ._argdown_yaml import load as load_yaml
from ._argdown_yaml import merge

__all__ = ["parse"]

_TERMINATORS: Final = frozenset("\n\r\u2028\u2029")

_FREESTYLE: Final = frozenset({lx.FS, lx.UCC, lx.ESC, lx.SPC})
_CONTENT: Final = _FREESTYLE | {lx.LINK, lx.BOLD_START, lx.ITALIC_START, lx.TAG, lx.AMEN, lx.SMEN, lx.NL}
_STATEMENT_START: Final = _CONTENT | {lx.SREF, lx.SDEF}
_ARGUMENT_START: Final = frozenset({lx.ADEF, lx.AREF})
_LINK: Final = re.compile(r"\[([^\n\r\u2028\u2029]+)\]\(([^\n\r\u2028\u2029]+)\)")

#: What each relation symbol makes: the kind, and whether the element above is the relation's source.
_RELATION_SYMBOLS: Final = {
    lx.SUP_IN: ("support", True),
    lx.ATT_IN: ("attack", True),
    lx.SUP_OUT: ("support", False),
    lx.ATT_OUT: ("attack", False),
    lx.CONTRA: ("contradictory", True),
    lx.UND_IN: ("undercut", True),
    lx.UND_OUT: ("undercut", False),
}

_SHORTCODES: Final = {
    **{
        f"{fence}{name}{fence}": char
        for name, char in {
            "A": "∀",
            "E": "∃",
            "O": "\U0001d5e2",  # bold sans-serif O and P: the modal operators "ought" and "permitted"
            "P": "\U0001d5e3",
            "->": "→",
            "<->": "↔",
            "~": "¬",
            "^": "∧",
            "v": "\u2228",  # logical or
            "v_": "⊻",
            "<>": "◇",
            "[]": "◻",
            "happy": "😀",
            "smile": "☺",
            "smiley": "☺",
            "laugh": "😆",
            "lol": "😆",
            "rofl": "🤣",
            "joy": "😂",
            "heart": "❤",
            "?": "❓",
            "question": "❓",
            "love": "😍",
            "wink": "😉",
            "shush": "🤫",
            "meh": "😐",
            "eye-roll": "🙄",
            "sad": "😢",
            "disappointed": "😞",
            "scream": "😱",
            "+1": "👍",
            "up": "👍",
            "-1": "👎",
            "down": "👎",
            "think": "🤔",
            "star": "⭐",
            "y": "✔",
            "agree": "✔",
            "n": "❌",
            "disagree": "❌",
        }.items()
        for fence in ".:"
    },
    ":smile:": "☺\ufe0f",  # the reference's colon form alone carries the emoji variation selector
}


class _Node:
    """A statement or argument being read, with the relations below it."""

    __slots__ = ("is_argument", "member", "relation", "relations_open", "undercuts_only")

    def __init__(self, member: Member, is_argument: bool, relation: Relation | None) -> None:
        self.member = member
        self.is_argument = is_argument
        self.relation = relation  # the relation that links it to the element above
        self.relations_open: Element | None = None  # while its relations are read: what they attach to
        self.undercuts_only = False  # an inference line's relations: only undercuts


def _setting(frontmatter: dict[str, Any], group: str, key: str) -> Any:
    section = frontmatter.get(group)
    return section.get(key) if isinstance(section, dict) else None


class _Parser:
    """One reading of a token stream, with the state of the reference's model plugin as it walks the tree."""

    def __init__(self, tokens: lx.Tokens) -> None:
        self.text = tokens.text
        self.kinds = tokens.kinds
        self.starts = tokens.starts
        self.ends = tokens.ends
        self.values = tokens.values
        self.i = 0
        self.doc = Document()
        self.untitled = 0
        self.section: Section | None = None
        self.in_heading: Member | None = None
        self.inference_read: Inference | None = None  # in a pcs, after its first inference line: the last one
        self.remove_tags = False
        self.shortcodes: dict[str, str] = _SHORTCODES
        self.index: dict[tuple[object, object, str], Relation] = {}

    # Tokens ----------------------------------------------------------------------------------------------------------

    def image(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def fail(self, message: str, i: int | None = None) -> Fault:
        i = self.i if i is None else i
        # At the end of the text, point at the last thing written, as the reference does, not past it.
        if self.kinds[i] == lx.EOF:
            while i > 0 and self.kinds[i] in (lx.EOF, lx.DED):
                i -= 1
        return Fault(message, self.starts[i])

    def describe(self, i: int) -> str:
        kind = self.kinds[i]
        if kind == lx.EOF:
            return "the end of the document"
        if kind == lx.IND:
            return "an indented line"
        if kind == lx.DED:
            return "a line indented less"
        if kind == lx.EL:
            return "an empty line"
        if kind == lx.NL:
            return "a line break"
        image = self.image(i).strip(" \t'")
        if len(image) > 30:
            image = image[:29] + "…"
        return repr(image)

    def untitled_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    # Elements ---------------------------------------------------------------------------------------------------------

    def statement(self, title: str) -> Statement:
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = Statement(title)
        return found

    def argument(self, title: str | None, offset: int) -> Argument:
        if title is None:
            title = self.untitled_title()
        found = self.doc.arguments.get(title)
        if found is None:
            found = self.doc.arguments[title] = Argument(title, offset)
        return found

    def relation_end(self, node: _Node) -> Element:
        """The element a node stands for in relations; an untitled statement gets its title now."""
        member = node.member
        if node.is_argument:
            return self.argument(member.title or None, member.offset)
        if not member.title:
            member.title = self.untitled_title()
        return self.statement(member.title)

    def title(self, i: int, closing: int) -> str:
        """The title inside a reference or definition token (``closing`` characters end it)."""
        title = self.text[self.starts[i] + 1 : self.ends[i] - closing]
        if title[:1] in _TERMINATORS:
            # The reference's title pattern cannot span lines (the lexer lets only a reference's first character be
            # a line break): such a token names nothing.
            return ""
        stripped = title.strip()
        if not stripped:
            raise self.fail("a title cannot be empty", i)
        return stripped

    def data(self, member: Member) -> None:
        """Read a data token into ``member``, then the line break after it."""
        i = self.i
        image = self.image(i)
        offset = self.starts[i]
        block = re.match(r"\{[ \t]*(?:\n\r|\n)", image)
        if block is not None:
            # A brace and a line break open YAML's block format: the braces are not part of the YAML then.
            source = re.sub(r"\}[" + lx.SPACES + r"]*\Z", "", image[block.end() :])
            value = load_yaml(source, offset + block.end())
        else:
            value = load_yaml(image, offset)
        if value is not None and not isinstance(value, dict):
            raise self.fail("YAML data must be a mapping of keys to values, such as {key: value}")
        member.data = value
        member.data_offset = offset
        self.i += 1
        if self.kinds[self.i] == lx.NL:
            self.i += 1

    # Text -------------------------------------------------------------------------------------------------------------

    def target(self, member: Member) -> Member:
        return self.in_heading if self.in_heading is not None else member

    def freestyle(self, member: Member | None) -> str:
        """Read a run of text tokens; add it to ``member`` and return it."""
        kinds, text, starts, ends, values = self.kinds, self.text, self.starts, self.ends, self.values
        i = self.i
        if kinds[i] == lx.FS and kinds[i + 1] not in _FREESTYLE:
            # The common case, one run of plain text: nothing to join. (The token after it exists: the last is EOF.)
            joined = values[i] if i in values else text[starts[i] : ends[i]]
            self.i = i + 1
            if member is not None:
                member.add(joined)
            return joined
        pieces: list[str] = []
        while kinds[i] in _FREESTYLE:
            kind = kinds[i]
            piece = values[i] if i in values else text[starts[i] : ends[i]]
            if kind == lx.ESC:
                if member is not None:
                    if pieces:
                        member.add("".join(pieces))
                        pieces = []
                    # Only the escaped character is kept as written; the spaces the token takes after it are not.
                    member.add(piece[1], kept=True)
                    pieces.append(piece[2:])
                else:
                    pieces.append(piece[1:])
            elif kind == lx.SPC:
                code = self.shortcodes.get(piece.strip(lx.SPACES))
                if code is not None:
                    pieces.append(code + " " if piece[-1] == " " else code)
                else:
                    pieces.append(piece)
            else:
                pieces.append(piece)
            i += 1
        self.i = i
        joined = "".join(pieces)
        if member is not None:
            member.add(joined)
        return joined

    def tag(self, member: Member) -> None:
        image = self.image(self.i)
        name = image[2 : image.index(")", 2)] if image.startswith("#(") else image[1:].rstrip(" \t")
        if not self.remove_tags:
            member.add(image)
        member.tags[name] = None
        self.i += 1

    def content(self, member: Member) -> None:
        """Read statement content (text, links, tags, mentions, bold and italic ranges, line breaks) into the text of
        ``member`` (or of the heading being read). Bold and italic ranges nest without recursion.
        """
        kinds = self.kinds
        i = self.i
        if kinds[i] == lx.FS and self.in_heading is None:
            # The common case, one run of plain text and tags (and a line break) and no more content: no bookkeeping.
            last = i + 1
            while kinds[last] == lx.TAG:
                last += 1
            after = kinds[last]
            if after not in _CONTENT or (after == lx.NL and kinds[last + 1] not in _CONTENT):
                member.add(self.values[i] if i in self.values else self.text[self.starts[i] : self.ends[i]])
                self.i = i + 1
                while self.i < last:
                    self.tag(member)
                self.i = last if after != lx.NL else last + 1
                return
        target = self.target(member)
        if kinds[i] not in _CONTENT:
            raise self.fail(
                "text is missing: write the statement's text here, or refer to an existing statement or argument "
                "with [Title] or <Title> (no colon)"
            )
        # Per open range (and the content itself): whether a line break waits to become a space. A line break
        # becomes one only when more content follows at its level.
        pending = [False]
        closing: list[int] = []
        while True:
            kind = kinds[self.i]
            if kind in _CONTENT:
                if pending[-1]:
                    pending[-1] = False
                    if not target.ends_with_space():
                        target.add(" ")
                if kind in _FREESTYLE:
                    self.freestyle(target)
                elif kind == lx.NL:
                    pending[-1] = True
                    self.i += 1
                elif kind == lx.TAG:
                    self.tag(target)
                elif kind == lx.LINK:
                    found = _LINK.search(self.image(self.i))
                    if found is None:
                        raise self.fail("a link's text and its address must each stay on one line")
                    target.add(found.group(1))
                    if self.text[self.ends[self.i] - 1] == " ":
                        target.add(" ")
                    self.i += 1
                elif kind in (lx.AMEN, lx.SMEN):
                    target.add(self.image(self.i))
                    self.i += 1
                else:  # a bold or italic range opens
                    closing.append(lx.BOLD_END if kind == lx.BOLD_START else lx.ITALIC_END)
                    pending.append(False)
                    self.i += 1
                continue
            if not closing:
                return
            if kind != closing[-1]:
                what = "bold" if closing[-1] == lx.BOLD_END else "italic"
                raise self.fail(
                    f"the {what} text is not closed before {self.describe(self.i)}: close it with the characters "
                    "that opened it (** or __ for bold, * or _ for italic), or escape them with a backslash"
                )
            closing.pop()
            pending.pop()
            if self.text[self.ends[self.i] - 1] == " ":
                target.add(" ")
            self.i += 1

    # Statements and arguments -----------------------------------------------------------------------------------

    def head(self, relation: Relation | None, arguments: bool, what: str | None = None) -> _Node:
        """Read a statement or (when ``arguments``) an argument up to its relations; ``what`` names it in errors (by
        default, as the other end of the relation symbol before it).
        """
        kind = self.kinds[self.i]
        i = self.i
        member = Member(self.starts[i])
        if kind in _ARGUMENT_START:
            if not arguments:
                raise self.fail(
                    f"{self.named(what)} must be a statement, not an argument: use [Title] or [Title]: text"
                )
            if self.section is not None:
                member.section = self.section
            if kind == lx.ADEF:
                member.title = self.title(i, 2)
                self.i += 1
                self.content(member)
            else:
                member.title = self.title(i, 1)
                member.is_reference = bool(member.title)
                self.i += 1
                self.reference_tail(member)
            node = _Node(member, True, relation)
        elif kind in _STATEMENT_START:
            if kind == lx.SREF:
                member.title = self.title(i, 1)
                member.is_reference = bool(member.title)
                self.i += 1
                self.reference_tail(member)
            else:
                if kind == lx.SDEF:
                    member.title = self.title(i, 2)
                    self.i += 1
                self.content(member)
            node = _Node(member, False, relation)
        else:
            raise self.fail(f"{self.named(what)} is missing: write a statement or argument after the relation symbol")
        if self.kinds[self.i] == lx.DATA:
            self.data(member)
        return node

    def named(self, what: str | None) -> str:
        """``what``, or else the element after the relation symbol before the current token, as errors name it."""
        if what is not None:
            return what
        symbol = self.image(self.i - 1).strip(" \t'")
        return f"the other end of '{symbol}'"

    def reference_tail(self, member: Member) -> None:
        while self.kinds[self.i] == lx.TAG:
            self.tag(member)
        if self.kinds[self.i] == lx.NL:
            self.i += 1

    def finish(self, node: _Node) -> Element:
        """Register a read statement or argument (its title, tags, data and section) as the reference does when it
        leaves one; returns the element it stands for.
        """
        member = node.member
        if node.is_argument:
            argument = self.argument(member.title or None, member.offset)
            if not member.title:
                member.title = argument.title
            argument.tags.update(member.tags)
            if member.data is not None:
                argument.data = _merged(argument.data, member.data)
            argument.members.append(member)
            if _takes_section(member, argument.section):
                argument.section = member.section
            return argument
        if not member.title:
            member.title = self.untitled_title()
        statement = self.doc.statements.get(member.title) or self.statement(member.title)
        if self.section is not None:
            member.section = self.section
        if member.tags:
            statement.tags.update(member.tags)
        if member.data is not None:
            statement.data = _merged(statement.data, member.data)
            if _takes_section(member, statement.section):
                statement.section = member.section
        elif statement.section is None and not member.is_reference:
            statement.section = member.section
        statement.members.append(member)
        return statement

    def link(self, relation: Relation, end: Element) -> None:
        """Complete a relation with its second end and add it, unless the same relation exists already."""
        if relation.source is None:
            relation.source = end
        else:
            relation.target = end
        source, target, kind = relation.source, relation.target, relation.kind
        existing = self.index.get((source, target, kind))
        if existing is None and kind == "contradictory":
            existing = self.index.get((target, source, kind))
        if existing is not None:
            existing.offset = min(existing.offset, relation.offset)
            return
        self.index[(source, target, kind)] = relation
        self.doc.relations.append(relation)

    def tree(self, root: _Node) -> Element | None:
        """Read the relations below ``root``, however deep they nest; returns the element ``root`` stands for (or
        ``None`` for the relations of an inference line).

        Each open element waits on the stack until the lines indented below it are read; it is registered when it is
        left, and only then is the relation to the element above complete: the order in which the reference numbers
        untitled statements and creates elements.
        """
        kinds = self.kinds
        if root.relations_open is None and kinds[self.i] != lx.IND:
            return self.finish(root)  # nothing below it: most statements and arguments
        stack = [root]
        element: Element | None = None
        while stack:
            node = stack[-1]
            kind = kinds[self.i]
            if node.relations_open is None:
                if kind == lx.IND:
                    node.relations_open = self.relation_end(node)
                    self.i += 1
                    if kinds[self.i] not in lx.RELATIONS:
                        raise self.fail(
                            f"an indented line below a statement or argument must start with a relation symbol "
                            f"(+, -, <+, <-, +>, ->, ><, _>, <_), not {self.describe(self.i)}"
                        )
                    continue
            elif kind in lx.RELATIONS:
                if node.undercuts_only and kind != lx.UND_OUT:
                    raise self.fail(
                        "only undercuts (<_) can stand below an inference line; attach other relations to a statement"
                    )
                relation_kind, from_above = _RELATION_SYMBOLS[kind]
                image = self.image(self.i)
                relation = Relation(relation_kind, self.starts[self.i] + len(image) - len(image.lstrip(" \t'")))
                if from_above:
                    relation.source = node.relations_open
                elif (
                    kind == lx.UND_OUT
                    and self.inference_read is not None
                    and isinstance(node.relations_open, Statement)
                ):
                    # Within a pcs, "<_" below a statement undercuts the inference read last: the step it belongs to.
                    relation.target = self.inference_read
                else:
                    relation.target = node.relations_open
                self.i += 1
                stack.append(self.head(relation, kind != lx.CONTRA))
                continue
            elif kind == lx.DED:
                self.i += 1
            else:
                raise self.fail(
                    f"unexpected {self.describe(self.i)}: below a statement or argument, each line must start with a "
                    "relation symbol or be indented less; text cannot follow a reference on its line (to mention an "
                    "element inside text, write @[Title] or @<Title>)"
                )
            stack.pop()
            if node.undercuts_only:
                return None
            element = self.finish(node)
            if node.relation is not None:
                self.link(node.relation, element)
        return element

    # Premise-conclusion structures --------------------------------------------------------------------------------

    def pcs(self, before: Argument | None) -> None:
        """Read a premise-conclusion structure; it reconstructs ``before``, the argument of the paragraph above, or
        else a new untitled argument.
        """
        start = self.i
        argument = before if before is not None else self.argument(None, self.starts[start])
        if self.section is not None:
            argument.section = self.section
        if argument.pcs:
            raise self.fail(
                f"<{argument.title}> already has a premise-conclusion structure; an argument can have only one", start
            )
        self.pcs_statement(argument, None)
        steps = 0
        while self.kinds[self.i] in (lx.SN, lx.IS):
            while self.kinds[self.i] == lx.SN:
                self.pcs_statement(argument, None)
            inference = self.inference(argument)
            if self.kinds[self.i] != lx.SN:
                raise self.fail(
                    f"a conclusion must follow the inference line: a numbered statement such as (3) Conclusion, "
                    f"not {self.describe(self.i)}"
                )
            self.inference_read = inference
            self.pcs_statement(argument, inference)
            steps += 1
        # The reference keeps aiming undercuts at this inference after the pcs, anywhere further down the
        # document (it never forgets it); that is a slip, not Argdown: below a statement outside a pcs, "<_"
        # undercuts that statement.
        self.inference_read = None
        if not steps:
            if self.kinds[self.i] in lx.RELATIONS or self.kinds[self.i] == lx.IND:
                raise self.fail("this relation is indented wrongly: indent it below the statement it belongs to")
            raise self.fail(
                "a premise-conclusion structure needs numbered premises, an inference line (----) and a numbered "
                f"conclusion, without empty lines between them; found {self.describe(self.i)} instead",
                start,
            )

    def pcs_statement(self, argument: Argument, inference: Inference | None) -> None:
        self.i += 1  # the number: the reference ignores its value
        kind = self.kinds[self.i]
        if kind in _ARGUMENT_START:
            raise self.fail(
                "a premise or conclusion must be a statement, not an argument: use [Title] or [Title]: text"
            )
        if kind not in _STATEMENT_START:
            raise self.fail(f"the statement after the number is missing; found {self.describe(self.i)}")
        node = self.head(None, False, "a premise or conclusion")
        self.tree(node)
        member = node.member
        member.inference = inference
        argument.pcs.append(member)

    def inference(self, argument: Argument) -> Inference:
        kinds = self.kinds
        if kinds[self.i] != lx.IS:
            raise self.fail(
                f"an inference line (---- or -- rule, rule {{data}} --) must come before the conclusion; found "
                f"{self.describe(self.i)}"
            )
        inference = Inference(self.starts[self.i], argument.title)
        self.i += 1
        if kinds[self.i] in _FREESTYLE or (kinds[self.i] == lx.NL and kinds[self.i + 1] in _FREESTYLE):
            if kinds[self.i] == lx.NL:
                self.i += 1
            while True:
                inference.rules.append(self.freestyle(None).strip(lx.SPACES))
                if kinds[self.i] != lx.LD:
                    break
                self.i += 1
                if kinds[self.i] not in _FREESTYLE:
                    raise self.fail("an inference rule's name must follow the comma")
        if kinds[self.i] == lx.NL:
            self.i += 1
        if kinds[self.i] == lx.DATA:
            holder = Member(self.starts[self.i])
            self.data(holder)
            inference.data = holder.data
        if kinds[self.i] != lx.IE:
            raise self.fail(
                f"the inference line must end with two hyphens (--), not {self.describe(self.i)}; write ---- alone, "
                "or -- rule, rule {data} --"
            )
        self.i += 1
        if kinds[self.i] != lx.NL:
            raise self.fail("the inference line must end the line: put the conclusion on the next line")
        self.i += 1
        if kinds[self.i] == lx.IND:
            holder_node = _Node(Member(self.starts[self.i]), False, None)
            holder_node.relations_open = inference
            holder_node.undercuts_only = True
            self.i += 1
            if kinds[self.i] != lx.UND_OUT:
                raise self.fail(
                    "only undercuts (<_) can stand below an inference line; attach other relations to a statement"
                )
            self.tree(holder_node)
        return inference

    # Blocks ---------------------------------------------------------------------------------------------------------

    def heading(self) -> None:
        start = self.i
        level = len(self.image(start)) - 1
        self.i += 1
        member = Member(self.starts[start])
        self.in_heading = member
        try:
            self.content(member)
            if self.kinds[self.i] == lx.DATA:
                self.data(member)
        finally:
            self.in_heading = None
        id = f"s{len(self.doc.sections) + 1}"
        # A heading of nothing but a comment has no title: its id stands for it, as a title stands for a statement.
        section = Section(id, member.text() or id, level, self.starts[start])
        section.data = member.data
        above = self.section
        while above is not None and above.level >= level:
            above = above.parent
        section.parent = above
        self.doc.sections.append(section)
        self.section = section

    def items(self) -> None:
        """Read a list (* or 1. items): each item is a statement or argument."""
        item = self.kinds[self.i + 1]
        self.i += 1
        while self.kinds[self.i] == item:
            self.i += 1
            kind = self.kinds[self.i]
            if kind not in _STATEMENT_START and kind not in _ARGUMENT_START:
                raise self.fail(f"a list item needs text; found {self.describe(self.i)}")
            self.tree(self.head(None, True, "a list item"))
        if self.kinds[self.i] != lx.DED:
            raise self.fail(
                f"unexpected {self.describe(self.i)} in a list: each item starts with * or 1. at the list's "
                "indentation; a list cannot hold deeper lists"
            )
        self.i += 1

    def block(self, before: Argument | None, first: bool) -> Argument | None:
        """Read one paragraph; returns the argument it defines or refers to (a pcs just after reconstructs it)."""
        kinds = self.kinds
        kind = kinds[self.i]
        if kind == lx.HS:
            self.heading()
        elif kind == lx.SN:
            self.pcs(before)
        elif kind in _ARGUMENT_START:
            node = self.head(None, True, "an argument")
            element = self.tree(node)
            assert isinstance(element, Argument)
            return element
        elif kind in _STATEMENT_START:
            self.tree(self.head(None, False, "a statement"))
        elif kind == lx.IND and kinds[self.i + 1] in (lx.OLI, lx.ULI):
            self.items()
        else:
            raise self.fail(self.paragraph_start(first))
        return None

    def paragraph_start(self, first: bool) -> str:
        i = self.i + 1 if self.kinds[self.i] == lx.IND else self.i
        kind = self.kinds[i]
        if kind in lx.RELATIONS:
            if first:
                return "a relation must stand below the statement or argument it belongs to, indented or not"
            return (
                f"a relation cannot follow an empty line: {self.describe(i)} must stand directly below the statement "
                "or argument it belongs to"
            )
        if kind == lx.IS:
            return (
                "an inference line (----) can only stand between numbered statements of a premise-conclusion structure"
            )
        return f"a paragraph cannot start with {self.describe(i)}"

    def frontmatter(self) -> None:
        i = self.i
        image = self.image(i)
        opening = re.match(r"[" + lx.SPACES + r"]*={3,}", image)
        assert opening is not None
        closing = re.search(r"={3,}[" + lx.SPACES + r"]*\Z", image[opening.end() :])
        body = image[opening.end() : opening.end() + (closing.start() if closing is not None else len(image))]
        value = load_yaml(body, self.starts[i] + opening.end())
        if isinstance(value, dict):
            self.doc.frontmatter = value
        elif value is not None:
            raise self.fail("the frontmatter must be YAML keys and values (key: value)")
        self.doc.frontmatter_offset = self.starts[i]
        self.remove_tags = truthy(_setting(self.doc.frontmatter, "model", "removeTagsFromText"))
        codes = _setting(self.doc.frontmatter, "model", "shortcodes")
        if isinstance(codes, dict):
            extra = {
                code: spec["unicode"]
                for code, spec in codes.items()
                if isinstance(spec, dict) and isinstance(spec.get("unicode"), str)
            }
            self.shortcodes = {**_SHORTCODES, **extra}
        self.i += 1

    def document(self) -> Document:
        kinds = self.kinds
        if kinds[self.i] == lx.NL:
            self.i += 1
        if kinds[self.i] == lx.EL:
            self.i += 1
        if kinds[self.i] == lx.FM:
            self.frontmatter()
            if kinds[self.i] == lx.NL:
                self.i += 1
            if kinds[self.i] == lx.EL:
                self.i += 1
            elif kinds[self.i] != lx.EOF:
                raise self.fail("an empty line must follow the frontmatter's closing ===")
        before: Argument | None = None
        first = True
        while kinds[self.i] != lx.EOF:
            before = self.block(before, first)
            first = False
            if kinds[self.i] == lx.EL:
                self.i += 1
            elif kinds[self.i] != lx.EOF:
                raise self.fail(self.misplaced())
        derive(self.doc, self.index)
        return self.doc

    def misplaced(self) -> str:
        kind = self.kinds[self.i]
        if kind in lx.RELATIONS or kind == lx.IND:
            return (
                "this relation has no statement or argument above it at a lesser indentation: indent it below "
                "the element it belongs to"
            )
        if kind == lx.IS:
            return (
                "an inference line (----) can only stand between numbered statements of a premise-conclusion structure"
            )
        if kind == lx.SN:
            return "a premise-conclusion structure must start a new paragraph: put an empty line before it"
        if kind in (lx.SREF, lx.SDEF, lx.AREF, lx.ADEF):
            return f"{self.describe(self.i)} can only start a line or follow a relation symbol"
        if kind in _FREESTYLE:
            return (
                f"unexpected text {self.describe(self.i)}: a reference ([Title] or <Title>) takes no text after it; "
                "relate elements with a relation symbol (+, -, <+, <-, +>, ->, ><, _>, <_), or leave an empty line to "
                "start a new paragraph"
            )
        return f"unexpected {self.describe(self.i)}"


def _merged(into: dict[str, Any] | None, data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {} if into is None else into
    merge(result, data)
    return result


def _takes_section(member: Member, current: Section | None) -> bool:
    """Whether an element takes the section of this mention: data ``isInGroup`` decides, or else the first
    mention that is not a reference and has a section.
    """
    in_group = None if member.data is None else member.data.get("isInGroup")
    return in_group is True or (not member.is_reference and in_group is None and current is None)


def parse(text: str) -> Document:
    """Read a document into the reference's model; :class:`Fault` for text the reference rejects."""
    return _Parser(lx.tokenize(text)).document()
