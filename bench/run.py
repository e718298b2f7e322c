"""Serve the scaled database the way the README serves, beside Datasette (SQLite) and
a bare FastAPI floor, drive all three with the same load, and print the table.

Ours runs twice: as served (its response cache on) and with the cache off
(MSCKB_RESPONSE_CACHE_MB=0), so that every request is computed and the cost of our
layers shows. The load repeats 100 parameter sets per query, so the cached server
computes each at most once and answers the rest from memory.

    .venv/bin/python -m bench.run --url sqlite:///bench/.data/bench.sqlite3
    .venv/bin/python -m bench.run --url postgresql+psycopg://... (no Datasette there)

Never part of the test suite: speed is measured here, in one run, side by side.
"""

import argparse
import datetime
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench.load import Result, drive
from bench.queries import QUERIES, parameters

ROOT = Path(__file__).resolve().parent.parent
DATASETTE = ROOT / "bench" / ".venv-datasette" / "bin" / "datasette"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(command: list[str], env: dict[str, str], probe: str) -> Iterator[tuple[int, int]]:
    """Start ``command`` (with {port} filled in); yield (port, pid) once ``probe`` answers."""
    port = _free_port()
    process = subprocess.Popen(
        [part.format(port=port) for part in command],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}{probe}", timeout=5).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{command[0]} did not start")
            time.sleep(0.2)
        yield port, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _connect(url: str) -> Any:
    if url.startswith("sqlite"):
        return sqlite3.connect(url.split("///", 1)[1])
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))


def raw_sql_ms(url: str, name: str, params: list[dict[str, Any]]) -> float:
    """Median time of the query itself, run by the driver in this process."""
    query = QUERIES[name]
    if not query.sql:
        return float("nan")
    sql = query.sql if url.startswith("sqlite") else query.pg_sql
    connection = _connect(url)
    times = []
    for p in params * 2:
        started = time.perf_counter()
        connection.execute(sql, p).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return statistics.median(times[len(params) :])


def measure(port: int, urls: list[str], clients: int) -> Result:
    drive(port, urls, clients=1, requests=30, seconds=5)  # warm up
    if clients == 1:
        return drive(port, urls, clients=1, requests=400, seconds=10)
    return drive(port, urls, clients=clients, requests=2400, seconds=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--only", nargs="*", help="query names (default: all)")
    args = parser.parse_args()
    url: str = args.url
    sqlite_file = url.split("///", 1)[1] if url.startswith("sqlite") else None
    names = args.only or list(QUERIES)
    connection = _connect(url)
    params = {name: parameters(connection, name, 100) for name in names}
    connection.close()

    ours_cmd = [str(ROOT / ".venv/bin/msckb"), "serve", "--host", "127.0.0.1", "--port", "{port}"]
    floor_cmd = [
        str(ROOT / ".venv/bin/uvicorn"),
        "bench.floor:app",
        "--host",
        "127.0.0.1",
        "--port",
        "{port}",
        "--log-level",
        "warning",
        "--no-access-log",
    ]
    rows: list[str] = []
    with (
        server(ours_cmd, {"MSCKB_DATABASE_URL": url}, "/health") as (ours, ours_pid),
        server(
            ours_cmd, {"MSCKB_DATABASE_URL": url, "MSCKB_RESPONSE_CACHE_MB": "0"}, "/health"
        ) as (uncached, uncached_pid),
        server(floor_cmd, {"MSCKB_BENCH_URL": url}, "/docs") as (floor, _),
        (
            server(
                [
                    str(DATASETTE),
                    "serve",
                    "--immutable",
                    sqlite_file,
                    "--host",
                    "127.0.0.1",
                    "--port",
                    "{port}",
                    "--setting",
                    "suggest_facets",
                    "off",
                    "--setting",
                    "sql_time_limit_ms",
                    "20000",
                ],
                {},
                "/-/versions.json",
            )
            if sqlite_file and DATASETTE.exists()
            else _nothing()
        ) as datasette,
    ):
        for name in names:
            query = QUERIES[name]
            ps = params[name]
            raw = raw_sql_ms(url, name, ps)
            urls = [query.ours(p) for p in ps]
            for clients in (1, 8):
                ours_r = measure(ours, urls, clients)
                uncached_r = measure(uncached, urls, clients)
                line = [name, str(clients), _fmt(ours_r), _fmt(uncached_r)]
                if datasette and query.datasette:
                    ds_r = measure(datasette[0], [query.datasette(p) for p in ps], clients)
                    line += [_fmt(ds_r), _times(ours_r, ds_r), _times(uncached_r, ds_r)]
                else:
                    line += ["-", "-", "-"]
                if query.sql:
                    floor_urls = [f"/floor/{name}?" + _query(p) for p in ps]
                    floor_r = measure(floor, floor_urls, clients)
                    line += [
                        _fmt(floor_r),
                        f"{ours_r.rps / floor_r.rps:.0%}",
                        f"{uncached_r.rps / floor_r.rps:.0%}",
                    ]
                else:
                    line += ["-", "-", "-"]
                line += [f"{raw:.2f}" if raw == raw else "-", _ratio(uncached_r.p50, raw)]
                rows.append("| " + " | ".join(line) + " |")
                print(rows[-1], flush=True)
        rss = peak_rss_mb(ours_pid)
        rss_uncached = peak_rss_mb(uncached_pid)
    header = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, engine {url.split(':')[0]}",
        "",
        "| query | clients | ours req/s · p50 · p99 (ms) | ours uncached | Datasette | "
        "ours/Datasette | uncached/Datasette | floor | ours/floor | uncached/floor | "
        "raw SQL p50 (ms) | uncached p50 / raw |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    memory = f"Peak resident memory: ours {rss:.0f} MB, uncached {rss_uncached:.0f} MB"
    print("\n".join([*header, *rows, "", memory]))


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def _query(p: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode(p)


def _fmt(r: Result) -> str:
    errors = f", {r.errors} errors" if r.errors else ""
    return f"{r.rps:.0f} · {r.p50:.1f} · {r.p99:.1f}{errors}"


def _times(ours: Result, theirs: Result) -> str:
    return f"{ours.rps / theirs.rps:.2f}x" if theirs.rps else "-"


def _ratio(p50: float, raw: float) -> str:
    return f"{p50 / raw:.0f}x" if raw == raw and raw > 0 else "-"


if __name__ == "__main__":
    main()
