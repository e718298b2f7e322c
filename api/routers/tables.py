"""The source's tables S1 to S5, regenerated from the database."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query
from pydantic import Field

from api.outputs.tables import TABLES, TableFormat, build_table, to_json
from api.schemas import Schema
from api.web.deps import SessionDep
from api.web.errors import problem_responses

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
        200: {"content": TABLES.openapi_content()},
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
    fmt = TABLES.negotiate(format_, accept)
    if fmt is TableFormat.JSON:
        return to_json(table)
    return TABLES.response(fmt, TABLES.renderers[fmt](table))
