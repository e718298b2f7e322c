"""The ``msckb`` command line."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.outputs.citations import CITATIONS, CitationFormat
from api.outputs.export import (
    content_hash,
    latest_release,
    record_release,
    release_of,
    tables_of,
    write_release,
)
from api.outputs.tables import TABLES, TableFormat, build_table, to_json
from api.queries import lookup
from api.queries.bibliography import FactKind, bibliography
from api.schemas.references import ReferenceRead
from api.seeding.coverage import coverage as source_coverage
from api.seeding.coverage import curated_from
from api.seeding.dump import write_seed_files
from api.seeding.files import SeedError
from api.seeding.loader import SeedConflict, load, read_and_check
from api.serving import WORKERS_ENV, default_workers
from api.settings import get_settings
from api.store.backup import BackupError, backup, restore
from api.store.db import get_engine, write_session
from api.store.migrate import upgrade
from api.web.auth import hash_key, new_key
from api.web.errors import NotFound
from models import ApiKey, Change, ChangeAction, DataRelease, Role

app = typer.Typer(
    help="MSC-KB: curated knowledge base of magic-size clusters.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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
    discard: Annotated[
        list[str] | None,
        typer.Option(
            help="KIND:IDENTIFIER (species:cds-msc-350) whose changes through the API give "
            "way to the seed files: overwritten, or deleted when seeds/ lacks it. Repeatable."
        ),
    ] = None,
    discard_all_api_changes: Annotated[
        bool,
        typer.Option(help="Let the seed files win for every entry changed through the API."),
    ] = False,
) -> None:
    """Validate the seed files, then load them in one transaction (all or nothing),
    keeping what was curated through the API: a seed change that would overwrite or
    delete it is refused, naming each entry and field."""
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
    try:
        with write_session() as session, session.begin():
            report = load(
                session, seeds, discard=discard or (), discard_all=discard_all_api_changes
            )
            # A run that wrote nothing records nothing, not even a release of what the
            # API changed since (msckb release does that when asked).
            if report.changed or latest_release(session) is None:
                release: DataRelease | None = record_release(session)
            else:
                release = release_of(session, content_hash(tables_of(session)))
            for change in report.changes:
                change.release_number = None if release is None else release.number
            number = None if release is None else release.number
            digest = None if release is None else release.content_hash
    except SeedConflict as exc:
        typer.echo(
            f"refused: {len(exc.conflicts)} conflict(s) between seeds/ and changes made "
            "through the API; nothing written",
            err=True,
        )
        for conflict in exc.conflicts:
            typer.echo(f"  {conflict}", err=True)
        typer.echo(
            "Bring the database's changes into seeds/ first (msckb dump-seeds seeds/, review, "
            "commit), or discard them: msckb seed --discard KIND:IDENTIFIER "
            "(or --discard-all-api-changes).",
            err=True,
        )
        raise typer.Exit(code=1) from exc
    for line in report.lines():
        typer.echo(line)
    if report.kept:
        typer.echo(
            f"kept {len(report.kept)} entries created through the API and not in seeds/ "
            "(msckb dump-seeds seeds/ writes them there):"
        )
        for entry in report.kept:
            typer.echo(f"  {entry}")
    if number is None or digest is None:
        typer.echo("no data release holds the content changed through the API (msckb release)")
    else:
        typer.echo(f"data release {number} (sha256 {digest[:12]})")
    typer.echo("changes written" if report.changed else "nothing to do: nothing changed")


@app.command("release")
def release_command() -> None:
    """Record the data as it is now as a release (the same content is the same release)."""
    with write_session() as session, session.begin():
        release = record_release(session)
        number, digest = release.number, release.content_hash
    typer.echo(f"data release {number} (sha256 {digest})")


@app.command("backup")
def backup_command(
    target: Annotated[Path, typer.Argument(help="File to write the copy to.")],
) -> None:
    """A consistent copy of the database, safe while the server runs (SQLite's online
    backup; pg_dump for PostgreSQL)."""
    try:
        backup(get_engine(), target)
    except BackupError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"backed up to {target}")


@app.command("restore")
def restore_command(
    source: Annotated[Path, typer.Argument(help="A file written by `msckb backup`.")],
) -> None:
    """Replace the database's content with a backup's (all or nothing)."""
    try:
        restore(get_engine(), source)
    except BackupError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"restored from {source}")


@app.command("dump-seeds")
def dump_seeds(
    directory: Annotated[Path, typer.Argument(help="Where to write the seed files.")],
) -> None:
    """Write what the database changed since it loaded seeds/ into the seed files of
    DIRECTORY (only those entries; every other byte stays), or whole files where there
    are none; `msckb seed --seeds DIRECTORY` then has nothing to do."""
    with Session(get_engine()) as session:
        written = write_seed_files(session, directory)
    if not written:
        typer.echo(f"nothing to write: {directory} holds what the database holds")
    for path in written:
        typer.echo(f"wrote {path}")


@app.command()
def coverage(
    counts_only: Annotated[
        bool, typer.Option("--counts", help="Only the number of facts per part.")
    ] = False,
) -> None:
    """What the database holds from each part of the source (Table S1 ... Note S5): the
    number of facts, and the species, relations, observations, transformations,
    references and other facts curated from it, by identifier."""
    with Session(get_engine()) as session:
        counts = source_coverage(session)
        listing = {} if counts_only else curated_from(session)
    for part, count in counts.items():
        typer.echo(f"{part:<10} {count:>4} facts")
        for kind, identifiers in listing.get(part, {}).items():
            typer.echo(f"  {kind}: {', '.join(identifiers)}")
    missing = [part for part, count in counts.items() if count == 0]
    if missing:
        typer.echo(f"no facts yet from: {', '.join(missing)}", err=True)
        raise typer.Exit(code=1)


@app.command()
def table(
    name: Annotated[str, typer.Argument(help="S1, S2, S3, S4 or S5.")],
    fmt: Annotated[TableFormat, typer.Option("--format", help="Output format.")] = (
        TableFormat.MARKDOWN
    ),
) -> None:
    """Print a table of the source regenerated from the data."""
    with Session(get_engine()) as session:
        try:
            built = build_table(session, name)
        except NotFound as exc:
            typer.echo(exc.detail, err=True)
            raise typer.Exit(code=2) from exc
    if fmt is TableFormat.JSON:
        typer.echo(json.dumps(to_json(built), indent=2, ensure_ascii=False))
    else:
        typer.echo(TABLES.renderers[fmt](built), nl=False)


@app.command()
def bib(
    material: Annotated[str | None, typer.Option(help='Material formula, e.g. "CdS".')] = None,
    species: Annotated[str | None, typer.Option(help="Species slug.")] = None,
    about: Annotated[
        list[FactKind] | None, typer.Option(help="Kinds of facts (repeat); all by default.")
    ] = None,
    fmt: Annotated[
        CitationFormat, typer.Option("--format", help="bibtex, csljson, ris, acs or json.")
    ] = CitationFormat.BIBTEX,
) -> None:
    """Print the bibliography of the facts about a material or species."""
    with Session(get_engine()) as session:
        try:
            references = bibliography(
                session,
                about=set(about or FactKind),
                material_id=None if material is None else lookup.material_id(session, material),
                species_id=None
                if species is None
                else lookup.species_id(session, species, param="species"),
            )
        except NotFound as exc:
            typer.echo(exc.detail, err=True)
            raise typer.Exit(code=2) from exc
        if fmt is CitationFormat.JSON:
            rows = [ReferenceRead.model_validate(r).model_dump() for r in references]
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            typer.echo(CITATIONS.renderers[fmt](references), nl=False)


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Where to write the release.")],
) -> None:
    """Write the data release: release.json and a Frictionless data package (CSV files
    and datapackage.json)."""
    with write_session() as session, session.begin():
        record_release(session)  # the export names its release: new content, a new one
        release = write_release(session, directory)
    typer.echo(f"wrote {directory}: release {release['number']}, sha256 {release['content_hash']}")


LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "api.web.limits.RequestIdFilter"}},
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "filters": ["request_id"],
        }
    },
    "loggers": {
        name: {"handlers": ["stderr"], "level": "INFO", "propagate": False}
        for name in ("uvicorn", "uvicorn.error", "msckb")
    },
}
"""Every log line carries the id of the request it belongs to ("-" outside requests)."""


keys = typer.Typer(help="API keys for curators: create, list, revoke.", no_args_is_help=True)
app.add_typer(keys, name="keys")


@keys.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who the key is for; shown in the audit trail.")],
    role: Annotated[Role, typer.Option(help="curator: create and edit; admin: also delete.")],
) -> None:
    """Make a key and print it once; only its SHA-256 is stored."""
    key = new_key()
    with write_session() as session, session.begin():
        if session.scalar(select(ApiKey.id).where(ApiKey.name == name)) is not None:
            typer.echo(f"a key named {name!r} exists already", err=True)
            raise typer.Exit(code=1)
        session.add(ApiKey(name=name, role=role, key_hash=hash_key(key)))
        _record_key(session, name, ChangeAction.CREATE, None, {"name": name, "role": role.value})
    typer.echo(key)
    typer.echo(f"(key {name!r}, role {role.value}: store it now, it is not shown again)", err=True)


@keys.command("list")
def keys_list() -> None:
    """Names, roles and dates of the keys; never the keys themselves."""
    with Session(get_engine()) as session:
        for k in session.scalars(select(ApiKey).order_by(ApiKey.name)):
            state = f"revoked {k.revoked_at:%Y-%m-%d %H:%M}" if k.revoked_at else "active"
            typer.echo(f"{k.name:<24} {k.role.value:<8} created {k.created_at:%Y-%m-%d}  {state}")


@keys.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="Name of the key.")]) -> None:
    """Revoke a key: it stops working at once; its writes stay in the audit trail."""
    with write_session() as session, session.begin():
        key = session.scalars(select(ApiKey).where(ApiKey.name == name)).one_or_none()
        if key is None:
            typer.echo(f"no key named {name!r}", err=True)
            raise typer.Exit(code=1)
        before = {"name": name, "role": key.role.value, "revoked": key.revoked_at is not None}
        key.revoked_at = datetime.now(UTC)
        _record_key(session, name, ChangeAction.UPDATE, before, {**before, "revoked": True})
    typer.echo(f"revoked {name!r}")


def _record_key(
    session: Session,
    name: str,
    action: ChangeAction,
    before: dict[str, Any] | None,
    after: dict[str, Any],
) -> None:
    """Keys made and revoked are in the history: by name and role, never the key."""

    def text(entry: dict[str, Any] | None) -> str | None:
        return None if entry is None else json.dumps(entry, sort_keys=True)

    session.add(
        Change(
            key_name="cli",
            action=action,
            entity="API key",
            identifier=name,
            before=text(before),
            after=text(after),
        )
    )


@app.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            envvar=list(WORKERS_ENV),
            min=1,
            show_default="one per CPU",
            help="Server processes. Each has its own app, connections and response cache; "
            "the write rate limit is shared through the database.",
        ),
    ] = None,
) -> None:
    """Serve the REST API with uvicorn, in WORKERS processes (default: one per CPU)."""
    import os

    import uvicorn

    from api.serving import SUPERVISED_ENV

    count = workers or default_workers()
    if count > 1:
        # Read by each worker's factory (the workers are started afresh, with this
        # environment): a worker ends with its supervisor.
        os.environ[SUPERVISED_ENV] = "1"
    typer.echo(f"MSC-KB API docs: http://{host}:{port}/docs ({count} worker(s))")
    # The app logs one line per request with its id; uvicorn's own access line has none.
    # An import string and a factory: each worker builds the app and tunes its own
    # garbage collector (api/serving.py); uvicorn configures logging in each worker.
    uvicorn.run(
        "api.serving:serving_app",
        factory=True,
        host=host,
        port=port,
        workers=count,
        # The supervisor kills a worker that does not answer its ping in time; a new
        # worker answers only once it has imported the command line and the app
        # (seconds on a busy machine), and uvicorn's 5 s had it killing and restarting
        # workers in a loop while two servers started on two busy cores.
        timeout_worker_healthcheck=60,
        log_config=LOG_CONFIG,
        access_log=False,
    )


if __name__ == "__main__":
    app()
