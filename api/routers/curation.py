"""Writes for curators: POST, PATCH and DELETE of the curated facts.

Bodies have the shape of the seed files (api/seeding/schemas.py) and are checked
by the same schemas; PATCH takes a JSON merge patch of that shape (RFC 7396) and
DELETE nothing. PATCH and DELETE need the ETag read from the GET in If-Match.
Every write needs an X-API-Key; deletions need an admin key.
"""

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Header, Path, Query, Request, Response
from pydantic import Field, field_validator
from sqlalchemy import func, select

import models as m
from api import curation as c
from api.auth import AdminDep, CuratorDep, ReaderDep
from api.deps import SessionDep
from api.errors import BadRequest, NotFound, problem_responses
from api.pagination import PagerDep
from api.schemas import Page, Schema, UtcDatetime
from api.seeding import schemas as s

router = APIRouter()

Position = Annotated[int, Path(ge=1, le=2_147_483_647, description="Observation number.")]

IfMatch = Annotated[
    str | None,
    Header(description="The ETag of the version you read; required, 412 if it changed since."),
]
MergePatch = Annotated[
    dict[str, Any],
    Body(
        description="JSON merge patch (RFC 7396) of the seed-file shape: the fields to "
        "change; null removes a field.",
        media_type="application/merge-patch+json",
    ),
]

WRITE_ERRORS = problem_responses(401, 403, 404, 409, 412, 428, 429)


class WriteResult(Schema):
    entity: str
    id: str = Field(description="The stable identifier of what was written.")
    version: int | None = Field(description="Its new version (null after a deletion).")
    entry: dict[str, Any] | None = Field(
        description="The fact as a seed-file entry, as stored now (null after a deletion)."
    )


def _written(
    writable: c.Writable,
    done: c.Written,
    identifier: str,
    response: Response,
    location: str | None = None,
) -> WriteResult:
    response.headers["ETag"] = c.etag(writable, done.row)
    if location:
        response.headers["Location"] = location
    return WriteResult(
        entity=writable.entity, id=identifier, version=done.row.version, entry=done.entry
    )


def _deleted(writable: c.Writable, identifier: str) -> WriteResult:
    return WriteResult(entity=writable.entity, id=identifier, version=None, entry=None)


def _found(row: Any, writable: c.Writable, identifier: str) -> Any:
    """``row``, or a 404 that names what was not found."""
    if row is None:
        raise NotFound(f"No {writable.entity} {identifier!r}.")
    return row


def _slugged(writable: c.Writable, column: Any, base: str, tag: str) -> None:
    """POST {base}, PATCH and DELETE {base}/{id} for a fact identified by one column."""

    @router.post(
        base,
        summary=f"Create a {writable.entity} (curator key)",
        status_code=201,
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=[tag],
        operation_id=f"create_{writable.entity.replace(' ', '_')}",
    )
    def create(
        session: SessionDep,
        key: CuratorDep,
        response: Response,
        entry: Annotated[writable.schema, Body()],  # type: ignore[name-defined]
    ) -> WriteResult:
        done = c.create(
            session,
            writable,
            entry,
            key=key,
            exists=lambda e: c.find(session, writable, column == writable.identity(e)) is not None,
        )
        identifier = writable.identity(entry)
        return _written(writable, done, identifier, response, f"/api/v1{base}/{identifier}")

    @router.patch(
        base + "/{identifier}",
        summary=f"Change a {writable.entity} with a merge patch (curator key, If-Match)",
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=[tag],
        operation_id=f"patch_{writable.entity.replace(' ', '_')}",
    )
    def change(
        session: SessionDep,
        key: CuratorDep,
        response: Response,
        identifier: str,
        changes: MergePatch,
        if_match: IfMatch = None,
    ) -> WriteResult:
        row = _found(c.find(session, writable, column == identifier), writable, identifier)
        done = c.patch(
            session, writable, row, changes, key=key, if_match=if_match, identifier=identifier
        )
        return _written(writable, done, identifier, response)

    @router.delete(
        base + "/{identifier}",
        summary=f"Delete a {writable.entity} (admin key, If-Match)",
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=[tag],
        operation_id=f"delete_{writable.entity.replace(' ', '_')}",
    )
    def remove(
        session: SessionDep, key: AdminDep, identifier: str, if_match: IfMatch = None
    ) -> WriteResult:
        row = _found(c.find(session, writable, column == identifier), writable, identifier)
        c.delete(session, writable, row, key=key, if_match=if_match, identifier=identifier)
        return _deleted(writable, identifier)


_slugged(c.REFERENCE, m.Reference.key, "/references", "references")
_slugged(c.SPECIES, m.Species.slug, "/species", "species")
_slugged(c.MALDI, m.MaldiMeasurement.slug, "/maldi", "MALDI")
_slugged(c.SYNTHESIS, m.Synthesis.slug, "/syntheses", "syntheses")
_slugged(c.EXPERIMENT, m.Experiment.slug, "/experiments", "experiments")
_slugged(c.TRANSFORMATION, m.Transformation.slug, "/transformations", "transformations")


# --- links between two species: counterparts and isomer pairs --------------------------


def _species_ids(session: Any, *slugs: str) -> dict[str, int]:
    rows = session.execute(select(m.Species.slug, m.Species.id).where(m.Species.slug.in_(slugs)))
    return dict(rows.all())


def _counterpart(session: Any, pc: str, msc: str) -> Any:
    ids = _species_ids(session, pc, msc)
    if len(ids) != len({pc, msc}):
        return None
    return c.find(
        session, c.COUNTERPART, m.Counterpart.pc_id == ids[pc], m.Counterpart.msc_id == ids[msc]
    )


def _isomer_pair(session: Any, first: str, second: str) -> Any:
    ids = sorted(_species_ids(session, first, second).values())
    if len(ids) != 2:
        return None
    return c.find(
        session, c.ISOMER_PAIR, m.IsomerPair.first_id == ids[0], m.IsomerPair.second_id == ids[1]
    )


def _linked(
    writable: c.Writable,
    base: str,
    find: Callable[[Any, str, str], Any],
    identify: Callable[[str, str], str],
    ends: Callable[[Any], tuple[str, str]],
    what: str,
) -> None:
    """POST {base}, and GET, PATCH, DELETE {base}/{first}/{second}, for a link between
    two species (its identifier is the pair)."""
    item = base + "/{first}/{second}"
    name = writable.entity.replace(" ", "_")

    @router.post(
        base,
        summary=f"{what} (curator key)",
        status_code=201,
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=["species"],
        operation_id=f"create_{name}",
    )
    def create(
        session: SessionDep,
        key: CuratorDep,
        response: Response,
        entry: Annotated[writable.schema, Body()],  # type: ignore[name-defined]
    ) -> WriteResult:
        done = c.create(
            session, writable, entry, key=key, exists=lambda e: find(session, *ends(e)) is not None
        )
        identifier = identify(*ends(entry))
        return _written(writable, done, identifier, response, f"/api/v1{base}/{identifier}")

    def existing(session: Any, first: str, second: str) -> Any:
        return _found(find(session, first, second), writable, identify(first, second))

    @router.get(
        item,
        summary=f"A {writable.entity}, as a seed entry with its ETag",
        response_model=WriteResult,
        responses=problem_responses(404),
        tags=["species"],
        operation_id=f"read_{name}",
    )
    def read(session: SessionDep, response: Response, first: str, second: str) -> WriteResult:
        row = existing(session, first, second)
        return _written(
            writable, c.written(session, writable, row), identify(first, second), response
        )

    @router.patch(
        item,
        summary=f"Change a {writable.entity}'s evidence (curator key, If-Match)",
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=["species"],
        operation_id=f"patch_{name}",
    )
    def change(
        session: SessionDep,
        key: CuratorDep,
        response: Response,
        first: str,
        second: str,
        changes: MergePatch,
        if_match: IfMatch = None,
    ) -> WriteResult:
        identifier = identify(first, second)
        row = existing(session, first, second)
        done = c.patch(
            session, writable, row, changes, key=key, if_match=if_match, identifier=identifier
        )
        return _written(writable, done, identifier, response)

    @router.delete(
        item,
        summary=f"Remove a {writable.entity} (admin key, If-Match)",
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=["species"],
        operation_id=f"delete_{name}",
    )
    def remove(
        session: SessionDep, key: AdminDep, first: str, second: str, if_match: IfMatch = None
    ) -> WriteResult:
        identifier = identify(first, second)
        row = existing(session, first, second)
        c.delete(session, writable, row, key=key, if_match=if_match, identifier=identifier)
        return _deleted(writable, identifier)


_linked(
    c.COUNTERPART,
    "/counterparts",
    _counterpart,
    c.pair,
    lambda e: (e.pc, e.msc),
    "Link a PC (first) to its MSC (second)",
)
_linked(
    c.ISOMER_PAIR,
    "/isomer-pairs",
    _isomer_pair,
    lambda a, b: c.pair(*sorted((a, b))),
    lambda e: (e.species[0], e.species[1]),
    "Record two species as isomers",
)


# --- observations of an experiment ----------------------------------------------------------


def _experiment(session: Any, slug: str, *, lock: bool = False) -> m.Experiment:
    """The experiment; ``lock`` holds its row to the end of the transaction, so that two
    observations added at once do not both take the next position."""
    statement = select(m.Experiment).where(m.Experiment.slug == slug)
    if lock:
        statement = statement.with_for_update()
    found = session.scalars(statement).one_or_none()
    if found is None:
        raise NotFound(f"No experiment {slug!r}.")
    return found  # type: ignore[no-any-return]


def _observation(session: Any, experiment: m.Experiment, position: int) -> tuple[c.Writable, Any]:
    writable = c.observation_writable(experiment, position)
    row = c.find(
        session,
        writable,
        m.Observation.experiment_id == experiment.id,
        m.Observation.position == position,
    )
    if row is None:
        raise NotFound(f"Experiment {experiment.slug!r} has no observation {position}.")
    return writable, row


@router.post(
    "/experiments/{slug}/observations",
    summary="Add an observation to an experiment (curator key)",
    status_code=201,
    response_model=WriteResult,
    responses=WRITE_ERRORS,
    tags=["experiments"],
)
def create_observation(
    session: SessionDep,
    key: CuratorDep,
    response: Response,
    slug: str,
    entry: s.ObservationSeed,
) -> WriteResult:
    experiment = _experiment(session, slug, lock=True)
    last = session.scalar(
        select(func.max(m.Observation.position)).where(m.Observation.experiment_id == experiment.id)
    )
    position = (last or 0) + 1
    writable = c.observation_writable(experiment, position)
    done = c.create(session, writable, entry, key=key, exists=lambda _e: False)
    identifier = f"{slug}/{position}"
    location = f"/api/v1/experiments/{slug}/observations/{position}"
    return _written(writable, done, identifier, response, location)


@router.get(
    "/experiments/{slug}/observations/{position}",
    summary="One observation, as a seed entry with its ETag",
    response_model=WriteResult,
    responses=problem_responses(404),
    tags=["experiments"],
)
def read_observation(
    session: SessionDep, response: Response, slug: str, position: Position
) -> WriteResult:
    writable, row = _observation(session, _experiment(session, slug), position)
    return _written(writable, c.written(session, writable, row), f"{slug}/{position}", response)


@router.patch(
    "/experiments/{slug}/observations/{position}",
    summary="Change an observation (curator key, If-Match)",
    response_model=WriteResult,
    responses=WRITE_ERRORS,
    tags=["experiments"],
)
def patch_observation(
    session: SessionDep,
    key: CuratorDep,
    response: Response,
    slug: str,
    position: Position,
    changes: MergePatch,
    if_match: IfMatch = None,
) -> WriteResult:
    writable, row = _observation(session, _experiment(session, slug), position)
    identifier = f"{slug}/{position}"
    done = c.patch(
        session, writable, row, changes, key=key, if_match=if_match, identifier=identifier
    )
    return _written(writable, done, identifier, response)


@router.delete(
    "/experiments/{slug}/observations/{position}",
    summary="Delete an observation (admin key, If-Match)",
    response_model=WriteResult,
    responses=WRITE_ERRORS,
    tags=["experiments"],
)
def delete_observation(
    session: SessionDep, key: AdminDep, slug: str, position: Position, if_match: IfMatch = None
) -> WriteResult:
    writable, row = _observation(session, _experiment(session, slug), position)
    identifier = f"{slug}/{position}"
    c.delete(session, writable, row, key=key, if_match=if_match, identifier=identifier)
    return _deleted(writable, identifier)


# --- BibTeX import -------------------------------------------------------------------------


class DuplicateRead(Schema):
    key: str = Field(description="The key the imported entry carries.")
    existing: str = Field(description="The stored reference it duplicates.")
    matched_by: str = Field(description='"doi", "key" or "title and year".')


class ImportRead(Schema):
    created: list[str] = Field(description="Citation keys of the references created.")
    duplicates: list[DuplicateRead]


@router.post(
    "/references/import",
    summary="Import BibTeX: each entry created, or reported as a duplicate (curator key)",
    response_model=ImportRead,
    responses=WRITE_ERRORS,
    tags=["references"],
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-bibtex": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    },
)
async def import_references(request: Request, session: SessionDep, key: CuratorDep) -> ImportRead:
    raw = await request.body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest("The BibTeX body is not UTF-8 text.") from exc
    report = c.import_bibtex(session, text, key=key)
    return ImportRead(
        created=report.created,
        duplicates=[DuplicateRead(**vars(d)) for d in report.duplicates],
    )


# --- the audit trail -------------------------------------------------------------------------


class ChangeRead(Schema):
    id: int
    at: UtcDatetime
    key: str = Field(validation_alias="key_name", description="Name of the API key that wrote.")
    action: m.ChangeAction
    entity: str
    identifier: str
    before: dict[str, Any] | None = Field(description="The entry before; null for a creation.")
    after: dict[str, Any] | None = Field(description="The entry after; null for a deletion.")
    request_id: str | None

    @field_validator("before", "after", mode="before")
    @classmethod
    def _parsed(cls, value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value


@router.get(
    "/changes",
    summary="The audit trail: every write, who made it, when, before and after (any key)",
    response_model=Page[ChangeRead],
    responses=problem_responses(401),
    tags=["curation"],
)
def changes_list(
    session: SessionDep,
    _key: ReaderDep,
    pager: PagerDep,
    entity: Annotated[str | None, Query(description='E.g. "species".')] = None,
    identifier: Annotated[str | None, Query(description='E.g. "cds-msc-311".')] = None,
    key: Annotated[str | None, Query(description="Name of the API key.")] = None,
    action: m.ChangeAction | None = None,
    since: Annotated[datetime | None, Query(description="At or after (ISO 8601).")] = None,
    until: Annotated[datetime | None, Query(description="Before (ISO 8601).")] = None,
) -> Page[ChangeRead]:
    statement = select(m.Change)
    for column, value in (
        (m.Change.entity, entity),
        (m.Change.identifier, identifier),
        (m.Change.key_name, key),
        (m.Change.action, action),
    ):
        if value is not None:
            statement = statement.where(column == value)
    if since is not None:
        statement = statement.where(m.Change.at >= since)
    if until is not None:
        statement = statement.where(m.Change.at < until)
    return pager.page(session, statement, key=m.Change.id, item=ChangeRead.model_validate)
