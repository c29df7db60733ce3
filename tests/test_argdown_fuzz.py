"""Bad input for the Argdown reader: any text gives a map, a ParseError or a MapError of located problems, never another
exception, and quickly.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, MapError, ParseError
from argmap.catalogue import CATALOGUE
from argmap.formats.argdown import loads
from argmap.formats.argdown.lexer import Fault, tokenize

FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "argdown"
DOCUMENTS = sorted(path.name for path in FOLDER.glob("*.argdown"))

#: Far beyond what reading these inputs takes (well under a second each): only a hang trips it.
HANG = 60.0

# Pieces of Argdown, so that generated texts reach deep into the grammar rather than failing on their first line.
PIECES = [
    *"[]:<>-+_*#@(){},.\\/='\t ",
    "\n",
    "\n\n",
    "\r\n",
    "\n  ",
    "\n    ",
    "<!--",
    "-->",
    "/*",
    "*/",
    "//",
    "===",
    "----",
    "-- rule --",
    "(1) ",
    "(2) ",
    "1. ",
    "* ",
    "# ",
    "+ ",
    "- ",
    "<+ ",
    "<- ",
    "+> ",
    "-> ",
    ">< ",
    "_> ",
    "<_ ",
    "[T]",
    "[T]: ",
    "<A>",
    "<A>: ",
    "@[T]",
    "@<A>",
    "#tag ",
    "#(long tag)",
    "{a: 1}",
    "{uses: [1]}",
    "{\n  id: x\n}",
    ".~.",
    ":happy:",
    "**",
    "__",
    "[l](http://x)",
    "claim",
    "a text",
    "\u2028",
    "\x00",
    "\ud800",
    # Near misses of the commonest lines, which the lexer reads in one step.
    "[-x]",
    "<+x>",
    "<!x>",
    "]:",
    ">:",
    "[T](",
    "'  + ",
    "  - [T] ",
    "(12) [T]: a text ",
]
argdownish = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def reads_or_fails(text: str) -> ArgumentMap | ParseError | MapError:
    try:
        return loads(text)
    except MapError as error:
        for problem in error.problems:
            assert problem.code in CATALOGUE
            assert problem.message
            assert problem.location is not None
            assert problem.location.line >= 1
            assert problem.location.column >= 1
        return error
    except ParseError as error:
        failure = error
    assert failure.line >= 1
    assert failure.column >= 1
    assert failure.message
    return failure


@given(st.text())
def test_any_text_gives_a_map_or_a_parse_error(text: str) -> None:
    reads_or_fails(text)


@given(argdownish)
def test_any_argdown_like_text_gives_a_map_or_a_parse_error(text: str) -> None:
    reads_or_fails(text)


def tokens(text: str, *, common_lines: bool = True) -> object:
    try:
        found = tokenize(text, common_lines=common_lines)
    except Fault as fault:
        return fault.message, fault.offset
    return found.kinds, found.starts, found.ends, found.values


def same_tokens(text: str) -> None:
    assert tokens(text) == tokens(text, common_lines=False)


@given(argdownish | st.text())
def test_common_lines_read_in_one_step_give_the_tokens_of_the_general_rules(text: str) -> None:
    same_tokens(text)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_common_lines_of_the_corpus_give_the_tokens_of_the_general_rules(corpus: dict[str, str], name: str) -> None:
    same_tokens(corpus[name])


# Pieces of YAML, explicit tags with nonsense values and aliases among them: PyYAML fails on those in many ways.
YAML_PIECES = [
    *"ab:[]{},|>#'\"?-~\t\n ",
    "  ",
    "- ",
    "&x ",
    "*x",
    "<<: ",
    "---",
    "...",
    "%YAML 1.1\n",
    "!x ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!pairs ",
    "!!timestamp ",
    "!!float ",
    "!!int ",
    "!!bool ",
    "!!python/object ",
    "2001-12-14",
    "0x",
    ".inf",
    "1e400",
    "9" * 30,
    "yes",
    "null",
    "\x00",
]
yamlish = st.lists(st.sampled_from(YAML_PIECES), max_size=30).map("".join)


@given(yamlish, st.sampled_from(["===\n{}\n===\n\nclaim\n", "claim {{\n{}\n}}\n", "claim {{{}}}\n"]))
def test_any_yaml_data_gives_a_map_or_a_parse_error(yaml: str, place: str) -> None:
    reads_or_fails(place.format(yaml))


@given(argdownish)
def test_line_endings_do_not_matter(text: str) -> None:
    unix = reads_or_fails(text.replace("\r\n", "\n").replace("\r", "\n"))
    windows = reads_or_fails(text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n"))
    if isinstance(unix, ParseError):
        assert isinstance(windows, ParseError)
        assert (windows.line, windows.column, windows.message) == (unix.line, unix.column, unix.message)
    elif isinstance(unix, MapError):
        assert isinstance(windows, MapError)
        assert windows.problems == unix.problems
    else:
        assert windows == unix


# Mutations of the corpus ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(shared_corpus: Path) -> dict[str, str]:
    folder = shared_corpus / "argdown"
    return {name: (folder / name).read_text(encoding="utf-8") for name in DOCUMENTS}


def load_or_fail(path: Path) -> ParseError | None:
    try:
        argmap.load(path)
    except ParseError as error:
        return error
    except MapError as error:
        places = [problem.location for problem in error.problems]
    else:
        return None
    # A map the model refuses is no failure to read the file, but each of its problems names the file.
    assert all(place is not None and place.path == str(path) for place in places)
    return None


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


@settings(max_examples=200)
@given(st.sampled_from(DOCUMENTS), st.floats(0, 1))
def test_truncated_documents(corpus: dict[str, str], name: str, fraction: float) -> None:
    text = corpus[name]
    reads_or_fails(text[: int(len(text) * fraction)])


@settings(max_examples=200)
@given(st.sampled_from(DOCUMENTS), st.data())
def test_documents_with_lines_deleted_or_duplicated(corpus: dict[str, str], name: str, data: st.DataObject) -> None:
    lines = lines_of(corpus[name])
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        n = data.draw(st.integers(0, len(lines) - 1))
        if data.draw(st.booleans()):
            del lines[n]
        else:
            lines.insert(n, lines[n])
    reads_or_fails("".join(lines))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("argdown")


@settings(max_examples=100)
@given(st.sampled_from(DOCUMENTS), st.data())
def test_files_with_random_bytes(corpus: dict[str, str], folder: Path, name: str, data: st.DataObject) -> None:
    content = bytearray(corpus[name].encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(content)))
        content[at:at] = data.draw(st.binary(min_size=1, max_size=4))
    path = folder / "mutated.argdown"
    path.write_bytes(bytes(content))
    failure = load_or_fail(path)
    if failure is not None:
        assert failure.path == str(path)
        if not _is_utf8(bytes(content)):
            assert "not UTF-8" in failure.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "cp1252", "latin-1"])
def test_files_in_other_encodings(corpus: dict[str, str], encoding: str, tmp_path: Path) -> None:
    path = tmp_path / "encoded.argdown"
    refused = 0
    for name, text in corpus.items():
        data = text.encode(encoding, errors="replace")
        path.write_bytes(data)
        failure = load_or_fail(path)
        if failure is None:
            continue
        refused += 1
        assert failure.path == str(path)
        if "UTF-8" in failure.message:
            assert not _is_utf8(data), name
    # Every document of the corpus has a non-ASCII character or is read through a BOM, so other encodings show.
    assert refused > 0


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Size: the reader is linear -------------------------------------------------------------------------------------


def finishes(text: str) -> ArgumentMap | ParseError | MapError:
    start = time.monotonic()
    result = reads_or_fails(text)
    assert time.monotonic() - start < HANG
    return result


@pytest.mark.parametrize("char", ["[", "<", "{", "*", "@[", "#(", ".", "\\", "<!--"])
def test_a_megabyte_line_of_one_bracket(char: str) -> None:
    finishes("[T]: " + char * (1_000_000 // len(char)) + "\n")


def test_a_megabyte_line_of_mixed_brackets() -> None:
    finishes("[T]: " + "[<{(*_@#]>})" * 90_000 + "\n")


def test_ten_thousand_nested_levels() -> None:
    text = "[s0]: root\n" + "".join(f"{' ' * level}- [s{level}]: claim {level}\n" for level in range(1, 10_000))
    m = finishes(text)
    assert isinstance(m, ArgumentMap)
    assert len(m.relations) == 9_999


def test_ten_thousand_nested_bold_and_italic_ranges() -> None:
    finishes("[T]: " + "**_" * 5_000 + "x" + "_**" * 5_000 + "\n")


def test_a_hundred_thousand_line_document() -> None:
    blocks = [f"[s{i}]: Claim {i}.\n  + [s{i + 1}]\n  - <a{i}>: Objection {i}.\n\n" for i in range(33_334)]
    m = finishes("".join(blocks))
    assert isinstance(m, ArgumentMap)
    assert len(m.statements) == 33_335
