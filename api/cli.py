"""The ``msckb`` command line."""

from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.orm import Session

from api.db import get_engine
from api.migrate import upgrade
from api.seeding.coverage import coverage as source_coverage
from api.seeding.loader import SeedError, load, read_and_check
from api.settings import get_settings

app = typer.Typer(
    help="MSC-KB: curated knowledge base of magic-size clusters.", no_args_is_help=True
)


@app.command()
def migrate(
    revision: Annotated[str, typer.Argument(help="Alembic revision to upgrade to.")] = "head",
) -> None:
    """Bring the database schema up to REVISION (default: the newest)."""
    engine = get_engine()
    upgrade(engine, revision)
    typer.echo(f"migrated {engine.url.render_as_string(hide_password=True)} to {revision}")


@app.command()
def seed(
    seeds_dir: Annotated[
        Path | None,
        typer.Option("--seeds", help="Directory of seed files (default: the project's seeds/)."),
    ] = None,
) -> None:
    """Validate the seed files, then load them in one transaction (all or nothing)."""
    directory = seeds_dir or get_settings().seeds_dir
    try:
        seeds = read_and_check(directory)
    except SeedError as exc:
        typer.echo(
            f"refused: {len(exc.problems)} problem(s) in the seed files; nothing written", err=True
        )
        for problem in exc.problems:
            typer.echo(f"  {problem}", err=True)
        raise typer.Exit(code=1) from exc
    with Session(get_engine()) as session, session.begin():
        report = load(session, seeds)
    for line in report.lines():
        typer.echo(line)
    typer.echo("changes written" if report.changed else "nothing changed")


@app.command()
def coverage() -> None:
    """Number of facts the database holds from each part of the source."""
    with Session(get_engine()) as session:
        counts = source_coverage(session)
    for part, count in counts.items():
        typer.echo(f"{part:<10} {count:>4}")
    missing = [part for part, count in counts.items() if count == 0]
    if missing:
        typer.echo(f"no facts yet from: {', '.join(missing)}", err=True)
        raise typer.Exit(code=1)


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT")] = 8000,
) -> None:
    """Serve the REST API with uvicorn."""
    import uvicorn

    typer.echo(f"MSC-KB API docs: http://{host}:{port}/docs")
    uvicorn.run("api.app:app", host=host, port=port)


if __name__ == "__main__":
    app()
