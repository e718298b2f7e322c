"""Faults: a process killed with SIGKILL in the middle of a write leaves the database
as it was before the transaction, on SQLite and on PostgreSQL."""

import threading
from pathlib import Path

import httpx
import pytest

from tests.cli import msckb, start_msckb
from tests.conftest import SEEDS_DIR, EmptyDatabases
from tests.reliability.servers import big_seeds, data_rows, kill_while_writing, served


def test_seed_killed_mid_transaction_leaves_the_database_as_before(
    empty_databases: EmptyDatabases, tmp_path: Path
) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    before = data_rows(url)
    assert set(before.values()) == {0}
    seeds = big_seeds(tmp_path / "seeds", extra_species=3000)

    process = start_msckb(url, "seed", "--seeds", str(seeds))
    assert kill_while_writing(process, url), "the load finished before it could be killed"
    assert process.returncode == -9
    assert data_rows(url) == before

    # The database is usable: the same load now completes, whole.
    assert msckb(url, "seed", "--seeds", str(seeds)).returncode == 0
    after = data_rows(url)
    curated = (SEEDS_DIR / "species.yaml").read_text(encoding="utf-8").count("\n- slug:")
    assert after["species"] == 3000 + curated
    assert msckb(url, "seed", "--seeds", str(seeds)).stdout.strip().endswith("nothing changed")


def _bibtex(entries: int) -> str:
    return "".join(
        f"@article{{fault{n},\n  author = {{Doe, J.}},\n  title = {{Fault study {n}}},\n"
        f"  journal = {{J. Test.}},\n  year = {{2020}},\n}}\n"
        for n in range(entries)
    )


def test_import_killed_mid_transaction_writes_nothing(
    empty_databases: EmptyDatabases,
) -> None:
    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    assert msckb(url, "seed").returncode == 0
    key = msckb(url, "keys", "create", "--name", "importer", "--role", "curator").stdout.strip()
    before = data_rows(url)

    outcome: dict[str, object] = {}
    with served(url, MSCKB_MAX_BODY_BYTES=str(10_000_000)) as (base, process):

        def send() -> None:
            try:
                outcome["status"] = httpx.post(
                    f"{base}/api/v1/references/import",
                    content=_bibtex(3000),
                    headers={"X-API-Key": key, "Content-Type": "application/x-bibtex"},
                    timeout=120,
                ).status_code
            except httpx.TransportError as exc:
                outcome["error"] = type(exc).__name__

        sender = threading.Thread(target=send)
        sender.start()
        killed = kill_while_writing(process, url)
        sender.join(timeout=120)

    if not killed:
        pytest.fail(f"the import finished before it could be killed: {outcome}")
    assert "error" in outcome, outcome
    assert data_rows(url) == before
