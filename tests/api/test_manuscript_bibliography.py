"""Bibliographies a manuscript can point at: .bib, .json (CSL-JSON) and .ris URLs with
the media types pandoc recognises, POST /bibliography/resolve, and pandoc --citeproc
reading each file without a warning. Skipped without pandoc, unless CI is set (then
it fails): .ci/run installs Debian's pandoc."""

import importlib.util
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.routers.references import cited_keys
from models.enums import EntryType
from tests.helpers import make_reference

MEDIA_TYPES = {
    "bib": "application/x-bibtex",
    "json": "application/vnd.citationstyles.csl+json",
    "ris": "application/x-research-info-systems",
}


@pytest.fixture(scope="session")
def pandoc() -> str:
    found = shutil.which("pandoc")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("pandoc is missing; CI must check the bibliographies (see .ci/run)")
        pytest.skip("pandoc is not installed")
    return found


def reads(pandoc: str, extension: str) -> bool:
    """Whether this pandoc reads a bibliography of ``extension``: RIS came with pandoc 3
    (Debian 12 ships 2.17)."""
    if extension != "ris":
        return True
    formats = subprocess.run(
        [pandoc, "--list-input-formats"], capture_output=True, text=True, check=True
    ).stdout.split()
    return "ris" in formats


def bundled_pandoc() -> str | None:
    """Pandoc 3 as the pypandoc_binary wheel of the dev extras ships it, if installed."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "files" / "pandoc"
    return str(path) if path.is_file() else None


def pandoc_reading(pandoc: str, extension: str) -> str | None:
    """A pandoc that reads ``extension``: the system's, else the bundled pandoc 3 (for
    RIS beside Debian's 2.17); None when neither does, and then the RIS file is checked
    by its structure only."""
    for candidate in (pandoc, bundled_pandoc()):
        if candidate is not None and reads(candidate, extension):
            return candidate
    return None


@pytest.fixture
def crc(session: Session) -> None:
    make_reference(
        session,
        key="haynes2017crc",
        entry_type=EntryType.BOOK,
        year=2017,
        title="CRC Handbook of Chemistry and Physics",
        pages="9-74",
        publisher="CRC Press",
        authors=[("Haynes", "W. M.")],
    )
    make_reference(
        session,
        key="zhu2017two",
        title="Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311",
        journal="Chem. Mater.",
        volume="29",
        pages="5727–5735",
        authors=[("Zhu", "T."), ("Yu", "K.")],
    )


@pytest.mark.parametrize("extension", ["bib", "json", "ris"])
@pytest.mark.usefixtures("crc")
def test_files_have_the_media_types_pandoc_reads(client: TestClient, extension: str) -> None:
    for path in (f"/api/v1/bibliography.{extension}", f"/api/v1/references/zhu2017two.{extension}"):
        response = client.get(path)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == MEDIA_TYPES[extension]
        assert "zhu2017two" in response.text
    assert client.get(f"/api/v1/references/nobody2020.{extension}").status_code == 404


@pytest.mark.usefixtures("crc")
def test_pages_that_are_not_a_range_stay_as_they_are(client: TestClient) -> None:
    (crc,) = [
        i for i in client.get("/api/v1/bibliography.json").json() if i["id"] == "haynes2017crc"
    ]
    assert crc["page"] == "9\\-74"  # CSL's escape: printed 9-74, not a range
    bib = client.get("/api/v1/references/haynes2017crc.bib").text
    assert "pages = {9-74}" in bib
    assert "SP  - 9-74\r\n" in client.get("/api/v1/references/haynes2017crc.ris").text
    ris = client.get("/api/v1/references/zhu2017two.ris").text
    assert "SP  - 5727\r\nEP  - 5735\r\n" in ris
    assert "pages = {5727--5735}" in client.get("/api/v1/references/zhu2017two.bib").text
    assert "title = {Two-Step Nucleation of {CdS} Magic-Size Nanocluster {MSC-311}}" in (
        client.get("/api/v1/references/zhu2017two.bib").text
    )


def test_cited_keys_of_markdown_latex_and_aux() -> None:
    markdown = "As shown [@zhu2017two; @haynes2017crc, p. 3], and @kudera2007sequential says. a@b.c"
    assert cited_keys(markdown) == ["zhu2017two", "haynes2017crc", "kudera2007sequential"]
    latex = r"See \cite{zhu2017two,haynes2017crc} and \citep[p.~3]{zhu2017two} \citet*{x_y}."
    assert cited_keys(latex) == ["zhu2017two", "haynes2017crc", "x_y"]
    aux = "\\relax\n\\citation{zhu2017two}\n\\citation{haynes2017crc}\n\\bibdata{refs}\n"
    assert cited_keys(aux) == ["zhu2017two", "haynes2017crc"]


@pytest.mark.usefixtures("crc")
def test_resolve_answers_exactly_the_cited_keys(client: TestClient) -> None:
    text = "Text [@zhu2017two] and [@nobody2020]."
    response = client.post(
        "/api/v1/bibliography/resolve", content=text, headers={"Content-Type": "text/markdown"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert [r["key"] for r in body["data"]] == ["zhu2017two"]
    assert body["meta"] == {
        "cited": ["zhu2017two", "nobody2020"],
        "unknown": ["nobody2020"],
        "returned": 1,
    }

    bib = client.post(
        "/api/v1/bibliography/resolve",
        params={"format": "bibtex"},
        content=r"\cite{haynes2017crc,nobody2020}",
        headers={"Content-Type": "application/x-latex"},
    )
    assert bib.headers["content-type"].startswith("application/x-bibtex")
    assert bib.headers["x-unknown-citation-keys"] == "nobody2020"
    assert "@book{haynes2017crc," in bib.text
    assert "zhu2017two" not in bib.text

    ris = client.post(
        "/api/v1/bibliography/resolve",
        content="\\citation{zhu2017two}\n",
        headers={"Accept": "application/x-research-info-systems", "Content-Type": "text/plain"},
    )
    assert ris.text.startswith("TY  - JOUR\r\nID  - zhu2017two\r\n")
    assert "x-unknown-citation-keys" not in ris.headers


@pytest.mark.parametrize("extension", ["bib", "json", "ris"])
def test_pandoc_cites_every_reference_without_a_warning(
    api: TestClient, pandoc: str, tmp_path: Path, extension: str
) -> None:
    keys = [r["key"] for r in api.get("/api/v1/references", params={"limit": 500}).json()["data"]]
    assert keys
    document = tmp_path / "manuscript.md"
    document.write_text(
        "# Manuscript\n\n" + "".join(f"A fact [@{key}].\n" for key in keys) + "\n# References\n",
        encoding="utf-8",
    )
    # pandoc picks the reader by the file's extension; it is downloaded by the test client
    # (pandoc cannot fetch from the in-process test server).
    served = api.get(f"/api/v1/bibliography.{extension}")
    assert served.headers["content-type"].split(";")[0] == MEDIA_TYPES[extension]
    bibliography = tmp_path / f"bibliography.{extension}"
    bibliography.write_bytes(served.content)
    reader = pandoc_reading(pandoc, extension)
    if reader is None:
        records = served.text.split("ER  -\r\n")
        assert records[-1] == ""
        assert sorted(r.split("ID  - ")[1].split("\r\n")[0] for r in records[:-1]) == sorted(keys)
        pytest.skip(f"pandoc {pandoc} cannot read .{extension} (pandoc 3 can); checked its records")
    run = subprocess.run(
        [reader, "--citeproc", f"--bibliography={bibliography}", "-t", "plain", str(document)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    for key in keys:
        assert f"[@{key}]" not in run.stdout
    if extension == "json":
        assert len(json.loads(served.text)) == len(keys)


def test_pandoc_prints_a_page_that_is_not_a_range_as_it_is(
    client: TestClient, session: Session, pandoc: str, tmp_path: Path
) -> None:
    make_reference(
        session,
        key="section2017",
        title="Tables",
        journal="J. Data",
        pages="9-74",
        authors=[("Lee", "A.")],
    )
    make_reference(
        session,
        key="range2017",
        title="Ranges",
        journal="J. Data",
        pages="5727–5735",
        authors=[("Lee", "B.")],
    )
    (tmp_path / "refs.json").write_bytes(client.get("/api/v1/bibliography.json").content)
    (tmp_path / "doc.md").write_text("[@section2017] [@range2017]\n", encoding="utf-8")
    run = subprocess.run(
        [pandoc, "--citeproc", "--bibliography=refs.json", "-t", "plain", "doc.md"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "9-74" in run.stdout
    assert "9–74" not in run.stdout
    assert "5727–35" in run.stdout  # a true range is formatted as one
