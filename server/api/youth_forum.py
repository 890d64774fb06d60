"""The youth's side of the forum: post (anonymously), read what was published.

Nothing is published before a screener decided on it. No IP address or user agent is
stored: the client address is used only in this worker's memory, for throttling
(HULPMIX_FORUM_RATE posts per 10 minutes, default 5). Text is stored exactly as typed;
control characters other than newline and tab are refused (422), nothing else is changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from console.domain.forum import (
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    PostKind,
    PostStatus,
    control_characters,
)
from server.api.models import MAX_ID, Body
from server.api.session import throttled
from server.auth import policy
from server.chat import config as chat_config
from server.db.tables import forum_posts
from server.errors import ApiError, not_found
from server.events import iso
from server.forum import clock
from server.forum.core import create_post, next_round_end, published_parent
from server.forum.settings import load
from server.state import AppState, app_state
from server.throttle import ClientThrottle

router = APIRouter(prefix="/youth/forum", tags=["youth forum"])

PUBLIC = policy(None, "public")
RATE_WINDOW = 600.0
PREVIEW_CHARS = 200
TOPIC_KINDS = (PostKind.TOPIC.value, PostKind.STORY.value)


class PostBody(Body):
    kind: PostKind
    title: str | None = None
    body: str
    theme: str | None = Field(default=None, max_length=100)
    parent_id: int | None = Field(default=None, ge=1)
    replies_welcome: bool | None = None
    #: A random id the page makes once per post: sending again (after a lost answer)
    #: answers the same post instead of making a second one.
    client_id: str | None = Field(
        default=None, min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$"
    )


def _throttle(request: Request) -> ClientThrottle:
    """Per-application throttle (memory only, never stored); HULPMIX_FORUM_RATE."""
    return app_state(request).forum_post_throttle


def _address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(
        422, "invalid", f"Please check the input. {field}: {message}",
        fields=[{"field": field, "message": message}],
    )  # fmt: skip


def _check_text(field: str, text: str, limit: int) -> None:
    bad = control_characters(text)
    if bad:
        raise _invalid(field, f"Control characters are not allowed (position {bad[0]}).")
    if len(text) > limit:
        raise ApiError(
            413,
            "too_large",
            f"The {field} may be at most {limit} characters (this one has {len(text)}).",
            field=field,
            limit=limit,
        )


@router.post("/posts", status_code=202, dependencies=[Depends(PUBLIC)])
def submit_post(request: Request, body: PostBody) -> Any:
    """Send a topic, reply or story; it is read by the screeners before it appears.

    Answers 202 with `expected_by`: the end of the screening round that will read it.
    """
    state = app_state(request)
    if body.client_id is not None:
        repeat = _answer_again(state, body.client_id)
        if repeat is not None:
            return repeat
    address = _address(request)
    throttle = _throttle(request)
    wait = throttle.retry_after(address)
    if wait is not None:
        raise throttled(wait, "You have sent several posts just now. Please wait a while.")
    _check_text("body", body.body, MAX_BODY_CHARS)
    if body.title is not None:
        _check_text("title", body.title, MAX_TITLE_CHARS)
    if not body.body.strip():
        raise _invalid("body", "The text is empty.")
    now = clock.now()
    try:
        post_id, expected = _store(state, body, now)
    except IntegrityError:
        # The same client_id raced in twice: the first one stored is the answer.
        repeat = _answer_again(state, body.client_id) if body.client_id else None
        if repeat is None:
            raise
        return repeat
    throttle.failed(address)
    return JSONResponse(
        {"post_id": post_id, "status": PostStatus.PENDING.value, "expected_by": iso(expected)},
        status_code=202,
    )


def _answer_again(state: AppState, client_id: str) -> JSONResponse | None:
    with state.db.read() as conn:
        row = conn.execute(
            select(forum_posts.c.id, forum_posts.c.status).where(
                forum_posts.c.client_id == client_id
            )
        ).first()
        if row is None:
            return None
        expected = next_round_end(conn, load(conn).windows, clock.now())
    return JSONResponse(
        {"post_id": int(row.id), "status": row.status, "expected_by": iso(expected)},
        status_code=202,
    )


def _store(state: AppState, body: PostBody, now: datetime) -> tuple[int, datetime]:
    with state.db.write() as conn:
        themes = chat_config.taxonomy(conn).themes
        title: str | None = body.title
        theme: str | None = body.theme
        parent_id: int | None = None
        if body.kind is PostKind.REPLY:
            if body.parent_id is None:
                raise _invalid("parent_id", "A reply needs the topic it answers.")
            parent = published_parent(conn, body.parent_id)
            if parent is None:
                raise _invalid("parent_id", "This topic does not exist or is not published.")
            if not parent["replies_welcome"]:
                raise _invalid("parent_id", "The writer of this story did not ask for replies.")
            title, theme, parent_id, welcome = None, parent["theme"], int(parent["id"]), False
        else:
            if title is None or not title.strip():
                raise _invalid("title", "A title is required.")
            if theme is None or theme not in themes:
                raise _invalid("theme", f"Choose one of the themes: {', '.join(themes)}.")
            welcome = True if body.kind is PostKind.TOPIC else bool(body.replies_welcome)
        post_id = create_post(
            conn, body.kind, title, body.body, theme, parent_id, welcome, now, body.client_id
        )
        expected = next_round_end(conn, load(conn).windows, now)
    return post_id, expected


@router.get("/themes", dependencies=[Depends(PUBLIC)])
def forum_themes(request: Request) -> Any:
    """The themes, each with the number of published topics and stories."""
    with app_state(request).db.read() as conn:
        themes = chat_config.taxonomy(conn).themes
        counts: dict[str | None, int] = dict(
            conn.execute(
                select(forum_posts.c.theme, func.count())
                .where(
                    forum_posts.c.status == PostStatus.PUBLISHED.value,
                    forum_posts.c.kind.in_(TOPIC_KINDS),
                )
                .group_by(forum_posts.c.theme)
            ).all()
        )
    return {"themes": [{"key": t, "label": t, "count": int(counts.get(t, 0))} for t in themes]}


def _cursor(text: str | None) -> tuple[datetime, int] | None:
    if not text:
        return None
    try:
        moment, _, ident = text.rpartition("_")
        return datetime.fromisoformat(moment.replace("Z", "+00:00")), int(ident)
    except ValueError:
        raise ApiError(422, "invalid", "before: not a cursor from next_before.") from None


@router.get("/topics", dependencies=[Depends(PUBLIC)])
def forum_topics(
    request: Request,
    theme: Annotated[str | None, Query(max_length=100)] = None,
    before: Annotated[str | None, Query(max_length=80)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 30,
) -> Any:
    """Published topics and stories, newest first; page on with `before=next_before`."""
    cursor = _cursor(before)
    replies = forum_posts.alias("r")
    activity = (
        select(
            replies.c.parent_id.label("pid"),
            func.count().label("n"),
            func.max(replies.c.published_at).label("last"),
        )
        .where(replies.c.status == PostStatus.PUBLISHED.value)
        .group_by(replies.c.parent_id)
        .subquery()
    )
    query = (
        select(forum_posts, activity.c.n, activity.c.last)
        .outerjoin(activity, activity.c.pid == forum_posts.c.id)
        .where(
            forum_posts.c.status == PostStatus.PUBLISHED.value,
            forum_posts.c.kind.in_(TOPIC_KINDS),
        )
        .order_by(forum_posts.c.published_at.desc(), forum_posts.c.id.desc())
        .limit(limit + 1)
    )
    if theme:
        query = query.where(forum_posts.c.theme == theme)
    if cursor is not None:
        at, ident = cursor
        query = query.where(
            or_(
                forum_posts.c.published_at < at,
                and_(forum_posts.c.published_at == at, forum_posts.c.id < ident),
            )
        )
    with app_state(request).db.read() as conn:
        rows = conn.execute(query).mappings().all()
    page = rows[:limit]
    topics = []
    for r in page:
        body = r["published_body"] or ""
        last = r["last"] if r["last"] is not None else r["published_at"]
        topics.append(
            {
                "id": r["id"],
                "kind": r["kind"],
                "title": r["published_title"],
                "theme": r["theme"],
                "body_preview": body[:PREVIEW_CHARS],
                "replies_welcome": r["replies_welcome"],
                "reply_count": int(r["n"] or 0),
                "published_at": iso(r["published_at"]),
                "last_activity_at": iso(max(last, r["published_at"])),
            }
        )
    next_before = None
    if len(rows) > limit and page:
        next_before = f"{iso(page[-1]['published_at'])}_{page[-1]['id']}"
    return {"topics": topics, "next_before": next_before}


@router.get("/topics/{topic_id}", dependencies=[Depends(PUBLIC)])
def forum_topic(request: Request, topic_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Any:
    """One published topic or story with its published replies, oldest first."""
    with app_state(request).db.read() as conn:
        topic = published_parent(conn, topic_id)
        if topic is None:
            raise not_found("This topic does not exist or is not published.")
        replies = conn.execute(
            select(forum_posts.c.id, forum_posts.c.published_body, forum_posts.c.published_at)
            .where(
                forum_posts.c.parent_id == topic_id,
                forum_posts.c.status == PostStatus.PUBLISHED.value,
            )
            .order_by(forum_posts.c.published_at, forum_posts.c.id)
        ).all()
    return {
        "topic": {
            "id": topic["id"],
            "kind": topic["kind"],
            "title": topic["published_title"],
            "theme": topic["theme"],
            "body": topic["published_body"],
            "replies_welcome": topic["replies_welcome"],
            "published_at": iso(topic["published_at"]),
        },
        "replies": [
            {"id": r.id, "body": r.published_body, "published_at": iso(r.published_at)}
            for r in replies
        ],
    }


@router.get("/schedule", dependencies=[Depends(PUBLIC)])
def forum_schedule(request: Request) -> Any:
    """The daily screening windows (Dutch time) and when the next round ends."""
    now = clock.now()
    with app_state(request).db.read() as conn:
        windows = load(conn).windows
        end = next_round_end(conn, windows, now)
    return {
        "windows": [w.to_json() for w in windows],
        "next_round_end": iso(end),
        "timezone": "Europe/Amsterdam",
    }
