"""The Argdown parser: the reference's grammar over the tokens, building its model as it goes, without recursion."""

from __future__ import annotations

import re
from typing import Any, Final

from . import lexer as lx
from .document import (
    Document,
    Element,
    Member,
    ParsedArgument,
    ParsedInference,
    ParsedRelation,
    ParsedSection,
    ParsedStatement,
    derive,
    truthy,
)
from .lexer import Fault
from .syntax import LINE_TERMINATORS, SPACES
from .yaml import load as load_yaml
from .yaml import merge

__all__ = ["parse"]

_TERMINATORS: Final = frozenset(LINE_TERMINATORS)

_FREESTYLE: Final = frozenset({lx.FS, lx.UCC, lx.ESC, lx.SPC})
_CONTENT: Final = _FREESTYLE | {lx.LINK, lx.BOLD_START, lx.ITALIC_START, lx.TAG, lx.AMEN, lx.SMEN, lx.NL}
_STATEMENT_START: Final = _CONTENT | {lx.SREF, lx.SDEF}
_ARGUMENT_START: Final = frozenset({lx.ADEF, lx.AREF})
_TITLED: Final = frozenset({lx.SDEF, lx.SREF, lx.ADEF, lx.AREF})
_REFERENCES: Final = frozenset({lx.SREF, lx.AREF})
_LINK: Final = re.compile(rf"\[([^{LINE_TERMINATORS}]+)\]\(([^{LINE_TERMINATORS}]+)\)")

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
        self.section: ParsedSection | None = None
        self.inference_read: ParsedInference | None = None  # in a pcs, after its first inference line: the last one
        self.remove_tags = False
        self.shortcodes: dict[str, str] = _SHORTCODES
        self.index: dict[tuple[object, object, str], ParsedRelation] = {}

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

    def statement(self, title: str, offset: int) -> ParsedStatement:
        found = self.doc.statements.get(title)
        if found is None:
            found = self.doc.statements[title] = ParsedStatement(title, offset)
        return found

    def argument(self, title: str | None, offset: int) -> ParsedArgument:
        if title is None:
            title = self.untitled_title()
        found = self.doc.arguments.get(title)
        if found is None:
            found = self.doc.arguments[title] = ParsedArgument(title, offset)
        return found

    def relation_end(self, member: Member) -> Element:
        """The element a member stands for in relations; an untitled statement gets its title now."""
        if member.is_argument:
            return self.argument(member.title or None, member.offset)
        if not member.title:
            member.title = self.untitled_title()
        return self.statement(member.title, member.offset)

    def data(self) -> dict[str, Any] | None:
        """Read a data token (``None`` for no YAML), then the line break after it."""
        i = self.i
        image = self.image(i)
        offset = self.starts[i]
        block = re.match(r"\{[ \t]*(?:\n\r|\n)", image)
        if block is not None:
            # A brace and a line break open YAML's block format: the braces are not part of the YAML then.
            source = re.sub(r"\}[" + SPACES + r"]*\Z", "", image[block.end() :])
            value = load_yaml(source, offset + block.end())
        else:
            value = load_yaml(image, offset)
        if value is not None and not isinstance(value, dict):
            raise self.fail("YAML data must be a mapping of keys to values, such as {key: value}")
        self.i += 1
        if self.kinds[self.i] == lx.NL:
            self.i += 1
        return value

    # Text -------------------------------------------------------------------------------------------------------------

    def plain(self, i: int) -> str:
        """The text of a token of free text (``_FREESTYLE``), escapes aside: a shortcode stands for its character."""
        piece = self.values[i] if i in self.values else self.text[self.starts[i] : self.ends[i]]
        if self.kinds[i] == lx.SPC:
            code = self.shortcodes.get(piece.strip(SPACES))
            if code is not None:
                return code + " " if piece[-1] == " " else code
        return piece

    def rule(self) -> str:
        """Read an inference rule's name: a run of text tokens."""
        kinds = self.kinds
        pieces: list[str] = []
        while kinds[self.i] in _FREESTYLE:
            piece = self.plain(self.i)
            pieces.append(piece[1:] if kinds[self.i] == lx.ESC else piece)
            self.i += 1
        return "".join(pieces).strip(SPACES)

    def tag(self, member: Member, i: int) -> str:
        """Read the tag token ``i`` into the tags of ``member``; returns the text it leaves in the member's text."""
        image = self.text[self.starts[i] : self.ends[i]]
        name = image[2 : image.index(")", 2)] if image.startswith("#(") else image[1:].rstrip(" \t")
        if member.tags is None:
            member.tags = {}
        member.tags[name] = None
        return "" if self.remove_tags else image

    def content(self, member: Member) -> None:
        """Read statement content (text, links, tags, mentions, bold and italic ranges, line breaks) into the text of
        ``member``. Bold and italic ranges nest without recursion.
        """
        kinds = self.kinds
        i = self.i
        if kinds[i] == lx.FS:
            # The common case, one run of plain text and tags (and a line break) and no more content: no bookkeeping.
            last = i + 1
            while kinds[last] == lx.TAG:
                last += 1
            after = kinds[last]
            if after not in _CONTENT or (after == lx.NL and kinds[last + 1] not in _CONTENT):
                text = self.values[i] if i in self.values else self.text[self.starts[i] : self.ends[i]]
                if last > i + 1:
                    text += "".join([self.tag(member, j) for j in range(i + 1, last)])
                member.text = text.strip(SPACES)
                self.i = last if after != lx.NL else last + 1
                return
        source, starts, ends, values = self.text, self.starts, self.ends, self.values
        if kinds[i] not in _CONTENT:
            raise self.fail(
                "text is missing: write the statement's text here, or refer to an existing statement or argument "
                "with [Title] or <Title> (no colon)"
            )
        parts: list[str] = []  # the text in pieces, none empty
        kept: list[int] = []  # the indexes of the pieces that are escaped characters
        # Whether a line break waits to become a space: it becomes one only if more content follows within its range
        # (or outside any). Opening a range is content, which ends the wait, so none waits outside an open range, and
        # one that still waits when its range closes comes to nothing.
        waiting = False
        closing: list[int] = []  # per open range, the kind of token that closes it
        while True:
            kind = kinds[i]
            if kind in _CONTENT:
                if waiting:
                    waiting = False
                    if not parts or parts[-1][-1] != " ":
                        parts.append(" ")
                if kind == lx.FS:
                    piece = values[i] if i in values else source[starts[i] : ends[i]]
                elif kind in _FREESTYLE:
                    piece = self.plain(i)
                    if kind == lx.ESC:
                        # Only the escaped character is kept as written; the spaces the token takes after it are not.
                        kept.append(len(parts))
                        parts.append(piece[1])
                        piece = piece[2:]
                elif kind == lx.NL:
                    waiting = True
                    piece = ""
                elif kind == lx.TAG:
                    piece = self.tag(member, i)
                elif kind == lx.LINK:
                    found = _LINK.search(source[starts[i] : ends[i]])
                    if found is None:
                        self.i = i
                        raise self.fail("a link's text and its address must each stay on one line")
                    piece = found.group(1) + " " if source[ends[i] - 1] == " " else found.group(1)
                elif kind == lx.AMEN or kind == lx.SMEN:
                    piece = source[starts[i] : ends[i]]
                else:  # a bold or italic range opens
                    closing.append(lx.BOLD_END if kind == lx.BOLD_START else lx.ITALIC_END)
                    piece = ""
                if piece:
                    parts.append(piece)
                i += 1
                continue
            if not closing:
                self.i = i
                member.text = _unpadded(parts, kept)
                return
            if kind != closing[-1]:
                self.i = i
                what = "bold" if closing[-1] == lx.BOLD_END else "italic"
                raise self.fail(
                    f"the {what} text is not closed before {self.describe(i)}: close it with the characters "
                    "that opened it (** or __ for bold, * or _ for italic), or escape them with a backslash"
                )
            closing.pop()
            waiting = False
            if source[ends[i] - 1] == " ":
                parts.append(" ")
            i += 1

    # Statements and arguments -----------------------------------------------------------------------------------

    def head(self, arguments: bool, what: str | None = None) -> Member:
        """Read a statement or (when ``arguments``) an argument up to its relations; ``what`` names it in errors (by
        default, as the other end of the relation symbol before it).
        """
        kinds = self.kinds
        i = self.i
        kind = kinds[i]
        member = Member(self.starts[i], self.section)
        if kind in _ARGUMENT_START:
            if not arguments:
                raise self.fail(
                    f"{self.named(what)} must be a statement, not an argument: use [Title] or [Title]: text"
                )
            member.is_argument = True
        if kind in _TITLED:
            is_reference = kind in _REFERENCES
            title = self.text[self.starts[i] + 1 : self.ends[i] - (1 if is_reference else 2)]
            if title[:1] in _TERMINATORS:
                # The lexer lets only a reference's first character be a line break, and the reference's title
                # pattern, which cannot span lines, then takes what follows the first bracket after it ("[" and a
                # line break, then "[B]", refer to B): without such a bracket the token names nothing.
                opener = title.find("<" if member.is_argument else "[", 1)
                title = "" if opener < 0 else title[opener + 1 :].strip()
            else:
                title = title.strip()
                if not title:
                    raise self.fail("a title cannot be empty", i)
            member.title = title
            i += 1
            if is_reference:
                member.is_reference = bool(title)
                if kinds[i] == lx.TAG:
                    tags = []
                    while kinds[i] == lx.TAG:
                        tags.append(self.tag(member, i))
                        i += 1
                    # Read only where the token names nothing: then it defines an untitled element of that text.
                    member.text = "".join(tags).strip(SPACES)
                self.i = i + 1 if kinds[i] == lx.NL else i
            else:
                self.i = i
                self.content(member)
        elif kind in _CONTENT:
            self.content(member)
        else:
            raise self.fail(f"{self.named(what)} is missing: write a statement or argument after the relation symbol")
        if kinds[self.i] == lx.DATA:
            member.data_offset = self.starts[self.i]
            member.data = self.data()
        return member

    def named(self, what: str | None) -> str:
        """``what``, or else the element after the relation symbol before the current token, as errors name it."""
        if what is not None:
            return what
        symbol = self.image(self.i - 1).strip(" \t'")
        return f"the other end of '{symbol}'"

    def finish(self, member: Member) -> Element:
        """Register a read statement or argument with the element it stands for (its title, tags, data, section,
        where it is defined and which text speaks for it) as the reference does when it leaves one; returns the
        element.
        """
        element: ParsedStatement | ParsedArgument
        if member.is_argument:
            element = self.argument(member.title or None, member.offset)
            if not member.title:
                member.title = element.title
        else:
            if not member.title:
                member.title = self.untitled_title()
            element = self.doc.statements.get(member.title) or self.statement(member.title, member.offset)
        if element.first is None:
            element.first = member
            element.offset = member.offset
        if member.tags is not None:
            if element.tags is None:
                element.tags = member.tags  # (a member's tags are read only here: it can hand them over)
            else:
                element.tags.update(member.tags)
        if member.data is not None:
            element.data = _merged(element.data, member.data)
            if element.data_offsets is None:
                element.data_offsets = {}
            for key in member.data:  # the last block that gives a key is the one whose value is kept
                element.data_offsets[key] = member.data_offset
            if _takes_section(member, element.section):
                element.section = member.section
        if not member.is_reference:
            if member.data is None and element.section is None:
                element.section = member.section
            canonical = element.canonical
            if canonical is None:  # its first definition
                element.offset = member.offset
                element.canonical = member
            elif canonical.data is None or _marked(member) or not _marked(canonical):
                element.canonical = member
        return element

    def tree(self, root: Member) -> Element:
        """Read a statement's or argument's relations, however deep they nest, after its head (``root``); returns the
        element it stands for.
        """
        if self.kinds[self.i] == lx.IND:
            self.indented()
            self.below(self.relation_end(root), False)
        return self.finish(root)

    def indented(self) -> None:
        """Read the indentation that opens relations below a statement or argument."""
        self.i += 1
        if self.kinds[self.i] not in lx.RELATIONS:
            raise self.fail(
                f"an indented line below a statement or argument must start with a relation symbol "
                f"(+, -, <+, <-, +>, ->, ><, _>, <_), not {self.describe(self.i)}"
            )

    def below(self, end: Element, undercuts_only: bool) -> None:
        """Read the indented relations below ``end`` (``undercuts_only`` below an inference line), however deep they
        nest, up to the line indented less that closes them.

        Each element with relations below it waits on the stack until they are read; it is registered when it is
        left, and only then is the relation to the element above complete (and added, unless the same relation exists
        already): the order in which the reference numbers untitled statements and creates elements.
        """
        kinds, starts, index, relations = self.kinds, self.starts, self.index, self.doc.relations
        # Per open element: its head, the relation to the element above, and what that element's relations attach
        # to; ``end`` is what the relations of the innermost attach to.
        stack: list[tuple[Member, ParsedRelation, Element]] = []
        while True:
            kind = kinds[self.i]
            if kind in lx.RELATIONS:
                if undercuts_only and not stack and kind != lx.UND_OUT:
                    raise self.fail(
                        "only undercuts (<_) can stand below an inference line; attach other relations to a statement"
                    )
                relation_kind, from_above = _RELATION_SYMBOLS[kind]
                symbol = self.text[starts[self.i] : self.ends[self.i]].lstrip(" \t'")
                relation = ParsedRelation(relation_kind, self.ends[self.i] - len(symbol))
                if from_above:
                    relation.source = end
                elif kind == lx.UND_OUT and self.inference_read is not None and isinstance(end, ParsedStatement):
                    # Within a pcs, "<_" below a statement undercuts the inference read last: the step it belongs to.
                    relation.target = self.inference_read
                else:
                    relation.target = end
                self.i += 1
                member = self.head(kind != lx.CONTRA)
                if kinds[self.i] == lx.IND:
                    self.indented()
                    stack.append((member, relation, end))
                    end = self.relation_end(member)
                    continue
                # Nothing below it (most elements): it is left at once.
            elif kind == lx.DED:
                self.i += 1
                if not stack:
                    return
                member, relation, end = stack.pop()
            else:
                raise self.fail(
                    f"unexpected {self.describe(self.i)}: below a statement or argument, each line must start with a "
                    "relation symbol or be indented less; text cannot follow a reference on its line (to mention an "
                    "element inside text, write @[Title] or @<Title>)"
                )
            element = self.finish(member)
            if relation.source is None:
                relation.source = element
            else:
                relation.target = element
            source, target, relation_kind = relation.source, relation.target, relation.kind
            key = (source, target, relation_kind)
            existing = index.get(key)
            if existing is None and relation_kind == "contradictory":
                existing = index.get((target, source, relation_kind))
            if existing is not None:
                existing.offset = min(existing.offset, relation.offset)
            else:
                index[key] = relation
                relations.append(relation)

    # Premise-conclusion structures --------------------------------------------------------------------------------

    def pcs(self, before: ParsedArgument | None) -> None:
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

    def pcs_statement(self, argument: ParsedArgument, inference: ParsedInference | None) -> None:
        # The reference ignores the number's value; the checks compare it with the statement's place (a number too
        # long to be one is cut: it is out of place either way).
        image = self.image(self.i)
        digits = re.sub(r"\D", "", image)[:12]
        argument.numbers.append((int(digits or 0), self.starts[self.i] + max(image.find("("), 0)))
        self.i += 1
        kind = self.kinds[self.i]
        if kind in _ARGUMENT_START:
            raise self.fail(
                "a premise or conclusion must be a statement, not an argument: use [Title] or [Title]: text"
            )
        if kind not in _STATEMENT_START:
            raise self.fail(f"the statement after the number is missing; found {self.describe(self.i)}")
        member = self.head(False, "a premise or conclusion")
        self.tree(member)
        member.inference = inference
        argument.pcs.append(member)

    def inference(self, argument: ParsedArgument) -> ParsedInference:
        kinds = self.kinds
        if kinds[self.i] != lx.IS:
            raise self.fail(
                f"an inference line (---- or -- rule, rule {{data}} --) must come before the conclusion; found "
                f"{self.describe(self.i)}"
            )
        inference = ParsedInference(self.starts[self.i], argument.title)
        self.i += 1
        if kinds[self.i] in _FREESTYLE or (kinds[self.i] == lx.NL and kinds[self.i + 1] in _FREESTYLE):
            if kinds[self.i] == lx.NL:
                self.i += 1
            while True:
                inference.rules.append(self.rule())
                if kinds[self.i] != lx.LD:
                    break
                self.i += 1
                if kinds[self.i] not in _FREESTYLE:
                    raise self.fail("an inference rule's name must follow the comma")
        if kinds[self.i] == lx.NL:
            self.i += 1
        if kinds[self.i] == lx.DATA:
            inference.data = self.data()
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
            self.i += 1
            if kinds[self.i] != lx.UND_OUT:
                raise self.fail(
                    "only undercuts (<_) can stand below an inference line; attach other relations to a statement"
                )
            self.below(inference, True)
        return inference

    # Blocks ---------------------------------------------------------------------------------------------------------

    def heading(self) -> None:
        start = self.i
        level = len(self.image(start)) - 1
        self.i += 1
        member = Member(self.starts[start], None)
        self.content(member)
        id = f"s{len(self.doc.sections) + 1}"
        # The reference trims a heading's text once its escapes are read, so an escaped space at either end goes. A
        # heading of nothing but a comment has no title: its id stands for it, as a title stands for a statement.
        section = ParsedSection(id, member.text.strip(SPACES) or id, level, self.starts[start])
        if self.kinds[self.i] == lx.DATA:
            section.data = self.data()
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
            self.tree(self.head(True, "a list item"))
        if self.kinds[self.i] != lx.DED:
            raise self.fail(
                f"unexpected {self.describe(self.i)} in a list: each item starts with * or 1. at the list's "
                "indentation; a list cannot hold deeper lists"
            )
        self.i += 1

    def block(self, before: ParsedArgument | None, first: bool) -> ParsedArgument | None:
        """Read one paragraph; returns the argument it defines or refers to (a pcs just after reconstructs it)."""
        kinds = self.kinds
        kind = kinds[self.i]
        if kind == lx.HS:
            self.heading()
        elif kind == lx.SN:
            self.pcs(before)
        elif kind in _ARGUMENT_START:
            element = self.tree(self.head(True, "an argument"))
            assert isinstance(element, ParsedArgument)
            return element
        elif kind in _STATEMENT_START:
            self.tree(self.head(False, "a statement"))
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
        opening = re.match(r"[" + SPACES + r"]*={3,}", image)
        assert opening is not None
        closing = re.search(r"={3,}[" + SPACES + r"]*\Z", image[opening.end() :])
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
        before: ParsedArgument | None = None
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


def _unpadded(parts: list[str], kept: list[int]) -> str:
    """The text of ``parts`` without the spaces around it that the document's layout made: from the first to the last
    escaped character (the parts ``kept`` lists) the text is kept as written, spaces included.
    """
    text = "".join(parts)
    if not kept:  # nothing escaped: every space around the text is layout
        return text.strip(SPACES)
    kept_from = sum(map(len, parts[: kept[0]]))
    kept_to = sum(map(len, parts[: kept[-1] + 1]))
    start, end = 0, len(text)
    while start < end and start < kept_from and text[start] in SPACES:
        start += 1
    while end > start and end > kept_to and text[end - 1] in SPACES:
        end -= 1
    return text[start:end]


def _merged(into: dict[str, Any] | None, data: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {} if into is None else into
    merge(result, data)
    return result


def _marked(member: Member) -> bool:
    """Whether a member's data marks its text as its element's canonical text."""
    return member.data is not None and truthy(member.data.get("isCanonical"))


def _takes_section(member: Member, current: ParsedSection | None) -> bool:
    """Whether an element takes the section of this mention: data ``isInGroup`` decides, or else the first
    mention that is not a reference and has a section.
    """
    in_group = None if member.data is None else member.data.get("isInGroup")
    return in_group is True or (not member.is_reference and in_group is None and current is None)


def parse(text: str) -> Document:
    """Read a document into the reference's model; :class:`~argmap.formats.argdown.lexer.Fault` for text the
    reference rejects.
    """
    return _Parser(lx.tokenize(text)).document()
