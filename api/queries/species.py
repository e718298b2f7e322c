"""Species: the filtered list and everything known about one species."""

from sqlalchemy import Select, exists, or_, select, union
from sqlalchemy.orm import Session, joinedload, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

from api.errors import NotFound
from api.queries import same_text, species_ref, with_reference
from api.queries.maldi import maldi_options
from api.queries.transformations import summary_options as transformation_options
from api.schemas import SpeciesRef
from api.schemas.species import (
    ComparisonRead,
    CounterpartRead,
    IsomerRead,
    QuasiIsomerGroupRead,
    SpeciesDetail,
    SpeciesSummary,
)
from api.schemas.transformations import TransformationSummary
from models import (
    AbsorptionPeak,
    Comparison,
    Composition,
    Counterpart,
    IsomerPair,
    MaldiMeasurement,
    Material,
    Observation,
    QuasiIsomerGroup,
    QuasiIsomerMember,
    SizeMeasurement,
    Species,
    SpeciesAlias,
    Transformation,
)
from models.enums import SpeciesKind


def summary_options() -> list[_AbstractLoad]:
    return [
        joinedload(Species.material),
        with_reference(Species.reference),
        selectinload(Species.aliases),
        selectinload(Species.absorption_peaks).options(with_reference(AbsorptionPeak.reference)),
    ]


def with_peak_between(low_nm: float | None, high_nm: float | None) -> Select[int]:
    """Ids of species with an absorption peak, or peak range, inside [low_nm, high_nm]:
    two index range scans (single peaks by value, ranges among the rows without one)."""
    single = select(AbsorptionPeak.species_id)
    ranged = select(AbsorptionPeak.species_id).where(AbsorptionPeak.peak_nm.is_(None))
    if low_nm is not None:
        single = single.where(AbsorptionPeak.peak_nm >= low_nm)
        ranged = ranged.where(AbsorptionPeak.peak_high_nm >= low_nm)
    if high_nm is not None:
        single = single.where(AbsorptionPeak.peak_nm <= high_nm)
        ranged = ranged.where(AbsorptionPeak.peak_low_nm <= high_nm)
    return union(single, ranged)  # type: ignore[return-value]


def list_species(
    *,
    material: str | None = None,
    kind: SpeciesKind | None = None,
    peak_nm_min: float | None = None,
    peak_nm_max: float | None = None,
    q: str | None = None,
) -> Select[Species]:
    statement = select(Species).options(*summary_options())
    if material is not None:
        statement = statement.where(
            Species.material_id.in_(
                select(Material.id).where(same_text(Material.formula, material))
            )
        )
    if kind is not None:
        statement = statement.where(Species.kind == kind)
    if peak_nm_min is not None or peak_nm_max is not None:
        statement = statement.where(Species.id.in_(with_peak_between(peak_nm_min, peak_nm_max)))
    if q:
        alias = exists().where(
            SpeciesAlias.species_id == Species.id,
            SpeciesAlias.alias.icontains(q, autoescape=True),
        )
        statement = statement.where(
            or_(
                Species.slug.icontains(q, autoescape=True),
                Species.label.icontains(q, autoescape=True),
                Species.description.icontains(q, autoescape=True),
                alias,
            )
        )
    return statement


def get_species(session: Session, slug: str) -> Species:
    species = session.scalars(
        select(Species)
        .where(Species.slug == slug)
        .options(
            *summary_options(),
            selectinload(Species.compositions).options(with_reference(Composition.reference)),
            selectinload(Species.sizes).options(with_reference(SizeMeasurement.reference)),
        )
    ).one_or_none()
    if species is None:
        raise NotFound(f"No species with slug {slug!r}; list them at /api/v1/species.")
    return species


def species_detail(session: Session, species: Species) -> SpeciesDetail:
    sid = species.id
    counterparts = session.scalars(
        select(Counterpart)
        .where(or_(Counterpart.pc_id == sid, Counterpart.msc_id == sid))
        .options(
            species_ref(Counterpart.pc),
            species_ref(Counterpart.msc),
            with_reference(Counterpart.reference),
        )
    ).all()
    isomer_pairs = session.scalars(
        select(IsomerPair)
        .where(or_(IsomerPair.first_id == sid, IsomerPair.second_id == sid))
        .options(
            species_ref(IsomerPair.first),
            species_ref(IsomerPair.second),
            with_reference(IsomerPair.reference),
        )
    ).all()
    groups = session.scalars(
        select(QuasiIsomerGroup)
        .where(
            QuasiIsomerGroup.id.in_(
                select(QuasiIsomerMember.group_id).where(QuasiIsomerMember.species_id == sid)
            )
        )
        .order_by(QuasiIsomerGroup.slug)
        .options(*quasi_isomer_group_options())
    ).all()
    comparisons = session.scalars(
        select(Comparison)
        .where(or_(Comparison.first_id == sid, Comparison.second_id == sid))
        .order_by(Comparison.id)
        .options(
            species_ref(Comparison.first),
            species_ref(Comparison.second),
            with_reference(Comparison.reference),
        )
    ).all()
    maldi = session.scalars(
        select(MaldiMeasurement)
        .where(MaldiMeasurement.species_id == sid)
        .order_by(MaldiMeasurement.slug)
        .options(*maldi_options())
    ).all()
    out, into = (
        session.scalars(
            select(Transformation)
            .where(column == sid)
            .order_by(Transformation.slug)
            .options(*transformation_options())
        ).all()
        for column in (Transformation.source_id, Transformation.product_id)
    )
    observations = session.scalars(
        select(Observation)
        .where(Observation.species_id == sid)
        .order_by(Observation.experiment_id, Observation.position)
        .options(
            joinedload(Observation.experiment),
            species_ref(Observation.species),
            with_reference(Observation.reference),
        )
    ).all()
    summary = SpeciesSummary.model_validate(species)
    return SpeciesDetail.model_validate(
        {
            **dict(summary),
            "description": species.description,
            "compositions": species.compositions,
            "sizes": species.sizes,
            "counterparts": [CounterpartRead.model_validate(c) for c in counterparts],
            "isomers": [
                IsomerRead(
                    species=SpeciesRef.model_validate(p.second if p.first_id == sid else p.first),
                    evidence=p.evidence,
                )
                for p in isomer_pairs
            ],
            "quasi_isomer_groups": [QuasiIsomerGroupRead.model_validate(g) for g in groups],
            "comparisons": [ComparisonRead.model_validate(c) for c in comparisons],
            "maldi_measurements": maldi,
            "transformations_out": [TransformationSummary.of(t) for t in out],
            "transformations_in": [TransformationSummary.of(t) for t in into],
            "observations": observations,
        }
    )


def quasi_isomer_group_options() -> list[_AbstractLoad]:
    return [
        with_reference(QuasiIsomerGroup.reference),
        selectinload(QuasiIsomerGroup.members).options(species_ref(QuasiIsomerMember.species)),
    ]
