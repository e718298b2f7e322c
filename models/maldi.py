"""MALDI-TOF mass spectrometry: matrices, measurements and the peaks they gave."""

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.curation import VersionedMixin
from models.evidence import EvidenceMixin
from models.procedure import Synthesis
from models.quantity import value_or_range
from models.species import Species


class MaldiMatrix(EvidenceMixin, Base):
    __tablename__ = "maldi_matrix"
    __table_args__ = (CheckConstraint("length(acronym) > 0", name="acronym_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    acronym: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str | None] = mapped_column(String(300))


class MaldiMeasurement(VersionedMixin, EvidenceMixin, Base):
    """One MALDI-TOF row: a species prepared one way, measured in one or more matrices.

    With ``matrix_alternatives`` true, the source names its matrices as
    alternatives ("DCTB or CHCA") and which one gave the mass is unknown. A
    measurement without matrices has an unknown matrix.
    """

    __tablename__ = "maldi_measurement"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="RESTRICT"), index=True
    )
    synthesis_id: Mapped[int | None] = mapped_column(
        ForeignKey("synthesis.id", ondelete="SET NULL"), index=True
    )
    matrix_alternatives: Mapped[bool] = mapped_column(
        Boolean, server_default=false(), default=False
    )
    note: Mapped[str | None] = mapped_column(Text)

    species: Mapped[Species] = relationship(lazy="raise")
    synthesis: Mapped[Synthesis | None] = relationship(lazy="raise")
    matrices: Mapped[list["MaldiMeasurementMatrix"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="MaldiMeasurementMatrix.position"
    )
    peaks: Mapped[list["MaldiPeak"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="MaldiPeak.position"
    )


class MaldiMeasurementMatrix(Base):
    __tablename__ = "maldi_measurement_matrix"
    __table_args__ = (
        UniqueConstraint("measurement_id", "matrix_id"),
        UniqueConstraint("measurement_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(
        ForeignKey("maldi_measurement.id", ondelete="CASCADE")
    )
    matrix_id: Mapped[int] = mapped_column(
        ForeignKey("maldi_matrix.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)

    matrix: Mapped[MaldiMatrix] = relationship(lazy="raise")


class MaldiPeak(Base):
    """A mass at a charge state: one value (5166.7 Da) or a range (60–90 kDa)."""

    __tablename__ = "maldi_peak"
    __table_args__ = (
        UniqueConstraint("measurement_id", "position"),
        value_or_range("mass_da", name="mass", positive=True),
        CheckConstraint("mass_da IS NOT NULL OR mass_low_da IS NOT NULL", name="mass_given"),
        CheckConstraint("charge <> 0", name="charge_not_zero"),
        Index("ix_maldi_peak_mass", "mass_da"),
        Index("ix_maldi_peak_mass_range", "mass_low_da", "mass_high_da"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(
        ForeignKey("maldi_measurement.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    mass_da: Mapped[float | None]
    mass_low_da: Mapped[float | None]
    mass_high_da: Mapped[float | None]
    charge: Mapped[int | None] = mapped_column(Integer)
    """Charge state z of the ion the mass is given for; null where the source gives none."""
