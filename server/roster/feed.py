"""Own shifts as an iCalendar file, and the secret feed URL a calendar app subscribes to.

The feed URL carries 32 random bytes (URL-safe base64); only their SHA-256 is stored, so a
database leak gives no working URL. Asking for a new URL replaces the old secret (the old
URL answers 404 from then on); revoking deletes it. The calendar holds the published shifts
from 30 days back to 180 days ahead, one event per shift with a UID stable per person and
day, so calendar apps update rather than duplicate events.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icalendar import Calendar, Event
from sqlalchemy import Connection, delete, insert, select, update

from server.db.tables import roster_feeds, users
from server.roster.core import own_shifts

SUMMARY = "Hulpmix chatdienst"
DAYS_BACK = 30
DAYS_AHEAD = 180
_SECRET = re.compile(r"^[A-Za-z0-9_-]{32,128}$")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii")).hexdigest()


def rotate(conn: Connection, user_id: int, now: datetime) -> str:
    """A new secret for `user_id`; the previous one stops working."""
    secret = new_secret()
    done = conn.execute(
        update(roster_feeds)
        .where(roster_feeds.c.user_id == user_id)
        .values(secret_sha256=digest(secret), created_at=now)
    )
    if not done.rowcount:
        conn.execute(
            insert(roster_feeds).values(
                user_id=user_id, secret_sha256=digest(secret), created_at=now
            )
        )
    return secret


def revoke(conn: Connection, user_id: int) -> bool:
    done = conn.execute(delete(roster_feeds).where(roster_feeds.c.user_id == user_id))
    return bool(done.rowcount)


def owner(conn: Connection, secret: str) -> int | None:
    """The active user whose feed `secret` opens, or None."""
    if not _SECRET.match(secret):
        return None
    found = conn.execute(
        select(roster_feeds.c.user_id)
        .join(users, users.c.id == roster_feeds.c.user_id)
        .where(roster_feeds.c.secret_sha256 == digest(secret), users.c.active.is_(True))
    ).scalar_one_or_none()
    return None if found is None else int(found)


def feed_window(today: date) -> tuple[date, date]:
    return today - timedelta(days=DAYS_BACK), today + timedelta(days=DAYS_AHEAD)


def shifts_ics(conn: Connection, user_id: int, today: date, now: datetime) -> bytes:
    start, end = feed_window(today)
    return to_ics(user_id, own_shifts(conn, user_id, start, end, published_only=True), now)


def to_ics(user_id: int, shifts: Sequence[dict[str, Any]], now: datetime) -> bytes:
    """One VEVENT per shift, times in UTC (every calendar app reads those the same way)."""
    cal = Calendar()
    cal.add("prodid", "-//Hulpmix//Rooster//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Hulpmix rooster")
    stamp = now.astimezone(UTC)
    for shift in shifts:
        event = Event()
        event.add("uid", f"hulpmix-shift-{user_id}-{shift['day']}@hulpmix")
        event.add("summary", SUMMARY)
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.fromisoformat(shift["start"]).astimezone(UTC))
        event.add("dtend", datetime.fromisoformat(shift["end"]).astimezone(UTC))
        if shift["colleagues"]:
            event.add("description", "Met: " + ", ".join(shift["colleagues"]))
        cal.add_component(event)
    return bytes(cal.to_ical())
