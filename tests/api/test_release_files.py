"""Releases other tools take as they are: schema.org Dataset JSON-LD for the knowledge
base and each release, and a release's citation as RIS."""

from fastapi.testclient import TestClient

SOURCE = "Transformations Among Colloidal Semiconductor Magic-Size Clusters"


def test_each_release_is_a_schema_org_dataset(api: TestClient) -> None:
    (release, *_) = api.get("/api/v1/releases").json()["data"]
    number = release["number"]
    response = api.get(f"/api/v1/releases/{number}", params={"format": "jsonld"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    dataset = response.json()
    assert dataset["@context"] == "https://schema.org"
    assert dataset["@type"] == "Dataset"
    assert dataset["version"] == str(number)
    assert dataset["identifier"] == f"sha256:{release['content_hash']}"
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["isBasedOn"]["name"] == SOURCE
    assert "sameAs" not in dataset["isBasedOn"]  # no DOI is made up
    urls = [d["contentUrl"] for d in dataset["distribution"]]
    assert any(u.endswith(f"/releases/{number}/export?format=datapackage") for u in urls)
    by_accept = api.get(f"/api/v1/releases/{number}", headers={"Accept": "application/ld+json"})
    assert by_accept.json() == dataset
    assert api.get(f"/api/v1/releases/{number}").json()["number"] == number


def test_the_knowledge_base_is_a_dataset_of_its_releases(api: TestClient) -> None:
    response = api.get("/api/v1/dataset")
    assert response.headers["content-type"].startswith("application/ld+json")
    dataset = response.json()
    assert dataset["@type"] == "Dataset"
    numbers = [r["number"] for r in api.get("/api/v1/releases").json()["data"]]
    assert [part["version"] for part in dataset["hasPart"]] == [str(n) for n in numbers]


def test_a_release_cites_itself_as_ris(api: TestClient) -> None:
    (release, *_) = api.get("/api/v1/releases").json()["data"]
    response = api.get(f"/api/v1/releases/{release['number']}/citation", params={"format": "ris"})
    assert response.headers["content-type"].startswith("application/x-research-info-systems")
    assert response.text.startswith("TY  - DATA\r\n")
    assert response.text.endswith("ER  -\r\n")
    assert release["content_hash"] in response.text
