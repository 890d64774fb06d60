"""Crashes: the console killed mid-send, the server killed mid-chat (issue 7, items 8 and 9).

Everything real: the console's services (in a child process that dies by SIGKILL, or in
this process), the server as `python -m server serve`, SQLite or PostgreSQL underneath.
Each test proves that no acknowledged message is lost or doubled, on the server and in
the transcripts both sides hold.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.domain.routing import StaffStatus
from console.services.store import Store, store_path
from console.services.sync import ConnectionState
from server.demo import DEMO_PASSWORD
from tests.support.chat import BACKENDS, CHAT_ENV, query, serve_fresh, until
from tests.support.console_process import (
    ConsoleProcess,
    FileKeyring,
    ProcessGone,
    store_key_name,
)
from tests.support.consoles import HelperConsole, helper_console
from tests.support.servers import RunningServer
from tests.support.waiting import until as until_async
from tests.support.youth import YouthSide, chat_server

GRACE_KEPT = {"HULPMIX_CHAT_GRACE": "300"}


@pytest.fixture
def quick_server(tmp_path: Path, dev_certs: Path) -> Iterator[RunningServer]:
    running = chat_server(tmp_path, dev_certs, **GRACE_KEPT)
    yield running
    running.stop()


def _spoken(state: dict[str, Any], chat_id: int) -> list[tuple[int, str, str]]:
    """The conversation in the console's transcript (what reached the server), by seq."""
    return [
        (m[0], m[1], m[2])
        for m in state["messages"].get(str(chat_id), [])
        if m[0] is not None and m[1] in ("youth", "helper")
    ]


def _stored_with(server: RunningServer, chat_id: int, txn_id: str) -> int:
    rows = query(
        server,
        "SELECT COUNT(*) AS n FROM chat_messages WHERE chat_id = :c AND txn_id = :t",
        c=chat_id,
        t=txn_id,
    )
    return int(rows[0]["n"])


def _wait_state(console: ConsoleProcess, condition, what: str, timeout: float = 60):
    found: list[dict[str, Any]] = []

    def check() -> bool:
        found[:] = [console.state()]
        return bool(condition(found[0]))

    until(check, timeout=timeout, what=what)
    return found[0]


@pytest.mark.parametrize("point", ["outbox", "upload"])
def test_a_console_killed_mid_send_loses_and_doubles_nothing_after_restart(
    quick_server: RunningServer, tmp_path: Path, point: str
) -> None:
    """SIGKILL right after the message entered the outbox (`outbox`: not uploaded yet),
    or right after the server answered its upload (`upload`: the acknowledgement never
    reached the store). A new process on the same store file and keyring (the workstation
    restarted) resumes the session, sends what is left, and shows every line once."""
    server = quick_server
    youth = YouthSide(server)
    workstation = tmp_path / "workstation"
    fatal = "Ben je er nog? Ik lees mee."
    first = ConsoleProcess(
        server.url,
        server.ca_file,
        workstation,
        "bjzo.helper2",
        DEMO_PASSWORD,
        kill_at=f"{point}:{fatal}",
    )
    try:
        assert first.hello["resumed"] is False
        first.ask("available")
        youth.start()
        chat = youth.chat_id
        _wait_state(
            first,
            lambda s: any(c["chat_id"] == chat and c["mine"] for c in s["chats"]),
            "the assignment",
        )
        youth.say("hoi, mag ik iets vragen?")
        first.ask("send", chat_id=chat, text="Natuurlijk, vertel maar.")
        _wait_state(
            first,
            lambda s: len(_spoken(s, chat)) == 2 and not s["outbox"],
            "the first two lines, delivered",
        )
        with pytest.raises(ProcessGone) as gone:
            first.ask("send", chat_id=chat, text=fatal)  # outbox: dies before it answers
            first.wait_dead()  # upload: answered, dies once the server has answered
            first.ask("state")
        assert gone.value.returncode == -signal.SIGKILL, first.tail()
    finally:
        first.stop()

    # What the dead console left on disk: the message still in its outbox.
    keyring = FileKeyring(first.keyring_path)
    path = store_path(workstation, server.url, "bjzo.helper2")
    left = Store(path, keyring, store_key_name("bjzo.helper2", server.url))
    try:
        queued = left.outbox(state=None)
    finally:
        left.close()
    assert [(i.state, i.body["text"]) for i in queued] == [("pending", fatal)]
    txn_id = queued[0].txn_id
    assert _stored_with(server, chat, txn_id) == (0 if point == "outbox" else 1)

    youth.say("hallo? ben je weg?")  # written while the console is dead
    second = ConsoleProcess(server.url, server.ca_file, workstation, "bjzo.helper2", "")
    try:
        assert second.hello["resumed"] is True, "the keyring remembered the session"
        assert second.user_id == first.user_id
        state = _wait_state(
            second,
            lambda s: not s["outbox"] and len(_spoken(s, chat)) == 4,
            "the outbox drained and the youth's line in",
        )
        youth.poll()
        while len(youth.messages()) < 4:
            youth.poll(2.0)
        mine = _spoken(state, chat)
        assert mine == youth.messages(), "both sides hold the same transcript"
        # Not uploaded before the kill: it reached the server after the youth's line.
        late = [("helper", fatal), ("youth", "hallo? ben je weg?")]
        if point == "outbox":
            late.reverse()
        assert [(m[1], m[2]) for m in mine] == [
            ("youth", "hoi, mag ik iets vragen?"),
            ("helper", "Natuurlijk, vertel maar."),
            *late,
        ]
        seqs = [m[0] for m in mine]
        assert seqs == sorted(set(seqs)), "ordered, each once"
        assert _stored_with(server, chat, txn_id) == 1, "exactly one message on the server"
        # The console shows it once: no pending copy beside the delivered one.
        lines = state["messages"][str(chat)]
        assert [m[2] for m in lines].count(fatal) == 1
        assert all(not m[4] and not m[5] for m in lines)
        view = next(c for c in state["chats"] if c["chat_id"] == chat)
        assert view["mine"] and view["helper_id"] == second.user_id, "still their chat"
        assert "handover" not in [e["kind"] for e in youth.events]
    finally:
        second.stop()


# --- the server killed mid-chat (item 9, first half) ------------------------------------------


@pytest.fixture(params=BACKENDS)
def chat_backend_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs, {**CHAT_ENV, **GRACE_KEPT})


def _kill(server: RunningServer) -> None:
    """SIGKILL, not a graceful stop: no drain, no goodbye to the open connections."""
    assert server.running
    server.kill()


def _helper_lines(helper: HelperConsole, chat_id: int) -> list[tuple[int, str, str]]:
    return [
        (m.seq, m.sender, m.text)
        for m in helper.chat.messages(chat_id)
        if m.seq is not None and m.sender in ("youth", "helper")
    ]


def test_the_server_killed_mid_chat_loses_and_doubles_nothing(
    chat_backend_server: RunningServer, tmp_path: Path
) -> None:
    """Youth and helper talking (the helper's console on Server-Sent Events, as the app
    starts); the server is killed with SIGKILL and started again on the same database and
    port. Both sides get every line once, in order; what the helper typed meanwhile goes
    out after the restart."""
    server = chat_backend_server
    youth = YouthSide(server)
    applied: list[int] = []

    async def scenario() -> None:
        async with helper_console(server, tmp_path, "ggze.helper2", use_sse=True) as h:
            h.sync.events_applied.connect(
                lambda events: applied.extend(
                    int(e["seq"]) for e in events if e["kind"] == "chat.message"
                )
            )
            await until_async(lambda: h.sync.state is ConnectionState.ONLINE, what="online")
            await h.chat.set_status(StaffStatus.AVAILABLE)
            await asyncio.to_thread(youth.start)
            chat = youth.chat_id
            await until_async(lambda: chat in h.assigned, what="assignment")
            await asyncio.to_thread(youth.say, "voor 1")
            h.chat.send(chat, "voor 2")
            await until_async(lambda: len(_helper_lines(h, chat)) == 2, what="before the kill")

            await asyncio.to_thread(_kill, server)
            await until_async(
                lambda: h.sync.state is ConnectionState.RECONNECTING, what="the loss seen"
            )
            h.chat.send(chat, "tijdens 1")
            h.chat.send(chat, "tijdens 2")
            await asyncio.to_thread(server.start)
            h.sync.retry_now()
            await asyncio.to_thread(youth.say, "na 1")
            h.chat.send(chat, "na 2")
            await until_async(lambda: h.store.outbox(state=None) == [], timeout=60, what="sent")
            await until_async(
                lambda: len(_helper_lines(h, chat)) == 6, timeout=60, what="all six lines"
            )
            assert h.sync.state is ConnectionState.ONLINE

            def youth_has_all() -> bool:
                youth.poll()
                return len(youth.messages()) >= 6

            await until_async(youth_has_all, what="the youth has all six lines")
            mine = _helper_lines(h, chat)
            assert mine == youth.messages(), "both sides hold the same transcript"
            seqs = [m[0] for m in mine]
            assert seqs == sorted(set(seqs)), "ordered, each once"
            assert [m[2] for m in mine if m[1] == "helper"] == [
                "voor 2",
                "tijdens 1",
                "tijdens 2",
                "na 2",
            ]
            assert [m[2] for m in mine if m[1] == "youth"] == ["voor 1", "na 1"]
            # Each line reached each side exactly once (the console applies by seq; the
            # youth's feed is counted raw, duplicates included).
            assert sorted(applied) == sorted(set(applied)), "no line applied twice"
            raw = [e["seq"] for e in youth.events if e["kind"] == "message"]
            assert len(raw) == len(set(raw)), "no line delivered twice to the youth"
            counted = query(
                server,
                "SELECT COUNT(*) AS n FROM chat_messages WHERE chat_id = :c "
                "AND sender IN ('youth', 'helper')",
                c=chat,
            )
            assert counted[0]["n"] == 6
            view = h.chat.chat(chat)
            assert view is not None and view.mine and view.state == "active"

    asyncio.run(scenario())
