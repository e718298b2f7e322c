"""Keyset pagination for every list endpoint.

A list is ordered by one unique column (a slug, a citation key, ...). The
cursor carries the last key of the page, base64url-encoded, so the next page is
``WHERE key > :last ORDER BY key LIMIT n``: an index seek, as fast a thousand
pages deep as on page one (no OFFSET scan).
"""

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Depends, Query, Request, Response
from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from api.schemas import Page, PageLinks, PageMeta
from api.web.errors import invalid_value

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

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
        self, request: Request, response: Response, limit: int, cursor: str | None, count: bool
    ) -> None:
        self.request = request
        self.response = response
        self.limit = limit
        self.after = None if cursor is None else decode_cursor(cursor)
        self.count = count

    def window(
        self,
        session: Session,
        statement: Select[Any],
        *,
        key: InstrumentedAttribute[CursorKey] | str,
    ) -> Window[Any]:
        """The rows of ``statement`` after the cursor, ordered by the unique ``key``.

        ``key`` is an ORM attribute for a statement of ORM entities (the rows are
        instances), or the name of a selected column for a Core statement (the rows
        are mappings)."""
        column = statement.selected_columns[key] if isinstance(key, str) else key
        if self.after is not None and not isinstance(self.after, column.type.python_type):
            raise invalid_value("cursor", "this cursor belongs to another list", kind="cursor")
        total = None
        if self.count:
            counted = statement.order_by(None).subquery()
            total = session.scalar(select(func.count()).select_from(counted))
        if self.after is not None:
            statement = statement.where(column > self.after)
        result = session.execute(statement.order_by(column).limit(self.limit + 1))
        core = isinstance(key, str)
        rows: Sequence[Any] = result.mappings().all() if core else result.scalars().all()
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

    def page(
        self,
        session: Session,
        statement: Select[Row],
        *,
        key: InstrumentedAttribute[CursorKey],
        item: Callable[[Row], Item],
    ) -> Page[Item]:
        """The page after the cursor, each row made an item."""
        window = self.window(session, statement, key=key)
        return Page[Item](
            data=[item(row) for row in window.rows], meta=window.meta, links=window.links
        )

    def _url_after(self, last_key: CursorKey) -> str:
        params = [(k, v) for k, v in self.request.query_params.multi_items() if k != "cursor"]
        params.append(("cursor", encode_cursor(last_key)))
        return str(self.request.url.replace(query=urlencode(params)))


async def pager(
    request: Request,
    response: Response,
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")
    ] = DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(description="Opaque cursor from links.next; omit for the first page."),
    ] = None,
    count: Annotated[
        bool, Query(description="Also count every matching item (meta.total).")
    ] = False,
) -> Pager:
    """The paging parameters (no I/O, so on the event loop rather than the thread pool)."""
    return Pager(request, response, limit, cursor, count)


PagerDep = Annotated[Pager, Depends(pager)]
