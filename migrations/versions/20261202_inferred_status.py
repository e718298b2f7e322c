"""evidence status "inferred"; comparison finding "slightly different"

Revision ID: 20261202_0006
Revises: 20261201_0005
Create Date: 2026-12-02 04:00:00.000000

Both enumerations are VARCHAR columns with a named CHECK constraint (never a native
type, see models/enums.py), so a new value means a wider CHECK. PostgreSQL drops and
adds the constraint. SQLite cannot alter a CHECK, and its batch mode would recreate
the tables: dropping ``species`` (with foreign keys on, as the engine sets them) would
cascade to its peaks and compositions or fail on the transformations' RESTRICT. So on
SQLite the CHECK text is rewritten in the schema, the procedure SQLite documents for
loosening a constraint (https://sqlite.org/lang_altertable.html#otheralter), checked
table by table.

The downgrade refuses while a row holds a new value: the older schema has no honest
way to say "inferred" or "slightly different", and relabelling them would upgrade or
change a curated fact. Remove or restate those rows (seed older files) first.
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import Connection

revision: str = "20261202_0006"
down_revision: str | None = "20261201_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVIDENCE_TABLES = (
    "absorption_peak",
    "characterization",
    "comparison",
    "composition",
    "counterpart",
    "experiment",
    "glossary_term",
    "isomer_pair",
    "isosbestic_point",
    "key_advance",
    "kinetics",
    "maldi_matrix",
    "maldi_measurement",
    "mechanism",
    "monomer_formula",
    "observation",
    "physical_constant",
    "quasi_isomer_group",
    "size_measurement",
    "species",
    "synthesis",
    "transformation",
    "transformation_mechanism",
)
"""Every table with the evidence columns (models/evidence.py EvidenceMixin)."""

OLD_STATUSES = ("reported", "proposed", "hypothesised", "argued", "claimed", "attributed")
NEW_STATUSES = (*OLD_STATUSES, "inferred")
OLD_FINDINGS = ("similar", "different")
NEW_FINDINGS = (*OLD_FINDINGS, "slightly different")

# (table, column, constraint suffix, old values, new values)
CHECKS = [
    *(
        (table, "status", "evidence_status", OLD_STATUSES, NEW_STATUSES)
        for table in EVIDENCE_TABLES
    ),
    ("comparison", "finding", "finding", OLD_FINDINGS, NEW_FINDINGS),
]


def _condition(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _rewrite_sqlite(connection: Connection, upgrading: bool) -> None:
    version = connection.exec_driver_sql("PRAGMA schema_version").scalar_one()
    connection.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, column, suffix, old, new in CHECKS:
            before, after = (old, new) if upgrading else (new, old)
            name = f"ck_{table}_{suffix}"
            was = f"CONSTRAINT {name} CHECK ({_condition(column, before)})"
            becomes = f"CONSTRAINT {name} CHECK ({_condition(column, after)})"
            sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).scalar_one()
            if sql.count(was) != 1:
                raise RuntimeError(f"{table}: expected the constraint {was!r} in {sql!r}")
            connection.exec_driver_sql(
                "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
                (sql.replace(was, becomes), table),
            )
        connection.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        connection.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
    if problems != ["ok"]:
        raise RuntimeError(f"integrity check after rewriting the constraints: {problems}")


def _replace_postgresql(upgrading: bool) -> None:
    for table, column, suffix, old, new in CHECKS:
        name = op.f(f"ck_{table}_{suffix}")
        op.drop_constraint(name, table, type_="check")
        op.create_check_constraint(name, table, _condition(column, new if upgrading else old))


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        _rewrite_sqlite(connection, upgrading=True)
    else:
        _replace_postgresql(upgrading=True)


def downgrade() -> None:
    connection = op.get_bind()
    held = []
    for table, column, _suffix, old, new in CHECKS:
        added = [v for v in new if v not in old]
        count = connection.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE {_condition(column, added)}"
        ).scalar_one()
        if count:
            held.append(f"{table}.{column}: {count}")
    if held:
        raise RuntimeError(
            "Cannot downgrade: rows hold a status or finding the older schema cannot "
            f"express ({'; '.join(held)}). Remove or restate them first."
        )
    if connection.dialect.name == "sqlite":
        _rewrite_sqlite(connection, upgrading=False)
    else:
        _replace_postgresql(upgrading=False)
