"""Converters for attrs fields that the model's classes and the scheme catalogue share."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["strings"]


def strings(value: Iterable[str]) -> tuple[str, ...]:
    """``value`` as a tuple of strings; a lone string becomes a tuple of one, not a tuple of its characters."""
    return (value,) if isinstance(value, str) else tuple(value)
