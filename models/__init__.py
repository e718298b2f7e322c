"""All tables, imported here so that ``Base.metadata`` is complete for Alembic."""

from models.base import Base
from models.curation import (
    ApiKey,
    Change,
    ChangeAction,
    Role,
    SeedState,
    VersionedMixin,
    WriteHit,
)
from models.key_advance import KeyAdvance, KeyAdvancePeak, KeyAdvanceSpecies
from models.maldi import MaldiMatrix, MaldiMeasurement, MaldiMeasurementMatrix, MaldiPeak
from models.material import Material
from models.procedure import ConditionStep, Experiment, Observation, StepComponent, Synthesis
from models.reagent import Reagent
from models.reference import Citation, Reference, ReferenceAuthor, ReferenceFieldSource
from models.reference_data import (
    Characterization,
    GlossaryTerm,
    MonomerFormula,
    PhysicalConstant,
    SourceNote,
)
from models.relation import (
    ClusterLink,
    Comparison,
    Counterpart,
    IsomerPair,
    QuasiIsomerGroup,
    QuasiIsomerMember,
)
from models.release import DataRelease, DataVersion
from models.species import (
    AbsorptionPeak,
    Composition,
    PropertyDependence,
    SizeMeasurement,
    Species,
    SpeciesAlias,
)
from models.transformation import (
    IsosbesticPoint,
    Kinetics,
    Mechanism,
    MechanismStep,
    Transformation,
    TransformationMechanism,
)

__all__ = [
    "AbsorptionPeak",
    "ApiKey",
    "Change",
    "ChangeAction",
    "Role",
    "SourceNote",
    "SeedState",
    "VersionedMixin",
    "WriteHit",
    "Base",
    "Characterization",
    "Citation",
    "ClusterLink",
    "Comparison",
    "Composition",
    "ConditionStep",
    "Counterpart",
    "DataRelease",
    "DataVersion",
    "Experiment",
    "GlossaryTerm",
    "IsomerPair",
    "IsosbesticPoint",
    "KeyAdvance",
    "KeyAdvancePeak",
    "KeyAdvanceSpecies",
    "Kinetics",
    "MaldiMatrix",
    "MaldiMeasurement",
    "MaldiMeasurementMatrix",
    "MaldiPeak",
    "Material",
    "Mechanism",
    "MechanismStep",
    "MonomerFormula",
    "Observation",
    "PropertyDependence",
    "PhysicalConstant",
    "QuasiIsomerGroup",
    "QuasiIsomerMember",
    "Reagent",
    "Reference",
    "ReferenceAuthor",
    "ReferenceFieldSource",
    "SizeMeasurement",
    "Species",
    "SpeciesAlias",
    "StepComponent",
    "Synthesis",
    "Transformation",
    "TransformationMechanism",
]
