"""A write that cannot get SQLite's write lock within the busy timeout is a 503 with
Retry-After that wrote nothing, and the same request succeeds once the lock is free.

SQLite only: a PostgreSQL writer waits on the row lock instead of giving up, so there
the 503 stands for a lost connection, which the concurrency test's load does not cause.
"""

import sqlite3
from pathlib import Path

import httpx
import pytest

from tests.cli import msckb
from tests.reliability.servers import served

pytestmark = pytest.mark.slow

EXPERIMENT = "/api/v1/experiments/cdse-dispersion-30c"
OBSERVATIONS = f"{EXPERIMENT}/observations"
BODY = {
    "subject": "a write made while another process held the lock",
    "trend": "present",
    "evidence": {"ref": "he_transformations", "locator": "Note S3", "status": "reported"},
}


def test_a_write_past_the_busy_timeout_is_503_and_writes_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'busy.sqlite3'}"
    assert msckb(url, "migrate").returncode == 0
    assert msckb(url, "seed").returncode == 0
    key = msckb(url, "keys", "create", "--name", "busy", "--role", "curator").stdout.strip()
    headers = {"X-API-Key": key}

    with served(url, MSCKB_SQLITE_BUSY_TIMEOUT_MS="200") as (base, _process):
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            before = len(client.get(EXPERIMENT).json()["observations"])

            holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
            try:
                refused = client.post(OBSERVATIONS, json=BODY)
            finally:
                holder.execute("ROLLBACK")
                holder.close()

            assert refused.status_code == 503, refused.text
            assert refused.headers["content-type"].startswith("application/problem+json")
            assert refused.headers["Retry-After"] == "1"
            assert "nothing was written" in refused.json()["detail"]
            after = len(client.get(EXPERIMENT).json()["observations"])
            assert after == before

            retried = client.post(OBSERVATIONS, json=BODY)
            assert retried.status_code == 201, retried.text
            assert len(client.get(EXPERIMENT).json()["observations"]) == before + 1
