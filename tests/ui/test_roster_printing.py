"""Printing the roster: the week grid as an A4 PDF through Qt's printing, with the same
words and names as on screen, and hostile text printed as typed."""

from __future__ import annotations

import re
from datetime import timedelta

from console.services.roster import RosterPeople, RosterWeek
from console.ui.roster.page import RosterPage
from console.ui.roster.printing import document_for, save_pdf
from console.ui.roster.week_grid import WeekGrid
from tests.ui.test_roster_grid import MONDAY, people_wire, week_wire


def _grid(qtbot, hostile: str = "") -> WeekGrid:  # type: ignore[no-untyped-def]
    grid = WeekGrid(MONDAY + timedelta(days=2))
    qtbot.addWidget(grid)
    people = people_wire()
    if hostile:
        people["people"][0]["name"] = hostile
    grid.set_directory(RosterPeople.from_json(people))
    grid.set_week(RosterWeek.from_json(week_wire()))
    return grid


def test_the_printed_week_has_the_screen_s_words(qtbot, dutch) -> None:  # type: ignore[no-untyped-def]
    grid = _grid(qtbot, hostile="<b>Sanne</b> & co")
    text = document_for(grid.model, grid.label.text()).toPlainText()
    assert text.startswith("Week 48, 23\u201327 november 2026")
    assert "maandag 23 november" in text
    assert "GGZ Eindhoven  [Forum]" in text and "vrije plek" in text
    assert "gesloten: Studiedag" in text
    # Escaped, not interpreted: the tags are printed as typed.
    assert "<b>Sanne</b> & co" in text
    assert "Afgedrukt" in text


def test_save_as_pdf_writes_an_a4_document(qtbot, dutch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    grid = _grid(qtbot)
    path = tmp_path / "rooster.pdf"
    save_pdf(grid.model, grid.label.text(), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) >= 1
    # Landscape A4: the media box is wider than high (842 x 595 points).
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    width, height = float(box.group(1)), float(box.group(2))
    assert round(width) == 842 and round(height) == 595


def test_the_page_saves_the_shown_week_as_pdf(qtbot, dutch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = RosterPage(MONDAY, coordinator=False)
    qtbot.addWidget(page)
    page.set_directory(RosterPeople.from_json(people_wire()))
    page.set_week(RosterWeek.from_json(week_wire()))
    assert page.print_button.text() == "Afdrukken\u2026"
    page.pdf_button.click()
    assert page.dialog is not None  # the save dialog (the OS's file chooser) is offered
    page.dialog.reject()
    path = tmp_path / "week.pdf"
    page.save_pdf(str(path))
    assert path.read_bytes().startswith(b"%PDF-")
    assert page.message.text() == f"Opgeslagen als {path}"
