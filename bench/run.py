"""Serve the scaled database the way ``make run`` serves (``msckb serve``, its default
number of worker processes), beside Datasette (SQLite) and a bare FastAPI floor, drive
all of them with the same loads, and print one table.

Three loads per query, each side by side with Datasette and the floor:

- cached: 100 parameter sets, repeated, cache on: each set is computed once, the rest
  are answered from memory;
- cache off: the same 100 sets, served with MSCKB_RESPONSE_CACHE_MB=0, so that every
  request is computed and the cost of our layers shows;
- realistic: requests drawn at random from 10,000 distinct sets (``--sets``), cache on
  as ``make run`` serves: mostly cache misses, as a script walking the data sees.

Peak resident memory (VmHWM) is read for every process of each server: the
supervisor and each worker.

    .venv/bin/python -m bench.run --url sqlite:///bench/.data/bench.sqlite3
    .venv/bin/python -m bench.run --url postgresql+psycopg://... (no Datasette there)

Never part of the test suite: speed is measured here, in one run, side by side.
"""

import argparse
import datetime
import os
import platform
import random
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

from api.serving import default_workers
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


def _status_mb(pid: int, field: str) -> float:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return float("nan")
    for line in lines:
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM), MB."""
    return _status_mb(pid, "VmHWM")


def rss_mb(pid: int) -> float:
    """The process's resident memory now (VmRSS), MB."""
    return _status_mb(pid, "VmRSS")


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants: a server's supervisor and its workers."""
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            found.extend(process_tree(int(child)))
    return found


def tree_peaks(pid: int) -> dict[int, float]:
    """Peak resident memory (MB) of every process of the server started as ``pid``."""
    return {p: peak_rss_mb(p) for p in process_tree(pid)}


def describe_peaks(name: str, peaks: dict[int, float], root: int) -> str:
    """One line: the largest per process (what "MB per server process" means), then
    each process, the supervisor first."""
    parts = [
        f"{'supervisor' if p == root else 'pid ' + str(p)} {mb:.0f}" for p, mb in peaks.items()
    ]
    return f"{name}: largest {max(peaks.values()):.0f} MB per process ({', '.join(parts)})"


def datasette_file(sqlite_file: str) -> str:
    """The file under the name bench.sqlite3: Datasette names a database by its file's
    stem, and the benchmark's Datasette URLs ask for /bench."""
    path = Path(sqlite_file).resolve()
    if path.name == "bench.sqlite3":
        return str(path)
    import tempfile

    link = Path(tempfile.mkdtemp(prefix="msckb-bench-")) / "bench.sqlite3"
    link.symlink_to(path)
    return str(link)


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


def draws(ps: list[dict[str, Any]], rng: random.Random, count: int = 3000) -> list[dict[str, Any]]:
    """``count`` requests drawn at random (with replacement) from the sets ``ps``: a
    measurement sends at most 2,430, so with 10,000 sets most are asked for the first
    time (the first page, a single URL, excepted)."""
    return rng.choices(ps, k=count)


def ours_command(workers: int | None) -> list[str]:
    """``msckb serve`` as ``make run`` runs it: the workers from the environment
    (MSCKB_WORKERS, WEB_CONCURRENCY) or one per CPU, unless ``--workers`` says."""
    command = [str(ROOT / ".venv/bin/msckb"), "serve", "--host", "127.0.0.1", "--port", "{port}"]
    return command if workers is None else [*command, "--workers", str(workers)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--only", nargs="*", help="query names (default: all)")
    parser.add_argument(
        "--workers", type=int, help="our server processes (default: as make run serves)"
    )
    parser.add_argument(
        "--sets", type=int, default=10_000, help="parameter sets of the realistic load"
    )
    parser.add_argument("--clients", type=int, nargs="*", default=[1, 8])
    args = parser.parse_args()
    url: str = args.url
    sqlite_file = url.split("///", 1)[1] if url.startswith("sqlite") else None
    names = args.only or list(QUERIES)
    connection = _connect(url)
    started = time.monotonic()
    params = {name: parameters(connection, name, 100) for name in names}
    # Another seed: the realistic sets are not the cached load's 100.
    many = {name: parameters(connection, name, args.sets, seed=12) for name in names}
    connection.close()
    print(f"parameters drawn in {time.monotonic() - started:.0f} s", flush=True)

    ours_cmd = ours_command(args.workers)
    workers = args.workers or int(
        os.environ.get("MSCKB_WORKERS") or os.environ.get("WEB_CONCURRENCY") or default_workers()
    )
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
    rng = random.Random(13)
    rows: list[str] = []
    with (
        server(ours_cmd, {"MSCKB_DATABASE_URL": url}, "/health") as (ours, ours_pid),
        server(
            ours_cmd, {"MSCKB_DATABASE_URL": url, "MSCKB_RESPONSE_CACHE_MB": "0"}, "/health"
        ) as (uncached, uncached_pid),
        server(floor_cmd, {"MSCKB_BENCH_URL": url}, "/docs") as (floor, floor_pid),
        (
            server(
                [
                    str(DATASETTE),
                    "serve",
                    "--immutable",
                    datasette_file(sqlite_file),
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
        print(f"servers up: ours {len(process_tree(ours_pid))} process(es)", flush=True)
        for name in names:
            query = QUERIES[name]
            raw = raw_sql_ms(url, name, params[name])
            for clients in args.clients:
                loads = [
                    ("cached, 100 sets", ours, params[name]),
                    ("cache off, 100 sets", uncached, params[name]),
                    (f"realistic, {len(many[name]):,} sets", ours, draws(many[name], rng)),
                ]
                theirs: dict[int, tuple[str, str]] = {}
                for load, port, ps in loads:
                    mine = measure(port, [query.ours(p) for p in ps], clients)
                    if id(ps) not in theirs:  # the cached and cache-off loads share theirs
                        theirs[id(ps)] = (
                            _theirs(datasette, query, ps, clients),
                            _floor(floor, name, query, ps, clients),
                        )
                    ds, fl = theirs[id(ps)]
                    line = [name, str(clients), load, _fmt(mine), *_vs(mine, ds), *_vs(mine, fl)]
                    line += [f"{raw:.2f}" if raw == raw else "-"]
                    rows.append("| " + " | ".join(line) + " |")
                    print(rows[-1], flush=True)
        memory = [
            describe_peaks("ours, cache on (cached, realistic)", tree_peaks(ours_pid), ours_pid),
            describe_peaks("ours, cache off", tree_peaks(uncached_pid), uncached_pid),
            describe_peaks("floor", tree_peaks(floor_pid), floor_pid),
        ]
        if datasette:
            memory.append(describe_peaks("Datasette", tree_peaks(datasette[1]), datasette[1]))
    header = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, engine {url.split(':')[0]}, "
        f"ours {workers} worker(s); "
        f"run took {(time.monotonic() - started) / 60:.0f} min",
        "",
        "| query | clients | load | ours req/s · p50 · p99 (ms) | Datasette | ours/Datasette "
        "| floor | ours/floor | raw SQL p50 (ms) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    print("\n".join([*header, *rows, "", "Peak resident memory (VmHWM):", *memory]))


Measured = tuple[Result, str] | None
"""A result and how it reads, or None where that server cannot answer the query."""


def _theirs(datasette: Any, query: Any, ps: list[dict[str, Any]], clients: int) -> Measured:
    if not (datasette and query.datasette):
        return None
    result = measure(datasette[0], [query.datasette(p) for p in ps], clients)
    return result, _fmt(result)


def _floor(port: int, name: str, query: Any, ps: list[dict[str, Any]], clients: int) -> Measured:
    if not query.sql:
        return None
    result = measure(port, [f"/floor/{name}?" + _query(p) for p in ps], clients)
    return result, _fmt(result)


def _vs(mine: Result, theirs: Measured) -> list[str]:
    """Their cell, and ours as a multiple of theirs."""
    if theirs is None:
        return ["-", "-"]
    result, text = theirs
    return [text, f"{mine.rps / result.rps:.2f}x" if result.rps else "-"]


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def _query(p: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    return urlencode(p)


def _fmt(r: Result) -> str:
    errors = f", {r.errors} errors" if r.errors else ""
    return f"{r.rps:.0f} · {r.p50:.1f} · {r.p99:.1f}{errors}"


if __name__ == "__main__":
    main()
