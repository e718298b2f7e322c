"""MALDI-TOF matrices and measurements."""

from pydantic import Field

from api.schemas import Da, Evidence, Schema, SpeciesRef


class MatrixRead(Schema):
    acronym: str
    full_name: str | None
    evidence: Evidence


class MassRead(Schema):
    """A mass at charge z: one value, or a range (60–90 kDa)."""

    mass_da: Da | None
    mass_low_da: Da | None
    mass_high_da: Da | None
    charge: int | None = Field(description="Charge state z of the ion; null when not given.")


class PreparationRef(Schema):
    slug: str = Field(description="Slug of the synthesis (see /api/v1/syntheses).")
    preparation_text: str | None = Field(description="The preparation as the source prints it.")


class MaldiRead(Schema):
    id: str = Field(description="Stable identifier of the measurement.")
    species: SpeciesRef
    preparation: PreparationRef | None
    matrices: list[str] = Field(
        description="Matrix acronyms; empty when the source does not name one."
    )
    matrix_alternatives: bool = Field(
        description='True where the source names the matrices as alternatives ("DCTB or CHCA").'
    )
    masses: list[MassRead]
    note: str | None
    evidence: Evidence
