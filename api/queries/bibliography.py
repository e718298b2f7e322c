"""The references a set of facts rests on: the bibliography of a query."""

from enum import StrEnum

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from api.queries.maldi import DEFAULT_TOLERANCE_DA, list_measurements
from api.queries.references import reference_options
from api.queries.transformations import list_transformations
from models import (
    AbsorptionPeak,
    Composition,
    IsosbesticPoint,
    Kinetics,
    MaldiMeasurement,
    Reference,
    SizeMeasurement,
    Species,
    Synthesis,
    Transformation,
    TransformationMechanism,
)
from models.enums import EvidenceStatus, Trigger


class FactKind(StrEnum):
    SPECIES = "species"
    TRANSFORMATIONS = "transformations"
    MALDI = "maldi"


def _species_refs(ids: Select[int]) -> list[Select[int]]:
    """The species and their peaks, compositions and sizes."""
    return [
        select(Species.reference_id).where(Species.id.in_(ids)),
        *(
            select(child.reference_id).where(child.species_id.in_(ids))
            for child in (AbsorptionPeak, Composition, SizeMeasurement)
        ),
    ]


def _transformation_refs(ids: Select[int]) -> list[Select[int]]:
    """The transformations and their kinetics, isosbestic points and pathways."""
    return [
        select(Transformation.reference_id).where(Transformation.id.in_(ids)),
        *(
            select(child.reference_id).where(child.transformation_id.in_(ids))
            for child in (Kinetics, IsosbesticPoint, TransformationMechanism)
        ),
    ]


def _maldi_refs(ids: Select[int]) -> list[Select[int]]:
    """The measurements and the preparations of their samples."""
    return [
        select(MaldiMeasurement.reference_id).where(MaldiMeasurement.id.in_(ids)),
        select(Synthesis.reference_id).where(
            Synthesis.id.in_(
                select(MaldiMeasurement.synthesis_id).where(MaldiMeasurement.id.in_(ids))
            )
        ),
    ]


def bibliography(
    session: Session,
    *,
    about: set[FactKind],
    material_id: int | None = None,
    species_id: int | None = None,
    trigger: Trigger | None = None,
    status: EvidenceStatus | None = None,
    mass_da: float | None = None,
    tolerance_da: float = DEFAULT_TOLERANCE_DA,
) -> list[Reference]:
    """Every reference that the facts matched by the filters rest on, by citation key.

    Each kind of fact in ``about`` is matched by the filters of its own list; a
    filter that does not apply to a kind (``trigger`` to MALDI, ``mass_da`` to
    transformations) leaves that kind out.
    """
    selects: list[Select[int]] = []
    if FactKind.SPECIES in about and trigger is None and mass_da is None:
        species = select(Species.id)
        if material_id is not None:
            species = species.where(Species.material_id == material_id)
        if species_id is not None:
            species = species.where(Species.id == species_id)
        if status is not None:
            species = species.where(Species.status == status)
        selects += _species_refs(species)
    if FactKind.TRANSFORMATIONS in about and mass_da is None:
        transformations = list_transformations(
            either_id=species_id, material_id=material_id, trigger=trigger, status=status
        ).with_only_columns(Transformation.id)
        selects += _transformation_refs(transformations)
    if FactKind.MALDI in about and trigger is None:
        measurements = list_measurements(
            species_id=species_id,
            material_id=material_id,
            mass_da=mass_da,
            tolerance_da=tolerance_da,
        ).with_only_columns(MaldiMeasurement.id)
        if status is not None:
            measurements = measurements.where(MaldiMeasurement.status == status)
        selects += _maldi_refs(measurements)
    if not selects:
        return []
    ids = union(*selects).subquery()
    return list(
        session.scalars(
            select(Reference)
            .where(Reference.id.in_(select(ids.c[0])))
            .order_by(Reference.key)
            .options(*reference_options())
        )
    )
