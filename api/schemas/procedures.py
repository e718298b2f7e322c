"""Syntheses and experiments: ordered condition steps, components, observations."""

from pydantic import Field

from api.schemas import Celsius, Evidence, MaterialFormula, Ml, ReagentRead, Schema, Seconds
from api.schemas.species import ObservationRead
from models.enums import ComponentRole, StepAction


class ComponentRead(Schema):
    reagent: ReagentRead
    role: ComponentRole
    volume_ml: Ml | None
    note: str | None


class StepRead(Schema):
    """One ordered step. ``start_s``/``end_s`` are points in time, ``duration_s`` how long."""

    position: int
    action: StepAction
    label: str | None = Field(description='The source\'s name for the step, e.g. "(1)".')
    temperature_c: Celsius | None
    temperature_end_c: Celsius | None = Field(description="End of a temperature ramp, °C.")
    start_s: Seconds | None
    end_s: Seconds | None
    duration_s: Seconds | None
    note: str | None
    components: list[ComponentRead]


class SynthesisRead(Schema):
    slug: str
    title: str
    material: MaterialFormula
    preparation_text: str | None = Field(description="The preparation as the source prints it.")
    description: str | None
    steps: list[StepRead]
    evidence: Evidence


class ExperimentRead(Schema):
    slug: str
    title: str
    material: MaterialFormula | None
    description: str | None
    steps: list[StepRead]
    observations: list[ObservationRead]
    evidence: Evidence
