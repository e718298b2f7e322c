"""write hits: the write rate limit in the database, shared by every server process

Revision ID: 20261202_0011
Revises: 20261202_0010
Create Date: 2026-12-02 06:50:00.000000

``msckb serve --workers N`` runs several processes; a limit counted in each would let a
key write N times its limit. ``write_hit`` holds each key's writes of the last minute.
It is left out of the data version's triggers (migrations/data_version.py): counting a
write is not a change of the data, and must not empty the response caches.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_0011"
down_revision: str | None = "20261202_0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "write_hit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_name", sa.String(length=80), nullable=False),
        sa.Column("at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_write_hit")),
    )
    op.create_index("ix_write_hit_key_name_at", "write_hit", ["key_name", "at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_write_hit_key_name_at", table_name="write_hit")
    op.drop_table("write_hit")
