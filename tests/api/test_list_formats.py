"""Every list endpoint as CSV and JSON Lines: the whole list, streamed past the page
limit, with the rows of the JSON pages (api/web/pagination.py, api/outputs/lists.py)."""

import csv
import io
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.web import pagination
from tests.helpers import make_maldi, make_matrix, make_species

LISTS = [
    "/api/v1/species",
    "/api/v1/maldi",
    "/api/v1/materials",
    "/api/v1/matrices",
    "/api/v1/transformations",
    "/api/v1/syntheses",
    "/api/v1/experiments",
    "/api/v1/references",
    "/api/v1/releases",
    "/api/v1/changes",
    "/api/v1/glossary",
]


@pytest.fixture
def many(session: Session, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Seven species with peaks and MALDI, walked two rows a batch: a list several
    times bigger than the stream's keyset page."""
    monkeypatch.setattr(pagination, "STREAM_BATCH", 2)
    slugs = []
    for n in range(7):
        species = make_species(session, label=f"MSC-{300 + n}", peaks=[300 + n, 400.5])
        make_maldi(session, species=species, masses=(5000 + n,), matrices=("DCTB",))
        slugs.append(species.slug)
    return slugs


def json_pages(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    url: str | None = path
    query: dict[str, Any] | None = {"limit": 3, **params}
    while url is not None:
        page = client.get(url, params=query).json()
        items += page["data"]
        url, query = page["links"]["next"], None
    return items


def test_csv_has_the_rows_of_the_json_pages(client: TestClient, many: list[str]) -> None:
    response = client.get("/api/v1/species", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    items = json_pages(client, "/api/v1/species")
    assert [r["slug"] for r in rows] == [i["slug"] for i in items] == sorted(many)
    first = rows[0]
    assert first["evidence.reference"] == items[0]["evidence"]["reference"]
    peaks = first["absorption_peaks.peak_nm"].split("; ")
    assert [float(p) for p in peaks] == [300, 400.5]
    assert first["absorption_peaks.evidence.reference"] == "zhu2017two; zhu2017two"
    assert "material" in first


def test_csv_numbers_are_bare_and_strings_quoted(client: TestClient, many: list[str]) -> None:
    text = client.get("/api/v1/species", params={"format": "csv"}).text
    header, line = text.splitlines()[:2]
    names = next(csv.reader([header]))
    assert names.index("slug") == 0
    assert line.startswith('"cds-msc-300",')
    peak = names.index("absorption_peaks.peak_nm")
    assert names[peak - 1] == "aliases"
    # aliases (empty: none) then the joined peaks (a string): nulls are bare empty fields
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["aliases"] == ""
    materials = client.get("/api/v1/materials", params={"format": "csv"}).text.splitlines()
    assert materials[0].startswith('"formula","name","species_counts.msc",')
    assert materials[1].startswith('"CdS",')
    assert ",7," in materials[1]


def test_jsonl_lines_are_the_items(client: TestClient, many: list[str]) -> None:
    response = client.get("/api/v1/species", params={"format": "jsonl"})
    assert response.headers["content-type"].startswith("application/jsonl")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert lines == json_pages(client, "/api/v1/species")
    assert len(lines) == len(many)


def test_accept_header_chooses_with_q_values(client: TestClient, many: list[str]) -> None:
    as_csv = client.get("/api/v1/species", headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    weighed = client.get("/api/v1/species", headers={"Accept": "text/csv;q=0.5, application/jsonl"})
    assert weighed.headers["content-type"].startswith("application/jsonl")
    refused = client.get("/api/v1/species", headers={"Accept": "text/csv;q=0, */*"})
    assert refused.headers["content-type"].startswith("application/json")
    assert "data" in refused.json()


def test_filters_apply_and_limit_does_not(client: TestClient, many: list[str]) -> None:
    rows = client.get(
        "/api/v1/species", params={"format": "jsonl", "limit": 1, "peak_nm_max": 302.5}
    ).text.splitlines()
    assert [json.loads(r)["slug"] for r in rows] == sorted(many)[:3]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_comes_as_csv_and_jsonl(client: TestClient, many: list[str], path: str) -> None:
    items = json_pages(client, path)
    rows = list(csv.DictReader(io.StringIO(client.get(path, params={"format": "csv"}).text)))
    assert len(rows) == len(items)
    lines = client.get(path, params={"format": "jsonl"}).text.splitlines()
    assert [json.loads(line) for line in lines] == items


def test_openapi_declares_the_formats(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in LISTS:
        content = paths[path]["get"]["responses"]["200"]["content"]
        assert {"text/csv", "application/jsonl"} <= set(content), path
    # Only lists: a route sharing the lists' declared citation formats does not gain them.
    for one in ("/api/v1/references/{key}", "/api/v1/bibliography"):
        assert "text/csv" not in paths[one]["get"]["responses"]["200"]["content"], one


def test_a_list_bigger_than_the_page_limit_streams_whole(
    client: TestClient, session: Session
) -> None:
    """More rows than the most one page may hold (500), at the stream's own batch size."""
    total = pagination.MAX_LIMIT + 21
    for n in range(total):
        make_matrix(session, acronym=f"M{n:04d}")
    session.flush()
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/matrices?format=csv").text)))
    assert [r["acronym"] for r in rows] == [f"M{n:04d}" for n in range(total)]
    lines = client.get("/api/v1/matrices", headers={"Accept": "application/jsonl"}).text
    assert len(lines.splitlines()) == total
    assert client.get("/api/v1/matrices", params={"limit": 500}).json()["links"]["next"]
