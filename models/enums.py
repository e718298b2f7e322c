"""Enumerations of the domain, stored as checked strings on both engines."""

from enum import StrEnum

import sqlalchemy as sa


class SpeciesKind(StrEnum):
    MSC = "msc"
    PC = "pc"
    QD = "qd"
    MONOMER = "monomer"
    FRAGMENT = "fragment"
    INTERMEDIATE = "intermediate"
    CLUSTER = "cluster"
    """A cluster seen by mass spectrometry, such as (CdSe)13, not named by a peak."""


class EvidenceStatus(StrEnum):
    """How the source states a fact. Never upgraded: a proposal stays a proposal."""

    REPORTED = "reported"
    PROPOSED = "proposed"
    HYPOTHESISED = "hypothesised"
    ARGUED = "argued"
    CLAIMED = "claimed"
    ATTRIBUTED = "attributed"
    INFERRED = "inferred"
    """The source implies the fact but does not state it: a material a note never names,
    a label the cited work is not said to use, a value read off a species' name. Weaker
    than every status above; never shown as "reported"."""


class Trigger(StrEnum):
    THERMAL = "thermal"
    CHEMICAL = "chemical"
    DILUTION = "dilution"
    SOLVENT = "solvent"
    SPONTANEOUS = "spontaneous"
    UNKNOWN = "unknown"


class Trend(StrEnum):
    """What a species' absorption did in an observation window."""

    RISES = "rises"
    FALLS = "falls"
    STABLE = "stable"
    APPEARS = "appears"
    VANISHES = "vanishes"
    EVOLVES_AND_STABILISES = "evolves-and-stabilises"
    RED_SHIFTS = "red-shifts"
    PRESENT = "present"


class ClusterRelation(StrEnum):
    """How a cluster of definite formula is linked to a species."""

    MASS_SPECTRUM = "mass-spectrum"
    """The cluster was seen in a mass spectrum of the species."""
    COMPOSITION = "composition"
    """The cluster's formula is one the species' composition names."""


class StepAction(StrEnum):
    REACT = "react"
    HEAT = "heat"
    HOLD = "hold"
    RAMP = "ramp"
    STORE = "store"
    DISPERSE = "disperse"
    INCUBATE = "incubate"
    ADD = "add"
    SAMPLE = "sample"
    PURIFY = "purify"


class ComponentRole(StrEnum):
    PRECURSOR = "precursor"
    SOLVENT = "solvent"
    ADDITIVE = "additive"
    LIGAND = "ligand"
    SAMPLE = "sample"


class EntryType(StrEnum):
    ARTICLE = "article"
    BOOK = "book"
    INBOOK = "inbook"
    MISC = "misc"


class Approach(StrEnum):
    ONE_STEP = "one-step"
    TWO_STEP = "two-step"


class Finding(StrEnum):
    SIMILAR = "similar"
    DIFFERENT = "different"
    SLIGHTLY_DIFFERENT = "slightly different"
    """As Table S5 words the MSC-311/MSC-322 shapes: different, but only slightly."""


def enum_column_type(enum: type[StrEnum], name: str) -> sa.Enum:
    """A portable enumeration: VARCHAR plus a named CHECK constraint, never a native type."""
    return sa.Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
