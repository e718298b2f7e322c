"""Materials: the semiconductor a species is made of (CdS, CdSe, CdTe, InP, PbSe)."""

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class Material(Base):
    __tablename__ = "material"
    __table_args__ = (CheckConstraint("length(formula) > 0", name="formula_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    formula: Mapped[str] = mapped_column(String(40), unique=True)
    """Formula as the field writes it, e.g. "CdS"; also the material's identifier."""
    name: Mapped[str | None] = mapped_column(String(120))
    """Common name, e.g. "cadmium sulfide"."""
