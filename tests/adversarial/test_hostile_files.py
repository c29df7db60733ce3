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


def test_a_separator_beside_edge_whitespace_is_refused_by_the_argdown_writer_not_written_unreadable() -> None:
    import argmap

    for text in ("a\u2028 ", " \u2029a", "a \u2028"):
        m = argmap.ArgumentMap(statements=[argmap.Statement(id="s", text=text)])
        with pytest.raises(argmap.MapError, match="starts or ends with a line or paragraph separator"):
            argmap.dumps(m, "argdown")


def test_sections_nested_past_what_headings_hold_are_refused_at_once_not_written_quadratically() -> None:
    import argmap
    from argmap.formats.argdown.writer import MAX_HEADING_DEPTH

    depth = 20_000
    sections = [argmap.Section(id=f"h{i}", title="H", parent=f"h{i - 1}" if i else None) for i in range(depth)]
    m = argmap.ArgumentMap(sections=sections)
    with pytest.raises(argmap.MapError) as refused:
        argmap.dumps(m, "argdown")
    assert len(refused.value.problems) == depth - MAX_HEADING_DEPTH
    assert refused.value.problems[0].message.endswith(f"Argdown headings go at most {MAX_HEADING_DEPTH}")
    shallow = argmap.ArgumentMap(sections=sections[:MAX_HEADING_DEPTH])
    assert argmap.loads(argmap.dumps(shallow, "argdown"), "argdown").sections == shallow.sections


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


@pytest.mark.parametrize("node_type", ["CA", "I", "Q", "MA", "RA"])
def test_aif_data_never_changes_what_a_node_is(node_type: str) -> None:
    import json

    import argmap

    b = argmap.MapBuilder()
    b.argument([b.statement("P.", id="p")], b.statement("C.", id="c"), id="a", data={"aif": {"type": node_type}})
    m = b.build()
    text = argmap.dumps(m, "aif")
    (node,) = [n for n in json.loads(text)["nodes"] if n["nodeID"] == "a"]
    assert node["type"] == "RA"
    assert argmap.loads(text, "aif") == m
