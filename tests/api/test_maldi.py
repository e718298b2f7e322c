"""GET /api/v1/maldi and /api/v1/matrices, on rows each test makes (``measured``)."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models.enums import SpeciesKind
from tests.helpers import is_problem, listing, make_maldi, make_matrix, make_species, make_synthesis

FULL_NAMES = {
    "CHCA": "α-Cyano-4-hydroxycinnamic acid",
    "DCTB": "trans-2-[3-(4-tert-Butylphenyl)-2-methyl-2-propenylidene] malononitrile",
    "DHAP": "2,6-Dihydroxyacetophenone",
}


@pytest.fixture
def measured(session: Session) -> None:
    """Eight measurements: CdS around 5160 Da (rows 1-4, 5150 and 5165 Da on the edges
    of the windows), CdSe at 5160 Da and in DHAP, an InP mass range and an approximate
    InP mass."""
    for acronym, full_name in FULL_NAMES.items():
        make_matrix(session, acronym=acronym, full_name=full_name)
    pc = make_species(session, kind=SpeciesKind.PC, label="PC-311")
    msc_311 = make_species(session, label="MSC-311")
    msc_322 = make_species(session, label="MSC-322")
    cdse = make_species(session, material="CdSe", label="MSC-415")
    either = ["DCTB", "CHCA"]
    make_maldi(session, species=pc, masses=[5150], locator="Table S4, row 1")
    make_maldi(
        session,
        species=msc_311,
        masses=[5166.7],
        locator="Table S4, row 2",
        matrices=either,
        matrix_alternatives=True,
    )
    make_maldi(
        session, species=msc_311, masses=[5160], reference="other2019", locator="Table S4, row 3"
    )
    make_maldi(
        session,
        species=msc_322,
        masses=[5165],
        reference="other2019",
        locator="Table S4, row 4",
        matrices=either,
        matrix_alternatives=True,
    )
    make_maldi(session, species=cdse, masses=[5160], reference="other2019", locator="row 5")
    make_maldi(
        session,
        species=cdse,
        masses=[4855, 5008],
        matrices=["DHAP"],
        synthesis=make_synthesis(
            session, material="CdSe", preparation_text="160 °C/30 min in toluene"
        ),
        locator="row 6",
    )
    qds = make_species(session, material="InP", kind=SpeciesKind.QD, label="QDs")
    make_maldi(session, species=qds, masses=[(60000, 90000)], locator="Note S2")
    intermediates = make_species(
        session, material="InP", kind=SpeciesKind.INTERMEDIATE, label="intermediates"
    )
    make_maldi(session, species=intermediates, masses=[10000], approximate=True, locator="Note S2")


def measurements(api: TestClient, **params: object) -> list[dict[str, object]]:
    return listing(api, "/api/v1/maldi", **params)


def species_of(rows: list[dict[str, object]]) -> set[str]:
    return {r["species"]["slug"] for r in rows}  # type: ignore[index]


def locators(rows: list[dict[str, object]]) -> list[str]:
    return sorted(r["evidence"]["locator"] for r in rows)  # type: ignore[index]


@pytest.mark.usefixtures("measured")
def test_cds_species_within_10_da_of_5160(client: TestClient) -> None:
    rows = measurements(client, material="CdS", mass_da=5160, tolerance_da=10)
    assert species_of(rows) == {"cds-pc-311", "cds-msc-311", "cds-msc-322"}
    assert locators(rows) == [f"Table S4, row {n}" for n in range(1, 5)]


@pytest.mark.usefixtures("measured")
def test_default_tolerance_is_5_da(client: TestClient) -> None:
    rows = measurements(client, mass_da=5160)
    assert locators(rows) == ["Table S4, row 3", "Table S4, row 4", "row 5"]


@pytest.mark.usefixtures("measured")
def test_a_mass_inside_a_range_matches(client: TestClient) -> None:
    (row,) = measurements(client, mass_da=75000)
    assert row["species"]["slug"] == "inp-qds"  # type: ignore[index]
    assert row["masses"] == [
        {"mass_da": None, "mass_low_da": 60000.0, "mass_high_da": 90000.0, "charge": None}
    ]
    (near_range,) = measurements(client, mass_da=59990, tolerance_da=10)
    assert near_range["id"] == row["id"]
    assert measurements(client, mass_da=59989, tolerance_da=10) == []
    (approx,) = measurements(client, mass_da=10000, tolerance_da=0)
    assert approx["species"]["slug"] == "inp-intermediates"  # type: ignore[index]
    assert approx["evidence"]["approximate"] is True  # type: ignore[index]


@pytest.mark.usefixtures("measured")
def test_filter_by_matrix_shows_alternatives(client: TestClient) -> None:
    rows = measurements(client, matrix="CHCA")
    assert species_of(rows) == {"cds-msc-311", "cds-msc-322"}
    assert len(rows) == 2
    assert all(r["matrices"] == ["DCTB", "CHCA"] and r["matrix_alternatives"] for r in rows)
    (dhap,) = measurements(client, matrix="dhap")
    assert [m["mass_da"] for m in dhap["masses"]] == [4855.0, 5008.0]  # type: ignore[attr-defined]
    assert dhap["preparation"]["preparation_text"] == "160 °C/30 min in toluene"  # type: ignore[index]
    assert dhap["matrix_alternatives"] is False


@pytest.mark.usefixtures("measured")
def test_filter_by_species_and_reference(client: TestClient) -> None:
    assert len(measurements(client, species="cds-msc-311")) == 2
    rows = measurements(client, reference="zhu2017two", material="CdS")
    assert species_of(rows) == {"cds-pc-311", "cds-msc-311"}
    assert {m["mass_da"] for r in rows for m in r["masses"]} == {5150.0, 5166.7}  # type: ignore[attr-defined]
    assert species_of(measurements(client, reference="other2019")) == {
        "cds-msc-311",
        "cds-msc-322",
        "cdse-msc-415",
    }


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"species": "cds-msc-999"}, "species"),
        ({"matrix": "SA"}, "matrix"),
        ({"reference": "nobody2099"}, "reference"),
        ({"material": "GaAs"}, "material"),
    ],
)
@pytest.mark.usefixtures("measured")
def test_unknown_identifiers_are_404s_naming_the_parameter(
    client: TestClient, params: dict[str, str], name: str
) -> None:
    body = is_problem(client.get("/api/v1/maldi", params=params), 404)
    assert f"query.{name}" in str(body["detail"])


def test_negative_tolerance_is_refused(client: TestClient) -> None:
    is_problem(client.get("/api/v1/maldi", params={"mass_da": 5160, "tolerance_da": -1}), 422)


@pytest.mark.usefixtures("measured")
def test_matrices_with_full_names(client: TestClient) -> None:
    data = client.get("/api/v1/matrices").json()["data"]
    names = {m["acronym"]: m["full_name"] for m in data}
    assert names == FULL_NAMES
    assert {m["evidence"]["locator"] for m in data} == {"Table S4"}
