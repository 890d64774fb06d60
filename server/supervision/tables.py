"""The supervision tables (issue 6), on the one shared `metadata`.

`server/db/tables.py` imports this module at its very end, so every user of the metadata
(Alembic, the schema test) sees these tables. `staff_status.may_supervise` (a promoted
helper is no backup until an admin lifts it) is defined with its table there.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from server.db.tables import UTCDateTime, metadata

supervision_settings = Table(
    "supervision_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    #: JSON (the readiness rule's override).
    Column("value", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

trainee_training = Table(
    "trainee_training",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("national_date", Date, nullable=True),
    Column("national_trainer", String(200), nullable=False),
    Column("kindertelefoon_date", Date, nullable=True),
    Column("role_plays", Integer, nullable=False),
    Column("binder_read", Boolean, nullable=False),
    #: JSON object: refresher theme -> ISO date.
    Column("refreshers", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("updated_by", Integer, ForeignKey("users.id"), nullable=True),
)

#: Attended shifts (this slice fills it through the API; later the roster's attendance).
supervision_sittings = Table(
    "supervision_sittings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trainee_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("day", Date, nullable=False),
    Column("block", Integer, nullable=False),
    Column("professional_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("recorded_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    UniqueConstraint(
        "trainee_id", "day", "block", "professional_id", name="uq_supervision_sittings_shift"
    ),
)

supervision_observations = Table(
    "supervision_observations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trainee_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("observer_id", Integer, ForeignKey("users.id"), nullable=False),
    #: The chat's anonymous reference (never the youth's nickname).
    Column("chat_ref", String(64), nullable=False),
    Column("level", Integer, nullable=False),
    Column("strengths", Text, nullable=False),
    Column("points", Text, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_supervision_observations_trainee_id", "trainee_id"),
)

supervision_reviews = Table(
    "supervision_reviews",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trainee_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("reviewer_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("chat_ref", String(64), nullable=False),
    #: JSON object: rubric criterion -> score 0-4.
    Column("scores", Text, nullable=False),
    Column("comment", Text, nullable=False),
    #: A second reviewer of the same chat: for calibration, never counted twice.
    Column("calibration", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("released_at", UTCDateTime, nullable=True),
    Column("version", Integer, nullable=False),
    UniqueConstraint(
        "trainee_id", "chat_ref", "reviewer_id", name="uq_supervision_reviews_reviewer"
    ),
    Index("ix_supervision_reviews_trainee_id", "trainee_id"),
)

supervision_signoffs = Table(
    "supervision_signoffs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("trainee_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("signed_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("signed_at", UTCDateTime, nullable=False),
    #: JSON: `Readiness.snapshot()` at the moment of signing.
    Column("snapshot", Text, nullable=False),
    Column("remark", Text, nullable=False),
    Column("review_date", Date, nullable=True),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("revoked_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("revoke_reason", Text, nullable=True),
    Index("ix_supervision_signoffs_trainee_id", "trainee_id"),
)

intervision_meetings = Table(
    "intervision_meetings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("day", Date, nullable=False),
    #: One institution's meeting, or None: across institutions.
    Column("institution_id", Integer, ForeignKey("institutions.id"), nullable=True),
    #: incident, ten_step, balint, free
    Column("method", String(12), nullable=False),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=False),
)

intervision_participants = Table(
    "intervision_participants",
    metadata,
    Column(
        "meeting_id",
        Integer,
        ForeignKey("intervision_meetings.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    #: None until attendance is taken.
    Column("attended", Boolean, nullable=True),
    Index("ix_intervision_participants_user_id", "user_id"),
)

intervision_notes = Table(
    "intervision_notes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "meeting_id",
        Integer,
        ForeignKey("intervision_meetings.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    #: The whole note as JSON, Fernet-sealed: never plain text at rest.
    Column("sealed", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("version", Integer, nullable=False),
    #: The console's transaction id: a note queued offline and sent twice is stored once
    #: (migration 0006). None for notes made through the plain POST.
    Column("txn_id", String(64), nullable=True),
    Index("ix_intervision_notes_meeting_id", "meeting_id"),
    UniqueConstraint("author_id", "txn_id", name="uq_intervision_notes_author_txn"),
)

#: Who read which note when (the audit its author sees).
intervision_note_reads = Table(
    "intervision_note_reads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "note_id", Integer, ForeignKey("intervision_notes.id", ondelete="CASCADE"), nullable=False
    ),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_intervision_note_reads_note_id", "note_id"),
)
