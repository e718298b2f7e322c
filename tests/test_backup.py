"""`msckb backup` then `msckb restore` gives back the same data, on both engines."""

import subprocess
import sys
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session

from api.db import make_engine
from api.export import content_hash, tables_of
from models import MaldiPeak
from tests.conftest import EmptyDatabases


def _msckb(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env={"MSCKB_DATABASE_URL": url, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


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
    assert _msckb(url, "migrate").returncode == 0
    assert _msckb(url, "seed").returncode == 0
    original = _hash(url)

    copy = tmp_path / "msckb.backup"
    backed = _msckb(url, "backup", str(copy))
    assert backed.returncode == 0, backed.stderr
    assert copy.stat().st_size > 0

    engine = make_engine(url)
    with Session(engine) as session, session.begin():
        session.execute(update(MaldiPeak).values(mass_da=MaldiPeak.mass_da + 1))
    engine.dispose()
    assert _hash(url) != original

    restored = _msckb(url, "restore", str(copy))
    assert restored.returncode == 0, restored.stderr
    assert _hash(url) == original
    assert _msckb(url, "seed").stdout.strip().endswith("nothing changed")


def test_restore_refuses_what_is_not_a_backup(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    url = empty_databases.new_url()
    assert _msckb(url, "migrate").returncode == 0
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup\n", encoding="utf-8")
    refused = _msckb(url, "restore", str(junk))
    assert refused.returncode == 1
    assert refused.stderr.strip()
    assert _msckb(url, "restore", str(tmp_path / "missing")).returncode == 1
