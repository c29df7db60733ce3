"""Hostile output paths: what argmap writes never destroys what the user had (special files, links, long names)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from samples import Run

import argmap
from argmap._io import atomic_write


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, "digraph {}\n")
    reader.join(timeout=10)
    assert received == [b"digraph {}\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a twin of /dev/null
    atomic_write(null, b"x" * 100_000)
    assert stat.S_ISCHR(null.stat().st_mode)
    assert list(tmp_path.iterdir()) == [null]


def test_a_symbolic_link_keeps_pointing_at_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "real.dot"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.dot"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.dot", "real.dot"]


def test_a_name_near_the_file_system_limit_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("m" * 246 + ".dot")
    atomic_write(target, "digraph {}\n")
    assert target.read_text(encoding="utf-8") == "digraph {}\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.dot"
    target.write_text("keep me", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["map.dot"]


@pytest.fixture
def one_map(tmp_path: Path) -> Path:
    b = argmap.MapBuilder()
    b.statement("A.", id="a")
    argmap.dump(b.build(), tmp_path / "m.json")
    return tmp_path / "m.json"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("render", "m.json", "-o", "afile/out.dot"), "argmap: error: afile/out.dot: Not a directory"),
        (("convert", "m.json", "-o", "adir", "--to", "argdown"), "argmap: error: adir: Is a directory"),
        (("render", "m.json", "-o", "x" * 300 + ".dot"), "File name too long"),
        (("check", "missing.json"), "argmap: error: missing.json: No such file or directory"),
    ],
    # (A missing parent folder is made: tests/test_render.py.)
    ids=["parent-is-a-file", "output-is-a-directory", "name-past-the-limit", "missing-input"],
)
def test_an_impossible_path_is_one_line_and_exit_2(
    run: Run, one_map: Path, args: tuple[str, ...], message: str
) -> None:
    (one_map.parent / "afile").write_text("keep", encoding="utf-8")
    (one_map.parent / "adir").mkdir()
    line = run(*args).failed_once()
    assert message in line
    assert (one_map.parent / "afile").read_text(encoding="utf-8") == "keep"
    assert list((one_map.parent / "adir").iterdir()) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\xff\xfe\x00", "not UTF-8 text: invalid start byte (byte 0xFF)"), (b"", "invalid JSON: Expecting value")],
    ids=["binary", "empty"],
)
def test_a_binary_or_empty_input_is_a_located_finding(run: Run, tmp_path: Path, data: bytes, message: str) -> None:
    (tmp_path / "bad.json").write_bytes(data)
    assert run("check", "bad.json").failed_once() == f"bad.json:1:1: error parse-error {message}"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_one_line_and_keeps_what_it_held(run: Run, one_map: Path) -> None:
    folder = one_map.parent / "locked"
    folder.mkdir()
    (folder / "out.dot").write_text("old", encoding="utf-8")
    folder.chmod(0o555)
    try:
        assert "Permission denied" in run("render", "m.json", "-o", "locked/out.dot").failed_once()
        assert (folder / "out.dot").read_text(encoding="utf-8") == "old"
        assert [p.name for p in folder.iterdir()] == ["out.dot"]
    finally:
        folder.chmod(0o755)
