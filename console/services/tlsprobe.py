"""Look at a server's certificate without trusting it, to explain a TLS failure.

A TLS-inspecting proxy presents its own certificate; naming its issuer is what lets an
institution's IT desk recognise it. The probe reads the certificate of a handshake and
sends no request over that connection: it is never a fallback for real traffic.
"""

from __future__ import annotations

import asyncio
import ssl
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class PeerCertificate:
    subject: str
    issuer: str
    not_after: str


def _name(name: x509.Name) -> str:
    parts = []
    for oid in (NameOID.COMMON_NAME, NameOID.ORGANIZATION_NAME):
        for attr in name.get_attributes_for_oid(oid):
            value = attr.value
            parts.append(value if isinstance(value, str) else value.decode())
    return ", ".join(parts) or name.rfc4514_string()


def describe(der: bytes) -> PeerCertificate:
    cert = x509.load_der_x509_certificate(der)
    return PeerCertificate(
        subject=_name(cert.subject),
        issuer=_name(cert.issuer),
        not_after=cert.not_valid_after_utc.isoformat(),
    )


class ProxyRefused(ConnectionRefusedError):
    """The proxy answered CONNECT with something other than 200."""

    def __init__(self, status: int, status_line: str, headers: list[tuple[str, str]]) -> None:
        super().__init__(f"proxy CONNECT answered {status_line!r}")
        self.status = status
        self.headers = headers

    @property
    def schemes(self) -> list[str]:
        """The authentication schemes a 407 offers (Basic, NTLM, Negotiate …)."""
        return [v.split(" ", 1)[0] for k, v in self.headers if k == "proxy-authenticate"]


async def open_tunnel(
    host: str, port: int, proxy: tuple[str, int] | None, proxy_auth_header: str | None = None
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A TCP connection to host:port, directly or through an HTTP proxy's CONNECT."""
    if proxy is None:
        return await asyncio.open_connection(host, port)
    reader, writer = await asyncio.open_connection(*proxy)
    request = f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n"
    if proxy_auth_header:
        request += f"Proxy-Authorization: {proxy_auth_header}\r\n"
    writer.write((request + "\r\n").encode("ascii"))
    await writer.drain()
    status_line = await reader.readline()
    headers: list[tuple[str, str]] = []
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers.append((name.strip().lower(), value.strip()))
    parts = status_line.decode("latin-1").split(" ", 2)
    status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    if status != 200:
        writer.close()
        raise ProxyRefused(status, status_line.decode("latin-1").strip(), headers)
    return reader, writer


async def peek_certificate(
    host: str, port: int, proxy: tuple[str, int] | None = None, timeout: float = 10.0
) -> PeerCertificate:
    """The certificate the network presents for host:port (verification off, read only)."""
    _, writer = await asyncio.wait_for(open_tunnel(host, port, proxy), timeout)
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # read-only probe: nothing is sent after the handshake
    try:
        await asyncio.wait_for(writer.start_tls(ctx, server_hostname=host), timeout)
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
        if not der:
            raise ssl.SSLError("no certificate presented")
        return describe(der)
    finally:
        writer.close()
