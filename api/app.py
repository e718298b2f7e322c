"""The FastAPI application factory."""

from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.middleware.cors import CORSMiddleware

from api import __version__
from api.pages import install_pages
from api.pages.alternate import AlternatePage
from api.routers import (
    curation,
    export,
    maldi,
    materials,
    meta,
    procedures,
    reference_data,
    references,
    releases,
    species,
    tables,
    transformations,
)
from api.settings import get_settings
from api.store.db import get_engine
from api.web.cache import DatabaseVersion, ResponseCache, VersionReader
from api.web.deps import check_parameters
from api.web.errors import PROBLEM_JSON, install_error_handlers
from api.web.limits import RequestGuard
from api.web.methods import HttpMethods
from api.web.openapi import add_links, check_operation_ids, if_match_required, operation_id
from api.web.pagination import declare_list_formats

DESCRIPTION = """
MSC-KB curates colloidal semiconductor magic-size clusters (MSCs), their
precursor compounds (PCs), the transformations among them and the literature
behind every fact. Every fact carries its evidence: the reference it rests on,
where it stands in the source, and its status as the source states it.

Lists answer `{"data": [...], "meta": {...}, "links": {"next": ...}}`; follow
`links.next` (also in the `Link` header) for the next page. Errors are
`application/problem+json` (RFC 9457), one policy on every endpoint, so a typo
never silently changes the results: a query parameter an endpoint does not
declare is 400; a filter naming a record that does not exist (a species, a
material, a reference, a reagent...) is 404; a malformed value (empty or blank,
of the wrong type, out of range, not in the enumeration, a cursor this API did
not issue) is 422. A 404 or 422 names the parameter in `errors[].location`.
Quantities carry their unit in their name: `_nm`, `_da`, `_c` (°C), `_s`,
`_ml`, `_kj_mol`.
"""


def create_app(*, data_version: VersionReader | None = None) -> FastAPI:
    """The app. ``data_version`` reads the token the response cache keys on; by default
    on a connection of the configured database (the tests read it in their own
    transaction)."""
    app = FastAPI(
        title="MSC-KB",
        version=__version__,
        description=DESCRIPTION,
        dependencies=[Depends(check_parameters)],
        # /docs and /redoc are served from packaged assets (api/pages/docs.py), not a CDN.
        docs_url=None,
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    # innermost: it reads the route the request matched, and the cache keeps its header
    app.add_middleware(AlternatePage)
    settings = get_settings()
    app.add_middleware(
        ResponseCache,
        version=data_version or DatabaseVersion(get_engine),
        max_bytes=settings.response_cache_mb * 1024 * 1024,
    )
    app.add_middleware(HttpMethods, routes=lambda: app.routes)
    # Public reads from any page (or the configured origins); writes stay same-origin:
    # no write method, no API key header, never credentials.
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origin_list,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["Accept", "Accept-Language", "If-None-Match", "X-Request-ID"],
        expose_headers=["ETag", "Link", "Location", "X-Request-ID", "Content-Disposition"],
        allow_credentials=False,
        max_age=600,
    )
    app.add_middleware(RequestGuard)  # outermost: its request id goes on cached answers too
    install_error_handlers(app)
    app.include_router(meta.router)
    # Requests are matched against the routers in this order, each route's pattern in
    # turn, so the lists asked most come first (bench/RESULTS.md: matching the
    # transformations list cost 63 µs a request when it came seventh).
    for module in (
        species,
        transformations,
        maldi,
        materials,
        references,
        procedures,
        reference_data,
        tables,
        export,
        releases,
        curation,
    ):
        app.include_router(module.router, prefix="/api/v1")
    declare_list_formats(app.routes)
    install_pages(app)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            _problems_as_problem_json(schema)
            if_match_required(schema)
            add_links(schema)
            check_operation_ids(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _problems_as_problem_json(schema: dict[str, Any]) -> None:
    """Error responses are documented under the media type they are served with."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if int(status) >= 400 and content:
                    # Whatever the route's own media type, its problems are problem+json.
                    media = content.get("application/json") or next(iter(content.values()))
                    response["content"] = {PROBLEM_JSON: media}


app = create_app()
