"""The chat workspace in the real console against the real server; the youth over HTTP."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.domain.chat import ClockLevel, Phase
from console.domain.roles import Area
from console.ui.chat.chat_panel import parse_time
from tests.support.api import auth, login
from tests.support.waiting import until
from tests.support.youth import YouthSide, chat_server
from tests.ui.test_login_and_main_window import fill_login, make_app


@pytest.fixture
def own_server(tmp_path, dev_certs):
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


def lines(panel) -> list[str]:
    model = panel.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


async def logged_in(qtbot, app, server, username):
    app.start()
    fill_login(qtbot, app.login_dialog, server.url, username, "hulpmix-demo")
    await until(lambda: app.window is not None and app.window.isVisible(), what="window")
    app.window.show_area(Area.CHAT)
    page = app.window.page(Area.CHAT)
    await until(lambda: page.status.count() == 3 and app.chat is not None, what="workspace")
    await until(lambda: app.chat.service.me() is not None, what="snapshot with my status")
    return page


def choose_status(page, value: str) -> None:
    index = page.status.findData(value)
    page.status.setCurrentIndex(index)
    page.status.activated.emit(index)


def test_take_a_chat_talk_warn_record_phases_and_refer(qtbot, run, own_server, tmp_path):
    app = make_app(tmp_path, own_server)
    youth = YouthSide(own_server)

    async def scenario():
        page = await logged_in(qtbot, app, own_server, "ggze.helper2")
        assert page.status.currentText() == "Offline"
        assert page.queue_title.text() == "Wachtrij (0 wachtend)"
        choose_status(page, "available")
        await until(lambda: (app.chat.service.me() or {}).get("status") == "available", what="me")
        await asyncio.to_thread(youth.start)
        await until(lambda: youth.chat_id in page.panels, what="a tab for the chat")
        panel = page.panels[youth.chat_id]
        assert page.tabs.currentWidget() is panel, "the new chat is in front"
        assert "Gevoel" in panel.header.text()
        assert panel.why.text() == "Aan u toegewezen: er was geen HIO vrij."

        await asyncio.to_thread(youth.say, "<b>hoi</b> ik weet niet of dit mag")
        await until(lambda: any("<b>hoi</b>" in line for line in lines(panel)), what="youth")
        typing: list[int] = []
        page.typing_started.connect(typing.append)
        qtbot.keyClicks(panel.composer, "Welkom! Fijn dat je er bent.")
        assert typing == [youth.chat_id], "once per line: the console warms its connection"
        qtbot.keyClick(panel.composer, Qt.Key.Key_Return)
        assert panel.composer.toPlainText() == ""

        async def youth_reads(text):
            while not any(m[2] == text for m in youth.messages()):
                await asyncio.to_thread(youth.poll, 1.0)

        await asyncio.wait_for(youth_reads("Welkom! Fijn dat je er bent."), 30)

        qtbot.mouseClick(panel.phases.button(Phase.WELCOME), Qt.MouseButton.LeftButton)
        await until(
            lambda: "welcome" in (app.chat.service.chat(youth.chat_id).phases), what="phase"
        )

        started = parse_time(app.chat.service.chat(youth.chat_id).started_at)
        fake_now = [started + timedelta(minutes=36)]
        panel.clock._now = lambda: fake_now[0]
        warnings: list[str] = []
        panel.clock.warning.connect(warnings.append)
        panel.clock.refresh()
        assert panel.clock.level() is ClockLevel.FIRST_WARNING
        fake_now[0] = started + timedelta(minutes=41)
        panel.clock.refresh()
        fake_now[0] = started + timedelta(minutes=46)
        panel.clock.refresh()
        assert warnings == ["first_warning", "last_warning", "overrun"]

        dialog = panel.open_crisis()
        assert "Crisisprotocol" in dialog.protocol.toPlainText()
        dialog.warm.click()
        dialog.consent.click()
        dialog.service.setCurrentText("Bureau Jeugdzorg")
        qtbot.keyClicks(dialog.contact_phone, "0612345678")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        with own_server.client() as client:
            token = login(client, "ggze.helper2")["access_token"]

            def referrals():
                return client.get("/api/v1/referrals", headers=auth(token)).json()["referrals"]

            await until(lambda: len(referrals()) == 1, what="referral stored")
            stored = referrals()[0]
            assert stored["kind"] == "warm" and stored["has_contact"]
            detail = client.get(f"/api/v1/referrals/{stored['id']}", headers=auth(token)).json()
            assert detail["contact"]["phone"] == "0612345678"

    run(scenario())
    run(app.quit())


def test_registration_is_required_before_the_next_chat(qtbot, run, own_server, tmp_path):
    app = make_app(tmp_path, own_server)
    youth = YouthSide(own_server)

    async def scenario():
        page = await logged_in(qtbot, app, own_server, "bjzzh.helper2")
        choose_status(page, "available")
        await until(lambda: (app.chat.service.me() or {}).get("status") == "available", what="me")
        await asyncio.to_thread(youth.start)
        await until(lambda: youth.chat_id in page.panels, what="the chat")
        panel = page.panels[youth.chat_id]

        qtbot.mouseClick(panel.end_button, Qt.MouseButton.LeftButton)
        box = panel.confirm_box
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
        await until(lambda: panel.registration is not None, what="registration form")
        available = page.status.model().item(page.status.findData("available"))
        assert not available.isEnabled(), "not available before registering"
        assert "Registreer eerst" in page.status_note.text()
        assert not panel.composer.isVisible()

        # The server holds the line too, whatever the UI allowed.
        choose_status(page, "available")
        await until(
            lambda: "Registreer uw laatste gesprek voordat" in page.status_note.text(),
            what="refusal",
        )

        form = panel.registration
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
        assert form.errors["theme"].isVisible(), "an empty registration is refused inline"
        form.choose("Familie", "Ruzie")
        form.serious.buttons()[0].click()
        form.target.buttons()[0].click()
        qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
        await until(lambda: youth.chat_id not in page.panels, what="registered and closed")
        assert app.chat.service.pending_registrations() == []
        assert available.isEnabled()
        choose_status(page, "available")
        await until(lambda: (app.chat.service.me() or {}).get("status") == "available", what="ok")

    run(scenario())
    run(app.quit())
