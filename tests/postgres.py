"""A throwaway PostgreSQL cluster for the test suite.

``MSCKB_TEST_POSTGRES_URL`` points the suite at a server you already run.
Otherwise a cluster is made in a temporary directory from the server binaries
on the machine (Debian's /usr/lib/postgresql/N/bin), run as the ``postgres``
user when we are root (the server refuses to run as root), listening on
127.0.0.1 only, and removed when the suite ends.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresUnavailable("no PostgreSQL server binaries (initdb) found on this machine")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    url: str
    datadir: Path | None
    bindir: Path | None
    run_as: list[str]

    def stop(self) -> None:
        if self.datadir is None or self.bindir is None:
            return
        subprocess.run(
            [
                *self.run_as,
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.datadir),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.datadir.parent, ignore_errors=True)


def start_cluster() -> Cluster:
    existing = os.environ.get("MSCKB_TEST_POSTGRES_URL")
    if existing:
        return Cluster(url=existing, datadir=None, bindir=None, run_as=[])
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="msckb-pg-"))
    datadir = root / "data"
    run_as: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise PostgresUnavailable("running as root and no runuser to drop to 'postgres'")
        run_as = [runuser, "-u", "postgres", "--"]
        shutil.chown(root, user="postgres")
        root.chmod(0o700)
    port = free_port()

    def run(*args: str) -> None:
        done = subprocess.run([*run_as, *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PostgresUnavailable(f"{' '.join(args[:1])} failed: {done.stderr.strip()}")

    try:
        run(
            str(bindir / "initdb"),
            "-D",
            str(datadir),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )
        run(
            str(bindir / "pg_ctl"),
            "-D",
            str(datadir),
            "-l",
            str(root / "server.log"),
            "-w",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off",
            "start",
        )
    except (PostgresUnavailable, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(str(exc)) from exc
    return Cluster(
        url=f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres",
        datadir=datadir,
        bindir=bindir,
        run_as=run_as,
    )
