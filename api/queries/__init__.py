"""Read-only query functions, one module per resource. They read and never commit.

Two ways of reading, each where it pays:

- The busiest reads (species, MALDI measurements, transformations) are Core SELECTs
  whose rows become dicts shaped like the response schemas. Loading ORM instances
  with their relationships cost ten to twenty times the SQL there (see
  bench/RESULTS.md); a Core row costs little more than the driver's tuple. A list
  takes a fixed number of statements: the page's rows with everything one-to-one
  joined in, then each one-to-many child table once for the page (``IN`` its ids).
  The helpers for that are below: ``with_evidence``, ``with_species_ref``,
  ``children``.
- The rest loads ORM instances. Relationships are ``lazy="raise"`` in the models,
  so every function says what it loads: ``with_reference``, ``species_ref``.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, FromClause, Label, Select, bindparam, func
from sqlalchemy.orm import InstrumentedAttribute, Session, joinedload, load_only
from sqlalchemy.orm.strategy_options import _AbstractLoad
from sqlalchemy.sql.elements import KeyedColumnElement

from api.store.prepared import Prepared
from models import Material, Reference, Species

SPECIES = Species.__table__
MATERIAL = Material.__table__
REFERENCE = Reference.__table__

Dict = dict[str, Any]
"""A response object as a dict, before the response schema validates it."""

Row = Mapping[Any, Any]
"""A row of a Core read, by its column labels."""


def with_reference(relationship: Any) -> _AbstractLoad:
    """Load the cited reference's key, for the evidence of a row."""
    return joinedload(relationship).options(load_only(Reference.key))


def species_ref(relationship: Any) -> _AbstractLoad:
    """Load a species with its material, for a SpeciesRef."""
    return joinedload(relationship).joinedload(Species.material)


def same_text(
    column: InstrumentedAttribute[Any] | ColumnElement[Any], value: str | BindParameter[str]
) -> Any:
    """Case-insensitive equality, the same on SQLite and PostgreSQL. A bound parameter
    (a statement built once) is given its value lower-cased when the statement runs."""
    return func.lower(column) == (value if isinstance(value, BindParameter) else value.lower())


# --- Core rows ------------------------------------------------------------------------


def named(table: FromClause, *names: str) -> list[Label[Any]]:
    """``table``'s columns ``names``, each labelled with its own name."""
    return [table.c[name].label(name) for name in names]


def with_evidence(table: FromClause, statement: Select[Any]) -> Select[Any]:
    """Add the evidence of ``table``'s rows (their reference's key joined in)."""
    return statement.add_columns(
        REFERENCE.c.key.label("ev_reference"),
        table.c.locator.label("ev_locator"),
        table.c.status.label("ev_status"),
        table.c.approximate.label("ev_approximate"),
    ).join(REFERENCE, REFERENCE.c.id == table.c.reference_id)


def evidence_of(row: Row) -> Dict:
    return {
        "reference": row["ev_reference"],
        "locator": row["ev_locator"],
        "status": row["ev_status"],
        "approximate": row["ev_approximate"],
    }


def fields(row: Row, *names: str) -> Dict:
    """``names`` of ``row`` and its evidence."""
    return {**{name: row[name] for name in names}, "evidence": evidence_of(row)}


def with_species_ref(
    statement: Select[Any], species_id: ColumnElement[Any], name: str
) -> Select[Any]:
    """Add the species ``species_id`` points at, for a SpeciesRef called ``name``."""
    species = SPECIES.alias(name)
    material = MATERIAL.alias(f"{name}_material")
    return (
        statement.add_columns(
            species.c.slug.label(f"{name}_slug"),
            material.c.formula.label(f"{name}_material"),
            species.c.kind.label(f"{name}_kind"),
            species.c.label.label(f"{name}_label"),
        )
        .join(species, species.c.id == species_id)
        .join(material, material.c.id == species.c.material_id)
    )


def species_ref_of(row: Row, name: str) -> Dict:
    return {
        "slug": row[f"{name}_slug"],
        "material": row[f"{name}_material"],
        "kind": row[f"{name}_kind"],
        "label": row[f"{name}_label"],
    }


Statement = Select[Any] | Prepared
"""A statement built per request, or one built once and prepared."""


def mappings(session: Session, statement: Statement, params: Dict | None = None) -> Sequence[Row]:
    if isinstance(statement, Prepared):
        return statement.rows(session, params)
    return session.execute(statement, params).mappings().all()


ID: BindParameter[int] = bindparam("id")
"""The id a prepared statement is about (``{"id": ...}`` when it runs). The busiest
statements are built once, at import, with bound parameters: building a SELECT with
its joins and aliases costs more than running it."""


def in_ids(column: KeyedColumnElement[Any]) -> ColumnElement[bool]:
    """``column IN :ids``, for :func:`children`."""
    return column.in_(bindparam("ids", expanding=True))


CHUNK = 500
"""Ids per IN list, well under every engine's limit on bound parameters."""


def children(
    session: Session, statement: Statement, parent: str, ids: Sequence[int]
) -> dict[int, list[Row]]:
    """The rows of ``statement`` (built with ``.where(in_ids(column))``) for the parents
    ``ids``, grouped by the selected column ``parent``, in the statement's order."""
    grouped: dict[int, list[Row]] = defaultdict(list)
    for i in range(0, len(ids), CHUNK):
        for row in mappings(session, statement, {"ids": ids[i : i + CHUNK]}):
            grouped[row[parent]].append(row)
    return grouped
