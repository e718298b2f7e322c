"""Materials and how many species of each kind the knowledge base holds for them."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from api.schemas.reference_data import MaterialRead
from api.web.errors import NotFound
from models import Material, Species
from models.enums import SpeciesKind


def list_materials() -> Select[Any]:
    return select(Material)


def material_with_formula(session: Session, formula: str) -> Material:
    """The material, its formula matched case-insensitively; 404 when none."""
    material = session.scalars(
        select(Material).where(func.lower(Material.formula) == formula.lower())
    ).one_or_none()
    if material is None:
        raise NotFound(f"No material {formula!r}; list them at /api/v1/materials.")
    return material


def species_counts(session: Session, ids: list[int]) -> dict[int, dict[SpeciesKind, int]]:
    """Per material id, how many species of each kind it has."""
    counts: dict[int, dict[SpeciesKind, int]] = {i: {} for i in ids}
    rows = session.execute(
        select(Species.material_id, Species.kind, func.count())
        .where(Species.material_id.in_(ids))
        .group_by(Species.material_id, Species.kind)
    )
    for material_id, kind, n in rows:
        counts[material_id][kind] = n
    return counts


def material_reads(session: Session, materials: Sequence[Material]) -> list[MaterialRead]:
    """The materials with their species counts, as the API answers them."""
    counts = species_counts(session, [material.id for material in materials])
    return [
        MaterialRead(formula=m.formula, name=m.name, species_counts=counts[m.id]) for m in materials
    ]
