"""`python -m console` starts the staff console."""

from __future__ import annotations

import sys


def main() -> int:
    from console.app import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
