from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from console.domain.roles import Area, Role
from console.services.session import User
from console.ui.main_window import MainWindow


def user(*roles: Role) -> User:
    return User(
        1, "x", "Sanne de Vries", frozenset(roles), 2, "bjzg", "Bureau Jeugdzorg Gelderland"
    )


def nav(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_navigation_follows_roles(qtbot, dutch):
    trainee = MainWindow(user(Role.TRAINEE))
    qtbot.addWidget(trainee)
    assert nav(trainee) == ["Overzicht", "Chat", "Forum screenen", "Rooster", "Begeleiding"]
    admin = MainWindow(user(Role.ADMIN))
    qtbot.addWidget(admin)
    assert nav(admin) == ["Overzicht", "Beheer"]
    lead = MainWindow(user(Role.PROJECT_LEAD))
    qtbot.addWidget(lead)
    assert "Chat" not in nav(lead) and "Rapportages" in nav(lead) and "Beheer" in nav(lead)
    coordinator = MainWindow(user(Role.ROSTER_COORDINATOR))
    qtbot.addWidget(coordinator)
    assert "Beheer" in nav(coordinator)
    # The helpdesk may edit neither the chat texts nor the open days.
    helpdesk = MainWindow(user(Role.HELPDESK))
    qtbot.addWidget(helpdesk)
    assert nav(helpdesk) == ["Overzicht"]


def test_unbuilt_areas_say_so_plainly(qtbot, dutch):
    window = MainWindow(user(Role.TRAINEE))
    qtbot.addWidget(window)
    window.nav.setCurrentRow(1)
    label = window.pages.currentWidget().findChild(QLabel, "placeholderText")
    assert "nog niet gebouwd" in label.text()
    assert "chats uit de wachtrij" in label.text()


def test_status_bar_names_person_institution_and_roles(qtbot, dutch):
    window = MainWindow(user(Role.HELPER, Role.SUPERVISOR))
    qtbot.addWidget(window)
    texts = [w.text() for w in window.statusBar().findChildren(QLabel)]
    assert (
        "Sanne de Vries \u00b7 Bureau Jeugdzorg Gelderland \u00b7 hulpverlener, begeleider" in texts
    )


class Unsaved(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.unsaved = True

    def has_unsaved_changes(self) -> bool:
        return self.unsaved


def test_logging_out_with_unsaved_changes_asks_first(qtbot, dutch):
    window = MainWindow(user(Role.ADMIN))
    qtbot.addWidget(window)
    page = Unsaved()
    window.replace_page(Area.ADMIN, page)
    left: list[str] = []
    window.logout_requested.connect(lambda: left.append("logout"))
    window.confirm_leaving(window.logout_requested.emit)
    box = window.leave_question
    assert box is not None and left == []
    assert "niet-opgeslagen wijzigingen in Beheer" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert left == [] and window.leave_question is None
    assert window.pages.currentWidget() is page  # back where the changes are

    window.confirm_leaving(window.logout_requested.emit)
    assert window.leave_question is not None
    window.leave_question.button(QMessageBox.StandardButton.Discard).click()
    assert left == ["logout"]

    page.unsaved = False
    window.confirm_leaving(window.logout_requested.emit)  # nothing to lose: no question
    assert left == ["logout", "logout"] and window.leave_question is None
