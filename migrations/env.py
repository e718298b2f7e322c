"""Alembic environment: the URL from the settings (or a connection handed in by the
caller, as the tests and the CLI do), batch mode on SQLite. After the migrations,
every table gets its data-version triggers (migrations/data_version.py), whichever
revision created or recreated it."""

from alembic import context
from sqlalchemy import Connection

import models
from api.settings import get_settings
from api.store.db import make_engine
from migrations import data_version

config = context.config
target_metadata = models.Base.metadata


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
        data_version.install(connection)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or get_settings().resolved_database_url
    engine = make_engine(url)
    with engine.connect() as conn:
        run_with(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported; run against a database.")
run_migrations_online()
