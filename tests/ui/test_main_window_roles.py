from PySide6.QtWidgets import QLabel

from console.domain.roles import Role
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
    assert "Chat" not in nav(lead) and "Rapportages" in nav(lead)


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
