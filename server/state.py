"""The per-application runtime the routes share, kept on `app.state.hulpmix`."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from server.config import Settings
from server.db.database import Database
from server.fanout import Notifier
from server.throttle import ClientThrottle
from server.tokens import TokenSigner


@dataclass
class AppState:
    settings: Settings
    db: Database
    signer: TokenSigner
    client_throttle: ClientThrottle = field(default_factory=ClientThrottle)
    #: Set by the lifespan once the event loop runs.
    notifier: Notifier | None = None


def app_state(request: Request) -> AppState:
    state = request.app.state.hulpmix
    assert isinstance(state, AppState)
    return state
