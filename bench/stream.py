"""Stream a whole list the way a script takes it, from a server run as ``make run``
runs it, and watch the server's memory: the MALDI list (1,000,000 measurements at
scale 1) as CSV and as JSON Lines.

Reports per format the rows received (counted, not trusted from a header), the time,
rows/s and MB/s, and the resident memory of every server process: its peak (VmHWM)
before and after, and its current size (VmRSS) sampled as the rows arrive. Flat
means the peak does not grow with the number of rows: the sampled sizes level off
after the first batches instead of climbing to the end.

    .venv/bin/python -m bench.stream --url sqlite:///bench/.data/bench.sqlite3
"""

import argparse
import datetime
import os
import platform
import sys
import time

import httpx

from api.serving import default_workers
from bench.run import ours_command, peak_rss_mb, process_tree, rss_mb, server

LIST = "/api/v1/maldi"
FORMATS = ("csv", "jsonl")


def _mb(values: dict[int, float]) -> str:
    return ", ".join(f"{pid}: {mb:.0f}" for pid, mb in values.items())


def stream(port: int, pid: int, fmt: str, samples: int) -> tuple[list[str], int]:
    """Take the whole list in ``fmt``; the report's lines and the rows counted."""
    tree = process_tree(pid)
    before = {p: peak_rss_mb(p) for p in tree}
    lines = [f"## {LIST}?format={fmt}", f"peak RSS before (MB, per pid): {_mb(before)}"]
    rows = 0
    size = 0
    header = fmt == "csv"
    sampled: list[str] = []
    next_sample = 0
    started = time.perf_counter()
    with (
        httpx.Client(timeout=None) as client,
        client.stream("GET", f"http://127.0.0.1:{port}{LIST}", params={"format": fmt}) as reply,
    ):
        if reply.status_code != 200:
            raise RuntimeError(f"{fmt}: HTTP {reply.status_code}")
        first_byte = time.perf_counter() - started
        for line in reply.iter_lines():
            size += len(line) + 1
            if header:  # CSV's first line names the columns
                header = False
                continue
            if line:
                rows += 1
            if rows >= next_sample:
                now = {p: rss_mb(p) for p in tree}
                sampled.append(f"{rows:>9,} rows: largest RSS {max(now.values()):.0f} MB")
                next_sample += samples
    elapsed = time.perf_counter() - started
    after = {p: peak_rss_mb(p) for p in tree}
    grew = {p: after[p] - before[p] for p in tree}
    lines += [
        f"rows {rows:,} in {elapsed:.1f} s (first byte {first_byte * 1000:.0f} ms): "
        f"{rows / elapsed:,.0f} rows/s, {size / elapsed / 1e6:.1f} MB/s, {size / 1e6:.0f} MB",
        f"peak RSS after (MB, per pid): {_mb(after)}",
        f"peak RSS growth (MB, per pid): {_mb(grew)}; largest process {max(after.values()):.0f} MB",
        "RSS while streaming (every process, largest):",
        *("  " + s for s in sampled),
    ]
    return lines, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument(
        "--workers", type=int, help="server processes (default: as make run serves)"
    )
    parser.add_argument("--expect", type=int, help="rows the list must have (1000000 at scale 1)")
    parser.add_argument("--samples", type=int, default=100_000, help="rows between RSS samples")
    args = parser.parse_args()
    workers = args.workers or int(
        os.environ.get("MSCKB_WORKERS") or os.environ.get("WEB_CONCURRENCY") or default_workers()
    )
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
        f"engine {args.url.split(':')[0]}, {workers} worker(s)",
        flush=True,
    )
    failed = False
    with server(ours_command(args.workers), {"MSCKB_DATABASE_URL": args.url}, "/health") as (
        port,
        pid,
    ):
        for fmt in FORMATS:
            lines, rows = stream(port, pid, fmt, args.samples)
            print("\n".join(lines), flush=True)
            if args.expect is not None and rows != args.expect:
                print(f"expected {args.expect:,} rows, got {rows:,}", flush=True)
                failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
