"""Two curators editing one row: exactly one wins, the other gets 412. Runs the app as
served (its own sessions and commits) on a real database of each engine."""

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from starlette.requests import Request

from api.app import create_app
from api.settings import get_settings
from api.store import db
from api.store.migrate import upgrade
from api.store.prepared import Prepared
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


def _pid(connection: Connection) -> int:
    return int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def _backends(engine: Engine, count: int) -> set[int]:
    """The server processes of ``count`` pooled connections held at once."""
    with ExitStack() as stack:
        return {_pid(stack.enter_context(engine.connect())) for _ in range(count)}


def test_a_pooled_postgresql_connection_that_died_while_resting_is_replaced(
    postgres_cluster: Cluster, tmp_path: Path
) -> None:
    """A connection that rested in the pool is pinged before use and replaced if dead,
    so a server restart costs no request. One back in use within ``ping_after_s`` is
    not pinged (a round trip a request saved): if it died, its read fails as a lost
    connection (a 503 in the API) and the pool drops it and every older connection, so
    the next read has a live one."""
    url = EmptyDatabases("postgresql", tmp_path, postgres_cluster).new_url()
    admin = create_engine(url, isolation_level="AUTOCOMMIT")

    def terminate(pids: set[int]) -> None:
        with admin.connect() as connection:
            for pid in pids:  # waits up to 5 s for the process to end
                connection.exec_driver_sql(f"SELECT pg_terminate_backend({pid}, 5000)")

    pinged = db.make_engine(url, ping_after_s=0)
    unpinged = db.make_engine(url, ping_after_s=3600)
    resting = db.make_engine(url, ping_after_s=1.0)
    try:
        rested = _backends(pinged, 2)
        terminate(rested)
        assert _backends(pinged, 2).isdisjoint(rested)

        # A failed ping drops every older connection too: the one back in the pool a
        # moment ago is not pinged, and is replaced all the same.
        first, second = resting.connect(), resting.connect()
        pids = {_pid(first), _pid(second)}
        first.close()
        time.sleep(1.2)
        second.close()
        terminate(pids)
        assert _backends(resting, 2).isdisjoint(pids)

        in_use = _backends(unpinged, 2)
        terminate(in_use)
        with Session(unpinged) as session, pytest.raises(OperationalError) as lost:
            Prepared(select(func.pg_backend_pid())).rows(session)
        assert lost.value.connection_invalidated
        assert _backends(unpinged, 2).isdisjoint(in_use)
    finally:
        for engine in (pinged, unpinged, resting, admin):
            engine.dispose()
