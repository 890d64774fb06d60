"""Run the Alembic migrations packaged in server/migrations, without an alembic.ini."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from server.db.database import Database
from server.db.secrets import TOKEN_SECRET_NAME, ensure_secret

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the schema to `revision` and make sure the token signing secret exists."""
    config = alembic_config()
    with db.write() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    if revision == "head":
        start_log(db)
    ensure_secret(db, TOKEN_SECRET_NAME)


def start_log(db: Database) -> None:
    """Give an empty event log its first event, so a client that has nothing (cursor 0)
    always gets a reset with a snapshot: the chat board matters before anything happened."""
    from server.events import append_event, read_head

    with db.write() as conn:
        if read_head(conn) == 0:
            append_event(conn, "system", "log.started", "system", {})


__all__ = ["TOKEN_SECRET_NAME", "alembic_config", "ensure_secret", "upgrade"]
