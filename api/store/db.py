"""Engine and sessions. SQLite runs with foreign keys on, WAL and a busy timeout."""

import time
from collections.abc import AsyncIterator, Callable
from functools import lru_cache
from typing import Any, TypeVar

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InvalidatePoolError
from sqlalchemy.orm import Session, sessionmaker

from api.settings import get_settings

TOKEN_SQL = "SELECT token FROM data_version WHERE id = 1"
"""The data version (models.DataVersion): the response cache reads it, writers lock it."""


PING_AFTER_S = 1.0
"""A pooled PostgreSQL connection that rested this long is pinged before use."""


def make_engine(
    url: str, *, busy_timeout_ms: int = 5000, ping_after_s: float = PING_AFTER_S
) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url)
        _ping_rested_connections(engine, ping_after_s)

        @event.listens_for(engine, "begin")
        def _write_lock(connection: Connection) -> None:
            # One writer at a time, as on SQLite: every write bumps the one row of
            # data_version (its triggers), so a writer that took row locks first and
            # that row last could deadlock with another; taking it first cannot.
            if connection.get_execution_options().get(WRITE_OPTION, False):
                connection.exec_driver_sql(f"{TOKEN_SQL} FOR UPDATE")

        return engine
    engine = create_engine(url, connect_args={"check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy, not the sqlite3 module, begins transactions (see _begin): the
        # module's own implicit BEGIN breaks SAVEPOINTs and cannot BEGIN IMMEDIATE.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if parsed.database and parsed.database != ":memory:":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # A write takes the write lock up front: a deferred transaction that read first
        # could not upgrade once another writer committed (SQLITE_BUSY_SNAPSHOT), while
        # BEGIN IMMEDIATE waits for the lock (busy_timeout) and then reads fresh rows.
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_RESTED_FROM = "msckb_rested_from"
"""Where a pooled connection's record keeps when it was made or last checked in
(SQLAlchemy empties ``record.info`` when it reconnects)."""


def _ping_rested_connections(engine: Engine, seconds: float) -> None:
    """Ping a pooled connection before use only when it rested in the pool ``seconds``
    or more; when the ping fails, the pool replaces it and every older connection (the
    server restarted), as ``pool_pre_ping`` does.

    ``pool_pre_ping`` pings at every checkout: a round trip for every request, a third
    of those of a small read (bench/RESULTS.md). Under load a connection comes back to
    use within milliseconds, where a ping learns nothing; one that rested, across a
    server restart say, is the one that may be dead. The cost: a connection that died
    less than ``seconds`` after its last use (the server restarted under load) is handed
    out unpinged, and its request fails as a lost connection (503, api/web/errors.py)
    while the pool drops it and every older one, so the next request has a new one.
    """

    @event.listens_for(engine, "connect")
    @event.listens_for(engine, "checkin")
    def _rested_from(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RESTED_FROM] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info[_RESTED_FROM] < seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            # The pool reconnects this connection and invalidates the older ones
            # (PoolEvents.checkout); the new one was just stamped, so is not pinged.
            raise InvalidatePoolError(f"a pooled connection failed its ping: {error}") from error


@lru_cache(maxsize=1)
def get_engine() -> Engine:
    settings = get_settings()
    return make_engine(
        settings.resolved_database_url, busy_timeout_ms=settings.sqlite_busy_timeout_ms
    )


@lru_cache(maxsize=1)
def _session_factory() -> sessionmaker[Session]:
    return sessionmaker(bind=get_engine(), expire_on_commit=False)


@lru_cache(maxsize=1)
def _read_session_factory() -> sessionmaker[Session]:
    """Sessions for reads. On PostgreSQL they run in autocommit: at READ COMMITTED
    (the engine's level) every statement of a transaction takes its own snapshot
    anyway, so a read's BEGIN and COMMIT bought no consistency and cost two round
    trips (about 200 µs, more than most reads' statements). On SQLite a read keeps
    its transaction: there it is one snapshot for all its statements, and free."""
    engine = get_engine()
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    return sessionmaker(bind=engine, expire_on_commit=False)


WRITE_OPTION = "msckb_write"
"""Execution option marking a transaction that will write: it takes the write lock as
it begins (BEGIN IMMEDIATE on SQLite, data_version's row on PostgreSQL)."""


def write_session() -> Session:
    """A session for the command line's writes, locking as the API's writes do."""
    return Session(get_engine().execution_options(**{WRITE_OPTION: True}))


WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

_READS_ONLY: set[Callable[..., Any]] = set()

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


def reads_only(endpoint: Endpoint) -> Endpoint:
    """Mark an endpoint whose method is a write's (a POST whose body is a question too
    long for a URL) but which only reads: its session is a read's, so it neither waits
    for nor holds the write lock."""
    _READS_ONLY.add(endpoint)
    return endpoint


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session and its one transaction: committed when the endpoint
    returns, rolled back when it raises. Endpoints and query functions only flush.

    This runs on the event loop, and hands work to the thread pool only where it may
    wait: a write begins (BEGIN IMMEDIATE waits for the lock) and commits (to disk)
    there. A read's session opens without I/O and its transaction ends at once, so a
    read pays for at most one hop to the pool (its endpoint's, if it is a plain
    ``def``: see api/routers/__init__.py), not three."""
    write = (
        request.method in WRITE_METHODS
        and getattr(request.scope.get("route"), "endpoint", None) not in _READS_ONLY
    )
    session = (_session_factory if write else _read_session_factory)()()
    try:
        if write:
            await run_in_threadpool(session.connection, execution_options={WRITE_OPTION: True})
        yield session
        if write:
            await run_in_threadpool(session.commit)
        else:
            session.commit()
    except BaseException:
        if write:
            await run_in_threadpool(session.rollback)
        else:
            session.rollback()
        raise
    finally:
        session.close()
