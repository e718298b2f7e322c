"""Statements built once, compiled once per dialect and run on the driver's cursor.

The busiest reads run a handful of small statements a request, each answered by the
database in tens of microseconds. Through ``Session.execute`` each also costs its
cache key (a walk of the whole statement), an execution context and a result object:
about 65 µs against 43 µs on the driver for the transformations of one species
(bench/RESULTS.md). A :class:`Prepared` statement is compiled by SQLAlchemy once for
each dialect it meets, with its bound parameters, and then runs as the compiled SQL
on the session's own connection (so inside the request's transaction), its rows
converted by the same result processors SQLAlchemy would apply (booleans on SQLite,
enumerations).

A statement is prepared only when it is built once (at import, or cached per shape):
preparing a statement built per request would compile it every time.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ParamSpec

from sqlalchemy import Select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler

Row = dict[str, Any]
Processor = Callable[[Any], Any] | None


@dataclass
class _Compiled:
    """One statement compiled for one dialect."""

    sql: str
    positional: tuple[str, ...] | None
    """Parameter names in placeholder order (qmark), or None (named placeholders)."""
    defaults: dict[str, Any]
    """Values of the parameters the statement binds itself (an OFFSET of 0, ...)."""
    binds: dict[str, Callable[[Any], Any]]
    keys: tuple[str, ...]
    types: tuple[Any, ...]
    expanding: frozenset[str]
    """Parameters that take a list (``IN``), rendered as one placeholder per value."""

    @classmethod
    def of(cls, statement: Select[*tuple[Any, ...]], dialect: Dialect) -> "_Compiled":
        compiled = statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        if compiled.literal_execute_params:
            raise ValueError("a prepared statement cannot render parameters as literals")
        expanding = frozenset(p.key for p in compiled.post_compile_params if p.expanding)
        return cls(
            sql=compiled.string,
            positional=tuple(compiled.positiontup) if compiled.positiontup else None,
            defaults={
                name: value
                for name, value in compiled.construct_params(_check=False).items()
                if value is not None
            },
            binds={name: p for name, p in compiled._bind_processors.items() if callable(p)},
            keys=tuple(column[0] for column in compiled._result_columns),
            types=tuple(column[3] for column in compiled._result_columns),
            expanding=expanding,
        )

    results: tuple[Processor, ...] | None = None
    """Each column's result processor, once a cursor has described the columns (some
    depend on the type the driver reports)."""

    def processors(self, dialect: Dialect, cursor: Any) -> tuple[Processor, ...]:
        if self.results is None:
            # Read once: psycopg builds the description's column objects anew on each
            # read (8–14 µs for a statement of 11–19 columns).
            self.results = tuple(
                type_._cached_result_processor(dialect, column[1])
                for type_, column in zip(self.types, cursor.description, strict=True)
            )
        return self.results

    def arguments(self, params: Mapping[str, Any]) -> tuple[str, Any]:
        """The SQL to run and its parameters, in the driver's style."""
        values = {**self.defaults, **params}
        for name, process in self.binds.items():
            if values.get(name) is not None:
                values[name] = process(values[name])
        sql = self.sql
        for name in self.expanding:
            items = list(values[name])
            if self.positional is None:
                del values[name]
                marks = [f"{name}_{i}" for i in range(len(items))]
                values.update(zip(marks, items, strict=True))
                rendered = ", ".join(f"%({mark})s" for mark in marks)
            else:
                rendered = ", ".join("?" * len(items))
            # An empty IN list matches nothing, as SQLAlchemy renders it.
            sql = sql.replace(f"__[POSTCOMPILE_{name}]", rendered or "NULL) AND (1 != 1")
        if self.positional is None:
            return sql, values
        ordered: list[Any] = []
        for name in self.positional:
            value = values[name]
            ordered.extend(value if name in self.expanding else (value,))
        return sql, tuple(ordered)


@dataclass(frozen=True)
class Bound:
    """A statement built once (cached per shape of a request's filters, its values bound
    parameters) and the values of one request. A list pages it as a prepared statement
    (api/web/pagination.py)."""

    statement: Select[*tuple[Any, ...]]
    params: dict[str, Any]

    def select(self) -> Select[Any]:
        """The statement with the values in it, for a caller that builds on it."""
        return self.statement.params(self.params) if self.params else self.statement


P = ParamSpec("P")


def as_select(query: Callable[P, Select[Any] | Bound]) -> Callable[P, Select[Any]]:
    """``query``, answering one statement with its values in it (a :class:`Bound`
    made plain), for callers that build on the statement (order it, nest it)."""

    def plain(*args: P.args, **kwargs: P.kwargs) -> Select[Any]:
        found = query(*args, **kwargs)
        return found.select() if isinstance(found, Bound) else found

    plain.__doc__ = f":func:`{query.__name__}` as one statement, for a caller that builds on it."
    return plain


class Prepared:
    """A SELECT built once, run on the driver's cursor (see the module's doc)."""

    def __init__(self, statement: Select[*tuple[Any, ...]]) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def _for(self, dialect: Dialect) -> _Compiled:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            compiled = self._compiled[dialect.name] = _Compiled.of(self.statement, dialect)
        return compiled

    def rows(self, session: Session, params: Mapping[str, Any] | None = None) -> list[Row]:
        """The statement's rows as dicts keyed by its column labels."""
        connection = session.connection()
        compiled = self._for(connection.dialect)
        sql, arguments = compiled.arguments(params or {})
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        # What listens to the connection's statements (logging, tracing, the tests)
        # still sees each one, as it would through Session.execute.
        if connection._echo:
            connection._log_info(sql)
        if connection._has_events or connection.engine._has_events:
            connection.dispatch.before_cursor_execute(
                connection, cursor, sql, arguments, None, False
            )
        dialect = connection.dialect
        try:
            cursor.execute(sql, arguments)
            fetched: Sequence[Sequence[Any]] = cursor.fetchall()
            results = compiled.processors(dialect, cursor)
        except dialect.loaded_dbapi.Error as error:
            # Handled as Session.execute handles it: the driver's error comes as
            # SQLAlchemy's (OperationalError, ...), which the API's handlers answer
            # (api/web/errors.py: a 503, not a 500), and a lost connection is dropped
            # with every older one in the pool (the server restarted).
            connection._handle_dbapi_exception(error, sql, arguments, cursor, None)
        finally:
            cursor.close()
        keys = compiled.keys
        if not any(results):
            return [dict(zip(keys, row, strict=True)) for row in fetched]
        return [
            {
                key: value if process is None or value is None else process(value)
                for key, process, value in zip(keys, results, row, strict=True)
            }
            for row in fetched
        ]
