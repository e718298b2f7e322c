"""GET /api/v1/species and /api/v1/species/{slug}."""

import pytest
from fastapi.testclient import TestClient

from tests.helpers import is_problem


def slugs(api: TestClient, **params: object) -> list[str]:
    response = api.get("/api/v1/species", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return [s["slug"] for s in response.json()["data"]]


def test_list_is_ordered_by_slug_and_carries_evidence(api: TestClient) -> None:
    data = api.get("/api/v1/species", params={"limit": 500}).json()["data"]
    assert [s["slug"] for s in data] == sorted(s["slug"] for s in data)
    for species in data:
        assert set(species["evidence"]) == {"reference", "locator", "status", "approximate"}


def test_filter_by_material_is_case_insensitive(api: TestClient) -> None:
    cdte = ["cdte-dmsc-371", "cdte-smsc-371", "cdte-smsc-417", "cdte-smsc-448"]
    assert slugs(api, material="CdTe") == cdte
    assert slugs(api, material="cdte") == cdte
    assert slugs(api, material="GaAs") == []


def test_filter_by_kind(api: TestClient) -> None:
    assert slugs(api, kind="pc") == ["cds-pc-311", "cds-pcs"]
    assert slugs(api, kind="cluster") == ["cdse-cdse-13", "cdse-cdse-33", "cdse-cdse-34"]
    assert slugs(api, material="CdS", kind="msc") == ["cds-msc-311", "cds-msc-322"]


def test_filter_by_absorption_peak(api: TestClient) -> None:
    assert slugs(api, peak_nm_min=400, peak_nm_max=450) == [
        "cdse-msc-415",
        "cdte-smsc-417",
        "cdte-smsc-448",
    ]
    # InP intermediates absorb around 350 nm (Note S2); CdSe MSC-349 (Table S2 [2]).
    assert slugs(api, peak_nm_min=345, peak_nm_max=355) == ["cdse-msc-349", "inp-intermediates"]
    assert slugs(api, peak_nm_max=312) == ["cds-msc-311"]
    assert "cdte-smsc-448" in slugs(api, peak_nm_min=440)


def test_text_search(api: TestClient) -> None:
    assert slugs(api, q="371") == ["cdte-dmsc-371", "cdte-smsc-371"]
    assert slugs(api, q="smsc-4") == ["cdte-smsc-417", "cdte-smsc-448"]


def test_species_detail_of_cds_msc_311(api: TestClient) -> None:
    response = api.get("/api/v1/species/cds-msc-311")
    assert response.status_code == 200
    body = response.json()
    assert (body["material"], body["kind"], body["label"]) == ("CdS", "msc", "MSC-311")
    assert [p["peak_nm"] for p in body["absorption_peaks"]] == [311.0]
    compositions = {(c["formula"], c["structure"]) for c in body["compositions"]}
    assert ("β-Cd37S20", "zinc blende-like") in compositions
    assert [(s["method"], s["size_nm"]) for s in body["sizes"]] == [("SAXS", 2.05)]
    assert [(c["pc"]["slug"], c["msc"]["slug"]) for c in body["counterparts"]] == [
        ("cds-pc-311", "cds-msc-311")
    ]
    assert [i["species"]["slug"] for i in body["isomers"]] == ["cds-msc-322"]
    (group,) = body["quasi_isomer_groups"]
    assert group["evidence"]["status"] == "proposed"
    assert "cds-pc-311" in [m["slug"] for m in group["members"]]
    masses = sorted(m["mass_da"] for x in body["maldi_measurements"] for m in x["masses"])
    assert masses == [5160.0, 5166.7]
    out = {(t["product"]["slug"], t["trigger"]) for t in body["transformations_out"]}
    assert ("cds-msc-322", "thermal") in out
    into = {(t["source"]["slug"], t["evidence"]["status"]) for t in body["transformations_in"]}
    assert ("cds-pc-311", "proposed") in into
    assert {c["finding"] for c in body["comparisons"]} == {"similar", "different"}


def test_species_detail_carries_observations(api: TestClient) -> None:
    body = api.get("/api/v1/species/cdte-smsc-417").json()
    stable = sorted(
        (o["window_start_s"], o["window_end_s"])
        for o in body["observations"]
        if o["trend"] == "stable"
    )
    assert stable == [(900.0, 3000.0), (2100.0, 4500.0)]
    assert all(o["evidence"]["locator"] == "Note S4" for o in body["observations"])
    assert {t["product"]["slug"] for t in body["transformations_out"]} == {"cdte-smsc-448"}


def test_a_pc_has_no_absorption_peak_and_unknown_composition(api: TestClient) -> None:
    body = api.get("/api/v1/species/cds-pc-311").json()
    assert body["absorption_peaks"] == []
    assert body["compositions"] == []


@pytest.mark.parametrize("slug", ["cds-msc-999", "CdS-MSC-311", "msc-311"])
def test_unknown_slug_is_a_404_problem(api: TestClient, slug: str) -> None:
    body = is_problem(api.get(f"/api/v1/species/{slug}"), 404)
    assert slug in str(body["detail"])
