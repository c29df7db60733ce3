"""Walton's argumentation schemes: each scheme's premises and critical questions, looked up by any common spelling."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from .model._converters import strings

__all__ = ["SCHEMES", "Scheme", "find_scheme"]


@attrs.frozen(kw_only=True)
class Scheme:
    """An argumentation scheme: a stereotyped pattern of defeasible reasoning, after Walton, Reed and Macagno,
    *Argumentation Schemes* (Cambridge University Press, 2008).

    ``premises`` and ``conclusion`` give the pattern, with letters standing for what an argument fills in;
    ``critical_questions`` are the questions that an argument of this scheme must survive,
    numbered from 1 in this order (the numbers that ``cq`` markers refer to, see
    :func:`argmap.check`'s ``open-critical-question``). ``aliases`` are other names the scheme goes by, such as
    the spellings of the Araucaria, AIFdb and OVA corpora; :func:`find_scheme` accepts them all.
    """

    name: str
    premises: tuple[str, ...] = attrs.field(converter=strings)
    conclusion: str
    critical_questions: tuple[str, ...] = attrs.field(converter=strings)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=strings)


# The wording is ours; the premises and questions follow the compendium in Walton, Reed & Macagno (2008), ch. 9,
# in their order, so that question numbers match the literature.
_CATALOGUE = (
    Scheme(
        name="Example",
        premises=("In this case, the individual a has property F and also property G.",),
        conclusion="Generally, whatever has property F also has property G.",
        critical_questions=(
            "Is what the example says about a actually true?",
            "Is a really an instance of the generalisation it is offered for?",
            "Is a typical of the cases the generalisation covers?",
            "How strong a generalisation does the example warrant: all cases, most, or only some?",
            "Was there something special about a that keeps the example from carrying over to other cases?",
        ),
        aliases=("Argument From Example", "Generalisation From Example"),
    ),
    Scheme(
        name="Cause to Effect",
        premises=(
            "Generally, when A happens, B will (or may) happen.",
            "In this case, A happens (or may happen).",
        ),
        conclusion="In this case, B will (or may) happen.",
        critical_questions=(
            "How strong is the causal generalisation that A brings about B?",
            "Is there enough evidence to back the causal generalisation?",
            "Could other causes interfere and keep A from bringing about B in this case?",
        ),
        aliases=("Argument From Cause to Effect", "Causal Argument"),
    ),
    Scheme(
        name="Practical Reasoning",
        premises=(
            "The agent has the goal G.",
            "Carrying out action A is a means of achieving G.",
        ),
        conclusion="The agent ought (practically speaking) to carry out A.",
        critical_questions=(
            "Does the agent have other goals that conflict with G?",
            "Are there other actions that would achieve G as well, which should be considered?",
            "Of A and those alternatives, which is the most efficient?",
            "Is it actually possible for the agent to carry out A?",
            "What other consequences of carrying out A should be taken into account?",
        ),
        aliases=("Argument From Practical Reasoning", "Practical Inference", "Argument From Goal"),
    ),
    Scheme(
        name="Verbal Classification",
        premises=(
            "The individual a has the property F.",
            "Whatever has the property F can be classified as having the property G.",
        ),
        conclusion="a has the property G.",
        critical_questions=(
            "Does a definitely have property F, or is there room to doubt that it should be classified so?",
            "Does the classification rest on a merely stipulative or biased definition that is open to doubt?",
        ),
        aliases=("Argument From Verbal Classification", "Classification", "Argument From Classification"),
    ),
    Scheme(
        name="Analogy",
        premises=(
            "Case C1 is, in general, similar to case C2.",
            "A is true (or false) in case C1.",
        ),
        conclusion="A is true (or false) in case C2.",
        critical_questions=(
            "Do C1 and C2 differ in ways that weaken the similarity the argument relies on?",
            "Is A really true (or false) in C1?",
            "Is there another case C3, also similar to C1, in which A is the other way round?",
        ),
        aliases=("Argument From Analogy", "Analogical Argument", "Argument By Analogy"),
    ),
    Scheme(
        name="Expert Opinion",
        premises=(
            "E is an expert in the domain D that the proposition A belongs to.",
            "E asserts that A is true (or false).",
        ),
        conclusion="A is true (or false).",
        critical_questions=(
            "How credible is E as an expert?",
            "Is E an expert in the domain that A belongs to?",
            "What exactly did E assert, and does it imply A?",
            "Is E personally reliable as a source: honest, unbiased, careful?",
            "Is A consistent with what other experts assert?",
            "Is E's assertion based on evidence?",
        ),
        aliases=(
            "Argument From Expert Opinion",
            "Appeal to Expert Opinion",
            "Argument From Authority",
            "Appeal to Authority",
        ),
    ),
    Scheme(
        name="Established Rule",
        premises=(
            "Where doing things of kind A is the established rule for x, x must do A, unless the case is an exception.",
            "Doing things of kind A is the established rule for a.",
        ),
        conclusion="a must do A.",
        critical_questions=(
            "Does the rule really require actions of the kind that A is?",
            "Do other established rules conflict with this one, or override it?",
            "Is this an exceptional case, with circumstances that excuse not following the rule?",
        ),
        aliases=("Argument From Established Rule", "Argument From Rules", "Rule"),
    ),
    Scheme(
        name="Sign",
        premises=(
            "A (a finding) is true in this situation.",
            "B is generally indicated as true when its sign, A, is true.",
        ),
        conclusion="B is true in this situation.",
        critical_questions=(
            "How strongly does the sign correlate with what it is taken to signify?",
            "Could some other event account for the sign more reliably?",
        ),
        aliases=("Argument From Sign",),
    ),
    Scheme(
        name="Commitment",
        premises=(
            "a is committed to the proposition A, as shown by what a said or did.",
            "Generally, whoever is committed to A can be taken to be committed to B as well.",
        ),
        conclusion="a is committed to B.",
        critical_questions=(
            "What evidence shows that a is committed to A, and is there evidence that a is not?",
            "Could this case be an exception to the rule that commitment to A brings commitment to B?",
        ),
        aliases=("Argument From Commitment",),
    ),
    Scheme(
        name="Ignorance",
        premises=(
            "If A were true, it would be known to be true.",
            "A is not known to be true.",
        ),
        conclusion="A is (presumably) not true.",
        critical_questions=(
            "How far has the search for evidence gone?",
            "Which side has the burden of proof, and what does it have to prove?",
            "How strong must the proof be for that side to meet its burden?",
        ),
        aliases=(
            "Argument From Ignorance",
            "Argument From Lack of Evidence",
            "Argument From Negative Evidence",
            "Ad Ignorantiam",
        ),
    ),
    Scheme(
        name="Position to Know",
        premises=(
            "a is in a position to know whether things in the domain D, which A belongs to, are so.",
            "a asserts that A is true (or false).",
        ),
        conclusion="A is true (or false).",
        critical_questions=(
            "Is a really in a position to know whether A is true?",
            "Is a an honest, trustworthy and reliable source?",
            "Did a actually assert that A is true (or false)?",
        ),
        aliases=("Argument From Position to Know", "Argument From Witness Testimony"),
    ),
    Scheme(
        name="Correlation to Cause",
        premises=("A and B are positively correlated.",),
        conclusion="A causes B.",
        critical_questions=(
            "Is there really a positive correlation between A and B?",
            "Does the correlation rest on a significant number of instances?",
            "Is there good evidence that the causation runs from A to B, and not only from B to A?",
            "Can a third factor that causes both A and B be ruled out?",
            "If other variables intervene, is it shown that A causes B only indirectly, through them?",
            "If the correlation holds only within some range of cases, are the limits of that range made clear?",
            "Could the rise or change in B be due merely to how B is defined, classified or measured over time?",
        ),
        aliases=("Argument From Correlation to Cause", "Correlation"),
    ),
    Scheme(
        name="Consequences",
        premises=("If A is brought about, good (or bad) consequences will plausibly follow.",),
        conclusion="A should (or should not) be brought about.",
        critical_questions=(
            "How likely is it that the consequences will follow?",
            "What evidence supports the claim that they will follow, and is it strong enough?",
            "Are there consequences of the opposite value that should be taken into account too?",
        ),
        aliases=(
            "Argument From Consequences",
            "Positive Consequences",
            "Negative Consequences",
            "Argument From Positive Consequences",
            "Argument From Negative Consequences",
        ),
    ),
    Scheme(
        name="Popular Opinion",
        premises=(
            "A is generally accepted as true.",
            "That A is generally accepted gives a reason in favour of A.",
        ),
        conclusion="There is a reason in favour of A.",
        critical_questions=(
            "What shows that A is generally accepted, such as a poll or an appeal to common knowledge?",
            "Even if A is generally accepted, is there good reason to doubt that it is true?",
        ),
        aliases=("Argument From Popular Opinion", "Appeal to Popular Opinion", "Ad Populum"),
    ),
    Scheme(
        name="Popular Practice",
        premises=(
            "If (nearly) everyone does A, or acts as though A were the right thing to do, then A is a prudent "
            "course of action.",
            "(Nearly) everyone acts as though A were the right thing to do.",
        ),
        conclusion="A is a prudent course of action.",
        critical_questions=(
            "What actions or other signs show that (nearly) everyone accepts A?",
            "Even if they do, what grounds are there for thinking that they are right to?",
        ),
        aliases=("Argument From Popular Practice", "Appeal to Popular Practice"),
    ),
    Scheme(
        name="Inconsistent Commitment",
        premises=(
            "a has claimed, or shown in some way, a commitment to A.",
            "Other evidence shows that a is not committed to A.",
        ),
        conclusion="a's commitments are inconsistent.",
        critical_questions=(
            "What evidence shows that a is committed to A?",
            "What evidence shows that a is not committed to A?",
            "Does the evidence of both premises really show a commitment to both A and its opposite?",
        ),
        aliases=("Argument From Inconsistent Commitment",),
    ),
    Scheme(
        name="Ad Hominem",
        premises=("a is a person of bad character (for instance, not truthful).",),
        conclusion="a's argument should not be accepted.",
        critical_questions=(
            "How well does the evidence support the charge against a's character?",
            "Is character relevant in the kind of dialogue in which the argument was used?",
            "Does the conclusion reject a's argument outright, even where other evidence supports it, or does it "
            "only give a's word less weight?",
        ),
        aliases=("Argument Ad Hominem", "Generic Ad Hominem", "Direct Ad Hominem", "Abusive Ad Hominem"),
    ),
)

#: The catalogue: every scheme argmap knows, by name, in a fixed order (the schemes most used in the AIF corpora
#: first).
SCHEMES: Mapping[str, Scheme] = MappingProxyType({scheme.name: scheme for scheme in _CATALOGUE})

# "Argument from ..." prefixes and "... argument/scheme" suffixes are spelling, not meaning.
_AFFIXES = re.compile(r"^(?:argument|appeal)(?:from|to|by|of)?|(?:argument|scheme)$")


def _key(name: str) -> str:
    """The spelling-free form of a scheme name: ``"Argument From Cause-to-Effect"`` and ``"CauseToEffect"`` alike
    become ``"causetoeffect"``.
    """
    letters = "".join(c for c in name.casefold() if c.isalnum())
    return _AFFIXES.sub("", letters) or letters


_INDEX = {_key(name): scheme for scheme in _CATALOGUE for name in (scheme.name, *scheme.aliases)}


def find_scheme(name: str) -> Scheme | None:
    """The catalogued scheme that ``name`` names, or ``None`` when there is none.

    The look-up ignores case, spaces, punctuation and the affixes "Argument from", "Appeal to" and "Argument",
    and knows each scheme's aliases, so that the spellings of the AIF corpora all find their scheme::

        >>> find_scheme("ExpertOpinion") is find_scheme("Argument From Expert Opinion") is SCHEMES["Expert Opinion"]
        True
        >>> find_scheme("cause-to-effect").name
        'Cause to Effect'

    AIF's generic patterns, such as ``"Default Inference"``, are not schemes of the catalogue::

        >>> find_scheme("Default Inference") is None
        True
    """
    return _INDEX.get(_key(name))
