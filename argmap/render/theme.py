"""Colours and fonts of diagrams: the :class:`Theme` type, the built-in themes, and how statuses are shown."""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ..errors import OptionError

__all__ = [
    "AUTO",
    "MARKED",
    "MARKERS",
    "NAMED_COLOURS",
    "STATUSES",
    "STATUS_STYLE",
    "THEMES",
    "THEME_NAMES",
    "Theme",
    "colour",
    "property_name",
    "shade",
    "status_colours",
    "stylesheet",
    "text_on",
]

#: The statuses a labelling gives (the values of :class:`argmap.af.Label`), in the order of the legend.
STATUSES: tuple[str, ...] = ("in", "out", "undec")
#: Per status: the legend's words for it, and a border style that tells it apart without colour (print, colour
#: blindness). An empty style is a solid border.
STATUS_STYLE: Mapping[str, tuple[str, str]] = {
    "in": ("in: accepted", ""),
    "out": ("out: rejected", "dashed"),
    "undec": ("undec: undecided", "dotted"),
}

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?|[a-zA-Z][a-zA-Z0-9]*")
_FONT = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,_.-]*")
# The strength colour takes an opacity, so it must have none of its own.
_PATTERNS = {
    "fontname": (_FONT, "a font name"),
    "strength": (re.compile(r"#[0-9a-fA-F]{6}"), "a colour #rrggbb"),
}


@attrs.frozen
class Theme:
    """The colours and font of a diagram. :data:`THEMES` holds ``"light"`` and ``"dark"``.

    Colours are ``#rrggbb``, ``#rrggbbaa`` or a Graphviz colour name such as ``transparent``; anything else is
    refused with :class:`~argmap.OptionError`, so that a theme read from a file cannot smuggle DOT into the graph.
    The ``in_``, ``out_`` and ``undec_`` colours fill and outline elements by their status when a diagram is drawn
    with a labelling; they default to the light theme's. ``strength`` (``#rrggbb``) is the shade of an element of
    strength 1 when a diagram is drawn with strengths (see :func:`shade`).
    """

    background: str
    text: str
    statement_fill: str
    statement_border: str
    argument_fill: str
    argument_border: str
    cluster_fill: str
    cluster_border: str
    support: str
    attack: str
    neutral: str
    fontname: str = "Helvetica,Arial,sans-serif"
    in_fill: str = "#dafbe1"
    in_border: str = "#1a7f37"
    out_fill: str = "#ffebe9"
    out_border: str = "#cf222e"
    undec_fill: str = "#fff8c5"
    undec_border: str = "#9a6700"
    strength: str = "#b48cf2"

    def __attrs_post_init__(self) -> None:
        for field in attrs.fields(Theme):
            value = getattr(self, field.name)
            pattern, what = _PATTERNS.get(field.name, (_COLOUR, "a colour"))
            if not isinstance(value, str) or not pattern.fullmatch(value):
                raise OptionError(f"Theme.{field.name} must be {what}, not {value!r}")


#: The built-in themes: for light pages and for dark pages. Both leave the page background showing.
THEMES: Mapping[str, Theme] = {
    "light": Theme(
        background="transparent",
        text="#1f2328",
        statement_fill="#ffffff",
        statement_border="#57606a",
        argument_fill="#dbeafe",
        argument_border="#1d4ed8",
        cluster_fill="#f6f8fa",
        cluster_border="#afb8c1",
        support="#1a7f37",
        attack="#cf222e",
        neutral="#6e7781",
    ),
    "dark": Theme(
        background="transparent",
        text="#e6edf3",
        statement_fill="#161b22",
        statement_border="#8b949e",
        argument_fill="#1c2d4a",
        argument_border="#58a6ff",
        cluster_fill="#0d1117",
        cluster_border="#484f58",
        support="#3fb950",
        attack="#f85149",
        neutral="#8b949e",
        in_fill="#12261e",
        in_border="#3fb950",
        out_fill="#2d1417",
        out_border="#f85149",
        undec_fill="#2b2111",
        undec_border="#d29922",
        strength="#6e40c9",
    ),
}


def status_colours(theme: Theme, status: str) -> tuple[str, str]:
    """The fill and border colours of ``theme`` for elements with ``status``, one of :data:`STATUSES`."""
    return {
        "in": (theme.in_fill, theme.in_border),
        "out": (theme.out_fill, theme.out_border),
        "undec": (theme.undec_fill, theme.undec_border),
    }[status]


def shade(theme: Theme, strength: float) -> str:
    """The fill of an element of ``strength`` (from 0 to 1): the theme's strength colour at that opacity, rounded to
    hundredths so that a drawing's bytes do not hang on the last digits of a strength.
    """
    return f"{theme.strength}{round(round(strength, 2) * 255):02x}"


#: The theme of HTML drawings that follows the page: light, or dark where the reader or the site's theme toggle
#: asks for it (see :func:`stylesheet`). Outside HTML it draws as ``"light"``.
AUTO = "auto"
#: The names ``theme=`` takes: :data:`AUTO` and those of :data:`THEMES`.
THEME_NAMES: tuple[str, ...] = (AUTO, *THEMES)

_COLOURS: tuple[str, ...] = tuple(field.name for field in attrs.fields(Theme) if field.name != "fontname")
# What each theme's drawings sit on in a page: the frame of the viewer, so that every text and edge keeps its
# contrast whatever the page's own background.
_CANVAS: Mapping[str, str] = {"light": "#ffffff", "dark": "#0d1117"}

#: A theme whose every colour but the background is a marker (``#fe0000`` plus the colour's number), drawn where CSS
#: is to set the colours: :func:`argmap.render.svg.inline_svg` turns each marker back into the light theme's colour
#: and a class that the stylesheet gives the colour of the page's mode.
MARKED = Theme(**{name: "transparent" if name == "background" else f"#fe00{n:02x}" for n, name in enumerate(_COLOURS)})
#: The colour field each marker of :data:`MARKED` stands for, by marker.
MARKERS: Mapping[str, str] = {getattr(MARKED, name): name for name in _COLOURS if name != "background"}


def property_name(field: str) -> str:
    """The CSS custom property that holds a theme colour: ``statement_fill`` is ``--argmap-statement-fill``."""
    return "--argmap-" + field.replace("_", "-")


def _declarations(theme: Theme, canvas: str) -> str:
    pairs = [(property_name(name), getattr(theme, name)) for name in _COLOURS if name != "background"]
    pairs.append(("--argmap-canvas", canvas))
    return "".join(f"{name}:{value};" for name, value in pairs)


def stylesheet(light: Theme = THEMES["light"], dark: Theme = THEMES["dark"]) -> str:
    """The CSS that colours :data:`AUTO` drawings: custom properties with the ``light`` theme's colours on every
    ``.argmap-viewer``, the ``dark`` theme's where the page is dark, and a class per marked colour.

    A page is dark when the reader prefers a dark scheme and the page has not chosen light, or when the theme
    toggle of furo (``body[data-theme]``), the PyData and Book themes (``html[data-theme]``), MkDocs Material
    (``data-md-color-scheme="slate"``) or JupyterLab (``data-jp-theme-light="false"``) says dark. A viewer of
    class ``argmap-light`` or ``argmap-dark`` keeps that mode. Pages may set the properties themselves.
    """
    viewer = ".argmap-viewer:not(.argmap-light)"
    toggles = [
        f'html[data-theme="dark"] {viewer}',
        f'body[data-theme="dark"] {viewer}',
        f'[data-md-color-scheme="slate"] {viewer}',
        f'body[data-jp-theme-light="false"] {viewer}',
        ".argmap-viewer.argmap-dark",
    ]
    unchosen = (
        'html:not([data-theme="light"]) body:not([data-theme="light"]):not([data-md-color-scheme="default"])'
        ':not([data-jp-theme-light="true"])'
    )
    lines = [
        f".argmap-viewer{{{_declarations(light, _CANVAS['light'])}}}",
        f"{','.join(toggles)}{{{_declarations(dark, _CANVAS['dark'])}}}",
        f"@media (prefers-color-scheme: dark){{{unchosen} {viewer}{{{_declarations(dark, _CANVAS['dark'])}}}}}",
    ]
    for name in _COLOURS:
        if name != "background":
            lines.append(f".argmap-fill-{name.replace('_', '-')}{{fill:var({property_name(name)})}}")
            lines.append(f".argmap-stroke-{name.replace('_', '-')}{{stroke:var({property_name(name)})}}")
    return "\n".join(lines) + "\n"


#: The colour names a drawing's own colours (see :func:`colour`) may use, with the colour Graphviz gives each (its
#: X11 scheme), by which :func:`text_on` picks a readable text colour.
NAMED_COLOURS: Mapping[str, str] = {
    "aquamarine": "#7fffd4",
    "beige": "#f5f5dc",
    "black": "#000000",
    "blue": "#0000ff",
    "brown": "#a52a2a",
    "chartreuse": "#7fff00",
    "chocolate": "#d2691e",
    "coral": "#ff7f50",
    "crimson": "#dc143c",
    "cyan": "#00ffff",
    "darkgray": "#a9a9a9",
    "darkgreen": "#006400",
    "firebrick": "#b22222",
    "forestgreen": "#228b22",
    "gold": "#ffd700",
    "gray": "#bebebe",
    "green": "#00ff00",
    "grey": "#bebebe",
    "indigo": "#4b0082",
    "ivory": "#fffff0",
    "khaki": "#f0e68c",
    "lavender": "#e6e6fa",
    "lightblue": "#add8e6",
    "lightgray": "#d3d3d3",
    "lightgreen": "#90ee90",
    "lightgrey": "#d3d3d3",
    "lightyellow": "#ffffe0",
    "magenta": "#ff00ff",
    "maroon": "#b03060",
    "navy": "#000080",
    "orange": "#ffa500",
    "orchid": "#da70d6",
    "pink": "#ffc0cb",
    "plum": "#dda0dd",
    "purple": "#a020f0",
    "red": "#ff0000",
    "salmon": "#fa8072",
    "seagreen": "#2e8b57",
    "sienna": "#a0522d",
    "skyblue": "#87ceeb",
    "slategray": "#708090",
    "steelblue": "#4682b4",
    "tan": "#d2b48c",
    "tomato": "#ff6347",
    "turquoise": "#40e0d0",
    "violet": "#ee82ee",
    "wheat": "#f5deb3",
    "white": "#ffffff",
    "yellow": "#ffff00",
}
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
# The text colours a filled node may take: whichever stands out more from its fill.
_DARK_TEXT = "#1f2328"
_LIGHT_TEXT = "#ffffff"


def colour(value: object) -> str:
    """``value`` as a colour Graphviz reads: ``#rrggbb`` or ``#rrggbbaa`` as given (lower case), ``#rgb`` spelled out,
    or a name of :data:`NAMED_COLOURS`; :class:`~argmap.OptionError` for anything else, so that no colour can carry
    DOT into a drawing.
    """
    if isinstance(value, str):
        if _HEX.fullmatch(value):
            digits = value[1:].lower()
            return "#" + ("".join(digit * 2 for digit in digits) if len(digits) == 3 else digits)
        if value.lower() in NAMED_COLOURS:
            return value.lower()
    raise OptionError(f"{value!r} is no colour: use #rgb, #rrggbb, #rrggbbaa or one of {', '.join(NAMED_COLOURS)}")


def text_on(fill: str) -> str:
    """A text colour that reads well on ``fill`` (a value of :func:`colour`): dark on light fills, white on dark
    ones, by the WCAG contrast ratio of each; a translucent fill is judged as if opaque.
    """
    luminance = _luminance(NAMED_COLOURS.get(fill, fill))
    # Contrast ratios (lighter + 0.05) / (darker + 0.05): against the dark text, and against white (luminance 1).
    on_dark_text = (luminance + 0.05) / (_luminance(_DARK_TEXT) + 0.05)
    return _DARK_TEXT if on_dark_text >= 1.05 / (luminance + 0.05) else _LIGHT_TEXT


def _luminance(rgb: str) -> float:
    """The relative luminance (WCAG) of ``#rrggbb`` (any alpha after it is ignored)."""
    channels = [int(rgb[n : n + 2], 16) / 255 for n in (1, 3, 5)]
    red, green, blue = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
