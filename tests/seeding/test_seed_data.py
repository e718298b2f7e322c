"""The curated seeds hold the source, part by part, with its exact values.

Expected values are read from the source document, not from the seed files.
"""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from api.seeding.coverage import PARTS, coverage, curated_from
from models import (
    AbsorptionPeak,
    Characterization,
    Citation,
    Comparison,
    Composition,
    ConditionStep,
    Counterpart,
    Experiment,
    GlossaryTerm,
    IsomerPair,
    KeyAdvance,
    Kinetics,
    MaldiMatrix,
    MaldiMeasurement,
    MaldiMeasurementMatrix,
    Material,
    Mechanism,
    MonomerFormula,
    Observation,
    PhysicalConstant,
    QuasiIsomerGroup,
    Reagent,
    Reference,
    SizeMeasurement,
    Species,
    StepComponent,
    Transformation,
)
from models.enums import EvidenceStatus, SpeciesKind, StepAction, Trend, Trigger


def species_id(db: Session, slug: str) -> int:
    return db.scalars(select(Species.id).where(Species.slug == slug)).one()


def reference(db: Session, key: str) -> Reference:
    return db.scalars(
        select(Reference)
        .where(Reference.key == key)
        .options(
            selectinload(Reference.authors),
            selectinload(Reference.citations),
            selectinload(Reference.field_sources),
        )
    ).one()


def transformations(db: Session, source: str, product: str) -> list[Transformation]:
    return list(
        db.scalars(
            select(Transformation)
            .where(
                Transformation.source_id == species_id(db, source),
                Transformation.product_id == species_id(db, product),
            )
            .options(
                selectinload(Transformation.kinetics).selectinload(Kinetics.solvent),
                selectinload(Transformation.isosbestic_points),
                selectinload(Transformation.mechanisms),
                selectinload(Transformation.additive),
            )
        )
    )


def test_every_part_of_the_source_has_facts(seeded: Session) -> None:
    counts = coverage(seeded)
    assert list(counts) == list(PARTS)
    assert all(n > 0 for n in counts.values()), counts


# --- Table S1 ------------------------------------------------------------------------


def test_table_s1_glossary(seeded: Session) -> None:
    terms = {t.full_name: t for t in seeded.scalars(select(GlossaryTerm))}
    assert len(terms) == 8
    assert terms["magic-size cluster"].acronym == "MSC"
    assert terms["precursor compound"].acronym == "PC"
    assert terms["precursor compound"].status == EvidenceStatus.PROPOSED
    assert terms["monomer/fragment"].acronym == "Mo/Fr"
    assert terms["quasi isomer"].acronym is None
    assert terms["counterpart"].acronym is None
    assert {t.locator for t in terms.values()} == {"Table S1"}


def test_table_s1_monomer_formulas(seeded: Session) -> None:
    formulas = {m.element: m for m in seeded.scalars(select(MonomerFormula))}
    assert {e: m.chalcogen_count for e, m in formulas.items()} == {
        "Cu": 1,
        "Cd": 2,
        "Zn": 2,
        "Pb": 2,
        "Ge": 2,
        "In": 3,
    }
    assert {m.status for m in formulas.values()} == {EvidenceStatus.PROPOSED}


# --- Table S2 ------------------------------------------------------------------------


def test_table_s2_key_advances(seeded: Session) -> None:
    advances = {
        a.ref_number: a
        for a in seeded.scalars(
            select(KeyAdvance).options(
                selectinload(KeyAdvance.peaks), selectinload(KeyAdvance.reference)
            )
        )
    }
    assert sorted(advances) == list(range(1, 12))
    assert [a.approach.value for _, a in sorted(advances.items())] == ["one-step"] * 8 + [
        "two-step"
    ] * 3
    peaks_4 = [(p.peak_nm, p.peak_low_nm, p.peak_high_nm) for p in advances[4].peaks]
    assert peaks_4 == [
        (330.0, None, None),
        (None, 350.0, 360.0),
        (384.0, None, None),
        (406.0, None, None),
        (431.0, None, None),
    ]
    assert [p.peak_nm for p in advances[8].peaks] == [386.0, 397.0]
    assert [p.peak_nm for p in advances[9].peaks] == [371.0, 417.0, 448.0]
    assert advances[3].reference.key == "kasuya2004ultra"
    assert advances[4].reference.key == "kudera2007sequential"
    assert advances[10].reference.key == "zhu2017two"
    assert advances[2].status == EvidenceStatus.CLAIMED
    first = advances[1].reference
    assert (first.year, first.volume, first.pages, first.journal) == (
        1984,
        "88",
        "969–977",
        "Ber. Bunsenges. Phys. Chem.",
    )


def test_table_s2_references_without_authors_stay_unknown(seeded: Session) -> None:
    for key, year, journal, volume, pages in [
        ("jacs2002", 2002, "J. Am. Chem. Soc.", "124", "3343–3353"),
        ("jphyschemc2008", 2008, "J. Phys. Chem. C", "112", "13805–13811"),
        ("small2011", 2011, "Small", "7", "2250–2262"),
        ("jacs2014", 2014, "J. Am. Chem. Soc.", "136", "10645–10653"),
        ("chemmater2015", 2015, "Chem. Mater.", "27", "1432–1441"),
        ("chemmater2018", 2018, "Chem. Mater.", "30", "1575–1584"),
    ]:
        ref = reference(seeded, key)
        assert (ref.year, ref.journal, ref.volume, ref.pages) == (year, journal, volume, pages)
        assert ref.authors == []
        assert ref.title is None
        assert ref.doi is None


# --- references: deduplication and records --------------------------------------------


def test_references_are_deduplicated(seeded: Session) -> None:
    keys = set(seeded.scalars(select(Reference.key)))
    assert len(keys) == 20
    kasuya = reference(seeded, "kasuya2004ultra")
    assert {c.locator.split(" [")[0].split(",")[0] for c in kasuya.citations} >= {
        "Table S2",
        "Note S2",
    }
    zhu = reference(seeded, "zhu2017two")
    parts = {c.locator.split(" [")[0].split(",")[0] for c in zhu.citations}
    assert parts >= {"Table S2", "Table S4", "Note S2"}
    zhang = reference(seeded, "zhang2018thermally")
    parts = {c.locator.split(" [")[0].split(",")[0] for c in zhang.citations}
    assert parts >= {"Note S1", "Table S4", "Note S2", "Table S5"}
    assert seeded.scalars(select(Citation)).all()


def test_reference_records(seeded: Session) -> None:
    zhu = reference(seeded, "zhu2017two")
    assert zhu.title == "Two-Step Nucleation of CdS Magic-Size Nanocluster MSC-311"
    assert (zhu.journal, zhu.year, zhu.volume, zhu.issue, zhu.pages) == (
        "Chem. Mater.",
        2017,
        "29",
        "13",
        "5727–5735",
    )
    assert zhu.doi == "10.1021/acs.chemmater.7b02014"
    assert [(a.family, a.given) for a in zhu.authors][:2] == [("Zhu", "T."), ("Zhang", "B.")]
    assert (zhu.authors[-1].family, len(zhu.authors)) == ("Yu", 9)
    assert {f.field for f in zhu.field_sources} == {"doi", "issue"}

    angew = reference(seeded, "li2020fragmentation")
    assert (angew.journal, angew.year, angew.volume, angew.pages) == (
        "Angew. Chem. Int. Ed.",
        2020,
        "59",
        "12013–12021",
    )
    assert angew.doi is None
    assert len(angew.authors) == 11

    crc = reference(seeded, "haynes2017crc")
    assert (crc.entry_type.value, crc.year, crc.pages, crc.publisher, crc.address, crc.edition) == (
        "book",
        2017,
        "9-74",
        "CRC Press",
        "Boca Raton",
        "97",
    )
    clayden = reference(seeded, "clayden2001organic")
    assert (clayden.title, clayden.publisher, clayden.year) == (
        "Organic Chemistry",
        "Oxford University Press",
        2001,
    )
    assert len(clayden.authors) == 4

    xie = reference(seeded, "xie2016characterization")
    assert [a.given for a in xie.authors][:2] == ["Lisi", "Yi"]
    assert (xie.issue, xie.doi) == ("41", "10.1021/jacs.6b06468")

    liu = reference(seeded, "liu2017probing")
    assert liu.doi == "10.1038/ncomms15467"
    assert (liu.journal, liu.year, liu.volume, liu.pages) == ("Nat. Commun.", 2017, "8", "15467")
    assert len(liu.authors) == 11

    assert reference(seeded, "williamson2019chemically").doi == "10.1126/science.aau9464"
    assert reference(seeded, "kudera2007sequential").doi == "10.1002/adma.200601015"
    assert reference(seeded, "zhang2018thermally").doi == "10.1038/s41467-018-04842-0"
    assert reference(seeded, "sun2009phosphine").doi is None

    review = reference(seeded, "he_transformations")
    assert review.title == "Transformations Among Colloidal Semiconductor Magic-Size Clusters"
    assert [(a.family, a.given) for a in review.authors] == [
        ("He", "Li"),
        ("Luan", "Chaoran"),
        ("Rowell", "Nelson"),
        ("Zhang", "Meng"),
        ("Chen", "Xiaoqin"),
        ("Yu", "Kui"),
    ]
    assert (review.year, review.journal) == (None, None)


# --- species ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "kind", "label"),
    [
        ("cds-msc-311", SpeciesKind.MSC, "MSC-311"),
        ("cds-msc-322", SpeciesKind.MSC, "MSC-322"),
        ("cds-pc-311", SpeciesKind.PC, "PC-311"),
        ("cds-pcs", SpeciesKind.PC, "PCs"),
        ("cdse-msc-415", SpeciesKind.MSC, "MSC-415"),
        ("cdse-msc-361", SpeciesKind.MSC, "MSC-361"),
        ("cdse-msc-391", SpeciesKind.MSC, "MSC-391"),
        ("cdte-smsc-371", SpeciesKind.MSC, "sMSC-371"),
        ("cdte-smsc-417", SpeciesKind.MSC, "sMSC-417"),
        ("cdte-smsc-448", SpeciesKind.MSC, "sMSC-448"),
        ("cdte-dmsc-371", SpeciesKind.MSC, "dMSC-371"),
        ("cdse-cdse-13", SpeciesKind.CLUSTER, "(CdSe)13"),
        ("cdse-cdse-33", SpeciesKind.CLUSTER, "(CdSe)33"),
        ("cdse-cdse-34", SpeciesKind.CLUSTER, "(CdSe)34"),
        ("cdse-msc-330", SpeciesKind.MSC, "MSC-330"),
        ("cdse-msc-350-360", SpeciesKind.MSC, "MSC-350–360"),
        ("cdse-msc-384", SpeciesKind.MSC, "MSC-384"),
        ("cdse-msc-406", SpeciesKind.MSC, "MSC-406"),
        ("cdse-msc-431", SpeciesKind.MSC, "MSC-431"),
        ("cdse-msc-350", SpeciesKind.MSC, "MSC-350"),
        ("cdse-msc-380", SpeciesKind.MSC, "MSC-380"),
        ("cdse-msc-408", SpeciesKind.MSC, "MSC-408"),
        ("inp-msc-386", SpeciesKind.MSC, "MSC-386"),
        ("inp-msc-397", SpeciesKind.MSC, "MSC-397"),
        ("pbse-mscs-table-s2-6", SpeciesKind.MSC, "MSCs (Table S2 [6])"),
        ("cdse-mscs-table-s2-5", SpeciesKind.MSC, "MSCs (Table S2 [5])"),
        ("cdse-mscs-table-s2-11", SpeciesKind.MSC, "MSCs (Table S2 [11])"),
        ("cdse-mscs-figure-s1-b", SpeciesKind.MSC, "MSCs (Figure S1(B))"),
        ("cdse-mscs-figure-s1-c", SpeciesKind.MSC, "MSCs (Figure S1(C))"),
    ],
)
def test_species(seeded: Session, slug: str, kind: SpeciesKind, label: str) -> None:
    species = seeded.scalars(select(Species).where(Species.slug == slug)).one()
    assert (species.kind, species.label) == (kind, label)


def test_pcs_have_no_absorption_peak_and_msc_peaks_follow_their_names(seeded: Session) -> None:
    rows = seeded.scalars(select(Species).options(selectinload(Species.absorption_peaks))).all()
    for species in rows:
        if species.kind == SpeciesKind.PC:
            assert species.absorption_peaks == [], species.slug
    by_slug = {s.slug: s for s in rows}
    assert [p.peak_nm for p in by_slug["cds-msc-311"].absorption_peaks] == [311.0]
    assert [p.peak_nm for p in by_slug["cdte-smsc-448"].absorption_peaks] == [448.0]
    inp = by_slug["inp-intermediates"].absorption_peaks
    assert [(p.peak_nm, p.approximate) for p in inp] == [(350.0, True)]


def test_materials(seeded: Session) -> None:
    assert set(seeded.scalars(select(Material.formula))) == {"CdS", "CdSe", "CdTe", "InP", "PbSe"}


# --- Figure S1 -------------------------------------------------------------------------


def _experiment(db: Session, locator: str) -> Experiment:
    return db.scalars(
        select(Experiment)
        .where(Experiment.locator == locator)
        .options(
            selectinload(Experiment.steps)
            .selectinload(ConditionStep.components)
            .selectinload(StepComponent.reagent),
            selectinload(Experiment.observations).selectinload(Observation.species),
            selectinload(Experiment.reference),
        )
    ).one()


def test_figure_s1_growth_experiments(seeded: Session) -> None:
    a = _experiment(seeded, "Figure S1(A)")
    assert a.reference.key == "kudera2007sequential"
    assert {s.temperature_c for s in a.steps if s.temperature_c is not None} == {80.0}
    names = {c.reagent.name for s in a.steps for c in s.components}
    assert {"CdO", "dodecylamine", "nonanoic acid", "SeTOP"} <= names

    b = _experiment(seeded, "Figure S1(B)")
    assert b.reference.key == "sun2009phosphine"
    ramp = [s for s in b.steps if s.action == StepAction.RAMP]
    assert [(s.temperature_c, s.temperature_end_c, s.start_s, s.end_s) for s in ramp] == [
        (260.0, 320.0, 5.0, 1800.0)
    ]

    c = _experiment(seeded, "Figure S1(C)")
    assert c.reference.key == "li2019identifying"
    samples = [s for s in c.steps if s.action == StepAction.SAMPLE]
    minutes = [2, 4, 6, 8, 10, 15, 20, 30, 45, 60, 90, 120, 150]
    assert [s.start_s for s in samples] == [10.0] + [60.0 * m for m in minutes]
    assert [s.label for s in samples] == [f"({n})" for n in range(1, 15)]
    assert {s.temperature_c for s in c.steps if s.temperature_c is not None} == {195.0}
    for experiment in (a, b, c):
        assert any(
            o.trend == Trend.RED_SHIFTS and o.status == EvidenceStatus.ATTRIBUTED
            for o in experiment.observations
        )


# --- Table S3 --------------------------------------------------------------------------


def test_table_s3_pathways(seeded: Session) -> None:
    mechanisms = {
        m.slug: m for m in seeded.scalars(select(Mechanism).options(selectinload(Mechanism.steps)))
    }
    sn1, sn2 = mechanisms["sn1-like"], mechanisms["sn2-like"]
    assert [s.rate_determining for s in sn1.steps] == [True, False]
    assert sn2.steps[0].rate_determining
    assert "(Mo/Fr)-1" in (sn1.steps[0].equation or "")
    assert {sn1.status, sn2.status} == {EvidenceStatus.HYPOTHESISED}
    assert {sn1.locator, sn2.locator} == {"Table S3"}


# --- Figure S2, Note S1 ------------------------------------------------------------------


def test_cds_311_to_322_thermal_kinetics_and_isosbestic_points(seeded: Session) -> None:
    thermal = [
        t
        for t in transformations(seeded, "cds-msc-311", "cds-msc-322")
        if t.trigger == Trigger.THERMAL
    ]
    assert len(thermal) == 1
    t = thermal[0]
    assert t.reversible is True
    barriers = {k.solvent.name if k.solvent else None: k for k in t.kinetics}
    assert barriers["toluene"].barrier_kj_mol == 276.8
    assert barriers["cyclohexane"].barrier_kj_mol == 269.3
    assert barriers["toluene"].locator == "Note S1"
    points = [(p.wavelength_nm, p.temperature_c, p.approximate) for p in t.isosbestic_points]
    assert points == [(316.0, 15.0, True), (319.0, 46.0, True)]
    assert {p.locator for p in t.isosbestic_points} == {"Figure S2"}
    assert len(t.mechanisms) == 1
    assert t.mechanisms[0].status == EvidenceStatus.PROPOSED


def test_note_s1_bond_dissociation_energies(seeded: Session) -> None:
    constants = {c.subject: c for c in seeded.scalars(select(PhysicalConstant))}
    assert (constants["Cd–O"].value_kj_mol, constants["Cd–O"].uncertainty_kj_mol) == (236.0, 84.0)
    assert (constants["Cd–S"].value_kj_mol, constants["Cd–S"].uncertainty_kj_mol) == (208.5, 20.9)
    assert {c.locator for c in constants.values()} == {"Note S1"}


# --- Table S4, Note S2 --------------------------------------------------------------------


def _maldi(db: Session) -> list[MaldiMeasurement]:
    return list(
        db.scalars(
            select(MaldiMeasurement).options(
                selectinload(MaldiMeasurement.peaks),
                selectinload(MaldiMeasurement.matrices).selectinload(MaldiMeasurementMatrix.matrix),
                selectinload(MaldiMeasurement.species),
                selectinload(MaldiMeasurement.reference),
                selectinload(MaldiMeasurement.synthesis),
            )
        )
    )


def test_table_s4_maldi_rows(seeded: Session) -> None:
    rows = {m.locator: m for m in _maldi(seeded) if m.locator.startswith("Table S4")}
    assert sorted(rows) == [f"Table S4, row {n}" for n in range(1, 6)]

    def summary(m: MaldiMeasurement) -> tuple[object, ...]:
        return (
            m.species.slug,
            [x.matrix.acronym for x in m.matrices],
            m.matrix_alternatives,
            [(p.mass_da, p.charge) for p in m.peaks],
            m.reference.key,
            m.synthesis.preparation_text if m.synthesis else None,
        )

    assert summary(rows["Table S4, row 1"]) == (
        "cds-pc-311",
        ["DCTB"],
        False,
        [(5166.7, 1)],
        "zhu2017two",
        "180 °C/20 min in toluene",
    )
    assert summary(rows["Table S4, row 2"]) == (
        "cds-msc-311",
        ["DCTB"],
        False,
        [(5166.7, 1)],
        "zhu2017two",
        "180 °C/20 min 3-day storage then in toluene",
    )
    assert summary(rows["Table S4, row 3"]) == (
        "cds-msc-311",
        ["DCTB", "CHCA"],
        True,
        [(5160.0, 1)],
        "zhang2018thermally",
        "180 °C/20 min 4 °C stored 20 h then in toluene",
    )
    assert summary(rows["Table S4, row 4"]) == (
        "cds-msc-322",
        ["DCTB", "CHCA"],
        True,
        [(5160.0, 1)],
        "zhang2018thermally",
        "180 °C/20 min 60 °C stored 20 h then in toluene",
    )
    assert summary(rows["Table S4, row 5"]) == (
        "cds-pcs",
        ["DHAP"],
        False,
        [(4855.0, 1), (5008.0, 1)],
        "li2020fragmentation",
        "160 °C/30 min in toluene",
    )


def test_table_s4_preparations_are_structured(seeded: Session) -> None:
    rows = {m.locator: m for m in _maldi(seeded) if m.locator.startswith("Table S4")}
    synthesis_id = rows["Table S4, row 3"].synthesis_id
    steps = seeded.scalars(
        select(ConditionStep)
        .where(ConditionStep.synthesis_id == synthesis_id)
        .order_by(ConditionStep.position)
    ).all()
    assert [(s.action, s.temperature_c, s.duration_s) for s in steps[:2]] == [
        (StepAction.REACT, 180.0, 1200.0),
        (StepAction.STORE, 4.0, 72000.0),
    ]


def test_maldi_matrices_full_names(seeded: Session) -> None:
    names = {m.acronym: m.full_name for m in seeded.scalars(select(MaldiMatrix))}
    assert names == {
        "DCTB": "trans-2-[3-(4-tert-Butylphenyl)-2-methyl-2-propenylidene] malononitrile",
        "CHCA": "α-Cyano-4-hydroxycinnamic acid",
        "DHAP": "2,6-Dihydroxyacetophenone",
    }


def test_note_s2_inp_masses_and_cdse_clusters(seeded: Session) -> None:
    inp = {m.species.slug: m for m in _maldi(seeded) if m.species.slug.startswith("inp-")}
    intermediates = inp["inp-intermediates"]
    assert [(p.mass_da, p.mass_low_da, p.charge) for p in intermediates.peaks] == [
        (10000.0, None, None)
    ]
    assert intermediates.approximate is True
    assert intermediates.reference.key == "xie2016characterization"
    qds = inp["inp-qds"]
    assert [(p.mass_da, p.mass_low_da, p.mass_high_da) for p in qds.peaks] == [
        (None, 60000.0, 90000.0)
    ]
    formulas = set(
        seeded.scalars(
            select(Composition.formula).join(Species).where(Species.kind == SpeciesKind.CLUSTER)
        )
    )
    assert formulas == {"(CdSe)13", "(CdSe)33", "(CdSe)34"}


# --- Notes S3, S4, S5 ------------------------------------------------------------------------


def _observations(db: Session, slug: str) -> list[Observation]:
    return list(
        db.scalars(
            select(Observation)
            .where(Observation.species_id == species_id(db, slug))
            .options(selectinload(Observation.species))
        )
    )


def test_note_s3_cdse_evolution(seeded: Session) -> None:
    s361 = _observations(seeded, "cdse-msc-361")
    assert {(o.temperature_c, o.trend) for o in s361} >= {
        (10.0, Trend.EVOLVES_AND_STABILISES),
        (40.0, Trend.VANISHES),
    }
    s391 = _observations(seeded, "cdse-msc-391")
    windows = {(o.window_start_s, o.window_end_s, o.trend) for o in s391 if o.temperature_c == 30.0}
    assert (0.0, 2400.0, Trend.RISES) in windows
    assert (2400.0, 10200.0, Trend.FALLS) in windows
    program = seeded.scalars(
        select(ConditionStep).join(Experiment).where(Experiment.locator == "Note S3")
    ).all()
    holds = sorted((s.temperature_c, s.duration_s) for s in program if s.duration_s == 7200.0)
    assert holds == [(10.0, 7200.0), (20.0, 7200.0), (30.0, 7200.0), (40.0, 7200.0)]


def test_note_s4_cdte_transformations_by_ota_amount(seeded: Session) -> None:
    def windows(source: str, product: str) -> dict[float | None, tuple[object, ...]]:
        return {
            t.additive_volume_ml: (
                t.window_start_s,
                t.window_end_s,
                t.additive.name if t.additive else None,
            )
            for t in transformations(seeded, source, product)
        }

    assert windows("cdte-smsc-371", "cdte-smsc-417")[0.40] == (0.0, 1800.0, "OTA")
    assert windows("cdte-smsc-417", "cdte-smsc-448")[0.40] == (4800.0, 28800.0, "OTA")
    assert 0.30 in windows("cdte-smsc-371", "cdte-smsc-417")
    assert windows("cdte-smsc-448", "cdte-dmsc-371")[0.075] == (7200.0, 28800.0, "OTA")
    stable = {
        (o.window_start_s, o.window_end_s)
        for o in _observations(seeded, "cdte-smsc-417")
        if o.trend == Trend.STABLE
    }
    assert stable == {(2100.0, 4500.0), (900.0, 3000.0)}
    flat_448 = [o for o in _observations(seeded, "cdte-smsc-448") if o.trend == Trend.STABLE]
    assert [(o.window_start_s, o.window_end_s) for o in flat_448] == [(2700.0, 6900.0)]


def test_ota_is_not_expanded_but_butylamine_is(seeded: Session) -> None:
    reagents = {r.name: r for r in seeded.scalars(select(Reagent))}
    assert reagents["OTA"].full_name is None
    assert any(r.abbreviation == "BTA" for r in reagents.values())


def test_note_s5_conditions(seeded: Session) -> None:
    steps = seeded.scalars(
        select(ConditionStep)
        .join(Experiment)
        .where(Experiment.locator == "Note S5")
        .options(selectinload(ConditionStep.components).selectinload(StepComponent.reagent))
    ).all()
    volumes = {c.volume_ml for s in steps for c in s.components}
    assert {0.015, 0.03, 2.0, 1.0, 2.3, 0.7} <= volumes
    assert 86400.0 in {s.duration_s for s in steps}


# --- Table S5 ---------------------------------------------------------------------------------


def test_table_s5_two_studies(seeded: Session) -> None:
    m311, m322 = species_id(seeded, "cds-msc-311"), species_id(seeded, "cds-msc-322")
    sizes = dict(seeded.execute(select(SizeMeasurement.species_id, SizeMeasurement.size_nm)).all())
    assert (sizes[m311], sizes[m322]) == (2.05, 2.25)
    compositions = {
        c.species_id: (c.formula, c.structure, c.locator)
        for c in seeded.scalars(select(Composition).where(Composition.species_id.in_([m311, m322])))
    }
    assert compositions == {
        m311: ("β-Cd37S20", "zinc blende-like", "Table S5"),
        m322: ("α-Cd37S20", "wurtzite-like", "Table S5"),
    }
    pair = seeded.scalars(select(IsomerPair)).one()
    assert {pair.first_id, pair.second_id} == {m311, m322}
    aspects = {(c.finding.value, c.methods) for c in seeded.scalars(select(Comparison))}
    assert ("similar", "Fig 2a MALDI") in aspects
    triggers = {
        (t.trigger, t.reference_id) for t in transformations(seeded, "cds-msc-311", "cds-msc-322")
    } | {(t.trigger, t.reference_id) for t in transformations(seeded, "cds-msc-322", "cds-msc-311")}
    williamson = reference(seeded, "williamson2019chemically").id
    zhang = reference(seeded, "zhang2018thermally").id
    assert {
        (Trigger.THERMAL, zhang),
        (Trigger.CHEMICAL, zhang),
        (Trigger.CHEMICAL, williamson),
    } <= triggers


def test_counterpart_and_quasi_isomers(seeded: Session) -> None:
    counterpart = seeded.scalars(
        select(Counterpart).where(Counterpart.pc_id == species_id(seeded, "cds-pc-311"))
    ).one()
    assert counterpart.msc_id == species_id(seeded, "cds-msc-311")
    assert counterpart.status == EvidenceStatus.PROPOSED
    group = seeded.scalars(
        select(QuasiIsomerGroup).options(selectinload(QuasiIsomerGroup.members))
    ).one()
    # Table S1 only defines the concept: applying it to these species is ours.
    assert (group.status, group.locator) == (EvidenceStatus.INFERRED, "Table S4")
    assert species_id(seeded, "cds-pc-311") in {m.species_id for m in group.members}


def test_figures_s3_and_s4_are_recorded(seeded: Session) -> None:
    located = set(seeded.scalars(select(Characterization.locator)))
    assert {"Figure S3", "Figure S4"} <= located
    argued = seeded.scalars(select(Observation).where(Observation.locator == "Figure S4")).all()
    assert argued
    assert {o.status for o in argued} == {EvidenceStatus.ARGUED}


def test_pc_to_msc_transformation_stays_a_proposal(seeded: Session) -> None:
    (t,) = transformations(seeded, "cds-pc-311", "cds-msc-311")
    assert t.status == EvidenceStatus.PROPOSED


# --- issue 16: every species of the source, with evidence it supports ------------------------


def _species(db: Session, slug: str) -> Species:
    return db.scalars(
        select(Species)
        .where(Species.slug == slug)
        .options(
            selectinload(Species.material),
            selectinload(Species.reference),
            selectinload(Species.absorption_peaks).selectinload(AbsorptionPeak.reference),
            selectinload(Species.compositions),
        )
    ).one()


def _peaks(species: Species) -> list[tuple[object, ...]]:
    return [
        (p.peak_nm, p.peak_low_nm, p.peak_high_nm, p.reference.key, p.locator, p.status)
        for p in species.absorption_peaks
    ]


LITERATURE_MSCS = [
    # Table S2 [4]: "330, 350–360, 384, 406, and 431 nm"
    ("cdse-msc-330", "CdSe", (330.0, None, None), "kudera2007sequential", "Table S2 [4]"),
    ("cdse-msc-350-360", "CdSe", (None, 350.0, 360.0), "kudera2007sequential", "Table S2 [4]"),
    ("cdse-msc-384", "CdSe", (384.0, None, None), "kudera2007sequential", "Table S2 [4]"),
    ("cdse-msc-406", "CdSe", (406.0, None, None), "kudera2007sequential", "Table S2 [4]"),
    ("cdse-msc-431", "CdSe", (431.0, None, None), "kudera2007sequential", "Table S2 [4]"),
    # Table S2 [7]: "350, 380, and 408 nm"
    ("cdse-msc-350", "CdSe", (350.0, None, None), "jacs2014", "Table S2 [7]"),
    ("cdse-msc-380", "CdSe", (380.0, None, None), "jacs2014", "Table S2 [7]"),
    ("cdse-msc-408", "CdSe", (408.0, None, None), "jacs2014", "Table S2 [7]"),
    # Table S2 [8]: "386 and 397 nm"
    ("inp-msc-386", "InP", (386.0, None, None), "chemmater2015", "Table S2 [8]"),
    ("inp-msc-397", "InP", (397.0, None, None), "chemmater2015", "Table S2 [8]"),
]


@pytest.mark.parametrize(("slug", "material", "nm", "ref", "locator"), LITERATURE_MSCS)
def test_table_s2_literature_mscs_are_species(
    seeded: Session, slug: str, material: str, nm: tuple[object, ...], ref: str, locator: str
) -> None:
    species = _species(seeded, slug)
    assert (species.material.formula, species.kind) == (material, SpeciesKind.MSC)
    # The peak is stated by the row: reported, with the row's work and locator.
    assert _peaks(species) == [(*nm, ref, locator, EvidenceStatus.REPORTED)]
    # The label is ours (the row gives none): the species says it was inferred.
    assert (species.reference.key, species.locator) == (ref, locator)
    assert species.status == EvidenceStatus.INFERRED
    assert "inferred" in (species.description or "")


def test_table_s2_7_clusters_keep_their_words(seeded: Session) -> None:
    for slug in ("cdse-msc-350", "cdse-msc-380", "cdse-msc-408"):
        species = _species(seeded, slug)
        assert "non-stoichiometric" in (species.description or "")
        assert "pyramidal" in (species.description or "")
        assert species.compositions == []


@pytest.mark.parametrize(
    ("slug", "material", "ref", "locator", "words"),
    [
        ("pbse-mscs-table-s2-6", "PbSe", "small2011", "Table S2 [6]", "red-shifts"),
        ("cdse-mscs-table-s2-5", "CdSe", "jphyschemc2008", "Table S2 [5]", "Three types"),
        ("cdse-mscs-table-s2-11", "CdSe", "chemmater2018", "Table S2 [11]", "doublet"),
        ("cdse-mscs-figure-s1-b", "CdSe", "sun2009phosphine", "Figure S1(B)", "red shift"),
        ("cdse-mscs-figure-s1-c", "CdSe", "li2019identifying", "Figure S1(C)", "red shift"),
    ],
)
def test_families_without_values_stay_without_values(
    seeded: Session, slug: str, material: str, ref: str, locator: str, words: str
) -> None:
    species = _species(seeded, slug)
    assert (species.material.formula, species.kind) == (material, SpeciesKind.MSC)
    assert (species.reference.key, species.locator) == (ref, locator)
    assert species.status == EvidenceStatus.REPORTED
    assert species.absorption_peaks == []
    assert species.compositions == []
    assert words in (species.description or "")


def test_figure_s1_families_carry_their_red_shift(seeded: Session) -> None:
    for slug in ("cdse-mscs-figure-s1-b", "cdse-mscs-figure-s1-c"):
        (observation,) = _observations(seeded, slug)
        assert (observation.trend, observation.status) == (
            Trend.RED_SHIFTS,
            EvidenceStatus.ATTRIBUTED,
        )


def test_every_material_has_species(seeded: Session) -> None:
    with_species = set(seeded.scalars(select(Material.formula).join(Species)))
    assert with_species == {"CdS", "CdSe", "CdTe", "InP", "PbSe"}


def test_cdse_mscs_of_the_source(seeded: Session) -> None:
    cdse_mscs = set(
        seeded.scalars(
            select(Species.slug)
            .join(Material)
            .where(Material.formula == "CdSe", Species.kind == SpeciesKind.MSC)
        )
    )
    assert cdse_mscs == {
        "cdse-msc-349",
        "cdse-msc-415",
        "cdse-msc-361",
        "cdse-msc-391",
        *(slug for slug, material, *_ in LITERATURE_MSCS if material == "CdSe"),
        "cdse-mscs-table-s2-5",
        "cdse-mscs-table-s2-11",
        "cdse-mscs-figure-s1-b",
        "cdse-mscs-figure-s1-c",
    }


def test_no_peak_cites_a_part_that_gives_no_value(seeded: Session) -> None:
    """Figure S2 shows peak positions moving with temperature but gives no value."""
    located = set(seeded.scalars(select(AbsorptionPeak.locator)))
    assert "Figure S2" not in located


@pytest.mark.parametrize(
    ("slug", "nm", "ref", "locator"),
    [
        ("cds-msc-322", 322.0, "berbunsenges1984", "Table S2 [1]"),
        ("cdse-msc-349", 349.0, "jacs2002", "Table S2 [2]"),
        ("cdse-msc-415", 415.0, "kasuya2004ultra", "Table S2 [3]"),
        ("cdse-msc-361", 361.0, "he_transformations", "Note S3"),
        ("cdse-msc-391", 391.0, "he_transformations", "Note S3"),
        ("cdte-dmsc-371", 371.0, "he_transformations", "Note S4"),
    ],
)
def test_peaks_read_off_a_label_are_inferred(
    seeded: Session, slug: str, nm: float, ref: str, locator: str
) -> None:
    assert _peaks(_species(seeded, slug)) == [
        (nm, None, None, ref, locator, EvidenceStatus.INFERRED)
    ]


def test_peaks_the_source_states_are_reported(seeded: Session) -> None:
    assert _peaks(_species(seeded, "cds-msc-311")) == [
        (311.0, None, None, "zhu2017two", "Table S2 [10]", EvidenceStatus.REPORTED)
    ]
    for nm in (371, 417, 448):
        assert _peaks(_species(seeded, f"cdte-smsc-{nm}")) == [
            (float(nm), None, None, "liu2017probing", "Table S2 [9]", EvidenceStatus.REPORTED)
        ]


def test_msc_349_is_reported_only_its_role_is_claimed(seeded: Session) -> None:
    species = _species(seeded, "cdse-msc-349")
    assert species.status == EvidenceStatus.REPORTED
    advance = seeded.scalars(select(KeyAdvance).where(KeyAdvance.ref_number == 2)).one()
    assert advance.status == EvidenceStatus.CLAIMED


@pytest.mark.parametrize(
    ("slug", "material", "locator"),
    [
        ("cdse-msc-361", "CdSe", "Note S3"),
        ("cdse-msc-391", "CdSe", "Note S3"),
        ("cdte-dmsc-371", "CdTe", "Note S4"),
        # Table S2 [9] gives CdTe and the peaks, Note S4 the sMSC labels: joined by us.
        ("cdte-smsc-371", "CdTe", "Table S2 [9]"),
        ("cdte-smsc-417", "CdTe", "Table S2 [9]"),
        ("cdte-smsc-448", "CdTe", "Table S2 [9]"),
    ],
)
def test_materials_the_notes_never_name_are_inferred(
    seeded: Session, slug: str, material: str, locator: str
) -> None:
    species = _species(seeded, slug)
    assert (species.material.formula, species.locator) == (material, locator)
    assert species.status == EvidenceStatus.INFERRED


def test_xie_coauthor_as_the_checked_record_spells_him(seeded: Session) -> None:
    xie = reference(seeded, "xie2016characterization")
    assert [(a.family, a.given) for a in xie.authors] == [
        ("Xie", "Lisi"),
        ("Shen", "Yi"),
        ("Franke", "Daniel"),
        ("Sebastián", "Víctor"),
        ("Bawendi", "Moungi G."),
        ("Jensen", "Klavs F."),
    ]
    assert "author" in {f.field for f in xie.field_sources}


def test_table_s5_shapes_as_worded(seeded: Session) -> None:
    (shape,) = [c for c in seeded.scalars(select(Comparison)) if "shape" in c.aspect]
    assert (shape.finding.value, shape.aspect, shape.methods) == (
        "slightly different",
        "shapes",
        "Fig 2b PDF, Fig 2d SAXS",
    )
    assert "MSC-311 is more spherical than MSC-322" in (shape.note or "")
    (thermal,) = [
        t
        for t in transformations(seeded, "cds-msc-311", "cds-msc-322")
        if t.trigger == Trigger.THERMAL
    ]
    assert thermal.reversible is True
    assert "(Fig 1)" in (thermal.description or "")


def test_ref_2_of_table_s5_is_not_said_to_be_reversible(seeded: Session) -> None:
    williamson = reference(seeded, "williamson2019chemically").id
    (chemical,) = [
        t
        for t in transformations(seeded, "cds-msc-311", "cds-msc-322")
        if t.reference_id == williamson
    ]
    assert chemical.trigger == Trigger.CHEMICAL
    assert chemical.reversible is None
    # Nor is a direction given: MSC-311 to MSC-322 is our reading.
    assert chemical.status == EvidenceStatus.INFERRED


def test_note_s4_transformations_read_off_rises_and_falls_are_inferred(seeded: Session) -> None:
    def status(source: str, product: str, ml: float) -> EvidenceStatus:
        (t,) = [t for t in transformations(seeded, source, product) if t.additive_volume_ml == ml]
        return t.status

    assert status("cdte-smsc-371", "cdte-smsc-448", 0.075) == EvidenceStatus.INFERRED
    assert status("cdte-smsc-417", "cdte-smsc-448", 0.075) == EvidenceStatus.INFERRED
    # Part I: "a coordinated increase of dMSC-371", never called a transformation.
    assert status("cdte-smsc-448", "cdte-dmsc-371", 0.075) == EvidenceStatus.INFERRED
    # "similar sMSC-371 to sMSC-448 transformations via sMSC-417 were observed"
    assert status("cdte-smsc-371", "cdte-smsc-417", 0.40) == EvidenceStatus.REPORTED
    assert status("cdte-smsc-417", "cdte-smsc-448", 0.30) == EvidenceStatus.REPORTED


def test_note_s4_faster_rates_at_0_30_ml_are_kinetics(seeded: Session) -> None:
    for source, product in (("cdte-smsc-371", "cdte-smsc-417"), ("cdte-smsc-417", "cdte-smsc-448")):
        (t,) = [t for t in transformations(seeded, source, product) if t.additive_volume_ml == 0.30]
        assert [(k.relative_rate, k.locator, k.status) for k in t.kinetics] == [
            ("faster than with 0.40 mL OTA", "Note S4", EvidenceStatus.REPORTED)
        ]


def test_runs_of_notes_s3_and_s4_have_no_material(seeded: Session) -> None:
    """Neither note names a material (like Note S5): unknown, not CdSe or CdTe."""
    runs = seeded.scalars(
        select(Experiment).where(Experiment.locator.in_(["Note S3", "Note S4"]))
    ).all()
    assert len(runs) == 5
    assert {r.material_id for r in runs} == {None}
    assert all("inferred" in (r.description or "") for r in runs)


def test_table_s2_key_advances_link_the_species_curated_from_their_row(api: TestClient) -> None:
    rows = {
        row["ref_number"]: row
        for row in api.get("/api/v1/key-advances", params={"limit": 20}).json()["data"]
    }
    assert rows[4]["species"] == [
        "cdse-msc-330",
        "cdse-msc-350-360",
        "cdse-msc-384",
        "cdse-msc-406",
        "cdse-msc-431",
    ]
    assert rows[9]["species"] == ["cdte-smsc-371", "cdte-smsc-417", "cdte-smsc-448"]
    assert rows[6]["species"] == ["pbse-mscs-table-s2-6"]
    for number, row in rows.items():
        assert row["species"], f"Table S2 [{number}] links no species"
        for slug in row["species"]:
            species = api.get(f"/api/v1/species/{slug}").json()
            located = [species["evidence"], *(p["evidence"] for p in species["absorption_peaks"])]
            assert f"Table S2 [{number}]" in {e["locator"] for e in located}, slug


def test_coverage_lists_what_each_part_of_the_source_gave(seeded: Session) -> None:
    listing = curated_from(seeded)
    assert list(listing) == list(PARTS)
    assert set(listing["Table S2"]["key advances"]) == {str(n) for n in range(1, 12)}
    assert {"cdse-msc-330", "inp-msc-386", "pbse-mscs-table-s2-6"} <= set(
        listing["Table S2"]["species"]
    )
    assert "cds-msc-311-to-cds-msc-322-thermal" in listing["Figure S2"]["transformations"]
    assert "cdte-smsc-ota-0-40-ml/1" in listing["Note S4"]["observations"]
    assert listing["Table S5"]["isomer pairs"] == ["cds-msc-311/cds-msc-322"]
    assert listing["Table S2"]["source notes"] == ["table-s2-note"]
    assert listing["Figure S2"]["property dependences"] == [
        "cds-msc-311/absorption peak position/temperature",
        "cds-msc-322/absorption peak position/temperature",
    ]
    assert len(listing["Note S2"]["cluster links"]) == 3  # the mass spectrum's
    assert len([k for k in listing["Table S2"]["cluster links"] if "composition" in k]) == 2
    for part, kinds in listing.items():
        assert kinds.get("references"), f"{part} names no reference"


def test_table_s2_note_is_a_fact_with_its_evidence(api: TestClient) -> None:
    (note,) = api.get("/api/v1/notes").json()["data"]
    assert note["slug"] == "table-s2-note"
    assert note["evidence"] == {
        "reference": "he_transformations",
        "locator": "Table S2, note",
        "status": "reported",
        "approximate": False,
    }
    assert "photocatalysis" in note["summary"]


FIGURE_S2 = {
    "reference": "he_transformations",
    "locator": "Figure S2",
    "status": "reported",
    "approximate": False,
}


def test_figure_s2_peak_positions_depend_on_temperature_without_values(api: TestClient) -> None:
    """Figure S2: "the absorption peak positions of CdS MSC-311 and MSC-322 are affected
    by temperature", a fact of each species, with no value invented."""
    found = api.get("/api/v1/property-dependences", params={"depends_on": "temperature"})
    assert found.status_code == 200, found.text
    rows = found.json()["data"]
    assert [(r["species"]["slug"], r["property"], r["evidence"]) for r in rows] == [
        ("cds-msc-311", "absorption peak position", FIGURE_S2),
        ("cds-msc-322", "absorption peak position", FIGURE_S2),
    ]
    for slug in ("cds-msc-311", "cds-msc-322"):
        species = api.get(f"/api/v1/species/{slug}").json()
        assert [d["depends_on"] for d in species["property_dependences"]] == ["temperature"]
        # The dependence carries no number: no peak of the species is located at Figure S2.
        assert all(p["evidence"]["locator"] != "Figure S2" for p in species["absorption_peaks"])
    cited = api.get(
        "/api/v1/bibliography", params={"about": "species", "species": "cds-msc-322"}
    ).json()["data"]
    assert "he_transformations" in {r["key"] for r in cited}


def test_note_s2_links_msc_415_to_its_cdse_clusters(api: TestClient) -> None:
    """Note S2 states that the nanoparticles Table S2 calls MSC-415 gave (CdSe)n, n = 13,
    33, 34, by TOF MS; Table S2 [3] gives MSC-415 the composition "(CdSe)n, n = 33, 34".
    Both are stated, so every link is reported, each at the part that states it."""
    found = api.get("/api/v1/cluster-links", params={"species": "cdse-msc-415", "limit": 20})
    assert found.status_code == 200, found.text
    links = {
        (r["cluster"]["slug"], r["relation"]): (
            r["species"]["slug"],
            r["evidence"]["reference"],
            r["evidence"]["locator"],
            r["evidence"]["status"],
        )
        for r in found.json()["data"]
    }
    stated = ("cdse-msc-415", "kasuya2004ultra", "Note S2", "reported")
    read = ("cdse-msc-415", "kasuya2004ultra", "Table S2 [3]", "reported")
    assert links == {
        ("cdse-cdse-13", "mass-spectrum"): stated,
        ("cdse-cdse-33", "mass-spectrum"): stated,
        ("cdse-cdse-34", "mass-spectrum"): stated,
        ("cdse-cdse-33", "composition"): read,
        ("cdse-cdse-34", "composition"): read,
    }
    cluster = api.get("/api/v1/species/cdse-cdse-34").json()
    assert {(c["species"]["slug"], c["relation"]) for c in cluster["cluster_links"]} == {
        ("cdse-msc-415", "mass-spectrum"),
        ("cdse-msc-415", "composition"),
    }
    msc = api.get("/api/v1/species/cdse-msc-415").json()
    assert [c["formula"] for c in msc["compositions"]] == ["(CdSe)n, n = 33, 34"]
    cited = api.get(
        "/api/v1/bibliography", params={"about": "relations", "species": "cdse-cdse-33"}
    ).json()["data"]
    assert [r["key"] for r in cited] == ["kasuya2004ultra"]
