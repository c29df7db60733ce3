"""The catalogue of diagnostic codes: what each means, why it matters, an example, and how to fix it."""

from __future__ import annotations

import enum
import functools
import textwrap
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import attrs

from .errors import Code, UnknownCode

__all__ = ["CATALOGUE", "CheckInfo", "Severity", "explain"]


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


@attrs.frozen(kw_only=True)
class CheckInfo:
    """The catalogue entry of one diagnostic code: what it means, why it matters, an example and the fix.

    ``reported_by`` says where the code comes from: ``"check"`` for :func:`~argmap.check`; ``"argdown"`` for what
    the Argdown reader notices in a text and :func:`~argmap.check` reports (``ArgumentMap.notices``); ``"build"``
    for what :class:`~argmap.MapBuilder`, the model and so every reader refuse; ``"read"`` for what the JSON reader
    refuses in a file's shape; ``"aif"`` for what the AIF reader refuses in how a document's nodes fit together;
    ``"write"`` for what a writer cannot write; ``"framework"`` for what an abstract framework refuses;
    ``"evaluate"`` for what a hand-made labelling breaks. Codes of all but the first two come inside a
    :class:`~argmap.MapError`.
    """

    code: Code
    severity: Severity
    title: str
    meaning: str
    why: str
    example: str
    fix: str
    reported_by: Literal["check", "argdown", "build", "read", "aif", "write", "framework", "evaluate"] = "check"

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
    "argdown": "Noticed by the Argdown reader in the text, and reported by argmap.check() and `argmap check` on "
    "the map it read.",
    "build": "Reported by MapBuilder.build(), the model and the readers, inside a MapError: a map with this "
    "problem is refused.",
    "read": "Reported by the JSON reader (argmap.load, argmap.loads and the argmap command), inside a MapError "
    "that gives the JSON path of each problem: the file is refused.",
    "aif": "Reported by the AIF reader (argmap.load and the argmap command, for AIF files), inside a MapError "
    "that gives the JSON path of each problem: the file is refused.",
    "write": "Reported by a writer (argmap.dumps, argmap.dump and `argmap convert`), inside a MapError: nothing is "
    "written.",
    "framework": "Reported by argmap.af.Framework and the framework readers, inside a MapError: the framework is "
    "refused.",
    "evaluate": "Reported by argmap.Labelling, inside a MapError, for a labelling built by hand: argmap.evaluate() "
    "never makes one.",
}


def explain(code: str) -> str:
    """The catalogue entry of ``code`` as readable text; :class:`UnknownCode`, naming close codes, if there is none."""
    info = CATALOGUE.get(code.strip().lower())
    if info is None:
        import difflib  # only a mistyped code needs it, and it costs every command's start-up

        close = difflib.get_close_matches(code.strip().lower(), list(CATALOGUE), n=3)
        hint = f"did you mean {' or '.join(close)}?" if close else f"known codes: {', '.join(CATALOGUE)}"
        raise UnknownCode(f"unknown diagnostic code {code!r}; {hint}")
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
        code="uncovered-source",
        severity=Severity.INFO,
        title="Sentences of a source that no quote covers",
        meaning="A source of the map has sentences that no statement's quote touches and that the map does not "
        "list as background (in metadata['background'], each with the source, an excerpt of the sentence and a "
        "one-word reason). The diagnostic names the statements that quote the source; a source that no statement "
        "quotes gets none (unquoted-statement notes such maps). argmap coverage MAP lists the sentences with their "
        "lines.",
        why="A reconstruction of a text should account for every sentence that gives a reason, a concession, an "
        "objection or the conclusion; a sentence left out may be reasoning the map misses. Marking news and "
        "scene-setting as background makes the coverage complete and explicit.",
        example='b.source("editorial", text="Kim visits Russia. It may help him.")\n'
        'b.statement("The trip may help Kim.", quote=("editorial", "It may help him"))',
        fix="Quote the sentence from the statement it states, add the reasoning it gives, or list it as background: "
        "metadata={'background': [{'source': 'editorial', 'text': 'Kim visits Russia', 'reason': 'news'}]}.",
    ),
    CheckInfo(
        code="open-critical-question",
        severity=Severity.INFO,
        title="Critical questions of an argument's scheme are not raised",
        meaning="The argument's scheme names a scheme of the catalogue (argmap.schemes.SCHEMES, such as Expert "
        "Opinion), and no attack in the map raises some of that scheme's critical questions; the diagnostic lists "
        "them with their numbers. An attack raises question n of an argument when it is aimed at the argument (an "
        "undercut, or any attack on the argument itself) or at a statement of its reconstruction (a premise, an "
        "intermediate conclusion or the conclusion), and its source is marked with n: a tag cq2 (also cq:2, cq-2 "
        "or cq 2; #cq2 in Argdown) or a data key cq holding a number or a list of numbers. A contradiction is an "
        "attack from either end. Arguments with no scheme, or one the catalogue lacks (such as AIF's Default "
        "Inference), get no such notes.",
        why="A scheme's critical questions are where arguments of its kind are open to doubt (Walton, Reed and "
        "Macagno 2008). A question no objection raises is either settled by the text, or a line of criticism that "
        "the map has not explored yet.",
        example="<Safe>: Dr Lee says the vaccine is safe. {scheme: Expert Opinion}\n\n"
        "(1) Dr Lee is an expert on vaccine safety.\n(2) Dr Lee says the vaccine is safe.\n----\n"
        "(3) The vaccine is safe.\n\n<Paid>: Dr Lee is paid by the vaccine's maker. #cq4\n  _> <Safe>",
        fix="Add the objection a question points to and mark its source with the question's number (an undercut "
        "for a doubt about the inference, an attack on a premise for a doubt about it), or leave the note where "
        "the text does not take the question up. argmap check --severity warning hides notes.",
    ),
    CheckInfo(
        code="long-text",
        severity=Severity.INFO,
        title="Diagrams show a text cut",
        meaning="A statement's or argument's text is longer than its box in a diagram shows: the box holds 3,000 "
        "characters (argmap.boxes.BOX_LENGTH), less the element's id and tags (two characters each for framing), "
        "whether or not the drawing shows them. Diagrams (DOT, SVG, PNG, PDF, the HTML figure, Mermaid) show the "
        "text cut after its last whole word that fits, followed by an ellipsis; the node's tooltip and the JSON, "
        "Argdown and AIF files keep the whole text. (A map's or section's title over 3,000 characters is cut "
        "alike, without a note.)",
        why="A long passage, such as a forum post that a corpus keeps as one claim, is read in full but drawn "
        "only in part: a reader of the diagram sees its start and must open the tooltip for the rest.",
        example="b.statement('Kim went to Russia. ' * 200)",
        fix="Nothing, if the start says enough. Otherwise state the claim in a sentence and keep the passage as "
        "a source that the statement quotes, or split it into the several claims it makes. "
        "argmap check --severity warning hides notes.",
    ),
    CheckInfo(
        code="source-encoding",
        severity=Severity.INFO,
        title="A map's source text was not UTF-8",
        meaning="The text beside an AIF map (NAME.txt beside NAME.json, as the AIFdb corpora keep it) is not "
        "UTF-8. Where every byte of it is a character of Windows-1252, the encoding of the corpora's older texts, "
        "it was read as Windows-1252 (and the source's title says so); where it is not, the map was read without "
        "it. The diagnostic is located at the first byte of the file that is not UTF-8. The reader keeps the note "
        "in the map's metadata['source_file'].",
        why="An encoding is a guess when a file does not say it: a text read in the wrong one has wrong "
        "characters, and its quotes are not found. A map read without its text has no source to quote.",
        example="argmap check nodeset1234.json  # nodeset1234.txt beside it is Windows-1252",
        fix="Nothing, if the characters of the source read right. Otherwise convert the text to UTF-8, such as "
        "with iconv -f windows-1252 -t utf-8, after finding its real encoding.",
    ),
    CheckInfo(
        code="unhonoured-setting",
        severity=Severity.WARNING,
        title="An Argdown setting that argmap does not honour",
        meaning="The map was read from an Argdown document whose frontmatter or element data holds one of "
        "Argdown's settings (in the groups selection, map, color, dot, group, model..., or an element's isInMap, "
        "color, rank...) that argmap leaves out when it draws the map: one it does not implement, or a value it "
        "refuses, such as an unknown statementSelectionMode. The diagnostic names the setting by its dotted path "
        "(dot.graphVizSettings.nodesep, data.rank) and stands at the frontmatter, or at the element whose data "
        "holds it.",
        why="An author who writes a setting expects the drawing to follow it: argmap's drawing then differs from "
        "Argdown's, and without this warning nothing would say so.",
        example="===\nselection:\n    statementSelectionMode: top-level\n===\n\n[Tea]: Tea is good for you.",
        fix="Nothing, if the difference does not matter here. Otherwise use a value argmap honours (see the "
        "Argdown page of the documentation), or draw the part wanted with argmap's own options (argmap render "
        "--section, --tag, --focus).",
    ),
    CheckInfo(
        code="unused-premise",
        severity=Severity.WARNING,
        title="A premise that no inference uses",
        meaning="An argument's reconstruction lists a statement as a premise, but no step of it uses that "
        "statement: in Argdown, a numbered premise of a premise-conclusion structure that the uses (or from) data "
        "of every inference leave out. The map keeps it in the argument (Argument.unused_premises), as the Argdown "
        "reference does, so that nothing the author wrote is lost; it supports nothing, in evaluation or in "
        "diagrams. The diagnostic is at the statement, which in Argdown is where the structure first gives it.",
        why="A premise left out of every inference is either not needed, and then only clutters the argument, or "
        "needed, and then the inference that should use it is missing it: its conclusion does not follow from "
        "what the inference says it uses.",
        example="<Tea>\n\n(1) Tea has antioxidants.\n(2) Antioxidants are healthy.\n(3) Tea tastes good.\n"
        "-- {uses: [1, 2]} --\n(4) Tea is healthy.",
        fix="Add the premise's number to the uses list of the inference that needs it, or delete the premise and "
        "renumber the structure.",
    ),
    CheckInfo(
        code="unbacked-relation",
        severity=Severity.WARNING,
        title="A sketched relation that the reconstructions do not back",
        meaning="A relation with a reconstructed argument at one end (or both) says more than the argument's "
        "premise-conclusion structure grounds. What an end puts forward is a statement itself, or a reconstructed "
        "argument's conclusion; what an end offers to be supported or attacked is a statement itself, or any "
        "statement a reconstructed argument's steps take as a premise (intermediate conclusions included). A "
        "support (or entailment) is backed where what the source puts forward is one of the statements the target "
        "offers, or supports or entails one of them by a relation between statements in the map. An attack (or "
        "contrariety, or contradiction) is backed where what the source puts forward attacks, is contrary to or "
        "contradicts one of them by a relation between statements (a contradiction holds both ways). Relations "
        "between two statements are the sketch itself and are not checked, nor are undercuts (they deny an "
        "inference, which no statement says) or relations with a sketched argument at an end: there is nothing "
        "to hold them against. Each relation costs no more than the smaller of the two sets it compares. Argdown "
        "moves a reconstructed argument's relations to its conclusion (<A> +> [T] becomes a relation from A's "
        "conclusion), so its reader judges those as written and check() reports what it noticed; check() judges "
        "every relation the map keeps with an argument at an end.",
        why="A map drawn first and reconstructed later drifts: an argument sketched as supporting a thesis ends up "
        "concluding something else, and the diagram claims a connection that the logic does not make. Argdown's "
        "authors ask for this check (Argdown issue 593); its tools draw both without a word.",
        example="[T]: Tea is healthy.\n  <+ <Tea>\n\n<Tea>\n\n(1) Tea has antioxidants.\n"
        "(2) Antioxidants are healthy.\n----\n(3) Antioxidants are in tea.",
        fix="Make the reconstruction conclude what the sketch says (here: (3) [T]), relate the conclusion to the "
        "target by a relation between statements ([C] +> [T]), or correct the sketch.",
    ),
    CheckInfo(
        code="undefined-reference",
        severity=Severity.WARNING,
        title="A reference to an element that the text never defines",
        meaning="An Argdown document refers to a statement ([Title]) that no line gives a text ([Title]: text), or "
        "to an argument (<Title>) without a description (<Title>: text) or a premise-conclusion structure. Argdown "
        "draws it all the same, as a node showing its title. Where a defined title is one edit away (a letter "
        "added, left out, changed or two swapped) or differs in case only, the message asks whether it was meant; "
        "with exactly one such title, argmap check --fix puts it in place of every mention.",
        why="Most such references are typing slips: the relation the author wrote then ends at a new, empty node "
        "instead of the statement meant, and the map says something else than the author did, without a word.",
        example="[Tea]: Tea is good for you.\n  + [Health]: Tea has antioxidants.\n  - [Helth]",
        fix="Correct the title (argmap check --fix does, where one defined title is close), or give the statement "
        "its text where it is first mentioned: [Helth]: text.",
        reported_by="argdown",
    ),
    CheckInfo(
        code="pcs-numbering",
        severity=Severity.WARNING,
        title="The numbers of a premise-conclusion structure are out of order",
        meaning="The statements of an argument's premise-conclusion structure are numbered other than (1), (2), "
        "(3)... in order: a number is repeated, skipped or out of place. Argdown ignores the numbers and counts "
        "the statements; the diagnostic names the first statement whose number is not its place.",
        why="Inferences name their premises by number ({uses: [1, 3]}), and readers follow the numbers: numbers "
        "that do not match the places make an inference seem to use other premises than it does.",
        example="<Tea>\n\n(1) Tea has antioxidants.\n(3) Antioxidants are healthy.\n----\n(4) Tea is healthy.",
        fix="Renumber the statements (1), (2), (3)... in the order they stand, and update the uses lists of the "
        "inferences to match.",
        reported_by="argdown",
    ),
    CheckInfo(
        code="invalid-uses",
        severity=Severity.WARNING,
        title="An inference's uses list names no premise above its conclusion",
        meaning="The uses (or from) data of an inference in a premise-conclusion structure must list the numbers "
        "of statements above its conclusion, such as {uses: [1, 3]}. This one lists something else: a number "
        "below the conclusion or the conclusion's own, a number that is not whole, or an empty list, or it is no "
        "list. Argdown reads such data as data; argmap draws the step from the statements above it, as it would "
        "without the list.",
        why="The list says which premises the step uses; a wrong one leaves the reconstruction other than the "
        "author meant, and a premise the author left out on purpose comes back into the step.",
        example="<Tea>\n\n(1) Tea has antioxidants.\n(2) Antioxidants are healthy.\n--\n{uses: [1, 3]}\n--\n"
        "(3) Tea is healthy.",
        fix="List the numbers of the premises the step uses, each above its conclusion: {uses: [1, 2]}; or drop the "
        "list, and the step uses the statements since the previous conclusion.",
        reported_by="argdown",
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
        code="inexpressible",
        severity=Severity.ERROR,
        title="A map that a format cannot hold",
        meaning="The map has something that the chosen format cannot write so that it reads back the same: in "
        "Argdown, for example, a line break inside a statement's text (Argdown joins the lines of a text with "
        "spaces), an id containing ']', or a step without premises.",
        why="Writing it anyway would lose or change part of the map without a word; the writer refuses instead, "
        "naming every element it cannot write.",
        example='m = ArgumentMap(statements=[Statement(id="s", text="line one\\nline two")])\n'
        'argmap.dumps(m, format="argdown")  # MapError: the text of [s] has a line break',
        fix="Change the part the message names, or write the map as JSON, which holds every map.",
        reported_by="write",
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
        meaning="A text is not a string or contains a control character (other than tab and line breaks), an id "
        "has leading or trailing whitespace, or a name is longer than the limit (MAX_NAME_LENGTH, 1,000 "
        "characters: an id, a tag, an inference rule or a scheme name, an element's id and tags together, or a "
        "step's rules together). Texts and titles have no limit.",
        why="Such text breaks diagrams, JSON and terminals; a name is not prose, and a diagram's box keeps most of "
        "its room for the element's text.",
        example='b.statement("Kim\\x07 went to Russia.")',
        fix="Remove the control characters or surrounding whitespace, and shorten long names (a long title of an "
        "Argdown statement can become its text).",
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
    CheckInfo(
        code="invalid-structure",
        severity=Severity.ERROR,
        title="AIF nodes that do not fit together",
        meaning="The nodes and edges of an AIF document are each well formed, but do not fit together as argmap "
        "reads them: a relation node that argmap wrote has lost an edge or changed its type, a step of an argument "
        "does not point to exactly one I-node, an edge joins a node that is neither an I-node nor an argument, or "
        "argmap's own block on a node (the key argmap) repeats what the node says itself (its scheme, "
        "data['aif'], metadata['aif']) or stands on a node where it means nothing.",
        why="argmap reads an AIF document only where every node has one meaning in the map; guessing would draw "
        "relations the document does not make, or drop what argmap's block carries.",
        example='{"nodes": [{"nodeID": "1", "text": "Kim went to Russia.", "type": "I"},\n'
        '  {"nodeID": "2", "text": "Default Conflict", "type": "CA", "argmap": {"kind": "attack"}}],\n'
        ' "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}]}',
        fix="Restore the node or edge that a hand edit or another tool removed, keep a scheme or data in one "
        "place only, or delete argmap's block from a node that was changed since argmap wrote it, so that the "
        "node is read as plain AIF.",
        reported_by="aif",
    ),
    CheckInfo(
        code="duplicate-attack",
        severity=Severity.ERROR,
        title="An attack is given twice",
        meaning="An abstract framework (argmap.af.Framework) lists the same attack from one argument to another "
        "more than once.",
        why="An attack either exists or does not; a repeated one is usually a copy slip, and writing the framework "
        "back would repeat it.",
        example='Framework(["a", "b"], [("a", "b"), ("a", "b")])',
        fix="Remove the repeated attack.",
        reported_by="framework",
    ),
    CheckInfo(
        code="invalid-attack",
        severity=Severity.ERROR,
        title="An attack is not a pair of argument names",
        meaning="An abstract framework's attack is not a tuple of exactly two names, the attacker then the attacked.",
        why="Without both ends the attack cannot be placed in the framework.",
        example='Framework(["a", "b"], [("a", "b", "a")])',
        fix="Give each attack as a (source, target) tuple of argument names.",
        reported_by="framework",
    ),
    CheckInfo(
        code="unlabelled-element",
        severity=Severity.ERROR,
        title="A labelling leaves an element out",
        meaning="A Labelling built by hand gives no label to a statement or argument of its map.",
        why="A labelling says what stands in the whole map; an unlabelled element can be neither drawn by status "
        "nor explained.",
        example='Labelling("grounded", {}, {}, map=m)  # m has statements',
        fix="Label every statement and argument, or let argmap.evaluate() compute the labelling.",
        reported_by="evaluate",
    ),
    CheckInfo(
        code="bad-label",
        severity=Severity.ERROR,
        title="A label that is not a Label",
        meaning="A labelling maps an id to something other than Label.IN, Label.OUT or Label.UNDEC, such as the "
        "string 'in'.",
        why="Renderers and explanations compare labels by identity; a string would silently match nothing.",
        example='Labelling("grounded", {"p": "in"}, {}, map=m)',
        fix="Use Label members; Label('in') converts a string.",
        reported_by="evaluate",
    ),
    CheckInfo(
        code="illegal-label",
        severity=Severity.ERROR,
        title="A label its attackers do not allow",
        meaning="A labelling built by hand is not complete: an element is IN though an attacker is not OUT or "
        "something it needs is not IN, OUT though no attacker is IN and nothing it needs is OUT, or UNDEC where "
        "it should be settled; or a stable labelling leaves an element UNDEC.",
        why="Explanations rely on completeness: every OUT element has an IN attacker to name, every UNDEC one an "
        "open cycle.",
        example='Labelling("grounded", {"p": Label.OUT}, {}, map=m)  # nothing attacks p',
        fix="Compute labellings with argmap.evaluate() or argmap.evaluate_all().",
        reported_by="evaluate",
    ),
)

#: Every diagnostic code a user can see, in catalogue order: the checks of :func:`check`, then the problems for
#: which building or reading a map refuses it.
CATALOGUE: Mapping[str, CheckInfo] = MappingProxyType({info.code: info for info in _ENTRIES})
