"""Tracked background tasks: none is lost, all are cancelled on quit, failures are reported."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

from console.services.signals import Signal

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRegistry:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        #: (task name, exception) for a task that died of an uncaught exception.
        self.failed: Signal[[str, BaseException]] = Signal()

    def spawn(self, coro: Coroutine[Any, Any, T], name: str) -> asyncio.Task[T]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("task %s failed", task.get_name(), exc_info=exc)
            self.failed.emit(task.get_name(), exc)

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def settle_others(self, grace: float) -> None:
        """Let every task but the calling one finish for up to `grace` s, then cancel the
        rest. A logout does this before it closes the connection those tasks use: a load
        or claim still in flight would otherwise fail on a closed client, and one cut off
        while connecting can leave its socket behind."""
        me = asyncio.current_task()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + grace
        while True:
            # Looked at again each round: a finishing task (or a timer) may start another.
            tasks = [task for task in self._tasks if task is not me and not task.done()]
            left = deadline - loop.time()
            if not tasks:
                return
            if left <= 0:
                break
            await asyncio.wait(tasks, timeout=left, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
