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
    ensure_secret(db, TOKEN_SECRET_NAME)


__all__ = ["TOKEN_SECRET_NAME", "alembic_config", "ensure_secret", "upgrade"]
