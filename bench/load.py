"""A load generator on 127.0.0.1: ``clients`` processes, each with one keep-alive
connection, sending its share of the URLs in turn, bounded in count and in time."""

import http.client
import multiprocessing
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def p99(self) -> float:
        return self.percentile(99)


def _client(args: tuple[int, list[str], int, float, float]) -> tuple[int, int, list[float]]:
    port, urls, budget, deadline, start_at = args
    while time.time() < start_at:
        time.sleep(0.001)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies: list[float] = []
    errors = 0
    i = 0
    while i < budget and time.time() < deadline:
        url = urls[i % len(urls)]
        started = time.perf_counter()
        try:
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        latencies.append((time.perf_counter() - started) * 1000)
        i += 1
    connection.close()
    return i, errors, latencies


def drive(port: int, urls: list[str], *, clients: int, requests: int, seconds: float) -> Result:
    share = max(1, requests // clients)
    start_at = time.time() + 0.5
    deadline = start_at + seconds
    jobs = [(port, urls[n::clients] or urls, share, deadline, start_at) for n in range(clients)]
    with multiprocessing.get_context("fork").Pool(clients) as pool:
        began = time.time()
        parts = pool.map(_client, jobs)
    elapsed = min(time.time(), deadline) - max(start_at, began)
    total = sum(p[0] for p in parts)
    return Result(
        requests=total,
        errors=sum(p[1] for p in parts),
        seconds=max(elapsed, 1e-9),
        latencies_ms=[lat for p in parts for lat in p[2]],
    )
