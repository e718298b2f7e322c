"""schemathesis over /openapi.json: every operation, reads and (with an admin key)
writes, on both engines. No response may be a 5xx, and every response must match
what the schema documents for it (status, media type, body)."""

import os
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from sqlalchemy.orm import Session

from api.app import create_app
from api.store.db import get_session
from api.web.limits import write_limiter
from tests.conftest import session_version
from tests.helpers import Keys

# Generates requests for every operation: half a minute per engine.
pytestmark = pytest.mark.slow

CONFIG = schemathesis.Config.from_dict(
    {
        "checks": {
            # Schema-valid input can still be refused, as documented: 400 for a NUL
            # character in the path, 422 for a cursor we did not issue, an empty value
            # and rules a JSON schema cannot say (a slug made of material and label, a
            # citation key that must exist), 404 for a filter naming no record.
            "positive_data_acceptance": {
                "expected-statuses": [
                    "2xx",
                    "400",
                    "401",
                    "403",
                    "404",
                    "409",
                    "412",
                    "422",
                    "428",
                ]
            }
        }
    }
)


@pytest.fixture
def app_schema(
    seeded: Session, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> Iterator[schemathesis.BaseSchema]:
    monkeypatch.setattr(write_limiter, "_per_minute", lambda: 1_000_000)
    app = create_app(data_version=session_version(seeded))
    app.dependency_overrides[get_session] = lambda: seeded
    with TestClient(app):
        yield schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)


def test_every_operation_answers_as_documented(
    app_schema: schemathesis.BaseSchema, keys: Keys
) -> None:
    operations = [result.ok() for result in app_schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 40

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=int(os.environ.get("MSCKB_SCHEMATHESIS_EXAMPLES", "20")),
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def answers(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
            case.call_and_validate(headers=keys.admin)

        answers()
