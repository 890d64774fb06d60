"""Reading and appending events leaves no cyclic garbage behind.

Every long-poll, stream and message runs these functions. When they built their statements
per call, each call left SQLAlchemy's bound parameters behind as reference cycles, and the
young-generation collections that freed them stopped a serving worker for 60-80 ms every
few seconds at 200 chats (docs/performance.md). Here the cycles are counted directly: the
collector is told to keep what it finds (`DEBUG_SAVEALL`) instead of freeing it.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from server.db import Database
from server.db.migrate import upgrade
from server.events import append_event, oldest_seq, read_events, read_head
from tests.support.pg import PgCluster

ROUNDS = 40
STAFF_AUDIENCE = frozenset(
    {"all", "user:7", "inst:1", "role:helper", "inst:1:role:helper", "forum", "chat:3"}
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'garbage.db'}")
    else:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        database = Database(cluster.create_database())
    upgrade(database)
    try:
        yield database
    finally:
        database.dispose()


def _one_round(db: Database, i: int) -> int:
    with db.write() as conn:
        append_event(conn, "chat:3", "chat.message", "chat:3", {"text": f"regel {i}"})
    with db.read() as conn:
        read_head(conn)
        oldest_seq(conn)
        staff = read_events(conn, max(0, i - 1), STAFF_AUDIENCE)
        youth = read_events(conn, max(0, i - 1), frozenset({"chat:3", "youth:3"}))
    return len(staff.events) + len(youth.events)


def _cycles_left_by(db: Database, rounds: int) -> Counter[str]:
    """The objects the rounds left in reference cycles, by type."""
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        seen = sum(_one_round(db, i) for i in range(1, rounds + 1))
        gc.collect()
        found = Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert seen >= rounds, "the rounds must really have read the events they appended"
    return found


def test_the_event_log_leaves_no_cycles_per_request(db: Database) -> None:
    _cycles_left_by(db, 3)  # first use compiles and caches the statements: that stays
    found = _cycles_left_by(db, ROUNDS)
    per_round = sum(found.values()) / ROUNDS
    # Before the statements were built once: 196 bound parameters in cycles in 40 rounds
    # (with their dicts, sets and labels), on both databases.
    # A little slack for other threads of the test process that may allocate meanwhile.
    assert found["BindParameter"] < ROUNDS // 4, found.most_common(10)
    assert per_round < 1, found.most_common(10)
