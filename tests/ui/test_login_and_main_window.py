"""Log in through the real dialog against the real server, and live through a lost connection."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from console.app import ConsoleApp
from console.services.sync import ConnectionState
from console.settings import Policy, SettingsStore
from tests.support.console_apps import new_console
from tests.support.waiting import until


def make_app(tmp_path, server, **policy_values) -> ConsoleApp:
    values = {"proxy_mode": "none", "extra_ca_file": str(server.ca_file), **policy_values}
    settings = SettingsStore(tmp_path / "settings.json", Policy(values, frozenset()))
    return new_console(settings, store_dir=tmp_path / "data")


def fill_login(qtbot, dialog, url, username, password):
    dialog.server.clear()
    qtbot.keyClicks(dialog.server, url)
    dialog.username.clear()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)


def rows(window) -> list[str]:
    model = window.home.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_login_main_window_and_reconnect(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    app = make_app(tmp_path, server)

    async def scenario():
        app.start()
        dialog = app.login_dialog
        assert dialog.login_button.text() == "Inloggen"
        fill_login(qtbot, dialog, server.url, "bascule.helper1", "hulpmix-demo")
        await until(lambda: app.window is not None and app.window.isVisible(), what="main window")
        window = app.window
        nav = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert nav == [
            "Overzicht",
            "Chat",
            "Forum screenen",
            "Rooster",
            "Begeleiding",
            "Rapportages",
        ]
        await until(lambda: window.indicator.state is ConnectionState.ONLINE, what="online")
        assert window.indicator.label.text().startswith("Verbonden (")

        qtbot.keyClicks(window.home.composer, "Hallo team, ik zit vandaag tot zes uur")
        qtbot.keyClick(window.home.composer, Qt.Key.Key_Return)
        await until(
            lambda: any(
                r.endswith("Hallo team, ik zit vandaag tot zes uur") and "Wordt verstuurd" not in r
                for r in rows(window)
            ),
            what="own message confirmed by the server",
        )

        await asyncio.to_thread(server.stop)
        await until(
            lambda: window.indicator.state is ConnectionState.RECONNECTING, what="reconnecting"
        )
        assert window.indicator.label.text() == "Opnieuw verbinden\u2026"
        assert window.indicator.retry.isVisible()
        qtbot.keyClicks(window.home.composer, "Geschreven tijdens de storing")
        qtbot.keyClick(window.home.composer, Qt.Key.Key_Return)
        assert rows(window)[-1] == "Wordt verstuurd\u2026\nGeschreven tijdens de storing"

        await asyncio.to_thread(server.start)
        qtbot.mouseClick(window.indicator.retry, Qt.MouseButton.LeftButton)
        await until(
            lambda: window.indicator.state is ConnectionState.ONLINE, timeout=60, what="back online"
        )
        await until(
            lambda: (
                sum("Geschreven tijdens de storing" in r for r in rows(window)) == 1
                and not any("Wordt verstuurd" in r for r in rows(window))
            ),
            timeout=60,
            what="the message written offline delivered once",
        )
        await app.quit()
        assert app.window is None

    run(scenario())


def test_wrong_password_says_so_in_dutch(qtbot, run, demo_sqlite_server, tmp_path):
    app = make_app(tmp_path, demo_sqlite_server)

    async def scenario():
        app.start()
        dialog = app.login_dialog
        fill_login(qtbot, dialog, demo_sqlite_server.url, "bascule.trainee2", "niet-het-wachtwoord")
        await until(lambda: "klopt niet" in dialog.message.text(), what="error message")
        assert dialog.message.text() == "De gebruikersnaam of het wachtwoord klopt niet."
        assert dialog.login_button.isEnabled()
        assert app.window is None
        dialog.reject()

    run(scenario())


def test_untrusted_certificate_names_the_issuer_and_does_not_connect(
    qtbot, run, demo_sqlite_server, tmp_path
):
    app = make_app(tmp_path, demo_sqlite_server, extra_ca_file="")

    async def scenario():
        app.start()
        dialog = app.login_dialog
        fill_login(qtbot, dialog, demo_sqlite_server.url, "bascule.trainee1", "hulpmix-demo")
        await until(lambda: "niet vertrouwd" in dialog.message.text(), what="TLS error")
        assert "Hulpmix Demo CA" in dialog.message.text()
        assert app.window is None
        dialog.reject()

    run(scenario())


def test_an_https_address_is_required(qtbot, run, demo_sqlite_server, tmp_path):
    app = make_app(tmp_path, demo_sqlite_server)

    async def scenario():
        app.start()
        dialog = app.login_dialog
        fill_login(qtbot, dialog, demo_sqlite_server.url.replace("https", "http"), "a", "b")
        assert dialog.message.text() == "Het serveradres moet beginnen met https://"
        dialog.reject()

    run(scenario())


def test_an_unreadable_certificate_file_is_explained_and_login_can_be_retried(
    qtbot, run, demo_sqlite_server, tmp_path
):
    app = make_app(tmp_path, demo_sqlite_server, extra_ca_file=str(tmp_path / "weg.pem"))

    async def scenario():
        app.start()
        dialog = app.login_dialog
        fill_login(qtbot, dialog, demo_sqlite_server.url, "bascule.trainee1", "hulpmix-demo")
        await until(lambda: dialog.login_button.isEnabled(), what="answer")
        assert dialog.message.text().startswith("Het extra rootcertificaat")
        assert "weg.pem" in dialog.message.text()
        assert app.window is None
        dialog.reject()

    run(scenario())
