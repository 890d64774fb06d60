"""Filling the names of a block: two seats, checked live with the shared rules.

While the person chooses, `validate_fills` runs over all blocks of the day with this block
as chosen; the problems the choice introduces (compared with the block left empty) are
listed in words and keep Save disabled. The dialog reports `save_requested`; the page's
controller answers with `saved`, `show_conflict` (409: yours and the current names side by
side, "keep mine" retries against the current version, "take theirs" shows theirs) or
`show_problems` (422 from the server).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.roster import BlockFill, Problem, validate_fills
from console.services.roster import RosterBlock, RosterDay, RosterPeople
from console.ui.roster.labels import day_text, problem_text, role_label


class FillDialog(QDialog):
    #: (people ids, version) the person wants these names in the block.
    save_requested = Signal(list, int)

    def __init__(
        self,
        block: RosterBlock,
        day: RosterDay,
        directory: RosterPeople,
        *,
        may_edit: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterFillDialog")
        self.block = block
        self.day = day
        self.directory = directory
        self.may_edit = may_edit
        self.version = block.version
        self.conflict: RosterBlock | None = None
        self.problems: list[Problem] = []
        self.setWindowTitle(self.tr("Fill block {0}").format(block.index + 1))
        self.setMinimumSize(580, 300)

        institution = directory.name_of_institution(block.institution_id)
        title = QLabel(
            self.tr("{0}, block {1} \u2014 {2}").format(
                day_text(day.day), block.index + 1, institution
            )
        )
        title.setObjectName("fillTitle")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: 600;")

        self.seats: list[QComboBox] = []
        form = QFormLayout()
        for seat in range(2):
            combo = QComboBox()
            combo.setObjectName(f"fillSeat{seat + 1}")
            combo.addItem(self.tr("\u2014 open seat \u2014"), None)
            for person in directory.of_institution(block.institution_id or ""):
                combo.addItem(f"{person.name} ({role_label(person.role)})", person.id)
            if seat < len(block.people):
                found = combo.findData(block.people[seat])
                if found < 0:  # someone the directory does not list: keep them visible
                    combo.addItem(directory.name_of(block.people[seat]), block.people[seat])
                    found = combo.count() - 1
                combo.setCurrentIndex(found)
            combo.setEnabled(may_edit)
            combo.currentIndexChanged.connect(self.revalidate)
            self.seats.append(combo)
            form.addRow(self.tr("Seat {0}").format(seat + 1), combo)

        self.problem_label = QLabel()
        self.problem_label.setObjectName("fillProblems")
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #c62828;")

        # The 409 panel: yours and theirs, and the choice.
        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("fillConflict")
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_text = QLabel()
        self.conflict_text.setObjectName("fillConflictText")
        self.conflict_text.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_text.setWordWrap(True)
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self.keep_mine.setObjectName("fillKeepMine")
        self.take_theirs = QPushButton(self.tr("Take theirs"))
        self.take_theirs.setObjectName("fillTakeTheirs")
        self.keep_mine.clicked.connect(self._keep_mine)
        self.take_theirs.clicked.connect(self._take_theirs)
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(self.conflict_text)
        choice = QHBoxLayout()
        choice.addStretch(1)
        choice.addWidget(self.take_theirs)
        choice.addWidget(self.keep_mine)
        conflict_layout.addLayout(choice)
        self.conflict_box.hide()

        self.message = QLabel()
        self.message.setObjectName("fillMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("fillSave")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        if not may_edit:
            self.save_button.hide()
            self.message.setText(
                self.tr("Only {0} fills the names of this block.").format(institution)
            )

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.conflict_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.busy = False
        self.revalidate()

    # ------------------------------------------------------------------ state
    def chosen(self) -> list[str]:
        ids = [combo.currentData() for combo in self.seats]
        return [str(i) for i in ids if i is not None]

    def introduced(self) -> list[Problem]:
        """Problems the chosen names bring, against the same day with this block empty."""
        others = [
            f for f in self.day.fills() if (f.day, f.index) != (self.block.day, self.block.index)
        ]
        institution = self.block.institution_id or ""
        empty = BlockFill(self.block.day, self.block.index, institution, ())
        mine = BlockFill(self.block.day, self.block.index, institution, tuple(self.chosen()))
        people = self.directory.people
        before = validate_fills([*others, empty], people)
        after = validate_fills([*others, mine], people)
        return [p for p in after if p not in before]

    def problem_lines(self, problems: list[Problem]) -> str:
        name = self.directory.name_of_institution
        return "\n".join(f"\u2022 {problem_text(p, name)}" for p in problems)

    def revalidate(self) -> None:
        if self.conflict is None:
            self.problems = self.introduced()
            self.problem_label.setText(self.problem_lines(self.problems))
            self.problem_label.setVisible(bool(self.problems))
        people = self.chosen()
        duplicate = len(people) != len(set(people))
        self.save_button.setEnabled(
            self.may_edit
            and not self.busy
            and self.conflict is None
            and not self.problems
            and not duplicate
            and tuple(people) != self.block.people
        )

    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.busy = True
        self.message.setText(self.tr("Saving\u2026"))
        self.revalidate()
        self.save_requested.emit(self.chosen(), self.version)

    # ------------------------------------------------------------------ answers
    def saved(self, block: RosterBlock) -> None:
        self.busy = False
        self.block = block
        self.accept()

    def failed(self, text: str) -> None:
        self.busy = False
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;")
        self.revalidate()

    def show_problems(self, problems: list[Problem]) -> None:
        """The server refused (422): its problems, in our words."""
        self.busy = False
        self.problems = problems
        self.problem_label.setText(self.problem_lines(problems))
        self.problem_label.setVisible(bool(problems))
        self.message.setText(self.tr("The server did not accept these names."))
        self.message.setStyleSheet("color: #c62828;")
        self.save_button.setEnabled(False)

    def show_conflict(self, current: RosterBlock) -> None:
        """Someone else saved this block first (409): show both and let the person choose."""
        self.busy = False
        self.conflict = current
        names = self.directory.name_of

        def listing(ids: list[str] | tuple[str, ...]) -> str:
            return ", ".join(names(i) for i in ids) or self.tr("(nobody)")

        self.conflict_text.setText(
            self.tr(
                "Someone else changed this block while you were choosing.\n"
                "Yours: {0}\nNow saved: {1}"
            ).format(listing(self.chosen()), listing(current.people))
        )
        if current.institution_id != self.block.institution_id:
            self.keep_mine.setEnabled(False)
            self.conflict_text.setText(
                self.conflict_text.text()
                + "\n"
                + self.tr("The block now belongs to another institution.")
            )
        self.conflict_box.show()
        self.message.clear()
        self.revalidate()

    def _keep_mine(self) -> None:
        current = self.conflict
        if current is None:
            return
        self.conflict = None
        self.conflict_box.hide()
        self.version = current.version
        self.block = current
        self.day = self._day_with(current)
        self.revalidate()
        if self.problems:
            return  # the day changed under us: the person sees why and chooses again
        self.busy = True
        self.message.setText(self.tr("Saving\u2026"))
        self.revalidate()
        self.save_requested.emit(self.chosen(), self.version)

    def _take_theirs(self) -> None:
        current = self.conflict
        if current is None:
            return
        self.conflict = None
        self.conflict_box.hide()
        self.version = current.version
        self.block = current
        self.day = self._day_with(current)
        for seat, combo in enumerate(self.seats):
            combo.blockSignals(True)
            wanted = current.people[seat] if seat < len(current.people) else None
            found = combo.findData(wanted) if wanted is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self.message.setText(self.tr("You now see the names as saved by your colleague."))
        self.message.setStyleSheet("")
        self.revalidate()

    def _day_with(self, block: RosterBlock) -> RosterDay:
        from dataclasses import replace

        blocks = tuple(block if b.index == block.index else b for b in self.day.blocks)
        return replace(self.day, blocks=blocks)
