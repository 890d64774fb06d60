"""Proxies with network faults under precise control, for tests/faults.

`FaultProxy` is a TLS-inspecting proxy (tests/support/mitm.py) that can refuse or mangle
the event stream, deliver stream events twice, replay an old cursor on long-poll, and
reset the connection after the server stored a request but before the console got the
answer. `IdleCutProxy` is a plain CONNECT tunnel (TLS stays end to end) that drops a
connection on which no byte moved for `idle` seconds, as proxies and load balancers do.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.mitm import (
    Connection,
    Exchange,
    MitmProxy,
    ProxyThread,
    Request,
    Response,
    TestCA,
    body_chunks,
    reset,
)

EVENTS_PATH = "/api/v1/events"
SYNC_PATH = "/api/v1/sync"
BLOCK_PAGE = b"<html><body><h1>Geblokkeerd</h1>Deze inhoud is niet toegestaan.</body></html>"


class SseMode:
    PASS = "pass"
    #: 403 with an HTML page, never forwarded (a proxy that refuses the stream).
    REFUSE = "refuse"
    #: 200 with an HTML page, never forwarded (a web filter's block page).
    BLOCK_PAGE = "block-page"
    #: Forwarded, but the answer's headers are stripped (no Content-Type: text/event-stream,
    #: no Cache-Control, no X-Accel-Buffering) and, not knowing it is a stream, the proxy
    #: holds the body back until it is complete, as a scanning proxy does with a download.
    STRIP = "strip"


@dataclass
class FaultCounters:
    refused_streams: int = 0
    duplicated_frames: int = 0
    replayed_polls: int = 0
    resets: int = 0
    #: The bodies the server answered to requests matching `watch` (in order).
    watched: list[tuple[int, bytes]] = field(default_factory=list)


class FaultProxy(MitmProxy):
    def __init__(self, ca: TestCA, upstream_ca_file: Path) -> None:
        self.sse = SseMode.PASS
        #: Every stream frame that carries an event id is delivered twice.
        self.duplicate_events = False
        #: The next /sync asks from this cursor instead of the console's (then it clears).
        self.replay_since: int | None = None
        #: Requests matching this are recorded in `counters.watched`.
        self.watch: Callable[[Request], bool] = lambda request: False
        #: While this is above zero, a watched request is forwarded, its answer read in
        #: full, and the console's connection reset instead of answered (counts down).
        self.reset_after_answer = 0
        self.counters = FaultCounters()
        super().__init__(ca, upstream_ca_file)

    async def exchange(self, conn: Connection, request: Request) -> None:
        if request.path == EVENTS_PATH and self.sse in (SseMode.REFUSE, SseMode.BLOCK_PAGE):
            self.counters.refused_streams += 1
            self.exchanges.append(Exchange(request.method, request.path, 0, "refused"))
            status, reason = (403, "Forbidden") if self.sse == SseMode.REFUSE else (200, "OK")
            page = Response(status, reason, [("Content-Type", "text/html")], body=BLOCK_PAGE)
            conn.client_writer.write(page.head() + page.body)
            await conn.client_writer.drain()
            return
        if request.path == SYNC_PATH and self.replay_since is not None:
            since, self.replay_since = self.replay_since, None
            request.target = re.sub(r"since=\d+", f"since={since}", request.target)
            self.counters.replayed_polls += 1
        watched = self.watch(request)
        record = Exchange(request.method, request.path)
        self.exchanges.append(record)
        response = await self.upstream(conn, request)
        record.status, record.outcome = response.status, "forwarded"
        if request.path == EVENTS_PATH and self.sse == SseMode.STRIP:
            await self._strip(conn, request, response)
            return
        if watched:
            self.counters.watched.append((response.status, response.body))
            if self.reset_after_answer > 0:
                self.reset_after_answer -= 1
                self.counters.resets += 1
                record.outcome = "reset"
                reset(conn.client_writer)
                self._close_upstream(conn)
                return
        await self.relay(conn, request, response)

    async def _strip(self, conn: Connection, request: Request, response: Response) -> None:
        stripped = Response(
            response.status,
            response.reason,
            response.without("content-type", "cache-control", "x-accel-buffering"),
        )
        body = b""
        if response.chunked:
            assert conn.up_reader is not None
            conn.streaming = True
            try:
                async for data in body_chunks(conn.up_reader):
                    body += data
            finally:
                conn.streaming = False
        stripped.body = body or response.body
        conn.client_writer.write(stripped.head() + stripped.body)
        await conn.client_writer.drain()

    async def transform_stream(
        self, conn: Connection, request: Request, chunks: AsyncIterator[bytes]
    ) -> AsyncIterator[bytes]:
        if request.path != EVENTS_PATH:
            async for data in chunks:
                yield data
            return
        pending = b""
        async for data in chunks:
            pending += data
            *frames, pending = pending.split(b"\n\n")
            out = b""
            for frame in frames:
                out += frame + b"\n\n"
                if self.duplicate_events and re.search(rb"(^|\n)id:", frame):
                    out += frame + b"\n\n"
                    self.counters.duplicated_frames += 1
            if out:
                yield out
        if pending:
            yield pending


class IdleCutProxy(ProxyThread):
    """A CONNECT tunnel that resets any connection idle for `idle` seconds (both ways)."""

    def __init__(self, idle: float) -> None:
        self.idle = idle
        self.tunnels = 0
        #: Tunnels this proxy cut for idleness.
        self.cuts = 0
        self._open: set[asyncio.StreamWriter] = set()
        super().__init__()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_writer: asyncio.StreamWriter | None = None
        self._open.add(writer)
        try:
            line = await reader.readline()
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass
            method, target, _ = line.decode("latin-1").split(" ", 2)
            if method != "CONNECT":
                writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            host, _, port = target.rpartition(":")
            up_reader, up_writer = await asyncio.open_connection(host, int(port))
            self._open.add(up_writer)
            self.tunnels += 1
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            last = [time.monotonic()]
            pipes = [
                asyncio.ensure_future(self._pipe(reader, up_writer, last)),
                asyncio.ensure_future(self._pipe(up_reader, writer, last)),
            ]
            while not all(p.done() for p in pipes):
                await asyncio.wait(pipes, timeout=0.2)
                if not all(p.done() for p in pipes) and time.monotonic() - last[0] >= self.idle:
                    self.cuts += 1
                    reset(writer)
                    reset(up_writer)
                    break
            for p in pipes:
                p.cancel()
            await asyncio.gather(*pipes, return_exceptions=True)
        except (OSError, ValueError):
            pass
        finally:
            for w in (writer, up_writer):
                if w is not None:
                    self._open.discard(w)
                    with contextlib.suppress(Exception):
                        w.transport.abort()

    @staticmethod
    async def _pipe(
        src: asyncio.StreamReader, dst: asyncio.StreamWriter, last: list[float]
    ) -> None:
        with contextlib.suppress(OSError):
            while data := await src.read(65536):
                last[0] = time.monotonic()
                dst.write(data)
                await dst.drain()
        with contextlib.suppress(Exception):
            dst.close()

    async def _abort_all(self) -> None:
        for w in list(self._open):
            with contextlib.suppress(Exception):
                w.transport.abort()
