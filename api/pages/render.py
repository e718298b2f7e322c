"""Templates, the filters that print quantities with their units, and the answer every
page gives: HTML, with a ``Link`` to the same data as JSON."""

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

HERE = Path(__file__).parent
STATIC_URL = "/static/pages"
STATIC_DIR = HERE / "static"

templates = Jinja2Templates(directory=HERE / "templates")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def quantity(value: float | None, unit: str) -> str:
    """``311 nm``; empty for an unknown value (the template says "unknown")."""
    return "" if value is None else f"{value:g} {unit}"


def span(value: float | None, low: float | None, high: float | None, unit: str) -> str:
    """One value or a range as the source gives it: ``311 nm`` or ``350–360 nm``."""
    if value is not None:
        return quantity(value, unit)
    if low is not None and high is not None:
        return f"{low:g}–{high:g} {unit}"
    if low is not None:
        return f"≥ {low:g} {unit}"
    if high is not None:
        return f"≤ {high:g} {unit}"
    return ""


def minutes(start_s: float | None, end_s: float | None) -> str:
    """A time window in minutes: ``80–480 min``, ``from 10 min``, ``until 60 min``."""
    if start_s is not None and end_s is not None:
        return f"{start_s / 60:g}–{end_s / 60:g} min"
    if start_s is not None:
        return f"from {start_s / 60:g} min"
    if end_s is not None:
        return f"until {end_s / 60:g} min"
    return ""


def enum_value(value: Any) -> str:
    return str(getattr(value, "value", value))


def kind(value: Any) -> str:
    """A species kind as the field writes it: MSC, PC, QD; cluster, intermediate."""
    name = enum_value(value)
    return name.upper() if len(name) <= 3 else name


templates.env.filters.update(
    number=_number, quantity=quantity, minutes=minutes, value=enum_value, kind=kind
)
templates.env.globals.update(span=span, static=STATIC_URL)


def page(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    json_url: str | None = None,
    next_url: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """The page, with ``Link: <json_url>; rel="alternate"; type="application/json"``
    naming the API resource that holds the same data, and ``<next_url>; rel="next"``
    on a list page that has a next page, as the API's lists send it."""
    links = []
    absolute = None
    if json_url is not None:
        absolute = str(request.base_url).rstrip("/") + json_url
        links.append(f'<{absolute}>; rel="alternate"; type="application/json"')
    if next_url is not None:
        links.append(f'<{next_url}>; rel="next"')
    headers = {"Link": ", ".join(links)} if links else {}
    return templates.TemplateResponse(
        request,
        template,
        {
            "json_url": absolute,
            # set for every page by the router's dependency (api/pages/routes.py)
            "latest_release": getattr(request.state, "latest_release", None),
            **context,
        },
        status_code=status_code,
        headers=headers,
    )
