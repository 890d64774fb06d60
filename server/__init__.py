"""Hulpmix HTTPS backend: FastAPI on uvicorn, SQLite or PostgreSQL, one ordered event log."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("hulpmix-console")
except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"
