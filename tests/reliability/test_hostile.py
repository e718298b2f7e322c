"""Hostile input in every parameter and body: a 4xx problem (or, for a harmless text
search, an answer), never a 5xx, and nothing written."""

import json
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.queries.meta import row_counts
from tests.helpers import Keys

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "' OR '1'='1",
    "1; DROP TABLE species; --",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "%",
    "_",
    "\\",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "😀" * 200,
    "Ω≈ç√∫˜µ≤≥÷",
    "x" * 20_000,
    "-1",
    "0",
    "99999999999999999999999999",
    "1e308",
    "-1e308",
    "NaN",
    "inf",
    "true",
    "null",
    "[]",
    "{}",
]


def operations(api: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    spec = api.get("/openapi.json").json()
    return [
        (method.upper(), path, operation)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    ]


def _url(path: str, params: dict[str, str]) -> str:
    for name, value in params.items():
        path = path.replace("{" + name + "}", quote(value, safe=""))
    return path


def _check(response: Any) -> None:
    assert response.status_code < 500, (response.request.url, response.text[:300])
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.slow  # every value in every parameter: 15 s
def test_hostile_values_in_every_parameter(api: TestClient, keys: Keys, seeded: Session) -> None:
    before = row_counts(seeded)
    for method, path, operation in operations(api):
        if method != "GET":
            continue
        params = [p for p in operation.get("parameters", []) if p["in"] in {"query", "path"}]
        defaults = {p["name"]: "cds-msc-311" for p in params if p["in"] == "path"}
        for param in params:
            for value in HOSTILE:
                if param["in"] == "path":
                    if value == "":
                        continue
                    url = _url(path, {**defaults, param["name"]: value})
                    response = api.get(url, headers=keys.admin)
                else:
                    url = _url(path, defaults)
                    response = api.get(url, params={param["name"]: value}, headers=keys.admin)
                _check(response)
    assert row_counts(seeded) == before


BAD_BODIES: list[tuple[str, bytes]] = [
    ("application/json", b"{"),
    ("application/json", b"null"),
    ("application/json", b"[]"),
    ("application/json", b'"text"'),
    ("application/json", b"\xff\xfe\x00"),
    ("application/json", b"[" * 5000 + b"]" * 5000),
    ("application/json", json.dumps({"slug": "x\u0000"}).encode()),
    ("application/json", json.dumps({"slug": "'; DROP TABLE species; --"}).encode()),
    ("application/json", json.dumps({"evidence": {"ref": "../../etc/passwd"}}).encode()),
    ("application/json", json.dumps({"slug": 1, "kind": ["msc"], "evidence": 3}).encode()),
    ("application/json", json.dumps({"a" * 100: "b" * 100_000}).encode()),
    ("text/plain", b"not json at all"),
    ("application/x-bibtex", b"@article{"),
]


READS_BY_POST = {"/api/v1/bibliography/resolve"}
"""POSTed because a manuscript is a body, not a query; any text is a manuscript (that
cites nothing, or keys it does not know): answered, and nothing is written."""


def test_hostile_bodies_on_every_write(api: TestClient, keys: Keys, seeded: Session) -> None:
    before = row_counts(seeded)
    for method, path, _operation in operations(api):
        if method not in {"POST", "PATCH"}:
            continue
        url = _url(
            path,
            {
                "identifier": "cds-msc-311",
                "slug": "cdse-dispersion-30c",
                "pc": "cds-pc-311",
                "msc": "cds-msc-311",
                "first": "cds-msc-311",
                "second": "cds-msc-322",
                "position": "1",
            },
        )
        tag = api.get(url).headers.get("ETag", '"none"') if method == "PATCH" else None
        for content_type, body in BAD_BODIES:
            headers = {**keys.admin, "Content-Type": content_type}
            if tag:
                headers["If-Match"] = tag
            response = api.request(method, url, content=body, headers=headers)
            _check(response)
            if path in READS_BY_POST:
                assert response.status_code in (200, 400, 422), (url, body[:60])
                continue
            assert response.status_code >= 400, (method, url, body[:60], response.status_code)
    assert row_counts(seeded) == before


@pytest.mark.parametrize("header", ["X-API-Key", "If-Match", "X-Request-ID", "Accept"])
def test_hostile_headers(api: TestClient, keys: Keys, header: str) -> None:
    values: list[str | bytes] = ["", "x" * 8000, "' OR 1=1", "😀".encode(), b"\xff\xfe"]
    for value in values:
        hostile: Any = {header: value}  # bytes too: what a hostile client may send
        response = api.get("/api/v1/species/cds-msc-311", headers=hostile)
        _check(response)
        tag = api.get("/api/v1/species/cds-pcs").headers["ETag"]
        headers: Any = {**keys.curator, "If-Match": tag, header: value}
        _check(api.patch("/api/v1/species/cds-pcs", json={}, headers=headers))
