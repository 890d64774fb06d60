"""A backlog (back online after a while) lands whole, once, in order, and in bounded
batches, so the console gets a turn between them (bench/console_figures.py measures the
event-loop pauses this keeps short). Real server, real SyncService, both transports."""

from __future__ import annotations

import asyncio

import pytest

from console.services.sync import APPLY_CHUNK, SSE, ConnectionState
from tests.e2e.test_console_services import console, team  # noqa: F401 (fixture)
from tests.support.waiting import until


@pytest.mark.parametrize("use_sse", [False, True], ids=["long-poll", "sse"])
def test_a_backlog_lands_whole_once_in_order_in_bounded_batches(
    demo_sqlite_server,
    tmp_path,
    team,  # noqa: F811 (the fixture)
    use_sse,
):
    _, helper, trainee = team
    server = demo_sqlite_server
    count = 2 * APPLY_CHUNK + 30
    expected = [f"achterstand {n}" for n in range(count)]

    def texts(c) -> list[str]:
        return [m.text for m in c.team.messages(limit=2 * count) if not m.pending]

    async def scenario():
        async with (
            console(server, tmp_path / "h", helper) as a,
            console(server, tmp_path / "t", trainee, use_sse=use_sse) as b,
        ):
            await until(lambda: b.sync.state is ConnectionState.ONLINE, what="online")
            if use_sse:
                await until(lambda: b.sync.transport_name == SSE, what="upgrade to SSE")
            else:
                await b.sync.stop()  # the network is gone; the backlog piles up
            batches: list[list[int]] = []
            b.sync.events_applied.connect(lambda events: batches.append([e["seq"] for e in events]))
            for n, text in enumerate(expected):
                await a.transport.call(
                    "PUT", f"/team/messages/backlog-{n:04d}", json_body={"text": text}
                )
            if not use_sse:
                b.sync.start()  # back: one /sync answer holds the whole backlog
            await until(lambda: len(texts(b)) >= count, timeout=60, what="the backlog")
            assert texts(b) == expected
            seqs = [seq for batch in batches for seq in batch]
            assert len(seqs) == count and seqs == sorted(set(seqs))  # each once, in order
            assert max(len(batch) for batch in batches) <= APPLY_CHUNK
            if not use_sse:
                assert len(batches) >= 3  # one answer, applied in parts

    asyncio.run(scenario())
