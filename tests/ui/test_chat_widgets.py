"""The chat workspace's widgets and models, in Dutch, with a fake clock (never the wall clock)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from console.domain.chat import (
    PHASES,
    ClockLevel,
    Phase,
    ReferralDraft,
    ReferralKind,
    Registration,
    TargetGroup,
    Taxonomy,
)
from console.ui.chat.clock_widget import ChatClock
from console.ui.chat.crisis_dialog import CrisisDialog
from console.ui.chat.phase_tracker import PhaseTracker
from console.ui.chat.queue_models import IdRole, QueueModel, TeamModel
from console.ui.chat.registration_form import RegistrationForm
from console.ui.chat.snippets import SnippetMenu
from console.ui.chat.transcript import KindRole, PendingRole, TranscriptModel, TranscriptView

#: The completer's popup on the offscreen platform; not a warning about our code.
popup_on_offscreen = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)
TAXONOMY_FILE = Path("/work/shared/data/taxonomy.json")
START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **span: float) -> None:
        self.at += timedelta(**span)


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.from_json(json.loads(TAXONOMY_FILE.read_text(encoding="utf-8")))


def type_text(widget, text: str) -> None:
    """Type `text` key by key, accents included (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def hhmm(at: datetime) -> str:
    return at.astimezone().strftime("%H:%M")


# -- clock -------------------------------------------------------------------------------


def test_clock_levels_and_each_warning_fires_once(qtbot, dutch):
    clock = FakeClock()
    widget = ChatClock(clock, interval_ms=None)
    qtbot.addWidget(widget)
    warnings: list[str] = []
    widget.warning.connect(warnings.append)
    widget.start(START)
    assert widget.elapsed_label.text() == "00:00"
    assert widget.remaining_label.text() == "nog 45 min"
    assert widget.level() is ClockLevel.NORMAL

    clock.advance(minutes=34, seconds=59)
    widget.refresh()
    assert (widget.level(), warnings) == (ClockLevel.NORMAL, [])
    assert widget.elapsed_label.text() == "34:59"

    clock.advance(seconds=1)
    widget.refresh()
    widget.refresh()
    clock.advance(minutes=2)
    widget.refresh()
    assert widget.level() is ClockLevel.FIRST_WARNING
    assert warnings == ["first_warning"]
    assert widget.toolTip().startswith("Nog hooguit 10 minuten")
    assert widget.accessibleDescription() == widget.toolTip()
    assert widget.remaining_label.text() == "nog 8 min"

    clock.at = START + timedelta(minutes=40)
    widget.refresh()
    widget.refresh()
    assert widget.level() is ClockLevel.LAST_WARNING
    assert warnings == ["first_warning", "last_warning"]

    clock.at = START + timedelta(minutes=48, seconds=10)
    for _ in range(3):
        widget.refresh()
    assert widget.level() is ClockLevel.OVERRUN
    assert warnings == ["first_warning", "last_warning", "overrun"]
    assert widget.remaining_label.text() == "4 min over tijd"
    assert widget.elapsed_label.text() == "48:10"
    assert "font-weight: bold" in widget.styleSheet()

    widget.stop()
    clock.advance(minutes=10)
    widget.refresh()
    assert widget.elapsed_label.text() == "48:10"  # stopped: frozen at the end


def test_clock_joining_late_warns_for_the_current_level_only(qtbot, dutch):
    clock = FakeClock(START + timedelta(minutes=41))
    widget = ChatClock(clock, interval_ms=None)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.warning, timeout=0) as blocker:
        widget.start(START)
    assert blocker.args == ["last_warning"]
    assert widget.level() is ClockLevel.LAST_WARNING
    assert widget.remaining_label.text() == "nog 4 min"


# -- phases ------------------------------------------------------------------------------


def test_phase_tracker_emits_skips_and_records(qtbot, dutch):
    tracker = PhaseTracker()
    qtbot.addWidget(tracker)
    labels = [tracker.button(p).text() for p in PHASES]
    assert labels == [
        "1. Warm welkom",
        "2. Vraagverheldering",
        "3. Doel gesprek vaststellen",
        "4. Gespreksdoel uitwerken",
        "5. Cirkel rond maken",
    ]
    assert all(tracker.button(p).focusPolicy() & Qt.FocusPolicy.TabFocus for p in PHASES)

    with qtbot.waitSignal(tracker.phase_reached, timeout=0) as blocker:
        qtbot.mouseClick(tracker.button(Phase.WELCOME), Qt.MouseButton.LeftButton)
    assert blocker.args == ["welcome"]
    # Skipping a phase is allowed: go straight to setting the goal, by keyboard.
    with qtbot.waitSignal(tracker.phase_reached, timeout=0) as blocker:
        qtbot.keyClick(tracker.button(Phase.GOAL), Qt.Key.Key_Space)
    assert blocker.args == ["goal"]

    welcome_at = START + timedelta(minutes=1)
    goal_at = START + timedelta(minutes=9)
    tracker.set_reached({Phase.WELCOME: welcome_at, Phase.GOAL: goal_at})
    assert tracker.reached() == {Phase.WELCOME: welcome_at, Phase.GOAL: goal_at}
    assert [tracker.button(p).isChecked() for p in PHASES] == [True, False, True, False, False]
    assert tracker.button(Phase.GOAL).toolTip() == f"Bereikt om {hhmm(goal_at)}"
    assert tracker.button(Phase.CLARIFY).toolTip().startswith("Nog niet bereikt")

    # A reached phase cannot be un-ticked, and clicking it again reports nothing.
    emitted: list[str] = []
    tracker.phase_reached.connect(emitted.append)
    qtbot.mouseClick(tracker.button(Phase.WELCOME), Qt.MouseButton.LeftButton)
    assert tracker.button(Phase.WELCOME).isChecked()
    assert emitted == []


# -- transcript --------------------------------------------------------------------------


def message(seq, text, kind="youth", author="", txn=None, minute=0):
    return {
        "seq": seq,
        "txn_id": txn,
        "from": kind,
        "author": author,
        "text": text,
        "at": START + timedelta(minutes=minute),
    }


def rows(model: TranscriptModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_transcript_is_plain_text_sorted_by_seq_and_deduplicated(qtbot, dutch):
    model = TranscriptModel()
    model.set_messages([message(2, "<b>hi</b>", minute=1), message(1, "Hoi!", "system")])
    model.add(message(4, "<img src=x onerror=alert(1)>", minute=3))
    model.add(message(3, "Fijn dat je er bent", "helper", minute=2))
    model.add(message(2, "<b>hi</b>", minute=1))  # again: no second row
    model.add(message(5, "Kijk even mee?", "whisper", author="Sanne", minute=4))
    model.add(message(6, "Ik denk het ook", "consult", author="Ahmed", minute=5))
    t = [hhmm(START + timedelta(minutes=m)) for m in range(6)]
    assert rows(model) == [
        f"{t[0]}  Systeem: Hoi!",
        f"{t[1]}  Jongere: <b>hi</b>",
        f"{t[2]}  Jij: Fijn dat je er bent",
        f"{t[3]}  Jongere: <img src=x onerror=alert(1)>",
        f"{t[4]}  Fluistering van Sanne: Kijk even mee?",
        f"{t[5]}  Overleg Ahmed: Ik denk het ook",
    ]
    kinds = [model.index(r, 0).data(KindRole) for r in range(model.rowCount())]
    assert kinds == ["system", "youth", "helper", "youth", "whisper", "consult"]
    youth, helper, whisper = (
        model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole).color() for r in (1, 2, 4)
    )
    assert len({youth.name(), helper.name(), whisper.name()}) == 3
    assert model.index(4, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None

    view = TranscriptView()
    qtbot.addWidget(view)
    view.setModel(model)
    assert type(view.itemDelegate()) is QStyledItemDelegate
    assert view.wordWrap() and not view.uniformItemSizes()


def test_transcript_pending_send_is_replaced_by_the_servers_copy(qtbot, dutch):
    model = TranscriptModel()
    model.set_messages([message(1, "Hallo", minute=0)])
    model.add(message(None, "Waar gaat het over?", "helper", txn="t-1", minute=1))
    model.add(message(None, "Waar gaat het over?", "helper", txn="t-1", minute=1))
    assert model.rowCount() == 2
    assert model.index(1, 0).data().endswith("Jij: Waar gaat het over?  (wordt verstuurd)")
    assert model.index(1, 0).data(PendingRole) is True
    grey = model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color().name()
    # The youth's next line arrives first; the pending send stays last.
    model.add(message(2, "Over school", minute=1))
    assert model.index(2, 0).data(PendingRole) is True
    model.add(message(3, "Waar gaat het over?", "helper", txn="t-1", minute=1))
    assert model.rowCount() == 3
    assert (
        model.index(2, 0).data()
        == f"{hhmm(START + timedelta(minutes=1))}  Jij: Waar gaat het over?"
    )
    assert model.index(2, 0).data(PendingRole) is False
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() != grey
    # A late duplicate of the pending send (same txn_id) does not bring it back.
    model.add(message(None, "Waar gaat het over?", "helper", txn="t-1", minute=1))
    assert model.rowCount() == 3


def test_transcript_view_follows_new_lines_and_copies_the_selection(qtbot, dutch):
    model = TranscriptModel()
    model.set_messages([message(i, f"regel {i}", minute=i % 50) for i in range(1, 60)])
    view = TranscriptView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 200)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    model.add(message(60, "nieuw\nover twee regels", minute=59))
    assert bar.value() == bar.maximum()
    last = model.index(model.rowCount() - 1, 0)
    assert view.visualRect(last).bottom() <= view.viewport().height()

    view.selectionModel().clearSelection()
    view.selectionModel().select(model.index(0, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(model.index(2, 0), view.selectionModel().SelectionFlag.Select)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "\n".join(
        [model.index(0, 0).data(), model.index(2, 0).data()]
    )


# -- queue and team ----------------------------------------------------------------------


def test_queue_model_columns_and_waiting_time_follow_the_clock(qtbot, dutch):
    clock = FakeClock(START + timedelta(minutes=3, seconds=7))
    model = QueueModel(clock)
    model.set_waiting(
        [
            {
                "chat_id": "c-12",
                "number": 12,
                "since": START,
                "theme": None,
                "short_chat": False,
                "handover": False,
            },
            {
                "chat_id": "c-13",
                "number": 13,
                "since": START + timedelta(minutes=2),
                "theme": "Familie",
                "short_chat": True,
                "handover": True,
            },
        ]
    )
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Nummer", "Wacht", "Thema", "Kort gesprek"]

    def table() -> list[list[str]]:
        return [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]

    assert table() == [["#12", "03:07", "\u2014", ""], ["#13", "01:07", "Familie", "ja"]]
    assert model.index(1, 0).data(IdRole) == "c-13" and model.chat_id(0) == "c-12"
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("Overgedragen")

    clock.advance(minutes=10, seconds=5)
    with qtbot.waitSignal(model.dataChanged, timeout=0) as blocker:
        model.refresh()
    top_left, bottom_right, roles = blocker.args
    assert (top_left.row(), top_left.column(), bottom_right.row(), bottom_right.column()) == (
        0,
        1,
        1,
        1,
    )
    assert roles == [Qt.ItemDataRole.DisplayRole]
    assert [r[1] for r in table()] == ["13:12", "11:12"]


def test_team_model_shows_dutch_roles_and_statuses(qtbot, dutch):
    model = TeamModel()
    staff = [
        ("u1", "Fatima", "Jeugdzorg Oost", "trainee", "available", 0),
        ("u2", "Daan", "GGZ West", "helper", "in_chat", 1),
        ("u3", "Ineke", "GGZ West", "supervisor", "in_chat", 2),
        ("u4", "Sem", "Jeugdzorg Oost", "trainee", "pause", 0),
        ("u5", "Noor", "MEE", "helper", "offline", 0),
    ]
    keys = ("user_id", "display_name", "institution", "role", "status", "active_chats")
    model.set_staff([dict(zip(keys, row, strict=True)) for row in staff])
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Naam", "Instelling", "Rol", "Status"]
    table = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    assert table == [
        ["Fatima", "Jeugdzorg Oost", "hulpverlener in opleiding", "Beschikbaar"],
        ["Daan", "GGZ West", "hulpverlener", "In gesprek"],
        ["Ineke", "GGZ West", "begeleider", "In 2 gesprekken"],
        ["Sem", "Jeugdzorg Oost", "hulpverlener in opleiding", "Pauze"],
        ["Noor", "MEE", "hulpverlener", "Offline"],
    ]
    assert model.index(2, 3).data(IdRole) == "u3"


# -- registration ------------------------------------------------------------------------


@popup_on_offscreen
def test_registration_refuses_an_empty_form_with_inline_errors(qtbot, dutch, taxonomy):
    form = RegistrationForm(taxonomy)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    submitted: list[object] = []
    form.submitted.connect(submitted.append)
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert submitted == []
    shown = {name: label.text() for name, label in form.errors.items() if label.isVisible()}
    assert shown == {
        "theme": "Kies een thema.",
        "serious": "Kies of de chatter serieus leek.",
        "target_group": "Kies de doelgroep.",
    }
    assert form.focusWidget() is form.theme

    # Typed text that is no subtopic, and a referral without a destination, are refused too.
    qtbot.keyClicks(form.search, "qwerty")
    form.theme.setCurrentIndex(form.theme.findText("Familie"))
    form.serious.buttons()[0].click()
    form.target.buttons()[0].click()
    form.referral.buttons()[1].click()
    assert form.referred_to.isEnabled()
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert submitted == []
    shown = {name: label.text() for name, label in form.errors.items() if label.isVisible()}
    assert shown == {
        "subtopic": "Kies een subthema uit de lijst, of maak dit veld leeg.",
        "referred_to": "Vul in waarnaar u verwezen hebt (hoogstens 200 tekens).",
    }
    assert form.focusWidget() is form.search


@popup_on_offscreen
def test_registration_topic_search_ignores_case_and_accents(qtbot, dutch, taxonomy):
    form = RegistrationForm(taxonomy)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.search, "GESCHEIDEN ouders")
    labels = [form.matches.index(r, 0).data() for r in range(form.matches.rowCount())]
    assert labels == ["Gescheiden ouders \u2014 Familie"]
    form.search.clear()
    type_text(form.search, "ééNzaam")
    assert form.matches.rowCount() == 1
    qtbot.keyClick(form.search, Qt.Key.Key_Return)
    assert form.theme.currentText() == "Gevoel"
    assert form.search.text() == "Eenzaam \u2014 Gevoel"
    # The theme combo alone also makes a valid registration (no subtopic).
    form.theme.setCurrentIndex(form.theme.findText("Lichaam"))
    assert form.search.text() == ""
    form.serious.buttons()[1].click()
    form.target.buttons()[4].click()
    value, wrong = form.registration()
    assert wrong == []
    assert (value.theme, value.subtopic, value.seemed_serious) == ("Lichaam", None, False)
    assert value.target_group is TargetGroup.OTHER


@popup_on_offscreen
def test_registration_by_keyboard_only(qtbot, dutch, taxonomy):
    form = RegistrationForm(taxonomy, phases_reached=[Phase.WELCOME, Phase.CLARIFY])
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.search.setFocus()
    qtbot.waitUntil(form.search.hasFocus, timeout=1000)
    submitted: list[Registration] = []
    form.submitted.connect(submitted.append)

    def key(k: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget(), k, modifier)

    qtbot.keyClicks(form.search, "ruzie")
    key(Qt.Key.Key_Return)  # picks the first match
    assert (form.theme.currentText(), form.search.text()) == ("Familie", "Ruzie \u2014 Familie")
    key(Qt.Key.Key_Tab)  # theme combo: already set
    assert form.focusWidget() is form.theme
    key(Qt.Key.Key_Tab)  # seemed serious: yes
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab)  # target group: in target
    key(Qt.Key.Key_Space)
    key(Qt.Key.Key_Tab)  # referral: "none" is checked; arrow right to cold
    key(Qt.Key.Key_Right)
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.referred_to
    qtbot.keyClicks(form.referred_to, "huisarts")
    key(Qt.Key.Key_Tab)  # crisis
    key(Qt.Key.Key_Tab)  # phases: welcome is ticked already; tick "setting the goal"
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.phases[Phase.GOAL]
    key(Qt.Key.Key_Space)
    for _ in range(3):  # past "working the goal out" and "closing the circle"
        key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.remark
    qtbot.keyClicks(form.remark, "Ruzie met <b>moeder</b>")
    key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.save
    key(Qt.Key.Key_Return)

    assert submitted == [
        Registration(
            theme="Familie",
            subtopic="Ruzie",
            seemed_serious=True,
            target_group=TargetGroup.IN_TARGET,
            referral=ReferralKind.COLD,
            referred_to="huisarts",
            crisis=False,
            phases_completed=(Phase.WELCOME, Phase.CLARIFY, Phase.GOAL),
            remark="Ruzie met <b>moeder</b>",
        )
    ]
    assert not any(label.isVisible() for label in form.errors.values())

    form.set_busy(True)
    assert not form.save.isEnabled() and not form.search.isEnabled()
    assert form.save.text() == "Bezig met opslaan…"
    form.show_error("<b>Niet opgeslagen</b>")
    assert form.error.isVisible() and form.error.textFormat() == Qt.TextFormat.PlainText
    form.set_busy(False)
    assert form.save.isEnabled() and form.referred_to.isEnabled()


# -- crisis ------------------------------------------------------------------------------


def test_crisis_dialog_takes_contact_details_only_for_warm_with_consent(qtbot, dutch):
    dialog = CrisisDialog(
        "Bel bij direct gevaar 112.\n<b>Blijf</b> in gesprek.", ["Huisarts", "Veilig Thuis"]
    )
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.protocol.toPlainText() == "Bel bij direct gevaar 112.\n<b>Blijf</b> in gesprek."
    assert dialog.protocol.isReadOnly()
    contact = (dialog.contact_name, dialog.contact_phone, dialog.contact_email, dialog.note)
    assert not any(field.isEnabled() for field in contact)

    dialog.warm.click()
    assert not any(field.isEnabled() for field in contact)
    dialog.consent.click()
    assert all(field.isEnabled() for field in contact)
    qtbot.keyClicks(dialog.contact_name, "Lisa")
    qtbot.keyClicks(dialog.contact_phone, "0612345678")
    qtbot.keyClicks(dialog.note, "Bellen na 17 uur")

    dialog.consent.click()  # consent withdrawn: the details go
    assert not any(field.isEnabled() for field in contact)
    assert [dialog.contact_name.text(), dialog.contact_phone.text()] == ["", ""]
    assert dialog.note.toPlainText() == ""

    # Warm with consent needs a service and a way to reach the youth.
    dialog.consent.click()
    submitted: list[ReferralDraft] = []
    dialog.submitted.connect(submitted.append)
    dialog.ok.click()
    assert submitted == [] and dialog.isVisible()
    assert dialog.errors["service"].isVisible() and dialog.errors["contact"].isVisible()

    dialog.service.setCurrentIndex(dialog.service.findText("Veilig Thuis"))
    qtbot.keyClicks(dialog.contact_phone, "0612345678")
    dialog.ok.click()
    assert submitted == [
        ReferralDraft(
            kind=ReferralKind.WARM,
            service="Veilig Thuis",
            consent=True,
            contact_phone="0612345678",
        )
    ]
    assert submitted[0].problems() == []
    assert not dialog.isVisible()
    assert dialog.contact_phone.text() == ""  # nothing of the contact stays behind


def test_crisis_dialog_cold_referral_with_a_typed_service(qtbot, dutch):
    dialog = CrisisDialog("Protocol", ["Huisarts"])
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.warm.click()
    dialog.consent.click()
    qtbot.keyClicks(dialog.contact_email, "lisa@example.nl")
    dialog.cold.click()  # back to cold: consent and contact details are dropped
    assert not dialog.consent.isChecked() and dialog.contact_email.text() == ""
    qtbot.keyClicks(dialog.service, "Jeugdzorg Utrecht")
    with qtbot.waitSignal(dialog.submitted, timeout=0) as blocker:
        dialog.ok.click()
    assert blocker.args == [ReferralDraft(kind=ReferralKind.COLD, service="Jeugdzorg Utrecht")]


# -- snippets ----------------------------------------------------------------------------


def test_snippet_menu_emits_the_chosen_text(qtbot, dutch):
    menu = SnippetMenu(
        [("Afsluiten", "Bedankt voor je verhaal & tot ziens!"), ("Kort gesprek", "We sluiten zo.")]
    )
    qtbot.addWidget(menu)
    actions = menu.actions()
    assert [a.text() for a in actions] == ["Afsluiten", "Kort gesprek"]
    with qtbot.waitSignal(menu.chosen, timeout=0) as blocker:
        actions[0].trigger()
    assert blocker.args == ["Bedankt voor je verhaal & tot ziens!"]
    menu.set_snippets([("R&D", "x")])
    assert [a.text() for a in menu.actions()] == ["R&&D"]
    menu.set_snippets([])
    (empty,) = menu.actions()
    assert empty.text() == "Geen standaardteksten beschikbaar" and not empty.isEnabled()


def test_every_model_answers_an_invalid_index_with_nothing(dutch):
    for model in (TranscriptModel(), QueueModel(FakeClock()), TeamModel()):
        assert model.data(QModelIndex()) is None
