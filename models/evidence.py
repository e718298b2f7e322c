"""The evidence every curated fact carries: reference, locator, status, qualifier."""

from sqlalchemy import Boolean, ForeignKey, String, false
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from models.enums import EvidenceStatus, enum_column_type
from models.reference import Reference


class EvidenceMixin:
    """Columns that say where a fact comes from and how firmly the source states it.

    ``reference`` is the work the fact rests on (the review itself when the
    source states it without citing another work); ``locator`` is where it
    stands in the source, for example "Table S4, row 3" or "Note S4".
    """

    @declared_attr
    def reference_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("reference.id", ondelete="RESTRICT"), index=True)

    @declared_attr
    def reference(cls) -> Mapped[Reference]:
        return relationship(Reference, lazy="raise")

    locator: Mapped[str] = mapped_column(String(120))
    status: Mapped[EvidenceStatus] = mapped_column(
        enum_column_type(EvidenceStatus, "evidence_status")
    )
    approximate: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
    """True where the source qualifies the value with "about" or "~"."""

    @property
    def evidence(self) -> dict[str, object]:
        """The four facts of the evidence together; ``reference`` must be loaded."""
        return {
            "reference": self.reference.key,
            "locator": self.locator,
            "status": self.status,
            "approximate": self.approximate,
        }
