"""Reads behind the curation writes: a stored fact with its children, by its
identity or by conditions, an experiment's observations, and the audit trail."""

from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

import models as m
from api.facts.kinds import Kind, identity_column
from api.facts.rows import loader_options
from api.web.errors import NotFound


def fact(session: Session, kind: Kind, *conditions: Any) -> Any:
    """The one stored fact of ``kind`` that meets ``conditions``, children loaded."""
    return session.scalars(
        select(kind.model).where(*conditions).options(*loader_options(kind.model, kind.children))
    ).one_or_none()


def id_of(session: Session, model: type[m.Base], ident: Any) -> int | None:
    """The id of the row of ``model`` that ``ident`` (its slug, key ...) names."""
    found = session.scalar(select(model.id).where(getattr(model, identity_column(model)) == ident))
    return None if found is None else int(found)


class _Unknown(LookupError):
    """An identifier that names no row: then the fact cannot exist either."""


def fact_by_identity(session: Session, kind: Kind, *values: Any) -> Any:
    """The stored fact whose identity fields hold ``values`` (a slug; a PC and an MSC;
    a pair of species), or None."""

    def ids(model: type[m.Base], ident: Any) -> int:
        found = id_of(session, model, ident)
        if found is None:
            raise _Unknown(ident)
        return found

    try:
        key = kind.key_row(values, ids)
    except _Unknown:
        return None
    return fact(session, kind, *(getattr(kind.model, col) == value for col, value in key.items()))


def experiment(session: Session, slug: str, *, lock: bool = False) -> m.Experiment:
    """The experiment; ``lock`` holds its row to the end of the transaction, so that two
    observations added at once do not both take the next position."""
    statement = select(m.Experiment).where(m.Experiment.slug == slug)
    if lock:
        statement = statement.with_for_update()
    found = session.scalars(statement).one_or_none()
    if found is None:
        raise NotFound(f"No experiment {slug!r}.")
    return found


def next_observation_position(session: Session, experiment: m.Experiment) -> int:
    last = session.scalar(
        select(func.max(m.Observation.position)).where(m.Observation.experiment_id == experiment.id)
    )
    return (last or 0) + 1


def changes(
    *,
    entity: str | None,
    identifier: str | None,
    key: str | None,
    action: m.ChangeAction | None,
    since: int | datetime | None,
    until: int | datetime | None,
) -> Select[Any]:
    """The audit trail, filtered; the caller pages it. ``since`` and ``until`` are a
    change id (after it; up to and including it) or a moment (at or after; before)."""
    statement = select(m.Change)
    for column, value in (
        (m.Change.entity, entity),
        (m.Change.identifier, identifier),
        (m.Change.key_name, key),
        (m.Change.action, action),
    ):
        if value is not None:
            statement = statement.where(column == value)
    if isinstance(since, int):
        statement = statement.where(m.Change.id > since)
    elif since is not None:
        statement = statement.where(m.Change.at >= since)
    if isinstance(until, int):
        statement = statement.where(m.Change.id <= until)
    elif until is not None:
        statement = statement.where(m.Change.at < until)
    return statement
