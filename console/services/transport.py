"""The console's one HTTP client: OS trust store, the right proxy, typed errors.

One long-lived `httpx.AsyncClient` per server address, never one per request. TLS is
verified against the operating system's store (truststore), so a TLS-inspecting proxy
whose root IT installed works, plus an optional extra CA file from the machine policy.
There is no code path that turns verification off.
"""

from __future__ import annotations

import contextlib
import json
import logging
import ssl
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

import httpx
import truststore

from console import __version__
from console.services import tlsprobe
from console.services.errors import (
    BadCertificateFile,
    Offline,
    ProxyAuthRequired,
    ServerError,
    TlsUntrusted,
    TransportError,
    Unauthorized,
    api_error,
)
from console.settings import Settings

log = logging.getLogger(__name__)

API = "/api/v1"
#: Long-poll holds up to 25 s on the server; the read time-out leaves room for a slow proxy.
POLL_TIMEOUT = 25.0
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=20.0, pool=10.0)
LIMITS = httpx.Limits(max_connections=8, max_keepalive_connections=4, keepalive_expiry=20.0)
#: A request whose read timeout is longer than this holds (a long-poll): its connection is
#: not idle afterwards, the next poll takes it.
QUICK_READ = 20.0
#: Seconds after the last quick answer from which `warm` opens a connection: a pooled one
#: may be near its expiry (20 s, under the 30 s at which institution proxies cut idle ones).
WARM_AFTER = 15.0


class TokenSource(Protocol):
    """What the transport needs from the session: a token, and a fresh one after a 401."""

    def access_token(self) -> str | None: ...

    async def refresh_access_token(self) -> str | None: ...


def ssl_context(extra_ca_file: str = "") -> ssl.SSLContext:
    """Verification against the system's trust store (plus the policy's extra CA file).

    Windows and macOS: truststore, which asks the OS for every connection, so a root that IT
    deploys there counts. Elsewhere (Linux) the system store is OpenSSL's default locations,
    which truststore would read again at every new connection: 40-70 ms of blocked event
    loop each time here, and growing with the number of connections on OpenSSL before 3.4
    (truststore issue #212). There they are loaded once, when the context is made; a root
    added to the system store counts from the console's next start.
    """
    if sys.platform in {"win32", "darwin"}:
        ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    else:
        ctx = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    if extra_ca_file:
        try:
            ctx.load_verify_locations(cafile=extra_ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise BadCertificateFile(extra_ca_file, str(exc)) from exc
    return ctx


def resolve_proxy(
    settings: Settings, url: str, credentials: tuple[str, str] | None = None
) -> str | None:
    """The proxy URL to use for `url` under these settings, credentials included, or None."""
    if settings.proxy_mode == "none":
        return None
    if settings.proxy_mode == "manual":
        proxy = settings.proxy_url.strip() or None
    else:
        host = urlsplit(url).hostname or ""
        if host and urllib.request.proxy_bypass(host):
            return None
        # Environment variables, or on Windows and macOS the system's settings.
        proxies = urllib.request.getproxies()
        proxy = proxies.get("https") or proxies.get("all")
    if proxy and "://" not in proxy:
        proxy = "http://" + proxy
    if proxy and credentials:
        parts = urlsplit(proxy)
        user, password = (quote(c, safe="") for c in credentials)
        proxy = f"{parts.scheme}://{user}:{password}@{parts.hostname}" + (
            f":{parts.port}" if parts.port else ""
        )
    return proxy


def proxy_address(proxy: str | None) -> tuple[str, int] | None:
    if not proxy:
        return None
    parts = urlsplit(proxy)
    return (parts.hostname or "", parts.port or 8080)


@dataclass(frozen=True)
class SseEvent:
    event: str
    data: str
    id: str | None


async def _parse_sse(lines: AsyncIterator[str]) -> AsyncIterator[SseEvent | None]:
    """Yield events; yield None for a comment (a keep-alive), so stalls can be measured."""
    event, ident = "message", None
    data: list[str] = []
    async for line in lines:
        if line == "":
            if data:
                yield SseEvent(event, "\n".join(data), ident)
            event, ident, data = "message", None, []
        elif line.startswith(":"):
            yield None
        else:
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                event = value
            elif field == "data":
                data.append(value)
            elif field == "id":
                ident = value


class Transport:
    def __init__(
        self,
        settings: Settings,
        proxy_credentials: tuple[str, str] | None = None,
        client_factory: Callable[..., httpx.AsyncClient] = httpx.AsyncClient,
    ) -> None:
        self.settings = settings
        self.base_url = settings.server_url.rstrip("/")
        self.proxy_credentials = proxy_credentials
        self.proxy = resolve_proxy(settings, self.base_url, proxy_credentials)
        self.tokens: TokenSource | None = None
        #: When (monotonic) the last quick request (not a held poll) was answered: its
        #: connection is idle in the pool until it expires.
        self._last_quick = -float("inf")
        self._warming = False
        #: `warm` does nothing this soon after a quick answer (a connection is still idle).
        self.warm_after = WARM_AFTER
        self._client = client_factory(
            base_url=self.base_url,
            verify=ssl_context(settings.extra_ca_file),
            proxy=self.proxy,
            trust_env=False,  # resolve_proxy already read the environment
            timeout=DEFAULT_TIMEOUT,
            limits=LIMITS,
            headers={"User-Agent": f"HulpmixConsole/{__version__}"},
            follow_redirects=False,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    # ----------------------------------------------------------------- errors
    async def _explain(self, exc: httpx.HTTPError) -> TransportError:
        """Turn an httpx failure into the typed error the UI can explain."""
        text = f"{type(exc).__name__}: {exc}"
        chain: list[BaseException] = []
        cur: BaseException | None = exc
        while cur is not None and len(chain) < 10:
            chain.append(cur)
            cur = cur.__cause__ or cur.__context__
        if any(isinstance(e, ssl.SSLCertVerificationError) for e in chain) or (
            "CERTIFICATE_VERIFY_FAILED" in text
        ):
            return await self._tls_error(text)
        if isinstance(exc, httpx.ProxyError) or "407" in text:
            if "407" in text:
                return await self._proxy_auth_error()
            return Offline("proxy", text)
        if isinstance(exc, httpx.TimeoutException):
            return Offline("timeout", text)
        if isinstance(exc, httpx.ConnectError) and (
            "Name or service not known" in text
            or "nodename nor servname" in text
            or "getaddrinfo" in text
            or "No address associated" in text
        ):
            return Offline("dns", text)
        if isinstance(exc, httpx.ConnectError):
            return Offline("connect", text)
        return Offline("reset", text)

    async def _tls_error(self, detail: str) -> TlsUntrusted:
        parts = urlsplit(self.base_url)
        try:
            cert = await tlsprobe.peek_certificate(
                parts.hostname or "", parts.port or 443, proxy_address(self.proxy)
            )
        except (OSError, ssl.SSLError, TimeoutError) as exc:
            log.info("could not read the certificate for the error message: %s", exc)
            return TlsUntrusted(detail)
        return TlsUntrusted(detail, issuer=cert.issuer, subject=cert.subject)

    async def _proxy_auth_error(self) -> ProxyAuthRequired:
        """Ask the proxy once which schemes it offers, to say whether Basic can help."""
        schemes: list[str] = []
        addr = proxy_address(self.proxy)
        parts = urlsplit(self.base_url)
        if addr:
            try:
                _, writer = await tlsprobe.open_tunnel(
                    parts.hostname or "", parts.port or 443, addr
                )
                writer.close()  # it let us through after all
            except tlsprobe.ProxyRefused as refused:
                schemes = refused.schemes
            except OSError as exc:
                log.info("could not ask the proxy for its schemes: %s", exc)
        return ProxyAuthRequired(schemes, had_credentials=self.proxy_credentials is not None)

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            return _NOT_JSON

    def _check(self, response: httpx.Response) -> Any:
        body = self._decode(response)
        status = response.status_code
        if status == 407:
            raise ProxyAuthRequired(
                [h.split(" ", 1)[0] for h in response.headers.get_list("proxy-authenticate")],
                had_credentials=self.proxy_credentials is not None,
            )
        if (
            status >= 500
            or body is _NOT_JSON
            or (body is not None and not isinstance(body, dict | list))
        ):
            incident = body.get("incident") if isinstance(body, dict) else None
            code = body.get("error") if isinstance(body, dict) else None
            snippet = response.text[:200] if body is _NOT_JSON else str(body)[:200]
            raise ServerError(status, snippet, incident, code if isinstance(code, str) else None)
        if status >= 400:
            raise api_error(status, body if isinstance(body, dict) else {})
        return body

    # --------------------------------------------------------------- requests
    def _headers(self, auth: bool) -> dict[str, str]:
        if auth and self.tokens is not None:
            token = self.tokens.access_token()
            if token:
                return {"Authorization": f"Bearer {token}"}
        return {}

    async def _send(
        self, method: str, path: str, *, auth: bool, timeout: float | None, **kwargs: Any
    ) -> httpx.Response:
        extra: dict[str, Any] = {}
        if timeout is not None:
            extra["timeout"] = httpx.Timeout(connect=10.0, read=timeout, write=20.0, pool=10.0)
        headers = {**self._headers(auth), **kwargs.pop("headers", {})}
        try:
            response = await self._client.request(
                method, API + path, headers=headers, **kwargs, **extra
            )
        except httpx.HTTPError as exc:
            raise await self._explain(exc) from exc
        if timeout is None or timeout <= QUICK_READ:
            self._last_quick = time.monotonic()
        return response

    async def warm(self) -> bool:
        """Have a connection ready for a request that is about to come: the helper started
        typing. Without it a line written after a quiet spell waits for a new connection
        (a TLS handshake; through an inspecting proxy, several round trips) before it can
        go. True when a connection was opened or refreshed. Failures stay quiet: the real
        request that follows reports them."""
        if self._warming or time.monotonic() - self._last_quick < self.warm_after:
            return False
        self._warming = True
        try:
            await self.ping()
        except TransportError:
            return False
        finally:
            self._warming = False
        return True

    async def _request(
        self, method: str, path: str, *, auth: bool, timeout: float | None, **kwargs: Any
    ) -> httpx.Response:
        """Send; a 401 on an authenticated call refreshes the token once and retries."""
        response = await self._send(method, path, auth=auth, timeout=timeout, **kwargs)
        retry = response.status_code == 401 and auth and self.tokens is not None
        if retry and self.tokens is not None and await self.tokens.refresh_access_token():
            response = await self._send(method, path, auth=auth, timeout=timeout, **kwargs)
        return response

    async def call(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        timeout: float | None = None,
    ) -> Any:
        """One API call answering JSON (see `_request` for the token refresh)."""
        kwargs: dict[str, Any] = {}
        if json_body is not None:
            kwargs["json"] = json_body
        if params:
            kwargs["params"] = params
        response = await self._request(method, path, auth=auth, timeout=timeout, **kwargs)
        return self._check(response)

    async def fetch(self, path: str, *, auth: bool = True, timeout: float | None = None) -> bytes:
        """GET a file (an .ics, say): its bytes, or the same errors as `call`."""
        response = await self._request("GET", path, auth=auth, timeout=timeout)
        if response.status_code >= 300:
            self._check(response)  # raises the error the answer describes
            raise ServerError(response.status_code, "unexpected answer to a download")
        return response.content

    async def upload(
        self, path: str, content: bytes, *, content_type: str, timeout: float | None = None
    ) -> Any:
        """POST a file's bytes as the body (an .xlsx import, say): the decoded answer, or
        the same errors as `call`."""
        response = await self._request(
            "POST",
            path,
            auth=True,
            timeout=timeout,
            content=content,
            headers={"Content-Type": content_type},
        )
        return self._check(response)

    async def ping(self) -> dict[str, Any]:
        result = await self.call("GET", "/ping", auth=False, timeout=10.0)
        return result if isinstance(result, dict) else {}

    @contextlib.asynccontextmanager
    async def open_stream(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        read_timeout: float = 35.0,
    ) -> AsyncIterator[AsyncIterator[SseEvent | None]]:
        """Server-Sent Events from `path`, as an iterator valid inside the `async with`.

        A read that stalls past `read_timeout` raises Offline. A context manager rather
        than a generator: leaving early closes the response before anything else, so no
        generator is ever asked to await while it is being shut.
        """
        headers = {**self._headers(True), "Accept": "text/event-stream"}
        timeout = httpx.Timeout(connect=10.0, read=read_timeout, write=10.0, pool=10.0)
        try:
            async with self._client.stream(
                "GET", API + path, params=params, headers=headers, timeout=timeout
            ) as response:
                if response.status_code != 200:
                    await response.aread()
                    self._check(response)
                    raise ServerError(response.status_code, "unexpected answer to a stream")
                yield _parse_sse(response.aiter_lines())
        except httpx.HTTPError as exc:
            raise await self._explain(exc) from exc


class _NotJson:
    pass


_NOT_JSON: Any = _NotJson()


def decode_event_data(event: SseEvent) -> dict[str, Any]:
    try:
        data = json.loads(event.data)
    except ValueError as exc:
        raise ServerError(200, f"bad event data: {event.data[:80]!r}") from exc
    if not isinstance(data, dict):
        raise ServerError(200, "event data is not an object")
    return data


__all__ = ["Transport", "TransportError", "Unauthorized", "resolve_proxy", "ssl_context"]
