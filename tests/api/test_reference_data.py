"""Quasi-isomer groups, mechanisms, glossary, constants, monomer formulas, key
advances, characterisations, property dependences and cluster links."""

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models import ClusterLink, PropertyDependence, Species
from models.enums import ClusterRelation, EvidenceStatus, SpeciesKind
from tests.helpers import evidence, is_problem, listing, make_species


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


# --- property dependences and cluster links, on rows the test makes --------------------


def _dependence(session: Session, species: Species, depends_on: str = "temperature") -> None:
    session.add(
        PropertyDependence(
            species=species,
            property="absorption peak position",
            depends_on=depends_on,
            **evidence(session, reference="he_transformations", locator="Figure S2"),
        )
    )
    session.flush()


def test_property_dependences_by_species_material_and_condition(
    client: TestClient, session: Session
) -> None:
    msc = make_species(session, material="CdS", label="MSC-311")
    other = make_species(session, material="CdSe", label="MSC-415")
    _dependence(session, msc)
    _dependence(session, other, depends_on="pressure")

    def found(**params: str) -> list[tuple[str, str]]:
        rows = listing(client, "/api/v1/property-dependences", **params)
        return [(r["species"]["slug"], r["depends_on"]) for r in rows]

    assert found() == [("cds-msc-311", "temperature"), ("cdse-msc-415", "pressure")]
    assert found(depends_on="Temperature") == [("cds-msc-311", "temperature")]
    assert found(material="CdSe") == [("cdse-msc-415", "pressure")]
    assert found(species="cds-msc-311") == [("cds-msc-311", "temperature")]
    (row,) = listing(client, "/api/v1/property-dependences", species="cds-msc-311")
    assert row["property"] == "absorption peak position"
    assert row["evidence"] == {
        "reference": "he_transformations",
        "locator": "Figure S2",
        "status": "reported",
        "approximate": False,
    }
    detail = client.get("/api/v1/species/cds-msc-311").json()
    assert [d["depends_on"] for d in detail["property_dependences"]] == ["temperature"]
    # The species rest on zhu2017two; only their dependences cite he_transformations.
    cited = listing(client, "/api/v1/species", reference="he_transformations")
    assert [r["slug"] for r in cited] == ["cds-msc-311", "cdse-msc-415"]
    is_problem(client.get("/api/v1/property-dependences", params={"species": "nope"}), 404)
    is_problem(client.get("/api/v1/property-dependences", params={"material": "Foo"}), 404)
    is_problem(client.get("/api/v1/property-dependences", params={"depends_on": ""}), 422)


def test_cluster_links_from_either_end_and_by_relation(
    client: TestClient, session: Session
) -> None:
    msc = make_species(session, material="CdSe", label="MSC-415")
    clusters = {
        n: make_species(session, material="CdSe", kind=SpeciesKind.CLUSTER, label=f"(CdSe){n}")
        for n in (13, 33)
    }
    for n, relation, status in (
        (13, ClusterRelation.MASS_SPECTRUM, EvidenceStatus.REPORTED),
        (33, ClusterRelation.MASS_SPECTRUM, EvidenceStatus.REPORTED),
        (33, ClusterRelation.COMPOSITION, EvidenceStatus.INFERRED),
    ):
        session.add(
            ClusterLink(
                species=msc,
                cluster=clusters[n],
                relation=relation,
                **evidence(session, reference="kasuya2004ultra", locator="Note S2", status=status),
            )
        )
    session.flush()

    def found(**params: str) -> list[tuple[str, str, str]]:
        rows = listing(client, "/api/v1/cluster-links", **params)
        return [(r["cluster"]["label"], r["relation"], r["evidence"]["status"]) for r in rows]

    assert found(species="cdse-msc-415") == [
        ("(CdSe)13", "mass-spectrum", "reported"),
        ("(CdSe)33", "mass-spectrum", "reported"),
        ("(CdSe)33", "composition", "inferred"),
    ]
    assert found(species="cdse-cdse-33", relation="composition") == [
        ("(CdSe)33", "composition", "inferred")
    ]
    detail = client.get("/api/v1/species/cdse-cdse-13").json()
    assert [(c["species"]["slug"], c["relation"]) for c in detail["cluster_links"]] == [
        ("cdse-msc-415", "mass-spectrum")
    ]
    cited = client.get(
        "/api/v1/bibliography", params={"about": "relations", "species": "cdse-cdse-13"}
    ).json()["data"]
    assert [r["key"] for r in cited] == ["kasuya2004ultra"]
    is_problem(client.get("/api/v1/cluster-links", params={"species": "nope"}), 404)
    is_problem(client.get("/api/v1/cluster-links", params={"relation": "isomer"}), 422)
