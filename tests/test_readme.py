"""The README's curl examples answer what the README says they answer."""

import re
import shlex
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from api.settings import PROJECT_ROOT

LOOP_HEADING = "### The curation loop"


def readme_requests() -> list[tuple[str, dict[str, str]]]:
    """Each read (GET) curl command of the README as (path with query, headers); the
    write examples need a key and are exercised by tests/api/test_curation.py."""
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").replace("\\\n", " ")
    # The curation loop builds its own state; tests/test_readme_curation.py runs it.
    head, _, loop = text.partition(LOOP_HEADING)
    text = head + (loop[loop.index("\n## ") :] if loop else "")
    requests = []
    for line in text.splitlines():
        if not line.strip().startswith("curl "):
            continue
        if " -X " in line or "$" in line:
            continue
        words = shlex.split(line.split(" #")[0])
        headers = {}
        for flag, value in zip(words, words[1:], strict=False):
            if flag == "-H":
                name, _, header_value = value.partition(":")
                headers[name.strip()] = header_value.strip()
        (url,) = [w for w in words if w.startswith("http://")]
        parts = urlsplit(url)
        requests.append((parts.path + (f"?{parts.query}" if parts.query else ""), headers))
    return requests


REQUESTS = readme_requests()


def answer(api: TestClient, path_prefix: str) -> object:
    (path, headers) = next((p, h) for p, h in REQUESTS if p.startswith(path_prefix))
    response = api.get(path, headers=headers)
    assert response.status_code == 200, response.text
    return response


def test_the_readme_has_the_examples() -> None:
    assert len(REQUESTS) >= 8


@pytest.mark.parametrize(("path", "headers"), REQUESTS, ids=[p for p, _ in REQUESTS])
def test_every_readme_example_answers(api: TestClient, path: str, headers: dict[str, str]) -> None:
    response = api.get(path, headers=headers)
    assert response.status_code == 200, response.text
    assert response.content


def test_cds_species_near_5160_da(api: TestClient) -> None:
    body = answer(api, "/api/v1/maldi?material=CdS&mass_da=5160").json()  # type: ignore[attr-defined]
    assert {m["species"]["slug"] for m in body["data"]} == {
        "cds-pc-311",
        "cds-msc-311",
        "cds-msc-322",
    }


def test_what_cdte_smsc_371_turns_into(api: TestClient) -> None:
    body = answer(api, "/api/v1/transformations?source=cdte-smsc-371").json()  # type: ignore[attr-defined]
    assert {t["product"]["slug"] for t in body["data"]} == {"cdte-smsc-417", "cdte-smsc-448"}
    assert {t["conditions"]["additive"]["name"] for t in body["data"]} == {"OTA"}


def test_transformations_in_toluene(api: TestClient) -> None:
    body = answer(api, "/api/v1/transformations?solvent=toluene").json()  # type: ignore[attr-defined]
    assert [t["id"] for t in body["data"]] == ["cds-msc-311-to-cds-msc-322-thermal"]


def test_paths_example(api: TestClient) -> None:
    body = answer(api, "/api/v1/transformations/paths").json()  # type: ignore[attr-defined]
    assert body["data"][0]["species"] == ["cdte-smsc-371", "cdte-smsc-448", "cdte-dmsc-371"]


def test_bibtex_and_csl_examples(api: TestClient) -> None:
    bibtex = answer(api, "/api/v1/references/zhu2017two").text  # type: ignore[attr-defined]
    assert re.match(r"@article\{zhu2017two,", bibtex)
    csl = answer(api, "/api/v1/references/zhang2018thermally").json()  # type: ignore[attr-defined]
    assert csl[0]["DOI"] == "10.1038/s41467-018-04842-0"


def test_what_msc_322_turns_into_example(api: TestClient) -> None:
    body = answer(api, "/api/v1/transformations?source=cds-msc-322").json()  # type: ignore[attr-defined]
    assert {(t["direction"], t["product"]["slug"]) for t in body["data"]} == {
        ("reverse", "cds-msc-311"),
        ("forward", "cds-msc-311"),
    }


def test_resolve_example(api: TestClient) -> None:
    body = answer(api, "/api/v1/species/resolve").json()  # type: ignore[attr-defined]
    assert body["data"][0]["species"]["slug"] == "cdse-msc-384"


def test_composition_example(api: TestClient) -> None:
    body = answer(api, "/api/v1/species?composition=").json()  # type: ignore[attr-defined]
    assert [s["slug"] for s in body["data"]] == ["cds-msc-311", "cds-msc-322"]


def test_cdse_bibtex_example(api: TestClient) -> None:
    bibtex = answer(api, "/api/v1/bibliography?material=CdSe").text  # type: ignore[attr-defined]
    assert "@article{kudera2007sequential," in bibtex
