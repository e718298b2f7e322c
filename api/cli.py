"""The ``msckb`` command line."""

import typer

from api.db import get_engine
from api.migrate import upgrade

app = typer.Typer(
    help="MSC-KB: curated knowledge base of magic-size clusters.", no_args_is_help=True
)


@app.command()
def migrate(revision: str = typer.Argument("head", help="Alembic revision to upgrade to.")) -> None:
    """Bring the database schema up to REVISION (default: the newest)."""
    engine = get_engine()
    upgrade(engine, revision)
    typer.echo(f"migrated {engine.url.render_as_string(hide_password=True)} to {revision}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", envvar="HOST"),
    port: int = typer.Option(8000, envvar="PORT"),
) -> None:
    """Serve the REST API with uvicorn."""
    import uvicorn

    typer.echo(f"MSC-KB API docs: http://{host}:{port}/docs")
    uvicorn.run("api.app:app", host=host, port=port)
