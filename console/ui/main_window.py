"""The main window: navigation to the areas a person's roles allow, and the status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from console.domain.roles import Area, Role, areas_for
from console.services.session import User
from console.ui.home_page import HomePage
from console.ui.placeholder_page import PlaceholderPage
from console.ui.widgets.connection_indicator import ConnectionIndicator


class MainWindow(QMainWindow):
    logout_requested = Signal()
    settings_requested = Signal()
    diagnosis_requested = Signal()
    close_requested = Signal()

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.user = user
        self.setWindowTitle(self.tr("Hulpmix console \u2014 {0}").format(user.display_name))
        self.resize(1100, 720)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.pages = QStackedWidget()
        self.home = HomePage(user)
        self.areas = areas_for(user.roles)
        self._pages: dict[Area, QWidget] = {}
        for area in self.areas:
            page = self.home if area is Area.HOME else self._placeholder(area)
            self._pages[area] = page
            self.pages.addWidget(page)
            item = QListWidgetItem(self.area_title(area))
            item.setData(Qt.ItemDataRole.UserRole, area.value)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.indicator = ConnectionIndicator()
        self.indicator.setObjectName("connectionIndicator")
        who = QLabel(
            self.tr("{0} \u00b7 {1} \u00b7 {2}").format(
                user.display_name, user.institution_name, self.roles_text(user.roles)
            )
        )
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(who, 1)
        self.statusBar().addPermanentWidget(self.indicator)
        self._build_menus()
        self._quitting = False
        self.leave_question: QMessageBox | None = None

    # ------------------------------------------------------------------ text
    def area_title(self, area: Area) -> str:
        return {
            Area.HOME: self.tr("Overview"),
            Area.CHAT: self.tr("Chat"),
            Area.SCREENING: self.tr("Forum screening"),
            Area.ROSTER: self.tr("Roster"),
            Area.SUPERVISION: self.tr("Supervision"),
            Area.REPORTS: self.tr("Reports"),
            Area.ADMIN: self.tr("Administration"),
        }[area]

    def area_purpose(self, area: Area) -> str:
        return {
            Area.HOME: "",
            Area.CHAT: self.tr(
                "take chats from the queue, talk with young people, and register each chat."
            ),
            Area.SCREENING: self.tr(
                "screen forum posts in the two daily rounds before publication."
            ),
            Area.ROSTER: self.tr("see and fill the shift roster, and find a replacement."),
            Area.SUPERVISION: self.tr(
                "follow trainees' readiness, sign off, and keep intervision case notes."
            ),
            Area.REPORTS: self.tr("see statistics on chats, screening and the roster."),
            Area.ADMIN: self.tr("edit the chat's texts and open or close chat days."),
        }[area]

    def roles_text(self, roles: frozenset[Role]) -> str:
        names = {
            Role.TRAINEE: self.tr("trainee"),
            Role.HELPER: self.tr("helper"),
            Role.SUPERVISOR: self.tr("supervisor"),
            Role.ROSTER_COORDINATOR: self.tr("roster coordinator"),
            Role.PROJECT_LEAD: self.tr("project lead"),
            Role.HELPDESK: self.tr("helpdesk"),
            Role.ADMIN: self.tr("administrator"),
        }
        return ", ".join(names[r] for r in Role if r in roles)

    def _placeholder(self, area: Area) -> QWidget:
        return PlaceholderPage(self.area_title(area), self.area_purpose(area))

    # ----------------------------------------------------------------- menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        logout = QAction(self.tr("Log &out"), self)
        logout.triggered.connect(lambda: self.confirm_leaving(self.logout_requested.emit))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(logout)
        file_menu.addAction(quit_action)

        tools = self.menuBar().addMenu(self.tr("&Tools"))
        settings = QAction(self.tr("&Settings\u2026"), self)
        settings.triggered.connect(self.settings_requested)
        diagnose = QAction(self.tr("&Test connection\u2026"), self)
        diagnose.triggered.connect(self.diagnosis_requested)
        tools.addAction(settings)
        tools.addAction(diagnose)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About"))
        box.setText(
            self.tr(
                "Hulpmix staff console.\nFor the staff of the institutions that run the "
                "anonymous helpline for young people."
            )
        )
        box.open()

    def show_area(self, area: Area) -> None:
        if area in self.areas:
            self.nav.setCurrentRow(self.areas.index(area))

    def page(self, area: Area) -> QWidget:
        return self._pages[area]

    def replace_page(self, area: Area, page: QWidget) -> None:
        """Put a working area in place of its placeholder."""
        old = self._pages[area]
        index = self.pages.indexOf(old)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(old)
        old.deleteLater()
        self._pages[area] = page
        self.pages.setCurrentIndex(self.nav.currentRow())

    def unsaved_areas(self) -> list[Area]:
        """Areas whose page holds changes that logging out or quitting would drop."""
        found = []
        for area, page in self._pages.items():
            check = getattr(page, "has_unsaved_changes", None)
            if callable(check) and check():
                found.append(area)
        return found

    def confirm_leaving(self, leave: Callable[[], object]) -> None:
        """Run `leave` at once, or after asking when a page holds unsaved changes."""
        unsaved = self.unsaved_areas()
        if not unsaved:
            leave()
            return
        if self.leave_question is not None:
            return
        box = QMessageBox(self)
        box.setObjectName("leaveQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(
            self.tr("There are unsaved changes in {0}. Leave without saving them?").format(
                ", ".join(self.area_title(a) for a in unsaved)
            )
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Leave without saving"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(result: int) -> None:
            self.leave_question = None
            if result == QMessageBox.StandardButton.Discard.value:
                leave()
            else:
                self.show_area(unsaved[0])

        box.finished.connect(answered)
        self.leave_question = box
        box.open()

    def quit_for_real(self) -> None:
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quitting:
            # Let the controller stop syncing and close the store first, then it quits.
            event.ignore()
            self.confirm_leaving(self.close_requested.emit)
            return
        super().closeEvent(event)
