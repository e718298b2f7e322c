"""Species: the filtered list, and everything known about one species."""

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Float,
    FromClause,
    Select,
    bindparam,
    exists,
    or_,
    select,
    union,
    union_all,
)
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.queries import (
    ID,
    MATERIAL,
    SPECIES,
    Dict,
    Row,
    children,
    evidence_of,
    fields,
    in_ids,
    mappings,
    named,
    same_text,
    species_ref,
    species_ref_of,
    with_evidence,
    with_reference,
    with_species_ref,
)
from api.queries.formulas import elements, same_composition
from api.queries.maldi import LINK as MATRIX_LINK
from api.queries.maldi import MEASUREMENT, maldi_items, maldi_select
from api.queries.transformations import (
    TRANSFORMATION,
    transformation_select,
    transformation_summary,
)
from api.store.prepared import Bound, Prepared, as_select
from api.web.errors import NotFound
from models import (
    AbsorptionPeak,
    ClusterLink,
    Comparison,
    Composition,
    Counterpart,
    Experiment,
    IsomerPair,
    Observation,
    PropertyDependence,
    QuasiIsomerGroup,
    QuasiIsomerMember,
    SizeMeasurement,
    SpeciesAlias,
)
from models.enums import EvidenceStatus, SpeciesKind


@cache
def species_select() -> Select[Any]:
    """One row per species: its own columns, its material's formula and its evidence."""
    statement: Select[Any] = select(
        *named(SPECIES, "id", "version", "slug", "kind", "label", "description"),
        MATERIAL.c.formula.label("material"),
    ).join_from(SPECIES, MATERIAL, MATERIAL.c.id == SPECIES.c.material_id)
    return with_evidence(SPECIES, statement)


def with_peak_between(
    low_nm: float | BindParameter[float] | None, high_nm: float | BindParameter[float] | None
) -> Select[int]:
    """Ids of species with an absorption peak, or peak range, inside [low_nm, high_nm]
    (values, or bound parameters; None leaves that side open): two index range scans
    (single peaks by value, ranges among the rows without one)."""
    peak = AbsorptionPeak.__table__
    single = select(peak.c.species_id)
    ranged = select(peak.c.species_id).where(peak.c.peak_nm.is_(None))
    if low_nm is not None:
        single = single.where(peak.c.peak_nm >= low_nm)
        ranged = ranged.where(peak.c.peak_high_nm >= low_nm)
    if high_nm is not None:
        single = single.where(peak.c.peak_nm <= high_nm)
        ranged = ranged.where(peak.c.peak_low_nm <= high_nm)
    return union(single, ranged)  # type: ignore[return-value]


def with_composition(session: Session, formula: str) -> list[int]:
    """Ids of species with a composition that names the same elements and counts as
    ``formula`` (see api/queries/formulas.py). Stored formulas are compared in Python:
    the normalisation (prefixes, subscripts, groups) is not SQL, and compositions are
    few (most are unknown)."""
    table = Composition.__table__
    rows = session.execute(
        select(table.c.species_id, table.c.formula).where(table.c.formula.is_not(None))
    )
    return sorted({sid for sid, stored in rows if same_composition(stored, formula)})


def is_formula(session: Session, formula: str) -> bool:
    """Whether ``formula`` reads as a formula, or is one stored as the source writes it."""
    return elements(formula) is not None or bool(with_composition(session, formula))


OWN_FACTS = (AbsorptionPeak, Composition, SizeMeasurement, PropertyDependence)
"""The facts about one species itself, each with a reference of its own: what the
species list's ``reference`` filter and the bibliography's ``about=species`` read."""


def with_reference_in_evidence(reference_id: int | BindParameter[Any]) -> Select[Any]:
    """Ids of species whose evidence, or that of one of their :data:`OWN_FACTS`,
    cites the reference."""
    return union(  # type: ignore[return-value]
        select(SPECIES.c.id).where(SPECIES.c.reference_id == reference_id),
        *(select(fact.species_id).where(fact.reference_id == reference_id) for fact in OWN_FACTS),
    )


def species_query(
    *,
    material: str | None = None,
    kind: SpeciesKind | None = None,
    peak_nm_min: float | None = None,
    peak_nm_max: float | None = None,
    q: str | None = None,
    material_id: int | None = None,
    composition_ids: Sequence[int] | None = None,
    reference_id: int | None = None,
    status: EvidenceStatus | None = None,
    maldi: bool | None = None,
    q_composition_ids: Sequence[int] = (),
) -> Select[Any] | Bound:
    """Rows of :func:`species_select` matching the filters: a statement built once for
    the filters' shape with the request's values (a :class:`Bound`, as
    :func:`api.queries.transformations.transformations_query` explains), or, with a
    text to match (``material`` as written, ``q``), built anew.

    ``composition_ids`` are the species :func:`with_composition` found for the
    composition asked for; ``q_composition_ids`` those it found for ``q`` read as a
    formula (``q=Cd₃₇S₂₀``), which ``q`` then matches beside its text."""
    values = {
        "material_id": material_id,
        "kind": kind,
        "peak_nm_min": peak_nm_min,
        "peak_nm_max": peak_nm_max,
        "composition_ids": None if composition_ids is None else list(composition_ids),
        "reference_id": reference_id,
        "status": status,
    }
    given = {name: value for name, value in values.items() if value is not None}
    statement = _species_shape(frozenset(given), maldi)
    if material is None and not q:
        return Bound(statement, given)
    if material is not None:
        statement = statement.where(same_text(MATERIAL.c.formula, material))
    if q:
        statement = statement.where(_matching(q, q_composition_ids))
    return Bound(statement, given).select()


list_species = as_select(species_query)


@cache
def _species_shape(names: frozenset[str], maldi: bool | None) -> Select[Any]:
    """The statement for the filters ``names``, each a bound parameter of its name, and
    ``maldi`` (with or without MALDI-TOF data, or either)."""
    statement = species_select()
    if "material_id" in names:
        statement = statement.where(SPECIES.c.material_id == bindparam("material_id"))
    if "kind" in names:
        statement = statement.where(SPECIES.c.kind == bindparam("kind"))
    if "peak_nm_min" in names or "peak_nm_max" in names:
        low = bindparam("peak_nm_min", type_=Float()) if "peak_nm_min" in names else None
        high = bindparam("peak_nm_max", type_=Float()) if "peak_nm_max" in names else None
        statement = statement.where(SPECIES.c.id.in_(with_peak_between(low, high)))
    if "composition_ids" in names:
        statement = statement.where(SPECIES.c.id.in_(bindparam("composition_ids", expanding=True)))
    if "reference_id" in names:
        statement = statement.where(
            SPECIES.c.id.in_(with_reference_in_evidence(bindparam("reference_id")))
        )
    if "status" in names:
        statement = statement.where(SPECIES.c.status == bindparam("status"))
    if maldi is not None:
        measured = exists().where(MEASUREMENT.c.species_id == SPECIES.c.id)
        statement = statement.where(measured if maldi else ~measured)
    return statement


def _matching(q: str, q_composition_ids: Sequence[int]) -> ColumnElement[bool]:
    """Species whose slug, label, description, an alias or a composition's formula
    holds ``q``, or among ``q_composition_ids``."""
    alias = SpeciesAlias.__table__
    composition = Composition.__table__
    return or_(
        SPECIES.c.slug.icontains(q, autoescape=True),
        SPECIES.c.label.icontains(q, autoescape=True),
        SPECIES.c.description.icontains(q, autoescape=True),
        exists().where(
            alias.c.species_id == SPECIES.c.id,
            alias.c.alias.icontains(q, autoescape=True),
        ),
        exists().where(
            composition.c.species_id == SPECIES.c.id,
            composition.c.formula.icontains(q, autoescape=True),
        ),
        SPECIES.c.id.in_(q_composition_ids),
    )


PEAK_COLUMNS = ("peak_nm", "peak_low_nm", "peak_high_nm", "temperature_c")
_alias = SpeciesAlias.__table__
ALIASES = Prepared(
    select(_alias.c.species_id, _alias.c.alias)
    .where(in_ids(_alias.c.species_id))
    .order_by(_alias.c.alias)
)
_peak = AbsorptionPeak.__table__
PEAKS = Prepared(
    with_evidence(_peak, select(*named(_peak, "species_id", *PEAK_COLUMNS)))
    .where(in_ids(_peak.c.species_id))
    .order_by(_peak.c.id)
)


def species_summaries(
    session: Session, rows: Sequence[Row], *, aliases: bool = True, peaks: bool = True
) -> list[Dict]:
    """SpeciesSummary dicts for rows of :func:`species_select`, in their order.
    ``aliases`` or ``peaks`` False: the caller knows there are none to read."""
    ids = [row["id"] for row in rows]
    none: dict[int, list[Row]] = defaultdict(list)
    alias_rows = children(session, ALIASES, "species_id", ids) if aliases else none
    peak_rows = children(session, PEAKS, "species_id", ids) if peaks else none
    return [
        {
            "slug": row["slug"],
            "material": row["material"],
            "kind": row["kind"],
            "label": row["label"],
            "aliases": [a["alias"] for a in alias_rows[row["id"]]],
            "absorption_peaks": [fields(p, *PEAK_COLUMNS) for p in peak_rows[row["id"]]],
            "evidence": evidence_of(row),
        }
        for row in rows
    ]


SPECIES_BY_SLUG = Prepared(species_select().where(SPECIES.c.slug == bindparam("slug")))


def species_row(session: Session, slug: str) -> Row:
    found = SPECIES_BY_SLUG.rows(session, {"slug": slug})
    if not found:
        raise NotFound(f"No species with slug {slug!r}; list them at /api/v1/species.")
    return found[0]


MALDI_OF_SPECIES = maldi_select().where(MEASUREMENT.c.species_id == ID).order_by(MEASUREMENT.c.slug)


def _both_ways(end: str) -> Select[Any]:
    """Transformations with the species at ``end`` ("source_id" or "product_id"), and
    the reversible ones with it at the other end, walked backwards (direction
    "reverse", species swapped), by id."""
    t = TRANSFORMATION.c
    other = "product_id" if end == "source_id" else "source_id"
    forward = transformation_select().where(t[end] == ID)
    backward = transformation_select(reverse=True).where(t[other] == ID, t.reversible.is_(True))
    both = union_all(forward, backward).subquery()
    return select(*both.c).order_by(both.c.slug)


TRANSFORMATIONS_OUT = _both_ways("source_id")
TRANSFORMATIONS_IN = _both_ways("product_id")


def species_detail(session: Session, row: Row) -> Dict:
    """A SpeciesDetail dict: the species of ``row`` and everything known about it.

    Most species have few kinds of facts, so one statement first asks which of the
    detail's statements would find anything (each as an EXISTS of itself) and only
    those run (bench/RESULTS.md: 7.9 statements a species detail instead of 16 on
    the benchmark's species)."""
    sid = row["id"]
    about = {"id": sid}
    present = _PRESENT.rows(session, about)[0]

    def rows(name: str) -> Sequence[Row]:
        return _PREPARED_DETAIL[name].rows(session, about) if present[name] else ()

    return {
        **species_summaries(
            session, [row], aliases=present["aliases"], peaks=present["absorption_peaks"]
        )[0],
        "description": row["description"],
        "compositions": [fields(r, *COMPOSITION_COLUMNS) for r in rows("compositions")],
        "sizes": [fields(r, *SIZE_COLUMNS) for r in rows("sizes")],
        "counterparts": [
            {"pc": species_ref_of(r, "pc"), "msc": species_ref_of(r, "msc"), **fields(r)}
            for r in rows("counterparts")
        ],
        "isomers": [
            {
                "species": species_ref_of(r, "second" if r["first_id"] == sid else "first"),
                **fields(r),
            }
            for r in rows("isomers")
        ],
        "quasi_isomer_groups": _quasi_isomer_groups(session, rows("quasi_isomer_groups")),
        "comparisons": [
            {
                "first": species_ref_of(r, "first"),
                "second": species_ref_of(r, "second"),
                **fields(r, *COMPARISON_COLUMNS),
            }
            for r in rows("comparisons")
        ],
        "property_dependences": [
            {
                "species": species_ref_of(r, "species"),
                **fields(r, *DEPENDENCE_COLUMNS),
            }
            for r in rows("property_dependences")
        ],
        "cluster_links": [
            {
                "species": species_ref_of(r, "species"),
                "cluster": species_ref_of(r, "cluster"),
                **fields(r, *CLUSTER_LINK_COLUMNS),
            }
            for r in rows("cluster_links")
        ],
        "maldi_measurements": maldi_items(
            session, rows("maldi_measurements"), matrices=present["maldi_matrices"]
        ),
        "transformations_out": [transformation_summary(t) for t in rows("transformations_out")],
        "transformations_in": [transformation_summary(t) for t in rows("transformations_in")],
        "observations": [
            {
                "experiment": r["experiment"],
                "species": species_ref_of(r, "species"),
                **fields(r, *OBSERVATION_COLUMNS),
            }
            for r in rows("observations")
        ],
    }


def _of_species(table: FromClause, *names: str) -> Select[Any]:
    """Rows of a table of facts about one species, with ``names`` and evidence."""
    statement = with_evidence(table, select(*named(table, *names)))
    return statement.where(table.c.species_id == ID).order_by(table.c.id)


COMPOSITION_COLUMNS = ("formula", "structure")
COMPOSITIONS = _of_species(Composition.__table__, *COMPOSITION_COLUMNS)
SIZE_COLUMNS = ("method", "quantity", "size_nm", "size_low_nm", "size_high_nm")
SIZES = _of_species(SizeMeasurement.__table__, *SIZE_COLUMNS)


def _pairs(table: FromClause, first: str, second: str, *names: str) -> Select[Any]:
    """Rows relating the species to another, both as SpeciesRefs, with ``names`` and
    evidence."""
    statement = select(*named(table, "id", f"{first}_id", *names))
    statement = with_species_ref(statement, table.c[f"{first}_id"], first)
    statement = with_species_ref(statement, table.c[f"{second}_id"], second)
    return (
        with_evidence(table, statement)
        .where(or_(table.c[f"{first}_id"] == ID, table.c[f"{second}_id"] == ID))
        .order_by(table.c.id)
    )


COUNTERPARTS = _pairs(Counterpart.__table__, "pc", "msc")
ISOMERS = _pairs(IsomerPair.__table__, "first", "second")
COMPARISON_COLUMNS = ("aspect", "finding", "methods", "note")
COMPARISONS = _pairs(Comparison.__table__, "first", "second", *COMPARISON_COLUMNS)
CLUSTER_LINK_COLUMNS = ("relation", "note")
CLUSTER_LINKS = _pairs(ClusterLink.__table__, "species", "cluster", *CLUSTER_LINK_COLUMNS)
DEPENDENCE_COLUMNS = ("property", "depends_on", "note")
_dependence = PropertyDependence.__table__
PROPERTY_DEPENDENCES = with_species_ref(
    _of_species(_dependence, *DEPENDENCE_COLUMNS), _dependence.c.species_id, "species"
)

_group = QuasiIsomerGroup.__table__
_member = QuasiIsomerMember.__table__
QUASI_ISOMER_GROUPS = (
    with_evidence(_group, select(*named(_group, "id", "slug", "name", "description")))
    .where(_group.c.id.in_(select(_member.c.group_id).where(_member.c.species_id == ID)))
    .order_by(_group.c.slug)
)
MEMBERS = Prepared(
    with_species_ref(select(_member.c.group_id), _member.c.species_id, "member")
    .where(in_ids(_member.c.group_id))
    .order_by(_member.c.id)
)


def _quasi_isomer_groups(session: Session, groups: Sequence[Row]) -> list[Dict]:
    members = children(session, MEMBERS, "group_id", [g["id"] for g in groups])
    return [
        {
            **fields(g, "slug", "name", "description"),
            "members": [species_ref_of(m, "member") for m in members[g["id"]]],
        }
        for g in groups
    ]


OBSERVATION_COLUMNS = (
    "subject",
    "trend",
    "window_start_s",
    "window_end_s",
    "temperature_c",
    "label",
    "note",
)


def _observations_select() -> Select[Any]:
    table = Observation.__table__
    experiment = Experiment.__table__
    statement: Select[Any] = select(
        *named(table, *OBSERVATION_COLUMNS), experiment.c.slug.label("experiment")
    ).join_from(table, experiment, experiment.c.id == table.c.experiment_id)
    statement = with_species_ref(statement, table.c.species_id, "species")
    return (
        with_evidence(table, statement)
        .where(table.c.species_id == ID)
        .order_by(table.c.experiment_id, table.c.position)
    )


OBSERVATIONS = _observations_select()

_DETAIL: dict[str, Select[Any]] = {
    "compositions": COMPOSITIONS,
    "sizes": SIZES,
    "counterparts": COUNTERPARTS,
    "isomers": ISOMERS,
    "quasi_isomer_groups": QUASI_ISOMER_GROUPS,
    "comparisons": COMPARISONS,
    "property_dependences": PROPERTY_DEPENDENCES,
    "cluster_links": CLUSTER_LINKS,
    "maldi_measurements": MALDI_OF_SPECIES,
    "transformations_out": TRANSFORMATIONS_OUT,
    "transformations_in": TRANSFORMATIONS_IN,
    "observations": OBSERVATIONS,
}
"""The statements of a species detail, each about the species ``:id``."""

_PREPARED_DETAIL = {name: Prepared(statement) for name, statement in _DETAIL.items()}

_PRESENT = Prepared(
    select(
        *(statement.exists().label(name) for name, statement in _DETAIL.items()),
        select(_alias.c.species_id).where(_alias.c.species_id == ID).exists().label("aliases"),
        select(_peak.c.species_id)
        .where(_peak.c.species_id == ID)
        .exists()
        .label("absorption_peaks"),
        select(MATRIX_LINK.c.measurement_id)
        .join_from(MATRIX_LINK, MEASUREMENT, MEASUREMENT.c.id == MATRIX_LINK.c.measurement_id)
        .where(MEASUREMENT.c.species_id == ID)
        .exists()
        .label("maldi_matrices"),
    )
)
"""Which of a species' statements would find a row: each the EXISTS of the statement
itself (or, for the children read by ``IN`` the parents' ids, of the child table), so a
statement left out could only have found nothing."""


def quasi_isomer_group_options() -> list[_AbstractLoad]:
    return [
        with_reference(QuasiIsomerGroup.reference),
        selectinload(QuasiIsomerGroup.members).options(species_ref(QuasiIsomerMember.species)),
    ]


def _peak_distance(peak: Row, peak_nm: float) -> float:
    """How far ``peak_nm`` lies from the peak; 0 inside a range peak."""
    if peak["peak_nm"] is not None:
        return float(abs(peak["peak_nm"] - peak_nm))
    low, high = peak["peak_low_nm"], peak["peak_high_nm"]
    if low <= peak_nm <= high:
        return 0.0
    return float(min(abs(peak_nm - low), abs(peak_nm - high)))


def resolve_peak(
    session: Session,
    *,
    peak_nm: float,
    tolerance_nm: float,
    material_id: int | None = None,
) -> list[Dict]:
    """The species a measured absorption peak could belong to: every species with a
    peak within ``tolerance_nm`` (a range peak on overlap), nearest first, each with
    its nearest peak and that peak's evidence."""
    statement = with_species_ref(
        with_evidence(_peak, select(*named(_peak, "species_id", *PEAK_COLUMNS))),
        _peak.c.species_id,
        "species",
    ).where(
        _peak.c.species_id.in_(with_peak_between(peak_nm - tolerance_nm, peak_nm + tolerance_nm))
    )
    if material_id is not None:
        statement = statement.where(
            _peak.c.species_id.in_(select(SPECIES.c.id).where(SPECIES.c.material_id == material_id))
        )
    nearest: dict[int, tuple[float, Row]] = {}
    for row in mappings(session, statement.order_by(_peak.c.id)):
        distance = _peak_distance(row, peak_nm)
        if distance > tolerance_nm:
            continue  # another peak of the species is the one in the window
        best = nearest.get(row["species_id"])
        if best is None or distance < best[0]:
            nearest[row["species_id"]] = (distance, row)
    ranked = sorted(nearest.values(), key=lambda item: (item[0], item[1]["species_slug"]))
    return [
        {
            "species": species_ref_of(row, "species"),
            "distance_nm": distance,
            "peak": fields(row, *PEAK_COLUMNS),
        }
        for distance, row in ranked
    ]
