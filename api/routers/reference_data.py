"""The reference data beside the species: quasi-isomer groups, mechanisms, the
glossary, constants, monomer formulas, key advances, characterisations, source notes,
property dependences and cluster links."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response
from sqlalchemy import Select

from api.queries import lookup
from api.queries import reference_data as q
from api.schemas import Page, Schema
from api.schemas.reference_data import (
    CharacterizationRead,
    ConstantRead,
    GlossaryTermRead,
    KeyAdvanceRead,
    MechanismRead,
    MonomerFormulaRead,
    SourceNoteRead,
)
from api.schemas.species import ClusterLinkRead, PropertyDependenceRead, QuasiIsomerGroupRead
from api.web.deps import SessionDep
from api.web.errors import problem_responses
from api.web.pagination import PagerDep
from models import (
    Characterization,
    ClusterLink,
    GlossaryTerm,
    KeyAdvance,
    Mechanism,
    MonomerFormula,
    PhysicalConstant,
    PropertyDependence,
    QuasiIsomerGroup,
    SourceNote,
)
from models.enums import ClusterRelation

router = APIRouter(tags=["reference data"])


def _listing(
    path: str,
    name: str,
    summary: str,
    read: type[Schema],
    statement: Callable[[], Select[Any]],
    key: Any,
) -> None:
    """GET {path}: every row of ``statement``, paged by ``key``, as ``read``."""

    def listing(session: SessionDep, pager: PagerDep) -> Page[Any] | Response:
        return pager.page(session, statement(), key=key, item=read.model_validate)

    router.add_api_route(
        path,
        listing,
        name=name,
        summary=summary,
        response_model=Page[read],  # type: ignore[valid-type]
        responses=problem_responses(),
    )


_listing(
    "/quasi-isomer-groups",
    "quasi_isomer_groups_list",
    "Quasi-isomer groups: MSCs and their PCs of similar core composition",
    QuasiIsomerGroupRead,
    q.list_quasi_isomer_groups,
    QuasiIsomerGroup.slug,
)
_listing(
    "/mechanisms",
    "mechanisms_list",
    "Proposed pathways (SN1-like, SN2-like, ...) as ordered steps",
    MechanismRead,
    q.list_mechanisms,
    Mechanism.slug,
)


@router.get(
    "/glossary",
    name="glossary_list",
    summary="Acronyms and concepts of the field (Table S1), optionally by text",
    response_model=Page[GlossaryTermRead],
    responses=problem_responses(),
)
def glossary_list(
    session: SessionDep,
    pager: PagerDep,
    text: Annotated[
        str | None,
        Query(
            alias="q",
            min_length=1,
            description="Text in the slug, acronym, full name or explanation.",
        ),
    ] = None,
) -> Page[GlossaryTermRead] | Response:
    return pager.page(
        session,
        q.list_glossary(q=text),
        key=GlossaryTerm.slug,
        item=GlossaryTermRead.model_validate,
    )


@router.get(
    "/glossary/{term:path}",
    summary="One glossary term by slug or acronym, case-insensitive (pc, PC, Mo/Fr)",
    response_model=GlossaryTermRead,
    responses=problem_responses(404),
)
def glossary_term(
    session: SessionDep,
    term: Annotated[str, Path(description='Slug or acronym, e.g. "pc", "quasi-isomer".')],
) -> GlossaryTermRead:
    return GlossaryTermRead.model_validate(q.glossary_term(session, term))


_listing(
    "/constants",
    "constants_list",
    "Physical constants the source quotes, with uncertainties",
    ConstantRead,
    q.list_constants,
    PhysicalConstant.slug,
)
_listing(
    "/monomer-formulas",
    "monomer_formulas_list",
    "Proposed monomers M2En per metal (Table S1)",
    MonomerFormulaRead,
    q.list_monomer_formulas,
    MonomerFormula.element,
)
MaterialParam = Annotated[
    str | None, Query(description='Material formula, e.g. "CdSe" (case-insensitive).')
]


@router.get(
    "/key-advances",
    name="key_advances_list",
    summary="Key advances in MSC synthesis per work (Table S2), by material or reference",
    response_model=Page[KeyAdvanceRead],
    responses=problem_responses(404),
)
def key_advances_list(
    session: SessionDep,
    pager: PagerDep,
    material: MaterialParam = None,
    reference: Annotated[str | None, Query(description="Citation key of the work.")] = None,
) -> Page[KeyAdvanceRead] | Response:
    statement = q.list_key_advances(
        material_id=None if material is None else lookup.material_id(session, material),
        reference_id=None if reference is None else lookup.reference_id(session, reference),
    )
    return pager.page(
        session, statement, key=KeyAdvance.ref_number, item=KeyAdvanceRead.model_validate
    )


@router.get(
    "/characterizations",
    name="characterizations_list",
    summary="Measurements the source presents without numbers to curate (Figures S3, S4), "
    "by material",
    response_model=Page[CharacterizationRead],
    responses=problem_responses(404),
)
def characterizations_list(
    session: SessionDep, pager: PagerDep, material: MaterialParam = None
) -> Page[CharacterizationRead] | Response:
    statement = q.list_characterizations(
        material_id=None if material is None else lookup.material_id(session, material)
    )
    return pager.page(
        session, statement, key=Characterization.slug, item=CharacterizationRead.model_validate
    )


_listing(
    "/notes",
    "source_notes_list",
    "What the source states beside its tables' rows (the note under Table S2)",
    SourceNoteRead,
    q.list_source_notes,
    SourceNote.slug,
)


SpeciesParam = Annotated[
    str | None, Query(description='Species slug, e.g. "cds-msc-311"; 404 when unknown.')
]


@router.get(
    "/property-dependences",
    name="property_dependences_list",
    summary="Properties the source says depend on a condition, without values (Figure S2), "
    "by species, material or condition",
    response_model=Page[PropertyDependenceRead],
    responses=problem_responses(404),
)
def property_dependences_list(
    session: SessionDep,
    pager: PagerDep,
    species: SpeciesParam = None,
    material: MaterialParam = None,
    depends_on: Annotated[
        str | None,
        Query(min_length=1, description='What the property depends on, e.g. "temperature".'),
    ] = None,
) -> Page[PropertyDependenceRead] | Response:
    statement = q.list_property_dependences(
        species_id=None
        if species is None
        else lookup.species_id(session, species, param="species"),
        material_id=None if material is None else lookup.material_id(session, material),
        depends_on=depends_on,
    )
    return pager.page(
        session, statement, key=PropertyDependence.id, item=PropertyDependenceRead.model_validate
    )


@router.get(
    "/cluster-links",
    name="cluster_links_list",
    summary="Clusters of definite formula linked to a species (Note S2), by species "
    "(either end) or relation",
    response_model=Page[ClusterLinkRead],
    responses=problem_responses(404),
)
def cluster_links_list(
    session: SessionDep,
    pager: PagerDep,
    species: SpeciesParam = None,
    relation: Annotated[
        ClusterRelation | None,
        Query(description="mass-spectrum or composition."),
    ] = None,
) -> Page[ClusterLinkRead] | Response:
    statement = q.list_cluster_links(
        species_id=None
        if species is None
        else lookup.species_id(session, species, param="species"),
        relation=relation,
    )
    return pager.page(session, statement, key=ClusterLink.id, item=ClusterLinkRead.model_validate)
