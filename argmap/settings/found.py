"""Which of an Argdown document's settings a map holds, where each stands, and the record of one argmap leaves out."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

import attrs

from ..errors import Location, Problem, Subject
from ..model import Argument, ArgumentMap, Statement

__all__ = [
    "ELEMENT_SETTINGS",
    "GROUPS",
    "READER_HONOURS",
    "Unhonoured",
    "element_settings",
    "frontmatter_settings",
    "located",
]

#: The keys of an Argdown document's frontmatter that configure the Argdown tools (each a group of settings, or a
#: setting of its own such as ``logLevel``), as ``@argdown/core`` 1.7 and ``@argdown/cli`` declare them. Other keys
#: (``subTitle``, ``author``...) are the document's own data.
GROUPS: tuple[str, ...] = (
    "color",
    "data",
    "dot",
    "graphml",
    "group",
    "html",
    "image",
    "images",
    "include",
    "json",
    "logLevel",
    "map",
    "model",
    "parser",
    "pdf",
    "process",
    "saveAs",
    "selection",
    "sourceHighlighter",
    "stdout",
    "svgToPdf",
    "vizJs",
    "webComponent",
)

#: The data keys of statements and arguments that Argdown's tools read as settings of the element.
ELEMENT_SETTINGS: tuple[str, ...] = ("color", "images", "isCanonical", "isInGroup", "isInMap", "rank")

#: The settings the Argdown reader itself honours while it reads (see :mod:`argmap.formats.argdown`).
READER_HONOURS: frozenset[str] = frozenset(
    {
        "data.isCanonical",
        "data.isInGroup",
        "group.regroup",
        "model.mode",
        "model.removeTagsFromText",
        "model.shortcodes",
        "model.transformArgumentRelations",
    }
)


@attrs.frozen(kw_only=True)
class Unhonoured:
    """A setting of the document that argmap reads but does not honour: its dotted ``path`` (``"dot.argument"``,
    ``"data.rank"`` for an element's data), the ``subject`` element whose data holds it (``None`` for the
    frontmatter), where it stands, and why it is left out.
    """

    path: str
    reason: str
    subject: Subject | None = None
    location: Location | None = None

    def problem(self) -> Problem:
        """The ``unhonoured-setting`` problem that :func:`argmap.check` reports for it."""
        where = "" if self.subject is None else f" of {self.subject.kind} {self.subject}"
        return Problem(
            "unhonoured-setting",
            f"the Argdown setting {self.path}{where} is not honoured: {self.reason}",
            self.subject,
            self.path,
            self.location,
        )


def frontmatter_settings(m: ArgumentMap, honoured: Collection[str], skip: Collection[str] = ()) -> Iterator[str]:
    """The dotted paths of the frontmatter settings of ``m`` outside ``honoured``, group by group (leaving out the
    groups in ``skip``): a group's settings one by one, and deeper only where some of a setting's parts are
    honoured (``"dot.graphVizSettings.ranksep"`` where ``"dot.graphVizSettings.rankdir"`` is).
    """
    stack: list[tuple[str, Any]] = [
        (key, value) for key, value in reversed(list(m.metadata.items())) if key in GROUPS and key not in skip
    ]
    while stack:
        path, value = stack.pop()
        if path in honoured:
            continue
        deeper = "." not in path or any(name.startswith(path + ".") for name in honoured)
        if isinstance(value, Mapping) and (deeper or not value):
            stack.extend((f"{path}.{key}", inner) for key, inner in reversed(list(value.items())))
        else:
            yield path


def located(m: ArgumentMap, path: str) -> Location | None:
    """Where the frontmatter setting ``path`` of ``m`` stands: its key's place, or else the nearest enclosing key's
    (a key of a flow mapping, ``{rankdir: TB}``, has none of its own), or else the frontmatter's.
    """
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        found = m.metadata_locations.get(".".join(parts[:end]))
        if found is not None:
            return found
    return m.location


def element_settings(m: ArgumentMap) -> Iterator[tuple[Statement | Argument, str]]:
    """Each statement and argument of ``m`` with each setting its data holds, in map order."""
    elements: tuple[Statement | Argument, ...] = (*m.statements, *m.arguments)
    for element in elements:
        for key in element.data:
            if key in ELEMENT_SETTINGS:
                yield element, key
