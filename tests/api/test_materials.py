"""GET /api/v1/materials and /api/v1/materials/{formula}, on rows each test makes."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models.enums import SpeciesKind
from tests.helpers import is_problem, make_material, make_species


@pytest.fixture
def materials(session: Session) -> None:
    """Four materials made out of order: PbSe without species, CdTe with one MSC, CdS
    with two MSCs and two PCs, CdSe with three clusters and an MSC."""
    make_material(session, formula="PbSe", name="lead selenide")
    make_species(session, material="CdTe", label="sMSC-371")
    for label in ("MSC-311", "MSC-322"):
        make_species(session, material="CdS", label=label)
    for label in ("PC-311", "PCs"):
        make_species(session, material="CdS", kind=SpeciesKind.PC, label=label)
    for label in ("(CdSe)13", "(CdSe)33", "(CdSe)34"):
        make_species(session, material="CdSe", kind=SpeciesKind.CLUSTER, label=label)
    make_species(session, material="CdSe", label="MSC-415")


@pytest.mark.usefixtures("materials")
def test_materials_with_species_counts(client: TestClient) -> None:
    data = client.get("/api/v1/materials").json()["data"]
    assert [m["formula"] for m in data] == ["CdS", "CdSe", "CdTe", "PbSe"]
    counts = {m["formula"]: m["species_counts"] for m in data}
    assert counts == {
        "CdS": {"msc": 2, "pc": 2},
        "CdSe": {"cluster": 3, "msc": 1},
        "CdTe": {"msc": 1},
        "PbSe": {},
    }
    assert {m["formula"]: m["name"] for m in data}["PbSe"] == "lead selenide"


@pytest.mark.usefixtures("materials")
def test_one_material_case_insensitive(client: TestClient) -> None:
    body = client.get("/api/v1/materials/cdse").json()
    assert body["formula"] == "CdSe"
    assert body["species_counts"] == {"cluster": 3, "msc": 1}


@pytest.mark.usefixtures("materials")
def test_unknown_material_is_a_404(client: TestClient) -> None:
    is_problem(client.get("/api/v1/materials/GaAs"), 404)
