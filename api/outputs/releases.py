"""Data releases to cite, fetch and compare: a citation per release, and the diff of
two releases' frozen exports by stable identifiers."""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from models import DataRelease

SOURCE_TITLE = "Transformations Among Colloidal Semiconductor Magic-Size Clusters"
SOURCE_AUTHORS = ("He", "Luan", "Rowell", "Zhang", "Chen", "Yu")
"""The review whose Supporting Information the knowledge base curates. The source
gives no DOI, so none is cited: it is named by title and authors."""


def _date(release: DataRelease) -> datetime:
    at = release.created_at
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at


def citation_text(release: DataRelease) -> str:
    """ "MSC-KB, release n, date, content hash" and the source it curates."""
    return (
        f"MSC-KB, release {release.number}, {_date(release):%Y-%m-%d}, "
        f"content hash sha256:{release.content_hash}. Curated from the Supporting "
        f'Information of "{SOURCE_TITLE}" by {", ".join(SOURCE_AUTHORS)}.'
    )


def bibtex(release: DataRelease) -> str:
    date = _date(release)
    return (
        f"@misc{{msckb_release_{release.number},\n"
        "  author = {{MSC-KB}},\n"
        f"  title = {{{{MSC-KB}}, release {release.number}}},\n"
        f"  year = {{{date:%Y}}},\n"
        f"  month = {{{date.month}}},\n"
        f"  version = {{{release.number}}},\n"
        f"  note = {{Release {release.number} of {date:%Y-%m-%d}, content hash "
        f"sha256:{release.content_hash}. Curated from the Supporting Information of "
        f"``{SOURCE_TITLE}'' by {', '.join(SOURCE_AUTHORS)}}},\n"
        "}\n"
    )


def csl_json(release: DataRelease) -> list[dict[str, Any]]:
    date = _date(release)
    return [
        {
            "id": f"msckb-release-{release.number}",
            "type": "dataset",
            "author": [{"literal": "MSC-KB"}],
            "title": f"MSC-KB, release {release.number}",
            "version": str(release.number),
            "issued": {"date-parts": [[date.year, date.month, date.day]]},
            "note": f"content hash sha256:{release.content_hash}",
            "references": f"{SOURCE_TITLE}, by {', '.join(SOURCE_AUTHORS)}",
        },
        {
            "id": "he-transformations",
            "type": "article-journal",
            "title": SOURCE_TITLE,
            "author": [{"family": name} for name in SOURCE_AUTHORS],
        },
    ]


def ris(release: DataRelease) -> str:
    date = _date(release)
    lines = [
        ("TY", "DATA"),
        ("ID", f"msckb_release_{release.number}"),
        ("AU", "MSC-KB"),
        ("TI", f"MSC-KB, release {release.number}"),
        ("PY", f"{date:%Y}"),
        ("DA", f"{date:%Y/%m/%d}"),
        ("ET", str(release.number)),
        (
            "N1",
            f"Content hash sha256:{release.content_hash}. Curated from the Supporting "
            f'Information of "{SOURCE_TITLE}" by {", ".join(SOURCE_AUTHORS)}.',
        ),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


# --- schema.org Dataset (JSON-LD), for search engines and data catalogues --------------

DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
DESCRIPTION = (
    "A curated knowledge base of colloidal semiconductor magic-size clusters: species, "
    "precursor compounds, transformations with their conditions and kinetics, MALDI-TOF "
    "masses, syntheses and the literature behind every fact."
)


def _source() -> dict[str, Any]:
    """The review the data are curated from: by title and authors (it gives no DOI)."""
    return {
        "@type": "ScholarlyArticle",
        "name": SOURCE_TITLE,
        "author": [{"@type": "Person", "familyName": name} for name in SOURCE_AUTHORS],
    }


def _common() -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "description": DESCRIPTION,
        "license": DATA_LICENSE,
        "creator": {"@type": "Organization", "name": "MSC-KB"},
        "isBasedOn": _source(),
        "keywords": ["magic-size clusters", "colloidal semiconductors", "MALDI-TOF"],
    }


def release_jsonld(release: DataRelease, api_url: str) -> dict[str, Any]:
    """One release as a schema.org Dataset: its frozen export as the distribution."""
    base = f"{api_url}/releases/{release.number}"
    return {
        **_common(),
        "@id": base,
        "name": f"MSC-KB, release {release.number}",
        "version": str(release.number),
        "datePublished": f"{_date(release):%Y-%m-%d}",
        "identifier": f"sha256:{release.content_hash}",
        "url": base,
        "citation": citation_text(release),
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "application/json",
                "contentUrl": f"{base}/export?format=json",
            },
            {
                "@type": "DataDownload",
                "encodingFormat": "application/zip",
                "contentUrl": f"{base}/export?format=datapackage",
                "description": "Frictionless Data Package v2: one CSV per table.",
            },
        ],
    }


def knowledge_base_jsonld(releases: list[DataRelease], api_url: str) -> dict[str, Any]:
    """The knowledge base as a schema.org Dataset: the current export, each release a part."""
    latest = releases[-1] if releases else None
    return {
        **_common(),
        "@id": f"{api_url}/dataset",
        "name": "MSC-KB: colloidal semiconductor magic-size clusters",
        "url": f"{api_url}/dataset",
        **({"version": str(latest.number)} if latest is not None else {}),
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "application/json",
                "contentUrl": f"{api_url}/export",
            },
            {
                "@type": "DataDownload",
                "encodingFormat": "application/zip",
                "contentUrl": f"{api_url}/export?format=datapackage",
            },
        ],
        "hasPart": [release_jsonld(r, api_url) for r in releases],
    }


@dataclass
class Diff:
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)


def diff(old_export: str, new_export: str) -> Diff:
    """The facts added, changed and removed from one frozen export to the other, each by
    its table and stable identifier; a change lists each field with old and new value."""
    old, new = json.loads(old_export), json.loads(new_export)
    result = Diff()
    for table in sorted(set(old) | set(new)):
        before = {row["id"]: row for row in old.get(table, [])}
        after = {row["id"]: row for row in new.get(table, [])}
        for ident in sorted(after.keys() - before.keys()):
            result.added.append({"table": table, "id": ident, "values": after[ident]})
        for ident in sorted(before.keys() - after.keys()):
            result.removed.append({"table": table, "id": ident, "values": before[ident]})
        for ident in sorted(before.keys() & after.keys()):
            a, b = before[ident], after[ident]
            fields = {
                name: {"old": a.get(name), "new": b.get(name)}
                for name in sorted(set(a) | set(b))
                if a.get(name) != b.get(name)
            }
            if fields:
                result.changed.append({"table": table, "id": ident, "fields": fields})
    return result
