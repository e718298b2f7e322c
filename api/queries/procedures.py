"""Syntheses and experiments with their ordered steps and observations."""

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.queries import species_ref, with_reference
from api.web.errors import NotFound
from models import (
    ConditionStep,
    Experiment,
    MaldiMeasurement,
    Observation,
    StepComponent,
    Synthesis,
    Transformation,
)
from models.enums import ComponentRole


def _steps(relationship: object) -> _AbstractLoad:
    return selectinload(relationship).options(  # type: ignore[arg-type]
        selectinload(ConditionStep.components).joinedload(StepComponent.reagent)
    )


def synthesis_options() -> list[_AbstractLoad]:
    return [
        joinedload(Synthesis.material),
        with_reference(Synthesis.reference),
        _steps(Synthesis.steps),
    ]


def experiment_options() -> list[_AbstractLoad]:
    return [
        joinedload(Experiment.material),
        with_reference(Experiment.reference),
        _steps(Experiment.steps),
        selectinload(Experiment.observations).options(
            joinedload(Observation.experiment).load_only(Experiment.slug),
            species_ref(Observation.species),
            with_reference(Observation.reference),
        ),
    ]


def _step_filters(
    parent: InstrumentedAttribute[int | None],
    owner_id: InstrumentedAttribute[int],
    *,
    reagent_id: int | None,
    solvent_id: int | None,
    additive_id: int | None,
    temperature_c: float | None,
) -> list[ColumnElement[bool]]:
    """Conditions on the steps of a synthesis or experiment (``parent`` is the step's
    column naming its owner, ``owner_id`` the owner's id)."""
    conditions: list[ColumnElement[bool]] = []

    def uses(reagent: int, role: ComponentRole | None) -> ColumnElement[bool]:
        return exists().where(
            parent == owner_id,
            StepComponent.step_id == ConditionStep.id,
            StepComponent.reagent_id == reagent,
            *([] if role is None else [StepComponent.role == role]),
        )

    if reagent_id is not None:
        conditions.append(uses(reagent_id, None))
    if solvent_id is not None:
        conditions.append(uses(solvent_id, ComponentRole.SOLVENT))
    if additive_id is not None:
        conditions.append(uses(additive_id, ComponentRole.ADDITIVE))
    if temperature_c is not None:
        if_ramp = ConditionStep.temperature_end_c.is_not(None)
        conditions.append(
            exists().where(
                parent == owner_id,
                or_(
                    ConditionStep.temperature_c == temperature_c,
                    and_(
                        if_ramp,
                        ConditionStep.temperature_c <= temperature_c,
                        ConditionStep.temperature_end_c >= temperature_c,
                    ),
                    and_(
                        if_ramp,
                        ConditionStep.temperature_c >= temperature_c,
                        ConditionStep.temperature_end_c <= temperature_c,
                    ),
                ),
            )
        )
    return conditions


def list_syntheses(
    *,
    material_id: int | None = None,
    reference_id: int | None = None,
    reagent_id: int | None = None,
    solvent_id: int | None = None,
    additive_id: int | None = None,
    temperature_c: float | None = None,
    species_id: int | None = None,
) -> Select[Synthesis]:
    """Syntheses matching the filters. ``reagent_id`` is a component of any role,
    ``solvent_id`` and ``additive_id`` one in that role; ``temperature_c`` a step held
    at it or ramping through it; ``species_id`` a synthesis that prepared a sample of
    the species (for a MALDI measurement)."""
    statement = select(Synthesis).options(*synthesis_options())
    if material_id is not None:
        statement = statement.where(Synthesis.material_id == material_id)
    if reference_id is not None:
        statement = statement.where(Synthesis.reference_id == reference_id)
    statement = statement.where(
        *_step_filters(
            ConditionStep.synthesis_id,
            Synthesis.id,
            reagent_id=reagent_id,
            solvent_id=solvent_id,
            additive_id=additive_id,
            temperature_c=temperature_c,
        )
    )
    if species_id is not None:
        statement = statement.where(
            exists().where(
                MaldiMeasurement.synthesis_id == Synthesis.id,
                MaldiMeasurement.species_id == species_id,
            )
        )
    return statement


def list_experiments(
    *,
    material_id: int | None = None,
    reference_id: int | None = None,
    species_id: int | None = None,
    reagent_id: int | None = None,
    solvent_id: int | None = None,
    additive_id: int | None = None,
    temperature_c: float | None = None,
) -> Select[Experiment]:
    """Experiments matching the filters: ``species_id`` observed in it or at either end
    of a transformation seen in it; the step filters as for :func:`list_syntheses`."""
    statement = select(Experiment).options(*experiment_options())
    if material_id is not None:
        statement = statement.where(Experiment.material_id == material_id)
    if reference_id is not None:
        statement = statement.where(Experiment.reference_id == reference_id)
    if species_id is not None:
        statement = statement.where(
            or_(
                exists().where(
                    Observation.experiment_id == Experiment.id,
                    Observation.species_id == species_id,
                ),
                exists().where(
                    Transformation.experiment_id == Experiment.id,
                    or_(
                        Transformation.source_id == species_id,
                        Transformation.product_id == species_id,
                    ),
                ),
            )
        )
    return statement.where(
        *_step_filters(
            ConditionStep.experiment_id,
            Experiment.id,
            reagent_id=reagent_id,
            solvent_id=solvent_id,
            additive_id=additive_id,
            temperature_c=temperature_c,
        )
    )


def get_synthesis(session: Session, slug: str) -> Synthesis:
    found = session.scalars(list_syntheses().where(Synthesis.slug == slug)).one_or_none()
    if found is None:
        raise NotFound(f"No synthesis with slug {slug!r}; list them at /api/v1/syntheses.")
    return found


def get_experiment(session: Session, slug: str) -> Experiment:
    found = session.scalars(list_experiments().where(Experiment.slug == slug)).one_or_none()
    if found is None:
        raise NotFound(f"No experiment with slug {slug!r}; list them at /api/v1/experiments.")
    return found
