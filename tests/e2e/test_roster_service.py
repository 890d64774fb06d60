"""The console's RosterService against the real server: the week and its people, filling
names (rules refused with problems, a stale version answered with the current block),
events between consoles, the coordinator's proposal (accept and reject), and one's own
shifts with the calendar feed."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.domain.hours import local_day
from console.domain.roles import Role
from console.domain.roster import Code
from console.services.keyrings import MemoryKeyring
from console.services.roster import (
    RosterBlock,
    RosterConflict,
    RosterForbidden,
    RosterInvalid,
    RosterService,
    RosterWeek,
)
from console.services.session import Session, User
from console.services.store import Store, store_path
from console.services.sync import SyncService
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.support.youth import chat_server


@pytest.fixture
def roster_server(tmp_path: Path, dev_certs: Path) -> Iterator[RunningServer]:
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


@dataclass
class Console:
    user: User
    sync: SyncService
    service: RosterService


@contextlib.asynccontextmanager
async def console(server: RunningServer, tmp_path: Path, username: str) -> AsyncIterator[Console]:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    keyring = MemoryKeyring()
    user = await Session(transport, keyring).login(username, DEMO_PASSWORD, remember=False)
    store = Store(store_path(tmp_path, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=False, poll_timeout=5)
    service = RosterService(sync, transport)
    sync.start()
    try:
        yield Console(user, sync, service)
    finally:
        service.close()
        await sync.stop()
        await transport.aclose()
        store.close()


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 240))


def this_week() -> tuple[date, date]:
    today = local_day(datetime.now(UTC))
    monday = today - timedelta(days=today.weekday())
    return monday, monday + timedelta(days=6)


def own_block(week: RosterWeek, institution_id: str) -> RosterBlock:
    """A block of that institution in the week (the demo rotates institutions over days)."""
    for day in week.days:
        for block in day.blocks:
            if block.institution_id == institution_id:
                return block
    raise AssertionError(f"no block of institution {institution_id} this week")


def test_week_people_fill_rules_and_conflict(roster_server, tmp_path):
    async def scenario() -> None:
        async with (
            console(roster_server, tmp_path, "bascule.helper1") as first,
            console(roster_server, tmp_path / "b", "bascule.helper2") as second,
        ):
            start, end = this_week()
            week = await first.service.load(start, end)
            assert week.start == start and week.end == end
            assert week.days, "the demo chat is open every day"
            for day in week.days:
                assert len(day.blocks) == day.blocks_needed
            people = await first.service.people()
            mine = str(first.user.institution_id)
            assert people.institutions[mine].code == "bascule"
            # A helper sees only the people of their own institution.
            assert {p.institution_id for p in people.people.values()} == {mine}
            team = people.of_institution(mine)
            helpers = [p for p in team if p.role in (Role.HELPER, Role.SUPERVISOR)]
            trainees = [p for p in team if p.role is Role.TRAINEE and p.needs_backup]
            assert helpers and trainees

            block = own_block(week, mine)
            day = week.day(block.day)
            assert day is not None
            # Take the helpers out of the day's other blocks: nobody sits twice.
            others = {p for b in day.blocks if b.index != block.index for p in b.people}
            helper = next(h for h in helpers if h.id not in others)
            trainee = next(t for t in trainees if t.id not in others)

            # The rules: a trainee who needs backup alone is refused, with the problem.
            with pytest.raises(RosterInvalid) as refused:
                await first.service.fill(block.day, block.index, [trainee.id], block.version)
            assert Code.NEEDS_BACKUP in {p.code for p in refused.value.problems}

            await second.service.load(start, end)
            saved = await first.service.fill(
                block.day, block.index, [trainee.id, helper.id], block.version
            )
            assert saved.people == (trainee.id, helper.id)
            assert saved.version > block.version
            assert first.service.week.block(block.day, block.index) == saved

            # The second console gets the change through the event log.
            await until(
                lambda: second.service.week.block(block.day, block.index).people == saved.people,
                what="the fill reaches the other console",
            )

            # A stale version: 409 with the current block.
            with pytest.raises(RosterConflict) as stale:
                await second.service.fill(block.day, block.index, [helper.id], block.version)
            assert stale.value.block is not None
            assert stale.value.block.people == saved.people
            assert stale.value.block.version == saved.version

            # Another institution's block: 403.
            other = next(
                b
                for d in week.days
                for b in d.blocks
                if b.institution_id is not None and b.institution_id != mine
            )
            with pytest.raises(RosterForbidden):
                await first.service.fill(other.day, other.index, [], other.version)
            # Central writes are the coordinator's.
            with pytest.raises(RosterForbidden):
                await first.service.set_block(
                    block.day, block.index, block.institution_id, True, saved.version
                )

    run(scenario())


def test_coordinator_block_forum_proposal_and_publish(roster_server, tmp_path):
    async def scenario() -> None:
        async with (
            console(roster_server, tmp_path, "coordinator") as coord,
            console(roster_server, tmp_path / "h", "bascule.helper1") as helper,
        ):
            start, _end = this_week()
            people = await coord.service.people()
            assert len(people.institutions) >= 5  # the coordinator sees everyone
            # Four weeks ahead: the demo's draft week.
            later = start + timedelta(days=21)
            week = await coord.service.load(later, later + timedelta(days=6))
            await helper.service.load(later, later + timedelta(days=6))
            day = week.days[0]
            block = day.blocks[0]
            taken = {b.institution_id for b in day.blocks}
            free = next(i for i in people.institutions if i not in taken)
            changed = await coord.service.set_block(day.day, 0, free, True, block.version)
            assert changed.institution_id == free and changed.pinned and changed.people == ()
            await until(
                lambda: helper.service.week.block(day.day, 0).institution_id == free,
                what="the helper's console sees the new institution",
            )
            with pytest.raises(RosterConflict) as stale:
                await coord.service.set_block(day.day, 0, None, False, block.version)
            assert stale.value.block is not None and stale.value.block.version == changed.version
            forum = await coord.service.set_forum(day.day, free, day.forum.version)
            assert forum.institution_id == free

            # A proposal for those weeks: the pinned block stays; reject changes nothing.
            first, last = later - timedelta(days=7), later + timedelta(days=6)
            before = await coord.service.load(first, last)
            proposal = await coord.service.propose(first, last, time_limit=5)
            assert proposal.status in ("optimal", "feasible")
            assert all(not (c.day == day.day and c.index == 0) for c in proposal.blocks), (
                "a pinned block never moves"
            )
            await coord.service.reject(proposal.id)
            assert await coord.service.load(first, last) == before

            proposal = await coord.service.propose(first, last, time_limit=5)
            count = await coord.service.accept(proposal.id)
            assert count == len(proposal.blocks) + len(proposal.forum)
            after = await coord.service.load(first, last)
            for change in proposal.blocks:
                assert after.block(change.day, change.index).institution_id == change.after
            for change in proposal.forum:
                assert after.day(change.day).forum.institution_id == change.after

            # Publishing a period with holes is refused with the problems.
            empty_day = after.days[-1]
            hole = empty_day.blocks[-1]
            await coord.service.set_block(empty_day.day, hole.index, None, False, hole.version)
            with pytest.raises(RosterInvalid) as incomplete:
                await coord.service.publish(first, last)
            assert incomplete.value.reason == "incomplete"
            assert Code.COVERAGE in {p.code for p in incomplete.value.problems}

    run(scenario())


def test_my_shifts_and_calendar_feed(roster_server, tmp_path):
    async def scenario() -> None:
        async with console(roster_server, tmp_path, "bascule.helper1") as me:
            shifts = await me.service.mine()
            assert shifts, "the demo gives every helper shifts in the coming weeks"
            assert all(s.institution_id == str(me.user.institution_id) for s in shifts)
            assert all(s.start is not None and s.end is not None for s in shifts)
            target = tmp_path / "diensten.ics"
            size = await me.service.download_ics(target)
            assert size > 0 and target.read_bytes().startswith(b"BEGIN:VCALENDAR")
            assert b"Hulpmix chatdienst" in target.read_bytes()
            url = await me.service.feed_url()
            assert url.startswith(roster_server.url) and url.endswith(".ics")

            def fetch(address: str) -> httpx.Response:
                with roster_server.client() as client:
                    return client.get(address.removeprefix(roster_server.url))

            assert (await asyncio.to_thread(fetch, url)).status_code == 200
            newer = await me.service.feed_url()
            assert newer != url
            assert (await asyncio.to_thread(fetch, url)).status_code == 404  # rotated
            await me.service.revoke_feed()
            assert (await asyncio.to_thread(fetch, newer)).status_code == 404

    run(scenario())


def test_paging_quickly_keeps_the_week_last_asked_for(roster_server, tmp_path):
    """Answers may arrive out of order; the service must hold the period last asked for,
    or an edit looks up its block in a week that is no longer on screen."""

    async def scenario() -> None:
        async with console(roster_server, tmp_path, "coordinator") as me:
            start, end = this_week()
            shown: list[RosterWeek] = []
            me.service.week_changed.connect(shown.append)
            # A long period (slower to answer) asked first, the week asked last.
            slow = asyncio.create_task(me.service.load(start, start + timedelta(days=399)))
            await asyncio.sleep(0)
            fast = asyncio.create_task(me.service.load(start, end))
            long_period, _week = await asyncio.gather(slow, fast)
            assert (long_period.start, long_period.end) == (start, start + timedelta(days=399))
            assert me.service.week is not None
            assert (me.service.week.start, me.service.week.end) == (start, end)
            assert [(w.start, w.end) for w in shown] == [(start, end)]

    run(scenario())


def test_alerts_name_the_unfilled_blocks_close_to_their_date(
    roster_server: RunningServer, tmp_path: Path
) -> None:
    day = date(2033, 3, 7)  # far from the demo's weeks: nothing planned yet

    async def scenario() -> None:
        async with console(roster_server, tmp_path, "coordinator") as c:
            before = await c.service.alerts(day, days=1)
            assert [(u.index, u.missing, u.open_seats) for u in before] == [
                (0, "institution", 2), (1, "institution", 2), (2, "institution", 2)
            ]  # fmt: skip
            directory = await c.service.people()
            first = sorted(directory.institutions)[0]
            await c.service.set_block(day, 0, first, False, 0)
            after = await c.service.alerts(day, days=1)
            assert [(u.index, u.missing, u.institution_id) for u in after] == [
                (0, "seats", first), (1, "institution", None), (2, "institution", None)
            ]  # fmt: skip
            with pytest.raises(RosterInvalid):
                await c.service.alerts(day, days=0)

    run(scenario())
