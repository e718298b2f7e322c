"""The API manual (/docs, Swagger UI) and its reference view (/redoc), served from
packaged assets so that both work without internet.

FastAPI's own pages load Swagger UI, ReDoc and Google fonts from a CDN, which a
lab machine off the internet shows as a blank page. The fastapi-offline
distribution (MIT) ships Swagger UI's bundle and CSS and ReDoc's standalone
script as package data; only those files are used here, through FastAPI's own
page builders, so the pages stay FastAPI's.
"""

from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

ASSETS_URL = "/static/apidocs"
ASSETS_DIR = Path(str(files("fastapi_offline") / "static"))
"""swagger-ui-bundle.js, swagger-ui.css, redoc.standalone.js, favicon.png."""
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
REDOC_URL = "/static/apidocs-offline/redoc.standalone.js"
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@cache
def redoc_script() -> bytes:
    """ReDoc's standalone script less the one request it makes to another host: the
    Redocly logo in its side menu. It points at an empty image instead, which ReDoc
    hides on its load error, as it does for the logo when offline."""
    script = (ASSETS_DIR / "redoc.standalone.js").read_text(encoding="utf-8")
    return script.replace(REDOC_LOGO, "data:,").encode()


def install_docs(app: FastAPI) -> None:
    """Serve /docs and /redoc from ASSETS_DIR; the app is made with docs_url=None and
    redoc_url=None so FastAPI's CDN pages are not registered."""
    app.mount(ASSETS_URL, StaticFiles(directory=ASSETS_DIR), name="apidocs-assets")
    router = APIRouter(include_in_schema=False)

    @router.get("/docs")
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} — API manual",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_URL}",
            # Swagger UI would send the contract to validator.swagger.io for a badge.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @router.get(OAUTH2_REDIRECT_URL)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @router.get("/redoc")
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} — API reference",
            redoc_js_url=f"{root}{REDOC_URL}",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )

    @router.get(REDOC_URL)
    def redoc_standalone() -> Response:
        return Response(
            redoc_script(),
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    app.include_router(router)
