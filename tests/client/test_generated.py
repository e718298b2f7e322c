"""The client's generated half is in step with the API: the committed models and
methods are what `make client` writes from the current app's /openapi.json, every
operation has its method, and the package never imports the server."""

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import generate
from api.settings import PROJECT_ROOT
from msckb_client import Client

PACKAGE = PROJECT_ROOT / "client" / "msckb_client"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return generate.app_spec()


def test_the_committed_client_is_what_the_current_api_generates(
    spec: dict[str, Any], tmp_path: Path
) -> None:
    package = tmp_path / "msckb_client"
    shutil.copytree(PACKAGE, package)
    for path in generate.generate(spec, package):
        committed = PACKAGE / path.name
        assert path.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
            f"client/msckb_client/{path.name} is out of step with /openapi.json: "
            f"run `{generate.COMMAND}` and commit the result"
        )


def test_every_operation_is_a_method_and_every_list_can_be_iterated(
    spec: dict[str, Any],
) -> None:
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            name = operation["operationId"]
            assert callable(getattr(Client, name, None)), name
            success = json.dumps(operation["responses"].get("200", {}))
            if '"#/components/schemas/Page_' in success:
                plain = name.removeprefix("list_").removeprefix("get_")
                assert callable(getattr(Client, f"iter_{plain}", None)), name


def test_the_client_never_imports_the_server() -> None:
    probe = (
        "import sys, msckb_client, msckb_client.dataframe\n"
        "server = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'api', 'models', 'migrations', 'fastapi', 'starlette', 'sqlalchemy', 'alembic'})\n"
        "print(server)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=PROJECT_ROOT / "client",
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"
