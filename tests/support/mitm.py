"""A TLS-inspecting HTTP CONNECT proxy for tests, as institutions run them.

It answers CONNECT, then terminates the console's TLS itself with a leaf certificate
minted on the fly by its OWN certificate authority (`TestCA`) for the requested host, and
re-originates TLS to the real server (verified against the server's CA). In between it
sees plain HTTP/1.1, one request at a time, so subclasses (tests/support/faultproxy.py)
can refuse, rewrite, duplicate or cut exactly what they mean to.

The console trusts it only when IT installed its root: `Settings.extra_ca_file = ca.ca_file`.
`upstream_requests` counts requests whose answer came back from the real server, so a test
can prove that nothing went through after a refused handshake.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
import struct
import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

INSPECTION_CA_NAME = "Hulpmix Test Inspection CA"
INSPECTION_CA_ORG = "Voorbeeld Scholengroep ICT"


class TestCA:
    """A root of our own, and leaf certificates for any host, minted when first asked."""

    __test__ = False  # not a test class

    def __init__(self, directory: Path | None = None, name: str = INSPECTION_CA_NAME) -> None:
        self.directory = Path(directory or tempfile.mkdtemp(prefix="hulpmix-mitm-"))
        self.directory.mkdir(parents=True, exist_ok=True)
        self.name = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, name),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, INSPECTION_CA_ORG),
            ]
        )
        self._key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(self.name)
            .issuer_name(self.name)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(self._key.public_key()), critical=False
            )
            .sign(self._key, hashes.SHA256())
        )
        self.ca_file = self.directory / "inspection-ca.pem"
        self.ca_file.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()

    def _leaf(self, host: str) -> tuple[Path, Path]:
        key = ec.generate_private_key(ec.SECP256R1())
        try:
            san: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
        except ValueError:
            san = x509.DNSName(host)
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)]))
            .issuer_name(self.name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=7))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName([san]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self._key.public_key()),
                critical=False,
            )
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False
            )
            .sign(self._key, hashes.SHA256())
        )
        safe = "".join(c if c.isalnum() else "_" for c in host)
        cert_path, key_path = self.directory / f"{safe}.pem", self.directory / f"{safe}.key"
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        return cert_path, key_path

    def server_context(self, host: str) -> ssl.SSLContext:
        """The TLS context the proxy presents for `host` (minted once per host)."""
        with self._lock:
            if host not in self._contexts:
                cert_path, key_path = self._leaf(host)
                ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                ctx.minimum_version = ssl.TLSVersion.TLSv1_2
                ctx.load_cert_chain(str(cert_path), str(key_path))
                ctx.set_alpn_protocols(["http/1.1"])
                self._contexts[host] = ctx
            return self._contexts[host]


@dataclass
class Request:
    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes = b""

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    def encode(self) -> bytes:
        lines = [f"{self.method} {self.target} HTTP/1.1"]
        lines += [f"{k}: {v}" for k, v in self.headers if k.lower() != "content-length"]
        if self.body or self.method in ("POST", "PUT", "PATCH"):
            lines.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + self.body


@dataclass
class Response:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    #: True when the body comes in chunks (a stream); False when it has a length.
    chunked: bool = False
    body: bytes = b""

    def header(self, name: str) -> str:
        return next((v for k, v in self.headers if k.lower() == name.lower()), "")

    def without(self, *names: str) -> list[tuple[str, str]]:
        drop = {n.lower() for n in names}
        return [(k, v) for k, v in self.headers if k.lower() not in drop]

    def head(self) -> bytes:
        lines = [f"HTTP/1.1 {self.status} {self.reason}"]
        lines += [f"{k}: {v}" for k, v in self.without("content-length", "transfer-encoding")]
        lines.append(
            "Transfer-Encoding: chunked" if self.chunked else f"Content-Length: {len(self.body)}"
        )
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def chunk(data: bytes) -> bytes:
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


async def _read_head(reader: asyncio.StreamReader) -> tuple[str, list[tuple[str, str]]] | None:
    first = await reader.readline()
    if not first:
        return None
    headers: list[tuple[str, str]] = []
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    return first.decode("latin-1").strip(), headers


async def read_request(reader: asyncio.StreamReader) -> Request | None:
    head = await _read_head(reader)
    if head is None:
        return None
    line, headers = head
    method, target, _ = line.split(" ", 2)
    request = Request(method, target, headers)
    if request.header("transfer-encoding").lower() == "chunked":
        raise ValueError("chunked request bodies are not supported by the test proxy")
    length = int(request.header("content-length") or 0)
    if length:
        request.body = await reader.readexactly(length)
    return request


async def read_response_head(reader: asyncio.StreamReader, method: str) -> Response:
    head = await _read_head(reader)
    if head is None:
        raise ConnectionResetError("the server closed the connection without an answer")
    line, headers = head
    parts = line.split(" ", 2)
    response = Response(int(parts[1]), parts[2] if len(parts) > 2 else "", headers)
    response.chunked = response.header("transfer-encoding").lower() == "chunked"
    if not response.chunked:
        length = int(response.header("content-length") or 0)
        if method != "HEAD" and response.status not in (204, 304) and length:
            response.body = await reader.readexactly(length)
    return response


async def body_chunks(reader: asyncio.StreamReader) -> AsyncIterator[bytes]:
    """The decoded chunks of a chunked body, each as soon as it arrives."""
    while True:
        size_line = await reader.readline()
        if not size_line:
            raise ConnectionResetError("the server closed a chunked body")
        size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return
        data = await reader.readexactly(size)
        await reader.readexactly(2)
        yield data


def reset(writer: asyncio.StreamWriter) -> None:
    """Abort with a TCP RST (linger 0), as a middlebox that drops a connection does."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


@dataclass
class Exchange:
    """One request the console made and what became of it (for assertions and figures)."""

    method: str
    path: str
    status: int = 0
    #: "forwarded", "refused", "reset" …, set by whoever handled it.
    outcome: str = ""
    body: bytes = b""


@dataclass(eq=False)
class Connection:
    """One CONNECT tunnel from the console, with its lazily opened upstream."""

    host: str
    port: int
    client_reader: asyncio.StreamReader
    client_writer: asyncio.StreamWriter
    up_reader: asyncio.StreamReader | None = None
    up_writer: asyncio.StreamWriter | None = None
    streaming: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class ProxyThread:
    """A proxy on 127.0.0.1 with its own asyncio loop in a thread, beside any test loop."""

    __test__ = False

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._server: asyncio.Server | None = None
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self._sock = sock
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="mitm-proxy")
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("the test proxy did not start")

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

    def call(self, fn: Callable[[], object]) -> None:
        """Run `fn()` on the proxy's loop (thread-safe)."""
        self._loop.call_soon_threadsafe(fn)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        raise NotImplementedError

    async def _abort_all(self) -> None:
        """On the proxy's loop when closing: drop every connection still open."""

    def close(self) -> None:
        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            await self._abort_all()
            await asyncio.sleep(0.05)  # let the handlers see their connections go

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        for task in asyncio.all_tasks(self._loop):
            task.cancel()
        with contextlib.suppress(RuntimeError):
            self._loop.run_until_complete(asyncio.sleep(0))
        self._loop.close()


class MitmProxy(ProxyThread):
    """Terminates the console's TLS with a minted leaf; plain HTTP/1.1 in between."""

    def __init__(self, ca: TestCA, upstream_ca_file: Path) -> None:
        self.ca = ca
        self.upstream_ctx = ssl.create_default_context(cafile=str(upstream_ca_file))
        self.upstream_ctx.set_alpn_protocols(["http/1.1"])
        #: Requests answered by the real server (whether or not the console got the answer).
        self.upstream_requests = 0
        #: Console handshakes that failed (the console did not trust our certificate).
        self.refused_handshakes = 0
        self.tunnels = 0
        self.exchanges: list[Exchange] = []
        self._connections: set[Connection] = set()
        super().__init__()

    # ------------------------------------------------------------------ tunnel
    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        conn: Connection | None = None
        try:
            head = await _read_head(reader)
            if head is None:
                return
            method, target, _ = head[0].split(" ", 2)
            if method != "CONNECT":
                writer.write(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
                return
            host, _, port = target.rpartition(":")
            host = host.strip("[]")
            writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            await writer.drain()
            try:
                await writer.start_tls(self.ca.server_context(host))
            except (ssl.SSLError, OSError):
                self.refused_handshakes += 1
                return
            self.tunnels += 1
            conn = Connection(host, int(port), reader, writer)
            self._connections.add(conn)
            while (request := await read_request(reader)) is not None:
                await self.exchange(conn, request)
                if conn.client_writer.is_closing():
                    break
        except (OSError, ValueError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            if conn is not None:
                self._connections.discard(conn)
                self._close_upstream(conn)
            with contextlib.suppress(Exception):
                writer.transport.abort() if writer.is_closing() else writer.close()

    @staticmethod
    def _close_upstream(conn: Connection) -> None:
        if conn.up_writer is not None:
            with contextlib.suppress(Exception):
                conn.up_writer.transport.abort()
        conn.up_reader = conn.up_writer = None

    async def upstream(self, conn: Connection, request: Request) -> Response:
        """Send `request` to the real server; the answer's head (and body unless chunked)."""
        if conn.up_writer is None or conn.up_writer.is_closing():
            conn.up_reader, conn.up_writer = await asyncio.open_connection(
                conn.host, conn.port, ssl=self.upstream_ctx, server_hostname=conn.host
            )
        assert conn.up_reader is not None
        conn.up_writer.write(request.encode())
        await conn.up_writer.drain()
        response = await read_response_head(conn.up_reader, request.method)
        self.upstream_requests += 1
        return response

    # ---------------------------------------------------------------- exchange
    async def exchange(self, conn: Connection, request: Request) -> None:
        """Forward one request and relay its answer; subclasses add faults here."""
        record = Exchange(request.method, request.path)
        self.exchanges.append(record)
        response = await self.upstream(conn, request)
        record.status, record.outcome = response.status, "forwarded"
        await self.relay(conn, request, response)

    async def relay(self, conn: Connection, request: Request, response: Response) -> None:
        """Write `response` to the console, streaming a chunked body as it comes."""
        writer = conn.client_writer
        writer.write(response.head())
        if not response.chunked:
            writer.write(response.body)
            await writer.drain()
        else:
            assert conn.up_reader is not None
            conn.streaming = True
            try:
                async for data in self.transform_stream(conn, request, body_chunks(conn.up_reader)):
                    writer.write(chunk(data))
                    await writer.drain()
                writer.write(b"0\r\n\r\n")
                await writer.drain()
            finally:
                conn.streaming = False
        if response.header("connection").lower() == "close":
            self._close_upstream(conn)
            writer.close()

    async def transform_stream(
        self, conn: Connection, request: Request, chunks: AsyncIterator[bytes]
    ) -> AsyncIterator[bytes]:
        """A hook for faults on a streamed body; passes it through untouched."""
        async for data in chunks:
            yield data

    # ----------------------------------------------------------------- control
    def cut_streams(self) -> None:
        """Reset every tunnel that is in the middle of a streamed answer (an SSE stream)."""

        def cut() -> None:
            for conn in list(self._connections):
                if conn.streaming:
                    reset(conn.client_writer)
                    self._close_upstream(conn)

        self.call(cut)

    async def _abort_all(self) -> None:
        for conn in list(self._connections):
            with contextlib.suppress(Exception):
                conn.client_writer.transport.abort()
            self._close_upstream(conn)
