"""property dependences (Figure S2) and cluster links (Note S2)

Revision ID: 20261202_0010
Revises: 20261202_0009
Create Date: 2026-12-02 06:45:58.598449
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "20261202_0010"
down_revision: str | None = "20261202_0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cluster_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("cluster_id", sa.Integer(), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "mass-spectrum",
                "composition",
                name="cluster_relation",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
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
        sa.CheckConstraint(
            "species_id <> cluster_id", name=op.f("ck_cluster_link_distinct_species")
        ),
        sa.ForeignKeyConstraint(
            ["cluster_id"],
            ["species.id"],
            name=op.f("fk_cluster_link_cluster_id_species"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reference_id"],
            ["reference.id"],
            name=op.f("fk_cluster_link_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_cluster_link_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cluster_link")),
        sa.UniqueConstraint(
            "species_id",
            "cluster_id",
            "relation",
            name=op.f("uq_cluster_link_species_id_cluster_id_relation"),
        ),
    )
    with op.batch_alter_table("cluster_link", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cluster_link_cluster_id"), ["cluster_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cluster_link_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_cluster_link_species_id"), ["species_id"], unique=False
        )

    op.create_table(
        "property_dependence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("species_id", sa.Integer(), nullable=False),
        sa.Column("property", sa.String(length=120), nullable=False),
        sa.Column("depends_on", sa.String(length=120), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
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
            name=op.f("fk_property_dependence_reference_id_reference"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["species_id"],
            ["species.id"],
            name=op.f("fk_property_dependence_species_id_species"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_property_dependence")),
        sa.UniqueConstraint(
            "species_id",
            "property",
            "depends_on",
            name=op.f("uq_property_dependence_species_id_property_depends_on"),
        ),
    )
    with op.batch_alter_table("property_dependence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_property_dependence_reference_id"), ["reference_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_property_dependence_species_id"), ["species_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("property_dependence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_property_dependence_species_id"))
        batch_op.drop_index(batch_op.f("ix_property_dependence_reference_id"))

    op.drop_table("property_dependence")
    with op.batch_alter_table("cluster_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cluster_link_species_id"))
        batch_op.drop_index(batch_op.f("ix_cluster_link_reference_id"))
        batch_op.drop_index(batch_op.f("ix_cluster_link_cluster_id"))

    op.drop_table("cluster_link")
