"""Text for terminals, one-line messages and options: user text made visible, counts, titles, listed values."""

from __future__ import annotations

__all__ = ["counted", "diagram_title", "listed", "printable", "version"]


def printable(text: str) -> str:
    """``text`` with every character that is not printable written as its escape (``\\n``, ``\\x1b``...), so that
    an id or a quote holding a line break cannot start a line of its own, or a terminal escape act.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def counted(n: int, noun: str) -> str:
    """``1 statement``, ``2 statements``; ``info`` is its own plural."""
    return f"{n} {noun}" if n == 1 or noun == "info" else f"{n} {noun}s"


def diagram_title(title: str) -> str:
    """What names a map's diagram: its title, or ``Argument map`` for a map without one."""
    return title.strip() or "Argument map"


def version() -> str:
    """argmap's installed version; ``unknown`` when run from a source tree that was never installed."""
    from importlib import metadata  # here: only --version and documentation builds ask

    try:
        return metadata.version("argmap")
    except metadata.PackageNotFoundError:
        return "unknown"


def listed(text: str) -> tuple[str, ...]:
    """The items of a comma-separated option value, stripped, empty ones left out: ``"a, b,"`` is ``("a", "b")``."""
    return tuple(item for item in map(str.strip, text.split(",")) if item)
