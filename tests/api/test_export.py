"""GET /api/v1/export, `msckb export`, and the release named in /api/v1/info."""

import io
import json
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from frictionless import Package, validate
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.outputs.export import content_hash, record_release, tables_of
from api.seeding.loader import load, read_and_check
from models import Base, GlossaryTerm
from models.enums import SpeciesKind
from tests.cli import msckb
from tests.conftest import SEEDS_DIR, EmptyDatabases
from tests.helpers import make_maldi, make_species


def test_export_is_one_document_with_stable_identifiers(
    client: TestClient, session: Session
) -> None:
    make_species(session, label="MSC-311", peaks=[311])
    pcs = make_species(session, kind=SpeciesKind.PC, label="PCs", reference="zhang2018thermally")
    make_maldi(session, species=pcs, slug="cds-pcs-table-s4-row-5", masses=[4855, 5008])
    body = client.get("/api/v1/export").json()
    tables = body["tables"]
    assert set(tables) == set(Base.metadata.tables) - {
        "data_release",
        "data_version",
        "seed_state",
        "api_key",
        "change",
        "write_hit",
    }
    species = {row["id"]: row for row in tables["species"]}
    assert species["cds-msc-311"]["material"] == "CdS"
    assert species["cds-msc-311"]["reference"] == "zhu2017two"
    assert species["cds-pcs"]["reference"] == "zhang2018thermally"
    peaks = {row["id"]: row for row in tables["absorption_peak"]}
    assert peaks["cds-msc-311/absorption_peak/1"]["peak_nm"] == 311.0
    masses = {row["id"]: row for row in tables["maldi_peak"]}
    assert masses["cds-pcs-table-s4-row-5/maldi_peak/2"]["mass_da"] == 5008.0
    for rows in tables.values():
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids))
        assert all("_id" not in column for row in rows for column in row)


def test_release_in_info_is_the_export_hash(api: TestClient) -> None:
    release = api.get("/api/v1/export").json()["release"]
    info = api.get("/api/v1/info").json()["release"]
    assert info["number"] == release["number"] == 1
    assert info["content_hash"] == release["content_hash"]
    assert len(release["content_hash"]) == 64


def test_same_facts_give_the_same_release(seeded: Session, session: Session) -> None:
    load(session, read_and_check(SEEDS_DIR))
    assert tables_of(session) == tables_of(seeded)
    assert content_hash(tables_of(session)) == content_hash(tables_of(seeded))


def test_a_change_makes_a_new_release(seeded: Session) -> None:
    first = record_release(seeded)
    assert record_release(seeded).number == first.number
    tables_before = content_hash(tables_of(seeded))
    term = seeded.scalars(select(GlossaryTerm).where(GlossaryTerm.slug == "msc")).one()
    term.explanation = term.explanation + " (edited)"
    seeded.flush()
    second = record_release(seeded)
    assert second.number == first.number + 1
    assert second.content_hash != tables_before


def _unzip(data: bytes, target: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(target)
    return target


def test_datapackage_is_valid_frictionless(api: TestClient, tmp_path: Path) -> None:
    response = api.get("/api/v1/export", params={"format": "datapackage"})
    assert response.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert "datapackage.json" in archive.namelist()  # at the top, no folder
    package_dir = _unzip(response.content, tmp_path / "unzipped")
    report = validate(str(package_dir / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]
    (source,) = package["sources"]
    assert "Transformations Among Colloidal Semiconductor Magic-Size Clusters" in source["title"]
    assert "path" not in source  # the source gives no DOI: none is made up
    assert {"He", "Luan", "Rowell", "Zhang", "Chen", "Yu"} <= {
        c["title"] for c in package["contributors"]
    }
    resources = {r["name"]: r for r in package["resources"]}
    fields = {f["name"]: f for f in resources["maldi_peak"]["schema"]["fields"]}
    assert fields["mass_da"]["type"] == "number"
    assert fields["mass_da"]["unit"] == "Da"
    assert fields["charge"]["type"] == "integer"
    assert {
        "fields": ["species"],
        "reference": {"resource": "species", "fields": ["id"]},
    } in resources["absorption_peak"]["schema"]["foreignKeys"]
    kinetics = {f["name"]: f for f in resources["kinetics"]["schema"]["fields"]}
    assert kinetics["barrier_kj_mol"]["unit"] == "kJ/mol"


def test_the_zip_itself_is_a_valid_package(api: TestClient, tmp_path: Path) -> None:
    """What third-party tools do: hand frictionless the downloaded zip as it is."""
    path = tmp_path / "msckb.zip"
    path.write_bytes(api.get("/api/v1/export", params={"format": "datapackage"}).content)
    report = validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert not report.warnings
    assert not [w for task in report.tasks for w in task.warnings]
    package = Package(str(path))
    assert "species" in package.resource_names
    assert package.licenses[0]["name"] == "CC-BY-4.0"


def test_datapackage_validation_catches_a_dangling_foreign_key(
    client: TestClient, session: Session, tmp_path: Path
) -> None:
    make_species(session, label="MSC-311", peaks=[311])
    package_dir = _unzip(client.get("/api/v1/export?format=datapackage").content, tmp_path)
    assert validate(str(package_dir / "datapackage.json")).valid
    peaks = package_dir / "absorption_peak.csv"
    text = peaks.read_text(encoding="utf-8")
    assert ",cds-msc-311," in text
    peaks.write_text(text.replace(",cds-msc-311,", ",cds-msc-999,", 1), encoding="utf-8")
    assert not validate(str(package_dir / "datapackage.json")).valid


@pytest.mark.slow  # `msckb` subprocesses
def test_cli_export_table_and_bib(empty_databases: EmptyDatabases, tmp_path: Path) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    seeded = msckb(url, "seed")
    assert "data release 1" in seeded.stdout

    exported = msckb(url, "export", str(tmp_path / "release"))
    assert exported.returncode == 0, exported.stderr
    document = json.loads((tmp_path / "release" / "release.json").read_text(encoding="utf-8"))
    assert document["release"]["number"] == 1
    assert document["release"]["content_hash"] in exported.stdout
    assert validate(str(tmp_path / "release" / "datapackage.json")).valid

    latex = msckb(url, "table", "S4", "--format", "latex")
    assert latex.returncode == 0, latex.stderr
    assert (
        r"CdS PCs & 160 \textdegree{}C/30 min in toluene & DHAP & 4855 Da, 5008 Da & "
        r"\cite{li2020fragmentation}" in latex.stdout
    )
    assert msckb(url, "table", "S9").returncode == 2

    bib = msckb(url, "bib", "--material", "CdS", "--about", "maldi")
    assert bib.returncode == 0, bib.stderr
    assert "@article{zhu2017two," in bib.stdout
    assert "@article{li2020fragmentation," in bib.stdout
    acs = msckb(url, "bib", "--species", "cdte-smsc-371", "--format", "acs")
    assert "Liu, M.; Wang, K.;" in acs.stdout
    assert msckb(url, "bib", "--material", "GaAs").returncode == 2
