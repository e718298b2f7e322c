"""Transformations among species, with their kinetics, isosbestic points and the
mechanisms (pathways) proposed for them."""

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
from models.enums import Trigger, enum_column_type
from models.evidence import EvidenceMixin
from models.procedure import Experiment
from models.reagent import Reagent
from models.species import Species


class Transformation(VersionedMixin, EvidenceMixin, Base):
    """Source species turning into product species under stated conditions.

    ``reversible`` is null where the source does not say. Conditions are typed
    columns so that scripts can filter on them; ``experiment`` points to the run
    it was observed in, with the full condition steps.
    """

    __tablename__ = "transformation"
    __table_args__ = (
        CheckConstraint("source_id <> product_id", name="distinct_species"),
        CheckConstraint(
            "additive_volume_ml IS NULL OR additive_volume_ml > 0", name="additive_volume"
        ),
        CheckConstraint("window_start_s IS NULL OR window_start_s >= 0", name="window_start"),
        CheckConstraint(
            "window_end_s IS NULL OR window_start_s IS NULL OR window_end_s >= window_start_s",
            name="window_order",
        ),
        CheckConstraint("temperature_c IS NULL OR temperature_c >= -273.15", name="temperature"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(160), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="RESTRICT"))
    """Indexed, with ``product_id``, by ix_transformation_arcs_out and _in."""
    product_id: Mapped[int] = mapped_column(ForeignKey("species.id", ondelete="RESTRICT"))
    reversible: Mapped[bool | None] = mapped_column(Boolean)
    trigger: Mapped[Trigger] = mapped_column(enum_column_type(Trigger, "trigger"), index=True)
    experiment_id: Mapped[int | None] = mapped_column(
        ForeignKey("experiment.id", ondelete="SET NULL"), index=True
    )
    temperature_c: Mapped[float | None]
    solvent_id: Mapped[int | None] = mapped_column(
        ForeignKey("reagent.id", ondelete="RESTRICT"), index=True
    )
    additive_id: Mapped[int | None] = mapped_column(
        ForeignKey("reagent.id", ondelete="RESTRICT"), index=True
    )
    additive_volume_ml: Mapped[float | None]
    window_start_s: Mapped[float | None]
    window_end_s: Mapped[float | None]
    description: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Species] = relationship(foreign_keys=[source_id], lazy="raise")
    product: Mapped[Species] = relationship(foreign_keys=[product_id], lazy="raise")
    experiment: Mapped[Experiment | None] = relationship(lazy="raise")
    solvent: Mapped[Reagent | None] = relationship(foreign_keys=[solvent_id], lazy="raise")
    additive: Mapped[Reagent | None] = relationship(foreign_keys=[additive_id], lazy="raise")
    kinetics: Mapped[list["Kinetics"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="Kinetics.id"
    )
    isosbestic_points: Mapped[list["IsosbesticPoint"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="IsosbesticPoint.temperature_c"
    )
    mechanisms: Mapped[list["TransformationMechanism"]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="TransformationMechanism.id"
    )


class Kinetics(EvidenceMixin, Base):
    """Kinetic data of a transformation in one solvent: order and barrier energy."""

    __tablename__ = "kinetics"
    __table_args__ = (
        UniqueConstraint("transformation_id", "solvent_id"),
        CheckConstraint("reaction_order IS NULL OR reaction_order > 0", name="order_positive"),
        CheckConstraint("barrier_kj_mol IS NULL OR barrier_kj_mol > 0", name="barrier_positive"),
        CheckConstraint(
            "barrier_uncertainty_kj_mol IS NULL OR barrier_uncertainty_kj_mol >= 0",
            name="uncertainty_not_negative",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    transformation_id: Mapped[int] = mapped_column(
        ForeignKey("transformation.id", ondelete="CASCADE"), index=True
    )
    solvent_id: Mapped[int | None] = mapped_column(ForeignKey("reagent.id", ondelete="RESTRICT"))
    reaction_order: Mapped[float | None]
    barrier_kj_mol: Mapped[float | None]
    barrier_uncertainty_kj_mol: Mapped[float | None]
    relative_rate: Mapped[str | None] = mapped_column(String(200))
    """How fast compared with the other rows, as the source says, e.g. "slower"."""

    solvent: Mapped[Reagent | None] = relationship(lazy="raise")


class IsosbesticPoint(EvidenceMixin, Base):
    """Isosbestic point of a transformation's spectra at one temperature."""

    __tablename__ = "isosbestic_point"
    __table_args__ = (
        UniqueConstraint("transformation_id", "temperature_c"),
        CheckConstraint("wavelength_nm > 0", name="wavelength_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    transformation_id: Mapped[int] = mapped_column(
        ForeignKey("transformation.id", ondelete="CASCADE"), index=True
    )
    wavelength_nm: Mapped[float]
    temperature_c: Mapped[float | None]


class Mechanism(EvidenceMixin, Base):
    """A proposed pathway (SN1-like, SN2-like) or rate-determining step, as ordered steps."""

    __tablename__ = "mechanism"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    applies_when: Mapped[str | None] = mapped_column(Text)
    """When the pathway is proposed to hold, e.g. "first-order kinetics"."""
    organic_analogue: Mapped[str | None] = mapped_column(Text)
    """The organic reaction it is modelled on, in the source's notation."""
    description: Mapped[str | None] = mapped_column(Text)

    steps: Mapped[list["MechanismStep"]] = relationship(
        order_by="MechanismStep.position", cascade="all, delete-orphan", lazy="raise"
    )


class MechanismStep(Base):
    __tablename__ = "mechanism_step"
    __table_args__ = (
        UniqueConstraint("mechanism_id", "position"),
        CheckConstraint("position >= 1", name="position_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    mechanism_id: Mapped[int] = mapped_column(ForeignKey("mechanism.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    equation: Mapped[str | None] = mapped_column(String(300))
    """The step as written in the source, e.g. "PC-1–(Mo/Fr)-1 → PC-1 + (Mo/Fr)-1"."""
    description: Mapped[str] = mapped_column(Text)
    rate_determining: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)


class TransformationMechanism(EvidenceMixin, Base):
    """A mechanism proposed for a specific transformation."""

    __tablename__ = "transformation_mechanism"
    __table_args__ = (UniqueConstraint("transformation_id", "mechanism_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    transformation_id: Mapped[int] = mapped_column(
        ForeignKey("transformation.id", ondelete="CASCADE")
    )
    mechanism_id: Mapped[int] = mapped_column(
        ForeignKey("mechanism.id", ondelete="CASCADE"), index=True
    )

    mechanism: Mapped[Mechanism] = relationship(lazy="raise")


# The arcs of the network, read from either end by the path search without touching
# the table: each index holds every column the search reads (id too, for PostgreSQL's
# index-only scans; SQLite keeps the rowid in every index anyway).
Index(
    "ix_transformation_arcs_out",
    Transformation.source_id,
    Transformation.product_id,
    Transformation.reversible,
    Transformation.id,
)
Index(
    "ix_transformation_arcs_in",
    Transformation.product_id,
    Transformation.source_id,
    Transformation.reversible,
    Transformation.id,
)
