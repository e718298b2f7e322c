"""The FastAPI application factory."""

from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from starlette.middleware.cors import CORSMiddleware

from api import __version__
from api.pages import install_pages
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
    for module in (
        materials,
        species,
        references,
        maldi,
        procedures,
        transformations,
        reference_data,
        tables,
        export,
        releases,
        curation,
    ):
        app.include_router(module.router, prefix="/api/v1")
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
            _if_match_required(schema)
            _add_links(schema)
            _check_operation_ids(schema)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


OPERATION_IDS = {
    ("GET", "/health"): "get_health",
    ("GET", "/species/resolve"): "resolve_peak",
    ("GET", "/transformations/paths"): "find_paths",
    ("GET", "/transformations/network"): "get_network",
    ("GET", "/glossary/{term}"): "get_glossary_term",
    ("POST", "/references/import"): "import_references",
    ("GET", "/releases/{number}/citation"): "get_release_citation",
    ("GET", "/releases/{number}/export"): "get_release_export",
    ("GET", "/species/{slug}/history"): "get_species_history",
    ("GET", "/transformations/{slug}/history"): "get_transformation_history",
    ("GET", "/syntheses/{slug}/history"): "get_synthesis_history",
    ("GET", "/experiments/{slug}/history"): "get_experiment_history",
    ("GET", "/maldi/{slug}/history"): "get_maldi_history",
    ("GET", "/references/{slug}/history"): "get_reference_history",
}
"""Where the rule of ``operation_id`` gives a poor name."""

_VERBS = {"POST": "create", "PATCH": "update", "DELETE": "delete", "PUT": "replace"}


def _singular(word: str) -> str:
    if word in {"species", "maldi", "glossary", "bibliography", "export", "info"}:
        return word
    if word == "syntheses":
        return "synthesis"
    return word[:-1] if word.endswith("s") else word


def operation_id(route: APIRoute) -> str:
    """A short id from the method and the path: ``list_species`` (GET of a collection),
    ``get_species`` (GET of one), ``create_species``, ``update_species``,
    ``delete_species``; a segment followed by a parameter is singular
    (``get_experiment_observation``). ``OPERATION_IDS`` names the exceptions."""
    method = sorted(route.methods or {"GET"})[0]
    path = route.path_format.removeprefix("/api/v1")
    if (method, path) in OPERATION_IDS:
        return OPERATION_IDS[method, path]
    segments = [part for part in path.strip("/").split("/") if part]
    words: list[str] = []
    for index, part in enumerate(segments):
        if part.startswith("{"):
            continue
        following = segments[index + 1] if index + 1 < len(segments) else ""
        one = following.startswith("{") or method in _VERBS
        words.append((_singular(part) if one else part).replace("-", "_"))
    collection = bool(segments) and not segments[-1].startswith("{")
    verb = _VERBS.get(method) or ("list" if collection and len(words) == 1 else "get")
    if verb == "list" and words[0] in {"info", "bibliography", "export"}:
        verb = "get"
    return f"{verb}_{'_'.join(words)}"


def _check_operation_ids(schema: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            name = operation["operationId"]
            if name in seen:
                raise RuntimeError(f"operationId {name} twice: {seen[name]} and {method} {path}")
            seen[name] = f"{method} {path}"


def _if_match_required(schema: dict[str, Any]) -> None:
    """The writes that need ``If-Match`` say so (without it they answer 428)."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "header" and parameter["name"].lower() == "if-match":
                    parameter["required"] = True
                    parameter["schema"] = {"type": "string", "minLength": 1}


def _link(operation_id: str, description: str, **parameters: str) -> dict[str, Any]:
    return {"operationId": operation_id, "description": description, "parameters": parameters}


def _write_links(kind: str, read_parameter: str) -> dict[str, dict[str, Any]]:
    """From a write's answer to the read of the same fact (its path parameter named
    ``read_parameter``), its change and its deletion."""
    same = {"identifier": "$response.body#/id"}
    tag = {**same, "header.If-Match": "$response.header.ETag"}
    return {
        "read": _link(
            f"get_{kind}", "The fact as now stored.", **{read_parameter: "$response.body#/id"}
        ),
        "update": _link(f"update_{kind}", "Change it, with the ETag just returned.", **tag),
        "delete": _link(f"delete_{kind}", "Delete it, with the ETag just returned.", **tag),
    }


LINKS: dict[tuple[str, str], dict[str, dict[str, Any]]] = {
    ("get_species", "200"): {
        "maldi": _link("list_maldi", "Its MALDI-TOF measurements.", species="$response.body#/slug"),
        "transformations": _link(
            "list_transformations", "What it turns into.", source="$response.body#/slug"
        ),
        "transformations_in": _link(
            "list_transformations", "What turns into it.", target="$response.body#/slug"
        ),
        "history": _link("get_species_history", "Its changes.", slug="$response.body#/slug"),
    },
    ("list_species", "200"): {
        "first": _link(
            "get_species", "The first species listed.", slug="$response.body#/data/0/slug"
        ),
    },
    ("get_transformation", "200"): {
        "source": _link(
            "get_species", "The species it starts from.", slug="$response.body#/source/slug"
        ),
        "product": _link(
            "get_species", "The species it gives.", slug="$response.body#/product/slug"
        ),
        "paths": _link(
            "find_paths",
            "Every way from its source to its product.",
            source="$response.body#/source/slug",
            target="$response.body#/product/slug",
        ),
    },
    ("list_transformations", "200"): {
        "first": _link(
            "get_transformation",
            "The first transformation listed.",
            transformation_id="$response.body#/data/0/id",
        ),
    },
    ("create_species", "201"): _write_links("species", "slug"),
    ("create_reference", "201"): _write_links("reference", "key"),
    ("create_synthesis", "201"): _write_links("synthesis", "slug"),
    ("create_experiment", "201"): _write_links("experiment", "slug"),
    ("create_transformation", "201"): _write_links("transformation", "transformation_id"),
}
"""OpenAPI links between operations (a list's next page is a URL in ``links.next``,
which OpenAPI links cannot follow)."""


def _add_links(schema: dict[str, Any]) -> None:
    """Puts ``LINKS`` on their responses; a link naming an operation or a parameter
    the contract does not have is a bug, caught when the schema is built."""
    ids = {
        operation["operationId"]: operation
        for operations in schema.get("paths", {}).values()
        for operation in operations.values()
    }
    for (source, status), links in LINKS.items():
        for name, link in links.items():
            target = ids[link["operationId"]]
            known = {
                (p["name"] if p["in"] != "header" else f"header.{p['name']}").lower()
                for p in target.get("parameters", [])
            }
            unknown = {p.lower() for p in link["parameters"]} - known
            if unknown:
                raise RuntimeError(f"link {source} -> {name}: no parameter {sorted(unknown)}")
        ids[source]["responses"][status]["links"] = links


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
