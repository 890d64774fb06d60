"""The console's RosterDutyService against the real server, without Qt: asking to be
replaced, the offer reaching a colleague's console through the event log, taking it, the
second taker told someone else was first, withdrawing, the trail and the attendance report."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.roster import Code
from console.services.keyrings import MemoryKeyring
from console.services.roster import RosterForbidden, RosterInvalid
from console.services.roster_duty import (
    LAPSED,
    NO_SHOW,
    OPEN,
    TAKEN,
    WITHDRAWN,
    ReplacementGone,
    RosterDutyService,
)
from console.services.session import Session, User
from console.services.store import Store, store_path
from console.services.sync import SyncService
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.forum import local
from tests.support.roster import fresh_week, institution_ids, token, user_id
from tests.support.roster_duty import seat, set_clock
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.support.youth import chat_server


@pytest.fixture
def duty_server(tmp_path: Path, dev_certs: Path) -> Iterator[RunningServer]:
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


@dataclass
class Console:
    user: User
    service: RosterDutyService
    news: list[int]


@contextlib.asynccontextmanager
async def console(server: RunningServer, tmp_path: Path, username: str) -> AsyncIterator[Console]:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    keyring = MemoryKeyring()
    user = await Session(transport, keyring).login(username, DEMO_PASSWORD, remember=False)
    store = Store(store_path(tmp_path / username, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=False, poll_timeout=5)
    service = RosterDutyService(sync, transport)
    news: list[int] = []
    service.changed.connect(lambda: news.append(1))
    sync.start()
    try:
        yield Console(user, service, news)
    finally:
        service.close()
        await sync.stop()
        await transport.aclose()
        store.close()


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 240))


def test_ask_offer_take_conflict_withdraw_and_trail(duty_server, tmp_path):
    with duty_server.client() as client:
        coordinator = token(client, "coordinator")
        insts = institution_ids(client, coordinator)
        day = fresh_week()
        later = day + timedelta(days=1)
        for when in (day, later):
            seat(client, coordinator, when, 0, insts["bascule"],
                 ["bascule.trainee1", "bascule.helper1"])  # fmt: skip
        trainee2 = user_id(client, "bascule.trainee2")

    async def scenario() -> None:
        async with (
            console(duty_server, tmp_path, "bascule.trainee1") as asker,
            console(duty_server, tmp_path, "bascule.trainee2") as first,
            console(duty_server, tmp_path, "bascule.helper2") as second,
            console(duty_server, tmp_path, "coordinator") as central,
        ):
            asked = await asker.service.ask(day, 0, "Tentamen")
            assert asked.state == OPEN and asked.reason == "Tentamen" and asked.version == 1
            with pytest.raises(ReplacementGone) as twice:
                await asker.service.ask(day, 0)
            assert twice.value.reason == "already_open" and twice.value.current == asked
            await until(lambda: first.news and second.news, what="the offer reaches colleagues")
            offers = (await first.service.replacements()).offers
            offer = next(o for o in offers if o.id == asked.id)
            assert offer.requester == "Lotte Bakker" and offer.day == day
            assert (await asker.service.replacements()).open_request_for(day, 0) == asked
            late_offer = next(o for o in (await second.service.replacements()).offers
                              if o.id == asked.id)  # fmt: skip

            taken = await first.service.accept(offer)
            assert taken.state == TAKEN and taken.taken_by_id == trainee2
            with pytest.raises(ReplacementGone) as lost:
                await second.service.accept(late_offer)
            assert lost.value.reason == "taken" and lost.value.current is not None
            assert lost.value.current.taken_by == "Thijs Visser"

            # A coordinator has no seat to take; the requester withdraws.
            mine = await asker.service.ask(later, 0)
            with pytest.raises(RosterForbidden):
                await central.service.accept(mine)
            gone = await asker.service.withdraw(mine)
            assert gone.state == WITHDRAWN
            with pytest.raises(ReplacementGone) as withdrawn:
                await first.service.accept(mine)
            assert withdrawn.value.reason == "withdrawn"

            trail = (await central.service.replacements(day, later)).trail
            assert trail is not None
            assert [(r.id, r.state) for r in trail] == [(asked.id, TAKEN), (mine.id, WITHDRAWN)]
            assert (await first.service.replacements()).trail is None

    run(scenario())


def test_refusals_and_the_attendance_report(duty_server, tmp_path):
    with duty_server.client() as client:
        coordinator = token(client, "coordinator")
        insts = institution_ids(client, coordinator)
        day = fresh_week()
        seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])

    async def scenario() -> None:
        async with (
            console(duty_server, tmp_path, "bascule.helper1") as helper,
            console(duty_server, tmp_path, "bascule.trainee2") as trainee,
            console(duty_server, tmp_path, "coordinator") as central,
        ):
            request = await helper.service.ask(day, 0)
            with pytest.raises(RosterInvalid) as refused:
                await trainee.service.accept(request)
            assert Code.NEEDS_BACKUP in {p.code for p in refused.value.problems}
            # The block starts and ends (the server's roster clock): the offer lapses and
            # the two seated people, who never became available, are no-shows.
            with duty_server.client() as client:
                set_clock(client, local(day + timedelta(days=1), 0, 0))
                try:
                    with pytest.raises(ReplacementGone) as lapsed:
                        await helper.service.withdraw(request)
                    assert lapsed.value.reason == "lapsed"
                    assert lapsed.value.current is not None
                    assert lapsed.value.current.state == LAPSED
                    report = None

                    async def marked() -> bool:
                        nonlocal report
                        report = await central.service.attendance(day, day)
                        return len(report.blocks) == 1 and len(report.blocks[0].people) == 2

                    for _ in range(300):
                        if await marked():
                            break
                        await asyncio.sleep(0.1)
                    assert report is not None and report.late_after_minutes == 10
                    assert {m.status for m in report.blocks[0].people} == {NO_SHOW}
                    assert [(i.id, i.no_show) for i in report.institutions] == [
                        (insts["bascule"], 2)
                    ]
                    with pytest.raises(RosterForbidden):
                        await trainee.service.attendance(day, day)
                finally:
                    set_clock(client, None)

    run(scenario())
