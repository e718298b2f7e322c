"""How ``msckb serve`` runs the app: in one process, or in several behind uvicorn's
supervisor (``--workers N``).

Every worker is a process of its own with its own everything: the app, the engine
and its connections, the response cache (api/web/cache.py, correct in each because it
keys on the database's data version, which any process's write changes) and the
garbage collector's tuning below. Nothing a request may depend on lives only in one
process: the write rate limit is counted in the database (api/web/limits.py).
"""

import ctypes
import gc
import os
import signal
import sys

from fastapi import FastAPI

WORKERS_ENV = ("MSCKB_WORKERS", "WEB_CONCURRENCY")
"""Where ``msckb serve`` (and so ``make run``) reads the number of processes."""


def default_workers() -> int:
    """One process per CPU this process may run on: a request is CPU-bound Python
    around short SQL (bench/RESULTS.md), and one process uses one core at most (the
    GIL), so fewer leave cores idle and more only add memory (each worker holds its
    own app and cache) and contention. ``sched_getaffinity`` honours a container's or
    taskset's CPU set where ``os.cpu_count()`` would count the whole machine."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def tune_gc() -> None:
    """A request around a hub allocates thousands of rows and arcs; with the default
    thresholds each one set off collections that walked every object of the loaded
    code as well (p90 of the path query 124 ms; 25 ms so). The code's objects live as
    long as the process: freeze them out of the collector's view, and collect the
    young generation less often. Called in each serving process, once the app is
    built (a worker imports it afresh: freezing in the supervisor would not reach it)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def limit_malloc_arenas(arenas: int = 2) -> None:
    """glibc gives each thread that allocates its own malloc arena, up to eight per
    core, and keeps what an arena freed for that arena. The thread pool's threads
    build the answers, so each arena kept its high-water mark: at scale, with the
    response cache full, a worker's peak was 313 MB with the default and 277 MB with
    two arenas (bench/RESULTS.md). Set before the pool's threads start. glibc only."""
    if not sys.platform.startswith("linux"):
        return
    m_arena_max = -8
    try:
        ctypes.CDLL(None).mallopt(m_arena_max, arenas)
    except AttributeError:  # another C library (musl has no mallopt)
        pass


def _die_with_supervisor() -> None:
    """A worker ends when its supervisor does, even when the supervisor is killed
    outright (SIGKILL leaves it no time to stop its workers): orphaned workers would
    keep answering on the port with nobody to stop them. Killed as the supervisor was,
    so a write in flight is rolled back, not finished by a graceful shutdown. (A
    supervisor that stops normally stops its workers first.) Linux only (prctl)."""
    if not sys.platform.startswith("linux"):
        return
    parent = os.getppid()
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the supervisor died before prctl took effect
        os.kill(os.getpid(), signal.SIGKILL)


def serving_app() -> FastAPI:
    """The app as a serving process runs it: uvicorn calls this factory in each worker
    (``--workers N``), or once in the only process."""
    from api.app import app

    if os.environ.get(SUPERVISED_ENV) == "1":
        _die_with_supervisor()
    limit_malloc_arenas()
    tune_gc()
    return app


SUPERVISED_ENV = "MSCKBSUPERVISED_ENV_WORKER"
"""Set by ``msckb serve`` when uvicorn's supervisor runs the workers."""
