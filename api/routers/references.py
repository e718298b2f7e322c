"""References and bibliographies, as JSON, BibTeX, CSL-JSON, RIS or ACS citations.

A manuscript can point at a bibliography by URL: ``/bibliography.bib``,
``/bibliography.json`` (CSL-JSON) and ``/bibliography.ris`` (with the filters of
``/bibliography``), and ``/references/{key}.bib|.json|.ris``, each served with the
media type pandoc recognises. ``POST /bibliography/resolve`` answers the
bibliography of exactly the keys a Markdown, LaTeX or ``.aux`` text cites.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request, Response
from pydantic import Field
from sqlalchemy import select

from api.facts import kinds
from api.outputs.citations import CITATIONS, CitationFormat
from api.outputs.formats import Offer
from api.queries import lookup
from api.queries.bibliography import FactKind, bibliography
from api.queries.maldi import DEFAULT_TOLERANCE_DA
from api.queries.references import get_reference, list_references, reference_options
from api.schemas import Da, Page, Schema
from api.schemas.references import ReferenceRead
from api.web.deps import SessionDep, reads_only
from api.web.errors import problem_responses
from api.web.pagination import ListFormat, PageOnlyDep
from models import Reference
from models.enums import EvidenceStatus, Trigger

router = APIRouter(tags=["references"])

BIBTEX = CITATIONS.media_type(CitationFormat.BIBTEX)
CSL_JSON = CITATIONS.media_type(CitationFormat.CSLJSON)
RIS = CITATIONS.media_type(CitationFormat.RIS)
ACS_TEXT = CITATIONS.media_type(CitationFormat.ACS)

FormatParam = Annotated[
    CitationFormat | None,
    Query(
        alias="format",
        description="json (default), bibtex, csljson, ris, or acs (formatted citations in "
        "the source's ACS style, one a line); overrides the Accept header.",
    ),
]
AcceptHeader = Annotated[
    str | None,
    Header(
        description=f"{BIBTEX} for BibTeX, {CSL_JSON} for CSL-JSON, {RIS} for RIS "
        "(q-values weighed); anything else gives JSON."
    ),
]

CITATION_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            BIBTEX: {"schema": {"type": "string"}},
            CSL_JSON: {"schema": {"type": "array", "items": {"type": "object"}}},
            RIS: {"schema": {"type": "string"}},
            ACS_TEXT: {"schema": {"type": "string"}},
        }
    }
}


class ReferenceListFormat(StrEnum):
    """The citation formats, and the whole list as CSV or JSON Lines."""

    JSON = "json"
    BIBTEX = "bibtex"
    CSLJSON = "csljson"
    RIS = "ris"
    ACS = "acs"
    CSV = "csv"
    JSONL = "jsonl"


REFERENCE_LISTS = Offer(ReferenceListFormat, {n: None for n in ReferenceListFormat if n != "json"})


class CitationFile(StrEnum):
    """A bibliography file's extension, as pandoc and reference managers read it."""

    BIB = "bib"
    JSON = "json"
    RIS = "ris"


FILE_FORMATS = {
    CitationFile.BIB: CitationFormat.BIBTEX,
    CitationFile.JSON: CitationFormat.CSLJSON,
    CitationFile.RIS: CitationFormat.RIS,
}
FILE_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            BIBTEX: {"schema": {"type": "string"}},
            CSL_JSON: {"schema": {"type": "array", "items": {"type": "object"}}},
            RIS: {"schema": {"type": "string"}},
        }
    }
}


def citation_file(references: list[Reference], extension: CitationFile, name: str) -> Response:
    fmt = FILE_FORMATS[extension]
    return CITATIONS.response(
        fmt,
        CITATIONS.renderers[fmt](references),
        headers={"Content-Disposition": f'inline; filename="{name}.{extension.value}"'},
    )


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
    pager: PageOnlyDep,
    q: Annotated[
        str | None, Query(min_length=1, description="Text in the authors, title or journal.")
    ] = None,
    year: Annotated[int | None, Query(ge=1000, le=9999)] = None,
    journal: Annotated[
        str | None, Query(description='Journal as abbreviated, e.g. "Chem. Mater."')
    ] = None,
    doi: Annotated[str | None, Query(description="DOI, e.g. 10.1021/acs.chemmater.7b02014")] = None,
    format_: Annotated[
        ReferenceListFormat | None,
        Query(
            alias="format",
            description="json (default), bibtex, csljson, ris, acs: one page. csv or "
            "jsonl: every matching reference, streamed whole. Overrides the Accept header.",
        ),
    ] = None,
    accept: AcceptHeader = None,
) -> Any:
    statement = list_references(q=q, year=year, journal=journal, doi=doi)
    chosen = REFERENCE_LISTS.negotiate(format_, accept)
    if chosen.value in (ListFormat.CSV, ListFormat.JSONL):
        pager.format = ListFormat(chosen.value)
        return pager.stream(
            session,
            statement,
            key=Reference.key,
            items=lambda _, rows: [ReferenceRead.model_validate(r) for r in rows],
        )
    window = pager.window(session, statement, key=Reference.key)
    link = pager.response.headers.get("Link")
    fmt = CitationFormat(chosen.value)
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
    "/references/{key}.{extension}",
    summary="One reference as a file a manuscript can point at: .bib, .json (CSL-JSON), .ris",
    responses={**problem_responses(404), **FILE_CONTENT},
    response_class=Response,
    # A file URL for tools that pick the format from the extension (pandoc); the
    # contract's operation is GET /references/{key} with format=, which clients use.
    include_in_schema=False,
)
def reference_file(
    session: SessionDep,
    key: Annotated[str, Path(description="Citation key, e.g. zhu2017two.")],
    extension: Annotated[CitationFile, Path(description="bib, json (CSL-JSON) or ris.")],
) -> Response:
    return citation_file([get_reference(session, key)], extension, key)


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


AboutParam = Annotated[
    list[FactKind] | None,
    Query(
        description="Kinds of facts to gather references from (repeat the parameter); "
        "all when omitted, and with no filter either, every reference. A filter that "
        "does not apply to a kind leaves it out: trigger applies to transformations and "
        "mechanisms only, mass_da to MALDI only, material to what has a material "
        "(not constants, glossary, monomer formulas), species to what concerns one "
        "species (not key advances, characterizations)."
    ),
]
MaterialParam = Annotated[
    str | None,
    Query(
        description='Material formula, e.g. "CdSe": every fact about it or its species '
        "(peaks, compositions, key advances, syntheses, experiments, observations, "
        "MALDI, transformations, relations)."
    ),
]
SpeciesParam = Annotated[
    str | None,
    Query(description="Species slug: facts about it (transformations at either end)."),
]
MassParam = Annotated[
    Da | None, Query(gt=0, description="MALDI measurements with a peak near it, Da.")
]
ToleranceParam = Annotated[Da, Query(ge=0, description="How near, Da.")]


@dataclass(frozen=True)
class FactReferences:
    """The references behind the facts the bibliography filters match."""

    kinds: set[FactKind]
    references: list[Reference]


def fact_references(
    session: SessionDep,
    about: AboutParam = None,
    material: MaterialParam = None,
    species: SpeciesParam = None,
    trigger: Trigger | None = None,
    status: EvidenceStatus | None = None,
    mass_da: MassParam = None,
    tolerance_da: ToleranceParam = DEFAULT_TOLERANCE_DA,
) -> FactReferences:
    """The filters of /bibliography (and its file URLs), applied."""
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
    return FactReferences(kinds, references)


FactReferencesDep = Annotated[FactReferences, Depends(fact_references)]


@router.get(
    "/bibliography",
    summary="Every reference the matched facts rest on, as JSON, BibTeX, CSL-JSON or ACS",
    response_model=Bibliography,
    responses={**problem_responses(404), **CITATION_CONTENT},
)
def bibliography_of_facts(
    matched: FactReferencesDep,
    format_: FormatParam = None,
    accept: AcceptHeader = None,
) -> Any:
    references, kinds = matched.references, matched.kinds
    alternative = citations_response(references, CITATIONS.negotiate(format_, accept))
    return alternative or Bibliography(
        data=[ReferenceRead.model_validate(r) for r in references],
        meta=BibliographyMeta(about=sorted(kinds), returned=len(references)),
    )


def _bibliography_file(extension: CitationFile) -> None:
    """GET /bibliography.{extension}: the filters of /bibliography, as a file."""

    @router.get(
        f"/bibliography.{extension.value}",
        summary=f"The bibliography of the matched facts as a .{extension.value} file "
        "(the filters of /bibliography)",
        responses={**problem_responses(404), **FILE_CONTENT},
        response_class=Response,
        # As /references/{key}.{extension}: a file URL beside GET /bibliography.
        include_in_schema=False,
    )
    def bibliography_file(matched: FactReferencesDep) -> Response:
        return citation_file(matched.references, extension, "bibliography")


for _extension in CitationFile:
    _bibliography_file(_extension)


# --- the bibliography of a manuscript --------------------------------------------------

_MARKDOWN = re.compile(r"(?<![\w.@])@\{([^{}\s]+)\}|(?<![\w.@])@([\w][\w:.#$%&+?<>~/-]*)")
_LATEX = re.compile(r"\\(?:[A-Za-z]*cite[A-Za-z]*\*?|citation)\s*(?:\[[^\]]*\]\s*){0,2}\{([^}]*)\}")


def cited_keys(text: str) -> list[str]:
    """The citation keys ``text`` cites, first citation first, each once: Markdown
    (``[@key]``, ``@key``, ``[@a; @b, p. 3]``, ``@{key}``), LaTeX (``\\cite{a,b}``,
    ``\\citep[p.~3]{a}``, any ``\\...cite...`` command) and ``.aux`` (``\\citation{a}``)."""
    found: list[tuple[int, int, str]] = []
    for match in _LATEX.finditer(text):
        named = [k.strip() for k in match.group(1).split(",") if k.strip()]
        found += [(match.start(), order, key) for order, key in enumerate(named)]
    for match in _MARKDOWN.finditer(text):
        key = match.group(1) or match.group(2).rstrip(".:;,?!/-")
        if key:
            found.append((match.start(), 0, key))
    keys: dict[str, None] = {}
    for _, _, key in sorted(found):
        keys.setdefault(key, None)
    return list(keys)


class ResolvedMeta(Schema):
    cited: list[str] = Field(description="Every key the text cites, first citation first.")
    unknown: list[str] = Field(description="The cited keys the knowledge base does not hold.")
    returned: int


class ResolvedBibliography(Schema):
    data: list[ReferenceRead] = Field(description="The references the text cites, in its order.")
    meta: ResolvedMeta


UNKNOWN_HEADER = "X-Unknown-Citation-Keys"


@router.post(
    "/bibliography/resolve",
    summary="The bibliography of exactly the keys a Markdown, LaTeX or .aux text cites",
    description="The body is the manuscript as text (any media type): Markdown `[@key]`, "
    "LaTeX `\\cite{key}` or a LaTeX `.aux` file's `\\citation{key}`. JSON answers the "
    "references and `meta.unknown`, the cited keys the knowledge base does not hold; "
    f"BibTeX, CSL-JSON, RIS and ACS name them in the `{UNKNOWN_HEADER}` header "
    "(comma-separated, absent when every key is known).",
    response_model=ResolvedBibliography,
    responses={**problem_responses(), **CITATION_CONTENT},
)
@reads_only
def bibliography_resolve(
    session: SessionDep,
    request: Request,
    text: Annotated[
        str,
        Body(
            media_type="text/plain",
            description="The manuscript, or its .aux file, as UTF-8 text.",
        ),
    ],
    format_: FormatParam = None,
    accept: AcceptHeader = None,
) -> Any:
    keys = cited_keys(text)
    known = {
        r.key: r
        for r in session.scalars(
            select(Reference).where(Reference.key.in_(keys)).options(*reference_options())
        )
    }
    references = [known[k] for k in keys if k in known]
    unknown = [k for k in keys if k not in known]
    headers = {UNKNOWN_HEADER: ", ".join(unknown)} if unknown else None
    alternative = citations_response(references, CITATIONS.negotiate(format_, accept), headers)
    return alternative or ResolvedBibliography(
        data=[ReferenceRead.model_validate(r) for r in references],
        meta=ResolvedMeta(cited=keys, unknown=unknown, returned=len(references)),
    )
