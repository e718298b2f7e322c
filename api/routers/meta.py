"""Liveness and a description of the running knowledge base."""

from fastapi import APIRouter

from api import __version__
from api.outputs.export import latest_release
from api.queries.meta import row_counts, schema_revision
from api.schemas.meta import Health, Info
from api.web.deps import SessionDep

router = APIRouter()


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
