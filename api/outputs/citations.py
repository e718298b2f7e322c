"""References written out for reference managers: BibTeX (with bibtexparser 2),
CSL-JSON (the format pandoc's citeproc reads), and citations as the source prints
them (ACS style).

All are built from the stored fields only; a field the knowledge base does not
hold is left out, never filled with a placeholder.
"""

import json
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from api.outputs.bibtex import FIELDS, reference_entry, write_bibtex
from api.outputs.formats import Offer
from models import Reference
from models.enums import EntryType


class CitationFormat(StrEnum):
    JSON = "json"
    BIBTEX = "bibtex"
    CSLJSON = "csljson"
    RIS = "ris"
    ACS = "acs"
    """Formatted citations in the source's own (ACS) style, one a line."""


def to_bibtex(references: Iterable[Reference]) -> str:
    return write_bibtex(reference_entry(r) for r in references)


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
    for field in FIELDS:
        value = getattr(reference, field.column)
        if field.csl is not None and value is not None:
            item[field.csl] = csl_page(value) if field.csl == "page" else value
    return item


def csl_page(pages: str) -> str:
    """The source writes a range with an en dash (5727–5735), which citeproc formats
    as a range; a hyphen is part of one page's number (the CRC Handbook's 9-74), and
    citeproc would make it a range too ("9–74"), so it is escaped as CSL says
    (``9\\-74``), which every citeproc prints as 9-74."""
    return pages if "–" in pages else pages.replace("-", "\\-")


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


_RIS_TYPES = {
    EntryType.ARTICLE: "JOUR",
    EntryType.BOOK: "BOOK",
    EntryType.INBOOK: "CHAP",
    EntryType.MISC: "GEN",
}

_RIS_TAGS = (
    ("title", "TI"),
    ("journal", "JO"),
    ("volume", "VL"),
    ("issue", "IS"),
    ("doi", "DO"),
    ("publisher", "PB"),
    ("address", "CY"),
    ("edition", "ET"),
)


def ris_record(reference: Reference) -> str:
    """One RIS record. A page range (the source's en dash) is SP and EP; a page that is
    not a range (9-74) is SP alone, as it is."""
    lines = [("TY", _RIS_TYPES[reference.entry_type]), ("ID", reference.key)]
    lines += [("AU", f"{a.family}, {a.given}" if a.given else a.family) for a in reference.authors]
    if reference.year is not None:
        lines.append(("PY", str(reference.year)))
    lines += [(tag, str(v)) for column, tag in _RIS_TAGS if (v := getattr(reference, column))]
    if reference.pages:
        first, dash, last = reference.pages.partition("–")
        lines.append(("SP", first.strip()))
        if dash:
            lines.append(("EP", last.strip()))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


def to_ris(references: Iterable[Reference]) -> str:
    return "".join(ris_record(r) for r in references)


def to_acs(references: Iterable[Reference]) -> str:
    return "".join(acs_citation(r) + "\n" for r in references)


def _csl_json_text(references: Iterable[Reference]) -> str:
    return json.dumps(to_csl_json(references), ensure_ascii=False)


CITATIONS: Offer[CitationFormat, Callable[[list[Reference]], str]] = Offer(
    CitationFormat,
    {
        CitationFormat.BIBTEX: to_bibtex,
        CitationFormat.CSLJSON: _csl_json_text,
        CitationFormat.RIS: to_ris,
        CitationFormat.ACS: to_acs,
    },
)
"""JSON is the API's reference schema; the others are written here."""
