"""Species: MSCs, PCs and the other entities of the field."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api.facts import kinds
from api.queries import lookup
from api.queries.species import (
    is_formula,
    resolve_peak,
    species_detail,
    species_query,
    species_row,
    species_summaries,
    with_composition,
)
from api.schemas import Nm, Page
from api.schemas.species import (
    PeakResolution,
    PeakResolutionMeta,
    SpeciesDetail,
    SpeciesSummary,
)
from api.web.deps import SessionDep
from api.web.errors import invalid_value, problem_responses
from api.web.pagination import PagerDep
from api.web.responses import rows_json
from models.enums import EvidenceStatus, SpeciesKind

router = APIRouter(tags=["species"])

SLUG_DESCRIPTION = (
    "Lowercased material + '-' + label, other characters as '-': "
    "cds-msc-311, cds-pc-311, cdte-smsc-371."
)


MaterialParam = Annotated[
    str | None,
    Query(description='Material formula, e.g. "CdS" (case-insensitive); 404 when unknown.'),
]


@router.get(
    "/species",
    summary="Species, filtered by material, kind, absorption peak, composition, "
    "reference, status, MALDI data or text",
    response_model=Page[SpeciesSummary],
    responses=problem_responses(404),
)
async def species_list(
    session: SessionDep,
    pager: PagerDep,
    material: MaterialParam = None,
    kind: SpeciesKind | None = None,
    peak_nm_min: Annotated[
        Nm | None,
        Query(
            gt=0,
            description="Species with an absorption peak at or above, nm; a range peak "
            "matches when it overlaps.",
        ),
    ] = None,
    peak_nm_max: Annotated[
        Nm | None,
        Query(
            gt=0,
            description="Species with an absorption peak at or below, nm; a range peak "
            "matches when it overlaps.",
        ),
    ] = None,
    composition: Annotated[
        str | None,
        Query(
            description='A composition formula: "Cd37S20", "Cd₃₇S₂₀", "β-Cd37S20" and '
            '"(CdSe)13" = "Cd13Se13" compare by element symbols (case-sensitive) and '
            "counts; a polymorph prefix (α-, β-) is ignored."
        ),
    ] = None,
    reference: Annotated[
        str | None,
        Query(
            description="Citation key: species whose evidence, or a peak's, "
            "composition's, size's or property dependence's, cites it."
        ),
    ] = None,
    status: Annotated[
        EvidenceStatus | None, Query(description="The status of the species' own evidence.")
    ] = None,
    maldi: Annotated[
        bool | None,
        Query(description="true: species with MALDI-TOF data; false: species without."),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            description="Text in the slug, label, aliases, description or a composition "
            "formula (also read as a formula, as composition= reads it).",
        ),
    ] = None,
) -> Response:
    if peak_nm_min is not None and peak_nm_max is not None and peak_nm_min > peak_nm_max:
        raise invalid_value("peak_nm_max", "below peak_nm_min; the window would be empty")
    composition_ids = None
    if composition is not None:
        if not is_formula(session, composition):
            raise invalid_value("composition", f"{composition!r} is not a chemical formula")
        composition_ids = with_composition(session, composition)
    statement = species_query(
        material_id=None if material is None else lookup.material_id(session, material),
        kind=kind,
        peak_nm_min=peak_nm_min,
        peak_nm_max=peak_nm_max,
        composition_ids=composition_ids,
        reference_id=None if reference is None else lookup.reference_id(session, reference),
        status=status,
        maldi=maldi,
        q=q,
        q_composition_ids=with_composition(session, q) if q else (),
    )
    return pager.respond(session, statement, key="slug", items=species_summaries)


@router.get(
    "/species/resolve",
    summary="Which species a measured absorption peak could belong to, nearest first",
    response_model=PeakResolution,
    responses=problem_responses(404),
)
async def species_resolve(
    session: SessionDep,
    peak_nm: Annotated[Nm, Query(gt=0, description="The measured peak, nm.")],
    tolerance_nm: Annotated[
        Nm,
        Query(ge=0, le=1000, description="How far a species' peak may lie from it, nm."),
    ] = 5.0,
    material: MaterialParam = None,
) -> PeakResolution:
    candidates = resolve_peak(
        session,
        peak_nm=peak_nm,
        tolerance_nm=tolerance_nm,
        material_id=None if material is None else lookup.material_id(session, material),
    )
    return PeakResolution.model_validate(
        {
            "data": candidates,
            "meta": PeakResolutionMeta(
                peak_nm=peak_nm,
                tolerance_nm=tolerance_nm,
                material=material,
                returned=len(candidates),
            ),
        }
    )


@router.get(
    "/species/{slug}",
    summary="One species with its relations, masses, transformations and observations",
    response_model=SpeciesDetail,
    responses=problem_responses(404),
)
async def species_by_slug(
    session: SessionDep,
    response: Response,
    slug: Annotated[str, Path(description=SLUG_DESCRIPTION)],
) -> Response:
    row = species_row(session, slug)
    response.headers["ETag"] = kinds.SPECIES.etag(row)
    return rows_json(species_detail(session, row), response)
