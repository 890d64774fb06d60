"""Running the server under uvicorn: TLS 1.2+, one or several workers."""

from __future__ import annotations

import os
import socket
import ssl
import sys
from collections.abc import Callable
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess, multiprocess

from server import gctune
from server.config import Settings
from server.fanout import begin_drain

APP_FACTORY = "server.app:create_app_from_env"

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "uvicorn": {"handlers": [], "level": "INFO", "propagate": True},
        "uvicorn.error": {"handlers": [], "level": "INFO", "propagate": True},
        # The access log would record client addresses: off on purpose.
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}


#: Seconds an idle HTTP connection is kept open (nginx's default).
KEEP_ALIVE_SECONDS = 75


def tls_context(config: uvicorn.Config, default: Callable[[], ssl.SSLContext]) -> ssl.SSLContext:
    """uvicorn's context with TLS 1.2 as the floor."""
    context = default()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def public_url(scheme: str, host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}:{port}"


def announce(scheme: str, host: str, port: int) -> None:
    print(f"Hulpmix server listening on {public_url(scheme, host, port)}", flush=True)


class _DrainingServer(uvicorn.Server):
    """Answers held long-polls and closes streams as soon as a stop begins.

    Without this uvicorn waits for them (up to the graceful timeout) and then cancels them
    with a bare 500.
    """

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.should_exit:
            # Each worker, once its application runs: see server/gctune.py.
            gctune.settle(Settings.from_env().gc_young_threshold)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        begin_drain()
        await super().shutdown(sockets)


class _DrainingProcess(multiprocess.Process):
    """A uvicorn worker process that runs a `_DrainingServer`."""

    @property
    def server(self) -> uvicorn.Server:
        if self._server is None:
            self._server = _DrainingServer(config=self.config)
        return self._server


class _AnnouncingServer(_DrainingServer):
    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.should_exit or not self.servers:
            return
        port = self.config.port
        for server in self.servers:
            for sock in server.sockets:
                port = sock.getsockname()[1]
                break
        announce("https" if self.config.is_ssl else "http", self.config.host, port)


def run(
    settings: Settings,
    host: str,
    port: int,
    *,
    insecure_http: bool,
    workers: int,
    forwarded_allow_ips: str,
    graceful_timeout: int,
) -> int:
    """Serve until stopped; returns the process exit code."""
    if insecure_http:
        if settings.tls_cert or settings.tls_key:
            print("error: give either --cert/--key or --insecure-http, not both", file=sys.stderr)
            return 2
    elif settings.tls_cert is None or settings.tls_key is None:
        print(
            "error: HTTPS needs --cert and --key (or HULPMIX_TLS_CERT/HULPMIX_TLS_KEY); "
            "use --insecure-http only behind a TLS-terminating proxy",
            file=sys.stderr,
        )
        return 2
    # Worker processes build their settings from the environment.
    os.environ.update(settings.to_env())
    tls: dict[str, Any] = {}
    if not insecure_http:
        tls = {
            "ssl_certfile": str(settings.tls_cert),
            "ssl_keyfile": str(settings.tls_key),
            "ssl_context_factory": tls_context,
        }
    config = uvicorn.Config(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=LOG_CONFIG,
        access_log=False,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        timeout_graceful_shutdown=graceful_timeout,
        server_header=False,
        # Longer than the clients' idle expiry (the console's: 20 s). With uvicorn's default
        # of 5 s a client reuses a connection the server is closing at that very moment
        # and the request fails (seen in bench/chat_latency.py as RemoteProtocolError).
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        **tls,
    )
    if workers > 1:
        sock = config.bind_socket()
        announce("http" if insecure_http else "https", host, sock.getsockname()[1])
        # uvicorn has no hook for the worker's server class; swap the Process it spawns.
        original = multiprocess.Process
        multiprocess.Process = _DrainingProcess  # type: ignore[misc]
        try:
            Multiprocess(config, sockets=[sock]).run()
        finally:
            multiprocess.Process = original  # type: ignore[misc]
        return 0
    server = _AnnouncingServer(config)
    server.run()
    return 0 if server.started else 3
