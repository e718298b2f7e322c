"""The client installs on its own: ``pip install ./client`` in a fresh virtual
environment brings httpx and pydantic and nothing of the server, and the installed
client reads a live server from there."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from api.settings import PROJECT_ROOT
from tests.client.conftest import Live

# A new virtual environment and a pip install: tens of seconds.
pytestmark = pytest.mark.slow

PROBE = """
import importlib.util, sys
import msckb_client
from msckb_client import Client, to_dataframe
assert msckb_client.__file__.startswith(sys.prefix), msckb_client.__file__
server = ("api", "models", "fastapi", "sqlalchemy", "msckb")
server = [name for name in server if importlib.util.find_spec(name)]
assert server == [], server
with Client(sys.argv[1]) as client:
    rows = list(client.iter_species(material="CdSe", limit=4))
    assert len(rows) == client.list_species(material="CdSe", count=True).meta.total
try:
    to_dataframe(rows)
except ImportError as error:
    print(error)
"""


def test_pip_install_client_alone_in_a_fresh_environment(sqlite_live: Live, tmp_path: Path) -> None:
    # From a copy: pip builds in the source tree, and build/ would shadow the package.
    source = tmp_path / "client"
    shutil.copytree(
        PROJECT_ROOT / "client",
        source,
        ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", "generate.py"),
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "./client"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # Run from elsewhere, so that nothing of the repository is on the path.
    done = subprocess.run(
        [str(python), "-c", PROBE, sqlite_live.base],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "pip install 'msckb-client[pandas]'" in done.stdout
