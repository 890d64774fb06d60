"""A settled worker's collector walks a held request's objects at most twice.

At 200 chats the server holds 400 long-polls, each ~300 live objects. With the earlier
thresholds those piled up in the young generations and every young collection walked them
all (50-85 ms, docs/performance.md). `gctune.settle` sets thresholds under which an object
that stays alive is in the oldest generation after two automatic collections. Runs in a
child interpreter: settling freezes and retunes the whole process, which must not leak into
the rest of the test session.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import gc, json, sys
from server import gctune

settle = sys.argv[1] == "settle"
if settle:
    gctune.settle(gctune.DEFAULT_YOUNG_THRESHOLD)
else:
    gc.collect()

collections = []
gc.callbacks.append(lambda phase, info: phase == "stop" and collections.append(info["generation"]))

held = {"request": [object()]}  # stands for a held long-poll's objects

def generation_of(obj):
    for generation in range(3):
        if any(o is obj for o in gc.get_objects(generation)):
            return generation
    return None

churn = []
while len(collections) < 2:
    churn.append([[] for _ in range(50)])  # new objects, as the next requests make
print(json.dumps({
    "thresholds": gc.get_threshold(),
    "collections": collections,
    "held_in": generation_of(held),
    "frozen": gc.get_freeze_count(),
}))
"""


def run_child(mode: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_held_object_reaches_the_oldest_generation_after_two_collections() -> None:
    settled = run_child("settle")
    assert settled["thresholds"] == [1000, 0, 1000]
    assert settled["collections"] == [0, 1]  # young, then young and middle together
    assert settled["held_in"] == 2
    assert isinstance(settled["frozen"], int) and settled["frozen"] > 0


def test_python_defaults_keep_it_young_for_longer() -> None:
    """The contrast that makes the first test meaningful: with Python's own thresholds the
    same object is still in the middle generation after two collections."""
    default = run_child("default")
    assert default["thresholds"] == [700, 10, 10]
    assert default["collections"] == [0, 0]
    assert default["held_in"] == 1
