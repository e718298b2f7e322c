"""The real `msckb` command line, run as a subprocess against a database URL."""

import os
import subprocess
import sys


def msckb(url: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run ``msckb *args`` on ``url`` to the end; its exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env={**os.environ, "MSCKB_DATABASE_URL": url},
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def start_msckb(url: str, *args: str) -> subprocess.Popen[str]:
    """Start ``msckb *args`` on ``url`` and return at once (to interrupt it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "api.cli", *args],
        env={**os.environ, "MSCKB_DATABASE_URL": url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
