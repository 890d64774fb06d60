"""The admin edits the chat texts in the real console against the real server: the crisis
protocol and the short texts reach a helper's console; a stale save shows both versions
and lets the editor choose; unsaved changes are not dropped without asking; refusals are
worded; a role that may not edit the texts does not see the editor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.domain.roles import Area
from console.services.chat_admin import ChatTexts
from tests.support.admin import leave, open_admin
from tests.support.api import auth, login
from tests.support.chat import serve_fresh
from tests.support.consoles import helper_console
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import make_app

URL = "/api/v1/chat/texts"
PROTOCOL = "Crisisprotocol (nieuw)\n1. Blijf kalm.\n2. Bel bij direct gevaar 112."


@pytest.fixture(scope="module", params=["sqlite"])
def texts_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs)


def stored(server: RunningServer, username: str = "admin") -> dict:
    with server.client() as client:
        answer = client.get(URL, headers=auth(login(client, username)["access_token"]))
        assert answer.status_code == 200, answer.text
        return answer.json()


def put_as(server: RunningServer, username: str, **changes) -> dict:
    current = stored(server, username)
    with server.client() as client:
        token = auth(login(client, username)["access_token"])
        answer = client.put(URL, json={**current, **changes}, headers=token)
        assert answer.status_code == 200, answer.text
        return answer.json()


async def edit_and_save(qtbot, app, server: RunningServer) -> None:
    page = await open_admin(qtbot, app, server, "admin")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Chatteksten",
        "Opendagen",
    ]
    editor = page.texts
    assert editor is not None
    await until(lambda: editor.loaded is not None, what="the texts")
    assert editor.loaded.version == 0  # the defaults, nothing saved yet
    titles = [s.title for s in editor.snippets]
    assert titles[:2] == ["Afsluiten", "Kort gesprek"]
    assert not editor.save_button.isEnabled()

    editor.protocol.clear()
    qtbot.keyClicks(editor.protocol, PROTOCOL.replace("\n", "\r"))
    assert editor.protocol.toPlainText() == PROTOCOL
    # Edit the short-chat notice: a new title and text.
    editor.snippet_list.setCurrentRow(1)
    editor.snippet_title.selectAll()
    qtbot.keyClicks(editor.snippet_title, "Bijna dicht")
    editor.snippet_text.setPlainText("De chat sluit over een kwartier.")
    # A new text with markup stays plain text, moved to the top.
    qtbot.mouseClick(editor.add_snippet_button, Qt.MouseButton.LeftButton)
    editor.snippet_title.selectAll()
    qtbot.keyClicks(editor.snippet_title, "<b>Welkom</b>")
    editor.snippet_text.setPlainText("Fijn dat je er bent & <i>welkom</i>.")
    for _ in range(len(editor.snippets) - 1):
        qtbot.mouseClick(editor.snippet_up, Qt.MouseButton.LeftButton)
    assert editor.snippet_list.item(0).text() == "<b>Welkom</b>"
    # Remove the GP referral text; add a referral service.
    editor.snippet_list.setCurrentRow(
        [s.title for s in editor.snippets].index("Verwijzing huisarts")
    )
    qtbot.mouseClick(editor.remove_snippet_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.service_name, "Jongerenwerk")
    qtbot.mouseClick(editor.add_service_button, Qt.MouseButton.LeftButton)
    assert editor.has_unsaved_changes() and app.window.unsaved_areas() == [Area.ADMIN]

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    await until(lambda: not editor.busy, what="the save")
    assert editor.message.text().startswith("Opgeslagen."), editor.message.text()
    assert not editor.has_unsaved_changes() and editor.loaded.version == 1

    saved = stored(server)
    assert saved["crisis_protocol"] == PROTOCOL and saved["version"] == 1
    assert saved["snippets"] == [
        {"title": "<b>Welkom</b>", "text": "Fijn dat je er bent & <i>welkom</i>."},
        {"title": "Afsluiten", "text": saved["snippets"][1]["text"]},
        {"title": "Bijna dicht", "text": "De chat sluit over een kwartier."},
        {"title": "Verwijzing 113", "text": saved["snippets"][3]["text"]},
    ]
    assert saved["referral_services"][-1] == "Jongerenwerk"


def test_admin_edits_protocol_and_short_texts_and_a_helper_gets_them(
    qtbot, run, texts_server, tmp_path
):
    server = texts_server
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            async with helper_console(server, tmp_path / "helper", "bjzg.helper2") as helper:
                await until(lambda: helper.chat.texts(), what="the helper's texts")
                assert helper.chat.texts()["crisis_protocol"] != PROTOCOL
                await edit_and_save(qtbot, app, server)
                saved = stored(server)
                # The helper's console gets them through the chat.texts event.
                await until(
                    lambda: helper.chat.texts().get("crisis_protocol") == PROTOCOL,
                    what="the helper's console getting the new protocol",
                )
                assert helper.chat.texts()["snippets"] == saved["snippets"]
                assert "Jongerenwerk" in helper.chat.texts()["referral_services"]
        finally:
            await leave(app)

    run(scenario())


def test_a_stale_save_shows_both_versions_and_the_editor_chooses(
    qtbot, run, texts_server, tmp_path
):
    server = texts_server
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_admin(qtbot, app, server, "admin")
            editor = page.texts
            assert editor is not None
            await until(lambda: editor.loaded is not None, what="the texts")
            read = editor.loaded.version
            # Meanwhile the project lead saves another protocol.
            theirs = put_as(server, "projectlead", crisis_protocol="Protocol van de projectleider")
            assert theirs["version"] == read + 1

            editor.protocol.setPlainText("Protocol van de beheerder")
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
            await until(lambda: editor.conflict is not None, what="the conflict")
            assert editor.conflict_box.isVisibleTo(editor)
            assert "Protocol van de beheerder" in editor.mine_view.toPlainText()
            assert "Protocol van de projectleider" in editor.theirs_view.toPlainText()
            assert "Iemand anders" in editor.conflict_text.text()
            assert "Verschillen in: het crisisprotocol." in editor.conflict_text.text()
            assert not editor.save_button.isEnabled()
            assert stored(server)["crisis_protocol"] == "Protocol van de projectleider"

            # Take theirs: the editor shows the stored texts, nothing is unsaved.
            qtbot.mouseClick(editor.take_theirs_button, Qt.MouseButton.LeftButton)
            assert editor.protocol.toPlainText() == "Protocol van de projectleider"
            assert not editor.has_unsaved_changes() and editor.loaded.version == read + 1

            # Another stale save, and this time mine wins over theirs.
            put_as(server, "projectlead", crisis_protocol="Tweede van de projectleider")
            editor.protocol.setPlainText("Toch die van de beheerder")
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
            await until(lambda: editor.conflict is not None, what="the second conflict")
            assert "Tweede van de projectleider" in editor.theirs_view.toPlainText()
            qtbot.mouseClick(editor.keep_mine_button, Qt.MouseButton.LeftButton)
            await until(lambda: not editor.busy and editor.conflict is None, what="saved")
            assert editor.message.text().startswith("Opgeslagen.")
            now = stored(server)
            assert now["crisis_protocol"] == "Toch die van de beheerder"
            assert now["version"] == read + 3 == editor.loaded.version
        finally:
            await leave(app)

    run(scenario())


def test_unsaved_changes_are_kept_unless_dropped_and_refusals_are_worded(
    qtbot, run, texts_server, tmp_path
):
    server = texts_server
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_admin(qtbot, app, server, "projectlead")
            editor = page.texts
            assert editor is not None
            await until(lambda: editor.loaded is not None, what="the texts")
            before = editor.loaded.crisis_protocol

            editor.protocol.setPlainText("Nog niet opgeslagen")
            qtbot.mouseClick(editor.reload_button, Qt.MouseButton.LeftButton)
            box = editor.question
            assert box is not None and "niet-opgeslagen" in box.text()
            box.button(QMessageBox.StandardButton.Cancel).click()
            assert editor.protocol.toPlainText() == "Nog niet opgeslagen"

            # Checked before sending: an empty protocol and a short text without text.
            editor.protocol.setPlainText("   ")
            qtbot.mouseClick(editor.add_snippet_button, Qt.MouseButton.LeftButton)
            qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
            assert not editor.busy
            assert "Het crisisprotocol is leeg." in editor.message.text()
            assert "\u201cNieuwe tekst\u201d heeft geen tekst" in editor.message.text()

            # What the server refuses is worded too (here sent past the editor's check).
            app.admin.save_texts(ChatTexts("", (), (), editor.loaded.version))
            await until(lambda: app.admin.loading == 0, what="the refusal")
            assert editor.message.text().startswith(
                "De server heeft de teksten niet geaccepteerd: "
            ), editor.message.text()
            assert "crisis_protocol" in editor.message.text()

            # Logging out asks first; "keep editing" keeps everything.
            app.window.confirm_leaving(app.window.logout_requested.emit)
            question = app.window.leave_question
            assert question is not None and "Beheer" in question.text()
            question.button(QMessageBox.StandardButton.Cancel).click()
            assert app.window is not None and editor.has_unsaved_changes()

            qtbot.mouseClick(editor.reload_button, Qt.MouseButton.LeftButton)
            assert editor.question is not None
            editor.question.button(QMessageBox.StandardButton.Discard).click()
            await until(lambda: not editor.busy, what="reloaded")
            assert editor.protocol.toPlainText() == before
            assert not editor.has_unsaved_changes()
            assert stored(server)["crisis_protocol"] == before
        finally:
            await leave(app)

    run(scenario())


def test_who_sees_the_editor(qtbot, run, texts_server, tmp_path):
    server = texts_server

    async def scenario(username: str) -> list[str] | None:
        app = make_app(tmp_path / username, server)
        try:
            app.start()
            from server.demo import DEMO_PASSWORD
            from tests.ui.test_login_and_main_window import fill_login

            fill_login(qtbot, app.login_dialog, server.url, username, DEMO_PASSWORD)
            await until(lambda: app.window is not None and app.window.isVisible(), what="window")
            if Area.ADMIN not in app.window.areas:
                return None
            page = app.admin.page
            assert (page.texts is not None) == ("Chatteksten" in tabs(page))
            return tabs(page)
        finally:
            await leave(app)

    def tabs(page) -> list[str]:
        return [page.tabs.tabText(i) for i in range(page.tabs.count())]

    assert run(scenario("coordinator")) == ["Opendagen"]
    assert run(scenario("projectlead")) == ["Chatteksten", "Opendagen"]
    assert run(scenario("helpdesk")) is None
