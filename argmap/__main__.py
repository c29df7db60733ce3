"""Run the ``argmap`` command as ``python -m argmap``."""

import sys

from .cli import run

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(run())
