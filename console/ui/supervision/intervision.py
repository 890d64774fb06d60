"""Intervision: the meetings one may see, and a chosen meeting's case notes.

Notes still in the outbox are listed as "Not sent yet" until the server has stored them;
a note the server refused says why. The author of a note can see who read it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.services.supervision import Meeting, Note, NoteRead, PreviousMeeting, QueuedNote
from console.ui.supervision.labels import (
    date_text,
    method_label,
    note_part_label,
    time_text,
)
from console.ui.supervision.progress import table

ModelIndex = QModelIndex | QPersistentModelIndex


class MeetingsModel(QAbstractTableModel):
    DAY, METHOD, WHERE, PEOPLE = range(4)

    def __init__(self, own_institution: tuple[int, str] = (0, "")) -> None:
        super().__init__()
        self.meetings: list[Meeting] = []
        self.own_institution = own_institution

    def set_meetings(self, meetings: Sequence[Meeting]) -> None:
        self.beginResetModel()
        self.meetings = list(meetings)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.meetings)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Method"), self.tr("Who"), self.tr("Participants"))[
            section
        ]

    def where(self, meeting: Meeting) -> str:
        if meeting.institution_id is None:
            return self.tr("across institutions")
        own_id, own_name = self.own_institution
        if meeting.institution_id == own_id and own_name:
            return own_name
        return self.tr("institution {0}").format(meeting.institution_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        m = self.meetings[index.row()]
        return (
            date_text(m.day),
            method_label(m.method),
            self.where(m),
            str(len(m.participants)),
        )[index.column()]


Row = Note | QueuedNote


class NotesModel(QAbstractTableModel):
    AUTHOR, WRITTEN, STATE, CASE = range(4)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.meeting: Meeting | None = None
        self.me = 0

    def set_notes(
        self, meeting: Meeting | None, notes: Sequence[Note], queued: Sequence[QueuedNote]
    ) -> None:
        self.beginResetModel()
        self.meeting = meeting
        self.rows = [*notes, *queued]
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Author"), self.tr("Written"), self.tr("Status"), self.tr("Case"))[section]

    def state(self, row: Row) -> str:
        if isinstance(row, QueuedNote):
            if row.failed:
                return self.tr("Refused by the server")
            return self.tr("Not sent yet")
        return self.tr("saved")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(QColor("#e65100" if isinstance(row, QueuedNote) else "#2e7d32"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.AUTHOR:
            if isinstance(row, QueuedNote) or row.author_id == self.me:
                return self.tr("you")
            return self.meeting.name_of(row.author_id) if self.meeting else str(row.author_id)
        if column == self.WRITTEN:
            return "" if isinstance(row, QueuedNote) else time_text(row.created_at)
        if column == self.STATE:
            return self.state(row)
        case = row.parts.get("case", "")
        return case.splitlines()[0] if case else ""


class IntervisionView(QWidget):
    meeting_chosen = Signal(int)
    write_requested = Signal(int)
    #: (note id) the author wants to see who read the note.
    reads_requested = Signal(int)
    #: (txn id) drop a refused note.
    discard_requested = Signal(str)
    refresh_requested = Signal()

    def __init__(self, me: int, own_institution: tuple[int, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("intervisionView")
        self.me = me
        self.meetings = MeetingsModel(own_institution)
        self.meetings_view = table(self.meetings, "intervisionMeetings", MeetingsModel.PEOPLE)
        self.meetings_view.selectionModel().currentRowChanged.connect(self._meeting_changed)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh_requested)

        self.heading = QLabel()
        self.heading.setObjectName("intervisionHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")
        self.people = QLabel()
        self.people.setObjectName("intervisionPeople")
        self.people.setTextFormat(Qt.TextFormat.PlainText)
        self.people.setWordWrap(True)
        # What was agreed at the meeting before (follow-ups and action items), plain text.
        self.previous_heading = QLabel(self.tr("Follow-ups from last time"))
        self.previous_heading.setObjectName("intervisionPreviousHeading")
        self.previous_heading.setStyleSheet("font-weight: 600;")
        self.previous = QPlainTextEdit()
        self.previous.setObjectName("intervisionPrevious")
        self.previous.setReadOnly(True)
        self.previous.setMaximumHeight(140)
        self.notes = NotesModel()
        self.notes.me = me
        self.notes_view = table(self.notes, "intervisionNotes", NotesModel.CASE)
        self.notes_view.selectionModel().currentRowChanged.connect(lambda *_: self._note_changed())
        # Plain text only: a note is never rendered as HTML.
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("intervisionNote")
        self.detail.setReadOnly(True)
        self.write = QPushButton(self.tr("Write a case note\u2026"))
        self.write.setObjectName("intervisionWrite")
        self.reads = QPushButton(self.tr("Who read it?"))
        self.reads.setObjectName("intervisionReads")
        self.discard = QPushButton(self.tr("Discard"))
        self.discard.setObjectName("intervisionDiscard")
        self.write.clicked.connect(self._write)
        self.reads.clicked.connect(self._reads)
        self.discard.clicked.connect(self._discard)
        self.message = QLabel()
        self.message.setObjectName("intervisionMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Meetings")))
        left_layout.addWidget(self.meetings_view, 1)
        left_layout.addWidget(refresh, 0, Qt.AlignmentFlag.AlignLeft)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.people)
        right_layout.addWidget(self.previous_heading)
        right_layout.addWidget(self.previous)
        right_layout.addWidget(self.notes_view, 1)
        right_layout.addWidget(self.detail, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.write)
        buttons.addWidget(self.reads)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.message)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 760])
        self.meetings_view.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._show_meeting(None)

    # ------------------------------------------------------------------ meetings
    def current_meeting(self) -> Meeting | None:
        row = self.meetings_view.currentIndex().row()
        return self.meetings.meetings[row] if 0 <= row < len(self.meetings.meetings) else None

    def set_meetings(self, meetings: Sequence[Meeting]) -> None:
        chosen = self.current_meeting()
        self.meetings.set_meetings(meetings)
        for row, meeting in enumerate(self.meetings.meetings):
            if chosen is not None and meeting.id == chosen.id:
                self.meetings_view.selectRow(row)
                self._show_meeting(meeting)
                return
        self._show_meeting(None)

    def select_meeting(self, meeting_id: int) -> None:
        for row, meeting in enumerate(self.meetings.meetings):
            if meeting.id == meeting_id:
                self.meetings_view.selectRow(row)

    def _meeting_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting = self.current_meeting()
        self._show_meeting(meeting)
        if meeting is not None:
            self.meeting_chosen.emit(meeting.id)

    def _show_meeting(self, meeting: Meeting | None) -> None:
        self.write.setEnabled(meeting is not None and self._takes_part(meeting))
        if meeting is None:
            self.heading.setText(self.tr("Choose a meeting to see its case notes."))
            self.people.clear()
            self.previous.clear()
            self.notes.set_notes(None, [], [])
            self._note_changed()
            return
        self.heading.setText(
            f"{date_text(meeting.day)} \u00b7 {method_label(meeting.method)} \u00b7 "
            f"{self.meetings.where(meeting)}"
        )
        names = []
        for p in meeting.participants:
            mark = {True: "\u2713", False: "\u2717", None: ""}[p.attended]
            names.append(f"{p.display_name} {mark}".strip())
        self.people.setText(self.tr("Participants: {0}").format(", ".join(names)))

    def set_previous(self, meeting_id: int, previous: PreviousMeeting | None) -> None:
        """Show what was agreed at the meeting before `meeting_id` (if it is still shown)."""
        meeting = self.current_meeting()
        if meeting is None or meeting.id != meeting_id:
            return
        self.previous.setPlainText(self.previous_text(meeting, previous))

    def previous_text(self, meeting: Meeting, previous: PreviousMeeting | None) -> str:
        if previous is None:
            return self.tr("No earlier meeting of this group.")
        lines = [self.tr("Meeting of {0}").format(date_text(previous.day))]
        if not previous.follow_ups:
            lines.append(self.tr("Nothing was agreed for this time."))
        for item in previous.follow_ups:
            if item.follow_up:
                author = meeting.name_of(item.author_id)
                lines.append(self.tr("{0}: {1}").format(author, item.follow_up))
            for action in item.action_items:
                owner = meeting.name_of(action.owner_id)
                due = self.tr(" (due {0})").format(date_text(action.due)) if action.due else ""
                lines.append(self.tr("Action: {0} \u2014 {1}{2}").format(action.text, owner, due))
        return "\n".join(lines)

    def _takes_part(self, meeting: Meeting) -> bool:
        return any(p.user_id == self.me for p in meeting.participants)

    # ------------------------------------------------------------------ notes
    def set_notes(
        self, meeting_id: int, notes: Sequence[Note], queued: Sequence[QueuedNote]
    ) -> None:
        meeting = self.current_meeting()
        if meeting is None or meeting.id != meeting_id:
            return
        before = self.current_note()
        key = None if before is None else getattr(before, "id", getattr(before, "txn_id", None))
        self.notes.set_notes(meeting, notes, queued)
        for row, item in enumerate(self.notes.rows):
            if key is not None and getattr(item, "id", getattr(item, "txn_id", None)) == key:
                self.notes_view.selectRow(row)
        self._note_changed()

    def current_note(self) -> Row | None:
        row = self.notes_view.currentIndex().row()
        return self.notes.rows[row] if 0 <= row < len(self.notes.rows) else None

    def _note_changed(self) -> None:
        row = self.current_note()
        self.reads.setEnabled(isinstance(row, Note) and row.author_id == self.me)
        self.discard.setEnabled(isinstance(row, QueuedNote) and bool(row.failed))
        self.detail.setPlainText("" if row is None else self.note_text(row))

    def note_text(self, row: Row) -> str:
        lines: list[str] = []
        if isinstance(row, QueuedNote):
            lines.append(self.notes.state(row) + (f": {row.failed}" if row.failed else ""))
            lines.append("")
        for name in ("case", "question", "questions_and_advice", "approach", "follow_up"):
            text = row.parts.get(name, "")
            if text:
                lines += [note_part_label(name), text, ""]
        if isinstance(row, Note):
            meeting = self.notes.meeting
            for item in row.action_items:
                owner = meeting.name_of(item.owner_id) if meeting else str(item.owner_id)
                due = self.tr(" (due {0})").format(date_text(item.due)) if item.due else ""
                lines.append(self.tr("Action: {0} \u2014 {1}{2}").format(item.text, owner, due))
            for quote in row.quotes:
                lines.append(
                    self.tr("Quote from chat {0}: \u201c{1}\u201d").format(
                        quote.chat_ref, quote.text
                    )
                )
        return "\n".join(lines).strip()

    def show_reads(self, reads: Sequence[NoteRead]) -> None:
        if not reads:
            self.show_message(self.tr("Nobody has read this note yet."))
            return
        lines = [f"{r.display_name} ({time_text(r.at)})" for r in reads]
        self.show_message(self.tr("Read by: {0}").format("; ".join(lines)))

    def _write(self) -> None:
        meeting = self.current_meeting()
        if meeting is not None:
            self.write_requested.emit(meeting.id)

    def _reads(self) -> None:
        row = self.current_note()
        if isinstance(row, Note):
            self.reads_requested.emit(row.id)

    def _discard(self) -> None:
        row = self.current_note()
        if isinstance(row, QueuedNote):
            self.discard_requested.emit(row.txn_id)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828; font-weight: 600;" if error else "")
