"""Hostile output paths: what argmap writes never destroys what the user had (special files, links, long names)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def test_characters_xml_cannot_hold_are_refused_by_the_model() -> None:
    import argmap

    for char in ("\ufffe", "\uffff"):
        b = argmap.MapBuilder(title="T")
        b.statement(f"A{char}B.", id="a")
        with pytest.raises(argmap.MapError, match=f"the noncharacter U\\+{ord(char):04X} at offset 1"):
            b.build()


def test_an_odd_text_beside_an_aif_map_never_makes_the_map_unreadable(tmp_path: Path) -> None:
    import json

    import argmap

    document = {"nodes": [{"nodeID": "1", "text": "Tea is good", "type": "I"}], "edges": [], "locutions": []}
    for name, data, note in (
        ("feed", b"Tea is good.\x0cMore.", "characters a map cannot hold made spaces"),
        ("latin", "Tea is good \u2013 caf\u00e9.".encode("cp1252"), "read as Windows-1252"),
    ):
        (tmp_path / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")
        (tmp_path / f"{name}.txt").write_bytes(data)
        m = argmap.load(tmp_path / f"{name}.json", "aif")
        (source,) = m.sources
        assert source.title == f"{name}.txt ({note})"
        assert m.statements[0].quotes[0].text == "Tea is good"


@given(st.text(alphabet="ab \n", max_size=30), st.text(alphabet="ab \n", max_size=12))
def test_verbatim_look_up_agrees_with_plain_search(text: str, snippet: str) -> None:
    from argmap.quotes import VerbatimText

    assert (snippet in VerbatimText(text)) is (snippet in text)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{1: first, '1': second}", "two keys that are the same text"),
        ("{true: a, 'true': b}", "two keys that are the same text"),
        ("{a: .nan}", "holds nan, which JSON cannot carry"),
        ("{a: .inf}", "holds inf, which JSON cannot carry"),
        ("{a: 1.0e999}", "holds inf, which JSON cannot carry"),
    ],
)
def test_yaml_data_that_json_cannot_carry_is_a_located_error(data: str, message: str) -> None:
    import argmap

    with pytest.raises(argmap.ParseError, match=message) as refused:
        argmap.loads(f"[s]: S. {data}", "argdown")
    assert (refused.value.line, refused.value.column) == (1, 9)
