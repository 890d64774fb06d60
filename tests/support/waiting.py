"""Waiting for a condition inside an event loop, without timed assertions on speed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


async def until(condition: Callable[[], object], timeout: float = 30.0, what: str = "") -> None:
    """Let the loop run until `condition()` is true; fail with `what` after `timeout` s.

    The timeout is a hang guard, not a performance claim: tests never pass or fail on speed.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.05)
