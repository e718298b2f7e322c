"""Data releases: the content hash of the knowledge base each time it changed."""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class DataRelease(Base):
    """A state of the curated data, identified by the SHA-256 of its export.

    ``msckb seed`` and ``msckb release`` record one when the content is new; content
    seen before is the release that first held it (never a new number).
    """

    __tablename__ = "data_release"
    __table_args__ = (
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("length(content_hash) = 64", name="sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    """1 for the first release of this database, then one more each time."""
    content_hash: Mapped[str] = mapped_column(String(64))
    """SHA-256 (hex) of the release's canonical JSON tables."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    export: Mapped[str | None] = mapped_column(Text)
    """The release's tables as exported then (canonical JSON), frozen: later writes do
    not change it. Null for releases recorded before releases kept their export."""


class DataVersion(Base):
    """One row whose token changes with every write to any other table, inside the
    writing transaction (database triggers: migrations/data_version.py). Equal tokens
    mean equal data, whichever process wrote; the response cache keys on it."""

    __tablename__ = "data_version"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(36))
    """Random: 32 hex digits on SQLite, a UUID on PostgreSQL."""
