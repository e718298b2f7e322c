"""Pages for people: the API manual served from packaged assets, and the knowledge base
as server-rendered HTML, built from the same query functions as the API.

``install_pages`` adds both to an app made with ``docs_url=None, redoc_url=None``.
"""

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api.pages.docs import install_docs
from api.pages.render import STATIC_DIR, STATIC_URL
from api.pages.routes import router


def install_pages(app: FastAPI) -> None:
    install_docs(app)
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="pages-static")
    app.include_router(router)
