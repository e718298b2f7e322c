"""Materials and how many species of each kind the knowledge base holds for them."""

from fastapi import APIRouter
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.deps import SessionDep
from api.errors import NotFound, problem_responses
from api.pagination import PagerDep
from api.schemas import Page
from api.schemas.reference_data import MaterialRead
from models import Material, Species
from models.enums import SpeciesKind

router = APIRouter(tags=["materials"])


def _species_counts(session: Session, ids: list[int]) -> dict[int, dict[SpeciesKind, int]]:
    counts: dict[int, dict[SpeciesKind, int]] = {i: {} for i in ids}
    rows = session.execute(
        select(Species.material_id, Species.kind, func.count())
        .where(Species.material_id.in_(ids))
        .group_by(Species.material_id, Species.kind)
    )
    for material_id, kind, n in rows:
        counts[material_id][kind] = n
    return counts


def _read(material: Material, counts: dict[SpeciesKind, int]) -> MaterialRead:
    return MaterialRead(formula=material.formula, name=material.name, species_counts=counts)


@router.get(
    "/materials",
    summary="Materials, with species counts per kind",
    response_model=Page[MaterialRead],
    responses=problem_responses(),
)
def materials_list(session: SessionDep, pager: PagerDep) -> Page[MaterialRead]:
    window = pager.window(session, select(Material), key=Material.formula)
    counts = _species_counts(session, [m.id for m in window.rows])
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
    material = session.scalars(
        select(Material).where(func.lower(Material.formula) == formula.lower())
    ).one_or_none()
    if material is None:
        raise NotFound(f"No material {formula!r}; list them at /api/v1/materials.")
    return _read(material, _species_counts(session, [material.id])[material.id])
