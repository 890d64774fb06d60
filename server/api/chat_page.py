"""The youth's chat page: plain HTML, CSS and JavaScript, no build step."""

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
ASSETS = {"chat.js": "text/javascript", "chat.css": "text/css"}


def _read(name: str) -> str:
    return resources.files("server.static.chat").joinpath(name).read_text("utf-8")


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


@router.get("/chat", dependencies=[Depends(PUBLIC)])
def chat_page(request: Request) -> Any:
    return HTMLResponse(_read("index.html"), headers=_headers(request))


@router.get("/chat/", dependencies=[Depends(PUBLIC)])
def chat_page_slash() -> Any:
    return RedirectResponse("/chat", status_code=308)


@router.get("/chat/{name}", dependencies=[Depends(PUBLIC)])
def chat_asset(request: Request, name: Annotated[str, Path(pattern=r"^[a-z]+\.(js|css)$")]) -> Any:
    if name not in ASSETS:
        raise not_found()
    return Response(_read(name), media_type=ASSETS[name], headers=_headers(request))
