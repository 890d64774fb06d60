"""The console's RosterReportsService against the real server: the fairness report of a
week built here, a month for the overview, and the XLSX export and import (a change
applied; a file with errors refused per row with nothing changed; a non-XLSX file)."""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from console.services.errors import Forbidden
from console.services.keyrings import MemoryKeyring
from console.services.roster_reports import ImportRefused, RosterReportsService
from console.services.session import Session
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.roster import complete, institution_ids, roster, serve_roster, token
from tests.support.servers import RunningServer

MONDAY = date(2038, 3, 1)  # a plain week
FRIDAY = MONDAY + timedelta(days=4)


@pytest.fixture(scope="module", params=["sqlite"])
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture(scope="module")
def ids(roster_server: RunningServer) -> dict[str, str]:
    """Mon bascule ggze bjzg, Tue ggze bjzg bascule, Wed bjzg bascule ggze, Thu bascule ggze
    bjzg, Fri ggze bjzg; forum duty with each day's first block."""
    with roster_server.client() as client:
        tok = token(client, "coordinator")
        found = institution_ids(client, tok)
        rotation = [found[c] for c in ("bascule", "ggze", "bjzg")]
        complete(client, tok, MONDAY, FRIDAY, rotation)
        return found


@contextlib.asynccontextmanager
async def reports(server: RunningServer, username: str) -> AsyncIterator[RosterReportsService]:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    try:
        await Session(transport, MemoryKeyring()).login(username, DEMO_PASSWORD, remember=False)
        yield RosterReportsService(transport)
    finally:
        await transport.aclose()


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 120))


def test_fairness_and_month(roster_server: RunningServer, ids: dict[str, str]) -> None:
    async def scenario() -> None:
        async with reports(roster_server, "bascule.helper1") as service:  # a supervisor
            report = await service.fairness(MONDAY, FRIDAY)
            by_code = {i.code: i for i in report.institutions}
            # bascule, ggze and bjzg each sit 4 or 5 of the 14 blocks: ggze and bjzg sit on
            # Friday, so bascule has 4, ggze 5, bjzg 5; bjzo and bjzzh none.
            counts = {c: by_code[c].figures["blocks"].count for c in by_code if c in ids}
            assert counts == {"bascule": 4, "ggze": 5, "bjzg": 5, "bjzo": 0, "bjzzh": 0}
            assert report.categories["blocks"].total == 14
            forum = {c: by_code[c].figures["forum"].count for c in ("bascule", "ggze", "bjzg")}
            assert forum == {"bascule": 2, "ggze": 2, "bjzg": 1}
            assert report.ledger.end == FRIDAY
            month = await service.month(date(2038, 3, 1), date(2038, 3, 31))
            assert month.start == date(2038, 3, 1) and len(month.days) == 23
            assert [b.institution_id for b in month.days[0].blocks] == [
                ids["bascule"], ids["ggze"], ids["bjzg"],
            ]  # fmt: skip
        async with reports(roster_server, "bascule.helper2") as service:  # only a helper
            with pytest.raises(Forbidden):
                await service.fairness(MONDAY, FRIDAY)

    run(scenario())


def test_export_change_import_and_refusals(
    roster_server: RunningServer, ids: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "rooster.xlsx"

    def edit(cells: dict[str, object]) -> Path:
        book = load_workbook(path)
        for ref, value in cells.items():
            book["Roster"][ref] = value
        out = tmp_path / f"edited-{len(list(tmp_path.iterdir()))}.xlsx"
        book.save(out)
        return out

    async def scenario() -> None:
        async with reports(roster_server, "coordinator") as service:
            written = await service.export_xlsx(MONDAY, FRIDAY, path)
            assert written == path.stat().st_size > 0
            rows = list(load_workbook(io.BytesIO(path.read_bytes())).active.values)
            assert rows[1][:3] == ("2038-03-01", 1, "bascule")
            # Monday's third block (bjzg) goes to bjzo.
            done = await service.import_xlsx(edit({"C4": "bjzo"}))
            assert (done.rows, done.blocks, done.forum) == (14, 1, 0)
            # The old file would now undo that change with a stale version: export again.
            stale = edit({"C2": "bascule"})
            with pytest.raises(ImportRefused) as refused:
                await service.import_xlsx(stale)
            assert [(e.row, e.field) for e in refused.value.errors] == [(4, "version")]
            await service.export_xlsx(MONDAY, FRIDAY, path)
            # Two bad rows: reported per row, nothing changed (the third row is fine).
            bad = edit({"C2": "nope", "B3": 7, "C5": "bjzzh"})
            with pytest.raises(ImportRefused) as refused:
                await service.import_xlsx(bad)
            errors = [(e.row, e.field) for e in refused.value.errors]
            assert errors == [(2, "institution"), (3, "block")]
            not_xlsx = tmp_path / "rooster.csv"
            not_xlsx.write_text("Day,Block\n")
            with pytest.raises(ImportRefused) as refused:
                await service.import_xlsx(not_xlsx)
            assert [(e.row, e.field) for e in refused.value.errors] == [(None, "file")]

    run(scenario())
    with roster_server.client() as client:
        grid = roster(client, token(client, "coordinator"), MONDAY, MONDAY + timedelta(days=1))
    assert grid["days"][0]["blocks"][2]["institution_id"] == ids["bjzo"]
    assert grid["days"][1]["blocks"][0]["institution_id"] == ids["ggze"]  # C5 not applied
