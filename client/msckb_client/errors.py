"""The API's errors as exceptions, each carrying the problem+json body (RFC 9457)."""

import httpx

from msckb_client import models


class MsckbError(Exception):
    """An answer other than a success: ``status``, ``title``, ``detail`` and, for an
    invalid request, ``errors`` (each bad parameter: ``location`` such as
    ``query.limit``, ``message``, ``type``). ``problem`` is the whole body, None when
    the answer was not problem+json (a proxy's error page, say)."""

    def __init__(self, response: httpx.Response, problem: models.Problem | None) -> None:
        self.response = response
        self.problem = problem
        self.status: int = response.status_code
        self.title: str = problem.title if problem else response.reason_phrase
        self.detail: str = problem.detail if problem else response.text[:500]
        self.errors: list[models.ProblemItem] = list(problem.errors or []) if problem else []
        message = f"{self.status} {self.title}: {self.detail}"
        for error in self.errors:
            message += f"\n  {error.location}: {error.message}"
        super().__init__(message)

    @property
    def retry_after(self) -> str | None:
        """The answer's Retry-After header, as sent."""
        header: str | None = self.response.headers.get("Retry-After")
        return header


class InvalidRequest(MsckbError):
    """400 or 422: a parameter or body the API refuses; see ``errors``."""


class Unauthorized(MsckbError):
    """401: a write without a valid API key (``api_key=`` or ``MSCKB_API_KEY``)."""


class Forbidden(MsckbError):
    """403: the key's role may not do this (a curator deleting, say)."""


class NotFound(MsckbError):
    """404: no such record."""


class Conflict(MsckbError):
    """409: the write clashes with what is stored (an identifier taken, say)."""


class PreconditionFailed(MsckbError):
    """412 or 428: the record changed since the ETag given as ``if_match``."""


class RateLimited(MsckbError):
    """429: too many writes with this key, still so after the retries."""


class ServiceUnavailable(MsckbError):
    """503: the database was busy, still so after the retries."""


class ServerError(MsckbError):
    """Another 5xx."""


BY_STATUS: dict[int, type[MsckbError]] = {
    400: InvalidRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    422: InvalidRequest,
    428: PreconditionFailed,
    429: RateLimited,
    503: ServiceUnavailable,
}


def error_for(response: httpx.Response) -> MsckbError:
    """The exception for an unsuccessful ``response``."""
    problem = None
    if response.headers.get("content-type", "").startswith("application/problem+json"):
        try:
            problem = models.Problem.model_validate_json(response.content)
        except ValueError:
            problem = None
    kind = BY_STATUS.get(response.status_code)
    if kind is None:
        kind = ServerError if response.status_code >= 500 else MsckbError
    return kind(response, problem)
