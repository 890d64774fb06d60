"""Intervision notes carry the console's transaction id, so a note written offline and
queued in the console's outbox is stored once however often the outbox sends it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("intervision_notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("txn_id", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            "uq_intervision_notes_author_txn", ["author_id", "txn_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("intervision_notes", schema=None) as batch_op:
        batch_op.drop_constraint("uq_intervision_notes_author_txn", type_="unique")
        batch_op.drop_column("txn_id")
