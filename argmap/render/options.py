"""The options of a drawing, the values each allows, and their validation (one place for the defaults)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, TypedDict

import attrs

from ..errors import OptionError
from ..model import ArgumentMap, ElementType
from .theme import AUTO, THEME_NAMES, THEMES, Theme, colour

if TYPE_CHECKING:
    # Only for annotations: renderers take a labelling as input, and evaluation must not be imported at load time.
    from ..evaluate import Labelling
    from ..strength import Strengths
    from .notes import NodeUrl

__all__ = [
    "DEFAULT_SHOW",
    "DIRECTIONS",
    "GRAPH_ATTRIBUTES",
    "ID_PREFIX",
    "LABEL_MODES",
    "NODE_ATTRIBUTES",
    "SHAPES",
    "SHOW",
    "VIEWS",
    "Direction",
    "DotOptions",
    "DrawOptions",
    "HtmlOptions",
    "LabelMode",
    "Options",
    "View",
    "attribute_values",
    "check_closed",
    "check_clusters",
    "check_colours",
    "check_label_modes",
    "check_labelling",
    "check_node_attributes",
    "check_section_colours",
    "check_strengths",
    "check_whole",
    "invalid",
    "show_names",
    "theme_named",
]

View = Literal["debate", "premise", "steps"]
Direction = Literal["BT", "TB", "LR", "RL"]
LabelMode = Literal["default", "id", "text", "none"]

#: The views :func:`~argmap.render.dot.to_dot` draws.
VIEWS: tuple[str, ...] = ("debate", "premise", "steps")
#: Values of ``direction``: where the reasons are, seen from their conclusions (``BT``: conclusions on top).
DIRECTIONS: tuple[str, ...] = ("BT", "TB", "LR", "RL")
#: What ``show=`` may name, each an optional part of the diagram.
SHOW: tuple[str, ...] = ("title", "sections", "tags", "argument-text", "statement-ids", "rules")
#: What is shown unless ``show=`` says otherwise: everything but statement ids.
DEFAULT_SHOW: frozenset[str] = frozenset(SHOW) - {"statement-ids"}
#: What an id prefix may be: a letter followed by letters, digits, ``_`` or ``-``.
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
#: Values of ``label_modes``: what a node's label holds (see :func:`~argmap.render.dot.to_dot`).
LABEL_MODES: tuple[str, ...] = ("default", "id", "text", "none")
#: The node shapes ``node_attributes`` may ask for.
SHAPES: tuple[str, ...] = (
    "box",
    "circle",
    "diamond",
    "doublecircle",
    "ellipse",
    "hexagon",
    "octagon",
    "oval",
    "plaintext",
    "point",
    "rect",
    "square",
)
_NUMBER = r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+"
_BOOLEAN = ("true", "false")
#: The graph attributes ``graph_attributes`` may set, each with the values it takes: a tuple lists them, a regular
#: expression matches them whole. Only layout attributes: none of them can name a file, run code or change what text
#: says.
GRAPH_ATTRIBUTES: Mapping[str, tuple[str, ...] | str] = {
    "concentrate": _BOOLEAN,
    "newrank": _BOOLEAN,
    "nodesep": _NUMBER,
    "ranksep": f"(?:{_NUMBER})(?: equally)?",
    "ratio": f"fill|compress|expand|auto|{_NUMBER}",
    "size": f"(?:{_NUMBER})(?:,(?:{_NUMBER}))?!?",
    # Not "curved": dot 2.43 loses an edge between two nodes of one rank with it ("lost edge").
    "splines": ("true", "false", "none", "line", "polyline", "ortho", "spline"),
}
#: The node attributes ``node_attributes`` may set, with the values each takes, as for :data:`GRAPH_ATTRIBUTES`.
NODE_ATTRIBUTES: Mapping[str, tuple[str, ...] | str] = {
    "shape": SHAPES,
    "width": _NUMBER,
    "height": _NUMBER,
}


class DrawOptions(TypedDict, total=False):
    """The keyword options of every drawing: what it shows and how (see :func:`~argmap.render.dot.to_dot`)."""

    view: View
    direction: Direction
    wrap: int
    theme: str | Theme
    show: Iterable[str]
    labelling: Labelling | None
    strengths: Strengths | None
    colours: Mapping[tuple[ElementType, str], str]
    section_colours: Mapping[str, str]
    label_modes: Mapping[ElementType, LabelMode]
    clusters: Collection[str] | None
    closed: Collection[str]
    same_rank: Sequence[Collection[tuple[ElementType, str]]]
    graph_attributes: Mapping[str, str | int | float | bool]
    node_attributes: Mapping[ElementType, Mapping[str, str | int | float]]
    whole: ArgumentMap | None


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
    #: Fill colours by element, validated (see :func:`~argmap.render.theme.colour`).
    colours: Mapping[tuple[ElementType, str], str] = attrs.field(factory=dict)
    #: Cluster fill colours by section id.
    section_colours: Mapping[str, str] = attrs.field(factory=dict)
    #: What the labels of statements and of arguments hold.
    label_modes: Mapping[ElementType, str] = attrs.field(factory=dict)
    #: The sections drawn as clusters; ``None``: all.
    clusters: frozenset[str] | None = None
    #: The sections drawn as one node each.
    closed: frozenset[str] = frozenset()
    #: Groups of elements drawn on one rank.
    same_rank: tuple[tuple[tuple[ElementType, str], ...], ...] = ()
    #: Graph attributes beyond the defaults, validated.
    graph_attributes: Mapping[str, str] = attrs.field(factory=dict)
    #: Node attributes by element type, validated.
    node_attributes: Mapping[ElementType, Mapping[str, str]] = attrs.field(factory=dict)
    #: The map this one is a part of, whose left-out relations are drawn as stubs.
    whole: ArgumentMap | None = None

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
        colours: Mapping[tuple[ElementType, str], str] | None = None,
        section_colours: Mapping[str, str] | None = None,
        label_modes: Mapping[ElementType, LabelMode] | None = None,
        clusters: Collection[str] | None = None,
        closed: Collection[str] = (),
        same_rank: Sequence[Collection[tuple[ElementType, str]]] = (),
        graph_attributes: Mapping[str, str | int | float | bool] | None = None,
        node_attributes: Mapping[ElementType, Mapping[str, str | int | float]] | None = None,
        whole: ArgumentMap | None = None,
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
        return cls(
            view,
            direction,
            wrap,
            chosen,
            names,
            id_prefix,
            labelling,
            strengths,
            colours=check_colours(colours),
            section_colours=check_section_colours(section_colours),
            label_modes=check_label_modes(label_modes),
            clusters=check_clusters(clusters),
            closed=check_closed(closed),
            same_rank=_same_rank(same_rank),
            graph_attributes=attribute_values("graph_attributes", graph_attributes or {}, GRAPH_ATTRIBUTES),
            node_attributes=check_node_attributes(node_attributes),
            whole=check_whole(whole),
        )


def _mapping(option: str, value: object) -> list[tuple[object, object]]:
    """The items of a mapping option (none for ``None``), in a fixed order; :class:`~argmap.OptionError` for another
    type.
    """
    if value is None:
        return []
    if not isinstance(value, Mapping):
        raise OptionError(f"{option} must be a mapping, not {type(value).__name__}")
    return list(value.items())


def _text(option: str, value: object) -> str:
    if not isinstance(value, str):
        raise OptionError(f"{option} takes section ids (text) as keys, not {value!r}")
    return value


def _element_type(option: str, value: object) -> ElementType:
    if not isinstance(value, ElementType):
        raise OptionError(f"{option} takes argmap.ElementType keys, not {value!r}")
    return value


def _key(option: str, value: object) -> tuple[ElementType, str]:
    """An element's key, ``(ElementType, id)``; :class:`~argmap.OptionError` for anything else."""
    if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str)):
        raise OptionError(f"{option} names elements as (argmap.ElementType, id) pairs, not {value!r}")
    return _element_type(option, value[0]), value[1]


def check_colours(value: object) -> dict[tuple[ElementType, str], str]:
    """The ``colours`` option (``None`` for none), validated: ``(ElementType, id)`` keys and colours (see
    :func:`~argmap.render.theme.colour`); :class:`~argmap.OptionError` naming anything else.
    """
    return {_key("colours", key): colour(fill) for key, fill in _mapping("colours", value)}


def check_section_colours(value: object) -> dict[str, str]:
    """The ``section_colours`` option (``None`` for none), validated: section ids to colours."""
    return {_text("section_colours", key): colour(fill) for key, fill in _mapping("section_colours", value)}


def check_label_modes(value: object) -> dict[ElementType, str]:
    """The ``label_modes`` option (``None`` for none), validated: element types to :data:`LABEL_MODES`."""
    modes = {}
    for type, mode in _mapping("label_modes", value):
        if mode not in LABEL_MODES:
            raise invalid("label mode", mode, LABEL_MODES)
        modes[_element_type("label_modes", type)] = str(mode)
    return modes


def check_node_attributes(value: object) -> dict[ElementType, dict[str, str]]:
    """The ``node_attributes`` option (``None`` for none) validated: element types to attributes of
    :data:`NODE_ATTRIBUTES`, each with a value it allows (see :func:`attribute_values`).
    """
    return {
        _element_type("node_attributes", type): attribute_values("node_attributes", values, NODE_ATTRIBUTES)
        for type, values in _mapping("node_attributes", value)
    }


def check_clusters(value: object) -> frozenset[str] | None:
    """The ``clusters`` option validated: ``None`` (every section) or a collection of section ids."""
    return None if value is None else _ids("clusters", value)


def check_closed(value: object) -> frozenset[str]:
    """The ``closed`` option validated: a collection of section ids."""
    return _ids("closed", value)


def _ids(option: str, value: object) -> frozenset[str]:
    """A collection of section ids; :class:`~argmap.OptionError` for a lone string or anything but text."""
    if isinstance(value, str) or not isinstance(value, Collection):
        raise OptionError(f"{option} must be a collection of section ids, not {value!r}")
    wrong = [id for id in value if not isinstance(id, str)]
    if wrong:
        raise OptionError(f"{option} must hold section ids (text), not {wrong[0]!r}")
    return frozenset(value)


def _same_rank(value: object) -> tuple[tuple[tuple[ElementType, str], ...], ...]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise OptionError(f"same_rank must be a sequence of groups of elements, not {value!r}")
    groups = []
    for group in value:
        if isinstance(group, str) or not isinstance(group, Collection):
            raise OptionError(f"each group of same_rank must be a collection of elements, not {group!r}")
        groups.append(tuple(dict.fromkeys(_key("same_rank", key) for key in group)))
    return tuple(groups)


def attribute_values(option: str, values: object, allowed: Mapping[str, tuple[str, ...] | str]) -> dict[str, str]:
    """``values`` as Graphviz attribute values (booleans ``true``/``false``, numbers as written), each attribute one
    of ``allowed`` and each value one it allows; :class:`~argmap.OptionError` naming any other.
    """
    checked = {}
    for name, value in _mapping(option, values):
        if name not in allowed:
            raise invalid(f"{option} attribute", name, sorted(allowed))
        text = str(value).lower() if isinstance(value, bool) else str(value)
        if isinstance(value, bool | int | float | str):
            rule = allowed[str(name)]
            if re.fullmatch(rule, text) if isinstance(rule, str) else text in rule:
                checked[str(name)] = text
                continue
        raise OptionError(f"{option}: {name} cannot be {value!r}")
    return checked


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


def check_whole(whole: object) -> ArgumentMap | None:
    """The ``whole`` option validated: ``None`` or an :class:`~argmap.ArgumentMap`."""
    if whole is not None and not isinstance(whole, ArgumentMap):
        raise OptionError(f"whole must be an argmap.ArgumentMap, not {type(whole).__name__}")
    return whole


def invalid(option: str, value: object, allowed: Collection[str]) -> OptionError:
    """The error for an ``option`` whose ``value`` is none of ``allowed``."""
    return OptionError(f"unknown {option} {value!r}: use one of {', '.join(allowed)}")
