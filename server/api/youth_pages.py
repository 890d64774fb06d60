"""What the youth's pages (/chat, /forum) share: reading their files and strict headers.

Only our own scripts and styles, nothing inline, no third parties, no referrer; partner
sites named in HULPMIX_FRAME_ANCESTORS may embed the pages.
"""

from __future__ import annotations

from importlib import resources

from fastapi import Request
from fastapi.responses import Response

from server.errors import not_found
from server.state import app_state

#: The asset kinds a page may have, by file extension.
MEDIA_TYPES = {"js": "text/javascript", "css": "text/css"}


def read_static(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text("utf-8")


def page_headers(request: Request) -> dict[str, str]:
    ancestors = app_state(request).settings.frame_ancestors
    return {
        "Content-Security-Policy": (
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            f"connect-src 'self'; frame-ancestors {ancestors}; base-uri 'none'; "
            "form-action 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-cache",
    }


def asset(request: Request, package: str, allowed: frozenset[str], name: str) -> Response:
    """One of a page's own files (404 for anything not in `allowed`)."""
    if name not in allowed:
        raise not_found()
    media_type = MEDIA_TYPES[name.rpartition(".")[2]]
    return Response(
        read_static(package, name), media_type=media_type, headers=page_headers(request)
    )
