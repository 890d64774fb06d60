"""Bootstrap and the controller that connects the services to the windows.

Start-up is kept lean: only Qt and the login dialog load before the first window shows;
httpx, the keyring, cryptography and sqlite-utils load when the person logs in.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Coroutine
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.domain.roles import Area
from console.services.keyrings import KEYRING_SERVICE, MemoryKeyring
from console.settings import SettingsError, SettingsStore, data_dir
from console.ui.login_dialog import LoginDialog

if TYPE_CHECKING:
    from console.admin_controller import AdminController
    from console.chat_controller import ChatController
    from console.referrals_controller import ReferralsController
    from console.roster_controller import RosterController
    from console.screening_controller import ScreeningController
    from console.services.session import KeyringLike, Session, User
    from console.services.store import Store
    from console.services.sync import SyncService
    from console.services.tasks import TaskRegistry
    from console.services.team import TeamChannel
    from console.services.transport import Transport
    from console.supervision_controller import SupervisionController
    from console.ui.main_window import MainWindow
    from console.ui.settings_dialog import SettingsChange

log = logging.getLogger(__name__)
PROXY_KEY = "proxy"
#: How long a logout lets the pages' requests in flight finish before it cancels them.
LEAVING_GRACE_SECONDS = 3.0


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Dutch is the default; the source strings are English.

    The .qm files are compiled into console/ui/resources_rc.py (scripts/translations.py
    build), so they are found however the console was installed.
    """
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Netherlands))
        return None
    import console.ui.resources_rc  # noqa: F401  (registers ":/translations")

    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    translator = QTranslator(app)
    path = f":/translations/console_{language}.qm"
    if not translator.load(path):
        log.error("translation %s not found; the interface will be in English", path)
        return None
    app.installTranslator(translator)
    # Qt's own texts (the Cancel and Yes buttons of standard dialogs), when they ship.
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):
        app.installTranslator(qt_own)
    else:
        log.info("Qt's own %s translation not found in %s", language, folder)
    return translator


def usable_keyring() -> KeyringLike:
    """The OS keyring, or (with a warning) an in-memory one when the OS has none.

    Without a real keyring nothing is remembered between runs: no "remember me", and the
    local store is sealed with a key that dies with the process, so unsent work does not
    survive a restart. That is the safe side of the trade.
    """
    import keyring
    from keyring.errors import KeyringError

    try:
        probe = "__hulpmix_probe__"
        keyring.set_password(KEYRING_SERVICE, probe, "1")
        keyring.delete_password(KEYRING_SERVICE, probe)
        return keyring
    except (KeyringError, RuntimeError) as exc:
        log.warning("no usable OS keyring (%s); nothing will be remembered", exc)
        return MemoryKeyring()


class ConsoleApp:
    """Owns the services of one login and the windows that show them."""

    def __init__(
        self,
        settings: SettingsStore,
        keyring: KeyringLike | None = None,
        store_dir: Path | None = None,
    ) -> None:
        self.settings = settings
        self._keyring = keyring
        self.store_dir = store_dir or data_dir()
        self.login_dialog: LoginDialog | None = None
        self.window: MainWindow | None = None
        self.transport: Transport | None = None
        self.session: Session | None = None
        self.store: Store | None = None
        self.sync: SyncService | None = None
        self.team: TeamChannel | None = None
        self.chat: ChatController | None = None
        self.referrals: ReferralsController | None = None
        self.screening: ScreeningController | None = None
        self.roster: RosterController | None = None
        self.supervision: SupervisionController | None = None
        self.admin: AdminController | None = None
        self._tasks: TaskRegistry | None = None
        self._dialogs: list[QWidget] = []
        self.finished = asyncio.Event()

    # ----------------------------------------------------------- plumbing
    @property
    def keyring(self) -> KeyringLike:
        if self._keyring is None:
            self._keyring = usable_keyring()
        return self._keyring

    @property
    def tasks(self) -> TaskRegistry:
        if self._tasks is None:
            from console.services.tasks import TaskRegistry

            self._tasks = TaskRegistry()
            self._tasks.failed.connect(lambda name, exc: self.show_unexpected(exc))
        return self._tasks

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        self.tasks.spawn(coro, name)

    def show_unexpected(self, exc: BaseException) -> None:
        from console.ui.errors import explain

        parent = self.window or self.login_dialog
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QApplication.translate("ConsoleApp", "Something went wrong"))
        box.setText(explain(exc))
        box.open()
        self._keep(box)

    def _keep(self, widget: QWidget) -> None:
        self._dialogs.append(widget)
        widget.destroyed.connect(
            lambda *_: self._dialogs.remove(widget) if widget in self._dialogs else None
        )

    def proxy_credentials(self) -> tuple[str, str] | None:
        user = self.keyring.get_password(KEYRING_SERVICE, f"{PROXY_KEY}:username")
        password = self.keyring.get_password(KEYRING_SERVICE, f"{PROXY_KEY}:password")
        return (user, password) if user and password else None

    def _make_transport(self, server_url: str) -> Transport:
        from dataclasses import replace

        from console.services.transport import Transport

        settings = replace(self.settings.current, server_url=server_url)
        return Transport(settings, self.proxy_credentials())

    # -------------------------------------------------------------- login
    def start(self) -> None:
        current = self.settings.current
        dialog = LoginDialog(
            current.server_url,
            current.last_username,
            current.remember_me,
            server_locked=self.settings.is_locked("server_url"),
        )
        dialog.login_requested.connect(lambda *args: self.spawn(self.login(*args), "login"))
        dialog.test_connection_requested.connect(self.open_diagnosis)
        dialog.settings_requested.connect(self.open_settings)
        dialog.rejected.connect(self._login_cancelled)
        self.login_dialog = dialog
        dialog.show()
        if current.remember_me and current.last_username:
            self.spawn(self._resume(current.server_url, current.last_username), "resume")

    def _login_cancelled(self) -> None:
        if self.window is None:
            self.finished.set()

    async def _resume(self, server_url: str, username: str) -> None:
        from console.services.errors import TransportError
        from console.services.session import Session

        try:
            transport = self._make_transport(server_url)
        except TransportError as exc:
            log.info("cannot resume: %s", exc)
            return
        session = Session(transport, self.keyring)
        try:
            user = await session.resume(username)
        except TransportError as exc:
            log.info("could not resume the remembered session: %s", exc)
            user = None
        if user is None:
            await transport.aclose()
            return
        await self._logged_in(transport, session, user)

    async def login(self, server_url: str, username: str, password: str, remember: bool) -> None:
        from console.services.errors import TransportError
        from console.services.session import Session
        from console.ui.errors import explain

        try:
            transport = self._make_transport(server_url)
        except TransportError as exc:
            if self.login_dialog is not None:
                self.login_dialog.show_error(explain(exc, during_login=True))
            return
        session = Session(transport, self.keyring)
        try:
            user = await session.login(username, password, remember)
        except TransportError as exc:
            await transport.aclose()
            if self.login_dialog is not None:
                self.login_dialog.show_error(explain(exc, during_login=True))
            return
        if not self.settings.is_locked("server_url"):
            self.settings.update(server_url=server_url)
        self.settings.update(last_username=username, remember_me=remember)
        await self._logged_in(transport, session, user)

    async def _logged_in(self, transport: Transport, session: Session, user: User) -> None:
        from console.services.store import Store, store_path
        from console.services.sync import SyncService
        from console.services.team import TeamChannel
        from console.ui.main_window import MainWindow

        self.transport, self.session = transport, session
        path = store_path(self.store_dir, transport.base_url, user.username)
        self.store = Store(path, self.keyring, f"{user.username}@{transport.base_url}")
        self.sync = SyncService(
            transport,
            self.store,
            recall_transport=lambda key: (self.settings.current.transports or {}).get(key),
            remember_transport=self._remember_transport,
        )
        self.team = TeamChannel(self.store, self.sync)
        window = MainWindow(user)
        self.window = window
        if Area.CHAT in window.areas:
            from console.chat_controller import ChatController
            from console.services.chat import ChatService

            service = ChatService(self.store, self.sync, transport, user.id)
            self.chat = ChatController(service, user, self.spawn, window)
            window.replace_page(Area.CHAT, self.chat.page)
            # The server sends no event for referrals: the view reads the list when shown,
            # on refresh, and after this console recorded one.
            from console.referrals_controller import ReferralsController
            from console.services.referrals import ReferralService

            self.referrals = ReferralsController(ReferralService(transport), self.spawn)
            self.chat.page.add_referrals(self.referrals.view)
            self.chat.referral_recorded.connect(lambda _chat_id: self.referrals_changed())
        if Area.SCREENING in window.areas:
            from console.screening_controller import ScreeningController
            from console.services.forum import ScreeningService

            screening = ScreeningService(self.sync, transport, user.id)
            self.screening = ScreeningController(screening, user, self.spawn)
            window.replace_page(Area.SCREENING, self.screening.page)
        if Area.ROSTER in window.areas:
            from console.roster_controller import RosterController
            from console.services.roster import RosterService

            roster = RosterService(self.sync, transport)
            self.roster = RosterController(roster, user, self.spawn)
            window.replace_page(Area.ROSTER, self.roster.page)
        if Area.SUPERVISION in window.areas:
            from console.services.supervision import SupervisionService
            from console.supervision_controller import SupervisionController

            supervision = SupervisionService(self.sync, transport)
            self.supervision = SupervisionController(supervision, user, self.spawn)
            window.replace_page(Area.SUPERVISION, self.supervision.page)
        if Area.ADMIN in window.areas:
            from console.admin_controller import AdminController
            from console.services.chat_admin import ChatAdminService

            self.admin = AdminController(ChatAdminService(transport), user, self.spawn)
            window.replace_page(Area.ADMIN, self.admin.page)
        window.indicator.retry_requested.connect(self.sync.retry_now)
        window.logout_requested.connect(lambda: self.spawn(self.logout(), "logout"))
        window.close_requested.connect(lambda: self.spawn(self.quit(), "quit"))
        window.settings_requested.connect(self.open_settings)
        window.diagnosis_requested.connect(self.open_diagnosis)
        window.home.post_requested.connect(self._post_team_message)
        self.sync.state_changed.connect(window.indicator.set_state)
        self.sync.events_applied.connect(self._events_applied)
        self.sync.reset_applied.connect(self._refresh_team)
        self.sync.outbox_changed.connect(self._refresh_team)
        self.sync.rejected.connect(self._rejected)
        session.expired.connect(self._session_expired)
        self._refresh_team()
        self.sync.start()
        if self.login_dialog is not None:
            self.login_dialog.hide()
            self.login_dialog.deleteLater()
            self.login_dialog = None
        window.show()

    def referrals_changed(self) -> None:
        if self.referrals is not None:
            self.referrals.refresh()

    def _remember_transport(self, key: str, value: str) -> None:
        transports = dict(self.settings.current.transports or {})
        if transports.get(key) != value:
            transports[key] = value
            self.settings.update(transports=transports)

    # -------------------------------------------------------------- team
    def _events_applied(self, events: list[dict[str, Any]]) -> None:
        # The team list is re-read (and decrypted) only when a team event came in.
        if any(str(event["kind"]).startswith("team.") for event in events):
            self._refresh_team()

    def _refresh_team(self) -> None:
        if self.window is not None and self.team is not None:
            self.window.home.set_messages(self.team.messages())

    def _post_team_message(self, text: str) -> None:
        if self.team is None:
            return
        self.team.post(text)
        self._refresh_team()

    def _rejected(self, item: object, exc: Exception) -> None:
        from console.ui.errors import explain

        if self.window is not None:
            self.window.home.show_error(explain(exc))
        self._refresh_team()

    def _session_expired(self) -> None:
        from console.ui.errors import explain

        if self.window is not None:
            box = QMessageBox(self.window)
            box.setWindowTitle(QApplication.translate("ConsoleApp", "Log in again"))
            from console.services.errors import Unauthorized

            box.setText(explain(Unauthorized(401, "unauthorized", "", {})))
            box.finished.connect(lambda *_: self.spawn(self.logout(), "logout"))
            box.open()
            self._keep(box)

    # ------------------------------------------------------------ dialogs
    def open_settings(self) -> None:
        from console.ui.settings_dialog import SettingsDialog

        parent = self.window or self.login_dialog
        user = self.keyring.get_password(KEYRING_SERVICE, f"{PROXY_KEY}:username") or ""
        dialog = SettingsDialog(
            self.settings.current, self.settings.policy.locked, user, parent=parent
        )
        dialog.saved.connect(self._settings_saved)
        self._keep(dialog)
        dialog.open()

    def _settings_saved(self, change: SettingsChange) -> None:
        self.settings.update(**change.values)
        if change.proxy_username:
            self.keyring.set_password(
                KEYRING_SERVICE, f"{PROXY_KEY}:username", change.proxy_username
            )
        if change.proxy_password:
            self.keyring.set_password(
                KEYRING_SERVICE, f"{PROXY_KEY}:password", change.proxy_password
            )
        if self.login_dialog is not None:
            self.login_dialog.set_server(
                self.settings.current.server_url, self.settings.is_locked("server_url")
            )

    def open_diagnosis(self, server_url: str = "") -> None:
        from console.ui.diagnostics_dialog import DiagnosticsDialog

        url = server_url or (
            self.transport.base_url if self.transport else self.settings.current.server_url
        )
        dialog = DiagnosticsDialog(url, parent=self.window or self.login_dialog)
        dialog.run_requested.connect(lambda: self.spawn(self._diagnose(dialog, url), "diagnosis"))
        self._keep(dialog)
        dialog.open()
        dialog.start()

    async def _diagnose(self, dialog: Any, url: str) -> None:
        from console.services.diagnostics import Diagnosis
        from console.services.errors import TransportError
        from console.ui.errors import explain

        own = self.transport is None or self.transport.base_url != url.rstrip("/")
        try:
            transport = self._make_transport(url) if own else self.transport
        except TransportError as exc:
            dialog.fail(explain(exc))
            return
        assert transport is not None
        try:
            async for result in Diagnosis(transport).run():
                dialog.add_result(result)
        finally:
            dialog.finish()
            if own:
                await transport.aclose()

    # ------------------------------------------------------------ leaving
    async def logout(self) -> None:
        window, self.window = self.window, None
        await self._stop_services(forget_session=True)
        if window is not None:
            window.quit_for_real()
            window.deleteLater()
        self.start()

    async def _stop_services(self, forget_session: bool) -> None:
        if self.chat is not None:
            # Leaving: no new chats for me. Best effort; offline the server sees it anyway
            # when the connection stays away (presence), and routing skips absent people.
            from console.domain.routing import StaffStatus

            try:
                await asyncio.wait_for(self.chat.service.set_status(StaffStatus.OFFLINE), 3)
            except Exception:
                log.info("could not set the status to offline while leaving", exc_info=True)
        # The pages' loads and claims still in flight end first (or are cancelled after a
        # moment): they use the transport closed below.
        if self._tasks is not None:
            await self._tasks.settle_others(LEAVING_GRACE_SECONDS)
        if self.sync is not None:
            await self.sync.stop()
        if forget_session and self.session is not None:
            await self.session.logout()
        if self.transport is not None:
            await self.transport.aclose()
        if self.store is not None:
            self.store.close()
        self.sync = None
        self.session = None
        self.transport = None
        self.store = None
        self.team = None
        self.chat = None
        self.referrals = None
        if self.roster is not None:
            self.roster.service.close()
            self.roster = None
        if self.supervision is not None:
            self.supervision.service.close()
            self.supervision = None
        self.admin = None

    async def quit(self) -> None:
        """Close for the day: stop syncing, keep a remembered session, leave the outbox."""
        window, self.window = self.window, None
        await self._stop_services(forget_session=False)
        if window is not None:
            window.quit_for_real()
        self.finished.set()

    async def shutdown(self) -> None:
        await self._stop_services(forget_session=False)
        if self._tasks is not None:
            await self._tasks.cancel_all()


def _excepthook(
    app: ConsoleApp,
) -> Any:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        try:
            app.show_unexpected(exc)
        except Exception:
            log.exception("could not show the error")

    return hook


def run(argv: list[str] | None = None) -> int:
    import argparse

    import qasync

    parser = argparse.ArgumentParser(prog="python -m console", description="Hulpmix staff console")
    parser.add_argument("--server", help="server address for this run, e.g. https://localhost:8443")
    parser.add_argument("--language", choices=["nl", "en"], help="interface language for this run")
    parser.add_argument("--debug", action="store_true", help="log details to the terminal")
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="print a line once the login window is shown, then quit (bench/startup.py)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("Hulpmix")
    try:
        settings = SettingsStore()
        if args.server and not settings.is_locked("server_url"):
            settings.override(server_url=args.server)
        if args.language and not settings.is_locked("language"):
            settings.override(language=args.language)
    except SettingsError as exc:
        # The machine policy is IT's file: a person cannot fix it, but must know whom to ask.
        install_translator(qt_app, "nl")
        QMessageBox.critical(
            None,
            QApplication.translate("ConsoleApp", "Hulpmix cannot start"),
            QApplication.translate(
                "ConsoleApp",
                "The settings your organisation placed on this computer are not valid:\n{0}\n\n"
                "Please contact your IT department.",
            ).format(exc),
        )
        return 2
    for problem in settings.problems:
        log.warning("settings: %s", problem)
    install_translator(qt_app, settings.current.language)

    loop = qasync.QEventLoop(qt_app)
    asyncio.set_event_loop(loop)
    console = ConsoleApp(settings)
    sys.excepthook = _excepthook(console)
    loop.set_exception_handler(
        lambda _loop, context: console.show_unexpected(
            context.get("exception") or RuntimeError(str(context.get("message")))
        )
    )
    qt_app.setQuitOnLastWindowClosed(False)
    with loop:
        console.start()
        if args.startup_probe:
            from PySide6.QtCore import QTimer

            def shown() -> None:
                print("startup-probe: login window shown", flush=True)
                console.finished.set()

            QTimer.singleShot(0, shown)
        loop.run_until_complete(console.finished.wait())
        loop.run_until_complete(console.shutdown())
    return 0
