"""The fairness view in the real console against the real server: a coordinator opens the
Fairness tab, goes to May 2037 (built here by hand), and the table shows the counts
against the shares with the spread's two ends highlighted, and the holiday ledger."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt

from console.domain.roles import Area
from console.ui.roster.fairness import ABOVE, BELOW, OFF, FairnessView
from console.ui.roster.page import RosterPage
from tests.support.roster import (
    assign,
    institution_ids,
    people,
    put_forum,
    roster,
    serve_roster,
    set_commitments,
    token,
)
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login, make_app

MAY = (date(2037, 5, 1), date(2037, 5, 31))
MONDAY, LIBERATION = date(2037, 5, 4), date(2037, 5, 5)


@pytest.fixture(scope="module", params=["sqlite"])
def roster_server(request, tmp_path_factory, dev_certs):
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture(scope="module")
def may(roster_server):
    """May 2037 has 19 open days (Ascension Day and Whit Monday closed), five of them
    Fridays: 14 x 3 + 5 x 2 = 52 blocks. On Monday the 4th bascule, ggze and bjzg sit
    (forum duty bascule); on Liberation Day bjzo has block 1. Commitments: bascule 1
    (weight 2), ggze 3 (weight 6), so their shares are 52 x 2/8 = 13 and 52 x 6/8 = 39;
    the others have none (no share)."""
    with roster_server.client() as client:
        tok = token(client, "coordinator")
        ids = institution_ids(client, tok)
        for index, code in enumerate(("bascule", "ggze", "bjzg")):
            assign(client, tok, MONDAY, index, ids[code])
        forum = roster(client, tok, MONDAY, MONDAY)["days"][0]["forum"]
        assert put_forum(client, tok, MONDAY, ids["bascule"], forum["version"]).status_code == 200
        assign(client, tok, LIBERATION, 0, ids["bjzo"])
        answer = set_commitments(client, tok, *MAY, [
            {"institution_id": ids["bascule"], "min_blocks": 1, "max_blocks": 1},
            {"institution_id": ids["ggze"], "min_blocks": 3, "max_blocks": 3},
        ])  # fmt: skip
        assert answer.status_code == 200, answer.text
        names = {i["code"]: i["name"] for i in people(client, tok)["institutions"]}
        return ids, names


def tr(text: str, context: str = "FairnessModel") -> str:
    return QCoreApplication.translate(context, text)


def test_fairness_view_of_a_hand_built_month(qtbot, run, roster_server, may, tmp_path):
    _ids, names = may
    app = make_app(tmp_path, roster_server)

    async def scenario() -> None:
        try:
            app.start()
            fill_login(qtbot, app.login_dialog, roster_server.url, "coordinator", "hulpmix-demo")
            await until(lambda: app.window is not None and app.window.isVisible(), what="window")
            app.window.show_area(Area.ROSTER)
            page = app.window.page(Area.ROSTER)
            assert isinstance(page, RosterPage)
            view = page.fairness
            assert isinstance(view, FairnessView)
            page.tabs.setCurrentWidget(view)
            view.go(MAY[0])
            model = view.model
            await until(
                lambda: view.report is not None and view.report.start == MAY[0],
                what="the report for May 2037",
            )
            rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
            bascule, ggze, bjzg = (rows[names[c]] for c in ("bascule", "ggze", "bjzg"))

            def cell(row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
                return model.data(model.index(row, column), role)

            share = tr("{0} (share {1})")
            assert cell(bascule, 2) == share.format(1, 13)
            assert cell(ggze, 2) == share.format(1, 39)
            assert cell(bjzg, 2) == "1"  # no commitment: no share
            assert cell(bascule, 1) == "1" and cell(ggze, 1) == "3"
            assert cell(bjzg, 1) == tr("none")
            # Deviations -12 and -38: bascule is the top of the spread, ggze the bottom;
            # ggze is below its minimum of 3.
            background = Qt.ItemDataRole.BackgroundRole
            assert cell(bascule, 2, background).color() == ABOVE
            assert cell(ggze, 2, background).color() == BELOW
            assert cell(bjzg, 2, background) is None
            assert cell(ggze, 1, Qt.ItemDataRole.ForegroundRole).color() == OFF
            assert cell(bascule, 1, Qt.ItemDataRole.ForegroundRole) is None
            # Forum duty: 19 days x 2/8 = 4.75.
            assert cell(bascule, 5) == share.format(1, QLocale().toString(4.75, "f", 2))
            assert "26" in view.spread.text()  # blocks: -12 - (-38)
            # The ledger: Liberation Day 2037 with bjzo in block 1 and two blocks open.
            ledger = view.ledger_model
            assert ledger.rowCount() == 1
            text = ledger.data(ledger.index(0, 2))
            assert text.split(", ") == [names["bjzo"], tr("(open)", "LedgerModel"),
                                        tr("(open)", "LedgerModel")]  # fmt: skip
            assert "Bevrijdingsdag" in ledger.data(ledger.index(0, 1))
            assert f"{names['bjzo']} 1" in view.ledger_counts.text()
            # Another month: the view asks again and follows.
            qtbot.mouseClick(view.next, Qt.MouseButton.LeftButton)
            await until(lambda: view.report.start == date(2037, 6, 1), what="June 2037")
            assert all(
                model.data(model.index(r, 2)).split(" ")[0] == "0" for r in range(model.rowCount())
            )
        finally:
            await app.quit()

    run(scenario())
