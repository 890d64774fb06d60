"""The commitments editor in the real console against the real server: a coordinator opens
the Commitments tab for March 2039, edits an institution (validated while typing), saves,
and the server and the fairness report show the new commitment; then another coordinator
saves first, twice: once the coordinator takes theirs, once keeps theirs own."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt

from console.domain.roles import Area
from console.services.roster_commitments import (
    Commitment,
    CommitmentsInvalid,
    CommitmentsService,
)
from console.ui.roster.commitments import CommitmentsView
from console.ui.roster.fairness import FairnessView
from console.ui.roster.page import RosterPage
from tests.support.roster import serve_roster, set_commitments, token
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login, make_app

MARCH = (date(2039, 3, 1), date(2039, 3, 31))
API = "/api/v1/roster"


@pytest.fixture(scope="module", params=["sqlite"])
def roster_server(request, tmp_path_factory, dev_certs):
    yield from serve_roster(request, tmp_path_factory, dev_certs)


def tr(text: str, context: str = "CommitmentsView") -> str:
    return QCoreApplication.translate(context, text)


def stored(server) -> list[dict]:
    with server.client() as client:
        tok = token(client, "coordinator")
        answer = client.get(
            f"{API}/commitments",
            params={"start": MARCH[0].isoformat(), "end": MARCH[1].isoformat()},
            headers={"Authorization": f"Bearer {tok}"},
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["institutions"]


def other_coordinator_saves(server, entries: list[dict]) -> None:
    with server.client() as client:
        answer = set_commitments(client, token(client, "coordinator"), *MARCH, entries)
        assert answer.status_code == 200, answer.text


def test_edit_save_and_conflicts(qtbot, run, roster_server, tmp_path):
    app = make_app(tmp_path, roster_server)

    async def scenario() -> None:
        try:
            app.start()
            fill_login(qtbot, app.login_dialog, roster_server.url, "coordinator", "hulpmix-demo")
            await until(lambda: app.window is not None and app.window.isVisible(), what="window")
            app.window.show_area(Area.ROSTER)
            page = app.window.page(Area.ROSTER)
            assert isinstance(page, RosterPage)
            view = page.commitments
            assert isinstance(view, CommitmentsView)
            assert page.tabs.tabText(page.tabs.indexOf(view)) == tr("Commitments", "RosterPage")
            page.tabs.setCurrentWidget(view)
            view.go(MARCH[0])
            await until(
                lambda: view.page is not None and view.page.commitments.start == MARCH[0],
                what="March 2039",
            )
            assert len(view.rows) >= 2 and not any(r.takes_part.isChecked() for r in view.rows)
            row = view.rows[0]
            name, inst = row.info.name, row.info.id

            # Edit; a maximum below the minimum is refused while typing.
            view.table.selectRow(0)
            row.takes_part.setChecked(True)
            row.minimum.setValue(4)
            row.maximum.setValue(2)
            assert tr("{0}: the maximum is below the minimum.").format(name) in view.problems.text()
            assert not view.save.isEnabled()
            row.maximum.setValue(6)
            assert view.problems.text() == "" and view.save.isEnabled()
            row.days[0].setChecked(True)  # Monday
            view.date_edit.setDate(QDate(2039, 3, 15))
            qtbot.mouseClick(view.add_date, Qt.MouseButton.LeftButton)
            view.add_unavailable(date(2039, 4, 2))  # outside the month: not taken
            assert row.dates == [date(2039, 3, 15)] and view.dates.count() == 1
            qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
            await until(lambda: view.message.text() == tr("The commitments are saved."))
            assert stored(roster_server) == [
                {
                    "institution_id": inst,
                    "min_blocks": 4,
                    "max_blocks": 6,
                    "preferred_weekdays": [0],
                    "unavailable_dates": ["2039-03-15"],
                    "version": 1,
                }
            ]
            # The fairness report sees the new commitment.
            fairness = page.fairness
            assert isinstance(fairness, FairnessView)
            fairness.go(MARCH[0])
            await until(
                lambda: fairness.report is not None and fairness.report.start == MARCH[0],
                what="the fairness report for March 2039",
            )
            model = fairness.model
            texts = {model.data(model.index(r, 0)): model.data(model.index(r, 1))
                     for r in range(model.rowCount())}  # fmt: skip
            assert texts[name] == "4\u20136"

            # Another coordinator saves first; this one takes theirs.
            theirs = {"institution_id": inst, "min_blocks": 1, "max_blocks": 2}
            other_coordinator_saves(roster_server, [theirs])
            row = view.rows[0]  # the table was built again from the saved rows
            assert row.takes_part.isChecked() and row.minimum.value() == 4
            row.minimum.setValue(3)
            qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
            await until(lambda: view.conflict_box.isVisible(), what="the conflict")
            text = view.conflict_text.text()
            assert "3\u20136" in text and "1\u20132" in text
            assert not view.save.isEnabled()
            qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
            row = view.rows[0]
            assert (row.minimum.value(), row.maximum.value(), row.dates) == (1, 2, [])
            assert not view.conflict_box.isVisible() and view.save.isEnabled()

            # Again, and now the coordinator keeps their own edit.
            other_coordinator_saves(roster_server, [{**theirs, "max_blocks": 9}])
            row.maximum.setValue(5)
            qtbot.mouseClick(view.save, Qt.MouseButton.LeftButton)
            await until(lambda: view.conflict_box.isVisible(), what="the second conflict")
            qtbot.mouseClick(view.keep_mine, Qt.MouseButton.LeftButton)
            await until(lambda: view.message.text() == tr("The commitments are saved."))
            [saved] = stored(roster_server)
            assert (saved["min_blocks"], saved["max_blocks"], saved["version"]) == (1, 5, 4)

            # A refusal by the server is shown per field, in the user's language.
            service = CommitmentsService(app.transport)
            read = await service.load(*MARCH)
            try:
                await service.save(read, [Commitment(inst, 3, 2)])
            except CommitmentsInvalid as invalid:
                view.show_errors(invalid)
            else:
                raise AssertionError("the server accepted a maximum below the minimum")
            assert view.problems.text() == "{}: {}".format(
                name, tr("the maximum is below the minimum or too large.")
            )
            assert [r.commitment().max_blocks for r in view.rows[:1]] == [5]
        finally:
            await app.quit()

    run(scenario())
