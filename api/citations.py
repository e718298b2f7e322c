"""References written out for reference managers: BibTeX (with bibtexparser 2) and
CSL-JSON (the format pandoc's citeproc reads).

Both are built from the stored fields only; a field the knowledge base does not
hold is left out, never filled with a placeholder.
"""

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library

from models import Reference
from models.enums import EntryType

BIBTEX = "application/x-bibtex"
CSL_JSON = "application/vnd.citationstyles.csl+json"


class CitationFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSLJSON = "csljson"


MEDIA_TYPES = {CitationFormat.BIBTEX: BIBTEX, CitationFormat.CSLJSON: CSL_JSON}


def negotiate(requested: CitationFormat | None, accept: str | None) -> CitationFormat:
    """``format=`` wins; otherwise the first of our media types the Accept header names."""
    if requested is not None:
        return requested
    for part in (accept or "").split(","):
        media_type = part.split(";")[0].strip().lower()
        for fmt, known in MEDIA_TYPES.items():
            if media_type == known:
                return fmt
    return CitationFormat.JSON


def _pages(pages: str) -> str:
    """BibTeX writes a page range with a double hyphen."""
    return pages.replace("–", "--")


def _authors(reference: Reference) -> str | None:
    names = [f"{a.family}, {a.given}" if a.given else a.family for a in reference.authors]
    return " and ".join(names) or None


def bibtex_entry(reference: Reference) -> model.Entry:
    values: list[tuple[str, str | int | None]] = [
        ("author", _authors(reference)),
        # The extra braces keep the title's capitals (CdS, MSC-311) as printed.
        ("title", None if reference.title is None else "{" + reference.title + "}"),
        ("journal", reference.journal),
        ("year", reference.year),
        ("volume", reference.volume),
        ("number", reference.issue),
        ("pages", None if reference.pages is None else _pages(reference.pages)),
        ("doi", reference.doi),
        ("publisher", reference.publisher),
        ("address", reference.address),
        ("edition", reference.edition),
    ]
    fields = [model.Field(name, str(value)) for name, value in values if value is not None]
    return model.Entry(reference.entry_type.value, reference.key, fields)


def to_bibtex(references: Iterable[Reference]) -> str:
    return str(write_string(Library([bibtex_entry(r) for r in references])))


_CSL_TYPES = {
    EntryType.ARTICLE: "article-journal",
    EntryType.BOOK: "book",
    EntryType.INBOOK: "chapter",
    EntryType.MISC: "document",
}


def csl_item(reference: Reference) -> dict[str, Any]:
    item: dict[str, Any] = {"id": reference.key, "type": _CSL_TYPES[reference.entry_type]}
    if reference.authors:
        item["author"] = [
            {"family": a.family, **({"given": a.given} if a.given else {})}
            for a in reference.authors
        ]
    if reference.year is not None:
        item["issued"] = {"date-parts": [[reference.year]]}
    for key, value in (
        ("title", reference.title),
        ("container-title", reference.journal),
        ("volume", reference.volume),
        ("issue", reference.issue),
        ("page", reference.pages),
        ("DOI", reference.doi),
        ("publisher", reference.publisher),
        ("publisher-place", reference.address),
        ("edition", reference.edition),
    ):
        if value is not None:
            item[key] = value
    return item


def to_csl_json(references: Iterable[Reference]) -> list[dict[str, Any]]:
    return [csl_item(r) for r in references]
