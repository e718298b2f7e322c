"""References, as JSON, BibTeX or CSL-JSON."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from fastapi.responses import JSONResponse

from api.citations import BIBTEX, CSL_JSON, CitationFormat, negotiate, to_bibtex, to_csl_json
from api.deps import SessionDep
from api.errors import problem_responses
from api.pagination import PagerDep
from api.queries.references import get_reference, list_references
from api.schemas import Page
from api.schemas.references import ReferenceRead
from models import Reference

router = APIRouter(tags=["references"])

FormatParam = Annotated[
    CitationFormat | None,
    Query(
        alias="format",
        description="json (default), bibtex or csljson; overrides the Accept header.",
    ),
]
AcceptHeader = Annotated[
    str | None,
    Header(description=f"{BIBTEX} for BibTeX, {CSL_JSON} for CSL-JSON; anything else gives JSON."),
]

CITATION_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            BIBTEX: {"schema": {"type": "string"}},
            CSL_JSON: {"schema": {"type": "array", "items": {"type": "object"}}},
        }
    }
}


def citations_response(
    references: list[Reference], fmt: CitationFormat, headers: dict[str, str] | None = None
) -> Response | None:
    """The references as BibTeX or CSL-JSON; None when JSON was asked for."""
    if fmt is CitationFormat.BIBTEX:
        return Response(to_bibtex(references), media_type=BIBTEX, headers=headers)
    if fmt is CitationFormat.CSLJSON:
        return JSONResponse(to_csl_json(references), media_type=CSL_JSON, headers=headers)
    return None


@router.get(
    "/references",
    summary="References, filtered; as JSON, BibTeX or CSL-JSON",
    response_model=Page[ReferenceRead],
    responses={**problem_responses(), **CITATION_CONTENT},
)
def references_list(
    session: SessionDep,
    pager: PagerDep,
    q: Annotated[
        str | None, Query(min_length=1, description="Text in the authors, title or journal.")
    ] = None,
    year: Annotated[int | None, Query(ge=1000, le=9999)] = None,
    journal: Annotated[
        str | None, Query(description='Journal as abbreviated, e.g. "Chem. Mater."')
    ] = None,
    doi: Annotated[str | None, Query(description="DOI, e.g. 10.1021/acs.chemmater.7b02014")] = None,
    format_: FormatParam = None,
    accept: AcceptHeader = None,
) -> Any:
    statement = list_references(q=q, year=year, journal=journal, doi=doi)
    window = pager.window(session, statement, key=Reference.key)
    link = pager.response.headers.get("Link")
    fmt = negotiate(format_, accept)
    alternative = citations_response(
        list(window.rows), fmt, headers={"Link": link} if link else None
    )
    if alternative is not None:
        return alternative
    return Page[ReferenceRead](
        data=[ReferenceRead.model_validate(r) for r in window.rows],
        meta=window.meta,
        links=window.links,
    )


@router.get(
    "/references/{key}",
    summary="One reference by citation key; as JSON, BibTeX or CSL-JSON",
    response_model=ReferenceRead,
    responses={**problem_responses(404), **CITATION_CONTENT},
)
def reference_by_key(
    session: SessionDep, key: str, format_: FormatParam = None, accept: AcceptHeader = None
) -> Any:
    reference = get_reference(session, key)
    alternative = citations_response([reference], negotiate(format_, accept))
    return alternative or ReferenceRead.model_validate(reference)
