"""Identifiers given as filters, resolved to rows; an unknown one is a 404 that names
the parameter, so a mistyped value never reads as "no results"."""

from sqlalchemy import BindParameter, String, bindparam, or_, select
from sqlalchemy.orm import Session

from api.queries import same_text
from api.store.prepared import Prepared
from api.web.errors import NotFound
from models import MaldiMatrix, Material, Reagent, Reference, Species

VALUE: BindParameter[str] = bindparam("value", type_=String())
"""The identifier looked up (lower-cased where the match ignores case)."""

SPECIES_BY_SLUG = Prepared(select(Species.id).where(Species.slug == VALUE))
MATERIAL_BY_FORMULA = Prepared(select(Material.id).where(same_text(Material.formula, VALUE)))
REFERENCE_BY_KEY = Prepared(select(Reference.id).where(Reference.key == VALUE))
MATRIX_BY_ACRONYM = Prepared(select(MaldiMatrix.id).where(same_text(MaldiMatrix.acronym, VALUE)))
REAGENT_BY_NAME = Prepared(
    select(Reagent.id).where(
        or_(
            same_text(Reagent.slug, VALUE),
            same_text(Reagent.name, VALUE),
            same_text(Reagent.abbreviation, VALUE),
        )
    )
)
"""Each filter's lookup, built once and prepared (api/store/prepared.py): a list asks
one or two of them on every request."""


def _found(
    session: Session,
    statement: Prepared,
    value: str,
    *,
    param: str,
    what: str,
    listing: str,
    lowered: bool = False,
) -> int:
    rows = statement.rows(session, {"value": value.lower() if lowered else value})
    if not rows:
        raise unknown(param, f"no {what} {value!r}; list them at /api/v1/{listing}")
    return int(rows[0]["id"])


def unknown(param: str, message: str) -> NotFound:
    """A 404 for a filter naming no record, naming the parameter as a 422 does."""
    location = f"query.{param}"
    return NotFound(
        f"{location}: {message}.",
        errors=[{"location": location, "message": message, "type": "not_found"}],
    )


def species_id(session: Session, slug: str, *, param: str) -> int:
    return _found(
        session, SPECIES_BY_SLUG, slug, param=param, what="species with slug", listing="species"
    )


def material_id(session: Session, formula: str, *, param: str = "material") -> int:
    return _found(
        session,
        MATERIAL_BY_FORMULA,
        formula,
        param=param,
        what="material",
        listing="materials",
        lowered=True,
    )


def reference_id(session: Session, key: str, *, param: str = "reference") -> int:
    return _found(
        session,
        REFERENCE_BY_KEY,
        key,
        param=param,
        what="reference with key",
        listing="references",
    )


def matrix_id(session: Session, acronym: str, *, param: str = "matrix") -> int:
    return _found(
        session,
        MATRIX_BY_ACRONYM,
        acronym,
        param=param,
        what="MALDI matrix",
        listing="matrices",
        lowered=True,
    )


def reagent_id(session: Session, name: str, *, param: str) -> int:
    """A reagent by slug, name or abbreviation ("toluene", "Tol"), case-insensitive."""
    rows = REAGENT_BY_NAME.rows(session, {"value": name.lower()})
    if not rows:
        raise unknown(param, f"no reagent named {name!r} in the knowledge base")
    return int(rows[0]["id"])
