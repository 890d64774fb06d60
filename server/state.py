"""The per-application runtime the routes share, kept on `app.state.hulpmix`."""

from __future__ import annotations

from dataclasses import dataclass, field

from fastapi import Request

from server.chat.presence import PresenceBook
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
    #: Youths starting chats, per client address (memory only, never stored).
    new_chat_throttle: ClientThrottle = field(default_factory=lambda: ClientThrottle(60, 60.0))
    #: Resume-code attempts per client address.
    resume_throttle: ClientThrottle = field(default_factory=lambda: ClientThrottle(10, 60.0))
    #: Forum posts per client address per 10 minutes (limit set by create_app).
    forum_post_throttle: ClientThrottle = field(default_factory=lambda: ClientThrottle(5, 600.0))
    #: Youth messages per chat (limit set from the settings by create_app).
    youth_message_throttle: ClientThrottle = field(default_factory=ClientThrottle)
    #: Who is connected, noted in memory and written once a tick by the chat loop.
    presence: PresenceBook = field(default_factory=PresenceBook)
    #: Fernet secret for referral contact details.
    referral_secret: str = field(default="", repr=False)
    #: Seals intervision case notes (server/supervision/notes.py); read once at start.
    note_secret: str = field(default="", repr=False)
    #: Set by the lifespan once the event loop runs.
    notifier: Notifier | None = None


def app_state(request: Request) -> AppState:
    state = request.app.state.hulpmix
    assert isinstance(state, AppState)
    return state
