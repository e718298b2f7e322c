"""Read-only query functions, one module per resource. They read and never commit.

Relationships are ``lazy="raise"`` in the models, so every function says what it
loads; the helpers here spell the common loads once.
"""

from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.orm import InstrumentedAttribute, joinedload, load_only
from sqlalchemy.orm.strategy_options import _AbstractLoad

from models import Reference, Species


def with_reference(relationship: Any) -> _AbstractLoad:
    """Load the cited reference's key, for the evidence of a row."""
    return joinedload(relationship).options(load_only(Reference.key))


def species_ref(relationship: Any) -> _AbstractLoad:
    """Load a species with its material, for a SpeciesRef."""
    return joinedload(relationship).joinedload(Species.material)


def same_text(column: InstrumentedAttribute[Any] | ColumnElement[Any], value: str) -> Any:
    """Case-insensitive equality, the same on SQLite and PostgreSQL."""
    return func.lower(column) == value.lower()
