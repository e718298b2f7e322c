"""Keyset pagination for every list endpoint, and every list whole as CSV or JSON Lines.

A list is ordered by one unique column (a slug, a citation key, ...). The
cursor carries the last key of the page, base64url-encoded, so the next page is
``WHERE key > :last ORDER BY key LIMIT n``: an index seek, as fast a thousand
pages deep as on page one (no OFFSET scan).

``format=csv|jsonl`` (or an Accept header that prefers ``text/csv`` or
``application/jsonl``, weighed by api/outputs/formats.py) answers every matching
row instead of one page: a streamed response that walks the same keyset pages,
``STREAM_BATCH`` rows at a time, so no more than one batch is ever held. ``limit``
and ``count`` do not apply; a ``cursor`` starts the walk after its key.
"""

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Depends, Query, Request, Response
from fastapi.dependencies.models import Dependant
from fastapi.responses import StreamingResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session
from starlette.routing import BaseRoute

from api.outputs.formats import Offer
from api.outputs.lists import csv_chunks, jsonl_chunks
from api.schemas import Page, PageLinks, PageMeta
from api.store.prepared import Bound, Prepared
from api.web.errors import invalid_value
from api.web.responses import rows_json

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
STREAM_BATCH = MAX_LIMIT
"""Rows read per keyset page while a whole list streams."""


class ListFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    JSONL = "jsonl"


LISTS: Offer[ListFormat, None] = Offer(ListFormat, {ListFormat.CSV: None, ListFormat.JSONL: None})
"""What every list comes in: JSON pages, or the whole list as CSV or JSON Lines."""

Items = Callable[[Session, Sequence[Any]], Sequence[Any]]
"""Turns a batch of rows into the list's items (dicts, or pydantic models)."""

Row = TypeVar("Row")
Item = TypeVar("Item")


CursorKey = str | int
"""The value of the unique column a list is ordered by."""


def encode_cursor(last_key: CursorKey) -> str:
    raw = json.dumps({"after": last_key}, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _not_ours() -> Exception:
    return invalid_value(
        "cursor", "not a cursor this API issued; use links.next as given", kind="cursor"
    )


def decode_cursor(cursor: str) -> CursorKey:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        after = payload["after"]
    except (ValueError, TypeError, KeyError, UnicodeError, binascii.Error) as exc:
        raise _not_ours() from exc
    if (
        isinstance(after, bool)
        or not isinstance(after, str | int)
        or (isinstance(after, int) and not -(2**63) <= after < 2**63)
        or (isinstance(after, str) and "\x00" in after)
    ):
        raise _not_ours()
    return after


@dataclass(frozen=True)
class Window(Generic[Row]):
    """The rows of one page, before they become items."""

    rows: Sequence[Row]
    meta: PageMeta
    links: PageLinks

    def content(self, data: list[Any]) -> dict[str, Any]:
        """A page with ``data`` as its items, as a dict (see api/web/responses.py)."""
        return {"data": data, "meta": self.meta.model_dump(), "links": self.links.model_dump()}


class Pager:
    """The paging parameters of a list request, and the page they select."""

    def __init__(
        self,
        request: Request,
        response: Response,
        limit: int,
        cursor: str | None,
        count: bool,
        format_: ListFormat = ListFormat.JSON,
    ) -> None:
        self.request = request
        self.response = response
        self.limit = limit
        self.after = None if cursor is None else decode_cursor(cursor)
        self.count = count
        self.format = format_

    @property
    def whole(self) -> bool:
        """Whether the whole list streams (CSV, JSON Lines) rather than one JSON page."""
        return self.format is not ListFormat.JSON

    def window(
        self,
        session: Session,
        statement: Select[Any] | Bound,
        *,
        key: InstrumentedAttribute[CursorKey] | str,
    ) -> Window[Any]:
        """The rows of ``statement`` after the cursor, ordered by the unique ``key``.

        ``key`` is an ORM attribute for a statement of ORM entities (the rows are
        instances), or the name of a selected column for a Core statement (the rows
        are mappings). A :class:`Bound` statement (Core) pages as a prepared
        statement: its page is built and compiled once, not per request."""
        bound = statement if isinstance(statement, Bound) else Bound(statement, {})
        select_, params = bound.statement, bound.params
        column = self._column(select_, key)
        total = None
        if self.count:
            counted = select_.order_by(None).subquery()
            total = session.scalar(select(func.count()).select_from(counted), params)
        rows: Sequence[Any]
        if statement is bound and isinstance(key, str):
            page = _page(select_, key, self.after is not None)
            rows = page.rows(session, {**params, "after": self.after, "limit": self.limit + 1})
        else:
            if self.after is not None:
                select_ = select_.where(column > self.after)
            result = session.execute(select_.order_by(column).limit(self.limit + 1), params)
            core = isinstance(key, str)
            rows = result.mappings().all() if core else result.scalars().all()
        next_url = None
        if len(rows) > self.limit:
            rows = rows[: self.limit]
            last = rows[-1]
            next_url = self._url_after(
                last[key] if isinstance(key, str) else getattr(last, key.key)
            )
            self.response.headers["Link"] = f'<{next_url}>; rel="next"'
        return Window(
            rows=rows,
            meta=PageMeta(limit=self.limit, returned=len(rows), total=total),
            links=PageLinks(next=next_url),
        )

    def _column(self, statement: Select[Any], key: InstrumentedAttribute[CursorKey] | str) -> Any:
        column = statement.selected_columns[key] if isinstance(key, str) else key
        if self.after is not None and not isinstance(self.after, column.type.python_type):
            raise invalid_value("cursor", "this cursor belongs to another list", kind="cursor")
        return column

    def page(
        self,
        session: Session,
        statement: Select[Row],
        *,
        key: InstrumentedAttribute[CursorKey],
        item: Callable[[Row], Item],
    ) -> Page[Item] | Response:
        """The page after the cursor, each row made an item; or the whole list."""
        if self.whole:
            return self.stream(
                session, statement, key=key, items=lambda _, rows: [item(r) for r in rows]
            )
        window = self.window(session, statement, key=key)
        return Page[Item](
            data=[item(row) for row in window.rows], meta=window.meta, links=window.links
        )

    def respond(
        self,
        session: Session,
        statement: Select[Any] | Bound,
        *,
        key: InstrumentedAttribute[CursorKey] | str,
        items: Items,
    ) -> Response:
        """The page after the cursor as JSON written from the item dicts
        (api/web/responses.py); or the whole list."""
        if self.whole:
            return self.stream(session, statement, key=key, items=items)
        window = self.window(session, statement, key=key)
        data = [_plain(i) for i in items(session, window.rows)]
        return rows_json(window.content(data), self.response)

    def stream(
        self,
        session: Session,
        statement: Select[Any] | Bound,
        *,
        key: InstrumentedAttribute[CursorKey] | str,
        items: Items,
    ) -> Response:
        """Every row of ``statement`` after the cursor, as CSV or JSON Lines, read in
        keyset pages while the response is sent.

        The request's session ends when the endpoint returns, before the body is
        sent, so the walk reads through a session of its own on the same bind (the
        engine, or the tests' connection), one transaction for the whole list."""
        if isinstance(statement, Bound):
            statement = statement.select()
        column = self._column(statement, key)
        core = isinstance(key, str)
        bind = session.get_bind()
        after = self.after
        model = self._item_model()

        def batches() -> Iterator[list[dict[str, Any]]]:
            last = after
            with Session(bind=bind, join_transaction_mode="create_savepoint") as walk:
                while True:
                    selected = statement if last is None else statement.where(column > last)
                    result = walk.execute(selected.order_by(column).limit(STREAM_BATCH))
                    rows: Sequence[Any] = (
                        result.mappings().all() if core else result.scalars().all()
                    )
                    if not rows:
                        return
                    yield [_plain(i) for i in items(walk, rows)]
                    if len(rows) < STREAM_BATCH:
                        return
                    tail = rows[-1]
                    last = tail[key] if isinstance(key, str) else getattr(tail, key.key)

        chunks = (
            csv_chunks(model, batches())
            if self.format is ListFormat.CSV
            else jsonl_chunks(batches())
        )
        name = self.request.url.path.rstrip("/").rsplit("/", 1)[-1] or "list"
        extension = LISTS.format(self.format).extension
        return StreamingResponse(
            chunks,
            media_type=LISTS.media_type(self.format)
            + ("; charset=utf-8" if self.format is ListFormat.CSV else ""),
            headers={"Content-Disposition": f'inline; filename="{name}.{extension}"'},
        )

    def _item_model(self) -> type[BaseModel]:
        """The items' model, from the route's ``Page[Item]`` response model."""
        route: Any = self.request.scope.get("route")
        page = getattr(route, "response_model", None)
        field = getattr(page, "model_fields", {}).get("data")
        args = getattr(field.annotation, "__args__", ()) if field is not None else ()
        if not args or not (isinstance(args[0], type) and issubclass(args[0], BaseModel)):
            raise TypeError(f"{self.request.url.path}: response model is not a Page[Model]")
        model: type[BaseModel] = args[0]
        return model

    def _url_after(self, last_key: CursorKey) -> str:
        params = [(k, v) for k, v in self.request.query_params.multi_items() if k != "cursor"]
        params.append(("cursor", encode_cursor(last_key)))
        return str(self.request.url.replace(query=urlencode(params)))


_PAGES: dict[tuple[int, str, bool], tuple[Select[Any], Prepared]] = {}


def _page(statement: Select[Any], key: str, after: bool) -> Prepared:
    """The page of a statement built once: its rows (after ``:after``) in ``key`` order,
    ``:limit`` of them; built and prepared on first use."""
    found = _PAGES.get((id(statement), key, after))
    if found is None or found[0] is not statement:
        column = statement.selected_columns[key]
        page = statement.where(column > bindparam("after")) if after else statement
        found = (statement, Prepared(page.order_by(column).limit(bindparam("limit"))))
        _PAGES[(id(statement), key, after)] = found
    return found[1]


LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")]
CursorParam = Annotated[
    str | None, Query(description="Opaque cursor from links.next; omit for the first page.")
]
CountParam = Annotated[bool, Query(description="Also count every matching item (meta.total).")]


async def pager(
    request: Request,
    response: Response,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
    count: CountParam = False,
    format_: Annotated[
        ListFormat | None,
        Query(
            alias="format",
            description="json (default): one page. csv or jsonl: every matching item, "
            "streamed whole (limit and count do not apply). Overrides the Accept header "
            "(text/csv, application/jsonl). CSV columns are flat: nested fields named by "
            'their dotted path (evidence.reference); a list\'s values joined by "; ".',
        ),
    ] = None,
) -> Pager:
    """The paging parameters (no I/O, so on the event loop rather than the thread pool)."""
    chosen = LISTS.negotiate(format_, request.headers.get("accept"))
    return Pager(request, response, limit, cursor, count, chosen)


async def page_only(
    request: Request,
    response: Response,
    limit: LimitParam = DEFAULT_LIMIT,
    cursor: CursorParam = None,
    count: CountParam = False,
) -> Pager:
    """The paging parameters of a list that negotiates its own formats (references)."""
    return Pager(request, response, limit, cursor, count)


def _plain(item: Any) -> Any:
    """An item as JSON-able data: a model dumped, a dict as it is."""
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def declare_list_formats(routes: Iterable[BaseRoute]) -> None:
    """Name CSV and JSON Lines beside JSON in the 200 answer of every route that takes
    the list parameters (``PagerDep``), so OpenAPI documents them."""
    content = {
        LISTS.media_type(ListFormat.CSV): {"schema": {"type": "string"}},
        LISTS.media_type(ListFormat.JSONL): {"schema": {"type": "string"}},
    }
    for route in routes:
        # An included router (FastAPI's lazy include) holds the routes as declared.
        included = getattr(getattr(route, "original_router", None), "routes", None)
        if included is not None:
            declare_list_formats(included)
        if isinstance(route, APIRoute) and _takes(route.dependant, {pager, page_only}):
            # A copy: routes share their declared answers (the citation formats).
            answer = route.responses.get(200, {})
            route.responses[200] = {**answer, "content": {**answer.get("content", {}), **content}}


def _takes(dependant: Dependant, calls: set[Any]) -> bool:
    return any(d.call in calls or _takes(d, calls) for d in dependant.dependencies)


PagerDep = Annotated[Pager, Depends(pager)]
PageOnlyDep = Annotated[Pager, Depends(page_only)]
"""Paging without format=: for a route whose format= names more formats (its own
offer, which must hold csv and jsonl too)."""
