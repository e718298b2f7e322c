"""Species: MSCs, PCs and the other entities of the field."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.facts import kinds
from api.queries.species import list_species, species_detail, species_row, species_summaries
from api.schemas import Nm, Page
from api.schemas.species import SpeciesDetail, SpeciesSummary
from api.web.deps import SessionDep
from api.web.errors import problem_responses
from api.web.pagination import PagerDep
from api.web.responses import rows_json
from models.enums import SpeciesKind

router = APIRouter(tags=["species"])

SLUG_DESCRIPTION = (
    "Lowercased material + '-' + label, other characters as '-': "
    "cds-msc-311, cds-pc-311, cdte-smsc-371."
)


@router.get(
    "/species",
    summary="Species, filtered by material, kind, absorption peak or text",
    response_model=Page[SpeciesSummary],
    responses=problem_responses(),
)
def species_list(
    session: SessionDep,
    pager: PagerDep,
    material: Annotated[
        str | None, Query(description='Material formula, e.g. "CdS" (case-insensitive).')
    ] = None,
    kind: SpeciesKind | None = None,
    peak_nm_min: Annotated[
        Nm | None, Query(gt=0, description="Species with an absorption peak at or above, nm.")
    ] = None,
    peak_nm_max: Annotated[
        Nm | None, Query(gt=0, description="Species with an absorption peak at or below, nm.")
    ] = None,
    q: Annotated[
        str | None,
        Query(min_length=1, description="Text in the slug, label, aliases or description."),
    ] = None,
) -> Response:
    statement = list_species(
        material=material, kind=kind, peak_nm_min=peak_nm_min, peak_nm_max=peak_nm_max, q=q
    )
    window = pager.window(session, statement, key="slug")
    return rows_json(window.content(species_summaries(session, window.rows)), pager.response)


@router.get(
    "/species/{slug}",
    summary="One species with its relations, masses, transformations and observations",
    response_model=SpeciesDetail,
    responses=problem_responses(404),
)
def species_by_slug(
    session: SessionDep,
    response: Response,
    slug: Annotated[str, Path(description=SLUG_DESCRIPTION)],
) -> Response:
    row = species_row(session, slug)
    response.headers["ETag"] = kinds.SPECIES.etag(row)
    return rows_json(species_detail(session, row), response)
