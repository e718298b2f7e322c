"""Transformations: the filtered list and one in full."""

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    exists,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from api.queries import (
    ID,
    SPECIES,
    Dict,
    Row,
    evidence_of,
    fields,
    in_ids,
    mappings,
    named,
    species_ref_of,
    with_evidence,
    with_species_ref,
)
from api.store.prepared import Bound, as_select
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


def _reagent_of(row: Row, name: str) -> Dict | None:
    if row[f"{name}_slug"] is None:
        return None
    return {column: row[f"{name}_{column}"] for column in REAGENT_COLUMNS}


@cache
def transformation_select(*, reverse: bool = False) -> Select[Any]:
    """One row per transformation: both species, the conditions and the evidence.

    ``reverse`` reads a transformation from its product back to its source: the two
    species (and their ids) swap places and ``direction`` says "reverse"."""
    experiment = Experiment.__table__
    t = TRANSFORMATION.c
    start, end = (t.product_id, t.source_id) if reverse else (t.source_id, t.product_id)
    statement: Select[Any] = select(
        *named(TRANSFORMATION, "id", "version", "slug"),
        start.label("source_id"),
        end.label("product_id"),
        *named(TRANSFORMATION, "reversible", "trigger", "description", *CONDITION_COLUMNS),
        experiment.c.slug.label("experiment"),
        literal_column("'reverse'" if reverse else "'forward'").label("direction"),
    ).outerjoin_from(TRANSFORMATION, experiment, experiment.c.id == t.experiment_id)
    statement = with_species_ref(statement, start, "source")
    statement = with_species_ref(statement, end, "product")
    statement = _with_reagent(statement, t.solvent_id, "solvent")
    statement = _with_reagent(statement, t.additive_id, "additive")
    return with_evidence(TRANSFORMATION, statement)


def transformation_summary(row: Row, matched: list[Dict] | None = None) -> Dict:
    """A TransformationSummary dict from a row of :func:`transformation_select`, with
    the records through which a list's filters ``matched`` it."""
    return {
        "id": row["slug"],
        "direction": row.get("direction", "forward"),
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
        "matched": matched or [],
    }


def _in_experiment(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    """The transformation's experiment has a step matching ``conditions``."""
    return exists().where(STEP.c.experiment_id == TRANSFORMATION.c.experiment_id, *conditions)


def transformations_query(
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
    include_reverse: bool = False,
) -> Select[Any] | Bound:
    """Rows of :func:`transformation_select` matching the filters: a statement built
    once for the filters' shape with the request's values (a :class:`Bound`), or, for
    the filters that shape it (``reversible``, ``temperature_c``), built anew.

    With ``include_reverse``, a ``source_id`` or ``product_id`` also matches a
    reversible transformation walked backwards: its row comes with the species
    swapped and ``direction`` "reverse". A transformation cannot match both ways
    (its source and product differ), so ``slug`` still names each row once.
    ``either_id`` matches both ends already and adds no reverse rows.

    Building the statement (two forty-column SELECTs and the subquery of their union)
    and hashing it for SQLAlchemy's compiled cache cost more than running it: 1.3 ms
    against 0.4 ms for the transformations out of one species. So each combination of
    the filters that compare a value is built once, with bound parameters, and a
    request binds its values when it runs."""
    values = {
        "source_id": source_id,
        "product_id": product_id,
        "either_id": either_id,
        "material_id": material_id,
        "trigger": trigger,
        "solvent_id": solvent_id,
        "additive_id": additive_id,
        "status": status,
        "reference_id": reference_id,
    }
    given = {name: value for name, value in values.items() if value is not None}
    if reversible is not None or temperature_c is not None:
        return _build(
            **values,
            reversible=reversible,
            temperature_c=temperature_c,
            include_reverse=include_reverse,
        )
    return Bound(_shape(frozenset(given), include_reverse), given)


list_transformations = as_select(transformations_query)


@cache
def _shape(names: frozenset[str], include_reverse: bool) -> Select[Any]:
    """The statement for the filters ``names``, each a bound parameter of its name."""
    return _build(
        **{name: bindparam(name) for name in names},
        reversible=None,
        temperature_c=None,
        include_reverse=include_reverse,
    )


def _build(
    *,
    source_id: Any = None,
    product_id: Any = None,
    either_id: Any = None,
    material_id: Any = None,
    trigger: Any = None,
    reversible: bool | None,
    solvent_id: Any = None,
    additive_id: Any = None,
    temperature_c: float | None,
    status: Any = None,
    reference_id: Any = None,
    include_reverse: bool,
) -> Select[Any]:
    """:func:`list_transformations`' statement; a filter's value is a value or a bound
    parameter (Any: either)."""

    def filtered(statement: Select[Any]) -> Select[Any]:
        return _filtered(
            statement,
            either_id=either_id,
            material_id=material_id,
            trigger=trigger,
            reversible=reversible,
            solvent_id=solvent_id,
            additive_id=additive_id,
            temperature_c=temperature_c,
            status=status,
            reference_id=reference_id,
        )

    t = TRANSFORMATION.c
    forward = filtered(transformation_select())
    if source_id is not None:
        forward = forward.where(t.source_id == source_id)
    if product_id is not None:
        forward = forward.where(t.product_id == product_id)
    if not include_reverse or (source_id is None and product_id is None):
        return forward
    backward = filtered(transformation_select(reverse=True)).where(t.reversible.is_(True))
    if source_id is not None:
        backward = backward.where(t.product_id == source_id)
    if product_id is not None:
        backward = backward.where(t.source_id == product_id)
    both = union_all(forward, backward).subquery("both_directions")
    return select(*both.c)


def _filtered(
    statement: Select[Any],
    *,
    either_id: Any,
    material_id: Any,
    trigger: Any,
    reversible: bool | None,
    solvent_id: Any,
    additive_id: Any,
    temperature_c: float | None,
    status: Any,
    reference_id: Any,
) -> Select[Any]:
    """``statement`` with the filters that read the same in either direction (each
    value a value or a bound parameter, see :func:`_build`)."""
    t = TRANSFORMATION.c
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


def _used_in_experiment(reagent_id: Any, role: ComponentRole) -> ColumnElement[bool]:
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


def transformation_row(session: Session, transformation_id: str) -> Row:
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


def transformation_detail(session: Session, row: Row) -> Dict:
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


# --- What a filter matched ------------------------------------------------------------

_solvent = Reagent.__table__.alias("kinetics_solvent")
KINETICS_IN_SOLVENT = (
    with_evidence(
        KINETICS,
        select(
            KINETICS.c.transformation_id,
            *named(KINETICS, *KINETICS_COLUMNS),
            _solvent.c.name.label("solvent_name"),
        ).join_from(KINETICS, _solvent, _solvent.c.id == KINETICS.c.solvent_id),
    )
    .where(in_ids(KINETICS.c.transformation_id), KINETICS.c.solvent_id == bindparam("reagent"))
    .order_by(KINETICS.c.id)
)
_component_reagent = Reagent.__table__.alias("component_reagent")
STEPS_USING = (
    select(
        TRANSFORMATION.c.id.label("transformation_id"),
        STEP.c.position,
        STEP.c.label,
        STEP.c.action,
        _component_reagent.c.name.label("reagent_name"),
        COMPONENT.c.volume_ml,
    )
    .join_from(TRANSFORMATION, STEP, STEP.c.experiment_id == TRANSFORMATION.c.experiment_id)
    .join(COMPONENT, COMPONENT.c.step_id == STEP.c.id)
    .join(_component_reagent, _component_reagent.c.id == COMPONENT.c.reagent_id)
    .where(
        in_ids(TRANSFORMATION.c.id),
        COMPONENT.c.reagent_id == bindparam("reagent"),
        COMPONENT.c.role == bindparam("role"),
    )
    .order_by(STEP.c.position, COMPONENT.c.position)
)
ISOSBESTIC_AT = (
    with_evidence(
        ISOSBESTIC,
        select(ISOSBESTIC.c.transformation_id, *named(ISOSBESTIC, "wavelength_nm")),
    )
    .where(
        in_ids(ISOSBESTIC.c.transformation_id),
        ISOSBESTIC.c.temperature_c == bindparam("celsius"),
    )
    .order_by(ISOSBESTIC.c.id)
)
STEPS_AT = (
    select(
        TRANSFORMATION.c.id.label("transformation_id"),
        *named(STEP, "position", "label", "action", "temperature_c", "temperature_end_c"),
    )
    .join_from(TRANSFORMATION, STEP, STEP.c.experiment_id == TRANSFORMATION.c.experiment_id)
    .where(
        in_ids(TRANSFORMATION.c.id),
        or_(
            STEP.c.temperature_c == bindparam("celsius"),
            and_(
                STEP.c.temperature_end_c.is_not(None),
                STEP.c.temperature_c <= bindparam("celsius"),
                STEP.c.temperature_end_c >= bindparam("celsius"),
            ),
            and_(
                STEP.c.temperature_end_c.is_not(None),
                STEP.c.temperature_c >= bindparam("celsius"),
                STEP.c.temperature_end_c <= bindparam("celsius"),
            ),
        ),
    )
    .order_by(STEP.c.position)
)


def _match(parameter: str, record: str, summary: str, **extra: Any) -> Dict:
    return {
        "parameter": parameter,
        "record": record,
        "summary": summary,
        "experiment": extra.get("experiment"),
        "step": extra.get("step"),
        "evidence": extra.get("evidence"),
    }


def _step_name(step: Row) -> str:
    label = f" {step['label']}" if step["label"] else ""
    return f"step {step['position']}{label} ({step['action']})"


def filter_matches(
    session: Session,
    rows: Sequence[Row],
    *,
    solvent_id: int | None = None,
    additive_id: int | None = None,
    temperature_c: float | None = None,
) -> dict[int, list[Dict]]:
    """Per transformation id of ``rows`` (of :func:`list_transformations`), the records
    through which the solvent, additive and temperature filters matched it: its own
    conditions, a kinetics record, an isosbestic point or a step of its experiment.
    A list row shows only the transformation's own conditions; these say why a row
    with ``conditions.solvent: null`` is in a list filtered by solvent."""
    found: dict[int, list[Dict]] = defaultdict(list)
    ids = [row["id"] for row in rows]
    if not ids:
        return found
    by_id = {row["id"]: row for row in rows}
    experiment = {row["id"]: row["experiment"] for row in rows}

    def children_of(statement: Select[Any], **params: Any) -> Sequence[Row]:
        return mappings(session, statement, {"ids": ids, **params})

    for parameter, reagent_id, role in (
        ("solvent", solvent_id, ComponentRole.SOLVENT),
        ("additive", additive_id, ComponentRole.ADDITIVE),
    ):
        if reagent_id is None:
            continue
        slug = _reagent_slug(session, reagent_id)
        for tid, row in by_id.items():
            own = _reagent_of(row, parameter)
            if own is not None and own["slug"] == slug:
                found[tid].append(
                    _match(
                        parameter,
                        "conditions",
                        f"conditions: {parameter} {own['name']}",
                        evidence=evidence_of(row),
                    )
                )
        if parameter == "solvent":
            for k in children_of(KINETICS_IN_SOLVENT, reagent=reagent_id):
                barrier = (
                    f", barrier {k['barrier_kj_mol']} kJ/mol"
                    if k["barrier_kj_mol"] is not None
                    else ""
                )
                found[k["transformation_id"]].append(
                    _match(
                        parameter,
                        "kinetics",
                        f"kinetics in {k['solvent_name']}{barrier}",
                        evidence=evidence_of(k),
                    )
                )
        for step in children_of(STEPS_USING, reagent=reagent_id, role=role):
            tid = step["transformation_id"]
            volume = f" {step['volume_ml']} mL" if step["volume_ml"] is not None else ""
            found[tid].append(
                _match(
                    parameter,
                    "experiment step",
                    f"{_step_name(step)} of {experiment[tid]}: {parameter} "
                    f"{step['reagent_name']}{volume}",
                    experiment=experiment[tid],
                    step=step["position"],
                )
            )
    if temperature_c is not None:
        for tid, row in by_id.items():
            if row["temperature_c"] == temperature_c:
                found[tid].append(
                    _match(
                        "temperature_c",
                        "conditions",
                        f"conditions: {temperature_c} °C",
                        evidence=evidence_of(row),
                    )
                )
        for p in children_of(ISOSBESTIC_AT, celsius=temperature_c):
            found[p["transformation_id"]].append(
                _match(
                    "temperature_c",
                    "isosbestic point",
                    f"isosbestic point at {p['wavelength_nm']} nm, {temperature_c} °C",
                    evidence=evidence_of(p),
                )
            )
        for step in children_of(STEPS_AT, celsius=temperature_c):
            tid = step["transformation_id"]
            end = step["temperature_end_c"]
            held = f"{step['temperature_c']}" + (f"→{end}" if end is not None else "")
            found[tid].append(
                _match(
                    "temperature_c",
                    "experiment step",
                    f"{_step_name(step)} of {experiment[tid]}: {held} °C",
                    experiment=experiment[tid],
                    step=step["position"],
                )
            )
    return found


def _reagent_slug(session: Session, reagent_id: int) -> str | None:
    return session.scalar(select(Reagent.slug).where(Reagent.id == reagent_id))
