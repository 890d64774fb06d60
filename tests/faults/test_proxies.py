"""Network faults between the console and the server, through proxies we control (issue 7).

Every test runs the console's real services (Transport, SyncService, ChatService, the
store and its outbox) against the real server over HTTPS, with a youth driven over HTTP,
and a proxy in between: a TLS-inspecting one whose root we mint (tests/support/mitm.py)
with faults on top (tests/support/faultproxy.py), or a tunnel that cuts idle connections.
Switch times are printed as figures (`-s` shows them); no test passes or fails on speed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from console.domain.routing import StaffStatus
from console.services.chat import ChatService
from console.services.errors import TlsUntrusted
from console.services.keyrings import MemoryKeyring
from console.services.session import Session
from console.services.store import Store, store_path
from console.services.sync import LONG_POLL, SSE, ConnectionState, SyncService
from console.services.team import TeamChannel
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.chat import StaffMember, query
from tests.support.chat import until as sync_until
from tests.support.faultproxy import EVENTS_PATH, FaultProxy, IdleCutProxy, SseMode
from tests.support.mitm import INSPECTION_CA_NAME, TestCA
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.support.youth import YouthSide, chat_server


@pytest.fixture(scope="module")
def inspection_ca(tmp_path_factory: pytest.TempPathFactory) -> TestCA:
    return TestCA(tmp_path_factory.mktemp("inspection"))


@pytest.fixture(scope="module")
def chat_srv(tmp_path_factory: pytest.TempPathFactory, dev_certs: Path) -> Iterator[RunningServer]:
    """A chat server for this module (youths wait 300 s); `desk` cleans up after each test."""
    running = chat_server(
        tmp_path_factory.mktemp("faults"),
        dev_certs,
        HULPMIX_CHAT_GRACE="300",
        HULPMIX_YOUTH_RATE="100",  # item 7's youth types faster than a person
    )
    yield running
    running.stop()


class Desk:
    """The youths and helpers of one test, so the next test finds an empty queue."""

    def __init__(self, server: RunningServer) -> None:
        self.server = server
        self.youths: list[YouthSide] = []
        self.helpers: set[str] = set()

    def youth(self) -> YouthSide:
        self.youths.append(YouthSide(self.server))
        return self.youths[-1]

    def clean_up(self) -> None:
        with self.server.client() as client:
            for youth in self.youths:
                if youth.token:
                    client.post(
                        f"/api/v1/youth/chats/{youth.chat_id}/end",
                        headers={"Authorization": f"Bearer {youth.token}"},
                    )
            for username in self.helpers:
                member = StaffMember(client, username)
                member.offline()
                member.sync(0)
                for chat_id in member.pending():
                    answer = member.register(chat_id)
                    assert answer.status_code in (200, 201), answer.text
            waiting = lambda: client.get("/api/v1/youth/status").json()["waiting"] == 0  # noqa: E731
            sync_until(waiting, what="an empty queue after the test")


@pytest.fixture
def desk(chat_srv: RunningServer) -> Iterator[Desk]:
    here = Desk(chat_srv)
    yield here
    here.clean_up()


@pytest.fixture
def inspecting(inspection_ca: TestCA, dev_certs: Path) -> Iterator[FaultProxy]:
    proxy = FaultProxy(inspection_ca, dev_certs / "ca.pem")
    yield proxy
    proxy.close()


async def in_thread(fn, *args):
    return await asyncio.to_thread(fn, *args)


@dataclass
class Helper:
    transport: Transport
    store: Store
    sync: SyncService
    chat: ChatService
    assigned: list[int]
    username: str
    #: (monotonic time, state, transport) for every change the indicator showed.
    states: list[tuple[float, ConnectionState, str]] = field(default_factory=list)
    remembered: dict[str, str] = field(default_factory=dict)


@contextlib.asynccontextmanager
async def helper_via(
    server: RunningServer,
    tmp_path: Path,
    username: str,
    *,
    proxy: str,
    ca_file: Path,
    use_sse: bool,
) -> AsyncIterator[Helper]:
    """A helper's console services whose every request goes through `proxy`, trusting
    `ca_file` as IT would install it (the inspecting proxy's root, or the server's)."""
    settings = Settings(
        server_url=server.url,
        extra_ca_file=str(ca_file),
        proxy_mode="manual",
        proxy_url=proxy,
    )
    transport = Transport(settings)
    keyring = MemoryKeyring()
    user = await Session(transport, keyring).login(username, DEMO_PASSWORD, remember=False)
    store = Store(store_path(tmp_path / username, server.url, username), keyring, username)
    remembered: dict[str, str] = {}
    sync = SyncService(
        transport,
        store,
        use_sse=use_sse,
        recall_transport=remembered.get,
        remember_transport=remembered.__setitem__,
    )
    chat = ChatService(store, sync, transport, user.id)
    helper = Helper(transport, store, sync, chat, [], username, remembered=remembered)
    chat.assigned.connect(helper.assigned.append)
    sync.state_changed.connect(
        lambda state, name, _error: helper.states.append((time.monotonic(), state, name))
    )
    sync.start()
    try:
        yield helper
    finally:
        await sync.stop()
        await transport.aclose()
        store.close()


def spoken(helper: Helper, chat_id: int) -> list[tuple[int | None, str, str]]:
    """What the chat window shows of the conversation (the model the UI reads)."""
    return [
        (m.seq, m.sender, m.text)
        for m in helper.chat.messages(chat_id)
        if m.sender in ("youth", "helper")
    ]


async def take_a_chat(desk: Desk, helper: Helper, youth: YouthSide) -> int:
    desk.helpers.add(helper.username)
    await until(lambda: helper.sync.state is ConnectionState.ONLINE, what="online")
    await helper.chat.set_status(StaffStatus.AVAILABLE)
    await in_thread(youth.start)
    await until(lambda: youth.chat_id in helper.assigned, what="assignment")
    return youth.chat_id


async def youth_catches_up(youth: YouthSide, count: int) -> None:
    async def poll() -> None:
        while len(youth.messages()) < count:
            await in_thread(youth.poll, 1.0)

    await asyncio.wait_for(poll(), 60)


def stored(server: RunningServer, chat_id: int, sender: str) -> list[dict[str, Any]]:
    return query(
        server,
        "SELECT seq, txn_id FROM chat_messages WHERE chat_id = :c AND sender = :s ORDER BY seq",
        c=chat_id,
        s=sender,
    )


# --- 1. a proxy that refuses or mangles the stream ---------------------------------------


@pytest.mark.parametrize("mode", [SseMode.REFUSE, SseMode.BLOCK_PAGE, SseMode.STRIP])
def test_a_proxy_that_refuses_or_strips_the_stream_leaves_the_console_on_long_poll(
    chat_srv, desk, inspecting, inspection_ca, tmp_path, mode
):
    """Issue 7, item 1. The stream upgrade never works; the chat runs on long-poll.

    Printed as a figure: from start to "the stream was turned away (REFUSE, BLOCK_PAGE:
    answered with a page; STRIP: asked for and held back, headers stripped) and the console
    online on long-poll". The console never shows the stream as active, and a message each
    way arrives exactly once.
    """
    inspecting.sse = mode
    youth = desk.youth()

    def turned_away(h: Helper) -> bool:
        if mode == SseMode.STRIP:
            return any(e.path == EVENTS_PATH for e in inspecting.exchanges)
        return inspecting.counters.refused_streams >= 1

    async def scenario() -> None:
        began = time.monotonic()
        async with helper_via(
            chat_srv,
            tmp_path,
            "bjzg.helper2",
            proxy=inspecting.url,
            ca_file=inspection_ca.ca_file,
            use_sse=True,
        ) as h:
            await until(
                lambda: (
                    turned_away(h)
                    and h.sync.state is ConnectionState.ONLINE
                    and h.sync.transport_name == LONG_POLL
                ),
                what="the stream turned away and the console on long-poll",
            )
            print(
                f"\n[figure] {mode}: on long-poll, stream refused, after "
                f"{time.monotonic() - began:.2f} s"
            )
            if mode == SseMode.STRIP:
                # Headers held back too: the hello deadline covers them, so the network is
                # remembered as long-poll only after one try (not three 35 s read timeouts).
                await until(
                    lambda: any(v.startswith(LONG_POLL) for v in h.remembered.values()),
                    what="the network remembered as long-poll only",
                )
            chat_id = await take_a_chat(desk, h, youth)
            await in_thread(youth.say, "komt dit aan zonder stream?")
            h.chat.send(chat_id, "Ja, via long-poll.")
            await until(
                lambda: (
                    [(s, t) for _, s, t in spoken(h, chat_id) if _ is not None]
                    == [("youth", "komt dit aan zonder stream?"), ("helper", "Ja, via long-poll.")]
                ),
                what="both lines, once each",
            )
            await youth_catches_up(youth, 2)
            assert youth.messages() == spoken(h, chat_id)
            assert h.sync.transport_name == LONG_POLL
            assert (ConnectionState.ONLINE, SSE) not in [(s, n) for _, s, n in h.states]
            assert not any(s is ConnectionState.OFFLINE for _, s, _ in h.states)
        assert len(stored(chat_srv, chat_id, "helper")) == 1

    asyncio.run(scenario())


# --- 3. a TLS-inspecting proxy -----------------------------------------------------------


def test_an_inspecting_proxy_whose_root_is_installed_works(
    demo_sqlite_server, inspecting, inspection_ca, tmp_path
):
    """Issue 7, item 3 (trusted): everything, the event stream included, runs through it."""
    server = demo_sqlite_server

    async def scenario() -> None:
        transport = Transport(
            Settings(
                server_url=server.url,
                extra_ca_file=str(inspection_ca.ca_file),
                proxy_mode="manual",
                proxy_url=inspecting.url,
            )
        )
        keyring = MemoryKeyring()
        await Session(transport, keyring).login("bjzo.trainee1", DEMO_PASSWORD, remember=False)
        store = Store(tmp_path / "s.db", keyring, "k")
        sync = SyncService(transport, store, use_sse=True)
        channel = TeamChannel(store, sync)
        sync.start()
        try:
            await until(lambda: sync.transport_name == SSE, what="the stream through the proxy")
            with server.client() as direct:
                token = direct.post(
                    "/api/v1/session",
                    json={"username": "bjzo.helper2", "password": DEMO_PASSWORD},
                ).json()["access_token"]
                direct.put(
                    "/api/v1/team/messages/inspected-0001",
                    json={"text": "door de inspecterende proxy"},
                    headers={"Authorization": f"Bearer {token}"},
                ).raise_for_status()
            await until(
                lambda: "door de inspecterende proxy" in [m.text for m in channel.messages()],
                what="the message through the inspecting proxy",
            )
        finally:
            await sync.stop()
            store.close()
            await transport.aclose()

    asyncio.run(scenario())
    assert inspecting.refused_handshakes == 0
    paths = {e.path for e in inspecting.exchanges}
    assert {"/api/v1/session", "/api/v1/sync", "/api/v1/events"} <= paths


def test_an_inspecting_proxy_whose_root_is_not_trusted_is_named_and_never_bypassed(
    demo_sqlite_server, inspecting, tmp_path
):
    """Issue 7, item 3 (untrusted): a clear error naming the proxy's issuer, and not one
    request reaches the server through it, neither at login nor from the sync loop."""
    server = demo_sqlite_server

    async def scenario() -> tuple[TlsUntrusted, TlsUntrusted, SyncService]:
        # The console trusts the real server's CA, but not the proxy's: still refused.
        transport = Transport(
            Settings(
                server_url=server.url,
                extra_ca_file=str(server.ca_file),
                proxy_mode="manual",
                proxy_url=inspecting.url,
            )
        )
        store = Store(tmp_path / "s.db", MemoryKeyring(), "k")
        sync = SyncService(transport, store, use_sse=True)
        try:
            with pytest.raises(TlsUntrusted) as at_login:
                await Session(transport, MemoryKeyring()).login(
                    "bjzo.trainee1", DEMO_PASSWORD, remember=False
                )
            sync.start()
            await until(lambda: sync.state is ConnectionState.OFFLINE, what="offline")
            assert isinstance(sync.last_error, TlsUntrusted)
            handshakes = inspecting.refused_handshakes
            await asyncio.sleep(3)  # a fallback or a retry storm would show in this time
            assert inspecting.refused_handshakes == handshakes, "no retry storm"
            return at_login.value, sync.last_error, sync
        finally:
            await sync.stop()
            store.close()
            await transport.aclose()

    at_login, in_sync, sync = asyncio.run(scenario())
    for error in (at_login, in_sync):
        assert error.issuer is not None and INSPECTION_CA_NAME in error.issuer
    assert sync.state is ConnectionState.OFFLINE
    assert inspecting.refused_handshakes >= 2
    assert inspecting.upstream_requests == 0, "nothing went through after the refusal"
    assert inspecting.exchanges == []


# --- 5. idle connections cut at 30 s and at 60 s -----------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("idle", [30.0, 60.0], ids=["cut-30s", "cut-60s"])
def test_heartbeats_and_poll_timeouts_outlive_a_proxy_that_cuts_idle_connections(
    chat_srv, desk, tmp_path, idle
):
    """Issue 7, item 5. Waits for real: two quiet chats (one helper on the stream, one on
    long-poll) stay silent for the cut plus 5 s, so this takes ~40 s (30 s cut) or
    ~70 s (60 s cut). The stream's 15 s keep-alive and the 25 s poll hold keep bytes
    moving; afterwards a message each way arrives exactly once in both chats."""
    proxy = IdleCutProxy(idle)
    youths = {"sse": desk.youth(), "poll": desk.youth()}
    names = {"sse": "bjzg.helper2", "poll": "bjzo.helper2"}

    async def canary() -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """An idle tunnel of our own: proof that the proxy really cuts."""
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        target = f"127.0.0.1:{chat_srv.port}"
        writer.write(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode())
        await writer.drain()
        assert (await reader.readline()).startswith(b"HTTP/1.1 200")
        await reader.readline()
        return reader, writer

    async def youth_listens(youth: YouthSide, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await in_thread(youth.poll, 5.0)

    async def scenario() -> None:
        async with contextlib.AsyncExitStack() as stack:
            helpers: dict[str, Helper] = {}
            chats: dict[str, int] = {}
            for key in ("sse", "poll"):
                helpers[key] = await stack.enter_async_context(
                    helper_via(
                        chat_srv,
                        tmp_path,
                        names[key],
                        proxy=proxy.url,
                        ca_file=chat_srv.ca_file,
                        use_sse=key == "sse",
                    )
                )
                chats[key] = await take_a_chat(desk, helpers[key], youths[key])
            await until(lambda: helpers["sse"].sync.transport_name == SSE, what="stream")
            stop = asyncio.Event()
            listeners = [asyncio.create_task(youth_listens(y, stop)) for y in youths.values()]
            idle_reader, idle_writer = await canary()
            quiet_from = time.monotonic()
            await asyncio.sleep(idle + 5.0)  # the quiet chat: nobody types
            try:
                cut = await asyncio.wait_for(idle_reader.read(1), 5) == b""
            except ConnectionResetError:
                cut = True
            idle_writer.close()
            for key, h in helpers.items():
                await in_thread(youths[key].say, f"nog daar? ({key})")
                h.chat.send(chats[key], f"Ja, nog steeds. ({key})")
            for key, h in helpers.items():
                await until(
                    lambda h=h, key=key: (
                        [(s, t) for q, s, t in spoken(h, chats[key]) if q]
                        == [("youth", f"nog daar? ({key})"), ("helper", f"Ja, nog steeds. ({key})")]
                    ),
                    what=f"both lines once ({key})",
                )
                await until(lambda y=youths[key]: len(y.messages()) >= 2, what="youth sees it")
                assert youths[key].messages() == spoken(h, chats[key])
            stop.set()
            await asyncio.gather(*listeners)
            for key, h in helpers.items():
                during = [(s, n) for t, s, n in h.states if t >= quiet_from]
                print(f"\n[figure] idle cut {idle:.0f} s, {key}: states after the quiet: {during}")
                assert not any(s is ConnectionState.OFFLINE for _, s, _ in h.states)
                reconnects = [s for s, _ in during if s is ConnectionState.RECONNECTING]
                assert len(reconnects) <= 1, f"{key}: more than one reconnect: {during}"
                assert h.sync.state is ConnectionState.ONLINE
            assert cut, "the proxy did not cut an idle tunnel: the test proved nothing"

    try:
        asyncio.run(scenario())
    finally:
        proxy.close()
    assert proxy.cuts >= 1
    for key in ("sse", "poll"):
        assert len(stored(chat_srv, youths[key].chat_id, "helper")) == 1


# --- 6. the answer lost after the server stored -------------------------------------------


def test_a_reset_after_the_server_stored_a_message_is_retried_into_the_same_result(
    chat_srv, desk, inspecting, inspection_ca, tmp_path
):
    """Issue 7, item 6. The proxy forwards the helper's message, reads the server's answer
    and resets the console's connection instead of passing it on; the outbox sends the
    same client id again and the server answers with the message it already has."""
    youth = desk.youth()
    inspecting.watch = lambda r: r.method == "PUT" and "/messages/" in r.path

    async def scenario() -> tuple[Helper, int, str]:
        async with helper_via(
            chat_srv,
            tmp_path,
            "bjzg.helper2",
            proxy=inspecting.url,
            ca_file=inspection_ca.ca_file,
            use_sse=False,
        ) as h:
            chat_id = await take_a_chat(desk, h, youth)
            inspecting.reset_after_answer = 1
            txn_id = h.chat.send(chat_id, "Dit bericht komt precies één keer aan.")
            await until(lambda: h.store.outbox(state=None) == [], what="outbox drained")
            await until(lambda: [t for q, _, t in spoken(h, chat_id) if q], what="shown")
            assert [(s, t) for _, s, t in spoken(h, chat_id)] == [
                ("helper", "Dit bericht komt precies één keer aan.")
            ]
            await youth_catches_up(youth, 1)
            assert youth.messages() == spoken(h, chat_id)
            return h, chat_id, txn_id

    h, chat_id, txn_id = asyncio.run(scenario())
    assert inspecting.counters.resets == 1
    (first_status, first), (again_status, again) = inspecting.counters.watched
    assert first_status in (200, 201) and again_status in (200, 201)
    assert json.loads(again) == json.loads(first), "the retry returns the same result"
    assert [r["txn_id"] for r in stored(chat_srv, chat_id, "helper")] == [txn_id]
    states = [s for _, s, _ in h.states]
    assert ConnectionState.RECONNECTING in states, "the indicator told about the lost answer"
    assert states[-1] is ConnectionState.ONLINE and ConnectionState.OFFLINE not in states


# --- 7. the same events twice, and across a switch ------------------------------------------


def test_events_delivered_twice_and_across_a_transport_switch_are_shown_once(
    chat_srv, desk, inspecting, inspection_ca, tmp_path
):
    """Issue 7, item 7. On the stream every event arrives twice; then, while both sides
    keep talking, the stream is cut and refused and the first long-poll replays the log
    from before all of it. The chat window shows every line once, in order."""
    youth = desk.youth()
    inspecting.duplicate_events = True

    async def youth_talks(lines: list[str]) -> None:
        for line in lines:
            await in_thread(youth.say, line)
            await asyncio.sleep(0.3)

    async def scenario() -> tuple[list[tuple[int | None, str, str]], list[str], list[str]]:
        async with helper_via(
            chat_srv,
            tmp_path,
            "bjzg.helper2",
            proxy=inspecting.url,
            ca_file=inspection_ca.ca_file,
            use_sse=True,
        ) as h:
            await until(lambda: h.sync.transport_name == SSE, what="stream")
            chat_id = await take_a_chat(desk, h, youth)
            before = h.store.cursor
            first = [f"eerst {n}" for n in range(3)]
            await youth_talks(first)
            await until(lambda: len(spoken(h, chat_id)) == 3, what="three lines on the stream")
            assert inspecting.counters.duplicated_frames >= 3
            later = [f"daarna {n}" for n in range(8)]
            talking = asyncio.create_task(youth_talks(later))
            answers = []
            for n in range(4):
                await asyncio.sleep(0.4)
                if n == 1:  # mid-flow: the stream goes and is refused from now on
                    inspecting.sse = SseMode.REFUSE
                    inspecting.replay_since = before
                    inspecting.cut_streams()
                answers.append(f"antwoord {n}")
                h.chat.send(chat_id, answers[-1])
            await talking
            youth_lines = first + later
            await until(
                lambda: (
                    len([m for m in spoken(h, chat_id) if m[0] is not None])
                    >= len(youth_lines) + len(answers)
                ),
                what="every line",
            )
            await until(lambda: h.store.outbox(state=None) == [], what="outbox drained")
            assert h.sync.transport_name == LONG_POLL
            modes = [n for _, st, n in h.states if st is ConnectionState.ONLINE]
            assert modes[modes.index(SSE) :].count(LONG_POLL) >= 1, "switched while flowing"
            return spoken(h, chat_id), youth_lines, answers

    shown, youth_lines, answers = asyncio.run(scenario())
    assert [t for _, s, t in shown if s == "youth"] == youth_lines
    assert [t for _, s, t in shown if s == "helper"] == answers
    seqs = [q for q, _, _ in shown]
    assert None not in seqs and seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert inspecting.counters.replayed_polls == 1
    youth.poll()
    assert youth.messages() == shown
