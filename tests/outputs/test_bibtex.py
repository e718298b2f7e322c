"""One BibTeX writer: the seed dump's references.bib and the API's format=bibtex write
the same entries, and what the writer encodes the seed reader decodes."""

from pathlib import Path

import pytest
from bibtexparser.entrypoint import parse_string
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.outputs.bibtex import from_bibtex_value, to_bibtex_value
from api.seeding.dump import write_seed_files
from api.seeding.files import BIB_FILE, parse_bib

Entries = dict[str, tuple[str, dict[str, str]]]


def entries(text: str) -> Entries:
    library = parse_string(text)
    assert not library.failed_blocks
    return {
        e.key: (e.entry_type, {k: str(v.value) for k, v in e.fields_dict.items()})
        for e in library.entries
    }


def test_the_dump_and_the_api_write_the_same_bibtex(
    api: TestClient, seeded: Session, tmp_path: Path
) -> None:
    write_seed_files(seeded, tmp_path)
    dumped = entries((tmp_path / BIB_FILE).read_text(encoding="utf-8"))
    served = entries(api.get("/api/v1/references", params={"limit": 500, "format": "bibtex"}).text)
    assert dumped == served
    entry_type, kudera = served["kudera2007sequential"]
    assert entry_type == "article"
    assert kudera["pages"] == "548--552"
    assert kudera["title"] == "Sequential Growth of Magic-Size {CdSe} Nanocrystals"


@pytest.mark.parametrize(
    ("field", "stored"),
    [
        ("title", "Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311"),
        ("title", "CdS and CdSe, ZnSe/CdS, (CdSe)13 and TOP"),
        ("title", "Probing intermediates of the induction period"),
        ("pages", "5727–5735"),
        ("pages", "9-74"),
        ("pages", "2499"),
        ("journal", "J. Am. Chem. Soc."),
    ],
)
def test_written_values_read_back_unchanged(field: str, stored: str) -> None:
    text = f"@article{{k, {field} = {{{to_bibtex_value(field, stored)}}}}}"
    problems: list[str] = []
    (record,) = parse_bib(text, "test", problems).values()
    assert not problems
    assert record.fields[field] == stored
    assert from_bibtex_value(field, to_bibtex_value(field, stored)) == stored


def test_curated_values_read_as_written() -> None:
    """A record without the writer's encoding (the curated seeds) keeps its values; a
    title's braces are BibTeX's markup, not part of it."""
    problems: list[str] = []
    text = "@article{k, title = {Ultra-Stable {CdSe}}, pages = {969–977}}"
    (record,) = parse_bib(text, "test", problems).values()
    assert record.fields == {"title": "Ultra-Stable CdSe", "pages": "969–977"}


@pytest.mark.parametrize(
    ("stored", "written"),
    [
        (
            "Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311",
            "Two-Step Nucleation of {CdS} Magic-Size Nanocluster {MSC-311}",
        ),
        ("Ultra-Stable Nanoparticles of CdSe", "Ultra-Stable Nanoparticles of {CdSe}"),
        ("Growth of (CdSe)13: a study.", "Growth of {(CdSe)13}: a study."),
        ("CRC Handbook of Chemistry and Physics", "{CRC} Handbook of Chemistry and Physics"),
        ("Sequential Growth", "Sequential Growth"),
    ],
)
def test_titles_brace_only_the_words_whose_case_is_kept(stored: str, written: str) -> None:
    assert to_bibtex_value("title", stored) == written
    assert not written.startswith("{{")


def test_a_page_that_is_not_a_range_stays_as_it_is() -> None:
    """The source writes ranges with an en dash; 9-74 is one page (section 9)."""
    assert to_bibtex_value("pages", "9-74") == "9-74"
    assert to_bibtex_value("pages", "5727–5735") == "5727--5735"
