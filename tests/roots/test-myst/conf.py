extensions = ["myst_parser", "argmap.sphinx"]
exclude_patterns = ["_build"]
source_suffix = {".md": "markdown"}
