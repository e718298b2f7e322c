"""The client against a live server (``msckb serve`` on a seeded database, each
engine): its iterators collect every row a list counts, every GET answer parses into
its model, errors are raised with their problem body, writes carry the key (and only
they), and 429 and 503 are retried after their Retry-After."""

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pydantic import BaseModel

import generate
from msckb_client import (
    Client,
    InvalidRequest,
    NotFound,
    PreconditionFailed,
    RateLimited,
    Unauthorized,
    models,
)
from tests.cli import msckb
from tests.client.conftest import Live, new_key
from tests.reliability.servers import served

# Each module starts a server on a freshly seeded database.
pytestmark = pytest.mark.slow

NEW_SPECIES: dict[str, Any] = {
    "slug": "cds-msc-350",
    "material": "CdS",
    "kind": "msc",
    "label": "MSC-350",
    "evidence": {"ref": "he_transformations", "locator": "Note S1", "status": "reported"},
}


@pytest.fixture
def client(live: Live) -> Iterator[Client]:
    with Client(live.base, max_retries=0) as client:
        yield client


def list_operations() -> list[str]:
    return sorted(
        name.removeprefix("iter_")
        for name in dir(Client)
        if name.startswith("iter_") and not name.endswith("_history")
    )


@pytest.mark.parametrize("name", list_operations())
def test_an_iterator_collects_every_row_the_list_counts(client: Client, name: str) -> None:
    lister: Callable[..., Any] = getattr(client, f"list_{name}")
    iterator: Callable[..., Iterator[BaseModel]] = getattr(client, f"iter_{name}")
    total = lister(count=True).meta.total
    rows = [row.model_dump_json() for row in iterator(limit=3)]
    assert len(rows) == total
    assert len(set(rows)) == total  # no page twice


def test_filters_hold_on_every_page(client: Client) -> None:
    everything = client.list_species(material="CdSe", count=True, limit=200)
    assert everything.meta.total is not None
    assert everything.meta.total > 4
    paged = list(client.iter_species(material="CdSe", limit=2))
    assert [row.slug for row in paged] == [row.slug for row in everything.data]
    assert {row.material for row in paged} == {"CdSe"}
    assert client.list_species(material="CdSe", limit=2).links.next is not None


def test_every_get_answer_parses_into_its_model(client: Client, live: Live) -> None:
    """Each GET operation of the contract, called with identifiers the data has; each
    answer is validated by the method's model (a mismatch raises)."""
    # A second data release, for a diff: a species added through the API, released.
    with Client(live.base, api_key=live.key) as writer:
        writer.create_species({**NEW_SPECIES, "slug": "cds-msc-354", "label": "MSC-354"})
    assert msckb(live.database, "release").returncode == 0
    species = client.get_species("cds-msc-311")
    counterpart = species.counterparts[0]
    isomer = species.isomers[0]
    experiment = next(e for e in client.iter_experiments() if e.observations)
    transformation = client.list_transformations(limit=1).data[0]
    maldi = client.list_maldi(limit=1).data[0]
    synthesis = client.list_syntheses(limit=1).data[0]
    reference = client.list_references(limit=1).data[0]
    term = client.list_glossary(limit=1).data[0]
    first, release = client.list_releases(limit=2).data
    calls: dict[str, Callable[[], object]] = {
        "get_health": client.get_health,
        "get_info": client.get_info,
        "get_material": lambda: client.get_material("CdS"),
        "get_species": lambda: species,
        "resolve_peak": lambda: client.resolve_peak(peak_nm=311),
        "get_reference": lambda: client.get_reference(reference.key),
        "get_bibliography": lambda: client.get_bibliography(material="CdS"),
        "get_maldi": lambda: client.get_maldi(maldi.id),
        "get_synthesis": lambda: client.get_synthesis(synthesis.slug),
        "get_experiment": lambda: client.get_experiment(experiment.slug),
        "get_transformation": lambda: client.get_transformation(transformation.id),
        "find_paths": lambda: client.find_paths(source="cds-msc-311", target="cds-msc-322"),
        "get_network": lambda: client.get_network(material="CdTe"),
        "get_glossary_term": lambda: client.get_glossary_term(term.slug),
        "get_table": lambda: client.get_table("S4"),
        "get_export": client.get_export,
        "get_dataset": client.get_dataset,
        "get_release": lambda: client.get_release(release.number),
        "get_release_citation": lambda: client.get_release_citation(release.number),
        "get_release_export": lambda: client.get_release_export(release.number),
        "get_release_diff": lambda: client.get_release_diff(first.number, release.number),
        "get_counterpart": lambda: client.get_counterpart(
            counterpart.pc.slug, counterpart.msc.slug
        ),
        "get_isomer_pair": lambda: client.get_isomer_pair(
            *sorted([species.slug, isomer.species.slug])
        ),
        "get_experiment_observation": lambda: client.get_experiment_observation(experiment.slug, 1),
        "list_changes": lambda: client.list_changes(limit=1),
        "get_species_history": lambda: client.get_species_history(species.slug),
        "get_transformation_history": lambda: client.get_transformation_history(transformation.id),
        "get_synthesis_history": lambda: client.get_synthesis_history(synthesis.slug),
        "get_experiment_history": lambda: client.get_experiment_history(experiment.slug),
        "get_maldi_history": lambda: client.get_maldi_history(maldi.id),
        "get_reference_history": lambda: client.get_reference_history(reference.key),
    }
    for name in list_operations():
        calls[f"list_{name}"] = getattr(client, f"list_{name}")
    gets = {
        operation["operationId"]
        for path_item in generate.app_spec()["paths"].values()
        for verb, operation in path_item.items()
        if verb == "get"
    }
    assert set(calls) == gets
    answers = {name: call() for name, call in calls.items()}
    assert isinstance(answers["get_table"], models.TableRead)
    assert isinstance(answers["find_paths"], models.Paths)
    assert answers["find_paths"].data
    assert isinstance(answers["get_release_citation"], str)
    assert answers["get_release_citation"].startswith("@")
    diff = answers["get_release_diff"]
    assert isinstance(diff, models.ReleaseDiffRead)
    assert "cds-msc-354" in diff.model_dump_json()


def test_a_missing_record_raises_not_found_with_the_problem(client: Client) -> None:
    with pytest.raises(NotFound) as raised:
        client.get_species("cds-msc-999")
    error = raised.value
    assert error.status == 404
    assert error.problem is not None
    assert error.title == error.problem.title == "Not Found"
    assert "cds-msc-999" in error.detail
    assert "cds-msc-999" in str(error)


def test_an_invalid_parameter_raises_invalid_request_naming_it(client: Client) -> None:
    with pytest.raises(InvalidRequest) as raised:
        client.list_species(limit=0)
    assert raised.value.status == 422
    assert [error.location for error in raised.value.errors] == ["query.limit"]
    assert "query.limit" in str(raised.value)


def test_writes_carry_the_key_reads_do_not_and_it_is_never_shown(
    live: Live, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("MSCKB_API_KEY", raising=False)
    with Client(live.base) as anonymous, pytest.raises(Unauthorized):
        anonymous.create_species(NEW_SPECIES)

    monkeypatch.setenv("MSCKB_API_KEY", live.key)
    caplog.set_level(logging.DEBUG)
    with Client(live.base) as client:
        assert live.key not in repr(client)
        created = client.create_species(models.SpeciesSeed.model_validate(NEW_SPECIES))
        assert (created.entity, created.id) == ("species", "cds-msc-350")
        url = "/api/v1/species/cds-msc-350"
        with pytest.raises(PreconditionFailed):
            client.update_species("cds-msc-350", {"description": "x"}, if_match='"0"')
        updated = client.update_species(
            "cds-msc-350", {"description": "From the client."}, if_match=client.etag(url)
        )
        assert updated.version is not None
        assert updated.version > (created.version or 0)
        assert client.get_species("cds-msc-350").description == "From the client."
        changes = client.list_changes(identifier="cds-msc-350").data
        assert {change.key for change in changes} == {"client-tests"}
        client.delete_species("cds-msc-350", if_match=client.etag(url))
        with pytest.raises(NotFound):
            client.get_species("cds-msc-350")
    assert live.key not in caplog.text


def test_a_rate_limited_write_waits_as_retry_after_says(live: Live) -> None:
    """The real limit (one write a minute): the client sleeps what Retry-After asks,
    up to ``max_retries`` times, then raises; a wait above ``max_retry_wait`` is not
    waited at all."""
    key = new_key(live.database, "rate-limited")
    waits: list[float] = []
    with served(live.database, MSCKB_WRITES_PER_MINUTE="1") as (base, _process):
        client = Client(base, api_key=key, max_retries=2, sleep=waits.append)
        client.create_species({**NEW_SPECIES, "slug": "cds-msc-351", "label": "MSC-351"})
        with pytest.raises(RateLimited) as raised:
            client.create_species({**NEW_SPECIES, "slug": "cds-msc-352", "label": "MSC-352"})
        assert raised.value.status == 429
        assert raised.value.retry_after is not None
        assert len(waits) == 2
        assert all(55 <= wait <= 61 for wait in waits), waits
        assert waits[-1] >= float(raised.value.retry_after) - 1

        impatient = Client(base, api_key=key, max_retry_wait=5, sleep=waits.append)
        with pytest.raises(RateLimited):
            impatient.create_species({**NEW_SPECIES, "slug": "cds-msc-352", "label": "MSC-352"})
        assert len(waits) == 2
        client.close()
        impatient.close()


def test_a_busy_database_503_is_retried_and_then_succeeds(sqlite_live: Live) -> None:
    """SQLite's write lock held by another connection: the server answers 503 with
    Retry-After: 1 after its busy timeout; the client waits that second (here: lets go
    of the lock) and the retried write goes through."""
    live = sqlite_live
    path = live.database.removeprefix("sqlite:///")
    assert os.path.exists(path)
    key = new_key(live.database, "busy")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    waits: list[float] = []

    def release(seconds: float) -> None:
        waits.append(seconds)
        if blocker.in_transaction:
            blocker.execute("ROLLBACK")

    try:
        with (
            served(live.database, MSCKB_SQLITE_BUSY_TIMEOUT_MS="200") as (base, _process),
            Client(base, api_key=key, sleep=release) as client,
        ):
            created = client.create_species(
                {**NEW_SPECIES, "slug": "cds-msc-353", "label": "MSC-353"}
            )
            assert created.id == "cds-msc-353"
            assert waits == [1.0]
            client.delete_species(
                "cds-msc-353", if_match=client.etag("/api/v1/species/cds-msc-353")
            )
    finally:
        if blocker.in_transaction:
            blocker.execute("ROLLBACK")
        blocker.close()
