"""Species: MSCs, their precursor compounds and the other entities of the field, with
their aliases, absorption peaks, compositions and size measurements."""

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.curation import VersionedMixin
from models.enums import SpeciesKind, enum_column_type
from models.evidence import EvidenceMixin
from models.material import Material
from models.quantity import value_or_range


class Species(VersionedMixin, EvidenceMixin, Base):
    """One species, however many tables of the source mention it.

    ``label`` is spelled as in the source ("MSC-311", "sMSC-371", "PCs");
    ``slug`` is lowercased material + "-" + label, e.g. ``cdte-smsc-371``.
    """

    __tablename__ = "species"
    __table_args__ = (
        CheckConstraint("length(slug) > 0", name="slug_not_empty"),
        CheckConstraint("length(label) > 0", name="label_not_empty"),
        UniqueConstraint("material_id", "label"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    material_id: Mapped[int] = mapped_column(
        ForeignKey("material.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[SpeciesKind] = mapped_column(enum_column_type(SpeciesKind, "species_kind"))
    label: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(Text)

    material: Mapped[Material] = relationship(lazy="raise")
    aliases: Mapped[list["SpeciesAlias"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="SpeciesAlias.alias"
    )
    absorption_peaks: Mapped[list["AbsorptionPeak"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="AbsorptionPeak.id"
    )
    compositions: Mapped[list["Composition"]] = relationship(
        back_populates="species",
        cascade="all, delete-orphan",
        lazy="raise",
        order_by="Composition.id",
    )
    sizes: Mapped[list["SizeMeasurement"]] = relationship(
        back_populates="species",
        cascade="all, delete-orphan",
        lazy="raise",
        order_by="SizeMeasurement.id",
    )


class SpeciesAlias(Base):
    """Another name the species goes by, e.g. "PC-311" for a PC written with its MSC."""

    __tablename__ = "species_alias"
    __table_args__ = (UniqueConstraint("species_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    species_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(120))


class AbsorptionPeak(EvidenceMixin, Base):
    """An optical absorption peak of a species; the position can depend on temperature."""

    __tablename__ = "absorption_peak"
    __table_args__ = (
        value_or_range("peak_nm", name="peak", positive=True),
        CheckConstraint("peak_nm IS NOT NULL OR peak_low_nm IS NOT NULL", name="peak_given"),
        # Answers the peak filters (a value in a window, or a range overlapping it)
        # from the index alone, species_id included.
        Index("ix_absorption_peak_window", "peak_nm", "peak_low_nm", "peak_high_nm", "species_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    peak_nm: Mapped[float | None]
    peak_low_nm: Mapped[float | None]
    peak_high_nm: Mapped[float | None]
    temperature_c: Mapped[float | None]
    """Temperature the position was read at, where the source gives one."""


class Composition(EvidenceMixin, Base):
    """A composition or structure assigned to a species by one study.

    Composition of PCs and MSCs is mostly unknown: a species without rows here
    has an unknown composition.
    """

    __tablename__ = "composition"
    __table_args__ = (
        CheckConstraint("formula IS NOT NULL OR structure IS NOT NULL", name="something_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    formula: Mapped[str | None] = mapped_column(String(80))
    """Formula as the source writes it, e.g. "β-Cd37S20" or "(CdSe)33"."""
    structure: Mapped[str | None] = mapped_column(String(200))
    """Structure note, e.g. "zinc blende-like"."""

    species: Mapped[Species] = relationship(back_populates="compositions", lazy="raise")


class SizeMeasurement(EvidenceMixin, Base):
    """A size datum such as a SAXS centre-to-centre distance."""

    __tablename__ = "size_measurement"
    __table_args__ = (value_or_range("size_nm", name="size", positive=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    method: Mapped[str] = mapped_column(String(80))
    """Technique, e.g. "SAXS"."""
    quantity: Mapped[str] = mapped_column(String(120))
    """What was measured, e.g. "centre-to-centre distance"."""
    size_nm: Mapped[float | None]
    size_low_nm: Mapped[float | None]
    size_high_nm: Mapped[float | None]

    species: Mapped[Species] = relationship(back_populates="sizes", lazy="raise")


class PropertyDependence(EvidenceMixin, Base):
    """That a property of a species depends on a condition, as the source states it
    without values (Figure S2: the absorption peak positions of CdS MSC-311 and MSC-322
    are affected by temperature). Where values are given they are stored with the
    property itself (an absorption peak with its ``temperature_c``)."""

    __tablename__ = "property_dependence"
    __table_args__ = (UniqueConstraint("species_id", "property", "depends_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    property: Mapped[str] = mapped_column(String(120))
    """The property that changes, e.g. "absorption peak position"."""
    depends_on: Mapped[str] = mapped_column(String(120))
    """What it changes with, e.g. "temperature"."""
    note: Mapped[str | None] = mapped_column(Text)

    species: Mapped[Species] = relationship(lazy="raise")
