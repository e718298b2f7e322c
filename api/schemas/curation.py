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
    key: str = Field(validation_alias="key_name", description="Name of the API key that wrote.")
    action: m.ChangeAction
    entity: str
    identifier: str
    before: dict[str, Any] | None = Field(description="The entry before; null for a creation.")
    after: dict[str, Any] | None = Field(description="The entry after; null for a deletion.")
    request_id: str | None

    @field_validator("before", "after", mode="before")
    @classmethod
    def _parsed(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value
