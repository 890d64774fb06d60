"""The referrals to follow up: the open referrals the helper (or, for a supervisor, the
institution) made from chats, their contact details on explicit request, and closing.

The list never carries contact details. "Show contact details" asks for them (the server
records every such read); they are shown as plain text and forgotten again as soon as the
person selects another referral, leaves the view, or closes the referral. The view reports
what the person wants through signals; `console.referrals_controller` talks to the server.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.referrals import Contact, Referral, ReferralDetails

ModelIndex = QModelIndex | QPersistentModelIndex


def when(at: datetime | None) -> str:
    return at.astimezone().strftime("%d-%m-%Y %H:%M") if at is not None else ""


class ReferralModel(QAbstractTableModel):
    """Open referrals, oldest first, as the server lists them."""

    CHAT, CREATED, KIND, SERVICE, CONTACT, EXPIRES = range(6)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Referral] = []

    def set_referrals(self, referrals: list[Referral]) -> None:
        self.beginResetModel()
        self.rows = list(referrals)
        self.endResetModel()

    def row_of(self, referral_id: int) -> int | None:
        for row, referral in enumerate(self.rows):
            if referral.id == referral_id:
                return row
        return None

    def kind_label(self, kind: str) -> str:
        return {"cold": self.tr("Cold"), "warm": self.tr("Warm")}.get(kind, kind)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Chat"),
            self.tr("Recorded"),
            self.tr("Kind"),
            self.tr("Referred to"),
            self.tr("Contact details"),
            self.tr("Destroyed at the latest"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        referral = self.rows[index.row()]
        column = index.column()
        if column == self.CHAT:
            return f"#{referral.chat_id}"
        if column == self.CREATED:
            return when(referral.created_at)
        if column == self.KIND:
            return self.kind_label(referral.kind)
        if column == self.SERVICE:
            return referral.service
        if column == self.CONTACT:
            return self.tr("Stored") if referral.has_contact else self.tr("None")
        if column == self.EXPIRES:
            return when(referral.expires_at) if referral.has_contact else "\u2014"
        return None


class ReferralsView(QWidget):
    refresh_requested = Signal()
    #: The id of the referral whose contact details the person asked to see.
    details_requested = Signal(int)
    #: The id of the referral the person confirmed closing.
    close_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referralsView")
        self._shown_id: int | None = None
        self.confirm_box: QMessageBox | None = None

        intro = QLabel(
            self.tr(
                "Open referrals from your chats (for a supervisor: also those of your "
                "institution). Follow them up, then close them: closing destroys the "
                "contact details."
            )
        )
        intro.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshReferrals")
        self.refresh_button.clicked.connect(self.refresh_requested.emit)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignTop)

        self.model = ReferralModel()
        self.table = QTableView()
        self.table.setObjectName("referralsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReferralModel.SERVICE, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No open referrals."))
        self.empty.setObjectName("noReferrals")
        self.empty.hide()

        self.message = QLabel()
        self.message.setObjectName("referralsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()

        self.detail_box = QGroupBox(self.tr("Referral"))
        self.summary = QLabel()
        self.summary.setObjectName("referralSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show contact details"))
        self.show_button.setObjectName("showContact")
        self.show_button.clicked.connect(self._ask_details)
        self.hide_button = QPushButton(self.tr("Hide contact details"))
        self.hide_button.setObjectName("hideContact")
        self.hide_button.clicked.connect(self.hide_contact)
        self.audit_note = QLabel(self.tr("Viewing them is recorded."))
        self.audit_note.setObjectName("auditNote")
        self.audit_note.setStyleSheet("color: #6d4c41;")
        self.contact = QPlainTextEdit()
        self.contact.setObjectName("contactDetails")
        self.contact.setReadOnly(True)
        self.contact.setUndoRedoEnabled(False)
        self.contact.setMaximumHeight(110)
        self.contact.hide()
        self.close_button = QPushButton(self.tr("Close referral"))
        self.close_button.setObjectName("closeReferral")
        self.close_button.clicked.connect(self._confirm_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.hide_button)
        buttons.addWidget(self.audit_note, 1)
        buttons.addWidget(self.close_button)
        detail = QVBoxLayout(self.detail_box)
        detail.addWidget(self.summary)
        detail.addLayout(buttons)
        detail.addWidget(self.contact)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.detail_box)
        self._update()

    # ------------------------------------------------------------------ state
    def selected(self) -> Referral | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def select(self, referral_id: int) -> bool:
        row = self.model.row_of(referral_id)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def contact_shown(self) -> bool:
        return self._shown_id is not None

    def _update(self) -> None:
        referral = self.selected()
        has_rows = bool(self.model.rows)
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self.detail_box.setEnabled(referral is not None)
        if referral is None:
            self.summary.setText(self.tr("Select a referral to follow it up."))
            self.show_button.setEnabled(False)
            self.hide_button.hide()
            self.close_button.setEnabled(False)
            return
        kind = self.model.kind_label(referral.kind)
        text = self.tr("Chat #{0}: referral to {1} ({2}), recorded {3}.").format(
            referral.chat_id, referral.service, kind.lower(), when(referral.created_at)
        )
        if referral.has_contact:
            text += " " + self.tr(
                "Contact details are stored and destroyed on closing, at the latest on {0}."
            ).format(when(referral.expires_at))
        else:
            text += " " + self.tr("No contact details are stored.")
        self.summary.setText(text)
        shown = self._shown_id == referral.id
        self.show_button.setEnabled(referral.has_contact and not shown)
        self.show_button.setVisible(not shown)
        self.hide_button.setVisible(shown)
        self.audit_note.setVisible(referral.has_contact)
        self.close_button.setEnabled(True)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        referral = self.selected()
        if referral is None or referral.id != self._shown_id:
            self.hide_contact()
        self._update()

    # ------------------------------------------------------------------ showing
    def set_referrals(self, referrals: list[Referral]) -> None:
        """The list as it is now; the selection (and shown details) stay on a referral
        that is still open."""
        current = self.selected()
        self.model.set_referrals(referrals)
        if current is None or not self.select(current.id):
            self.hide_contact()
        self._update()

    def show_contact(self, details: ReferralDetails) -> None:
        """Shows the details, unless the person moved on to another referral meanwhile."""
        referral = self.selected()
        if referral is None or referral.id != details.referral.id or not self.isVisible():
            return
        self._shown_id = referral.id
        self.contact.setPlainText(self.contact_text(details.contact))
        self.contact.show()
        self._update()

    def contact_text(self, contact: Contact | None) -> str:
        if contact is None:
            return self.tr("There are no contact details (any more) for this referral.")
        if contact.unreadable:
            return self.tr(
                "The contact details are stored but cannot be read: the server's key has "
                "changed. Ask your administrator."
            )
        lines = []
        for label, value in (
            (self.tr("Name"), contact.name),
            (self.tr("Telephone"), contact.phone),
            (self.tr("Email"), contact.email),
            (self.tr("Note"), contact.note),
        ):
            if value:
                lines.append(f"{label}: {value}")
        return "\n".join(lines)

    def hide_contact(self) -> None:
        """Forget the shown details: nothing of them stays in this window."""
        self._shown_id = None
        self.contact.clear()
        self.contact.hide()
        self._update()

    def closed(self, referral: Referral) -> None:
        row = self.model.row_of(referral.id)
        if row is not None:
            rest = [r for r in self.model.rows if r.id != referral.id]
            self.set_referrals(rest)
        self.show_message(
            self.tr(
                "The referral for chat #{0} is closed; its contact details are destroyed."
            ).format(referral.chat_id),
            error=False,
        )

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def failed(self, text: str) -> None:
        self.show_message(text, error=True)

    # ------------------------------------------------------------------ asking
    def _ask_details(self) -> None:
        referral = self.selected()
        if referral is not None and referral.has_contact:
            self.show_message("")
            self.details_requested.emit(referral.id)

    def _confirm_close(self) -> None:
        referral = self.selected()
        if referral is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Close referral"))
        box.setText(
            self.tr(
                "Close the referral for chat #{0}? The contact details are destroyed; this "
                "cannot be undone."
            ).format(referral.chat_id)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close referral"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep open"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda result: self._closing(result, referral.id))
        box.open()
        self.confirm_box = box

    def _closing(self, result: int, referral_id: int) -> None:
        if result == QMessageBox.StandardButton.Yes.value:
            if self._shown_id == referral_id:
                self.hide_contact()
            self.show_message("")
            self.close_requested.emit(referral_id)

    # ------------------------------------------------------------------ events
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh_requested.emit()

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the view (another tab or area, minimised, logged out) hides the details.
        self.hide_contact()
        super().hideEvent(event)
