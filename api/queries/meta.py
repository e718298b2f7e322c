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


# The write rate limit's count is bookkeeping, not data: it changes without changing
# the data version, so a cached answer would show a stale count of it.
NOT_COUNTED = frozenset({"write_hit"})


def row_counts(session: Session) -> dict[str, int]:
    return {
        name: session.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in sorted(Base.metadata.tables.items())
        if name not in NOT_COUNTED
    }
