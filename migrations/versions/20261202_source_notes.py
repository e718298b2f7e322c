"""source notes: what the source states beside its tables' rows (Table S2's note)

Revision ID: 20261202_0009
Revises: 20261202_0008
Create Date: 2026-12-02 04:48:36.554225
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_0009"
down_revision: str | None = "20261202_0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("locator", sa.String(length=120), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "reported",
                "proposed",
                "hypothesised",
                "argued",
                "claimed",
                "attributed",
                "inferred",
                name="evidence_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("approximate", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("reference_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_source_note_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_note")),
        sa.UniqueConstraint("slug", name=op.f("uq_source_note_slug")),
    )
    with op.batch_alter_table("source_note", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_source_note_reference_id"), ["reference_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("source_note", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_note_reference_id"))

    op.drop_table("source_note")
