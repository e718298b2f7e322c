"""Write limits (requests per key per minute, body size) and request ids.

The rate limit is kept in the database (a sliding one-minute window per key), so
that it holds across the processes of ``msckb serve --workers N`` and across servers.
"""

import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from api.settings import get_settings
from api.web.errors import TooManyRequests, problem
from models import WriteHit

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
"""The id of the request being served, for every log line it causes."""

log = logging.getLogger("msckb")


class RateLimiter:
    """A sliding one-minute window of writes per key, kept in the database (table
    ``write_hit``) so that every process serving the database shares it: several
    workers of ``msckb serve``, or several servers.

    :meth:`check` runs inside the write's own transaction, which holds the database's
    write lock from its start (BEGIN IMMEDIATE on SQLite, the data version's row on
    PostgreSQL: api/store/db.py), so writers are serialised and the count, the check
    and the new hit are one atomic step. The hit commits with the write: a write that
    fails and is rolled back (a 4xx) is not counted, as it changed nothing."""

    def __init__(self, per_minute: Callable[[], int]) -> None:
        self._per_minute = per_minute

    def check(self, session: Session, key: str, *, now: float | None = None) -> None:
        """Count one write for ``key``; TooManyRequests when it is over its limit."""
        # Wall-clock time: the processes sharing the count share no monotonic clock.
        now = time.time() if now is None else now
        limit = self._per_minute()
        session.execute(
            delete(WriteHit).where(WriteHit.at <= now - WINDOW_S),
            execution_options={"synchronize_session": False},
        )
        count, oldest = session.execute(
            select(func.count(), func.min(WriteHit.at)).where(WriteHit.key_name == key)
        ).one()
        if count >= limit:
            wait = max(1, int(WINDOW_S - (now - oldest)) + 1)
            raise TooManyRequests(
                f"More than {limit} writes in a minute with this key; retry in {wait} s.",
                headers={"Retry-After": str(wait)},
            )
        session.execute(insert(WriteHit).values(key_name=key, at=now))


WINDOW_S = 60.0
write_limiter = RateLimiter(lambda: get_settings().writes_per_minute)


class RequestIdFilter(logging.Filter):
    """Puts the request id on every log record (``%(request_id)s``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get() or "-"
        return True


Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_CLIENT_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestGuard:
    """ASGI middleware: a request id on every response (``X-Request-ID``, the client's
    own when it sends a sane one) and every log line, one access line per request, and
    the cap on request bodies (413 beyond ``max_body_bytes``, as problem+json).

    FastAPI's own ``max_body_size`` answers outside the app's exception handlers, in
    plain text and without the request id, hence this."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next(
            (v.decode("latin-1") for k, v in scope["headers"] if k.lower() == b"x-request-id"),
            "",
        )
        rid = given if _CLIENT_ID.match(given) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", []),
                    (b"x-request-id", rid.encode("latin-1")),
                ]
            await send(message)

        limit = get_settings().max_body_bytes
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException passes FastAPI's body parsing unchanged and is
                    # rendered by the app's problem handler.
                    raise HTTPException(413, f"The request body is larger than {limit} bytes.")
            return message

        declared = next(
            (v for k, v in scope["headers"] if k.lower() == b"content-length"), b""
        ).decode("latin-1")
        try:
            if declared.isdigit() and int(declared) > limit:
                response = problem(413, f"The request body is larger than {limit} bytes.")
                await response(scope, receive, send_with_id)
            else:
                await self.app(scope, counted_receive, send_with_id)
        finally:
            log.info(
                "%s %s %s %.1f ms",
                scope["method"],
                scope["path"],
                status,
                (time.perf_counter() - started) * 1000,
            )
            request_id.reset(token)
