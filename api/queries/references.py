"""References: the filtered list and one by citation key."""

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.queries import same_text
from api.web.errors import NotFound
from models import Reference, ReferenceAuthor


def reference_options() -> list[_AbstractLoad]:
    return [
        selectinload(Reference.authors),
        selectinload(Reference.citations),
        selectinload(Reference.field_sources),
    ]


def list_references(
    *,
    q: str | None = None,
    year: int | None = None,
    journal: str | None = None,
    doi: str | None = None,
) -> Select[Reference]:
    statement = select(Reference).options(*reference_options())
    if q:
        by_author = exists().where(
            ReferenceAuthor.reference_id == Reference.id,
            or_(
                ReferenceAuthor.family.icontains(q, autoescape=True),
                ReferenceAuthor.given.icontains(q, autoescape=True),
            ),
        )
        statement = statement.where(
            or_(
                Reference.title.icontains(q, autoescape=True),
                Reference.journal.icontains(q, autoescape=True),
                by_author,
            )
        )
    if year is not None:
        statement = statement.where(Reference.year == year)
    if journal is not None:
        statement = statement.where(same_text(Reference.journal, journal))
    if doi is not None:
        statement = statement.where(same_text(Reference.doi, doi.removeprefix("https://doi.org/")))
    return statement


def get_reference(session: Session, key: str) -> Reference:
    found = session.scalars(
        select(Reference).where(Reference.key == key).options(*reference_options())
    ).one_or_none()
    if found is None:
        raise NotFound(f"No reference with citation key {key!r}; list them at /api/v1/references.")
    return found
