"""Declarative base shared by every table.

The naming convention makes constraint names identical on SQLite and
PostgreSQL, so migrations can name them and tests can assert on them.
"""

from typing import TYPE_CHECKING

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # Every table declares an integer primary key ``id`` of its own (first, so the
        # columns keep their order); this tells the type checker so.
        id: Mapped[int]
