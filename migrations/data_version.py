"""The triggers that keep ``data_version.token`` honest.

Every write to any other table (but the rate limit's count: NOT_DATA) gives the
token a new random value in the writing transaction, so the token names the data a
reader sees, whichever process wrote: the API, ``msckb seed``, a restore, a
migration, or psql by hand. The response cache (api/web/cache.py) keys its entries to
it. A random value rather than a counter: a restored backup brings back its own
token, which must never name other data.

``migrations/env.py`` calls :func:`install` after every upgrade, so a table that a
later migration creates, or that SQLite's batch mode recreates (dropping its
triggers), is covered without that migration having to remember it.
"""

from sqlalchemy import Connection, inspect

TABLE = "data_version"
EVENTS = ("insert", "update", "delete")
NOT_DATA = frozenset({TABLE, "write_hit"})
"""Tables whose writes leave the token alone: its own, and the write rate limit's
count (models.WriteHit), which no answer shows: bumping the token for it would empty
the response caches for nothing."""


def _tables(connection: Connection) -> list[str]:
    return [name for name in inspect(connection).get_table_names() if name not in NOT_DATA]


def _sqlite_trigger(table: str, event: str) -> str:
    return f"{TABLE}_{table}_{event}"


def install(connection: Connection) -> None:
    """Bump the token on every insert, update and delete of every table but its own
    (PostgreSQL: once per statement, truncate too; SQLite: once per row)."""
    if not inspect(connection).has_table(TABLE):
        return
    if connection.dialect.name == "postgresql":
        for table in _tables(connection):
            connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS {TABLE} ON "{table}"')
            connection.exec_driver_sql(
                f'CREATE TRIGGER {TABLE} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_bump()"
            )
        return
    existing = set(
        connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .scalars()
        .all()
    )
    for table in _tables(connection):
        for event in EVENTS:
            name = _sqlite_trigger(table, event)
            if name not in existing:
                connection.exec_driver_sql(
                    f'CREATE TRIGGER "{name}" AFTER {event.upper()} ON "{table}" BEGIN '
                    f"UPDATE {TABLE} SET token = lower(hex(randomblob(16))) WHERE id = 1; END"
                )


def remove(connection: Connection) -> None:
    for table in _tables(connection):
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f'DROP TRIGGER IF EXISTS {TABLE} ON "{table}"')
        else:
            for event in EVENTS:
                connection.exec_driver_sql(
                    f'DROP TRIGGER IF EXISTS "{_sqlite_trigger(table, event)}"'
                )


def triggered_tables(connection: Connection) -> set[str]:
    """The tables whose every kind of write bumps the token."""
    if connection.dialect.name == "postgresql":
        rows = connection.exec_driver_sql(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            f"WHERE t.tgname = '{TABLE}' AND NOT t.tgisinternal AND (t.tgtype & 60) = 60"
        )  # 4 insert + 8 delete + 16 update + 32 truncate
        return set(rows.scalars().all())
    names = set(
        connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .scalars()
        .all()
    )
    return {
        table
        for table in _tables(connection)
        if all(_sqlite_trigger(table, event) in names for event in EVENTS)
    }
