"""The helper's chat services against the real server, with a youth driven over HTTP."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from console.domain.chat import Phase, Registration, TargetGroup
from console.domain.routing import StaffStatus
from console.services.chat import ChatService
from console.services.errors import Conflict
from console.services.sync import SSE, ConnectionState
from tests.support.consoles import HelperConsole, helper_console
from tests.support.proxy import TestProxy
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.support.youth import YouthSide, chat_server


@pytest.fixture
def quick_server(tmp_path: Path, dev_certs: Path) -> Iterator[RunningServer]:
    running = chat_server(tmp_path, dev_certs, HULPMIX_CHAT_GRACE="300")
    yield running
    running.stop()


async def in_thread(fn, *args):
    return await asyncio.to_thread(fn, *args)


def spoken(helper: HelperConsole, chat_id: int) -> list[tuple[int, str, str]]:
    return [
        (m.seq, m.sender, m.text)
        for m in helper.chat.messages(chat_id)
        if m.seq is not None and m.sender in ("youth", "helper")
    ]


@pytest.mark.parametrize("use_sse", [False, True], ids=["long-poll", "sse"])
def test_a_chat_from_queue_to_registration(quick_server, tmp_path, use_sse):
    youth = YouthSide(quick_server)

    async def scenario() -> None:
        async with helper_console(
            quick_server, tmp_path, "bjzg.helper2", use_sse=use_sse
        ) as helper:
            await until(lambda: helper.sync.state is ConnectionState.ONLINE, what="online")
            if use_sse:
                await until(lambda: helper.sync.transport_name == SSE, what="SSE")
            await helper.chat.set_status(StaffStatus.AVAILABLE)
            await in_thread(youth.start)
            await until(lambda: youth.chat_id in helper.assigned, what="assignment")
            view = helper.chat.chat(youth.chat_id)
            assert view is not None and view.mine and view.theme == "Gevoel"
            assert view.assignment["reason"] == "helper_no_trainee_free"

            await in_thread(youth.say, "hoi, ik <b>durf</b> dit bijna niet te zeggen")
            helper.chat.send(youth.chat_id, "Fijn dat je er bent. Vertel maar.")
            helper.chat.reach_phase(youth.chat_id, Phase.WELCOME)
            await until(lambda: len(spoken(helper, youth.chat_id)) == 2, what="both lines")
            await until(
                lambda: "welcome" in (helper.chat.chat(youth.chat_id) or view).phases,
                what="phase recorded",
            )
            await in_thread(youth.poll)
            assert youth.messages() == spoken(helper, youth.chat_id)
            assert youth.messages()[0][2] == "hoi, ik <b>durf</b> dit bijna niet te zeggen"

            helper.chat.end(youth.chat_id)
            await until(
                lambda: youth.chat_id in helper.chat.pending_registrations(), what="pending"
            )
            with pytest.raises(Conflict) as refused:
                await helper.chat.set_status(StaffStatus.AVAILABLE)
            assert refused.value.body.get("reason") == "registration_pending"
            await helper.chat.register(
                youth.chat_id,
                Registration(
                    theme="Gevoel",
                    subtopic="Onzeker",
                    seemed_serious=True,
                    target_group=TargetGroup.IN_TARGET,
                    phases_completed=(Phase.WELCOME,),
                ),
            )
            assert helper.chat.pending_registrations() == []
            assert helper.chat.messages(youth.chat_id) == []  # nothing stays on the desk
            answer = await helper.chat.set_status(StaffStatus.AVAILABLE)
            assert answer["status"] == "available"

    asyncio.run(scenario())
    youth.poll()
    assert youth.statuses()[-1] == "ended"


def test_sixty_seconds_without_network_loses_nothing_and_keeps_the_helper(quick_server, tmp_path):
    """The old service lost chats exactly here: the helper's network drops for a minute
    while both sides keep typing. Afterwards both transcripts are identical, complete,
    ordered, without duplicates, and the chat never changed hands."""
    youth = YouthSide(quick_server)
    proxy = TestProxy()
    outage = 60.0

    async def youth_keeps_typing(stop: asyncio.Event, said: list[str]) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            text = f"jongere {n}"
            await in_thread(youth.say, text)
            said.append(text)
            await in_thread(youth.poll, 0)
            await asyncio.sleep(1.5)  # a person typing, well inside the youth rate limit

    async def scenario() -> None:
        async with helper_console(quick_server, tmp_path, "bjzo.helper2", proxy=proxy.url) as h:
            await until(lambda: h.sync.state is ConnectionState.ONLINE, what="online")
            await h.chat.set_status(StaffStatus.AVAILABLE)
            await in_thread(youth.start)
            await until(lambda: youth.chat_id in h.assigned, what="assignment")
            helper_id = (h.chat.chat(youth.chat_id) or None).helper_id  # type: ignore[union-attr]

            stop = asyncio.Event()
            said_by_youth: list[str] = []
            typing = asyncio.create_task(youth_keeps_typing(stop, said_by_youth))
            said_by_helper: list[str] = []
            await asyncio.sleep(2)
            proxy.block()
            await until(lambda: h.sync.state is ConnectionState.RECONNECTING, what="cut seen")
            cut_at = time.monotonic()
            n = 0
            while time.monotonic() - cut_at < outage:
                n += 1
                said_by_helper.append(h.chat.send(youth.chat_id, f"hulpverlener {n}"))
                await asyncio.sleep(2)
            assert "helper_reconnecting" in youth.statuses(), "the youth was told"
            proxy.unblock()
            h.sync.retry_now()
            await until(lambda: h.sync.state is ConnectionState.ONLINE, timeout=60, what="back")
            await until(lambda: h.store.outbox(state=None) == [], timeout=60, what="drained")
            stop.set()
            await typing
            await in_thread(youth.poll, 0)
            expected = len(said_by_youth) + len(said_by_helper)
            await until(
                lambda: len(spoken(h, youth.chat_id)) >= expected, timeout=60, what="complete"
            )

            async def youth_catches_up() -> None:
                while len(youth.messages()) < expected:
                    await in_thread(youth.poll, 1.0)

            await asyncio.wait_for(youth_catches_up(), 60)

            mine = spoken(h, youth.chat_id)
            theirs = youth.messages()
            assert mine == theirs, "both sides hold the same transcript"
            seqs = [m[0] for m in mine]
            assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs), "ordered, no doubles"
            helper_lines = [m[2] for m in mine if m[1] == "helper"]
            youth_lines = [m[2] for m in mine if m[1] == "youth"]
            assert helper_lines == [f"hulpverlener {i}" for i in range(1, n + 1)]
            assert youth_lines == said_by_youth
            view = h.chat.chat(youth.chat_id)
            assert view is not None and view.mine and view.helper_id == helper_id
            assert view.state == "active"
            assert not any(e["kind"] == "handover" for e in youth.events), "never changed hands"
            assert youth.statuses()[-1] == "active"

    try:
        asyncio.run(scenario())
    finally:
        proxy.close()


def _team(helper: HelperConsole) -> dict[int, str]:
    return {int(m["user_id"]): str(m["status"]) for m in helper.chat.team()}


def test_a_colleagues_status_changes_reach_the_team_list(quick_server, tmp_path):
    """The team is kept one row per colleague; a store from before moves over intact."""

    async def scenario() -> None:
        async with (
            helper_console(quick_server, tmp_path / "a", "bjzg.helper2") as watcher,
            helper_console(quick_server, tmp_path / "b", "ggze.helper2") as colleague,
        ):
            for console in (watcher, colleague):
                await until(lambda c=console: c.sync.state is ConnectionState.ONLINE)
            await colleague.chat.set_status(StaffStatus.AVAILABLE)
            await until(lambda: _team(watcher).get(colleague.user.id) == "available")
            await watcher.chat.set_status(StaffStatus.PAUSE)
            await until(lambda: _team(watcher).get(watcher.user.id) == "pause")
            await colleague.chat.set_status(StaffStatus.PAUSE)
            await until(lambda: _team(watcher).get(colleague.user.id) == "pause")
            names = [str(m["display_name"]) for m in watcher.chat.team()]
            assert names == sorted(names)

            # A store written before the team had its own table: the whole team in one
            # board entry. Opening the chat service on it moves the team over.
            before = watcher.chat.team()
            with watcher.store.transaction() as db:
                db.execute("DROP TABLE chat_team")
                db.table("chat_board").upsert(
                    {"key": "team", "value": watcher.chat._seal(before)}, pk="key"
                )
            reopened = ChatService(watcher.store, watcher.sync, watcher.transport, watcher.user.id)
            assert reopened.team() == before
            assert list(watcher.store.db.query("SELECT * FROM chat_board WHERE key = 'team'")) == []

            await colleague.chat.set_status(StaffStatus.OFFLINE)
            await until(lambda: colleague.user.id not in _team(watcher))
            assert colleague.user.id not in {int(m["user_id"]) for m in reopened.team()}
            await watcher.chat.set_status(StaffStatus.OFFLINE)

    asyncio.run(scenario())
