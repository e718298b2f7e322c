"""HTTP methods as RFC 9110 has them: HEAD wherever GET is served, OPTIONS answering
with ``Allow``, and a 405 whose ``Allow`` names every method the path accepts.

Starlette's router answers a method no route of the path takes from the first route
that matched the path alone, so ``Allow`` named that route's methods only (``GET`` on
a path that also takes ``PATCH`` and ``DELETE``), and FastAPI's routes do not take
HEAD. This middleware looks at every route of the path instead.
"""

from collections.abc import Callable, Iterable

from starlette.responses import Response
from starlette.routing import BaseRoute, Match

from api.web.errors import problem
from api.web.limits import ASGIApp, Message, Receive, Scope, Send

_EXTRA = ("HEAD", "OPTIONS")


_PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(routes: Iterable[BaseRoute], scope: Scope) -> set[str] | None:
    """Every method some route serves on the path of ``scope`` (HEAD with GET, and
    OPTIONS); None when no route holds the path. Each method is asked of the routes as
    the router would (``matches``), so included routers and mounts answer for
    themselves."""
    routes = list(routes)
    methods = {
        method
        for method in _PROBED
        if any(route.matches({**scope, "method": method})[0] is Match.FULL for route in routes)
    }
    if not methods:
        return None
    if "GET" in methods:
        methods.add("HEAD")
    methods.add("OPTIONS")
    return methods


def allow_header(methods: set[str]) -> str:
    order = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    return ", ".join(sorted(methods, key=lambda m: (order.index(m) if m in order else 99, m)))


class HttpMethods:
    """ASGI middleware: HEAD as GET without its body, OPTIONS with ``Allow``, and 405
    with the complete ``Allow``. ``routes`` gives the app's routes (read when needed,
    so routes added after the middleware count).

    Asking every route of the app about the path cost more than the rest of a species
    detail (bench/RESULTS.md, 2026-12-02), so the common request does not: a method
    other than HEAD and OPTIONS goes straight to the router, which answers 405 only
    when some route holds the path and none takes the method; only then are the
    routes asked, for the complete ``Allow``."""

    def __init__(self, app: ASGIApp, routes: Callable[[], Iterable[BaseRoute]]) -> None:
        self.app = app
        self.routes = routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method not in _EXTRA:
            await self.app(scope, receive, self._complete_405(scope, receive, send))
            return
        methods = allowed_methods(self.routes(), scope)
        if methods is None:
            await self.app(scope, receive, send)
            return
        allow = {"Allow": allow_header(methods)}
        if method == "OPTIONS":
            await Response(status_code=204, headers=allow)(scope, receive, send)
        elif "HEAD" in methods:
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        else:
            await self._refuse(scope, receive, send, methods)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, methods: set[str]) -> None:
        allow = allow_header(methods)
        detail = f"{scope['method']} is not served here; this path takes {allow}."
        await problem(405, detail, headers={"Allow": allow})(scope, receive, send)

    def _complete_405(self, scope: Scope, receive: Receive, send: Send) -> Send:
        """``send`` that replaces the router's 405 (whose ``Allow`` names the methods of
        the first route holding the path) with one naming every method of the path."""
        replaced = False

        async def send_or_replace(message: Message) -> None:
            nonlocal replaced
            if replaced:
                return  # the router's own 405 body
            if message["type"] == "http.response.start" and message["status"] == 405:
                methods = allowed_methods(self.routes(), scope)
                if methods is not None and scope["method"] not in methods:
                    replaced = True
                    await self._refuse(scope, receive, send, methods)
                    return
            await send(message)

        return send_or_replace


def _without_body(send: Send) -> Send:
    """``send`` for a HEAD: the GET's status and headers (Content-Length included),
    no body."""

    async def head_send(message: Message) -> None:
        if message["type"] == "http.response.body":
            if message.get("more_body", False):
                return
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return head_send
