"""The reference data beside the species: quasi-isomer groups, mechanisms, the
glossary, constants, monomer formulas, key advances and characterisations."""

from fastapi import APIRouter
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from api.deps import SessionDep
from api.errors import problem_responses
from api.pagination import PagerDep
from api.queries import with_reference
from api.queries.species import quasi_isomer_group_options
from api.schemas import Page
from api.schemas.reference_data import (
    CharacterizationRead,
    ConstantRead,
    GlossaryTermRead,
    KeyAdvanceRead,
    MechanismRead,
    MonomerFormulaRead,
)
from api.schemas.species import QuasiIsomerGroupRead
from models import (
    Characterization,
    GlossaryTerm,
    KeyAdvance,
    Mechanism,
    MonomerFormula,
    PhysicalConstant,
    QuasiIsomerGroup,
)

router = APIRouter(tags=["reference data"])


@router.get(
    "/quasi-isomer-groups",
    summary="Quasi-isomer groups: MSCs and their PCs of similar core composition",
    response_model=Page[QuasiIsomerGroupRead],
    responses=problem_responses(),
)
def quasi_isomer_groups_list(session: SessionDep, pager: PagerDep) -> Page[QuasiIsomerGroupRead]:
    statement = select(QuasiIsomerGroup).options(*quasi_isomer_group_options())
    return pager.page(
        session, statement, key=QuasiIsomerGroup.slug, item=QuasiIsomerGroupRead.model_validate
    )


@router.get(
    "/mechanisms",
    summary="Proposed pathways (SN1-like, SN2-like, ...) as ordered steps",
    response_model=Page[MechanismRead],
    responses=problem_responses(),
)
def mechanisms_list(session: SessionDep, pager: PagerDep) -> Page[MechanismRead]:
    statement = select(Mechanism).options(
        with_reference(Mechanism.reference), selectinload(Mechanism.steps)
    )
    return pager.page(session, statement, key=Mechanism.slug, item=MechanismRead.model_validate)


@router.get(
    "/glossary",
    summary="Acronyms and concepts of the field (Table S1)",
    response_model=Page[GlossaryTermRead],
    responses=problem_responses(),
)
def glossary_list(session: SessionDep, pager: PagerDep) -> Page[GlossaryTermRead]:
    statement = select(GlossaryTerm).options(with_reference(GlossaryTerm.reference))
    return pager.page(
        session, statement, key=GlossaryTerm.slug, item=GlossaryTermRead.model_validate
    )


@router.get(
    "/constants",
    summary="Physical constants the source quotes, with uncertainties",
    response_model=Page[ConstantRead],
    responses=problem_responses(),
)
def constants_list(session: SessionDep, pager: PagerDep) -> Page[ConstantRead]:
    statement = select(PhysicalConstant).options(with_reference(PhysicalConstant.reference))
    return pager.page(
        session, statement, key=PhysicalConstant.slug, item=ConstantRead.model_validate
    )


@router.get(
    "/monomer-formulas",
    summary="Proposed monomers M2En per metal (Table S1)",
    response_model=Page[MonomerFormulaRead],
    responses=problem_responses(),
)
def monomer_formulas_list(session: SessionDep, pager: PagerDep) -> Page[MonomerFormulaRead]:
    statement = select(MonomerFormula).options(with_reference(MonomerFormula.reference))
    return pager.page(
        session, statement, key=MonomerFormula.element, item=MonomerFormulaRead.model_validate
    )


@router.get(
    "/key-advances",
    summary="Key advances in MSC synthesis per work (Table S2)",
    response_model=Page[KeyAdvanceRead],
    responses=problem_responses(),
)
def key_advances_list(session: SessionDep, pager: PagerDep) -> Page[KeyAdvanceRead]:
    statement = select(KeyAdvance).options(
        with_reference(KeyAdvance.reference),
        joinedload(KeyAdvance.material),
        selectinload(KeyAdvance.peaks),
    )
    return pager.page(
        session, statement, key=KeyAdvance.ref_number, item=KeyAdvanceRead.model_validate
    )


@router.get(
    "/characterizations",
    summary="Measurements the source presents without numbers to curate (Figures S3, S4)",
    response_model=Page[CharacterizationRead],
    responses=problem_responses(),
)
def characterizations_list(session: SessionDep, pager: PagerDep) -> Page[CharacterizationRead]:
    statement = select(Characterization).options(
        with_reference(Characterization.reference),
        joinedload(Characterization.material),
        joinedload(Characterization.experiment),
    )
    return pager.page(
        session, statement, key=Characterization.slug, item=CharacterizationRead.model_validate
    )
