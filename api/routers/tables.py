"""The source's tables S1 to S5, regenerated from the database."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Response
from pydantic import Field

from api.deps import SessionDep
from api.errors import problem_responses
from api.negotiate import choose_format
from api.schemas import Schema
from api.tables import MEDIA_TYPES, RENDERERS, TableFormat, build_table, to_json

router = APIRouter(tags=["outputs"])


class CellRead(Schema):
    text: str
    cite: list[str] = Field(description="Citation keys where the source numbers a reference.")


class TableRead(Schema):
    table: str = Field(description='E.g. "Table S4".')
    caption: str
    columns: list[str]
    rows: list[list[CellRead]]
    notes: list[CellRead] = Field(description="Footnotes, e.g. the matrices' full names.")


@router.get(
    "/tables/{name}",
    summary="A table of the source (S1 to S5) regenerated from the data, with citation keys",
    response_model=TableRead,
    responses={
        **problem_responses(404),
        200: {"content": {media: {"schema": {"type": "string"}} for media in MEDIA_TYPES.values()}},
    },
)
def table_by_name(
    session: SessionDep,
    name: Annotated[str, Path(description="S1, S2, S3, S4 or S5.")],
    format_: Annotated[
        TableFormat | None,
        Query(
            alias="format",
            description="json (default), csv, markdown (pandoc, [@key] citations) or latex "
            "(\\cite{key}); overrides the Accept header.",
        ),
    ] = None,
    accept: Annotated[
        str | None,
        Header(description="text/csv, text/markdown or application/x-latex; else JSON."),
    ] = None,
) -> Any:
    table = build_table(session, name)
    fmt = choose_format(format_, accept, MEDIA_TYPES, TableFormat.JSON)
    if fmt is TableFormat.JSON:
        return to_json(table)
    return Response(RENDERERS[fmt](table), media_type=MEDIA_TYPES[fmt])
