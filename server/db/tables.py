"""The schema, as SQLAlchemy Core tables. Migrations in server/migrations must match it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    true,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


institutions = Table(
    "institutions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(200), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("failed_logins", Integer, nullable=False),
    Column("last_failed_at", UTCDateTime, nullable=True),
    Column("locked_until", UTCDateTime, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
)

user_roles = Table(
    "user_roles",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(32), primary_key=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("refresh_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Index("ix_sessions_user_id", "user_id"),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("stream", String(100), nullable=False),
    Column("kind", String(100), nullable=False),
    Column("audience", String(100), nullable=False),
    Column("data", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_events_at", "at"),
    #: A youth reads only their chat's audiences.
    Index("ix_events_audience", "audience", "seq"),
)

event_counter = Table(
    "event_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", Integer, nullable=False),
)

team_messages = Table(
    "team_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("txn_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    UniqueConstraint("author_id", "txn_id", name="uq_team_messages_author_txn"),
    Index("ix_team_messages_institution_id", "institution_id", "id"),
)

server_secrets = Table(
    "server_secrets",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# --- Chat (issue 3) ---------------------------------------------------------------------

chat_settings = Table(
    "chat_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

staff_status = Table(
    "staff_status",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("since", UTCDateTime, nullable=False),
    #: The later of: the end of their last chat, the moment they became available.
    Column("waiting_since", UTCDateTime, nullable=False),
    Column("last_seen", UTCDateTime, nullable=False),
    Column("capacity", Integer, nullable=False),
    #: A trainee not yet signed off chats only while a backup is available.
    Column("needs_backup", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    #: False for a helper promoted from trainee: no backup (routing, roster) until an admin
    #: lifts it (issue 6, migration 0005).
    Column("may_supervise", Boolean, nullable=False, server_default=true()),
)

chats = Table(
    "chats",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("resume_hash", String(64), nullable=True, unique=True),
    Column("nickname", String(40), nullable=True),
    Column("age", Integer, nullable=True),
    Column("theme", String(100), nullable=True),
    Column("state", String(24), nullable=False),
    Column("short_chat", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    #: Place in the queue: the arrival, kept through a hand-over so it comes first again.
    Column("queue_since", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime, nullable=True),
    Column("ended_at", UTCDateTime, nullable=True),
    Column("end_reason", String(24), nullable=True),
    Column("helper_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    #: When the helper's connection was found gone (None while connected).
    Column("helper_lost_at", UTCDateTime, nullable=True),
    Column("youth_seen_at", UTCDateTime, nullable=False),
    Column("youth_connected", Boolean, nullable=False),
    #: After a hand-over: may the new helper read the earlier messages (None: not asked).
    Column("history_shared", Boolean, nullable=True),
    Column("purged_at", UTCDateTime, nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_chats_state", "state"),
    Index("ix_chats_helper_id", "helper_id"),
)

chat_assignments = Table(
    "chat_assignments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", Integer, ForeignKey("chats.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("reason", String(40), nullable=False),
    Column("backup_user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("passed_over", Text, nullable=False),
    Column("assigned_at", UTCDateTime, nullable=False),
    #: The first event seq this person may read of the chat.
    Column("from_seq", Integer, nullable=False),
    Column("ended_at", UTCDateTime, nullable=True),
    #: The last event seq this person may read (set when the chat ends or is handed over).
    Column("until_seq", Integer, nullable=True),
    Column("end_cause", String(24), nullable=True),
    Index("ix_chat_assignments_user_id", "user_id"),
    Index("ix_chat_assignments_chat_id", "chat_id"),
)

chat_messages = Table(
    "chat_messages",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", Integer, ForeignKey("chats.id", ondelete="CASCADE"), nullable=False),
    #: youth, helper, system, whisper, consult
    Column("sender", String(10), nullable=False),
    Column("author_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("txn_id", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    UniqueConstraint("chat_id", "sender", "txn_id", name="uq_chat_messages_chat_sender_txn"),
    Index("ix_chat_messages_chat_id", "chat_id", "seq"),
)

chat_phases = Table(
    "chat_phases",
    metadata,
    Column("chat_id", Integer, ForeignKey("chats.id", ondelete="CASCADE"), primary_key=True),
    Column("phase", String(16), primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("reached_at", UTCDateTime, nullable=False),
)

chat_registrations = Table(
    "chat_registrations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", Integer, ForeignKey("chats.id"), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("theme", String(100), nullable=False),
    Column("subtopic", String(100), nullable=True),
    Column("seemed_serious", Boolean, nullable=False),
    Column("target_group", String(16), nullable=False),
    Column("referral", String(8), nullable=False),
    Column("referred_to", String(200), nullable=False),
    Column("crisis", Boolean, nullable=False),
    Column("phases", String(100), nullable=False),
    Column("remark", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

chat_surveys = Table(
    "chat_surveys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", Integer, ForeignKey("chats.id"), nullable=False, unique=True),
    Column("age", Integer, nullable=True),
    Column("gender", String(100), nullable=False),
    Column("country_father", String(100), nullable=False),
    Column("country_mother", String(100), nullable=False),
    Column("understood", String(8), nullable=True),
    Column("helped", String(16), nullable=True),
    Column("comment", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
)

referrals = Table(
    "referrals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("chat_id", Integer, ForeignKey("chats.id"), nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("helper_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("service", String(200), nullable=False),
    Column("consent", Boolean, nullable=False),
    #: The youth's contact details, Fernet-sealed; None once destroyed (or never given).
    Column("sealed_contact", Text, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    Column("destroyed_at", UTCDateTime, nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_referrals_institution_id", "institution_id"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", String(100), nullable=False),
    Index("ix_audit_log_subject", "subject"),
)

# --- Forum (issue 4) --------------------------------------------------------------------

forum_settings = Table(
    "forum_settings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    #: JSON: windows, rotation, danger words, reasons, guidelines (see server/forum/settings).
    Column("data", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

forum_rounds = Table(
    "forum_rounds",
    metadata,
    Column("id", Integer, primary_key=True),
    #: The Dutch calendar day, YYYY-MM-DD.
    Column("day", String(10), nullable=False),
    Column("window_start", String(5), nullable=False),
    Column("window_end", String(5), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    Column("ends_at", UTCDateTime, nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    #: upcoming, open, closed, missed
    Column("state", String(10), nullable=False),
    Column("opened_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("opened_at", UTCDateTime, nullable=True),
    Column("closed_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("closed_at", UTCDateTime, nullable=True),
    #: JSON, stored when the round closes.
    Column("summary", Text, nullable=True),
    Column("version", Integer, nullable=False),
    UniqueConstraint("day", "window_start", name="uq_forum_rounds_day_window"),
    Index("ix_forum_rounds_state", "state", "ends_at"),
)

forum_posts = Table(
    "forum_posts",
    metadata,
    Column("id", Integer, primary_key=True),
    #: topic, reply, story
    Column("kind", String(8), nullable=False),
    #: pending, held, escalated, published, rejected
    Column("status", String(12), nullable=False),
    Column("theme", String(100), nullable=True),
    Column("parent_id", Integer, ForeignKey("forum_posts.id"), nullable=True),
    #: What the youth typed, never changed. No address or user agent is kept.
    Column("title", String(200), nullable=True),
    Column("body", Text, nullable=False),
    Column("replies_welcome", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    #: What the public sees (the typed text, or the screener's edit); None until published.
    Column("published_title", String(200), nullable=True),
    Column("published_body", Text, nullable=True),
    Column("published_at", UTCDateTime, nullable=True),
    #: The decision in force (forum_decisions.id; no FK: the two tables point at each other).
    Column("decision_id", Integer, nullable=True),
    Column("claim_user_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("claim_until", UTCDateTime, nullable=True),
    Column("version", Integer, nullable=False),
    #: The page's random id for this post, so a resend after a lost answer is one post.
    Column("client_id", String(64), nullable=True),
    UniqueConstraint("client_id", name="uq_forum_posts_client_id"),
    Index("ix_forum_posts_status", "status", "id"),
    Index("ix_forum_posts_parent_id", "parent_id", "status"),
)

forum_decisions = Table(
    "forum_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("post_id", Integer, ForeignKey("forum_posts.id"), nullable=False),
    Column("txn_id", String(64), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("round_id", Integer, ForeignKey("forum_rounds.id"), nullable=True),
    #: publish, edit, reject, hold, escalate
    Column("decision", String(12), nullable=False),
    Column("reason", String(40), nullable=True),
    Column("remark", Text, nullable=True),
    Column("published_title", String(200), nullable=True),
    Column("published_body", Text, nullable=True),
    #: JSON list of [op, text] (an edit's visible word diff of the body).
    Column("diff", Text, nullable=True),
    Column("at", UTCDateTime, nullable=False),
    Column("undone_at", UTCDateTime, nullable=True),
    UniqueConstraint("user_id", "txn_id", name="uq_forum_decisions_user_txn"),
    Index("ix_forum_decisions_post_id", "post_id"),
    Index("ix_forum_decisions_round_id", "round_id"),
    Index("ix_forum_decisions_at", "at"),
)

# --- Roster (issue 5) -------------------------------------------------------------------

roster_blocks = Table(
    "roster_blocks",
    metadata,
    Column("id", Integer, primary_key=True),
    #: The Dutch service day.
    Column("day", Date, nullable=False),
    #: The block's index within the day (0-based).
    Column("idx", Integer, nullable=False),
    #: The draft: which institution takes the block (None: nobody yet).
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    #: What the last publication said.
    Column("published_institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    #: Fixed by a coordinator: a proposal never moves it.
    Column("pinned", Boolean, nullable=False),
    #: The two seats, filled by the block's institution.
    Column("seat1_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("seat2_id", Integer, ForeignKey("users.id"), nullable=True),
    Column("version", Integer, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
    UniqueConstraint("day", "idx", name="uq_roster_blocks_day_idx"),
    Index("ix_roster_blocks_seat1_id", "seat1_id", "day"),
    Index("ix_roster_blocks_seat2_id", "seat2_id", "day"),
)

roster_forum = Table(
    "roster_forum",
    metadata,
    Column("day", Date, primary_key=True),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    Column("published_institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    Column("version", Integer, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
)

roster_commitments = Table(
    "roster_commitments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("min_blocks", Integer, nullable=False),
    Column("max_blocks", Integer, nullable=False),
    #: JSON list of weekdays (0 = Monday).
    Column("preferred_weekdays", Text, nullable=False),
    #: JSON list of ISO dates.
    Column("unavailable_dates", Text, nullable=False),
    Column("version", Integer, nullable=False),
    UniqueConstraint(
        "institution_id", "period_start", "period_end", name="uq_roster_commitments_period"
    ),
)

roster_person_unavailable = Table(
    "roster_person_unavailable",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    #: A recurring weekday (0 = Monday), or None.
    Column("weekday", Integer, nullable=True),
    #: One date, or None.
    Column("day", Date, nullable=True),
    Index("ix_roster_person_unavailable_user_id", "user_id"),
)

roster_publications = Table(
    "roster_publications",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("published_at", UTCDateTime, nullable=False),
    Column("published_by", Integer, ForeignKey("users.id"), nullable=False),
    Index("ix_roster_publications_period", "period_start", "period_end"),
)

roster_proposals = Table(
    "roster_proposals",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("period_start", Date, nullable=False),
    Column("period_end", Date, nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    #: optimal, feasible (the solver's status)
    Column("status", String(10), nullable=False),
    #: JSON: the answer given (changes and figures).
    Column("body", Text, nullable=False),
    #: JSON: the versions of the block and forum rows the proposal saw.
    Column("stamps", Text, nullable=False),
    #: open, accepted, rejected
    Column("state", String(10), nullable=False),
)

roster_feeds = Table(
    "roster_feeds",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    #: SHA-256 (hex) of the secret in the feed's URL; the secret itself is never stored.
    Column("secret_sha256", String(64), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
)

roster_replacements = Table(
    "roster_replacements",
    metadata,
    Column("id", Integer, primary_key=True),
    #: The block the requester sits in.
    Column("day", Date, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    Column("requester_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("reason", Text, nullable=False),
    #: open, taken, withdrawn (an open one whose block started or whose requester left the
    #: block reads as lapsed)
    Column("state", String(10), nullable=False),
    Column("version", Integer, nullable=False),
    Column("requested_at", UTCDateTime, nullable=False),
    Column("taken_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("taken_at", UTCDateTime, nullable=True),
    Column("withdrawn_at", UTCDateTime, nullable=True),
    Index("ix_roster_replacements_day", "day", "idx"),
    Index("ix_roster_replacements_state", "state"),
)

roster_availability = Table(
    "roster_availability",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    #: When the person became available (staff_status keeps only the latest change).
    Column("at", UTCDateTime, nullable=False),
    Index("ix_roster_availability_user_id", "user_id", "at"),
)

roster_attendance = Table(
    "roster_attendance",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False),
    Column("idx", Integer, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=False),
    #: present, late, no_show
    Column("status", String(8), nullable=False),
    Column("block_start", UTCDateTime, nullable=False),
    Column("arrived_at", UTCDateTime, nullable=True),
    Column("minutes_late", Integer, nullable=True),
    Column("marked_at", UTCDateTime, nullable=False),
    UniqueConstraint("day", "idx", "user_id", name="uq_roster_attendance_seat"),
    Index("ix_roster_attendance_user_id", "user_id", "day"),
)

# --- Supervision (issue 6): defined in server/supervision/tables.py on this metadata -----
# Imported last, so every user of `metadata` (Alembic, the schema test) sees those tables.
from server.supervision import tables as _supervision_tables  # noqa: E402, F401
