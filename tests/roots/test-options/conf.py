extensions = ["argmap.sphinx"]
exclude_patterns = ["_build"]
