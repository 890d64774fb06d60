"""Server settings: command-line flags over environment variables over defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from server.gctune import DEFAULT_YOUNG_THRESHOLD

DEFAULT_DATABASE_URL = "sqlite:///./hulpmix.db"

#: Environment variable for each setting that may come from the environment.
ENV_VARS: dict[str, str] = {
    "database_url": "HULPMIX_DATABASE_URL",
    "tls_cert": "HULPMIX_TLS_CERT",
    "tls_key": "HULPMIX_TLS_KEY",
    "secret_key": "HULPMIX_SECRET_KEY",
    "max_body_bytes": "HULPMIX_MAX_BODY_BYTES",
    "access_ttl": "HULPMIX_ACCESS_TTL",
    "refresh_ttl": "HULPMIX_REFRESH_TTL",
    "event_retention_days": "HULPMIX_EVENT_RETENTION_DAYS",
    "test_routes": "HULPMIX_TEST_ROUTES",
    "test_sse_hello_delay": "HULPMIX_TEST_SSE_HELLO_DELAY",
    "chat_grace": "HULPMIX_CHAT_GRACE",
    "presence_timeout": "HULPMIX_PRESENCE_TIMEOUT",
    "chat_tick": "HULPMIX_CHAT_TICK",
    "transcript_retention_days": "HULPMIX_TRANSCRIPT_RETENTION_DAYS",
    "referral_max_days": "HULPMIX_REFERRAL_MAX_DAYS",
    "referral_key": "HULPMIX_REFERRAL_KEY",
    "frame_ancestors": "HULPMIX_FRAME_ANCESTORS",
    "youth_rate": "HULPMIX_YOUTH_RATE",
    "forum_rate": "HULPMIX_FORUM_RATE",
    "resume_window": "HULPMIX_RESUME_WINDOW",
    "gc_young_threshold": "HULPMIX_GC_YOUNG_THRESHOLD",
}

_INT_FIELDS = {
    "max_body_bytes",
    "access_ttl",
    "refresh_ttl",
    "event_retention_days",
    "transcript_retention_days",
    "referral_max_days",
    "youth_rate",
    "forum_rate",
    "gc_young_threshold",
}
_FLOAT_FIELDS = {
    "test_sse_hello_delay",
    "chat_grace",
    "presence_timeout",
    "chat_tick",
    "resume_window",
}


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to know; immutable once built."""

    database_url: str = DEFAULT_DATABASE_URL
    tls_cert: Path | None = None
    tls_key: Path | None = None
    #: Secret for signing access tokens. None: a random one kept in the database.
    secret_key: str | None = field(default=None, repr=False)
    max_body_bytes: int = 65536
    access_ttl: int = 900
    refresh_ttl: int = 30 * 24 * 3600
    #: Events older than this are pruned; clients further behind get a reset.
    event_retention_days: int = 30
    #: Mount the test-only routes (a forced 500). Never in production.
    test_routes: bool = False
    #: Tests only (needs test_routes): hold the SSE hello back this many seconds, as a
    #: buffering proxy does, so the console's detection can be tested against this server.
    test_sse_hello_delay: float = 0.0
    #: Seconds a chat stays with a helper (or waits for a youth) whose connection dropped.
    chat_grace: float = 300.0
    #: Seconds without any request after which a connection counts as dropped. Above the
    #: long-poll hold (25 s) plus one SSE keep-alive (15 s).
    presence_timeout: float = 40.0
    #: How often the chat sweeper checks presence, grace windows and the queue.
    chat_tick: float = 1.0
    #: Chat transcripts are purged this many days after the chat ended.
    transcript_retention_days: int = 30
    #: Referral contact details are destroyed at the latest this many days after taking.
    referral_max_days: int = 30
    #: Fernet key for referral contact details. None: a random one kept in the database.
    referral_key: str | None = field(default=None, repr=False)
    #: The `frame-ancestors` of the youth's chat page (partner sites that may embed it).
    frame_ancestors: str = "'self'"
    #: Seconds a youth who closed the tab can rejoin with the resume code. A running chat
    #: waits that long for them too (at least the grace window) before it ends.
    resume_window: float = 900.0
    #: Messages a youth may send per 10 seconds.
    youth_rate: int = 10
    #: Forum posts a youth (one client address) may send per 10 minutes.
    forum_rate: int = 5
    #: A serving worker's young-generation garbage-collection threshold (server/gctune.py;
    #: Python's default is 700).
    gc_young_threshold: int = DEFAULT_YOUNG_THRESHOLD

    def __post_init__(self) -> None:
        for name in _INT_FIELDS | _FLOAT_FIELDS - {"test_sse_hello_delay"}:
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build from the environment; keyword overrides (flags) win when not None."""
        source = os.environ if env is None else env
        values: dict[str, Any] = {}
        for name, var in ENV_VARS.items():
            raw = source.get(var)
            if raw is None or raw == "":
                continue
            values[name] = _convert(name, raw)
        for name, value in overrides.items():
            if name not in ENV_VARS:
                raise TypeError(f"unknown setting {name!r}")
            if value is not None:
                values[name] = _convert(name, value) if isinstance(value, str) else value
        return cls(**values)

    def with_changes(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def to_env(self) -> dict[str, str]:
        """The environment that rebuilds these settings (for uvicorn worker processes)."""
        env: dict[str, str] = {}
        for name, var in ENV_VARS.items():
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, bool):
                env[var] = "1" if value else "0"
            else:
                env[var] = str(value)
        return env


def _convert(name: str, raw: str) -> Any:
    if name in _INT_FIELDS:
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{ENV_VARS[name]} must be an integer, not {raw!r}") from None
    if name in {"tls_cert", "tls_key"}:
        return Path(raw)
    if name in _FLOAT_FIELDS:
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"{ENV_VARS[name]} must be a number, not {raw!r}") from None
    if name == "test_routes":
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return raw
