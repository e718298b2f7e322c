"""Materials and how many species of each kind the knowledge base holds for them."""

from fastapi import APIRouter

from api.deps import SessionDep
from api.errors import problem_responses
from api.pagination import PagerDep
from api.queries.materials import list_materials, material_with_formula, species_counts
from api.schemas import Page
from api.schemas.reference_data import MaterialRead
from models import Material
from models.enums import SpeciesKind

router = APIRouter(tags=["materials"])


def _read(material: Material, counts: dict[SpeciesKind, int]) -> MaterialRead:
    return MaterialRead(formula=material.formula, name=material.name, species_counts=counts)


@router.get(
    "/materials",
    summary="Materials, with species counts per kind",
    response_model=Page[MaterialRead],
    responses=problem_responses(),
)
def materials_list(session: SessionDep, pager: PagerDep) -> Page[MaterialRead]:
    window = pager.window(session, list_materials(), key=Material.formula)
    counts = species_counts(session, [m.id for m in window.rows])
    return Page[MaterialRead](
        data=[_read(m, counts[m.id]) for m in window.rows], meta=window.meta, links=window.links
    )


@router.get(
    "/materials/{formula}",
    summary="One material by formula (case-insensitive), with species counts per kind",
    response_model=MaterialRead,
    responses=problem_responses(404),
)
def material_by_formula(session: SessionDep, formula: str) -> MaterialRead:
    material = material_with_formula(session, formula)
    return _read(material, species_counts(session, [material.id])[material.id])
