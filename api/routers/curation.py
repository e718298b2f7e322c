"""Writes for curators: POST, PATCH and DELETE of the curated facts.

Bodies have the shape of the seed files (api/seeding/schemas.py) and are checked
by the same schemas; PATCH takes a JSON merge patch of that shape (RFC 7396) and
DELETE nothing. PATCH and DELETE need the ETag read from the GET in If-Match.
Every write needs an X-API-Key; deletions need an admin key.
"""

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Path, Query, Request, Response
from sqlalchemy import select

import models as m
from api.facts import kinds as k
from api.facts import writes as c
from api.facts.kinds import Kind
from api.queries import curation as q
from api.schemas import Page
from api.schemas.curation import ChangeRead, DuplicateRead, ImportRead, WriteResult
from api.seeding import schemas as s
from api.web.auth import AdminDep, CuratorDep
from api.web.deps import SessionDep
from api.web.errors import BadRequest, NotFound, Unprocessable, problem_responses
from api.web.pagination import PagerDep

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


def _written(
    kind: Kind,
    done: c.Written,
    identifier: str,
    response: Response,
    location: str | None = None,
) -> WriteResult:
    response.headers["ETag"] = kind.etag(done.row)
    if location:
        response.headers["Location"] = location
    return WriteResult(
        entity=kind.entity, id=identifier, version=done.row.version, entry=done.entry
    )


def _deleted(kind: Kind, identifier: str) -> WriteResult:
    return WriteResult(entity=kind.entity, id=identifier, version=None, entry=None)


def _existing(session: Any, kind: Kind, identifier: str, *values: Any) -> Any:
    """The stored fact whose identity holds ``values``, or a 404 naming ``identifier``."""
    row = q.fact_by_identity(session, kind, *values)
    if row is None:
        raise NotFound(f"No {kind.entity} {identifier!r}.")
    return row


Found = tuple[str, Any]
"""A stored fact's identifier and its row, found from the path of a request."""


def _writes(
    kind: Kind,
    base: str,
    item: str,
    stored: Callable[..., Found],
    *,
    tag: str,
    create_summary: str,
    patch_summary: str,
    readable: bool = False,
) -> None:
    """POST {base}, and PATCH and DELETE {item} (GET too when ``readable``), for one
    kind of fact; ``stored`` finds the fact from the item's path parameters."""
    StoredDep = Annotated[Found, Depends(stored)]

    @router.post(
        base,
        summary=create_summary,
        status_code=201,
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=[tag],
    )
    def create(
        session: SessionDep,
        key: CuratorDep,
        response: Response,
        entry: Annotated[kind.schema, Body()],  # type: ignore[name-defined]
    ) -> WriteResult:
        done = c.create(session, kind, entry, key=key)
        identifier = kind.identifier(entry)
        return _written(kind, done, identifier, response, f"/api/v1{base}/{identifier}")

    if readable:

        @router.get(
            item,
            summary=f"{kind.an.capitalize()}, as a seed entry with its ETag",
            response_model=WriteResult,
            responses=problem_responses(404),
            tags=[tag],
        )
        def read(session: SessionDep, response: Response, found: StoredDep) -> WriteResult:
            identifier, row = found
            return _written(kind, c.written(session, kind, row), identifier, response)

    @router.patch(
        item,
        summary=patch_summary,
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=[tag],
    )
    def change(
        session: SessionDep,
        key: CuratorDep,
        response: Response,
        found: StoredDep,
        changes: MergePatch,
        if_match: IfMatch = None,
    ) -> WriteResult:
        identifier, row = found
        done = c.patch(
            session, kind, row, changes, key=key, if_match=if_match, identifier=identifier
        )
        return _written(kind, done, identifier, response)

    @router.delete(
        item,
        summary=f"Delete {kind.an} (admin key, If-Match)",
        response_model=WriteResult,
        responses=WRITE_ERRORS,
        tags=[tag],
    )
    def remove(
        session: SessionDep, key: AdminDep, found: StoredDep, if_match: IfMatch = None
    ) -> WriteResult:
        identifier, row = found
        c.delete(session, kind, row, key=key, if_match=if_match, identifier=identifier)
        return _deleted(kind, identifier)


def _slugged(kind: Kind, base: str, tag: str) -> None:
    """Writes of a fact identified by one column: {base}/{identifier}."""

    def stored(session: SessionDep, identifier: str) -> Found:
        return identifier, _existing(session, kind, identifier, identifier)

    _writes(
        kind,
        base,
        base + "/{identifier}",
        stored,
        tag=tag,
        create_summary=f"Create {kind.an} (curator key)",
        patch_summary=f"Change {kind.an} with a merge patch (curator key, If-Match)",
    )


_slugged(k.REFERENCE, "/references", "references")
_slugged(k.SPECIES, "/species", "species")
_slugged(k.MALDI_MEASUREMENT, "/maldi", "MALDI")
_slugged(k.SYNTHESIS, "/syntheses", "syntheses")
_slugged(k.EXPERIMENT, "/experiments", "experiments")
_slugged(k.TRANSFORMATION, "/transformations", "transformations")


def _linked(
    kind: Kind, base: str, identity: Callable[[str, str], tuple[Any, ...]], what: str
) -> None:
    """Writes (and a read) of a link between two species: {base}/{first}/{second};
    ``identity`` makes the link's identity values from the two slugs."""

    def stored(session: SessionDep, first: str, second: str) -> Found:
        values = identity(first, second)
        identifier = kind.identifier_of(values)
        return identifier, _existing(session, kind, identifier, *values)

    _writes(
        kind,
        base,
        base + "/{first}/{second}",
        stored,
        tag="species",
        create_summary=f"{what} (curator key)",
        patch_summary=f"Change {kind.an}'s evidence (curator key, If-Match)",
        readable=True,
    )


_linked(
    k.COUNTERPART,
    "/counterparts",
    lambda pc, msc: (pc, msc),
    "Link a PC (first) to its MSC (second)",
)
_linked(k.ISOMER_PAIR, "/isomer-pairs", lambda a, b: ([a, b],), "Record two species as isomers")


# --- observations of an experiment ----------------------------------------------------------


def _observation(session: Any, slug: str, position: int) -> tuple[m.Experiment, Any]:
    experiment = q.experiment(session, slug)
    row = q.fact(
        session,
        k.OBSERVATION,
        m.Observation.experiment_id == experiment.id,
        m.Observation.position == position,
    )
    if row is None:
        raise NotFound(f"Experiment {slug!r} has no observation {position}.")
    return experiment, row


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
    experiment = q.experiment(session, slug, lock=True)
    position = q.next_observation_position(session, experiment)
    identifier = f"{slug}/{position}"
    done = c.create(
        session,
        k.OBSERVATION,
        entry,
        key=key,
        extra=c.observation_place(experiment, position),
        identifier=identifier,
    )
    location = f"/api/v1/experiments/{slug}/observations/{position}"
    return _written(k.OBSERVATION, done, identifier, response, location)


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
    _experiment, row = _observation(session, slug, position)
    done = c.written(session, k.OBSERVATION, row)
    return _written(k.OBSERVATION, done, f"{slug}/{position}", response)


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
    _experiment, row = _observation(session, slug, position)
    identifier = f"{slug}/{position}"
    done = c.patch(
        session, k.OBSERVATION, row, changes, key=key, if_match=if_match, identifier=identifier
    )
    return _written(k.OBSERVATION, done, identifier, response)


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
    _experiment, row = _observation(session, slug, position)
    identifier = f"{slug}/{position}"
    c.delete(session, k.OBSERVATION, row, key=key, if_match=if_match, identifier=identifier)
    return _deleted(k.OBSERVATION, identifier)


# --- BibTeX import -------------------------------------------------------------------------


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
    if not text.strip():
        # An empty import is a client's mistake, never "nothing to import".
        raise Unprocessable(
            "Invalid request: body: no BibTeX; send the entries to import.",
            errors=[{"location": "body", "message": "empty body", "type": "missing"}],
        )
    report = c.import_bibtex(session, text, key=key)
    return ImportRead(
        created=report.created,
        duplicates=[DuplicateRead(**vars(d)) for d in report.duplicates],
    )


# --- the audit trail -------------------------------------------------------------------------


def _since_or_until(name: str, value: str | None) -> int | datetime | None:
    """A change id, or an ISO 8601 moment (a date, or a date and time); else a 400."""
    if value is None:
        return None
    if re.fullmatch(r"[0-9]{1,18}", value):  # a change id (ASCII digits, fits 64 bits)
        return int(value)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or not re.match(r"^\d{4}-\d{2}-\d{2}", value):
        raise BadRequest(
            f"{name}={value!r}: give a change id (an integer) or an ISO 8601 date or time, "
            "e.g. 2026-12-02 or 2026-12-02T05:00:00Z.",
            errors=[{"location": f"query.{name}", "message": "not an id or a time", "type": name}],
        )
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


SinceQuery = Annotated[
    str | None,
    Query(description="After this change id, or at or after this time (ISO 8601)."),
]
UntilQuery = Annotated[
    str | None,
    Query(description="Up to and including this change id, or before this time (ISO 8601)."),
]


def _trail(
    session: SessionDep,
    pager: PagerDep,
    *,
    entity: str | None,
    identifier: str | None,
    key: str | None = None,
    action: m.ChangeAction | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Page[ChangeRead] | Response:
    statement = q.changes(
        entity=entity,
        identifier=identifier,
        key=key,
        action=action,
        since=_since_or_until("since", since),
        until=_since_or_until("until", until),
    )
    return pager.page(session, statement, key=m.Change.id, item=ChangeRead.model_validate)


@router.get(
    "/changes",
    summary="The change history: every write by the API, seed runs, imports, restores",
    description='Public. Each change names the key\'s name (never the key), "seed" for a '
    'seed run or "cli" for the command line, with the entry before and after.',
    response_model=Page[ChangeRead],
    responses=problem_responses(400),
    tags=["curation"],
)
def changes_list(
    session: SessionDep,
    pager: PagerDep,
    entity: Annotated[str | None, Query(description='E.g. "species".')] = None,
    identifier: Annotated[str | None, Query(description='E.g. "cds-msc-311".')] = None,
    key: Annotated[str | None, Query(description='Name of the API key, or "seed".')] = None,
    action: m.ChangeAction | None = None,
    since: SinceQuery = None,
    until: UntilQuery = None,
) -> Page[ChangeRead] | Response:
    return _trail(
        session,
        pager,
        entity=entity,
        identifier=identifier,
        key=key,
        action=action,
        since=since,
        until=until,
    )


def _history(kind: Kind, base: str) -> None:
    """GET {base}/{slug}/history: the changes of one fact, deleted ones included."""
    column = getattr(kind.model, kind.key[0])

    @router.get(
        f"{base}/{{slug}}/history",
        summary=f"The history of one {kind.entity}: every change, oldest first",
        response_model=Page[ChangeRead],
        responses=problem_responses(400, 404),
        tags=["curation"],
    )
    def history(
        session: SessionDep,
        pager: PagerDep,
        slug: str,
        since: SinceQuery = None,
        until: UntilQuery = None,
    ) -> Page[ChangeRead] | Response:
        exists = session.scalar(select(kind.model.id).where(column == slug)) is not None
        recorded = session.scalar(
            select(m.Change.id).where(m.Change.entity == kind.entity, m.Change.identifier == slug)
        )
        if not exists and recorded is None:
            raise NotFound(f"No {kind.entity} {slug!r}, and none in the history.")
        return _trail(session, pager, entity=kind.entity, identifier=slug, since=since, until=until)


for _kind, _base in (
    (k.SPECIES, "/species"),
    (k.TRANSFORMATION, "/transformations"),
    (k.SYNTHESIS, "/syntheses"),
    (k.EXPERIMENT, "/experiments"),
    (k.MALDI_MEASUREMENT, "/maldi"),
    (k.REFERENCE, "/references"),
):
    _history(_kind, _base)
