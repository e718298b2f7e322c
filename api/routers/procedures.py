"""Syntheses (how samples were made) and experiments (what was watched over time)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.facts import kinds
from api.queries import lookup
from api.queries.procedures import get_experiment, get_synthesis, list_experiments, list_syntheses
from api.schemas import Celsius, Page
from api.schemas.procedures import ExperimentRead, SynthesisRead
from api.web.deps import SessionDep
from api.web.errors import problem_responses
from api.web.pagination import PagerDep
from models import Experiment, Synthesis

router = APIRouter()

MaterialParam = Annotated[str | None, Query(description='Material formula, e.g. "CdTe".')]
ReferenceParam = Annotated[str | None, Query(description="Citation key.")]
ReagentParam = Annotated[
    str | None,
    Query(
        description='Reagent slug, name or abbreviation, e.g. "toluene", "Tol": a step '
        "uses it in any role."
    ),
]
SolventParam = Annotated[
    str | None, Query(description='Reagent used as a solvent in a step, e.g. "toluene".')
]
AdditiveParam = Annotated[
    str | None, Query(description='Reagent used as an additive in a step, e.g. "OTA".')
]
TemperatureParam = Annotated[
    Celsius | None,
    Query(ge=-273.15, description="°C: a step held at it or ramping through it."),
]


def _reagent(session: SessionDep, name: str | None, param: str) -> int | None:
    return None if name is None else lookup.reagent_id(session, name, param=param)


@router.get(
    "/syntheses",
    summary="Syntheses and preparations with their ordered condition steps, filtered by "
    "material, reference, reagent, solvent, additive, temperature or species",
    response_model=Page[SynthesisRead],
    responses=problem_responses(404),
    tags=["syntheses"],
)
def syntheses_list(
    session: SessionDep,
    pager: PagerDep,
    material: MaterialParam = None,
    reference: ReferenceParam = None,
    reagent: ReagentParam = None,
    solvent: SolventParam = None,
    additive: AdditiveParam = None,
    temperature_c: TemperatureParam = None,
    species: Annotated[
        str | None,
        Query(description="Species slug: syntheses that prepared a sample of it (for MALDI)."),
    ] = None,
) -> Page[SynthesisRead] | Response:
    statement = list_syntheses(
        material_id=None if material is None else lookup.material_id(session, material),
        reference_id=None if reference is None else lookup.reference_id(session, reference),
        reagent_id=_reagent(session, reagent, "reagent"),
        solvent_id=_reagent(session, solvent, "solvent"),
        additive_id=_reagent(session, additive, "additive"),
        temperature_c=temperature_c,
        species_id=None
        if species is None
        else lookup.species_id(session, species, param="species"),
    )
    return pager.page(session, statement, key=Synthesis.slug, item=SynthesisRead.model_validate)


@router.get(
    "/syntheses/{slug}",
    summary="One synthesis",
    response_model=SynthesisRead,
    responses=problem_responses(404),
    tags=["syntheses"],
)
def synthesis_by_slug(session: SessionDep, response: Response, slug: str) -> SynthesisRead:
    synthesis = get_synthesis(session, slug)
    response.headers["ETag"] = kinds.SYNTHESIS.etag(synthesis)
    return SynthesisRead.model_validate(synthesis)


@router.get(
    "/experiments",
    summary="Experiments with their condition steps and time-resolved observations, "
    "filtered by material, reference, species, reagent, solvent, additive or temperature",
    response_model=Page[ExperimentRead],
    responses=problem_responses(404),
    tags=["experiments"],
)
def experiments_list(
    session: SessionDep,
    pager: PagerDep,
    material: MaterialParam = None,
    reference: ReferenceParam = None,
    species: Annotated[
        str | None,
        Query(
            description="Species slug: experiments that observed it or saw it transform "
            "(at either end)."
        ),
    ] = None,
    reagent: ReagentParam = None,
    solvent: SolventParam = None,
    additive: AdditiveParam = None,
    temperature_c: TemperatureParam = None,
) -> Page[ExperimentRead] | Response:
    statement = list_experiments(
        material_id=None if material is None else lookup.material_id(session, material),
        reference_id=None if reference is None else lookup.reference_id(session, reference),
        species_id=None
        if species is None
        else lookup.species_id(session, species, param="species"),
        reagent_id=_reagent(session, reagent, "reagent"),
        solvent_id=_reagent(session, solvent, "solvent"),
        additive_id=_reagent(session, additive, "additive"),
        temperature_c=temperature_c,
    )
    return pager.page(session, statement, key=Experiment.slug, item=ExperimentRead.model_validate)


@router.get(
    "/experiments/{slug}",
    summary="One experiment",
    response_model=ExperimentRead,
    responses=problem_responses(404),
    tags=["experiments"],
)
def experiment_by_slug(session: SessionDep, response: Response, slug: str) -> ExperimentRead:
    experiment = get_experiment(session, slug)
    response.headers["ETag"] = kinds.EXPERIMENT.etag(experiment)
    return ExperimentRead.model_validate(experiment)
