"""The contract every endpoint keeps: list envelope, keyset pages, problems, OpenAPI.

Envelope, pages and a cursor from another list use every list of the seeded database
(they name no value of it); the rest runs on a few rows each test makes (``rows``)."""

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.helpers import is_problem, make_maldi, make_reference, make_species

LISTS = [
    "/api/v1/materials",
    "/api/v1/species",
    "/api/v1/references",
    "/api/v1/maldi",
    "/api/v1/matrices",
    "/api/v1/syntheses",
    "/api/v1/experiments",
    "/api/v1/transformations",
    "/api/v1/quasi-isomer-groups",
    "/api/v1/mechanisms",
    "/api/v1/glossary",
    "/api/v1/constants",
    "/api/v1/monomer-formulas",
    "/api/v1/key-advances",
    "/api/v1/characterizations",
]


@pytest.fixture
def rows(session: Session) -> None:
    """Three CdSe species and one CdS species with a MALDI mass; two references."""
    for label in ("MSC-415", "MSC-349", "MSC-380"):
        make_species(session, material="CdSe", label=label, peaks=[float(label[-3:])])
    make_maldi(session, species=make_species(session, label="MSC-311", peaks=[311]))
    make_reference(session, key="zhang2018thermally", year=2018)


@pytest.mark.parametrize("path", LISTS)
def test_every_list_has_the_envelope(api: TestClient, path: str) -> None:
    response = api.get(path, params={"count": "true"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"data", "meta", "links"}
    assert body["meta"]["returned"] == len(body["data"]) > 0
    assert body["meta"]["limit"] == 50
    assert body["meta"]["total"] == len(body["data"])
    assert body["links"] == {"next": None}
    assert "Link" not in response.headers


@pytest.mark.parametrize("path", LISTS)
def test_pages_walk_every_item_once(api: TestClient, path: str) -> None:
    everything = api.get(path, params={"limit": 500}).json()["data"]
    walked: list[object] = []
    url: str | None = f"{path}?limit=2"
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["meta"]["returned"] <= 2
        assert "total" in body["meta"]
        assert body["meta"]["total"] is None
        walked.extend(body["data"])
        url = body["links"]["next"]
        if url:
            assert response.headers["Link"] == f'<{url}>; rel="next"'
    assert walked == everything


@pytest.mark.usefixtures("rows")
def test_next_link_keeps_the_filters(client: TestClient) -> None:
    body = client.get("/api/v1/species", params={"material": "CdSe", "limit": 1}).json()
    query = parse_qs(urlsplit(body["links"]["next"]).query)
    assert query["material"] == ["CdSe"]
    assert query["limit"] == ["1"]
    second = client.get(body["links"]["next"]).json()
    assert second["data"][0]["material"] == "CdSe"
    assert second["data"][0]["slug"] > body["data"][0]["slug"]


@pytest.mark.parametrize(
    "cursor", ["not-a-cursor", "eyJ4IjogMX0", "W10", "eyJhZnRlciI6IG51bGx9", "%00"]
)
@pytest.mark.usefixtures("rows")
def test_a_cursor_we_did_not_issue_is_a_422_naming_it(client: TestClient, cursor: str) -> None:
    body = is_problem(client.get(f"/api/v1/species?cursor={cursor}"), 422)
    assert [e["location"] for e in body["errors"]] == ["query.cursor"]  # type: ignore[attr-defined]


def test_a_cursor_of_another_list_is_a_422(api: TestClient) -> None:
    next_url = api.get("/api/v1/key-advances?limit=1").json()["links"]["next"]
    cursor = parse_qs(urlsplit(next_url).query)["cursor"][0]
    body = is_problem(api.get("/api/v1/species", params={"cursor": cursor}), 422)
    assert [e["location"] for e in body["errors"]] == ["query.cursor"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", LISTS)
def test_unknown_query_parameter_is_a_400_that_names_it(api: TestClient, path: str) -> None:
    body = is_problem(api.get(path, params={"materal": "CdS"}), 400)
    assert "materal" in str(body["detail"])
    assert body["errors"] == [
        {"location": "query.materal", "message": "unknown query parameter", "type": "unknown"}
    ]


@pytest.mark.usefixtures("rows")
def test_unknown_parameter_on_a_detail_endpoint_is_a_400(client: TestClient) -> None:
    is_problem(client.get("/api/v1/species/cds-msc-311", params={"fields": "all"}), 400)


@pytest.mark.parametrize(
    ("params", "location"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 501}, "query.limit"),
        ({"limit": "ten"}, "query.limit"),
        ({"count": "maybe"}, "query.count"),
        ({"kind": "nanoplatelet"}, "query.kind"),
        ({"peak_nm_min": "-3"}, "query.peak_nm_min"),
    ],
)
@pytest.mark.usefixtures("rows")
def test_invalid_values_list_each_bad_parameter(
    client: TestClient, params: dict[str, Any], location: str
) -> None:
    body = is_problem(client.get("/api/v1/species", params=params), 422)
    assert [e["location"] for e in body["errors"]] == [location]  # type: ignore[attr-defined]


@pytest.mark.usefixtures("rows")
def test_two_bad_parameters_are_both_listed(client: TestClient) -> None:
    body = is_problem(client.get("/api/v1/species", params={"limit": 0, "kind": "x"}), 422)
    locations = {e["location"] for e in body["errors"]}  # type: ignore[attr-defined]
    assert locations == {"query.limit", "query.kind"}


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/species?q=%00", 422),
        ("/api/v1/species/cds%00msc", 400),
        ("/api/v1/references?q=a%00b", 422),
        ("/api/v1/species?ma%00terial=CdS", 400),
    ],
)
@pytest.mark.usefixtures("rows")
def test_nul_characters_are_refused(client: TestClient, url: str, status: int) -> None:
    is_problem(client.get(url), status)


@pytest.mark.parametrize(
    ("url", "status", "empty"),
    [
        ("/api/v1/species?q=%27%3B%20DROP%20TABLE%20species%3B--", 200, True),
        ("/api/v1/species?q=%25", 200, True),
        ("/api/v1/species?q=_", 200, True),
        ("/api/v1/references?q=%5C", 200, True),
        ("/api/v1/species/..%2F..%2Fetc%2Fpasswd", 404, None),
        ("/api/v1/maldi?mass_da=1e308&tolerance_da=1e308", 200, False),
        ("/api/v1/species?peak_nm_min=1e308", 200, True),
        ("/api/v1/transformations?temperature_c=1e308", 200, True),
        ("/api/v1/species?q=" + "x" * 5000, 200, True),
    ],
)
@pytest.mark.usefixtures("rows")
def test_hostile_input_gets_its_plain_answer(
    client: TestClient, url: str, status: int, empty: bool | None
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    if empty is not None:
        assert (response.json()["data"] == []) is empty
    assert client.get("/api/v1/species/cds-msc-311").status_code == 200


@pytest.mark.usefixtures("rows")
def test_like_wildcards_are_literal(client: TestClient) -> None:
    assert client.get("/api/v1/species", params={"q": "%"}).json()["data"] == []
    assert client.get("/api/v1/species", params={"q": "_"}).json()["data"] == []


def test_openapi_documents_parameters_units_and_problems(api: TestClient) -> None:
    spec = api.get("/openapi.json").json()
    paths = spec["paths"]
    for path, operations in paths.items():
        for operation in operations.values():
            assert operation.get("summary"), path
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    assert set(response["content"]) == {"application/problem+json"}, (path, status)
            if path.startswith("/api/v1/") and operation.get("parameters"):
                assert "400" in operation["responses"], path
                assert "422" in operation["responses"], path
    maldi = {p["name"]: p for p in paths["/api/v1/maldi"]["get"]["parameters"]}
    assert "Da" in maldi["mass_da"]["description"]
    assert "Da" in maldi["tolerance_da"]["description"]
    species = {p["name"]: p for p in paths["/api/v1/species"]["get"]["parameters"]}
    assert "nm" in species["peak_nm_min"]["description"]
    assert "404" in paths["/api/v1/species/{slug}"]["get"]["responses"]
    bib = paths["/api/v1/references/{key}"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "application/x-bibtex"} <= set(bib)


def test_docs_page_is_served(api: TestClient) -> None:
    response = api.get("/docs")
    assert response.status_code == 200
    assert "swagger" in response.text.lower()
