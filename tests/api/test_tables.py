"""GET /api/v1/tables/{S1..S5}: each table regenerated from rows, in every format,
compared with the source's rows and cells."""

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from pylatexenc.latex2text import LatexNodes2Text
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import MaldiMeasurement, MaldiPeak
from tests.helpers import is_problem

Cells = list[list[tuple[str, tuple[str, ...]]]]

S4 = [
    ["CdS PC-311", "180 °C/20 min in toluene", "DCTB", "5166.7 Da", ""],
    ["CdS MSC-311", "180 °C/20 min 3-day storage then in toluene", "DCTB", "5166.7 Da", ""],
    [
        "CdS MSC-311",
        "180 °C/20 min 4 °C stored 20 h then in toluene",
        "DCTB or CHCA",
        "5160 Da",
        "",
    ],
    [
        "CdS MSC-322",
        "180 °C/20 min 60 °C stored 20 h then in toluene",
        "DCTB or CHCA",
        "5160 Da",
        "",
    ],
    ["CdS PCs", "160 °C/30 min in toluene", "DHAP", "4855 Da, 5008 Da", ""],
]
S4_REFS = [
    "zhu2017two",
    "zhu2017two",
    "zhang2018thermally",
    "zhang2018thermally",
    "li2020fragmentation",
]

S2_FIRST_COLUMN = [
    ("[1] 1984, 88, 969–977 Ber. Bunsenges. Phys. Chem.", "berbunsenges1984"),
    ("[2] 2002, 124, 3343–3353 J. Am. Chem. Soc.", "jacs2002"),
    ("[3] 2004, 3, 99–102 Nat. Mater.", "kasuya2004ultra"),
    ("[4] 2007, 19, 548–552 Adv. Mater.", "kudera2007sequential"),
    ("[5] 2008, 112, 13805–13811 J. Phys. Chem. C", "jphyschemc2008"),
    ("[6] 2011, 7, 2250–2262 Small", "small2011"),
    ("[7] 2014, 136, 10645–10653 J. Am. Chem. Soc.", "jacs2014"),
    ("[8] 2015, 27, 1432–1441 Chem. Mater.", "chemmater2015"),
    ("[9] 2017, 8, 15467 Nat. Commun.", "liu2017probing"),
    ("[10] 2017, 29, 5727–5735 Chem. Mater.", "zhu2017two"),
    ("[11] 2018, 30, 1575–1584 Chem. Mater.", "chemmater2018"),
]

S1 = [
    ("MSC", "magic-size cluster"),
    ("QD", "quantum dot"),
    ("ME", "metal chalcogenide"),
    ("IP", "induction period"),
    ("PC", "precursor compound"),
    ("Mo/Fr", "monomer/fragment"),
    ("--", "quasi isomer"),
    ("--", "counterpart"),
]


def _split_cite(text: str, pattern: str) -> tuple[str, tuple[str, ...]]:
    match = re.search(pattern, text)
    if not match:
        return text.strip(), ()
    keys = tuple(k.strip().lstrip("@") for k in re.split(r"[;,]", match.group(1)))
    return text[: match.start()].strip(), keys


def parse(api: TestClient, name: str, fmt: str) -> tuple[list[str], Cells]:
    """The table as (columns, rows of (text, citation keys)), read back from ``fmt``."""
    response = api.get(f"/api/v1/tables/{name}", params={"format": fmt})
    assert response.status_code == 200, response.text
    if fmt == "json":
        body = response.json()
        return body["columns"], [
            [(c["text"], tuple(c["cite"])) for c in row] for row in body["rows"]
        ]
    if fmt == "csv":
        columns, *rows = list(csv.reader(io.StringIO(response.text)))
        table: Cells = []
        for row in rows:
            parsed: list[tuple[str, tuple[str, ...]]] = []
            for column, cell in zip(columns, row, strict=True):
                if column == "Ref":
                    parsed.append(("", (cell,)))
                else:
                    parsed.append(_split_cite(cell, r"\[([\w; ]+)\]$"))
            table.append(parsed)
        return columns, table
    if fmt == "markdown":
        lines = [line for line in response.text.splitlines() if line.startswith("|")]
        split = [
            [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in lines
        ]
        columns, _separator, *rows = split
        return columns, [[_split_cite(c, r"\[(@[\w;@ ]+)\]$") for c in row] for row in rows]
    assert fmt == "latex"
    text = response.text
    assert text.startswith(r"\begin{table}")
    body = text.split(r"\midrule")[1].split(r"\bottomrule")[0]
    header = text.split(r"\toprule")[1].split(r"\midrule")[0]

    def cells(line: str) -> list[str]:
        return [c.strip() for c in re.split(r"(?<!\\)&", line.strip().removesuffix(r"\\"))]

    def unescaped(cell: str) -> tuple[str, tuple[str, ...]]:
        # LaTeX reads "--" as a dash; the cell holds two hyphens, so keep them apart.
        text, keys = _split_cite(cell, r"\\cite\{([\w,]+)\}$")
        return LatexNodes2Text().latex_to_text(text.replace("--", "-{}-")), keys

    columns = [unescaped(c)[0] for c in cells(header)]
    rows = [cells(line) for line in body.strip().splitlines()]
    return columns, [[unescaped(c) for c in row] for row in rows]


FORMATS = ["json", "csv", "markdown", "latex"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_s4_cells(api: TestClient, fmt: str) -> None:
    columns, rows = parse(api, "S4", fmt)
    assert columns == ["Species", "Preparation", "Matrix", "m (z = 1)", "Ref"]
    assert [[text for text, _ in row][:4] for row in rows] == [row[:4] for row in S4]
    assert [row[4][1] for row in rows] == [(key,) for key in S4_REFS]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_s2_cells(api: TestClient, fmt: str) -> None:
    columns, rows = parse(api, "S2", fmt)
    assert columns[0] == "Ref, Year, Journal"
    assert [(row[0][0], row[0][1]) for row in rows] == [(t, (k,)) for t, k in S2_FIRST_COLUMN]
    assert [row[1][0] for row in rows] == ["one-step"] * 8 + ["two-step"] * 3
    assert rows[3][2][0] == "330, 350–360, 384, 406, 431"
    assert rows[8][2][0] == "371, 417, 448"


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_s1_cells(api: TestClient, fmt: str) -> None:
    columns, rows = parse(api, "S1", fmt)
    assert columns == ["Acronym", "Full name", "Explanation"]
    assert [(row[0][0], row[1][0]) for row in rows] == S1
    assert all(row[2][0] for row in rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_s3_cells(api: TestClient, fmt: str) -> None:
    _, rows = parse(api, "S3", fmt)
    assert len(rows) == 2
    sn1, sn2 = (row[2][0] for row in rows)
    assert "1. PC-1–(Mo/Fr)-1 → PC-1 + (Mo/Fr)-1 (rate-determining)" in sn1
    assert "2. PC-1 + (Mo/Fr)-2 → PC-2–(Mo/Fr)-2" in sn1
    assert sn2.startswith("1.")
    assert "(rate-determining)" in sn2.split("; 2.")[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_s5_cells(api: TestClient, fmt: str) -> None:
    columns, rows = parse(api, "S5", fmt)
    assert columns[1:] == ["Ref [1] (Nat. Commun. 2018)", "Ref [2] (Science 2019)"]
    by_label = {row[0][0]: row[1:] for row in rows}
    transformations = by_label["Transformations"]
    assert "thermally induced" in transformations[0][0]
    assert "MSC-322 → MSC-311, chemically induced" in transformations[0][0]
    # The Ref [2] column does not say reversible (Table S5).
    assert transformations[1] == (
        "MSC-311 → MSC-322, chemically induced",
        ("williamson2019chemically",),
    )
    zhang, williamson = by_label["Compositions and structures"]
    assert "MSC-311: SAXS centre-to-centre distance 2.05 nm" in zhang[0]
    assert "MSC-322: SAXS centre-to-centre distance 2.25 nm" in zhang[0]
    assert "Fig 2a MALDI" in zhang[0]
    assert "slightly different shapes (Fig 2b PDF, Fig 2d SAXS)" in zhang[0]
    assert zhang[1] == ("zhang2018thermally",)
    assert "MSC-311: β-Cd37S20, zinc blende-like" in williamson[0]
    assert "MSC-322: α-Cd37S20, wurtzite-like" in williamson[0]


def test_table_notes_carry_matrix_full_names(api: TestClient) -> None:
    notes = [n["text"] for n in api.get("/api/v1/tables/S4").json()["notes"]]
    assert "CHCA: α-Cyano-4-hydroxycinnamic acid" in notes
    markdown = api.get("/api/v1/tables/S4", params={"format": "markdown"}).text
    assert "DHAP: 2,6-Dihydroxyacetophenone" in markdown


def test_an_edit_to_the_data_shows_in_the_next_table(api: TestClient, seeded: Session) -> None:
    peak = seeded.scalars(
        select(MaldiPeak)
        .join(MaldiMeasurement)
        .where(MaldiMeasurement.locator == "Table S4, row 5", MaldiPeak.mass_da == 5008.0)
    ).one()
    peak.mass_da = 5009.0
    seeded.flush()
    _, rows = parse(api, "S4", "csv")
    assert rows[4][3][0] == "4855 Da, 5009 Da"


def test_latex_escapes_special_characters(api: TestClient, seeded: Session) -> None:
    measurement = seeded.scalars(
        select(MaldiMeasurement).where(MaldiMeasurement.locator == "Table S4, row 1")
    ).one()
    seeded.refresh(measurement, ["synthesis"])
    assert measurement.synthesis is not None
    measurement.synthesis.preparation_text = "50% in toluene & hexane_1"
    seeded.flush()
    latex = api.get("/api/v1/tables/S4", params={"format": "latex"}).text
    assert r"50\% in toluene \& hexane\_1" in latex


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/csv", "text/csv"),
        ("text/markdown", "text/markdown"),
        ("application/x-latex", "application/x-latex"),
        ("text/html", "application/json"),
    ],
)
def test_format_by_accept_header(api: TestClient, accept: str, media_type: str) -> None:
    response = api.get("/api/v1/tables/S1", headers={"Accept": accept})
    assert response.headers["content-type"].startswith(media_type)


def test_lowercase_name_is_accepted(api: TestClient) -> None:
    assert api.get("/api/v1/tables/s4").json()["table"] == "Table S4"


def test_unknown_table_is_a_404(api: TestClient) -> None:
    is_problem(api.get("/api/v1/tables/S6"), 404)


def test_unknown_format_is_a_422(api: TestClient) -> None:
    is_problem(api.get("/api/v1/tables/S1", params={"format": "xlsx"}), 422)
