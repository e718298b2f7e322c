"""GET /api/v1/transformations, its detail, paths and network.

Every case runs on rows it makes (``network``, or its own for the detail), none on the
curated seeds."""

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.queries.lookup import species_id
from api.queries.network import Arc, find_paths
from models import (
    IsosbesticPoint,
    Kinetics,
    Mechanism,
    TransformationMechanism,
)
from models.enums import EvidenceStatus
from tests.helpers import (
    CDTE,
    THERMAL,
    evidence,
    is_problem,
    listing,
    make_network,
    make_reagent,
    make_species,
    make_transformation,
)


@pytest.fixture
def network(session: Session) -> None:
    make_network(session)


def transformations(api: TestClient, **params: Any) -> list[dict[str, Any]]:
    return listing(api, "/api/v1/transformations", **params)


def ends(rows: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(t["source"]["slug"], t["product"]["slug"]) for t in rows}


@pytest.mark.usefixtures("network")
def test_what_cdte_smsc_371_turns_into_and_under_which_conditions(client: TestClient) -> None:
    rows = transformations(client, source="cdte-smsc-371")
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


@pytest.mark.usefixtures("network")
def test_filter_by_material_and_additive(client: TestClient) -> None:
    cdte = transformations(client, material="CdTe")
    assert {
        (t["source"]["slug"], t["product"]["slug"], t["conditions"]["additive_volume_ml"])
        for t in cdte
    } == CDTE
    assert len(cdte) == len(CDTE)
    assert len(transformations(client, additive="OTA")) == len(CDTE)
    assert len(transformations(client, additive="ota", material="CdS")) == 0


@pytest.mark.usefixtures("network")
def test_filter_by_target_and_either_end(client: TestClient) -> None:
    into_311 = transformations(client, target="cds-msc-311")
    assert {t["source"]["slug"] for t in into_311} == {"cds-pc-311", "cds-msc-322"}
    assert ends(transformations(client, species="cds-msc-322")) == {
        ("cds-msc-311", "cds-msc-322"),
        ("cds-msc-322", "cds-msc-311"),
    }
    assert len(transformations(client, species="cds-msc-322")) == 3
    assert transformations(client, source="cds-msc-311", target="cds-pc-311") == []


@pytest.mark.usefixtures("network")
def test_filter_by_trigger_reversibility_status_reference(client: TestClient) -> None:
    (thermal,) = transformations(client, trigger="thermal")
    assert thermal["id"] == THERMAL
    chemical = transformations(client, trigger="chemical")
    assert len(chemical) == len(CDTE) + 1
    assert {t["evidence"]["reference"] for t in chemical} == {
        "ota2020",
        "williamson2019chemically",
    }
    reversible = transformations(client, reversible="true")
    assert {t["reversible"] for t in reversible} == {True}
    assert {t["trigger"] for t in reversible} == {"thermal", "dilution"}
    assert {t["reversible"] for t in transformations(client, reversible="false")} == {False}
    (proposed,) = transformations(client, status="proposed")
    assert ends([proposed]) == {("cds-pc-311", "cds-msc-311")}
    assert len(transformations(client, reference="williamson2019chemically")) == 1


@pytest.mark.usefixtures("network")
def test_every_transformation_observed_in_toluene(client: TestClient) -> None:
    for name in ("toluene", "Tol", "TOLUENE"):
        assert [t["id"] for t in transformations(client, solvent=name)] == [THERMAL]
    assert len(transformations(client, solvent="cyclohexane")) == 1


@pytest.mark.usefixtures("network")
def test_filter_by_temperature_inside_the_conditions(client: TestClient) -> None:
    for celsius in (15, 46, 46.0):
        assert [t["trigger"] for t in transformations(client, temperature_c=celsius)] == ["thermal"]
    assert transformations(client, temperature_c=-20) == []
    assert transformations(client, temperature_c=30) == []


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
@pytest.mark.usefixtures("network")
def test_unknown_identifiers_are_404s(
    client: TestClient, params: dict[str, str], name: str
) -> None:
    body = is_problem(client.get("/api/v1/transformations", params=params), 404)
    assert f"query.{name}" in str(body["detail"])


@pytest.mark.parametrize(
    "params", [{"trigger": "magic"}, {"reversible": "perhaps"}, {"status": "rumoured"}]
)
def test_bad_enumerations_are_422s(client: TestClient, params: dict[str, str]) -> None:
    is_problem(client.get("/api/v1/transformations", params=params), 422)


def test_detail_with_kinetics_isosbestic_points_and_pathway(
    client: TestClient, session: Session
) -> None:
    note_s1 = evidence(session, locator="Note S1")
    proposed = evidence(session, locator="Table S3", status=EvidenceStatus.PROPOSED)
    toluene = make_reagent(session, name="toluene")
    cyclohexane = make_reagent(session, name="cyclohexane")
    thermal = make_transformation(
        session,
        source=make_species(session, label="MSC-311"),
        product=make_species(session, label="MSC-322"),
        reversible=True,
    )
    session.add_all(
        [
            Kinetics(
                transformation_id=thermal.id,
                solvent=toluene,
                barrier_kj_mol=276.8,
                relative_rate="slower",
                **note_s1,
            ),
            Kinetics(
                transformation_id=thermal.id, solvent=cyclohexane, barrier_kj_mol=269.3, **note_s1
            ),
            # Out of temperature order: the detail sorts them.
            IsosbesticPoint(
                transformation_id=thermal.id,
                wavelength_nm=319.0,
                temperature_c=46.0,
                approximate=True,
                **note_s1,
            ),
            IsosbesticPoint(
                transformation_id=thermal.id,
                wavelength_nm=316.0,
                temperature_c=15.0,
                approximate=True,
                **note_s1,
            ),
            TransformationMechanism(
                transformation_id=thermal.id,
                mechanism=Mechanism(slug="sn1-like", name="SN1-like", **proposed),
                **proposed,
            ),
        ]
    )
    session.flush()
    body = client.get(f"/api/v1/transformations/{THERMAL}").json()
    assert (body["source"]["slug"], body["product"]["slug"], body["reversible"]) == (
        "cds-msc-311",
        "cds-msc-322",
        True,
    )
    barriers = {k["solvent"]["name"]: k for k in body["kinetics"]}
    assert set(barriers) == {"toluene", "cyclohexane"}
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


@pytest.mark.usefixtures("network")
def test_unknown_transformation_is_a_404(client: TestClient) -> None:
    assert client.get(f"/api/v1/transformations/{THERMAL}").status_code == 200
    is_problem(client.get("/api/v1/transformations/42"), 404)


def paths(api: TestClient, **params: Any) -> dict[str, Any]:
    response = api.get("/api/v1/transformations/paths", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.usefixtures("network")
def test_paths_shortest_first_and_connected(client: TestClient) -> None:
    body = paths(client, source="cdte-smsc-371", target="cdte-dmsc-371")
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


@pytest.mark.usefixtures("network")
def test_reversible_transformations_are_walked_both_ways(client: TestClient) -> None:
    body = paths(client, source="cds-msc-322", target="cds-msc-311")
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


@pytest.mark.usefixtures("network")
def test_path_search_frees_its_arcs_without_the_collector(
    session: Session, saved_garbage: list[Any]
) -> None:
    # Around a hub the arcs of one search are megabytes; a reference cycle would keep
    # them until the next full collection, which under load came seconds later.
    source = species_id(session, "cdte-smsc-371", param="source")
    target = species_id(session, "cdte-dmsc-371", param="target")
    found, _ = find_paths(session, source, target, max_steps=4, limit=50)
    assert len(found) == 7
    del found
    gc.collect()
    # Only what holds arcs counts: other tests' objects may reach the collector now too.
    assert not [o for o in saved_garbage if _holds_arcs(o)]


def _holds_arcs(value: Any, depth: int = 3) -> bool:
    """Whether ``value`` is an arc or a dict, set, list or tuple holding arcs (nested)."""
    if isinstance(value, Arc):
        return True
    if depth == 0:
        return False
    if isinstance(value, dict):
        items: Any = value.values()
    elif isinstance(value, set | frozenset | list | tuple):
        items = value
    else:
        return False
    return any(_holds_arcs(item, depth - 1) for item in items)


@pytest.mark.usefixtures("network")
def test_no_path_is_an_empty_list(client: TestClient) -> None:
    body = paths(client, source="cds-msc-311", target="cds-pc-311")
    assert body["data"] == []
    assert paths(client, source="cds-msc-311", target="cdte-smsc-371")["data"] == []


@pytest.mark.usefixtures("network")
def test_max_steps_and_limit(client: TestClient) -> None:
    short = paths(client, source="cdte-smsc-371", target="cdte-dmsc-371", max_steps=2)
    assert [p["length"] for p in short["data"]] == [2]
    assert paths(client, source="cdte-smsc-371", target="cdte-dmsc-371", max_steps=1)["data"] == []
    first = paths(client, source="cdte-smsc-371", target="cdte-dmsc-371", limit=1)
    assert [p["length"] for p in first["data"]] == [2]
    assert first["meta"]["truncated"] is True


@pytest.mark.usefixtures("network")
@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"source": "cds-msc-999", "target": "cds-msc-311"}, 404),
        ({"source": "cds-msc-311", "target": "cds-msc-999"}, 404),
        ({"source": "cds-msc-311", "target": "cds-msc-311"}, 422),
        ({"source": "cds-msc-311"}, 422),
        ({"source": "cds-msc-311", "target": "cds-msc-322", "max_steps": 0}, 422),
        ({"source": "cds-msc-311", "target": "cds-msc-322", "max_steps": 99}, 422),
    ],
)
def test_path_errors(client: TestClient, params: dict[str, Any], status: int) -> None:
    is_problem(client.get("/api/v1/transformations/paths", params=params), status)


@pytest.mark.usefixtures("network")
def test_network_of_a_material(client: TestClient) -> None:
    body = client.get("/api/v1/transformations/network", params={"material": "CdTe"}).json()
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


@pytest.mark.usefixtures("network")
def test_whole_network(client: TestClient) -> None:
    body = client.get("/api/v1/transformations/network").json()
    ids = {n["id"] for n in body["nodes"]}
    assert {"cds-msc-311", "cds-msc-322", "cds-pc-311", "cdte-dmsc-371"} <= ids
    assert all(e["source"] in ids and e["target"] in ids for e in body["edges"])
    assert len(body["edges"]) == len(transformations(client))
    (pc_edge,) = [e for e in body["edges"] if e["source"] == "cds-pc-311"]
    assert "proposed" in pc_edge["label"]


@pytest.mark.usefixtures("network")
def test_network_of_unknown_material_is_a_404(client: TestClient) -> None:
    is_problem(client.get("/api/v1/transformations/network", params={"material": "GaAs"}), 404)
