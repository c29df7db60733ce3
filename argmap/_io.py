"""File I/O: UTF-8 reads that say where a bad byte is, and atomic writes that never leave a half-written file."""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from pathlib import Path

from .errors import ParseError

__all__ = ["SOURCE_FILE", "atomic_write", "decode_text", "read_legacy_text", "read_text"]

#: The key of ``ArgumentMap.metadata`` under which a reader notes a text file beside a map that was not UTF-8:
#: ``{"path": PATH, "encoding": ENCODING, "line": N, "column": N}``, where ``encoding`` is the one it was read in
#: (``"windows-1252"``), or ``None`` when the file was left out, and line and column locate the first byte that is
#: not UTF-8. The info check ``source-encoding`` reports it.
SOURCE_FILE = "source_file"


def atomic_write(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` (text is encoded as UTF-8) to ``path`` so that a failure never leaves it half-written.

    A new path or a regular file is written to a temporary file beside it, then renamed over it; a symbolic link is
    followed, so that the file it points to is replaced and the link stays. A FIFO, a device or a socket
    (``-o /dev/stdout``, ``-o /dev/null``) is written directly: replacing it would destroy it.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as f:
            f.write(payload)
        return target
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    import tempfile  # here: its imports cost a command that writes nothing (check, explain) a tenth of its start-up

    # A short name, not one made of the target's: a name near the file system's limit must still leave room.
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=".argmap-", suffix=".tmp")
    try:
        # mkstemp makes the file private; give it the mode the replaced file had, or a new file's usual mode.
        os.fchmod(fd, _mode_for(real))
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return target


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_text(path: str) -> str:
    """The UTF-8 text of a file, without a byte order mark; a bad byte is a :class:`~argmap.ParseError` at its
    line and column. A missing or unreadable file raises the ``OSError`` that reading it did.
    """
    return decode_text(Path(path).read_bytes(), path)


def decode_text(data: bytes, path: str) -> str:
    """``data`` as UTF-8 text, without a byte order mark; a bad byte is a :class:`~argmap.ParseError` at its line
    and column in ``path``.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        message = f"not UTF-8 text: {error.reason} (byte 0x{data[error.start]:02X})"
        raise ParseError(message, path=path, line=line, column=column) from None


def _position(data: bytes, start: int) -> tuple[int, int]:
    """The line and column (from 1, in characters of the valid UTF-8 before it) of the byte at ``start``."""
    line_start = data.rfind(b"\n", 0, start) + 1
    return data.count(b"\n", 0, start) + 1, len(data[line_start:start].decode("utf-8", errors="replace")) + 1


def read_legacy_text(path: Path) -> tuple[str | None, dict[str, object] | None]:
    """The text of a file that older tools may have written in Windows-1252, and a note for
    ``ArgumentMap.metadata[SOURCE_FILE]`` where it is not UTF-8 (``None`` where it is).

    UTF-8 (a byte order mark is allowed) is read as such. Otherwise, where every byte is a character of Windows-1252,
    the file is read as Windows-1252; where it is not (Windows-1252 leaves five bytes undefined) the text is
    ``None``: a guess such as Latin-1 never fails, but would give wrong characters without a sign. A missing or
    unreadable file raises the ``OSError`` that reading it did.
    """
    data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
    try:
        text: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    encoding = None if text is None else "windows-1252"
    return text, {"path": os.fspath(path), "encoding": encoding, "line": line, "column": column}
