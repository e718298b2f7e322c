"""Data releases (list, one, citation, frozen export, diff) and the public history."""

import shutil
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from api.outputs.export import record_release
from models import Change
from tests.cli import msckb
from tests.conftest import SEEDS_DIR, EmptyDatabases, Keys
from tests.helpers import is_problem

EVIDENCE: dict[str, Any] = {"ref": "he_transformations", "locator": "Note S1", "status": "reported"}
NEW_SPECIES: dict[str, Any] = {
    "slug": "cds-msc-350",
    "material": "CdS",
    "kind": "msc",
    "label": "MSC-350",
    "absorption_peaks": [{"nm": {"value": 350}, "evidence": EVIDENCE}],
    "evidence": EVIDENCE,
}


def newest(api: TestClient) -> dict[str, Any]:
    body = api.get("/api/v1/releases").json()
    latest: dict[str, Any] = body["data"][-1]
    return latest


# --- releases ----------------------------------------------------------------------------


def test_a_release_has_a_citation_without_an_invented_doi(api: TestClient) -> None:
    release = newest(api)
    number, digest = release["number"], release["content_hash"]
    assert api.get(f"/api/v1/releases/{number}").json() == release
    text = release["citation"]["text"]
    assert text.startswith(f"MSC-KB, release {number}, ")
    assert f"content hash sha256:{digest}" in text
    assert "Transformations Among Colloidal Semiconductor Magic-Size Clusters" in text
    assert "He, Luan, Rowell, Zhang, Chen, Yu" in text
    bibtex = api.get(f"/api/v1/releases/{number}/citation").text
    assert bibtex.startswith(f"@misc{{msckb_release_{number},")
    assert digest in bibtex
    assert "doi" not in bibtex.lower()
    csl = api.get(f"/api/v1/releases/{number}/citation", params={"format": "csljson"}).json()
    assert csl[0]["type"] == "dataset"
    assert csl[1]["title"] == "Transformations Among Colloidal Semiconductor Magic-Size Clusters"
    assert "DOI" not in csl[1]
    is_problem(api.get("/api/v1/releases/999"), 404)


def test_a_release_export_stays_frozen_and_the_diff_names_the_changed_facts(
    api: TestClient, keys: Keys, seeded: Session
) -> None:
    number = newest(api)["number"]
    frozen = api.get(f"/api/v1/releases/{number}/export")
    assert frozen.status_code == 200, frozen.text
    assert frozen.json()["release"]["number"] == number

    created = api.post("/api/v1/species", json=NEW_SPECIES, headers=keys.curator)
    assert created.status_code == 201, created.text
    tag = api.get("/api/v1/species/cds-msc-311").headers["ETag"]
    patched = api.patch(
        "/api/v1/species/cds-msc-311",
        json={"description": "Changed."},
        headers={**keys.curator, "If-Match": tag},
    )
    assert patched.status_code == 200, patched.text

    assert api.get(f"/api/v1/releases/{number}/export").content == frozen.content
    assert api.get("/api/v1/export").json()["release"]["number"] is None
    later = record_release(seeded).number
    assert later == number + 1
    assert record_release(seeded).number == later  # the same content: the same release
    assert api.get("/api/v1/export").json()["release"]["number"] == later

    diff = api.get(f"/api/v1/releases/{number}/diff/{later}")
    assert diff.status_code == 200, diff.text
    body = diff.json()
    assert (body["from"], body["to"]) == (number, later)
    assert [(r["table"], r["id"]) for r in body["added"]] == [
        ("absorption_peak", "cds-msc-350/absorption_peak/1"),
        ("species", "cds-msc-350"),
    ]
    assert body["removed"] == []
    (changed,) = body["changed"]
    assert (changed["table"], changed["id"]) == ("species", "cds-msc-311")
    assert list(changed["fields"]) == ["description"]
    assert changed["fields"]["description"]["new"] == "Changed."
    assert changed["fields"]["description"]["old"].startswith("CdS MSC with a sharp")

    back = api.get(f"/api/v1/releases/{later}/diff/{number}").json()
    assert [r["id"] for r in back["removed"]] == [r["id"] for r in body["added"]]
    is_problem(api.get(f"/api/v1/releases/{number}/diff/{number}"), 400)

    package = api.get(f"/api/v1/releases/{number}/export", params={"format": "datapackage"})
    assert package.status_code == 200
    assert package.headers["content-type"] == "application/zip"


def test_identical_content_seeded_twice_is_one_release(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    url = empty_databases.new_url()
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    assert msckb(url, "migrate").returncode == 0
    first = msckb(url, "seed", "--seeds", str(seeds))
    assert "data release 1 " in first.stdout, first.stderr

    species = seeds / "species.yaml"
    original = species.read_text(encoding="utf-8")
    species.write_text(original.replace("kind: msc", "kind: pc", 1), encoding="utf-8")
    assert "data release 2 " in msckb(url, "seed", "--seeds", str(seeds)).stdout
    species.write_text(original, encoding="utf-8")
    again = msckb(url, "seed", "--seeds", str(seeds))
    assert "data release 1 " in again.stdout, again.stdout + again.stderr
    assert "data release 1 " in msckb(url, "release").stdout
    exported = msckb(url, "export", str(tmp_path / "release"))
    assert "release 1," in exported.stdout, exported.stderr

    engine = create_engine(url)
    with Session(engine) as session:
        runs = session.scalars(select(Change).where(Change.key_name == "seed")).all()
    engine.dispose()
    assert {c.release_number for c in runs} == {1, 2}
    assert len({c.request_id for c in runs}) == 3


# --- the public history ----------------------------------------------------------------------


def test_the_history_is_public_and_filtered(api: TestClient, keys: Keys) -> None:
    created = api.post("/api/v1/species", json=NEW_SPECIES, headers=keys.curator)
    assert created.status_code == 201, created.text
    trail = api.get("/api/v1/changes", params={"identifier": "cds-msc-350"}).json()["data"]
    assert [(c["key"], c["action"]) for c in trail] == [("curie", "create")]
    assert "X-API-Key" not in str(trail)
    assert keys.curator["X-API-Key"] not in api.get("/api/v1/changes?limit=500").text

    since = trail[0]["id"]
    assert api.get("/api/v1/changes", params={"since": since}).json()["data"] == []
    until = api.get("/api/v1/changes", params={"until": since, "key": "curie"}).json()["data"]
    assert [c["id"] for c in until] == [since]
    assert api.get("/api/v1/changes", params={"since": "2000-01-01"}).json()["data"]
    assert api.get("/api/v1/changes", params={"until": "2000-01-01T00:00:00Z"}).json()["data"] == []
    for bad in ("0.5", "yesterday", "-1", "2026-13-45"):
        is_problem(api.get("/api/v1/changes", params={"until": bad}), 400)
        is_problem(api.get("/api/v1/changes", params={"since": bad}), 400)

    history = api.get("/api/v1/species/cds-msc-350/history").json()["data"]
    assert [c["action"] for c in history] == ["create"]
    seeded_history = api.get("/api/v1/species/cds-msc-311/history").json()["data"]
    assert [c["key"] for c in seeded_history] == ["seed"]
    is_problem(api.get("/api/v1/species/no-such-species/history"), 404)
    assert api.get("/api/v1/transformations/cds-msc-311-to-cds-msc-322-thermal/history").json()[
        "data"
    ]


def test_keys_and_restores_are_in_the_history_without_key_material(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    assert msckb(url, "seed").returncode == 0
    key = msckb(url, "keys", "create", "--name", "marie", "--role", "curator").stdout.strip()
    assert msckb(url, "keys", "revoke", "marie").returncode == 0
    copy = tmp_path / "msckb.backup"
    assert msckb(url, "backup", str(copy)).returncode == 0
    restored = msckb(url, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr

    engine = create_engine(url)
    with Session(engine) as session:
        trail = session.scalars(
            select(Change).where(Change.key_name == "cli").order_by(Change.id)
        ).all()
    engine.dispose()
    assert [(c.action.value, c.entity, c.identifier) for c in trail] == [
        ("create", "API key", "marie"),
        ("update", "API key", "marie"),
        ("update", "database", "msckb.backup"),
    ]
    assert '"revoked": true' in (trail[1].after or "")
    assert all(key not in (c.before or "") + (c.after or "") for c in trail)
