"""The key advance each work made in MSC synthesis (Table S2)."""

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.enums import Approach, enum_column_type
from models.evidence import EvidenceMixin
from models.quantity import value_or_range

if TYPE_CHECKING:
    from models.material import Material
    from models.species import Species


class KeyAdvance(EvidenceMixin, Base):
    """A Table S2 row: the work (``reference``), its number there and what it reported,
    summarised in the project's words."""

    __tablename__ = "key_advance"
    __table_args__ = (
        UniqueConstraint("ref_number"),
        CheckConstraint("ref_number >= 1", name="ref_number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ref_number: Mapped[int] = mapped_column(Integer)
    """The number the source gives the work in Table S2, [1] to [11]."""
    approach: Mapped[Approach] = mapped_column(enum_column_type(Approach, "approach"))
    material_id: Mapped[int | None] = mapped_column(ForeignKey("material.id", ondelete="RESTRICT"))
    summary: Mapped[str] = mapped_column(Text)

    material: Mapped["Material | None"] = relationship(lazy="raise")
    peaks: Mapped[list["KeyAdvancePeak"]] = relationship(
        order_by="KeyAdvancePeak.position", cascade="all, delete-orphan", lazy="raise"
    )
    species_links: Mapped[list["KeyAdvanceSpecies"]] = relationship(
        order_by="KeyAdvanceSpecies.position", cascade="all, delete-orphan", lazy="raise"
    )


class KeyAdvancePeak(Base):
    """An absorption peak a key advance reports: one wavelength or a range (350–360 nm)."""

    __tablename__ = "key_advance_peak"
    __table_args__ = (
        UniqueConstraint("key_advance_id", "position"),
        value_or_range("peak_nm", name="peak", positive=True),
        CheckConstraint("peak_nm IS NOT NULL OR peak_low_nm IS NOT NULL", name="peak_given"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key_advance_id: Mapped[int] = mapped_column(ForeignKey("key_advance.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    peak_nm: Mapped[float | None]
    peak_low_nm: Mapped[float | None]
    peak_high_nm: Mapped[float | None]


class KeyAdvanceSpecies(Base):
    """A species curated from a key advance: the MSCs a Table S2 row reports, in the
    row's order (a family reported without values is one species too)."""

    __tablename__ = "key_advance_species"
    __table_args__ = (
        UniqueConstraint("key_advance_id", "position"),
        UniqueConstraint("key_advance_id", "species_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key_advance_id: Mapped[int] = mapped_column(
        ForeignKey("key_advance.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )

    species: Mapped["Species"] = relationship(lazy="raise")
