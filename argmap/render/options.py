"""The options of a drawing, the values each allows, and their validation (one place for the defaults)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Literal, TypedDict

import attrs

from ..errors import OptionError
from ..model import ArgumentMap
from .theme import AUTO, THEME_NAMES, THEMES, Theme

if TYPE_CHECKING:
    # Only for annotations: renderers take a labelling as input, and evaluation must not be imported at load time.
    from ..evaluate import Labelling
    from ..strength import Strengths
    from .notes import NodeUrl

__all__ = [
    "DEFAULT_SHOW",
    "DIRECTIONS",
    "ID_PREFIX",
    "SHOW",
    "VIEWS",
    "Direction",
    "DotOptions",
    "DrawOptions",
    "HtmlOptions",
    "Options",
    "View",
    "check_labelling",
    "check_strengths",
    "invalid",
    "show_names",
    "theme_named",
]

View = Literal["debate", "premise"]
Direction = Literal["BT", "TB", "LR", "RL"]

#: The views :func:`~argmap.render.dot.to_dot` draws.
VIEWS: tuple[str, ...] = ("debate", "premise")
#: Values of ``direction``: where the reasons are, seen from their conclusions (``BT``: conclusions on top).
DIRECTIONS: tuple[str, ...] = ("BT", "TB", "LR", "RL")
#: What ``show=`` may name, each an optional part of the diagram.
SHOW: tuple[str, ...] = ("title", "sections", "tags", "argument-text", "statement-ids", "rules")
#: What is shown unless ``show=`` says otherwise: everything but statement ids.
DEFAULT_SHOW: frozenset[str] = frozenset(SHOW) - {"statement-ids"}
#: What an id prefix may be: a letter followed by letters, digits, ``_`` or ``-``.
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


class DrawOptions(TypedDict, total=False):
    """The keyword options of every drawing: what it shows and how (see :func:`~argmap.render.dot.to_dot`)."""

    view: View
    direction: Direction
    wrap: int
    theme: str | Theme
    show: Iterable[str]
    labelling: Labelling | None
    strengths: Strengths | None


class DotOptions(DrawOptions, total=False):
    """The keyword options of :func:`~argmap.render.dot.to_dot`, for functions that pass them on."""

    id_prefix: str


class HtmlOptions(DotOptions, total=False):
    """The keyword options of HTML drawings (:func:`argmap.render.html.figure`, :func:`argmap.render.html.page`):
    those of :func:`~argmap.render.dot.to_dot`, where ``theme`` is ``"auto"`` by default, and these.
    """

    #: The map's name, which starts every node's anchor (default: made of the map's title).
    name: str | None
    #: A function that gives each node a link (see :data:`argmap.render.notes.NodeUrl`).
    node_url: NodeUrl | None
    #: The widest the diagram's frame may be, as a CSS length (``"40rem"``, ``"600px"``, ``"80%"``).
    max_width: str | None
    #: The tallest the diagram's frame may be, as a CSS length (default ``85vh``).
    max_height: str | None


@attrs.frozen
class Options:
    """The options of one drawing, validated (see :func:`~argmap.render.dot.to_dot` for each)."""

    view: str
    direction: str
    wrap: int
    theme: Theme
    show: frozenset[str]
    id_prefix: str
    labelling: Labelling | None
    strengths: Strengths | None = None

    @classmethod
    def of(
        cls,
        m: ArgumentMap,
        *,
        view: str = "debate",
        direction: str = "BT",
        wrap: int = 40,
        theme: str | Theme = "light",
        show: Iterable[str] = DEFAULT_SHOW,
        id_prefix: str = "",
        labelling: Labelling | None = None,
        strengths: Strengths | None = None,
    ) -> Options:
        """The options of a drawing, validated; the defaults are :func:`to_dot`'s."""
        if view not in VIEWS:
            raise invalid("view", view, VIEWS)
        if direction not in DIRECTIONS:
            raise invalid("direction", direction, DIRECTIONS)
        if isinstance(wrap, bool) or not isinstance(wrap, int) or wrap < 0:
            raise OptionError(f"wrap must be a number of characters (0 for no wrapping), not {wrap!r}")
        chosen = theme_named(theme)
        names = show_names(show, SHOW)
        if id_prefix and not (isinstance(id_prefix, str) and ID_PREFIX.fullmatch(id_prefix)):
            raise OptionError(f"id_prefix must be a letter followed by letters, digits, '_' or '-', not {id_prefix!r}")
        if labelling is not None:
            check_labelling(m, labelling)
        if strengths is not None:
            check_strengths(m, strengths)
        return cls(view, direction, wrap, chosen, names, id_prefix, labelling, strengths)


def theme_named(theme: str | Theme, names: Collection[str] = THEME_NAMES) -> Theme:
    """The theme that ``theme`` names, one of ``names``, or ``theme`` itself; :class:`~argmap.OptionError` for
    another name.
    """
    if isinstance(theme, Theme):
        return theme
    if not isinstance(theme, str) or theme not in names:
        raise invalid("theme", theme, names)
    # Outside HTML, where no stylesheet can follow the page, the automatic theme is the light one.
    return THEMES["light" if theme == AUTO else theme]


def show_names(show: Iterable[str], allowed: Collection[str]) -> frozenset[str]:
    """The parts of a diagram that ``show`` names (a single string names one), each one of ``allowed``;
    :class:`~argmap.OptionError` naming any other.
    """
    names = frozenset([show] if isinstance(show, str) else show)
    unknown = sorted(map(repr, names - frozenset(allowed)))
    if unknown:
        raise OptionError(f"unknown show {', '.join(unknown)}: use any of {', '.join(allowed)}")
    return names


def check_labelling(m: ArgumentMap, labelling: object) -> None:
    """Refuse (with :class:`~argmap.OptionError`) anything but a :class:`~argmap.evaluate.Labelling` of ``m``."""
    # Imported here, not at the top: evaluation is an input of the renderers, loaded only when one is given.
    from ..evaluate import Labelling

    if not isinstance(labelling, Labelling):
        raise OptionError(f"labelling must be an argmap.evaluate.Labelling, not {type(labelling).__name__}")
    # Identity first: comparing two maps element by element is only needed for an equal copy.
    if labelling.map is not m and labelling.map != m:
        raise OptionError("the labelling is of another map: evaluate the map being drawn")


def check_strengths(m: ArgumentMap, strengths: object) -> None:
    """Refuse (with :class:`~argmap.OptionError`) anything but the :class:`~argmap.strength.Strengths` of ``m``."""
    # Imported here, as the labelling's type is: only a drawing with strengths needs it.
    from ..strength import Strengths

    if not isinstance(strengths, Strengths):
        raise OptionError(f"strengths must be an argmap.strength.Strengths, not {type(strengths).__name__}")
    if strengths.map is not m and strengths.map != m:
        raise OptionError("the strengths are of another map: compute them for the map being drawn")


def invalid(option: str, value: object, allowed: Collection[str]) -> OptionError:
    """The error for an ``option`` whose ``value`` is none of ``allowed``."""
    return OptionError(f"unknown {option} {value!r}: use one of {', '.join(allowed)}")
