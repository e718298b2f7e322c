"""Dependencies shared by the routers."""

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from sqlalchemy.orm import Session

from api.store.db import get_session
from api.store.db import reads_only as reads_only  # for the routers
from api.web.errors import BadRequest, Unprocessable

SessionDep = Annotated[Session, Depends(get_session, scope="function")]
"""Scoped to the endpoint, so the commit happens before the response is sent: a write
that fails to commit is answered as a failure, never as a success."""


def _query_names(dependant: Dependant) -> frozenset[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


_allowed: dict[int, tuple[Dependant, frozenset[str]]] = {}
"""The query parameters of each route's dependant, worked out on its first request."""


def allowed_query_names(dependant: Dependant) -> frozenset[str]:
    known = _allowed.get(id(dependant))
    if known is None or known[0] is not dependant:
        known = (dependant, _query_names(dependant))
        _allowed[id(dependant)] = known
    return known[1]


async def check_parameters(request: Request) -> None:
    """Refuse what no endpoint can answer, before any query runs.

    A query parameter the route does not declare is a 400 that names it: a typo
    in a script (``?materal=CdS``) must never silently return other results. A
    NUL character in the path or a parameter's name is a 400 too: no identifier
    holds one, and PostgreSQL refuses it in a query.

    A declared parameter with an empty (or blank) value, or a value holding a NUL,
    is malformed: a 422 naming it, as every other malformed value is. ``material=``
    never means "any material" nor "no material".
    """
    params = request.query_params.multi_items()
    if "\x00" in request.scope.get("path", "") or any("\x00" in key for key, _ in params):
        raise BadRequest("The request has a NUL character in its path or query.")
    route: Any = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = allowed_query_names(dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        errors = [
            {"location": f"query.{name}", "message": "unknown query parameter", "type": "unknown"}
            for name in unknown
        ]
        accepted = ", ".join(sorted(allowed)) or "none"
        raise BadRequest(
            f"Unknown query parameter(s): {', '.join(unknown)}. This endpoint accepts: {accepted}.",
            errors=errors,
        )
    malformed = [
        {
            "location": f"query.{name}",
            "message": "holds a NUL character" if "\x00" in value else "empty value",
            "type": "value_error",
        }
        for name, value in params
        if not value.strip() or "\x00" in value
    ]
    if malformed:
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in malformed)
        raise Unprocessable(f"Invalid request: {detail}", errors=malformed)
