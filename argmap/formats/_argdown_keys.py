"""The YAML data keys that carry what argmap's model has and Argdown's syntax has not, for reader and writer."""

from __future__ import annotations

from typing import Final

__all__ = ["RESERVED_KEYS"]

#: YAML data keys that become fields of the model instead of ``data`` or ``metadata``, by where they stand: they
#: are how sources, quotes, schemes, section ids and an inference's premises survive a round trip through Argdown.
RESERVED_KEYS: Final = {
    "frontmatter": ("title", "sources"),
    "statement": ("quotes",),
    "argument": ("scheme",),
    "heading": ("id",),
    "inference": ("uses", "from"),
}
