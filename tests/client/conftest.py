"""A live server for the client's tests: ``msckb serve`` in a subprocess on a migrated,
seeded database of each engine, with an admin key."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.cli import msckb
from tests.conftest import EmptyDatabases
from tests.reliability.servers import served


@dataclass(frozen=True)
class Live:
    base: str
    """The server's address, for ``Client(base)``."""
    database: str
    key: str
    """An admin's API key."""
    engine: str


def seeded_database(empty_databases: EmptyDatabases) -> str:
    url = empty_databases.new_url()
    for command in (("migrate",), ("seed",)):
        done = msckb(url, *command)
        assert done.returncode == 0, done.stdout + done.stderr
    return url


def new_key(url: str, name: str) -> str:
    done = msckb(url, "keys", "create", "--name", name, "--role", "admin")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture(scope="module")
def sqlite_live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """A live server on SQLite alone, for what needs no second engine (installing the
    client) or is SQLite's own (its write lock)."""
    databases = EmptyDatabases("sqlite", tmp_path_factory.mktemp("client"), None)
    url = seeded_database(databases)
    key = new_key(url, "client-tests")
    with served(url) as (base, _process):
        yield Live(base, url, key, "sqlite")


@pytest.fixture(scope="module")
def live(empty_databases: EmptyDatabases) -> Iterator[Live]:
    url = seeded_database(empty_databases)
    key = new_key(url, "client-tests")
    with served(url) as (base, _process):
        yield Live(base, url, key, empty_databases.engine_name)
