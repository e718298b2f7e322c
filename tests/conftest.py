"""Fixtures: every database test runs on SQLite and on PostgreSQL.

Each engine's database is built by ``alembic upgrade head`` (so the
migrations are under test too). Each test runs inside an outer transaction
that is rolled back, with the app's session dependency overridden, so no test
sees another's leftovers.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from api.app import create_app
from api.outputs.export import record_release
from api.seeding.loader import load, read_and_check
from api.settings import PROJECT_ROOT
from api.store.db import TOKEN_SQL, get_session, make_engine
from api.store.migrate import upgrade

# Keys is re-exported: tests/seeding/test_dump.py imports it from here.
from tests.helpers import Keys as Keys
from tests.helpers import make_keys
from tests.postgres import Cluster, PostgresUnavailable, start_cluster

ENGINES = ["sqlite", "postgresql"]


def pytest_report_header() -> str:
    return "engines under test: " + ", ".join(ENGINES)


# Slow tests in modules that are marked here rather than in place, because those modules
# were being rewritten when the marker came; move each to a decorator when next edited.
SLOW_ELSEWHERE = {
    # `msckb` subprocesses, 20 s per engine
    "tests/seeding/test_loader.py::test_cli_seed_reports_then_refuses_bad_files_and_writes_nothing",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.split("[")[0] in SLOW_ELSEWHERE:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        if os.environ.get("MSCKB_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here but could not start: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: could not start a server ({exc})")
    yield cluster
    cluster.stop()


class EmptyDatabases:
    """Makes empty databases on one engine: a new SQLite file or a new PG database."""

    def __init__(self, engine_name: str, tmp_dir: Path, cluster: Cluster | None) -> None:
        self.engine_name = engine_name
        self.tmp_dir = tmp_dir
        self.cluster = cluster

    def new_url(self) -> str:
        name = f"msckb_test_{uuid.uuid4().hex[:12]}"
        if self.cluster is None:
            return f"sqlite:///{self.tmp_dir / (name + '.sqlite3')}"
        admin = create_engine(self.cluster.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        return make_url(self.cluster.url).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session", params=ENGINES)
def empty_databases(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> EmptyDatabases:
    cluster = None
    if request.param == "postgresql":
        cluster = request.getfixturevalue("postgres_cluster")
    return EmptyDatabases(request.param, tmp_path_factory.mktemp(request.param), cluster)


@pytest.fixture(scope="session")
def migrated_engine(empty_databases: EmptyDatabases) -> Iterator[Engine]:
    engine = make_engine(empty_databases.new_url())
    upgrade(engine)
    yield engine
    engine.dispose()


def _rolled_back_session(engine: Engine) -> Iterator[Session]:
    with engine.connect() as connection:
        outer = connection.begin()
        with Session(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as db:
            yield db
        outer.rollback()


@pytest.fixture
def session(migrated_engine: Engine) -> Iterator[Session]:
    """A session on an empty migrated database, rolled back after the test."""
    yield from _rolled_back_session(migrated_engine)


SEEDS_DIR = PROJECT_ROOT / "seeds"


@pytest.fixture(scope="session")
def seeded_engine(empty_databases: EmptyDatabases) -> Iterator[Engine]:
    """A database holding the project's curated seeds; tests must not commit to it."""
    engine = make_engine(empty_databases.new_url())
    upgrade(engine)
    with Session(engine) as db, db.begin():
        load(db, read_and_check(SEEDS_DIR))
        record_release(db)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded(seeded_engine: Engine) -> Iterator[Session]:
    """A session on the seeded database, rolled back after the test."""
    yield from _rolled_back_session(seeded_engine)


def session_version(session: Session) -> Callable[[], str | None]:
    """The data version as the test's own transaction sees it, for the response cache
    (the server reads it on a connection of its own, which could not see the test's
    uncommitted writes)."""

    def read() -> str | None:
        try:
            return session.execute(text(TOKEN_SQL)).scalar()
        except SQLAlchemyError:
            return None

    return read


def _client_on(session: Session) -> Iterator[TestClient]:
    app = create_app(data_version=session_version(session))
    app.dependency_overrides[get_session] = lambda: session
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def client(session: Session) -> Iterator[TestClient]:
    """The app on an empty migrated database."""
    yield from _client_on(session)


@pytest.fixture
def api(seeded: Session) -> Iterator[TestClient]:
    """The app on the database holding the curated seeds."""
    yield from _client_on(seeded)


@pytest.fixture
def keys(seeded: Session) -> Keys:
    """A curator's and an admin's key on the seeded database (of ``api``)."""
    return make_keys(seeded)
