"""GET /api/v1/species and /api/v1/species/{slug}.

Every case runs on rows it makes: ``catalog`` for the list, its filters and errors,
``relations`` for a detail with every kind of relation."""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from models import (
    Comparison,
    Composition,
    Counterpart,
    Experiment,
    IsomerPair,
    Observation,
    QuasiIsomerGroup,
    QuasiIsomerMember,
    SizeMeasurement,
)
from models.enums import EvidenceStatus, Finding, SpeciesKind, Trend, Trigger
from tests.helpers import (
    evidence,
    is_problem,
    make_maldi,
    make_species,
    make_transformation,
    slugs,
)


@pytest.fixture
def catalog(session: Session) -> None:
    """Eight species of four materials and four kinds, made out of slug order; the InP
    intermediates absorb over a range (340-360 nm), the PC nowhere."""
    make_species(session, material="CdTe", label="sMSC-448", peaks=[448])
    make_species(session, material="CdS", label="MSC-311", peaks=[311])
    make_species(session, material="CdTe", label="sMSC-371", peaks=[371])
    make_species(session, material="CdS", kind=SpeciesKind.PC, label="PC-311")
    make_species(session, material="CdSe", kind=SpeciesKind.CLUSTER, label="(CdSe)13")
    make_species(session, material="CdSe", label="MSC-415", peaks=[415])
    make_species(
        session,
        material="InP",
        kind=SpeciesKind.INTERMEDIATE,
        label="intermediates",
        peaks=[(340, 360)],
    )
    make_species(session, material="CdTe", label="dMSC-371", peaks=[371])


ALL = [
    "cds-msc-311",
    "cds-pc-311",
    "cdse-cdse-13",
    "cdse-msc-415",
    "cdte-dmsc-371",
    "cdte-smsc-371",
    "cdte-smsc-448",
    "inp-intermediates",
]


@pytest.mark.usefixtures("catalog")
def test_list_is_ordered_by_slug_and_carries_evidence(client: TestClient) -> None:
    data = client.get("/api/v1/species", params={"limit": 500}).json()["data"]
    assert [s["slug"] for s in data] == ALL
    for species in data:
        assert species["evidence"] == {
            "reference": "zhu2017two",
            "locator": "Table S4, row 2",
            "status": "reported",
            "approximate": False,
        }


@pytest.mark.usefixtures("catalog")
def test_filter_by_material_is_case_insensitive(client: TestClient) -> None:
    cdte = ["cdte-dmsc-371", "cdte-smsc-371", "cdte-smsc-448"]
    assert slugs(client, material="CdTe") == cdte
    assert slugs(client, material="cdte") == cdte
    is_problem(client.get("/api/v1/species", params={"material": "GaAs"}), 404)


@pytest.mark.usefixtures("catalog")
def test_filter_by_kind(client: TestClient) -> None:
    assert slugs(client, kind="pc") == ["cds-pc-311"]
    assert slugs(client, kind="cluster") == ["cdse-cdse-13"]
    assert slugs(client, material="CdS", kind="msc") == ["cds-msc-311"]
    assert slugs(client, kind="qd") == []


@pytest.mark.usefixtures("catalog")
def test_filter_by_absorption_peak(client: TestClient) -> None:
    assert slugs(client, peak_nm_min=400, peak_nm_max=450) == ["cdse-msc-415", "cdte-smsc-448"]
    # A range overlapping the window counts, bounds included.
    assert slugs(client, peak_nm_min=345, peak_nm_max=355) == ["inp-intermediates"]
    assert slugs(client, peak_nm_min=300, peak_nm_max=340) == ["cds-msc-311", "inp-intermediates"]
    assert slugs(client, peak_nm_min=361, peak_nm_max=370) == []
    assert slugs(client, peak_nm_max=312) == ["cds-msc-311"]
    assert slugs(client, peak_nm_min=440) == ["cdte-smsc-448"]


@pytest.mark.usefixtures("catalog")
def test_text_search(client: TestClient) -> None:
    assert slugs(client, q="371") == ["cdte-dmsc-371", "cdte-smsc-371"]
    assert slugs(client, q="smsc-4") == ["cdte-smsc-448"]
    assert slugs(client, q="PC-3") == ["cds-pc-311"]


@pytest.fixture
def relations(session: Session) -> None:
    """CdS MSC-311 with one of every relation a species detail shows, and its PC and
    MSC-322 with MALDI masses and transformations of their own."""
    msc_311 = make_species(session, label="MSC-311", peaks=[311])
    pc = make_species(session, kind=SpeciesKind.PC, label="PC-311")
    msc_322 = make_species(session, label="MSC-322", peaks=[322])
    reported = evidence(session)
    proposed = evidence(session, locator="Table S5", status=EvidenceStatus.PROPOSED)
    session.add_all(
        [
            Composition(
                species=msc_311,
                formula="β-Cd37S20",
                structure="zinc blende-like",
                **reported,
            ),
            SizeMeasurement(
                species=msc_311,
                method="SAXS",
                quantity="centre-to-centre distance",
                size_nm=2.05,
                **reported,
            ),
            Counterpart(pc=pc, msc=msc_311, **reported),
            IsomerPair(first=msc_311, second=msc_322, **reported),
            QuasiIsomerGroup(
                slug="cds-311",
                name="CdS 311",
                members=[QuasiIsomerMember(species=pc), QuasiIsomerMember(species=msc_311)],
                **proposed,
            ),
            Comparison(
                first=msc_311,
                second=msc_322,
                aspect="cluster mass",
                finding=Finding.SIMILAR,
                **reported,
            ),
            Comparison(
                first=msc_311,
                second=msc_322,
                aspect="shape",
                finding=Finding.DIFFERENT,
                **reported,
            ),
            Comparison(
                first=pc, second=msc_322, aspect="shape", finding=Finding.SIMILAR, **proposed
            ),
        ]
    )
    make_maldi(session, species=msc_311, masses=[5166.7])
    make_maldi(session, species=msc_311, masses=[5160])
    make_maldi(session, species=msc_322, masses=[5155])
    make_transformation(session, source=msc_311, product=msc_322, trigger=Trigger.THERMAL)
    make_transformation(session, source=msc_322, product=pc, trigger=Trigger.CHEMICAL)
    make_transformation(
        session,
        source=pc,
        product=msc_311,
        trigger=Trigger.UNKNOWN,
        status=EvidenceStatus.PROPOSED,
    )
    session.flush()


@pytest.mark.usefixtures("relations")
def test_species_detail_of_cds_msc_311(client: TestClient) -> None:
    response = client.get("/api/v1/species/cds-msc-311")
    assert response.status_code == 200
    body = response.json()
    assert (body["material"], body["kind"], body["label"]) == ("CdS", "msc", "MSC-311")
    assert [p["peak_nm"] for p in body["absorption_peaks"]] == [311.0]
    compositions = {(c["formula"], c["structure"]) for c in body["compositions"]}
    assert compositions == {("β-Cd37S20", "zinc blende-like")}
    assert [(s["method"], s["size_nm"]) for s in body["sizes"]] == [("SAXS", 2.05)]
    assert [(c["pc"]["slug"], c["msc"]["slug"]) for c in body["counterparts"]] == [
        ("cds-pc-311", "cds-msc-311")
    ]
    assert [i["species"]["slug"] for i in body["isomers"]] == ["cds-msc-322"]
    (group,) = body["quasi_isomer_groups"]
    assert group["evidence"]["status"] == "proposed"
    assert {m["slug"] for m in group["members"]} == {"cds-pc-311", "cds-msc-311"}
    masses = sorted(m["mass_da"] for x in body["maldi_measurements"] for m in x["masses"])
    assert masses == [5160.0, 5166.7]
    out = {(t["product"]["slug"], t["trigger"]) for t in body["transformations_out"]}
    assert out == {("cds-msc-322", "thermal")}
    into = {(t["source"]["slug"], t["evidence"]["status"]) for t in body["transformations_in"]}
    assert into == {("cds-pc-311", "proposed")}
    assert sorted(c["finding"] for c in body["comparisons"]) == ["different", "similar"]


def test_species_detail_carries_observations(client: TestClient, session: Session) -> None:
    smsc_417 = make_species(session, material="CdTe", label="sMSC-417", peaks=[417])
    smsc_448 = make_species(session, material="CdTe", label="sMSC-448", peaks=[448])
    make_transformation(session, source=smsc_417, product=smsc_448, trigger=Trigger.CHEMICAL)
    note_s4 = evidence(session, locator="Note S4")
    note_s9 = evidence(session, locator="Note S9")
    windows = [("stable", 900.0, 3000.0), ("rises", 0.0, 900.0), ("stable", 2100.0, 4500.0)]
    for n, (trend, start, end) in enumerate(windows):
        session.add(
            Experiment(
                slug=f"cdte-run-{n}",
                title="CdTe with OTA",
                observations=[
                    Observation(
                        position=1,
                        species=smsc_417,
                        trend=Trend(trend),
                        window_start_s=start,
                        window_end_s=end,
                        **note_s4,
                    ),
                    Observation(
                        position=2,
                        species=smsc_448,
                        trend=Trend.APPEARS,
                        **note_s9,
                    ),
                ],
                **note_s4,
            )
        )
    session.flush()
    body = client.get("/api/v1/species/cdte-smsc-417").json()
    stable = sorted(
        (o["window_start_s"], o["window_end_s"])
        for o in body["observations"]
        if o["trend"] == "stable"
    )
    assert stable == [(900.0, 3000.0), (2100.0, 4500.0)]
    assert len(body["observations"]) == 3
    assert all(o["evidence"]["locator"] == "Note S4" for o in body["observations"])
    assert {t["product"]["slug"] for t in body["transformations_out"]} == {"cdte-smsc-448"}


@pytest.mark.usefixtures("catalog")
def test_a_pc_has_no_absorption_peak_and_unknown_composition(client: TestClient) -> None:
    body = client.get("/api/v1/species/cds-pc-311").json()
    assert (body["kind"], body["label"]) == ("pc", "PC-311")
    assert body["absorption_peaks"] == []
    assert body["compositions"] == []


@pytest.mark.parametrize("slug", ["cds-msc-999", "CdS-MSC-311", "msc-311"])
@pytest.mark.usefixtures("catalog")
def test_unknown_slug_is_a_404_problem(client: TestClient, slug: str) -> None:
    assert client.get("/api/v1/species/cds-msc-311").status_code == 200
    body = is_problem(client.get(f"/api/v1/species/{slug}"), 404)
    assert slug in str(body["detail"])


# --- issue 16: the questions asked of the literature the source summarises -------------------


def species_list(api: TestClient, **params: Any) -> dict[str, dict[str, Any]]:
    response = api.get("/api/v1/species", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return {s["slug"]: s for s in response.json()["data"]}


def test_which_cdse_mscs_are_known_and_from_which_work(api: TestClient) -> None:
    works = {
        slug: s["evidence"]["reference"]
        for slug, s in species_list(api, material="CdSe", kind="msc").items()
    }
    # Table S2 [4] (Kudera 2007) and [7] (J. Am. Chem. Soc. 2014), beside the rest.
    for nm in ("330", "350-360", "384", "406", "431"):
        assert works[f"cdse-msc-{nm}"] == "kudera2007sequential"
    for nm in ("350", "380", "408"):
        assert works[f"cdse-msc-{nm}"] == "jacs2014"
    assert works["cdse-msc-349"] == "jacs2002"
    assert works["cdse-msc-415"] == "kasuya2004ultra"
    assert works["cdse-mscs-table-s2-5"] == "jphyschemc2008"
    assert works["cdse-mscs-table-s2-11"] == "chemmater2018"
    assert len(works) == 16


def test_kudera_range_stays_a_range(api: TestClient) -> None:
    body = api.get("/api/v1/species/cdse-msc-350-360").json()
    (peak,) = body["absorption_peaks"]
    assert (peak["peak_nm"], peak["peak_low_nm"], peak["peak_high_nm"]) == (None, 350.0, 360.0)
    assert peak["evidence"] == {
        "reference": "kudera2007sequential",
        "locator": "Table S2 [4]",
        "status": "reported",
        "approximate": False,
    }
    # The label MSC-350–360 is ours, not the work's.
    assert (body["label"], body["evidence"]["status"]) == ("MSC-350–360", "inferred")


def test_which_inp_mscs_are_known(api: TestClient) -> None:
    inp = species_list(api, material="InP")
    assert sorted(inp) == ["inp-intermediates", "inp-msc-386", "inp-msc-397", "inp-qds"]
    for slug in ("inp-msc-386", "inp-msc-397"):
        assert inp[slug]["kind"] == "msc"
        assert inp[slug]["evidence"]["reference"] == "chemmater2015"
        assert inp[slug]["evidence"]["locator"] == "Table S2 [8]"


def test_pbse_mscs_are_a_family_without_values(api: TestClient) -> None:
    assert api.get("/api/v1/materials/PbSe").json()["species_counts"] == {"msc": 1}
    body = api.get("/api/v1/species/pbse-mscs-table-s2-6").json()
    assert body["absorption_peaks"] == []
    assert body["evidence"] == {
        "reference": "small2011",
        "locator": "Table S2 [6]",
        "status": "reported",
        "approximate": False,
    }


def test_what_absorbs_between_400_and_410_nm(api: TestClient) -> None:
    assert slugs(api, peak_nm_min=400, peak_nm_max=410) == ["cdse-msc-406", "cdse-msc-408"]
