"""`msckb dump-seeds`: the database written back as seed files loads without change."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.seeding.dump import write_seed_files
from api.seeding.loader import load, read_and_check
from api.seeding.schemas import SEED_FILES
from models import MaldiPeak, Species
from tests.conftest import Keys


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


def test_edits_through_the_api_come_back_as_seed_files(
    api: TestClient, keys: Keys, seeded: Session, session: Session, tmp_path: Path
) -> None:
    evidence = {"ref": "he_transformations", "locator": "Note S2", "status": "argued"}
    created = api.post(
        "/api/v1/species",
        json={
            "slug": "inp-pc-msc",
            "material": "InP",
            "kind": "pc",
            "label": "PC/MSC",
            "evidence": evidence,
        },
        headers=keys.curator,
    )
    assert created.status_code == 201, created.text
    write_seed_files(seeded, tmp_path)
    assert "inp-pc-msc" in (tmp_path / "species.yaml").read_text(encoding="utf-8")

    assert not load(seeded, read_and_check(tmp_path)).changed
    fresh = load(session, read_and_check(tmp_path))
    assert fresh.tallies["species"].created == len(
        api.get("/api/v1/species", params={"limit": 500}).json()["data"]
    )
    assert session.scalars(select(Species.label).where(Species.slug == "inp-pc-msc")).one() == (
        "PC/MSC"
    )
