"""``python -m argmap.examples [NAME] [SUFFIX]`` prints the path of an installed example, for the command line."""

from __future__ import annotations

import sys

from ..errors import OptionError
from . import NAMES, SUFFIXES, path


def main(arguments: list[str]) -> int:
    """Print the path of the example ``NAME`` (default: the first) with ``SUFFIX`` (default ``.argdown``)."""
    if len(arguments) > 2 or any(a in ("-h", "--help") for a in arguments):
        print(f"usage: python -m argmap.examples [{'|'.join(NAMES)}] [{'|'.join(SUFFIXES)}]", file=sys.stderr)
        return 2
    try:
        print(path(*arguments))
    except OptionError as error:
        print(f"argmap.examples: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
