"""Response schemas shared by every resource: the base, evidence, problems, list pages.

Schemas are separate from the ORM classes. Quantity fields carry their unit in
their name and their description, once, through the ``Annotated`` types here.
"""

from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from models.enums import EvidenceStatus, SpeciesKind


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


Nm = Annotated[float, Field(description="Wavelength in nanometres (nm).")]
Da = Annotated[float, Field(description="Mass in daltons (Da).")]
Celsius = Annotated[float, Field(description="Temperature in degrees Celsius (°C).")]
Seconds = Annotated[float, Field(description="Time in seconds (s).")]
Ml = Annotated[float, Field(description="Volume in millilitres (mL).")]
KjPerMol = Annotated[float, Field(description="Energy in kilojoules per mole (kJ/mol).")]


def _utc(value: datetime) -> datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


UtcDatetime = Annotated[datetime, AfterValidator(_utc)]
"""A moment, always with its UTC offset (RFC 3339 date-time)."""


class Evidence(Schema):
    """Where a fact comes from and how firmly the source states it."""

    reference: str = Field(
        description="Citation key of the work the fact rests on "
        "(`he_transformations` is the review itself)."
    )
    locator: str = Field(description='Where the fact stands in the source, e.g. "Table S4, row 3".')
    status: EvidenceStatus = Field(description="How the source states the fact; never upgraded.")
    approximate: bool = Field(description='True where the source says "about" or "~".')


def _formula(value: Any) -> Any:
    return getattr(value, "formula", value)


MaterialFormula = Annotated[
    str, BeforeValidator(_formula), Field(description='Material formula, e.g. "CdS".')
]
"""A material by its formula (an ORM Material is read as its formula)."""


def _slug(value: Any) -> Any:
    return getattr(value, "slug", value)


SlugOf = Annotated[str, BeforeValidator(_slug)]
"""Another record by its slug (an ORM row is read as its slug)."""


class SpeciesRef(Schema):
    """A species named inside another object; follow ``slug`` for the whole record."""

    slug: str = Field(description="Stable identifier: material + label, e.g. cds-msc-311.")
    material: MaterialFormula
    kind: SpeciesKind
    label: str = Field(description='Label as the source spells it, e.g. "sMSC-371".')


class ReagentRead(Schema):
    """A chemical as the source names it."""

    slug: str
    name: str = Field(description='As the source writes it, e.g. "OTA" or "toluene".')
    abbreviation: str | None
    full_name: str | None = Field(description="Null where the source does not expand it.")


class ProblemItem(Schema):
    location: str = Field(description='The bad parameter, e.g. "query.limit".')
    message: str
    type: str


class Problem(Schema):
    """An error, as RFC 9457 problem details (media type application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[ProblemItem] | None = Field(
        default=None, description="Each bad parameter and why, for invalid requests."
    )


class PageMeta(Schema):
    limit: int = Field(description="The most items one page holds.")
    returned: int = Field(description="Items on this page.")
    total: int | None = Field(
        default=None, description="Items matching the filters; only when count=true was asked."
    )


class PageLinks(Schema):
    next: str | None = Field(
        description="URL of the next page (also in the Link header); null on the last page."
    )


T = TypeVar("T")


class Page(Schema, Generic[T]):
    """One page of a list: items, counts and the link to the next page."""

    data: list[T]
    meta: PageMeta
    links: PageLinks
