"""Helpers for the reliability tests: the real CLI and server as subprocesses, and a
seed directory made larger so that a load lasts long enough to be interrupted."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import yaml
from sqlalchemy import func, select, text

from api.store.db import make_engine
from models import Base
from tests.conftest import SEEDS_DIR
from tests.postgres import free_port


@contextmanager
def served(url: str, **env: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``msckb serve`` on a free port; yields its base URL and process; SIGKILLs it on
    exit."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "MSCKB_DATABASE_URL": url, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("msckb serve did not start")
            time.sleep(0.1)
        yield base, process
    finally:
        kill(process)


def kill(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def big_seeds(target: Path, extra_species: int) -> Path:
    """The project's seeds plus ``extra_species`` made-up CdS species, so that a load
    takes seconds; every entry goes through the same schemas as the real ones."""
    shutil.copytree(SEEDS_DIR, target)
    path = target / "species.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    evidence = {"ref": "he_transformations", "locator": "Table S1", "status": "reported"}
    for n in range(extra_species):
        label = f"MSC-{1000 + n}"
        data["species"].append(
            {
                "slug": f"cds-msc-{1000 + n}",
                "material": "CdS",
                "kind": "msc",
                "label": label,
                "absorption_peaks": [{"nm": {"value": 300 + n % 400}, "evidence": evidence}],
                "evidence": evidence,
            }
        )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def writing(url: str) -> bool:
    """Whether some other connection holds an open write transaction on the database."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                raw = connection.connection.dbapi_connection
                assert raw is not None
                raw.execute("PRAGMA busy_timeout = 0")
                try:
                    raw.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError:
                    return True  # another connection holds the write lock
                raw.execute("ROLLBACK")
                return False
            busy = connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
                )
            )
            return bool(busy)
    finally:
        engine.dispose()


def kill_while_writing(process: subprocess.Popen[Any], url: str, timeout: float = 120) -> bool:
    """SIGKILL ``process`` as soon as it is inside a write transaction; False if it
    finished first."""
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if writing(url):
            kill(process)
            return True
        time.sleep(0.02)
    kill(process)
    return False


def data_rows(url: str) -> dict[str, int]:
    """Rows per table of curated data (not keys, audit, releases or the data version)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return {
                name: connection.scalar(select(func.count()).select_from(table)) or 0
                for name, table in Base.metadata.tables.items()
                if name not in {"api_key", "change", "data_release", "data_version", "write_hit"}
            }
    finally:
        engine.dispose()
