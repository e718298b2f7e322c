"""Materials, the glossary, constants, monomer formulas, mechanisms, key advances and
characterisations: the reference data beside the species."""

from typing import Any

from pydantic import Field, field_validator

from api.schemas import Evidence, KjPerMol, MaterialFormula, Nm, Schema, SlugOf
from models.enums import Approach, SpeciesKind


class MaterialRead(Schema):
    formula: str = Field(description='The material\'s identifier, e.g. "CdS".')
    name: str | None
    species_counts: dict[SpeciesKind, int] = Field(description="Species per kind.")


class GlossaryTermRead(Schema):
    slug: str
    acronym: str | None = Field(description="Null for concepts the source gives without one.")
    full_name: str
    explanation: str = Field(
        description="In the project's words; the locator points to the source."
    )
    evidence: Evidence


class ConstantRead(Schema):
    slug: str
    quantity: str = Field(description='E.g. "bond dissociation energy".')
    subject: str = Field(description='What it is of, e.g. the bond "Cd–S".')
    value_kj_mol: KjPerMol
    uncertainty_kj_mol: KjPerMol | None = Field(description="Plus-or-minus, as the source gives.")
    evidence: Evidence


class MonomerFormulaRead(Schema):
    element: str = Field(description="The metal M of the proposed monomer M2En.")
    chalcogen_count: int = Field(description="n in M2En.")
    evidence: Evidence


class MechanismStepRead(Schema):
    position: int
    equation: str | None = Field(description="The step as the source writes it.")
    description: str
    rate_determining: bool


class MechanismRead(Schema):
    slug: str
    name: str
    applies_when: str | None
    organic_analogue: str | None
    description: str | None
    steps: list[MechanismStepRead]
    evidence: Evidence


class KeyAdvancePeakRead(Schema):
    peak_nm: Nm | None
    peak_low_nm: Nm | None
    peak_high_nm: Nm | None


class KeyAdvanceRead(Schema):
    ref_number: int = Field(description="The work's number in Table S2.")
    approach: Approach
    material: MaterialFormula | None
    summary: str
    peaks: list[KeyAdvancePeakRead]
    species: list[str] = Field(
        validation_alias="species_links",
        description="Slugs of the species curated from this row, in its order.",
    )
    evidence: Evidence

    @field_validator("species", mode="before")
    @classmethod
    def _slugs(cls, links: Any) -> Any:
        return [link.species.slug for link in links]


class CharacterizationRead(Schema):
    slug: str
    method: str
    material: MaterialFormula | None
    experiment: SlugOf | None
    description: str
    evidence: Evidence


class SourceNoteRead(Schema):
    slug: str
    summary: str = Field(
        description="In the project's words; the evidence locates the note in the source."
    )
    evidence: Evidence
