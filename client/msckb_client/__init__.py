"""A Python client for the MSC-KB REST API: ``Client("http://127.0.0.1:8000")``.

Every operation of the API's OpenAPI document is a method named after its operation
id, returning the pydantic models of ``msckb_client.models``; each list has an
``iter_...`` method that follows ``links.next`` through every page. Needs only httpx
and pydantic; ``to_dataframe`` needs pandas.
"""

from msckb_client import models
from msckb_client._operations import Operations
from msckb_client.dataframe import to_dataframe
from msckb_client.errors import (
    Conflict,
    Forbidden,
    InvalidRequest,
    MsckbError,
    NotFound,
    PreconditionFailed,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    Unauthorized,
)


class Client(Operations):
    """The API at ``base_url``: ``Client(base_url, api_key=..., max_retries=3)``; use
    it as a context manager, or call ``close()``."""


__all__ = [
    "Client",
    "Conflict",
    "Forbidden",
    "InvalidRequest",
    "MsckbError",
    "NotFound",
    "PreconditionFailed",
    "RateLimited",
    "ServerError",
    "ServiceUnavailable",
    "Unauthorized",
    "models",
    "to_dataframe",
]
