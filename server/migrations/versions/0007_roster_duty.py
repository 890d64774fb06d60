"""Roster duty (issue 5): replacement requests, availability starts and attendance marks.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_replacements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("requester_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_by", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_roster_replacements_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["requester_id"], ["users.id"], name=op.f("fk_roster_replacements_requester_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["taken_by"], ["users.id"], name=op.f("fk_roster_replacements_taken_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_replacements")),
    )
    with op.batch_alter_table("roster_replacements", schema=None) as batch_op:
        batch_op.create_index("ix_roster_replacements_day", ["day", "idx"], unique=False)
        batch_op.create_index("ix_roster_replacements_state", ["state"], unique=False)

    op.create_table(
        "roster_availability",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_roster_availability_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_availability")),
    )
    with op.batch_alter_table("roster_availability", schema=None) as batch_op:
        batch_op.create_index("ix_roster_availability_user_id", ["user_id", "at"], unique=False)

    op.create_table(
        "roster_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("block_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("arrived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("minutes_late", sa.Integer(), nullable=True),
        sa.Column("marked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["institution_id"],
            ["institutions.id"],
            name=op.f("fk_roster_attendance_institution_id_institutions"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_roster_attendance_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_attendance")),
        sa.UniqueConstraint("day", "idx", "user_id", name="uq_roster_attendance_seat"),
    )
    with op.batch_alter_table("roster_attendance", schema=None) as batch_op:
        batch_op.create_index("ix_roster_attendance_user_id", ["user_id", "day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("roster_attendance", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_attendance_user_id")
    op.drop_table("roster_attendance")
    with op.batch_alter_table("roster_availability", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_availability_user_id")
    op.drop_table("roster_availability")
    with op.batch_alter_table("roster_replacements", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_replacements_state")
        batch_op.drop_index("ix_roster_replacements_day")
    op.drop_table("roster_replacements")
