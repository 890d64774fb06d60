"""Shared by demo.py and test.py: a project virtual environment with what a command needs.

Runs on the system Python (3.11+) with only the standard library.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("HULPMIX_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(text: str) -> None:
    print(f"\033[1m==> {text}\033[0m" if sys.stdout.isatty() else f"==> {text}", flush=True)


def require_python() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs on whatever python3 the user has
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")


def ensure_venv(extras: str) -> Path:
    """Create .venv and install the project with `extras`, unless already up to date."""
    require_python()
    if VENV.is_symlink() and not VENV.exists():
        # A developer's .venv may link to a shared place (not there yet: make it); venv
        # refuses a link, so the environment is made at its target.
        VENV.resolve().mkdir(parents=True, exist_ok=True)
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV.resolve())
    stamp = VENV / f".installed-{extras.replace(',', '-')}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return PYTHON
    say(f"installing the project with [{extras}] (the first time takes a few minutes)")
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f".[{extras}]"])
    stamp.write_text(digest)
    return PYTHON


def run(cmd: list[str], env: dict[str, str] | None = None, check: bool = True) -> int:
    result = subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    if check and result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}")
    return result.returncode


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def debian_packages(packages: list[str], why: str) -> bool:
    """Install missing Debian packages when we may; otherwise name them. True if present."""
    if not shutil.which("dpkg-query"):
        return False
    missing = [
        p
        for p in packages
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True, check=False
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return True
    if not is_root():
        say(f"missing Debian packages for {why}: {' '.join(missing)}")
        say(f"install them with: sudo apt-get install {' '.join(missing)}")
        return False
    say(f"installing Debian packages for {why}: {' '.join(missing)}")
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)
    return True


#: What Qt needs at run time on a minimal Debian (offscreen and xcb platforms).
QT_RUNTIME = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "fonts-dejavu-core",
    # The xcb platform plugin (a real screen); without these the demo's console window
    # cannot start on a fresh Debian, whose minimal image lacks them.
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
]
