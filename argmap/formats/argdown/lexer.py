"""The Argdown tokenizer: the reference lexer's tokens, in one linear pass over the text."""

from __future__ import annotations

import bisect
import re
from typing import Final

from .syntax import LINE_TERMINATOR, LINE_TERMINATORS, SPACES

__all__ = ["Fault", "Tokens", "tokenize"]

# Token kinds. The reference tries its token types in a fixed order and takes the first that matches; the dispatch
# below keeps that order for every first character. Several kinds match only at the start of a line (after a line
# break, an empty line or at the very start), where they also open and close indentation levels.
NL: Final = 0  # line break, with the spaces before it
EL: Final = 1  # empty line(s): two or more line breaks
FM: Final = 2  # frontmatter: === yaml ===
DATA: Final = 3  # {yaml}
ESC: Final = 4  # \x
SPC: Final = 5  # .name. or :name: (shortcode)
IS: Final = 6  # -- opening an inference
IE: Final = 7  # -- closing an inference
LD: Final = 8  # , between inference rules
SUP_IN: Final = 9  # +>
ATT_IN: Final = 10  # ->
SUP_OUT: Final = 11  # + or <+
ATT_OUT: Final = 12  # - or <-
CONTRA: Final = 13  # ><
UND_IN: Final = 14  # _>
UND_OUT: Final = 15  # <_ or _
HS: Final = 16  # # heading start
SN: Final = 17  # (1) statement number
OLI: Final = 18  # 1. ordered list item
ULI: Final = 19  # * unordered list item
BOLD_END: Final = 20  # ** or __ (the lexer knows which range it closes)
ITALIC_END: Final = 21
BOLD_START: Final = 22
ITALIC_START: Final = 23
LINK: Final = 24  # [text](url)
TAG: Final = 25  # #tag or #(long tag)
SDEF: Final = 26  # [Title]:
SREF: Final = 27  # [Title]
SMEN: Final = 28  # @[Title]
ADEF: Final = 29  # <Title>:
AREF: Final = 30  # <Title>
AMEN: Final = 31  # @<Title>
FS: Final = 32  # free text
UCC: Final = 33  # a control character used as text
IND: Final = 34  # one more indentation level
DED: Final = 35  # one indentation level less
EOF: Final = 36

RELATIONS: Final = frozenset({SUP_IN, ATT_IN, SUP_OUT, ATT_OUT, CONTRA, UND_IN, UND_OUT})

_WS = SPACES  # in a character class: these characters mean themselves there
_SPACE_CHARS = frozenset(SPACES)

_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_SPACES = re.compile(r"[ \t]+")
# Blanks that no line break follows: where a token ends in them, the lexer skips them (a line break after them
# would take them into its token instead).
_GAP = re.compile(r"[ \t]*+(?![\r\n])")
_SKIPPED = r"[ \t]++(?![\r\n])"  # the same, at least one
# The characters that end free text.
_CONTROLS = r"\\@#*_\[\],.:;</>\-\r\n(){}"
_FREESTYLE = re.compile(rf"[^{_CONTROLS}]+")
_ESCAPED = re.compile(rf"\\[^{LINE_TERMINATORS}] *")
# Each attempt scans one run of non-space characters and stops at the next dot (or colon), so the attempts of one
# run never rescan it: linear.
_SPECIAL = re.compile(rf"\.[^{_WS}]+?\.[ \t]?|:[^{_WS}]+?:[ \t]?")
_HEADING = re.compile(r"#+ ")
# The reference's tag characters, [A-z0-9\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef], as the characters they leave
# out: the same set, and compiled in a quarter of the time (each run of the command compiles it).
_TAG_WORD = re.compile(r"[^\x00-,./:-@{-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\U0010ffff]+[ \t]?")
_INFERENCE_END = re.compile(r"-{2,}")
_EQUALS = re.compile(r"=+")
_BLANK_SPACE = re.compile(rf"[{_WS}]*")
# After a bold or italic range's closing marker: one space or tab, or one of these characters, or the end.
_RANGE_END_FOLLOWERS = frozenset("\n\r)}_.,!?;:-*")
_TRAILING_BREAKS = re.compile(r"(?:[ \t]*\r\n|\n|\r)*")
_NOT_FREESTYLE = frozenset("\\@#*_[],.:;</>-\r\n(){}")
# A run of plain text: free text and the control characters that, in the middle of a line, can only be text (a dot
# or colon that starts no shortcode, a slash that starts no comment). The reference reads it as many tokens; one
# token for the run, with the text they make, costs a fraction and reads the same. Spaces after a control character
# beyond the one it takes along (those that no line break follows) are skipped by the reference: _DROPPED finds them.
# (A run is a token of its own, so nothing after it can make it give characters back: the possessive repeats match
# the same and keep no state for backtracking.)
_FREE_TEXT = rf"[^{_CONTROLS} \t=][^{_CONTROLS}]*+|=(?!==)[^{_CONTROLS}]*+"
_CONTROL_TEXT = rf"(?:[,;()\]}}>\-]|\.(?![^{_WS}]+?\.)|:(?![^{_WS}]+?:)|/(?![/*]))[ \t]?+"
_PLAIN = re.compile(rf"(?:{_FREE_TEXT}|{_CONTROL_TEXT}(?:{_SKIPPED})?+)++")
_DROPPED = re.compile(r"([,;()\]}>\-.:/][ \t])[ \t]+")
# The characters that cannot start a run of plain text. (A dot, colon or slash can: _PLAIN takes one exactly where
# no shortcode or comment starts, which the reference tries first.)
_NOT_PLAIN = frozenset("\\@#*_[<{\r\n \t")
# Characters that may start a line-start token (or the frontmatter): plain text only once those are ruled out.
_LINE_SENSITIVE = frozenset("'+-><(=0123456789")
_STRUCTURE_START = frozenset("'+-><(_*0123456789")
# A line-start token after its indentation, in the reference's order: an inference's start, a relation symbol, a
# statement number, an ordered or unordered list item. (Headings start at the line's first character.)
_STRUCTURE = re.compile(
    rf"([' \t]*)(?:(?P<inference>--)|(?P<relation>\+>|->|<\+|\+|<-|-|><|_>|<_|_(?=[{_WS}]))"
    rf"|(?P<number>\([0-9]+\))|(?P<ordered>[0-9]+\.(?=[{_WS}]))|(?P<unordered>\*(?=[{_WS}])))"
)
_SYMBOLS: Final = {
    "+>": SUP_IN,
    "->": ATT_IN,
    "<+": SUP_OUT,
    "+": SUP_OUT,
    "<-": ATT_OUT,
    "-": ATT_OUT,
    "><": CONTRA,
    "_>": UND_IN,
    "<_": UND_OUT,
    "_": UND_OUT,
}
# The commonest lines, each as one match from its start: a statement number or relation symbol (after indentation), a
# statement's or argument's title, defined or referred to, or both, then plain text and a tag; or an inference (--,
# rules, --); then the line break or empty lines that end it. Each part is the token the general rules make of it
# there, and the match stops before anything they might read otherwise: the titles are those bracketed() takes whole
# (not starting with "-", which may be a comment or a relation, nor "+", "_" or "!"), and a reference only where no
# definition ends later on the line; plain text only where the reference skips no spaces in it (its text is then its
# image); a tag only of ASCII characters and before an ASCII character or the end (so the whole tag, as _TAG_WORD
# reads it, without compiling its large class again). The regular expression engine runs an optional group as a
# repeat, at a cost: an alternative that matches nothing, (?:X|), is much cheaper and matches the same here.
_COMMON_LINE = re.compile(
    rf"(?:[ \t]*+(?:(?P<opener>[-+_]>?+|<[-+_]|><|\([0-9]++\)){_SKIPPED}|)"
    rf"(?:(?P<title>\[[^{LINE_TERMINATORS}\]\-+_!][^{LINE_TERMINATORS}\]]*+\](?::|(?!\()(?![^{LINE_TERMINATORS}]*\]:))"
    rf"|<[^{LINE_TERMINATORS}>\-+_!][^{LINE_TERMINATORS}>]*+>(?::|(?![^{LINE_TERMINATORS}]*>:)))(?:{_SKIPPED}|)"
    r"|(?(opener)|(?!)))"
    rf"(?:(?P<text>(?:{_FREE_TEXT}|{_CONTROL_TEXT})++)(?!{_SKIPPED})"
    r"(?:(?P<tag>\#[\-0-9A-z]++(?=[\x00-\x7f]|\Z)[ \t]?)|)|)"
    rf"|(?P<inference>[' \t]*+--)(?:{_SKIPPED}|)(?:(?P<rules>[^{_CONTROLS} \t][^{_CONTROLS}]*+)|)(?P<closing>-{{2,}}+))"
    r"(?:(?P<empty>\n(?:[ \t]*+(?:\r\n|\n))++)|(?P<break>\n)|)"
)
_COMMON_LINE_STARTS = frozenset(" \t[<(+-_>")
_DATA_STOP = re.compile(rf"[\r\u2028\u2029]|\}}[{_WS}][^,}}]")
# Spans up to this long are searched directly: a bounded cost per token, so still linear, and cheaper than the cache.
_SHORT = 256


class Fault(Exception):
    """A problem at an offset of the text, turned into a located :class:`~argmap.ParseError` by the reader."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


class _Next:
    """The next occurrence of a fixed string at or after an offset, remembered so that repeated questions about
    nearby offsets (a megabyte of ``[`` asks once per character) cost one scan in all, not one each.
    """

    __slots__ = ("_asked", "_needle", "_pattern", "_result", "_text")

    def __init__(self, text: str, needle: str = "", pattern: re.Pattern[str] | None = None) -> None:
        self._text = text
        self._needle = needle
        self._pattern = pattern
        self._asked = 1 << 62  # no answer yet
        self._result = -1

    def at(self, offset: int) -> int:
        """The offset of the next occurrence at or after ``offset``, or -1."""
        if self._asked <= offset and (self._result < 0 or offset <= self._result):
            return self._result
        self._asked = offset
        if self._pattern is None:
            self._result = self._text.find(self._needle, offset)
        else:
            found = self._pattern.search(self._text, offset)
            self._result = -1 if found is None else found.start()
        return self._result


class Tokens:
    """The token stream: parallel lists of kinds and of start and end offsets, ending with ``EOF``."""

    __slots__ = ("ends", "kinds", "starts", "text", "values")

    def __init__(self, text: str) -> None:
        self.text = text
        self.kinds: list[int] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        #: The text of a token whose text is not its image (a run of plain text in which spaces are skipped).
        self.values: dict[int, str] = {}


class _Lexer:
    """One tokenization: the reference lexer's state (indentation stack, open bold and italic ranges, mode)."""

    def __init__(self, text: str, *, common_lines: bool = True) -> None:
        self.text = text
        self.common_lines = common_lines
        self.out = Tokens(text)
        self.indents = [0]
        self.ranges: list[tuple[int, str]] = []  # open bold/italic ranges: (kind, marker character)
        self.inference = False  # inside an inference line (-- rules {data} --): a mode of its own
        self.uncommon_line = -1  # the start of the last line tried as a common line that is not one
        self.brackets = _Next(text, "]")
        self.parens = _Next(text, ")")
        self.terminators = _Next(text, pattern=LINE_TERMINATOR)
        self.definitions = _Next(text, "]:")
        self.argument_definitions = _Next(text, ">:")
        self.chevrons = _Next(text, ">")
        self.comment_ends = _Next(text, "-->")
        self.block_ends = _Next(text, "*/")
        self.separators = _Next(text, pattern=re.compile("[\u2028\u2029]"))
        self.fences = _Next(text, "===")
        self.data_stops = _Next(text, pattern=_DATA_STOP)
        self.data_best: list[int] = []  # closing braces that may end data, in order (see data())
        self.data_scanned = 0

    # Helpers ----------------------------------------------------------------------------------------------------

    def last(self) -> int:
        kinds = self.out.kinds
        return kinds[-1] if kinds else -1

    def emit(self, kind: int, start: int, end: int) -> None:
        self.out.kinds.append(kind)
        self.out.starts.append(start)
        self.out.ends.append(end)

    def dedent_all(self, offset: int) -> None:
        count = len(self.indents) - 1
        if count:
            del self.indents[1:]
            out = self.out
            out.kinds += [DED] * count
            out.starts += [offset] * count
            out.ends += [offset] * count

    def indent_to(self, width: int, offset: int) -> None:
        indents = self.indents
        if width == indents[-1]:
            return
        out = self.out
        if width > indents[-1]:
            indents.append(width)
            out.kinds.append(IND)
            out.starts.append(offset)
            out.ends.append(offset)
            return
        while len(indents) > 1 and width < indents[-1]:
            indents.pop()
            out.kinds.append(DED)
            out.starts.append(offset)
            out.ends.append(offset)

    def within_line(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds no line terminator (JavaScript's ``.`` matches all of it)."""
        if end - start <= _SHORT:
            return LINE_TERMINATOR.search(self.text, start, end) is None
        found = self.terminators.at(start)
        return found < 0 or found >= end

    # Token patterns that regular expressions would scan quadratically -----------------------------------------

    def comment(self, pos: int) -> int:
        """The end of a comment at ``pos`` (without what follows it), or -1."""
        text = self.text
        if text.startswith("<!--", pos):
            end = self.comment_ends.at(pos + 4)
            width = 3
        elif text.startswith("/*", pos):
            end = self.block_ends.at(pos + 2)
            width = 2
        elif text.startswith("//", pos):
            end = self.terminators.at(pos)
            return end if end >= 0 and text[end] in "\r\n" else -1
        else:
            return -1
        if end < 0:
            return -1
        separator = self.separators.at(pos)
        return -1 if 0 <= separator < end else end + width

    def comment_with_breaks(self, pos: int, end: int) -> int:
        """The end of a comment that ends at ``end``, with the line breaks the reference takes along with it."""
        last = self.last()
        text = self.text
        if last == EL:
            return _matched_end(_TRAILING_BREAKS, text, end)
        if last == NL:
            after = _NEWLINE.match(text, end)
            if after is not None and _NEWLINE.match(text, after.end()) is None:
                return after.end()
        return end

    def frontmatter(self, pos: int) -> int:
        text = self.text
        run = _EQUALS.match(text, pos)
        assert run is not None
        if run.end() - pos < 3:
            return -1
        closing = self.fences.at(run.end())
        if closing >= 0:
            return _matched_end(_EQUALS, text, closing)
        return run.end() if run.end() - pos >= 6 else -1

    def data(self, pos: int) -> int:
        """The end of ``{yaml}`` at ``pos``, or -1.

        The reference's pattern takes every character up to the first ``}`` followed by a space and then anything
        but ``,`` or ``}`` (or up to a character it cannot take), then backs off to the last ``}`` that no ``,`` or
        ``}`` follows after spaces. Closing braces are judged once each, in text order, so that many ``{`` do not
        rescan the text.
        """
        stop = self.data_stops.at(pos + 1)
        text = self.text
        limit = len(text) - 1 if stop < 0 else stop
        best = self.data_best
        if self.data_scanned <= limit:
            start = max(self.data_scanned, pos + 1)
            brace = text.find("}", start, limit + 1)
            while brace >= 0:
                after = _matched_end(_BLANK_SPACE, text, brace + 1)
                if after >= len(text) or text[after] not in ",}":
                    best.append(brace)
                brace = text.find("}", brace + 1, limit + 1)
            self.data_scanned = limit + 1
        # The last acceptable brace at or before the limit; entries beyond the limit belong to later, longer scans.
        index = bisect.bisect_right(best, limit) - 1
        return best[index] + 1 if index >= 0 and best[index] > pos else -1

    def link(self, pos: int) -> int:
        text = self.text
        close = self.brackets.at(pos + 1)
        if close < pos + 2 or text[close + 1 : close + 2] != "(":
            return -1
        paren = self.parens.at(close + 2)
        if paren < close + 3:
            return -1
        return _one_blank(text, paren + 1)

    def tag(self, pos: int) -> int:
        text = self.text
        if text.startswith("(", pos + 1):
            paren = self.parens.at(pos + 2)
            return -1 if paren < pos + 3 else _one_blank(text, paren + 1)
        word = _TAG_WORD.match(text, pos + 1)
        return -1 if word is None else word.end()

    def enclosed(self, pos: int, skip: int, finder: _Next, first_free: bool) -> int:
        """Where the closing string (found by ``finder``) of ``open + content + close`` starts, or -1.

        The content starts at ``pos + skip``, holds at least one character and no line terminator, except that its
        first character may be one when ``first_free``.
        """
        start = pos + skip
        close = finder.at(start + 1)
        if close < 0 or not self.within_line(start + 1 if first_free else start, close):
            return -1
        return close

    def statement_definition(self, pos: int) -> int:
        close = self.enclosed(pos, 1, self.definitions, first_free=False)
        return -1 if close < 0 else close + 2

    def statement_reference(self, pos: int) -> int:
        if pos + 1 >= len(self.text) or self.text[pos + 1] == "-":
            return -1
        close = self.enclosed(pos, 1, self.brackets, first_free=True)
        return -1 if close < 0 else close + 1

    def mention(self, pos: int, finder: _Next) -> int:
        close = self.enclosed(pos, 2, finder, first_free=False)
        return -1 if close < 0 else _one_blank(self.text, close + 1)

    def argument_definition(self, pos: int) -> int:
        close = self.enclosed(pos, 1, self.argument_definitions, first_free=False)
        return -1 if close < 0 else close + 2

    def argument_reference(self, pos: int) -> int:
        if pos + 1 >= len(self.text) or self.text[pos + 1] == "-":
            return -1
        close = self.enclosed(pos, 1, self.chevrons, first_free=True)
        return -1 if close < 0 else close + 1

    # Bold and italic ---------------------------------------------------------------------------------------------

    def emphasis(self, pos: int, char: str) -> int:
        """Emit a bold or italic marker at ``pos`` (``char`` is ``*`` or ``_``); the end of it, or -1."""
        text = self.text
        size = len(text)
        double = pos + 1 < size and text[pos + 1] == char
        ranges = self.ranges
        # The reference also means to refuse a closing marker after skipped spaces, but its lexer never hands it the
        # skipped tokens: any marker closes the open range.
        if ranges and ranges[-1][1] == char:
            kind = ranges[-1][0]
            if double or kind == ITALIC_END:
                after = pos + 2 if kind == BOLD_END else pos + 1
                if after >= size or text[after] in _RANGE_END_FOLLOWERS:
                    end = after
                elif text[after] in " \t":
                    end = after + 1
                else:
                    end = -1
                if end >= 0:
                    ranges.pop()
                    self.emit(kind, pos, end)
                    return end
        # An opening marker that no space follows: bold first, then italic.
        if double and (pos + 2 >= size or text[pos + 2] not in _SPACE_CHARS):
            ranges.append((BOLD_END, char))
            self.emit(BOLD_START, pos, pos + 2)
            return pos + 2
        if pos + 1 >= size or text[pos + 1] not in _SPACE_CHARS:
            ranges.append((ITALIC_END, char))
            self.emit(ITALIC_START, pos, pos + 1)
            return pos + 1
        return -1

    # The two modes ------------------------------------------------------------------------------------------------

    def run(self) -> Tokens:
        """Tokenize the whole text. The common lines (:meth:`common_lines_at`) and the common tokens (plain text,
        line breaks, relation symbols, numbers, statement definitions) take fast paths here, each an exact special
        case of the general rules in :meth:`default_token`, which handles everything else.
        """
        text = self.text
        size = len(text)
        out = self.out
        kinds, starts, ends = out.kinds, out.starts, out.ends
        plain, newline = _PLAIN.match, _NEWLINE.match
        structure, spaces = _STRUCTURE.match, _SPACES.match
        past_gap = _past_gap
        pos = 0
        while pos < size:
            char = text[pos]
            if char in "/<":
                end = self.comment(pos)
                if end >= 0:
                    pos = self.comment_with_breaks(pos, end)
                    continue
            if self.inference:
                pos = self.inference_token(pos, char)
                continue
            last = kinds[-1] if kinds else -1
            at_start = last <= EL  # after a line break or an empty line, or at the very start
            if at_start and char in _COMMON_LINE_STARTS and pos != self.uncommon_line and self.common_lines:
                end = self.common_lines_at(pos)
                if end > pos:
                    pos = end
                    continue
            if char not in _NOT_PLAIN and not (at_start and char in _LINE_SENSITIVE):
                found = plain(text, pos)
                if found is not None:
                    pos = self.plain_run(pos, found.end())
                    continue
            elif char == "\n":
                pos = self.line_break(pos, pos + 1, last)
                continue
            elif char in " \t\r":
                broken = newline(text, pos)
                if broken is None:
                    if at_start:
                        found = structure(text, pos)
                        if found is not None:
                            pos = self.structure(found, pos, last)
                            continue
                    found = spaces(text, pos)
                    pos = pos + 1 if found is None else found.end()  # (it always matches: pos is at a blank)
                    continue
                pos = self.line_break(pos, broken.end(), last)
                continue
            elif char == "[":
                end = self.bracketed(pos, self.brackets, self.definitions, links=True)
                if end or self.brackets.at(pos + 1) < 0:
                    # Without a "]" anywhere after it, a "[" starts no link, definition or reference: it is text.
                    kinds.append(SDEF if end > 0 else SREF if end < 0 else UCC)
                    starts.append(pos)
                    pos = abs(end) if end else _one_blank(text, pos + 1)
                    ends.append(pos)
                    pos = past_gap(text, pos)
                    continue
            elif char == "#" and not at_start:
                found = _TAG_WORD.match(text, pos + 1)
                if found is not None:
                    kinds.append(TAG)
                    starts.append(pos)
                    pos = found.end()
                    ends.append(pos)
                    pos = past_gap(text, pos)
                    continue
            if at_start and char in _STRUCTURE_START:
                found = structure(text, pos)
                if found is not None:
                    pos = self.structure(found, pos, last)
                    continue
            if char == "<":
                end = self.bracketed(pos, self.chevrons, self.argument_definitions, links=False)
                if end or self.chevrons.at(pos + 1) < 0:
                    kinds.append(ADEF if end > 0 else AREF if end < 0 else UCC)
                    starts.append(pos)
                    pos = abs(end) if end else _one_blank(text, pos + 1)
                    ends.append(pos)
                    pos = past_gap(text, pos)
                    continue
            pos = self.default_token(pos, char)
        if kinds and kinds[-1] == EL:
            kinds.pop()
            starts.pop()
            ends.pop()
        self.dedent_all(size)
        self.emit(EOF, size, size)
        return self.out

    def bracketed(self, pos: int, closers: _Next, definitions: _Next, *, links: bool) -> int:
        """The common definitions and references, ``[Title]:`` and ``[Title]`` (or with ``<>``), closed by their
        first closing bracket on the line: the end of a definition, minus the end of a reference, or 0 where the
        general rules must decide (an empty or multi-line title, a link, a definition ending later on the line).
        """
        text = self.text
        closer = "]" if links else ">"
        # A title is rarely long: look for its end nearby first (a bounded search, so still linear), then anywhere.
        close = text.find(closer, pos + 1, pos + _SHORT)
        if close < 0:
            close = closers.at(pos + 1)
        if close <= pos + 1:
            return 0
        follower = text[close + 1 : close + 2]
        if (links and follower == "(") or not self.within_line(pos + 1, close):
            return 0
        if follower == ":":
            return close + 2  # the first closing bracket, so also the first "]:" (or ">:"), as a definition takes it
        if text[pos + 1] == "-":
            return 0
        if follower in ("\n", "\r", ""):
            return -(close + 1)  # the line ends here: no definition can end later on it
        later = definitions.at(close)
        if later >= 0 and self.within_line(close, later):
            return 0  # a definition is tried first, and would take everything up to that later "]:"
        return -(close + 1)

    def plain_run(self, start: int, end: int) -> int:
        """Emit the run of plain text from ``start`` to ``end`` (a match of :data:`_PLAIN`), with the text it makes
        where the reference skips spaces in it; returns its end.
        """
        out = self.out
        out.kinds.append(FS)
        out.starts.append(start)
        out.ends.append(end)
        run = self.text[start:end]
        # Skipped spaces follow another blank: a run without two blanks in a row (most) needs no search.
        if ("  " in run or "\t" in run) and _DROPPED.search(run) is not None:
            out.values[len(out.kinds) - 1] = _DROPPED.sub(r"\1", run)
        return end

    def line_break(self, pos: int, end: int, last: int) -> int:
        """Emit the line break from ``pos`` to ``end`` (blanks, then ``\\n``, ``\\r\\n`` or ``\\r``), or the
        empty lines that start there; ``last`` is the kind of the token before. Returns the end of what it emitted.
        """
        text = self.text
        # An empty line follows only where the next line starts blank (or at once breaks again).
        if last != EL and end < len(text) and text[end] in " \t\n\r":
            empty = _EMPTYLINE.match(text, pos)
            if empty is not None:
                end = empty.end()
                if end < len(text):
                    self.dedent_all(pos)
                self.emit(EL, pos, end)
                return end
        self.emit(NL, pos, end)
        return end

    def common_lines_at(self, pos: int) -> int:
        """Emit the tokens of the common lines (:data:`_COMMON_LINE`) from ``pos`` on, one line at a time, as the
        general rules make them: the statement number, relation symbol and inference start as structure() does, the
        titles as bracketed(), the text as plain_run(), the tag, rules and inference end as the main loop and
        inference_token(), the line's end as line_break(). Returns where it stopped: after the last match (in the
        middle of its line if it did not take the whole line), or at the start of a line that is not common, which
        it records as such (``pos`` itself if no common line starts there).
        """
        text = self.text
        size = len(text)
        match = _COMMON_LINE.match
        out = self.out
        kinds, starts, ends = out.kinds, out.starts, out.ends
        # _COMMON_LINE's groups by number (see its groupindex), cheaper to ask for than by name: 1 opener, 2 title,
        # 3 text, 4 tag, 5 inference, 6 rules, 7 closing, 8 empty, 9 break.
        found = match(text, pos)
        while found is not None:
            opener, end = found.span(1)
            if opener >= 0:
                if text[opener] == "(":
                    if len(self.indents) > 1:
                        self.dedent_all(pos)
                    kinds.append(SN)
                else:
                    indent = opener - pos
                    if indent != self.indents[-1]:
                        self.indent_to(indent, pos)
                    kinds.append(_SYMBOLS[text[opener:end]])
                starts.append(pos)
                ends.append(end)
            start, end = found.span(2)
            if start >= 0:
                # A definition's title takes the colon after it; a reference's ends with its closing bracket.
                if text[end - 1] == ":":
                    kinds.append(SDEF if text[start] == "[" else ADEF)
                else:
                    kinds.append(SREF if text[start] == "[" else AREF)
                starts.append(start)
                ends.append(end)
            elif opener < 0:
                # An inference, whole. After an empty line "--" starts an attack instead: the general rules decide.
                if kinds and kinds[-1] == EL:
                    break
                if len(self.indents) > 1:
                    self.dedent_all(pos)
                kinds.append(IS)
                starts.append(pos)
                ends.append(found.end(5))
                start, end = found.span(6)
                if start >= 0:
                    kinds.append(FS)
                    starts.append(start)
                    ends.append(end)
                start, end = found.span(7)
                kinds.append(IE)
                starts.append(start)
                ends.append(end)
            # The group that matched last tells whether the match took the line's end, and which.
            line_end = found.lastindex
            end = found.end()
            if line_end == 9:
                stop = end - 1
            elif line_end == 8:
                stop = found.start(8)
            else:
                stop = end
            start, text_end = found.span(3)
            if start >= 0:
                kinds.append(FS)
                starts.append(start)
                ends.append(text_end)
                if text_end < stop:  # a tag between the text and the line's end
                    kinds.append(TAG)
                    starts.append(text_end)
                    ends.append(stop)
            if line_end == 9:
                kinds.append(NL)
            elif line_end == 8:
                if end < size and len(self.indents) > 1:
                    self.dedent_all(stop)
                kinds.append(EL)
            else:
                return end
            starts.append(stop)
            ends.append(end)
            # The next line: the main loop would try it as a common line first too (no comment starts one).
            pos = end
            found = match(text, pos)
        self.uncommon_line = pos
        return pos

    def structure(self, found: re.Match[str], pos: int, last: int) -> int:
        """Emit the line-start token that :data:`_STRUCTURE` found (with the indentation it opens or closes)."""
        end = found.end()
        group = found.lastgroup
        if group == "relation":
            self.indent_to(found.end(1) - pos, pos)
            kind = _SYMBOLS[found.group(group)]
        elif group == "number":
            self.dedent_all(pos)
            kind = SN
        elif group == "inference":
            if last == EL:
                # After an empty line "--" starts no inference: its first "-" is an attack.
                self.indent_to(found.end(1) - pos, pos)
                end -= 1
                kind = ATT_OUT
            else:
                self.dedent_all(pos)
                self.inference = True
                kind = IS
        else:
            self.indent_to(found.end(1) - pos + 1, pos)
            kind = OLI if group == "ordered" else ULI
        out = self.out
        out.kinds.append(kind)
        out.starts.append(pos)
        out.ends.append(end)
        return _past_gap(self.text, end)

    def default_token(self, pos: int, char: str) -> int:
        """The general rules: the token types that can start with ``char`` at ``pos``, in the reference's order, then
        text. (Types that start with different characters never compete: the dispatch on ``char`` tries the commonest
        first.)
        """
        text = self.text
        if char in "*_":
            end = self.emphasis(pos, char)
            if end >= 0:
                return end
        elif char == "[":
            end = self.link(pos)
            if end >= 0:
                self.emit(LINK, pos, end)
                return end
            end = self.statement_definition(pos)
            if end >= 0:
                self.emit(SDEF, pos, end)
                return end
            end = self.statement_reference(pos)
            if end >= 0:
                self.emit(SREF, pos, end)
                return end
        elif char == "#":
            # The other line-start tokens were tried by run(); a heading starts at the line's very first character.
            if not self.out.kinds or self.out.kinds[-1] <= EL:
                heading = _HEADING.match(text, pos)
                if heading is not None:
                    self.emit(HS, pos, heading.end())
                    return heading.end()
            end = self.tag(pos)
            if end >= 0:
                self.emit(TAG, pos, end)
                return end
        elif char == "=":
            end = self.frontmatter(pos)
            if end >= 0:
                self.emit(FM, pos, end)
                return end
        elif char == "{":
            end = self.data(pos)
            if end >= 0:
                self.emit(DATA, pos, end)
                return end
        elif char == "\\":
            return self.escape(pos)
        elif char in ".:":
            end = self.shortcode(pos)
            if end >= 0:
                return end
        elif char in " \t\r\n":
            if self.last() != EL:
                empty = _EMPTYLINE.match(text, pos)
                if empty is not None:
                    if empty.end() < len(text):
                        self.dedent_all(pos)
                    self.emit(EL, pos, empty.end())
                    return empty.end()
            newline = _NEWLINE.match(text, pos)
            if newline is not None:
                self.emit(NL, pos, newline.end())
                return newline.end()
        elif char == "@":
            following = text[pos + 1 : pos + 2]
            if following == "[":
                end = self.mention(pos, self.brackets)
                if end >= 0:
                    self.emit(SMEN, pos, end)
                    return end
            elif following == "<":
                end = self.mention(pos, self.chevrons)
                if end >= 0:
                    self.emit(AMEN, pos, end)
                    return end
        elif char == "<":
            end = self.argument_definition(pos)
            if end >= 0:
                self.emit(ADEF, pos, end)
                return end
            end = self.argument_reference(pos)
            if end >= 0:
                self.emit(AREF, pos, end)
                return end
        return self.text_token(pos, char)

    def text_token(self, pos: int, char: str) -> int:
        text = self.text
        if char == " " or char == "\t":
            return _matched_end(_SPACES, text, pos)
        if not self.inference:
            run = _PLAIN.match(text, pos)
            if run is not None:
                return self.plain_run(pos, run.end())
        if char in _NOT_FREESTYLE:
            end = _one_blank(text, pos + 1)
            self.emit(UCC, pos, end)
            return end
        end = _matched_end(_FREESTYLE, text, pos)
        self.emit(FS, pos, end)
        return end

    def escape(self, pos: int) -> int:
        """Emit the escaped character at ``pos`` (after a backslash) and return its end; the same in both modes."""
        escaped = _ESCAPED.match(self.text, pos)
        if escaped is None:
            raise Fault("a backslash must be followed by the character it escapes, on the same line", pos)
        self.emit(ESC, pos, escaped.end())
        return escaped.end()

    def shortcode(self, pos: int) -> int:
        """Emit a shortcode (``.name.`` or ``:name:``) at ``pos`` and return its end, or -1; the same in both modes."""
        special = _SPECIAL.match(self.text, pos)
        if special is None:
            return -1
        self.emit(SPC, pos, special.end())
        return special.end()

    def inference_token(self, pos: int, char: str) -> int:
        text = self.text
        if char in " \t\r\n":
            newline = _NEWLINE.match(text, pos)
            if newline is not None:
                self.emit(NL, pos, newline.end())
                return newline.end()
        if char == "\\":
            return self.escape(pos)
        if char in ".:":
            end = self.shortcode(pos)
            if end >= 0:
                return end
        elif char == "-":
            closing = _INFERENCE_END.match(text, pos)
            if closing is not None:
                self.emit(IE, pos, closing.end())
                self.inference = False
                return closing.end()
        elif char == "{":
            end = self.data(pos)
            if end >= 0:
                self.emit(DATA, pos, end)
                return end
        elif char == ",":
            self.emit(LD, pos, pos + 1)
            return pos + 1
        return self.text_token(pos, char)


def _matched_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """The end of the match of ``pattern`` at ``pos``, where the caller knows that it matches."""
    found = pattern.match(text, pos)
    assert found is not None
    return found.end()


def _past_gap(text: str, pos: int) -> int:
    """The offset after the blanks at ``pos`` that no line break follows, which the lexer skips: one step for what
    its main loop would skip in another round.
    """
    found = _GAP.match(text, pos)
    return pos if found is None else found.end()


def _one_blank(text: str, pos: int) -> int:
    """``pos``, or the offset after it where a space or a tab stands: what a control character takes along."""
    return pos + 1 if pos < len(text) and text[pos] in " \t" else pos


def tokenize(text: str, *, common_lines: bool = True) -> Tokens:
    """The tokens of ``text``; raises :class:`Fault` where no token matches (a backslash at a line's end).

    ``common_lines=False`` reads even the commonest lines token by token, by the general rules only: the tests
    compare the two ways.
    """
    return _Lexer(text, common_lines=common_lines).run()
