"""Hypothesis properties: BibTeX import, the seed files, the query parameters."""

import shutil
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.seeding.files import SeedError
from api.seeding.loader import load, read_and_check
from models import Reference
from tests.conftest import SEEDS_DIR
from tests.helpers import Keys

PROPERTY = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

SAFE_TEXT = (
    st.text(
        alphabet=string.ascii_letters + string.digits + " .,:;-()'αβγ–",
        min_size=1,
        max_size=60,
    )
    .map(str.strip)
    .filter(bool)
)
KEYS = st.from_regex(r"[a-z][a-z0-9]{2,15}", fullmatch=True)


@st.composite
def bib_entries(draw: st.DrawFn) -> list[dict[str, Any]]:
    keys = draw(st.lists(KEYS, min_size=1, max_size=5, unique=True))
    return [
        {
            "key": f"prop{key}",
            "title": draw(SAFE_TEXT),
            "year": draw(st.integers(1800, 2100)),
            "family": draw(st.from_regex(r"[A-Z][a-z]{1,12}", fullmatch=True)),
        }
        for key in keys
    ]


def _bib(entries: list[dict[str, Any]]) -> str:
    return "".join(
        f"@article{{{e['key']},\n  author = {{{e['family']}, A.}},\n  title = {{{e['title']}}},\n"
        f"  year = {{{e['year']}}},\n}}\n"
        for e in entries
    )


@PROPERTY
@given(entries=bib_entries())
def test_imported_bibtex_reads_back_exactly_or_is_a_duplicate(
    api: TestClient, keys: Keys, entries: list[dict[str, Any]]
) -> None:
    response = api.post(
        "/api/v1/references/import",
        content=_bib(entries),
        headers={**keys.curator, "Content-Type": "application/x-bibtex"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    reported = set(body["created"]) | {d["key"] for d in body["duplicates"]}
    assert reported == {e["key"] for e in entries}
    for entry in entries:
        if entry["key"] in body["created"]:
            stored = api.get(f"/api/v1/references/{entry['key']}").json()
            assert (stored["title"], stored["year"]) == (entry["title"], entry["year"])
            assert stored["authors"] == [{"family": entry["family"], "given": "A."}]


@PROPERTY
@given(text=st.text(max_size=400))
def test_any_text_as_bibtex_is_answered_and_a_refusal_writes_nothing(
    api: TestClient, keys: Keys, seeded: Session, text: str
) -> None:
    before = seeded.scalar(select(func.count()).select_from(Reference))
    response = api.post(
        "/api/v1/references/import",
        content=text.encode("utf-8", "surrogatepass"),
        headers={**keys.curator, "Content-Type": "application/x-bibtex"},
    )
    assert response.status_code in {200, 400, 422}, response.text
    if response.status_code != 200:
        assert seeded.scalar(select(func.count()).select_from(Reference)) == before


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.lists(st.text(max_size=5), max_size=3),
)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*path, i))] or [path]
    return [path]


def _set(document: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        document = document[step]
    document[path[-1]] = value


@pytest.mark.slow  # loads the seeds once per example: 10 s
@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_mutated_seed_file_is_refused_cleanly_or_loads(
    session: Session, tmp_path_factory: Any, data: st.DataObject
) -> None:
    target = Path(tmp_path_factory.mktemp("seeds")) / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    name = data.draw(
        st.sampled_from(sorted(p.name for p in SEEDS_DIR.glob("*.yaml"))), label="file"
    )
    document = yaml.safe_load((target / name).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(_leaves(document)), label="field")
    _set(document, path, data.draw(SCALARS, label="value"))
    (target / name).write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    problems: list[str] = []
    try:
        seeds = read_and_check(target)
    except SeedError as refusal:
        problems = refusal.problems or ["(empty refusal)"]
    if problems:
        assert all(p.startswith("seeds/") for p in problems), problems
        return
    try:
        with session.begin_nested():
            load(session, seeds)
    except IntegrityError:
        pass  # refused by the database, and rolled back with the savepoint


LIST_ENDPOINTS = [
    "/api/v1/species",
    "/api/v1/references",
    "/api/v1/maldi",
    "/api/v1/transformations",
    "/api/v1/experiments",
    "/api/v1/syntheses",
    "/api/v1/bibliography",
    "/api/v1/transformations/paths",
]


@PROPERTY
@given(data=st.data())
def test_any_query_parameters_are_answered(api: TestClient, data: st.DataObject) -> None:
    spec = api.get("/openapi.json").json()["paths"]
    path = data.draw(st.sampled_from(LIST_ENDPOINTS), label="path")
    names = [p["name"] for p in spec[path]["get"]["parameters"] if p["in"] == "query"]
    chosen = data.draw(st.lists(st.sampled_from([*names, "unknown"]), max_size=4), label="names")
    values = st.one_of(
        st.text(max_size=20), st.integers().map(str), st.floats().map(str), st.booleans().map(str)
    )
    params = {name: data.draw(values, label=name) for name in chosen}
    response = api.get(path, params=params)
    assert response.status_code in {200, 400, 404, 422}, (params, response.text)
    if response.status_code != 200:
        assert response.headers["content-type"].startswith("application/problem+json")
