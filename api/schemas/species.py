"""Species, their peaks, compositions, sizes and relations to other species."""

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from api.schemas import Celsius, Evidence, Nm, Schema, SlugOf, SpeciesRef
from api.schemas.maldi import MaldiRead
from api.schemas.transformations import TransformationSummary
from models.enums import ClusterRelation, Finding, Trend


class AbsorptionPeakRead(Schema):
    peak_nm: Nm | None = Field(description="Peak position, when one value is given.")
    peak_low_nm: Nm | None = Field(description="Low end, when a range is given (350–360 nm).")
    peak_high_nm: Nm | None = Field(description="High end, when a range is given.")
    temperature_c: Celsius | None = Field(description="Temperature the peak was read at.")
    evidence: Evidence


class CompositionRead(Schema):
    formula: str | None = Field(description='As the source writes it, e.g. "β-Cd37S20".')
    structure: str | None = Field(description='E.g. "zinc blende-like".')
    evidence: Evidence


class SizeRead(Schema):
    method: str = Field(description='Technique, e.g. "SAXS".')
    quantity: str = Field(description='What was measured, e.g. "centre-to-centre distance".')
    size_nm: Nm | None
    size_low_nm: Nm | None
    size_high_nm: Nm | None
    evidence: Evidence


class SpeciesSummary(SpeciesRef):
    aliases: list[str]
    absorption_peaks: list[AbsorptionPeakRead]
    evidence: Evidence


class CounterpartRead(Schema):
    pc: SpeciesRef = Field(description="The precursor compound.")
    msc: SpeciesRef = Field(description="The magic-size cluster it corresponds to.")
    evidence: Evidence


class IsomerRead(Schema):
    species: SpeciesRef = Field(description="The other species of the isomer pair.")
    evidence: Evidence


def _member_species(value: Any) -> Any:
    return [getattr(member, "species", member) for member in value]


class QuasiIsomerGroupRead(Schema):
    slug: str
    name: str
    description: str | None
    members: Annotated[list[SpeciesRef], BeforeValidator(_member_species)]
    evidence: Evidence


class ComparisonRead(Schema):
    first: SpeciesRef
    second: SpeciesRef
    aspect: str = Field(description='What is compared, e.g. "cluster mass".')
    finding: Finding
    methods: str | None = Field(description='How it was seen, e.g. "Fig 2a MALDI".')
    note: str | None
    evidence: Evidence


class PropertyDependenceRead(Schema):
    """That a property of a species depends on a condition, as the source states it
    without values (Figure S2); values, where given, stand with the property itself."""

    species: SpeciesRef
    property: str = Field(description='The property that changes, e.g. "absorption peak position".')
    depends_on: str = Field(description='What it changes with, e.g. "temperature".')
    note: str | None
    evidence: Evidence


class ClusterLinkRead(Schema):
    """A cluster of definite formula linked to a species (Note S2)."""

    species: SpeciesRef
    cluster: SpeciesRef = Field(description='The cluster, e.g. "(CdSe)33".')
    relation: ClusterRelation = Field(
        description="mass-spectrum: seen in a mass spectrum of the species; composition: "
        "the cluster's formula is one the species' composition names."
    )
    note: str | None
    evidence: Evidence


class ObservationRead(Schema):
    experiment: SlugOf = Field(description="Slug of the experiment the observation belongs to.")
    species: SpeciesRef | None
    subject: str | None = Field(description="What was observed when it is not one species.")
    trend: Trend
    window_start_s: float | None = Field(description="Start of the window, seconds.")
    window_end_s: float | None = Field(description="End of the window, seconds.")
    temperature_c: Celsius | None
    label: str | None = Field(description='Figure part, e.g. "D".')
    note: str | None
    evidence: Evidence


class SpeciesDetail(SpeciesSummary):
    """One species and everything the knowledge base holds about it."""

    description: str | None
    compositions: list[CompositionRead] = Field(
        description="Compositions or structures assigned to it; empty when unknown."
    )
    sizes: list[SizeRead]
    counterparts: list[CounterpartRead]
    isomers: list[IsomerRead]
    quasi_isomer_groups: list[QuasiIsomerGroupRead]
    comparisons: list[ComparisonRead]
    property_dependences: list[PropertyDependenceRead] = Field(
        description="Properties the source says depend on a condition, without values."
    )
    cluster_links: list[ClusterLinkRead] = Field(
        description="Clusters linked to this species, or species this cluster is linked to."
    )
    maldi_measurements: list[MaldiRead]
    transformations_out: list[TransformationSummary] = Field(
        description="Transformations this species is the source of, and the reversible ones "
        "it is the product of, walked backwards (direction: reverse)."
    )
    transformations_in: list[TransformationSummary] = Field(
        description="Transformations that give this species, and the reversible ones it is "
        "the source of, walked backwards (direction: reverse)."
    )
    observations: list[ObservationRead]


class PeakCandidate(Schema):
    """A species a measured absorption peak could belong to."""

    species: SpeciesRef
    distance_nm: Nm = Field(
        description="From the measured peak to the species' nearest peak, nm; "
        "0 inside a range peak."
    )
    peak: AbsorptionPeakRead = Field(description="The species' nearest peak, with its evidence.")


class PeakResolutionMeta(Schema):
    peak_nm: Nm
    tolerance_nm: Nm
    material: str | None
    returned: int


class PeakResolution(Schema):
    """Candidate species for a measured peak, nearest first (then by slug)."""

    data: list[PeakCandidate]
    meta: PeakResolutionMeta
