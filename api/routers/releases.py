"""Data releases: list, one with its citation, its frozen export, and the diff of two."""

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import ConfigDict, Field
from sqlalchemy import select

from api.outputs import releases as r
from api.outputs.export import (
    EXPORT,
    ExportFormat,
    frozen_document,
    package_files_of,
    zip_of,
)
from api.outputs.formats import Offer
from api.schemas import Page, Schema
from api.schemas.curation import CitationRead, ReleaseDiffRead, ReleaseRead
from api.web.deps import SessionDep
from api.web.errors import BadRequest, NotFound, problem_responses
from api.web.pagination import PagerDep
from models import DataRelease

router = APIRouter(tags=["releases"])

CSL_JSON = "application/vnd.citationstyles.csl+json"
RIS = "application/x-research-info-systems"
JSON_LD = "application/ld+json"


def _api_url(request: Request) -> str:
    return str(request.base_url).rstrip("/") + "/api/v1"


class JsonLdResponse(JSONResponse):
    media_type = JSON_LD


class DatasetJsonLd(Schema):
    """A schema.org Dataset in JSON-LD (the keys every one here has; the others as
    schema.org names them)."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    context: str = Field(alias="@context")
    type: str = Field(alias="@type")
    name: str


@router.get(
    "/dataset",
    summary="The knowledge base as a schema.org Dataset (JSON-LD), each release a part",
    response_model=DatasetJsonLd,
    response_class=JsonLdResponse,
    responses=problem_responses(),
)
def dataset(session: SessionDep, request: Request) -> JSONResponse:
    releases = list(session.scalars(select(DataRelease).order_by(DataRelease.number)))
    return JSONResponse(r.knowledge_base_jsonld(releases, _api_url(request)), media_type=JSON_LD)


class ReleaseFormat(StrEnum):
    JSON = "json"
    JSONLD = "jsonld"


RELEASE: Offer[ReleaseFormat, None] = Offer(ReleaseFormat, {ReleaseFormat.JSONLD: None})


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
def releases_list(session: SessionDep, pager: PagerDep) -> Page[ReleaseRead] | Response:
    return pager.page(session, select(DataRelease), key=DataRelease.id, item=_read)


@router.get(
    "/releases/{number}",
    summary="One data release: number, date, content hash and its citation",
    response_model=ReleaseRead,
    responses={
        **problem_responses(404),
        200: {"content": {JSON_LD: {"schema": {"type": "object"}}}},
    },
)
def release_read(
    session: SessionDep,
    request: Request,
    number: Number,
    format_: Annotated[
        str | None,
        Query(
            alias="format",
            pattern="^(json|jsonld)$",
            description="json (default), or jsonld: the release as a schema.org Dataset "
            f"({JSON_LD}, also chosen by the Accept header).",
        ),
    ] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Any:
    release = _release(session, number)
    if RELEASE.negotiate(None if format_ is None else ReleaseFormat(format_), accept) == "jsonld":
        return JSONResponse(r.release_jsonld(release, _api_url(request)), media_type=JSON_LD)
    return _read(release)


@router.get(
    "/releases/{number}/citation",
    summary="How to cite a release: BibTeX (default), CSL-JSON or RIS",
    # CSL-JSON is the JSON form, so it is declared with its model for client generators.
    response_model=list[CslItem],
    response_class=CslJsonResponse,
    responses={
        **problem_responses(404),
        200: {
            "content": {
                "application/x-bibtex": {"schema": {"type": "string"}},
                RIS: {"schema": {"type": "string"}},
            }
        },
    },
)
def release_citation(
    session: SessionDep,
    number: Number,
    format_: Annotated[str, Query(alias="format", pattern="^(bibtex|csljson|ris)$")] = "bibtex",
) -> Any:
    release = _release(session, number)
    if format_ == "csljson":
        return JSONResponse(r.csl_json(release), media_type=CSL_JSON)
    if format_ == "ris":
        return PlainTextResponse(r.ris(release), media_type=RIS)
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
