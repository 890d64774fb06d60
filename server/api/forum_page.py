"""The youth's forum pages: plain HTML, CSS and JavaScript, no build step.

One HTML page serves every forum view (list, topic, new topic, story, reply);
the views are hash routes so that the page stays a single cacheable document
and the youth's draft survives moving between views.  Same strict headers as
the chat page: only our own scripts and styles, nothing inline, no third
parties, no referrer.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from server.auth import policy
from server.errors import not_found
from server.state import app_state

router = APIRouter(tags=["youth"], include_in_schema=False)

PUBLIC = policy(None, "public")
ASSETS = {"forum.js": "text/javascript", "forum.css": "text/css"}


def _read(name: str) -> str:
    return resources.files("server.static.forum").joinpath(name).read_text("utf-8")


def _headers(request: Request) -> dict[str, str]:
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


@router.get("/forum", dependencies=[Depends(PUBLIC)])
def forum_page(request: Request) -> Any:
    return HTMLResponse(_read("index.html"), headers=_headers(request))


@router.get("/forum/", dependencies=[Depends(PUBLIC)])
def forum_page_slash() -> Any:
    return RedirectResponse("/forum", status_code=308)


@router.get("/forum/static/{name}", dependencies=[Depends(PUBLIC)])
def forum_asset(request: Request, name: Annotated[str, Path(pattern=r"^[a-z]+\.(js|css)$")]) -> Any:
    if name not in ASSETS:
        raise not_found()
    return Response(_read(name), media_type=ASSETS[name], headers=_headers(request))
