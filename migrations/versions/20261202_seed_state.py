"""what was loaded from seeds/; seed runs in the audit trail; frozen release exports

Revision ID: 20261202_0008
Revises: 20261202_0007
Create Date: 2026-12-02 04:20:00.000000

``seed_state`` holds, per entry, the hash of the entry as last loaded from seeds/, so
that a reseed can tell a seed change from a change made through the API (issue 15).
It starts empty: the first seed after this upgrade records it for every entry that
equals its seed file, and treats any other as changed through the API (never lost).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_0008"
down_revision: str | None = "20261202_0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "seed_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("identifier", sa.String(length=200), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seed_state")),
        sa.UniqueConstraint("entity", "identifier", name=op.f("uq_seed_state_entity_identifier")),
    )
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("release_number", sa.Integer(), nullable=True))
    with op.batch_alter_table("data_release", schema=None) as batch_op:
        batch_op.add_column(sa.Column("export", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("data_release", schema=None) as batch_op:
        batch_op.drop_column("export")
    with op.batch_alter_table("change", schema=None) as batch_op:
        batch_op.drop_column("release_number")
    op.drop_table("seed_state")
