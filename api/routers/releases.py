"""Data releases: list, one with its citation, its frozen export, and the diff of two."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import ConfigDict
from sqlalchemy import select

from api.outputs import releases as r
from api.outputs.export import (
    EXPORT,
    ExportFormat,
    frozen_document,
    package_files_of,
    zip_of,
)
from api.schemas import Page, Schema
from api.schemas.curation import CitationRead, ReleaseDiffRead, ReleaseRead
from api.web.deps import SessionDep
from api.web.errors import BadRequest, NotFound, problem_responses
from api.web.pagination import PagerDep
from models import DataRelease

router = APIRouter(tags=["releases"])

CSL_JSON = "application/vnd.citationstyles.csl+json"


class CslJsonResponse(JSONResponse):
    media_type = CSL_JSON


class CslItem(Schema):
    """One CSL-JSON item (the fields every item here has; the others as CSL names them)."""

    model_config = ConfigDict(extra="allow")

    id: str
    type: str
    title: str


Number = Annotated[int, Path(ge=1, le=2_147_483_647, description="Release number.")]


def _release(session: SessionDep, number: int) -> DataRelease:
    found = session.scalars(select(DataRelease).where(DataRelease.number == number)).first()
    if found is None:
        raise NotFound(f"No release {number}.")
    return found


def _read(release: DataRelease) -> ReleaseRead:
    return ReleaseRead(
        number=release.number,
        content_hash=release.content_hash,
        created_at=release.created_at,
        export_kept=release.export is not None,
        citation=CitationRead(
            text=r.citation_text(release), bibtex=r.bibtex(release), csl=r.csl_json(release)
        ),
    )


def _export(release: DataRelease) -> str:
    if release.export is None:
        raise NotFound(f"Release {release.number} was recorded before releases kept their export.")
    return release.export


@router.get(
    "/releases",
    summary="Every data release, oldest first, each with its citation",
    response_model=Page[ReleaseRead],
    responses=problem_responses(),
)
def releases_list(session: SessionDep, pager: PagerDep) -> Page[ReleaseRead]:
    return pager.page(session, select(DataRelease), key=DataRelease.id, item=_read)


@router.get(
    "/releases/{number}",
    summary="One data release: number, date, content hash and its citation",
    response_model=ReleaseRead,
    responses=problem_responses(404),
)
def release_read(session: SessionDep, number: Number) -> ReleaseRead:
    return _read(_release(session, number))


@router.get(
    "/releases/{number}/citation",
    summary="How to cite a release: BibTeX (default) or CSL-JSON",
    # CSL-JSON is the JSON form, so it is declared with its model for client generators.
    response_model=list[CslItem],
    response_class=CslJsonResponse,
    responses={
        **problem_responses(404),
        200: {"content": {"application/x-bibtex": {"schema": {"type": "string"}}}},
    },
)
def release_citation(
    session: SessionDep,
    number: Number,
    format_: Annotated[str, Query(alias="format", pattern="^(bibtex|csljson)$")] = "bibtex",
) -> Any:
    release = _release(session, number)
    if format_ == "csljson":
        return JSONResponse(r.csl_json(release), media_type=CSL_JSON)
    return PlainTextResponse(r.bibtex(release), media_type="application/x-bibtex")


@router.get(
    "/releases/{number}/export",
    summary="A release's export as it was frozen: JSON, or the data package rebuilt from it",
    responses={
        **problem_responses(404),
        200: {
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/zip": {"schema": {"type": "string", "format": "binary"}},
            }
        },
    },
)
def release_export(
    session: SessionDep,
    number: Number,
    format_: Annotated[
        ExportFormat | None,
        Query(alias="format", description="json (default) or datapackage."),
    ] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Any:
    release = _release(session, number)
    _export(release)
    document = frozen_document(release)
    assert document is not None
    fmt = EXPORT.negotiate(format_, accept)
    if fmt is ExportFormat.DATAPACKAGE:
        files = package_files_of(document["tables"], release.content_hash)
        return EXPORT.response(
            fmt,
            zip_of(files),
            headers={
                "Content-Disposition": f'attachment; filename="msckb-release-{number}.'
                f'{EXPORT.format(fmt).extension}"'
            },
        )
    return document


@router.get(
    "/releases/{first}/diff/{second}",
    summary="What changed from one release to another: facts added, changed, removed",
    description="Rows are named by table and stable identifier; a changed row lists each "
    "field with its old and new value.",
    response_model=ReleaseDiffRead,
    responses=problem_responses(400, 404),
)
def release_diff(session: SessionDep, first: Number, second: Number) -> ReleaseDiffRead:
    if first == second:
        raise BadRequest(f"Release {first} compared with itself: name two different releases.")
    old, new = _release(session, first), _release(session, second)
    found = r.diff(_export(old), _export(new))
    return ReleaseDiffRead.model_validate(
        {
            "from_release": first,
            "to_release": second,
            "added": found.added,
            "changed": found.changed,
            "removed": found.removed,
        }
    )
