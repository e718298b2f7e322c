"""/docs and /redoc: served from packaged assets, never a CDN."""

import re

import pytest
from fastapi.testclient import TestClient

ASSET = re.compile(r"""(?:src|href)=["']([^"']+)["']|url: ?['"]([^'"]+)['"]""")


@pytest.mark.parametrize(("path", "marker"), [("/docs", "SwaggerUIBundle"), ("/redoc", "redoc")])
def test_manual_loads_only_local_assets(api: TestClient, path: str, marker: str) -> None:
    response = api.get(path)
    assert response.status_code == 200
    assert marker in response.text
    assert "cdn" not in response.text.lower()
    assert "fonts.googleapis" not in response.text
    urls = [a or b for a, b in ASSET.findall(response.text)]
    assert urls, response.text
    for url in urls:
        assert url.startswith("/"), f"{path} loads {url} from elsewhere"
        assert api.get(url).status_code == 200, url


def test_assets_are_the_real_bundles(api: TestClient) -> None:
    js = api.get("/static/apidocs/swagger-ui-bundle.js")
    assert js.status_code == 200
    assert "SwaggerUIBundle" in js.text
    assert api.get("/static/apidocs/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert "Redoc" in api.get("/static/apidocs/redoc.standalone.js").text


def test_manual_stays_out_of_the_contract(api: TestClient) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    assert not {"/docs", "/redoc", "/", "/species/{slug}"} & set(paths)


def test_manual_asks_no_other_host(api: TestClient) -> None:
    """ReDoc's script fetches the Redocly logo from a CDN, Swagger UI posts the contract
    to a validator: neither happens here."""
    redoc = api.get(api.get("/redoc").text.split('src="')[1].split('"')[0])
    assert redoc.status_code == 200
    assert "cdn.redoc.ly" not in redoc.text
    assert '"validatorUrl": null' in api.get("/docs").text
