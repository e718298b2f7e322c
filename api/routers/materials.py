"""Materials and how many species of each kind the knowledge base holds for them."""

from fastapi import APIRouter, Response

from api.queries.materials import (
    list_materials,
    material_reads,
    material_with_formula,
)
from api.schemas import Page
from api.schemas.reference_data import MaterialRead
from api.web.deps import SessionDep
from api.web.errors import problem_responses
from api.web.pagination import PagerDep
from models import Material

router = APIRouter(tags=["materials"])


@router.get(
    "/materials",
    summary="Materials, with species counts per kind",
    response_model=Page[MaterialRead],
    responses=problem_responses(),
)
async def materials_list(session: SessionDep, pager: PagerDep) -> Response:
    return pager.respond(session, list_materials(), key=Material.formula, items=material_reads)


@router.get(
    "/materials/{formula}",
    summary="One material by formula (case-insensitive), with species counts per kind",
    response_model=MaterialRead,
    responses=problem_responses(404),
)
async def material_by_formula(session: SessionDep, formula: str) -> MaterialRead:
    return material_reads(session, [material_with_formula(session, formula)])[0]
