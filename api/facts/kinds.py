"""Every kind of curated fact, declared once.

A ``Kind`` names its table, the seed schema its entries are checked with, where
its entries live in ``seeds/``, the entry fields that identify it, and how each
field of an entry maps to the columns of its row (api/facts/fields.py). From
that one declaration come the seed loader and its link check, ``dump-seeds``,
the export's identifiers, the curation writes and the ETags.

Adding a field to a kind: the model and a migration, the seed schema, one line
in the kind's ``fields`` below, and the read side (query and response schema).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import models as m
from api.facts.fields import (
    EVIDENCE,
    Col,
    Entry,
    Field,
    Idents,
    Ids,
    Link,
    Many,
    Pair,
    Ref,
    Row,
    Span,
    Spec,
    columns_of,
    entry_of,
    links_of,
    row_of,
)
from api.outputs.bibtex import FIELDS as BIBLIOGRAPHIC_FIELDS
from api.seeding import schemas as s


@dataclass(frozen=True)
class Kind:
    """One kind of curated fact."""

    name: str
    """Plural, as reports list it: "MALDI measurements"."""
    entity: str
    """Singular, as messages, ETags and the audit trail name it: "MALDI measurement"."""
    model: type[m.Base]
    schema: type[s.Entry]
    fields: tuple[Field, ...]
    identity: tuple[str, ...]
    """The entry fields that identify a fact across loads (a slug, a pair of species)."""
    file: str = ""
    """The seed file that holds the entries; empty for facts held inside another's."""
    section: str = ""

    @property
    def an(self) -> str:
        """The entity with its article: "a species", "an isomer pair"."""
        return f"{'an' if self.entity[0] in 'aeiou' else 'a'} {self.entity}"

    @cached_property
    def identity_fields(self) -> tuple[Field, ...]:
        by_name = {f.name: f for f in self.fields}
        return tuple(by_name[name] for name in self.identity)

    @cached_property
    def key(self) -> tuple[str, ...]:
        """The columns that identify a row: those the identity fields fill."""
        return tuple(col for f in self.identity_fields for col in f.columns)

    def key_row(self, values: tuple[Any, ...], ids: Ids) -> Row:
        """The key columns of the fact whose identity fields hold ``values``."""
        row: Row = {}
        for f, value in zip(self.identity_fields, values, strict=True):
            row.update(f.row(value, ids))
        return row

    def identity_values(self, entry: Any) -> tuple[Any, ...]:
        return tuple(getattr(entry, name) for name in self.identity)

    @cached_property
    def children(self) -> Spec:
        spec: Spec = {}
        for f in self.fields:
            spec.update(f.spec())
        return spec

    def row(self, entry: Any, ids: Ids) -> Row:
        return row_of(self.fields, entry, ids)

    def entry(self, obj: Any, idents: Idents) -> Entry:
        return entry_of(self.fields, obj, idents)

    def seed_entry(self, obj: Any, idents: Idents) -> Entry:
        """The entry as the seed files write it: validated, evidence last, fields that
        hold their default left out. The audit trail and the API hold the same."""
        validated = self.schema.model_validate(self.entry(obj, idents))
        tidied: Entry = _evidence_last(validated.model_dump(mode="json", exclude_defaults=True))
        return tidied

    def entry_of_seed(self, entry: s.Entry) -> Entry:
        """A validated seed entry as ``seed_entry`` writes the stored fact: the two are
        equal when the database holds what the seed files say."""
        tidied: Entry = _evidence_last(entry.model_dump(mode="json", exclude_defaults=True))
        return tidied

    def fingerprint(self, entry: Entry) -> str:
        """SHA-256 of ``entry`` (seed-entry shape) with the order of lists that have none
        (peaks, aliases, an isomer pair) taken out: equal facts, equal fingerprints."""
        canonical = json.dumps(
            _unordered(self.fields, entry),
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def tag(self) -> str:
        """The kind as a command line names it: "species", "maldi-measurement"."""
        return self.entity.replace(" ", "-").lower()

    def links(self, entry: Any) -> Iterator[Link]:
        return links_of(self.fields, entry)

    def identifier(self, entry: Any) -> str:
        """The stable identifier of a validated entry: "cds-msc-311", "pc/msc"."""
        return self.identifier_of(self.identity_values(entry))

    def identifier_of(self, values: tuple[Any, ...]) -> str:
        parts: list[str] = []
        for f, value in zip(self.identity_fields, values, strict=True):
            if isinstance(value, list):
                parts += sorted(value) if getattr(f, "unordered", False) else value
            else:
                parts.append(str(value))
        return "/".join(parts)

    def etag(self, row: Any) -> str:
        """The ETag of ``row`` as read (an instance, or a Core row by its labels): its
        kind, id and version."""
        ident, version = (
            (row["id"], row["version"]) if isinstance(row, Mapping) else (row.id, row.version)
        )
        return f'"{self.entity.replace(" ", "-")}-{ident}-v{version}"'


def _evidence_last(value: Any) -> Any:
    """Evidence reads best after the fact it is about."""
    if isinstance(value, list):
        return [_evidence_last(v) for v in value]
    if not isinstance(value, dict):
        return value
    ordered = {k: _evidence_last(v) for k, v in value.items() if k != "evidence"}
    if "evidence" in value:
        ordered["evidence"] = value["evidence"]
    return ordered


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _unordered(fields: tuple[Field, ...], entry: Entry) -> Entry:
    """``entry`` with the lists whose order means nothing sorted."""
    by_name = {f.name: f for f in fields}
    out: Entry = {}
    for name, value in entry.items():
        f = by_name.get(name)
        if isinstance(f, Many) and isinstance(value, list):
            items = value if f.scalar else [_unordered(f.fields, item) for item in value]
            value = items if f.position else sorted(items, key=_json_key)
        elif isinstance(f, Pair) and f.unordered and isinstance(value, list):
            value = sorted(value)
        out[name] = value
    return out


def _kind(
    name: str,
    entity: str,
    model: type[m.Base],
    schema: type[s.Entry],
    fields: tuple[Field, ...],
    identity: tuple[str, ...],
    file: str,
    section: str | None = None,
) -> Kind:
    return Kind(name, entity, model, schema, fields, identity, file, section or name)


STEPS = Many(
    "steps",
    (
        Col("action"),
        Col("label"),
        Col("temperature_c"),
        Col("temperature_end_c"),
        Col("start_s"),
        Col("end_s"),
        Col("duration_s"),
        Col("note"),
        Many(
            "components",
            (Ref("reagent", m.Reagent), Col("role"), Col("volume_ml"), Col("note")),
            position=True,
        ),
    ),
    position=True,
)

OBSERVATION_FIELDS: tuple[Field, ...] = (
    Ref("species", m.Species),
    Col("subject"),
    Col("trend"),
    Col("window_start_s"),
    Col("window_end_s"),
    Col("temperature_c"),
    Col("label"),
    Col("note"),
    EVIDENCE,
)

MATERIAL = _kind(
    "materials",
    "material",
    m.Material,
    s.MaterialSeed,
    (Col("formula"), Col("name")),
    ("formula",),
    "materials.yaml",
)
REAGENT = _kind(
    "reagents",
    "reagent",
    m.Reagent,
    s.ReagentSeed,
    (Col("slug"), Col("name"), Col("abbreviation"), Col("full_name")),
    ("slug",),
    "reagents.yaml",
)
REFERENCE = _kind(
    "references",
    "reference",
    m.Reference,
    s.ReferenceSeed,
    (
        Col("key"),
        Col("entry_type"),
        Many("authors", (Col("family"), Col("given")), position=True),
        *(Col(f.column) for f in BIBLIOGRAPHIC_FIELDS),
        Many("cited_at", (Col("locator"),), relationship="citations", scalar=True, sort=True),
        Many("checked", (Col("field"), Col("checked_at")), relationship="field_sources"),
    ),
    ("key",),
    "references.bib",
)
GLOSSARY_TERM = _kind(
    "glossary terms",
    "glossary term",
    m.GlossaryTerm,
    s.GlossarySeed,
    columns_of(s.GlossarySeed),
    ("slug",),
    "glossary.yaml",
    "terms",
)
CONSTANT = _kind(
    "physical constants",
    "constant",
    m.PhysicalConstant,
    s.ConstantSeed,
    columns_of(s.ConstantSeed),
    ("slug",),
    "constants.yaml",
    "constants",
)
MONOMER_FORMULA = _kind(
    "monomer formulas",
    "monomer formula",
    m.MonomerFormula,
    s.MonomerSeed,
    columns_of(s.MonomerSeed),
    ("element",),
    "constants.yaml",
    "monomer_formulas",
)
SPECIES = _kind(
    "species",
    "species",
    m.Species,
    s.SpeciesSeed,
    (
        Col("slug"),
        Ref("material", m.Material),
        Col("kind"),
        Col("label"),
        Many("aliases", (Col("alias"),), scalar=True),
        Col("description"),
        Many("absorption_peaks", (Span("nm", "peak_nm"), Col("temperature_c"), EVIDENCE)),
        Many("compositions", (Col("formula"), Col("structure"), EVIDENCE)),
        Many("sizes", (Col("method"), Col("quantity"), Span("nm", "size_nm"), EVIDENCE)),
        EVIDENCE,
    ),
    ("slug",),
    "species.yaml",
)
PROPERTY_DEPENDENCE = _kind(
    "property dependences",
    "property dependence",
    m.PropertyDependence,
    s.PropertyDependenceSeed,
    (Ref("species", m.Species), Col("property"), Col("depends_on"), Col("note"), EVIDENCE),
    ("species", "property", "depends_on"),
    "species.yaml",
    "property_dependences",
)
KEY_ADVANCE = _kind(
    "key advances",
    "key advance",
    m.KeyAdvance,
    s.KeyAdvanceSeed,
    (
        Col("ref_number"),
        Col("approach"),
        Ref("material", m.Material),
        Col("summary"),
        Many(
            "peaks_nm",
            (Span("nm", "peak_nm"),),
            relationship="peaks",
            position=True,
            scalar=True,
        ),
        Many(
            "species",
            (Ref("species", m.Species),),
            relationship="species_links",
            position=True,
            scalar=True,
        ),
        EVIDENCE,
    ),
    ("ref_number",),
    "key_advances.yaml",
    "key_advances",
)
COUNTERPART = _kind(
    "counterparts",
    "counterpart",
    m.Counterpart,
    s.CounterpartSeed,
    (Ref("pc", m.Species), Ref("msc", m.Species), EVIDENCE),
    ("pc", "msc"),
    "relations.yaml",
)
ISOMER_PAIR = _kind(
    "isomer pairs",
    "isomer pair",
    m.IsomerPair,
    s.IsomerPairSeed,
    (Pair("species", m.Species, unordered=True), EVIDENCE),
    ("species",),
    "relations.yaml",
    "isomer_pairs",
)
QUASI_ISOMER_GROUP = _kind(
    "quasi-isomer groups",
    "quasi-isomer group",
    m.QuasiIsomerGroup,
    s.QuasiIsomerGroupSeed,
    (
        Col("slug"),
        Col("name"),
        Col("description"),
        Many("members", (Ref("species", m.Species),), scalar=True),
        EVIDENCE,
    ),
    ("slug",),
    "relations.yaml",
    "quasi_isomer_groups",
)
COMPARISON = _kind(
    "comparisons",
    "comparison",
    m.Comparison,
    s.ComparisonSeed,
    (
        Pair("species", m.Species),
        Col("aspect"),
        Col("finding"),
        Col("methods"),
        Col("note"),
        EVIDENCE,
    ),
    ("species", "aspect"),
    "relations.yaml",
)
CLUSTER_LINK = _kind(
    "cluster links",
    "cluster link",
    m.ClusterLink,
    s.ClusterLinkSeed,
    (
        Ref("species", m.Species),
        Ref("cluster", m.Species),
        Col("relation"),
        Col("note"),
        EVIDENCE,
    ),
    ("species", "cluster", "relation"),
    "relations.yaml",
    "cluster_links",
)
MECHANISM = _kind(
    "mechanisms",
    "mechanism",
    m.Mechanism,
    s.MechanismSeed,
    (
        Col("slug"),
        Col("name"),
        Col("applies_when"),
        Col("organic_analogue"),
        Col("description"),
        Many(
            "steps",
            (Col("equation"), Col("description"), Col("rate_determining")),
            position=True,
        ),
        EVIDENCE,
    ),
    ("slug",),
    "mechanisms.yaml",
)
MALDI_MATRIX = _kind(
    "MALDI matrices",
    "MALDI matrix",
    m.MaldiMatrix,
    s.MatrixSeed,
    (Col("acronym"), Col("full_name"), EVIDENCE),
    ("acronym",),
    "maldi.yaml",
    "matrices",
)
SYNTHESIS = _kind(
    "syntheses",
    "synthesis",
    m.Synthesis,
    s.SynthesisSeed,
    (
        Col("slug"),
        Col("title"),
        Ref("material", m.Material),
        Col("preparation_text"),
        Col("description"),
        STEPS,
        EVIDENCE,
    ),
    ("slug",),
    "syntheses.yaml",
)
EXPERIMENT = _kind(
    "experiments",
    "experiment",
    m.Experiment,
    s.ExperimentSeed,
    (
        Col("slug"),
        Col("title"),
        Ref("material", m.Material),
        Col("description"),
        STEPS,
        Many("observations", OBSERVATION_FIELDS, position=True),
        EVIDENCE,
    ),
    ("slug",),
    "experiments.yaml",
)
MALDI_MEASUREMENT = _kind(
    "MALDI measurements",
    "MALDI measurement",
    m.MaldiMeasurement,
    s.MaldiSeed,
    (
        Col("slug"),
        Ref("species", m.Species),
        Ref("synthesis", m.Synthesis),
        Many(
            "matrices",
            (Ref("matrix", m.MaldiMatrix),),
            position=True,
            scalar=True,
        ),
        Col("matrix_alternatives"),
        Many("masses", (Span("mass_da", "mass_da"), Col("charge")), "peaks", position=True),
        Col("note"),
        EVIDENCE,
    ),
    ("slug",),
    "maldi.yaml",
    "measurements",
)
TRANSFORMATION = _kind(
    "transformations",
    "transformation",
    m.Transformation,
    s.TransformationSeed,
    (
        Col("slug"),
        Ref("source", m.Species),
        Ref("product", m.Species),
        Col("reversible"),
        Col("trigger"),
        Ref("experiment", m.Experiment),
        Col("temperature_c"),
        Ref("solvent", m.Reagent),
        Ref("additive", m.Reagent),
        Col("additive_volume_ml"),
        Col("window_start_s"),
        Col("window_end_s"),
        Col("description"),
        Many(
            "kinetics",
            (
                Ref("solvent", m.Reagent),
                Col("reaction_order"),
                Col("barrier_kj_mol"),
                Col("barrier_uncertainty_kj_mol"),
                Col("relative_rate"),
                EVIDENCE,
            ),
        ),
        Many("isosbestic_points", (Col("wavelength_nm"), Col("temperature_c"), EVIDENCE)),
        Many("mechanisms", (Ref("mechanism", m.Mechanism), EVIDENCE)),
        EVIDENCE,
    ),
    ("slug",),
    "transformations.yaml",
)
CHARACTERIZATION = _kind(
    "characterizations",
    "characterization",
    m.Characterization,
    s.CharacterizationSeed,
    (
        Col("slug"),
        Col("method"),
        Ref("material", m.Material),
        Ref("experiment", m.Experiment),
        Col("description"),
        EVIDENCE,
    ),
    ("slug",),
    "characterizations.yaml",
)

SOURCE_NOTE = _kind(
    "source notes",
    "source note",
    m.SourceNote,
    s.SourceNoteSeed,
    columns_of(s.SourceNoteSeed),
    ("slug",),
    "notes.yaml",
    "notes",
)

KINDS: tuple[Kind, ...] = (
    MATERIAL,
    REAGENT,
    REFERENCE,
    GLOSSARY_TERM,
    CONSTANT,
    MONOMER_FORMULA,
    SPECIES,
    PROPERTY_DEPENDENCE,
    KEY_ADVANCE,
    COUNTERPART,
    ISOMER_PAIR,
    QUASI_ISOMER_GROUP,
    COMPARISON,
    CLUSTER_LINK,
    MECHANISM,
    MALDI_MATRIX,
    SYNTHESIS,
    EXPERIMENT,
    MALDI_MEASUREMENT,
    TRANSFORMATION,
    CHARACTERIZATION,
    SOURCE_NOTE,
)
"""Every kind the seed files hold, parents before the kinds that point to them."""

OBSERVATION = Kind(
    "observations",
    "observation",
    m.Observation,
    s.ObservationSeed,
    OBSERVATION_FIELDS,
    identity=(),
)
"""An experiment's observation, written through the API one at a time; in the seed
files it is part of its experiment."""

BY_MODEL: dict[type[m.Base], Kind] = {kind.model: kind for kind in KINDS}


def identity_column(model: type[m.Base]) -> str:
    """The one column that names a row of ``model`` to others (slug, key, formula ...)."""
    (column,) = BY_MODEL[model].key
    return column


class Resolver:
    """Stable identifier -> row id, each table read once (for a whole seed load)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._maps: dict[type[m.Base], dict[Any, int]] = {}

    def forget(self, model: type[m.Base]) -> None:
        self._maps.pop(model, None)

    def __call__(self, model: type[m.Base], ident: Any) -> int:
        if model not in self._maps:
            column = getattr(model, identity_column(model))
            self._maps[model] = dict(self.session.execute(select(column, model.id)).all())
        return self._maps[model][ident]


class Names:
    """Row id -> stable identifier, each table read once (for a whole dump)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._maps: dict[type[m.Base], dict[int, str]] = {}

    def __call__(self, model: type[m.Base], row_id: int) -> str:
        if model not in self._maps:
            column = getattr(model, identity_column(model))
            rows = self.session.execute(select(model.id, column)).all()
            self._maps[model] = {i: str(v) for i, v in rows}
        return self._maps[model][row_id]
