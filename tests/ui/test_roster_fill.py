"""Filling the names of a block: live validation with the shared rules, in Dutch, and the
409 between two consoles. The first tests drive the real dialog on wire-shaped data; the
last drives the real console against the real server while a colleague's console saves
first."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from console.domain.roles import Area, Role
from console.services.keyrings import MemoryKeyring
from console.services.roster import RosterBlock, RosterPeople, RosterService, RosterWeek
from console.services.session import Session
from console.services.transport import Transport
from console.settings import Settings
from console.ui.roster.fill_dialog import FillDialog
from console.ui.roster.page import RosterPage
from server.demo import DEMO_PASSWORD
from tests.support.waiting import until
from tests.support.youth import chat_server
from tests.ui.test_login_and_main_window import fill_login, make_app
from tests.ui.test_roster_grid import MONDAY, people_wire, week_wire


def choose(qtbot, combo, person_id) -> None:
    combo.setCurrentIndex(combo.findData(person_id))


def empty_block_dialog(qtbot, day_offset=0) -> FillDialog:
    week = RosterWeek.from_json(week_wire())
    directory = RosterPeople.from_json(people_wire())
    day = week.days[day_offset]
    block = RosterBlock(day.day, 0, "1", "1", False, (), 4)
    day = replace(day, blocks=(block, *day.blocks[1:]))
    dialog = FillDialog(block, day, directory)
    qtbot.addWidget(dialog)
    return dialog


def test_a_trainee_who_needs_backup_cannot_sit_alone(qtbot, dutch):
    dialog = empty_block_dialog(qtbot)
    first, second = dialog.seats
    assert [first.itemText(i) for i in range(first.count())] == [
        "\u2014 vrije plek \u2014",
        "Sanne de Vries (begeleider)",
        "Daan Jansen (hulpverlener)",
        "Lotte Bakker (hulpverlener in opleiding)",
        "Thijs Visser (hulpverlener in opleiding)",
    ]
    assert not dialog.save_button.isEnabled()  # nothing chosen yet
    choose(qtbot, first, "13")
    assert dialog.problem_label.text() == (
        "\u2022 Lotte Bakker heeft nog achtervang nodig: er moet een hulpverlener of "
        "begeleider van dezelfde instelling in hetzelfde blok zitten (maandag 23 november)."
    )
    assert not dialog.save_button.isEnabled()
    choose(qtbot, second, "12")
    assert dialog.problem_label.text() == ""
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.save_requested) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [["13", "12"], 4]


def test_a_friday_study_day_is_named(qtbot, dutch):
    # Friday: Lotte (a trainee) never comes on Fridays.
    dialog = empty_block_dialog(qtbot, day_offset=3)  # the fourth open day: Friday
    assert dialog.day.day == MONDAY + timedelta(days=4)
    first, second = dialog.seats
    choose(qtbot, first, "13")
    choose(qtbot, second, "11")
    assert dialog.problem_label.text() == (
        "\u2022 Lotte Bakker kan nooit op vrijdag (vrijdag 27 november)."
    )
    assert not dialog.save_button.isEnabled()
    choose(qtbot, first, "14")  # a trainee who no longer needs backup
    assert dialog.save_button.isEnabled()


def test_conflict_shows_both_and_the_choice(qtbot, dutch):
    dialog = empty_block_dialog(qtbot)
    choose(qtbot, dialog.seats[0], "11")
    choose(qtbot, dialog.seats[1], "14")
    dialog.save_requested.emit(dialog.chosen(), dialog.version)
    theirs = RosterBlock(dialog.block.day, 0, "1", "1", False, ("12", "13"), 5)
    dialog.show_conflict(theirs)
    assert dialog.conflict_box.isVisibleTo(dialog)
    assert dialog.conflict_text.text().splitlines() == [
        "Iemand anders heeft dit blok gewijzigd terwijl u aan het kiezen was.",
        "Uw keuze: Sanne de Vries, Thijs Visser",
        "Nu opgeslagen: Daan Jansen, Lotte Bakker",
    ]
    assert not dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.save_requested) as retried:
        qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
    assert retried.args == [["11", "14"], 5]  # mine, against the current version
    dialog.show_conflict(RosterBlock(dialog.block.day, 0, "1", "1", False, ("12", "13"), 6))
    qtbot.mouseClick(dialog.take_theirs, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == ["12", "13"]
    assert dialog.version == 6
    assert not dialog.conflict_box.isVisibleTo(dialog)


# --------------------------------------------------------------------- the real console
def test_fill_in_the_real_console_with_a_conflict(qtbot, run, dev_certs, tmp_path):
    server = chat_server(tmp_path, dev_certs)
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            await fill(app)
        finally:
            await app.quit()

    async def fill(app) -> None:
        app.start()
        fill_login(qtbot, app.login_dialog, server.url, "bascule.helper1", "hulpmix-demo")
        await until(lambda: app.window is not None and app.window.isVisible(), what="window")
        app.window.show_area(Area.ROSTER)
        page = app.window.page(Area.ROSTER)
        assert isinstance(page, RosterPage)
        service = app.roster.service
        grid = page.grid
        await until(lambda: grid.model.rowCount() > 0 and service.directory, what="the week")
        mine = str(app.window.user.institution_id)
        week = service.week
        block = next(b for d in week.days for b in d.blocks if b.institution_id == mine)
        day = week.day(block.day)
        others = {p for b in day.blocks if b.index != block.index for p in b.people}
        team = service.directory.of_institution(mine)
        trainee, helper = next(
            (t, h)
            for t in team
            if t.role is Role.TRAINEE and t.needs_backup and t.id not in others
            for h in team
            if h.role in (Role.HELPER, Role.SUPERVISOR)
            and h.id not in others
            and (t.id, h.id) != block.people  # a change, so Save can be enabled
        )
        grid.view.setFocus()
        grid.select(block.day, block.index)
        qtbot.keyClick(grid.view, Qt.Key.Key_Return)
        await until(lambda: isinstance(page.dialog, FillDialog), what="the fill dialog")
        dialog = page.dialog
        first, second = dialog.seats
        second.setCurrentIndex(0)  # open seat
        choose(qtbot, first, trainee.id)
        assert dialog.problem_label.text().startswith(
            f"\u2022 {trainee.name} heeft nog achtervang nodig"
        )
        assert not dialog.save_button.isEnabled()
        choose(qtbot, second, helper.id)
        assert dialog.save_button.isEnabled()

        # Meanwhile a colleague's console (its own services on its own loop, as in
        # another process) saves other names in the same block.
        async def colleague_fills() -> RosterBlock:
            settings = Settings(
                server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none"
            )
            transport = Transport(settings)
            try:
                await Session(transport, MemoryKeyring()).login(
                    "bascule.helper2", DEMO_PASSWORD, remember=False
                )
                other = RosterService(None, transport)
                return await other.fill(block.day, block.index, [helper.id], block.version)
            finally:
                await transport.aclose()

        saved = await asyncio.to_thread(asyncio.run, colleague_fills())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await until(lambda: dialog.conflict_box.isVisibleTo(dialog), what="the conflict")
        lines = dialog.conflict_text.text().splitlines()
        assert lines[1] == f"Uw keuze: {trainee.name}, {helper.name}"
        assert lines[2] == f"Nu opgeslagen: {helper.name}"
        assert not dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)
        await until(lambda: page.dialog is None, what="saved with the current version")
        stored = service.week.block(block.day, block.index)
        assert stored.people == (trainee.id, helper.id)
        assert stored.version > saved.version
        cell = grid.model.index_of(block.day, block.index)
        await until(
            lambda: grid.model.data(cell).splitlines()[1:3] == [trainee.name, helper.name],
            what="the grid shows the names",
        )
        assert page.message.text() == "De namen zijn opgeslagen."

    try:
        run(scenario())
    finally:
        server.stop()
