"""The supervision area in the real console against the real server: a trainee's progress
view shows each criterion from real records, and a supervisor's sign-off is disabled until
the trainee meets the rule, then works (the trainee's backup flag changes on the server)
and can be revoked with a reason."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from console.domain.roles import Area
from console.services.supervision import TraineeRecord
from console.ui.supervision.page import SupervisionPage
from console.ui.supervision.signoff import RevokeDialog, SignOffDialog
from tests.support.api import DEMO_PASSWORD
from tests.support.chat import query
from tests.support.supervision import make_cast, make_ready, record_shifts
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login, make_app

TS, SS, HS = "trainee_self", "supervisor_same", "helper_same"


def cells(model) -> list[list[str]]:
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


async def open_area(qtbot, app, server, username) -> SupervisionPage:
    app.start()
    fill_login(qtbot, app.login_dialog, server.url, username, DEMO_PASSWORD)
    await until(lambda: app.window is not None and app.window.isVisible(), what="window")
    app.window.show_area(Area.SUPERVISION)
    page = app.window.page(Area.SUPERVISION)
    assert isinstance(page, SupervisionPage)
    return page


async def leave(app) -> None:
    """Quit once the area's own loading is done: a request cut half-way by the quit would
    leave a socket for the garbage collector to complain about."""
    if app.supervision is not None:
        await until(lambda: app.supervision.loading == 0, what="the area loaded")
    await app.quit()


def test_the_trainee_sees_progress_from_real_data(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    with server.client(timeout=30) as client:
        cast = make_cast(client)
        tid = cast.id(TS)
        trained = cast.put(
            SS,
            f"/trainees/{tid}/training",
            {"kindertelefoon_date": "2026-01-02", "role_plays": 1, "version": 0},
        )
        assert trained.status_code == 200, trained.text
        record_shifts(cast, TS, HS, 4)
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_area(qtbot, app, server, cast.users[TS]["username"])
            assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
                "Mijn voortgang",
                "Intervisie",
            ]
            progress = page.progress
            assert progress is not None
            await until(lambda: progress.record is not None, what="the record")
            assert cells(progress.criteria) == [
                [
                    "Training",
                    "Nog niet compleet: 3 rollenspellen, trainingsmap gelezen",
                    "\u2717 nog niet",
                ],
                ["Begeleide diensten", "4 van 10 diensten met achtervang van de eigen instelling",
                 "\u2717 nog niet"],
                ["Chatbeoordelingen",
                 "0 van 3 vrijgegeven beoordelingen, gemiddelde \u2014 (nodig: 3 of hoger)",
                 "\u2717 nog niet"],
                ["Intervisie bijgewoond", "0 van 1 bijeenkomst(en)", "\u2717 nog niet"],
            ]  # fmt: skip
            assert f"HIO-nummer {tid}" in progress.stage.text()
            assert progress.signoff.text().startswith("Niet afgetekend")
            assert not progress.buttons.isVisibleTo(progress)  # a trainee signs nobody off
        finally:
            await leave(app)

    run(scenario())


def test_sign_off_is_enabled_only_when_ready_and_changes_the_backup_flag(
    qtbot, run, demo_sqlite_server, tmp_path
):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)
    tid = cast.id(TS)
    app = make_app(tmp_path, server)

    def needs_backup() -> bool:
        rows = query(server, "SELECT needs_backup FROM staff_status WHERE user_id = :u", u=tid)
        return bool(rows[0]["needs_backup"]) if rows else True

    async def scenario() -> None:
        try:
            page = await open_area(qtbot, app, server, cast.users[SS]["username"])
            progress = page.progress
            assert progress is not None and page.trainees is not None
            await until(lambda: page.trainees.rowCount() == 2, what="the trainees")
            page.select_trainee(tid)

            def shown() -> TraineeRecord | None:
                record = progress.record
                return record if record is not None and record.id == tid else None

            await until(lambda: shown() is not None, what="the trainee's record")
            assert not progress.sign_button.isEnabled()
            assert "Nog niet alle criteria" in progress.sign_button.toolTip()
            assert not progress.revoke_button.isEnabled()

            # Everything met through the API: the server's events update the open view.
            await asyncio.to_thread(make_ready, cast)
            await until(lambda: progress.sign_button.isEnabled(), timeout=60, what="ready")
            assert all(row[2] == "\u2713 voldaan" for row in cells(progress.criteria))
            qtbot.mouseClick(progress.sign_button, Qt.MouseButton.LeftButton)
            await until(lambda: isinstance(page.dialog, SignOffDialog), what="the form")
            dialog = page.dialog
            assert dialog.confirm.isEnabled() and dialog.why.text() == ""
            qtbot.keyClicks(dialog.remark, "Rustig en zorgvuldig; afspraak: bij crisis bellen.")
            qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
            await until(lambda: page.dialog is None, what="the form closes")
            await until(lambda: not needs_backup(), what="the server's flag")
            await until(lambda: shown() is not None and shown().signoff is not None, what="shown")
            assert progress.signoff.text().startswith("Afgetekend: mag zonder achtervang chatten.")
            assert "bij crisis bellen" in progress.signoff.text()
            assert not progress.sign_button.isEnabled() and progress.revoke_button.isEnabled()
            await until(
                lambda: (
                    cells(page.trainees)[[t.id for t in page.trainees.trainees].index(tid)][1]
                    == "Afgetekend"
                ),
                what="the list updates",
            )

            qtbot.mouseClick(progress.revoke_button, Qt.MouseButton.LeftButton)
            await until(lambda: isinstance(page.dialog, RevokeDialog), what="revoke form")
            revoke = page.dialog
            assert not revoke.confirm.isEnabled()  # a reason is required
            qtbot.keyClicks(revoke.reason, "Twee lastige chats")
            qtbot.mouseClick(revoke.confirm, Qt.MouseButton.LeftButton)
            await until(needs_backup, what="backup needed again")
            await until(lambda: shown() is not None and shown().signoff is None, what="revoked")
            assert "Twee lastige chats" in progress.signoff.text()
            assert progress.sign_button.isEnabled()
        finally:
            await leave(app)

    try:
        run(scenario())
    finally:
        client.close()


def test_the_form_names_what_is_missing(qtbot, dutch):
    record = TraineeRecord.from_json(
        {
            "id": 7,
            "display_name": "Lotte Bakker",
            "stage": "reviews",
            "ready": False,
            "criteria": {
                "training": {"met": True, "have": "1", "need": "1", "detail": ["national"]},
                "supervised_shifts": {"met": True, "have": "12", "need": "10", "detail": []},
                "reviews": {"met": False, "have": "3", "need": "3", "detail": [],
                            "average": "5/2"},
                "intervision": {"met": False, "have": "0", "need": "1", "detail": []},
            },
        }
    )  # fmt: skip
    dialog = SignOffDialog(record)
    qtbot.addWidget(dialog)
    assert not dialog.confirm.isEnabled()
    assert dialog.why.text() == (
        "Aftekenen kan zodra aan elk criterium is voldaan. Nog niet voldaan: "
        "Chatbeoordelingen, Intervisie bijgewoond."
    )
    assert "gemiddelde 2,5 (nodig: 3 of hoger)" in dialog.criteria.text()
