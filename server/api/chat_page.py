"""The youth's chat page: plain HTML, CSS and JavaScript, no build step."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from server.api.youth_pages import asset, page_headers, read_static
from server.auth import policy

router = APIRouter(tags=["youth"], include_in_schema=False)

PUBLIC = policy(None, "public")
PACKAGE = "server.static.chat"
ASSETS = frozenset({"chat.js", "chat.css"})


@router.get("/chat", dependencies=[Depends(PUBLIC)])
def chat_page(request: Request) -> Any:
    return HTMLResponse(read_static(PACKAGE, "index.html"), headers=page_headers(request))


@router.get("/chat/", dependencies=[Depends(PUBLIC)])
def chat_page_slash() -> Any:
    return RedirectResponse("/chat", status_code=308)


@router.get("/chat/{name}", dependencies=[Depends(PUBLIC)])
def chat_asset(request: Request, name: Annotated[str, Path(pattern=r"^[a-z]+\.(js|css)$")]) -> Any:
    return asset(request, PACKAGE, ASSETS, name)
