"""Time from process start to a shown login window, against a bare PySide6 window.

    .venv/bin/python bench/startup.py [--runs 9]

Both are measured the same way in one run: the clock starts before the process is
spawned and stops when the child prints that its window is shown (after the first
pass of the event loop). Target (issue 2): console / bare <= 2.5 in the installed
console environment. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget()
w.resize(420, 300)
w.show()
def shown():
    print("startup-probe: bare window shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("startup-probe:"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"no startup-probe line from {cmd}")
    proc.wait(timeout=30)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "HULPMIX_CONFIG_DIR": tmp,
            "HULPMIX_DATA_DIR": tmp,
            "HULPMIX_POLICY_FILE": str(Path(tmp) / "no-policy.json"),
        }
        bare_cmd = [sys.executable, "-c", BARE]
        console_cmd = [sys.executable, "-m", "console", "--startup-probe"]
        timed(bare_cmd, env)  # warm the file cache for both, once
        timed(console_cmd, env)
        bare, console = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            bare.append(timed(bare_cmd, env))
            console.append(timed(console_cmd, env))
    b, c = statistics.median(bare), statistics.median(console)
    print(f"platform: {env['QT_QPA_PLATFORM']}, python {sys.version.split()[0]}, runs: {args.runs}")
    for name, median, runs in (
        ("bare PySide6 window", b, bare),
        ("console login window", c, console),
    ):
        low, high = min(runs) * 1000, max(runs) * 1000
        print(f"{name}: median {median * 1000:.0f} ms (min {low:.0f}, max {high:.0f})")
    print(f"ratio console / bare: {c / b:.2f} (target <= 2.5)")


if __name__ == "__main__":
    main()
