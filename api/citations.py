"""References written out for reference managers: BibTeX (with bibtexparser 2) and
CSL-JSON (the format pandoc's citeproc reads).

Both are built from the stored fields only; a field the knowledge base does not
hold is left out, never filled with a placeholder.
"""

import json
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from bibtexparser import model
from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library

from api.negotiate import choose_format
from models import Reference
from models.enums import EntryType

BIBTEX = "application/x-bibtex"
CSL_JSON = "application/vnd.citationstyles.csl+json"


ACS_TEXT = "text/plain"
"""Formatted citations in the source's own (ACS) style, one a line."""


class CitationFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSLJSON = "csljson"
    ACS = "acs"


MEDIA_TYPES = {
    CitationFormat.BIBTEX: BIBTEX,
    CitationFormat.CSLJSON: CSL_JSON,
    CitationFormat.ACS: ACS_TEXT,
}


def negotiate(requested: CitationFormat | None, accept: str | None) -> CitationFormat:
    return choose_format(requested, accept, MEDIA_TYPES, CitationFormat.JSON)


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


def _initials(given: str) -> str:
    """ "Moungi G." -> "M. G."; "W. J." stays; "Jean-Pierre" -> "J.-P." """
    parts = []
    for word in given.split():
        if word.endswith(".") and len(word) <= 3:
            parts.append(word)
        else:
            parts.append("-".join(f"{piece[0]}." for piece in word.split("-") if piece))
    return " ".join(parts)


def _ordinal(edition: str) -> str:
    if not edition.isdigit():
        return edition
    n = int(edition)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def acs_citation(reference: Reference) -> str:
    """The reference as the source cites it (ACS style), from the stored fields only:
    ``Zhu, T.; Zhang, B.; ...; Yu, K. Title. Chem. Mater. 2017, 29, 5727–5735.``"""
    parts: list[str] = []
    if reference.authors:
        names = [
            f"{a.family}, {_initials(a.given)}" if a.given else a.family for a in reference.authors
        ]
        parts.append(_sentence("; ".join(names)))
    if reference.entry_type in (EntryType.BOOK, EntryType.INBOOK):
        title = reference.title or ""
        if reference.edition:
            title += f", {_ordinal(reference.edition)} ed."
        publisher = ": ".join(x for x in (reference.publisher, reference.address) if x)
        tail = "; ".join(
            x
            for x in (
                publisher + (f", {reference.year}" if reference.year else ""),
                f"p {reference.pages}" if reference.pages else "",
            )
            if x
        )
        parts.append(_sentence("; ".join(x for x in (title, tail) if x)))
        return " ".join(parts)
    if reference.title:
        parts.append(_sentence(reference.title))
    source = " ".join(str(x) for x in (reference.journal, reference.year) if x is not None)
    numbers = ", ".join(x for x in (reference.volume, reference.pages) if x)
    if source or numbers:
        parts.append(_sentence(", ".join(x for x in (source, numbers) if x)))
    return " ".join(parts)


def to_acs(references: Iterable[Reference]) -> str:
    return "".join(acs_citation(r) + "\n" for r in references)


def render(references: list[Reference], fmt: CitationFormat) -> str:
    """The references as BibTeX, CSL-JSON or ACS text (not JSON: that is the API's schema)."""
    if fmt is CitationFormat.BIBTEX:
        return to_bibtex(references)
    if fmt is CitationFormat.CSLJSON:
        return json.dumps(to_csl_json(references), ensure_ascii=False)
    if fmt is CitationFormat.ACS:
        return to_acs(references)
    raise ValueError(f"{fmt} is rendered by the API schema, not here")
