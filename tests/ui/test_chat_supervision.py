"""A supervisor watches a trainee's chat live, whispers, and sees a raised hand; the youth
sees none of it. Two real consoles' chat services and workspaces, the real server."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from PySide6.QtCore import Qt

from console.chat_controller import ChatController
from tests.support.consoles import helper_console
from tests.support.waiting import until
from tests.support.youth import YouthSide, chat_server


@pytest.fixture
def own_server(tmp_path, dev_certs):
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


def lines(panel) -> list[str]:
    model = panel.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


@contextlib.asynccontextmanager
async def workspace(server, tmp_path, username):
    async with helper_console(server, tmp_path / username, username) as console:
        user = console.user
        tasks: list[asyncio.Task] = []
        controller = ChatController(
            console.chat, user, lambda coro, name: tasks.append(asyncio.ensure_future(coro))
        )
        try:
            yield console, controller
        finally:
            for task in tasks:
                with contextlib.suppress(BaseException):
                    await task


def test_supervisor_watches_whispers_and_sees_a_raised_hand(qtbot, run, own_server, tmp_path):
    youth = YouthSide(own_server)

    async def scenario():
        async with (
            workspace(own_server, tmp_path, "bjzg.helper1") as (sup, sup_ctl),
            workspace(own_server, tmp_path, "bjzg.trainee1") as (trainee, trainee_ctl),
        ):
            supervisor_page, trainee_page = sup_ctl.page, trainee_ctl.page
            qtbot.addWidget(supervisor_page)
            qtbot.addWidget(trainee_page)
            # The supervisor is available as backup but does not take chats while the
            # trainee can: the trainee waited longest and has backup present.
            sup_ctl._set_status("available")
            await until(lambda: (sup.chat.me() or {}).get("status") == "available", what="sup")
            trainee_ctl._set_status("available")
            await until(lambda: (trainee.chat.me() or {}).get("status") == "available", what="tr")
            await asyncio.to_thread(youth.start)
            await until(lambda: youth.chat_id in trainee_page.panels, what="trainee's chat")
            mine = trainee_page.panels[youth.chat_id]
            assert mine.why.text() == "Aan u toegewezen: u was de HIO die het langst wachtte."
            assert mine.hand_button.isVisibleTo(mine)

            await until(lambda: youth.chat_id in supervisor_page.panels, what="watching")
            watched = supervisor_page.panels[youth.chat_id]
            tab = supervisor_page.tabs.tabText(supervisor_page.tabs.indexOf(watched))
            assert tab.endswith("(meekijken)")
            assert not watched.composer.isVisibleTo(watched), "read-only for the supervisor"
            assert watched.whisper.isVisibleTo(watched)

            await asyncio.to_thread(youth.say, "ik durf het bijna niet te zeggen")
            await until(
                lambda: any("ik durf" in line for line in lines(watched)), what="live transcript"
            )
            qtbot.keyClicks(watched.whisper, "Vraag eens wat er thuis speelt.")
            qtbot.keyClick(watched.whisper, Qt.Key.Key_Return)
            await until(
                lambda: any(
                    "Fluistering" in line and "thuis speelt" in line for line in lines(mine)
                ),
                what="whisper reaches the trainee",
            )

            qtbot.mouseClick(mine.hand_button, Qt.MouseButton.LeftButton)
            await until(lambda: supervisor_page.alerts.count() == 1, what="raised hand")
            assert "steekt een hand op" in supervisor_page.alerts.item(0).text()

            await asyncio.to_thread(youth.poll, 0)
            texts = [e.get("text", "") for e in youth.events]
            assert not any("thuis speelt" in t for t in texts), "the youth never sees a whisper"

    run(scenario())
