"""Curation: API keys, the audit trail, row versions, and what was loaded from seeds/."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, Float, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.enums import enum_column_type


class Role(StrEnum):
    CURATOR = "curator"
    """Creates and edits facts, imports BibTeX."""
    ADMIN = "admin"
    """Also deletes."""


class ChangeAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class VersionedMixin:
    """A row version for optimistic concurrency: served as the ETag, required back in
    If-Match, raised by one on every write."""

    version: Mapped[int] = mapped_column(Integer, server_default="1", default=1)


class ApiKey(Base):
    """A curator's key. Only a SHA-256 of the key is stored: keys are 256-bit random
    tokens, so a fast hash is enough and a lookup is one index seek."""

    __tablename__ = "api_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[Role] = mapped_column(enum_column_type(Role, "role"))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Change(Base):
    """One write through the API: who, when, what, and the entry before and after (as
    the seed-file JSON of the entity; null before a creation and after a deletion)."""

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_entity_identifier", "entity", "identifier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    key_name: Mapped[str] = mapped_column(String(80), index=True)
    action: Mapped[ChangeAction] = mapped_column(enum_column_type(ChangeAction, "change_action"))
    entity: Mapped[str] = mapped_column(String(40))
    """The kind written, e.g. "species", "transformation"."""
    identifier: Mapped[str] = mapped_column(String(200))
    """Its stable identifier, e.g. "cds-msc-311"."""
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64))
    """The request that wrote it; for a seed run, the run ("seed-..."): one change set."""
    release_number: Mapped[int | None] = mapped_column(Integer)
    """For a seed run's changes, the data release the run left (null otherwise)."""


class SeedState(Base):
    """What the database last loaded from ``seeds/`` (or found equal to it), per entry:
    the SHA-256 of the entry as the seed files held it. An entry whose stored content
    hashes otherwise was changed through the API since; a stored entry without a row
    here was created through the API; a row here without a stored entry was deleted
    through the API (api/seeding/sync.py)."""

    __tablename__ = "seed_state"
    __table_args__ = (UniqueConstraint("entity", "identifier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    """The kind, as the audit trail names it: "species", "MALDI measurement"."""
    identifier: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))
    """SHA-256 (hex) of the entry's canonical JSON as last loaded from seeds/."""


class WriteHit(Base):
    """One write an API key made in the last minute: the write rate limit, counted in
    the database so that every server process (``msckb serve --workers N``) and every
    server on the same database share it (api/web/limits.py). Rows older than a minute
    are deleted as writes come; at most ``writes_per_minute`` rows per active key.

    Not data: a hit leaves the data version alone (migrations/data_version.py), so it
    never empties the response caches."""

    __tablename__ = "write_hit"
    __table_args__ = (Index("ix_write_hit_key_name_at", "key_name", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key_name: Mapped[str] = mapped_column(String(80))
    at: Mapped[float] = mapped_column(Float)
    """When, in seconds since the Unix epoch (the serving machine's clock)."""
