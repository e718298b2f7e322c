"""The export names every row by a stable identifier that no other row of its table has."""

from sqlalchemy.orm import Session

from api.facts.kinds import KINDS
from api.outputs.export import tables_of


def test_every_exported_row_has_its_own_identifier(seeded: Session) -> None:
    for table, rows in tables_of(seeded).items():
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids)), f"{table} repeats an identifier"
        assert "None" not in ids, f"{table} names a row by a missing value"


def test_a_kind_is_named_by_its_identity_and_a_child_by_its_owner(seeded: Session) -> None:
    tables = tables_of(seeded)
    assert {row["id"] for row in tables["species"]} >= {"cds-msc-311", "cdte-smsc-371"}
    # A composition's formula is neither unique nor required: it is named by its species.
    assert "cds-msc-311/composition/1" in {row["id"] for row in tables["composition"]}
    for kind in KINDS:
        assert kind.model.__tablename__ in tables
