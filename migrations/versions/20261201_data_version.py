"""the data version: a token that every write changes, for the response cache

Revision ID: 20261201_0005
Revises: 20261125_0004
Create Date: 2026-12-01 17:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from migrations import data_version

revision: str = "20261201_0005"
down_revision: str | None = "20261125_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_data_version_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("INSERT INTO data_version (id, token) VALUES (1, gen_random_uuid()::text)")
        op.execute(
            "CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN UPDATE data_version SET token = gen_random_uuid()::text WHERE id = 1; "
            "RETURN NULL; END $$"
        )
    else:
        op.execute("INSERT INTO data_version (id, token) VALUES (1, lower(hex(randomblob(16))))")
    # The triggers on every table: migrations/env.py installs them after each upgrade.


def downgrade() -> None:
    data_version.remove(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION data_version_bump()")
    op.drop_table("data_version")
