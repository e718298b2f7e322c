"""GET /api/v1/materials and /api/v1/materials/{formula}."""

from fastapi.testclient import TestClient

from tests.helpers import is_problem


def test_materials_with_species_counts(api: TestClient) -> None:
    data = api.get("/api/v1/materials").json()["data"]
    assert [m["formula"] for m in data] == ["CdS", "CdSe", "CdTe", "InP", "PbSe"]
    counts = {m["formula"]: m["species_counts"] for m in data}
    assert counts["CdS"] == {"msc": 2, "pc": 2}
    assert counts["CdTe"] == {"msc": 4}
    assert counts["PbSe"] == {}


def test_one_material_case_insensitive(api: TestClient) -> None:
    body = api.get("/api/v1/materials/cdse").json()
    assert body["formula"] == "CdSe"
    assert body["species_counts"]["cluster"] == 3


def test_unknown_material_is_a_404(api: TestClient) -> None:
    is_problem(api.get("/api/v1/materials/GaAs"), 404)
