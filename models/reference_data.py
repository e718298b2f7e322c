"""Reference data stated in the source beside the species: glossary terms, physical
constants, monomer formulas, characterisation records and the notes of its tables."""

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.evidence import EvidenceMixin
from models.material import Material
from models.procedure import Experiment


class GlossaryTerm(EvidenceMixin, Base):
    """A Table S1 entry; ``acronym`` is null for concepts the source gives without one."""

    __tablename__ = "glossary_term"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    acronym: Mapped[str | None] = mapped_column(String(40))
    full_name: Mapped[str] = mapped_column(String(200))
    explanation: Mapped[str] = mapped_column(Text)


class PhysicalConstant(EvidenceMixin, Base):
    """A constant the source quotes, such as a bond dissociation energy with uncertainty."""

    __tablename__ = "physical_constant"
    __table_args__ = (
        UniqueConstraint("quantity", "subject"),
        CheckConstraint("uncertainty_kj_mol IS NULL OR uncertainty_kj_mol >= 0", name="unc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    quantity: Mapped[str] = mapped_column(String(120))
    """E.g. "bond dissociation energy"."""
    subject: Mapped[str] = mapped_column(String(80))
    """What it is of, e.g. the bond "Cd–S"."""
    value_kj_mol: Mapped[float]
    uncertainty_kj_mol: Mapped[float | None]
    """Plus-or-minus uncertainty as the source gives it."""


class MonomerFormula(EvidenceMixin, Base):
    """The proposed monomer M2En of a metal (Table S1): n = 1 for Cu, 3 for In, ..."""

    __tablename__ = "monomer_formula"
    __table_args__ = (CheckConstraint("chalcogen_count >= 1", name="n_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    element: Mapped[str] = mapped_column(String(8), unique=True)
    chalcogen_count: Mapped[int] = mapped_column(Integer)
    """n in M2En."""


class Characterization(EvidenceMixin, Base):
    """A measurement the source presents without numbers to curate (Figures S3, S4)."""

    __tablename__ = "characterization"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    method: Mapped[str] = mapped_column(String(200))
    """Technique, e.g. "Cd K-edge XAFS" or "MALDI-TOF MS"."""
    material_id: Mapped[int | None] = mapped_column(ForeignKey("material.id", ondelete="RESTRICT"))
    experiment_id: Mapped[int | None] = mapped_column(
        ForeignKey("experiment.id", ondelete="SET NULL")
    )
    description: Mapped[str] = mapped_column(Text)

    material: Mapped[Material | None] = relationship(lazy="raise")
    experiment: Mapped[Experiment | None] = relationship(lazy="raise")


class SourceNote(EvidenceMixin, Base):
    """A statement the source makes beside a table's or figure's rows (the note under
    Table S2), summarised in the project's words; the locator points to it."""

    __tablename__ = "source_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    summary: Mapped[str] = mapped_column(Text)
