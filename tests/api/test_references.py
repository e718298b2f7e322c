"""GET /api/v1/references and /api/v1/references/{key}: JSON, BibTeX, CSL-JSON.

Every case runs on references it makes: ``library`` for the list, its filters and the
errors, one reference each for how a reference renders in each format."""

import pytest
from bibtexparser import middlewares
from bibtexparser.entrypoint import parse_string
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models.enums import EntryType
from tests.helpers import is_problem, listing, make_reference

BIBTEX = "application/x-bibtex"
CSL = "application/vnd.citationstyles.csl+json"


def keys(api: TestClient, **params: object) -> list[str]:
    return [r["key"] for r in listing(api, "/api/v1/references", **params)]


@pytest.fixture
def library(session: Session) -> None:
    """Eight references, made out of key order, for the list, its filters and formats."""
    make_reference(
        session,
        key="zhu2017two",
        title="Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311",
        journal="Chem. Mater.",
        authors=[("Zhu", "T."), ("Ripmeester", "J. A.")],
    )
    make_reference(
        session,
        key="williamson2019chemically",
        year=2019,
        title="Chemically reversible isomerization of inorganic clusters",
        journal="Science",
        doi="10.1126/science.aau9464",
    )
    make_reference(session, key="chemmater2018", year=2018, journal="Chem. Mater.")
    make_reference(
        session,
        key="liu2017probing",
        title="Probing the Magic-Size Clusters",
        journal="J. Phys. Chem. Lett.",
        authors=[("Liu", "M."), ("Ripmeester", "J. A.")],
    )
    make_reference(
        session,
        key="zhang2018thermally",
        year=2018,
        title="Thermally-Induced Reversible Structural Isomerization",
        journal="Nat. Commun.",
        doi="10.1038/s41467-018-04842-0",
    )
    make_reference(session, key="berbunsenges1984", year=1984, journal="Ber. Bunsenges. Phys.")
    make_reference(
        session,
        key="xie2016characterization",
        year=2016,
        journal="J. Am. Chem. Soc.",
        authors=[("Xie", "Lisi"), ("Fernández", "Víctor")],
    )
    make_reference(session, key="haynes2017crc", entry_type=EntryType.BOOK, title="CRC Handbook")


@pytest.mark.usefixtures("library")
def test_filters(client: TestClient) -> None:
    assert keys(client, year=2017) == ["haynes2017crc", "liu2017probing", "zhu2017two"]
    assert keys(client, journal="Chem. Mater.") == ["chemmater2018", "zhu2017two"]
    assert keys(client, doi="10.1038/s41467-018-04842-0") == ["zhang2018thermally"]
    assert keys(client, doi="https://doi.org/10.1126/science.aau9464") == [
        "williamson2019chemically"
    ]
    assert keys(client, q="Ripmeester") == ["liu2017probing", "zhu2017two"]
    assert keys(client, q="isomerization") == ["williamson2019chemically", "zhang2018thermally"]
    assert keys(client, q="Bunsenges") == ["berbunsenges1984"]
    assert keys(client, q="Víctor") == ["xie2016characterization"]
    assert keys(client, year=2017, journal="Science") == []


def test_one_reference_as_json(client: TestClient, session: Session) -> None:
    authors = [("Zhu", "T."), ("Zhang", "B."), ("Yu", "K.")]
    make_reference(
        session,
        title="Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311",
        journal="Chem. Mater.",
        volume="29",
        issue="13",
        pages="5727–5735",
        authors=authors,
        cited_at=["Table S2 [4]", "Table S4, row 1", "Note S2"],
        checked_fields=["doi", "issue"],
    )
    body = client.get("/api/v1/references/zhu2017two").json()
    assert body["title"] == "Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311"
    assert (body["journal"], body["year"], body["volume"], body["issue"], body["pages"]) == (
        "Chem. Mater.",
        2017,
        "29",
        "13",
        "5727–5735",
    )
    assert body["authors"] == [{"family": f, "given": g} for f, g in authors]
    assert {c.split(" ")[0] + " " + c.split(" ")[1].rstrip(",") for c in body["cited_at"]} == {
        "Table S2",
        "Table S4",
        "Note S2",
    }
    assert {f["field"] for f in body["checked_fields"]} == {"doi", "issue"}


def test_a_reference_without_authors_keeps_them_unknown(
    client: TestClient, session: Session
) -> None:
    make_reference(session, key="jacs2014", journal="J. Am. Chem. Soc.", pages="10645–10653")
    body = client.get("/api/v1/references/jacs2014").json()
    assert body["authors"] == []
    assert body["title"] is None
    assert (body["journal"], body["pages"]) == ("J. Am. Chem. Soc.", "10645–10653")


def _parse(text: str) -> dict[str, dict[str, str]]:
    library = parse_string(text, append_middleware=[middlewares.SeparateCoAuthors()])
    assert not library.failed_blocks
    return {e.key: {k: str(v.value) for k, v in e.fields_dict.items()} for e in library.entries}


def test_bibtex_by_format_parameter(client: TestClient, session: Session) -> None:
    make_reference(
        session,
        key="zhang2018thermally",
        year=2018,
        title="Thermally-Induced Reversible Structural Isomerization in Colloidal "
        "Semiconductor CdS Magic-Size Clusters",
        journal="Nat. Commun.",
        pages="2499",
        doi="10.1038/s41467-018-04842-0",
        authors=[("Zhang", "B."), ("Yu", "K.")],
    )
    response = client.get("/api/v1/references/zhang2018thermally", params={"format": "bibtex"})
    assert response.headers["content-type"].startswith(BIBTEX)
    entry = _parse(response.text)["zhang2018thermally"]
    assert entry["doi"] == "10.1038/s41467-018-04842-0"
    assert entry["journal"] == "Nat. Commun."
    assert entry["pages"] == "2499"
    assert entry["title"] == (
        "Thermally-Induced Reversible Structural Isomerization in Colloidal Semiconductor "
        "{CdS} Magic-Size Clusters"
    )
    assert "Zhang, B." in entry["author"]
    assert "Yu, K." in entry["author"]


def test_bibtex_by_accept_header_and_page_ranges_with_double_hyphen(
    client: TestClient, session: Session
) -> None:
    make_reference(
        session,
        key="kudera2007sequential",
        year=2007,
        pages="548–552",
        doi="10.1002/adma.200601015",
    )
    response = client.get("/api/v1/references/kudera2007sequential", headers={"Accept": BIBTEX})
    assert response.headers["content-type"].startswith(BIBTEX)
    entry = _parse(response.text)["kudera2007sequential"]
    assert entry["pages"] == "548--552"
    assert entry["doi"] == "10.1002/adma.200601015"


def test_bibtex_of_a_book(client: TestClient, session: Session) -> None:
    make_reference(
        session,
        key="haynes2017crc",
        entry_type=EntryType.BOOK,
        title="CRC Handbook of Chemistry and Physics",
        publisher="CRC Press",
        address="Boca Raton",
        edition="97",
        pages="9-74",
    )
    text = client.get("/api/v1/references/haynes2017crc", params={"format": "bibtex"}).text
    assert text.startswith("@book{haynes2017crc,")
    entry = _parse(text)["haynes2017crc"]
    assert (entry["publisher"], entry["address"], entry["edition"], entry["pages"]) == (
        "CRC Press",
        "Boca Raton",
        "97",
        "9-74",
    )


def test_csl_json(client: TestClient, session: Session) -> None:
    make_reference(
        session,
        key="xie2016characterization",
        year=2016,
        journal="J. Am. Chem. Soc.",
        volume="138",
        issue="41",
        pages="13469–13472",
        doi="10.1021/jacs.6b06468",
        authors=[("Xie", "Lisi"), ("Fernández", "Víctor")],
    )
    response = client.get("/api/v1/references/xie2016characterization", headers={"Accept": CSL})
    assert response.headers["content-type"].startswith(CSL)
    (item,) = response.json()
    assert item["id"] == "xie2016characterization"
    assert item["type"] == "article-journal"
    assert item["container-title"] == "J. Am. Chem. Soc."
    assert item["issued"] == {"date-parts": [[2016]]}
    assert (item["volume"], item["issue"], item["page"]) == ("138", "41", "13469–13472")
    assert item["DOI"] == "10.1021/jacs.6b06468"
    assert item["author"][0] == {"family": "Xie", "given": "Lisi"}


def test_csl_json_leaves_out_what_is_unknown(client: TestClient, session: Session) -> None:
    make_reference(session, key="small2011", year=2011, journal="Small")
    (item,) = client.get("/api/v1/references/small2011", params={"format": "csljson"}).json()
    assert "author" not in item
    assert "title" not in item
    assert "DOI" not in item
    assert item["container-title"] == "Small"


def test_format_parameter_overrides_accept(client: TestClient, session: Session) -> None:
    make_reference(session)
    response = client.get(
        "/api/v1/references/zhu2017two", params={"format": "json"}, headers={"Accept": BIBTEX}
    )
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["key"] == "zhu2017two"


@pytest.mark.usefixtures("library")
def test_list_as_bibtex_keeps_its_next_link(client: TestClient) -> None:
    response = client.get("/api/v1/references", params={"limit": 3, "format": "bibtex"})
    assert len(_parse(response.text)) == 3
    assert 'rel="next"' in response.headers["Link"]
    everything = client.get("/api/v1/references", params={"limit": 500, "format": "bibtex"})
    assert len(_parse(everything.text)) == 8


@pytest.mark.usefixtures("library")
def test_list_as_csl_json(client: TestClient) -> None:
    items = client.get("/api/v1/references", params={"year": 2018, "format": "csljson"}).json()
    assert [i["id"] for i in items] == ["chemmater2018", "zhang2018thermally"]


@pytest.mark.parametrize("fmt", ["endnote", "BIBTEX", ""])
@pytest.mark.usefixtures("library")
def test_unknown_format_is_a_422(client: TestClient, fmt: str) -> None:
    assert client.get("/api/v1/references/zhu2017two").status_code == 200
    is_problem(client.get("/api/v1/references/zhu2017two", params={"format": fmt}), 422)


@pytest.mark.usefixtures("library")
def test_unknown_key_is_a_404(client: TestClient) -> None:
    body = is_problem(client.get("/api/v1/references/nobody2099"), 404)
    assert "nobody2099" in str(body["detail"])
