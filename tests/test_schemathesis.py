"""schemathesis over /openapi.json with every check, on both engines: each operation
alone (reads and, with an admin key, writes), then the stateful phase, which follows
the OpenAPI links from one answer to the next request (a species to its MALDI
measurements and transformations, a write to the read, change and deletion of what
it wrote). No response may be a 5xx, and every response must be one the operation
documents: its status, media type, headers and body; schema-valid input is accepted
or refused only with a status the operation documents."""

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from sqlalchemy.orm import Session

from api.app import create_app
from api.store.db import get_session
from api.web.limits import write_limiter
from tests.conftest import session_version
from tests.helpers import Keys

# Generates requests for every operation, then sequences of them: minutes per engine.
pytestmark = pytest.mark.slow

EXAMPLES = int(os.environ.get("MSCKB_SCHEMATHESIS_EXAMPLES", "20"))
HYPOTHESIS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)


def contract_config(spec: dict[str, Any], headers: dict[str, str]) -> schemathesis.Config:
    """Every check on, and schema-valid input accepted with exactly the statuses each
    operation documents (a 404 for a filter naming no record, a 422 for a rule a JSON
    schema cannot say, 401 to 429 for the writes ...), nothing broader."""
    operations = [
        {
            "include-operation-id": operation["operationId"],
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": sorted(operation["responses"]),
                }
            },
        }
        for path_item in spec["paths"].values()
        for operation in path_item.values()
    ]
    return schemathesis.Config.from_dict({"headers": headers, "operations": operations})


@pytest.fixture
def app_schema(
    seeded: Session, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> Iterator[schemathesis.BaseSchema]:
    monkeypatch.setattr(write_limiter, "_per_minute", lambda: 1_000_000)
    app = create_app(data_version=session_version(seeded))
    app.dependency_overrides[get_session] = lambda: seeded
    with TestClient(app):
        config = contract_config(app.openapi(), keys.admin)
        yield schemathesis.openapi.from_asgi("/openapi.json", app, config=config)


def test_every_operation_answers_as_documented(
    app_schema: schemathesis.BaseSchema, keys: Keys
) -> None:
    operations = [result.ok() for result in app_schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 40

    for operation in operations:

        @given(case=operation.as_strategy())
        @HYPOTHESIS
        def answers(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
            # A generous timeout: on a loaded machine a whole list streamed as CSV can
            # take longer than the transport's default 10 s, which is no contract breach.
            case.call_and_validate(headers=keys.admin, timeout=120)

        answers()


def test_sequences_of_operations_follow_the_links(
    app_schema: schemathesis.BaseSchema, seeded: Session
) -> None:
    links = app_schema.as_state_machine()

    class Sequences(links):  # type: ignore[valid-type,misc]
        """Each sequence starts from the seeded data: what one sequence wrote is rolled
        back before the next, so the transitions hypothesis may choose never depend on
        the sequences before (else it reports FlakyStrategyDefinition, not a result)."""

        def setup(self) -> None:
            self.savepoint = seeded.begin_nested()

        def teardown(self) -> None:
            self.savepoint.rollback()
            seeded.expunge_all()

    machine = Sequences
    # Derandomized and not shrunk: which transitions are allowed depends on the answers
    # before them, so hypothesis, replaying a sequence against a database the earlier
    # ones changed, can meet other choices and report FlakyStrategyDefinition instead
    # of a result. A fixed seed runs the same sequences every time; a failure is
    # reported as it ran.
    machine.run(
        settings=settings(
            HYPOTHESIS,
            stateful_step_count=6,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
        )
    )
