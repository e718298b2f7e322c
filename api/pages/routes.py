"""The HTML pages. Each handler is thin: it calls the query functions the API's
routers call (so a page shows exactly what the API serves), wraps the result in
the API's response schema, and renders a template.

An unknown slug, key or formula is a 404 page in HTML here; the same question
asked under /api/v1 stays problem+json.
"""

import re
from collections.abc import Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from sqlalchemy import select

from api import __version__
from api.outputs import releases
from api.outputs.citations import acs_citation
from api.outputs.export import latest_release
from api.outputs.figures import to_svg
from api.outputs.tables import TableFormat, TableName, build_table
from api.pages.record import Record, coins
from api.pages.render import page
from api.pages.search import search
from api.pages.spectrum import stick_spectrum
from api.queries import SPECIES, lookup, mappings
from api.queries.maldi import list_measurements, maldi_items
from api.queries.materials import list_materials, material_reads, material_with_formula
from api.queries.network import network
from api.queries.procedures import list_experiments, list_syntheses
from api.queries.references import get_reference, list_references
from api.queries.species import list_species, species_detail, species_row, species_summaries
from api.queries.transformations import (
    list_transformations,
    transformation_detail,
    transformation_row,
    transformation_summary,
)
from api.schemas.curation import ReleaseDiffRead
from api.schemas.maldi import MaldiRead
from api.schemas.references import ReferenceRead
from api.schemas.species import SpeciesDetail, SpeciesSummary
from api.schemas.transformations import TransformationDetail, TransformationSummary
from api.web.deps import SessionDep
from api.web.errors import NotFound, ProblemError
from api.web.pagination import DEFAULT_LIMIT, PagerDep, Window
from models import DataRelease, Material, Reference
from models.enums import EvidenceStatus, SpeciesKind, Trigger


class PageRoute(APIRoute):
    """A route whose problems (404, 400 ...) are answered as an HTML page."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def answer(request: Request) -> Response:
            _drop_empty_parameters(request)
            try:
                return await handler(request)
            except ProblemError as exc:
                return error_page(request, exc.status, exc.detail)
            except RequestValidationError as exc:
                detail = "; ".join(str(e.get("msg", "")) for e in exc.errors())
                return error_page(request, 422, f"Invalid request: {detail}")

        return answer


def _drop_empty_parameters(request: Request) -> None:
    """A form's empty field ("any material") means no filter on a page, where the API
    answers an empty value with a 422: the page reads the query without it, so its
    links (the next page's too) carry only the filters that were chosen."""
    params = request.query_params.multi_items()
    kept = [(k, v) for k, v in params if v.strip()]
    if len(kept) != len(params):
        request.scope["query_string"] = urlencode(kept).encode("latin-1")
        # Request caches what it parsed; let it read the new query string.
        request.__dict__.pop("_query_params", None)
        request.__dict__.pop("_url", None)


def _remember_latest_release(request: Request, session: SessionDep) -> None:
    """Every page names the latest release (the header links the releases when one
    exists); the same session and transaction as the page's own queries."""
    request.state.latest_release = latest_release(session)


router = APIRouter(
    route_class=PageRoute,
    include_in_schema=False,
    dependencies=[Depends(_remember_latest_release)],
)

_HEADINGS = {400: "Bad request", 404: "Not found", 422: "Invalid request"}


def error_page(request: Request, status: int, detail: str) -> HTMLResponse:
    heading = _HEADINGS.get(status, "Error")
    return page(
        request,
        "error.html",
        {"title": heading, "status": status, "heading": heading, "detail": detail},
        status_code=status,
    )


def _record(request: Request, **fields: Any) -> Record:
    return Record(
        url=str(request.url),
        json_url=str(request.base_url).rstrip("/") + fields.pop("json_path"),
        release=request.state.latest_release,
        **fields,
    )


def _reference_urls(request: Request, keys: set[str]) -> list[str]:
    base = str(request.base_url).rstrip("/")
    return [f"{base}/references/{quote(key)}" for key in sorted(keys)]


def _evidence_keys(value: Any) -> set[str]:
    """Every citation key in the evidence of a schema object and what it holds."""
    found: set[str] = set()
    if isinstance(value, dict):
        evidence = value.get("evidence")
        if isinstance(evidence, dict) and isinstance(evidence.get("reference"), str):
            found.add(evidence["reference"])
        for item in value.values():
            found |= _evidence_keys(item)
    elif isinstance(value, list):
        for item in value:
            found |= _evidence_keys(item)
    return found


def _formulas(session: SessionDep) -> list[str]:
    return list(session.scalars(select(Material.formula).order_by(Material.formula)))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep) -> HTMLResponse:
    stored = session.scalars(list_materials().order_by(Material.formula)).all()
    return page(
        request,
        "home.html",
        {
            "title": "MSC-KB",
            "version": __version__,
            "release": latest_release(session),
            "materials": material_reads(session, stored),
            "tables": list(TableName),
            "kinds": list(SpeciesKind),
        },
        json_url="/api/v1/info",
    )


@router.get("/materials/{formula}", response_class=HTMLResponse)
def material_page(request: Request, session: SessionDep, formula: str) -> HTMLResponse:
    material = material_reads(session, [material_with_formula(session, formula)])[0]
    rows = mappings(session, list_species(material=formula).order_by(SPECIES.c.slug))
    species = [SpeciesSummary.model_validate(s) for s in species_summaries(session, rows)]
    statement = list_transformations(material_id=lookup.material_id(session, formula))
    transformations = [
        TransformationSummary.model_validate(transformation_summary(t))
        for t in mappings(session, statement.order_by("slug"))
    ]
    json_path = f"/api/v1/materials/{quote(material.formula)}"
    record = _record(
        request,
        title=f"{material.formula}" + (f" ({material.name})" if material.name else ""),
        identifier=f"materials/{material.formula}",
        json_path=json_path,
        description=f"The {material.formula} species and transformations held by MSC-KB.",
    )
    return page(
        request,
        "material.html",
        {
            "title": material.formula,
            "material": material,
            "species": species,
            "transformations": transformations,
            "record": record,
        },
        json_url=json_path,
    )


def _listing(request: Request, window: Window[Any], filters: dict[str, Any]) -> dict[str, Any]:
    """What every list page shows about its page: the rows' count, the filters chosen,
    the next page (the API's cursor, in the page's own URL) and the first."""
    first = [(k, v) for k, v in request.query_params.multi_items() if k not in ("cursor", "count")]
    return {
        "meta": window.meta,
        "next_url": window.links.next,
        "first_url": None
        if "cursor" not in request.query_params
        else request.url.path + (f"?{urlencode(first)}" if first else ""),
        "filters": filters,
        "filtered": any(value is not None for value in filters.values()),
        "limit": window.meta.limit,
        "default_limit": DEFAULT_LIMIT,
    }


def _api_path(request: Request, path: str) -> str:
    """The API list that answers the same query: same filters, limit and cursor."""
    query = request.url.query
    return path + (f"?{query}" if query else "")


MaterialFilter = Annotated[
    str | None, Query(description='Material formula, e.g. "CdS"; an unknown one is a 404.')
]


@router.get("/species", response_class=HTMLResponse)
def species_index(
    request: Request,
    session: SessionDep,
    pager: PagerDep,
    material: MaterialFilter = None,
    kind: SpeciesKind | None = None,
    status: EvidenceStatus | None = None,
) -> HTMLResponse:
    # Counting is one more query on a small table: the page says how many match.
    pager.count = True
    statement = list_species(
        material_id=None if material is None else lookup.material_id(session, material),
        kind=kind,
        status=status,
    )
    window = pager.window(session, statement, key="slug")
    species = [SpeciesSummary.model_validate(s) for s in species_summaries(session, window.rows)]
    json_path = _api_path(request, "/api/v1/species")
    return page(
        request,
        "species_index.html",
        {
            "title": "Species",
            "species": species,
            "materials": _formulas(session),
            "kinds": list(SpeciesKind),
            "statuses": list(EvidenceStatus),
            **_listing(request, window, {"material": material, "kind": kind, "status": status}),
        },
        json_url=json_path,
        next_url=window.links.next,
    )


@router.get("/species/{slug}", response_class=HTMLResponse)
def species_page(request: Request, session: SessionDep, slug: str) -> HTMLResponse:
    raw = species_detail(session, species_row(session, slug))
    species = SpeciesDetail.model_validate(raw)
    name = f"{species.material} {species.label}"
    json_path = f"/api/v1/species/{quote(species.slug)}"
    record = _record(
        request,
        title=name,
        identifier=f"species/{species.slug}",
        json_path=json_path,
        description=species.description
        or f"What MSC-KB holds about {name}, with the evidence of every fact.",
        cites=_reference_urls(request, _evidence_keys(species.model_dump(mode="json"))),
    )
    return page(
        request,
        "species.html",
        {
            "title": name,
            "species": species,
            "spectrum": stick_spectrum(
                species.maldi_measurements, title=f"MALDI-TOF masses of {name}"
            ),
            "record": record,
            "json_ld": record.json_ld(
                keywords=[species.material, species.kind.value, species.label],
                measurementTechnique=["UV-vis absorption", "MALDI-TOF MS"],
            ),
        },
        json_url=json_path,
    )


@router.get("/transformations", response_class=HTMLResponse)
def transformations_index(
    request: Request,
    session: SessionDep,
    pager: PagerDep,
    material: MaterialFilter = None,
    trigger: Trigger | None = None,
    status: EvidenceStatus | None = None,
) -> HTMLResponse:
    pager.count = True
    # As the API lists them: a reversible transformation once, forward.
    statement = list_transformations(
        material_id=None if material is None else lookup.material_id(session, material),
        trigger=trigger,
        status=status,
        include_reverse=True,
    )
    window = pager.window(session, statement, key="slug")
    transformations = [
        TransformationSummary.model_validate(transformation_summary(t)) for t in window.rows
    ]
    json_path = _api_path(request, "/api/v1/transformations")
    return page(
        request,
        "transformations.html",
        {
            "title": "Transformations",
            "transformations": transformations,
            "materials": _formulas(session),
            "triggers": list(Trigger),
            "statuses": list(EvidenceStatus),
            **_listing(
                request,
                window,
                {"material": material, "trigger": trigger, "status": status},
            ),
        },
        json_url=json_path,
        next_url=window.links.next,
    )


@router.get("/transformations/{transformation_id}", response_class=HTMLResponse)
def transformation_page(
    request: Request, session: SessionDep, transformation_id: str
) -> HTMLResponse:
    raw = transformation_detail(session, transformation_row(session, transformation_id))
    transformation = TransformationDetail.model_validate(raw)
    source, product = transformation.source, transformation.product
    name = f"{source.material} {source.label} → {product.material} {product.label}"
    json_path = f"/api/v1/transformations/{quote(transformation.id)}"
    record = _record(
        request,
        title=f"Transformation {name}",
        identifier=f"transformations/{transformation.id}",
        json_path=json_path,
        description=transformation.description,
        cites=_reference_urls(request, _evidence_keys(transformation.model_dump(mode="json"))),
    )
    return page(
        request,
        "transformation.html",
        {"title": name, "t": transformation, "record": record, "json_ld": record.json_ld()},
        json_url=json_path,
    )


_NODE = re.compile(r'(<g class="node"[^>]*data-species="([^"]+)">.*?</g>)', re.DOTALL)


def linked_figure(svg: str, *, title: str, description: str) -> str:
    """The network figure with each species a link to its page, and a title and
    description a screen reader announces."""
    svg = _NODE.sub(lambda m: f'<a href="/species/{m[2]}">{m[1]}</a>', svg)
    head, rest = svg.split(">", 1)
    return (
        f'{head} role="img" aria-labelledby="network-title network-desc">'
        f'<title id="network-title">{title}</title><desc id="network-desc">{description}</desc>'
        + rest
    )


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    session: SessionDep,
    material: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    material = material or None
    material_id = None if material is None else lookup.material_id(session, material)
    graph = network(session, material_id=material_id)
    title = f"Transformations among {material or 'all'} species"
    figure = None
    if graph.edges:
        described = "; ".join(f"{e.source} to {e.target} ({e.label})" for e in graph.edges)
        figure = linked_figure(
            to_svg(graph, title=f"{title} — MSC-KB"),
            title=title,
            description=f"{len(graph.nodes)} species, {len(graph.edges)} transformations: "
            f"{described}. The same as a table below the figure.",
        )
    query = "" if material is None else f"?material={quote(material)}"
    json_path = f"/api/v1/transformations/network{query}"
    record = _record(
        request,
        title=title,
        identifier="network" + ("" if material is None else f"/{material}"),
        json_path=json_path,
    )
    materials = _formulas(session)
    return page(
        request,
        "network.html",
        {
            "title": title,
            "material": material,
            "materials": materials,
            "graph": graph,
            "figure": figure,
            "downloads": [
                (
                    fmt,
                    f"/api/v1/transformations/network?format={fmt}"
                    + ("" if material is None else f"&material={quote(material)}"),
                )
                for fmt in ("svg", "json", "dot", "graphml")
            ],
            "record": record,
        },
        json_url=json_path,
    )


@router.get("/tables", response_class=HTMLResponse)
def tables_index(request: Request, session: SessionDep) -> HTMLResponse:
    tables = [build_table(session, name) for name in TableName]
    return page(request, "tables.html", {"title": "Tables of the source", "tables": tables})


@router.get("/tables/{name}", response_class=HTMLResponse)
def table_page(request: Request, session: SessionDep, name: str) -> HTMLResponse:
    table = build_table(session, name)
    json_path = f"/api/v1/tables/{table.name.value}"
    record = _record(
        request,
        title=f"Table {table.name.value}, regenerated",
        identifier=f"tables/{table.name.value}",
        json_path=json_path,
        description=table.caption,
        cites=_reference_urls(request, {k for row in table.rows for c in row for k in c.cite}),
    )
    return page(
        request,
        "table.html",
        {
            "title": f"Table {table.name.value}",
            "table": table,
            "downloads": [(fmt.value, f"{json_path}?format={fmt.value}") for fmt in TableFormat],
            "record": record,
            "json_ld": record.json_ld(),
        },
        json_url=json_path,
    )


@router.get("/references", response_class=HTMLResponse)
def references_index(
    request: Request,
    session: SessionDep,
    pager: PagerDep,
    q: Annotated[str | None, Query(max_length=200)] = None,
    year: Annotated[int | None, Query(ge=1000, le=9999)] = None,
) -> HTMLResponse:
    pager.count = True
    window = pager.window(session, list_references(q=q, year=year), key=Reference.key)
    json_path = _api_path(request, "/api/v1/references")
    return page(
        request,
        "references.html",
        {
            "title": "References",
            "references": [(r, acs_citation(r)) for r in window.rows],
            "q": None,
            "filter_q": q,
            "year": year,
            **_listing(request, window, {"q": q, "year": year}),
        },
        json_url=json_path,
        next_url=window.links.next,
    )


@router.get("/references/{key}", response_class=HTMLResponse)
def reference_page(request: Request, session: SessionDep, key: str) -> HTMLResponse:
    reference = get_reference(session, key)
    rid = reference.id
    species_rows = mappings(
        session, list_species().where(SPECIES.c.reference_id == rid).order_by(SPECIES.c.slug)
    )
    transformation_rows = mappings(session, list_transformations(reference_id=rid).order_by("slug"))
    maldi_rows = mappings(session, list_measurements(reference_id=rid).order_by("slug"))
    json_path = f"/api/v1/references/{quote(reference.key)}"
    citation = acs_citation(reference)
    record = _record(
        request,
        title=f"Reference {reference.key}",
        identifier=f"references/{reference.key}",
        json_path=json_path,
        description=citation,
        schema_type="Dataset",
    )
    work = {"@type": "ScholarlyArticle" if reference.journal else "CreativeWork"}
    if reference.title:
        work["name"] = reference.title
    if reference.doi:
        work["sameAs"] = f"https://doi.org/{reference.doi}"
    return page(
        request,
        "reference.html",
        {
            "title": reference.key,
            "reference": ReferenceRead.model_validate(reference),
            "citation": citation,
            "coins": coins(reference),
            "species": [
                SpeciesSummary.model_validate(s) for s in species_summaries(session, species_rows)
            ],
            "transformations": [
                TransformationSummary.model_validate(transformation_summary(t))
                for t in transformation_rows
            ],
            "maldi": [MaldiRead.model_validate(m) for m in maldi_items(session, maldi_rows)],
            "experiments": list(session.scalars(list_experiments(reference_id=rid))),
            "syntheses": list(session.scalars(list_syntheses(reference_id=rid))),
            "downloads": [
                ("BibTeX", f"{json_path}?format=bibtex"),
                ("CSL-JSON", f"{json_path}?format=csljson"),
                ("ACS text", f"{json_path}?format=acs"),
                ("JSON", json_path),
            ],
            "record": record,
            "json_ld": record.json_ld(about=work),
        },
        json_url=json_path,
    )


@router.get("/releases", response_class=HTMLResponse)
def releases_index(request: Request, session: SessionDep, pager: PagerDep) -> HTMLResponse:
    pager.count = True
    # As the API lists them: oldest first, by the same key, so the cursor is the API's.
    window = pager.window(session, select(DataRelease), key=DataRelease.id)
    json_path = _api_path(request, "/api/v1/releases")
    return page(
        request,
        "releases.html",
        {
            "title": "Data releases",
            "releases": [(x, releases.citation_text(x)) for x in window.rows],
            **_listing(request, window, {}),
        },
        json_url=json_path,
        next_url=window.links.next,
    )


def _release(session: SessionDep, number: int) -> DataRelease | None:
    return session.scalars(select(DataRelease).where(DataRelease.number == number)).first()


@router.get("/releases/{number}", response_class=HTMLResponse)
def release_page(
    request: Request,
    session: SessionDep,
    number: Annotated[int, Path(ge=1, le=2_147_483_647)],
) -> HTMLResponse:
    release = _release(session, number)
    if release is None:
        raise NotFound(f"No release {number}.")
    neighbours = select(DataRelease.number)
    previous = session.scalar(
        neighbours.where(DataRelease.number < number).order_by(DataRelease.number.desc())
    )
    following = session.scalar(
        neighbours.where(DataRelease.number > number).order_by(DataRelease.number)
    )
    diff = None
    earlier = None if previous is None else _release(session, previous)
    if earlier is not None and earlier.export is not None and release.export is not None:
        # The API's diff (/api/v1/releases/{a}/diff/{b}): the same function and schema.
        found = releases.diff(earlier.export, release.export)
        diff = ReleaseDiffRead.model_validate(
            {
                "from_release": previous,
                "to_release": number,
                "added": found.added,
                "changed": found.changed,
                "removed": found.removed,
            }
        )
    base = f"/api/v1/releases/{number}"
    downloads = [
        ("Citation, BibTeX", f"{base}/citation"),
        ("Citation, CSL-JSON", f"{base}/citation?format=csljson"),
    ]
    if release.export is not None:
        downloads = [
            ("Export, JSON", f"{base}/export"),
            ("Data package (ZIP)", f"{base}/export?format=datapackage"),
            *downloads,
        ]
    citation = releases.citation_text(release)
    record = Record(
        title=f"Data release {number}",
        url=str(request.url),
        json_url=str(request.base_url).rstrip("/") + base,
        identifier=f"releases/{number}",
        # the record of a release is dated and versioned by that release, not the latest
        release=release,
        description=citation,
    )
    site = str(request.base_url).rstrip("/")
    return page(
        request,
        "release.html",
        {
            "title": f"Data release {number}",
            "release": release,
            "citation": citation,
            "bibtex": releases.bibtex(release),
            "previous": previous,
            "following": following,
            "diff": diff,
            "diff_url": None if previous is None else f"/api/v1/releases/{previous}/diff/{number}",
            "downloads": downloads,
            "record": record,
            "json_ld": record.json_ld(
                distribution=[
                    {
                        "@type": "DataDownload",
                        "encodingFormat": media,
                        "contentUrl": site + url,
                    }
                    for media, url in (
                        ("application/json", base),
                        *(
                            [
                                ("application/json", f"{base}/export"),
                                ("application/zip", f"{base}/export?format=datapackage"),
                            ]
                            if release.export is not None
                            else []
                        ),
                    )
                ],
                sha256=release.content_hash,
            ),
        },
        json_url=base,
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    results = search(session, q) if q.strip() else None
    return page(request, "search.html", {"title": "Search", "q": q, "results": results})
