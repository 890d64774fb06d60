"""Build the console's one-dir bundle with PyInstaller, and on Windows the installer.

    python installer/build.py               # dist/hulpmix-console/ (PyInstaller, one-dir)
    python installer/build.py --installer   # ... and dist/installer/*-setup.exe (Inno Setup)

Run it with the Python of a virtual environment that has the console installed
(`pip install -e .`) and PyInstaller (`pip install pyinstaller`). The script checks both,
checks that the compiled translations are there and not older than their sources, runs
PyInstaller with installer/hulpmix-console.spec, checks that the bundle holds the
translations where console/app.py looks for them, and starts the bundled program once
with --help to see that it loads. See installer/README.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "hulpmix-console.spec"
ISS = HERE / "hulpmix-console.iss"
TRANSLATIONS = ROOT / "resources" / "translations"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "hulpmix-console"
INSTALLER_OUT = DIST / "installer"
ISCC_PLACES = [
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6",
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6",
    Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6",
]


class BuildError(Exception):
    pass


def say(text: str) -> None:
    print(f"build: {text}", flush=True)


def version() -> str:
    text = (ROOT / "console" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise BuildError("no __version__ in console/__init__.py")
    return match.group(1)


def check_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(
            "PyInstaller is not installed for this Python:\n"
            f"    {sys.executable}\n"
            "Install it into the build environment and run this script again:\n"
            f"    {sys.executable} -m pip install pyinstaller"
        )
    import PyInstaller

    say(f"PyInstaller {PyInstaller.__version__}")
    major = int(PyInstaller.__version__.split(".")[0])
    if major < 6:
        raise BuildError("PyInstaller 6 or later is needed (the spec expects the 6.x layout)")


def check_console_importable() -> None:
    missing = [
        name
        for name in ("PySide6", "qasync", "httpx", "keyring", "truststore", "sqlite_utils")
        if importlib.util.find_spec(name) is None
    ]
    if missing:
        raise BuildError(
            f"the console's dependencies are missing ({', '.join(missing)}); "
            f"run `{sys.executable} -m pip install -e .` in {ROOT} first"
        )


def check_translations() -> None:
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        raise BuildError(f"no translation sources (*.ts) in {TRANSLATIONS}")
    for ts in sources:
        qm = ts.with_suffix(".qm")
        if not qm.exists():
            raise BuildError(f"{qm.name} is missing: run `python scripts/translations.py build`")
        if qm.stat().st_mtime < ts.stat().st_mtime:
            raise BuildError(
                f"{qm.name} is older than {ts.name}: run `python scripts/translations.py build`"
            )
    say(f"translations: {', '.join(ts.with_suffix('.qm').name for ts in sources)}")


def run_pyinstaller() -> None:
    if not SPEC.exists():
        raise BuildError(f"{SPEC} is missing")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    say("running " + " ".join(command))
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit code {result.returncode})")


def executable(name: str) -> Path:
    return BUNDLE / (name + ".exe" if sys.platform == "win32" else name)


def check_bundle() -> None:
    for name in ("hulpmix-console", "hulpmix-console-debug"):
        if not executable(name).exists():
            raise BuildError(f"{executable(name)} was not built")
    # console/app.py resolves <bundle>/_internal/console/app.pyc -> _internal/resources/...
    internal = BUNDLE / "_internal"
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = internal / "resources" / "translations" / ts.with_suffix(".qm").name
        if not qm.exists():
            raise BuildError(f"{qm} is missing from the bundle: the interface would be English")
    leaked = [
        name
        for name in (
            "fastapi",
            "sqlalchemy",
            "uvicorn",
            "alembic",
            "psycopg",
            "psycopg_binary",
            "ortools",
            "numpy",
            "pandas",
        )
        if (internal / name).exists()
    ]
    if leaked:
        raise BuildError(f"server-only packages in the bundle: {', '.join(leaked)}")
    say(f"bundle: {BUNDLE}")


def smoke_test() -> None:
    """Start the bundled program with --help: it must import and print its usage."""
    exe = executable("hulpmix-console-debug")
    result = subprocess.run(
        [str(exe), "--help"], capture_output=True, text=True, timeout=120, check=False
    )
    if result.returncode != 0 or "Hulpmix staff console" not in result.stdout:
        raise BuildError(
            f"{exe.name} --help failed (exit code {result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    say(f"{exe.name} --help works")


def find_iscc() -> Path:
    if os.environ.get("ISCC"):
        return Path(os.environ["ISCC"])
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return Path(found)
    for place in ISCC_PLACES:
        if (place / "ISCC.exe").exists():
            return place / "ISCC.exe"
    raise BuildError(
        "Inno Setup's compiler (ISCC.exe) was not found. Install Inno Setup 6.3 or later "
        "from https://jrsoftware.org/isinfo.php, or set ISCC to the path of ISCC.exe."
    )


def run_inno_setup() -> None:
    if sys.platform != "win32":
        raise BuildError("the installer (Inno Setup) can only be built on Windows")
    iscc = find_iscc()
    command = [
        str(iscc),
        f"/DAppVersion={version()}",
        f"/DBuildDir={BUNDLE}",
        f"/DOutputDir={INSTALLER_OUT}",
        str(ISS),
    ]
    say("running " + " ".join(command))
    result = subprocess.run(command, cwd=HERE, check=False)
    if result.returncode != 0:
        raise BuildError(f"Inno Setup failed (exit code {result.returncode})")
    say(f"installer: {INSTALLER_OUT}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--installer", action="store_true", help="also build the Windows installer (Inno Setup)"
    )
    parser.add_argument(
        "--no-smoke-test", action="store_true", help="do not start the built program with --help"
    )
    args = parser.parse_args(argv)
    try:
        say(f"Hulpmix console {version()} on {sys.platform}, Python {sys.version.split()[0]}")
        check_pyinstaller()
        check_console_importable()
        check_translations()
        run_pyinstaller()
        check_bundle()
        if not args.no_smoke_test:
            smoke_test()
        if args.installer:
            run_inno_setup()
    except BuildError as exc:
        print(f"build: ERROR: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
