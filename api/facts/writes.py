"""Writes through the API: create, patch and delete curated facts.

A write takes and gives the same shape as the seed files, validated by the same
pydantic schemas, and turns an entry into rows by its kind's one declaration
(api/facts/kinds.py), so a fact entered through the API is the fact a seed file
would hold (and ``msckb dump-seeds`` writes it back). Every write checks the row version the
client read (If-Match), raises it atomically, and leaves a row in the audit trail.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

import models as m
from api.facts import kinds
from api.facts.fields import Entry, Row
from api.facts.kinds import Kind, identity_column
from api.facts.rows import build, update_row
from api.queries.curation import fact_by_identity, id_of
from api.seeding import schemas as s
from api.seeding.files import parse_bib, reference_seed
from api.web.errors import (
    BadRequest,
    Conflict,
    PreconditionFailed,
    PreconditionRequired,
    ProblemError,
    Unprocessable,
)
from api.web.limits import request_id


def resolve_one(session: Session, model: type[m.Base], ident: Any) -> int:
    """An identifier in a request body -> its row id; an unknown one is a 422."""
    found = id_of(session, model, ident)
    if found is None:
        table = model.__tablename__
        raise Unprocessable(
            f"body: no {table} with {identity_column(model)} {ident!r}",
            errors=[{"location": "body", "message": f"unknown {table}", "type": "unknown"}],
        )
    return found


class PointNames:
    """Row ids -> identifiers one query each (remembered), for the few rows of one entry."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._known: dict[tuple[type[m.Base], int], str] = {}

    def __call__(self, model: type[m.Base], row_id: int) -> str:
        if (model, row_id) not in self._known:
            column = getattr(model, identity_column(model))
            value = self.session.scalar(select(column).where(model.id == row_id))
            self._known[model, row_id] = str(value)
        return self._known[model, row_id]


# --- versions and ETags ---------------------------------------------------------------


_ETAG = re.compile(r'^(?:W/)?"[a-z-]+-(\d+)-v(\d+)"$')


def expected_version(kind: Kind, row: Any, if_match: str | None) -> int:
    """The version the client read, from If-Match; 428 without it, 412 when stale."""
    if not if_match:
        raise PreconditionRequired(
            "Send the ETag you read in an If-Match header: a write without it could "
            "overwrite someone else's change."
        )
    current = kind.etag(row)
    tags = [t.strip() for t in if_match.split(",")]
    if current in tags:
        return int(row.version)
    stale = next((_ETAG.match(t) for t in tags if _ETAG.match(t)), None)
    read = f" (you read version {stale.group(2)})" if stale else ""
    raise PreconditionFailed(
        f"This {kind.entity} changed since it was read{read}; it is now {current}. "
        "Read it again and reapply your change.",
        headers={"ETag": current},
    )


def _claim(session: Session, row: Any, version: int) -> None:
    """Raise the version from the one read, atomically: of two concurrent writes of one
    row, the second finds the version moved and gets 412."""
    table = row.__table__
    result = session.execute(
        update(table)
        .where(table.c.id == row.id, table.c.version == version)
        .values(version=version + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise PreconditionFailed("It changed while this write was waiting; read it again.")
    set_committed_value(row, "version", version + 1)


# --- validation -------------------------------------------------------------------------


def validate(kind: Kind, body: Any) -> Any:
    """The body as a seed entry; a 422 naming each bad field, as the seed loader would."""
    try:
        return kind.schema.model_validate(body)
    except ValidationError as exc:
        errors = [
            {
                "location": ".".join(["body", *(str(p) for p in err["loc"])]),
                "message": err["msg"],
                "type": err["type"],
            }
            for err in exc.errors()
        ]
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors)
        raise Unprocessable(f"Invalid {kind.entity}: {detail}", errors=errors) from exc


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7396 JSON merge patch: objects merge, null removes, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    merged = dict(target) if isinstance(target, dict) else {}
    for name, value in patch.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = merge_patch(merged.get(name), value)
    return merged


def current_entry(session: Session, kind: Kind, row: Any) -> Entry:
    return kind.seed_entry(row, PointNames(session))


@dataclass(frozen=True)
class Written:
    """A row as a write left it, with its seed entry (the one the audit trail holds)."""

    row: Any
    entry: Entry


def written(session: Session, kind: Kind, row: Any) -> Written:
    return Written(row, current_entry(session, kind, row))


def _apply(session: Session, kind: Kind, change: Callable[[], Any]) -> None:
    """Make ``change`` and flush it in a savepoint: if the database refuses it, the
    session is as before and the refusal is a 409."""
    try:
        with session.begin_nested():
            change()
            session.flush()
    except IntegrityError as exc:
        raise Conflict(
            f"The database refused this {kind.entity}: it would duplicate or break a "
            f"link to another fact ({type(exc.orig).__name__})."
        ) from exc


def record(
    session: Session,
    *,
    key: m.ApiKey,
    action: m.ChangeAction,
    entity: str,
    identifier: str,
    before: Entry | None,
    after: Entry | None,
) -> None:
    def text(entry: Entry | None) -> str | None:
        return None if entry is None else json.dumps(entry, ensure_ascii=False, sort_keys=True)

    session.add(
        m.Change(
            key_name=key.name,
            action=action,
            entity=entity,
            identifier=identifier,
            before=text(before),
            after=text(after),
            request_id=request_id.get(),
        )
    )


# --- the three writes -------------------------------------------------------------------


def _recorded(
    session: Session,
    kind: Kind,
    row: Any,
    action: m.ChangeAction,
    identifier: str,
    before: Any,
    *,
    key: m.ApiKey,
) -> Written:
    """The row as written, its entry now, and that change in the audit trail."""
    after = current_entry(session, kind, row)
    record(
        session,
        key=key,
        action=action,
        entity=kind.entity,
        identifier=identifier,
        before=before,
        after=after,
    )
    return Written(row, after)


def create(
    session: Session,
    kind: Kind,
    body: Any,
    *,
    key: m.ApiKey,
    extra: Row | None = None,
    identifier: str | None = None,
) -> Written:
    """Create from a seed-shaped body; 409 when its identifier is taken. ``extra``
    columns place a fact held inside another (an observation in its experiment)."""
    entry = validate(kind, body)
    identifier = identifier or kind.identifier(entry)
    if kind.identity and fact_by_identity(session, kind, *kind.identity_values(entry)):
        raise Conflict(f"{kind.an.capitalize()} {identifier!r} exists already; PATCH it instead.")
    row = build(kind.model, {**kind.row(entry, partial(resolve_one, session)), **(extra or {})})
    _apply(session, kind, lambda: session.add(row))
    return _recorded(session, kind, row, m.ChangeAction.CREATE, identifier, None, key=key)


def patch(
    session: Session,
    kind: Kind,
    row: Any,
    changes: Any,
    *,
    key: m.ApiKey,
    if_match: str | None,
    identifier: str,
    extra: Row | None = None,
) -> Written:
    """Apply a JSON merge patch to the row's seed entry; the identifier cannot change."""
    version = expected_version(kind, row, if_match)
    if not isinstance(changes, dict):
        raise Unprocessable("body: a merge patch is a JSON object of the fields to change")
    before = current_entry(session, kind, row)
    entry = validate(kind, merge_patch(before, changes))
    if kind.identity and kind.identifier(entry) != identifier:
        raise Unprocessable(
            f"body: the identifier of a {kind.entity} ({identifier!r}) cannot change; "
            "create the new one and delete this one instead."
        )
    _claim(session, row, version)
    new_row = {**kind.row(entry, partial(resolve_one, session)), **(extra or {})}
    _apply(session, kind, lambda: update_row(session, kind.model, row, new_row))
    return _recorded(session, kind, row, m.ChangeAction.UPDATE, identifier, before, key=key)


def delete(
    session: Session,
    kind: Kind,
    row: Any,
    *,
    key: m.ApiKey,
    if_match: str | None,
    identifier: str,
) -> None:
    """Delete, leaving the entry in the audit trail; 409 while other facts point to it."""
    version = expected_version(kind, row, if_match)
    before = current_entry(session, kind, row)
    _claim(session, row, version)
    try:
        _apply(session, kind, lambda: session.delete(row))
    except ProblemError as exc:
        raise Conflict(
            f"Other facts still point to the {kind.entity} {identifier!r} "
            "(transformations, measurements ...); delete or change them first."
        ) from exc
    record(
        session,
        key=key,
        action=m.ChangeAction.DELETE,
        entity=kind.entity,
        identifier=identifier,
        before=before,
        after=None,
    )


# --- observations: children of an experiment, written one at a time ----------------------


def observation_place(experiment: m.Experiment, position: int) -> Row:
    """The columns that put an observation at ``position`` of ``experiment``."""
    return {"experiment_id": experiment.id, "position": position}


# --- BibTeX import ---------------------------------------------------------------------


@dataclass
class Duplicate:
    key: str
    """The key the imported entry carries."""
    existing: str
    """The stored reference it duplicates."""
    matched_by: str
    """doi, key, or title and year."""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def normalised_title(title: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", title.casefold())


def _duplicate_of(session: Session, seed: s.ReferenceSeed) -> tuple[str, str] | None:
    if seed.doi:
        found = session.scalar(
            select(m.Reference.key).where(func.lower(m.Reference.doi) == seed.doi.lower())
        )
        if found:
            return found, "doi"
    if session.scalar(select(m.Reference.key).where(m.Reference.key == seed.key)):
        return seed.key, "key"
    if seed.title and seed.year is not None:
        wanted = normalised_title(seed.title)
        same_year = session.execute(
            select(m.Reference.key, m.Reference.title).where(m.Reference.year == seed.year)
        )
        for key, title in same_year:
            if title and normalised_title(title) == wanted:
                return key, "title and year"
    return None


def import_bibtex(session: Session, text: str, *, key: m.ApiKey) -> ImportReport:
    """Create each entry, or report it as a duplicate of a stored reference (same DOI,
    key, or normalised title and year). Any malformed entry refuses the whole body."""
    problems: list[str] = []
    records = parse_bib(text, "body", problems, strict=False)
    if problems:
        raise BadRequest(
            "Malformed BibTeX; nothing was imported: " + "; ".join(problems),
            errors=[{"location": "body", "message": p, "type": "bibtex"} for p in problems],
        )
    seeds = [reference_seed(record, "body", problems) for record in records.values()]
    if problems:
        raise Unprocessable(
            "BibTeX entries the knowledge base cannot hold; nothing was imported: "
            + "; ".join(problems),
            errors=[{"location": "body", "message": p, "type": "reference"} for p in problems],
        )
    report = ImportReport()
    for seed in seeds:
        assert seed is not None
        duplicate = _duplicate_of(session, seed)
        if duplicate is not None:
            report.duplicates.append(Duplicate(seed.key, *duplicate))
            continue
        create(session, kinds.REFERENCE, seed, key=key)
        report.created.append(seed.key)
    return report
