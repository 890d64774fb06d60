"""The console's CommitmentsService against the real server: load a month (institutions
taking part, no commitments yet), save, a stale save answered 409 with the period as it
now is, saving again against it, and refusals per field (422)."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest

from console.services.keyrings import MemoryKeyring
from console.services.roster_commitments import (
    Commitment,
    CommitmentsConflict,
    CommitmentsInvalid,
    CommitmentsService,
)
from console.services.session import Session
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.roster import serve_roster

JUNE = (date(2038, 6, 1), date(2038, 6, 30))


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def roster_server(request, tmp_path_factory, dev_certs):
    yield from serve_roster(request, tmp_path_factory, dev_certs)


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 120))


async def coordinator(server) -> tuple[Transport, CommitmentsService]:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    await Session(transport, MemoryKeyring()).login("coordinator", DEMO_PASSWORD, remember=False)
    return transport, CommitmentsService(transport)


def test_load_save_conflict_and_refusals(roster_server):
    async def scenario() -> None:
        transport, service = await coordinator(roster_server)
        try:
            page = await service.load_page(*JUNE)
            assert page.commitments.rows == () and len(page.institutions) >= 2
            first, second = (i.id for i in page.institutions[:2])
            read = page.commitments
            mine = [
                Commitment(first, 2, 4, (0, 4), (date(2038, 6, 3),)),
                Commitment(second, 1, 1),
            ]
            saved = await service.save(read, mine)
            assert [r.same_terms(m) for r, m in zip(saved.rows, mine, strict=True)] == [True] * 2
            assert saved.versions() == {first: 1, second: 1}
            assert await service.load(*JUNE) == saved

            # A second coordinator still holding the empty month saves: 409, nothing lost.
            with pytest.raises(CommitmentsConflict) as stale:
                await service.save(read, [Commitment(first, 5, 6)])
            assert stale.value.current == saved
            # Keeping theirs means saving again against the current versions.
            again = await service.save(stale.value.current, [Commitment(first, 5, 6)])
            assert [(r.institution_id, r.min_blocks, r.version) for r in again.rows] == [
                (first, 5, 2)
            ]

            with pytest.raises(CommitmentsInvalid) as invalid:
                await service.save(again, [Commitment(first, 3, 2)])
            assert set(invalid.value.fields) == {"institutions.0.max_blocks"}
            with pytest.raises(CommitmentsInvalid) as outside:
                await service.save(again, [Commitment(first, 0, 2, (), (date(2038, 7, 1),))])
            assert set(outside.value.fields) == {"institutions.0.unavailable_dates"}
            with pytest.raises(CommitmentsInvalid) as weekday:
                await service.save(again, [Commitment(first, 0, 2, (9,))])
            assert set(weekday.value.fields) == {"institutions.0.preferred_weekdays.0"}
            assert await service.load(*JUNE) == again  # refusals changed nothing
        finally:
            await transport.aclose()

    run(scenario())
