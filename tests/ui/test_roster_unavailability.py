"""Marking the days one cannot sit, under "Mijn diensten", through the real server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.domain.hours import local_day
from console.domain.roles import Area
from console.ui.roster.page import RosterPage
from tests.support.api import DEMO_PASSWORD, auth
from tests.support.supervision import make_cast
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login, make_app

ME = "/api/v1/roster/me/unavailable"


def test_a_trainee_marks_weekdays_and_dates(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    with server.client(timeout=30) as client:
        cast = make_cast(client)  # a fresh trainee: the demo's people stay as they are
        headers = cast.headers["trainee_self"]
        # Friday already marked, so the screen shows it is read from the server.
        assert client.put(ME, json={"weekdays": [4]}, headers=headers).status_code == 200
        app = make_app(tmp_path, server)
        later = local_day(datetime.now(UTC)) + timedelta(days=10)

        async def scenario() -> None:
            try:
                app.start()
                name = cast.users["trainee_self"]["username"]
                fill_login(qtbot, app.login_dialog, server.url, name, DEMO_PASSWORD)
                await until(lambda: app.window is not None and app.window.isVisible())
                app.window.show_area(Area.ROSTER)
                page = app.window.page(Area.ROSTER)
                assert isinstance(page, RosterPage) and page.mine is not None
                box = page.mine.unavailability
                await until(lambda: box.weekdays[4].isChecked(), what="the marked Friday")
                assert box.weekdays[4].text() == "vrijdag"
                box.weekdays[0].setChecked(True)
                box.date_edit.setDate(box.date_edit.date().addDays(10))
                box.add.click()
                box.add.click()  # the same date twice is refused in words
                assert box.message.text() == "Deze datum staat al in de lijst."
                assert box.chosen_dates() == [later]
                box.save.click()
                await until(lambda: box.message.text().startswith("Opgeslagen"), what="saved")
                assert app.roster is not None
                await until(lambda: app.roster.loading == 0, what="the area loaded")
            finally:
                await app.quit()

        run(scenario())
        stored = client.get(ME, headers=headers).json()
        assert stored == {"weekdays": [0, 4], "dates": [later.isoformat()], "clashes": []}
        # The rules see it: the planners' list of people carries the marks.
        coordinator = auth(client.post(
            "/api/v1/session", json={"username": "coordinator", "password": DEMO_PASSWORD}
        ).json()["access_token"])  # fmt: skip
        people = client.get("/api/v1/roster/people", headers=coordinator).json()["people"]
        me = next(p for p in people if p["id"] == str(cast.id("trainee_self")))
        assert me["unavailable_weekdays"] == [0, 4]
        assert me["unavailable_dates"] == [later.isoformat()]
