"""GET /health and GET /api/v1/info."""

from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient

import models
from api.store.migrate import alembic_config
from migrations.data_version import NOT_DATA


def test_health(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_info_names_engine_revision_and_counts(client: TestClient) -> None:
    response = client.get("/api/v1/info")
    assert response.status_code == 200
    body = response.json()
    assert body["engine"] in {"sqlite", "postgresql"}
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert body["schema_revision"] == head
    assert set(body["row_counts"]) == set(models.Base.metadata.tables) - NOT_DATA
    assert all(isinstance(n, int) and n >= 0 for n in body["row_counts"].values())


def test_unknown_route_is_a_problem(client: TestClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == 404
