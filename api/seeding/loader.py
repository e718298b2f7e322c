"""``msckb seed``: load the validated seed files into the database.

The seed files are the source of truth for the curated source. Loading
reconciles the database with them, kind by kind, in one transaction: rows are
matched on their stable identifier (slug, citation key, ...), created when
new, updated when any column or child row differs, deleted when gone from the
files, and left alone otherwise, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.strategy_options import _AbstractLoad

import models as m
from api.seeding import schemas as s
from api.seeding.files import BIB_FILE, SeedError, SeedSet, read_seed_set
from api.seeding.schemas import species_slug

Row = dict[str, Any]
"""Column values of one row, with child rows as lists under relationship names."""
Spec = dict[str, "Spec"]
"""The child relationships a kind reconciles, nested: {"steps": {"components": {}}}."""


class Resolver:
    """Stable identifier -> database id, read after the kind it points to was loaded."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._maps: dict[tuple[type[m.Base], str], dict[Any, int]] = {}

    def forget(self, model: type[m.Base]) -> None:
        for cache_key in [k for k in self._maps if k[0] is model]:
            del self._maps[cache_key]

    def id(self, model: type[m.Base], column: str, value: Any) -> int:
        cache_key = (model, column)
        if cache_key not in self._maps:
            rows = self.session.execute(select(getattr(model, column), model.id))  # type: ignore[attr-defined]
            self._maps[cache_key] = dict(rows.all())
        return self._maps[cache_key][value]

    def opt(self, model: type[m.Base], column: str, value: Any) -> int | None:
        return None if value is None else self.id(model, column, value)

    def species(self, slug: str) -> int:
        return self.id(m.Species, "slug", slug)

    def material(self, formula: str | None) -> int | None:
        return self.opt(m.Material, "formula", formula)

    def reagent(self, slug: str | None) -> int | None:
        return self.opt(m.Reagent, "slug", slug)


def evidence(entry: s.Evidenced, r: Resolver) -> Row:
    e = entry.evidence
    return {
        "reference_id": r.id(m.Reference, "key", e.ref),
        "locator": e.locator,
        "status": e.status,
        "approximate": e.approximate,
    }


def value_or_range(column: str, quantity: s.Range) -> Row:
    stem, unit = column.rsplit("_", 1)
    return {
        column: quantity.value,
        f"{stem}_low_{unit}": quantity.low,
        f"{stem}_high_{unit}": quantity.high,
    }


def steps(seed_steps: list[s.StepSeed], r: Resolver) -> list[Row]:
    return [
        {
            "position": position,
            "action": step.action,
            "label": step.label,
            "temperature_c": step.temperature_c,
            "temperature_end_c": step.temperature_end_c,
            "start_s": step.start_s,
            "end_s": step.end_s,
            "duration_s": step.duration_s,
            "note": step.note,
            "components": [
                {
                    "position": index,
                    "role": component.role,
                    "reagent_id": r.reagent(component.reagent),
                    "volume_ml": component.volume_ml,
                    "note": component.note,
                }
                for index, component in enumerate(step.components, start=1)
            ],
        }
        for position, step in enumerate(seed_steps, start=1)
    ]


# --- one builder per kind: a seed entry -> the row it stands for -------------------


def material_row(x: s.MaterialSeed, _r: Resolver) -> Row:
    return {"formula": x.formula, "name": x.name}


def reagent_row(x: s.ReagentSeed, _r: Resolver) -> Row:
    return x.model_dump(include={"slug", "name", "abbreviation", "full_name"})


def reference_row(x: s.ReferenceSeed, _r: Resolver) -> Row:
    return {
        **x.model_dump(exclude={"authors", "cited_at", "checked"}),
        "note": None,
        "authors": [
            {"position": i, "family": a.family, "given": a.given}
            for i, a in enumerate(x.authors, start=1)
        ],
        "citations": [{"locator": loc} for loc in x.cited_at],
        "field_sources": [{"field": c.field, "checked_at": c.checked_at} for c in x.checked],
    }


def plain_row(x: s.Evidenced, r: Resolver) -> Row:
    """Entries whose fields are the columns (glossary terms, constants, monomers)."""
    return {**x.model_dump(exclude={"evidence"}), **evidence(x, r)}


def species_row(x: s.SpeciesSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "material_id": r.material(x.material),
        "kind": x.kind,
        "label": x.label,
        "description": x.description,
        **evidence(x, r),
        "aliases": [{"alias": alias} for alias in x.aliases],
        "absorption_peaks": [
            {**value_or_range("peak_nm", p.nm), "temperature_c": p.temperature_c, **evidence(p, r)}
            for p in x.absorption_peaks
        ],
        "compositions": [
            {"formula": c.formula, "structure": c.structure, **evidence(c, r)}
            for c in x.compositions
        ],
        "sizes": [
            {
                "method": z.method,
                "quantity": z.quantity,
                **value_or_range("size_nm", z.nm),
                **evidence(z, r),
            }
            for z in x.sizes
        ],
    }


def key_advance_row(x: s.KeyAdvanceSeed, r: Resolver) -> Row:
    return {
        "ref_number": x.ref_number,
        "approach": x.approach,
        "material_id": r.material(x.material),
        "summary": x.summary,
        **evidence(x, r),
        "peaks": [
            {"position": i, **value_or_range("peak_nm", p)}
            for i, p in enumerate(x.peaks_nm, start=1)
        ],
    }


def counterpart_row(x: s.CounterpartSeed, r: Resolver) -> Row:
    return {"pc_id": r.species(x.pc), "msc_id": r.species(x.msc), **evidence(x, r)}


def isomer_pair_row(x: s.IsomerPairSeed, r: Resolver) -> Row:
    first, second = sorted(r.species(slug) for slug in x.species)
    return {"first_id": first, "second_id": second, **evidence(x, r)}


def quasi_isomer_group_row(x: s.QuasiIsomerGroupSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "name": x.name,
        "description": x.description,
        **evidence(x, r),
        "members": [{"species_id": r.species(slug)} for slug in x.members],
    }


def comparison_row(x: s.ComparisonSeed, r: Resolver) -> Row:
    return {
        "first_id": r.species(x.species[0]),
        "second_id": r.species(x.species[1]),
        "aspect": x.aspect,
        "finding": x.finding,
        "methods": x.methods,
        "note": x.note,
        **evidence(x, r),
    }


def mechanism_row(x: s.MechanismSeed, r: Resolver) -> Row:
    return {
        **x.model_dump(exclude={"evidence", "steps"}),
        **evidence(x, r),
        "steps": [{"position": i, **step.model_dump()} for i, step in enumerate(x.steps, start=1)],
    }


def matrix_row(x: s.MatrixSeed, r: Resolver) -> Row:
    return {"acronym": x.acronym, "full_name": x.full_name, **evidence(x, r)}


def synthesis_row(x: s.SynthesisSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "title": x.title,
        "material_id": r.material(x.material),
        "preparation_text": x.preparation_text,
        "description": x.description,
        **evidence(x, r),
        "steps": steps(x.steps, r),
    }


def observation_row(o: s.ObservationSeed, position: int, r: Resolver) -> Row:
    return {
        "position": position,
        "species_id": None if o.species is None else r.species(o.species),
        **o.model_dump(exclude={"evidence", "species"}),
        **evidence(o, r),
    }


def experiment_row(x: s.ExperimentSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "title": x.title,
        "material_id": r.material(x.material),
        "description": x.description,
        **evidence(x, r),
        "steps": steps(x.steps, r),
        "observations": [observation_row(o, i, r) for i, o in enumerate(x.observations, start=1)],
    }


def maldi_row(x: s.MaldiSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "species_id": r.species(x.species),
        "synthesis_id": r.opt(m.Synthesis, "slug", x.synthesis),
        "matrix_alternatives": x.matrix_alternatives,
        "note": x.note,
        **evidence(x, r),
        "matrices": [
            {"position": i, "matrix_id": r.id(m.MaldiMatrix, "acronym", acronym)}
            for i, acronym in enumerate(x.matrices, start=1)
        ],
        "peaks": [
            {"position": i, "charge": mass.charge, **value_or_range("mass_da", mass.mass_da)}
            for i, mass in enumerate(x.masses, start=1)
        ],
    }


def transformation_row(x: s.TransformationSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "source_id": r.species(x.source),
        "product_id": r.species(x.product),
        "reversible": x.reversible,
        "trigger": x.trigger,
        "experiment_id": r.opt(m.Experiment, "slug", x.experiment),
        "temperature_c": x.temperature_c,
        "solvent_id": r.reagent(x.solvent),
        "additive_id": r.reagent(x.additive),
        "additive_volume_ml": x.additive_volume_ml,
        "window_start_s": x.window_start_s,
        "window_end_s": x.window_end_s,
        "description": x.description,
        **evidence(x, r),
        "kinetics": [
            {
                **k.model_dump(exclude={"evidence", "solvent"}),
                "solvent_id": r.reagent(k.solvent),
                **evidence(k, r),
            }
            for k in x.kinetics
        ],
        "isosbestic_points": [
            {**p.model_dump(exclude={"evidence"}), **evidence(p, r)} for p in x.isosbestic_points
        ],
        "mechanisms": [
            {"mechanism_id": r.id(m.Mechanism, "slug", p.mechanism), **evidence(p, r)}
            for p in x.mechanisms
        ],
    }


def characterization_row(x: s.CharacterizationSeed, r: Resolver) -> Row:
    return {
        "slug": x.slug,
        "method": x.method,
        "material_id": r.material(x.material),
        "experiment_id": r.opt(m.Experiment, "slug", x.experiment),
        "description": x.description,
        **evidence(x, r),
    }


@dataclass(frozen=True)
class Kind:
    """One kind of curated fact: its table, its identity, where its entries live in the
    seed files and how an entry becomes a row."""

    name: str
    model: type[m.Base]
    key: tuple[str, ...]
    """Columns that identify a row across loads (a slug, a key, a pair of species ids)."""
    file: str
    section: str
    row: Callable[[Any, Resolver], Row]
    children: Spec = field(default_factory=dict)

    def entries(self, seeds: SeedSet) -> list[Any]:
        if self.file == BIB_FILE:
            return list(seeds.references)
        return list(getattr(seeds.files[self.file], self.section))

    def rows(self, seeds: SeedSet, r: Resolver) -> list[Row]:
        return [self.row(x, r) for x in self.entries(seeds)]


STEPS: Spec = {"steps": {"components": {}}}

KINDS: tuple[Kind, ...] = (
    Kind("materials", m.Material, ("formula",), "materials.yaml", "materials", material_row),
    Kind("reagents", m.Reagent, ("slug",), "reagents.yaml", "reagents", reagent_row),
    Kind(
        "references",
        m.Reference,
        ("key",),
        BIB_FILE,
        "references",
        reference_row,
        {"authors": {}, "citations": {}, "field_sources": {}},
    ),
    Kind("glossary terms", m.GlossaryTerm, ("slug",), "glossary.yaml", "terms", plain_row),
    Kind(
        "physical constants",
        m.PhysicalConstant,
        ("slug",),
        "constants.yaml",
        "constants",
        plain_row,
    ),
    Kind(
        "monomer formulas",
        m.MonomerFormula,
        ("element",),
        "constants.yaml",
        "monomer_formulas",
        plain_row,
    ),
    Kind(
        "species",
        m.Species,
        ("slug",),
        "species.yaml",
        "species",
        species_row,
        {"aliases": {}, "absorption_peaks": {}, "compositions": {}, "sizes": {}},
    ),
    Kind(
        "key advances",
        m.KeyAdvance,
        ("ref_number",),
        "key_advances.yaml",
        "key_advances",
        key_advance_row,
        {"peaks": {}},
    ),
    Kind(
        "counterparts",
        m.Counterpart,
        ("pc_id", "msc_id"),
        "relations.yaml",
        "counterparts",
        counterpart_row,
    ),
    Kind(
        "isomer pairs",
        m.IsomerPair,
        ("first_id", "second_id"),
        "relations.yaml",
        "isomer_pairs",
        isomer_pair_row,
    ),
    Kind(
        "quasi-isomer groups",
        m.QuasiIsomerGroup,
        ("slug",),
        "relations.yaml",
        "quasi_isomer_groups",
        quasi_isomer_group_row,
        {"members": {}},
    ),
    Kind(
        "comparisons",
        m.Comparison,
        ("first_id", "second_id", "aspect"),
        "relations.yaml",
        "comparisons",
        comparison_row,
    ),
    Kind(
        "mechanisms",
        m.Mechanism,
        ("slug",),
        "mechanisms.yaml",
        "mechanisms",
        mechanism_row,
        {"steps": {}},
    ),
    Kind("MALDI matrices", m.MaldiMatrix, ("acronym",), "maldi.yaml", "matrices", matrix_row),
    Kind("syntheses", m.Synthesis, ("slug",), "syntheses.yaml", "syntheses", synthesis_row, STEPS),
    Kind(
        "experiments",
        m.Experiment,
        ("slug",),
        "experiments.yaml",
        "experiments",
        experiment_row,
        {**STEPS, "observations": {}},
    ),
    Kind(
        "MALDI measurements",
        m.MaldiMeasurement,
        ("slug",),
        "maldi.yaml",
        "measurements",
        maldi_row,
        {"matrices": {}, "peaks": {}},
    ),
    Kind(
        "transformations",
        m.Transformation,
        ("slug",),
        "transformations.yaml",
        "transformations",
        transformation_row,
        {"kinetics": {}, "isosbestic_points": {}, "mechanisms": {}},
    ),
    Kind(
        "characterizations",
        m.Characterization,
        ("slug",),
        "characterizations.yaml",
        "characterizations",
        characterization_row,
    ),
)
"""Every kind the seeds hold, parents before the kinds that point to them."""


# --- reconciling rows with the database ----------------------------------------------


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(sorted((_canonical(v) for v in value), key=repr))
    return value


def _template(rows: list[Row]) -> Row:
    """Every field any of ``rows`` has, child lists merged the same way, so that rows
    whose first child happens to lack a nested list still compare whole."""
    merged: Row = {}
    for row in rows:
        for name, value in row.items():
            if isinstance(value, list):
                merged[name] = [_template([*merged.get(name, []), *value])]
            else:
                merged.setdefault(name, value)
    return merged


def snapshot(obj: Any, template: Row) -> Row:
    """The stored row in the shape of ``template``, so the two can be compared."""
    out: Row = {}
    for name, wanted in template.items():
        current = getattr(obj, name)
        if isinstance(wanted, list):
            child_template = _template(wanted)
            out[name] = [snapshot(child, child_template) for child in current]
        else:
            out[name] = current
    return out


def _child_model(model: type[m.Base], relationship: str) -> type[m.Base]:
    target: type[m.Base] = inspect(model).relationships[relationship].mapper.class_
    return target


def build(model: type[m.Base], row: Row) -> Any:
    values = {
        name: [build(_child_model(model, name), child) for child in value]
        if isinstance(value, list)
        else value
        for name, value in row.items()
    }
    return model(**values)


def loader_options(model: type[m.Base], spec: Spec) -> list[_AbstractLoad]:
    options: list[_AbstractLoad] = []
    for name, nested in spec.items():
        option = selectinload(getattr(model, name))
        child = _child_model(model, name)
        for sub in loader_options(child, nested):
            option = option.options(sub)
        options.append(option)
    return options


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class SeedReport:
    tallies: dict[str, Tally] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(t.changed for t in self.tallies.values())

    def lines(self) -> Iterable[str]:
        width = max(len(name) for name in self.tallies)
        for name, t in self.tallies.items():
            yield (
                f"{name:<{width}}  created {t.created:>3}  updated {t.updated:>3}"
                f"  deleted {t.deleted:>3}  unchanged {t.unchanged:>3}"
            )


def _sync_kind(session: Session, kind: Kind, rows: list[Row]) -> tuple[Tally, list[Any]]:
    """Create and update ``kind`` to match ``rows``; return the stored rows to delete."""
    tally = Tally()
    stored = session.scalars(
        select(kind.model).options(*loader_options(kind.model, kind.children))
    ).all()
    by_key = {tuple(getattr(obj, col) for col in kind.key): obj for obj in stored}
    wanted_keys = set()
    for row in rows:
        key = tuple(row[col] for col in kind.key)
        wanted_keys.add(key)
        obj = by_key.get(key)
        if obj is None:
            session.add(build(kind.model, row))
            tally.created += 1
        elif _canonical(snapshot(obj, row)) == _canonical(row):
            tally.unchanged += 1
        else:
            update_row(session, kind.model, obj, row)
            if isinstance(obj, m.VersionedMixin):
                obj.version += 1  # an ETag read before this load no longer holds
            tally.updated += 1
    session.flush()
    return tally, [obj for key, obj in by_key.items() if key not in wanted_keys]


def update_row(session: Session, model: type[m.Base], obj: Any, row: Row) -> None:
    for name, value in row.items():
        if not isinstance(value, list):
            if getattr(obj, name) != value:
                setattr(obj, name, value)
            continue
        current = getattr(obj, name)
        template = _template(value)
        if _canonical([snapshot(c, template) for c in current]) == _canonical(value):
            continue
        # Clear first: the new children may reuse unique positions of the old ones.
        current.clear()
        session.flush()
        setattr(obj, name, [build(_child_model(model, name), child) for child in value])


def load(session: Session, seeds: SeedSet) -> SeedReport:
    """Reconcile the database with ``seeds``. The caller owns the transaction."""
    report = SeedReport()
    resolver = Resolver(session)
    doomed: list[tuple[Kind, list[Any]]] = []
    for kind in KINDS:
        tally, stale = _sync_kind(session, kind, kind.rows(seeds, resolver))
        resolver.forget(kind.model)
        report.tallies[kind.name] = tally
        doomed.append((kind, stale))
    # Delete children before the parents they point to.
    for kind, stale in reversed(doomed):
        for obj in stale:
            session.delete(obj)
        report.tallies[kind.name].deleted = len(stale)
        session.flush()
    return report


def check_links(seeds: SeedSet) -> list[str]:
    """Every identifier a seed entry points to must be defined in the seeds, once."""
    problems: list[str] = []
    defined: dict[str, set[str]] = {}

    def define(kind: str, file_name: str, section: str, idents: list[str]) -> None:
        seen: dict[str, int] = {}
        for index, ident in enumerate(idents):
            if ident in seen:
                problems.append(
                    f"seeds/{file_name}: {section}[{index}] ({ident}): duplicate of"
                    f" {section}[{seen[ident]}]"
                )
            seen[ident] = index
        defined[kind] = set(idents)

    def need(kind: str, value: str | None, where: str, field_name: str) -> None:
        if value is not None and value not in defined[kind]:
            problems.append(f"{where}: {field_name}: unknown {kind} {value!r}")

    refs = seeds.get("references.yaml", s.ReferencesFile).references
    define("reference", "references.yaml", "references", [x.key for x in refs])
    define(
        "material",
        "materials.yaml",
        "materials",
        [x.formula for x in seeds.get("materials.yaml", s.MaterialsFile).materials],
    )
    define(
        "reagent",
        "reagents.yaml",
        "reagents",
        [x.slug for x in seeds.get("reagents.yaml", s.ReagentsFile).reagents],
    )
    species = seeds.get("species.yaml", s.SpeciesFile).species
    define("species", "species.yaml", "species", [x.slug for x in species])
    mechanisms = seeds.get("mechanisms.yaml", s.MechanismsFile).mechanisms
    define("mechanism", "mechanisms.yaml", "mechanisms", [x.slug for x in mechanisms])
    maldi = seeds.get("maldi.yaml", s.MaldiFile)
    define("matrix", "maldi.yaml", "matrices", [x.acronym for x in maldi.matrices])
    define("MALDI measurement", "maldi.yaml", "measurements", [x.slug for x in maldi.measurements])
    syntheses = seeds.get("syntheses.yaml", s.SynthesesFile).syntheses
    define("synthesis", "syntheses.yaml", "syntheses", [x.slug for x in syntheses])
    experiments = seeds.get("experiments.yaml", s.ExperimentsFile).experiments
    define("experiment", "experiments.yaml", "experiments", [x.slug for x in experiments])
    transformations = seeds.get("transformations.yaml", s.TransformationsFile).transformations
    define(
        "transformation",
        "transformations.yaml",
        "transformations",
        [x.slug for x in transformations],
    )
    glossary = seeds.get("glossary.yaml", s.GlossaryFile).terms
    define("glossary term", "glossary.yaml", "terms", [x.slug for x in glossary])
    constants = seeds.get("constants.yaml", s.ConstantsFile)
    define("constant", "constants.yaml", "constants", [x.slug for x in constants.constants])
    define(
        "monomer formula",
        "constants.yaml",
        "monomer_formulas",
        [x.element for x in constants.monomer_formulas],
    )
    advances = seeds.get("key_advances.yaml", s.KeyAdvancesFile).key_advances
    define(
        "key advance", "key_advances.yaml", "key_advances", [str(x.ref_number) for x in advances]
    )
    relations = seeds.get("relations.yaml", s.RelationsFile)
    define(
        "quasi-isomer group",
        "relations.yaml",
        "quasi_isomer_groups",
        [x.slug for x in relations.quasi_isomer_groups],
    )
    characterizations = seeds.get("characterizations.yaml", s.CharacterizationsFile)
    define(
        "characterization",
        "characterizations.yaml",
        "characterizations",
        [x.slug for x in characterizations.characterizations],
    )

    def each(file_name: str, section: str, entries: Iterable[Any]) -> Iterable[tuple[str, Any]]:
        for index, entry in enumerate(entries):
            ident = getattr(entry, "slug", None) or getattr(entry, "key", None)
            suffix = f" ({ident})" if ident else ""
            yield f"seeds/{file_name}: {section}[{index}]{suffix}", entry

    def evidenced(where: str, entry: Any, prefix: str = "") -> None:
        need("reference", entry.evidence.ref, where, f"{prefix}evidence.ref")

    def step_links(where: str, seed_steps: list[s.StepSeed]) -> None:
        for i, step in enumerate(seed_steps):
            for j, component in enumerate(step.components):
                need("reagent", component.reagent, where, f"steps.{i}.components.{j}.reagent")

    sections: list[tuple[str, str, Iterable[Any]]] = [
        ("glossary.yaml", "terms", glossary),
        ("constants.yaml", "constants", constants.constants),
        ("constants.yaml", "monomer_formulas", constants.monomer_formulas),
        ("maldi.yaml", "matrices", maldi.matrices),
        ("mechanisms.yaml", "mechanisms", mechanisms),
        ("characterizations.yaml", "characterizations", characterizations.characterizations),
    ]
    for file_name, section, entries in sections:
        for where, entry in each(file_name, section, entries):
            evidenced(where, entry)
            if isinstance(entry, s.CharacterizationSeed):
                need("material", entry.material, where, "material")
                need("experiment", entry.experiment, where, "experiment")
    for where, x in each("species.yaml", "species", species):
        evidenced(where, x)
        need("material", x.material, where, "material")
        for name in ("absorption_peaks", "compositions", "sizes"):
            for i, sub in enumerate(getattr(x, name)):
                evidenced(where, sub, f"{name}.{i}.")
    for where, a in each("key_advances.yaml", "key_advances", advances):
        evidenced(where, a)
        need("material", a.material, where, "material")
    for section in ("counterparts", "isomer_pairs", "quasi_isomer_groups", "comparisons"):
        for where, rel in each("relations.yaml", section, getattr(relations, section)):
            evidenced(where, rel)
            for name in ("pc", "msc"):
                need("species", getattr(rel, name, None), where, name)
            for i, slug in enumerate(getattr(rel, "species", None) or getattr(rel, "members", [])):
                need("species", slug, where, f"species.{i}")
    for where, syn in each("syntheses.yaml", "syntheses", syntheses):
        evidenced(where, syn)
        need("material", syn.material, where, "material")
        step_links(where, syn.steps)
    for where, exp in each("experiments.yaml", "experiments", experiments):
        evidenced(where, exp)
        need("material", exp.material, where, "material")
        step_links(where, exp.steps)
        for i, o in enumerate(exp.observations):
            evidenced(where, o, f"observations.{i}.")
            need("species", o.species, where, f"observations.{i}.species")
    for where, meas in each("maldi.yaml", "measurements", maldi.measurements):
        evidenced(where, meas)
        need("species", meas.species, where, "species")
        need("synthesis", meas.synthesis, where, "synthesis")
        for i, acronym in enumerate(meas.matrices):
            need("matrix", acronym, where, f"matrices.{i}")
    for where, t in each("transformations.yaml", "transformations", transformations):
        evidenced(where, t)
        need("species", t.source, where, "source")
        need("species", t.product, where, "product")
        need("experiment", t.experiment, where, "experiment")
        need("reagent", t.solvent, where, "solvent")
        need("reagent", t.additive, where, "additive")
        for i, k in enumerate(t.kinetics):
            evidenced(where, k, f"kinetics.{i}.")
            need("reagent", k.solvent, where, f"kinetics.{i}.solvent")
        for i, p in enumerate(t.isosbestic_points):
            evidenced(where, p, f"isosbestic_points.{i}.")
        for i, pm in enumerate(t.mechanisms):
            evidenced(where, pm, f"mechanisms.{i}.")
            need("mechanism", pm.mechanism, where, f"mechanisms.{i}.mechanism")
    return problems


def read_and_check(seeds_dir: Path) -> SeedSet:
    seeds = read_seed_set(seeds_dir)
    problems = check_links(seeds)
    if problems:
        raise SeedError(problems)
    return seeds


__all__ = ["KINDS", "SeedError", "SeedReport", "load", "read_and_check", "species_slug"]
