"""Writing an intervision case note in the real console while the network is down: the
editor masks the quoted fragment and shows the author what it removed, the note waits in
the encrypted outbox as "Not sent yet", and once the connection is back it is stored on
the server exactly once, with the name and phone number masked there too."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.services.supervision import Note
from console.services.sync import ConnectionState
from console.ui.supervision.note_editor import NoteEditor
from tests.support.chat import query
from tests.support.proxy import TestProxy
from tests.support.supervision import make_cast
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import make_app
from tests.ui.test_supervision_progress import leave, open_area

TS, HS, SS = "trainee_self", "helper_same", "supervisor_same"


def test_a_case_note_written_offline_is_saved_once_when_back(
    qtbot, run, demo_sqlite_server, tmp_path
):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)
    tid = cast.id(TS)
    made = cast.post(
        SS,
        "/meetings",
        {"day": "2026-03-10", "method": "balint", "participants": [tid, cast.id(HS)]},
    )
    assert made.status_code == 201, made.text
    mid = made.json()["id"]
    proxy = TestProxy()
    app = make_app(tmp_path, server, proxy_mode="manual", proxy_url=proxy.url)

    def stored() -> int:
        return len(query(server, "SELECT id FROM intervision_notes WHERE meeting_id = :m", m=mid))

    async def scenario() -> None:
        try:
            page = await open_area(qtbot, app, server, cast.users[TS]["username"])
            iv = page.intervision
            assert iv is not None
            page.tabs.setCurrentWidget(iv)
            await until(lambda: iv.current_meeting() is not None, what="the meeting")
            assert iv.meetings.data(iv.meetings.index(0, 1)) == "Balintmethode"
            assert iv.write.isEnabled()

            proxy.block()
            sync = app.sync
            await until(lambda: sync.state is ConnectionState.RECONNECTING, what="offline")
            qtbot.mouseClick(iv.write, Qt.MouseButton.LeftButton)
            await until(lambda: isinstance(page.dialog, NoteEditor), what="the editor")
            editor = page.dialog
            qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
            assert editor.message.text() == (
                "Vul in: De casus in een paar regels.\nVul in: De vraag."
            )
            qtbot.keyClicks(editor.parts["case"], "Jongen van 15, ruzie thuis; uniek-8852")
            qtbot.keyClicks(editor.parts["question"], "Hoe blijf ik naast hem staan?")
            quote = editor.add_quote()
            qtbot.keyClicks(quote.chat_ref, "chat-7f3e")
            qtbot.keyClicks(quote.text, "mijn broer Kees zegt bel 06-12345678")
            qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
            assert editor.steps.currentIndex() == 1, "the author sees what masking did"
            review = editor.review.text()
            assert "\u201cmijn broer [naam] zegt bel [telefoon]\u201d" in review
            assert (
                "naam \u201cKees\u201d" in review
                and "telefoonnummer \u201c06-12345678\u201d" in review
            )
            assert editor.save.text() == "Bevestigen en opslaan"
            qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
            await until(lambda: page.dialog is None, what="the editor closes")

            assert iv.notes.rowCount() == 1
            assert iv.notes.data(iv.notes.index(0, 2)) == "Nog niet verzonden"
            assert stored() == 0
            on_disk = b"".join(
                p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()
            )
            assert b"uniek-8852" not in on_disk, "never in plain text on the workstation"

            proxy.unblock()
            sync.retry_now()
            await until(
                lambda: iv.notes.rowCount() == 1 and isinstance(iv.notes.rows[0], Note),
                timeout=60,
                what="stored and shown",
            )
            assert iv.notes.data(iv.notes.index(0, 2)) == "opgeslagen"
            assert stored() == 1
            note = iv.notes.rows[0]
            assert note.quotes[0].text == "mijn broer [naam] zegt bel [telefoon]"
            # What a colleague reads from the server: masked, the case intact.
            theirs = cast.get(SS, f"/meetings/{mid}/notes").json()["notes"]
            assert len(theirs) == 1 and theirs[0]["case"].endswith("uniek-8852")
            assert "Kees" not in str(theirs) and "06-12345678" not in str(theirs)

            iv.notes_view.selectRow(0)
            assert iv.reads.isEnabled()
            qtbot.mouseClick(iv.reads, Qt.MouseButton.LeftButton)
            await until(lambda: iv.message.text().startswith("Gelezen door:"), what="the reads")
            assert cast.users[SS]["display_name"] in iv.message.text()
        finally:
            await leave(app)

    try:
        run(scenario())
    finally:
        proxy.close()
        client.close()


def test_the_meeting_shows_the_follow_ups_of_the_previous_one(
    qtbot, run, demo_sqlite_server, tmp_path
):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)
    tid, hs = cast.id(TS), cast.id(HS)
    inst = cast.users[SS]["institution_id"]

    def meeting(day: str) -> int:
        made = cast.post(
            SS,
            "/meetings",
            {"day": day, "method": "free", "institution_id": inst, "participants": [tid, hs]},
        )
        assert made.status_code == 201, made.text
        return int(made.json()["id"])

    before = meeting("2026-06-01")
    item = {"text": "Sociale kaart bijwerken", "owner_id": hs, "due": "2026-06-15"}
    note = cast.post(
        TS,
        f"/meetings/{before}/notes",
        {"case": "Casus", "follow_up": "Navragen hoe het afliep", "action_items": [item]},
    )
    assert note.status_code == 201, note.text
    now = meeting("2026-06-08")
    app = make_app(tmp_path, server)

    def readers() -> list[int]:
        answer = cast.get(TS, f"/notes/{note.json()['id']}/reads")
        assert answer.status_code == 200, answer.text
        return [r["user_id"] for r in answer.json()["reads"]]

    async def scenario() -> None:
        try:
            assert readers() == []
            page = await open_area(qtbot, app, server, cast.users[HS]["username"])
            iv = page.intervision
            assert iv is not None
            page.tabs.setCurrentWidget(iv)
            await until(lambda: iv.current_meeting() is not None, what="the meetings")
            assert iv.current_meeting().id == now, "newest first"
            await until(
                lambda: "Navragen hoe het afliep" in iv.previous.toPlainText(),
                what="the follow-ups of last time",
            )
            shown = iv.previous.toPlainText()
            assert cast.users[TS]["display_name"] in shown  # who agreed it
            assert "Sociale kaart bijwerken" in shown and "15 juni 2026" in shown
            assert cast.users[HS]["display_name"] in shown  # the action's owner
            assert iv.previous.isVisibleTo(iv) and iv.previous.isReadOnly()
            # Above the notes, and reading it is recorded like reading the note.
            layout = iv.previous.parentWidget().layout()
            assert layout.indexOf(iv.previous) < layout.indexOf(iv.notes_view)
            # (once per time the meeting is loaded, as with the notes themselves)
            assert readers() != [] and set(readers()) == {hs}

            iv.select_meeting(before)
            await until(
                lambda: (
                    "Navragen" not in iv.previous.toPlainText() and iv.previous.toPlainText() != ""
                ),
                what="the first meeting: nothing before it",
            )
        finally:
            await leave(app)

    try:
        run(scenario())
    finally:
        client.close()
