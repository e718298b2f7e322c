"""`msckb dump-seeds`: the database written back as seed files loads without change."""

import difflib
import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.seeding.dump import write_seed_files
from api.seeding.loader import load, read_and_check
from api.seeding.schemas import SEED_FILES
from models import MaldiPeak, Reference, Species
from tests.conftest import SEEDS_DIR, Keys


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


def _copy_of_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def _unchanged_files(directory: Path, *but: str) -> None:
    for path in SEEDS_DIR.iterdir():
        if path.name not in but:
            assert (directory / path.name).read_bytes() == path.read_bytes(), path.name


def test_dumping_an_unchanged_database_leaves_seeds_byte_identical(
    seeded: Session, tmp_path: Path
) -> None:
    seeds = _copy_of_seeds(tmp_path)
    assert write_seed_files(seeded, seeds) == []
    _unchanged_files(seeds)


def test_one_api_edit_dumps_as_that_entrys_lines_only(
    api: TestClient, keys: Keys, seeded: Session, tmp_path: Path
) -> None:
    seeds = _copy_of_seeds(tmp_path)
    tag = api.get("/api/v1/species/cds-msc-322").headers["ETag"]
    patched = api.patch(
        "/api/v1/species/cds-msc-322",
        json={"aliases": ["MSC322"]},
        headers={**keys.curator, "If-Match": tag},
    )
    assert patched.status_code == 200, patched.text

    assert write_seed_files(seeded, seeds) == [seeds / "species.yaml"]
    _unchanged_files(seeds, "species.yaml")
    old = (SEEDS_DIR / "species.yaml").read_text(encoding="utf-8").splitlines()
    new = (seeds / "species.yaml").read_text(encoding="utf-8").splitlines()
    changes = [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changes == ["+  aliases: [MSC322]"]
    # The line lands inside cds-msc-322's entry.
    at = new.index("  aliases: [MSC322]")
    entry_start = max(i for i, line in enumerate(new[:at]) if line.startswith("- slug: "))
    assert new[entry_start] == "- slug: cds-msc-322"
    assert not load(seeded, read_and_check(seeds)).changed


def test_a_reference_edit_rewrites_that_field_of_references_bib_only(
    seeded: Session, tmp_path: Path
) -> None:
    seeds = _copy_of_seeds(tmp_path)
    reference = seeded.scalars(select(Reference).where(Reference.key == "jacs2002")).one()
    reference.volume = "125"
    seeded.flush()
    assert write_seed_files(seeded, seeds) == [seeds / "references.bib"]
    old = (SEEDS_DIR / "references.bib").read_text(encoding="utf-8").splitlines()
    new = (seeds / "references.bib").read_text(encoding="utf-8").splitlines()
    changes = [
        line
        for line in difflib.unified_diff(old, new, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changes == ["-  volume = {124},", "+  volume = {125},"]


def test_a_new_and_a_deleted_entry_are_appended_and_removed(
    api: TestClient, keys: Keys, seeded: Session, tmp_path: Path
) -> None:
    seeds = _copy_of_seeds(tmp_path)
    evidence = {"ref": "he_transformations", "locator": "Note S2", "status": "argued"}
    body = {"slug": "inp-pc-x", "material": "InP", "kind": "pc", "label": "PC-X"}
    created = api.post("/api/v1/species", json={**body, "evidence": evidence}, headers=keys.curator)
    assert created.status_code == 201, created.text
    url = "/api/v1/maldi/cds-pcs-table-s4-row-5"
    tag = api.get(url).headers["ETag"]
    gone = api.delete(url, headers={**keys.admin, "If-Match": tag})
    assert gone.status_code == 200, gone.text

    write_seed_files(seeded, seeds)
    old_maldi = (SEEDS_DIR / "maldi.yaml").read_text(encoding="utf-8")
    entry = old_maldi[old_maldi.index("- slug: cds-pcs-table-s4-row-5") :]
    entry = entry[: entry.index("\n- ") + 1]
    assert (seeds / "maldi.yaml").read_text(encoding="utf-8") == old_maldi.replace(entry, "")
    new = (seeds / "species.yaml").read_text(encoding="utf-8")
    old = (SEEDS_DIR / "species.yaml").read_text(encoding="utf-8")
    appended = (
        "- slug: inp-pc-x\n  material: InP\n  kind: pc\n  label: PC-X\n"
        "  evidence: {ref: he_transformations, locator: Note S2, status: argued}\n"
    )
    # At the end of its section: the file's next section (property dependences) follows.
    species, rest = old.split("\n# That a property depends", 1)
    assert new == species + "\n" + appended + "# That a property depends" + rest
    assert not load(seeded, read_and_check(seeds)).changed
