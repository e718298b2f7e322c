"""MALDI-TOF measurements and matrices."""

from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Float, Select, bindparam, exists, select, union
from sqlalchemy.orm import Session

from api.queries import (
    SPECIES,
    Dict,
    Row,
    children,
    evidence_of,
    in_ids,
    named,
    species_ref_of,
    with_evidence,
    with_reference,
    with_species_ref,
)
from api.store.prepared import Bound, Prepared, as_select
from api.web.errors import NotFound
from models import MaldiMatrix, MaldiMeasurement, MaldiMeasurementMatrix, MaldiPeak, Synthesis

DEFAULT_TOLERANCE_DA = 5.0

MEASUREMENT = MaldiMeasurement.__table__
LINK = MaldiMeasurementMatrix.__table__
MATRIX = MaldiMatrix.__table__
PEAK = MaldiPeak.__table__
MASS_COLUMNS = ("mass_da", "mass_low_da", "mass_high_da", "charge")


@cache
def maldi_select() -> Select[Any]:
    """One row per measurement, with its species, preparation and evidence."""
    synthesis = Synthesis.__table__
    statement: Select[Any] = select(
        *named(MEASUREMENT, "id", "version", "slug", "matrix_alternatives", "note"),
        synthesis.c.slug.label("synthesis_slug"),
        synthesis.c.preparation_text.label("synthesis_text"),
    ).outerjoin_from(MEASUREMENT, synthesis, synthesis.c.id == MEASUREMENT.c.synthesis_id)
    statement = with_species_ref(statement, MEASUREMENT.c.species_id, "species")
    return with_evidence(MEASUREMENT, statement)


def measurements_query(
    *,
    species_id: int | None = None,
    material_id: int | None = None,
    matrix_id: int | None = None,
    reference_id: int | None = None,
    mass_da: float | None = None,
    tolerance_da: float = DEFAULT_TOLERANCE_DA,
) -> Bound:
    """Rows of :func:`maldi_select` matching the filters: the statement built once for
    the filters given, with this request's values."""
    values = {
        "species_id": species_id,
        "material_id": material_id,
        "matrix_id": matrix_id,
        "reference_id": reference_id,
    }
    given: dict[str, Any] = {name: value for name, value in values.items() if value is not None}
    if mass_da is not None:
        given |= {"low": mass_da - tolerance_da, "high": mass_da + tolerance_da}
    return Bound(_shape(frozenset(given)), given)


list_measurements = as_select(measurements_query)


@cache
def _shape(names: frozenset[str]) -> Select[Any]:
    """The statement for the filters ``names``, each a bound parameter of its name
    (``low`` and ``high`` the mass window)."""
    statement = maldi_select()
    if "species_id" in names:
        statement = statement.where(MEASUREMENT.c.species_id == bindparam("species_id"))
    if "material_id" in names:
        statement = statement.where(
            MEASUREMENT.c.species_id.in_(
                select(SPECIES.c.id).where(SPECIES.c.material_id == bindparam("material_id"))
            )
        )
    if "matrix_id" in names:
        statement = statement.where(
            exists().where(
                LINK.c.measurement_id == MEASUREMENT.c.id,
                LINK.c.matrix_id == bindparam("matrix_id"),
            )
        )
    if "reference_id" in names:
        statement = statement.where(MEASUREMENT.c.reference_id == bindparam("reference_id"))
    if "low" in names:
        low, high = bindparam("low", type_=Float()), bindparam("high", type_=Float())
        # Two index range scans (a single mass, a mass range) rather than a test per
        # measurement: with a million peaks the window holds a handful.
        near = union(
            select(PEAK.c.measurement_id).where(PEAK.c.mass_da.between(low, high)),
            select(PEAK.c.measurement_id).where(
                PEAK.c.mass_low_da <= high, PEAK.c.mass_high_da >= low
            ),
        )
        statement = statement.where(MEASUREMENT.c.id.in_(near))
    return statement


MATRICES = Prepared(
    select(LINK.c.measurement_id, MATRIX.c.acronym)
    .join_from(LINK, MATRIX, MATRIX.c.id == LINK.c.matrix_id)
    .where(in_ids(LINK.c.measurement_id))
    .order_by(LINK.c.position)
)
MASSES = Prepared(
    select(*named(PEAK, "measurement_id", *MASS_COLUMNS))
    .where(in_ids(PEAK.c.measurement_id))
    .order_by(PEAK.c.position)
)


def maldi_items(session: Session, rows: Sequence[Row], *, matrices: bool = True) -> list[Dict]:
    """MaldiRead dicts for rows of :func:`maldi_select`, in their order. ``matrices``
    False: the caller knows that none of them names a matrix."""
    ids = [row["id"] for row in rows]
    acronyms = children(session, MATRICES, "measurement_id", ids) if matrices else defaultdict(list)
    peaks = children(session, MASSES, "measurement_id", ids)
    return [
        {
            "id": row["slug"],
            "species": species_ref_of(row, "species"),
            "preparation": None
            if row["synthesis_slug"] is None
            else {"slug": row["synthesis_slug"], "preparation_text": row["synthesis_text"]},
            "matrices": [m["acronym"] for m in acronyms[row["id"]]],
            "matrix_alternatives": row["matrix_alternatives"],
            "masses": [{name: p[name] for name in MASS_COLUMNS} for p in peaks[row["id"]]],
            "note": row["note"],
            "evidence": evidence_of(row),
        }
        for row in rows
    ]


def list_matrices() -> Select[MaldiMatrix]:
    return select(MaldiMatrix).options(with_reference(MaldiMatrix.reference))


def measurement_row(session: Session, slug: str) -> Row:
    """One measurement's row of :func:`maldi_select`; 404 when there is none."""
    row = session.execute(maldi_select().where(MEASUREMENT.c.slug == slug)).mappings().first()
    if row is None:
        raise NotFound(f"No MALDI measurement {slug!r}; list them at /api/v1/maldi.")
    return row
