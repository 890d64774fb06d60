"""A small HTTP CONNECT proxy for tests, with faults under precise control.

It tunnels bytes untouched (TLS stays end to end) and can demand authentication with
chosen schemes, count how often it is asked, and cut every tunnel on demand.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import socket
import threading
from dataclasses import dataclass, field


@dataclass
class ProxyConfig:
    #: Schemes offered in Proxy-Authenticate; empty means no authentication needed.
    schemes: list[str] = field(default_factory=list)
    #: Accepted Basic credentials, when "Basic" is among the schemes.
    basic_user: str = ""
    basic_password: str = ""


class TestProxy:
    """Runs its own asyncio loop in a thread, so it works beside any test loop."""

    __test__ = False  # not a test class

    def __init__(self, config: ProxyConfig | None = None) -> None:
        self.config = config or ProxyConfig()
        self.requests = 0
        self.refused = 0
        #: While True every connection is dropped at once, as on a network that is down.
        self.blocked = False
        self.tunnels = 0
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self._sock = sock
        self._thread = threading.Thread(target=self._run, daemon=True)
        started = threading.Event()
        self._started = started
        self._thread.start()
        started.wait(10)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)

        async def start() -> None:
            self._server = await asyncio.start_server(self._handle, sock=self._sock)
            self._started.set()

        self._loop.run_until_complete(start())
        self._loop.run_forever()

    def _authorised(self, headers: dict[str, str]) -> bool:
        if not self.config.schemes:
            return True
        value = headers.get("proxy-authorization", "")
        if "Basic" in self.config.schemes and value.startswith("Basic "):
            expected = f"{self.config.basic_user}:{self.config.basic_password}"
            return base64.b64decode(value[6:]).decode() == expected
        return False

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.blocked:
            writer.transport.abort()
            return
        self._writers.add(writer)
        try:
            request = await reader.readline()
            headers: dict[str, str] = {}
            while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.requests += 1
            method, target, _ = request.decode("latin-1").split(" ", 2)
            if method != "CONNECT":
                writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                return
            if not self._authorised(headers):
                self.refused += 1
                realm = ' realm="test"'
                offer = "".join(
                    f"Proxy-Authenticate: {s}{realm if s == 'Basic' else ''}\r\n"
                    for s in self.config.schemes
                )
                writer.write(
                    (
                        "HTTP/1.1 407 Proxy Authentication Required\r\n"
                        f"{offer}Content-Length: 0\r\nConnection: close\r\n\r\n"
                    ).encode()
                )
                await writer.drain()
                return
            host, _, port = target.rpartition(":")
            up_reader, up_writer = await asyncio.open_connection(host, int(port))
            self._writers.add(up_writer)
            self.tunnels += 1
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            await asyncio.gather(
                self._pipe(reader, up_writer), self._pipe(up_reader, writer), return_exceptions=True
            )
        except (OSError, ValueError):
            pass
        finally:
            self._writers.discard(writer)
            with contextlib.suppress(Exception):
                writer.close()

    @staticmethod
    async def _pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        try:
            while data := await src.read(65536):
                dst.write(data)
                await dst.drain()
        finally:
            with contextlib.suppress(Exception):
                dst.close()

    def block(self) -> None:
        """The network goes down: open tunnels are cut and new ones are refused."""
        self.blocked = True
        self.cut_all()

    def unblock(self) -> None:
        self.blocked = False

    def cut_all(self) -> None:
        """Drop every open connection, as a proxy that cuts idle tunnels does."""

        def cut() -> None:
            for w in list(self._writers):
                with contextlib.suppress(Exception):
                    w.transport.abort()

        self._loop.call_soon_threadsafe(cut)

    def close(self) -> None:
        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            for w in list(self._writers):
                with contextlib.suppress(Exception):
                    w.transport.abort()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()
