"""What the database holds from each part of the source: how many facts, and which."""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.facts.kinds import KINDS, Names
from api.facts.rows import loader_options
from models import Base, Citation, Reference
from models.evidence import EvidenceMixin

PARTS: tuple[str, ...] = (
    *(f"Table S{n}" for n in range(1, 6)),
    *(f"Figure S{n}" for n in range(1, 5)),
    *(f"Note S{n}" for n in range(1, 6)),
)
"""Every table, figure legend and note of the source, in the order a reader meets them."""

_PART = re.compile(r"^(Table|Figure|Note) S\d")


def part_of(locator: str) -> str | None:
    """``Table S4`` for the locator ``Table S4, row 3``; None for other locators."""
    match = _PART.match(locator)
    return match.group(0) if match else None


def evidenced_models() -> list[type[Base]]:
    """Every table whose rows carry evidence (reference, locator, status)."""
    found: list[type[Base]] = []
    for mapper in Base.registry.mappers:
        cls: type[Base] = mapper.class_
        if EvidenceMixin in cls.__mro__:
            found.append(cls)
    return sorted(found, key=lambda cls: cls.__name__)


def coverage(session: Session) -> dict[str, int]:
    """Facts per part: evidenced rows by their locator, plus the citations located there."""
    counts: Counter[str] = Counter(dict.fromkeys(PARTS, 0))
    for model in [*evidenced_models(), Citation]:
        locator = model.locator  # type: ignore[attr-defined]
        rows = session.execute(select(locator, func.count()).group_by(locator))
        for loc, n in rows:
            part = part_of(loc)
            if part is not None:
                counts[part] += n
    return {part: counts[part] for part in PARTS}


Listing = dict[str, dict[str, list[str]]]
"""Per part of the source, per kind of fact, the identifiers curated from it."""


def _evidence_in(value: Any) -> Iterator[dict[str, Any]]:
    """Every evidence an entry holds, its children's included."""
    if isinstance(value, dict):
        if isinstance(value.get("evidence"), dict):
            yield value["evidence"]
        for name, item in value.items():
            if name != "evidence":
                yield from _evidence_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _evidence_in(item)


def curated_from(session: Session) -> Listing:
    """What was curated from each part of the source: for every kind of fact (and for
    observations, which stand in their experiment's entry) the identifiers of the facts
    with evidence located in that part, and the references those facts and the
    part's citations rest on."""
    found: dict[str, dict[str, set[str]]] = {part: defaultdict(set) for part in PARTS}

    def note(kind: str, identifier: str, evidence: Iterable[dict[str, Any]]) -> None:
        for e in evidence:
            part = part_of(e["locator"])
            if part is not None:
                found[part][kind].add(identifier)
                found[part]["references"].add(e["ref"])

    names = Names(session)
    for kind in KINDS:
        statement = select(kind.model).options(*loader_options(kind.model, kind.children))
        for row in session.scalars(statement):
            entry = kind.entry(row, names)
            identifier = kind.identifier(kind.schema.model_validate(entry))
            observations = entry.pop("observations", [])
            note(kind.name, identifier, _evidence_in(entry))
            for position, observation in enumerate(observations, start=1):
                note("observations", f"{identifier}/{position}", _evidence_in(observation))
    for locator, key in session.execute(
        select(Citation.locator, Reference.key).join(
            Reference, Citation.reference_id == Reference.id
        )
    ):
        part = part_of(locator)
        if part is not None:
            found[part]["references"].add(key)
    order = [kind.name for kind in KINDS] + ["observations", "references"]
    return {
        part: {name: sorted(kinds[name]) for name in order if kinds.get(name)}
        for part, kinds in found.items()
    }
