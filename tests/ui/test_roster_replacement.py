"""Replacement in the real console against the real server: asking from "My shifts" with a
reason, and a colleague's console taking an offer, with the conflict when someone else was
first said in words and the list refreshed."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from console.domain.roles import Area
from console.services.keyrings import MemoryKeyring
from console.services.roster_duty import ReplacementRequest, RosterDutyService
from console.services.session import Session
from console.services.transport import Transport
from console.settings import Settings
from console.ui.roster.page import RosterPage
from console.ui.roster.replacement import AskDialog, ReplacementView
from server.demo import DEMO_PASSWORD
from tests.support.api import auth
from tests.support.roster import API, fresh_week, institution_ids, token
from tests.support.roster_duty import seat
from tests.support.waiting import until
from tests.support.youth import chat_server
from tests.ui.test_login_and_main_window import fill_login, make_app

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def future_shifts(server, username):
    """`username`'s shifts of the demo roster that have not started (after today) and for
    which they have not asked to be replaced yet (the demo has one such request)."""
    today = datetime.now(AMSTERDAM).date()
    with server.client() as client:
        tok = token(client, username)
        answer = client.get(f"{API}/mine", headers=auth(tok))
        assert answer.status_code == 200, answer.text
        asked = client.get(f"{API}/replacements", headers=auth(tok)).json()["mine"]
    taken = {(r["day"], r["index"]) for r in asked}
    return [
        s
        for s in answer.json()["shifts"]
        if s["day"] > today.isoformat() and (s["day"], s["index"]) not in taken
    ]


def seated_shifts(server, days=3):
    """Block 0 of the first `days` days of a week of its own (far ahead): bascule, with
    trainee 1 beside helper 1, so both trainee 2 (backed up by helper 1) and helper 2 (free
    that week) may take trainee 1's seat. The demo roster's own weeks depend on today's
    date (on a Sunday little of them is left), so this test seats its own."""
    monday = fresh_week()
    with server.client() as client:
        coordinator = token(client, "coordinator")
        bascule = institution_ids(client, coordinator)["bascule"]
        for n in range(days):
            day = date.fromordinal(monday.toordinal() + n)
            seat(client, coordinator, day, 0, bascule, ["bascule.trainee1", "bascule.helper1"])
    return [
        {"day": date.fromordinal(monday.toordinal() + n).isoformat(), "index": 0}
        for n in range(days)
    ]


def as_colleague(server, username, work):
    """Run `work(service)` in a console of its own (another loop, as in another process)."""

    async def session():
        settings = Settings(
            server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none"
        )
        transport = Transport(settings)
        try:
            await Session(transport, MemoryKeyring()).login(username, DEMO_PASSWORD, remember=False)
            return await work(RosterDutyService(None, transport))
        finally:
            await transport.aclose()

    return asyncio.to_thread(asyncio.run, session())


async def open_roster(qtbot, app, server, username) -> RosterPage:
    app.start()
    fill_login(qtbot, app.login_dialog, server.url, username, DEMO_PASSWORD)
    await until(lambda: app.window is not None and app.window.isVisible(), what="window")
    app.window.show_area(Area.ROSTER)
    page = app.window.page(Area.ROSTER)
    assert isinstance(page, RosterPage)
    return page


def test_ask_for_a_replacement_from_my_shifts(qtbot, run, dev_certs, tmp_path):
    server = chat_server(tmp_path, dev_certs)
    app = make_app(tmp_path, server)
    shift = future_shifts(server, "bascule.trainee1")[0]

    async def scenario() -> None:
        try:
            page = await open_roster(qtbot, app, server, "bascule.trainee1")
            mine = page.mine
            await until(lambda: mine.model.rowCount() > 0, what="my shifts")
            row = next(
                n
                for n, s in enumerate(mine.model.shifts)
                if (s.day.isoformat(), s.index) == (shift["day"], shift["index"])
            )
            qtbot.mouseClick(mine.ask_replacement, Qt.MouseButton.LeftButton)
            assert mine.message.text()  # nothing chosen yet: says so
            assert page.dialog is None
            mine.table.selectRow(row)
            qtbot.mouseClick(mine.ask_replacement, Qt.MouseButton.LeftButton)
            await until(lambda: isinstance(page.dialog, AskDialog), what="the ask dialog")
            dialog = page.dialog
            qtbot.keyClicks(dialog.reason, "Tentamen")
            qtbot.mouseClick(dialog.ask_button, Qt.MouseButton.LeftButton)
            await until(lambda: page.dialog is None, what="the request is sent")
            view = app.roster.duty.replacements
            assert isinstance(view, ReplacementView)
            key = (shift["day"], shift["index"])

            def listed():
                return next(
                    (r for r in view.mine.requests if (r.day.isoformat(), r.index) == key), None
                )

            await until(listed, what="my request listed")
            request = listed()
            assert request.reason == "Tentamen" and request.state == "open"
            assert view.offers.rowCount() == 0  # one's own request is no offer
            # Asking again for the same shift is refused in words, nothing is sent twice.
            qtbot.mouseClick(mine.ask_replacement, Qt.MouseButton.LeftButton)
            await until(lambda: isinstance(page.dialog, AskDialog), what="the ask dialog")
            again = page.dialog
            qtbot.mouseClick(again.ask_button, Qt.MouseButton.LeftButton)
            await until(lambda: again.error.isVisibleTo(again), what="the refusal")
            assert again.error.text()
            again.reject()
            # Withdrawing gives the shift back.
            view.mine_table.selectRow(view.mine.requests.index(request))
            qtbot.mouseClick(view.withdraw, Qt.MouseButton.LeftButton)
            await until(lambda: listed().state == "withdrawn", what="the request withdrawn")
        finally:
            await app.quit()

    try:
        run(scenario())
    finally:
        server.stop()


def test_take_an_offer_and_lose_one_to_a_colleague(qtbot, run, dev_certs, tmp_path):
    server = chat_server(tmp_path, dev_certs)
    app = make_app(tmp_path, server)
    shifts = seated_shifts(server)

    async def scenario() -> None:
        try:

            async def ask_all(service: RosterDutyService) -> list[ReplacementRequest]:
                return [
                    await service.ask(date.fromisoformat(s["day"]), s["index"], "Ziek")
                    for s in shifts
                ]

            asked = await as_colleague(server, "bascule.trainee1", ask_all)

            async def offers_of(service: RosterDutyService) -> set[int]:
                return {o.id for o in (await service.replacements()).offers}

            helper_sees = await as_colleague(server, "bascule.helper2", offers_of)
            page = await open_roster(qtbot, app, server, "bascule.trainee2")
            view = app.roster.duty.replacements
            await until(lambda: view.offers.rowCount() > 0, what="the offers")
            mine_ids = {r.id for r in view.offers.requests}
            both = [r for r in asked if r.id in mine_ids and r.id in helper_sees]
            assert len(both) >= 2, "both colleagues may take the seated shifts"
            first, second = both[0], both[1]
            page.tabs.setCurrentWidget(view)

            def select(request_id: int) -> None:
                row = next(n for n, r in enumerate(view.offers.requests) if r.id == request_id)
                view.offers_table.selectRow(row)

            select(first.id)
            qtbot.mouseClick(view.take, Qt.MouseButton.LeftButton)
            await until(lambda: first.id not in {r.id for r in view.offers.requests},
                        what="the taken shift leaves the offers")  # fmt: skip
            assert "Lotte Bakker" in view.message.text()

            # Meanwhile a colleague takes the second one first.
            async def take_second(service: RosterDutyService) -> ReplacementRequest:
                return await service.accept(second)

            taken = await as_colleague(server, "bascule.helper2", take_second)
            assert taken.state == "taken"
            # The row on screen may still show it: taking it is refused in words.
            view.take_requested.emit(second)
            await until(lambda: "Daan Jansen" in view.message.text(), what="the conflict")
            assert "color: #c62828" in view.message.styleSheet()
            await until(lambda: second.id not in {r.id for r in view.offers.requests},
                        what="the list refreshed")  # fmt: skip
        finally:
            await app.quit()

    try:
        run(scenario())
    finally:
        server.stop()
