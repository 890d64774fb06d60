"""Posts, screening rounds and decisions, inside the caller's transaction.

First decision wins: a decision is a compare-and-swap on the post row
(`UPDATE ... WHERE version = :read AND status = :read AND (no live claim by another)`),
and the writer checks the row count. On SQLite writers are serialised anyway; on
PostgreSQL the second writer blocks on the row lock, re-evaluates the WHERE against the
committed row, updates nothing, and answers 409. Nothing is read-then-written unguarded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, and_, case, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql import Select

from console.domain.forum import (
    CLAIM_IDLE_SECONDS,
    OPEN_STATUSES,
    STATUS_AFTER,
    UNDO_SECONDS,
    Decision,
    PostKind,
    PostStatus,
    RoundState,
    RoundWindow,
    duty_institution,
    expected_by,
    word_diff,
)
from console.domain.hours import local_day
from server.db.tables import (
    audit_log,
    forum_decisions,
    forum_posts,
    forum_rounds,
    institutions,
    roster_forum,
    users,
)
from server.events import append_event, iso
from server.forum.settings import ForumSettings

AUDIENCE = "forum"
ALERT_AUDIENCE = "forum:alerts"
#: An open round nobody closed is closed by the server this long after its window ended.
ROUND_OVERRUN = timedelta(hours=2)
_OPEN = [s.value for s in OPEN_STATUSES]


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else iso(moment)


# --- items (the screeners' view of a post) ---------------------------------------------

_parent = forum_posts.alias("parent")
_claimer = users.alias("claimer")
_decider = users.alias("decider")


def _item_query() -> Select[Any]:
    """Posts with everything an Item needs, in ONE query (no per-row lookups)."""
    return (
        select(
            forum_posts,
            _parent.c.title.label("parent_title"),
            _claimer.c.display_name.label("claim_name"),
            _claimer.c.institution_id.label("claim_institution_id"),
            forum_decisions.c.id.label("d_id"),
            forum_decisions.c.decision.label("d_decision"),
            forum_decisions.c.reason.label("d_reason"),
            forum_decisions.c.remark.label("d_remark"),
            forum_decisions.c.user_id.label("d_user_id"),
            forum_decisions.c.at.label("d_at"),
            forum_decisions.c.round_id.label("d_round_id"),
            forum_decisions.c.published_title.label("d_published_title"),
            forum_decisions.c.published_body.label("d_published_body"),
            forum_decisions.c.diff.label("d_diff"),
            _decider.c.display_name.label("d_name"),
        )
        .select_from(forum_posts)
        .outerjoin(_parent, _parent.c.id == forum_posts.c.parent_id)
        .outerjoin(_claimer, _claimer.c.id == forum_posts.c.claim_user_id)
        .outerjoin(forum_decisions, forum_decisions.c.id == forum_posts.c.decision_id)
        .outerjoin(_decider, _decider.c.id == forum_decisions.c.user_id)
    )


def item_json(row: RowMapping, now: datetime) -> dict[str, Any]:
    claim = None
    until = row["claim_until"]
    if row["claim_user_id"] is not None and until is not None and until > now:
        claim = {
            "user_id": row["claim_user_id"],
            "name": row["claim_name"],
            "institution_id": row["claim_institution_id"],
            "until": iso(until),
        }
    decision = None
    if row["d_id"] is not None:
        decision = {
            "id": row["d_id"],
            "decision": row["d_decision"],
            "reason": row["d_reason"],
            "remark": row["d_remark"],
            "by_user_id": row["d_user_id"],
            "by_name": row["d_name"],
            "at": iso(row["d_at"]),
            "undo_until": iso(row["d_at"] + timedelta(seconds=UNDO_SECONDS)),
            "round_id": row["d_round_id"],
            "published_title": row["d_published_title"],
            "published_body": row["d_published_body"],
            "diff": [] if row["d_diff"] is None else json.loads(row["d_diff"]),
        }
    return {
        "id": row["id"],
        "kind": row["kind"],
        "status": row["status"],
        "title": row["title"],
        "body": row["body"],
        "theme": row["theme"],
        "parent_id": row["parent_id"],
        "parent_title": row["parent_title"],
        "replies_welcome": row["replies_welcome"],
        "created_at": iso(row["created_at"]),
        "claim": claim,
        "decision": decision,
        "version": row["version"],
    }


def get_item(conn: Connection, post_id: int, now: datetime) -> dict[str, Any] | None:
    row = conn.execute(_item_query().where(forum_posts.c.id == post_id)).mappings().first()
    return None if row is None else item_json(row, now)


def list_items(conn: Connection, statuses: Sequence[str], now: datetime) -> list[dict[str, Any]]:
    rows = conn.execute(
        _item_query().where(forum_posts.c.status.in_(statuses)).order_by(forum_posts.c.id)
    ).mappings()
    return [item_json(r, now) for r in rows]


def topic_context(conn: Connection, topic_id: int) -> dict[str, Any] | None:
    """A reply's topic for context: its text and its published replies."""
    topic = conn.execute(select(forum_posts).where(forum_posts.c.id == topic_id)).mappings().first()
    if topic is None:
        return None
    replies = conn.execute(
        select(forum_posts.c.id, forum_posts.c.published_body, forum_posts.c.published_at)
        .where(
            forum_posts.c.parent_id == topic_id,
            forum_posts.c.status == PostStatus.PUBLISHED.value,
        )
        .order_by(forum_posts.c.published_at, forum_posts.c.id)
    ).all()
    return {
        "id": topic["id"],
        "title": topic["published_title"] or topic["title"],
        "body": topic["published_body"] or topic["body"],
        "status": topic["status"],
        "replies": [
            {"id": r.id, "body": r.published_body, "published_at": _iso(r.published_at)}
            for r in replies
        ],
    }


def announce_item(conn: Connection, post_id: int, now: datetime) -> dict[str, Any]:
    item = get_item(conn, post_id, now)
    assert item is not None
    append_event(conn, f"forum:{post_id}", "forum.item", AUDIENCE, item)
    return item


# --- posts --------------------------------------------------------------------------------


def create_post(
    conn: Connection,
    kind: PostKind,
    title: str | None,
    body: str,
    theme: str | None,
    parent_id: int | None,
    replies_welcome: bool,
    now: datetime,
    client_id: str | None = None,
) -> int:
    """A new pending post, exactly as typed. Nothing about the sender is stored."""
    post_id = conn.execute(
        insert(forum_posts)
        .values(
            kind=kind.value,
            status=PostStatus.PENDING.value,
            theme=theme,
            parent_id=parent_id,
            title=title,
            body=body,
            replies_welcome=replies_welcome,
            created_at=now,
            version=1,
            client_id=client_id,
        )
        .returning(forum_posts.c.id)
    ).scalar_one()
    announce_item(conn, int(post_id), now)
    return int(post_id)


def published_parent(conn: Connection, parent_id: int) -> RowMapping | None:
    return (
        conn.execute(
            select(forum_posts).where(
                forum_posts.c.id == parent_id,
                forum_posts.c.status == PostStatus.PUBLISHED.value,
                forum_posts.c.kind.in_([PostKind.TOPIC.value, PostKind.STORY.value]),
            )
        )
        .mappings()
        .first()
    )


# --- claims -------------------------------------------------------------------------------


def _claim_free(user_id: int, now: datetime) -> Any:
    return or_(
        forum_posts.c.claim_user_id.is_(None),
        forum_posts.c.claim_user_id == user_id,
        forum_posts.c.claim_until <= now,
    )


def claim(conn: Connection, post_id: int, user_id: int, now: datetime) -> bool:
    """Claim (or renew) a post that is still open and not claimed by someone else."""
    result = conn.execute(
        update(forum_posts)
        .where(
            forum_posts.c.id == post_id,
            forum_posts.c.status.in_(_OPEN),
            _claim_free(user_id, now),
        )
        .values(
            claim_user_id=user_id,
            claim_until=now + timedelta(seconds=CLAIM_IDLE_SECONDS),
            version=forum_posts.c.version + 1,
        )
    )
    return bool(result.rowcount)


def release(conn: Connection, post_id: int, user_id: int) -> bool:
    result = conn.execute(
        update(forum_posts)
        .where(forum_posts.c.id == post_id, forum_posts.c.claim_user_id == user_id)
        .values(claim_user_id=None, claim_until=None, version=forum_posts.c.version + 1)
    )
    return bool(result.rowcount)


def conflict_reason(item: dict[str, Any], user_id: int) -> str:
    """Why someone else's change won: decided, or claimed by another screener."""
    if item["status"] not in _OPEN:
        return "decided"
    claim_ = item["claim"]
    if claim_ is not None and claim_["user_id"] != user_id:
        return "claimed"
    return "decided"


# --- decisions ----------------------------------------------------------------------------


def find_decision(conn: Connection, user_id: int, txn_id: str) -> RowMapping | None:
    return (
        conn.execute(
            select(forum_decisions).where(
                forum_decisions.c.user_id == user_id, forum_decisions.c.txn_id == txn_id
            )
        )
        .mappings()
        .first()
    )


def get_post(conn: Connection, post_id: int) -> RowMapping | None:
    return conn.execute(select(forum_posts).where(forum_posts.c.id == post_id)).mappings().first()


def audit(conn: Connection, user_id: int, action: str, subject: str, now: datetime) -> None:
    conn.execute(insert(audit_log).values(at=now, user_id=user_id, action=action, subject=subject))


def decide(
    conn: Connection,
    post: RowMapping,
    *,
    user_id: int,
    institution_id: int,
    round_id: int,
    txn_id: str,
    decision: Decision,
    reason: str | None,
    remark: str | None,
    title: str | None,
    body: str | None,
    now: datetime,
) -> bool:
    """Record a decision if the post is still as read; False when someone else won."""
    published_title: str | None = None
    published_body: str | None = None
    diff: str | None = None
    if decision in (Decision.PUBLISH, Decision.EDIT):
        published_title = post["title"]
        published_body = post["body"]
        if decision is Decision.EDIT:
            published_title = post["title"] if title is None else title
            published_body = post["body"] if body is None else body
            diff = json.dumps(
                [list(p) for p in word_diff(post["body"], published_body)], ensure_ascii=False
            )
    decision_id = conn.execute(
        insert(forum_decisions)
        .values(
            post_id=post["id"],
            txn_id=txn_id,
            user_id=user_id,
            institution_id=institution_id,
            round_id=round_id,
            decision=decision.value,
            reason=reason,
            remark=remark,
            published_title=published_title,
            published_body=published_body,
            diff=diff,
            at=now,
        )
        .returning(forum_decisions.c.id)
    ).scalar_one()
    status = STATUS_AFTER[decision]
    published = status is PostStatus.PUBLISHED
    result = conn.execute(
        update(forum_posts)
        .where(
            forum_posts.c.id == post["id"],
            forum_posts.c.version == post["version"],
            forum_posts.c.status == post["status"],
            forum_posts.c.status.in_(_OPEN),
            _claim_free(user_id, now),
        )
        .values(
            status=status.value,
            decision_id=decision_id,
            published_title=published_title if published else None,
            published_body=published_body if published else None,
            published_at=now if published else None,
            claim_user_id=None,
            claim_until=None,
            version=forum_posts.c.version + 1,
        )
    )
    if not result.rowcount:
        return False
    audit(conn, user_id, f"forum.{decision.value}", f"forum_post:{post['id']}", now)
    item = announce_item(conn, int(post["id"]), now)
    if decision is Decision.ESCALATE:
        append_event(
            conn,
            f"forum:{post['id']}",
            "forum.escalated",
            AUDIENCE,
            {"item": item, "remark": remark, "at": iso(now)},
        )
    return True


def undo(conn: Connection, post: RowMapping, user_id: int, now: datetime) -> bool:
    """Take the decision in force back: the post is pending again (and unpublished)."""
    result = conn.execute(
        update(forum_posts)
        .where(
            forum_posts.c.id == post["id"],
            forum_posts.c.version == post["version"],
            forum_posts.c.decision_id == post["decision_id"],
        )
        .values(
            status=PostStatus.PENDING.value,
            decision_id=None,
            published_title=None,
            published_body=None,
            published_at=None,
            version=forum_posts.c.version + 1,
        )
    )
    if not result.rowcount:
        return False
    conn.execute(
        update(forum_decisions)
        .where(forum_decisions.c.id == post["decision_id"])
        .values(undone_at=now)
    )
    audit(conn, user_id, "forum.undo", f"forum_post:{post['id']}", now)
    announce_item(conn, int(post["id"]), now)
    return True


# --- rounds -------------------------------------------------------------------------------


def _insert_ignore(conn: Connection, table: Any) -> Any:
    if conn.dialect.name == "postgresql":
        return pg_insert(table).on_conflict_do_nothing()
    return sqlite_insert(table).on_conflict_do_nothing()


def duty_on(conn: Connection, day: date, settings: ForumSettings) -> int | None:
    """The institution on forum duty on `day`: the published roster's, where the roster
    coordinator has published one for that day, else the forum's own rotation."""
    published = conn.execute(
        select(roster_forum.c.published_institution_id).where(roster_forum.c.day == day)
    ).scalar_one_or_none()
    if published is not None:
        return int(published)
    return duty_institution(day, settings.rotation)


def ensure_rounds(conn: Connection, day: date, settings: ForumSettings, now: datetime) -> None:
    """Create the day's rounds (windows and duty institution as they are now), once; rounds
    not yet opened follow the duty when it changed since (a roster published later)."""
    have = {
        r.window_start
        for r in conn.execute(
            select(forum_rounds.c.window_start).where(forum_rounds.c.day == day.isoformat())
        ).all()
    }
    duty = duty_on(conn, day, settings)
    if have:
        stale = conn.execute(
            select(forum_rounds.c.id, forum_rounds.c.institution_id).where(
                forum_rounds.c.day == day.isoformat(),
                forum_rounds.c.state == RoundState.UPCOMING.value,
            )
        ).all()
        for round_id, institution_id in stale:
            if institution_id == duty:
                continue
            conn.execute(
                update(forum_rounds)
                .where(
                    forum_rounds.c.id == round_id,
                    forum_rounds.c.state == RoundState.UPCOMING.value,
                )
                .values(institution_id=duty, version=forum_rounds.c.version + 1)
            )
            announce_round(conn, round_id, now)
    for window in settings.windows:
        start_text = window.to_json()["start"]
        if start_text in have:
            continue
        starts_at, ends_at = window.bounds(day)
        conn.execute(
            _insert_ignore(conn, forum_rounds).values(
                day=day.isoformat(),
                window_start=start_text,
                window_end=window.to_json()["end"],
                starts_at=starts_at,
                ends_at=ends_at,
                institution_id=duty,
                state=RoundState.UPCOMING.value,
                version=1,
            )
        )


def _round_query() -> Select[Any]:
    opener = users.alias("opener")
    return (
        select(
            forum_rounds,
            institutions.c.name.label("institution_name"),
            opener.c.display_name.label("opened_by_name"),
        )
        .select_from(forum_rounds)
        .outerjoin(institutions, institutions.c.id == forum_rounds.c.institution_id)
        .outerjoin(opener, opener.c.id == forum_rounds.c.opened_by)
    )


def round_state(row: RowMapping, now: datetime) -> str:
    state = str(row["state"])
    if state == RoundState.UPCOMING.value and row["ends_at"] <= now:
        return RoundState.MISSED.value
    return state


def _pending_stats(conn: Connection) -> tuple[int, datetime | None]:
    count, oldest = conn.execute(
        select(func.count(), func.min(forum_posts.c.created_at)).where(
            forum_posts.c.status == PostStatus.PENDING.value
        )
    ).one()
    return int(count), oldest


def round_json(
    row: RowMapping, now: datetime, pending: tuple[int, datetime | None]
) -> dict[str, Any]:
    state = round_state(row, now)
    live = state in (RoundState.UPCOMING.value, RoundState.OPEN.value)
    return {
        "id": row["id"],
        "date": row["day"],
        "window": {"start": row["window_start"], "end": row["window_end"]},
        "starts_at": iso(row["starts_at"]),
        "ends_at": iso(row["ends_at"]),
        "institution_id": row["institution_id"],
        "institution_name": row["institution_name"],
        "state": state,
        "opened_by": row["opened_by"],
        "opened_by_name": row["opened_by_name"],
        "opened_at": _iso(row["opened_at"]),
        "closed_at": _iso(row["closed_at"]),
        "pending_count": pending[0] if live else 0,
        "oldest_pending_at": _iso(pending[1]) if live else None,
        "summary": None if row["summary"] is None else json.loads(row["summary"]),
        "version": row["version"],
    }


def rounds_on(conn: Connection, day: date, now: datetime) -> list[dict[str, Any]]:
    rows = conn.execute(
        _round_query()
        .where(forum_rounds.c.day == day.isoformat())
        .order_by(forum_rounds.c.starts_at)
    ).mappings()
    pending = _pending_stats(conn)
    return [round_json(r, now, pending) for r in rows]


def get_round(conn: Connection, round_id: int, now: datetime) -> dict[str, Any] | None:
    row = conn.execute(_round_query().where(forum_rounds.c.id == round_id)).mappings().first()
    return None if row is None else round_json(row, now, _pending_stats(conn))


def announce_round(conn: Connection, round_id: int, now: datetime) -> dict[str, Any]:
    found = get_round(conn, round_id, now)
    assert found is not None
    append_event(conn, f"forum.round:{round_id}", "forum.round", AUDIENCE, found)
    return found


def open_round_row(conn: Connection) -> RowMapping | None:
    """The round decisions go to: the most recently opened one still open."""
    return (
        conn.execute(
            select(forum_rounds)
            .where(forum_rounds.c.state == RoundState.OPEN.value)
            .order_by(forum_rounds.c.opened_at.desc(), forum_rounds.c.id.desc())
        )
        .mappings()
        .first()
    )


def next_round_end(conn: Connection, windows: Sequence[RoundWindow], now: datetime) -> datetime:
    """When a post sent `now` will have been screened: the end of the current window,
    unless that window's round is already closed or missed, then the next window's end."""
    end = expected_by(now, windows)
    done = conn.execute(
        select(forum_rounds.c.id).where(
            forum_rounds.c.ends_at == end,
            forum_rounds.c.state.in_([RoundState.CLOSED.value, RoundState.MISSED.value]),
        )
    ).first()
    return end if done is None else expected_by(end, windows)


def duty_now(conn: Connection, settings: ForumSettings, now: datetime) -> int | None:
    """The institution screening now: the open round's, else today's duty (`duty_on`)."""
    current = open_round_row(conn)
    if current is not None:
        return None if current["institution_id"] is None else int(current["institution_id"])
    return duty_on(conn, local_day(now), settings)


def open_round(conn: Connection, round_id: int, user_id: int, now: datetime) -> bool:
    result = conn.execute(
        update(forum_rounds)
        .where(
            forum_rounds.c.id == round_id,
            forum_rounds.c.state == RoundState.UPCOMING.value,
            forum_rounds.c.starts_at <= now,
            forum_rounds.c.ends_at > now,
        )
        .values(
            state=RoundState.OPEN.value,
            opened_by=user_id,
            opened_at=now,
            version=forum_rounds.c.version + 1,
        )
    )
    if result.rowcount:
        audit(conn, user_id, "forum.round_open", f"forum_round:{round_id}", now)
    return bool(result.rowcount)


def round_summary(conn: Connection, round_row: RowMapping, now: datetime) -> dict[str, Any]:
    """Who screened, how many of each decision, and how long the round took."""
    rows = conn.execute(
        select(
            forum_decisions.c.user_id,
            users.c.display_name,
            forum_decisions.c.decision,
            func.count().label("n"),
        )
        .join(users, users.c.id == forum_decisions.c.user_id)
        .where(
            forum_decisions.c.round_id == round_row["id"],
            forum_decisions.c.undone_at.is_(None),
        )
        .group_by(forum_decisions.c.user_id, users.c.display_name, forum_decisions.c.decision)
    ).all()
    screeners: dict[int, str] = {}
    counts: dict[str, int] = {d.value: 0 for d in Decision}
    for r in rows:
        screeners[int(r.user_id)] = r.display_name
        counts[r.decision] = counts.get(r.decision, 0) + int(r.n)
    opened = round_row["opened_at"] or now
    return {
        "screeners": [{"user_id": k, "name": v} for k, v in sorted(screeners.items())],
        "counts": counts,
        "seconds": max(0, int((now - opened).total_seconds())),
        "pending_left": _pending_stats(conn)[0],
    }


def close_round(conn: Connection, round_id: int, user_id: int | None, now: datetime) -> bool:
    row = conn.execute(select(forum_rounds).where(forum_rounds.c.id == round_id)).mappings().first()
    if row is None or row["state"] != RoundState.OPEN.value:
        return False
    summary = round_summary(conn, row, now)
    result = conn.execute(
        update(forum_rounds)
        .where(
            forum_rounds.c.id == round_id,
            forum_rounds.c.state == RoundState.OPEN.value,
            forum_rounds.c.version == row["version"],
        )
        .values(
            state=RoundState.CLOSED.value,
            closed_by=user_id,
            closed_at=now,
            summary=json.dumps(summary, ensure_ascii=False),
            version=forum_rounds.c.version + 1,
        )
    )
    if result.rowcount and user_id is not None:
        audit(conn, user_id, "forum.round_close", f"forum_round:{round_id}", now)
    return bool(result.rowcount)


def sweep_rounds(conn: Connection, settings: ForumSettings, now: datetime) -> int:
    """Today's rounds exist; a window that passed unopened becomes `missed` and raises ONE
    alert (the conditional update makes that once, across workers); a round left open long
    after its window is closed. Returns how many rounds changed."""
    ensure_rounds(conn, local_day(now), settings, now)
    changed = 0
    missed = conn.execute(
        select(forum_rounds.c.id).where(
            forum_rounds.c.state == RoundState.UPCOMING.value, forum_rounds.c.ends_at <= now
        )
    ).all()
    for r in missed:
        result = conn.execute(
            update(forum_rounds)
            .where(forum_rounds.c.id == r.id, forum_rounds.c.state == RoundState.UPCOMING.value)
            .values(state=RoundState.MISSED.value, version=forum_rounds.c.version + 1)
        )
        if not result.rowcount:
            continue
        changed += 1
        found = announce_round(conn, int(r.id), now)
        alert = {
            "id": f"round_missed:{r.id}",
            "kind": "round_missed",
            "round": found,
            "at": iso(now),
        }
        append_event(conn, f"forum.round:{r.id}", "forum.alert", AUDIENCE, alert)
        append_event(conn, f"forum.round:{r.id}", "forum.alert", ALERT_AUDIENCE, alert)
    overrun = conn.execute(
        select(forum_rounds.c.id).where(
            forum_rounds.c.state == RoundState.OPEN.value,
            forum_rounds.c.ends_at <= now - ROUND_OVERRUN,
        )
    ).all()
    for r in overrun:
        if close_round(conn, int(r.id), None, now):
            changed += 1
            announce_round(conn, int(r.id), now)
    return changed


def sweep_due(conn: Connection, now: datetime) -> bool:
    """Cheap read: is there anything for `sweep_rounds` to do (or today's rounds missing)?"""
    today = local_day(now).isoformat()
    due = conn.execute(
        select(
            func.count(case((forum_rounds.c.day == today, 1))),
            func.count(
                case(
                    (
                        or_(
                            and_(
                                forum_rounds.c.state == RoundState.UPCOMING.value,
                                forum_rounds.c.ends_at <= now,
                            ),
                            and_(
                                forum_rounds.c.state == RoundState.OPEN.value,
                                forum_rounds.c.ends_at <= now - ROUND_OVERRUN,
                            ),
                        ),
                        1,
                    )
                )
            ),
        )
    ).one()
    return int(due[0]) == 0 or int(due[1]) > 0


# --- statistics -----------------------------------------------------------------------------


def _rates(counts: dict[str, int]) -> float | None:
    final = sum(counts.get(d, 0) for d in ("publish", "edit", "reject"))
    return None if final == 0 else round(counts.get("reject", 0) / final, 4)


def stats(conn: Connection, first: date, last: date) -> dict[str, Any]:
    """Decisions in force per round and per screener; reject rates over final decisions."""
    rows = conn.execute(
        select(
            forum_decisions.c.round_id,
            forum_rounds.c.day,
            forum_rounds.c.window_start,
            forum_rounds.c.window_end,
            forum_rounds.c.institution_id,
            forum_decisions.c.user_id,
            users.c.display_name,
            forum_decisions.c.decision,
            forum_posts.c.kind,
            func.count().label("n"),
        )
        .join(forum_rounds, forum_rounds.c.id == forum_decisions.c.round_id)
        .join(users, users.c.id == forum_decisions.c.user_id)
        .join(forum_posts, forum_posts.c.id == forum_decisions.c.post_id)
        .where(
            forum_decisions.c.undone_at.is_(None),
            forum_rounds.c.day >= first.isoformat(),
            forum_rounds.c.day <= last.isoformat(),
        )
        .group_by(
            forum_decisions.c.round_id,
            forum_rounds.c.day,
            forum_rounds.c.window_start,
            forum_rounds.c.window_end,
            forum_rounds.c.institution_id,
            forum_decisions.c.user_id,
            users.c.display_name,
            forum_decisions.c.decision,
            forum_posts.c.kind,
        )
    ).all()
    rounds: dict[int, dict[str, Any]] = {}
    per_round_user: dict[tuple[int, int], dict[str, Any]] = {}
    per_user: dict[int, dict[str, Any]] = {}
    overall: dict[str, int] = {}
    replies: dict[str, int] = {}
    for r in rows:
        n = int(r.n)
        rid, uid = int(r.round_id), int(r.user_id)
        rounds.setdefault(
            rid,
            {
                "round_id": rid,
                "date": r.day,
                "window": {"start": r.window_start, "end": r.window_end},
                "institution_id": r.institution_id,
                "per_screener": [],
            },
        )
        for entry in (
            per_round_user.setdefault(
                (rid, uid), {"user_id": uid, "name": r.display_name, "counts": {}}
            ),
            per_user.setdefault(uid, {"user_id": uid, "name": r.display_name, "counts": {}}),
        ):
            entry["counts"][r.decision] = entry["counts"].get(r.decision, 0) + n
        overall[r.decision] = overall.get(r.decision, 0) + n
        if r.kind == PostKind.REPLY.value:
            replies[r.decision] = replies.get(r.decision, 0) + n
    for (rid, _uid), entry in sorted(per_round_user.items()):
        entry["reject_rate"] = _rates(entry["counts"])
        rounds[rid]["per_screener"].append(entry)
    for entry in per_user.values():
        entry["reject_rate"] = _rates(entry["counts"])
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "rounds": [rounds[k] for k in sorted(rounds, key=lambda k: (rounds[k]["date"], k))],
        "per_screener": sorted(per_user.values(), key=lambda e: e["name"]),
        "overall": {
            "counts": overall,
            "reject_rate": _rates(overall),
            "reply_reject_rate": _rates(replies),
        },
    }
