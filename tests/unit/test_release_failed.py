"""A failed test's locals are freed before its fixtures are torn down, as on success.

Without tests/support/release_failed.py they outlive the test (held by its traceback),
and Qt objects among them die inside whatever test runs when they are finally collected.
Each case runs a small inner pytest session in a subprocess, once without and once with
the plugin, so the test shows both the hazard and the cure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

INNER = '''
import json, os, weakref
import pytest

EVENTS = []


class Widget:
    """Stands for a window a failing UI test leaves in its frame."""


@pytest.fixture
def loop_fixture():
    yield
    EVENTS.append("fixture torn down")


def test_fails_holding_a_widget(loop_fixture):
    widget = Widget()
    weakref.finalize(widget, EVENTS.append, "widget freed")
    assert widget is None, "fails on purpose"


def test_next():
    EVENTS.append("next test runs")
    with open(os.environ["EVENTS_FILE"], "w") as out:
        json.dump(EVENTS, out)
'''


def _events(tmp_path: Path, *plugin: str) -> list[str]:
    (tmp_path / "test_inner.py").write_text(INNER)
    out = tmp_path / "events.json"
    env = {
        **os.environ,
        "EVENTS_FILE": str(out),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *plugin, "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stdout + done.stderr  # exactly the deliberate failure
    assert "1 failed, 1 passed" in done.stdout, done.stdout
    events: list[str] = json.loads(out.read_text())
    return events


def test_without_the_plugin_a_failed_tests_locals_outlive_it(tmp_path: Path) -> None:
    # Still alive while the next test runs: freed whenever the cyclic collector gets to it.
    assert _events(tmp_path) == ["fixture torn down", "next test runs"]


def test_with_the_plugin_they_go_first_as_on_success(tmp_path: Path) -> None:
    events = _events(tmp_path, "-p", "tests.support.release_failed")
    assert events == ["widget freed", "fixture torn down", "next test runs"]


def test_this_suite_runs_with_the_plugin(pytestconfig: pytest.Config) -> None:
    assert pytestconfig.pluginmanager.has_plugin("tests.support.release_failed")
