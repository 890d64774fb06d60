"""The referrals view in the real console against the real server; the youth over HTTP.

A helper records a warm referral with contact details from the crisis dialog, finds it in
"Verwijzingen" without its details, shows them (the server audits the read), leaves the
view (they are gone from the window), and closes it (the server destroys them). A
supervisor of another institution does not see it; a referral someone else closed
meanwhile is explained in words.
"""

from __future__ import annotations

import asyncio
import logging

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.services.errors import NotFound
from console.services.keyrings import MemoryKeyring
from console.services.referrals import ReferralService
from console.services.session import Session
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.api import auth, login
from tests.support.chat import query
from tests.support.waiting import until
from tests.support.youth import YouthSide, chat_server
from tests.ui.test_chat_workspace import choose_status, logged_in
from tests.ui.test_login_and_main_window import make_app

PHONE = "0600000042"
NAME = "Demo Jongere"


@pytest.fixture
def own_server(tmp_path, dev_certs):
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


def cells(view) -> list[str]:
    model = view.model
    return [
        str(model.data(model.index(r, c)))
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]


def refer(qtbot, panel, service: str, phone: str = "", name: str = "") -> None:
    dialog = panel.open_crisis()
    dialog.warm.click()
    dialog.consent.click()
    dialog.service.setCurrentText(service)
    qtbot.keyClicks(dialog.contact_name, name)
    qtbot.keyClicks(dialog.contact_phone, phone)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)


def reads(server, referral_id: int) -> list[int]:
    rows = query(
        server,
        "SELECT user_id FROM audit_log WHERE action = 'referral.read_contact' AND subject = :s",
        s=f"referral:{referral_id}",
    )
    return [r["user_id"] for r in rows]


def test_follow_up_show_and_close_a_referral(qtbot, run, own_server, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    app = make_app(tmp_path, own_server)
    youth = YouthSide(own_server)

    async def scenario():
        page = await logged_in(qtbot, app, own_server, "ggze.helper2")
        view = app.referrals.view
        assert page.sections.tabText(1) == "Verwijzingen"
        choose_status(page, "available")
        await until(lambda: (app.chat.service.me() or {}).get("status") == "available", what="me")
        await asyncio.to_thread(youth.start)
        await until(lambda: youth.chat_id in page.panels, what="a tab for the chat")
        panel = page.panels[youth.chat_id]

        # Recorded in the chat: the list follows, even before the view is opened.
        refer(qtbot, panel, "Bureau Jeugdzorg", PHONE, NAME)
        await until(lambda: view.model.rowCount() == 1, what="the referral in the list")
        referral = view.model.rows[0]
        assert referral.chat_id == youth.chat_id and referral.has_contact
        listed = cells(view)
        assert f"#{youth.chat_id}" in listed and "Warm" in listed
        assert "Bureau Jeugdzorg" in listed and "Bewaard" in listed
        assert not any(PHONE in c or NAME in c for c in listed), "no details in the list"

        page.show_referrals()
        assert view.isVisible()
        await until(lambda: app.referrals.loading == 0, what="list read on showing")
        assert view.select(referral.id)
        assert not view.contact.isVisible() and view.contact.toPlainText() == ""
        assert view.audit_note.text() == "Dit inzien wordt vastgelegd."
        assert view.show_button.text() == "Contactgegevens tonen"
        assert reads(own_server, referral.id) == []

        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
        await until(lambda: PHONE in view.contact.toPlainText(), what="the details shown")
        assert f"Naam: {NAME}" in view.contact.toPlainText()
        assert f"Telefoon: {PHONE}" in view.contact.toPlainText()
        assert view.contact.isVisible()
        assert reads(own_server, referral.id) == [app.chat.service.user_id]

        # Leaving the view forgets them; coming back shows the list, not the details.
        page.sections.setCurrentIndex(0)
        assert view.contact.toPlainText() == "" and not view.contact_shown()
        page.show_referrals()
        await until(lambda: app.referrals.loading == 0, what="list read again")
        assert view.select(referral.id)
        assert view.contact.toPlainText() == ""
        assert len(reads(own_server, referral.id)) == 1, "no read without asking"

        # Another institution's supervisor sees nothing of it, in its own console's service.
        transport = Transport(
            Settings(server_url=own_server.url, extra_ca_file=str(own_server.ca_file))
        )
        try:
            await Session(transport, MemoryKeyring()).login("bjzo.helper1", DEMO_PASSWORD, False)
            foreign = ReferralService(transport)
            assert await foreign.open_referrals() == []
            with pytest.raises(NotFound):
                await foreign.details(referral.id)
        finally:
            await transport.aclose()
        assert len(reads(own_server, referral.id)) == 1

        # Closing asks first; No keeps it.
        qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
        box = view.confirm_box
        assert "contactgegevens worden vernietigd" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
        await until(lambda: app.referrals.loading == 0, what="nothing sent")
        assert view.model.rowCount() == 1

        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
        await until(lambda: PHONE in view.contact.toPlainText(), what="the details again")
        qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
        box = view.confirm_box
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        assert view.contact.toPlainText() == "", "hidden the moment closing is confirmed"
        await until(lambda: view.model.rowCount() == 0, what="closed and gone from the list")
        await until(lambda: app.referrals.loading == 0, what="list read after closing")
        assert view.empty.isVisible()
        assert "afgesloten" in view.message.text() and "vernietigd" in view.message.text()
        row = query(own_server, "SELECT * FROM referrals WHERE id = :r", r=referral.id)[0]
        assert row["sealed_contact"] is None and row["destroyed_at"] and row["closed_at"]

        # Nothing of the details in the console's files or its log.
        for path in (tmp_path / "data").rglob("*"):
            if path.is_file():
                assert PHONE.encode() not in path.read_bytes(), path
        assert not any(PHONE in r.getMessage() or NAME in r.getMessage() for r in caplog.records)

    run(scenario())
    run(app.quit())


def test_a_referral_closed_by_someone_else_meanwhile(qtbot, run, own_server, tmp_path):
    app = make_app(tmp_path, own_server)
    youth = YouthSide(own_server)

    async def scenario():
        page = await logged_in(qtbot, app, own_server, "ggze.helper2")
        view = app.referrals.view
        choose_status(page, "available")
        await until(lambda: (app.chat.service.me() or {}).get("status") == "available", what="me")
        await asyncio.to_thread(youth.start)
        await until(lambda: youth.chat_id in page.panels, what="a tab for the chat")
        refer(qtbot, page.panels[youth.chat_id], "GGZ-instelling", PHONE)
        await until(lambda: view.model.rowCount() == 1, what="the referral in the list")
        page.show_referrals()
        await until(lambda: app.referrals.loading == 0, what="list read on showing")
        referral = view.model.rows[0]
        assert view.select(referral.id)

        # The institution's supervisor closes it in the meantime.
        with own_server.client() as client:
            token = login(client, "ggze.helper1")["access_token"]
            closed = client.post(f"/api/v1/referrals/{referral.id}/close", headers=auth(token))
            assert closed.status_code == 200, closed.text

        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
        await until(lambda: "niet meer open" in view.message.text(), what="explained")
        await until(lambda: view.model.rowCount() == 0, what="list brought up to date")
        assert view.contact.toPlainText() == ""

    run(scenario())
    run(app.quit())
