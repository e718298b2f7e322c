"""What the database is: its schema revision and how many rows each table holds."""

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from migrations.data_version import NOT_DATA
from models import Base


def schema_revision(session: Session) -> str | None:
    """The Alembic revision the database is at; None when it was never migrated."""
    try:
        with session.begin_nested():
            return session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def row_counts(session: Session) -> dict[str, int]:
    """Rows per table whose writes change the data version: the answer is cached on
    that version, so a table outside it (the version's own, the write rate limit's
    count) would be shown with a stale count."""
    return {
        name: session.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in sorted(Base.metadata.tables.items())
        if name not in NOT_DATA
    }
