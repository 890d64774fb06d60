"""A helper's console services (no Qt) logged in to a real server, for chat tests."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from console.services.chat import ChatService
from console.services.keyrings import MemoryKeyring
from console.services.session import Session, User
from console.services.store import Store, store_path
from console.services.sync import SyncService
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.servers import RunningServer


@dataclass
class HelperConsole:
    transport: Transport
    store: Store
    sync: SyncService
    chat: ChatService
    assigned: list[int]
    user: User


@contextlib.asynccontextmanager
async def helper_console(
    server: RunningServer, tmp_path: Path, username: str, *, proxy: str = "", use_sse=False
) -> AsyncIterator[HelperConsole]:
    settings = Settings(
        server_url=server.url,
        extra_ca_file=str(server.ca_file),
        proxy_mode="manual" if proxy else "none",
        proxy_url=proxy,
    )
    transport = Transport(settings)
    keyring = MemoryKeyring()
    session = Session(transport, keyring)
    user = await session.login(username, DEMO_PASSWORD, remember=False)
    store = Store(store_path(tmp_path, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=use_sse)
    chat = ChatService(store, sync, transport, user.id)
    assigned: list[int] = []
    chat.assigned.connect(assigned.append)
    sync.start()
    try:
        yield HelperConsole(transport, store, sync, chat, assigned, user)
    finally:
        await sync.stop()
        await transport.aclose()
        store.close()
