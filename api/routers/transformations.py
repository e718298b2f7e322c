"""Transformations among species, the paths through them and the network they form."""

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Response
from sqlalchemy.orm import Session

from api.facts import kinds
from api.outputs.figures import NETWORK, NetworkFormat
from api.queries import lookup
from api.queries.network import find_paths, network
from api.queries.transformations import (
    filter_matches,
    transformation_detail,
    transformation_row,
    transformation_summary,
    transformations_query,
)
from api.schemas import Celsius, Page
from api.schemas.transformations import (
    Network,
    Paths,
    PathsMeta,
    TransformationDetail,
    TransformationSummary,
)
from api.web.deps import SessionDep
from api.web.errors import invalid_value, problem_responses
from api.web.pagination import PagerDep
from api.web.responses import rows_json
from models.enums import EvidenceStatus, Trigger

router = APIRouter(tags=["transformations"])

SpeciesParam = Annotated[
    str | None,
    Query(
        description="Species slug, e.g. cdte-smsc-371; reversible transformations match "
        "in reverse too (direction: reverse)."
    ),
]


@router.get(
    "/transformations",
    summary="Transformations, filtered by species, material, trigger, conditions or evidence",
    description="source= and target= also match a reversible transformation walked "
    "backwards: that row has `direction: reverse` and its source and product swapped "
    "(species= matches either end and lists each transformation once, forward). "
    "With solvent=, additive= or temperature_c=, `matched` names each record that "
    "matched: the conditions shown, a kinetics record, an isosbestic point or a step of "
    "the experiment.",
    response_model=Page[TransformationSummary],
    responses=problem_responses(404),
)
async def transformations_list(
    session: SessionDep,
    pager: PagerDep,
    source: SpeciesParam = None,
    target: SpeciesParam = None,
    species: Annotated[
        str | None, Query(description="Species slug at either end (source or product).")
    ] = None,
    material: Annotated[str | None, Query(description='Material formula, e.g. "CdS".')] = None,
    trigger: Trigger | None = None,
    reversible: bool | None = None,
    solvent: Annotated[
        str | None,
        Query(description='Reagent slug, name or abbreviation, e.g. "toluene" or "Tol".'),
    ] = None,
    additive: Annotated[
        str | None, Query(description='Reagent slug, name or abbreviation, e.g. "OTA".')
    ] = None,
    temperature_c: Annotated[
        Celsius | None,
        Query(
            ge=-273.15,
            description="°C: stated, at an isosbestic point, or held or ramped through "
            "in the experiment.",
        ),
    ] = None,
    status: EvidenceStatus | None = None,
    reference: Annotated[str | None, Query(description="Citation key.")] = None,
) -> Response:
    def species_id(slug: str | None, param: str) -> int | None:
        return None if slug is None else lookup.species_id(session, slug, param=param)

    solvent_id = None if solvent is None else lookup.reagent_id(session, solvent, param="solvent")
    additive_id = (
        None if additive is None else lookup.reagent_id(session, additive, param="additive")
    )
    statement = transformations_query(
        source_id=species_id(source, "source"),
        product_id=species_id(target, "target"),
        either_id=species_id(species, "species"),
        material_id=None if material is None else lookup.material_id(session, material),
        trigger=trigger,
        reversible=reversible,
        solvent_id=solvent_id,
        additive_id=additive_id,
        temperature_c=temperature_c,
        status=status,
        reference_id=None if reference is None else lookup.reference_id(session, reference),
        include_reverse=True,
    )

    def items(session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
        matches = filter_matches(
            session,
            rows,
            solvent_id=solvent_id,
            additive_id=additive_id,
            temperature_c=temperature_c,
        )
        return [transformation_summary(row, matches.get(row["id"])) for row in rows]

    return pager.respond(session, statement, key="slug", items=items)


@router.get(
    "/transformations/paths",
    summary="Every path from one species to another, shortest first",
    response_model=Paths,
    responses=problem_responses(404),
)
def transformation_paths(
    session: SessionDep,
    source: Annotated[str, Query(description="Species slug to start from.")],
    target: Annotated[str, Query(description="Species slug to arrive at.")],
    max_steps: Annotated[int, Query(ge=1, le=8, description="Longest path, in steps.")] = 4,
    limit: Annotated[int, Query(ge=1, le=500, description="Most paths returned.")] = 50,
) -> Paths:
    start = lookup.species_id(session, source, param="source")
    end = lookup.species_id(session, target, param="target")
    if start == end:
        raise invalid_value("target", "the target is the source; a path needs two species")
    paths, truncated = find_paths(session, start, end, max_steps=max_steps, limit=limit)
    return Paths(
        data=paths,
        meta=PathsMeta(
            source=source,
            target=target,
            max_steps=max_steps,
            returned=len(paths),
            truncated=truncated,
        ),
    )


@router.get(
    "/transformations/network",
    summary="The transformation network: nodes and edges as JSON, or a picture (SVG), "
    "DOT or GraphML",
    response_model=Network,
    responses={
        **problem_responses(404),
        200: {"content": NETWORK.openapi_content()},
    },
)
def transformation_network(
    session: SessionDep,
    material: Annotated[
        str | None, Query(description='Material formula, e.g. "CdTe"; all when omitted.')
    ] = None,
    format_: Annotated[
        NetworkFormat | None,
        Query(
            alias="format",
            description="json (default); svg, a figure laid out by material and absorption "
            "peak; dot (Graphviz); graphml. Overrides the Accept header.",
        ),
    ] = None,
    accept: Annotated[
        str | None,
        Header(description="image/svg+xml, text/vnd.graphviz or application/graphml+xml."),
    ] = None,
) -> Any:
    material_id = None if material is None else lookup.material_id(session, material)
    graph = network(session, material_id=material_id)
    fmt = NETWORK.negotiate(format_, accept)
    if fmt is NetworkFormat.JSON:
        return graph
    title = f"Transformations among {material or 'all'} species — MSC-KB"
    return NETWORK.response(fmt, NETWORK.renderers[fmt](graph, title=title))


@router.get(
    "/transformations/{transformation_id}",
    summary="One transformation with conditions, kinetics, isosbestic points and pathway",
    response_model=TransformationDetail,
    responses=problem_responses(404),
)
async def transformation_by_id(
    session: SessionDep,
    response: Response,
    transformation_id: Annotated[str, Path(description="The transformation's id.")],
) -> Response:
    row = transformation_row(session, transformation_id)
    response.headers["ETag"] = kinds.TRANSFORMATION.etag(row)
    return rows_json(transformation_detail(session, row), response)
