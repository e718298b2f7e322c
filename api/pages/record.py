"""Every entry page is a citable record: Highwire ``citation_*`` meta tags (read by
Zotero, Google Scholar), schema.org JSON-LD, and a BibTeX entry of the page as a
dataset record. A reference page also carries COinS for the work it describes.

The record is dated by the data release it shows (its number and content hash
name exactly which data the page held), not by the moment it was rendered.
"""

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from bibtexparser import model

from api.outputs.bibtex import to_bibtex_value, write_bibtex
from models import DataRelease, Reference
from models.enums import EntryType

PUBLISHER = "MSC-KB"


@dataclass(frozen=True)
class Record:
    title: str
    """What the page is about, e.g. "CdS MSC-311"."""
    url: str
    """The page's public URL."""
    json_url: str
    """The API resource holding the same data."""
    identifier: str
    """A stable identifier, e.g. "species/cds-msc-311"."""
    release: DataRelease | None
    description: str | None = None
    schema_type: str = "Dataset"
    cites: list[str] = field(default_factory=list)
    """URLs of the reference pages the record's facts rest on."""

    @property
    def date(self) -> str | None:
        """ISO date of the data release, e.g. 2026-12-02."""
        return None if self.release is None else self.release.created_at.date().isoformat()

    @property
    def key(self) -> str:
        return "msckb-" + self.identifier.replace("/", "-")

    def meta_tags(self) -> list[tuple[str, str]]:
        tags = [
            ("citation_title", f"{self.title} — MSC-KB"),
            ("citation_publisher", PUBLISHER),
            ("citation_public_url", self.url),
            ("citation_abstract_html_url", self.url),
        ]
        if self.date is not None:
            slashed = self.date.replace("-", "/")
            tags += [("citation_publication_date", slashed), ("citation_date", slashed)]
        tags.append(("DC.identifier", self.url))
        return tags

    def bibtex(self) -> str:
        """The page as a BibTeX ``@misc`` record, written by the one BibTeX writer."""
        fields = [
            ("title", to_bibtex_value("title", f"{self.title}: a record of MSC-KB")),
            ("publisher", PUBLISHER),
            ("url", self.url),
            ("howpublished", "\\url{" + self.url + "}"),
        ]
        if self.release is not None:
            fields += [
                ("year", str(self.release.created_at.year)),
                ("date", self.date or ""),
                (
                    "note",
                    f"Data release {self.release.number}, "
                    f"content SHA-256 {self.release.content_hash}",
                ),
            ]
        entry = model.Entry("misc", self.key, [model.Field(n, v) for n, v in fields])
        return write_bibtex([entry])

    def json_ld(self, **extra: Any) -> str:
        document: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "@id": self.url,
            "name": f"{self.title} — MSC-KB",
            "url": self.url,
            "identifier": self.identifier,
            "publisher": {"@type": "Organization", "name": PUBLISHER},
            "isPartOf": {"@type": "DataCatalog", "name": PUBLISHER},
            "distribution": [
                {
                    "@type": "DataDownload",
                    "encodingFormat": "application/json",
                    "contentUrl": self.json_url,
                }
            ],
        }
        if self.description:
            document["description"] = self.description
        if self.release is not None:
            document["version"] = str(self.release.number)
            document["datePublished"] = self.date
        if self.cites:
            document["citation"] = self.cites
        document.update(extra)
        # Inside <script>, "</" would end the element.
        return json.dumps(document, ensure_ascii=False, indent=1).replace("</", "<\\/")


_COINS_GENRE = {
    EntryType.ARTICLE: ("journal", "article"),
    EntryType.BOOK: ("book", "book"),
    EntryType.INBOOK: ("book", "bookitem"),
}


def coins(reference: Reference) -> str:
    """The title attribute of a COinS span (OpenURL ContextObject, Z39.88-2004)."""
    fmt, genre = _COINS_GENRE.get(reference.entry_type, ("journal", "article"))
    pairs: list[tuple[str, str]] = [
        ("ctx_ver", "Z39.88-2004"),
        ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{fmt}"),
        ("rfr_id", "info:sid/msckb"),
        ("rft.genre", genre),
    ]
    if reference.title:
        pairs.append(("rft.atitle" if fmt == "journal" else "rft.btitle", reference.title))
    if reference.journal:
        pairs.append(("rft.jtitle", reference.journal))
    if reference.year is not None:
        pairs.append(("rft.date", str(reference.year)))
    for name, value in (
        ("rft.volume", reference.volume),
        ("rft.issue", reference.issue),
        ("rft.pages", reference.pages),
        ("rft.pub", reference.publisher),
        ("rft.place", reference.address),
    ):
        if value:
            pairs.append((name, value))
    for author in reference.authors:
        name = f"{author.family}, {author.given}" if author.given else author.family
        pairs.append(("rft.au", name))
    if reference.doi:
        pairs.append(("rft_id", f"info:doi/{reference.doi}"))
    return urlencode(pairs)
