"""The shape of every seed file, validated before anything is written.

Each YAML file is a mapping of sections to lists of entries; ``references.bib``
holds the bibliographic records and ``references.yaml`` where the source cites
them. Entries refer to each other by stable identifiers: species slugs,
citation keys, reagent and matrix names.
"""

import re
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from models.enums import (
    Approach,
    ClusterRelation,
    ComponentRole,
    EntryType,
    EvidenceStatus,
    Finding,
    SpeciesKind,
    StepAction,
    Trend,
    Trigger,
)

LOCATOR_PATTERN = r"^(Table|Figure|Note) S[1-5]\b.*|^Title page$|^bibliographic record$"

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=160)]
Key = Annotated[str, Field(pattern=r"^[A-Za-z0-9_:-]+$", max_length=80)]
Text = Annotated[str, Field(min_length=1)]
Nm = Annotated[float, Field(gt=0, description="nanometres")]
Da = Annotated[float, Field(gt=0, description="daltons")]
Celsius = Annotated[float, Field(ge=-273.15, description="degrees Celsius")]
Seconds = Annotated[float, Field(ge=0, description="seconds")]
Ml = Annotated[float, Field(gt=0, description="millilitres")]
KjMol = Annotated[float, Field(gt=0, description="kJ/mol")]


def _storable(value: Any) -> Any:
    """Text both engines can store: no NUL character (PostgreSQL refuses it) and no
    lone surrogate (it has no UTF-8 form)."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("text may not contain a NUL character")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("text must be valid Unicode (a lone surrogate is not)") from exc
    elif isinstance(value, list | tuple):
        for item in value:
            _storable(item)
    return value


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @field_validator("*", mode="after")
    @classmethod
    def _text_is_storable(cls, value: Any) -> Any:
        return _storable(value)


class EvidenceSeed(Entry):
    ref: Key
    """Citation key of the work the fact rests on (the review itself where no other)."""
    locator: Annotated[str, Field(pattern=LOCATOR_PATTERN, max_length=120)]
    status: EvidenceStatus
    approximate: bool = False


class Evidenced(Entry):
    evidence: EvidenceSeed


class Range(Entry):
    """A single value (``value``) or a range (``low`` and ``high``)."""

    value: float | None = None
    low: float | None = None
    high: float | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Self:
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("give either value or low/high, not both")
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give value, or both low and high")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        for number in (self.value, self.low):
            if number is not None and number <= 0:
                raise ValueError(f"{number} must be greater than 0")
        return self


# --- materials.yaml, reagents.yaml -------------------------------------------------


class MaterialSeed(Entry):
    formula: Annotated[str, Field(min_length=1, max_length=40)]
    name: str | None = None


class MaterialsFile(Entry):
    materials: list[MaterialSeed]


class ReagentSeed(Entry):
    slug: Slug
    name: Text
    abbreviation: str | None = None
    full_name: str | None = None
    """Null where the source does not expand the name (OTA)."""


class ReagentsFile(Entry):
    reagents: list[ReagentSeed]


# --- references.yaml (beside references.bib) ---------------------------------------


class CheckedField(Entry):
    field: Annotated[str, Field(pattern=r"^(doi|issue|author|title)$")]
    checked_at: Text


class ReferenceNotes(Entry):
    key: Key
    cited_at: list[Annotated[str, Field(pattern=LOCATOR_PATTERN)]] = []
    """Every place in the source that cites the work; empty for a work added later."""
    checked: list[CheckedField] = []
    """Fields completed from a checked bibliographic record (REFERENCES-SUPPLEMENT)."""


class ReferencesFile(Entry):
    references: list[ReferenceNotes]


class AuthorSeed(Entry):
    family: Annotated[str, Field(min_length=1, max_length=120)]
    given: Annotated[str, Field(min_length=1, max_length=120)] | None = None
    """Given names or initials as known; null when the source gives none."""


Short = Annotated[str, Field(min_length=1, max_length=40)]


class ReferenceSeed(Entry):
    """One work: its bibliographic record (references.bib) with where the source cites it
    and which fields were checked (references.yaml). The API takes the same shape."""

    key: Key
    entry_type: EntryType
    authors: list[AuthorSeed] = []
    """In print order; empty when the source gives no author list."""
    title: Annotated[str, Field(min_length=1)] | None = None
    journal: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    year: Annotated[int, Field(ge=1800, le=2100)] | None = None
    volume: Short | None = None
    issue: Short | None = None
    pages: Short | None = None
    doi: Annotated[str, Field(pattern=r"^10\.\S+/\S+$", max_length=200)] | None = None
    publisher: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    address: Annotated[str, Field(min_length=1, max_length=200)] | None = None
    edition: Short | None = None
    cited_at: list[Annotated[str, Field(pattern=LOCATOR_PATTERN, max_length=120)]] = []
    checked: list[CheckedField] = []


# --- species.yaml -----------------------------------------------------------------


class PeakSeed(Evidenced):
    nm: Range
    temperature_c: Celsius | None = None


class CompositionSeed(Evidenced):
    formula: str | None = None
    structure: str | None = None

    @model_validator(mode="after")
    def _something(self) -> Self:
        if self.formula is None and self.structure is None:
            raise ValueError("give formula, structure or both")
        return self


class SizeSeed(Evidenced):
    method: Text
    quantity: Text
    nm: Range


class SpeciesSeed(Evidenced):
    slug: Slug
    material: str
    kind: SpeciesKind
    label: Text
    aliases: list[Text] = []
    description: str | None = None
    absorption_peaks: list[PeakSeed] = []
    compositions: list[CompositionSeed] = []
    sizes: list[SizeSeed] = []

    @model_validator(mode="after")
    def _slug_from_label(self) -> Self:
        expected = species_slug(self.material, self.label)
        if self.slug != expected:
            raise ValueError(f"slug {self.slug!r} should be {expected!r} (material + label)")
        return self


def species_slug(material: str, label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{material}-{label}".lower()).strip("-")


class PropertyDependenceSeed(Evidenced):
    """That a property of a species depends on a condition, stated without values."""

    species: Slug
    property: Text
    """The property that changes, e.g. "absorption peak position"."""
    depends_on: Text
    """What it changes with, e.g. "temperature"."""
    note: str | None = None


class SpeciesFile(Entry):
    species: list[SpeciesSeed]
    property_dependences: list[PropertyDependenceSeed] = []


# --- relations.yaml ---------------------------------------------------------------


class CounterpartSeed(Evidenced):
    pc: Slug
    msc: Slug


class IsomerPairSeed(Evidenced):
    species: Annotated[list[Slug], Field(min_length=2, max_length=2)]


class QuasiIsomerGroupSeed(Evidenced):
    slug: Slug
    name: Text
    description: str | None = None
    members: list[Slug] = Field(min_length=1)


class ComparisonSeed(Evidenced):
    species: Annotated[list[Slug], Field(min_length=2, max_length=2)]
    aspect: Text
    finding: Finding
    methods: str | None = None
    note: str | None = None


class ClusterLinkSeed(Evidenced):
    """A cluster of definite formula linked to a species (Note S2)."""

    species: Slug
    cluster: Slug
    relation: ClusterRelation
    note: str | None = None

    @model_validator(mode="after")
    def _two_species(self) -> Self:
        if self.species == self.cluster:
            raise ValueError("a species is not a cluster linked to itself")
        return self


class RelationsFile(Entry):
    counterparts: list[CounterpartSeed] = []
    isomer_pairs: list[IsomerPairSeed] = []
    quasi_isomer_groups: list[QuasiIsomerGroupSeed] = []
    comparisons: list[ComparisonSeed] = []
    cluster_links: list[ClusterLinkSeed] = []


# --- key_advances.yaml (Table S2) ----------------------------------------------------


class KeyAdvanceSeed(Evidenced):
    ref_number: Annotated[int, Field(ge=1)]
    approach: Approach
    material: str | None = None
    summary: Text
    peaks_nm: list[Range] = []
    species: list[Slug] = []
    """The species curated from the row, in its order (their evidence says how firmly)."""


class KeyAdvancesFile(Entry):
    key_advances: list[KeyAdvanceSeed]


# --- syntheses.yaml, experiments.yaml ----------------------------------------------


class ComponentSeed(Entry):
    reagent: Slug
    role: ComponentRole
    volume_ml: Ml | None = None
    note: str | None = None


class StepSeed(Entry):
    action: StepAction
    label: str | None = None
    temperature_c: Celsius | None = None
    temperature_end_c: Celsius | None = None
    start_s: Seconds | None = None
    end_s: Seconds | None = None
    duration_s: Annotated[float, Field(gt=0)] | None = None
    components: list[ComponentSeed] = []
    note: str | None = None

    @model_validator(mode="after")
    def _times(self) -> Self:
        if self.start_s is not None and self.end_s is not None and self.end_s < self.start_s:
            raise ValueError(f"end_s {self.end_s} is before start_s {self.start_s}")
        return self


class SynthesisSeed(Evidenced):
    slug: Slug
    title: Text
    material: str
    preparation_text: str | None = None
    description: str | None = None
    steps: list[StepSeed] = []


class SynthesesFile(Entry):
    syntheses: list[SynthesisSeed]


class ObservationSeed(Evidenced):
    species: Slug | None = None
    subject: str | None = None
    trend: Trend
    window_start_s: Seconds | None = None
    window_end_s: Seconds | None = None
    temperature_c: Celsius | None = None
    label: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _checks(self) -> Self:
        if self.species is None and self.subject is None:
            raise ValueError("give species or subject")
        start, end = self.window_start_s, self.window_end_s
        if start is not None and end is not None and end < start:
            raise ValueError(f"window_end_s {end} is before window_start_s {start}")
        return self


class ExperimentSeed(Evidenced):
    slug: Slug
    title: Text
    material: str | None = None
    description: str | None = None
    steps: list[StepSeed] = []
    observations: list[ObservationSeed] = []


class ExperimentsFile(Entry):
    experiments: list[ExperimentSeed]


# --- maldi.yaml --------------------------------------------------------------------


class MatrixSeed(Evidenced):
    acronym: Text
    full_name: str | None = None


class MassSeed(Entry):
    mass_da: Range
    charge: Annotated[int, Field(description="charge state z")] | None
    """Required, so that an unknown charge is said (null), never assumed."""


class MaldiSeed(Evidenced):
    slug: Slug
    species: Slug
    synthesis: Slug | None = None
    matrices: list[str] = []
    matrix_alternatives: bool = False
    """True where the source names the matrices as alternatives ("DCTB or CHCA")."""
    masses: list[MassSeed] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _alternatives(self) -> Self:
        if self.matrix_alternatives and len(self.matrices) < 2:
            raise ValueError("matrix_alternatives needs at least two matrices")
        return self


class MaldiFile(Entry):
    matrices: list[MatrixSeed]
    measurements: list[MaldiSeed]


# --- mechanisms.yaml, transformations.yaml ---------------------------------------------


class MechanismStepSeed(Entry):
    equation: str | None = None
    description: Text
    rate_determining: bool = False


class MechanismSeed(Evidenced):
    slug: Slug
    name: Text
    applies_when: str | None = None
    organic_analogue: str | None = None
    description: str | None = None
    steps: list[MechanismStepSeed] = []


class MechanismsFile(Entry):
    mechanisms: list[MechanismSeed]


class KineticsSeed(Evidenced):
    solvent: Slug | None = None
    reaction_order: Annotated[float, Field(gt=0)] | None = None
    barrier_kj_mol: KjMol | None = None
    barrier_uncertainty_kj_mol: Annotated[float, Field(ge=0)] | None = None
    relative_rate: str | None = None


class IsosbesticSeed(Evidenced):
    wavelength_nm: Nm
    temperature_c: Celsius | None = None


class ProposedMechanismSeed(Evidenced):
    mechanism: Slug


class TransformationSeed(Evidenced):
    slug: Slug
    source: Slug
    product: Slug
    reversible: bool | None = None
    trigger: Trigger
    experiment: Slug | None = None
    temperature_c: Celsius | None = None
    solvent: Slug | None = None
    additive: Slug | None = None
    additive_volume_ml: Ml | None = None
    window_start_s: Seconds | None = None
    window_end_s: Seconds | None = None
    description: str | None = None
    kinetics: list[KineticsSeed] = []
    isosbestic_points: list[IsosbesticSeed] = []
    mechanisms: list[ProposedMechanismSeed] = []

    @model_validator(mode="after")
    def _checks(self) -> Self:
        if self.source == self.product:
            raise ValueError("source and product must differ")
        start, end = self.window_start_s, self.window_end_s
        if start is not None and end is not None and end < start:
            raise ValueError(f"window_end_s {end} is before window_start_s {start}")
        return self


class TransformationsFile(Entry):
    transformations: list[TransformationSeed]


# --- glossary.yaml, constants.yaml, characterizations.yaml ------------------------------


class GlossarySeed(Evidenced):
    slug: Slug
    acronym: str | None = None
    full_name: Text
    explanation: Text


class GlossaryFile(Entry):
    terms: list[GlossarySeed]


class ConstantSeed(Evidenced):
    slug: Slug
    quantity: Text
    subject: Text
    value_kj_mol: float
    uncertainty_kj_mol: Annotated[float, Field(ge=0)] | None = None


class MonomerSeed(Evidenced):
    element: Annotated[str, Field(pattern=r"^[A-Z][a-z]?$")]
    chalcogen_count: Annotated[int, Field(ge=1)]


class ConstantsFile(Entry):
    constants: list[ConstantSeed] = []
    monomer_formulas: list[MonomerSeed] = []


class CharacterizationSeed(Evidenced):
    slug: Slug
    method: Text
    material: str | None = None
    experiment: Slug | None = None
    description: Text


class SourceNoteSeed(Evidenced):
    slug: Slug
    summary: Text
    """In the project's words; the evidence locates the note in the source."""


class NotesFile(Entry):
    notes: list[SourceNoteSeed]


class CharacterizationsFile(Entry):
    characterizations: list[CharacterizationSeed]


SEED_FILES: dict[str, type[Entry]] = {
    "materials.yaml": MaterialsFile,
    "reagents.yaml": ReagentsFile,
    "references.yaml": ReferencesFile,
    "glossary.yaml": GlossaryFile,
    "constants.yaml": ConstantsFile,
    "species.yaml": SpeciesFile,
    "key_advances.yaml": KeyAdvancesFile,
    "relations.yaml": RelationsFile,
    "mechanisms.yaml": MechanismsFile,
    "syntheses.yaml": SynthesesFile,
    "experiments.yaml": ExperimentsFile,
    "maldi.yaml": MaldiFile,
    "transformations.yaml": TransformationsFile,
    "characterizations.yaml": CharacterizationsFile,
    "notes.yaml": NotesFile,
}
"""Every YAML seed file and its schema, in load order."""
