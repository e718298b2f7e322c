"""A response cache for the public reads, keyed to the data version.

The knowledge base is read far more than it is written, and a script or a review
writer asks the same questions again. A public GET is answered from
memory when the same request (path, query, Accept, host) was answered before and
the data has not changed since; so is an HTML page, which renders the same data.

"Not changed since" is the database's word, not the server's: every write to any
table changes ``data_version.token`` in the writing transaction (triggers, see
migrations/data_version.py), whichever process wrote it. A request reads the token
(one primary-key lookup) before it is served; a new token empties the cache. An
answer is kept only when the token was the same before and after it was computed,
so no answer made while a write committed is kept under either token.

Not cached: anything with an API key, Authorization, a cookie or a conditional
header, answers other than 200, and bodies over an eighth of the cache.
"""

from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import Engine
from sqlalchemy.pool import PoolProxiedConnection

from api.store.db import TOKEN_SQL
from api.web.limits import ASGIApp, Message, Receive, Scope, Send

VersionReader = Callable[[], str | None]
"""The current data version, or None when it cannot be read (then nothing is cached)."""

_BYPASS = frozenset(
    {b"x-api-key", b"authorization", b"cookie", b"if-none-match", b"if-modified-since"}
)
_VARY = (b"accept", b"host")
_UNCACHED = ("/health", "/static/")
"""Liveness must be answered by the running server; static files are files already."""


class DatabaseVersion:
    """Reads the token on a connection of its own, in autocommit, from the event loop
    (a primary-key lookup: cheaper than a hop to the thread pool). A connection that
    fails is dropped and the request is served uncached; the next one reconnects."""

    def __init__(self, engine: Callable[[], Engine]) -> None:
        self._engine = engine
        self._connection: PoolProxiedConnection | None = None

    def __call__(self) -> str | None:
        engine = self._engine()
        try:
            if self._connection is None:
                self._connection = engine.raw_connection()
                if engine.dialect.name == "postgresql":
                    self._connection.driver_connection.autocommit = True  # type: ignore[union-attr]
            cursor = self._connection.cursor()
            try:
                cursor.execute(TOKEN_SQL)
                row = cursor.fetchone()
            finally:
                cursor.close()
        except engine.dialect.loaded_dbapi.Error:
            self.close()
            return None
        return None if row is None else str(row[0])

    def close(self) -> None:
        if self._connection is not None:
            # Never back into the pool: it is in autocommit.
            self._connection.invalidate()
            self._connection = None


class _Entry(NamedTuple):
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """ASGI middleware: see the module's docstring. ``max_bytes`` bounds the bodies
    held (least recently used first out); 0 switches the cache off."""

    def __init__(self, app: ASGIApp, *, version: VersionReader, max_bytes: int) -> None:
        self.app = app
        self._version = version
        self._max_bytes = max_bytes
        self._entries: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._held = 0
        self._token: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        token = self._version() if key is not None else None
        if key is None or token is None:
            await self.app(scope, receive, send)
            return
        if token != self._token:
            self._entries.clear()
            self._held = 0
            self._token = token
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
            await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
            await send({"type": "http.response.body", "body": entry.body})
            return

        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        limit = self._max_bytes // 8

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                # A copy: the layers outside add their own headers (the request id) to
                # the message, and a kept answer must not carry this request's.
                start = {**message, "headers": list(message.get("headers", []))}
            elif message["type"] == "http.response.body" and size <= limit:
                body = message.get("body", b"")
                chunks.append(body)
                size += len(body)
            await send(message)

        await self.app(scope, receive, keep)
        if (
            start is None
            or start["status"] != 200
            or size > limit
            or token != self._token
            or self._version() != token
        ):
            return
        replaced = self._entries.pop(key, None)
        self._held += size - (0 if replaced is None else len(replaced.body))
        self._entries[key] = _Entry(list(start.get("headers", [])), b"".join(chunks))
        while self._held > self._max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._held -= len(dropped.body)

    def _key(self, scope: Scope) -> tuple[Any, ...] | None:
        """What the answer depends on, or None for a request never cached."""
        if (
            self._max_bytes <= 0
            or scope["type"] != "http"
            or scope["method"] != "GET"
            or scope["path"].startswith(_UNCACHED)
        ):
            return None
        headers: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            name = name.lower()
            if name in _BYPASS:
                return None
            if name in _VARY:
                headers[name] = value
        return (
            scope["scheme"],
            scope.get("root_path", ""),
            scope["path"],
            scope["query_string"],
            *(headers.get(name) for name in _VARY),
        )
