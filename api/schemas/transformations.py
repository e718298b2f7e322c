"""Transformations, their conditions and kinetics, paths and the network."""

from typing import Literal

from pydantic import Field

from api.schemas import (
    Celsius,
    Evidence,
    KjPerMol,
    Ml,
    Nm,
    ReagentRead,
    Schema,
    Seconds,
    SpeciesRef,
)
from models.enums import EvidenceStatus, SpeciesKind, Trigger


class Conditions(Schema):
    """The conditions a transformation was observed under; null where not given."""

    temperature_c: Celsius | None
    solvent: ReagentRead | None
    additive: ReagentRead | None
    additive_volume_ml: Ml | None
    window_start_s: Seconds | None = Field(description="When it started, seconds from t = 0.")
    window_end_s: Seconds | None = Field(description="When it ended, seconds from t = 0.")
    experiment: str | None = Field(description="Slug of the experiment with the full steps.")


class FilterMatch(Schema):
    """A record through which a list's filter matched the transformation."""

    parameter: Literal["solvent", "additive", "temperature_c"] = Field(
        description="The filter that matched."
    )
    record: Literal["conditions", "kinetics", "isosbestic point", "experiment step"] = Field(
        description="conditions: the transformation's own; kinetics: a kinetics record "
        "(the solvent its values hold for); isosbestic point: one read at that "
        "temperature; experiment step: a step of its experiment."
    )
    summary: str = Field(description="The matched record in a few words.")
    experiment: str | None = Field(
        default=None, description="Slug of the experiment, for an experiment step."
    )
    step: int | None = Field(default=None, description="Position of the experiment step.")
    evidence: Evidence | None = Field(
        default=None, description="The matched record's evidence; null for a step."
    )


class TransformationSummary(Schema):
    id: str = Field(description="Stable identifier of the transformation.")
    direction: Literal["forward", "reverse"] = Field(
        default="forward",
        description="reverse: a reversible transformation listed from its product back to "
        "its source (source and product swapped), because a source=, target= filter "
        "matched it that way; forward otherwise.",
    )
    source: SpeciesRef = Field(description="The species it starts from, in this direction.")
    product: SpeciesRef = Field(description="The species it gives, in this direction.")
    reversible: bool | None = Field(description="Null where the source does not say.")
    trigger: Trigger
    conditions: Conditions
    evidence: Evidence
    matched: list[FilterMatch] = Field(
        default_factory=list,
        description="In a list filtered by solvent, additive or temperature_c: each record "
        "that matched (a kinetics record, an isosbestic point, a step of the experiment, "
        "or the conditions shown); empty otherwise.",
    )


class KineticsRead(Schema):
    solvent: ReagentRead | None = Field(description="The solvent the values hold for.")
    reaction_order: float | None
    barrier_kj_mol: KjPerMol | None = Field(description="Barrier energy, kJ/mol.")
    barrier_uncertainty_kj_mol: KjPerMol | None
    relative_rate: str | None = Field(description='Compared with the other rows, e.g. "slower".')
    evidence: Evidence


class IsosbesticPointRead(Schema):
    wavelength_nm: Nm
    temperature_c: Celsius | None
    evidence: Evidence


class ProposedMechanism(Schema):
    mechanism: str = Field(description="Slug of the mechanism (see /api/v1/mechanisms).")
    name: str
    evidence: Evidence


class TransformationDetail(TransformationSummary):
    description: str | None
    kinetics: list[KineticsRead]
    isosbestic_points: list[IsosbesticPointRead]
    mechanisms: list[ProposedMechanism]


class PathStep(Schema):
    transformation: str = Field(description="Id of the transformation walked.")
    from_species: str = Field(description="Slug of the species this step starts from.")
    to_species: str = Field(description="Slug of the species this step arrives at.")
    direction: Literal["forward", "reverse"] = Field(
        description="reverse: a reversible transformation walked from product to source."
    )
    trigger: Trigger
    reversible: bool | None
    conditions: Conditions
    status: EvidenceStatus


class PathRead(Schema):
    length: int = Field(description="Number of steps.")
    species: list[str] = Field(description="Slugs from source to target.")
    steps: list[PathStep]


class PathsMeta(Schema):
    source: str
    target: str
    max_steps: int
    returned: int
    truncated: bool = Field(description="True when more paths exist than `limit` allowed.")


class Paths(Schema):
    data: list[PathRead]
    meta: PathsMeta


class NetworkNode(Schema):
    id: str = Field(description="Species slug.")
    material: str
    kind: SpeciesKind
    label: str
    peak_nm: Nm | None = Field(description="First absorption peak (or range midpoint), nm.")


class NetworkEdge(Schema):
    id: str = Field(description="Transformation id.")
    source: str
    target: str
    reversible: bool | None
    trigger: Trigger
    status: EvidenceStatus
    label: str = Field(description="Trigger and key conditions in a few words.")


class Network(Schema):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
