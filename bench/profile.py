"""Time (and optionally profile) the benchmark's queries inside one process, straight
through the ASGI app: no sockets and no load generator, so what remains is the cost of
our own layers and the SQL.

    .venv/bin/python -m bench.profile --url sqlite:///bench/.data/bench.sqlite3 [--cprofile]
"""

import argparse
import asyncio
import cProfile
import gc
import os
import pstats
import sqlite3
import statistics
import time
from typing import Any

from bench.queries import QUERIES, parameters


async def _get(app: Any, url: str) -> tuple[int, bytes]:
    path, _, query = url.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    status = 0
    body = bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)
    return status, bytes(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--cprofile",
        action="store_true",
        help="profile, running the thread pool's work inline so that the profile sees it",
    )
    parser.add_argument("--sort", default="tottime", help="profile order: tottime, cumulative")
    parser.add_argument("--top", type=int, default=25, help="profile lines shown")
    args = parser.parse_args()
    if args.cprofile:
        import anyio.to_thread

        async def inline(func: Any, *func_args: Any, **_: Any) -> Any:
            return func(*func_args)

        anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    os.environ["MSCKB_DATABASE_URL"] = args.url
    # Time the work, not the response cache: with it on, every repeat is a hit.
    os.environ.setdefault("MSCKB_RESPONSE_CACHE_MB", "0")
    from api.app import app

    # As `msckb serve` runs (api/cli.py): the code's objects frozen out of the cyclic
    # collector's view, the young generation collected less often. Without this, the
    # collections a request's allocations trigger are charged to whatever allocated.
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)

    if args.url.startswith("sqlite"):
        connection: Any = sqlite3.connect(args.url.split("///", 1)[1])
    else:
        import psycopg

        connection = psycopg.connect(args.url.replace("postgresql+psycopg://", "postgresql://"))
    names = args.only or list(QUERIES)
    urls = {
        name: [QUERIES[name].ours(p) for p in parameters(connection, name, 100)] for name in names
    }
    connection.close()

    async def run() -> None:
        for name in names:
            batch = urls[name]
            for url in batch[:20]:
                status, body = await _get(app, url)
                assert status == 200, (url, status, body[:300])
            profiler = cProfile.Profile() if args.cprofile else None
            times = []
            if profiler:
                profiler.enable()
            for i in range(args.requests):
                started = time.perf_counter()
                await _get(app, batch[i % len(batch)])
                times.append((time.perf_counter() - started) * 1000)
            if profiler:
                profiler.disable()
            median, mean = statistics.median(times), statistics.mean(times)
            print(f"{name}: median {median:.2f} ms, mean {mean:.2f} ms")
            if profiler:
                pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)

    asyncio.run(run())


if __name__ == "__main__":
    main()
