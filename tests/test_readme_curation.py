"""The README's curation loop, run as written: every command of the block, in order,
by bash, against a served database, in a directory holding a git copy of seeds/."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from api.settings import PROJECT_ROOT
from tests.cli import msckb
from tests.conftest import SEEDS_DIR, EmptyDatabases
from tests.reliability.servers import served
from tests.test_readme import LOOP_HEADING


def loop_script() -> str:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(LOOP_HEADING) :]
    match = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_the_loop_block_holds_the_commands_it_should() -> None:
    script = loop_script()
    for command in ("msckb seed", "dump-seeds seeds/", "--discard ", "msckb release", "/diff/"):
        assert command in script


def test_the_curation_loop_runs_as_written(empty_databases: EmptyDatabases, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copytree(SEEDS_DIR, work / "seeds")
    (work / ".venv").symlink_to(PROJECT_ROOT / ".venv")
    git_env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for command in (["git", "init", "-q"], ["git", "add", "seeds"], ["git", "commit", "-qm", "s"]):
        subprocess.run(command, cwd=work, env=git_env, check=True)

    url = empty_databases.new_url()
    assert msckb(url, "migrate").returncode == 0
    with served(url) as (base, _process):
        script = loop_script().replace("http://127.0.0.1:8000", base)
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=work,
            env={**git_env, "MSCKB_DATABASE_URL": url, "MSCKB_SEEDS_DIR": str(work / "seeds")},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "data release 1 " in out
    assert out.count("nothing to do: nothing changed") >= 3
    assert "kept 1 entries created through the API" in out
    assert "no data release holds the content changed through the API" in out
    assert "data release 2 " in out
    assert '"added":[{"table":"species","id":"cds-msc-350"' in out.replace(" ", "")
    assert "@misc{msckb_release_2," in out
    assert '"action":"create"' in out.replace(" ", "")
    # git diff: MSC-350's lines only, appended to species.yaml.
    diff = [
        line[1:] for line in out.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]
    assert diff[0] == "- slug: cds-msc-350"
    assert yaml.safe_load("\n".join(diff))[0]["label"] == "MSC-350"
    assert not [line for line in out.splitlines() if re.match(r"^-(?!--)", line)]
    assert "release 2," in out.splitlines()[-1]
