"""Quasi-isomer groups, mechanisms, glossary, constants, monomer formulas, key
advances and characterisations."""

from typing import Any

from fastapi.testclient import TestClient


def data(api: TestClient, path: str) -> list[dict[str, Any]]:
    response = api.get(path, params={"limit": 500})
    assert response.status_code == 200, response.text
    rows: list[dict[str, Any]] = response.json()["data"]
    return rows


def test_glossary(api: TestClient) -> None:
    terms = {t["full_name"]: t for t in data(api, "/api/v1/glossary")}
    assert len(terms) == 8
    assert terms["magic-size cluster"]["acronym"] == "MSC"
    assert terms["monomer/fragment"]["acronym"] == "Mo/Fr"
    assert terms["quasi isomer"]["acronym"] is None
    assert terms["precursor compound"]["evidence"]["status"] == "proposed"


def test_constants_with_uncertainties(api: TestClient) -> None:
    constants = {c["subject"]: c for c in data(api, "/api/v1/constants")}
    assert (constants["Cd–S"]["value_kj_mol"], constants["Cd–S"]["uncertainty_kj_mol"]) == (
        208.5,
        20.9,
    )
    assert (constants["Cd–O"]["value_kj_mol"], constants["Cd–O"]["uncertainty_kj_mol"]) == (
        236.0,
        84.0,
    )
    assert {c["evidence"]["reference"] for c in constants.values()} == {"haynes2017crc"}


def test_monomer_formulas(api: TestClient) -> None:
    rows = data(api, "/api/v1/monomer-formulas")
    assert {r["element"]: r["chalcogen_count"] for r in rows} == {
        "Cd": 2,
        "Cu": 1,
        "Ge": 2,
        "In": 3,
        "Pb": 2,
        "Zn": 2,
    }


def test_mechanisms_as_ordered_steps(api: TestClient) -> None:
    mechanisms = {m["slug"]: m for m in data(api, "/api/v1/mechanisms")}
    sn1 = mechanisms["sn1-like"]
    assert [s["position"] for s in sn1["steps"]] == [1, 2]
    assert [s["rate_determining"] for s in sn1["steps"]] == [True, False]
    assert sn1["evidence"] == {
        "reference": "he_transformations",
        "locator": "Table S3",
        "status": "hypothesised",
        "approximate": False,
    }
    assert mechanisms["sn2-like"]["steps"][0]["rate_determining"] is True


def test_quasi_isomer_groups(api: TestClient) -> None:
    (group,) = data(api, "/api/v1/quasi-isomer-groups")
    assert {"cds-pc-311", "cds-msc-311"} <= {m["slug"] for m in group["members"]}
    # Table S1 proposes the concept; applying it to these species is inferred.
    assert group["evidence"]["status"] == "inferred"


def test_key_advances_in_table_order(api: TestClient) -> None:
    rows = data(api, "/api/v1/key-advances")
    assert [r["ref_number"] for r in rows] == list(range(1, 12))
    fourth = rows[3]
    assert fourth["material"] == "CdSe"
    assert fourth["peaks"][1] == {"peak_nm": None, "peak_low_nm": 350.0, "peak_high_nm": 360.0}
    assert [p["peak_nm"] for p in rows[8]["peaks"]] == [371.0, 417.0, 448.0]
    assert rows[1]["evidence"]["status"] == "claimed"
    assert {r["approach"] for r in rows[8:]} == {"two-step"}


def test_key_advances_page_by_number(api: TestClient) -> None:
    first = api.get("/api/v1/key-advances", params={"limit": 9}).json()
    second = api.get(first["links"]["next"]).json()
    assert [r["ref_number"] for r in second["data"]] == [10, 11]


def test_characterizations(api: TestClient) -> None:
    rows = data(api, "/api/v1/characterizations")
    assert {r["evidence"]["locator"] for r in rows} == {"Figure S3", "Figure S4"}
    inp = next(r for r in rows if r["evidence"]["locator"] == "Figure S4")
    assert inp["material"] == "InP"
