"""The roster's week grid: what it shows for a week (built from wire-shaped data through
the service's parsing, then against the real demo server), and that it is keyboard-usable."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from console.domain.roles import Area
from console.services.roster import RosterPeople, RosterWeek, Unfilled
from console.ui.roster.page import RosterPage
from console.ui.roster.week_grid import WeekGrid
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login, make_app

MONDAY = date(2026, 11, 23)


def people_wire() -> dict:
    return {
        "institutions": [
            {"id": "1", "code": "bascule", "name": "GGZ De Bascule"},
            {"id": "2", "code": "ggze", "name": "GGZ Eindhoven"},
            {"id": "3", "code": "bjzg", "name": "Bureau Jeugdzorg Gelderland"},
        ],
        "people": [
            {"id": "11", "institution_id": "1", "role": "supervisor", "name": "Sanne de Vries",
             "needs_backup": False, "may_supervise": True, "unavailable_weekdays": [],
             "unavailable_dates": []},
            {"id": "12", "institution_id": "1", "role": "helper", "name": "Daan Jansen",
             "needs_backup": False, "may_supervise": True, "unavailable_weekdays": [],
             "unavailable_dates": []},
            {"id": "13", "institution_id": "1", "role": "trainee", "name": "Lotte Bakker",
             "needs_backup": True, "may_supervise": True, "unavailable_weekdays": [4],
             "unavailable_dates": []},
            {"id": "14", "institution_id": "1", "role": "trainee", "name": "Thijs Visser",
             "needs_backup": False, "may_supervise": True, "unavailable_weekdays": [],
             "unavailable_dates": []},
            {"id": "21", "institution_id": "2", "role": "helper", "name": "Emma van den Berg",
             "needs_backup": False, "may_supervise": True, "unavailable_weekdays": [],
             "unavailable_dates": []},
        ],
    }  # fmt: skip


def block(index: int, inst: str | None, people=(), published=None, pinned=False, version=1):
    return {
        "index": index,
        "institution_id": inst,
        "published_institution_id": inst if published is None else published,
        "pinned": pinned,
        "people": list(people),
        "version": version if inst else 0,
    }


def week_wire() -> dict:
    days = []
    for offset in range(5):
        day = MONDAY + timedelta(days=offset)
        if offset == 2:
            continue  # Wednesday closed below
        needed = 2 if offset == 4 else 3
        blocks = [block(0, "1", ["11", "13"]), block(1, "2", ["21"]), block(2, None)][:needed]
        if offset == 1:
            blocks[1] = block(1, "3", published="2", pinned=True)
        days.append(
            {
                "day": day.isoformat(),
                "blocks_needed": needed,
                "holiday": None,
                "hard_to_staff": "Bevrijdingsdag" if offset == 3 else None,
                "forum": {"institution_id": "2", "published_institution_id": "2", "version": 1},
                "blocks": blocks,
            }
        )
    return {
        "start": MONDAY.isoformat(),
        "end": (MONDAY + timedelta(days=6)).isoformat(),
        "days": days,
        "closed": {(MONDAY + timedelta(days=2)).isoformat(): "Studiedag"},
        "published_at": None,
        "problems": [
            {"code": "coverage", "params": {"day": MONDAY.isoformat(), "needed": 3,
                                            "assigned": 2}, "message": "x"},
            {"code": "no_such_code_yet", "params": {}, "message": "y"},
        ],
    }  # fmt: skip


def test_the_week_shows_days_blocks_names_and_marks(qtbot, dutch):
    grid = WeekGrid(MONDAY + timedelta(days=2))
    qtbot.addWidget(grid)
    directory = RosterPeople.from_json(people_wire())
    week = RosterWeek.from_json(week_wire())
    assert [p.code.value for p in week.problems] == ["coverage"]  # unknown codes are skipped
    grid.set_directory(directory)
    grid.set_week(week)
    model = grid.model
    assert grid.label.text() == "Week 48, 23\u201327 november 2026"
    assert model.rowCount() == 5 and model.columnCount() == 4
    text = lambda r, c: model.data(model.index(r, c))  # noqa: E731
    assert text(0, 0) == "maandag 23 november"
    assert text(0, 1).splitlines() == ["GGZ De Bascule", "Sanne de Vries", "Lotte Bakker"]
    assert text(0, 2).splitlines() == ["GGZ Eindhoven  [Forum]", "Emma van den Berg", "vrije plek"]
    assert text(0, 3) == "(nog geen instelling)"
    # Tuesday: block 2 changed institution after publication, and is pinned.
    assert text(1, 2).splitlines()[0] == "Bureau Jeugdzorg Gelderland  [\U0001f4cc]"
    assert text(1, 2).splitlines()[-1] == "\u270e nog niet gepubliceerd"
    # Wednesday: closed, greyed, not enabled.
    assert text(2, 0).splitlines() == ["woensdag 25 november", "gesloten: Studiedag"]
    assert not model.flags(model.index(2, 1)) & Qt.ItemFlag.ItemIsEnabled
    # Thursday: hard to staff; Friday has two blocks.
    assert text(3, 0).splitlines()[1] == "moeilijk te bezetten: Bevrijdingsdag"
    assert text(4, 3) == ""
    assert not model.flags(model.index(4, 3)) & Qt.ItemFlag.ItemIsEnabled


def test_keyboard_moves_and_enter_opens(qtbot, dutch):
    grid = WeekGrid(MONDAY)
    qtbot.addWidget(grid)
    grid.set_directory(RosterPeople.from_json(people_wire()))
    grid.set_week(RosterWeek.from_json(week_wire()))
    grid.show()
    grid.view.setFocus()
    assert (grid.current_block().day, grid.current_block().index) == (MONDAY, 0)
    qtbot.keyClick(grid.view, Qt.Key.Key_Right)
    qtbot.keyClick(grid.view, Qt.Key.Key_Down)
    assert (grid.current_block().day, grid.current_block().index) == (
        MONDAY + timedelta(days=1),
        1,
    )
    with qtbot.waitSignal(grid.block_opened) as opened:
        qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert opened.args == [MONDAY + timedelta(days=1), 1]


def test_week_navigation_and_coordinator_menu(qtbot, dutch):
    page = RosterPage(MONDAY + timedelta(days=1), coordinator=True)
    qtbot.addWidget(page)
    grid = page.grid
    assert page.propose.text() == "Voorstel maken (november)"
    with qtbot.waitSignal(grid.week_requested) as asked:
        qtbot.mouseClick(grid.next, Qt.MouseButton.LeftButton)
    assert asked.args == [MONDAY + timedelta(days=7)]
    assert grid.label.text() == "Week 49, 30 november \u2013 4 december 2026"
    assert page.propose.text() == "Voorstel maken (december)"
    qtbot.mouseClick(grid.this_week, Qt.MouseButton.LeftButton)
    assert grid.monday == MONDAY
    page.set_directory(RosterPeople.from_json(people_wire()))
    week = RosterWeek.from_json(week_wire())
    page.set_week(week)
    assert "maandag 23 november heeft 3 blokken nodig maar heeft er 2." in page.problems.text()
    menu = grid.build_menu(grid.model.index(0, 3))
    assert menu is not None
    titles = [a.text() for a in menu.actions()]
    assert titles[1] == "Instelling"
    institutions = menu.actions()[1].menu()
    enabled = {a.text(): a.isEnabled() for a in institutions.actions() if a.text()}
    # Bascule and Eindhoven already sit on Monday: an institution has one block a day.
    assert enabled["GGZ De Bascule"] is False and enabled["Bureau Jeugdzorg Gelderland"]
    chosen = [a for a in institutions.actions() if a.text() == "Bureau Jeugdzorg Gelderland"]
    with qtbot.waitSignal(grid.institution_chosen) as got:
        chosen[0].trigger()
    assert got.args == [MONDAY, 2, "3"]
    menu.close()


# --------------------------------------------------------------------- the real console
def test_the_demo_roster_in_the_real_console(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            app.start()
            fill_login(qtbot, app.login_dialog, server.url, "bascule.helper1", "hulpmix-demo")
            await until(lambda: app.window is not None and app.window.isVisible(), what="window")
            app.window.show_area(Area.ROSTER)
            page = app.window.page(Area.ROSTER)
            assert isinstance(page, RosterPage)
            assert not page.tools.isVisibleTo(page)  # a helper has no coordinator tools
            # A helper who also supervises: the fairness report, replacements, attendance.
            assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
                "Week",
                "Maand",
                "Eerlijke verdeling",
                "Mijn diensten",
                "Vervanging",
                "Aanwezigheid",
            ]
            model = page.grid.model
            await until(lambda: model.rowCount() > 0, what="the week")
            await until(lambda: bool(page.directory.institutions), what="the people")
            assert page.grid.label.text().startswith("Week ")
            cells = [
                str(model.data(model.index(r, c)))
                for r in range(model.rowCount())
                for c in range(1, model.columnCount())
            ]
            assert any(cell.startswith("GGZ De Bascule") for cell in cells)
            assert any("[Forum]" in cell for cell in cells)
            # Next week and back: the grid follows.
            first_day = model.rows[0].day
            qtbot.mouseClick(page.grid.next, Qt.MouseButton.LeftButton)
            await until(
                lambda: model.rows and model.rows[0].day == first_day + timedelta(days=7),
                what="next week",
            )
            assert page.mine is not None
            await until(lambda: page.mine.model.rowCount() > 0, what="my shifts")
            # The banner names exactly the unfilled blocks the server reports for the week
            # ahead (whatever the demo holds today).
            assert app.roster is not None
            unfilled = await app.roster.service.alerts(days=7)
            await until(lambda: page.alerts.isVisibleTo(page) == bool(unfilled), what="alerts")
            for item in unfilled[:4]:
                assert f"{item.day.day:02d}-{item.day.month:02d}" in page.alerts.text()
        finally:
            await app.quit()

    run(scenario())


def test_the_alert_banner_words_unfilled_blocks(qtbot, dutch):
    page = RosterPage(MONDAY, coordinator=True)
    qtbot.addWidget(page)
    page.set_directory(RosterPeople.from_json(people_wire()))
    page.show()
    assert not page.alerts.isVisible()
    unfilled = [
        Unfilled(MONDAY, 1, "2", "seats", 1),
        Unfilled(MONDAY, 2, None, "institution", 2),
    ] + [Unfilled(MONDAY + timedelta(days=n), 0, None, "institution", 2) for n in (1, 2, 3)]
    page.set_alerts(unfilled, 7)
    assert page.alerts.isVisible()
    assert page.alerts.text().splitlines() == [
        "Nog niet ingevuld in de komende 7 dagen:",
        "\u2022 ma 23-11-2026, blok 2 \u2014 GGZ Eindhoven: 1 plek open",
        "\u2022 ma 23-11-2026, blok 3 \u2014 nog geen instelling",
        "\u2022 di 24-11-2026, blok 1 \u2014 nog geen instelling",
        "\u2022 wo 25-11-2026, blok 1 \u2014 nog geen instelling",
        "\u2026 en nog 1.",
    ]
    page.set_alerts([], 7)
    assert not page.alerts.isVisible()
