"""One error family rendered as RFC 9457 problem+json, validation errors included."""

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas import Problem

PROBLEM_JSON = "application/problem+json"

log = logging.getLogger("msckb")


class ProblemError(Exception):
    """Base of the errors the API answers with; subclasses fix the status."""

    status: int = 500

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers


class NotFound(ProblemError):
    status = 404


class BadRequest(ProblemError):
    status = 400


class Conflict(ProblemError):
    status = 409


class Unauthorized(ProblemError):
    status = 401


class Forbidden(ProblemError):
    status = 403


class PreconditionFailed(ProblemError):
    status = 412


class Unprocessable(ProblemError):
    status = 422


class PreconditionRequired(ProblemError):
    status = 428


class TooManyRequests(ProblemError):
    status = 429


def invalid_value(parameter: str, message: str, *, kind: str = "value_error") -> Unprocessable:
    """A malformed or empty value of the query parameter ``parameter``: a 422 that names
    it, shaped like FastAPI's own validation errors (the same handler renders both)."""
    location = f"query.{parameter}"
    return Unprocessable(
        f"Invalid request: {location}: {message}",
        errors=[{"location": location, "message": message, "type": kind}],
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for the problems a route can answer with.

    Every route with parameters can answer 400 (unknown parameter) and 422
    (a malformed or empty value); ``create_app`` moves their schema under
    application/problem+json. A filter naming a record that does not exist is a 404.
    """
    return {
        status: {"model": Problem, "description": HTTPStatus(status).phrase}
        for status in sorted({400, 422, *statuses})
    }


def problem(
    status: int,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    phrase = HTTPStatus(status).phrase
    body: dict[str, Any] = {
        "type": f"https://msckb.invalid/problems/{phrase.lower().replace(' ', '-')}",
        "title": phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem(exc.status, exc.detail, exc.errors, exc.headers)

    @app.exception_handler(OperationalError)
    async def _busy(_request: Request, exc: OperationalError) -> JSONResponse:
        # The database did not answer in time: SQLite's write lock held by other writers
        # past the busy timeout, or a PostgreSQL connection lost. Nothing was written,
        # and the same request may succeed a moment later.
        log.warning("database busy or unavailable: %s", exc.orig)
        return problem(
            503,
            "The database is busy or unavailable; nothing was written. Try again shortly.",
            headers={"Retry-After": "1"},
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"location": _location(err["loc"]), "message": err["msg"], "type": err["type"]}
            for err in exc.errors()
        ]
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors)
        return problem(422, f"Invalid request: {detail}", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), headers=dict(exc.headers or {}))
