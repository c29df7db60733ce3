"""The package as an index shows it: the licence it declares is the one it ships."""

from __future__ import annotations

import tomllib
from importlib.metadata import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_licence_file_is_the_licence_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_the_installed_metadata_declares_the_licence() -> None:
    # Metadata 2.4 (PEP 639): the licence as an SPDX expression and the file that holds its text.
    installed = metadata("argmap")
    assert installed["License-Expression"] == "MIT"
    assert "LICENSE" in installed.get_all("License-File", [])
