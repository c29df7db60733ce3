"""xAIF, AIF wrapped with the text it annotates and OVA's layout, as the DialAM data and OVA 3 keep it: reading
and writing argument maps.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from ..errors import MapError, Problem
from ..model import ArgumentMap, Source
from . import aif
from ._shapes import check_json_value, encode_mapping, wrong_type
from ._sources import plain_text, quoting
from .aif.reader import parse, read_document

__all__ = ["dumps", "loads"]

#: The key of the AIF document inside an xAIF one.
_AIF: Final = "AIF"
#: Where a map read from xAIF keeps the xAIF document's other parts (the text, OVA's layout, the dialogue flag).
_LAYER: Final = "xaif"
#: The OVA part of an xAIF document that carries no layout, as OVA writes it for a new analysis.
_EMPTY_OVA: Final = {"firstname": "", "surname": "", "url": "", "nodes": [], "edges": []}


def _inside(error: MapError) -> MapError:
    """The AIF reader's error with each JSON path made a path of the xAIF document."""
    problems = [attrs.evolve(p, path=f"$.{_AIF}{p.path[1:]}") if p.path.startswith("$") else p for p in error.problems]
    return MapError(problems, path=error.path)


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from xAIF JSON; ``path`` only names the file in errors.

    The AIF document under ``"AIF"`` is read as :func:`argmap.formats.aif.loads` reads AIF (its problems named by
    paths such as ``$.AIF.nodes[3]``). The annotated ``"text"`` (HTML, made plain; ``{"txt": ...}`` as arg-tech's
    tools write it, or a string) becomes the map's source, quoted by every statement whose text occurs in it
    verbatim, unless argmap wrote the document (which then carries its own sources). The document's other parts
    (``"text"``, ``"OVA"``, ``"dialog"``...) are kept in ``metadata["xaif"]``, so that :func:`dumps` writes them
    back. ``docs/interchange.md`` gives the whole mapping.
    """
    document, suspicious = parse(text, path)
    problems: list[Problem] = []
    if not isinstance(document, dict):
        wrong_type("an xAIF object with the key 'AIF'", document, "$", problems)
        raise MapError(problems)
    if _AIF not in document:
        raise MapError([Problem("missing-key", "an xAIF document has the key 'AIF'; this one has not", path="$")])
    try:
        m = read_document(document[_AIF], suspicious=suspicious)
    except MapError as error:
        raise _inside(error) from None
    layer = {key: value for key, value in document.items() if key != _AIF}
    if suspicious:
        check_json_value(layer, "$", problems)
    if _LAYER in m.metadata:
        message = "metadata['xaif'] is both in argmap's block and the document"
        problems.append(Problem("invalid-structure", message, path=f"$.{_AIF}.argmap.metadata"))
    if problems:
        raise MapError(problems)
    changes: dict[str, Any] = {}
    raw = _text_of(document.get("text"))
    carries_sources = isinstance(document[_AIF], dict) and "argmap" in document[_AIF]
    source_text = plain_text(raw) if isinstance(raw, str) and not carries_sources else ""
    if source_text.strip():
        source = Source(id="text", text=source_text, title="xAIF text")
        changes["sources"] = [*m.sources, source]
        changes["statements"] = quoting(m.statements, source)
    # What dumps writes anyway says nothing of its own, and is not kept.
    if layer and layer != _default_layer(changes.get("sources", m.sources)):
        changes["metadata"] = {**m.metadata, _LAYER: layer}
    return attrs.evolve(m, **changes) if changes else m


def _text_of(value: Any) -> Any:
    """The annotated text: arg-tech's tools write ``{"txt": "..."}``, arguebuf a plain string."""
    return value.get("txt") if isinstance(value, dict) else value


def _default_layer(sources: Iterable[Source]) -> dict[str, Any]:
    """The parts of an xAIF document beside the AIF that :func:`dumps` writes for a map that kept none: the text as
    arg-tech's tools write it, and OVA's part for an analysis without a layout.
    """
    return {"text": {"txt": "\n\n".join(source.text for source in sources)}, "OVA": _EMPTY_OVA}


def dumps(m: ArgumentMap) -> str:
    """Write a map as xAIF JSON: the AIF document that :func:`argmap.formats.aif.dumps` writes, under ``"AIF"``,
    with the parts kept from an xAIF document read (``metadata["xaif"]``), or else the map's sources as
    ``{"txt": ...}`` under ``"text"`` and an empty ``"OVA"`` part. :func:`loads` reads it back to an equal map;
    the output is the same on every run.
    """
    layer = m.metadata.get(_LAYER)
    kept: Mapping[str, Any] = layer if isinstance(layer, Mapping) and _AIF not in layer else {}
    if kept:
        m = attrs.evolve(m, metadata={k: v for k, v in m.metadata.items() if k != _LAYER})
    document: dict[str, Any] = {_AIF: json.loads(aif.dumps(m))}
    document.update(kept or _default_layer(m.sources))
    return json.dumps(document, ensure_ascii=False, indent=2, default=encode_mapping) + "\n"
