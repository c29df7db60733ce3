"""SVG fit to inline in a web page: ids prefixed per diagram, an accessible title and description, nothing active."""

from __future__ import annotations

import html
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._text import counted
from ..af import Label
from ..errors import OptionError, RenderError
from ..model import ArgumentMap
from .notes import STRENGTH_DIGITS
from .options import ID_PREFIX
from .theme import MARKERS, THEMES, stylesheet

if TYPE_CHECKING:
    from ..evaluate import Labelling
    from ..strength import Strengths
    from .notes import Notes

__all__ = ["describe", "escape", "inline_svg", "is_safe_href", "standalone_svg"]

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"

# What Graphviz draws with, inside the root. Anything else (a script, a foreign object, an external image, a nested
# <svg>) is dropped with its content.
_ELEMENTS = frozenset(
    {
        "a",
        "circle",
        "clipPath",
        "defs",
        "desc",
        "ellipse",
        "g",
        "line",
        "linearGradient",
        "path",
        "polygon",
        "polyline",
        "radialGradient",
        "rect",
        "stop",
        "text",
        "title",
        "tspan",
    }
)
# The root's own attributes that survive; the rest of the root is argmap's.
_ROOT_ATTRIBUTES = ("width", "height", "viewBox")
# Characters XML cannot hold at all, even escaped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Browsers ignore ASCII whitespace and control characters inside a URL's scheme ("java\tscript:").
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]")
_SAFE_SCHEMES = frozenset({"", "http", "https"})
_REFERENCE = re.compile(r"url\(#([^)]*)\)")
# Graphviz numbers edges in the order of the DOT source: "edge3", or "PREFIX_edge3" in a graph with an id.
_EDGE_NUMBER = re.compile(r"(?:^|_)edge([0-9]+)$")
_LIGHT = THEMES["light"]
# How many main conclusions a description quotes before it only counts the rest.
_LISTED = 3


def escape(text: str) -> str:
    """The one way text reaches argmap's SVG and HTML: as character data or a double-quoted attribute value.

    Markup characters and quotes become references; characters that XML cannot hold are removed.
    """
    return html.escape(_NOT_XML.sub("", text), quote=True)


def is_safe_href(url: str) -> bool:
    """Whether a link may reach a page: ``http``, ``https`` or relative, never ``javascript:`` or ``data:``."""
    try:
        scheme = urllib.parse.urlsplit(_URL_NOISE.sub("", url)).scheme
    except ValueError:
        return False
    return scheme.lower() in _SAFE_SCHEMES


def _local(name: str, namespace: str) -> str | None:
    """The local part of an ElementTree name in ``namespace``, or ``None`` for a name in another namespace."""
    if not name.startswith("{"):
        return name
    uri, _, local = name[1:].partition("}")
    return local if uri == namespace else None


def inline_svg(
    svg: bytes | str,
    *,
    id_prefix: str,
    title: str,
    description: str = "",
    notes: Notes | None = None,
    marked: bool = False,
) -> str:
    """Graphviz's SVG made ready to inline in HTML: the ``<svg>`` element alone, as text.

    Every id becomes ``{id_prefix}-{id}`` (and references to it follow), so that several diagrams on one page never
    share an id. The diagram is named by a new ``<title>`` and ``<desc>``. Graphviz's own titles, which hold
    generated node names, are replaced by the ``notes`` of the drawing (see :mod:`argmap.render.notes`) or dropped:
    given notes, every node and edge is named by its note (its tooltip), each element's node takes its anchor as
    its id and, when the note has a safe link, leads there, and the diagram is a graphics document whose parts a
    screen reader can visit; without notes it is one image (``role="img"``). ``marked`` says the drawing was made
    with :data:`~argmap.render.theme.MARKED`: each marker colour becomes the light theme's colour and a class that
    :func:`~argmap.render.theme.stylesheet` colours by the page's mode.

    Only Graphviz's drawing elements are kept, event handler and style attributes are dropped, and links that are
    not ``http``, ``https`` or relative lose their ``href``. Text is written through :func:`escape` alone. Raises
    :class:`~argmap.OptionError` for a bad prefix and :class:`~argmap.RenderError` for input that is not SVG.
    """
    root, writer = _prepare(svg, id_prefix, notes, marked)
    return "".join(writer.svg(root, title, description))


def standalone_svg(
    svg: bytes | str,
    *,
    title: str,
    description: str = "",
    notes: Notes | None = None,
    marked: bool = False,
    id_prefix: str = "argmap",
) -> bytes:
    """Graphviz's SVG as a file of its own: :func:`inline_svg`'s document with an XML declaration and, for a
    ``marked`` drawing, the stylesheet that colours it by the reader's light or dark mode.
    """
    root, writer = _prepare(svg, id_prefix, notes, marked)
    style = "<style>" + stylesheet() + "svg.argmap-viewer{background:var(--argmap-canvas)}</style>\n" if marked else ""
    return "".join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', *writer.svg(root, title, description, style), "\n"]
    ).encode()


def _prepare(svg: bytes | str, prefix: str, notes: Notes | None, marked: bool) -> tuple[ET.Element, _Writer]:
    if not (isinstance(prefix, str) and ID_PREFIX.fullmatch(prefix)):
        raise OptionError(f"id_prefix must be a letter followed by letters, digits, '_' or '-', not {prefix!r}")
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as error:
        raise RenderError(f"Graphviz made SVG that cannot be read: {error}") from None
    if _local(root.tag, _SVG) != "svg":
        raise RenderError("Graphviz made no <svg> element")
    ids = {id for element in root.iter() if (id := element.get("id")) is not None}
    writer = _Writer(prefix, ids, notes, marked)
    writer.annotate(root)
    return root, writer


class _Writer:
    """Writes an SVG tree without recursion, so that no nesting depth can exhaust the stack."""

    def __init__(self, prefix: str, ids: set[str], notes: Notes | None = None, marked: bool = False) -> None:
        self.prefix = prefix
        self.ids = ids
        self.notes = notes
        self.marked = marked
        # The ids that replace Graphviz's, for nodes with an anchor.
        self.anchors: dict[ET.Element, str] = {}

    def annotate(self, root: ET.Element) -> None:
        """Gives each node, cluster and edge group its note, in place of Graphviz's title; every other title goes."""
        notes = self.notes
        kept: set[ET.Element] = set()
        for group in root.iter(f"{{{_SVG}}}g"):
            classes = group.get("class", "").split()
            title = group.find(f"{{{_SVG}}}title")
            if title is None or not {"node", "cluster", "edge"} & set(classes):
                continue
            note = None
            if notes is not None and "edge" in classes:
                number = _EDGE_NUMBER.search(group.get("id", ""))
                if number is not None and 0 < int(number.group(1)) <= len(notes.edges):
                    note = notes.edges[int(number.group(1)) - 1]
            elif notes is not None:
                note = notes.nodes.get(title.text or "")
            if note is None:
                continue
            kept.add(title)
            title.text = note.title
            group.set("role", "graphics-symbol")
            extra = [f"argmap-{note.kind}", *([f"argmap-{note.status}"] if note.status else [])]
            group.set("class", " ".join([*classes, *extra]))
            if note.anchor is not None:
                self.anchors[group] = note.anchor
            if note.href is not None and is_safe_href(note.href):
                link = ET.Element(f"{{{_SVG}}}a", {"href": note.href})
                for child in [child for child in group if child is not title]:
                    group.remove(child)
                    link.append(child)
                group.append(link)
        for parent in root.iter():
            for child in [child for child in parent if _local(child.tag, _SVG) == "title" and child not in kept]:
                parent.remove(child)

    def _id(self, id: str) -> str:
        return f"{self.prefix}-{id}"

    def _reference(self, match: re.Match[str]) -> str:
        id = match.group(1)
        return f"url(#{self._id(id)})" if id in self.ids else "none"

    def _attributes(self, element: ET.Element) -> Iterator[tuple[str, str]]:
        classes: list[str] = []
        for name, value in self._own_attributes(element):
            if name == "class":
                classes.insert(0, value)
            elif self.marked and name in ("fill", "stroke") and value.lower() in MARKERS:
                field = MARKERS[value.lower()]
                classes.append(f"argmap-{name}-{field.replace('_', '-')}")
                yield name, getattr(_LIGHT, field)
            else:
                yield name, value
        if classes:
            yield "class", " ".join(classes)

    def _own_attributes(self, element: ET.Element) -> Iterator[tuple[str, str]]:
        for key, value in element.items():
            name = _local(key, _SVG)
            if name is None and _local(key, _XLINK) == "href":
                name = "href"  # SVG 2 reads a plain href; the xlink namespace would need declaring in HTML
            if name is None or name.lower().startswith("on") or name == "style":
                continue
            if name == "id":
                value = self.anchors.get(element) or self._id(value)
            elif name == "href":
                if value.startswith("#"):
                    if value[1:] not in self.ids:
                        continue
                    value = "#" + self._id(value[1:])
                elif not is_safe_href(value):
                    continue
            else:
                value = _REFERENCE.sub(self._reference, value)
            yield name, value

    def svg(self, root: ET.Element, title: str, description: str, style: str = "") -> Iterator[str]:
        labels = f"{self._id('title')} {self._id('desc')}" if description else self._id("title")
        head = [f'xmlns="{_SVG}"']
        head += [f'{name}="{escape(value)}"' for name in _ROOT_ATTRIBUTES if (value := root.get(name)) is not None]
        if self.notes is None:
            head += [f'role="img" aria-labelledby="{labels}" class="argmap-svg"']
        else:
            head += [
                f'role="graphics-document" aria-roledescription="argument map" aria-labelledby="{labels}"',
                f'class="argmap-svg{" argmap-viewer" if style else ""}"',
            ]
        yield f"<svg {' '.join(head)}>\n"
        yield f'<title id="{self._id("title")}">{escape(title)}</title>\n'
        if description:
            yield f'<desc id="{self._id("desc")}">{escape(description)}</desc>\n'
        # The style is argmap's own stylesheet (theme colours and fixed rules): no user text is in it.
        yield style
        yield escape(root.text or "")
        # Each entry is an element to open, or (with a closing tag) the end of one whose children are written.
        stack: list[ET.Element | str] = list(reversed(root))
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                yield item
                continue
            tag = _local(item.tag, _SVG)
            tail = escape(item.tail or "")
            if tag is None or tag not in _ELEMENTS:
                # The layout whitespace after a dropped element would leave a blank line.
                yield tail if tail.strip() else ""
                continue
            attributes = "".join(f' {name}="{escape(value)}"' for name, value in self._attributes(item))
            if len(item) or item.text:
                yield f"<{tag}{attributes}>{escape(item.text or '')}"
                stack.append(f"</{tag}>{tail}")
                stack += reversed(item)
            else:
                yield f"<{tag}{attributes}/>{tail}"
        yield "</svg>"


def describe(m: ArgumentMap, labelling: Labelling | None = None, strengths: Strengths | None = None) -> str:
    """A sentence or three that say what a diagram of ``m`` shows, for screen readers: its size, main
    conclusions, given a :class:`~argmap.Labelling`, how many elements it accepts, rejects and leaves open, and,
    given :class:`~argmap.Strengths`, how many are at full strength and which is the weakest.
    """
    parts = [
        f"Argument map{f' “{m.title}”' if m.title.strip() else ''} with "
        f"{counted(len(m.statements), 'statement')}, {counted(len(m.arguments), 'argument')} and "
        f"{counted(len(m.relations), 'relation')}."
    ]
    main = m.main_conclusions
    if main:
        shown = " ".join(f"“{_excerpt(m.statement(id).text)}”" for id in main[:_LISTED])
        more = f" and {len(main) - _LISTED} more" if len(main) > _LISTED else ""
        parts.append(f"{'Main conclusion' if len(main) == 1 else 'Main conclusions'}: {shown}{more}.")
    if labelling is not None:
        counts = Counter(labelling.statements.values()) + Counter(labelling.arguments.values())
        parts.append(
            f"Evaluated with {labelling.semantics} semantics: {counts[Label.IN]} accepted, "
            f"{counts[Label.OUT]} rejected, {counts[Label.UNDEC]} undecided."
        )
    if strengths is not None:
        values = [*strengths.statements.values(), *strengths.arguments.values()]
        if values:
            parts.append(
                f"Shaded by {strengths.semantics} strength: {sum(value == 1 for value in values)} of {len(values)} "
                f"elements at full strength, the weakest at {min(values):.{STRENGTH_DIGITS}f}."
            )
    return " ".join(parts)


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
