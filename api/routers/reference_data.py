"""The reference data beside the species: quasi-isomer groups, mechanisms, the
glossary, constants, monomer formulas, key advances and characterisations."""

from fastapi import APIRouter

from api.deps import SessionDep
from api.errors import problem_responses
from api.pagination import PagerDep
from api.queries import reference_data as q
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
    statement = q.list_quasi_isomer_groups()
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
    statement = q.list_mechanisms()
    return pager.page(session, statement, key=Mechanism.slug, item=MechanismRead.model_validate)


@router.get(
    "/glossary",
    summary="Acronyms and concepts of the field (Table S1)",
    response_model=Page[GlossaryTermRead],
    responses=problem_responses(),
)
def glossary_list(session: SessionDep, pager: PagerDep) -> Page[GlossaryTermRead]:
    statement = q.list_glossary()
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
    statement = q.list_constants()
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
    statement = q.list_monomer_formulas()
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
    statement = q.list_key_advances()
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
    statement = q.list_characterizations()
    return pager.page(
        session, statement, key=Characterization.slug, item=CharacterizationRead.model_validate
    )
