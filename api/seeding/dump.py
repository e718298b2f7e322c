"""``msckb dump-seeds``: the database written back as seed files.

The seed files stay the source of truth: edits made through the API are dumped,
reviewed in a diff and committed, and loading the dump changes nothing. Each
entry is rebuilt from its row, validated by the same schema the loader reads it
with, and written without the fields that hold their default.
"""

from collections import defaultdict
from pathlib import Path
from typing import Any, get_args

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

import models as m
from api.outputs.bibtex import bibtex_entry, write_bibtex
from api.seeding import schemas as s
from api.seeding.files import BIB_FILE
from api.seeding.loader import KINDS, Kind, loader_options

Entry = dict[str, Any]


class Names:
    """Row id -> stable identifier, read once per table."""

    COLUMNS: dict[type[m.Base], str] = {
        m.Material: "formula",
        m.Reference: "key",
        m.Reagent: "slug",
        m.Species: "slug",
        m.Synthesis: "slug",
        m.Experiment: "slug",
        m.Mechanism: "slug",
        m.MaldiMatrix: "acronym",
    }

    def __init__(self, session: Session) -> None:
        self.session = session
        self._maps: dict[type[m.Base], dict[int, str]] = {}

    def __call__(self, model_: type[m.Base], ident: int | None) -> str | None:
        if ident is None:
            return None
        if model_ not in self._maps:
            column = getattr(model_, self.COLUMNS[model_])
            rows = self.session.execute(select(model_.id, column))  # type: ignore[attr-defined]
            self._maps[model_] = {i: str(v) for i, v in rows}
        return self._maps[model_][ident]


def _evidence(row: Any, names: Names) -> Entry:
    return {
        "ref": names(m.Reference, row.reference_id),
        "locator": row.locator,
        "status": row.status.value,
        "approximate": row.approximate,
    }


def _range(row: Any, column: str) -> Entry:
    stem, unit = column.rsplit("_", 1)
    value = getattr(row, column)
    if value is not None:
        return {"value": value}
    return {"low": getattr(row, f"{stem}_low_{unit}"), "high": getattr(row, f"{stem}_high_{unit}")}


def _steps(steps: list[m.ConditionStep], names: Names) -> list[Entry]:
    return [
        {
            "action": step.action.value,
            "label": step.label,
            "temperature_c": step.temperature_c,
            "temperature_end_c": step.temperature_end_c,
            "start_s": step.start_s,
            "end_s": step.end_s,
            "duration_s": step.duration_s,
            "note": step.note,
            "components": [
                {
                    "reagent": names(m.Reagent, c.reagent_id),
                    "role": c.role.value,
                    "volume_ml": c.volume_ml,
                    "note": c.note,
                }
                for c in step.components
            ],
        }
        for step in steps
    ]


def _plain(row: Any, names: Names) -> Entry:
    skip = {"id", "reference_id", "locator", "status", "approximate"}
    columns = {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in skip}
    return {**columns, "evidence": _evidence(row, names)}


def observation_entry(o: m.Observation, names: Names) -> Entry:
    return {
        "species": names(m.Species, o.species_id),
        "subject": o.subject,
        "trend": o.trend.value,
        "window_start_s": o.window_start_s,
        "window_end_s": o.window_end_s,
        "temperature_c": o.temperature_c,
        "label": o.label,
        "note": o.note,
        "evidence": _evidence(o, names),
    }


def entry_of(kind: Kind, row: Any, names: Names) -> Entry:
    """The seed entry that loads as ``row``."""
    ev = _evidence(row, names) if hasattr(row, "locator") else None
    match row:
        case m.Material():
            return {"formula": row.formula, "name": row.name}
        case m.Reagent():
            return {
                "slug": row.slug,
                "name": row.name,
                "abbreviation": row.abbreviation,
                "full_name": row.full_name,
            }
        case m.Reference():
            return {
                "key": row.key,
                "entry_type": row.entry_type.value,
                "authors": [{"family": a.family, "given": a.given} for a in row.authors],
                **{
                    c: getattr(row, c)
                    for c in (
                        "title",
                        "journal",
                        "year",
                        "volume",
                        "issue",
                        "pages",
                        "doi",
                        "publisher",
                        "address",
                        "edition",
                    )
                },
                "cited_at": sorted(c.locator for c in row.citations),
                "checked": [
                    {"field": f.field, "checked_at": f.checked_at} for f in row.field_sources
                ],
            }
        case m.GlossaryTerm() | m.PhysicalConstant() | m.MonomerFormula():
            return _plain(row, names)
        case m.Species():
            return {
                "slug": row.slug,
                "material": names(m.Material, row.material_id),
                "kind": row.kind.value,
                "label": row.label,
                "aliases": [a.alias for a in row.aliases],
                "description": row.description,
                "absorption_peaks": [
                    {
                        "nm": _range(p, "peak_nm"),
                        "temperature_c": p.temperature_c,
                        "evidence": _evidence(p, names),
                    }
                    for p in row.absorption_peaks
                ],
                "compositions": [
                    {
                        "formula": c.formula,
                        "structure": c.structure,
                        "evidence": _evidence(c, names),
                    }
                    for c in row.compositions
                ],
                "sizes": [
                    {
                        "method": z.method,
                        "quantity": z.quantity,
                        "nm": _range(z, "size_nm"),
                        "evidence": _evidence(z, names),
                    }
                    for z in row.sizes
                ],
                "evidence": ev,
            }
        case m.KeyAdvance():
            return {
                "ref_number": row.ref_number,
                "approach": row.approach.value,
                "material": names(m.Material, row.material_id),
                "summary": row.summary,
                "peaks_nm": [_range(p, "peak_nm") for p in row.peaks],
                "evidence": ev,
            }
        case m.Counterpart():
            return {
                "pc": names(m.Species, row.pc_id),
                "msc": names(m.Species, row.msc_id),
                "evidence": ev,
            }
        case m.IsomerPair():
            pair = [names(m.Species, row.first_id), names(m.Species, row.second_id)]
            return {"species": pair, "evidence": ev}
        case m.QuasiIsomerGroup():
            return {
                "slug": row.slug,
                "name": row.name,
                "description": row.description,
                "members": [names(m.Species, x.species_id) for x in row.members],
                "evidence": ev,
            }
        case m.Comparison():
            return {
                "species": [names(m.Species, row.first_id), names(m.Species, row.second_id)],
                "aspect": row.aspect,
                "finding": row.finding.value,
                "methods": row.methods,
                "note": row.note,
                "evidence": ev,
            }
        case m.Mechanism():
            return {
                "slug": row.slug,
                "name": row.name,
                "applies_when": row.applies_when,
                "organic_analogue": row.organic_analogue,
                "description": row.description,
                "steps": [
                    {
                        "equation": st.equation,
                        "description": st.description,
                        "rate_determining": st.rate_determining,
                    }
                    for st in row.steps
                ],
                "evidence": ev,
            }
        case m.MaldiMatrix():
            return {"acronym": row.acronym, "full_name": row.full_name, "evidence": ev}
        case m.Synthesis():
            return {
                "slug": row.slug,
                "title": row.title,
                "material": names(m.Material, row.material_id),
                "preparation_text": row.preparation_text,
                "description": row.description,
                "steps": _steps(row.steps, names),
                "evidence": ev,
            }
        case m.Experiment():
            return {
                "slug": row.slug,
                "title": row.title,
                "material": names(m.Material, row.material_id),
                "description": row.description,
                "steps": _steps(row.steps, names),
                "observations": [observation_entry(o, names) for o in row.observations],
                "evidence": ev,
            }
        case m.MaldiMeasurement():
            return {
                "slug": row.slug,
                "species": names(m.Species, row.species_id),
                "synthesis": names(m.Synthesis, row.synthesis_id),
                "matrices": [names(m.MaldiMatrix, x.matrix_id) for x in row.matrices],
                "matrix_alternatives": row.matrix_alternatives,
                "masses": [
                    {"mass_da": _range(p, "mass_da"), "charge": p.charge} for p in row.peaks
                ],
                "note": row.note,
                "evidence": ev,
            }
        case m.Transformation():
            return {
                "slug": row.slug,
                "source": names(m.Species, row.source_id),
                "product": names(m.Species, row.product_id),
                "reversible": row.reversible,
                "trigger": row.trigger.value,
                "experiment": names(m.Experiment, row.experiment_id),
                "temperature_c": row.temperature_c,
                "solvent": names(m.Reagent, row.solvent_id),
                "additive": names(m.Reagent, row.additive_id),
                "additive_volume_ml": row.additive_volume_ml,
                "window_start_s": row.window_start_s,
                "window_end_s": row.window_end_s,
                "description": row.description,
                "kinetics": [
                    {
                        "solvent": names(m.Reagent, k.solvent_id),
                        "reaction_order": k.reaction_order,
                        "barrier_kj_mol": k.barrier_kj_mol,
                        "barrier_uncertainty_kj_mol": k.barrier_uncertainty_kj_mol,
                        "relative_rate": k.relative_rate,
                        "evidence": _evidence(k, names),
                    }
                    for k in row.kinetics
                ],
                "isosbestic_points": [
                    {
                        "wavelength_nm": p.wavelength_nm,
                        "temperature_c": p.temperature_c,
                        "evidence": _evidence(p, names),
                    }
                    for p in row.isosbestic_points
                ],
                "mechanisms": [
                    {
                        "mechanism": names(m.Mechanism, x.mechanism_id),
                        "evidence": _evidence(x, names),
                    }
                    for x in row.mechanisms
                ],
                "evidence": ev,
            }
        case m.Characterization():
            return {
                "slug": row.slug,
                "method": row.method,
                "material": names(m.Material, row.material_id),
                "experiment": names(m.Experiment, row.experiment_id),
                "description": row.description,
                "evidence": ev,
            }
    raise TypeError(f"no seed entry for {type(row).__name__} ({kind.name})")


def entry_schema(kind: Kind) -> type[s.Entry]:
    """The schema an entry of ``kind`` is validated with, in the files and in the API."""
    if kind.file == BIB_FILE:
        return s.ReferenceSeed
    annotation = s.SEED_FILES[kind.file].model_fields[kind.section].annotation
    (item,) = get_args(annotation)
    schema: type[s.Entry] = item
    return schema


def tidy(kind: Kind, entry: Entry) -> Entry:
    return tidy_with(entry_schema(kind), entry)


def tidy_with(schema: type[s.Entry], entry: Entry) -> Entry:
    """Validate ``entry`` and drop the fields that hold their default."""
    validated = schema.model_validate(entry)
    tidied: Entry = _evidence_last(validated.model_dump(mode="json", exclude_defaults=True))
    return tidied


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


def dump(session: Session) -> dict[str, dict[str, list[Entry]]]:
    """Every kind's entries, by seed file and section, in stored order."""
    names = Names(session)
    files: dict[str, dict[str, list[Entry]]] = defaultdict(dict)
    for kind in KINDS:
        rows = session.scalars(
            select(kind.model)
            .order_by(kind.model.id)  # type: ignore[attr-defined]
            .options(*loader_options(kind.model, kind.children))
        ).all()
        files[kind.file][kind.section] = [tidy(kind, entry_of(kind, r, names)) for r in rows]
    return files


HEADER = (
    "# Written by `msckb dump-seeds` from the database; review the diff against the\n"
    "# curated files before committing. Schema: api/seeding/schemas.py.\n"
)


def _bib(references: list[Entry]) -> str:
    entries = (
        bibtex_entry(
            key=ref["key"],
            entry_type=ref["entry_type"],
            authors=[(a["family"], a.get("given")) for a in ref.get("authors", [])],
            values=ref,
        )
        for ref in references
    )
    return HEADER.replace("# ", "% ") + "\n" + write_bibtex(entries)


def write_seed_files(session: Session, directory: Path) -> list[Path]:
    """Write every seed file into ``directory``; return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, sections in dump(session).items():
        if file_name == BIB_FILE:
            references = sections["references"]
            (directory / BIB_FILE).write_text(_bib(references), encoding="utf-8")
            notes = [
                {
                    "key": r["key"],
                    "cited_at": r.get("cited_at", []),
                    **({"checked": r["checked"]} if r.get("checked") else {}),
                }
                for r in references
            ]
            (directory / "references.yaml").write_text(
                HEADER + yaml.safe_dump({"references": notes}, allow_unicode=True, sort_keys=False),
                encoding="utf-8",
            )
            written += [directory / BIB_FILE, directory / "references.yaml"]
            continue
        text = yaml.safe_dump(sections, allow_unicode=True, sort_keys=False, width=100)
        (directory / file_name).write_text(HEADER + text, encoding="utf-8")
        written.append(directory / file_name)
    return written
