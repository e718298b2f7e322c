"""The search box: one field that reads what a chemist types.

- ``311`` or ``311 nm``: species with an absorption peak within ± the tolerance
  (default 2 nm); a bare number also looks for MALDI masses near it.
- ``5160 Da``, ``5160 ± 10``, ``60 kDa``: MALDI measurements with a mass within ±
  the tolerance (default 5 Da, the API's default).
- text: species by slug, label, alias or description (the API's ``q``), by
  material formula (``CdS``), and by composition (``Cd37S20``, ``Cd₃₇S₂₀``: the API's
  normalised ``composition``).

Each reading calls the query function the API's list endpoint calls.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from api.queries import MATERIAL, SPECIES, mappings, same_text
from api.queries.maldi import DEFAULT_TOLERANCE_DA, list_measurements, maldi_items
from api.queries.species import is_formula, list_species, species_summaries, with_composition
from api.schemas.maldi import MaldiRead
from api.schemas.species import SpeciesSummary

DEFAULT_TOLERANCE_NM = 2.0
LIMIT = 200
"""At most this many hits of each kind are shown."""

_NUMBER = re.compile(
    r"^\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>nm|da|kda)?\s*"
    r"(?:(?:±|\+/-|\+-)\s*(?P<tolerance>\d+(?:\.\d+)?)\s*(?P<tunit>nm|da|kda)?)?\s*$",
    re.IGNORECASE,
)


@dataclass
class Query:
    text: str
    peak_nm: float | None = None
    tolerance_nm: float = DEFAULT_TOLERANCE_NM
    mass_da: float | None = None
    tolerance_da: float = DEFAULT_TOLERANCE_DA
    words: str | None = None


def read_query(text: str) -> Query:
    """What the box asks for (see the module's docstring)."""
    query = Query(text=text.strip())
    match = _NUMBER.match(text)
    if match is None:
        query.words = query.text or None
        return query
    value = float(match["value"])
    unit = (match["unit"] or "").lower()
    tolerance = None if match["tolerance"] is None else float(match["tolerance"])
    tunit = (match["tunit"] or unit).lower()
    if tolerance is not None and tunit == "kda":
        tolerance *= 1000
    if unit == "nm":
        query.peak_nm = value
        query.tolerance_nm = DEFAULT_TOLERANCE_NM if tolerance is None else tolerance
    elif unit in ("da", "kda"):
        query.mass_da = value * 1000 if unit == "kda" else value
        query.tolerance_da = DEFAULT_TOLERANCE_DA if tolerance is None else tolerance
    else:  # a bare number: a peak position and a mass alike
        query.peak_nm = value
        query.mass_da = value
        if tolerance is not None:
            query.tolerance_nm = query.tolerance_da = tolerance
    return query


@dataclass
class Results:
    query: Query
    by_peak: list[SpeciesSummary] = field(default_factory=list)
    by_name: list[SpeciesSummary] = field(default_factory=list)
    by_material: list[SpeciesSummary] = field(default_factory=list)
    by_composition: list[SpeciesSummary] = field(default_factory=list)
    by_mass: list[MaldiRead] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.by_peak or self.by_name or self.by_material or self.by_composition or self.by_mass
        )


def _species(session: Session, statement: Any) -> list[SpeciesSummary]:
    rows = mappings(session, statement.order_by(SPECIES.c.slug).limit(LIMIT))
    return [SpeciesSummary.model_validate(s) for s in species_summaries(session, rows)]


def search(session: Session, text: str) -> Results:
    query = read_query(text)
    results = Results(query=query)
    if query.peak_nm is not None:
        results.by_peak = _species(
            session,
            list_species(
                peak_nm_min=query.peak_nm - query.tolerance_nm,
                peak_nm_max=query.peak_nm + query.tolerance_nm,
            ),
        )
    if query.mass_da is not None:
        statement = list_measurements(mass_da=query.mass_da, tolerance_da=query.tolerance_da)
        rows = mappings(session, statement.order_by("slug").limit(LIMIT))
        results.by_mass = [MaldiRead.model_validate(m) for m in maldi_items(session, rows)]
    if query.words is not None:
        results.by_name = _species(session, list_species(q=query.words))
        is_material = mappings(
            session,
            MATERIAL.select().where(same_text(MATERIAL.c.formula, query.words)),
        )
        if is_material:
            results.by_material = _species(session, list_species(material=query.words))
        if is_formula(session, query.words):
            ids = with_composition(session, query.words)
            results.by_composition = _species(session, list_species(composition_ids=ids))
    return results
