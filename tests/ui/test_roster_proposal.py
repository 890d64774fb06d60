"""The coordinator's proposal in the real console against the real server: the difference
is listed (day / block / now -> proposed), Accept updates the grid, Reject changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.domain.roles import Area
from console.ui.roster.page import RosterPage
from console.ui.roster.proposal import ProposalDialog
from tests.support.waiting import until
from tests.support.youth import chat_server
from tests.ui.test_login_and_main_window import fill_login, make_app


@pytest.fixture
def roster_server(tmp_path, dev_certs):
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


def test_proposal_accept_and_reject(qtbot, run, roster_server, tmp_path):
    server = roster_server
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            await propose(app)
        finally:
            await app.quit()

    async def open_proposal(page: RosterPage) -> ProposalDialog:
        assert page.propose.isEnabled()
        qtbot.mouseClick(page.propose, Qt.MouseButton.LeftButton)
        await until(
            lambda: isinstance(page.dialog, ProposalDialog), timeout=90, what="the proposal"
        )
        return page.dialog

    async def propose(app) -> None:
        app.start()
        fill_login(qtbot, app.login_dialog, server.url, "coordinator", "hulpmix-demo")
        await until(lambda: app.window is not None and app.window.isVisible(), what="window")
        app.window.show_area(Area.ROSTER)
        page = app.window.page(Area.ROSTER)
        assert isinstance(page, RosterPage)
        assert page.tools.isVisibleTo(page)
        model = page.grid.model
        service = app.roster.service
        await until(lambda: model.rowCount() > 0 and service.directory, what="the week")
        # Three weeks on: the demo's draft week. Take an institution out of a block, so
        # any proposal has to fill it again.
        for _ in range(3):
            qtbot.mouseClick(page.grid.next, Qt.MouseButton.LeftButton)
        monday = page.grid.monday
        await until(lambda: model.rows and model.rows[0].day == monday, what="draft week")
        day = model.rows[0].roster
        assert day is not None
        block = day.blocks[-1]
        page.grid.institution_chosen.emit(day.day, block.index, None)
        await until(
            lambda: service.week.block(day.day, block.index).institution_id is None,
            what="the block emptied",
        )
        cell = model.index(0, block.index + 1)
        await until(lambda: model.data(cell).startswith("(nog geen instelling)"), what="grid")

        # Reject: nothing changes.
        dialog = await open_proposal(page)
        table = dialog.model
        assert table.rowCount() >= 1
        headers = [table.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        assert headers == ["Dag", "Blok", "Nu", "Voorstel"]
        rows = [[table.data(table.index(r, c)) for c in range(4)] for r in range(table.rowCount())]
        assert [f"Blok {block.index + 1}", "(geen)"] in [r[1:3] for r in rows]
        qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
        await until(lambda: page.dialog is None, what="dialog closed")
        assert page.message.text() == "Voorstel afgewezen; er is niets veranderd."
        assert service.week.block(day.day, block.index).institution_id is None

        # Accept: the grid shows the proposal.
        dialog = await open_proposal(page)
        proposed = {(c.day, c.index): c.after for c in dialog.proposal.blocks}
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        await until(lambda: page.dialog is None, what="dialog closed")
        await until(
            lambda: service.week.block(day.day, block.index).institution_id is not None,
            what="the grid reloaded",
        )
        assert page.message.text().startswith("Voorstel overgenomen:")
        after = service.week.block(day.day, block.index).institution_id
        assert after == proposed[(day.day, block.index)]
        name = app.roster.directory.name_of_institution(after)
        assert model.data(cell).startswith(name)

    run(scenario())
