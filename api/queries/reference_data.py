"""The reference data beside the species: quasi-isomer groups, mechanisms, the
glossary, constants, monomer formulas, key advances, characterisations, source notes,
property dependences and cluster links, each a
statement that the caller pages, with the relations its response shows loaded."""

from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, joinedload, selectinload

from api.queries import same_text, species_ref, with_reference
from api.queries.species import quasi_isomer_group_options
from api.web.errors import NotFound
from models import (
    Characterization,
    ClusterLink,
    GlossaryTerm,
    KeyAdvance,
    KeyAdvanceSpecies,
    Mechanism,
    MonomerFormula,
    PhysicalConstant,
    PropertyDependence,
    QuasiIsomerGroup,
    SourceNote,
    Species,
)
from models.enums import ClusterRelation


def list_quasi_isomer_groups() -> Select[Any]:
    return select(QuasiIsomerGroup).options(*quasi_isomer_group_options())


def list_mechanisms() -> Select[Any]:
    return select(Mechanism).options(
        with_reference(Mechanism.reference), selectinload(Mechanism.steps)
    )


def list_glossary(*, q: str | None = None) -> Select[Any]:
    """Glossary terms; ``q`` is text in the slug, acronym, full name or explanation."""
    statement = select(GlossaryTerm).options(with_reference(GlossaryTerm.reference))
    if q:
        statement = statement.where(
            or_(
                *(
                    column.icontains(q, autoescape=True)
                    for column in (
                        GlossaryTerm.slug,
                        GlossaryTerm.acronym,
                        GlossaryTerm.full_name,
                        GlossaryTerm.explanation,
                    )
                )
            )
        )
    return statement


def glossary_term(session: Session, term: str) -> GlossaryTerm:
    """A term by slug or acronym, case-insensitive ("pc", "PC", "Mo/Fr", "mo-fr"); the
    slug wins when a slug and another term's acronym are spelled alike."""
    found: GlossaryTerm | None = session.scalars(
        list_glossary()
        .where(or_(same_text(GlossaryTerm.slug, term), same_text(GlossaryTerm.acronym, term)))
        .order_by(same_text(GlossaryTerm.slug, term).desc(), GlossaryTerm.slug)
    ).first()
    if found is None:
        raise NotFound(f"No glossary term {term!r}; list them at /api/v1/glossary.")
    return found


def list_constants() -> Select[Any]:
    return select(PhysicalConstant).options(with_reference(PhysicalConstant.reference))


def list_monomer_formulas() -> Select[Any]:
    return select(MonomerFormula).options(with_reference(MonomerFormula.reference))


def list_key_advances(
    *, material_id: int | None = None, reference_id: int | None = None
) -> Select[Any]:
    statement = select(KeyAdvance).options(
        with_reference(KeyAdvance.reference),
        joinedload(KeyAdvance.material),
        selectinload(KeyAdvance.peaks),
        selectinload(KeyAdvance.species_links).joinedload(KeyAdvanceSpecies.species),
    )
    if material_id is not None:
        statement = statement.where(KeyAdvance.material_id == material_id)
    if reference_id is not None:
        statement = statement.where(KeyAdvance.reference_id == reference_id)
    return statement


def list_characterizations(*, material_id: int | None = None) -> Select[Any]:
    statement = select(Characterization).options(
        with_reference(Characterization.reference),
        joinedload(Characterization.material),
        joinedload(Characterization.experiment),
    )
    if material_id is not None:
        statement = statement.where(Characterization.material_id == material_id)
    return statement


def list_source_notes() -> Select[Any]:
    return select(SourceNote).options(with_reference(SourceNote.reference))


def list_property_dependences(
    *,
    species_id: int | None = None,
    material_id: int | None = None,
    depends_on: str | None = None,
) -> Select[Any]:
    """Properties the source says depend on a condition (``depends_on``, e.g.
    "temperature", case-insensitive), of one species or of a material's species."""
    statement = select(PropertyDependence).options(
        with_reference(PropertyDependence.reference), species_ref(PropertyDependence.species)
    )
    if species_id is not None:
        statement = statement.where(PropertyDependence.species_id == species_id)
    if material_id is not None:
        of_material = select(Species.id).where(Species.material_id == material_id)
        statement = statement.where(PropertyDependence.species_id.in_(of_material))
    if depends_on is not None:
        statement = statement.where(same_text(PropertyDependence.depends_on, depends_on))
    return statement


def list_cluster_links(
    *, species_id: int | None = None, relation: ClusterRelation | None = None
) -> Select[Any]:
    """Clusters linked to species; ``species_id`` matches either end."""
    statement = select(ClusterLink).options(
        with_reference(ClusterLink.reference),
        species_ref(ClusterLink.species),
        species_ref(ClusterLink.cluster),
    )
    if species_id is not None:
        statement = statement.where(
            or_(ClusterLink.species_id == species_id, ClusterLink.cluster_id == species_id)
        )
    if relation is not None:
        statement = statement.where(ClusterLink.relation == relation)
    return statement
