"""Syntheses and experiments with their ordered steps and observations."""

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.queries import species_ref, with_reference
from api.web.errors import NotFound
from models import ConditionStep, Experiment, Observation, StepComponent, Synthesis


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


def list_syntheses(
    *, material_id: int | None = None, reference_id: int | None = None
) -> Select[Synthesis]:
    statement = select(Synthesis).options(*synthesis_options())
    if material_id is not None:
        statement = statement.where(Synthesis.material_id == material_id)
    if reference_id is not None:
        statement = statement.where(Synthesis.reference_id == reference_id)
    return statement


def list_experiments(
    *,
    material_id: int | None = None,
    reference_id: int | None = None,
    species_id: int | None = None,
) -> Select[Experiment]:
    statement = select(Experiment).options(*experiment_options())
    if material_id is not None:
        statement = statement.where(Experiment.material_id == material_id)
    if reference_id is not None:
        statement = statement.where(Experiment.reference_id == reference_id)
    if species_id is not None:
        statement = statement.where(
            exists().where(
                Observation.experiment_id == Experiment.id, Observation.species_id == species_id
            )
        )
    return statement


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
