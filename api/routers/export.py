"""The bulk export: the whole knowledge base for other tools."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query

from api.outputs.export import EXPORT, ExportFormat, release_document
from api.web.deps import SessionDep
from api.web.errors import problem_responses

router = APIRouter(tags=["outputs"])


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
        ExportFormat | None,
        Query(
            alias="format",
            description="json (default): one document; datapackage: a zip of "
            "datapackage.json and one CSV per table. Overrides the Accept header.",
        ),
    ] = None,
    accept: Annotated[
        str | None, Header(description="application/zip for the data package; else JSON.")
    ] = None,
) -> Any:
    fmt = EXPORT.negotiate(format_, accept)
    if fmt is ExportFormat.DATAPACKAGE:
        return EXPORT.response(
            fmt,
            EXPORT.renderers[fmt](session),
            headers={
                "Content-Disposition": 'attachment; filename="msckb-datapackage.'
                f'{EXPORT.format(fmt).extension}"'
            },
        )
    return release_document(session)
