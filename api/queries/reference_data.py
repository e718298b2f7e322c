"""The reference data beside the species: quasi-isomer groups, mechanisms, the
glossary, constants, monomer formulas, key advances and characterisations, each a
statement that the caller pages, with the relations its response shows loaded."""

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from api.queries import with_reference
from api.queries.species import quasi_isomer_group_options
from models import (
    Characterization,
    GlossaryTerm,
    KeyAdvance,
    KeyAdvanceSpecies,
    Mechanism,
    MonomerFormula,
    PhysicalConstant,
    QuasiIsomerGroup,
)


def list_quasi_isomer_groups() -> Select[Any]:
    return select(QuasiIsomerGroup).options(*quasi_isomer_group_options())


def list_mechanisms() -> Select[Any]:
    return select(Mechanism).options(
        with_reference(Mechanism.reference), selectinload(Mechanism.steps)
    )


def list_glossary() -> Select[Any]:
    return select(GlossaryTerm).options(with_reference(GlossaryTerm.reference))


def list_constants() -> Select[Any]:
    return select(PhysicalConstant).options(with_reference(PhysicalConstant.reference))


def list_monomer_formulas() -> Select[Any]:
    return select(MonomerFormula).options(with_reference(MonomerFormula.reference))


def list_key_advances() -> Select[Any]:
    return select(KeyAdvance).options(
        with_reference(KeyAdvance.reference),
        joinedload(KeyAdvance.material),
        selectinload(KeyAdvance.peaks),
        selectinload(KeyAdvance.species_links).joinedload(KeyAdvanceSpecies.species),
    )


def list_characterizations() -> Select[Any]:
    return select(Characterization).options(
        with_reference(Characterization.reference),
        joinedload(Characterization.material),
        joinedload(Characterization.experiment),
    )
