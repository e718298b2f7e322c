"""The HTTP contract every path keeps: HEAD beside GET, OPTIONS and 405 naming every
method the path takes, CORS for public reads only, required bodies, and If-Match
documented as required where the writes need it."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from tests.helpers import is_problem, make_keys, make_species

ORIGIN = "https://example.org"


@pytest.fixture
def species(session: Session) -> str:
    return make_species(session, material="CdS", label="MSC-311", peaks=[311]).slug


@pytest.mark.parametrize(
    "path", ["/api/v1/species", "/api/v1/species/{slug}", "/api/v1/info", "/health"]
)
def test_head_answers_as_get_without_a_body(client: TestClient, species: str, path: str) -> None:
    url = path.format(slug=species)
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "etag", "link"):
        assert head.headers.get(name) == got.headers.get(name), name


def test_head_of_a_missing_record_is_its_404(client: TestClient) -> None:
    response = client.head("/api/v1/species/no-such-species")
    assert response.status_code == 404
    assert response.content == b""


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/api/v1/species", "GET, HEAD, POST, OPTIONS"),
        ("POST", "/api/v1/species/{slug}", "GET, HEAD, PATCH, DELETE, OPTIONS"),
        ("DELETE", "/api/v1/materials", "GET, HEAD, OPTIONS"),
        ("POST", "/api/v1/changes", "GET, HEAD, OPTIONS"),
        ("GET", "/api/v1/references/import", None),  # GET /references/{key}: a 404
    ],
)
def test_405_names_every_method_of_the_path(
    client: TestClient, species: str, method: str, path: str, allow: str | None
) -> None:
    response = client.request(method, path.format(slug=species))
    if allow is None:
        assert response.status_code == 404
        return
    is_problem(response, 405)
    assert response.headers["allow"] == allow


def test_options_names_the_methods(client: TestClient, species: str) -> None:
    response = client.options(f"/api/v1/species/{species}")
    assert response.status_code == 204
    assert response.headers["allow"] == "GET, HEAD, PATCH, DELETE, OPTIONS"


def test_an_unknown_path_stays_a_404(client: TestClient) -> None:
    is_problem(client.put("/api/v1/no-such-thing"), 404)


def test_a_read_from_another_origin_is_allowed(client: TestClient, species: str) -> None:
    response = client.get(f"/api/v1/species/{species}", headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in response.headers
    assert "ETag" in response.headers["access-control-expose-headers"]


def test_a_preflight_for_a_get_is_allowed(client: TestClient) -> None:
    response = client.options(
        "/api/v1/species",
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in response.headers


@pytest.mark.parametrize("method", ["POST", "PATCH", "DELETE"])
def test_a_preflight_for_a_write_is_refused(client: TestClient, method: str) -> None:
    response = client.options(
        "/api/v1/species",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "x-api-key",
        },
    )
    assert response.status_code == 400
    assert method not in response.headers["access-control-allow-methods"]


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("POST", "/api/v1/species", {"Content-Type": "application/json"}),
        ("POST", "/api/v1/references/import", {"Content-Type": "application/x-bibtex"}),
        ("POST", "/api/v1/references/import", {"Content-Type": "text/plain"}),
        ("PATCH", "/api/v1/species/{slug}", {"Content-Type": "application/merge-patch+json"}),
    ],
)
@pytest.mark.parametrize("body", [b"", b"  \n"])
def test_a_write_without_a_body_is_a_422(
    client: TestClient,
    session: Session,
    species: str,
    method: str,
    path: str,
    headers: dict[str, str],
    body: bytes,
) -> None:
    keys = make_keys(session)
    etag = client.get(f"/api/v1/species/{species}").headers["etag"]
    response = client.request(
        method,
        path.format(slug=species),
        content=body,
        headers={**keys.curator, **headers, "If-Match": etag},
    )
    is_problem(response, 422)


def test_if_match_is_documented_required_and_its_absence_is_a_428(
    client: TestClient, session: Session, species: str
) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method in ("patch", "delete"):
            if method not in operations:
                continue
            headers = {
                p["name"].lower(): p
                for p in operations[method]["parameters"]
                if p["in"] == "header"
            }
            assert headers["if-match"]["required"] is True, (method, path)
            assert "428" in operations[method]["responses"], (method, path)
    keys = make_keys(session)
    response = client.patch(
        f"/api/v1/species/{species}",
        json={"description": "x"},
        headers={**keys.curator, "Content-Type": "application/merge-patch+json"},
    )
    is_problem(response, 428)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/changes?until=0.5",
        "/api/v1/changes?since=yesterday",
        "/api/v1/species?peak_nm_min=abc",
        "/api/v1/species?limit=1.5",
        "/api/v1/transformations?temperature_c=hot",
        "/api/v1/maldi?mass_da=nan",
        "/api/v1/releases/0",
    ],
)
def test_every_time_and_number_is_validated(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith("application/problem+json")


def test_operation_ids_are_short_and_links_lead_somewhere(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    operations = {
        operation["operationId"]: operation
        for path_item in spec["paths"].values()
        for operation in path_item.values()
    }
    assert {
        "list_species",
        "get_species",
        "create_species",
        "update_species",
        "delete_species",
        "find_paths",
        "import_references",
    } <= set(operations)
    assert all(len(name) <= 32 for name in operations), sorted(operations, key=len)[-1]
    species_links = operations["get_species"]["responses"]["200"]["links"]
    assert species_links["maldi"]["operationId"] == "list_maldi"
    assert species_links["transformations"]["operationId"] == "list_transformations"
    transformation_links = operations["get_transformation"]["responses"]["200"]["links"]
    assert transformation_links["source"]["parameters"] == {"slug": "$response.body#/source/slug"}
    assert transformation_links["product"]["operationId"] == "get_species"
    # A model published twice ("Evidence-Input", "Evidence-Output") is one generators drop.
    assert not [n for n in spec["components"]["schemas"] if n.endswith(("-Input", "-Output"))]
