"""The migrated schema is exactly the metadata, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from server.db import Database, metadata
from server.db.migrate import upgrade
from server.db.tables import event_counter, server_secrets
from tests.support.pg import PgCluster


def _diffs(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def _check(db: Database) -> None:
    upgrade(db)
    upgrade(db)  # a second run is a no-op
    assert _diffs(db) == []
    with db.read() as conn:
        # One "log.started" event, once, however often the migration runs.
        assert conn.execute(select(event_counter.c.value)).scalar_one() == 1
        assert conn.execute(select(server_secrets.c.name)).scalars().all() == ["token_signing_key"]
    db.dispose()


def test_sqlite_schema_matches_metadata(tmp_path: Path) -> None:
    _check(Database(f"sqlite:///{tmp_path / 'm.db'}"))


@pytest.mark.postgres
def test_postgresql_schema_matches_metadata(pg_cluster: PgCluster) -> None:
    _check(Database(pg_cluster.create_database()))
