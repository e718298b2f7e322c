"""Chemicals named in procedures: solvents, precursors, additives, ligands."""

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Reagent(Base):
    """A chemical as the source names it; ``full_name`` stays null where the source
    does not expand an acronym (OTA)."""

    __tablename__ = "reagent"
    __table_args__ = (CheckConstraint("length(slug) > 0", name="slug_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    """Name or acronym as the source writes it, e.g. "OTA", "Cd(SA)2", "toluene"."""
    abbreviation: Mapped[str | None] = mapped_column(String(40))
    full_name: Mapped[str | None] = mapped_column(String(300))
