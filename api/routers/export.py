"""The bulk export: the whole knowledge base for other tools."""

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from api.deps import SessionDep
from api.errors import problem_responses
from api.export import package_zip, release_document

router = APIRouter(tags=["outputs"])


class ExportFormat(StrEnum):
    JSON = "json"
    DATAPACKAGE = "datapackage"


@router.get(
    "/export",
    summary="The whole knowledge base: one JSON document, or a Frictionless data package",
    description="Rows are named by stable identifiers (slugs, citation keys, or owner/table/"
    "position) that stay the same from release to release; `release.content_hash` is the "
    "SHA-256 of the tables, the same hash /api/v1/info names.",
    responses={
        **problem_responses(),
        200: {
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/zip": {"schema": {"type": "string", "format": "binary"}},
            }
        },
    },
)
def export_release(
    session: SessionDep,
    format_: Annotated[
        ExportFormat,
        Query(
            alias="format",
            description="json: one document; datapackage: a zip of datapackage.json and one "
            "CSV per table.",
        ),
    ] = ExportFormat.JSON,
) -> Any:
    if format_ is ExportFormat.DATAPACKAGE:
        return Response(
            package_zip(session),
            media_type="application/zip",
            headers={"Content-Disposition": 'attachment; filename="msckb-datapackage.zip"'},
        )
    return release_document(session)
