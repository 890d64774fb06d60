"""The youth's forum pages: plain HTML, CSS and JavaScript, no build step.

One HTML page serves every forum view (list, topic, new topic, story, reply);
the views are hash routes so that the page stays a single cacheable document
and the youth's draft survives moving between views.  Same strict headers as
the chat page: only our own scripts and styles, nothing inline, no third
parties, no referrer.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from server.api.youth_pages import asset, page_headers, read_static
from server.auth import policy

router = APIRouter(tags=["youth"], include_in_schema=False)

PUBLIC = policy(None, "public")
PACKAGE = "server.static.forum"
ASSETS = frozenset({"forum.js", "forum.css"})


@router.get("/forum", dependencies=[Depends(PUBLIC)])
def forum_page(request: Request) -> Any:
    return HTMLResponse(read_static(PACKAGE, "index.html"), headers=page_headers(request))


@router.get("/forum/", dependencies=[Depends(PUBLIC)])
def forum_page_slash() -> Any:
    return RedirectResponse("/forum", status_code=308)


@router.get("/forum/static/{name}", dependencies=[Depends(PUBLIC)])
def forum_asset(request: Request, name: Annotated[str, Path(pattern=r"^[a-z]+\.(js|css)$")]) -> Any:
    return asset(request, PACKAGE, ASSETS, name)
