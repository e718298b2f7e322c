"""GET /api/v1/transformations, its detail, paths and network."""

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.queries.lookup import species_id
from api.queries.network import Arc, find_paths
from tests.helpers import is_problem

CDTE = {
    ("cdte-smsc-371", "cdte-smsc-417", 0.40),
    ("cdte-smsc-371", "cdte-smsc-417", 0.30),
    ("cdte-smsc-417", "cdte-smsc-448", 0.40),
    ("cdte-smsc-417", "cdte-smsc-448", 0.30),
    ("cdte-smsc-371", "cdte-smsc-448", 0.075),
    ("cdte-smsc-417", "cdte-smsc-448", 0.075),
    ("cdte-smsc-448", "cdte-dmsc-371", 0.075),
}


def listing(api: TestClient, **params: object) -> list[dict[str, Any]]:
    response = api.get("/api/v1/transformations", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def ends(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(t["source"]["slug"], t["product"]["slug"]) for t in rows}


def test_what_cdte_smsc_371_turns_into_and_under_which_conditions(api: TestClient) -> None:
    rows = listing(api, source="cdte-smsc-371")
    found = {
        (
            t["product"]["slug"],
            t["conditions"]["additive"]["name"],
            t["conditions"]["additive_volume_ml"],
        )
        for t in rows
    }
    assert found == {
        ("cdte-smsc-417", "OTA", 0.40),
        ("cdte-smsc-417", "OTA", 0.30),
        ("cdte-smsc-448", "OTA", 0.075),
    }
    windows = {
        t["conditions"]["additive_volume_ml"]: (
            t["conditions"]["window_start_s"],
            t["conditions"]["window_end_s"],
        )
        for t in rows
        if t["product"]["slug"] == "cdte-smsc-417"
    }
    assert windows == {0.40: (0.0, 1800.0), 0.30: (None, None)}


def test_filter_by_material_and_additive(api: TestClient) -> None:
    cdte = listing(api, material="CdTe")
    assert {
        (t["source"]["slug"], t["product"]["slug"], t["conditions"]["additive_volume_ml"])
        for t in cdte
    } == CDTE
    assert len(listing(api, additive="OTA")) == len(CDTE)
    assert len(listing(api, additive="ota", material="CdS")) == 0


def test_filter_by_target_and_either_end(api: TestClient) -> None:
    into_311 = listing(api, target="cds-msc-311")
    assert {t["source"]["slug"] for t in into_311} == {"cds-pc-311", "cds-msc-322"}
    assert ends(listing(api, species="cds-msc-322")) == {
        ("cds-msc-311", "cds-msc-322"),
        ("cds-msc-322", "cds-msc-311"),
    }
    assert listing(api, source="cds-msc-311", target="cds-pc-311") == []


def test_filter_by_trigger_reversibility_status_reference(api: TestClient) -> None:
    (thermal,) = listing(api, trigger="thermal")
    assert thermal["id"] == "cds-msc-311-to-cds-msc-322-thermal"
    chemical = listing(api, trigger="chemical")
    assert {t["evidence"]["reference"] for t in chemical} == {
        "zhang2018thermally",
        "williamson2019chemically",
    }
    assert {t["reversible"] for t in listing(api, reversible="true")} == {True}
    assert len(listing(api, reversible="true")) == 2
    (proposed,) = listing(api, status="proposed")
    assert ends([proposed]) == {("cds-pc-311", "cds-msc-311")}
    assert len(listing(api, reference="williamson2019chemically")) == 1


def test_every_transformation_observed_in_toluene(api: TestClient) -> None:
    for name in ("toluene", "Tol", "TOLUENE"):
        assert [t["id"] for t in listing(api, solvent=name)] == [
            "cds-msc-311-to-cds-msc-322-thermal"
        ]
    assert len(listing(api, solvent="cyclohexane")) == 1


def test_filter_by_temperature_inside_the_conditions(api: TestClient) -> None:
    for celsius in (15, 46, 46.0):
        assert [t["trigger"] for t in listing(api, temperature_c=celsius)] == ["thermal"]
    assert listing(api, temperature_c=-20) == []


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"source": "cdte-smsc-999"}, "source"),
        ({"target": "x"}, "target"),
        ({"species": "x"}, "species"),
        ({"solvent": "benzene"}, "solvent"),
        ({"additive": "TOPO"}, "additive"),
        ({"reference": "x"}, "reference"),
        ({"material": "GaAs"}, "material"),
    ],
)
def test_unknown_identifiers_are_404s(api: TestClient, params: dict[str, str], name: str) -> None:
    body = is_problem(api.get("/api/v1/transformations", params=params), 404)
    assert f"query.{name}" in str(body["detail"])


@pytest.mark.parametrize(
    "params", [{"trigger": "magic"}, {"reversible": "perhaps"}, {"status": "rumoured"}]
)
def test_bad_enumerations_are_422s(api: TestClient, params: dict[str, str]) -> None:
    is_problem(api.get("/api/v1/transformations", params=params), 422)


def test_detail_with_kinetics_isosbestic_points_and_pathway(api: TestClient) -> None:
    body = api.get("/api/v1/transformations/cds-msc-311-to-cds-msc-322-thermal").json()
    assert (body["source"]["slug"], body["product"]["slug"], body["reversible"]) == (
        "cds-msc-311",
        "cds-msc-322",
        True,
    )
    barriers = {k["solvent"]["name"]: k for k in body["kinetics"]}
    assert barriers["toluene"]["barrier_kj_mol"] == 276.8
    assert barriers["cyclohexane"]["barrier_kj_mol"] == 269.3
    assert barriers["toluene"]["relative_rate"] == "slower"
    assert {k["evidence"]["locator"] for k in body["kinetics"]} == {"Note S1"}
    points = [
        (p["wavelength_nm"], p["temperature_c"], p["evidence"]["approximate"])
        for p in body["isosbestic_points"]
    ]
    assert points == [(316.0, 15.0, True), (319.0, 46.0, True)]
    (mechanism,) = body["mechanisms"]
    assert mechanism["evidence"]["status"] == "proposed"


def test_unknown_transformation_is_a_404(api: TestClient) -> None:
    is_problem(api.get("/api/v1/transformations/42"), 404)


def paths(api: TestClient, **params: object) -> dict[str, Any]:
    response = api.get("/api/v1/transformations/paths", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_paths_shortest_first_and_connected(api: TestClient) -> None:
    body = paths(api, source="cdte-smsc-371", target="cdte-dmsc-371")
    lengths = [p["length"] for p in body["data"]]
    assert lengths == sorted(lengths)
    # One two-step path via sMSC-448 (0.075 mL OTA); via sMSC-417 there are two ways
    # to 417 (0.40, 0.30 mL) times three ways on to 448 (0.40, 0.30, 0.075 mL).
    assert lengths == [2] + [3] * 6
    assert body["data"][0]["species"] == ["cdte-smsc-371", "cdte-smsc-448", "cdte-dmsc-371"]
    for path in body["data"]:
        assert path["species"][0] == "cdte-smsc-371"
        assert path["species"][-1] == "cdte-dmsc-371"
        for step, start, end in zip(
            path["steps"], path["species"][:-1], path["species"][1:], strict=True
        ):
            assert (step["from_species"], step["to_species"]) == (start, end)
            assert step["direction"] == "forward"
    assert body["meta"]["truncated"] is False
    assert len({tuple(s["transformation"] for s in p["steps"]) for p in body["data"]}) == 7


def test_reversible_transformations_are_walked_both_ways(api: TestClient) -> None:
    body = paths(api, source="cds-msc-322", target="cds-msc-311")
    steps = sorted(
        (p["steps"][0]["transformation"], p["steps"][0]["direction"]) for p in body["data"]
    )
    assert [p["length"] for p in body["data"]] == [1, 1, 1]
    assert [direction for _, direction in steps].count("reverse") == 2
    assert ("cds-msc-311-to-cds-msc-322-thermal", "reverse") in steps


@pytest.fixture
def saved_garbage() -> Iterator[list[Any]]:
    """The objects the cyclic collector finds from here on, kept for inspection."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def test_path_search_frees_its_arcs_without_the_collector(
    seeded: Session, saved_garbage: list[Any]
) -> None:
    # Around a hub the arcs of one search are megabytes; a reference cycle would keep
    # them until the next full collection, which under load came seconds later.
    source = species_id(seeded, "cdte-smsc-371", param="source")
    target = species_id(seeded, "cdte-dmsc-371", param="target")
    found, _ = find_paths(seeded, source, target, max_steps=4, limit=50)
    assert len(found) == 7
    del found
    gc.collect()
    assert not [o for o in saved_garbage if isinstance(o, Arc | dict | set)]


def test_no_path_is_an_empty_list(api: TestClient) -> None:
    body = paths(api, source="cds-msc-311", target="cds-pc-311")
    assert body["data"] == []
    assert paths(api, source="cds-msc-311", target="cdte-smsc-371")["data"] == []


def test_max_steps_and_limit(api: TestClient) -> None:
    short = paths(api, source="cdte-smsc-371", target="cdte-dmsc-371", max_steps=2)
    assert [p["length"] for p in short["data"]] == [2]
    assert paths(api, source="cdte-smsc-371", target="cdte-dmsc-371", max_steps=1)["data"] == []
    first = paths(api, source="cdte-smsc-371", target="cdte-dmsc-371", limit=1)
    assert [p["length"] for p in first["data"]] == [2]
    assert first["meta"]["truncated"] is True


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"source": "cds-msc-999", "target": "cds-msc-311"}, 404),
        ({"source": "cds-msc-311", "target": "cds-msc-999"}, 404),
        ({"source": "cds-msc-311", "target": "cds-msc-311"}, 400),
        ({"source": "cds-msc-311"}, 422),
        ({"source": "cds-msc-311", "target": "cds-msc-322", "max_steps": 0}, 422),
        ({"source": "cds-msc-311", "target": "cds-msc-322", "max_steps": 99}, 422),
    ],
)
def test_path_errors(api: TestClient, params: dict[str, object], status: int) -> None:
    is_problem(api.get("/api/v1/transformations/paths", params=params), status)


def test_network_of_a_material(api: TestClient) -> None:
    body = api.get("/api/v1/transformations/network", params={"material": "CdTe"}).json()
    assert [n["id"] for n in body["nodes"]] == [
        "cdte-dmsc-371",
        "cdte-smsc-371",
        "cdte-smsc-417",
        "cdte-smsc-448",
    ]
    assert {n["peak_nm"] for n in body["nodes"]} == {371.0, 417.0, 448.0}
    assert len(body["edges"]) == len(CDTE)
    labels = {e["id"]: e["label"] for e in body["edges"]}
    assert any("OTA 0.4 mL" in label and "80–480 min" in label for label in labels.values())


def test_whole_network(api: TestClient) -> None:
    body = api.get("/api/v1/transformations/network").json()
    ids = {n["id"] for n in body["nodes"]}
    assert {"cds-msc-311", "cds-msc-322", "cds-pc-311", "cdte-dmsc-371"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])
    assert len(body["edges"]) == len(listing(api))
    (pc_edge,) = [e for e in body["edges"] if e["source"] == "cds-pc-311"]
    assert "proposed" in pc_edge["label"]


def test_network_of_unknown_material_is_a_404(api: TestClient) -> None:
    is_problem(api.get("/api/v1/transformations/network", params={"material": "GaAs"}), 404)
