"""Prepared statements (api/store/prepared.py) answer what Session.execute answers, row
for row and value for value, on both engines; and a driver's error comes as
SQLAlchemy's, which the API's handlers know."""

from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, Select, Table, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from api.queries.maldi import MASSES, MATRICES, measurements_query
from api.queries.species import _DETAIL, ALIASES, PEAKS, species_query
from api.queries.transformations import transformations_query
from api.store.prepared import Bound, Prepared
from api.web.pagination import _page
from models.enums import EvidenceStatus, SpeciesKind


def _executed(session: Session, statement: Select[Any], params: dict[str, Any]) -> list[Any]:
    return [dict(row) for row in session.execute(statement, params).mappings()]


def _ids(session: Session, table: str) -> list[int]:
    return list(session.scalars(text(f"SELECT id FROM {table} ORDER BY id")))


def test_every_detail_statement_reads_as_session_execute(seeded: Session) -> None:
    compared = 0
    for sid in _ids(seeded, "species"):
        for statement in _DETAIL.values():
            rows = Prepared(statement).rows(seeded, {"id": sid})
            assert rows == _executed(seeded, statement, {"id": sid})
            compared += len(rows)
    assert compared > 100  # the seeded facts, not empty answers


def test_lists_of_children_expand_as_session_execute(seeded: Session) -> None:
    species = _ids(seeded, "species")
    measurements = _ids(seeded, "maldi_measurement")
    for prepared, ids in ((ALIASES, species), (PEAKS, species), (MATRICES, measurements)):
        for chunk in (ids[:1], ids[:3], ids):
            rows = prepared.rows(seeded, {"ids": chunk})
            assert rows == _executed(seeded, prepared.statement, {"ids": chunk})
    rows = MASSES.rows(seeded, {"ids": measurements})
    assert rows
    assert rows == _executed(seeded, MASSES.statement, {"ids": measurements})
    # Converted as SQLAlchemy converts: enumerations and booleans, not the stored text
    # and integers.
    peak = PEAKS.rows(seeded, {"ids": species})[0]
    assert type(peak["ev_status"]) is not str
    assert type(peak["ev_approximate"]) is bool


@pytest.mark.parametrize("after", [False, True])
def test_pages_of_bound_statements_read_as_session_execute(seeded: Session, after: bool) -> None:
    source = seeded.scalar(text("SELECT source_id FROM transformation ORDER BY id"))
    material = seeded.scalar(
        text("SELECT material_id FROM species GROUP BY material_id ORDER BY count(*) DESC")
    )
    cited = seeded.scalar(
        text("SELECT reference_id FROM species GROUP BY reference_id ORDER BY count(*) DESC")
    )
    species = list(seeded.scalars(text("SELECT id FROM species ORDER BY id LIMIT 5")))
    queries = [
        species_query(),
        species_query(material_id=material, kind=SpeciesKind.MSC, maldi=False),
        species_query(peak_nm_min=300.0, peak_nm_max=500.0, status=EvidenceStatus.REPORTED),
        species_query(reference_id=cited),
        species_query(composition_ids=species, maldi=True),
        species_query(peak_nm_min=400.0),
        transformations_query(source_id=source, include_reverse=True),
        measurements_query(mass_da=7000.0, tolerance_da=2000.0),
    ]
    for query in queries:
        assert isinstance(query, Bound)
        key = query.statement.selected_columns["slug"]
        plain = query.select()
        first = _executed(seeded, plain.order_by(key), {})
        assert len(first) > 1
        values = {**query.params, "limit": 2}
        expected = first[:2]
        if after:
            values["after"] = first[0]["slug"]
            expected = first[1:3]
        assert _page(query.statement, "slug", after).rows(seeded, values) == expected
    # An empty IN list matches nothing, prepared as through Session.execute.
    empty = species_query(composition_ids=[])
    assert isinstance(empty, Bound)
    values = {**empty.params, "limit": 2} | ({"after": ""} if after else {})
    assert _page(empty.statement, "slug", after).rows(seeded, values) == []
    assert _executed(seeded, empty.select(), {}) == []


def test_a_driver_error_comes_as_sqlalchemy_s(seeded: Session) -> None:
    missing = Table("no_such_table", MetaData(), Column("id", Integer))
    with pytest.raises(DBAPIError) as raised:
        Prepared(select(missing.c.id)).rows(seeded)
    assert "no_such_table" in str(raised.value)
