"""The drawing an Argdown author asked for in the document: its settings, read from a map's metadata and data."""

__all__: list[str] = []
