"""GET /api/v1/syntheses, /api/v1/experiments and their detail endpoints.

Filters and errors run on procedures each test makes (``procedures``); the tests named
after a part of the source check the curated procedures in the seeded database."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models.enums import ComponentRole, StepAction
from tests.helpers import (
    is_problem,
    listing,
    make_experiment,
    make_material,
    make_species,
    make_synthesis,
    step,
)


def test_syntheses_are_the_table_s4_preparations(api: TestClient) -> None:
    texts = {s["preparation_text"] for s in listing(api, "/api/v1/syntheses")}
    assert texts == {
        "180 °C/20 min in toluene",
        "180 °C/20 min 3-day storage then in toluene",
        "180 °C/20 min 4 °C stored 20 h then in toluene",
        "180 °C/20 min 60 °C stored 20 h then in toluene",
        "160 °C/30 min in toluene",
    }


@pytest.fixture
def procedures(session: Session) -> None:
    """Three CdS syntheses (two on zhang2018thermally, one stored at 60 °C), one CdSe
    synthesis; three CdTe experiments with OTA that saw sMSC-448 and one that did not."""
    make_material(session, formula="CdTe")
    solvent = (ComponentRole.SOLVENT, "toluene", None)
    make_synthesis(
        session,
        slug="cds-stored-60c",
        preparation_text="180 °C/20 min 60 °C stored 20 h then in toluene",
        steps=[
            step(session, action=StepAction.REACT, temperature_c=180, duration_s=1200),
            step(session, action=StepAction.STORE, temperature_c=60, duration_s=72000),
            step(session, action=StepAction.DISPERSE, components=[solvent]),
        ],
        reference="zhang2018thermally",
    )
    make_synthesis(session, slug="cds-in-toluene", reference="zhang2018thermally")
    make_synthesis(session, slug="cds-zhu")
    make_synthesis(session, slug="cdse-160c", material="CdSe", title="CdSe at 160 °C")
    smsc_448 = make_species(session, material="CdTe", label="sMSC-448", peaks=[448])
    smsc_371 = make_species(session, material="CdTe", label="sMSC-371", peaks=[371])
    for n, volume in enumerate([0.40, 0.30, 0.075, 1.0]):
        make_experiment(
            session,
            slug=f"cdte-ota-{n}",
            steps=[step(session, components=[(ComponentRole.ADDITIVE, "OTA", volume)])],
            observed=[smsc_371] if volume == 1.0 else [smsc_371, smsc_448],
        )


@pytest.mark.usefixtures("procedures")
def test_synthesis_filters_and_detail(client: TestClient) -> None:
    assert len(listing(client, "/api/v1/syntheses", material="CdS")) == 3
    assert listing(client, "/api/v1/syntheses", material="CdTe") == []
    zhang = listing(client, "/api/v1/syntheses", reference="zhang2018thermally")
    assert len(zhang) == 2
    stored_at_60 = next(s for s in zhang if "60 °C" in s["preparation_text"])
    body = client.get(f"/api/v1/syntheses/{stored_at_60['slug']}").json()
    steps = [(s["action"], s["temperature_c"], s["duration_s"]) for s in body["steps"]]
    assert steps[:2] == [("react", 180.0, 1200.0), ("store", 60.0, 72000.0)]
    solvents = [c["reagent"]["name"] for s in body["steps"] for c in s["components"]]
    assert "toluene" in solvents


@pytest.mark.usefixtures("procedures")
def test_experiments_observing_a_species(client: TestClient) -> None:
    rows = listing(client, "/api/v1/experiments", species="cdte-smsc-448")
    assert len(rows) == 3
    assert {e["material"] for e in rows} == {"CdTe"}
    volumes = {
        c["volume_ml"]
        for e in rows
        for s in e["steps"]
        for c in s["components"]
        if c["reagent"]["name"] == "OTA"
    }
    assert volumes == {0.40, 0.30, 0.075}
    assert len(listing(client, "/api/v1/experiments", species="cdte-smsc-371")) == 4


def test_figure_s1_c_sampling_times(api: TestClient) -> None:
    (c,) = [
        e
        for e in listing(api, "/api/v1/experiments", reference="li2019identifying")
        if e["evidence"]["locator"] == "Figure S1(C)"
    ]
    body = api.get(f"/api/v1/experiments/{c['slug']}").json()
    samples = [s["start_s"] for s in body["steps"] if s["action"] == "sample"]
    minutes = [2, 4, 6, 8, 10, 15, 20, 30, 45, 60, 90, 120, 150]
    assert samples == [10.0] + [60.0 * m for m in minutes]
    assert {s["temperature_c"] for s in body["steps"]} - {None} == {195.0}
    assert any(o["evidence"]["status"] == "attributed" for o in body["observations"])


def test_note_s5_experiment_without_a_material(api: TestClient) -> None:
    rows = [e for e in listing(api, "/api/v1/experiments") if e["evidence"]["locator"] == "Note S5"]
    assert rows
    assert {e["material"] for e in rows} == {None}
    durations = {s["duration_s"] for e in rows for s in e["steps"]}
    assert 86400.0 in durations


@pytest.mark.parametrize("path", ["/api/v1/syntheses/nothing", "/api/v1/experiments/nothing"])
@pytest.mark.usefixtures("procedures")
def test_unknown_slug_is_a_404(client: TestClient, path: str) -> None:
    is_problem(client.get(path), 404)


@pytest.mark.usefixtures("procedures")
def test_unknown_filter_values_are_404s(client: TestClient) -> None:
    is_problem(client.get("/api/v1/experiments", params={"species": "cdte-smsc-999"}), 404)
    is_problem(client.get("/api/v1/syntheses", params={"reference": "nobody2099"}), 404)
