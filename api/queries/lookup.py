"""Identifiers given as filters, resolved to rows; an unknown one is a 404 that names
the parameter, so a mistyped value never reads as "no results"."""

from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from api.queries import same_text
from api.web.errors import NotFound
from models import MaldiMatrix, Material, Reagent, Reference, Species


def _found(
    session: Session,
    statement: Select[Any],
    *,
    param: str,
    what: str,
    value: str,
    listing: str,
) -> int:
    found = session.scalar(statement)
    if found is None:
        raise unknown(param, f"no {what} {value!r}; list them at /api/v1/{listing}")
    return int(found)


def unknown(param: str, message: str) -> NotFound:
    """A 404 for a filter naming no record, naming the parameter as a 422 does."""
    location = f"query.{param}"
    return NotFound(
        f"{location}: {message}.",
        errors=[{"location": location, "message": message, "type": "not_found"}],
    )


def species_id(session: Session, slug: str, *, param: str) -> int:
    statement = select(Species.id).where(Species.slug == slug)
    return _found(
        session, statement, param=param, what="species with slug", value=slug, listing="species"
    )


def material_id(session: Session, formula: str, *, param: str = "material") -> int:
    statement = select(Material.id).where(same_text(Material.formula, formula))
    return _found(
        session, statement, param=param, what="material", value=formula, listing="materials"
    )


def reference_id(session: Session, key: str, *, param: str = "reference") -> int:
    statement = select(Reference.id).where(Reference.key == key)
    return _found(
        session, statement, param=param, what="reference with key", value=key, listing="references"
    )


def matrix_id(session: Session, acronym: str, *, param: str = "matrix") -> int:
    statement = select(MaldiMatrix.id).where(same_text(MaldiMatrix.acronym, acronym))
    return _found(
        session, statement, param=param, what="MALDI matrix", value=acronym, listing="matrices"
    )


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
        raise unknown(param, f"no reagent named {name!r} in the knowledge base")
    return found
