"""covering indexes for the arcs the path search reads and the peak filter

Revision ID: 20261125_0004
Revises: 20261125_0003
Create Date: 2026-11-25 13:55:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "20261125_0004"
down_revision: str | None = "20261125_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Reading a hub's few thousand arcs was one table lookup per arc (for reversible);
    # these indexes answer the path search from the index alone.
    with op.batch_alter_table("transformation", schema=None) as batch_op:
        batch_op.drop_index("ix_transformation_source_product")
        batch_op.drop_index(batch_op.f("ix_transformation_product_id"))
        batch_op.create_index(
            "ix_transformation_arcs_out",
            ["source_id", "product_id", "reversible", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_transformation_arcs_in",
            ["product_id", "source_id", "reversible", "id"],
            unique=False,
        )

    # The species peak filter read each matching peak's row for its species_id.
    with op.batch_alter_table("absorption_peak", schema=None) as batch_op:
        batch_op.drop_index("ix_absorption_peak_peak")
        batch_op.create_index(
            "ix_absorption_peak_window",
            ["peak_nm", "peak_low_nm", "peak_high_nm", "species_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("absorption_peak", schema=None) as batch_op:
        batch_op.drop_index("ix_absorption_peak_window")
        batch_op.create_index("ix_absorption_peak_peak", ["peak_nm", "peak_low_nm"], unique=False)
    with op.batch_alter_table("transformation", schema=None) as batch_op:
        batch_op.drop_index("ix_transformation_arcs_in")
        batch_op.drop_index("ix_transformation_arcs_out")
        batch_op.create_index(
            batch_op.f("ix_transformation_product_id"), ["product_id"], unique=False
        )
        batch_op.create_index(
            "ix_transformation_source_product", ["source_id", "product_id"], unique=False
        )
