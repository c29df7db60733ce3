extensions = ["myst_parser", "argmap.sphinx"]
exclude_patterns = ["_build"]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
