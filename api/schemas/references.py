"""Bibliographic references."""

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from api.schemas import Schema
from models.enums import EntryType


class AuthorRead(Schema):
    family: str
    given: str | None = Field(description="Given names or initials as known; null if unknown.")


class CheckedFieldRead(Schema):
    field: str = Field(description="A field completed from a checked bibliographic record.")
    checked_at: str = Field(description="The record it was checked against.")


def _locators(value: Any) -> Any:
    return sorted(c if isinstance(c, str) else c.locator for c in value)


class ReferenceRead(Schema):
    key: str = Field(description="Citation key: the reference's stable identifier.")
    entry_type: EntryType
    authors: list[AuthorRead] = Field(description="In print order; empty when unknown.")
    title: str | None
    journal: str | None = Field(description='Abbreviated as the source prints it, "Chem. Mater."')
    year: int | None
    volume: str | None
    issue: str | None
    pages: str | None = Field(description="Page range or article number as printed.")
    doi: str | None
    publisher: str | None
    address: str | None
    edition: str | None
    cited_at: Annotated[list[str], BeforeValidator(_locators)] = Field(
        validation_alias="citations", description="Every place in the source that cites the work."
    )
    checked_fields: list[CheckedFieldRead] = Field(validation_alias="field_sources")
