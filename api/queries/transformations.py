"""Transformations: the filtered list and one in full."""

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, exists, or_, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.orm import Session

from api.queries import (
    ID,
    SPECIES,
    Dict,
    evidence_of,
    fields,
    mappings,
    named,
    species_ref_of,
    with_evidence,
    with_species_ref,
)
from api.web.errors import NotFound
from models import (
    ConditionStep,
    Experiment,
    IsosbesticPoint,
    Kinetics,
    Mechanism,
    Reagent,
    StepComponent,
    Transformation,
    TransformationMechanism,
)
from models.enums import ComponentRole, EvidenceStatus, Trigger

TRANSFORMATION = Transformation.__table__
KINETICS = Kinetics.__table__
ISOSBESTIC = IsosbesticPoint.__table__
STEP = ConditionStep.__table__
COMPONENT = StepComponent.__table__
REAGENT_COLUMNS = ("slug", "name", "abbreviation", "full_name")
CONDITION_COLUMNS = ("temperature_c", "additive_volume_ml", "window_start_s", "window_end_s")


def _with_reagent(statement: Select[Any], reagent_id: ColumnElement[Any], name: str) -> Select[Any]:
    """Add the reagent ``reagent_id`` points at (if any), for a ReagentRead ``name``."""
    reagent = Reagent.__table__.alias(name)
    return statement.add_columns(
        *(reagent.c[column].label(f"{name}_{column}") for column in REAGENT_COLUMNS)
    ).outerjoin(reagent, reagent.c.id == reagent_id)


def _reagent_of(row: RowMapping, name: str) -> Dict | None:
    if row[f"{name}_slug"] is None:
        return None
    return {column: row[f"{name}_{column}"] for column in REAGENT_COLUMNS}


@cache
def transformation_select() -> Select[Any]:
    """One row per transformation: both species, the conditions and the evidence."""
    experiment = Experiment.__table__
    statement: Select[Any] = select(
        *named(
            TRANSFORMATION,
            "id",
            "version",
            "slug",
            "source_id",
            "product_id",
            "reversible",
            "trigger",
            "description",
            *CONDITION_COLUMNS,
        ),
        experiment.c.slug.label("experiment"),
    ).outerjoin_from(TRANSFORMATION, experiment, experiment.c.id == TRANSFORMATION.c.experiment_id)
    statement = with_species_ref(statement, TRANSFORMATION.c.source_id, "source")
    statement = with_species_ref(statement, TRANSFORMATION.c.product_id, "product")
    statement = _with_reagent(statement, TRANSFORMATION.c.solvent_id, "solvent")
    statement = _with_reagent(statement, TRANSFORMATION.c.additive_id, "additive")
    return with_evidence(TRANSFORMATION, statement)


def transformation_summary(row: RowMapping) -> Dict:
    """A TransformationSummary dict from a row of :func:`transformation_select`."""
    return {
        "id": row["slug"],
        "source": species_ref_of(row, "source"),
        "product": species_ref_of(row, "product"),
        "reversible": row["reversible"],
        "trigger": row["trigger"],
        "conditions": {
            **{name: row[name] for name in CONDITION_COLUMNS},
            "solvent": _reagent_of(row, "solvent"),
            "additive": _reagent_of(row, "additive"),
            "experiment": row["experiment"],
        },
        "evidence": evidence_of(row),
    }


def _in_experiment(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The transformation's experiment has a step matching ``conditions``."""
    return exists().where(STEP.c.experiment_id == TRANSFORMATION.c.experiment_id, *conditions)


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
) -> Select[Any]:
    """Rows of :func:`transformation_select` matching the filters."""
    statement = transformation_select()
    t = TRANSFORMATION.c
    if source_id is not None:
        statement = statement.where(t.source_id == source_id)
    if product_id is not None:
        statement = statement.where(t.product_id == product_id)
    if either_id is not None:
        statement = statement.where(or_(t.source_id == either_id, t.product_id == either_id))
    if material_id is not None:
        of_material = select(SPECIES.c.id).where(SPECIES.c.material_id == material_id)
        statement = statement.where(
            or_(t.source_id.in_(of_material), t.product_id.in_(of_material))
        )
    if trigger is not None:
        statement = statement.where(t.trigger == trigger)
    if reversible is not None:
        statement = statement.where(t.reversible.is_(reversible))
    if solvent_id is not None:
        statement = statement.where(
            or_(
                t.solvent_id == solvent_id,
                exists().where(
                    KINETICS.c.transformation_id == t.id, KINETICS.c.solvent_id == solvent_id
                ),
                _used_in_experiment(solvent_id, ComponentRole.SOLVENT),
            )
        )
    if additive_id is not None:
        statement = statement.where(
            or_(
                t.additive_id == additive_id,
                _used_in_experiment(additive_id, ComponentRole.ADDITIVE),
            )
        )
    if temperature_c is not None:
        statement = statement.where(_at_temperature(temperature_c))
    if status is not None:
        statement = statement.where(t.status == status)
    if reference_id is not None:
        statement = statement.where(t.reference_id == reference_id)
    return statement


def _used_in_experiment(reagent_id: int, role: ComponentRole) -> ColumnElement[bool]:
    step = STEP.alias("used_in_step")
    return exists().where(
        step.c.experiment_id == TRANSFORMATION.c.experiment_id,
        COMPONENT.c.step_id == step.c.id,
        COMPONENT.c.reagent_id == reagent_id,
        COMPONENT.c.role == role,
    )


def _at_temperature(celsius: float) -> ColumnElement[bool]:
    """Inside the conditions: the stated temperature, an isosbestic point's temperature,
    or a step of the experiment held at it or ramping through it."""
    step = STEP.c
    return or_(
        TRANSFORMATION.c.temperature_c == celsius,
        exists().where(
            ISOSBESTIC.c.transformation_id == TRANSFORMATION.c.id,
            ISOSBESTIC.c.temperature_c == celsius,
        ),
        _in_experiment(
            or_(
                step.temperature_c == celsius,
                and_(
                    step.temperature_end_c.is_not(None),
                    step.temperature_c <= celsius,
                    step.temperature_end_c >= celsius,
                ),
                and_(
                    step.temperature_end_c.is_not(None),
                    step.temperature_c >= celsius,
                    step.temperature_end_c <= celsius,
                ),
            )
        ),
    )


TRANSFORMATION_BY_SLUG = transformation_select().where(TRANSFORMATION.c.slug == bindparam("slug"))


def transformation_row(session: Session, transformation_id: str) -> RowMapping:
    row = session.execute(TRANSFORMATION_BY_SLUG, {"slug": transformation_id}).mappings().first()
    if row is None:
        raise NotFound(
            f"No transformation with id {transformation_id!r}; list them at "
            "/api/v1/transformations."
        )
    return row


KINETICS_COLUMNS = (
    "reaction_order",
    "barrier_kj_mol",
    "barrier_uncertainty_kj_mol",
    "relative_rate",
)
KINETICS_OF = (
    with_evidence(
        KINETICS,
        _with_reagent(
            select(*named(KINETICS, *KINETICS_COLUMNS)), KINETICS.c.solvent_id, "solvent"
        ),
    )
    .where(KINETICS.c.transformation_id == ID)
    .order_by(KINETICS.c.id)
)
ISOSBESTIC_POINTS_OF = (
    with_evidence(ISOSBESTIC, select(*named(ISOSBESTIC, "wavelength_nm", "temperature_c")))
    .where(ISOSBESTIC.c.transformation_id == ID)
    .order_by(ISOSBESTIC.c.temperature_c, ISOSBESTIC.c.id)
)
_proposed = TransformationMechanism.__table__
_mechanism = Mechanism.__table__
MECHANISMS_OF = (
    with_evidence(
        _proposed,
        select(_mechanism.c.slug.label("mechanism"), _mechanism.c.name.label("name")).join_from(
            _proposed, _mechanism, _mechanism.c.id == _proposed.c.mechanism_id
        ),
    )
    .where(_proposed.c.transformation_id == ID)
    .order_by(_proposed.c.id)
)


def transformation_detail(session: Session, row: RowMapping) -> Dict:
    """A TransformationDetail dict: the transformation of ``row`` with its kinetics,
    isosbestic points and proposed mechanisms."""
    about = {"id": row["id"]}
    return {
        **transformation_summary(row),
        "description": row["description"],
        "kinetics": [
            {**fields(k, *KINETICS_COLUMNS), "solvent": _reagent_of(k, "solvent")}
            for k in mappings(session, KINETICS_OF, about)
        ],
        "isosbestic_points": [
            fields(p, "wavelength_nm", "temperature_c")
            for p in mappings(session, ISOSBESTIC_POINTS_OF, about)
        ],
        "mechanisms": [
            fields(m, "mechanism", "name") for m in mappings(session, MECHANISMS_OF, about)
        ],
    }
