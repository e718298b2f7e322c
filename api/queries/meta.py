"""What the database is: its schema revision and how many rows each table holds."""

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from models import Base


def schema_revision(session: Session) -> str | None:
    """The Alembic revision the database is at; None when it was never migrated."""
    try:
        with session.begin_nested():
            return session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def row_counts(session: Session) -> dict[str, int]:
    return {
        name: session.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in sorted(Base.metadata.tables.items())
    }
