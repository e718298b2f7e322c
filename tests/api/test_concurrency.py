"""Two curators editing one row: exactly one wins, the other gets 412. Runs the app as
served (its own sessions and commits) on a real database of each engine."""

import threading
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api import db
from api.app import create_app
from api.migrate import upgrade
from api.outputs.export import record_release
from api.seeding.loader import load, read_and_check
from api.settings import get_settings
from models import Role
from tests.conftest import SEEDS_DIR, EmptyDatabases, add_key


@pytest.fixture
def served(
    empty_databases: EmptyDatabases, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[TestClient, TestClient, dict[str, str]]]:
    url = empty_databases.new_url()
    engine = db.make_engine(url)
    upgrade(engine)
    with Session(engine) as session, session.begin():
        load(session, read_and_check(SEEDS_DIR))
        record_release(session)
        key = add_key(session, name="curie", role=Role.CURATOR)
    engine.dispose()
    monkeypatch.setenv("MSCKB_DATABASE_URL", url)
    for cached in (get_settings, db.get_engine, db._session_factory):
        cached.cache_clear()
    app = create_app()
    with TestClient(app) as first, TestClient(app) as second:
        yield first, second, {"X-API-Key": key}
    db.get_engine().dispose()
    for cached in (get_settings, db.get_engine, db._session_factory):
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
