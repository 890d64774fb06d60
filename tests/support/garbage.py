"""An HTTPS server that answers every request with one fixed (bad) answer.

For the faults we cannot get out of the real server on purpose: a proxy's HTML error
page where JSON is expected, a 500 from something in between, a 502 from a gateway.
"""

from __future__ import annotations

import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _TLSServer(ThreadingHTTPServer):
    """TLS per connection, in the connection's own thread.

    Wrapping the listening socket would run every handshake inside `accept()` on the
    serving thread: one client that connects and never finishes its handshake (a console
    whose connect was cancelled) then blocks `serve_forever`, and `shutdown()` waits for
    it forever. Here the handshake happens on the handler's first read, under its timeout.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: Any, ctx: ssl.SSLContext) -> None:
        super().__init__(address, handler)
        self.ctx = ctx

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, address = self.socket.accept()
        return self.ctx.wrap_socket(conn, server_side=True, do_handshake_on_connect=False), address


class GarbageServer:
    def __init__(self, cert: Path, key: Path, status: int, body: bytes, content_type: str) -> None:
        outer = self
        self.hits = 0

        class Handler(BaseHTTPRequestHandler):
            timeout = 10  # seconds for the handshake and each read

            def _answer(self) -> None:
                outer.hits += 1
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(str(cert), str(key))
        self.httpd = _TLSServer(("127.0.0.1", 0), Handler, ctx)
        self.port = self.httpd.server_address[1]
        self.url = f"https://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(5)
