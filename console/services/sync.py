"""Follow the server's event log and drain the outbox, through whatever the network allows.

Long-poll is the base and always works through a proxy that allows HTTPS at all. SSE is
an upgrade probed in the background: a stream whose `hello` does not arrive within 5 s
sits behind a buffering proxy, one that goes silent for 35 s (the server sends a
keep-alive every 15 s) has been cut. Either way the console falls back to long-poll and
remembers the answer for this network. Both paths apply events through the store, which
skips what it already has, so an overlap during a switch shows nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import time
from collections.abc import Callable
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from console.domain.backoff import Backoff
from console.services.errors import (
    ApiError,
    Offline,
    ProxyAuthRequired,
    ServerError,
    TlsUntrusted,
    TransportError,
    Unauthorized,
)
from console.services.signals import Signal
from console.services.store import OutboxItem, Store
from console.services.transport import POLL_TIMEOUT, SseEvent, Transport, decode_event_data

log = logging.getLogger(__name__)

LONG_POLL = "long-poll"
SSE = "sse"
SSE_HELLO_TIMEOUT = 5.0
SSE_STALL_TIMEOUT = 35.0
#: How long a network remembered as "buffers SSE" is left alone before probing again.
SSE_REPROBE_AFTER = 3600.0
#: Events applied in one local transaction before the event loop gets a turn: a backlog
#: of thousands (back online after a while) must not freeze the console while it lands.
APPLY_CHUNK = 50


class ConnectionState(StrEnum):
    CONNECTING = "connecting"
    ONLINE = "online"
    RECONNECTING = "reconnecting"
    OFFLINE = "offline"  # a person must act: log in again, proxy credentials, certificate


def network_key(transport: Transport) -> str:
    """Which network we are on, as far as transports go: the proxy, or our local subnet."""
    if transport.proxy:
        parts = urlsplit(transport.proxy)
        return f"proxy:{parts.hostname}:{parts.port}"
    host = urlsplit(transport.base_url).hostname or "localhost"
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((host, 443))  # UDP connect sends nothing; it picks the route
            local = probe.getsockname()[0]
    except OSError:
        local = "unknown"
    return f"direct:{'.'.join(local.split('.')[:3])}"


class SyncService:
    def __init__(
        self,
        transport: Transport,
        store: Store,
        *,
        recall_transport: Callable[[str], str | None] = lambda key: None,
        remember_transport: Callable[[str, str], None] = lambda key, value: None,
        backoff: Backoff | None = None,
        poll_timeout: float = POLL_TIMEOUT,
        sse_hello_timeout: float = SSE_HELLO_TIMEOUT,
        sse_stall_timeout: float = SSE_STALL_TIMEOUT,
        use_sse: bool = True,
    ) -> None:
        self.transport = transport
        self.store = store
        self.recall_transport = recall_transport
        self.remember_transport = remember_transport
        self.backoff = backoff or Backoff()
        self.poll_timeout = poll_timeout
        self.sse_hello_timeout = sse_hello_timeout
        self.sse_stall_timeout = sse_stall_timeout
        self.use_sse = use_sse
        self.network = network_key(transport)

        self.state = ConnectionState.CONNECTING
        self.transport_name = LONG_POLL
        self.last_error: TransportError | None = None

        #: (state, transport name, the error that caused it or None)
        self.state_changed: Signal[[ConnectionState, str, TransportError | None]] = Signal()
        #: Events newly applied to the store (after the local transaction committed).
        self.events_applied: Signal[[list[dict[str, Any]]]] = Signal()
        #: The server asked for a reset; the store now holds a fresh snapshot.
        self.reset_applied: Signal[[]] = Signal()
        #: An outbox item the server refused for good (409, 413, 422 …): the user decides.
        self.rejected: Signal[[OutboxItem, ApiError]] = Signal()
        self.outbox_changed: Signal[[]] = Signal()

        self._online = asyncio.Event()
        self._outbox_wake = asyncio.Event()
        self._retry_now = asyncio.Event()
        self._sse_active = False
        self._sse_inactive = asyncio.Event()
        self._sse_inactive.set()
        self._tasks: list[asyncio.Task[None]] = []
        self._resets_in_a_row = 0
        #: SSE events received and not yet applied: applied together on the next turn of
        #: the loop (or at APPLY_CHUNK), so a burst costs one transaction, not hundreds.
        self._sse_batch: list[dict[str, Any]] = []
        self._sse_flush: asyncio.Handle | None = None

    # --------------------------------------------------------------- control
    def start(self) -> None:
        if self._tasks:
            return
        loop = asyncio.get_event_loop()
        self._tasks = [
            loop.create_task(self._poll_loop(), name="sync-poll"),
            loop.create_task(self._outbox_loop(), name="sync-outbox"),
        ]
        if self.use_sse:
            self._tasks.append(loop.create_task(self._sse_loop(), name="sync-sse"))

    async def stop(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def retry_now(self) -> None:
        """Cut the current backoff short (the user pressed "retry now")."""
        self._retry_now.set()

    def wake_outbox(self) -> None:
        self._outbox_wake.set()

    def enqueue(self, txn_id: str, method: str, path: str, body: dict[str, Any]) -> None:
        self.store.enqueue(txn_id, method, path, body)
        self.outbox_changed.emit()
        self.wake_outbox()

    # ----------------------------------------------------------------- state
    def _set_state(
        self, state: ConnectionState, transport_name: str, error: TransportError | None = None
    ) -> None:
        if state is ConnectionState.ONLINE:
            self._online.set()
        else:
            self._online.clear()
        self.last_error = error
        if (state, transport_name) != (self.state, self.transport_name) or error is not None:
            self.state, self.transport_name = state, transport_name
            self.state_changed.emit(state, transport_name, error)

    def _lost(self, error: TransportError) -> None:
        log.info("connection lost: %s", error)
        self._set_state(ConnectionState.RECONNECTING, self.transport_name, error)

    def _stopped(self, error: TransportError) -> None:
        log.warning("sync stopped until someone acts: %s", error)
        self._set_state(ConnectionState.OFFLINE, self.transport_name, error)

    async def _pause(self, seconds: float) -> None:
        self._retry_now.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._retry_now.wait(), seconds)

    # -------------------------------------------------------------- applying
    def apply_answer(self, answer: dict[str, Any]) -> bool:
        """Apply one /sync answer; True when more is waiting (`limited`)."""
        next_cursor = int(answer.get("next", 0))
        if answer.get("reset"):
            self.store.reset(answer.get("snapshot") or {}, next_cursor)
            self._resets_in_a_row += 1
            self.reset_applied.emit()
            return bool(answer.get("limited"))
        self._resets_in_a_row = 0
        self._apply_events(answer.get("events") or [], next_cursor)
        return bool(answer.get("limited"))

    def _apply_events(self, events: list[dict[str, Any]], next_cursor: int) -> None:
        applied = self.store.apply(events, next_cursor)
        if applied:
            self.events_applied.emit(applied)

    async def poll_once(self, timeout: float | None = None) -> bool:
        answer = await self.transport.call(
            "GET",
            "/sync",
            params={
                "since": self.store.cursor,
                "timeout": self.poll_timeout if timeout is None else timeout,
            },
            timeout=(self.poll_timeout if timeout is None else timeout) + 10.0,
        )
        if not isinstance(answer, dict):
            raise ServerError(200, "sync answer is not an object")
        events = list(answer.get("events") or [])
        while not answer.get("reset") and len(events) > APPLY_CHUNK:
            # Both transports deliver the log in order from the cursor, so applying a
            # page in parts (cursor = the part's last seq) can skip nothing.
            chunk, events = events[:APPLY_CHUNK], events[APPLY_CHUNK:]
            self._apply_events(chunk, int(chunk[-1]["seq"]))
            await asyncio.sleep(0)
        return self.apply_answer({**answer, "events": events})

    # ------------------------------------------------------------- long-poll
    async def _poll_loop(self) -> None:
        while True:
            if self._sse_active:
                await self._sse_inactive.wait()
                continue
            # Until a poll has answered, ask without holding: proving the connection must
            # not wait for the next event (on a quiet server that could be 25 s).
            hold = self.poll_timeout if self.state is ConnectionState.ONLINE else 0.0
            try:
                limited = await self.poll_once(hold)
            except (Offline, ServerError) as exc:
                self._lost(exc)
                await self._reconnect()
                continue
            except (TlsUntrusted, ProxyAuthRequired, Unauthorized) as exc:
                self._stopped(exc)
                await self._pause(300.0)  # no retry storm: wait for a person (or 5 minutes)
                continue
            self.backoff.reset()
            if not self._sse_active:
                self._set_state(ConnectionState.ONLINE, LONG_POLL)
            if self._resets_in_a_row > 1:
                # A server that keeps resetting us must not be hammered in a tight loop.
                await asyncio.sleep(min(30.0, float(self._resets_in_a_row)))
            elif limited:
                await asyncio.sleep(0)

    async def _reconnect(self) -> None:
        """Back off with full jitter, pinging cheaply until the server answers."""
        while True:
            await self._pause(self.backoff.next_delay())
            try:
                await self.transport.ping()
                return
            except (Offline, ServerError) as exc:
                self._lost(exc)
            except (TlsUntrusted, ProxyAuthRequired) as exc:
                self._stopped(exc)
                await self._pause(300.0)

    # ------------------------------------------------------------------- SSE
    def _remember(self, transport_name: str) -> None:
        try:
            self.remember_transport(self.network, transport_name)
        except Exception:
            # Forgetting costs a probe next time; it must never stop the stream task.
            log.exception("could not remember the transport for %s", self.network)

    def _sse_allowed(self) -> bool:
        remembered = self.recall_transport(self.network)
        if remembered is None or remembered == SSE:
            return True
        # "long-poll:<unix time>" — buffering was seen then; probe again after a while.
        _, _, when = remembered.partition(":")
        try:
            return time.time() - float(when) > SSE_REPROBE_AFTER
        except ValueError:
            return False

    async def _sse_loop(self) -> None:
        failures = 0
        while True:
            await self._online.wait()
            if not self._sse_allowed():
                await asyncio.sleep(60.0)
                continue
            try:
                await self._run_sse()
                failures = 0
            except _SseReset:
                # Long-poll fetches the snapshot; the stream is fine and is tried again.
                log.info("the server asked for a reset; long-poll takes the snapshot")
            except _SseBuffered:
                log.info("SSE is buffered on network %s; staying on long-poll", self.network)
                self._remember(f"{LONG_POLL}:{time.time():.0f}")
            except (TransportError, _SseStalled) as exc:
                failures += 1
                log.info("SSE stream ended (%s); long-poll carries on", exc)
                if failures >= 3:
                    self._remember(f"{LONG_POLL}:{time.time():.0f}")
                    failures = 0
            finally:
                self._deactivate_sse()
            await asyncio.sleep(min(30.0, 2.0 * (failures + 1)))

    def _deactivate_sse(self) -> None:
        if self._sse_active:
            self._sse_active = False
            self._sse_inactive.set()
            if self.state is ConnectionState.ONLINE:
                self._set_state(ConnectionState.ONLINE, LONG_POLL)

    async def _run_sse(self) -> None:
        async with contextlib.AsyncExitStack() as opened:
            # One deadline for the answer's headers AND the hello: a proxy that holds back
            # the whole answer, headers included, is as buffering as one that holds back
            # only the events (it would otherwise count as a slow failure, three times).
            try:
                async with asyncio.timeout(self.sse_hello_timeout):
                    stream = await opened.enter_async_context(
                        self.transport.open_stream(
                            "/events",
                            params={"since": self.store.cursor},
                            read_timeout=self.sse_stall_timeout,
                        )
                    )
                    first = await anext(stream)
            except (TimeoutError, StopAsyncIteration):
                raise _SseBuffered() from None
            if first is None or first.event != "hello":
                raise _SseBuffered()
            self._sse_active = True
            self._sse_inactive.clear()
            self._remember(SSE)
            self._set_state(ConnectionState.ONLINE, SSE)
            try:
                async for item in stream:
                    if item is not None and self._apply_sse(item):
                        await asyncio.sleep(0)  # a full batch landed: the console's turn
            finally:
                self._flush_sse()
        raise _SseStalled("the server closed the stream")

    def _apply_sse(self, item: SseEvent) -> bool:
        """Take one SSE item; True when that applied a full batch."""
        if item.event == "reset":
            self._flush_sse()
            raise _SseReset()
        if item.event in ("hello", "message") and not item.id:
            return False
        self._sse_batch.append(decode_event_data(item))
        if len(self._sse_batch) >= APPLY_CHUNK:
            self._flush_sse()
            return True
        if self._sse_flush is None:
            self._sse_flush = asyncio.get_running_loop().call_soon(self._flush_sse)
        return False

    def _flush_sse(self) -> None:
        if self._sse_flush is not None:
            self._sse_flush.cancel()
            self._sse_flush = None
        batch, self._sse_batch = self._sse_batch, []
        if batch:
            self._apply_events(batch, int(batch[-1]["seq"]))

    # ---------------------------------------------------------------- outbox
    async def _outbox_loop(self) -> None:
        while True:
            item = self.store.next_pending()
            if item is None:
                self._outbox_wake.clear()
                await self._outbox_wake.wait()
                continue
            await self._online.wait()
            self.store.mark_attempt(item.txn_id)
            try:
                await self.transport.call(item.method, item.path, json_body=item.body)
            except (Offline, ServerError) as exc:
                # The same txn_id goes again once we are back: the server keeps it once.
                self._lost(exc)
                await self._online.wait()
                continue
            except (TlsUntrusted, ProxyAuthRequired) as exc:
                self._stopped(exc)
                continue
            except Unauthorized as exc:
                self._stopped(exc)
                continue
            except ApiError as exc:
                self.store.mark_failed(item.txn_id, f"{exc.status} {exc.code}: {exc.message}")
                self.rejected.emit(item, exc)
                self.outbox_changed.emit()
                continue
            self.store.mark_sent(item.txn_id)
            self.outbox_changed.emit()


class _SseBuffered(Exception):
    pass


class _SseStalled(Exception):
    pass


class _SseReset(Exception):
    pass
