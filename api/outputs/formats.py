"""Every format the knowledge base writes, and the one way a request chooses among them.

A format is named once here, with its media type and file extension. Each kind of
output (a table, the network, citations, the export) declares an ``Offer``: the
formats it comes in, in the order it prefers them, each with its renderer. A route
asks its offer which format to answer in: ``format=`` when given, otherwise the
Accept header weighed as RFC 9110 (section 12.5.1) says, otherwise the default.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from fastapi import Response


@dataclass(frozen=True)
class Format:
    name: str
    """The value of ``format=``."""
    media_type: str
    extension: str
    """For a file of this format, without the dot."""


FORMATS = {
    f.name: f
    for f in (
        Format("json", "application/json", "json"),
        Format("csv", "text/csv", "csv"),
        Format("jsonl", "application/jsonl", "jsonl"),
        Format("markdown", "text/markdown", "md"),
        Format("latex", "application/x-latex", "tex"),
        Format("svg", "image/svg+xml", "svg"),
        Format("dot", "text/vnd.graphviz", "dot"),
        Format("graphml", "application/graphml+xml", "graphml"),
        Format("bibtex", "application/x-bibtex", "bib"),
        Format("csljson", "application/vnd.citationstyles.csl+json", "json"),
        Format("ris", "application/x-research-info-systems", "ris"),
        Format("acs", "text/plain", "txt"),
        Format("datapackage", "application/zip", "zip"),
        Format("jsonld", "application/ld+json", "jsonld"),
    )
}


# --- the Accept header ---------------------------------------------------------------


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    position: int
    """Where the range stands in the header; the first wins a tie."""

    @property
    def specificity(self) -> int:
        """``type/subtype`` over ``type/*`` over ``*/*``."""
        return (self.type != "*") + (self.subtype != "*")

    def matches(self, media_type: str) -> bool:
        type_, _, subtype = media_type.partition("/")
        return self.type in ("*", type_) and self.subtype in ("*", subtype)


def _q(params: list[str]) -> float | None:
    """The weight among a range's parameters: 1 when absent, None when malformed."""
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                q = float(value.strip())
            except ValueError:
                return None
            return q if 0 <= q <= 1 else None
    return 1.0


def media_ranges(accept: str) -> list[MediaRange]:
    """The ranges of an Accept header in order; a malformed one is left out.
    Parameters other than q are not compared: no format here has any."""
    ranges = []
    for position, part in enumerate(accept.split(",")):
        media_range, *params = part.split(";")
        type_, slash, subtype = media_range.strip().lower().partition("/")
        q = _q(params)
        if not slash or not type_ or not subtype or q is None:
            continue
        if type_ == "*" and subtype != "*":
            continue
        ranges.append(MediaRange(type_, subtype, q, position))
    return ranges


def preference(media_type: str, ranges: list[MediaRange]) -> MediaRange | None:
    """The range that decides how much ``media_type`` is wanted: the most specific one
    that matches it (``text/csv;q=0`` overrides ``*/*``), the first of equals."""
    matching = [r for r in ranges if r.matches(media_type)]
    return max(matching, key=lambda r: (r.specificity, -r.position), default=None)


# --- what an output offers -----------------------------------------------------------

E = TypeVar("E", bound=StrEnum)
R = TypeVar("R")


class Offer(Generic[E, R]):
    """The formats one kind of output comes in, named by the enum ``E`` its ``format=``
    parameter takes, in the output's order of preference: the first is the default.
    ``renderers`` hold every format but JSON, which the route answers through its
    response model."""

    def __init__(self, names: type[E], renderers: Mapping[E, R]) -> None:
        self.names: list[E] = list(names)
        self.renderers = dict(renderers)
        unknown = [n for n in self.names if n.value not in FORMATS]
        if unknown:
            raise ValueError(f"formats {unknown} are not in the registry")

    @property
    def default(self) -> E:
        return self.names[0]

    def format(self, name: E) -> Format:
        return FORMATS[name.value]

    def media_type(self, name: E) -> str:
        return self.format(name).media_type

    def openapi_content(self) -> dict[str, Any]:
        """The 200 response's content besides the response model's JSON: a string in
        each media type a renderer writes."""
        return {
            self.media_type(n): {"schema": {"type": "string"}}
            for n in self.names
            if n in self.renderers
        }

    def negotiate(self, requested: E | None, accept: str | None) -> E:
        """``format=`` when given; otherwise the format the Accept header wants most
        (highest q; ties by the order of the header, then by this offer's order);
        the default when there is no header or it accepts none of the formats."""
        if requested is not None:
            return requested
        ranges = media_ranges(accept or "")
        best: tuple[float, int, int] | None = None
        chosen = self.default
        for index, name in enumerate(self.names):
            decided = preference(self.media_type(name), ranges)
            if decided is None or decided.q == 0:
                continue
            rank = (decided.q, -decided.position, -index)
            if best is None or rank > best:
                best, chosen = rank, name
        return chosen

    def response(self, name: E, content: str | bytes, **kwargs: Any) -> Response:
        """The rendered content with the format's media type."""
        return Response(content, media_type=self.media_type(name), **kwargs)
