"""What several test modules share: the problem check, list helpers, API keys, request
bodies, and builders that make rows through the ORM in the test's rolled-back session.

The builders take keyword-only arguments with defaults, so a test names only what it
is about. Rows they depend on (a material, a reference, a reagent, a matrix) are found
by their identifier or made when missing, so that two builders can share them; the
``make_*`` builders themselves always insert. ``make_network`` makes a whole small
transformation network for the list, path, figure and bibliography tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from api.web.auth import hash_key, new_key
from models import (
    AbsorptionPeak,
    ApiKey,
    Change,
    Citation,
    ConditionStep,
    Experiment,
    IsosbesticPoint,
    Kinetics,
    MaldiMatrix,
    MaldiMeasurement,
    MaldiMeasurementMatrix,
    MaldiPeak,
    Material,
    Observation,
    Reagent,
    Reference,
    ReferenceAuthor,
    ReferenceFieldSource,
    Role,
    Species,
    StepComponent,
    Synthesis,
    Transformation,
)
from models.enums import (
    ComponentRole,
    EntryType,
    EvidenceStatus,
    SpeciesKind,
    StepAction,
    Trend,
    Trigger,
)

# --- responses -------------------------------------------------------------------------------


def is_problem(response: object, status: int) -> dict[str, object]:
    """Assert ``response`` is an application/problem+json of ``status``; its body."""
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith(  # type: ignore[attr-defined]
        "application/problem+json"
    )
    body: dict[str, object] = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status
    assert {"type", "title", "status", "detail"} <= set(body)
    return body


def listing(api: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """The ``data`` of one page of up to 500 items of a list endpoint (asserted 200)."""
    response = api.get(path, params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    data: list[dict[str, Any]] = response.json()["data"]
    return data


def slugs(api: TestClient, **params: Any) -> list[str]:
    """Slugs of the species ``GET /api/v1/species`` answers with ``params``, in order."""
    return [s["slug"] for s in listing(api, "/api/v1/species", **params)]


def etag_of(api: TestClient, url: str) -> str:
    """The ETag of a detail endpoint (asserted 200), for If-Match."""
    response = api.get(url)
    assert response.status_code == 200, response.text
    tag: str = response.headers["ETag"]
    return tag


def changes(session: Session) -> int:
    """How many rows the audit trail holds."""
    return session.scalar(select(func.count()).select_from(Change)) or 0


# --- API keys ---------------------------------------------------------------------------------


def add_key(session: Session, *, name: str, role: Role) -> str:
    """A new API key of ``role``, stored hashed; the key itself for the X-API-Key header."""
    key = new_key()
    session.add(ApiKey(name=name, role=role, key_hash=hash_key(key)))
    session.flush()
    return key


@dataclass(frozen=True)
class Keys:
    """Headers carrying a curator's and an admin's API key."""

    curator: dict[str, str]
    admin: dict[str, str]


def make_keys(session: Session) -> Keys:
    """A curator's key ("curie") and an admin's key ("admin") in ``session``."""
    return Keys(
        curator={"X-API-Key": add_key(session, name="curie", role=Role.CURATOR)},
        admin={"X-API-Key": add_key(session, name="admin", role=Role.ADMIN)},
    )


# --- request bodies ---------------------------------------------------------------------------

EVIDENCE: dict[str, Any] = {"ref": "he_transformations", "locator": "Note S1", "status": "reported"}
"""Evidence for write bodies: he_transformations is in the curated seeds, and a test on
its own rows makes it (``make_reference(session, key="he_transformations")``)."""

NEW_SPECIES: dict[str, Any] = {
    "slug": "cds-msc-350",
    "material": "CdS",
    "kind": "msc",
    "label": "MSC-350",
    "absorption_peaks": [{"nm": {"value": 350}, "evidence": EVIDENCE}],
    "evidence": EVIDENCE,
}
"""A species neither the curated seeds nor the builders' defaults hold, as POST
/api/v1/species takes it."""


# --- builders ---------------------------------------------------------------------------------

Mass = float | tuple[float, float]
"""One value, or a (low, high) range."""


def slug_of(*parts: str) -> str:
    """Lowercased, other characters as ``-``: how the project spells slugs."""
    return re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")


def make_material(session: Session, *, formula: str = "CdS", name: str | None = None) -> Material:
    material = Material(formula=formula, name=name)
    session.add(material)
    session.flush()
    return material


def make_reference(
    session: Session,
    *,
    key: str = "zhu2017two",
    entry_type: EntryType = EntryType.ARTICLE,
    year: int | None = 2017,
    title: str | None = None,
    journal: str | None = None,
    volume: str | None = None,
    issue: str | None = None,
    pages: str | None = None,
    doi: str | None = None,
    publisher: str | None = None,
    address: str | None = None,
    edition: str | None = None,
    authors: Sequence[tuple[str, str | None]] = (),
    cited_at: Sequence[str] = (),
    checked_fields: Sequence[str] = (),
) -> Reference:
    """A reference; ``authors`` are (family, given) in print order, ``cited_at`` the
    locators citing it, ``checked_fields`` the fields completed from doi.org."""
    reference = Reference(
        key=key,
        entry_type=entry_type,
        year=year,
        title=title,
        journal=journal,
        volume=volume,
        issue=issue,
        pages=pages,
        doi=doi,
        publisher=publisher,
        address=address,
        edition=edition,
        authors=[
            ReferenceAuthor(position=n, family=family, given=given)
            for n, (family, given) in enumerate(authors, start=1)
        ],
        citations=[Citation(locator=locator) for locator in cited_at],
        field_sources=[
            ReferenceFieldSource(field=name, checked_at="https://doi.org/")
            for name in checked_fields
        ],
    )
    session.add(reference)
    session.flush()
    return reference


def material_of(session: Session, material: str | Material) -> Material:
    """The material with this formula, made when missing."""
    if isinstance(material, Material):
        return material
    found = session.scalar(select(Material).where(Material.formula == material))
    return found or make_material(session, formula=material)


def reference_of(session: Session, reference: str | Reference) -> Reference:
    """The reference with this citation key, made when missing."""
    if isinstance(reference, Reference):
        return reference
    found = session.scalar(select(Reference).where(Reference.key == reference))
    return found or make_reference(session, key=reference)


def evidence(
    session: Session,
    *,
    reference: str | Reference = "zhu2017two",
    locator: str = "Table S4, row 2",
    status: EvidenceStatus = EvidenceStatus.REPORTED,
) -> dict[str, Any]:
    """The evidence columns, for a row built directly: ``Model(..., **evidence(session))``."""
    return {"reference": reference_of(session, reference), "locator": locator, "status": status}


def make_reagent(
    session: Session,
    *,
    name: str = "toluene",
    abbreviation: str | None = None,
    full_name: str | None = None,
) -> Reagent:
    reagent = Reagent(slug=slug_of(name), name=name, abbreviation=abbreviation, full_name=full_name)
    session.add(reagent)
    session.flush()
    return reagent


def reagent_of(session: Session, reagent: str | Reagent) -> Reagent:
    """The reagent with this name, made when missing."""
    if isinstance(reagent, Reagent):
        return reagent
    found = session.scalar(select(Reagent).where(Reagent.name == reagent))
    return found or make_reagent(session, name=reagent)


def make_species(
    session: Session,
    *,
    material: str | Material = "CdS",
    kind: SpeciesKind = SpeciesKind.MSC,
    label: str = "MSC-311",
    slug: str | None = None,
    peaks: Sequence[Mass] = (),
    reference: str | Reference = "zhu2017two",
    locator: str = "Table S4, row 2",
    status: EvidenceStatus = EvidenceStatus.REPORTED,
) -> Species:
    """A species; ``slug`` defaults to material and label as the project spells it, and
    each of ``peaks`` (nm) becomes an absorption peak on the same evidence."""
    material = material_of(session, material)
    reference = reference_of(session, reference)
    evidence: dict[str, Any] = {"reference": reference, "locator": locator, "status": status}
    species = Species(
        slug=slug or slug_of(material.formula, label),
        material=material,
        kind=kind,
        label=label,
        absorption_peaks=[
            AbsorptionPeak(peak_low_nm=p[0], peak_high_nm=p[1], **evidence)
            if isinstance(p, tuple)
            else AbsorptionPeak(peak_nm=p, **evidence)
            for p in peaks
        ],
        **evidence,
    )
    session.add(species)
    session.flush()
    return species


def make_matrix(
    session: Session,
    *,
    acronym: str = "DCTB",
    full_name: str | None = None,
    reference: str | Reference = "zhu2017two",
    locator: str = "Table S4",
) -> MaldiMatrix:
    matrix = MaldiMatrix(
        acronym=acronym,
        full_name=full_name,
        reference=reference_of(session, reference),
        locator=locator,
        status=EvidenceStatus.REPORTED,
    )
    session.add(matrix)
    session.flush()
    return matrix


def step(
    session: Session,
    *,
    action: StepAction = StepAction.REACT,
    temperature_c: float | None = None,
    start_s: float | None = None,
    duration_s: float | None = None,
    components: Sequence[tuple[ComponentRole, str, float | None]] = (),
) -> ConditionStep:
    """A condition step for ``make_synthesis`` or ``make_experiment`` (which number
    them); ``components`` are (role, reagent name, volume in mL), reagents found or made."""
    return ConditionStep(
        position=0,
        action=action,
        temperature_c=temperature_c,
        start_s=start_s,
        duration_s=duration_s,
        components=[
            StepComponent(position=n, role=role, reagent=reagent_of(session, name), volume_ml=ml)
            for n, (role, name, ml) in enumerate(components, start=1)
        ],
    )


def _numbered(steps: Sequence[ConditionStep]) -> list[ConditionStep]:
    for n, condition in enumerate(steps, start=1):
        condition.position = n
    return list(steps)


def make_synthesis(
    session: Session,
    *,
    slug: str = "cds-180c-20min",
    material: str | Material = "CdS",
    title: str = "CdS MSCs at 180 °C",
    preparation_text: str | None = "180 °C/20 min in toluene",
    steps: Sequence[ConditionStep] = (),
    reference: str | Reference = "zhu2017two",
    locator: str = "Table S4, row 2",
) -> Synthesis:
    synthesis = Synthesis(
        slug=slug,
        title=title,
        material=material_of(session, material),
        preparation_text=preparation_text,
        steps=_numbered(steps),
        reference=reference_of(session, reference),
        locator=locator,
        status=EvidenceStatus.REPORTED,
    )
    session.add(synthesis)
    session.flush()
    return synthesis


def make_experiment(
    session: Session,
    *,
    slug: str = "cdte-ota-run",
    material: str | Material | None = "CdTe",
    title: str = "CdTe MSCs with OTA",
    steps: Sequence[ConditionStep] = (),
    observed: Sequence[Species] = (),
    trend: Trend = Trend.PRESENT,
    reference: str | Reference = "zhu2017two",
    locator: str = "Note S4",
) -> Experiment:
    """An experiment; each species of ``observed`` gets an observation with ``trend``."""
    evidence: dict[str, Any] = {
        "reference": reference_of(session, reference),
        "locator": locator,
        "status": EvidenceStatus.REPORTED,
    }
    experiment = Experiment(
        slug=slug,
        title=title,
        material=None if material is None else material_of(session, material),
        steps=_numbered(steps),
        observations=[
            Observation(position=n, species=species, trend=trend, **evidence)
            for n, species in enumerate(observed, start=1)
        ],
        **evidence,
    )
    session.add(experiment)
    session.flush()
    return experiment


def maldi_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(MaldiMeasurement)) or 0


def make_maldi(
    session: Session,
    *,
    species: Species,
    slug: str | None = None,
    masses: Sequence[Mass] = (5166.7,),
    matrices: Sequence[str] = (),
    matrix_alternatives: bool = False,
    synthesis: Synthesis | None = None,
    reference: str | Reference | None = None,
    locator: str = "Table S4, row 2",
    approximate: bool = False,
    note: str | None = None,
) -> MaldiMeasurement:
    """A MALDI measurement of ``species`` (on its reference unless given); each matrix
    acronym is found or made, each mass is a value or a (low, high) range."""
    known = {
        m.acronym: m
        for m in session.scalars(select(MaldiMatrix).where(MaldiMatrix.acronym.in_(matrices)))
    }
    measurement = MaldiMeasurement(
        slug=slug or f"{species.slug}-maldi-{maldi_count(session) + 1}",
        species=species,
        synthesis=synthesis,
        matrix_alternatives=matrix_alternatives,
        note=note,
        reference=reference_of(session, reference)
        if reference is not None
        else session.get_one(Reference, species.reference_id),
        locator=locator,
        status=EvidenceStatus.REPORTED,
        approximate=approximate,
        matrices=[
            MaldiMeasurementMatrix(
                position=n, matrix=known.get(a) or make_matrix(session, acronym=a)
            )
            for n, a in enumerate(matrices, start=1)
        ],
        peaks=[
            MaldiPeak(position=n, mass_low_da=m[0], mass_high_da=m[1])
            if isinstance(m, tuple)
            else MaldiPeak(position=n, mass_da=m)
            for n, m in enumerate(masses, start=1)
        ],
    )
    session.add(measurement)
    session.flush()
    return measurement


def make_transformation(
    session: Session,
    *,
    source: Species,
    product: Species,
    trigger: Trigger = Trigger.THERMAL,
    slug: str | None = None,
    reversible: bool | None = None,
    temperature_c: float | None = None,
    solvent: str | Reagent | None = None,
    additive: str | Reagent | None = None,
    additive_volume_ml: float | None = None,
    window_start_s: float | None = None,
    window_end_s: float | None = None,
    kinetics_solvents: Sequence[str | Reagent] = (),
    isosbestic_at_c: Sequence[float] = (),
    reference: str | Reference = "zhu2017two",
    locator: str = "Note S1",
    status: EvidenceStatus = EvidenceStatus.REPORTED,
) -> Transformation:
    """``source`` turning into ``product``; ``slug`` defaults to the project's
    ``<source>-to-<product>-<trigger>``. ``kinetics_solvents`` makes a kinetics row per
    solvent and ``isosbestic_at_c`` an isosbestic point (350 nm) per temperature."""
    reference = reference_of(session, reference)
    evidence: dict[str, Any] = {"reference": reference, "locator": locator, "status": status}
    transformation = Transformation(
        slug=slug or f"{source.slug}-to-{product.slug}-{trigger}",
        source=source,
        product=product,
        trigger=trigger,
        reversible=reversible,
        temperature_c=temperature_c,
        solvent=None if solvent is None else reagent_of(session, solvent),
        additive=None if additive is None else reagent_of(session, additive),
        additive_volume_ml=additive_volume_ml,
        window_start_s=window_start_s,
        window_end_s=window_end_s,
        kinetics=[Kinetics(solvent=reagent_of(session, s), **evidence) for s in kinetics_solvents],
        isosbestic_points=[
            IsosbesticPoint(wavelength_nm=350.0, temperature_c=t, **evidence)
            for t in isosbestic_at_c
        ],
        **evidence,
    )
    session.add(transformation)
    session.flush()
    return transformation


# --- a whole network ---------------------------------------------------------------------------

CDTE = {
    ("cdte-smsc-371", "cdte-smsc-417", 0.40),
    ("cdte-smsc-371", "cdte-smsc-417", 0.30),
    ("cdte-smsc-417", "cdte-smsc-448", 0.40),
    ("cdte-smsc-417", "cdte-smsc-448", 0.30),
    ("cdte-smsc-371", "cdte-smsc-448", 0.075),
    ("cdte-smsc-417", "cdte-smsc-448", 0.075),
    ("cdte-smsc-448", "cdte-dmsc-371", 0.075),
}
"""The CdTe arcs of ``make_network``: source, product, volume of OTA (mL)."""

THERMAL = "cds-msc-311-to-cds-msc-322-thermal"


def make_network(session: Session) -> None:
    """Two materials' transformations, for the list, path and network tests.

    CdTe: the arcs of ``CDTE``, all chemical with OTA, on one reference; two with an
    observation window. CdS: MSC-311 to MSC-322 reversibly by heat (kinetics in
    toluene and cyclohexane, isosbestic points at 15 and 46 °C) and by dilution,
    MSC-322 back to MSC-311 chemically (not reversible), and the PC to MSC-311 as
    a proposal.
    """
    cdte = {
        label: make_species(session, material="CdTe", label=label, peaks=[peak])
        for label, peak in [
            ("sMSC-371", 371),
            ("sMSC-417", 417),
            ("sMSC-448", 448),
            ("dMSC-371", 371),
        ]
    }
    windows = {
        ("cdte-smsc-371", "cdte-smsc-417", 0.40): (0.0, 1800.0),
        ("cdte-smsc-417", "cdte-smsc-448", 0.40): (4800.0, 28800.0),
    }
    by_slug = {s.slug: s for s in cdte.values()}
    for source, product, volume in sorted(CDTE):
        start, end = windows.get((source, product, volume), (None, None))
        make_transformation(
            session,
            source=by_slug[source],
            product=by_slug[product],
            trigger=Trigger.CHEMICAL,
            slug=f"{source}-to-{product}-ota-{volume}",
            additive="OTA",
            additive_volume_ml=volume,
            window_start_s=start,
            window_end_s=end,
            reference="ota2020",
        )
    pc = make_species(session, kind=SpeciesKind.PC, label="PC-311")
    msc_311 = make_species(session, label="MSC-311", peaks=[311])
    msc_322 = make_species(session, label="MSC-322", peaks=[322])
    make_reagent(session, name="toluene", abbreviation="Tol")
    make_transformation(
        session,
        source=msc_311,
        product=msc_322,
        trigger=Trigger.THERMAL,
        reversible=True,
        kinetics_solvents=["toluene", "cyclohexane"],
        isosbestic_at_c=[15, 46],
        reference="zhang2018thermally",
    )
    make_transformation(
        session, source=msc_311, product=msc_322, trigger=Trigger.DILUTION, reversible=True
    )
    make_transformation(
        session,
        source=msc_322,
        product=msc_311,
        trigger=Trigger.CHEMICAL,
        reversible=False,
        reference="williamson2019chemically",
    )
    make_transformation(
        session,
        source=pc,
        product=msc_311,
        trigger=Trigger.UNKNOWN,
        slug="cds-pc-311-to-cds-msc-311",
        status=EvidenceStatus.PROPOSED,
    )
