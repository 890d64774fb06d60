"""The roster coordinator opens a coming public holiday and closes ordinary days in the real
console against a real server that keeps production hours (weekdays 16:00-18:00, closed
on public holidays): the server's schedule then says open (or closed) that day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from console.domain.hours import AMSTERDAM, WeeklySchedule, dutch_public_holidays
from console.services.chat_admin import DayState, schedule_from_json
from tests.support.admin import leave, open_admin, serve_production_hours
from tests.support.api import auth, login
from tests.support.chat import amsterdam_today
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import make_app


@pytest.fixture(scope="module", params=["sqlite"])
def hours_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_production_hours(request, tmp_path_factory, dev_certs)


def server_schedule(server: RunningServer) -> WeeklySchedule:
    with server.client() as client:
        token = auth(login(client, "coordinator")["access_token"])
        answer = client.get("/api/v1/chat/schedule", headers=token)
        assert answer.status_code == 200, answer.text
        return schedule_from_json(answer.json()["schedule"])


def open_at_half_past_four(schedule: WeeklySchedule, day) -> bool:
    """Whether a youth arriving at 16:30 Amsterdam time that day could start a chat."""
    return schedule.status(datetime.combine(day, time(16, 30), tzinfo=AMSTERDAM)).open


def test_coordinator_opens_a_holiday_and_closes_days(qtbot, run, hours_server, tmp_path):
    server = hours_server
    today = amsterdam_today()
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_admin(qtbot, app, server, "coordinator")
            assert page.texts is None, "the coordinator may not edit the chat texts"
            view = page.open_days
            assert view is not None
            await until(lambda: view.schedule is not None, what="the schedule")
            rows = view.model.rows
            names = {**dutch_public_holidays(today.year), **dutch_public_holidays(today.year + 1)}
            coming = sorted(d for d in names if today < d <= today + timedelta(days=366))
            assert [r.day for r in rows] == coming
            assert "Op Nederlandse feestdagen is de chat gesloten" in view.explanation.text()

            # The first coming holiday on a weekday (it has weekly hours), after today.
            holiday = next(r for r in rows if r.day.weekday() < 5)
            assert holiday.state is DayState.HOLIDAY and holiday.holiday == names[holiday.day]
            assert not open_at_half_past_four(server_schedule(server), holiday.day)
            view.select(holiday.day)
            assert view.open_button.isEnabled() and not view.close_button.isEnabled()
            qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
            await until(lambda: not view.busy, what="opened")
            assert view.row_of(holiday.day).state is DayState.OPENED
            assert "nu open (met de hand geopend)" in view.message.text(), view.message.text()
            schedule = server_schedule(server)
            assert holiday.day in schedule.opened_dates
            assert open_at_half_past_four(schedule, holiday.day)
            row = view.model.index(coming.index(holiday.day), 2)
            assert view.model.data(row) == "open (met de hand geopend)"

            # Close it again: the schedule says closed.
            assert view.close_button.isEnabled() and not view.open_button.isEnabled()
            qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
            await until(lambda: not view.busy, what="closed")
            assert view.row_of(holiday.day).state is DayState.CLOSED
            assert not open_at_half_past_four(server_schedule(server), holiday.day)

            # An ordinary weekday (a training day) is closed through the date field.
            ordinary = today + timedelta(days=14)
            while ordinary.weekday() >= 5 or ordinary in names:
                ordinary += timedelta(days=1)
            assert open_at_half_past_four(server_schedule(server), ordinary)
            assert view.row_of(ordinary) is None
            view.other_day.setDate(QDate(ordinary.year, ordinary.month, ordinary.day))
            qtbot.mouseClick(view.close_other_button, Qt.MouseButton.LeftButton)
            await until(lambda: not view.busy, what="the training day closed")
            listed = view.row_of(ordinary)
            assert listed is not None and listed.state is DayState.CLOSED and listed.holiday == ""
            assert view.selected_day() == ordinary
            schedule = server_schedule(server)
            assert ordinary in schedule.closed_dates
            assert not open_at_half_past_four(schedule, ordinary)

            # And opened again: an ordinary day keeps its weekly hours.
            qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
            await until(lambda: not view.busy, what="the training day opened")
            assert view.row_of(ordinary).state is DayState.OPEN
            assert open_at_half_past_four(server_schedule(server), ordinary)

            # A day in the past cannot be chosen.
            assert view.other_day.minimumDate() == QDate(today.year, today.month, today.day)
        finally:
            await leave(app)

    run(scenario())


def test_refresh_shows_what_someone_else_changed(qtbot, run, hours_server, tmp_path):
    server = hours_server
    today = amsterdam_today()
    app = make_app(tmp_path, server)
    day = today + timedelta(days=40)
    while day in dutch_public_holidays(day.year):
        day += timedelta(days=1)

    async def scenario() -> None:
        try:
            page = await open_admin(qtbot, app, server, "admin")
            view = page.open_days
            assert view is not None and page.texts is not None
            await until(lambda: view.schedule is not None, what="the schedule")
            assert view.row_of(day) is None
            with server.client() as client:
                token = auth(login(client, "projectlead")["access_token"])
                closed = client.put(
                    f"/api/v1/chat/open-days/{day.isoformat()}",
                    json={"open": False},
                    headers=token,
                )
                assert closed.status_code == 200, closed.text
            qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
            await until(lambda: view.row_of(day) is not None, what="the refreshed list")
            assert view.row_of(day).state is DayState.CLOSED
        finally:
            await leave(app)

    run(scenario())
