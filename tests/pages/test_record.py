"""Every entry page is a citable record, and every page is readable without scripts."""

import html
import re

import pytest
from fastapi.testclient import TestClient

from tests.pages.html import read

ENTRY_PAGES = [
    "/materials/CdS",
    "/species/cds-msc-311",
    "/transformations/cdte-smsc-371-to-cdte-smsc-417-ota-0-40",
    "/network?material=CdTe",
    "/tables/S2",
    "/references/zhang2018thermally",
    "/releases/1",
]


@pytest.mark.parametrize("path", ENTRY_PAGES)
def test_highwire_tags_name_title_date_publisher_and_url(api: TestClient, path: str) -> None:
    release = api.get("/api/v1/info").json()["release"]
    page = read(api.get(path).text)
    meta = page.meta
    assert meta["citation_title"][0].endswith("— MSC-KB")
    assert meta["citation_title"][0].removesuffix(" — MSC-KB") in page.title
    assert meta["citation_publisher"] == ["MSC-KB"]
    date = release["created_at"][:10].replace("-", "/")
    assert meta["citation_publication_date"] == [date]
    assert meta["citation_date"] == [date]
    assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", date)
    assert meta["citation_public_url"] == [f"http://testserver{path}"]


@pytest.mark.parametrize("path", ENTRY_PAGES)
def test_cite_box_holds_a_bibtex_dataset_record(api: TestClient, path: str) -> None:
    release = api.get("/api/v1/info").json()["release"]
    text = html.unescape(api.get(path).text)
    match = re.search(r"@misc\{(msckb-[^,]+),(.*?)\n\}", text, re.DOTALL)
    assert match, text
    assert f"url = {{http://testserver{path}}}" in match[2]
    assert release["content_hash"] in match[2]
    assert f"year = {{{release['created_at'][:4]}}}" in match[2]


def test_species_page_is_a_schema_org_dataset(api: TestClient) -> None:
    page = read(api.get("/species/cds-msc-311").text)
    (document,) = page.json_ld
    assert document["@type"] == "Dataset"
    assert document["url"] == "http://testserver/species/cds-msc-311"
    assert document["identifier"] == "species/cds-msc-311"
    assert document["publisher"]["name"] == "MSC-KB"
    assert document["distribution"][0]["contentUrl"].endswith("/api/v1/species/cds-msc-311")
    assert "http://testserver/references/zhu2017two" in document["citation"]


def test_reference_page_carries_coins(api: TestClient) -> None:
    reference = api.get("/api/v1/references/zhu2017two").json()
    page = read(api.get("/references/zhu2017two").text)
    (coins,) = page.coins
    assert "ctx_ver=Z39.88-2004" in coins
    assert f"rft_id=info%3Adoi%2F{reference['doi'].replace('/', '%2F')}" in coins
    assert f"rft.date={reference['year']}" in coins


PAGES = [
    "/",
    *ENTRY_PAGES,
    "/network",
    "/tables",
    "/references",
    "/transformations",
    "/species",
    "/species?limit=5&material=CdS&kind=msc",
    "/releases",
    "/search?q=311",
    "/search?q=5160",
    "/species/nope",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_accessible_and_light(api: TestClient, path: str) -> None:
    source = api.get(path).text
    page = read(source)
    assert page.lang == "en"
    assert page.title.strip()
    for field in page.fields:
        assert field.get("id") in page.labels_for, f"unlabelled field {field}"
    assert page.images_without_alt == 0
    for svg in page.svgs:
        assert svg[:1] == ["title"], "every figure carries a text alternative"
    assert "<script src" not in source, "readable without JavaScript"
    assert not re.search(r"""(?:src|href)=["']https?://(?!testserver)""", source.split("<body")[0])
