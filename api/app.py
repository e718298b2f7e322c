"""The FastAPI application factory."""

from fastapi import FastAPI

from api import __version__
from api.errors import install_error_handlers
from api.routers import meta

DESCRIPTION = """
MSC-KB curates colloidal semiconductor magic-size clusters (MSCs), their
precursor compounds (PCs), the transformations among them and the literature
behind every fact. Every fact carries its evidence: the reference it rests on,
where it stands in the source, and its status as the source states it.
"""


def create_app() -> FastAPI:
    app = FastAPI(title="MSC-KB", version=__version__, description=DESCRIPTION)
    install_error_handlers(app)
    app.include_router(meta.router)
    return app


app = create_app()
