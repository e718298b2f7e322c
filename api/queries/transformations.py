"""Transformations: the filtered list, one in full, and the network among species."""

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import Session, aliased, joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.errors import NotFound
from api.queries import species_ref, with_reference
from models import (
    ConditionStep,
    IsosbesticPoint,
    Kinetics,
    Species,
    StepComponent,
    Transformation,
    TransformationMechanism,
)
from models.enums import ComponentRole, EvidenceStatus, Trigger


def summary_options() -> list[_AbstractLoad]:
    return [
        species_ref(Transformation.source),
        species_ref(Transformation.product),
        joinedload(Transformation.solvent),
        joinedload(Transformation.additive),
        joinedload(Transformation.experiment),
        with_reference(Transformation.reference),
    ]


def detail_options() -> list[_AbstractLoad]:
    return [
        *summary_options(),
        selectinload(Transformation.kinetics).options(
            joinedload(Kinetics.solvent), with_reference(Kinetics.reference)
        ),
        selectinload(Transformation.isosbestic_points).options(
            with_reference(IsosbesticPoint.reference)
        ),
        selectinload(Transformation.mechanisms).options(
            joinedload(TransformationMechanism.mechanism),
            with_reference(TransformationMechanism.reference),
        ),
    ]


def _in_experiment(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The transformation's experiment has a step matching ``conditions``."""
    return exists().where(ConditionStep.experiment_id == Transformation.experiment_id, *conditions)


def list_transformations(
    *,
    source_id: int | None = None,
    product_id: int | None = None,
    either_id: int | None = None,
    material_id: int | None = None,
    trigger: Trigger | None = None,
    reversible: bool | None = None,
    solvent_id: int | None = None,
    additive_id: int | None = None,
    temperature_c: float | None = None,
    status: EvidenceStatus | None = None,
    reference_id: int | None = None,
) -> Select[Transformation]:
    statement = select(Transformation).options(*summary_options())
    if source_id is not None:
        statement = statement.where(Transformation.source_id == source_id)
    if product_id is not None:
        statement = statement.where(Transformation.product_id == product_id)
    if either_id is not None:
        statement = statement.where(
            or_(Transformation.source_id == either_id, Transformation.product_id == either_id)
        )
    if material_id is not None:
        of_material = select(Species.id).where(Species.material_id == material_id)
        statement = statement.where(
            or_(
                Transformation.source_id.in_(of_material),
                Transformation.product_id.in_(of_material),
            )
        )
    if trigger is not None:
        statement = statement.where(Transformation.trigger == trigger)
    if reversible is not None:
        statement = statement.where(Transformation.reversible.is_(reversible))
    if solvent_id is not None:
        statement = statement.where(
            or_(
                Transformation.solvent_id == solvent_id,
                exists().where(
                    Kinetics.transformation_id == Transformation.id,
                    Kinetics.solvent_id == solvent_id,
                ),
                _used_in_experiment(solvent_id, ComponentRole.SOLVENT),
            )
        )
    if additive_id is not None:
        statement = statement.where(
            or_(
                Transformation.additive_id == additive_id,
                _used_in_experiment(additive_id, ComponentRole.ADDITIVE),
            )
        )
    if temperature_c is not None:
        statement = statement.where(_at_temperature(temperature_c))
    if status is not None:
        statement = statement.where(Transformation.status == status)
    if reference_id is not None:
        statement = statement.where(Transformation.reference_id == reference_id)
    return statement


def _used_in_experiment(reagent_id: int, role: ComponentRole) -> ColumnElement[bool]:
    step = aliased(ConditionStep)
    return exists().where(
        step.experiment_id == Transformation.experiment_id,
        StepComponent.step_id == step.id,
        StepComponent.reagent_id == reagent_id,
        StepComponent.role == role,
    )


def _at_temperature(celsius: float) -> ColumnElement[bool]:
    """Inside the conditions: the stated temperature, an isosbestic point's temperature,
    or a step of the experiment held at it or ramping through it."""
    return or_(
        Transformation.temperature_c == celsius,
        exists().where(
            IsosbesticPoint.transformation_id == Transformation.id,
            IsosbesticPoint.temperature_c == celsius,
        ),
        _in_experiment(
            or_(
                ConditionStep.temperature_c == celsius,
                and_(
                    ConditionStep.temperature_end_c.is_not(None),
                    ConditionStep.temperature_c <= celsius,
                    ConditionStep.temperature_end_c >= celsius,
                ),
                and_(
                    ConditionStep.temperature_end_c.is_not(None),
                    ConditionStep.temperature_c >= celsius,
                    ConditionStep.temperature_end_c <= celsius,
                ),
            )
        ),
    )


def get_transformation(session: Session, transformation_id: str) -> Transformation:
    found = session.scalars(
        select(Transformation)
        .where(Transformation.slug == transformation_id)
        .options(*detail_options())
    ).one_or_none()
    if found is None:
        raise NotFound(
            f"No transformation with id {transformation_id!r}; list them at "
            "/api/v1/transformations."
        )
    return found
