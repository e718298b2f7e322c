"""Two curators editing one row: exactly one wins, the other gets 412. Runs the app as
served (its own sessions and commits) on a real database of each engine."""

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.requests import Request

from api.app import create_app
from api.settings import get_settings
from api.store import db
from api.store.migrate import upgrade
from models import Role
from models.enums import SpeciesKind
from tests.conftest import EmptyDatabases
from tests.helpers import add_key, make_species
from tests.postgres import Cluster


@pytest.fixture
def served(
    empty_databases: EmptyDatabases, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, TestClient, dict[str, str]]]:
    url = empty_databases.new_url()
    engine = db.make_engine(url)
    upgrade(engine)
    with Session(engine) as session, session.begin():
        make_species(session, kind=SpeciesKind.PC, label="PCs")
        key = add_key(session, name="curie", role=Role.CURATOR)
    engine.dispose()
    monkeypatch.setenv("MSCKB_DATABASE_URL", url)
    for cached in (get_settings, db.get_engine, db._session_factory, db._read_session_factory):
        cached.cache_clear()
    app = create_app()
    with TestClient(app) as first, TestClient(app) as second:
        yield first, second, {"X-API-Key": key}
    db.get_engine().dispose()
    for cached in (get_settings, db.get_engine, db._session_factory, db._read_session_factory):
        cached.cache_clear()


def test_concurrent_patches_of_one_row_exactly_one_wins(
    served: tuple[TestClient, TestClient, dict[str, str]],
) -> None:
    first, second, key = served
    url = "/api/v1/species/cds-pcs"
    tag = first.get(url).headers["ETag"]
    start = threading.Barrier(2)
    results: dict[str, int] = {}

    def edit(client: TestClient, text: str) -> None:
        start.wait()
        response = client.patch(url, json={"description": text}, headers={**key, "If-Match": tag})
        results[text] = response.status_code

    threads = [
        threading.Thread(target=edit, args=(client, text))
        for client, text in ((first, "first curator"), (second, "second curator"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(results.values()) == [200, 412], results
    winner = next(text for text, status in results.items() if status == 200)
    assert first.get(url).json()["description"] == winner
    trail = first.get("/api/v1/changes", params={"identifier": "cds-pcs", "key": "curie"}).json()
    assert [(c["action"], c["after"]["description"]) for c in trail["data"]] == [("update", winner)]


def test_a_committed_write_is_seen_by_the_next_request(
    served: tuple[TestClient, TestClient, dict[str, str]],
) -> None:
    first, second, key = served
    url = "/api/v1/species/cds-pcs"
    tag = first.get(url).headers["ETag"]
    assert (
        first.patch(url, json={"aliases": ["x"]}, headers={**key, "If-Match": tag}).status_code
        == 200
    )
    assert second.get(url).json()["aliases"] == ["x"]
    assert second.get(url).headers["ETag"] != tag


def test_resolving_a_bibliography_neither_waits_for_nor_takes_the_write_lock(
    served: tuple[TestClient, TestClient, dict[str, str]],
) -> None:
    """A POST that only reads (the manuscript is the question) is served while a writer
    holds the lock."""
    first, _, _ = served
    # A write's transaction takes the lock as it begins (see api/store/db.py).
    writer = db.get_engine().execution_options(**{db.WRITE_OPTION: True}).connect()
    try:
        writer.begin()
        answered: list[int] = []
        thread = threading.Thread(
            target=lambda: answered.append(
                first.post(
                    "/api/v1/bibliography/resolve",
                    content="[@nobody2020]",
                    headers={"Content-Type": "text/markdown"},
                ).status_code
            )
        )
        thread.start()
        thread.join(timeout=3)
        assert answered == [200]
    finally:
        writer.rollback()
        writer.close()


async def _first_session(method: str) -> tuple[Session, Any]:
    """The session get_session gives a request of ``method``, and its generator."""
    scope = {"type": "http", "method": method, "headers": [], "path": "/", "query_string": b""}
    sessions = db.get_session(Request(scope))
    return await anext(sessions), sessions


def test_a_read_sees_what_its_engine_promises(
    served: tuple[TestClient, TestClient, dict[str, str]],
) -> None:
    """A read's session on SQLite is one snapshot for all its statements; on PostgreSQL
    it runs in autocommit, each statement seeing what was committed before it, as each
    statement of a READ COMMITTED transaction did (its BEGIN and COMMIT were two round
    trips for nothing). A write's session is a transaction on both."""

    async def run() -> None:
        engine = db.get_engine()
        count = text("SELECT count(*) FROM species")
        read, reads = await _first_session("GET")
        before = read.scalar(count)
        with Session(engine) as other, other.begin():
            make_species(other, kind=SpeciesKind.PC, label="committed meanwhile")
        postgresql = engine.dialect.name == "postgresql"
        assert read.scalar(count) == before + (1 if postgresql else 0)
        driver = read.connection().connection.driver_connection
        assert getattr(driver, "autocommit", False) is postgresql
        await reads.aclose()

        write, writes = await _first_session("POST")
        assert (
            getattr(write.connection().connection.driver_connection, "autocommit", False) is False
        )
        await writes.aclose()

    asyncio.run(run())


def _backend(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def test_a_pooled_postgresql_connection_that_died_while_resting_is_replaced(
    postgres_cluster: Cluster, tmp_path: Path
) -> None:
    """A connection that rested in the pool is pinged before use and replaced if dead,
    so a server restart costs no request; one back in use within ``ping_after_s`` is
    not pinged (a round trip a request saved), and if it died its request fails as a
    lost connection (a 503 in the API) while the pool replaces it."""
    url = EmptyDatabases("postgresql", tmp_path, postgres_cluster).new_url()
    engine = db.make_engine(url, ping_after_s=0.3)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        rested = _backend(engine)
        with admin.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_terminate_backend({rested})")
        time.sleep(0.5)
        replaced = _backend(engine)
        assert replaced != rested

        with admin.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_terminate_backend({replaced})")
        with pytest.raises(OperationalError) as lost:
            _backend(engine)
        assert lost.value.connection_invalidated
        assert _backend(engine) not in (rested, replaced)
    finally:
        engine.dispose()
        admin.dispose()
