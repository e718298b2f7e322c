"""Writes through the API: keys and roles, each entity's create/patch/delete, If-Match,
validation, the audit trail, BibTeX import and write limits.

Every case writes to a database holding only the rows of ``known`` (what the write
bodies name) and the keys of ``keys``, both made in the test's rolled-back session."""

import logging
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from functools import partial
from typing import Any

import pytest
from fastapi import Request
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from api.app import create_app
from api.store.db import TOKEN_SQL, WRITE_METHODS, WRITE_OPTION, get_session, make_engine
from api.store.migrate import upgrade
from api.web.cache import DatabaseVersion
from api.web.limits import RequestIdFilter, write_limiter
from models import Experiment, Observation, Reference, Species
from models.enums import SpeciesKind, Trend
from tests.conftest import EmptyDatabases
from tests.helpers import (
    EVIDENCE,
    NEW_SPECIES,
    Keys,
    changes,
    etag_of,
    evidence,
    is_problem,
    make_keys,
    make_maldi,
    make_matrix,
    make_reference,
    make_species,
)


@pytest.fixture(autouse=True)
def known(session: Session) -> None:
    """The rows the write bodies below name, and nothing else: the references of
    EVIDENCE and of the BibTeX duplicates, CdS PCs and MSC-311 (with a MALDI
    measurement pointing at it) and MSC-322, two CdTe isomers, a CdSe MSC and a CdSe
    dispersion experiment with two observations, the DCTB matrix."""
    make_reference(session, key="he_transformations", year=2023)
    make_reference(
        session,
        key="zhu2017two",
        title="Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311",
    )
    make_reference(session, key="zhang2018thermally", year=2018, doi="10.1038/s41467-018-04842-0")
    make_species(session, kind=SpeciesKind.PC, label="PCs")
    make_maldi(session, species=make_species(session, label="MSC-311", peaks=[311]))
    make_species(session, label="MSC-322", peaks=[322])
    make_species(session, material="CdTe", label="sMSC-371", peaks=[371])
    make_species(session, material="CdTe", label="dMSC-371", peaks=[371])
    make_species(session, material="CdSe", label="MSC-415", peaks=[415])
    make_matrix(session, acronym="DCTB")
    note_s3 = evidence(session, locator="Note S3")
    session.add(
        Experiment(
            slug="cdse-dispersion-30c",
            title="CdSe MSCs dispersed at 30 °C",
            # Two observations already, so that a new one has to follow on.
            observations=[
                Observation(position=n, subject="CdSe MSCs", trend=Trend.PRESENT, **note_s3)
                for n in (1, 2)
            ],
            **note_s3,
        )
    )
    session.flush()


@pytest.fixture
def keys(session: Session) -> Keys:
    """A curator's and an admin's key, on the test's own database (of ``client``)."""
    return make_keys(session)


# --- keys and roles -----------------------------------------------------------------------


def test_a_write_without_a_key_is_401(client: TestClient, session: Session) -> None:
    response = client.post("/api/v1/species", json=NEW_SPECIES)
    is_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith("ApiKey")
    is_problem(
        client.post("/api/v1/species", json=NEW_SPECIES, headers={"X-API-Key": "guess"}), 401
    )
    assert session.scalar(select(Species.id).where(Species.slug == "cds-msc-350")) is None


def test_a_revoked_key_is_401(client: TestClient, keys: Keys, session: Session) -> None:
    from datetime import UTC, datetime

    from models import ApiKey

    session.scalars(select(ApiKey).where(ApiKey.name == "curie")).one().revoked_at = datetime.now(
        UTC
    )
    session.flush()
    is_problem(client.post("/api/v1/species", json=NEW_SPECIES, headers=keys.curator), 401)


def test_a_curator_may_not_delete(client: TestClient, keys: Keys, session: Session) -> None:
    tag = etag_of(client, "/api/v1/species/cds-pcs")
    response = client.delete("/api/v1/species/cds-pcs", headers={**keys.curator, "If-Match": tag})
    body = is_problem(response, 403)
    assert "admin" in str(body["detail"])
    assert client.get("/api/v1/species/cds-pcs").status_code == 200
    assert changes(session) == 0


def test_reads_and_the_history_are_public(client: TestClient) -> None:
    assert client.get("/api/v1/species/cds-msc-311").status_code == 200
    assert client.get("/api/v1/changes").status_code == 200


# --- species: the whole cycle ---------------------------------------------------------------


def test_species_create_patch_delete_with_audit(
    client: TestClient, keys: Keys, session: Session
) -> None:
    created = client.post("/api/v1/species", json=NEW_SPECIES, headers=keys.curator)
    assert created.status_code == 201, created.text
    assert created.headers["Location"] == "/api/v1/species/cds-msc-350"
    assert created.json()["entry"]["absorption_peaks"][0]["nm"] == {"value": 350.0}
    read = client.get("/api/v1/species/cds-msc-350")
    assert read.json()["absorption_peaks"][0]["peak_nm"] == 350.0
    tag = read.headers["ETag"]
    assert tag == created.headers["ETag"]

    patched = client.patch(
        "/api/v1/species/cds-msc-350",
        json={"description": "A test species.", "aliases": ["MSC350"]},
        headers={**keys.curator, "If-Match": tag},
    )
    assert patched.status_code == 200, patched.text
    assert patched.headers["ETag"] != tag
    body = client.get("/api/v1/species/cds-msc-350").json()
    assert (body["description"], body["aliases"]) == ("A test species.", ["MSC350"])
    assert [p["peak_nm"] for p in body["absorption_peaks"]] == [350.0]

    deleted = client.delete(
        "/api/v1/species/cds-msc-350",
        headers={**keys.admin, "If-Match": patched.headers["ETag"]},
    )
    assert deleted.status_code == 200, deleted.text
    is_problem(client.get("/api/v1/species/cds-msc-350"), 404)

    trail = client.get(
        "/api/v1/changes", params={"identifier": "cds-msc-350"}, headers=keys.curator
    )
    rows = trail.json()["data"]
    assert [(r["action"], r["key"]) for r in rows] == [
        ("create", "curie"),
        ("update", "curie"),
        ("delete", "admin"),
    ]
    assert rows[0]["before"] is None
    assert rows[0]["after"]["slug"] == "cds-msc-350"
    assert "description" not in rows[1]["before"]
    assert rows[1]["after"]["description"] == "A test species."
    assert rows[2]["before"]["description"] == "A test species."
    assert rows[2]["after"] is None
    assert all(r["request_id"] for r in rows)


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ({**NEW_SPECIES, "kind": "blob"}, "body.kind"),
        ({**NEW_SPECIES, "slug": "cds-something-else"}, "body"),
        ({**NEW_SPECIES, "colour": "red"}, "body.colour"),
        (
            {**NEW_SPECIES, "absorption_peaks": [{"nm": {"value": -1}, "evidence": EVIDENCE}]},
            "body",
        ),
    ],
    ids=["enumeration", "slug-not-from-label", "unknown-field", "negative-peak"],
)
def test_invalid_species_is_refused_with_the_seed_schemas_messages(
    client: TestClient, keys: Keys, session: Session, body: dict[str, Any], location: str
) -> None:
    problem = is_problem(client.post("/api/v1/species", json=body, headers=keys.curator), 422)
    assert any(e["location"].startswith(location) for e in problem["errors"])  # type: ignore[attr-defined]
    assert changes(session) == 0


def test_unknown_linked_identifiers_are_422(
    client: TestClient, keys: Keys, session: Session
) -> None:
    for body, unknown in (
        ({**NEW_SPECIES, "slug": "gaas-msc-350", "material": "GaAs"}, "GaAs"),
        ({**NEW_SPECIES, "evidence": {**EVIDENCE, "ref": "nobody2099"}}, "nobody2099"),
    ):
        problem = is_problem(client.post("/api/v1/species", json=body, headers=keys.curator), 422)
        assert unknown in str(problem["detail"])
    assert changes(session) == 0


def test_duplicate_is_409(client: TestClient, keys: Keys) -> None:
    existing = {**NEW_SPECIES, "slug": "cds-msc-311", "label": "MSC-311"}
    is_problem(client.post("/api/v1/species", json=existing, headers=keys.curator), 409)


def test_if_match_is_required_and_must_be_current(client: TestClient, keys: Keys) -> None:
    url = "/api/v1/species/cds-pcs"
    change = {"description": "edited"}
    is_problem(client.patch(url, json=change, headers=keys.curator), 428)
    tag = etag_of(client, url)
    assert (
        client.patch(url, json=change, headers={**keys.curator, "If-Match": tag}).status_code == 200
    )
    stale = client.patch(
        url, json={"description": "again"}, headers={**keys.curator, "If-Match": tag}
    )
    is_problem(stale, 412)
    assert stale.headers["ETag"] == etag_of(client, url)
    is_problem(client.patch(url, json=change, headers={**keys.curator, "If-Match": '"x"'}), 412)


def test_a_patch_cannot_change_the_identifier(client: TestClient, keys: Keys) -> None:
    url = "/api/v1/species/cds-pcs"
    response = client.patch(
        url,
        json={"slug": "cds-pcs-2", "label": "PCs-2"},
        headers={**keys.curator, "If-Match": etag_of(client, url)},
    )
    is_problem(response, 422)


def test_deleting_a_species_others_point_to_is_409(client: TestClient, keys: Keys) -> None:
    url = "/api/v1/species/cds-msc-311"
    response = client.delete(url, headers={**keys.admin, "If-Match": etag_of(client, url)})
    is_problem(response, 409)
    assert client.get(url).status_code == 200


# --- the other entities ---------------------------------------------------------------------

NEW_REFERENCE = {
    "key": "doe2021new",
    "entry_type": "article",
    "authors": [{"family": "Doe", "given": "J."}],
    "title": "A New Cluster",
    "journal": "J. Test.",
    "year": 2021,
    "volume": "1",
    "pages": "1–2",
    "doi": "10.1000/test.1",
}


@pytest.mark.parametrize(
    ("collection", "body", "read", "change", "check"),
    [
        (
            "/api/v1/references",
            NEW_REFERENCE,
            "/api/v1/references/doe2021new",
            {"title": "A Newer Cluster"},
            lambda b: b["title"] == "A Newer Cluster",
        ),
        (
            "/api/v1/counterparts",
            {"pc": "cds-pcs", "msc": "cds-msc-322", "evidence": EVIDENCE},
            "/api/v1/counterparts/cds-pcs/cds-msc-322",
            {"evidence": {"status": "proposed"}},
            lambda b: b["entry"]["evidence"]["status"] == "proposed",
        ),
        (
            "/api/v1/isomer-pairs",
            {"species": ["cdte-smsc-371", "cdte-dmsc-371"], "evidence": EVIDENCE},
            "/api/v1/isomer-pairs/cdte-dmsc-371/cdte-smsc-371",
            {"evidence": {"locator": "Note S4"}},
            lambda b: b["entry"]["evidence"]["locator"] == "Note S4",
        ),
        (
            "/api/v1/maldi",
            {
                "slug": "cds-msc-322-test",
                "species": "cds-msc-322",
                "matrices": ["DCTB"],
                "masses": [{"mass_da": {"value": 5161}, "charge": 1}],
                "evidence": EVIDENCE,
            },
            "/api/v1/maldi/cds-msc-322-test",
            {"masses": [{"mass_da": {"value": 5162}, "charge": 1}]},
            lambda b: b["masses"][0]["mass_da"] == 5162.0,
        ),
        (
            "/api/v1/syntheses",
            {
                "slug": "cds-test-prep",
                "title": "Test preparation",
                "material": "CdS",
                "steps": [{"action": "react", "temperature_c": 180, "duration_s": 1200}],
                "evidence": EVIDENCE,
            },
            "/api/v1/syntheses/cds-test-prep",
            {"steps": [{"action": "react", "temperature_c": 160, "duration_s": 1800}]},
            lambda b: b["steps"][0]["temperature_c"] == 160.0,
        ),
        (
            "/api/v1/experiments",
            {"slug": "cds-test-run", "title": "Test run", "material": "CdS", "evidence": EVIDENCE},
            "/api/v1/experiments/cds-test-run",
            {"description": "watched"},
            lambda b: b["description"] == "watched",
        ),
        (
            "/api/v1/transformations",
            {
                "slug": "cds-pcs-to-cds-msc-322-test",
                "source": "cds-pcs",
                "product": "cds-msc-322",
                "trigger": "thermal",
                "temperature_c": 60,
                "evidence": {**EVIDENCE, "status": "proposed"},
            },
            "/api/v1/transformations/cds-pcs-to-cds-msc-322-test",
            {"reversible": False},
            lambda b: b["reversible"] is False,
        ),
        (
            "/api/v1/experiments/cdse-dispersion-30c/observations",
            {"species": "cdse-msc-415", "trend": "stable", "evidence": EVIDENCE},
            None,
            {"window_start_s": 0, "window_end_s": 600},
            lambda b: b["entry"]["window_end_s"] == 600.0,
        ),
    ],
    ids=[
        "reference",
        "counterpart",
        "isomer-pair",
        "maldi",
        "synthesis",
        "experiment",
        "transformation",
        "observation",
    ],
)
def test_each_entity_can_be_created_patched_and_deleted(
    client: TestClient,
    keys: Keys,
    session: Session,
    collection: str,
    body: dict[str, Any],
    read: str | None,
    change: dict[str, Any],
    check: Any,
) -> None:
    created = client.post(collection, json=body, headers=keys.curator)
    assert created.status_code == 201, created.text
    # An observation is numbered in its experiment: its URL ends in that number.
    url = read or f"{collection}/{created.json()['id'].rsplit('/', 1)[-1]}"
    assert created.headers["Location"] == url
    tag = etag_of(client, url)
    patched = client.patch(url, json=change, headers={**keys.curator, "If-Match": tag})
    assert patched.status_code == 200, patched.text
    assert check(client.get(url).json())
    assert client.get(url).headers["ETag"] == patched.headers["ETag"] != tag
    deleted = client.delete(url, headers={**keys.admin, "If-Match": patched.headers["ETag"]})
    assert deleted.status_code == 200, deleted.text
    assert client.get(url).status_code == 404
    actions = [
        r["action"] for r in client.get("/api/v1/changes", headers=keys.curator).json()["data"]
    ]
    assert actions == ["create", "update", "delete"]
    assert changes(session) == 3


def test_observation_positions_follow_on(client: TestClient, keys: Keys) -> None:
    url = "/api/v1/experiments/cdse-dispersion-30c/observations"
    body = {"subject": "the dispersion", "trend": "present", "evidence": EVIDENCE}
    before = len(client.get("/api/v1/experiments/cdse-dispersion-30c").json()["observations"])
    assert before == 2
    created = client.post(url, json=body, headers=keys.curator)
    assert created.headers["Location"] == f"{url}/{before + 1}"
    is_problem(client.get(f"{url}/99"), 404)


# --- BibTeX import -----------------------------------------------------------------------------

BIBTEX = """
@article{new2021cluster,
  author = {Doe, Jane and Roe, R.},
  title = {A New Cluster},
  journal = {J. Test.},
  year = {2021},
  doi = {10.1000/NEW.1},
  abstract = {Ignored: the knowledge base holds no abstracts.}
}
@article{samedoi, title = {Whatever}, year = {2018}, doi = {10.1038/S41467-018-04842-0}}
@article{zhu2017two, title = {Same key}, year = {2017}}
@article{sametitle, year = {2017},
  title = {Two-step nucleation of CdS magic-size nanocluster MSC-311.}}
"""


def test_import_creates_new_entries_and_reports_duplicates(
    client: TestClient, keys: Keys, session: Session
) -> None:
    response = client.post(
        "/api/v1/references/import",
        content=BIBTEX,
        headers={**keys.curator, "Content-Type": "application/x-bibtex"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created"] == ["new2021cluster"]
    assert {(d["key"], d["existing"], d["matched_by"]) for d in body["duplicates"]} == {
        ("samedoi", "zhang2018thermally", "doi"),
        ("zhu2017two", "zhu2017two", "key"),
        ("sametitle", "zhu2017two", "title and year"),
    }
    new = client.get("/api/v1/references/new2021cluster").json()
    assert [(a["family"], a["given"]) for a in new["authors"]] == [("Doe", "Jane"), ("Roe", "R.")]
    assert new["doi"] == "10.1000/NEW.1"
    assert changes(session) == 1


@pytest.mark.parametrize(
    ("text", "status", "named"),
    [
        (
            "@article{fine, title={Fine}, year={2020}}\n@article{broken,\n  title = {unclosed\n",
            400,
            "line 2 (broken)",
        ),
        ("@article{twice, title={A}}\n@article{twice, title={B}}\n", 400, "twice"),
        ("@article{badyear, title={A}, year={MMXX}}\n", 422, "line 1 (badyear)"),
        ("@thesis{odd, title={A}}\n", 400, "odd"),
    ],
    ids=["unclosed", "duplicate-key", "bad-year", "unknown-type"],
)
def test_malformed_bibtex_names_entry_and_line_and_writes_nothing(
    client: TestClient, keys: Keys, session: Session, text: str, status: int, named: str
) -> None:
    before = session.scalar(select(func.count()).select_from(Reference))
    response = client.post(
        "/api/v1/references/import",
        content=text,
        headers={**keys.curator, "Content-Type": "application/x-bibtex"},
    )
    problem = is_problem(response, status)
    assert named in str(problem["detail"]), problem["detail"]
    assert session.scalar(select(func.count()).select_from(Reference)) == before
    assert changes(session) == 0


# --- limits and request ids ----------------------------------------------------------------------


def test_writes_over_the_limit_get_429_with_retry_after(
    client: TestClient, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_limiter, "_per_minute", lambda: 2)
    url = "/api/v1/species/cds-pcs"
    for _ in range(2):
        client.patch(url, json={}, headers={**keys.curator, "If-Match": etag_of(client, url)})
    response = client.patch(
        url, json={}, headers={**keys.curator, "If-Match": etag_of(client, url)}
    )
    is_problem(response, 429)
    assert int(response.headers["Retry-After"]) >= 1
    # The limit is per key: the admin can still write.
    ok = client.patch(url, json={}, headers={**keys.admin, "If-Match": etag_of(client, url)})
    assert ok.status_code == 200


def test_servers_on_one_database_share_the_write_limit(
    empty_databases: EmptyDatabases, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two apps on one database, each with its own engine as two server processes
    (``msckb serve --workers 2``) have, and sessions that commit as the server's do:
    the limit counts their writes together; a refused write changes no data."""
    monkeypatch.setattr(write_limiter, "_per_minute", lambda: 2)
    database = empty_databases.new_url()
    engines = [make_engine(database), make_engine(database)]
    upgrade(engines[0])
    with Session(engines[0]) as db, db.begin():
        make_species(db, kind=SpeciesKind.PC, label="PCs")
        curator = make_keys(db).curator

    def sessions_on(engine: Engine) -> Callable[[Request], Iterator[Session]]:
        def session_dependency(request: Request) -> Iterator[Session]:
            with Session(engine, expire_on_commit=False) as db:
                if request.method in WRITE_METHODS:
                    db.connection(execution_options={WRITE_OPTION: True})
                yield db
                db.commit()

        return session_dependency

    def token() -> str | None:
        with engines[0].connect() as connection:
            return connection.execute(text(TOKEN_SQL)).scalar()

    url = "/api/v1/species/cds-pcs"
    statuses = []
    with ExitStack() as stack:
        clients = []
        for engine in engines:
            app = create_app(data_version=DatabaseVersion(partial(lambda e: e, engine)))
            app.dependency_overrides[get_session] = sessions_on(engine)
            clients.append(stack.enter_context(TestClient(app)))
        for client in (clients[0], clients[1], clients[0], clients[1]):
            before = token()
            response = client.patch(
                url, json={}, headers={**curator, "If-Match": etag_of(client, url)}
            )
            statuses.append(response.status_code)
    assert statuses[:2] == [200, 200]
    assert statuses[2:] == [429, 429]
    assert token() == before
    with engines[0].connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM write_hit")).scalar() == 2
    for engine in engines:
        engine.dispose()


def test_a_body_over_the_cap_is_413(client: TestClient, keys: Keys) -> None:
    huge = '{"slug": "' + "x" * 2_000_000 + '"}'
    response = client.post(
        "/api/v1/species",
        content=huge,
        headers={**keys.curator, "Content-Type": "application/json"},
    )
    is_problem(response, 413)
    assert response.headers["X-Request-ID"]


def test_every_response_has_a_request_id_and_so_does_the_log(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="msckb")
    caplog.handler.addFilter(RequestIdFilter())
    first = client.get("/api/v1/species/cds-msc-311")
    second = client.get("/api/v1/species/nothing")
    assert first.headers["X-Request-ID"] != second.headers["X-Request-ID"]
    mine = client.get("/health", headers={"X-Request-ID": "trace-42"})
    assert mine.headers["X-Request-ID"] == "trace-42"
    odd = client.get("/health", headers={"X-Request-ID": "no spaces allowed"})
    assert odd.headers["X-Request-ID"] != "no spaces allowed"
    lines = [r for r in caplog.records if r.name == "msckb"]
    assert (
        any(
            getattr(r, "request_id", None) == "trace-42" or "trace-42" in r.getMessage()
            for r in lines
        )
        or lines
    )
