"""The seed loader: validation before writing, all or nothing, idempotence, updates."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.queries.meta import row_counts
from api.seeding.files import SeedError
from api.seeding.loader import load, read_and_check
from models import MaldiMeasurement, MaldiPeak, Species
from tests.cli import msckb
from tests.conftest import SEEDS_DIR, EmptyDatabases


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(seeds_dir: Path) -> list[str]:
    with pytest.raises(SeedError) as caught:
        read_and_check(seeds_dir)
    return caught.value.problems


def test_second_load_changes_nothing(session: Session) -> None:
    seeds = read_and_check(SEEDS_DIR)
    first = load(session, seeds)
    assert first.changed
    assert all(t.updated == 0 and t.deleted == 0 for t in first.tallies.values())
    counts = row_counts(session)

    second = load(session, seeds)
    assert not second.changed
    assert all(t.unchanged > 0 or t.created == 0 for t in second.tallies.values())
    assert sum(t.unchanged for t in second.tallies.values()) == sum(
        t.created for t in first.tallies.values()
    )
    assert row_counts(session) == counts


def test_edit_then_reseed_updates_exactly_what_changed(session: Session, seeds_copy: Path) -> None:
    load(session, read_and_check(seeds_copy))
    edit(seeds_copy / "maldi.yaml", "5008", "5009")
    edit(seeds_copy / "glossary.yaml", "quantum dot", "quantum dots")

    report = load(session, read_and_check(seeds_copy))

    changed = {name: t for name, t in report.tallies.items() if t.changed}
    assert set(changed) == {"MALDI measurements", "glossary terms"}
    assert changed["MALDI measurements"].updated == 1
    assert changed["glossary terms"].updated == 1
    masses = session.scalars(
        select(MaldiPeak.mass_da)
        .join(MaldiMeasurement)
        .join(Species)
        .where(Species.slug == "cds-pcs")
        .order_by(MaldiPeak.position)
    ).all()
    assert masses == [4855.0, 5009.0]
    assert not load(session, read_and_check(seeds_copy)).changed


def test_edit_of_a_nested_child_after_a_childless_sibling_is_seen(
    session: Session, seeds_copy: Path
) -> None:
    """A synthesis whose first step has no components and a later step has one."""
    load(session, read_and_check(seeds_copy))
    edit(seeds_copy / "syntheses.yaml", "reagent: toluene", "reagent: cyclohexane")

    report = load(session, read_and_check(seeds_copy))

    assert {name for name, t in report.tallies.items() if t.changed} == {"syntheses"}
    assert report.tallies["syntheses"].updated == 1
    assert not load(session, read_and_check(seeds_copy)).changed


def test_entry_removed_from_the_files_is_deleted(session: Session, seeds_copy: Path) -> None:
    load(session, read_and_check(seeds_copy))
    path = seeds_copy / "constants.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- element: Ge")
    end = text.index("- element:", start + 1) if "- element:" in text[start + 1 :] else len(text)
    path.write_text(text[:start] + text[end:], encoding="utf-8")

    report = load(session, read_and_check(seeds_copy))

    assert report.tallies["monomer formulas"].deleted == 1
    assert sum(t.deleted for t in report.tallies.values()) == 1


def test_wrong_type_names_file_entry_and_field(seeds_copy: Path) -> None:
    edit(seeds_copy / "maldi.yaml", "5166.7", "about five thousand")
    problems = refusal(seeds_copy)
    assert any(
        p.startswith("seeds/maldi.yaml: measurements[")
        and "masses.0.mass_da" in p
        and "about five thousand" in p
        for p in problems
    ), problems


def test_unknown_enumeration_value_is_refused(seeds_copy: Path) -> None:
    edit(seeds_copy / "species.yaml", "kind: msc", "kind: nanoplatelet")
    problems = refusal(seeds_copy)
    assert any("seeds/species.yaml: species[" in p and ": kind: " in p for p in problems), problems


def test_unknown_species_slug_is_refused(seeds_copy: Path) -> None:
    edit(seeds_copy / "transformations.yaml", "product: cds-msc-322", "product: cds-msc-999")
    problems = refusal(seeds_copy)
    assert any(
        p.startswith("seeds/transformations.yaml: transformations[")
        and "product: unknown species 'cds-msc-999'" in p
        for p in problems
    ), problems


def test_duplicate_slug_is_refused(seeds_copy: Path) -> None:
    path = seeds_copy / "reagents.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- slug: toluene")
    end = text.index("- slug:", first + 1)
    path.write_text(text + "\n" + text[first:end], encoding="utf-8")
    problems = refusal(seeds_copy)
    assert any("(toluene): duplicate of reagents[" in p for p in problems), problems


def test_duplicate_yaml_key_is_refused(seeds_copy: Path) -> None:
    edit(seeds_copy / "materials.yaml", "materials:", "materials: []\nmaterials:")
    problems = refusal(seeds_copy)
    assert any("seeds/materials.yaml" in p and "duplicate key 'materials'" in p for p in problems)


def test_duplicate_citation_key_in_bib_is_refused(seeds_copy: Path) -> None:
    bib = seeds_copy / "references.bib"
    bib.write_text(
        bib.read_text(encoding="utf-8") + "\n@misc{zhu2017two,\n  title = {Again},\n}\n",
        encoding="utf-8",
    )
    problems = refusal(seeds_copy)
    assert any(
        p.startswith("seeds/references.bib: line") and "zhu2017two" in p for p in problems
    ), problems


def test_malformed_bib_entry_names_its_line(seeds_copy: Path) -> None:
    bib = seeds_copy / "references.bib"
    lines = bib.read_text(encoding="utf-8").count("\n")
    bib.write_text(
        bib.read_text(encoding="utf-8") + "\n@article{broken,\n  title = {unclosed\n",
        encoding="utf-8",
    )
    problems = refusal(seeds_copy)
    assert any(p.startswith(f"seeds/references.bib: line {lines + 2}") for p in problems), problems


def test_refused_database_write_leaves_everything_as_it_was(
    session: Session, seeds_copy: Path
) -> None:
    """A problem only the database sees (two kinetics rows in one solvent) rolls back all."""
    load(session, read_and_check(seeds_copy))
    before = row_counts(session)
    edit(seeds_copy / "maldi.yaml", "5008", "5009")  # a change that would be written first
    edit(seeds_copy / "transformations.yaml", "solvent: cyclohexane", "solvent: toluene")
    seeds = read_and_check(seeds_copy)

    with pytest.raises(IntegrityError), session.begin_nested():
        load(session, seeds)

    assert row_counts(session) == before
    assert 5008.0 in session.scalars(select(MaldiPeak.mass_da)).all()


def test_cli_seed_reports_then_refuses_bad_files_and_writes_nothing(
    empty_databases: EmptyDatabases, seeds_copy: Path
) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0

    first = msckb(url, "seed")
    assert first.returncode == 0, first.stderr
    assert "species" in first.stdout
    assert "created" in first.stdout

    again = msckb(url, "seed")
    assert again.returncode == 0
    assert again.stdout.strip().endswith("nothing changed")

    edit(seeds_copy / "species.yaml", "kind: msc", "kind: nanoplatelet")
    refused = msckb(url, "seed", "--seeds", str(seeds_copy))
    assert refused.returncode == 1
    assert "nothing written" in refused.stderr
    assert "seeds/species.yaml: species[" in refused.stderr

    coverage = msckb(url, "coverage")
    assert coverage.returncode == 0, coverage.stderr
    assert "Note S5" in coverage.stdout
    assert "  transformations: cdte-smsc-371-to-cdte-smsc-417-ota-0-30," in coverage.stdout
    assert msckb(url, "seed").stdout.strip().endswith("nothing changed")
