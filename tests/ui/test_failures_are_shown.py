"""Nothing goes wrong silently: throttling, and exceptions in background work."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.app import ConsoleApp
from console.settings import Policy, SettingsStore
from tests.support.api import admin_token, make_institution, make_user
from tests.support.console_apps import new_console
from tests.support.waiting import until


def make_app(tmp_path, server) -> ConsoleApp:
    values = {"proxy_mode": "none", "extra_ca_file": str(server.ca_file)}
    settings = SettingsStore(tmp_path / "settings.json", Policy(values, frozenset()))
    return new_console(settings, store_dir=tmp_path / "data")


def test_repeated_wrong_passwords_are_throttled_with_a_clear_message(
    qtbot, run, demo_sqlite_server, tmp_path
):
    with demo_sqlite_server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["trainee"])
    app = make_app(tmp_path, demo_sqlite_server)

    async def scenario():
        app.start()
        dialog = app.login_dialog
        dialog.server.setText(demo_sqlite_server.url)
        dialog.username.setText(user["username"])
        messages = []
        for attempt in range(6):
            dialog.password.setText(f"fout-{attempt}")
            qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
            await until(lambda: dialog.login_button.isEnabled(), what="answer")
            messages.append(dialog.message.text())
        dialog.reject()
        return messages

    messages = run(scenario())
    assert messages[0] == "De gebruikersnaam of het wachtwoord klopt niet."
    assert messages[-1].startswith("Te veel mislukte pogingen.")
    assert "geblokkeerd" in messages[-1]


def test_an_exception_in_background_work_is_shown_not_lost(qtbot, run, tmp_path, caplog):
    settings = SettingsStore(tmp_path / "s.json", Policy({}, frozenset()))
    app = new_console(settings, store_dir=tmp_path)

    async def broken():
        raise ValueError("kapot")

    async def scenario():
        app.start()
        app.spawn(broken(), "broken")
        await until(lambda: any(isinstance(d, QMessageBox) for d in app._dialogs), what="error box")
        box = next(d for d in app._dialogs if isinstance(d, QMessageBox))
        assert box.windowTitle() == "Er ging iets mis"
        assert "kapot" in box.text()
        box.close()
        app.login_dialog.reject()

    run(scenario())
    assert any("task broken failed" in r.getMessage() for r in caplog.records)


def test_quitting_cancels_every_tracked_task(qtbot, run, tmp_path):
    settings = SettingsStore(tmp_path / "s.json", Policy({}, frozenset()))
    app = new_console(settings, store_dir=tmp_path)
    cancelled = []

    async def forever():
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    async def scenario():
        for n in range(3):
            app.spawn(forever(), f"forever-{n}")
        await asyncio.sleep(0)
        assert app.tasks.running == 3
        await app.shutdown()
        assert app.tasks.running == 0

    run(scenario())
    assert cancelled == [True, True, True]
