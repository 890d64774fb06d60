import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_string_has_a_dutch_translation_and_the_qm_is_built():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_server_times_are_shown_in_local_time(monkeypatch):
    import time

    from console.ui.models.team_messages import local_time

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        assert local_time("2026-11-23T15:05:00Z") == "16:05"  # CET, winter
        assert local_time("2026-07-01T15:05:00+00:00") == "17:05"  # CEST, summer
        assert local_time("not a time") == "not a time"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
