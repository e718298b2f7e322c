"""key advances link to the species they report (Table S2)

Revision ID: 20261202_0007
Revises: 20261202_0006
Create Date: 2026-12-02 04:00:59.170930
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_0007"
down_revision: str | None = "20261202_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "key_advance_species",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_advance_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_advance_id"],
            ["key_advance.id"],
            name=op.f("fk_key_advance_species_key_advance_id_key_advance"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_key_advance_species_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_advance_species")),
        sa.UniqueConstraint(
            "key_advance_id",
            "position",
            name=op.f("uq_key_advance_species_key_advance_id_position"),
        ),
        sa.UniqueConstraint(
            "key_advance_id",
            "species_id",
            name=op.f("uq_key_advance_species_key_advance_id_species_id"),
        ),
    )
    with op.batch_alter_table("key_advance_species", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_key_advance_species_key_advance_id"), ["key_advance_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_key_advance_species_species_id"), ["species_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("key_advance_species", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_key_advance_species_species_id"))
        batch_op.drop_index(batch_op.f("ix_key_advance_species_key_advance_id"))

    op.drop_table("key_advance_species")
