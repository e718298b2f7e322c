"""Liveness and the description of the running knowledge base."""

from typing import Literal

from pydantic import Field

from api.schemas import Schema, UtcDatetime


class Health(Schema):
    status: Literal["ok"]


class InfoRelease(Schema):
    number: int = Field(description="1 for the first release of this database, then +1.")
    content_hash: str = Field(description="SHA-256 of the exported tables (/api/v1/export).")
    created_at: UtcDatetime


class Info(Schema):
    name: str = "MSC-KB"
    version: str = Field(description="Version of the msckb distribution serving the API.")
    engine: str = Field(description="Database engine: sqlite or postgresql.")
    schema_revision: str | None = Field(
        description="Alembic revision the database is at; null when it was never migrated."
    )
    row_counts: dict[str, int] = Field(
        description="Number of rows in each table of the data (not the data version's "
        "own or the write rate limit's count)."
    )
    release: InfoRelease | None = Field(
        description="The current data release; null before the first `msckb seed`."
    )
