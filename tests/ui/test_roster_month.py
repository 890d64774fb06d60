"""The month overview in the real console against the real server: May 2037 built here,
short names with forum duty and open seats marked, closed days greyed, and the
institution filter turning it into that institution's view with who sits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from console.domain.roles import Area
from console.ui.roster.month import CLOSED, UNFILLED, MonthView
from console.ui.roster.page import RosterPage
from tests.support.roster import (
    assign,
    fill,
    institution_ids,
    put_forum,
    roster,
    serve_roster,
    token,
    user_id,
)
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login, make_app

MONDAY = date(2037, 5, 4)


@pytest.fixture(scope="module", params=["sqlite"])
def roster_server(request, tmp_path_factory, dev_certs):
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture(scope="module")
def may(roster_server):
    """Monday 4 May 2037: bascule (forum duty, both seats filled), ggze, bjzg (empty)."""
    with roster_server.client() as client:
        tok = token(client, "coordinator")
        ids = institution_ids(client, tok)
        blocks = [assign(client, tok, MONDAY, i, ids[c])
                  for i, c in enumerate(("bascule", "ggze", "bjzg"))]  # fmt: skip
        forum = roster(client, tok, MONDAY, MONDAY)["days"][0]["forum"]
        assert put_forum(client, tok, MONDAY, ids["bascule"], forum["version"]).status_code == 200
        sitters = [user_id(client, "bascule.helper1"), user_id(client, "bascule.trainee1")]
        answer = fill(client, token(client, "bascule.helper1"), MONDAY, 0, sitters,
                      blocks[0]["version"])  # fmt: skip
        assert answer.status_code == 200, answer.text
        return ids


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MonthModel", text, "", n)


def test_month_overview_and_institution_view(qtbot, run, roster_server, may, tmp_path):
    ids = may
    app = make_app(tmp_path, roster_server)

    async def scenario() -> None:
        try:
            app.start()
            fill_login(qtbot, app.login_dialog, roster_server.url, "coordinator", "hulpmix-demo")
            await until(lambda: app.window is not None and app.window.isVisible(), what="window")
            app.window.show_area(Area.ROSTER)
            page = app.window.page(Area.ROSTER)
            assert isinstance(page, RosterPage)
            view = page.month_view
            assert isinstance(view, MonthView)
            page.tabs.setCurrentWidget(view)
            await until(lambda: view.filter.count() > 1, what="the institutions")
            view.go(date(2037, 5, 1))
            model = view.model
            await until(
                lambda: model.month is not None and model.month.start == date(2037, 5, 1),
                what="May 2037",
            )
            # 19 open days and the two closed weekdays (Ascension Day, Whit Monday).
            assert model.rowCount() == 21 and model.columnCount() == 4
            days = [model.rows[r][0] for r in range(model.rowCount())]
            row = days.index(MONDAY)
            cell = lambda c, role=Qt.ItemDataRole.DisplayRole: model.data(  # noqa: E731
                model.index(row, c), role
            )
            assert cell(1) == "bascule  " + tr("[F]")
            assert cell(2) == "ggze  " + tr("%n open seat(s)", 2)
            assert cell(1, Qt.ItemDataRole.BackgroundRole) is None
            assert cell(2, Qt.ItemDataRole.BackgroundRole).color() == UNFILLED
            assert cell(1, Qt.ItemDataRole.FontRole).bold()
            closed = days.index(date(2037, 5, 14))
            assert "Hemelvaartsdag" in model.data(model.index(closed, 1))
            assert model.data(model.index(closed, 1), Qt.ItemDataRole.BackgroundRole).color() == (
                CLOSED
            )
            # An empty day: three blocks without an institution, all marked.
            empty = days.index(date(2037, 5, 6))
            assert model.data(model.index(empty, 1)) == tr("\u2014 no institution")
            # The institution view: only bascule's block, with who sits.
            view.choose_institution(ids["bascule"])
            assert model.rowCount() == 1 and model.columnCount() == 5
            texts = [model.data(model.index(0, c)) for c in range(1, 5)]
            assert texts == [tr("Block {0}").format(1), "Sanne de Vries", "Lotte Bakker",
                             tr("forum duty")]  # fmt: skip
            view.choose_institution(ids["bjzg"])
            assert model.rowCount() == 1
            assert model.data(model.index(0, 2)) == tr("open seat")
            view.choose_institution(None)
            assert model.rowCount() == 21
            # Next month: the view asks and follows.
            qtbot.mouseClick(view.next, Qt.MouseButton.LeftButton)
            await until(lambda: model.month.start == date(2037, 6, 1), what="June 2037")
        finally:
            await app.quit()

    run(scenario())
