"""The screening view in the real console against the real server, driven by the keyboard
alone through a whole round: open it, move with j/k, publish, edit with a reason, reject
with a reason, hold, escalate, undo, and close the round."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from console.domain.roles import Area
from console.ui.screening.page import ScreeningPage
from tests.e2e.test_screening_service import on_duty, set_clock, submit, today_at
from tests.support.waiting import until
from tests.support.youth import chat_server
from tests.ui.test_login_and_main_window import fill_login, make_app


@pytest.fixture
def forum_server(tmp_path, dev_certs):
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


async def focused(window) -> None:
    """The window has the keyboard, as it has for a person (offscreen Qt does not move
    activation between windows by itself)."""
    window.activateWindow()
    await until(lambda: window.isActiveWindow(), what="the window active")


def key(qtbot, widget, text: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, text if len(text) == 1 else getattr(Qt.Key, f"Key_{text}"), modifier)


def test_a_whole_round_by_keyboard(qtbot, run, forum_server, tmp_path):
    server = forum_server
    # Tomorrow 10:20, not today: the server's sweeper already saw today at the real time
    # and marks a passed window missed, so today's morning round cannot be opened when
    # the suite runs after noon. Tomorrow's rounds are made when the clock gets there.
    moment = today_at(10, 20) + timedelta(days=1)
    set_clock(server, moment)
    duty = on_duty(server)
    bodies = [
        "eerste: gewoon publiceren",
        "tweede: bel 06-12345678 maar",
        "derde: spam spam spam",
        "vierde: twijfelgeval",
        "vijfde: ik wil niet meer leven",
    ]
    posts = [submit(server, body, title=f"Bericht {n}") for n, body in enumerate(bodies, 1)]
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            await screen(app)
        finally:
            await app.quit()

    async def screen(app) -> None:
        app.start()
        fill_login(qtbot, app.login_dialog, server.url, f"{duty}.trainee1", "hulpmix-demo")
        await until(lambda: app.window is not None and app.window.isVisible(), what="window")
        app.window.show_area(Area.SCREENING)
        page = app.window.page(Area.SCREENING)
        assert isinstance(page, ScreeningPage)
        page.set_claim_delay(0)
        # The same moment as the server's forum clock: the o key opens the round whose
        # window is now, whatever the time of day the suite runs at.
        page.set_clock(lambda: moment)
        # The demo data has a queue of its own; ours are the newest, so the last rows.
        await until(lambda: all(page.model.row_of(p) >= 0 for p in posts), what="the queue")
        await until(lambda: page.rounds.cards, what="today's rounds")
        queue = page.queue
        queue.setFocus()
        assert page.queue.currentIndex().row() == 0  # oldest first, opened at once
        for _ in range(page.model.rowCount()):
            if page.current_item().id == posts[0]:
                break
            key(
                qtbot,
                queue,
                "j" if page.model.row_of(posts[0]) > queue.currentIndex().row() else "k",
            )
        assert page.current_item().id == posts[0]

        # o: open the round of now (10:00-12:00, our institution has duty).
        key(qtbot, queue, "o")
        await until(
            lambda: any(c.round and c.round.state == "open" for c in page.rounds.cards),
            what="round open",
        )
        assert page.rounds.cards[0].button.text() == "Ronde sluiten"

        # j/k move; the post on screen is claimed after a moment.
        key(qtbot, queue, "j")
        assert page.current_item().id == posts[1]
        key(qtbot, queue, "k")
        assert page.current_item().id == posts[0]
        await until(
            lambda: (app.screening.service.item(posts[0]).claim or None) is not None,
            what="claimed",
        )
        assert page.item_panel.claim.text() == "U screent dit bericht"

        # p: publish the first; the next post takes its place.
        key(qtbot, queue, "p")
        await until(lambda: page.model.row_of(posts[0]) < 0, what="first published")
        assert page.current_item().id == posts[1]
        assert app.screening.service.item(posts[0]).status == "published"

        # e: edit out the phone number, with a reason, all by keys.
        assert ("phone", "06-12345678") in page.item_panel.marks_shown
        key(qtbot, queue, "e")
        await until(lambda: page.dialog is not None and page.dialog.isVisible(), what="editor")
        editor = page.dialog
        await focused(editor)
        key(qtbot, editor.body, "A", Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor.body, "tweede: bel [weggehaald] maar")
        assert editor.warning.text() == "Kies een reden voor de bewerking."
        key(qtbot, editor.reason, "Down")
        key(qtbot, editor.reason, "Down")  # personal data
        assert editor.reason.currentData() == "personal_data"
        assert "[weggehaald]" in editor.diff.toPlainText()
        key(qtbot, editor.body, "Return", Qt.KeyboardModifier.ControlModifier)
        await until(lambda: page.model.row_of(posts[1]) < 0, what="edited and published")
        await focused(app.window)  # the dialog closed: the keyboard is back on the queue
        decision = app.screening.service.item(posts[1]).decision
        assert decision is not None and decision.reason == "personal_data"

        # r: reject with a reason and a note.
        assert page.current_item().id == posts[2]
        key(qtbot, queue, "r")
        await until(lambda: page.dialog is not None and page.dialog.isVisible(), what="reject")
        rejecting = page.dialog
        await focused(rejecting)
        key(qtbot, rejecting.reason, "Down")
        key(qtbot, rejecting.reason, "Down")  # not serious / spam
        assert rejecting.reason.currentData() == "not_serious"
        qtbot.keyClicks(rejecting.note, "reclame")
        key(qtbot, rejecting.note, "Return")
        await until(lambda: page.model.row_of(posts[2]) < 0, what="rejected")
        await focused(app.window)

        # h: hold the doubtful case; x: escalate the one with a danger word.
        key(qtbot, queue, "h")
        await until(lambda: page.model.row_of(posts[3]) < 0, what="held")
        assert page.current_item().id == posts[4]
        assert any(kind == "danger" for kind, _ in page.item_panel.marks_shown)
        key(qtbot, queue, "x")
        await until(lambda: page.model.row_of(posts[4]) < 0, what="escalated")
        assert page.current_item().id != posts[4]

        # u: undo the escalation; the post comes back and is on screen again.
        key(qtbot, queue, "u")
        await until(lambda: page.model.row_of(posts[4]) >= 0, what="undone")
        assert page.current_item().id == posts[4]
        assert "ongedaan" in page.message.text().lower()
        key(qtbot, queue, "x")
        await until(lambda: page.model.row_of(posts[4]) < 0, what="escalated again")

        # g: the guidelines, one key away; Escape closes them.
        key(qtbot, queue, "g")
        await until(lambda: page.dialog is not None and page.dialog.isVisible(), what="guides")
        assert "spelling" in page.dialog.text.toPlainText().lower()
        key(qtbot, page.dialog, "Escape")
        await until(lambda: page.dialog is None, what="guidelines closed")
        await focused(app.window)

        # c: close the round; the summary is stored.
        key(qtbot, queue, "c")
        await until(
            lambda: any(c.round and c.round.state == "closed" for c in page.rounds.cards),
            what="round closed",
        )
        service = app.screening.service
        final = {p: service.item(p).status for p in posts}
        assert final == {
            posts[0]: "published",
            posts[1]: "published",
            posts[2]: "rejected",
            posts[3]: "held",
            posts[4]: "escalated",
        }

    try:
        run(scenario())
    finally:
        set_clock(server, None)
    QApplication.processEvents()
