"""MALDI-TOF measurements and matrices."""

from sqlalchemy import Select, exists, select, union
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.queries import species_ref, with_reference
from models import MaldiMatrix, MaldiMeasurement, MaldiMeasurementMatrix, MaldiPeak, Species

DEFAULT_TOLERANCE_DA = 5.0


def maldi_options() -> list[_AbstractLoad]:
    return [
        species_ref(MaldiMeasurement.species),
        joinedload(MaldiMeasurement.synthesis),
        with_reference(MaldiMeasurement.reference),
        selectinload(MaldiMeasurement.matrices).joinedload(MaldiMeasurementMatrix.matrix),
        selectinload(MaldiMeasurement.peaks),
    ]


def list_measurements(
    *,
    species_id: int | None = None,
    material_id: int | None = None,
    matrix_id: int | None = None,
    reference_id: int | None = None,
    mass_da: float | None = None,
    tolerance_da: float = DEFAULT_TOLERANCE_DA,
) -> Select[MaldiMeasurement]:
    statement = select(MaldiMeasurement).options(*maldi_options())
    if species_id is not None:
        statement = statement.where(MaldiMeasurement.species_id == species_id)
    if material_id is not None:
        statement = statement.where(
            MaldiMeasurement.species_id.in_(
                select(Species.id).where(Species.material_id == material_id)
            )
        )
    if matrix_id is not None:
        statement = statement.where(
            exists().where(
                MaldiMeasurementMatrix.measurement_id == MaldiMeasurement.id,
                MaldiMeasurementMatrix.matrix_id == matrix_id,
            )
        )
    if reference_id is not None:
        statement = statement.where(MaldiMeasurement.reference_id == reference_id)
    if mass_da is not None:
        low, high = mass_da - tolerance_da, mass_da + tolerance_da
        # Two index range scans (a single mass, a mass range) rather than a test per
        # measurement: with a million peaks the window holds a handful.
        near = union(
            select(MaldiPeak.measurement_id).where(MaldiPeak.mass_da.between(low, high)),
            select(MaldiPeak.measurement_id).where(
                MaldiPeak.mass_low_da <= high, MaldiPeak.mass_high_da >= low
            ),
        )
        statement = statement.where(MaldiMeasurement.id.in_(near))
    return statement


def list_matrices() -> Select[MaldiMatrix]:
    return select(MaldiMatrix).options(with_reference(MaldiMatrix.reference))
