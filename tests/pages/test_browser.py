"""The pages in a real browser: Debian's chromium driven by Playwright, against the app
served by uvicorn on a seeded SQLite database.

Never ``playwright install``: the tests drive the system browser. They fail on any
request to another host, any console error and any 404 or 5xx on the way. Without
/usr/bin/chromium they skip, except under CI, where they fail.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Response, Route, sync_playwright
from sqlalchemy.orm import Session

from api.outputs.export import record_release
from api.seeding.loader import load, read_and_check
from api.store.db import make_engine
from api.store.migrate import upgrade
from tests.conftest import SEEDS_DIR
from tests.reliability.servers import served

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must test the pages in a browser", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by ``msckb serve`` on a seeded SQLite file."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'msckb.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as db, db.begin():
        load(db, read_and_check(SEEDS_DIR))
        record_release(db)
    engine.dispose()
    with served(url) as (base, _process):
        yield base


class Trouble:
    """What went wrong on the way: off-host requests, console errors, 404 and 5xx."""

    def __init__(self, base_url: str) -> None:
        self.host = urlsplit(base_url).netloc
        self.seen: list[str] = []

    def route(self, route: Route) -> None:
        if urlsplit(route.request.url).netloc == self.host:
            route.continue_()
        else:
            self.seen.append(f"request to another host: {route.request.url}")
            route.abort()

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.seen.append(f"console error: {message.text}")

    def response(self, response: Response) -> None:
        if response.status == 404 or response.status >= 500:
            self.seen.append(f"{response.status} {response.url}")

    def watch(self, page: Page) -> None:
        page.route("**/*", self.route)
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.seen.append(f"page error: {error}"))
        page.on("response", self.response)


@pytest.fixture
def browser_page(base_url: str) -> Iterator[tuple[Page, Trouble]]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(accept_downloads=True, base_url=base_url)
            page = context.new_page()
            trouble = Trouble(base_url)
            trouble.watch(page)
            yield page, trouble
            assert trouble.seen == []
        finally:
            browser.close()


def test_a_reader_finds_a_species_and_follows_its_evidence(
    browser_page: tuple[Page, Trouble], tmp_path: Path
) -> None:
    page, _trouble = browser_page
    page.goto("/")
    assert page.title() == "MSC-KB"
    assert page.locator("html").get_attribute("lang") == "en"

    # by absorption peak
    page.get_by_label("Species by name, label, absorption peak").fill("311 nm")
    page.get_by_label("Species by name, label, absorption peak").press("Enter")
    page.wait_for_url("**/search?q=311+nm")
    peak = page.locator("section", has=page.locator("#by-peak"))
    assert peak.get_by_role("link", name="CdS MSC-311").count() == 1

    # by composition, from the search box in the header
    page.get_by_role("search").first.get_by_label("Search").fill("Cd37S20")
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=Cd37S20")
    composition = page.locator("section", has=page.locator("#by-composition"))
    composition.get_by_role("link", name="CdS MSC-311").click()

    # the species, its masses and a transformation
    page.wait_for_url("**/species/cds-msc-311")
    assert page.get_by_role("heading", level=1).inner_text().startswith("CdS MSC-311")
    assert page.get_by_role("img", name="MALDI-TOF masses of CdS MSC-311").count() == 1
    page.get_by_role("link", name="CdS MSC-311 → MSC-322").first.click()
    page.wait_for_url("**/transformations/cds-msc-311-to-cds-msc-322-*")
    assert "→" in page.get_by_role("heading", level=1).inner_text()

    # the network, and a species in the figure
    page.get_by_role("navigation").get_by_role("link", name="Network").click()
    page.wait_for_url("**/network")
    page.locator('figure.network svg a[href="/species/cdte-smsc-417"]').click()
    page.wait_for_url("**/species/cdte-smsc-417")

    # a reference, and its BibTeX
    page.locator(".evidence a").first.click()
    page.wait_for_url("**/references/*")
    assert page.locator("span.Z3988").count() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX", exact=True).click()
    path = tmp_path / "reference.bib"
    download.value.save_as(path)
    assert path.read_text(encoding="utf-8").lstrip().startswith("@")


def test_a_material_without_transformations_says_so(
    browser_page: tuple[Page, Trouble],
) -> None:
    page, _trouble = browser_page
    page.goto("/network")
    page.get_by_label("Material").select_option("InP")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/network?material=InP")
    assert "No transformation of any InP species" in page.locator("main").inner_text()


def test_the_api_manual_renders_offline(browser_page: tuple[Page, Trouble]) -> None:
    page, _trouble = browser_page
    page.goto("/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 20
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/species/{slug}" in [p.replace("\u200b", "") for p in paths]
    page.goto("/redoc")
    page.get_by_text("One species with its relations").first.wait_for(state="attached")


def test_a_reader_pages_through_species_and_cites_a_release(
    browser_page: tuple[Page, Trouble], tmp_path: Path
) -> None:
    page, _trouble = browser_page
    page.goto("/species")
    page.get_by_label("Material").select_option("CdSe")
    page.get_by_label("Per page").fill("5")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/species?material=CdSe&kind=&status=&limit=5")
    first = page.locator("tbody th a").all_inner_texts()
    assert len(first) == 5
    assert all(name.startswith("CdSe ") for name in first)
    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**/species?*cursor=*")
    second = page.locator("tbody th a").all_inner_texts()
    assert second
    assert not set(first) & set(second)

    # the releases, from the header, and the latest one's citation
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Releases").click()
    page.wait_for_url("**/releases")
    page.get_by_role("link", name="Release 1", exact=True).click()
    page.wait_for_url("**/releases/1")
    assert page.get_by_role("heading", level=1).inner_text() == "Data release 1"
    assert "The first release" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Citation, BibTeX").click()
    path = tmp_path / "release.bib"
    download.value.save_as(path)
    assert path.read_text(encoding="utf-8").startswith("@misc{msckb_release_1,")
