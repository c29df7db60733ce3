"""Sphinx configuration of argmap's own documentation: MyST pages, API reference from docstrings, argmap diagrams."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

DOCS = Path(__file__).resolve().parent
# The docs-local extension (generated catalogue of checks, CLI reference, formats and versions).
sys.path.insert(0, str(DOCS / "_ext"))

project = "argmap"
author = "the argmap developers"
# No year: a date would make two builds of the same sources differ.
copyright = "the argmap developers"
release = metadata.version("argmap")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "argmap.sphinx",
    "argmap_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# The founding example's map lives in seeds/, beside its text; the directive may draw maps from there too.
# seeds/ links to the files of argmap/examples, and a link is judged by where it leads.
argmap_map_dirs = ["../seeds", "../argmap/examples"]

myst_enable_extensions = ["deflist"]
# Anchors for headings down to ###, so that pages can link to [a section](guide.md#drawing).
myst_heading_anchors = 3

nitpicky = True
# What the standard library, graphviz, hypothesis, NetworkX, Sphinx and docutils document lives on their own sites,
# and intersphinx would fetch their inventories over the network, which an offline, reproducible build cannot. Every
# reference to argmap itself must resolve.
nitpick_ignore_regex = [
    ("py:class", r"(argparse|collections\.abc|os|pathlib)\.\w+"),
    ("py:class", r"(graphviz|hypothesis\.strategies|sphinx\.application|docutils\.nodes)\.\w+"),
    ("py:class", r"st\.SearchStrategy"),  # how argmap.strategies spells hypothesis.strategies.SearchStrategy
    ("py:class", r"mkdocs\.[\w.]+"),  # MkDocs' types in the signatures of the plugin's events
    ("py:class", r"networkx\.[\w.]+"),  # the graph that argmap.to_networkx returns
]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# A class without a docstring of its own shows none, rather than its base class's (ValueError's, say).
autodoc_inherit_docstrings = False

# Blocks without a language are shown as they are, not guessed to be Python.
highlight_language = "text"
pygments_style = "sphinx"

# Furo follows the reader's light or dark mode and has a toggle; the diagrams follow both (argmap.sphinx brings
# their stylesheet and script), so the docs need no diagram CSS of their own.
html_theme = "furo"
html_title = f"argmap {release}"
html_static_path = ["_static"]
html_css_files = ["argmap-docs.css"]
html_show_sourcelink = False
html_copy_source = False
