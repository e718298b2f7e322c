"""GET /api/v1/maldi and /api/v1/matrices."""

import pytest
from fastapi.testclient import TestClient

from tests.helpers import is_problem


def measurements(api: TestClient, **params: object) -> list[dict[str, object]]:
    response = api.get("/api/v1/maldi", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    data: list[dict[str, object]] = response.json()["data"]
    return data


def species_of(rows: list[dict[str, object]]) -> set[str]:
    return {r["species"]["slug"] for r in rows}  # type: ignore[index]


def test_cds_species_within_10_da_of_5160(api: TestClient) -> None:
    rows = measurements(api, material="CdS", mass_da=5160, tolerance_da=10)
    assert species_of(rows) == {"cds-pc-311", "cds-msc-311", "cds-msc-322"}
    assert sorted(r["evidence"]["locator"] for r in rows) == [  # type: ignore[index]
        f"Table S4, row {n}" for n in range(1, 5)
    ]


def test_default_tolerance_is_5_da(api: TestClient) -> None:
    rows = measurements(api, mass_da=5160)
    assert sorted(r["evidence"]["locator"] for r in rows) == [  # type: ignore[index]
        "Table S4, row 3",
        "Table S4, row 4",
    ]


def test_a_mass_inside_a_range_matches(api: TestClient) -> None:
    (row,) = measurements(api, mass_da=75000)
    assert row["species"]["slug"] == "inp-qds"  # type: ignore[index]
    assert row["masses"] == [
        {"mass_da": None, "mass_low_da": 60000.0, "mass_high_da": 90000.0, "charge": None}
    ]
    (near_range,) = measurements(api, mass_da=59990, tolerance_da=10)
    assert near_range["id"] == row["id"]
    (approx,) = measurements(api, mass_da=10000, tolerance_da=0)
    assert approx["species"]["slug"] == "inp-intermediates"  # type: ignore[index]
    assert approx["evidence"]["approximate"] is True  # type: ignore[index]


def test_filter_by_matrix_shows_alternatives(api: TestClient) -> None:
    rows = measurements(api, matrix="CHCA")
    assert species_of(rows) == {"cds-msc-311", "cds-msc-322"}
    assert all(r["matrices"] == ["DCTB", "CHCA"] and r["matrix_alternatives"] for r in rows)
    (dhap,) = measurements(api, matrix="dhap")
    assert [m["mass_da"] for m in dhap["masses"]] == [4855.0, 5008.0]  # type: ignore[attr-defined]
    assert dhap["preparation"]["preparation_text"] == "160 °C/30 min in toluene"  # type: ignore[index]


def test_filter_by_species_and_reference(api: TestClient) -> None:
    assert len(measurements(api, species="cds-msc-311")) == 2
    rows = measurements(api, reference="zhu2017two")
    assert species_of(rows) == {"cds-pc-311", "cds-msc-311"}
    assert {m["mass_da"] for r in rows for m in r["masses"]} == {5166.7}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"species": "cds-msc-999"}, "species"),
        ({"matrix": "SA"}, "matrix"),
        ({"reference": "nobody2099"}, "reference"),
        ({"material": "GaAs"}, "material"),
    ],
)
def test_unknown_identifiers_are_404s_naming_the_parameter(
    api: TestClient, params: dict[str, str], name: str
) -> None:
    body = is_problem(api.get("/api/v1/maldi", params=params), 404)
    assert f"query.{name}" in str(body["detail"])


def test_negative_tolerance_is_refused(api: TestClient) -> None:
    is_problem(api.get("/api/v1/maldi", params={"mass_da": 5160, "tolerance_da": -1}), 422)


def test_matrices_with_full_names(api: TestClient) -> None:
    data = api.get("/api/v1/matrices").json()["data"]
    names = {m["acronym"]: m["full_name"] for m in data}
    assert names == {
        "CHCA": "α-Cyano-4-hydroxycinnamic acid",
        "DCTB": "trans-2-[3-(4-tert-Butylphenyl)-2-methyl-2-propenylidene] malononitrile",
        "DHAP": "2,6-Dihydroxyacetophenone",
    }
    assert {m["evidence"]["locator"] for m in data} == {"Table S4"}
