"""Settings and connection test dialogs, with real widgets and a real server."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialogButtonBox

from console.app import ConsoleApp
from console.services.keyrings import KEYRING_SERVICE, MemoryKeyring
from console.settings import Policy, SettingsStore
from console.ui.diagnostics_dialog import DiagnosticsDialog
from console.ui.settings_dialog import SettingsDialog
from tests.support.net import free_port
from tests.support.waiting import until


def test_policy_locked_server_is_greyed_and_saving_keeps_secrets_out_of_the_file(
    qtbot, dutch, tmp_path
):
    policy = Policy({"server_url": "https://hulp.example.nl"}, frozenset({"server_url"}))
    settings = SettingsStore(tmp_path / "settings.json", policy)
    keyring = MemoryKeyring()
    app = ConsoleApp(settings, keyring=keyring, store_dir=tmp_path)
    app.open_settings()
    dialog = app._dialogs[-1]
    assert isinstance(dialog, SettingsDialog)
    qtbot.addWidget(dialog)
    assert not dialog.server.isEnabled()
    assert dialog.policy_note.isVisibleTo(dialog)
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("manual"))
    dialog.proxy_url.setText("http://proxy.instelling.nl:8080")
    dialog.proxy_user.setText("jdevries")
    dialog.proxy_password.setText("Zomer2026!")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert settings.current.proxy_mode == "manual"
    assert settings.current.language == "en"
    assert settings.current.server_url == "https://hulp.example.nl"
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert "Zomer2026!" not in json.dumps(saved) and "server_url" not in saved
    assert keyring.get_password(KEYRING_SERVICE, "proxy:password") == "Zomer2026!"


def test_manual_proxy_needs_an_address(qtbot, dutch, tmp_path):
    settings = SettingsStore(tmp_path / "s.json", Policy({}, frozenset()))
    dialog = SettingsDialog(settings.current, frozenset())
    qtbot.addWidget(dialog)
    dialog.proxy_mode.setCurrentIndex(dialog.proxy_mode.findData("manual"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.error.text() == "Vul het proxy-adres in, of kies een andere proxy-optie."


def _diagnose(run, app, url):
    async def scenario():
        app.open_diagnosis(url)
        dialog = app._dialogs[-1]
        assert isinstance(dialog, DiagnosticsDialog)
        await until(lambda: dialog.again.isEnabled(), what="diagnosis finished")
        return dialog

    return run(scenario())


def test_connection_test_passes_every_step_against_the_real_server(
    qtbot, run, demo_sqlite_server, tmp_path
):
    settings = SettingsStore(
        tmp_path / "s.json",
        Policy(
            {"extra_ca_file": str(demo_sqlite_server.ca_file), "proxy_mode": "none"}, frozenset()
        ),
    )
    app = ConsoleApp(settings, keyring=MemoryKeyring(), store_dir=tmp_path)
    dialog = _diagnose(run, app, demo_sqlite_server.url)
    assert dialog.summary.text() == "Alles werkt."
    report = dialog.report()
    assert "Hulpmix Demo CA" in report and "Live-updates komen direct binnen." in report
    dialog.close()


def test_connection_test_names_the_failing_step(qtbot, run, dev_certs, tmp_path):
    settings = SettingsStore(tmp_path / "s.json", Policy({"proxy_mode": "none"}, frozenset()))
    app = ConsoleApp(settings, keyring=MemoryKeyring(), store_dir=tmp_path)
    dialog = _diagnose(run, app, f"https://127.0.0.1:{free_port()}")
    assert dialog.summary.text() == "Mislukt bij: Netwerkverbinding (TCP)."
    model = dialog.model
    assert model.item(5, 2).text() == "Niet getest: een eerdere stap mislukte."
    dialog.close()
