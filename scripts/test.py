"""Set everything up and run the whole test suite: lint, types, translations, tests.

    python3 scripts/test.py            # everything (what CI runs)
    python3 scripts/test.py -k login   # extra arguments go to pytest

On Debian/Ubuntu as root it installs the system packages it needs (PostgreSQL server
binaries for the PostgreSQL half of the server suite, Qt's runtime libraries); as another
user it names the packages to install.
"""

from __future__ import annotations

import os
import sys

from bootstrap import PYTHON, QT_RUNTIME, debian_packages, ensure_venv, run, say


def main(argv: list[str]) -> int:
    if sys.platform.startswith("linux"):
        # Chromium (Debian's, driven by Playwright) for the youth chat page tests.
        debian_packages(
            ["postgresql", "postgresql-contrib", "chromium", *QT_RUNTIME], "the test suite"
        )
    ensure_venv("server,dev")
    # COLUMNS: CI shows only the end of the output, where pytest's summary cuts each
    # failure's message to the terminal's width (80 without a terminal).
    env = {"QT_QPA_PLATFORM": "offscreen", "COLUMNS": os.environ.get("COLUMNS", "240")}
    tools = [str(PYTHON), "-m"]
    say("ruff: lint")
    run([*tools, "ruff", "check", "."])
    say("ruff: format")
    run([*tools, "ruff", "format", "--check", "."])
    say("mypy (strict on console.domain, console.services, console.settings and server)")
    run([*tools, "mypy"])
    say("pytest")
    if os.environ.get("CI"):
        # CI must never skip the PostgreSQL half silently: the fixture fails instead.
        env["CI"] = "true"
    return run([*tools, "pytest", *argv], env=env, check=False)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
