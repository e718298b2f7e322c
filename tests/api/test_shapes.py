"""The endpoints that write their JSON straight from Core rows (api/web/responses.py) hold
to their declared response models: every response of the seeded database, read back
through its model, dumps to exactly the same JSON (no field missing, none extra, no
type that the model would have changed)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from api.schemas import Page
from api.schemas.maldi import MaldiRead
from api.schemas.species import SpeciesDetail, SpeciesSummary
from api.schemas.transformations import TransformationDetail, TransformationSummary


def held_to(model: type[BaseModel], body: Any) -> None:
    assert model.model_validate(body).model_dump(mode="json") == body


LISTS: list[tuple[str, type[BaseModel], str, type[BaseModel]]] = [
    ("/api/v1/species", Page[SpeciesSummary], "/api/v1/species/{}", SpeciesDetail),
    ("/api/v1/maldi", Page[MaldiRead], "/api/v1/maldi/{}", MaldiRead),
    (
        "/api/v1/transformations",
        Page[TransformationSummary],
        "/api/v1/transformations/{}",
        TransformationDetail,
    ),
]


@pytest.mark.parametrize(("listing", "page", "one", "detail"), LISTS)
def test_every_row_holds_to_its_model(
    api: TestClient,
    listing: str,
    page: type[BaseModel],
    one: str,
    detail: type[BaseModel],
) -> None:
    body = api.get(listing, params={"limit": 500}).json()
    held_to(page, body)
    assert body["data"], "the seeds give every list some rows"
    for item in body["data"]:
        key = item.get("slug", item.get("id"))
        response = api.get(one.format(key))
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.headers["etag"]
        held_to(detail, response.json())


def test_a_page_with_a_next_link_holds_to_its_model(api: TestClient) -> None:
    response = api.get("/api/v1/species", params={"limit": 2, "count": "true"})
    body = response.json()
    held_to(Page[SpeciesSummary], body)
    assert body["meta"]["total"] > 2
    assert response.headers["link"] == f'<{body["links"]["next"]}>; rel="next"'
