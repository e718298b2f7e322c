"""The migrations build the models' schema from empty, and tear it down again."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import models
from api.store.db import make_engine
from api.store.migrate import downgrade, upgrade
from migrations.data_version import NOT_DATA, triggered_tables
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


def test_every_table_bumps_the_data_version(empty_databases: EmptyDatabases) -> None:
    """The response cache is only as good as these triggers: every table but the data
    version's own has them after an upgrade, whichever revision made the table."""
    engine = make_engine(empty_databases.new_url())
    upgrade(engine)
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names()) - NOT_DATA
        assert triggered_tables(connection) == tables
        assert "write_hit" in inspect(connection).get_table_names()
        assert "alembic_version" in tables

    downgrade(engine, "20261125_0004")
    with engine.connect() as connection:
        assert "data_version" not in inspect(connection).get_table_names()
        assert triggered_tables(connection) == set()
        # No trigger is left behind that names the dropped table.
        connection.exec_driver_sql("UPDATE material SET formula = formula")

    upgrade(engine)
    with engine.begin() as connection:
        before = connection.exec_driver_sql("SELECT token FROM data_version").scalar()
        connection.exec_driver_sql("INSERT INTO material (formula) VALUES ('CdS')")
        after = connection.exec_driver_sql("SELECT token FROM data_version").scalar()
        # Counting a write for the rate limit is no change of the data: the response
        # caches keep their answers.
        connection.exec_driver_sql("INSERT INTO write_hit (key_name, at) VALUES ('k', 1.0)")
        connection.exec_driver_sql("DELETE FROM write_hit")
        unchanged = connection.exec_driver_sql("SELECT token FROM data_version").scalar()
    assert after
    assert before != after
    assert unchanged == after
    engine.dispose()
