"""The references a set of facts rests on: the bibliography of a query."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, or_, select, union
from sqlalchemy.orm import Session

from api.queries.maldi import DEFAULT_TOLERANCE_DA, list_measurements
from api.queries.references import reference_options
from api.queries.species import OWN_FACTS
from api.queries.transformations import list_transformations
from models import (
    Characterization,
    Citation,
    ClusterLink,
    Comparison,
    Counterpart,
    Experiment,
    GlossaryTerm,
    IsomerPair,
    IsosbesticPoint,
    KeyAdvance,
    Kinetics,
    MaldiMatrix,
    MaldiMeasurement,
    MaldiMeasurementMatrix,
    Mechanism,
    MonomerFormula,
    Observation,
    PhysicalConstant,
    QuasiIsomerGroup,
    QuasiIsomerMember,
    Reference,
    SourceNote,
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
    KEY_ADVANCES = "key_advances"
    SYNTHESES = "syntheses"
    EXPERIMENTS = "experiments"
    OBSERVATIONS = "observations"
    RELATIONS = "relations"
    MECHANISMS = "mechanisms"
    CONSTANTS = "constants"
    GLOSSARY = "glossary"
    MONOMER_FORMULAS = "monomer_formulas"
    CHARACTERIZATIONS = "characterizations"
    NOTES = "notes"


@dataclass(frozen=True)
class Filters:
    material_id: int | None
    species_id: int | None
    trigger: Trigger | None
    status: EvidenceStatus | None
    mass_da: float | None
    tolerance_da: float

    def given(self) -> set[str]:
        """The names of the filters given (``tolerance_da`` goes with ``mass_da``)."""
        names = ("material_id", "species_id", "trigger", "status", "mass_da")
        return {name for name in names if getattr(self, name) is not None}


Refs = list[Select[Any]]
"""SELECTs of reference ids, one per table of facts."""


def _species_ids(f: Filters) -> Select[Any]:
    species = select(Species.id)
    if f.material_id is not None:
        species = species.where(Species.material_id == f.material_id)
    if f.species_id is not None:
        species = species.where(Species.id == f.species_id)
    return species


def _status(model: Any, f: Filters) -> list[ColumnElement[bool]]:
    return [] if f.status is None else [model.status == f.status]


def _species(f: Filters) -> Refs:
    """The species and their peaks, compositions, sizes and property dependences."""
    ids = _species_ids(f).where(*_status(Species, f))
    return [
        select(Species.reference_id).where(Species.id.in_(ids)),
        *(select(child.reference_id).where(child.species_id.in_(ids)) for child in OWN_FACTS),
    ]


def _transformation_ids(f: Filters) -> Select[Any]:
    return list_transformations(
        either_id=f.species_id, material_id=f.material_id, trigger=f.trigger, status=f.status
    ).with_only_columns(Transformation.id)


def _transformations(f: Filters) -> Refs:
    """The transformations and their kinetics, isosbestic points and pathways."""
    ids = _transformation_ids(f)
    return [
        select(Transformation.reference_id).where(Transformation.id.in_(ids)),
        *(
            select(child.reference_id).where(child.transformation_id.in_(ids))
            for child in (Kinetics, IsosbesticPoint, TransformationMechanism)
        ),
    ]


def _maldi(f: Filters) -> Refs:
    """The measurements, the preparations of their samples and their matrices."""
    ids = list_measurements(
        species_id=f.species_id,
        material_id=f.material_id,
        mass_da=f.mass_da,
        tolerance_da=f.tolerance_da,
    ).with_only_columns(MaldiMeasurement.id)
    if f.status is not None:
        ids = ids.where(MaldiMeasurement.status == f.status)
    link = MaldiMeasurementMatrix
    return [
        select(MaldiMeasurement.reference_id).where(MaldiMeasurement.id.in_(ids)),
        select(Synthesis.reference_id).where(
            Synthesis.id.in_(
                select(MaldiMeasurement.synthesis_id).where(MaldiMeasurement.id.in_(ids))
            )
        ),
        select(MaldiMatrix.reference_id).where(
            MaldiMatrix.id.in_(select(link.matrix_id).where(link.measurement_id.in_(ids)))
        ),
    ]


def _key_advances(f: Filters) -> Refs:
    statement = select(KeyAdvance.reference_id).where(*_status(KeyAdvance, f))
    if f.material_id is not None:
        statement = statement.where(KeyAdvance.material_id == f.material_id)
    return [statement]


def _syntheses(f: Filters) -> Refs:
    """Syntheses of the material; of a species, the preparations of its MALDI samples."""
    statement = select(Synthesis.reference_id).where(*_status(Synthesis, f))
    if f.material_id is not None:
        statement = statement.where(Synthesis.material_id == f.material_id)
    if f.species_id is not None:
        statement = statement.where(
            Synthesis.id.in_(
                select(MaldiMeasurement.synthesis_id).where(
                    MaldiMeasurement.species_id == f.species_id
                )
            )
        )
    return [statement]


def _observed(f: Filters) -> ColumnElement[bool]:
    """Observations of the species (or of the material's species)."""
    return Observation.species_id.in_(_species_ids(f))


def _experiments(f: Filters) -> Refs:
    """Experiments on the material or observing its species (a run whose part names no
    material has none, its species carry it); of a species, those observing it."""
    statement = select(Experiment.reference_id).where(*_status(Experiment, f))
    observing = Experiment.id.in_(select(Observation.experiment_id).where(_observed(f)))
    if f.species_id is not None:
        statement = statement.where(observing)
    elif f.material_id is not None:
        statement = statement.where(or_(Experiment.material_id == f.material_id, observing))
    return [statement]


def _observations(f: Filters) -> Refs:
    statement = select(Observation.reference_id).where(*_status(Observation, f))
    if f.species_id is not None:
        statement = statement.where(_observed(f))
    elif f.material_id is not None:
        of_material = select(Experiment.id).where(Experiment.material_id == f.material_id)
        statement = statement.where(or_(_observed(f), Observation.experiment_id.in_(of_material)))
    return [statement]


def _relations(f: Filters) -> Refs:
    """Counterparts, isomer pairs, comparisons, cluster links and quasi-isomer groups
    with a species matched by the filters on either side."""
    ids = _species_ids(f)
    pairs: list[tuple[Any, Any, Any]] = [
        (Counterpart, Counterpart.pc_id, Counterpart.msc_id),
        (IsomerPair, IsomerPair.first_id, IsomerPair.second_id),
        (Comparison, Comparison.first_id, Comparison.second_id),
        (ClusterLink, ClusterLink.species_id, ClusterLink.cluster_id),
    ]
    selects: Refs = [
        select(model.reference_id).where(or_(a.in_(ids), b.in_(ids)), *_status(model, f))
        for model, a, b in pairs
    ]
    members = select(QuasiIsomerMember.group_id).where(QuasiIsomerMember.species_id.in_(ids))
    selects.append(
        select(QuasiIsomerGroup.reference_id).where(
            QuasiIsomerGroup.id.in_(members), *_status(QuasiIsomerGroup, f)
        )
    )
    return selects


def _mechanisms(f: Filters) -> Refs:
    """Mechanisms; with a species, material or trigger, those proposed for the
    transformations they match. Unfiltered (but for status), also the works cited in
    the table that states them: Table S3 cites an organic chemistry text for the
    SN1/SN2 analogy, a fact of the mechanism with no row of its own. (A note cites
    works for many facts, each reached through its own kind.)"""
    mechanisms = select(Mechanism.id).where(*_status(Mechanism, f))
    selects: Refs = []
    if f.given() - {"status"}:
        proposed = select(TransformationMechanism.mechanism_id).where(
            TransformationMechanism.transformation_id.in_(_transformation_ids(f))
        )
        mechanisms = mechanisms.where(Mechanism.id.in_(proposed))
    else:
        selects.append(
            select(Citation.reference_id).where(
                exists().where(
                    Mechanism.id.in_(mechanisms),
                    Mechanism.locator.like("Table %"),
                    Citation.locator.startswith(Mechanism.locator + " ["),
                )
            )
        )
    return [select(Mechanism.reference_id).where(Mechanism.id.in_(mechanisms)), *selects]


def _characterizations(f: Filters) -> Refs:
    statement = select(Characterization.reference_id).where(*_status(Characterization, f))
    if f.material_id is not None:
        statement = statement.where(Characterization.material_id == f.material_id)
    return [statement]


def _plain(model: Any) -> Callable[[Filters], Refs]:
    """Facts about no material or species (a constant, a glossary term, a note)."""

    def refs(f: Filters) -> Refs:
        return [select(model.reference_id).where(*_status(model, f))]

    return refs


@dataclass(frozen=True)
class Gatherer:
    refs: Callable[[Filters], Refs]
    filters: frozenset[str]
    """The filters that apply to this kind; any other filter given leaves it out."""


STATUS = frozenset({"status"})
ABOUT_SPECIES = frozenset({"material_id", "species_id", "status"})
GATHERERS: dict[FactKind, Gatherer] = {
    FactKind.SPECIES: Gatherer(_species, ABOUT_SPECIES),
    FactKind.TRANSFORMATIONS: Gatherer(_transformations, ABOUT_SPECIES | {"trigger"}),
    FactKind.MALDI: Gatherer(_maldi, ABOUT_SPECIES | {"mass_da"}),
    FactKind.KEY_ADVANCES: Gatherer(_key_advances, frozenset({"material_id", "status"})),
    FactKind.SYNTHESES: Gatherer(_syntheses, ABOUT_SPECIES),
    FactKind.EXPERIMENTS: Gatherer(_experiments, ABOUT_SPECIES),
    FactKind.OBSERVATIONS: Gatherer(_observations, ABOUT_SPECIES),
    FactKind.RELATIONS: Gatherer(_relations, ABOUT_SPECIES),
    FactKind.MECHANISMS: Gatherer(_mechanisms, ABOUT_SPECIES | {"trigger"}),
    FactKind.CONSTANTS: Gatherer(_plain(PhysicalConstant), STATUS),
    FactKind.GLOSSARY: Gatherer(_plain(GlossaryTerm), STATUS),
    FactKind.MONOMER_FORMULAS: Gatherer(_plain(MonomerFormula), STATUS),
    FactKind.CHARACTERIZATIONS: Gatherer(_characterizations, frozenset({"material_id", "status"})),
    FactKind.NOTES: Gatherer(_plain(SourceNote), STATUS),
}


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

    Each kind of fact in ``about`` is matched by the filters that apply to it (see
    ``GATHERERS``); a filter that does not apply to a kind (``trigger`` to MALDI,
    ``mass_da`` to transformations, ``material`` to the glossary) leaves that kind
    out. Every kind and no filter is every reference, cited by a fact or not.
    """
    f = Filters(material_id, species_id, trigger, status, mass_da, tolerance_da)
    given = f.given()
    statement = select(Reference).order_by(Reference.key).options(*reference_options())
    if about >= set(FactKind) and not given:
        return list(session.scalars(statement))
    selects: Refs = []
    for kind in sorted(about):
        gatherer = GATHERERS[kind]
        if given <= gatherer.filters:
            selects += gatherer.refs(f)
    if not selects:
        return []
    ids = union(*selects).subquery()
    return list(session.scalars(statement.where(Reference.id.in_(select(ids.c[0])))))
