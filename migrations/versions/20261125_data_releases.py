"""data releases; a MALDI charge may be unknown

Revision ID: 20261125_0002
Revises: 20261124_0001
Create Date: 2026-11-25 10:26:57.789314
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261125_0002"
down_revision: str | None = "20261124_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "data_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint("length(content_hash) = 64", name=op.f("ck_data_release_sha256")),
        sa.CheckConstraint("number >= 1", name=op.f("ck_data_release_number_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_release")),
        sa.UniqueConstraint("number", name=op.f("uq_data_release_number")),
    )
    # Note S2 gives the InP masses without a charge state: unknown, not 1.
    with op.batch_alter_table("maldi_peak", schema=None) as batch_op:
        batch_op.alter_column(
            "charge", existing_type=sa.Integer(), nullable=True, server_default=None
        )


def downgrade() -> None:
    # The old schema cannot say "unknown": such charges go back to the old default, 1.
    op.execute("UPDATE maldi_peak SET charge = 1 WHERE charge IS NULL")
    with op.batch_alter_table("maldi_peak", schema=None) as batch_op:
        batch_op.alter_column(
            "charge", existing_type=sa.Integer(), nullable=False, server_default="1"
        )
    op.drop_table("data_release")
