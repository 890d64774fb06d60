"""The screeners' side of the forum: the queue, claims, decisions, rounds, statistics.

Screeners are the trainees, helpers and supervisors of the institution on forum duty.
Decisions are taken only while a round is open, by a screener of that round's
institution; the first decision wins (see server/forum/core.py) and a loser gets 409 with
the item as it now is, so the console can say who decided or who holds the claim.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import Field
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from console.domain.forum import (
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    OPEN_STATUSES,
    UNDO_SECONDS,
    Decision,
    PostStatus,
    RoundState,
    control_characters,
    decision_problems,
)
from console.domain.hours import local_day
from console.domain.roles import Role
from server.api.models import Body
from server.auth import Principal, policy
from server.db.tables import forum_decisions, forum_rounds
from server.errors import ApiError, conflict, forbidden, not_found
from server.events import read_head
from server.forum import clock
from server.forum import settings as forum_settings
from server.forum.core import (
    announce_item,
    announce_round,
    audit,
    claim,
    close_round,
    conflict_reason,
    decide,
    duty_now,
    ensure_rounds,
    find_decision,
    get_item,
    get_post,
    get_round,
    list_items,
    open_round,
    open_round_row,
    release,
    rounds_on,
    stats,
    topic_context,
    undo,
)
from server.state import app_state

router = APIRouter(prefix="/forum", tags=["forum"])

SCREENERS = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
READERS = SCREENERS | {Role.ROSTER_COORDINATOR}
ROUND_READERS = READERS | {Role.PROJECT_LEAD}
STATS_READERS = frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.SUPERVISOR})
SETTINGS_READERS = ROUND_READERS | {Role.ADMIN}
SETTINGS_WRITERS = frozenset({Role.ADMIN, Role.PROJECT_LEAD})

Read = Annotated[Principal, Depends(policy(READERS, "all"))]
Screen = Annotated[Principal, Depends(policy(SCREENERS, "institution"))]
ReadRounds = Annotated[Principal, Depends(policy(ROUND_READERS, "all"))]
ReadStats = Annotated[Principal, Depends(policy(STATS_READERS, "all"))]
ReadSettings = Annotated[Principal, Depends(policy(SETTINGS_READERS, "all"))]
WriteSettings = Annotated[Principal, Depends(policy(SETTINGS_WRITERS, "all"))]

ItemId = Annotated[int, Path(ge=1, le=2**31 - 1)]  # INTEGER columns: larger is 422
RoundId = Annotated[int, Path(ge=1, le=2**31 - 1)]
TxnId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


class DecisionBody(Body):
    decision: Decision
    reason: str | None = Field(default=None, max_length=40)
    remark: str | None = Field(default=None, max_length=2000)
    title: str | None = None
    body: str | None = None
    #: The item version the screener saw; when given, a changed item answers 409.
    version: int | None = None


class WindowBody(Body):
    start: str = Field(pattern=r"^\d\d:\d\d$")
    end: str = Field(pattern=r"^\d\d:\d\d$")


class ReasonBody(Body):
    key: str = Field(min_length=1, max_length=40, pattern=r"^[a-z_]+$")
    label: str = Field(min_length=1, max_length=200)


class SettingsBody(Body):
    windows: list[WindowBody] = Field(max_length=6)
    rotation: list[int] = Field(max_length=100)
    danger_words: list[Annotated[str, Field(min_length=2, max_length=60)]] = Field(max_length=500)
    edit_reasons: list[ReasonBody] = Field(min_length=1, max_length=20)
    reject_reasons: list[ReasonBody] = Field(min_length=1, max_length=20)
    guidelines: str = Field(max_length=50_000)
    version: int = Field(ge=0)


def _conflict(reason: str, message: str, item: dict[str, Any] | None) -> ApiError:
    """409 with the house shape plus the contract's `detail` (the reason and the item)."""
    return conflict(message, reason=reason, item=item, detail={"reason": reason, "item": item})


_MESSAGES = {
    "decided": "Someone else already decided on this post.",
    "claimed": "Another screener is handling this post.",
}


# --- items ----------------------------------------------------------------------------------


@router.get("/items")
def forum_items(
    request: Request,
    _who: Read,
    status: Annotated[str, Query(max_length=100)] = "pending,held,escalated",
) -> Any:
    """The queue (one query, however long) and the log head to follow `forum.item` from."""
    wanted = [s.strip() for s in status.split(",") if s.strip()]
    known = {s.value for s in PostStatus}
    unknown = [s for s in wanted if s not in known]
    if unknown or not wanted:
        raise ApiError(
            422, "invalid", f"status: use any of {sorted(known)}.", fields=[{"field": "status"}]
        )
    now = clock.now()
    with app_state(request).db.read() as conn:
        head = read_head(conn)
        items = list_items(conn, wanted, now)
    return {"items": items, "head": head}


@router.get("/items/{item_id}")
def forum_item(request: Request, _who: Read, item_id: ItemId) -> Any:
    """One item; a reply comes with its topic (and the topic's published replies)."""
    with app_state(request).db.read() as conn:
        item = get_item(conn, item_id, clock.now())
        if item is None:
            raise not_found("No such post.")
        topic = None if item["parent_id"] is None else topic_context(conn, item["parent_id"])
    return {**item, "topic": topic}


def _must_screen_now(conn: Any, who: Principal, now: Any) -> None:
    duty = duty_now(conn, forum_settings.load(conn), now)
    if duty != who.institution_id:
        raise forbidden("Your institution is not on forum duty now.")


@router.put("/items/{item_id}/claim")
def claim_item(request: Request, who: Screen, item_id: ItemId) -> Any:
    """Claim (or renew the claim on) a post; it lapses after five idle minutes."""
    now = clock.now()
    with app_state(request).db.write() as conn:
        post = get_post(conn, item_id)
        if post is None:
            raise not_found("No such post.")
        _must_screen_now(conn, who, now)
        if claim(conn, item_id, who.user_id, now):
            return announce_item(conn, item_id, now)
        item = get_item(conn, item_id, now)
        assert item is not None
        reason = conflict_reason(item, who.user_id)
        raise _conflict(reason, _MESSAGES[reason], item)


@router.delete("/items/{item_id}/claim")
def release_item(request: Request, who: Screen, item_id: ItemId) -> Any:
    """Let go of a post (nothing happens if it was not yours)."""
    now = clock.now()
    with app_state(request).db.write() as conn:
        if get_post(conn, item_id) is None:
            raise not_found("No such post.")
        if release(conn, item_id, who.user_id):
            return announce_item(conn, item_id, now)
        return get_item(conn, item_id, now)


class _Lost(Exception):
    """The compare-and-swap lost: roll the transaction back, then answer 409."""


def _check_decision_text(field: str, text: str | None, limit: int) -> None:
    if text is None:
        return
    if control_characters(text):
        raise ApiError(
            422, "invalid", f"{field}: control characters are not allowed.",
            fields=[{"field": field, "message": "Control characters are not allowed."}],
        )  # fmt: skip
    if len(text) > limit:
        raise ApiError(413, "too_large", f"The {field} may be at most {limit} characters.")


@router.put("/items/{item_id}/decision/{txn_id}")
def decide_item(
    request: Request, who: Screen, item_id: ItemId, txn_id: TxnId, body: DecisionBody
) -> Any:
    """Decide on a post. The same `txn_id` again answers the item (idempotent); the first
    decision wins, a later one gets 409 `decided` / `claimed` / `round_closed`."""
    state = app_state(request)
    _check_decision_text("title", body.title, MAX_TITLE_CHARS)
    _check_decision_text("body", body.body, MAX_BODY_CHARS)
    now = clock.now()
    try:
        with state.db.write() as conn:
            repeat = find_decision(conn, who.user_id, txn_id)
            if repeat is not None:
                return _repeat(conn, repeat, item_id, now)
            post = get_post(conn, item_id)
            if post is None:
                raise not_found("No such post.")
            current = open_round_row(conn)
            if current is None:
                item = get_item(conn, item_id, now)
                raise _conflict("round_closed", "No screening round is open now.", item)
            if current["institution_id"] != who.institution_id:
                raise forbidden("Your institution is not on forum duty in this round.")
            item = get_item(conn, item_id, now)
            assert item is not None
            if post["status"] not in {s.value for s in OPEN_STATUSES}:
                raise _conflict("decided", _MESSAGES["decided"], item)
            if body.version is not None and body.version != post["version"]:
                reason = conflict_reason(item, who.user_id)
                raise _conflict(reason, "This post changed since you opened it.", item)
            fresh = item["decision"]
            # A hold or escalation its screener may still undo is not overruled by another.
            if (
                fresh is not None
                and fresh["by_user_id"] != who.user_id
                and now <= post_decided_at(conn, int(fresh["id"])) + timedelta(seconds=UNDO_SECONDS)
            ):
                raise _conflict("decided", _MESSAGES["decided"], item)
            reason = conflict_reason(item, who.user_id)
            if reason == "claimed":
                raise _conflict(reason, _MESSAGES[reason], item)
            settings = forum_settings.load(conn)
            changed = (body.title is not None and body.title != post["title"]) or (
                body.body is not None and body.body != post["body"]
            )
            wrong = decision_problems(
                body.decision,
                body.reason,
                body.remark,
                changed,
                settings.edit_keys,
                settings.reject_keys,
            )
            if body.decision is Decision.EDIT and body.body is not None and not body.body.strip():
                wrong.append({"field": "body", "message": "The text cannot be empty."})
            if wrong:
                raise ApiError(
                    422,
                    "invalid",
                    "Please check the decision. "
                    + "; ".join(f"{w['field']}: {w['message']}" for w in wrong),
                    fields=wrong,
                )
            won = decide(
                conn,
                post,
                user_id=who.user_id,
                institution_id=who.institution_id,
                round_id=int(current["id"]),
                txn_id=txn_id,
                decision=body.decision,
                reason=body.reason,
                remark=(body.remark or "").strip() or None,
                title=body.title if body.decision is Decision.EDIT else None,
                body=body.body if body.decision is Decision.EDIT else None,
                now=now,
            )
            if not won:
                raise _Lost
            return get_item(conn, item_id, now)
    except _Lost:
        pass
    except IntegrityError:
        # The same txn_id raced itself: answer what the first one stored.
        with state.db.read() as conn:
            repeat = find_decision(conn, who.user_id, txn_id)
            if repeat is None:
                raise
            return _repeat(conn, repeat, item_id, now)
    with state.db.read() as conn:
        item = get_item(conn, item_id, now)
    assert item is not None
    reason = conflict_reason(item, who.user_id)
    raise _conflict(reason, _MESSAGES[reason], item)


def _repeat(conn: Any, repeat: Any, item_id: int, now: Any) -> Any:
    if int(repeat["post_id"]) != item_id:
        raise conflict("This txn_id was already used for another post.", reason="txn_reused")
    return get_item(conn, item_id, now)


@router.post("/items/{item_id}/undo")
def undo_item(request: Request, who: Screen, item_id: ItemId) -> Any:
    """Take your decision back within two minutes; the post is pending again."""
    now = clock.now()
    with app_state(request).db.write() as conn:
        post = get_post(conn, item_id)
        if post is None:
            raise not_found("No such post.")
        item = get_item(conn, item_id, now)
        decision = None if item is None else item["decision"]
        if decision is None:
            raise _conflict("nothing_to_undo", "This post has no decision to undo.", item)
        if decision["by_user_id"] != who.user_id:
            raise _conflict("not_yours", "Only the screener who decided can undo.", item)
        decided_at = post_decided_at(conn, int(post["decision_id"]))
        if now > decided_at + timedelta(seconds=UNDO_SECONDS):
            raise _conflict("undo_expired", "The two minutes to undo have passed.", item)
        if not undo(conn, post, who.user_id, now):
            raise _conflict("decided", "The post changed meanwhile.", item)
        return get_item(conn, item_id, now)


def post_decided_at(conn: Any, decision_id: int) -> Any:
    return conn.execute(
        select(forum_decisions.c.at).where(forum_decisions.c.id == decision_id)
    ).scalar_one()


# --- rounds ---------------------------------------------------------------------------------


@router.get("/rounds")
def forum_rounds_of(
    request: Request,
    _who: ReadRounds,
    date_: Annotated[date | None, Query(alias="date")] = None,
) -> Any:
    """The rounds of a day (default today, Dutch time): window, institution, state, queue."""
    now = clock.now()
    day = date_ or local_day(now)
    state = app_state(request)
    with state.db.write() as conn:
        ensure_rounds(conn, day, forum_settings.load(conn), now)
        found = rounds_on(conn, day, now)
    return {"rounds": found, "date": day.isoformat()}


def _round_or_404(conn: Any, round_id: int) -> Any:
    row = conn.execute(select(forum_rounds).where(forum_rounds.c.id == round_id)).mappings().first()
    if row is None:
        raise not_found("No such round.")
    return row


@router.post("/rounds/{round_id}/open")
def open_forum_round(request: Request, who: Screen, round_id: RoundId) -> Any:
    """Open a round of your institution, within its window."""
    now = clock.now()
    with app_state(request).db.write() as conn:
        row = _round_or_404(conn, round_id)
        if row["institution_id"] != who.institution_id:
            raise forbidden("This round belongs to the institution on forum duty.")
        if open_round(conn, round_id, who.user_id, now):
            return announce_round(conn, round_id, now)
        found = get_round(conn, round_id, now)
        assert found is not None
        if found["state"] != RoundState.UPCOMING.value:
            raise conflict(f"This round is {found['state']}.", reason=found["state"], round=found)
        raise conflict(
            f"This round can be opened between {row['window_start']} and {row['window_end']}.",
            reason="outside_window",
            round=found,
        )


@router.post("/rounds/{round_id}/close")
def close_forum_round(request: Request, who: Screen, round_id: RoundId) -> Any:
    """Close an open round: its summary (who, how many of each decision, how long) is kept."""
    now = clock.now()
    with app_state(request).db.write() as conn:
        row = _round_or_404(conn, round_id)
        if row["institution_id"] != who.institution_id:
            raise forbidden("This round belongs to the institution on forum duty.")
        if close_round(conn, round_id, who.user_id, now):
            return announce_round(conn, round_id, now)
        found = get_round(conn, round_id, now)
        assert found is not None
        raise conflict(f"This round is {found['state']}.", reason="not_open", round=found)


# --- statistics and settings ------------------------------------------------------------


@router.get("/stats")
def forum_stats(
    request: Request,
    _who: ReadStats,
    from_: Annotated[date | None, Query(alias="from")] = None,
    to: Annotated[date | None, Query()] = None,
) -> Any:
    """Counts per decision per round and per screener, with reject rates (default: the
    last 30 days). Rates are rejections over final decisions (publish, edit, reject)."""
    last = to or local_day(clock.now())
    first = from_ or last - timedelta(days=30)
    if first > last:
        raise ApiError(422, "invalid", "from must not be after to.", fields=[{"field": "from"}])
    with app_state(request).db.read() as conn:
        return stats(conn, first, last)


@router.get("/settings")
def get_forum_settings(request: Request, _who: ReadSettings) -> Any:
    """Windows, rotation, danger words, reasons and guidelines (with the version to send back)."""
    with app_state(request).db.read() as conn:
        return forum_settings.load(conn).to_json()


@router.put("/settings")
def put_forum_settings(request: Request, who: WriteSettings, body: SettingsBody) -> Any:
    """Replace the settings; a stale `version` gets 409 with the current ones."""
    data = body.model_dump(exclude={"version"})
    state = app_state(request)
    now = clock.now()
    try:
        with state.db.write() as conn:
            wrong = forum_settings.problems(conn, data)
            if wrong:
                raise ApiError(
                    422,
                    "invalid",
                    "Please check the settings. " + "; ".join(w["message"] for w in wrong[:5]),
                    fields=wrong,
                )
            if not forum_settings.save(conn, data, body.version):
                current = forum_settings.load(conn).to_json()
                raise conflict(
                    "The settings were changed meanwhile.", reason="stale", current=current
                )
            audit(conn, who.user_id, "forum.settings", "forum_settings", now)
            return forum_settings.load(conn).to_json()
    except IntegrityError:
        with state.db.read() as conn:
            current = forum_settings.load(conn).to_json()
        raise conflict(
            "The settings were changed meanwhile.", reason="stale", current=current
        ) from None
