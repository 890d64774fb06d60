"""Database access: tables, engines, transactions, migrations."""

from server.db.database import Database, make_engine, normalise_url
from server.db.tables import metadata, utcnow

__all__ = ["Database", "make_engine", "metadata", "normalise_url", "utcnow"]
