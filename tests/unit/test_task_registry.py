"""Leaving lets the pages' requests finish, then cancels what is left (TaskRegistry)."""

from __future__ import annotations

import asyncio

from console.services.tasks import TaskRegistry


def test_settle_lets_quick_tasks_finish_and_cancels_the_rest() -> None:
    async def scenario() -> None:
        tasks = TaskRegistry()
        release = asyncio.Event()
        finished: list[str] = []

        async def quick() -> None:
            await release.wait()
            finished.append("quick")
            # Finishing starts another task (as a claim timer would): it is seen too.
            tasks.spawn(forever(), "spawned later")

        async def forever() -> None:
            await asyncio.Event().wait()

        async def leaving() -> None:
            release.set()
            await tasks.settle_others(0.2)

        first = tasks.spawn(quick(), "quick")
        stuck = tasks.spawn(forever(), "stuck")
        me = tasks.spawn(leaving(), "logout")
        await me
        await asyncio.sleep(0)  # let the done-callbacks run
        assert first.done() and not first.cancelled() and finished == ["quick"]
        assert stuck.cancelled()
        assert tasks.running == 0  # the later one was cancelled as well, not left behind
        assert not me.cancelled()

    asyncio.run(scenario())
