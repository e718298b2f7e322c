"""GET /api/v1/syntheses, /api/v1/experiments and their detail endpoints."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.helpers import is_problem


def listing(api: TestClient, path: str, **params: object) -> list[dict[str, Any]]:
    response = api.get(path, params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def test_syntheses_are_the_table_s4_preparations(api: TestClient) -> None:
    texts = {s["preparation_text"] for s in listing(api, "/api/v1/syntheses")}
    assert texts == {
        "180 °C/20 min in toluene",
        "180 °C/20 min 3-day storage then in toluene",
        "180 °C/20 min 4 °C stored 20 h then in toluene",
        "180 °C/20 min 60 °C stored 20 h then in toluene",
        "160 °C/30 min in toluene",
    }


def test_synthesis_filters_and_detail(api: TestClient) -> None:
    assert len(listing(api, "/api/v1/syntheses", material="CdS")) == 5
    assert listing(api, "/api/v1/syntheses", material="CdTe") == []
    zhang = listing(api, "/api/v1/syntheses", reference="zhang2018thermally")
    assert len(zhang) == 2
    stored_at_60 = next(s for s in zhang if "60 °C" in s["preparation_text"])
    body = api.get(f"/api/v1/syntheses/{stored_at_60['slug']}").json()
    steps = [(s["action"], s["temperature_c"], s["duration_s"]) for s in body["steps"]]
    assert steps[:2] == [("react", 180.0, 1200.0), ("store", 60.0, 72000.0)]
    solvents = [c["reagent"]["name"] for s in body["steps"] for c in s["components"]]
    assert "toluene" in solvents


def test_experiments_observing_a_species(api: TestClient) -> None:
    rows = listing(api, "/api/v1/experiments", species="cdte-smsc-448")
    assert rows
    assert {e["material"] for e in rows} == {"CdTe"}
    volumes = {
        c["volume_ml"]
        for e in rows
        for s in e["steps"]
        for c in s["components"]
        if c["reagent"]["name"] == "OTA"
    }
    assert volumes == {0.40, 0.30, 0.075}


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
def test_unknown_slug_is_a_404(api: TestClient, path: str) -> None:
    is_problem(api.get(path), 404)


def test_unknown_filter_values_are_404s(api: TestClient) -> None:
    is_problem(api.get("/api/v1/experiments", params={"species": "cdte-smsc-999"}), 404)
    is_problem(api.get("/api/v1/syntheses", params={"reference": "nobody2099"}), 404)
