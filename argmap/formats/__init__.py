"""Reading and writing maps in every format argmap knows, chosen by name or by file suffix."""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final, Protocol

import attrs

from .._gc import gc_paused, pauses_gc
from .._io import atomic_write, read_text
from ..errors import MapError, UnknownFormat
from ..model import ArgumentMap

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "SNIFF_LENGTH",
    "FileReader",
    "Format",
    "Reader",
    "Writer",
    "dump",
    "dumps",
    "format_for_path",
    "get_format",
    "load",
    "loads",
    "recognises",
    "shares_suffix",
]


#: How deeply lists and objects may nest inside a ``data`` or ``metadata`` value, in every format. Far beyond any
#: real need, and far below the depth at which Python's JSON module, equality tests and ``repr`` run out of stack.
MAX_DEPTH: Final = 100


class Reader(Protocol):
    """Reads a map from text; ``path`` only names the file in error messages."""

    def __call__(self, text: str, *, path: str | None = None) -> ArgumentMap: ...


class FileReader(Protocol):
    """Reads a map from the file at ``path``, with what the format keeps beside the file (the text that an AIF
    map annotates).
    """

    def __call__(self, path: str) -> ArgumentMap: ...


#: Writes a map as text.
Writer = Callable[[ArgumentMap], str]


@attrs.frozen
class Format:
    """A file format: its name, the file suffixes that select it, and its reader and writer (``None`` where a format
    can only be written, or only read).

    :func:`load` reads a file with ``load`` where a format has one, and otherwise reads the file's text with
    ``loads``.
    """

    name: str
    suffixes: tuple[str, ...]
    loads: Reader | None
    dumps: Writer | None
    load: FileReader | None = None
    #: Whether a text is written in this format, from a cheap look at its start (see :data:`SNIFF_LENGTH`): how
    #: :func:`load` tells apart the formats that share a suffix (``.json``).
    sniff: Callable[[str], bool] | None = None
    #: Whether a text in this format may include other files (Argdown's ``@include``): its ``loads`` then takes
    #: ``base`` and ``include_roots``, and its ``load`` takes ``include_roots``.
    includes: bool = False


#: How much of a file's start the formats that share a suffix look at to recognise it.
SNIFF_LENGTH: Final = 65_536


def _has_key(*keys: str) -> Callable[[str], bool]:
    """A sniffer for JSON whose start names every one of ``keys`` as an object key."""
    patterns = [re.compile(rf'"{re.escape(key)}"\s*:') for key in keys]

    def sniff(text: str) -> bool:
        head = text[:SNIFF_LENGTH]
        return all(pattern.search(head) for pattern in patterns)

    return sniff


def _has_element(name: str) -> Callable[[str], bool]:
    """A sniffer for XML whose start opens an element called ``name``."""
    pattern = re.compile(rf"<{re.escape(name)}[\s/>]")

    def sniff(text: str) -> bool:
        return pattern.search(text, 0, SNIFF_LENGTH) is not None

    return sniff


def _lazy(module: str, function: str) -> Any:
    """``function`` of ``module`` (named relative to this package), imported on its first call: a command reads or
    writes one or two formats, and importing every one (YAML for Argdown, say) would slow each start of it.
    """

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module, __name__), function)(*args, **kwargs)

    call.__name__ = call.__qualname__ = f"{module.lstrip('.')}.{function}"
    return call


# Adding a format is one entry here; the order is the order of messages that list them, and among formats that
# share a suffix, the order they are tried in (the first is the one a file that none recognises is read as).
_FORMATS = [
    Format(
        name="json",
        suffixes=(".json",),
        loads=_lazy(".json", "loads"),
        dumps=_lazy(".json", "dumps"),
        sniff=_has_key("argmap"),
    ),
    Format(
        name="argdown",
        suffixes=(".argdown", ".ad"),
        loads=_lazy(".argdown", "loads"),
        dumps=_lazy(".argdown", "dumps"),
        load=_lazy(".argdown", "load"),
        includes=True,
    ),
    # Formats of AIF's family (xAIF, OVA) and Argdown's JSON come before AIF, whose sniff their files would pass.
    Format(
        name="xaif",
        suffixes=(".xaif.json", ".json"),
        loads=_lazy(".xaif", "loads"),
        dumps=_lazy(".xaif", "dumps"),
        sniff=_has_key("AIF", "nodes"),
    ),
    Format(
        name="argdown-json",
        suffixes=(".argdown.json", ".json"),
        loads=_lazy(".argdown_json", "loads"),
        dumps=None,
        sniff=_lazy(".argdown_json", "sniff"),
    ),
    Format(
        name="ova",
        suffixes=(".ova.json", ".json"),
        loads=_lazy(".ova", "loads"),
        dumps=None,
        # OVA's nodes come first, each with an "id" (AIF's have a "nodeID") and "visible": a large file's edges may
        # lie beyond the start that sniffing reads.
        sniff=_has_key("nodes", "id", "visible"),
    ),
    Format(
        name="aif",
        suffixes=(".aif.json", ".aif", ".json"),
        loads=_lazy(".aif", "loads"),
        dumps=_lazy(".aif", "dumps"),
        load=_lazy(".aif", "load"),
        sniff=_has_key("nodes", "nodeID"),
    ),
    # Read-only formats of argument-mining corpora and tools.
    Format(
        name="microtexts",
        suffixes=(".xml",),
        loads=_lazy(".microtexts", "loads"),
        dumps=None,
        sniff=_has_element("arggraph"),
    ),
    Format(name="brat", suffixes=(".ann",), loads=_lazy(".brat", "loads"), dumps=None, load=_lazy(".brat", "load")),
    Format(
        name="sadface",
        suffixes=(".json",),
        loads=_lazy(".sadface", "loads"),
        dumps=None,
        sniff=_lazy(".sadface", "sniff"),
    ),
    # A diagram, drawn by the renderers: argmap writes it, as a format, but cannot read it.
    Format(name="mermaid", suffixes=(".mmd", ".mermaid"), loads=None, dumps=_lazy("..render.mermaid", "dumps")),
    Format(
        name="kialo",
        suffixes=(".kialo.txt", ".kialo"),
        loads=_lazy(".kialo", "loads"),
        dumps=None,
        sniff=_lazy(".kialo", "sniff"),
    ),
    Format(name="graphml", suffixes=(".graphml",), loads=None, dumps=_lazy(".graphml", "dumps")),
]

#: Every format argmap reads or writes, by name.
FORMATS: Mapping[str, Format] = MappingProxyType({f.name: f for f in _FORMATS})

# Longest suffix first, so that a compound suffix (".aif.json") wins over the plain one (".json"); formats of one
# suffix stay in the order of _FORMATS (the sort is stable).
_BY_SUFFIX = sorted(((s, f) for f in _FORMATS for s in f.suffixes), key=lambda pair: -len(pair[0]))


def _known_formats() -> str:
    return ", ".join(f"{f.name} ({' '.join(f.suffixes)})" for f in FORMATS.values())


def get_format(name: str) -> Format:
    """The format called ``name`` (case-insensitive); :class:`~argmap.UnknownFormat` lists the known ones."""
    try:
        return FORMATS[name.lower()]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}; known formats: {_known_formats()}") from None


def format_for_path(path: str | os.PathLike[str], text: str | None = None) -> Format:
    """The format that a file's suffix selects (case-insensitive), such as json for ``map.json``.

    Where formats share the suffix (AIF and argmap's JSON both end in ``.json``), ``text``, the file's content,
    tells them apart: the first that recognises it, in the order of :data:`FORMATS`; without ``text``, or when
    none does, the first of them (argmap's own JSON for ``.json``).
    """
    candidates = _sharing(path)
    if not candidates:
        raise UnknownFormat(
            f"cannot tell the format of {os.fspath(path)!r} from its suffix; known formats: {_known_formats()}"
        )
    if text is not None and len(candidates) > 1:
        return next((f for f in candidates if f.sniff is not None and f.sniff(text)), candidates[0])
    return candidates[0]


def shares_suffix(path: str | os.PathLike[str]) -> bool:
    """Whether the suffix of ``path`` is one that several formats share, so that its content must choose."""
    return len(_sharing(path)) > 1


def recognises(path: str | os.PathLike[str]) -> bool:
    """Whether a file found in a folder is one to read as a map: its suffix names a format that argmap reads, and
    where the formats of that suffix can recognise their files (``.json``, ``.xml``), one of them recognises its
    start. A folder also holds ``package.json`` or ``pom.xml``, which are no maps; a file named on its own is read
    whatever its start.
    """
    readers = [f for f in _sharing(path) if f.loads is not None]
    if not readers:
        return False
    sniffs = [f.sniff for f in readers if f.sniff is not None]
    if len(sniffs) < len(readers):
        return True
    try:
        head = _start(os.fspath(path))
    except OSError:
        return True  # its reader says what is wrong with it
    return any(sniff(head) for sniff in sniffs)


def _sharing(path: str | os.PathLike[str]) -> list[Format]:
    """The formats of the longest known suffix that ends the name of ``path``, in the order of :data:`FORMATS`
    (none for a name without one).
    """
    name = Path(path).name.lower()
    matched = next((suffix for suffix, _ in _BY_SUFFIX if name.endswith(suffix)), None)
    return [format for suffix, format in _BY_SUFFIX if suffix == matched]


def _start(path: str) -> str:
    """The start of the file that sniffing looks at (:data:`SNIFF_LENGTH` characters; bytes that are not UTF-8 are
    replaced here, and reported by the reader that reads the whole file).
    """
    with open(path, encoding="utf-8-sig", errors="replace") as file:
        return file.read(SNIFF_LENGTH)


def _reader(format: Format) -> Reader:
    if format.loads is None:
        readable = ", ".join(f.name for f in FORMATS.values() if f.loads is not None)
        raise UnknownFormat(f"argmap can write {format.name} but not read it; it reads: {readable}")
    return format.loads


def _writer(format: Format) -> Writer:
    if format.dumps is None:
        writable = ", ".join(f.name for f in FORMATS.values() if f.dumps is not None)
        raise UnknownFormat(f"argmap can read {format.name} but not write it; it writes: {writable}")
    return format.dumps


def _read(read: Callable[[], ArgumentMap], path: str | None) -> ArgumentMap:
    try:
        with gc_paused():
            return read()
    except MapError as error:
        if path is None or error.path is not None:
            raise
        raise error.with_path(path) from None


def loads(
    text: str,
    format: str = "json",
    *,
    path: str | None = None,
    base: str | os.PathLike[str] | None = None,
    include_roots: Iterable[str | os.PathLike[str]] | None = None,
) -> ArgumentMap:
    """Read a map from ``text`` in the named format.

    Where the format can include other files (Argdown's ``@include``), their names are relative to the directory
    ``base`` and they must lie in the directory trees ``include_roots`` (by default ``base``); other formats ignore
    both.

    Raises :class:`~argmap.ParseError` for text the format cannot parse and :class:`~argmap.MapError` for a map
    that breaks the model's rules, both naming ``path`` when it is given.
    """
    chosen = get_format(format)
    reader = _reader(chosen)
    includes: dict[str, Any] = {"base": base, "include_roots": include_roots} if chosen.includes else {}
    return _read(functools.partial(reader, text, path=path, **includes), path)


@pauses_gc
def dumps(m: ArgumentMap, format: str = "json") -> str:
    """Write a map as text in the named format."""
    writer = _writer(get_format(format))
    return writer(m)


def load(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    include_roots: Iterable[str | os.PathLike[str]] | None = None,
) -> ArgumentMap:
    """Read a map from a file, in the named format or, by default, the one its suffix selects (and, where formats
    share the suffix, its content: see :func:`format_for_path`).

    An Argdown file's ``@include(file)`` directives read other files, which must lie in the directory trees
    ``include_roots`` (by default the directory of ``path``): see :func:`argmap.formats.argdown.load`.

    The file must be UTF-8 (a byte order mark is allowed). Errors name the file: :class:`~argmap.ParseError` for
    bad bytes or syntax, :class:`~argmap.MapError` for a bad map, :class:`~argmap.UnknownFormat` for an unknown
    suffix or name. A missing or unreadable file raises the ``OSError`` that reading it did (such as
    ``FileNotFoundError``), so that callers can tell "no such file" from "bad file".
    """
    name = os.fspath(path)
    if format is not None:
        chosen = get_format(format)
    elif shares_suffix(path):
        # The start is enough to choose: the file is read whole once, by the chosen reader.
        chosen = format_for_path(path, _start(name))
    else:
        chosen = format_for_path(path)
    reader = _reader(chosen)  # before reading the whole file, so that a format argmap cannot read fails first
    if chosen.load is not None:
        includes: dict[str, Any] = {"include_roots": include_roots} if chosen.includes else {}
        return _read(functools.partial(chosen.load, name, **includes), name)
    return _read(functools.partial(reader, read_text(name), path=name), name)


def dump(m: ArgumentMap, path: str | os.PathLike[str], format: str | None = None) -> Path:
    """Write a map to a file, in the named format or the one its suffix selects; returns the path written.

    The map is written in full before the file is touched, then replaces it atomically: a map that cannot be
    written (:class:`~argmap.MapError`) or a failed write leaves an existing file as it was.
    """
    chosen = format_for_path(path) if format is None else get_format(format)
    return atomic_write(path, _writer(chosen)(m))
