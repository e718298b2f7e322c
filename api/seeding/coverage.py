"""How many facts the database holds from each part of the source."""

import re
from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Base, Citation
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
