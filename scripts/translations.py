"""Keep the console's translations in step with the code.

    python scripts/translations.py update   # collect tr() strings into resources/translations/*.ts
    python scripts/translations.py build    # compile .ts to the .qm files the console loads
    python scripts/translations.py check    # exit 1: a string lacks a translation, or .qm is stale

Source strings are English; Dutch (the default) lives in console_nl.ts. Edit it with
Qt Linguist (`pyside6-linguist`) or by hand, then run `build` and commit both files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
QRC = ROOT / "resources" / "resources.qrc"
#: The .qm files compiled into a Qt resource module, so they travel inside the console
#: package in every kind of install (editable, wheel, PyInstaller bundle).
RC_MODULE = ROOT / "console" / "ui" / "resources_rc.py"
LANGUAGES = ["nl"]


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "console").rglob("*.py"))


def update(ts: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete", "-silent"],
        cwd=ROOT,
        check=True,
    )


def build(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def build_resources(out: Path) -> None:
    # Format 1 stores no file timestamps: the output depends on the content only, so a
    # fresh checkout (new mtimes) builds the same bytes and the staleness check is fair.
    subprocess.run(
        [_tool("pyside6-rcc"), "--format-version", "1", str(QRC), "-o", str(out)], check=True
    )


def unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            out.append(source)
            continue
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.findall("numerusform")]
        else:
            texts = [translation.text or ""]
        if not texts or not all(text.strip() for text in texts):
            out.append(source)
    return out


def check() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGUAGES:
            ts = TS_DIR / f"console_{lang}.ts"
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            update(copy)
            for source in unfinished(copy):
                problems.append(f"{lang}: no translation for {source!r}")
            qm = Path(tmp) / f"console_{lang}.qm"
            build(ts, qm)
            committed = TS_DIR / qm.name
            if not committed.exists() or committed.read_bytes() != qm.read_bytes():
                problems.append(
                    f"{lang}: {committed.name} is stale; run: python scripts/translations.py build"
                )
        module = Path(tmp) / RC_MODULE.name
        build_resources(module)
        if not RC_MODULE.exists() or RC_MODULE.read_bytes() != module.read_bytes():
            problems.append(f"{RC_MODULE.name} is stale; run: python scripts/translations.py build")
    return problems


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    for lang in LANGUAGES:
        ts = TS_DIR / f"console_{lang}.ts"
        if command == "update":
            update(ts)
        elif command == "build":
            build(ts, TS_DIR / f"console_{lang}.qm")
    if command == "build":
        build_resources(RC_MODULE)
    if command == "check":
        problems = check()
        print("\n".join(problems) or "translations are complete and built")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
