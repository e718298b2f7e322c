"""CITATION.cff at the repository root: valid CFF 1.2.0 in its required keys, and
naming the version and the licence the project has."""

import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent


def cff() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    return loaded


def test_required_keys() -> None:
    document = cff()
    assert document["cff-version"] == "1.2.0"
    assert {"cff-version", "message", "title", "authors"} <= set(document)
    assert all("name" in a or "family-names" in a for a in document["authors"])
    for reference in document["references"]:
        assert {"type", "title", "authors"} <= set(reference)
        assert "doi" not in reference  # the source gives none


def test_version_and_licence_are_the_projects() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    document = cff()
    assert document["version"] == project["version"]
    assert document["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
