"""The HTTP half of the client: one ``httpx.Client``, the API key for writes, retries
after ``Retry-After``, errors raised as exceptions, pages followed."""

import email.utils
import os
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from enum import Enum
from typing import Any, Protocol, Self, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter

from msckb_client import models
from msckb_client.errors import error_for

RETRIED = frozenset({429, 503})
READS = frozenset({"GET", "HEAD", "OPTIONS"})
VERSION = "0.1.0"


class _Page(Protocol):
    @property
    def links(self) -> models.PageLinks: ...


PageT = TypeVar("PageT", bound=_Page)
ModelT = TypeVar("ModelT", bound=BaseModel)


class Transport:
    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        max_retry_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        http: httpx.Client | None = None,
    ) -> None:
        """``base_url`` is the server (without ``/api/v1``). ``api_key`` (else the
        ``MSCKB_API_KEY`` environment variable) is sent with writes only, so reads
        stay public and cacheable. A 429 or 503 is retried up to ``max_retries`` times,
        after the wait its ``Retry-After`` asks for, unless that is longer than
        ``max_retry_wait`` seconds; then, or when the retries run out, it is raised.
        ``sleep`` waits (a test may pass its own); ``http`` replaces the
        ``httpx.Client``."""
        self._api_key = api_key if api_key is not None else os.environ.get("MSCKB_API_KEY")
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self._sleep = sleep
        self._http = http or httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=timeout,
            headers={"User-Agent": f"msckb-client/{VERSION}", "Accept": "application/json"},
        )

    def __repr__(self) -> str:
        # Never the key.
        return f"{type(self).__name__}({str(self._http.base_url)!r})"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        content_type: str | None = None,
    ) -> httpx.Response:
        """Any request, for what the typed methods do not cover (``format=csv``, a
        BibTeX download ...): the answer, or the error it is raised as. ``None``
        parameters and headers are left out."""
        method = method.upper()
        sent = {name: str(value) for name, value in (headers or {}).items() if value is not None}
        if content_type is not None:
            sent["Content-Type"] = content_type
        if method not in READS and self._api_key:
            sent["X-API-Key"] = self._api_key
        query = {name: _query_value(value) for name, value in (params or {}).items()}
        query = {name: value for name, value in query.items() if value is not None}
        if isinstance(json, BaseModel):
            json = json.model_dump(mode="json", exclude_unset=True)
        attempt = 0
        while True:
            response = self._http.request(
                # httpx replaces a URL's query with params, even empty ones: a next link
                # carries its own.
                method,
                url,
                params=query or None,
                headers=sent,
                json=json,
                content=content,
            )
            if response.is_success:
                return response
            wait = _retry_after(response, attempt)
            if response.status_code not in RETRIED or attempt >= self.max_retries:
                raise error_for(response)
            if wait > self.max_retry_wait:
                raise error_for(response)
            self._sleep(wait)
            attempt += 1

    def etag(self, url: str) -> str:
        """The ETag of the record at ``url`` (``/api/v1/species/cds-msc-311``), for the
        ``if_match`` of an update or deletion."""
        tag: str | None = self.request("HEAD", url).headers.get("ETag")
        if tag is None:
            raise ValueError(f"{url} has no ETag")
        return tag

    # The generated operations call these two.
    def _request(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, Any] | None = None,
        json: Any = None,
        content: str | bytes | None = None,
        content_type: str | None = None,
    ) -> httpx.Response:
        return self.request(
            method,
            url,
            params=params,
            headers=headers,
            json=json,
            content=content,
            content_type=content_type,
        )

    def _pages(
        self, page_type: type[PageT], url: str, params: Mapping[str, Any]
    ) -> Iterator[PageT]:
        next_url: str | None = url
        query: Mapping[str, Any] | None = params
        while next_url is not None:
            response = self.request("GET", next_url, params=query)
            page = TypeAdapter(page_type).validate_json(response.content)
            yield page
            next_url = page.links.next
            query = None  # the next link carries the filters and the cursor


def _query_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_query_value(item) for item in value]
    return value


def _retry_after(response: httpx.Response, attempt: int) -> float:
    """Seconds to wait before retrying: Retry-After (seconds or an HTTP date), else
    1, 2, 4 ... seconds."""
    header = response.headers.get("Retry-After")
    if header:
        try:
            return max(0.0, float(header))
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(header)
        except (TypeError, ValueError):
            pass
        else:
            return max(0.0, (when - datetime.now(UTC)).total_seconds())
    return float(2**attempt)


def _path(value: object) -> str:
    """A path parameter, escaped."""
    if isinstance(value, Enum):
        value = value.value
    return quote(str(value), safe="")


def _parse_list(model: type[ModelT], response: httpx.Response) -> list[ModelT]:
    return TypeAdapter(list[model]).validate_json(response.content)  # type: ignore[valid-type]


def _parse_object(response: httpx.Response) -> dict[str, Any]:
    return TypeAdapter(dict[str, Any]).validate_json(response.content)
