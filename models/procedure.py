"""Syntheses (how a sample was made) and experiments (what was watched over time),
both described by ordered condition steps with their components."""

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.curation import VersionedMixin
from models.enums import ComponentRole, StepAction, Trend, enum_column_type
from models.evidence import EvidenceMixin
from models.material import Material
from models.reagent import Reagent

if TYPE_CHECKING:
    from models.species import Species


class Synthesis(VersionedMixin, EvidenceMixin, Base):
    """A preparation: reaction, storage and dispersion that gave a sample."""

    __tablename__ = "synthesis"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    material_id: Mapped[int] = mapped_column(
        ForeignKey("material.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)
    preparation_text: Mapped[str | None] = mapped_column(String(300))
    """The preparation as the source prints it, e.g. "180 °C/20 min in toluene"."""

    material: Mapped[Material] = relationship(lazy="raise")
    steps: Mapped[list["ConditionStep"]] = relationship(
        order_by="ConditionStep.position", cascade="all, delete-orphan", lazy="raise"
    )


class Experiment(VersionedMixin, EvidenceMixin, Base):
    """A monitored run: a reaction batch or a dispersion whose spectra were followed."""

    __tablename__ = "experiment"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    material_id: Mapped[int | None] = mapped_column(
        ForeignKey("material.id", ondelete="RESTRICT"), index=True
    )
    """Null where the source does not say which material the run used."""
    description: Mapped[str | None] = mapped_column(Text)

    material: Mapped[Material | None] = relationship(lazy="raise")
    steps: Mapped[list["ConditionStep"]] = relationship(
        order_by="ConditionStep.position", cascade="all, delete-orphan", lazy="raise"
    )
    observations: Mapped[list["Observation"]] = relationship(
        back_populates="experiment",
        cascade="all, delete-orphan",
        lazy="raise",
        order_by="Observation.position",
    )


class ConditionStep(Base):
    """One ordered step of a synthesis or an experiment (exactly one of the two).

    Times are seconds: ``start_s``/``end_s`` where the source gives points in time
    (sampling at 10 s; 260 °C at 5 s to 320 °C at 1800 s), ``duration_s`` where
    it gives only how long (20 min, 3-day storage). ``temperature_end_c`` is the
    end of a temperature ramp.
    """

    __tablename__ = "condition_step"
    __table_args__ = (
        CheckConstraint("(synthesis_id IS NULL) <> (experiment_id IS NULL)", name="one_parent"),
        UniqueConstraint("synthesis_id", "position"),
        UniqueConstraint("experiment_id", "position"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint("temperature_c IS NULL OR temperature_c >= -273.15", name="temperature"),
        CheckConstraint(
            "temperature_end_c IS NULL OR temperature_end_c >= -273.15", name="temperature_end"
        ),
        CheckConstraint("start_s IS NULL OR start_s >= 0", name="start_not_negative"),
        CheckConstraint(
            "end_s IS NULL OR start_s IS NULL OR end_s >= start_s", name="end_after_start"
        ),
        CheckConstraint("duration_s IS NULL OR duration_s > 0", name="duration_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    synthesis_id: Mapped[int | None] = mapped_column(
        ForeignKey("synthesis.id", ondelete="CASCADE"), index=True
    )
    experiment_id: Mapped[int | None] = mapped_column(
        ForeignKey("experiment.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    action: Mapped[StepAction] = mapped_column(enum_column_type(StepAction, "step_action"))
    temperature_c: Mapped[float | None]
    temperature_end_c: Mapped[float | None]
    start_s: Mapped[float | None]
    end_s: Mapped[float | None]
    duration_s: Mapped[float | None]
    label: Mapped[str | None] = mapped_column(String(80))
    """The source's name for the step or sample, e.g. "(1)" or "part D"."""
    note: Mapped[str | None] = mapped_column(Text)

    components: Mapped[list["StepComponent"]] = relationship(
        order_by="StepComponent.position", cascade="all, delete-orphan", lazy="raise"
    )


class StepComponent(Base):
    """A chemical used in a step, with its amount where the source gives one."""

    __tablename__ = "step_component"
    __table_args__ = (
        UniqueConstraint("step_id", "position"),
        CheckConstraint("volume_ml IS NULL OR volume_ml > 0", name="volume_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    step_id: Mapped[int] = mapped_column(ForeignKey("condition_step.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[ComponentRole] = mapped_column(enum_column_type(ComponentRole, "component_role"))
    reagent_id: Mapped[int] = mapped_column(
        ForeignKey("reagent.id", ondelete="RESTRICT"), index=True
    )
    volume_ml: Mapped[float | None]
    note: Mapped[str | None] = mapped_column(String(300))

    reagent: Mapped[Reagent] = relationship(lazy="raise")


class Observation(VersionedMixin, EvidenceMixin, Base):
    """What a species did during a window of an experiment: rose, fell, stabilised..."""

    __tablename__ = "observation"
    __table_args__ = (
        UniqueConstraint("experiment_id", "position"),
        CheckConstraint("window_start_s IS NULL OR window_start_s >= 0", name="start"),
        CheckConstraint(
            "window_end_s IS NULL OR window_start_s IS NULL OR window_end_s >= window_start_s",
            name="window_order",
        ),
        CheckConstraint("species_id IS NOT NULL OR subject IS NOT NULL", name="has_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiment.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    species_id: Mapped[int | None] = mapped_column(
        ForeignKey("species.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str | None] = mapped_column(String(200))
    """What was observed when it is not one curated species, e.g. "CdSe MSCs"."""
    trend: Mapped[Trend] = mapped_column(enum_column_type(Trend, "trend"))
    window_start_s: Mapped[float | None]
    window_end_s: Mapped[float | None]
    temperature_c: Mapped[float | None]
    label: Mapped[str | None] = mapped_column(String(80))
    """The figure part the source refers to, e.g. "part D"."""
    note: Mapped[str | None] = mapped_column(Text)

    experiment: Mapped[Experiment] = relationship(back_populates="observations", lazy="raise")
    species: Mapped["Species | None"] = relationship(lazy="raise")
