"""The migrations build the models' schema from empty, and tear it down again."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import models
from api.db import make_engine
from api.migrate import downgrade, upgrade
from tests.conftest import EmptyDatabases


def _drift(engine_url: str) -> list[object]:
    engine = make_engine(engine_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, models.Base.metadata)
    engine.dispose()
    return list(diff)


def test_upgrade_down_and_up_again_without_drift(empty_databases: EmptyDatabases) -> None:
    url = empty_databases.new_url()
    engine = make_engine(url)

    upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(models.Base.metadata.tables) <= tables
    assert _drift(url) == []

    downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}

    upgrade(engine)
    assert set(models.Base.metadata.tables) <= set(inspect(engine).get_table_names())
    assert _drift(url) == []
    engine.dispose()
