"""bench/console_figures.py still runs: a tiny run prints every figure with its target.

It asserts nothing about the figures themselves (a benchmark never asserts on time): only
that the script builds its world (a real server, real consoles in child processes), that
each figure line is there with its target and a verdict, and that it exits 0.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_tiny_run_prints_every_figure_and_exits_0():
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "console_figures.py"),
            "--runs=1",
            "--messages=4",
            "--backlog=40",
            "--posts=20",
            "--transports",
            "long-poll",
            "sse",
        ],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    verdict = r"(met|NOT met)$"
    lines = out.splitlines()

    def one(pattern: str) -> list[str]:
        return [line for line in lines if re.search(pattern, line)]

    assert len(one(r"ratio console / bare: \d+\.\d\d \(target <= 2\.5\) " + verdict)) == 1
    pauses = one(r"longest pause \d+\.\d ms \(target < 50 ms\) " + verdict)
    assert len(pauses) == 2  # long-poll and SSE
    assert len(one(r"event-loop pause while 40 events arrive, long-poll")) == 1
    assert len(one(r"event-loop pause while 40 events arrive, sse")) == 1
    # Every message of the backlog reached every transcript: 4 + 10 per chat (+ system).
    assert len(one(r"transcripts now \[(\d+, ){3}\d+\] rows")) == 2
    assert len(one(r"memory \(VmRSS\) \d+ MB \(target < 250 MB\) " + verdict)) == 1
    assert len(one(r"screening queue \d+ rows")) == 1
    assert len(one(r"^load average before: \d")) == 1
    assert len(one(r"^load average after: \d")) == 1
