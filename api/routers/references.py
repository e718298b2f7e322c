"""References and bibliographies, as JSON, BibTeX, CSL-JSON or ACS citations."""

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Response
from pydantic import Field

from api.facts import kinds
from api.outputs.citations import CITATIONS, CitationFormat
from api.queries import lookup
from api.queries.bibliography import FactKind, bibliography
from api.queries.maldi import DEFAULT_TOLERANCE_DA
from api.queries.references import get_reference, list_references
from api.schemas import Da, Page, Schema
from api.schemas.references import ReferenceRead
from api.web.deps import SessionDep
from api.web.errors import problem_responses
from api.web.pagination import PagerDep
from models import Reference
from models.enums import EvidenceStatus, Trigger

router = APIRouter(tags=["references"])

BIBTEX = CITATIONS.media_type(CitationFormat.BIBTEX)
CSL_JSON = CITATIONS.media_type(CitationFormat.CSLJSON)
ACS_TEXT = CITATIONS.media_type(CitationFormat.ACS)

FormatParam = Annotated[
    CitationFormat | None,
    Query(
        alias="format",
        description="json (default), bibtex, csljson, or acs (formatted citations in the "
        "source's ACS style, one a line); overrides the Accept header.",
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
            ACS_TEXT: {"schema": {"type": "string"}},
        }
    }
}


def citations_response(
    references: list[Reference], fmt: CitationFormat, headers: dict[str, str] | None = None
) -> Response | None:
    """The references as BibTeX, CSL-JSON or ACS text; None when JSON was asked for."""
    if fmt is CitationFormat.JSON:
        return None
    return CITATIONS.response(fmt, CITATIONS.renderers[fmt](references), headers=headers)


@router.get(
    "/references",
    summary="References, filtered; as JSON, BibTeX, CSL-JSON or ACS citations",
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
    fmt = CITATIONS.negotiate(format_, accept)
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
    summary="One reference by citation key; as JSON, BibTeX, CSL-JSON or an ACS citation",
    response_model=ReferenceRead,
    responses={**problem_responses(404), **CITATION_CONTENT},
)
def reference_by_key(
    session: SessionDep,
    response: Response,
    key: str,
    format_: FormatParam = None,
    accept: AcceptHeader = None,
) -> Any:
    reference = get_reference(session, key)
    tag = {"ETag": kinds.REFERENCE.etag(reference)}
    alternative = citations_response([reference], CITATIONS.negotiate(format_, accept), headers=tag)
    if alternative is not None:
        return alternative
    response.headers.update(tag)
    return ReferenceRead.model_validate(reference)


class BibliographyMeta(Schema):
    about: list[FactKind] = Field(description="The kinds of facts whose references are listed.")
    returned: int


class Bibliography(Schema):
    data: list[ReferenceRead]
    meta: BibliographyMeta


@router.get(
    "/bibliography",
    summary="Every reference the matched facts rest on, as JSON, BibTeX, CSL-JSON or ACS",
    response_model=Bibliography,
    responses={**problem_responses(404), **CITATION_CONTENT},
)
def bibliography_of_facts(
    session: SessionDep,
    about: Annotated[
        list[FactKind] | None,
        Query(
            description="Kinds of facts to gather references from (repeat the parameter); "
            "all when omitted, and with no filter either, every reference. A filter that "
            "does not apply to a kind leaves it out: trigger applies to transformations and "
            "mechanisms only, mass_da to MALDI only, material to what has a material "
            "(not constants, glossary, monomer formulas), species to what concerns one "
            "species (not key advances, characterizations)."
        ),
    ] = None,
    material: Annotated[
        str | None,
        Query(
            description='Material formula, e.g. "CdSe": every fact about it or its species '
            "(peaks, compositions, key advances, syntheses, experiments, observations, "
            "MALDI, transformations, relations)."
        ),
    ] = None,
    species: Annotated[
        str | None,
        Query(description="Species slug: facts about it (transformations at either end)."),
    ] = None,
    trigger: Trigger | None = None,
    status: EvidenceStatus | None = None,
    mass_da: Annotated[
        Da | None, Query(gt=0, description="MALDI measurements with a peak near it, Da.")
    ] = None,
    tolerance_da: Annotated[Da, Query(ge=0, description="How near, Da.")] = DEFAULT_TOLERANCE_DA,
    format_: FormatParam = None,
    accept: AcceptHeader = None,
) -> Any:
    kinds = set(about or FactKind)
    references = bibliography(
        session,
        about=kinds,
        material_id=None if material is None else lookup.material_id(session, material),
        species_id=None
        if species is None
        else lookup.species_id(session, species, param="species"),
        trigger=trigger,
        status=status,
        mass_da=mass_da,
        tolerance_da=tolerance_da,
    )
    alternative = citations_response(references, CITATIONS.negotiate(format_, accept))
    return alternative or Bibliography(
        data=[ReferenceRead.model_validate(r) for r in references],
        meta=BibliographyMeta(about=sorted(kinds), returned=len(references)),
    )
