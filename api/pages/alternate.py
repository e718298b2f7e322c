"""The other direction of the pages' ``Link: rel="alternate"``: an API entry's JSON names
the page that shows it to people.

One ASGI middleware, keyed on the route the request matched (its path template), so no
router changes: ``GET /api/v1/species/cds-msc-311`` answers with
``Link: </species/cds-msc-311>; rel="alternate"; type="text/html"``. It sits inside the
response cache, so a cached answer carries the header too.
"""

from typing import Any
from urllib.parse import quote

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

API_PREFIX = "/api/v1"

PAGE_OF: dict[str, str] = {
    "/species/{slug}": "/species/{slug}",
    "/transformations/{transformation_id}": "/transformations/{transformation_id}",
    "/references/{key}": "/references/{key}",
    "/materials/{formula}": "/materials/{formula}",
    "/tables/{name}": "/tables/{name}",
    "/releases/{number}": "/releases/{number}",
}
"""API entry route, as its router declares it under /api/v1 → the page of the same entry
(the same path parameters). Static routes (``/species/resolve``) are routes of their own,
so never taken for an entry."""


def page_of(request_path: str, route_path: str, params: dict[str, Any]) -> str | None:
    """The page showing the entry an API route answered, or None if it has none."""
    template = PAGE_OF.get(route_path.removeprefix(API_PREFIX))
    if template is None or not request_path.startswith(API_PREFIX + "/"):
        return None
    return template.format(**{name: quote(str(value), safe="") for name, value in params.items()})


class AlternatePage:
    """Adds the page's ``Link`` to every successful GET of an API entry."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return

        async def send_with_link(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                # The router put the matched route in the (shared) scope.
                route = scope.get("route")
                path = page_of(
                    scope["path"], getattr(route, "path", ""), scope.get("path_params", {})
                )
                if path is not None:
                    headers = MutableHeaders(scope=message)
                    link = f'<{path}>; rel="alternate"; type="text/html"'
                    existing = headers.get("link")
                    headers["Link"] = f"{existing}, {link}" if existing else link
            await send(message)

        await self.app(scope, receive, send_with_link)
