"""``msckb backup`` and ``msckb restore``: a consistent copy while the server runs.

SQLite copies with its online backup API (a consistent snapshot even while others
write); PostgreSQL with pg_dump (one snapshot, custom format) and pg_restore
(in one transaction), the tools of the server's own distribution.
"""

import glob
import json
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    pass


def _tool(name: str) -> str:
    """pg_dump or pg_restore: on PATH, else from Debian's server binaries, newest first."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return candidate
    raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")


def _libpq_url(engine: Engine) -> str:
    url = make_url(engine.url.render_as_string(hide_password=False))
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(engine: Engine) -> str:
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return database


def backup(engine: Engine, target: Path) -> None:
    if engine.dialect.name == "sqlite":
        source = sqlite3.connect(_sqlite_path(engine))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return
    done = subprocess.run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", _libpq_url(engine)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_dump failed: {done.stderr.strip()}")


def restore(engine: Engine, source: Path) -> None:
    """Replace the database's content with the backup's, all or nothing."""
    if not source.exists():
        raise BackupError(f"{source}: no such file")
    if engine.dialect.name == "sqlite":
        try:
            origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            origin.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise BackupError(f"{source}: not a SQLite backup ({exc})") from exc
        target = sqlite3.connect(_sqlite_path(engine))
        try:
            origin.backup(target)
        finally:
            target.close()
            origin.close()
        engine.dispose()
        _new_data_version(engine)
        _record_restore(engine, source)
        return
    done = subprocess.run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            f"--dbname={_libpq_url(engine)}",
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"pg_restore failed: {done.stderr.strip()}")
    engine.dispose()
    _new_data_version(engine)
    _record_restore(engine, source)


def _new_data_version(engine: Engine) -> None:
    """A restore is a write: the restored data gets a token of its own, so that no
    answer cached from before (by any server) is taken for it."""
    with engine.begin() as connection:
        if inspect(connection).has_table("data_version"):
            connection.execute(
                text("UPDATE data_version SET token = :token WHERE id = 1"),
                {"token": uuid.uuid4().hex},
            )


def _record_restore(engine: Engine, source: Path) -> None:
    """A restore replaces everything, the history included: the restored history then
    says so, so that what was replaced is not silently gone from the record."""
    with engine.begin() as connection:
        if inspect(connection).has_table("change"):
            connection.execute(
                text(
                    "INSERT INTO change (at, key_name, action, entity, identifier, after)"
                    " VALUES (CURRENT_TIMESTAMP, 'cli', 'update', 'database', :name, :after)"
                ),
                {"name": source.name, "after": json.dumps({"restored_from": source.name})},
            )
