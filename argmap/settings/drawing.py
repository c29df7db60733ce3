"""What an Argdown document's drawing settings change in its drawing, as render options."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import OptionError
from ..model import Argument, ArgumentMap, ElementType, Statement
from ..render.options import GRAPH_ATTRIBUTES, SHAPES, DotOptions, LabelMode, attribute_values
from ..render.theme import colour

__all__ = ["COLOUR_SCHEMES", "GROUP_DEPTH", "drawing_options"]

#: The colour schemes Argdown names in ``color.colorScheme``, with their colours: the first is that of untagged
#: elements, the next ones those of tags in the order they first occur.
COLOUR_SCHEMES: Mapping[str, tuple[str, ...]] = {
    "default": ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"),
    "iwanthue-colorblind-friendly": (
        "#ba4761", "#b65b37", "#c99738", "#83a142", "#52b77f", "#7d89e0", "#654397", "#bc589e",
    ),
    "iwanthue-fancy": ("#e6afd3", "#9ed2a7", "#aebaeb", "#d2d39d", "#71cdeb", "#e6b197", "#81d6d0", "#baf0d6"),
    "iwanthue-fluo": ("#7fe643", "#f3bb79", "#57e5d6", "#eecb3c", "#69eb8a", "#dbd76f", "#cfe945", "#b0e391"),
    "iwanthue-red-roses": ("#e17892", "#da3db3", "#e0abbf", "#e23b6e", "#9a6276", "#e17cbc", "#aa3d5e", "#b14183"),
    "iwanthue-ochre-sand": ("#885249", "#ec926e", "#995432", "#e29e96", "#b75f56", "#e0a081", "#ed837b", "#ad766b"),
    "iwanthue-yellow-lime": ("#ebcba0", "#e28c23", "#a88c68", "#dfb137", "#7e5e31", "#e2ae59", "#aa782a", "#deaa6e"),
    "iwanthue-green-mint": ("#569a3e", "#dfd84b", "#657443", "#b0e13e", "#c6cc9c", "#61d950", "#a09f40", "#a0de87"),
    "iwanthue-ice-cube": ("#48bf8c", "#3e6f5f", "#3ce896", "#68a194", "#71ecb8", "#3d9b76", "#adddc9", "#62e0d3"),
    "iwanthue-blue-ocean": ("#3a718b", "#002a33", "#2178a3", "#0d353f", "#4c707b", "#214650", "#13526c", "#395e68"),
    "iwanthue-indigo-night": ("#4c8ae7", "#2d5192", "#829ce5", "#4074e3", "#5794d7", "#2f63ac", "#3295e9", "#607bc2"),
    "iwanthue-purple-wine": ("#5f2cc1", "#504361", "#4033a2", "#27173a", "#77268f", "#403c81", "#321262", "#63306e"),
    "colorbrewer-category10": (
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ),
    "colorbrewer-accent": ("#7fc97f", "#beaed4", "#fdc086", "#ffff99", "#386cb0", "#f0027f", "#bf5b17", "#666666"),
    "colorbrewer-dark2": ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"),
    "colorbrewer-paired": (
        "#a6cee3", "#1f78b4", "#b2df8a", "#33a02c", "#fb9a99", "#e31a1c",
        "#fdbf6f", "#ff7f00", "#cab2d6", "#6a3d9a", "#ffff99", "#b15928",
    ),
    "colorbrewer-set": (
        "#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00", "#ffff33", "#a65628", "#f781bf", "#999999",
    ),
    "colorbrewer-set2": ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"),
    "colorbrewer-set3": (
        "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
        "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f",
    ),
}  # fmt: skip
#: How many heading levels, counted from the deepest, become clusters when the document does not say
#: (``group.groupDepth``), as in Argdown.
GROUP_DEPTH = 2
# Argdown's label modes, as argmap's: "hide-untitled" shows what argmap shows by default.
_LABEL_MODES: Mapping[str, LabelMode] = {"hide-untitled": "default", "title": "id", "text": "text", "none": "none"}
_DIRECTIONS = ("BT", "TB", "LR", "RL")

Element = Statement | Argument


def drawing_options(m: ArgumentMap) -> tuple[DotOptions, frozenset[str]]:
    """The render options that the Argdown settings in ``m`` ask for, and the dotted paths of the settings honoured.

    The settings are read from ``m.metadata`` (the document's frontmatter) and from the data of statements and
    arguments: ``color`` (``colorScheme``, ``tagColors``, ``statementColors``, ``argumentColors``, ``groupColors``,
    ``groupColorScheme``, ``colorizeByTag``, ``ignoreColorData``) and an element's ``color``; ``map``
    (``statementLabelMode``, ``argumentLabelMode``); ``group`` (``groupDepth``, ``sections`` with ``isGroup`` and
    ``isClosed``); an element's ``rank`` and ``dot.sameRank``; ``dot.graphVizSettings`` (those of
    :data:`~argmap.render.options.GRAPH_ATTRIBUTES`, and ``rankdir``); ``dot.statement`` and ``dot.argument``
    (``shape`` and, for nodes without a label, ``minWidth``); ``model.explodeArguments``. A path is honoured when
    the setting is present and its value was used; a setting with a value argmap cannot draw (an unknown colour, a
    shape outside :data:`~argmap.render.options.SHAPES`) is left out of the paths, so that it can be reported.

    Elements are named by title as Argdown names them: a statement's id, an argument's id, a section's title.
    """
    reader = _Reader(m)
    reader.colours()
    reader.labels()
    reader.groups()
    reader.ranks()
    reader.dot()
    reader.model()
    return reader.options, frozenset(reader.honoured)


class _Reader:
    """Reads one map's settings into render options, noting each honoured path."""

    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.metadata = m.metadata
        self.options: DotOptions = {}
        self.honoured: set[str] = set()

    def setting(self, path: str) -> Any:
        """The value at a dotted path of the frontmatter; ``None`` where there is none."""
        value: Any = self.metadata
        for key in path.split("."):
            if not isinstance(value, Mapping) or key not in value:
                return None
            value = value[key]
        return value

    def honour(self, path: str, ok: bool = True) -> None:
        if ok:
            self.honoured.add(path)

    def colours(self) -> None:
        """Each element's colour by Argdown's precedence: its data's ``color``, its entry in ``statementColors`` or
        ``argumentColors``, its first tag's colour (the tag that ``tagColors`` gives the highest priority), and
        else the scheme's first colour. Only for a document that sets colours: otherwise the theme's stay.
        """
        m = self.m
        elements: list[tuple[ElementType, Element]] = [(ElementType.STATEMENT, s) for s in m.statements]
        elements += [(ElementType.ARGUMENT, a) for a in m.arguments]
        ignore_data = self.setting("color.ignoreColorData") is True
        self.honour("color.ignoreColorData", isinstance(self.setting("color.ignoreColorData"), bool))
        data = [element.data for _, element in elements] + [section.data for section in m.sections]
        with_data = not ignore_data and any("color" in owner for owner in data)
        if not isinstance(self.setting("color"), Mapping) and not with_data:
            return
        scheme = self._scheme()
        tags = self._tag_colours(scheme, elements)
        by_tag = self.setting("color.colorizeByTag") is not False
        self.honour("color.colorizeByTag", isinstance(self.setting("color.colorizeByTag"), bool))
        own = {
            ElementType.STATEMENT: self._by_title("color.statementColors", scheme),
            ElementType.ARGUMENT: self._by_title("color.argumentColors", scheme),
        }
        colours: dict[tuple[ElementType, str], str] = {}
        data_ok = True
        for type, element in elements:
            fill: str | None = None
            if not ignore_data and "color" in element.data:
                fill = _colour(scheme, element.data["color"])
                data_ok = data_ok and fill is not None
            elif element.id in own[type]:
                fill = own[type][element.id]
            elif by_tag and element.tags:
                fill = tags.get(_first_tag(element.tags, self.setting("color.tagColors")))
            elif scheme:
                fill = scheme[0]
            if fill is not None:
                colours[type, element.id] = fill
        self.options["colours"] = colours
        data_ok = self._section_colours(scheme, ignore_data) and data_ok
        self.honour("data.color", with_data and data_ok)

    def _scheme(self) -> tuple[str, ...]:
        value = self.setting("color.colorScheme")
        if value is None:
            return COLOUR_SCHEMES["default"]
        if isinstance(value, str) and value in COLOUR_SCHEMES:
            self.honour("color.colorScheme")
            return COLOUR_SCHEMES[value]
        if isinstance(value, list):
            checked = [_colour((), item) for item in value]
            if checked and all(item is not None for item in checked):
                self.honour("color.colorScheme")
                return tuple(item for item in checked if item is not None)
        # As Argdown does, an unknown scheme falls back to the default one; the path is not honoured.
        return COLOUR_SCHEMES["default"]

    def _tag_colours(self, scheme: Sequence[str], elements: Iterable[tuple[ElementType, Element]]) -> dict[str, str]:
        """Each tag's colour: its ``tagColors`` entry, or else the scheme's colour for the order of its first
        occurrence (counted from 1: the first colour is the untagged elements').
        """
        # Argdown numbers tags as the document first uses them: elements in the order of their first appearance.
        ordered = sorted(elements, key=lambda item: _position(item[1]))
        first_seen = list(dict.fromkeys(tag for _, element in ordered for tag in element.tags))
        given = self.setting("color.tagColors")
        given = given if isinstance(given, Mapping) else {}
        found: dict[str, str] = {}
        all_ok = True
        for n, tag in enumerate(first_seen):
            if tag in given:
                entry = given[tag]
                fill = _colour(scheme, entry.get("color") if isinstance(entry, Mapping) else entry)
                all_ok = all_ok and fill is not None
            else:
                fill = scheme[n + 1] if n + 1 < len(scheme) else None
            if fill is not None:
                found[tag] = fill
        self.honour("color.tagColors", bool(given) and all_ok)
        return found

    def _by_title(self, path: str, scheme: Sequence[str]) -> dict[str, str]:
        given = self.setting(path)
        if not isinstance(given, Mapping):
            return {}
        found = {str(title): _colour(scheme, value) for title, value in given.items()}
        self.honour(path, all(fill is not None for fill in found.values()))
        return {title: fill for title, fill in found.items() if fill is not None}

    def _section_colours(self, scheme: Sequence[str], ignore_data: bool) -> bool:
        """Clusters coloured by their data's ``color``, ``groupColors`` (by title) or ``groupColorScheme`` (by
        nesting level); otherwise the theme's cluster colour, which follows dark mode. Whether every colour in the
        sections' data was one.
        """
        data_ok = True
        m = self.m
        by_title = self._by_title("color.groupColors", scheme)
        levels_value = self.setting("color.groupColorScheme")
        levels = [_colour((), item) for item in levels_value] if isinstance(levels_value, list) else []
        levels_ok = bool(levels) and all(item is not None for item in levels)
        self.honour("color.groupColorScheme", levels_ok)
        depth: dict[str, int] = {}
        section_colours: dict[str, str] = {}
        for section in m.sections:
            depth[section.id] = 1 if section.parent is None else depth[section.parent] + 1
            fill = None if ignore_data or "color" not in section.data else _colour(scheme, section.data["color"])
            data_ok = data_ok and (ignore_data or "color" not in section.data or fill is not None)
            if fill is not None:
                section_colours[section.id] = fill
            elif section.title in by_title:
                section_colours[section.id] = by_title[section.title]
            elif levels_ok:
                section_colours[section.id] = str(levels[min(len(levels), depth[section.id]) - 1])
        if section_colours:
            self.options["section_colours"] = section_colours
        return data_ok

    def labels(self) -> None:
        modes = {}
        for type, key in ((ElementType.STATEMENT, "statementLabelMode"), (ElementType.ARGUMENT, "argumentLabelMode")):
            value = self.setting(f"map.{key}")
            if isinstance(value, str) and value in _LABEL_MODES:
                modes[type] = _LABEL_MODES[value]
                self.honour(f"map.{key}")
        if modes:
            self.options["label_modes"] = modes

    def groups(self) -> None:
        """Which sections are clusters, as Argdown decides: a heading's ``isGroup`` (in its data, or in the
        frontmatter's ``group.sections`` by title, where a section left unnamed is no group), or else whether it
        lies among the deepest ``group.groupDepth`` levels. ``isClosed`` marks a group drawn as one node.
        """
        m = self.m
        group = self.setting("group")
        marked = [section for section in m.sections if "isGroup" in section.data or "isClosed" in section.data]
        if not isinstance(group, Mapping) and not marked:
            return
        self.honour("group.regroup", self.setting("group.regroup") is not None)  # applied by the reader
        depth_value = self.setting("group.groupDepth")
        depth = GROUP_DEPTH
        if isinstance(depth_value, int) and not isinstance(depth_value, bool) and depth_value >= 0:
            depth = depth_value
            self.honour("group.groupDepth")
        is_group: dict[str, bool | None] = {}
        is_closed: dict[str, bool] = {}
        data_ok = True
        for section in m.sections:
            for key, found, ignore in (
                ("isGroup", is_group, "ignoreIsGroup"),
                ("isClosed", is_closed, "ignoreIsClosed"),
            ):
                value = section.data.get(key)
                data_ok = data_ok and (value is None or isinstance(value, bool))
                if isinstance(value, bool) and self.setting(f"group.{ignore}") is not True:
                    found[section.id] = value
        self.honour("data.isGroup", any("isGroup" in section.data for section in marked) and data_ok)
        self.honour("data.isClosed", any("isClosed" in section.data for section in marked) and data_ok)
        marks = self.setting("group.sections")
        if isinstance(marks, Mapping):
            ok = True
            for section in m.sections:
                mark = marks.get(section.title)
                if mark is None:
                    is_group[section.id] = is_group.get(section.id, False)
                    continue
                ok = ok and isinstance(mark, Mapping)
                if isinstance(mark, Mapping):
                    is_group[section.id] = mark.get("isGroup") if isinstance(mark.get("isGroup"), bool) else None
                    is_closed[section.id] = mark.get("isClosed") is True
            self.honour("group.sections", ok)
        # Argdown counts heading levels; argmap knows a section's nesting, which is its level in a document whose
        # headings go down one level at a time.
        level: dict[str, int] = {}
        for section in m.sections:
            level[section.id] = 1 if section.parent is None else level[section.parent] + 1
        lowest = max(level.values(), default=0) - depth + 1
        clusters = [id for id, n in level.items() if (n >= lowest if is_group.get(id) is None else is_group[id])]
        self.options["clusters"] = clusters
        closed = [id for id in clusters if is_closed.get(id)]
        if closed:
            self.options["closed"] = closed

    def ranks(self) -> None:
        """Elements whose data give the same ``rank`` share a rank; so do those of each ``dot.sameRank`` entry."""
        m = self.m
        groups: dict[str, list[tuple[ElementType, str]]] = {}
        for type, elements in ((ElementType.ARGUMENT, m.arguments), (ElementType.STATEMENT, m.statements)):
            for element in elements:
                rank = element.data.get("rank")
                if isinstance(rank, str | int | float) and not isinstance(rank, bool):
                    groups.setdefault(str(rank), []).append((type, element.id))
        self.honour("data.rank", bool(groups))
        same: list[list[tuple[ElementType, str]]] = list(groups.values())
        given = self.setting("dot.sameRank")
        if isinstance(given, list):
            ok = True
            for entry in given:
                ok = ok and isinstance(entry, Mapping)
                if isinstance(entry, Mapping):
                    keys = [(ElementType.ARGUMENT, str(id)) for id in entry.get("arguments") or ()]
                    keys += [(ElementType.STATEMENT, str(id)) for id in entry.get("statements") or ()]
                    same.append(keys)
            self.honour("dot.sameRank", ok)
        if same:
            self.options["same_rank"] = same

    def dot(self) -> None:
        settings = self.setting("dot.graphVizSettings")
        if isinstance(settings, Mapping):
            attributes: dict[str, str | int | float | bool] = {}
            for name, value in settings.items():
                path = f"dot.graphVizSettings.{name}"
                if name == "rankdir" and value in _DIRECTIONS:
                    self.options["direction"] = value
                    self.honour(path)
                elif name in GRAPH_ATTRIBUTES and _allowed(name, value):
                    attributes[name] = value
                    self.honour(path)
            if attributes:
                self.options["graph_attributes"] = attributes
        modes = self.options.get("label_modes", {})
        node_attributes: dict[ElementType, dict[str, str | int | float]] = {}
        for type, key in ((ElementType.STATEMENT, "statement"), (ElementType.ARGUMENT, "argument")):
            shape = self.setting(f"dot.{key}.shape")
            if shape in SHAPES:
                node_attributes.setdefault(type, {})["shape"] = shape
                self.honour(f"dot.{key}.shape")
            width = self.setting(f"dot.{key}.minWidth")
            # Argdown's minWidth is the width of a label's text in points, and the node's width in inches only for
            # a node without a label.
            if modes.get(type) == "none" and _allowed_node_width(width):
                node_attributes.setdefault(type, {})["width"] = width
                self.honour(f"dot.{key}.minWidth")
        if node_attributes:
            self.options["node_attributes"] = node_attributes

    def model(self) -> None:
        if self.setting("model.explodeArguments") is True:
            self.options["view"] = "steps"
            self.honour("model.explodeArguments")


def _colour(scheme: Sequence[str], value: object) -> str | None:
    """A colour as Argdown gives one: a colour, or an index into the scheme; ``None`` for anything else."""
    if isinstance(value, int) and not isinstance(value, bool):
        return scheme[value] if 0 <= value < len(scheme) else None
    try:
        return colour(value)
    except OptionError:
        return None


def _first_tag(tags: Sequence[str], given: object) -> str:
    """The tag whose colour an element takes: the first of those with the highest ``priority`` in ``tagColors``."""
    entries = given if isinstance(given, Mapping) else {}

    def priority(tag: str) -> float:
        entry = entries.get(tag)
        value = entry.get("priority") if isinstance(entry, Mapping) else None
        return value if isinstance(value, int | float) and not isinstance(value, bool) else 0

    return max(tags, key=priority)  # max keeps the first of equals


def _position(element: Element) -> tuple[int, int]:
    location = element.location
    return (location.line, location.column) if location is not None else (0, 0)


def _allowed(name: str, value: object) -> bool:
    try:
        attribute_values("graph_attributes", {name: value}, GRAPH_ATTRIBUTES)
    except OptionError:
        return False
    return True


def _allowed_node_width(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
