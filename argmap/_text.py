"""Text for terminals and one-line messages: user text with its line breaks and control characters made visible."""

from __future__ import annotations

__all__ = ["printable"]


def printable(text: str) -> str:
    """``text`` with every character that is not printable written as its escape (``\\n``, ``\\x1b``...), so that
    an id or a quote holding a line break cannot start a line of its own, or a terminal escape act.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
