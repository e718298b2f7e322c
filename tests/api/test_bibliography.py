"""GET /api/v1/bibliography and formatted (ACS) citations.

The ACS citations are compared with the source's own, so they read the curated
references; the bibliography's filters run on facts each test makes (``facts``)."""

from typing import Any

import pytest
from bibtexparser.entrypoint import parse_string
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Species
from models.enums import SpeciesKind
from tests.helpers import THERMAL, is_problem, listing, make_maldi, make_network, make_species

# The citations as the source prints them (markup removed).
SOURCE_CITATIONS = {
    "kudera2007sequential": "Kudera, S.; Zanella, M.; Giannini, C.; Rizzo, A.; Li, Y.; Gigli, G.; "
    "Cingolani, R.; Ciccarella, G.; Spahl, W.; Parak, W. J.; Manna, L. Sequential Growth of "
    "Magic-Size CdSe Nanocrystals. Adv. Mater. 2007, 19, 548–552.",
    "sun2009phosphine": "Sun, M.; Yang, X. Phosphine-Free Synthesis of High-Quality CdSe "
    "Nanocrystals in Noncoordination Solvents: “Activating Agent” and “Nucleating Agent” "
    "Controlled Nucleation and Growth. J. Phys. Chem. C 2009, 113, 8701–8709.",
    "li2019identifying": "Li, L.; Zhang, M.; Rowell, N.; Kreouzis, T.; Fan, H.; Yu, Q.; Huang, W.; "
    "Chen, X.; Yu, K. Identifying Clusters and/or Small-Size Quantum Dots in Colloidal CdSe "
    "Ensembles with Optical Spectroscopy. J. Phys. Chem. Lett. 2019, 10, 6399–6408.",
    "zhang2018thermally": "Zhang, B.; Zhu, T.; Ou, M.; Rowell, N.; Fan, H.; Han, J.; Tan, L.; "
    "Dove, M. T.; Ren, Y.; Zuo, X.; Han, S.; Zeng, J.; Yu, K. Thermally-Induced Reversible "
    "Structural Isomerization in Colloidal Semiconductor CdS Magic-Size Clusters. Nat. Commun. "
    "2018, 9, 2499.",
    "zhu2017two": "Zhu, T.; Zhang, B.; Zhang, J.; Lu, J.; Fan, H.; Rowell, N.; Ripmeester, J. A.; "
    "Han, S.; Yu, K. Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311. Chem. Mater. "
    "2017, 29, 5727–5735.",
    "li2020fragmentation": "Li, L.; Zhang, J.; Zhang, M.; Rowell, N.; Zhang, C.; Wang, S.; Lu, J.; "
    "Fan, H.; Huang, W.; Chen, X.; Yu, K. Fragmentation of Magic-Size Cluster Precursor Compounds "
    "into Ultrasmall CdS Quantum Dots with Enhanced Particle Yield at Low Temperatures. Angew. "
    "Chem. Int. Ed. 2020, 59, 12013–12021.",
    "kasuya2004ultra": "Kasuya, A.; Sivamohan, R.; Barnakov, Y. A.; Dmitruk, I. M.; Nirasawa, T.; "
    "Romanyuk, V. R.; Kumar, V.; Mamykin, S. V.; Tohji, K.; Jeyadevan, B.; Shinoda, K.; Kudo, T.; "
    "Terasaki, O.; Liu, Z.; Belosludov, R. V.; Sundararajan, V.; Kawazoe, Y. Ultra-Stable "
    "Nanoparticles of CdSe Revealed from Mass Spectrometry. Nat. Mater. 2004, 3, 99–102.",
    # The source prints "Sebastian, V."; the checked record (REFERENCES-SUPPLEMENT) has
    # the accent, and the record is what the citation is formatted from.
    "xie2016characterization": "Xie, L.; Shen, Y.; Franke, D.; Sebastián, V.; Bawendi, M. G.; "
    "Jensen, K. F. Characterization of Indium Phosphide Quantum Dot Growth Intermediates Using "
    "MALDI-TOF Mass Spectrometry. J. Am. Chem. Soc. 2016, 138, 13469–13472.",
    "williamson2019chemically": "Williamson, C. B.; Nevers, D. R.; Nelson, A.; Hadar, I.; "
    "Banin, U.; Hanrath, T.; Robinson, R. D. Chemically Reversible Isomerization of Inorganic "
    "Clusters. Science 2019, 363, 731–735.",
}


@pytest.mark.parametrize(("key", "citation"), SOURCE_CITATIONS.items())
def test_acs_citation_is_the_sources_own(api: TestClient, key: str, citation: str) -> None:
    response = api.get(f"/api/v1/references/{key}", params={"format": "acs"})
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == citation + "\n"


def test_acs_citation_of_a_book_and_of_a_work_without_authors(api: TestClient) -> None:
    crc = api.get("/api/v1/references/haynes2017crc", headers={"Accept": "text/plain"}).text
    assert crc == (
        "Haynes, W. M. CRC Handbook of Chemistry and Physics, 97th ed.; CRC Press: "
        "Boca Raton, 2017; p 9-74.\n"
    )
    anonymous = api.get("/api/v1/references/small2011", params={"format": "acs"}).text
    assert anonymous == "Small 2011, 7, 2250–2262.\n"


def bibliography(api: TestClient, **params: Any) -> list[str]:
    response = api.get("/api/v1/bibliography", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["meta"]["returned"] == len(body["data"])
    return [r["key"] for r in body["data"]]


def evidence_keys(detail: dict[str, Any]) -> set[str]:
    keys = {detail["evidence"]["reference"]}
    for part in ("kinetics", "isosbestic_points", "mechanisms"):
        keys |= {x["evidence"]["reference"] for x in detail[part]}
    return keys


@pytest.fixture
def facts(session: Session) -> None:
    """The network of ``make_network`` (CdS transformations on zhang2018thermally,
    williamson2019chemically and zhu2017two, CdTe ones on ota2020) and MALDI masses of
    CdS MSC-311 (two references), MSC-322 and InP intermediates near 10 kDa."""
    make_network(session)
    msc_311, msc_322 = (
        session.scalars(select(Species).where(Species.slug == slug)).one()
        for slug in ("cds-msc-311", "cds-msc-322")
    )
    make_maldi(session, species=msc_311, masses=[5166.7])
    make_maldi(session, species=msc_311, masses=[5160], reference="liu2017probing")
    make_maldi(session, species=msc_322, masses=[5155], reference="zhang2018thermally")
    intermediates = make_species(
        session,
        material="InP",
        kind=SpeciesKind.INTERMEDIATE,
        label="intermediates",
        reference="xie2016characterization",
    )
    make_maldi(session, species=intermediates, masses=[10000])


@pytest.mark.usefixtures("facts")
def test_bibliography_of_cds_transformations_matches_the_facts(client: TestClient) -> None:
    matched = listing(client, "/api/v1/transformations", material="CdS")
    expected: set[str] = set()
    for t in matched:
        expected |= evidence_keys(client.get(f"/api/v1/transformations/{t['id']}").json())
    keys = bibliography(client, material="CdS", about="transformations")
    assert keys == sorted(expected)
    assert keys == ["williamson2019chemically", "zhang2018thermally", "zhu2017two"]


@pytest.mark.usefixtures("facts")
def test_bibliography_of_a_species_maldi(client: TestClient) -> None:
    measurements = listing(client, "/api/v1/maldi", species="cds-msc-311")
    expected = {m["evidence"]["reference"] for m in measurements}
    # The preparations of the samples and the matrices are facts of the measurement too.
    for m in measurements:
        if m["preparation"] is not None:
            synthesis = client.get(f"/api/v1/syntheses/{m['preparation']['slug']}").json()
            expected.add(synthesis["evidence"]["reference"])
    used = {acronym for m in measurements for acronym in m["matrices"]}
    matrices = client.get("/api/v1/matrices").json()["data"]
    expected |= {x["evidence"]["reference"] for x in matrices if x["acronym"] in used}
    assert bibliography(client, species="cds-msc-311", about="maldi") == sorted(expected)


@pytest.mark.usefixtures("facts")
def test_bibliography_of_everything_about_a_material(client: TestClient) -> None:
    keys = set(bibliography(client, material="CdTe"))
    species = listing(client, "/api/v1/species", material="CdTe")
    assert species
    for s in species:
        keys_of_species = {s["evidence"]["reference"]} | {
            p["evidence"]["reference"] for p in s["absorption_peaks"]
        }
        assert keys_of_species <= keys
    # The CdTe transformations' reference: the bibliography covers more than species.
    assert "ota2020" in keys


@pytest.mark.usefixtures("facts")
def test_a_filter_that_does_not_apply_leaves_a_kind_out(client: TestClient) -> None:
    thermal = bibliography(client, trigger="thermal")
    detail = client.get(f"/api/v1/transformations/{THERMAL}").json()
    assert thermal == sorted(evidence_keys(detail))
    near_10_kda = bibliography(client, mass_da=10000, tolerance_da=0)
    assert near_10_kda == ["xie2016characterization"]


@pytest.mark.usefixtures("facts")
def test_bibliography_as_bibtex_csl_and_acs(client: TestClient) -> None:
    params = {"material": "CdS", "about": "maldi"}
    keys = bibliography(client, **params)
    assert keys == ["liu2017probing", "zhang2018thermally", "zhu2017two"]
    bibtex = client.get("/api/v1/bibliography", params={**params, "format": "bibtex"}).text
    assert sorted(e.key for e in parse_string(bibtex).entries) == keys
    csl = client.get(
        "/api/v1/bibliography",
        params=params,
        headers={"Accept": "application/vnd.citationstyles.csl+json"},
    ).json()
    assert [item["id"] for item in csl] == keys
    acs = client.get("/api/v1/bibliography", params={**params, "format": "acs"}).text
    # Each line is the reference's own ACS citation (tested against the source above).
    assert acs.splitlines() == [
        client.get(f"/api/v1/references/{key}", params={"format": "acs"}).text.rstrip("\n")
        for key in keys
    ]


def test_bibliography_errors(client: TestClient, session: Session) -> None:
    make_species(session, label="MSC-311")
    assert client.get("/api/v1/bibliography", params={"material": "CdS"}).status_code == 200
    is_problem(client.get("/api/v1/bibliography", params={"material": "GaAs"}), 404)
    is_problem(client.get("/api/v1/bibliography", params={"about": "rumours"}), 422)
    is_problem(client.get("/api/v1/bibliography", params={"species": "x"}), 404)
