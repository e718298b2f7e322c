"""The data releases as pages: each release a citable record with its downloads and its
changes since the release before, as the API's diff names them."""

import html

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.outputs.export import record_release
from tests.conftest import Keys
from tests.pages.html import read


def test_releases_page_lists_what_the_api_lists(api: TestClient) -> None:
    listed = api.get("/api/v1/releases").json()["data"]
    response = api.get("/releases")
    assert response.status_code == 200
    page = read(response.text)
    for release in listed:
        assert f"/releases/{release['number']}" in page.links
        assert release["content_hash"] in page.text
        assert release["created_at"][:10] in page.text
    assert "/releases" in read(api.get("/").text).links
    assert "/releases" in read(api.get("/species").text).links  # the header


def test_release_page_is_a_citable_record_with_its_downloads(api: TestClient) -> None:
    release = api.get("/api/v1/releases").json()["data"][-1]
    number = release["number"]
    response = api.get(f"/releases/{number}")
    assert response.status_code == 200
    page = read(response.text)
    assert page.title.startswith(f"Data release {number}")
    for path in (
        f"/api/v1/releases/{number}/export",
        f"/api/v1/releases/{number}/export?format=datapackage",
        f"/api/v1/releases/{number}/citation",
        f"/api/v1/releases/{number}/citation?format=csljson",
    ):
        assert path in page.links
        assert api.get(path).status_code == 200, path
    assert release["content_hash"] in page.text
    assert release["citation"]["text"] in page.text
    assert release["citation"]["bibtex"].strip() in html.unescape(response.text)
    date = release["created_at"][:10]
    assert page.meta["citation_publication_date"] == [date.replace("-", "/")]
    assert page.meta["citation_public_url"] == [f"http://testserver/releases/{number}"]
    (document,) = page.json_ld
    assert document["@type"] == "Dataset"
    assert document["version"] == str(number)
    assert document["datePublished"] == date
    assert document["sha256"] == release["content_hash"]
    assert any(d["encodingFormat"] == "application/zip" for d in document["distribution"])
    assert "Cite this record" in page.text
    assert "The first release" in page.text or "release before" in page.text


def test_release_page_shows_the_api_diff_to_the_release_before(
    api: TestClient, keys: Keys, seeded: Session
) -> None:
    before = api.get("/api/v1/releases").json()["data"][-1]["number"]
    tag = api.get("/api/v1/species/cds-msc-311").headers["ETag"]
    patched = api.patch(
        "/api/v1/species/cds-msc-311",
        json={"description": "Changed for the release page."},
        headers={**keys.curator, "If-Match": tag},
    )
    assert patched.status_code == 200, patched.text
    after = record_release(seeded).number
    diff = api.get(f"/api/v1/releases/{before}/diff/{after}").json()
    page = read(api.get(f"/releases/{after}").text)
    assert f"/api/v1/releases/{before}/diff/{after}" in page.links
    assert f"/releases/{before}" in page.links
    counts = f"{len(diff['added'])} added, {len(diff['changed'])} changed"
    assert counts in page.text
    for row in diff["added"] + diff["changed"] + diff["removed"]:
        assert row["id"] in page.text
    assert '"Changed for the release page."' in page.text
    assert f"/releases/{after}" in read(api.get(f"/releases/{before}").text).links


def test_unknown_release_is_an_html_404(api: TestClient) -> None:
    for path, status in (("/releases/999", 404), ("/releases/0", 422), ("/releases/x", 422)):
        response = api.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html")


def test_without_a_release_no_link_to_releases(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200
    assert "/releases" not in read(home.text).links
    assert "No data release yet" in read(client.get("/releases").text).text
