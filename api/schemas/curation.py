"""What the curation writes answer: the fact as written, import reports, the audit trail."""

import json
from typing import Any

from pydantic import Field, field_validator

import models as m
from api.schemas import Schema, UtcDatetime


class WriteResult(Schema):
    entity: str
    id: str = Field(description="The stable identifier of what was written.")
    version: int | None = Field(description="Its new version (null after a deletion).")
    entry: dict[str, Any] | None = Field(
        description="The fact as a seed-file entry, as stored now (null after a deletion)."
    )


class DuplicateRead(Schema):
    key: str = Field(description="The key the imported entry carries.")
    existing: str = Field(description="The stored reference it duplicates.")
    matched_by: str = Field(description='"doi", "key" or "title and year".')


class ImportRead(Schema):
    created: list[str] = Field(description="Citation keys of the references created.")
    duplicates: list[DuplicateRead]


class ChangeRead(Schema):
    id: int
    at: UtcDatetime
    key: str = Field(
        validation_alias="key_name",
        description='Name of the API key that wrote; "seed" for a seed run, "cli" for the '
        "command line on the server (a restore, a key revoked).",
    )
    action: m.ChangeAction
    entity: str
    identifier: str
    before: dict[str, Any] | None = Field(description="The entry before; null for a creation.")
    after: dict[str, Any] | None = Field(description="The entry after; null for a deletion.")
    request_id: str | None = Field(
        description='The request, or the seed run ("seed-..."), that made it: one change set.'
    )
    release: int | None = Field(
        validation_alias="release_number",
        description="For a seed run's changes, the data release the run left.",
    )

    @field_validator("before", "after", mode="before")
    @classmethod
    def _parsed(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value


class CitationRead(Schema):
    text: str = Field(description='"MSC-KB, release n, date, content hash" and the source.')
    bibtex: str
    csl: list[dict[str, Any]] = Field(description="CSL-JSON: the release and the source.")


class ReleaseRead(Schema):
    number: int
    content_hash: str = Field(description="SHA-256 of the release's tables (canonical JSON).")
    created_at: UtcDatetime
    export_kept: bool = Field(
        description="Whether the release's export is kept (/releases/{n}/export)."
    )
    citation: CitationRead


class RowRead(Schema):
    table: str
    id: str = Field(description="Stable identifier of the row in the export.")
    values: dict[str, Any]


class FieldChange(Schema):
    old: Any
    new: Any


class RowChange(Schema):
    table: str
    id: str
    fields: dict[str, FieldChange]


class ReleaseDiffRead(Schema):
    from_release: int = Field(serialization_alias="from")
    to_release: int = Field(serialization_alias="to")
    added: list[RowRead]
    changed: list[RowChange]
    removed: list[RowRead]
