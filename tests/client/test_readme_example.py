"""The README's client example, run as written against a live server: its Python
block, then checks of what it left in ``msc``, ``every`` and ``frame``."""

import json
import re
import subprocess
import sys

import pytest

from api.settings import PROJECT_ROOT
from tests.client.conftest import Live

pytestmark = pytest.mark.slow

HEADING = "### From Python"

CHECKS = """
import json
assert {row.material for row in msc.data} == {"CdSe"}
assert {row.kind for row in msc.data} == {"msc"}
total = client.list_species(material="CdSe", count=True).meta.total
print(json.dumps({"total": total, "every": len(every), "slugs": len({r.slug for r in every}),
                  "frame": list(frame.shape), "columns": list(frame.columns)}))
"""


def example() -> tuple[str, str]:
    """The section's install command and Python block."""
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(HEADING) :]
    section = section[: section.index("\n## ")]
    install = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    python = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert install is not None
    assert python is not None
    return install.group(1), python.group(1)


def test_the_example_installs_connects_lists_pages_and_frames() -> None:
    install, python = example()
    assert install.startswith("pip install ./client")
    lines = [line for line in python.splitlines() if line.strip()]
    assert len(lines) == 5  # ruff formats the block too (a blank line after the import)
    for call in ("Client(", "list_species(", "iter_species(", "to_dataframe("):
        assert call in python


def test_the_readme_client_example_runs(live: Live) -> None:
    _install, python = example()
    script = python.replace("http://127.0.0.1:8000", live.base) + CHECKS
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["total"] > 4
    assert result["every"] == result["slugs"] == result["total"]
    assert result["frame"][0] == result["total"]
    assert {"slug", "label", "evidence.reference"} <= set(result["columns"])
