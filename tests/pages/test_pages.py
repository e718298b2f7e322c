"""The HTML pages show what the API serves, and answer unknown names in HTML."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from tests.pages.html import read

PAGES = [
    ("/", "/api/v1/info"),
    ("/materials/CdS", "/api/v1/materials/CdS"),
    ("/species/cds-msc-311", "/api/v1/species/cds-msc-311"),
    ("/species", "/api/v1/species"),
    ("/transformations", "/api/v1/transformations"),
    (
        "/transformations/cds-msc-311-to-cds-msc-322-thermal",
        "/api/v1/transformations/cds-msc-311-to-cds-msc-322-thermal",
    ),
    ("/network", "/api/v1/transformations/network"),
    ("/network?material=CdTe", "/api/v1/transformations/network?material=CdTe"),
    ("/tables/S4", "/api/v1/tables/S4"),
    ("/references", "/api/v1/references"),
    ("/references/zhu2017two", "/api/v1/references/zhu2017two"),
    ("/releases", "/api/v1/releases"),
    ("/releases/1", "/api/v1/releases/1"),
]


@pytest.mark.parametrize(("path", "json_path"), PAGES)
def test_page_links_its_json(api: TestClient, path: str, json_path: str) -> None:
    response = api.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    link = f'<http://testserver{json_path}>; rel="alternate"; type="application/json"'
    assert response.headers["link"] == link
    assert api.get(json_path).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/species/cds-msc-999",
        "/transformations/nothing",
        "/references/nobody2099",
        "/materials/Xx",
        "/tables/S9",
        "/network?material=Xx",
    ],
)
def test_unknown_name_is_an_html_404(api: TestClient, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    page = read(response.text)
    assert page.lang == "en"
    assert "Not found" in page.title


def test_the_api_keeps_problem_json(api: TestClient) -> None:
    response = api.get("/api/v1/species/cds-msc-999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_unknown_parameter_on_a_page_is_an_html_400(api: TestClient) -> None:
    response = api.get("/search?qq=311")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")


def test_home_names_the_release_info_names(api: TestClient) -> None:
    release = api.get("/api/v1/info").json()["release"]
    text = read(api.get("/").text).text
    assert release["content_hash"] in text
    assert f"{release['number']}, of {release['created_at'][:10]}" in text


def test_species_page_shows_what_the_api_serves(api: TestClient) -> None:
    species = api.get("/api/v1/species/cds-msc-311").json()
    html = api.get("/species/cds-msc-311").text
    page = read(html)
    assert "CdS MSC-311" in page.title
    for measurement in species["maldi_measurements"]:
        assert measurement["id"] in page.text
        for mass in measurement["masses"]:
            assert f"{mass['mass_da']:g} Da" in page.text
    for composition in species["compositions"]:
        assert composition["formula"] in page.text
    for group in species["quasi_isomer_groups"]:
        for member in group["members"]:
            assert f"/species/{member['slug']}" in page.links
    for t in species["transformations_out"] + species["transformations_in"]:
        assert f"/transformations/{t['id']}" in page.links
    # beside every fact its evidence: each reference it cites is linked, with the locator
    evidence = {(e["reference"], e["locator"]) for e in _evidence(species)}
    for key, locator in evidence:
        assert f"/references/{key}" in page.links
        assert locator in page.text
    spectrum = page.svgs[0]
    assert spectrum[:2] == ["title", "desc"]
    assert "5160" in html


def _evidence(value: object) -> list[dict[str, str]]:
    found = []
    if isinstance(value, dict):
        if isinstance(value.get("evidence"), dict):
            found.append(value["evidence"])
        for item in value.values():
            found += _evidence(item)
    elif isinstance(value, list):
        for item in value:
            found += _evidence(item)
    return found


def test_transformation_page_shows_kinetics_and_isosbestic_points(api: TestClient) -> None:
    tid = "cds-msc-311-to-cds-msc-322-thermal"
    transformation = api.get(f"/api/v1/transformations/{tid}").json()
    page = read(api.get(f"/transformations/{tid}").text)
    assert "/species/cds-msc-311" in page.links
    assert "/species/cds-msc-322" in page.links
    for k in transformation["kinetics"]:
        if k["barrier_kj_mol"] is not None:
            assert f"{k['barrier_kj_mol']:g}" in page.text
    for p in transformation["isosbestic_points"]:
        assert f"{p['wavelength_nm']:g} nm" in page.text
    for m in transformation["mechanisms"]:
        assert m["name"] in page.text
    assert transformation["trigger"] in page.text


def test_species_page_shows_dependences_and_clusters(api: TestClient) -> None:
    """Figure S2's temperature dependence and Note S2's (CdSe)n clusters of MSC-415,
    each beside its evidence."""
    msc = read(api.get("/species/cds-msc-322").text)
    assert "absorption peak position depends on temperature" in msc.text
    assert "Figure S2" in msc.text
    cluster = read(api.get("/species/cdse-cdse-33").text)
    assert "/species/cdse-msc-415" in cluster.links
    assert "seen in its mass spectrum" in cluster.text
    assert "named by its composition" in cluster.text
    assert "Table S2 [3]" in cluster.text


def test_network_links_every_species(api: TestClient) -> None:
    graph = api.get("/api/v1/transformations/network?material=CdTe").json()
    page = read(api.get("/network?material=CdTe").text)
    for node in graph["nodes"]:
        assert f"/species/{node['id']}" in page.links
    for edge in graph["edges"]:
        assert f"/transformations/{edge['id']}" in page.links
    figure = page.svgs[0]
    assert figure[:2] == ["title", "desc"]


def test_material_without_transformations_says_so(api: TestClient) -> None:
    network = api.get("/network?material=InP")
    assert network.status_code == 200
    assert "No transformation of any InP species" in read(network.text).text
    material = read(api.get("/materials/InP").text).text
    assert "No transformation of any InP species is recorded" in material


def test_table_page_offers_every_format(api: TestClient) -> None:
    table = api.get("/api/v1/tables/S4").json()
    page = read(api.get("/tables/S4").text)
    for fmt in ("json", "csv", "markdown", "latex"):
        assert f"/api/v1/tables/S4?format={fmt}" in page.links
        assert api.get(f"/api/v1/tables/S4?format={fmt}").status_code == 200
    for row in table["rows"]:
        for cell in row:
            for key in cell["cite"]:
                assert f"/references/{key}" in page.links


def test_reference_page_has_citation_downloads_and_facts(api: TestClient) -> None:
    response = api.get("/references/zhu2017two")
    page = read(response.text)
    acs = api.get("/api/v1/references/zhu2017two?format=acs").text.strip()
    assert acs in page.text
    assert "/api/v1/references/zhu2017two?format=bibtex" in page.links
    assert "/api/v1/references/zhu2017two?format=csljson" in page.links
    transformations = api.get("/api/v1/transformations?reference=zhu2017two").json()["data"]
    for t in transformations:
        assert f"/transformations/{t['id']}" in page.links
    maldi = api.get("/api/v1/maldi?reference=zhu2017two").json()["data"]
    assert maldi
    for m in maldi:
        assert m["id"] in page.text


@pytest.mark.parametrize(
    ("q", "expected", "section"),
    [
        ("311 nm", "cds-msc-311", "Absorption peak within 311 ± 2 nm"),
        ("311", "cds-msc-311", "Absorption peak within 311 ± 2 nm"),
        ("Cd37S20", "cds-msc-322", "Composition"),
        ("MSC-311", "cds-msc-311", "Name, label or description"),
        ("CdTe", "cdte-smsc-371", "Material CdTe"),
        ("5160 Da ± 10", "cds-pc-311", "MALDI mass within 5160 ± 10 Da"),
        ("5.16 kDa", "cds-msc-311", "MALDI mass within 5160 ± 5 Da"),
    ],
)
def test_search(api: TestClient, q: str, expected: str, section: str) -> None:
    response = api.get("/search", params={"q": q})
    assert response.status_code == 200
    page = read(response.text)
    assert section in page.text
    assert f"/species/{expected}" in page.links


def test_search_by_mass_agrees_with_the_api(api: TestClient) -> None:
    hits = api.get("/api/v1/maldi?mass_da=5160&tolerance_da=10").json()["data"]
    page = read(api.get("/search", params={"q": "5160 ± 10 Da"}).text)
    for hit in hits:
        assert f"/species/{hit['species']['slug']}" in page.links


def test_search_without_a_match_says_so(api: TestClient) -> None:
    page = read(api.get("/search", params={"q": "unobtainium"}).text)
    assert re.search(r"Nothing matches “unobtainium”", page.text)


def test_every_record_has_a_page(api: TestClient) -> None:
    """Every species, transformation, reference and material the API lists renders."""
    listings = {
        "/api/v1/species?limit=500": ("/species/{}", "slug"),
        "/api/v1/transformations?limit=500": ("/transformations/{}", "id"),
        "/api/v1/references?limit=500": ("/references/{}", "key"),
        "/api/v1/materials?limit=500": ("/materials/{}", "formula"),
    }
    for listing, (page, field) in listings.items():
        items = api.get(listing).json()["data"]
        assert items
        for item in items:
            path = page.format(item[field])
            response = api.get(path)
            assert response.status_code == 200, path
            assert read(response.text).meta["citation_public_url"] == [f"http://testserver{path}"]
    for name in ("S1", "S2", "S3", "S5"):
        assert api.get(f"/tables/{name}").status_code == 200


def _next_href(html: str) -> str | None:
    match = re.search(r'<a href="([^"]+)" rel="next">', html)
    return None if match is None else match[1].replace("&amp;", "&")


@pytest.mark.parametrize(
    ("page_path", "api_path", "field"),
    [
        ("/species?limit=5", "/api/v1/species?limit=5", "slug"),
        (
            "/species?limit=1&material=CdS&kind=msc",
            "/api/v1/species?limit=1&material=CdS&kind=msc",
            "slug",
        ),
        ("/transformations?limit=4", "/api/v1/transformations?limit=4", "id"),
        ("/references?limit=6", "/api/v1/references?limit=6", "key"),
    ],
)
def test_list_pages_page_with_the_api_cursor(
    api: TestClient, page_path: str, api_path: str, field: str
) -> None:
    """Page after page, a list page shows the API's items and carries its cursor."""
    page_url: str | None = page_path
    api_url: str | None = api_path
    pages = 0
    while api_url is not None:
        assert page_url is not None
        answer = api.get(api_url).json()
        response = api.get(page_url)
        assert response.status_code == 200
        prefix = {"slug": "/species/", "id": "/transformations/", "key": "/references/"}[field]
        shown = [link for link in read(response.text).links if link.startswith(prefix)]
        expected = [f"{prefix}{item[field]}" for item in answer["data"]]
        assert [link for link in shown if link in expected] == expected
        if field == "slug":
            assert set(shown) == set(expected)
        api_url, page_url = answer["links"]["next"], _next_href(response.text)
        if api_url is None:
            assert page_url is None
        else:
            assert page_url is not None
            assert (
                parse_qs(urlsplit(page_url).query)["cursor"]
                == parse_qs(urlsplit(api_url).query)["cursor"]
            )
            assert f'<{page_url}>; rel="next"' in response.headers["link"]
        pages += 1
    assert pages >= 2


def test_species_page_two_is_the_api_page_two(api: TestClient) -> None:
    first = api.get("/api/v1/species?limit=5").json()
    second = api.get(first["links"]["next"]).json()
    page_one = api.get("/species?limit=5")
    page_two = read(api.get(_next_href(page_one.text) or "").text)
    slugs = [
        link.removeprefix("/species/") for link in page_two.links if link.startswith("/species/")
    ]
    assert slugs == [s["slug"] for s in second["data"]]
    assert (
        f"{len(api.get('/api/v1/species?limit=500').json()['data'])} species in all"
        in page_two.text
    )


def test_list_page_filters_pass_through_like_the_api(api: TestClient) -> None:
    response = api.get("/species", params={"material": "CdTe", "kind": "msc"})
    link = '<http://testserver/api/v1/species?material=CdTe&kind=msc>; rel="alternate"'
    assert response.headers["link"].startswith(link)
    expected = api.get("/api/v1/species?material=CdTe&kind=msc").json()["data"]
    links = read(response.text).links
    assert {f"/species/{s['slug']}" for s in expected} == {
        x for x in links if x.startswith("/species/")
    }
    # an empty field of the form means "any", not a 422 as in the API
    assert api.get("/species?material=&kind=&status=").status_code == 200
    assert api.get("/network?material=").status_code == 200
    unknown = api.get("/species?material=Xx")
    assert unknown.status_code == 404
    assert unknown.headers["content-type"].startswith("text/html")
    assert api.get("/species?cursor=nonsense").status_code == 422


ENTRIES = [
    ("/species/cds-msc-311", "/api/v1/species/cds-msc-311"),
    (
        "/transformations/cds-msc-311-to-cds-msc-322-thermal",
        "/api/v1/transformations/cds-msc-311-to-cds-msc-322-thermal",
    ),
    ("/references/zhu2017two", "/api/v1/references/zhu2017two"),
    ("/materials/CdS", "/api/v1/materials/CdS"),
    ("/tables/S4", "/api/v1/tables/S4"),
    ("/releases/1", "/api/v1/releases/1"),
]


@pytest.mark.parametrize(("path", "json_path"), ENTRIES)
def test_entry_json_and_page_link_each_other(api: TestClient, path: str, json_path: str) -> None:
    for _ in range(2):  # the second answer may come from the response cache
        answer = api.get(json_path)
        assert answer.status_code == 200
        assert f'<{path}>; rel="alternate"; type="text/html"' in answer.headers["link"]
        page = api.get(path)
        assert page.status_code == 200
        json_link = f'<http://testserver{json_path}>; rel="alternate"; type="application/json"'
        assert json_link in page.headers["link"]


@pytest.mark.parametrize(
    "json_path",
    [
        "/api/v1/species/cds-msc-999",
        "/api/v1/species/resolve?peak_nm=311",
        "/api/v1/species",
        "/api/v1/transformations/network",
    ],
)
def test_only_an_existing_entry_links_a_page(api: TestClient, json_path: str) -> None:
    assert 'type="text/html"' not in api.get(json_path).headers.get("link", "")
