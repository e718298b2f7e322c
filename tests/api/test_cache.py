"""The response cache (api/web/cache.py): a repeated read runs no query, and every write,
by any process and in any way, is seen by the next read. On both engines.

The in-process cases read and write the rows of ``known``; the one with a server runs
``msckb seed`` and so the curated seeds."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, event, text
from sqlalchemy.orm import Session
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from api.store.db import TOKEN_SQL, make_engine
from api.web.cache import ResponseCache
from tests.cli import msckb
from tests.conftest import EmptyDatabases
from tests.helpers import NEW_SPECIES, Keys, make_keys, make_maldi, make_reference, make_species
from tests.reliability.servers import served

SPECIES = "/api/v1/species/cds-msc-311"


@pytest.fixture
def known(session: Session) -> None:
    """What the in-process tests read and write: CdS MSC-311 with a MALDI measurement,
    a second CdS species, the reference of the write bodies' evidence."""
    make_maldi(session, species=make_species(session, label="MSC-311", peaks=[311]))
    make_species(session, label="MSC-322", peaks=[322])
    make_reference(session, key="he_transformations", year=2023)


@pytest.fixture
def keys(session: Session) -> Keys:
    """A curator's and an admin's key, on the test's own database (of ``client``)."""
    return make_keys(session)


@pytest.fixture
def statements(session: Session) -> Iterator[list[str]]:
    """The SQL the app runs on the test's connection, but for the data-version reads."""
    seen: list[str] = []
    connection = session.connection()

    def record(_conn: Connection, _cursor: Any, sql: str, *_args: Any) -> None:
        if sql != TOKEN_SQL:
            seen.append(sql)

    event.listen(connection, "before_cursor_execute", record)
    yield seen
    event.remove(connection, "before_cursor_execute", record)


@pytest.mark.usefixtures("known")
def test_a_repeated_read_is_answered_without_a_query(
    client: TestClient, statements: list[str]
) -> None:
    first = client.get(SPECIES)
    assert first.status_code == 200
    assert statements, "the first read must query the database"
    statements.clear()

    again = client.get(SPECIES)
    assert statements == []
    assert again.status_code == 200
    assert again.content == first.content
    assert again.headers["ETag"] == first.headers["ETag"]
    assert again.headers["content-type"] == first.headers["content-type"]
    # Each answer still has its own request id.
    assert again.headers["X-Request-ID"] != first.headers["X-Request-ID"]


@pytest.mark.usefixtures("known")
def test_an_api_write_is_seen_by_the_next_read(client: TestClient, keys: Keys) -> None:
    listing = "/api/v1/species?material=CdS&limit=500"
    before = {s["slug"] for s in client.get(listing).json()["data"]}
    assert client.get("/api/v1/species/cds-msc-350").status_code == 404
    assert "cds-msc-350" not in before

    assert client.post("/api/v1/species", json=NEW_SPECIES, headers=keys.curator).status_code == 201

    assert client.get("/api/v1/species/cds-msc-350").status_code == 200
    after = {s["slug"] for s in client.get(listing).json()["data"]}
    assert after == before | {"cds-msc-350"}


@pytest.mark.usefixtures("known")
def test_a_write_in_sql_is_seen_by_the_next_read(client: TestClient, session: Session) -> None:
    assert client.get(SPECIES).json()["description"] != "edited in SQL"
    session.execute(
        text("UPDATE species SET description = 'edited in SQL' WHERE slug = 'cds-msc-311'")
    )
    assert client.get(SPECIES).json()["description"] == "edited in SQL"

    session.execute(text("DELETE FROM maldi_peak"))
    masses = client.get("/api/v1/maldi?species=cds-msc-311").json()["data"]
    assert masses
    assert all(m["masses"] == [] for m in masses)


@pytest.mark.usefixtures("known")
def test_answers_vary_with_accept(client: TestClient) -> None:
    url = "/api/v1/references/zhu2017two"
    as_json = client.get(url)
    as_bibtex = client.get(url, headers={"Accept": "application/x-bibtex"})
    assert as_json.json()["key"] == "zhu2017two"
    assert as_bibtex.text.lstrip().startswith("@article{zhu2017two")
    assert client.get(url).content == as_json.content
    assert client.get(url, headers={"Accept": "application/x-bibtex"}).text == as_bibtex.text


@pytest.mark.usefixtures("known")
def test_requests_with_a_key_and_failures_are_never_cached(
    client: TestClient, keys: Keys, statements: list[str]
) -> None:
    for headers in (keys.curator, keys.curator, {"If-None-Match": '"x"'}, {"If-None-Match": '"x"'}):
        statements.clear()
        assert client.get(SPECIES, headers=headers).status_code == 200
        assert statements
    for _ in range(2):
        statements.clear()
        assert client.get("/api/v1/species/cds-msc-999").status_code == 404
        assert statements


def _app(max_bytes: int, version: list[str]) -> tuple[TestClient, list[str]]:
    served: list[str] = []

    async def echo(request: Request) -> PlainTextResponse:
        served.append(request.path_params["n"])
        return PlainTextResponse("x" * int(request.path_params["n"]))

    app = Starlette(routes=[Route("/api/{n}", echo)])
    app.add_middleware(ResponseCache, version=lambda: version[0], max_bytes=max_bytes)
    return TestClient(app), served


def test_the_least_recently_used_answers_leave_first() -> None:
    client, served = _app(400, ["v1"])  # bodies of at most 50 bytes are kept
    for n in ("40", "41", "42", "40"):  # 40 is used again: 41 is now the oldest
        client.get(f"/api/{n}")
    assert served == ["40", "41", "42"]
    for n in ("43", "44", "45", "46", "47", "48", "49"):  # 445 bytes: 41 and 42 go
        client.get(f"/api/{n}")
    served.clear()
    for n in ("40", "43", "49", "41", "42"):
        client.get(f"/api/{n}")
    assert served == ["41", "42"]


def test_large_answers_and_a_new_version() -> None:
    version = ["v1"]
    client, served = _app(800, version)
    for _ in range(2):
        assert len(client.get("/api/101").content) == 101  # over an eighth: never kept
        client.get("/api/99")
    assert served == ["101", "99", "101"]
    version[0] = "v2"
    client.get("/api/99")
    assert served == ["101", "99", "101", "99"]


def test_a_cache_of_zero_is_off() -> None:
    client, served = _app(0, ["v1"])
    client.get("/api/5")
    client.get("/api/5")
    assert served == ["5", "5"]


@pytest.mark.slow  # a server and `msckb` subprocesses
def test_writes_by_other_processes_and_restores_are_seen_by_a_running_server(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    """A real server, its cache warm, while the command line and a second connection
    write and restore the database underneath it."""
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    assert msckb(url, "seed").returncode == 0
    copy = tmp_path / "msckb.backup"
    assert msckb(url, "backup", str(copy)).returncode == 0
    engine = make_engine(url)

    def description(base: str) -> str | None:
        response = httpx.get(base + SPECIES, timeout=30)
        assert response.status_code == 200
        value: str | None = response.json()["description"]
        return value

    with served(url) as (base, _process):
        original = description(base)
        assert description(base) == original  # now kept

        with engine.begin() as connection:
            connection.execute(
                text("UPDATE species SET description = 'second' WHERE slug = 'cds-msc-311'")
            )
        assert description(base) == "second"
        assert description(base) == "second"

        restored = msckb(url, "restore", str(copy))
        assert restored.returncode == 0, restored.stderr
        assert description(base) == original

        key = msckb(url, "keys", "create", "--name", "k", "--role", "curator").stdout.strip()
        assert httpx.get(f"{base}/api/v1/species/cds-msc-350", timeout=30).status_code == 404
        created = httpx.post(
            f"{base}/api/v1/species", json=NEW_SPECIES, headers={"X-API-Key": key}, timeout=30
        )
        assert created.status_code == 201, created.text
        assert httpx.get(f"{base}/api/v1/species/cds-msc-350", timeout=30).status_code == 200
    engine.dispose()


@pytest.mark.usefixtures("known")
def test_a_page_is_cached_like_the_api(client: TestClient, statements: list[str]) -> None:
    first = client.get("/species/cds-msc-311")
    assert first.status_code == 200
    assert statements
    statements.clear()
    again = client.get("/species/cds-msc-311")
    assert statements == []
    assert again.content == first.content


@pytest.mark.usefixtures("known")
def test_a_cached_answer_carries_only_its_own_request_id(client: TestClient) -> None:
    first = client.get(SPECIES)
    again = client.get(SPECIES)
    ids = again.headers.get_list("X-Request-ID")
    assert len(ids) == 1
    assert ids != first.headers.get_list("X-Request-ID")
