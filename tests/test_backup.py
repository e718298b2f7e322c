"""`msckb backup` then `msckb restore` gives back the same data, on both engines."""

from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.outputs.export import content_hash, tables_of
from api.store.db import make_engine
from models import MaldiPeak
from tests.cli import msckb
from tests.conftest import EmptyDatabases

# Each case runs the `msckb` command line as subprocesses.
pytestmark = pytest.mark.slow


def _hash(url: str) -> str:
    engine = make_engine(url)
    with Session(engine) as session:
        digest = content_hash(tables_of(session))
    engine.dispose()
    return digest


def test_backup_then_restore_gives_an_identical_export(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    assert msckb(url, "seed").returncode == 0
    original = _hash(url)

    copy = tmp_path / "msckb.backup"
    backed = msckb(url, "backup", str(copy))
    assert backed.returncode == 0, backed.stderr
    assert copy.stat().st_size > 0

    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        session.execute(update(MaldiPeak).values(mass_da=MaldiPeak.mass_da + 1))
    engine.dispose()
    assert _hash(url) != original

    restored = msckb(url, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert _hash(url) == original
    assert msckb(url, "seed").stdout.strip().endswith("nothing changed")


def test_restore_refuses_what_is_not_a_backup(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup\n", encoding="utf-8")
    refused = msckb(url, "restore", str(junk))
    assert refused.returncode == 1
    assert refused.stderr.strip()
    assert msckb(url, "restore", str(tmp_path / "missing")).returncode == 1
