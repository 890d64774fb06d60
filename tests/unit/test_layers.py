"""The layer rules of docs/architecture.md, checked on every import statement."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

RULES = {
    # folder: forbidden top-level modules (prefix match on dotted names)
    "console/domain": ["PySide6", "qasync", "httpx", "sqlite3", "sqlite_utils", "keyring",
                       "console.services", "console.ui", "server"],
    "console/services": ["PySide6.QtWidgets", "PySide6.QtGui", "console.ui", "server"],
    "console/ui": ["httpx", "sqlite3", "sqlite_utils", "sqlalchemy", "server"],
    "console": ["fastapi", "sqlalchemy", "ortools", "alembic", "uvicorn", "pandas", "numpy"],
    "server": ["PySide6", "qasync", "console.ui", "console.services"],
}  # fmt: skip


def imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("folder", sorted(RULES))
def test_layers_only_point_down(folder):
    crossings = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for line, module in imports(path):
            for banned in RULES[folder]:
                if module == banned or module.startswith(banned + "."):
                    crossings.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert crossings == []


def test_the_console_never_loads_server_only_packages():
    code = (
        "import sys, console.app, console.ui.main_window, console.ui.settings_dialog, "
        "console.ui.diagnostics_dialog, console.services.sync, console.services.team, "
        "console.services.diagnostics, console.services.session\n"
        "heavy = ['fastapi', 'sqlalchemy', 'ortools', 'alembic', 'uvicorn', 'pandas', 'numpy', "
        "'starlette', 'psycopg', 'argon2']\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""


def test_the_login_window_needs_neither_httpx_nor_the_keyring_to_appear():
    """Start-up stays lean: heavy client packages load at login, not before the window."""
    code = (
        "import sys, console.app\n"
        "print(','.join(m for m in ['httpx', 'keyring', 'sqlite_utils', 'cryptography'] "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == ""
