"""Bibliographic references, their authors and where the source cites them."""

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.curation import VersionedMixin
from models.enums import EntryType, enum_column_type


class Reference(VersionedMixin, Base):
    """One distinct work, however many places in the source cite it.

    Fields the source does not give are null; fields completed from a checked
    bibliographic record are listed in ``field_sources``.
    """

    __tablename__ = "reference"
    __table_args__ = (
        CheckConstraint("year IS NULL OR (year >= 1800 AND year <= 2100)", name="year_range"),
        CheckConstraint("length(key) > 0", name="key_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80), unique=True)
    """Citation key, the reference's stable identifier."""
    entry_type: Mapped[EntryType] = mapped_column(enum_column_type(EntryType, "entry_type"))
    title: Mapped[str | None] = mapped_column(Text)
    journal: Mapped[str | None] = mapped_column(String(200), index=True)
    """Journal as the source abbreviates it (ACS style), e.g. "Chem. Mater."."""
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    volume: Mapped[str | None] = mapped_column(String(40))
    issue: Mapped[str | None] = mapped_column(String(40))
    pages: Mapped[str | None] = mapped_column(String(40))
    """Page range or article number as printed, e.g. "5727–5735" or "2499"."""
    doi: Mapped[str | None] = mapped_column(String(200), unique=True)
    publisher: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    """Publisher's place, for books."""
    edition: Mapped[str | None] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)

    authors: Mapped[list["ReferenceAuthor"]] = relationship(
        back_populates="reference",
        order_by="ReferenceAuthor.position",
        cascade="all, delete-orphan",
        lazy="raise",
    )
    citations: Mapped[list["Citation"]] = relationship(
        back_populates="reference", cascade="all, delete-orphan", lazy="raise"
    )
    field_sources: Mapped[list["ReferenceFieldSource"]] = relationship(
        back_populates="reference", cascade="all, delete-orphan", lazy="raise"
    )


class ReferenceAuthor(Base):
    """An author in print order. A reference with no rows has an unknown author list."""

    __tablename__ = "reference_author"
    __table_args__ = (
        UniqueConstraint("reference_id", "position"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint("length(family) > 0", name="family_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("reference.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    family: Mapped[str] = mapped_column(String(120))
    given: Mapped[str | None] = mapped_column(String(120))
    """Given names or initials as known, e.g. "T." or "Lisi"; null when unknown."""

    reference: Mapped[Reference] = relationship(back_populates="authors", lazy="raise")


class Citation(Base):
    """A place in the source that cites a reference, e.g. "Table S2 [4]"."""

    __tablename__ = "citation"
    __table_args__ = (UniqueConstraint("reference_id", "locator"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("reference.id", ondelete="CASCADE"))
    locator: Mapped[str] = mapped_column(String(120))

    reference: Mapped[Reference] = relationship(back_populates="citations", lazy="raise")


class ReferenceFieldSource(Base):
    """A reference field completed from a checked bibliographic record, not the source."""

    __tablename__ = "reference_field_source"
    __table_args__ = (UniqueConstraint("reference_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference_id: Mapped[int] = mapped_column(ForeignKey("reference.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(40))
    """Name of the completed field, e.g. "doi", "issue", "author"."""
    checked_at: Mapped[str] = mapped_column(String(300))
    """Address or description of the record it was checked against."""

    reference: Mapped[Reference] = relationship(back_populates="field_sources", lazy="raise")
