"""The check of a search's time limit, shared by every search and by the integrations that pass one on."""

from __future__ import annotations

from ..errors import OptionError

__all__ = ["check_timeout"]


def check_timeout(timeout: float | None) -> None:
    """:class:`~argmap.OptionError` unless ``timeout`` is ``None`` (no limit) or a positive number of seconds."""
    if timeout is not None and not timeout > 0:
        raise OptionError(f"the timeout must be a positive number of seconds, not {timeout}")
