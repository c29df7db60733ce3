"""What kinds of element and relation a map has, and the roles its statements play."""

from __future__ import annotations

from .._enum import Enum

__all__ = ["ElementType", "RelationKind", "Role"]


class ElementType(Enum):
    """What an end of a relation is: statement ids and argument ids are separate namespaces."""

    STATEMENT = "statement"
    ARGUMENT = "argument"


class RelationKind(Enum):
    """The kinds of relation between elements, as Argdown and AIF know them."""

    SUPPORT = "support"
    ATTACK = "attack"
    UNDERCUT = "undercut"
    CONTRADICTION = "contradiction"
    CONTRARY = "contrary"
    ENTAILS = "entails"

    @property
    def is_support(self) -> bool:
        """Whether the source gives reason to accept the target."""
        return self in (RelationKind.SUPPORT, RelationKind.ENTAILS)

    @property
    def is_attack(self) -> bool:
        """Whether the source gives reason to reject the target (or, for undercut, its inference)."""
        return not self.is_support

    @property
    def is_symmetric(self) -> bool:
        """Whether the relation holds in both directions (contradiction)."""
        return self is RelationKind.CONTRADICTION


class Role(Enum):
    """The part a statement plays, derived from the inferences and relations that use it.

    A *main conclusion* is concluded (by an inference or a support relation) and is a reason for or against
    nothing else; an *intermediate conclusion* is concluded and is such a reason; a *premise* is a reason for
    something and is not concluded.
    """

    PREMISE = "premise"
    INTERMEDIATE_CONCLUSION = "intermediate-conclusion"
    MAIN_CONCLUSION = "main-conclusion"
    #: Neither a premise nor a conclusion: an unsupported objection, a claim that is only attacked, or a lone claim.
    NONE = "none"
