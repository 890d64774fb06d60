"""The short soak run (bench/soak.py --minutes 2) as CI runs it: chats start and end for two
minutes with screening and roster edits alongside, and the total-queue checker finds every
acknowledged message delivered exactly once.

Slow by design: two minutes of chats plus set-up (about 2.5 minutes in all). It asserts the
checker's counts and that work was done; never time or memory (those are printed figures).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECKER = re.compile(
    r"^checker: (?P<chats>\d+) chats, (?P<sent>\d+) sent, (?P<acked>\d+) acknowledged, "
    r"(?P<delivered>\d+) delivered, (?P<lost>\d+) lost, (?P<duplicated>\d+) duplicated, "
    r"(?P<reordered>\d+) reordered, (?P<unexpected>\d+) unexpected",
    re.MULTILINE,
)


def figure(pattern: str, text: str) -> int:
    found = re.search(pattern, text, re.MULTILINE)
    assert found, f"no line matching {pattern!r} in:\n{text}"
    return int(found.group(1))


@pytest.mark.slow
def test_two_minutes_of_chats_lose_and_double_nothing():
    run = subprocess.run(
        [sys.executable, str(REPO / "bench" / "soak.py"), "--minutes", "2"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,  # a hang guard, not a speed claim
        check=False,
    )
    out = run.stdout
    assert run.returncode == 0, f"exit {run.returncode}\n{out}\n{run.stderr[-4000:]}"

    chats = figure(r"^chats completed: (\d+)", out)
    assert figure(r"^chats completed: \d+ \(failed: (\d+)\)", out) == 0
    messages = figure(r"^messages: (\d+)", out)
    assert chats > 0
    assert messages > 0

    totals = CHECKER.search(out)
    assert totals, out
    counts = {k: int(v) for k, v in totals.groupdict().items()}
    assert counts["lost"] == 0
    assert counts["duplicated"] == 0
    assert counts["reordered"] == 0
    assert counts["unexpected"] == 0
    # The checker saw every message the run sent, each acknowledged and delivered once:
    # an empty or partial log cannot pass.
    assert counts["sent"] == messages
    assert counts["acked"] == messages
    assert counts["delivered"] == messages
    assert counts["chats"] >= chats
    assert figure(r"^screening: (\d+) posts posted", out) > 0
    assert figure(r"^roster: (\d+) block edits", out) > 0
