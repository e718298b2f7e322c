"""Relations among species: counterparts (PC ↔ MSC), isomer pairs, quasi-isomer
groups, side-by-side comparisons of two species and the clusters linked to a species."""

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.curation import VersionedMixin
from models.enums import ClusterRelation, Finding, enum_column_type
from models.evidence import EvidenceMixin
from models.species import Species


class Counterpart(VersionedMixin, EvidenceMixin, Base):
    """A precursor compound and the MSC it corresponds to."""

    __tablename__ = "counterpart"
    __table_args__ = (
        UniqueConstraint("pc_id", "msc_id"),
        CheckConstraint("pc_id <> msc_id", name="distinct_species"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pc_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"), index=True)
    msc_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"), index=True)

    pc: Mapped[Species] = relationship(foreign_keys=[pc_id], lazy="raise")
    msc: Mapped[Species] = relationship(foreign_keys=[msc_id], lazy="raise")


class IsomerPair(VersionedMixin, EvidenceMixin, Base):
    """Two species the source calls isomers; stored once, lower id first."""

    __tablename__ = "isomer_pair"
    __table_args__ = (
        UniqueConstraint("first_id", "second_id"),
        CheckConstraint("first_id < second_id", name="ordered_pair"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"), index=True)
    second_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"), index=True)

    first: Mapped[Species] = relationship(foreign_keys=[first_id], lazy="raise")
    second: Mapped[Species] = relationship(foreign_keys=[second_id], lazy="raise")


class QuasiIsomerGroup(EvidenceMixin, Base):
    """MSCs and their PCs with similar core composition and different configuration."""

    __tablename__ = "quasi_isomer_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)

    members: Mapped[list["QuasiIsomerMember"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="QuasiIsomerMember.id"
    )


class QuasiIsomerMember(Base):
    __tablename__ = "quasi_isomer_member"
    __table_args__ = (UniqueConstraint("group_id", "species_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("quasi_isomer_group.id", ondelete="CASCADE"))
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )

    species: Mapped[Species] = relationship(lazy="raise")


class Comparison(EvidenceMixin, Base):
    """A finding that two species are similar or different in one aspect (Table S5)."""

    __tablename__ = "comparison"
    __table_args__ = (CheckConstraint("first_id <> second_id", name="distinct_species"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"), index=True)
    second_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="CASCADE"), index=True)
    aspect: Mapped[str] = mapped_column(String(80))
    """What is compared, e.g. "cluster mass", "local structure", "shape"."""
    finding: Mapped[Finding] = mapped_column(enum_column_type(Finding, "finding"))
    methods: Mapped[str | None] = mapped_column(String(200))
    """How it was seen, as the source names it, e.g. "Fig 2b PDF, Fig 2d SAXS"."""
    note: Mapped[str | None] = mapped_column(Text)

    first: Mapped[Species] = relationship(foreign_keys=[first_id], lazy="raise")
    second: Mapped[Species] = relationship(foreign_keys=[second_id], lazy="raise")


class ClusterLink(EvidenceMixin, Base):
    """A cluster of definite formula linked to a species: seen in the species' mass
    spectrum, or named by a composition given for it (Note S2: the (CdSe)n, n = 13, 33
    and 34, of CdSe MSC-415)."""

    __tablename__ = "cluster_link"
    __table_args__ = (
        UniqueConstraint("species_id", "cluster_id", "relation"),
        CheckConstraint("species_id <> cluster_id", name="distinct_species"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    species_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[ClusterRelation] = mapped_column(
        enum_column_type(ClusterRelation, "cluster_relation")
    )
    note: Mapped[str | None] = mapped_column(Text)

    species: Mapped[Species] = relationship(foreign_keys=[species_id], lazy="raise")
    cluster: Mapped[Species] = relationship(foreign_keys=[cluster_id], lazy="raise")
