"""Choosing a format: ``format=`` first, else the Accept header weighed by q-values
(RFC 9110, section 12.5.1), else the output's default; through HTTP for every route
that offers formats."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.outputs.formats import FORMATS
from api.outputs.tables import TABLES, TableFormat


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, TableFormat.JSON),
        ("", TableFormat.JSON),
        ("text/csv", TableFormat.CSV),
        ("Text/CSV", TableFormat.CSV),
        ("text/csv; charset=utf-8; q=0.8, text/markdown; q=0.7", TableFormat.CSV),
        # q=0 is "not acceptable", not "least wanted".
        ("text/csv;q=0, application/json", TableFormat.JSON),
        ("text/csv;q=0.5, text/markdown;q=0.9", TableFormat.MARKDOWN),
        ("text/csv;q=0.5, text/markdown;q=0.9, application/x-latex;q=0.9", TableFormat.MARKDOWN),
        # Equal weights: the header's order, then the output's.
        ("text/markdown, text/csv", TableFormat.MARKDOWN),
        ("*/*", TableFormat.JSON),
        ("text/*", TableFormat.CSV),
        ("*/*;q=0.1, application/x-latex", TableFormat.LATEX),
        # The most specific range decides a type's weight.
        ("text/*, text/csv;q=0", TableFormat.MARKDOWN),
        ("text/*;q=0.2, text/markdown;q=0.3, */*;q=0.1", TableFormat.MARKDOWN),
        ("application/json;q=0.1, text/*;q=0.5", TableFormat.CSV),
        # Nothing offered is acceptable: the default, as before (no 406).
        ("text/html", TableFormat.JSON),
        ("text/csv;q=0", TableFormat.JSON),
        ("application/json;q=0, text/*;q=0", TableFormat.JSON),
        # A malformed range is left out.
        ("text/csv;q=high, text/markdown", TableFormat.MARKDOWN),
        ("text/csv;q=2, text/markdown;q=0.1", TableFormat.MARKDOWN),
        ("csv, */html", TableFormat.JSON),
    ],
)
def test_accept_header(accept: str | None, chosen: TableFormat) -> None:
    assert TABLES.negotiate(None, accept) is chosen


def test_format_parameter_wins_over_accept() -> None:
    assert TABLES.negotiate(TableFormat.LATEX, "text/csv") is TableFormat.LATEX
    assert TABLES.negotiate(TableFormat.JSON, "text/csv") is TableFormat.JSON


def test_every_format_has_a_media_type_and_an_extension() -> None:
    assert all(f.media_type.count("/") == 1 and f.extension for f in FORMATS.values())
    assert len({f.media_type for f in FORMATS.values()}) == len(FORMATS)


# --- through HTTP: every route that offers formats ------------------------------------

ROUTES = {
    "tables": ("/api/v1/tables/S4", {}),
    "references": ("/api/v1/references/zhu2017two", {}),
    "bibliography": ("/api/v1/bibliography", {"material": "CdS", "about": "maldi"}),
    "network": ("/api/v1/transformations/network", {"material": "CdS"}),
    "export": ("/api/v1/export", {}),
}

OFFERED = [
    ("tables", "json", "application/json"),
    ("tables", "csv", "text/csv"),
    ("tables", "markdown", "text/markdown"),
    ("tables", "latex", "application/x-latex"),
    ("references", "json", "application/json"),
    ("references", "bibtex", "application/x-bibtex"),
    ("references", "csljson", "application/vnd.citationstyles.csl+json"),
    ("references", "acs", "text/plain"),
    ("bibliography", "json", "application/json"),
    ("bibliography", "bibtex", "application/x-bibtex"),
    ("bibliography", "csljson", "application/vnd.citationstyles.csl+json"),
    ("bibliography", "acs", "text/plain"),
    ("network", "json", "application/json"),
    ("network", "svg", "image/svg+xml"),
    ("network", "dot", "text/vnd.graphviz"),
    ("network", "graphml", "application/graphml+xml"),
    ("export", "json", "application/json"),
    ("export", "datapackage", "application/zip"),
]


def media_type(response: Any) -> str:
    assert response.status_code == 200, response.text
    return str(response.headers["content-type"]).split(";")[0]


@pytest.mark.parametrize(("route", "fmt", "media"), OFFERED)
def test_format_parameter_and_accept_header(
    api: TestClient, route: str, fmt: str, media: str
) -> None:
    path, params = ROUTES[route]
    assert media_type(api.get(path, params={**params, "format": fmt})) == media
    assert media_type(api.get(path, params=params, headers={"Accept": media})) == media
    weighed = f"{media};q=0.4, */*;q=0.1" if fmt != "json" else "application/json, */*;q=0.1"
    assert media_type(api.get(path, params=params, headers={"Accept": weighed})) == media


@pytest.mark.parametrize(("route", "fmt", "media"), [o for o in OFFERED if o[1] != "json"])
def test_a_refused_format_is_not_chosen(api: TestClient, route: str, fmt: str, media: str) -> None:
    path, params = ROUTES[route]
    refused = {"Accept": f"{media};q=0, application/json"}
    assert media_type(api.get(path, params=params, headers=refused)) == "application/json"
    # format= still overrides the header.
    assert media_type(api.get(path, params={**params, "format": fmt}, headers=refused)) == media


def test_tables_weigh_q_values(api: TestClient) -> None:
    def chosen(accept: str) -> str:
        return media_type(api.get("/api/v1/tables/S1", headers={"Accept": accept}))

    assert chosen("text/csv;q=0, application/json") == "application/json"
    assert chosen("text/csv;q=0.5, text/markdown;q=0.9") == "text/markdown"
    assert chosen("text/csv;q=0") == "application/json"
