"""Liveness and a description of the running knowledge base."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from api import __version__
from api.deps import SessionDep
from api.outputs.export import latest_release
from api.schemas import Schema, UtcDatetime
from models import Base

router = APIRouter()


class Health(Schema):
    status: Literal["ok"]


class ReleaseRead(Schema):
    number: int = Field(description="1 for the first release of this database, then +1.")
    content_hash: str = Field(description="SHA-256 of the exported tables (/api/v1/export).")
    created_at: UtcDatetime


class Info(Schema):
    name: str = "MSC-KB"
    version: str = Field(description="Version of the msckb distribution serving the API.")
    engine: str = Field(description="Database engine: sqlite or postgresql.")
    schema_revision: str | None = Field(
        description="Alembic revision the database is at; null when it was never migrated."
    )
    row_counts: dict[str, int] = Field(description="Number of rows in each table.")
    release: ReleaseRead | None = Field(
        description="The current data release; null before the first `msckb seed`."
    )


def schema_revision(session: Session) -> str | None:
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


@router.get("/health", summary="Liveness probe", response_model=Health, tags=["meta"])
def health() -> Health:
    return Health(status="ok")


@router.get(
    "/api/v1/info",
    summary="Version, database engine, schema revision, row counts and the data release",
    response_model=Info,
    tags=["meta"],
)
def info(session: SessionDep) -> Info:
    revision = schema_revision(session)
    return Info(
        version=__version__,
        engine=session.get_bind().dialect.name,
        schema_revision=revision,
        row_counts=row_counts(session),
        release=None if revision is None else latest_release(session),
    )
