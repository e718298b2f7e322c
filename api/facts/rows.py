"""Rows of a kind of fact in the database: built, compared and updated from the
plain rows that ``Kind.row`` makes, children included."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

import models as m
from api.facts.fields import Row, Spec


def canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(sorted((canonical(v) for v in value), key=repr))
    return value


def _template(rows: list[Row]) -> Row:
    """Every field any of ``rows`` has, child lists merged the same way, so that rows
    whose first child happens to lack a nested list still compare whole."""
    merged: Row = {}
    for row in rows:
        for name, value in row.items():
            if isinstance(value, list):
                merged[name] = [_template([*merged.get(name, []), *value])]
            else:
                merged.setdefault(name, value)
    return merged


def snapshot(obj: Any, template: Row) -> Row:
    """The stored row in the shape of ``template``, so the two can be compared."""
    out: Row = {}
    for name, wanted in template.items():
        current = getattr(obj, name)
        if isinstance(wanted, list):
            child_template = _template(wanted)
            out[name] = [snapshot(child, child_template) for child in current]
        else:
            out[name] = current
    return out


def unchanged(obj: Any, row: Row) -> bool:
    """Whether the stored ``obj`` already holds ``row``, children compared as sets."""
    return bool(canonical(snapshot(obj, row)) == canonical(row))


def _child_model(model: type[m.Base], relationship: str) -> type[m.Base]:
    target: type[m.Base] = inspect(model).relationships[relationship].mapper.class_
    return target


def build(model: type[m.Base], row: Row) -> Any:
    values = {
        name: [build(_child_model(model, name), child) for child in value]
        if isinstance(value, list)
        else value
        for name, value in row.items()
    }
    return model(**values)


def loader_options(model: type[m.Base], spec: Spec) -> list[_AbstractLoad]:
    options: list[_AbstractLoad] = []
    for name, nested in spec.items():
        option = selectinload(getattr(model, name))
        child = _child_model(model, name)
        for sub in loader_options(child, nested):
            option = option.options(sub)
        options.append(option)
    return options


def update_row(session: Session, model: type[m.Base], obj: Any, row: Row) -> None:
    for name, value in row.items():
        if not isinstance(value, list):
            if getattr(obj, name) != value:
                setattr(obj, name, value)
            continue
        current = getattr(obj, name)
        template = _template(value)
        if canonical([snapshot(c, template) for c in current]) == canonical(value):
            continue
        # Clear first: the new children may reuse unique positions of the old ones.
        current.clear()
        session.flush()
        setattr(obj, name, [build(_child_model(model, name), child) for child in value])
