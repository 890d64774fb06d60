"""When can't I sit? One's recurring weekdays (a Friday study day) and single dates.

Shown under "My shifts". The person ticks weekdays and adds dates; Save hands the whole
list to the controller. The rules then refuse seating the person on those days. A day
marked while one already sits there is not moved: the box names those shifts, so the
person can ask for a replacement.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.roster import Unavailable
from console.ui.roster.labels import day_text, weekday_name

#: Dates can be marked up to this many days ahead (the server's limit is two years).
AHEAD_DAYS = 730


class UnavailabilityBox(QGroupBox):
    #: (weekdays: list[int], dates: list[date]) to save, the whole list.
    save_requested = Signal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("When I cannot sit"), parent)
        self.setObjectName("rosterUnavailable")
        self.today = today
        self.weekdays: list[QCheckBox] = []
        days = QHBoxLayout()
        days.addWidget(QLabel(self.tr("Every week:")))
        for weekday in range(7):
            box = QCheckBox(weekday_name(weekday))
            box.setObjectName(f"unavailableWeekday{weekday}")
            self.weekdays.append(box)
            days.addWidget(box)
        days.addStretch(1)

        self.dates = QListWidget()
        self.dates.setObjectName("unavailableDates")
        self.dates.setMaximumHeight(90)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("unavailableDate")
        self.date_edit.setCalendarPopup(True)
        first = QDate(today.year, today.month, today.day)
        self.date_edit.setMinimumDate(first)
        self.date_edit.setMaximumDate(first.addDays(AHEAD_DAYS))
        self.date_edit.setDate(first)
        self.add = QPushButton(self.tr("Add date"))
        self.add.setObjectName("unavailableAdd")
        self.add.clicked.connect(self._add_date)
        self.remove = QPushButton(self.tr("Remove date"))
        self.remove.setObjectName("unavailableRemove")
        self.remove.clicked.connect(self._remove_date)
        self.save = QPushButton(self.tr("Save"))
        self.save.setObjectName("unavailableSave")
        self.save.clicked.connect(self._save)
        self.message = QLabel()
        self.message.setObjectName("unavailableMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        date_row = QHBoxLayout()
        date_row.addWidget(QLabel(self.tr("Single dates:")))
        date_row.addWidget(self.date_edit)
        date_row.addWidget(self.add)
        date_row.addWidget(self.remove)
        date_row.addStretch(1)
        date_row.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(days)
        layout.addLayout(date_row)
        layout.addWidget(self.dates)
        layout.addWidget(self.message)

    # ------------------------------------------------------------------ feeding
    def set_unavailable(self, found: Unavailable, saved: bool = False) -> None:
        for weekday, box in enumerate(self.weekdays):
            box.setChecked(weekday in found.weekdays)
        self.dates.clear()
        for day in found.dates:
            self._add_item(day)
        if found.clashes:
            shifts = ", ".join(
                self.tr("{0}, block {1}").format(day_text(day), index + 1)
                for day, index in found.clashes
            )
            self.show_message(
                self.tr(
                    "You are on the roster on a day you cannot sit: {0}. You stay responsible "
                    "for it; ask for a replacement."
                ).format(shifts),
                error=True,
            )
        elif saved:
            self.show_message(self.tr("Saved. The roster will not seat you on these days."))

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")

    # ------------------------------------------------------------------ reading
    def chosen_weekdays(self) -> list[int]:
        return [weekday for weekday, box in enumerate(self.weekdays) if box.isChecked()]

    def chosen_dates(self) -> list[date]:
        found = []
        for row in range(self.dates.count()):
            value = self.dates.item(row).data(Qt.ItemDataRole.UserRole)
            if isinstance(value, date):
                found.append(value)
        return sorted(found)

    # ------------------------------------------------------------------ editing
    def _add_item(self, day: date) -> None:
        item = QListWidgetItem(f"{day_text(day)} {day.year}")
        item.setData(Qt.ItemDataRole.UserRole, day)
        self.dates.addItem(item)

    def _add_date(self) -> None:
        picked = self.date_edit.date()
        day = date(picked.year(), picked.month(), picked.day())
        if day in self.chosen_dates():
            self.show_message(self.tr("This date is already in the list."), error=True)
            return
        chosen = sorted([*self.chosen_dates(), day])
        self.dates.clear()
        for each in chosen:
            self._add_item(each)
        self.message.clear()

    def _remove_date(self) -> None:
        for item in self.dates.selectedItems():
            self.dates.takeItem(self.dates.row(item))

    def _save(self) -> None:
        self.save_requested.emit(self.chosen_weekdays(), self.chosen_dates())
