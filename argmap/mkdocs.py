"""MkDocs and Python-Markdown: a pymdownx.superfences custom fence that draws an ``argmap`` code block as SVG.

In ``mkdocs.yml``::

    markdown_extensions:
      - pymdownx.superfences:
          custom_fences:
            - name: argmap
              class: argmap
              format: !!python/name:argmap.mkdocs.fence_format
              validator: !!python/name:argmap.mkdocs.fence_validator

A block fenced with `````` ```argmap `````` then holds a map (Argdown unless ``format="json"`` or another format is
given on the fence line), drawn inline as SVG. A map that cannot be read or drawn shows as an error block in the
page and is logged as a warning, so that ``mkdocs build --strict`` fails.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

from .af import SEMANTICS
from .catalogue import Severity
from .check import check
from .errors import ArgmapError, MapError, ParseError
from .evaluate import Labelling, evaluate
from .formats import get_format, loads
from .render.files import pipe
from .render.options import VIEWS
from .render.svg import describe, escape, inline_svg
from .render.theme import THEMES

__all__ = ["DEFAULT_FORMAT", "OPTIONS", "fence_format", "fence_validator"]

# Under "mkdocs.", so that MkDocs shows these warnings and --strict counts them.
logger = logging.getLogger("mkdocs.plugins.argmap")

#: The format of a fence's map unless its ``format`` option names another.
DEFAULT_FORMAT = "argdown"
#: The options a fence takes, each with the values it allows (``None``: any text).
OPTIONS: Mapping[str, tuple[str, ...] | None] = {
    "format": None,
    "view": VIEWS,
    "theme": tuple(THEMES),
    "evaluate": SEMANTICS,
    "alt": None,
}
# Where the validator leaves its complaint about a fence's options, for the formatter to show.
_ERROR = "argmap-error"

# Diagrams are numbered per Markdown converter, which MkDocs makes anew for each page, so ids never repeat.
_COUNTERS: weakref.WeakKeyDictionary[Any, Iterator[int]] = weakref.WeakKeyDictionary()


def fence_validator(
    language: str, inputs: Mapping[str, str], options: MutableMapping[str, str], attrs: object, md: object
) -> bool:
    """Take the options on an ``argmap`` fence line (see :data:`OPTIONS`) into ``options``.

    The fence is always accepted: an unknown option or value is kept as an error, which the fence then shows in
    the page, rather than turning the block into a plain code block unnoticed.
    """
    problems: list[str] = []
    for key, value in inputs.items():
        if key not in OPTIONS:
            problems.append(f"unknown option {key!r}: use {', '.join(OPTIONS)}")
            continue
        allowed = OPTIONS[key]
        if allowed is not None and value not in allowed:
            problems.append(f"unknown {key} {value!r}: use one of {', '.join(allowed)}")
            continue
        if key == "format":
            try:
                get_format(value)
            except ArgmapError as error:
                problems.append(str(error))
                continue
        options[key] = value
    if problems:
        options[_ERROR] = "; ".join(problems)
    return True


def fence_format(source: str, language: str, css_class: str, options: Mapping[str, Any], md: Any, **kwargs: Any) -> str:
    """The HTML for an ``argmap`` fence: its map drawn as inline SVG in a ``<div>`` of class ``css_class``.

    The map is checked: its warnings and errors are logged. A map that cannot be read, evaluated as asked or
    drawn becomes an error block that says why.
    """
    if _ERROR in options:
        return _failure(css_class, options[_ERROR])
    try:
        m = loads(source, options.get("format", DEFAULT_FORMAT))
    except ParseError as error:
        return _failure(css_class, f"line {error.line}, column {error.column}: {error.message}")
    except MapError as error:
        return _failure(css_class, "\n".join(f"{problem.code}: {problem}" for problem in error.problems))
    except ArgmapError as error:
        return _failure(css_class, str(error))
    for diagnostic in check(m):
        if diagnostic.severity >= Severity.WARNING:
            logger.warning("argmap fence: %s", diagnostic)
    labelling: Labelling | None = None
    if "evaluate" in options:
        try:
            labelling = evaluate(m, options["evaluate"])
        except ArgmapError as error:
            logger.warning("argmap fence: cannot evaluate the map: %s; it is drawn without statuses", error)
    counter = _COUNTERS.setdefault(md, itertools.count(1))
    try:
        drawing = pipe(
            m, "svg", view=options.get("view", "debate"), theme=options.get("theme", "light"), labelling=labelling
        )
        svg = inline_svg(
            drawing,
            id_prefix=f"argmap-{next(counter)}",
            title=options.get("alt") or m.title.strip() or "Argument map",
            description=describe(m, labelling),
        )
    except ArgmapError as error:
        return _failure(css_class, str(error))
    return f'<div class="{escape(css_class)}">{svg}</div>'


def _failure(css_class: str, message: str) -> str:
    """A visible error block in the page, in the admonition style of MkDocs themes, and a logged warning."""
    logger.warning("argmap fence: %s", message)
    return (
        f'<div class="admonition failure {escape(css_class)}-error">'
        '<p class="admonition-title">argmap: this map cannot be drawn</p>'
        f"<pre><code>{escape(message)}</code></pre></div>"
    )
