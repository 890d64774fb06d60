""" "Test connection": run each step from name lookup to event stream and say which fails.

Each step reports a status and a message code with arguments; the UI turns the code into
a sentence in the user's language that an institution's IT desk can act on.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ssl
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from console.services import tlsprobe
from console.services.errors import BadCertificateFile, ProxyAuthRequired, TransportError
from console.services.transport import Transport, proxy_address, ssl_context

STEP_TIMEOUT = 10.0


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


class Step(StrEnum):
    DNS = "dns"
    PROXY = "proxy"
    TCP = "tcp"
    TLS = "tls"
    HTTP = "http"
    STREAM = "stream"


STEPS = list(Step)


@dataclass(frozen=True)
class StepResult:
    step: Step
    status: Status
    code: str
    args: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


class Diagnosis:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        parts = urlsplit(transport.base_url)
        self.host = parts.hostname or ""
        self.port = parts.port or 443
        self.proxy = proxy_address(transport.proxy)

    async def run(self) -> AsyncIterator[StepResult]:
        """Yield one result per step; after the first failure the rest are skipped."""
        steps = [self._dns, self._proxy, self._tcp_tls, self._http, self._stream]
        failed = False
        for run_step in steps:
            if failed:
                continue
            start = time.monotonic()
            async for result in run_step():
                result = StepResult(
                    result.step, result.status, result.code, result.args, time.monotonic() - start
                )
                failed = failed or result.status is Status.FAIL
                yield result

    async def _dns(self) -> AsyncIterator[StepResult]:
        name = self.proxy[0] if self.proxy else self.host
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(loop.getaddrinfo(name, None), STEP_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            yield StepResult(Step.DNS, Status.FAIL, "dns_failed", {"name": name, "error": str(exc)})
            return
        addresses = sorted({str(info[4][0]) for info in infos})
        yield StepResult(Step.DNS, Status.OK, "dns_ok", {"name": name, "addresses": addresses})

    async def _proxy(self) -> AsyncIterator[StepResult]:
        if not self.proxy:
            yield StepResult(Step.PROXY, Status.SKIPPED, "proxy_none")
            return
        try:
            _, writer = await asyncio.wait_for(
                tlsprobe.open_tunnel(self.host, self.port, self.proxy, self._proxy_auth()),
                STEP_TIMEOUT,
            )
            writer.close()
        except tlsprobe.ProxyRefused as refused:
            if refused.status == 407:
                args = {"proxy": self._proxy_text(), "schemes": refused.schemes}
                yield StepResult(Step.PROXY, Status.FAIL, "proxy_auth", args)
            else:
                args = {"proxy": self._proxy_text(), "answer": str(refused)}
                yield StepResult(Step.PROXY, Status.FAIL, "proxy_refused", args)
            return
        except (OSError, TimeoutError) as exc:
            yield StepResult(
                Step.PROXY,
                Status.FAIL,
                "proxy_unreachable",
                {"proxy": self._proxy_text(), "error": str(exc)},
            )
            return
        yield StepResult(Step.PROXY, Status.OK, "proxy_ok", {"proxy": self._proxy_text()})

    def _proxy_text(self) -> str:
        return f"{self.proxy[0]}:{self.proxy[1]}" if self.proxy else ""

    def _proxy_auth(self) -> str | None:
        creds = self.transport.proxy_credentials
        if not creds:
            return None
        token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode("ascii")
        return f"Basic {token}"

    async def _tcp_tls(self) -> AsyncIterator[StepResult]:
        try:
            _, writer = await asyncio.wait_for(
                tlsprobe.open_tunnel(self.host, self.port, self.proxy, self._proxy_auth()),
                STEP_TIMEOUT,
            )
        except (OSError, TimeoutError) as exc:
            yield StepResult(
                Step.TCP,
                Status.FAIL,
                "tcp_failed",
                {"target": f"{self.host}:{self.port}", "error": str(exc)},
            )
            return
        yield StepResult(Step.TCP, Status.OK, "tcp_ok", {"target": f"{self.host}:{self.port}"})
        try:
            ctx = ssl_context(self.transport.settings.extra_ca_file)
        except BadCertificateFile as exc:
            writer.close()
            yield StepResult(
                Step.TLS, Status.FAIL, "tls_ca_file", {"path": exc.path, "error": exc.detail}
            )
            return
        try:
            await asyncio.wait_for(writer.start_tls(ctx, server_hostname=self.host), STEP_TIMEOUT)
        except (ssl.SSLError, OSError, TimeoutError) as exc:
            with contextlib.suppress(Exception):
                writer.close()
            details: dict[str, Any] = {"error": str(exc)}
            try:
                cert = await tlsprobe.peek_certificate(self.host, self.port, self.proxy)
                details.update(issuer=cert.issuer, subject=cert.subject)
            except (OSError, ssl.SSLError, TimeoutError):
                pass
            code = (
                "tls_untrusted" if isinstance(exc, ssl.SSLCertVerificationError) else "tls_failed"
            )
            yield StepResult(Step.TLS, Status.FAIL, code, details)
            return
        ssl_object = writer.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object else None
        info = tlsprobe.describe(der) if der else None
        version = ssl_object.version() if ssl_object else "?"
        writer.close()
        yield StepResult(
            Step.TLS,
            Status.OK,
            "tls_ok",
            {
                "version": version,
                "issuer": info.issuer if info else "?",
                "subject": info.subject if info else "?",
            },
        )

    async def _http(self) -> AsyncIterator[StepResult]:
        try:
            answer = await self.transport.ping()
        except ProxyAuthRequired as exc:
            yield StepResult(Step.HTTP, Status.FAIL, "proxy_auth", {"schemes": exc.schemes})
            return
        except TransportError as exc:
            yield StepResult(Step.HTTP, Status.FAIL, "http_failed", {"error": str(exc)})
            return
        yield StepResult(Step.HTTP, Status.OK, "http_ok", {"version": answer.get("version", "?")})

    async def _stream(self) -> AsyncIterator[StepResult]:
        start = time.monotonic()
        hello_at: float | None = None
        ticks = 0
        try:
            async with (
                asyncio.timeout(STEP_TIMEOUT),
                self.transport.open_stream("/ping/stream", read_timeout=STEP_TIMEOUT) as stream,
            ):
                async for item in stream:
                    if item is None:
                        continue
                    if item.event == "hello":
                        hello_at = time.monotonic() - start
                    elif item.event == "tick":
                        ticks += 1
        except (TransportError, TimeoutError) as exc:
            if hello_at is None:
                yield StepResult(
                    Step.STREAM, Status.WARN, "stream_failed", {"error": str(exc) or "timeout"}
                )
                return
        total = time.monotonic() - start
        if hello_at is None:
            yield StepResult(Step.STREAM, Status.WARN, "stream_failed", {"error": "no hello"})
        elif hello_at > 1.0 and ticks >= 1 and total - hello_at < 0.5:
            yield StepResult(
                Step.STREAM, Status.WARN, "stream_buffered", {"delay": round(hello_at, 1)}
            )
        else:
            yield StepResult(Step.STREAM, Status.OK, "stream_ok", {"delay": round(hello_at, 2)})
