"""Seeding beside curation through the API: nothing curated is ever lost.

Each test writes through the HTTP API on the seeded database, then loads seed files
(the project's, or an edited copy) into the same database."""

import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from api.outputs.export import content_hash, tables_of
from api.seeding.dump import write_seed_files
from api.seeding.loader import SeedConflict, load, read_and_check
from api.store.db import TOKEN_SQL
from models import Change, MaldiPeak, Species
from tests.conftest import SEEDS_DIR, Keys

EVIDENCE: dict[str, Any] = {"ref": "he_transformations", "locator": "Note S1", "status": "reported"}
NEW_SPECIES: dict[str, Any] = {
    "slug": "cds-msc-350",
    "material": "CdS",
    "kind": "msc",
    "label": "MSC-350",
    "evidence": EVIDENCE,
}
OLD_DESCRIPTION = "CdS MSC with a sharp absorption peak at 311 nm (Table S2 [10])"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def create(api: TestClient, keys: Keys, body: dict[str, Any] = NEW_SPECIES) -> None:
    response = api.post("/api/v1/species", json=body, headers=keys.curator)
    assert response.status_code == 201, response.text


def patch(api: TestClient, keys: Keys, slug: str, changes: dict[str, Any]) -> None:
    tag = api.get(f"/api/v1/species/{slug}").headers["ETag"]
    response = api.patch(
        f"/api/v1/species/{slug}", json=changes, headers={**keys.curator, "If-Match": tag}
    )
    assert response.status_code == 200, response.text


def description(session: Session, slug: str) -> str | None:
    return session.scalars(select(Species.description).where(Species.slug == slug)).one()


def test_an_entry_created_through_the_api_survives_a_reseed(
    api: TestClient, keys: Keys, seeded: Session
) -> None:
    create(api, keys)
    report = load(seeded, read_and_check(SEEDS_DIR))
    assert not report.changed
    assert report.kept == ["species:cds-msc-350"]
    assert report.tallies["species"].kept == 1
    assert api.get("/api/v1/species/cds-msc-350").status_code == 200


def test_an_api_change_survives_a_reseed_of_unchanged_seeds(
    api: TestClient, keys: Keys, seeded: Session
) -> None:
    patch(api, keys, "cds-msc-311", {"description": "Curated through the API."})
    create(api, keys)
    before = content_hash(tables_of(seeded))
    token = seeded.execute(text(TOKEN_SQL)).scalar()
    assert not load(seeded, read_and_check(SEEDS_DIR)).changed
    assert content_hash(tables_of(seeded)) == before
    # Not a row written anywhere (the data version moves with any write to any table).
    assert seeded.execute(text(TOKEN_SQL)).scalar() == token


def test_seed_changes_apply_to_untouched_entries_beside_api_changes(
    api: TestClient, keys: Keys, seeded: Session, seeds_copy: Path
) -> None:
    patch(api, keys, "cds-msc-311", {"description": "Curated through the API."})
    edit(seeds_copy / "maldi.yaml", "5008", "5009")
    report = load(seeded, read_and_check(seeds_copy))
    assert {name for name, t in report.tallies.items() if t.changed} == {"MALDI measurements"}
    assert 5009.0 in seeded.scalars(select(MaldiPeak.mass_da)).all()
    assert description(seeded, "cds-msc-311") == "Curated through the API."


def test_a_seed_change_over_an_api_change_is_refused_and_writes_nothing(
    api: TestClient, keys: Keys, seeded: Session, seeds_copy: Path
) -> None:
    patch(api, keys, "cds-msc-311", {"description": "Curated through the API."})
    edit(seeds_copy / "species.yaml", OLD_DESCRIPTION, "CdS MSC peaking at 311 nm (Table S2 [10])")
    edit(seeds_copy / "maldi.yaml", "5008", "5009")  # would apply, but nothing is written
    before = content_hash(tables_of(seeded))

    with pytest.raises(SeedConflict) as caught:
        load(seeded, read_and_check(seeds_copy))

    (conflict,) = caught.value.conflicts
    assert conflict.startswith("seeds/species.yaml: species (cds-msc-311): description: ")
    assert 'seeds/ has "CdS MSC peaking at 311 nm' in conflict
    assert 'the database has "Curated through the API."' in conflict
    assert conflict.endswith(
        "(changed through the API by curie since the last load, and in seeds/)"
    )
    assert content_hash(tables_of(seeded)) == before


def test_a_seed_deletion_of_an_api_changed_entry_is_refused(
    api: TestClient, keys: Keys, seeded: Session, seeds_copy: Path
) -> None:
    create(api, keys)
    seeds = read_and_check(SEEDS_DIR)
    # The entry reaches seeds/ (as dump-seeds would write it), then the API changes it
    # and the seed files drop it.
    write_seed_files(seeded, seeds_copy)
    assert not load(seeded, read_and_check(seeds_copy)).changed
    patch(api, keys, "cds-msc-350", {"description": "Curated."})

    with pytest.raises(SeedConflict) as caught:
        load(seeded, seeds)
    (conflict,) = caught.value.conflicts
    assert conflict.startswith("seeds/species.yaml: species (cds-msc-350): (entry): absent")
    assert api.get("/api/v1/species/cds-msc-350").status_code == 200


def test_an_api_entry_missing_from_changed_seeds_is_refused(
    api: TestClient, keys: Keys, seeded: Session, seeds_copy: Path
) -> None:
    create(api, keys)
    edit(seeds_copy / "maldi.yaml", "5008", "5009")
    with pytest.raises(SeedConflict) as caught:
        load(seeded, read_and_check(seeds_copy))
    (conflict,) = caught.value.conflicts
    assert conflict.startswith("seeds/species.yaml: species (cds-msc-350): (entry): created")
    assert 5008.0 in seeded.scalars(select(MaldiPeak.mass_da)).all()


def test_discarding_by_name_lets_the_seed_files_win(
    api: TestClient, keys: Keys, seeded: Session, seeds_copy: Path
) -> None:
    create(api, keys)
    patch(api, keys, "cds-msc-311", {"description": "Curated through the API."})
    edit(seeds_copy / "species.yaml", OLD_DESCRIPTION, "CdS MSC peaking at 311 nm (Table S2 [10])")

    with pytest.raises(SeedConflict) as caught:  # seeds/ changed; 350 is not in it
        load(seeded, read_and_check(seeds_copy), discard=["species:cds-msc-311"])
    assert [c.split(": ")[1] for c in caught.value.conflicts] == ["species (cds-msc-350)"]

    both = ["species:cds-msc-311", "species:cds-msc-350"]
    report = load(seeded, read_and_check(seeds_copy), discard=both)
    assert (report.tallies["species"].updated, report.tallies["species"].deleted) == (1, 1)
    assert (description(seeded, "cds-msc-311") or "").startswith("CdS MSC peaking at 311 nm")
    assert api.get("/api/v1/species/cds-msc-350").status_code == 404

    patch(api, keys, "cds-msc-311", {"description": "Curated again."})
    everything = load(seeded, read_and_check(SEEDS_DIR), discard_all=True)
    assert everything.tallies["species"].updated == 1
    assert (description(seeded, "cds-msc-311") or "").startswith(OLD_DESCRIPTION)


def test_an_unknown_kind_to_discard_is_refused(seeded: Session) -> None:
    with pytest.raises(SeedConflict) as caught:
        load(seeded, read_and_check(SEEDS_DIR), discard=["specie:cds-msc-311"])
    assert "--discard specie:cds-msc-311" in caught.value.conflicts[0]


def test_after_a_dump_the_next_seed_has_nothing_to_do(
    api: TestClient, keys: Keys, seeded: Session, seeds_copy: Path
) -> None:
    create(api, keys)
    patch(api, keys, "cds-msc-311", {"description": "Curated through the API."})
    write_seed_files(seeded, seeds_copy)
    report = load(seeded, read_and_check(seeds_copy))
    assert not report.changed
    assert report.kept == []
    assert sum(t.kept for t in report.tallies.values()) == 0
    # In sync again: a seed change to those entries now applies.
    edit(seeds_copy / "species.yaml", "Curated through the API.", "Reviewed in seeds/.")
    assert load(seeded, read_and_check(seeds_copy)).tallies["species"].updated == 1
    assert description(seeded, "cds-msc-311") == "Reviewed in seeds/."


def test_a_seed_run_is_one_change_set_in_the_history(
    seeded: Session, seeds_copy: Path, api: TestClient
) -> None:
    edit(seeds_copy / "maldi.yaml", "5008", "5009")
    text = (seeds_copy / "glossary.yaml").read_text(encoding="utf-8")
    start = text.index("\n- slug: ", text.index("\n- slug: ") + 1)
    end = text.index("\n- slug: ", start + 1)
    removed = text[start:end]
    (seeds_copy / "glossary.yaml").write_text(text[:start] + text[end:], encoding="utf-8")

    report = load(seeded, read_and_check(seeds_copy))
    assert {c.request_id for c in report.changes} == {report.changes[0].request_id}
    seeded.flush()
    run = report.changes[0].request_id
    trail = seeded.scalars(select(Change).where(Change.request_id == run)).all()
    assert sorted((c.key_name, c.action.value, c.entity) for c in trail) == [
        ("seed", "delete", "glossary term"),
        ("seed", "update", "MALDI measurement"),
    ]
    deleted = next(c for c in trail if c.action.value == "delete")
    assert deleted.after is None
    assert deleted.before is not None
    assert deleted.identifier in removed
    body = api.get("/api/v1/changes", params={"key": "seed", "identifier": deleted.identifier})
    assert body.json()["data"][-1]["before"]["slug"] == deleted.identifier
