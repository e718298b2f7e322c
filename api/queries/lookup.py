"""Identifiers given as filters, resolved to rows; an unknown one is a 404 that names
the parameter, so a mistyped value never reads as "no results"."""

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from api.errors import NotFound
from api.queries import same_text
from models import MaldiMatrix, Material, Reagent, Reference, Species


def _missing(param: str, what: str, value: str, listing: str) -> NotFound:
    return NotFound(f"query.{param}: no {what} {value!r}; list them at /api/v1/{listing}.")


def species_id(session: Session, slug: str, *, param: str) -> int:
    found = session.scalar(select(Species.id).where(Species.slug == slug))
    if found is None:
        raise _missing(param, "species with slug", slug, "species")
    return found


def material_id(session: Session, formula: str, *, param: str = "material") -> int:
    found = session.scalar(select(Material.id).where(same_text(Material.formula, formula)))
    if found is None:
        raise _missing(param, "material", formula, "materials")
    return found


def reference_id(session: Session, key: str, *, param: str = "reference") -> int:
    found = session.scalar(select(Reference.id).where(Reference.key == key))
    if found is None:
        raise _missing(param, "reference with key", key, "references")
    return found


def matrix_id(session: Session, acronym: str, *, param: str = "matrix") -> int:
    found = session.scalar(select(MaldiMatrix.id).where(same_text(MaldiMatrix.acronym, acronym)))
    if found is None:
        raise _missing(param, "MALDI matrix", acronym, "matrices")
    return found


def reagent_id(session: Session, name: str, *, param: str) -> int:
    """A reagent by slug, name or abbreviation ("toluene", "Tol"), case-insensitive."""
    found = session.scalar(
        select(Reagent.id).where(
            or_(
                same_text(Reagent.slug, name),
                same_text(Reagent.name, name),
                same_text(Reagent.abbreviation, name),
            )
        )
    )
    if found is None:
        raise NotFound(f"query.{param}: no reagent named {name!r} in the knowledge base.")
    return found
