"""`msckb dump-seeds`: the database written back as seed files loads without change."""

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.seeding.dump import write_seed_files
from api.seeding.loader import load, read_and_check
from api.seeding.schemas import SEED_FILES
from models import MaldiPeak


def test_dump_then_seed_changes_nothing(seeded: Session, tmp_path: Path) -> None:
    written = write_seed_files(seeded, tmp_path)
    assert {p.name for p in written} == {*SEED_FILES, "references.bib"}
    report = load(seeded, read_and_check(tmp_path))
    assert not report.changed, [name for name, t in report.tallies.items() if t.changed]


def test_an_edit_in_the_database_shows_in_the_dump(seeded: Session, tmp_path: Path) -> None:
    peak = seeded.scalars(select(MaldiPeak).where(MaldiPeak.mass_da == 5008.0)).one()
    peak.mass_da = 5009.5
    seeded.flush()
    write_seed_files(seeded, tmp_path)
    text = (tmp_path / "maldi.yaml").read_text(encoding="utf-8")
    assert "5009.5" in text
    assert "5008" not in text
    # Unknown charges are written as null, never dropped to a default.
    assert "charge: null" in text
