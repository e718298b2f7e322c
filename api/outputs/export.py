"""The bulk export for other tools: one JSON document, or a Frictionless data package
(one CSV per table and a datapackage.json with field types, units and foreign keys).

Database ids are not stable from one database to the next, so the export names
every row by a stable identifier instead: its slug, citation key, formula ...
where it has one, otherwise its owner's identifier, the table and its position
(``cds-msc-311/absorption_peak/1``). Foreign keys are written with the same
identifiers. The content hash is the SHA-256 of the canonical JSON of the tables,
so two databases holding the same facts have the same hash.
"""

import csv
import hashlib
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Enum, Float, Integer, Table, func, select
from sqlalchemy.orm import Session

from api import __version__
from api.facts.kinds import KINDS
from api.outputs.formats import Offer
from api.outputs.releases import SOURCE_AUTHORS, SOURCE_TITLE
from models import Base, DataRelease


class ExportFormat(StrEnum):
    JSON = "json"
    DATAPACKAGE = "datapackage"


FORMAT_VERSION = "1"
"""The shape of the export; raised when a table or column changes meaning."""

IDENTIFYING_COLUMNS = {
    kind.model.__tablename__: kind.key[0] for kind in KINDS if len(kind.key) == 1
}
"""A table's own stable identifier: the one identity column of its kind (api/facts)."""

SKIPPED = {"data_release", "data_version", "api_key", "change", "seed_state", "write_hit"}
"""Tables about the database and its curators, not the knowledge: not exported."""

INTERNAL_COLUMNS = {"version"}
"""Row versions count writes (for If-Match); the same facts may have other versions."""

UNITS = {"_nm": "nm", "_da": "Da", "_c": "°C", "_s": "s", "_ml": "mL", "_kj_mol": "kJ/mol"}

Rows = dict[str, list[dict[str, Any]]]


def exported_tables() -> list[Table]:
    return [t for t in Base.metadata.sorted_tables if t.name not in SKIPPED]


def _identifier_column(table: Table) -> str | None:
    return IDENTIFYING_COLUMNS.get(table.name)


def _owner_columns(table: Table) -> list[str]:
    """Foreign keys that own the row (deleted with it), in column order."""
    return [
        column.name for column in table.c for fk in column.foreign_keys if fk.ondelete == "CASCADE"
    ]


def _exported_name(column: str) -> str:
    return column.removesuffix("_id")


def tables_of(session: Session) -> Rows:
    """Every table, rows named and linked by stable identifiers, ordered by them."""
    names: dict[str, dict[int, str]] = {}
    out: Rows = {}
    for table in exported_tables():
        rows = session.execute(select(table).order_by(table.c.id)).mappings().all()
        own = _identifier_column(table)
        owners = _owner_columns(table)
        ordinal: dict[tuple[str, str], int] = defaultdict(int)
        ids: dict[int, str] = {}
        for row in rows:
            if own is not None:
                ids[row["id"]] = str(row[own])
                continue
            owner = next(c for c in owners if row[c] is not None)
            referred = next(iter(table.c[owner].foreign_keys)).column.table.name
            parent = names[referred][row[owner]]
            if "position" in table.c:
                number = row["position"]
            else:
                ordinal[(owner, parent)] += 1
                number = ordinal[(owner, parent)]
            ids[row["id"]] = f"{parent}/{table.name}/{number}"
        names[table.name] = ids
        exported = []
        for row in rows:
            record: dict[str, Any] = {"id": ids[row["id"]]}
            for column in table.c:
                if column.name == "id" or column.name in INTERNAL_COLUMNS:
                    continue
                value = row[column.name]
                if column.foreign_keys:
                    referred = next(iter(column.foreign_keys)).column.table.name
                    value = None if value is None else names[referred][value]
                    record[_exported_name(column.name)] = value
                else:
                    record[column.name] = getattr(value, "value", value)
            exported.append(record)
        out[table.name] = sorted(exported, key=lambda r: r["id"])
    return out


def canonical_json(tables: Rows) -> str:
    return json.dumps(tables, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(tables: Rows) -> str:
    return hashlib.sha256(canonical_json(tables).encode("utf-8")).hexdigest()


def latest_release(session: Session) -> DataRelease | None:
    return session.scalars(select(DataRelease).order_by(DataRelease.number.desc()).limit(1)).first()


def release_of(session: Session, digest: str) -> DataRelease | None:
    """The release that holds the content ``digest`` hashes (the first, should an older
    database have recorded it twice)."""
    return session.scalars(
        select(DataRelease)
        .where(DataRelease.content_hash == digest)
        .order_by(DataRelease.number)
        .limit(1)
    ).first()


def record_release(session: Session) -> DataRelease:
    """The release of the data as it is now: the release that held the same content
    before (same hash, same number, whenever it was), otherwise a new one numbered after
    the newest, its export frozen with it. The caller owns the transaction."""
    tables = tables_of(session)
    digest = content_hash(tables)
    found = release_of(session, digest)
    if found is not None:
        if found.export is None:
            found.export = canonical_json(tables)  # recorded before exports were kept
            session.flush()
        return found
    number = (session.scalar(select(func.max(DataRelease.number))) or 0) + 1
    release = DataRelease(number=number, content_hash=digest, export=canonical_json(tables))
    session.add(release)
    session.flush()
    return release


def release_header(release: DataRelease | None, digest: str) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "number": None if release is None else release.number,
        "content_hash": digest,
        "generator": f"msckb {__version__}",
    }


def release_document(session: Session) -> dict[str, Any]:
    """The whole knowledge base as one JSON document, naming its release (null when the
    content was changed since the last release was recorded)."""
    tables = tables_of(session)
    digest = content_hash(tables)
    return {"release": release_header(release_of(session, digest), digest), "tables": tables}


def frozen_document(release: DataRelease) -> dict[str, Any] | None:
    """The document of ``release`` as frozen when it was recorded (None if it has none)."""
    if release.export is None:
        return None
    return {
        "release": release_header(release, release.content_hash),
        "tables": json.loads(release.export),
    }


# --- Frictionless data package ---------------------------------------------------------


DATA_PACKAGE_V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
ATTRIBUTION = (
    f'Curated from the Supporting Information of "{SOURCE_TITLE}" by {", ".join(SOURCE_AUTHORS)}.'
)
"""How the data must be attributed (CC-BY-4.0): to the review it is curated from."""


def _field(table: Table, name: str) -> dict[str, Any]:
    if name == "id":
        return {
            "name": "id",
            "type": "string",
            "description": "Stable identifier of the row.",
            "constraints": {"required": True, "unique": True},
        }
    column = table.c[name]
    exported = _exported_name(name) if column.foreign_keys else name
    descriptor: dict[str, Any] = {"name": exported, "type": "string"}
    if column.foreign_keys:
        referred = next(iter(column.foreign_keys)).column.table.name
        descriptor["description"] = f"Identifier of a row of {referred}."
    elif isinstance(column.type, Boolean):
        descriptor["type"] = "boolean"
    elif isinstance(column.type, Integer):
        descriptor["type"] = "integer"
    elif isinstance(column.type, Float):
        descriptor["type"] = "number"
    elif isinstance(column.type, Enum):
        descriptor["constraints"] = {"enum": list(column.type.enums)}
    for suffix, unit in UNITS.items():
        if not column.foreign_keys and name.endswith(suffix) and descriptor["type"] == "number":
            descriptor["description"] = f"In {unit}."
            descriptor["unit"] = unit
    if not column.nullable:
        descriptor.setdefault("constraints", {})["required"] = True
    return descriptor


def datapackage(tables: Rows, digest: str) -> dict[str, Any]:
    resources = []
    for table in exported_tables():
        columns = [
            "id",
            *(c.name for c in table.c if c.name != "id" and c.name not in INTERNAL_COLUMNS),
        ]
        foreign_keys = [
            {
                "fields": [_exported_name(c.name)],
                "reference": {
                    "resource": next(iter(c.foreign_keys)).column.table.name,
                    "fields": ["id"],
                },
            }
            for c in table.c
            if c.foreign_keys
        ]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [_field(table, c) for c in columns],
                    "primaryKey": ["id"],
                    "foreignKeys": foreign_keys,
                },
            }
        )
    return {
        "$schema": DATA_PACKAGE_V2,
        "name": "msckb",
        "title": "MSC-KB: colloidal semiconductor magic-size clusters",
        "description": "Curated species, transformations, MALDI-TOF masses, syntheses and "
        "references, each fact with its evidence (reference, locator, status). "
        f"{ATTRIBUTION} The data are licensed CC-BY-4.0; the MSC-KB code that builds "
        "them is MIT-licensed (its repository's LICENSE file).",
        "version": f"{FORMAT_VERSION}.0.0+{digest[:12]}",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International",
            }
        ],
        "sources": [
            {
                "title": f"{SOURCE_TITLE}, by {', '.join(SOURCE_AUTHORS)}: its Supporting "
                "Information (the source gives no DOI)",
            }
        ],
        "contributors": [
            {"title": "MSC-KB", "roles": ["publisher", "curator"]},
            *({"title": name, "roles": ["author of the source"]} for name in SOURCE_AUTHORS),
        ],
        "keywords": ["magic-size clusters", "colloidal semiconductors", "MALDI-TOF"],
        "msckb_content_hash": digest,
        "resources": resources,
    }


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                ""
                if row[c] is None
                else ("true" if row[c] is True else "false" if row[c] is False else row[c])
                for c in columns
            ]
        )
    return out.getvalue()


def package_files(session: Session) -> Iterator[tuple[str, str]]:
    """(file name, text) of the data package: datapackage.json, then one CSV per table."""
    tables = tables_of(session)
    return package_files_of(tables, content_hash(tables))


def package_files_of(tables: Rows, digest: str) -> Iterator[tuple[str, str]]:
    """The data package of ``tables``: from the database, or from a release's JSON."""
    package = datapackage(tables, digest)
    yield "datapackage.json", json.dumps(package, indent=2, ensure_ascii=False) + "\n"
    for resource in package["resources"]:
        columns = [f["name"] for f in resource["schema"]["fields"]]
        yield resource["path"], _csv(tables[resource["name"]], columns)


def package_zip(session: Session) -> bytes:
    return zip_of(package_files(session))


def zip_of(files: Iterator[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files:
            # At the top level: frictionless reads a zip whose datapackage.json is there.
            archive.writestr(name, text)
    return buffer.getvalue()


def write_release(session: Session, directory: Path) -> dict[str, Any]:
    """Write release.json and the data package into ``directory``; return the release."""
    directory.mkdir(parents=True, exist_ok=True)
    document = release_document(session)
    (directory / "release.json").write_text(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    for name, text in package_files(session):
        (directory / name).write_text(text, encoding="utf-8")
    release: dict[str, Any] = document["release"]
    return release


EXPORT: Offer[ExportFormat, Callable[[Session], bytes]] = Offer(
    ExportFormat, {ExportFormat.DATAPACKAGE: package_zip}
)
"""JSON is ``release_document``, answered as it is."""
