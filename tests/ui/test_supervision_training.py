"""The supervisor records a trainee's training in the real console against the real server
(the Training criterion follows; a stale version shows the current record to redo the
change; refused fields are marked), and the coordinators' overview shows the server's
per-institution counts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from console.services.supervision import TrainingRecord
from console.ui.supervision.page import STAGES, SupervisionPage
from console.ui.supervision.training import ERROR_STYLE, TrainingDialog
from tests.support.api import auth, login
from tests.support.supervision import S, make_cast
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import make_app
from tests.ui.test_supervision_progress import TS, cells, leave, open_area

SS = "supervisor_same"


async def open_trainee(qtbot, app, server, cast) -> SupervisionPage:
    page = await open_area(qtbot, app, server, cast.users[SS]["username"])
    progress = page.progress
    assert progress is not None and page.trainees is not None
    await until(lambda: page.trainees.rowCount() == 2, what="the trainees")
    tid = cast.id(TS)
    page.select_trainee(tid)
    await until(
        lambda: progress.record is not None and progress.record.id == tid, what="the record"
    )
    return page


async def open_dialog(qtbot, page: SupervisionPage) -> TrainingDialog:
    progress = page.progress
    assert progress is not None and progress.training_button.isEnabled()
    qtbot.mouseClick(progress.training_button, Qt.MouseButton.LeftButton)
    await until(lambda: isinstance(page.dialog, TrainingDialog), what="the training form")
    dialog = page.dialog
    assert isinstance(dialog, TrainingDialog)
    return dialog


def training_state(progress) -> str:
    return cells(progress.criteria)[0][2]


def test_recording_the_national_training_meets_the_criterion(
    qtbot, run, demo_sqlite_server, tmp_path
):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)
    tid = cast.id(TS)
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_trainee(qtbot, app, server, cast)
            progress = page.progress
            assert training_state(progress) == "\u2717 nog niet"
            dialog = await open_dialog(qtbot, page)
            # Prefilled from the empty record: nothing checked, version 0.
            assert not dialog.national.isChecked() and not dialog.trainer.isEnabled()
            assert dialog.version == 0 and dialog.refreshers.rowCount() == 0

            qtbot.mouseClick(dialog.national, Qt.MouseButton.LeftButton)
            assert dialog.trainer.isEnabled()
            dialog.national_date.setDate(QDate(2026, 3, 4))
            qtbot.keyClicks(dialog.trainer, "Joke de Trainer")
            dialog.add_session("Eetstoornissen", date(2026, 5, 6))
            qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
            await until(lambda: page.dialog is None, what="the form closes")
            await until(lambda: training_state(progress) == "\u2713 voldaan", what="criterion met")
            assert progress.record is not None
            assert progress.record.training.national_trainer == "Joke de Trainer"
            assert "Eetstoornissen" in progress.training.text()

            saved = cast.get(SS, f"/trainees/{tid}").json()["training"]
            assert saved["national_date"] == "2026-03-04"
            assert saved["national_trainer"] == "Joke de Trainer"
            assert saved["refreshers"] == {"Eetstoornissen": "2026-05-06"}
            assert saved["version"] == 1

            # Reopened, the form shows what was saved.
            dialog = await open_dialog(qtbot, page)
            assert dialog.national.isChecked() and dialog.trainer.text() == "Joke de Trainer"
            assert dialog.sessions() == [("Eetstoornissen", date(2026, 5, 6))]
            assert dialog.version == 1
            dialog.reject()
            await until(lambda: page.dialog is None, what="closed")
        finally:
            await leave(app)

    try:
        run(scenario())
    finally:
        client.close()


def test_a_stale_version_shows_the_current_record_to_redo(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)
    tid = cast.id(TS)
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_trainee(qtbot, app, server, cast)
            dialog = await open_dialog(qtbot, page)
            # Meanwhile another supervisor records the alternative route's first part.
            other = cast.put(
                SS,
                f"/trainees/{tid}/training",
                {"kindertelefoon_date": "2026-01-02", "role_plays": 2, "version": 0},
            )
            assert other.status_code == 200, other.text

            qtbot.mouseClick(dialog.national, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(dialog.trainer, "Joke de Trainer")
            qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
            await until(lambda: dialog.version == 1, what="the current record shown")
            assert page.dialog is dialog and dialog.message.text()
            assert dialog.kindertelefoon.isChecked() and dialog.role_plays.value() == 2
            assert not dialog.national.isChecked() and dialog.trainer.text() == ""
            assert cast.get(SS, f"/trainees/{tid}").json()["training"]["national_trainer"] == ""

            # Redo the change on top of the current record.
            qtbot.mouseClick(dialog.national, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(dialog.trainer, "Joke de Trainer")
            qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
            await until(lambda: page.dialog is None, what="the form closes")
            saved = cast.get(SS, f"/trainees/{tid}").json()["training"]
            assert saved["national_trainer"] == "Joke de Trainer"
            assert saved["kindertelefoon_date"] == "2026-01-02" and saved["role_plays"] == 2
            assert saved["version"] == 2
        finally:
            await leave(app)

    try:
        run(scenario())
    finally:
        client.close()


def test_refused_fields_are_marked_and_nothing_is_lost(qtbot, demo_sqlite_server):
    dialog = TrainingDialog("Lotte Bakker", TrainingRecord(role_plays=1, version=3), 3)
    qtbot.addWidget(dialog)
    dialog.show()
    sent: list[TrainingRecord] = []
    dialog.confirmed.connect(sent.append)

    # Checked before sending: a national training needs its trainer.
    qtbot.mouseClick(dialog.national, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert sent == [] and dialog.trainer.styleSheet() == ERROR_STYLE
    assert dialog.message.text() and dialog.confirm.isEnabled()
    qtbot.keyClicks(dialog.trainer, "T")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert len(sent) == 1 and sent[0].national_trainer == "T" and sent[0].version == 3
    assert sent[0].role_plays == 1 and dialog.trainer.styleSheet() == ""

    # The real server's 422 for a theme that is too long, shown on its field.
    with demo_sqlite_server.client(timeout=30) as client:
        cast = make_cast(client)
        refused = cast.put(
            SS,
            f"/trainees/{cast.id(TS)}/training",
            {"refreshers": {"x" * 101: "2026-01-01"}, "version": 0},
        )
    assert refused.status_code == 422, refused.text
    fields = [(f["field"], f["message"]) for f in refused.json()["fields"]]
    dialog.invalid(fields)
    assert dialog.refreshers.styleSheet() == ERROR_STYLE
    assert dialog.trainer.text() == "T"  # what was typed stays
    assert dialog.confirm.isEnabled()


def test_the_coordinators_overview_matches_the_server(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)  # two fresh institutions with two trainees in one
    assert (
        cast.put(
            SS,
            f"/trainees/{cast.id(TS)}/training",
            {"national_date": "2026-01-02", "national_trainer": "T", "version": 0},
        ).status_code
        == 200
    )
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_area(qtbot, app, server, "coordinator")
            overview = page.overview
            assert overview is not None and page.progress is None
            await until(lambda: overview.rowCount() > 0, what="the overview")
            await until(lambda: app.supervision.loading == 0, what="loaded")
            headers = {
                "Authorization": auth(login(client, "coordinator")["access_token"])["Authorization"]
            }
            answer = client.get(S + "/overview", headers=headers)
            assert answer.status_code == 200, answer.text
            expected = [
                [i["name"], str(i["trainees"])] + [str(i["stages"].get(s, 0)) for s in STAGES]
                for i in answer.json()["institutions"]
            ]
            assert cells(overview) == expected
            ours = cast.institutions["a"]["name"]
            row = next(r for r in expected if r[0] == ours)
            assert row[1] == "2"
            assert sum(int(n) for n in row[2:]) == 2
        finally:
            # The coordinator's roster loads too: let it finish before quitting.
            if app.roster is not None:
                await until(lambda: app.roster.loading == 0, what="the roster loaded")
            await leave(app)

    try:
        run(scenario())
    finally:
        client.close()
