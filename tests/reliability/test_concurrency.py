"""8 concurrent writers and readers against the server as it runs, for a bounded
time: no acknowledged write is lost, on SQLite and on PostgreSQL."""

import threading
import time
from typing import Any

import httpx
import pytest

from tests.cli import msckb
from tests.conftest import EmptyDatabases
from tests.reliability.servers import served

# A served app under load from threads, started through the `msckb` command line.
pytestmark = pytest.mark.slow

SECONDS = 6.0
EVIDENCE = {"ref": "he_transformations", "locator": "Note S3", "status": "reported"}


def test_eight_writers_and_readers_lose_no_write(empty_databases: EmptyDatabases) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    assert msckb(url, "seed").returncode == 0
    key = msckb(url, "keys", "create", "--name", "load", "--role", "curator").stdout.strip()
    headers = {"X-API-Key": key}
    created: list[str] = []  # observation subjects acknowledged with 201
    appended: list[str] = []  # aliases acknowledged with 200
    failures: list[str] = []
    lock = threading.Lock()

    with served(url, MSCKB_WRITES_PER_MINUTE="100000") as (base, _process):
        initial = httpx.get(f"{base}/api/v1/species/cds-pcs").json()["aliases"]
        stop = time.monotonic() + SECONDS

        def observer(n: int) -> None:
            with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
                i = 0
                while time.monotonic() < stop:
                    subject = f"writer {n} sample {i}"
                    response = client.post(
                        "/api/v1/experiments/cdse-dispersion-30c/observations",
                        json={"subject": subject, "trend": "present", "evidence": EVIDENCE},
                    )
                    with lock:
                        if response.status_code == 201:
                            created.append(subject)
                        elif response.status_code != 503:  # 503: busy, nothing written
                            failures.append(f"POST {response.status_code} {response.text[:200]}")
                    i += 1

        def aliaser(n: int) -> None:
            """Read-modify-write of one shared list: only If-Match keeps every token."""
            with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
                i = 0
                while time.monotonic() < stop:
                    token = f"w{n}-{i}"
                    read = client.get("/api/v1/species/cds-pcs")
                    aliases = read.json()["aliases"]
                    response = client.patch(
                        "/api/v1/species/cds-pcs",
                        json={"aliases": [*aliases, token]},
                        headers={"If-Match": read.headers["ETag"]},
                    )
                    with lock:
                        if response.status_code == 200:
                            appended.append(token)
                            i += 1
                        elif response.status_code not in (412, 503):
                            # 412: another writer came first; 503: the write lock was
                            # busy past its timeout. Neither wrote: read and try again.
                            failures.append(f"PATCH {response.status_code} {response.text[:200]}")

        def reader(_n: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as client:
                while time.monotonic() < stop:
                    for path in ("/api/v1/species/cds-pcs", "/api/v1/transformations?limit=5"):
                        status = client.get(path).status_code
                        if status != 200:
                            with lock:
                                failures.append(f"GET {path} {status}")

        workers: list[tuple[Any, int]] = [
            *((observer, n) for n in range(2)),
            *((aliaser, n) for n in range(2)),
            *((reader, n) for n in range(4)),
        ]
        threads = [threading.Thread(target=f, args=(n,)) for f, n in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=SECONDS + 60)

        assert not failures, failures[:5]
        assert created
        assert appended
        experiment = httpx.get(f"{base}/api/v1/experiments/cdse-dispersion-30c").json()
        subjects = {o["subject"] for o in experiment["observations"]}
        assert set(created) <= subjects
        aliases = httpx.get(f"{base}/api/v1/species/cds-pcs").json()["aliases"]
        assert sorted(aliases) == sorted([*initial, *appended])
        trail = httpx.get(
            f"{base}/api/v1/changes", params={"count": "true", "limit": 1, "key": "load"}
        ).json()
        assert trail["meta"]["total"] == len(created) + len(appended)
