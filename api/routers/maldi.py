"""MALDI-TOF measurements and the matrices they used."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.facts import kinds
from api.queries import lookup
from api.queries.maldi import (
    DEFAULT_TOLERANCE_DA,
    list_matrices,
    maldi_items,
    measurement_row,
    measurements_query,
)
from api.schemas import Da, Page
from api.schemas.maldi import MaldiRead, MatrixRead
from api.web.deps import SessionDep
from api.web.errors import problem_responses
from api.web.pagination import PagerDep
from api.web.responses import rows_json
from models import MaldiMatrix

router = APIRouter(tags=["MALDI"])


@router.get(
    "/maldi",
    summary="MALDI-TOF measurements, filtered; mass_da finds peaks within tolerance_da",
    response_model=Page[MaldiRead],
    responses=problem_responses(404),
)
async def maldi_list(
    session: SessionDep,
    pager: PagerDep,
    species: Annotated[str | None, Query(description="Species slug, e.g. cds-msc-311.")] = None,
    material: Annotated[str | None, Query(description='Material formula, e.g. "CdS".')] = None,
    matrix: Annotated[str | None, Query(description='Matrix acronym, e.g. "DCTB".')] = None,
    reference: Annotated[str | None, Query(description="Citation key.")] = None,
    mass_da: Annotated[
        Da | None, Query(gt=0, description="A mass, Da: measurements with a peak near it.")
    ] = None,
    tolerance_da: Annotated[
        Da, Query(ge=0, description="How near, Da (default 5); a range peak matches on overlap.")
    ] = DEFAULT_TOLERANCE_DA,
) -> Response:
    statement = measurements_query(
        species_id=None
        if species is None
        else lookup.species_id(session, species, param="species"),
        material_id=None if material is None else lookup.material_id(session, material),
        matrix_id=None if matrix is None else lookup.matrix_id(session, matrix),
        reference_id=None if reference is None else lookup.reference_id(session, reference),
        mass_da=mass_da,
        tolerance_da=tolerance_da,
    )
    return pager.respond(session, statement, key="slug", items=maldi_items)


@router.get(
    "/matrices",
    summary="MALDI matrices: acronym and full name",
    response_model=Page[MatrixRead],
    responses=problem_responses(),
)
async def matrices_list(session: SessionDep, pager: PagerDep) -> Page[MatrixRead] | Response:
    return pager.page(
        session, list_matrices(), key=MaldiMatrix.acronym, item=MatrixRead.model_validate
    )


@router.get(
    "/maldi/{measurement_id}",
    summary="One MALDI-TOF measurement",
    response_model=MaldiRead,
    responses=problem_responses(404),
)
async def maldi_by_id(session: SessionDep, response: Response, measurement_id: str) -> Response:
    row = measurement_row(session, measurement_id)
    response.headers["ETag"] = kinds.MALDI_MEASUREMENT.etag(row)
    return rows_json(maldi_items(session, [row])[0], response)
