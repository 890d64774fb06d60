"""Cheap probes: is the server there, and does a stream come through unbuffered?"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from server import __version__
from server.auth import policy
from server.events import iso

router = APIRouter(tags=["ping"])

PUBLIC = policy(None, "public")

TICKS = 3
TICK_SECONDS = 0.5


@router.get("/ping", dependencies=[Depends(PUBLIC)])
def ping() -> Any:
    """Answers at once; the console's probe while offline."""
    return {"ok": True, "server_time": iso(datetime.now(UTC)), "version": __version__}


@router.get("/ping/stream", dependencies=[Depends(PUBLIC)], response_class=StreamingResponse)
async def ping_stream() -> StreamingResponse:
    """`hello`, then three `tick`s 0.5 s apart: shows whether a proxy buffers streams."""
    return StreamingResponse(
        _ticks(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _ticks() -> AsyncIterator[str]:
    yield f'event: hello\ndata: {{"server_time":"{iso(datetime.now(UTC))}"}}\n\n'
    for n in range(1, TICKS + 1):
        await asyncio.sleep(TICK_SECONDS)
        yield f'event: tick\ndata: {{"n":{n}}}\n\n'
