"""Issue 16, reachability: every stored fact is reachable by the filters a chemist would
try, and every filter either answers completely or refuses.

The questions are answered on the curated data, completely: each answer is the whole
list, and where it can be, checked against the records it comes from."""

from typing import Any

import pytest
from bibtexparser.entrypoint import parse_string
from fastapi.testclient import TestClient

from tests.helpers import is_problem

API = "/api/v1"


def data(api: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = api.get(f"{API}{path}", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["data"]
    return items


def slugs(api: TestClient, **params: Any) -> list[str]:
    return [s["slug"] for s in data(api, "/species", **params)]


# --- Which CdSe (InP, PbSe) MSCs are known, and from which work ----------------------

KNOWN_MSCS = {
    "CdSe": {
        "cdse-msc-330": "kudera2007sequential",
        "cdse-msc-349": "jacs2002",
        "cdse-msc-350": "jacs2014",
        "cdse-msc-350-360": "kudera2007sequential",
        "cdse-msc-361": "he_transformations",
        "cdse-msc-380": "jacs2014",
        "cdse-msc-384": "kudera2007sequential",
        "cdse-msc-391": "he_transformations",
        "cdse-msc-406": "kudera2007sequential",
        "cdse-msc-408": "jacs2014",
        "cdse-msc-415": "kasuya2004ultra",
        "cdse-msc-431": "kudera2007sequential",
        "cdse-mscs-figure-s1-b": "sun2009phosphine",
        "cdse-mscs-figure-s1-c": "li2019identifying",
        "cdse-mscs-table-s2-11": "chemmater2018",
        "cdse-mscs-table-s2-5": "jphyschemc2008",
    },
    "InP": {"inp-msc-386": "chemmater2015", "inp-msc-397": "chemmater2015"},
    "PbSe": {"pbse-mscs-table-s2-6": "small2011"},
}


@pytest.mark.parametrize("material", sorted(KNOWN_MSCS))
def test_which_mscs_of_a_material_are_known_and_from_which_work(
    api: TestClient, material: str
) -> None:
    listed = data(api, "/species", material=material, kind="msc")
    assert {s["slug"]: s["evidence"]["reference"] for s in listed} == KNOWN_MSCS[material]
    # Each work leads back to its species: reference= reaches them all.
    for key in set(KNOWN_MSCS[material].values()):
        from_work = slugs(api, material=material, kind="msc", reference=key)
        assert {s for s, k in KNOWN_MSCS[material].items() if k == key} <= set(from_work)


def test_reference_reaches_a_species_through_its_peaks_and_compositions(
    api: TestClient,
) -> None:
    # Kasuya's (CdSe)33 and (CdSe)34 rest on kasuya2004ultra; MSC-415's composition
    # too, though the species itself is cited to the same work.
    assert slugs(api, reference="kasuya2004ultra") == [
        "cdse-cdse-13",
        "cdse-cdse-33",
        "cdse-cdse-34",
        "cdse-msc-415",
    ]
    # Every species whose detail cites zhang2018thermally on a peak, composition or
    # size (not only on the species) is reached.
    cited = []
    for species in data(api, "/species"):
        detail = api.get(f"{API}/species/{species['slug']}").json()
        facts = [detail, *detail["absorption_peaks"], *detail["compositions"], *detail["sizes"]]
        if any(f["evidence"]["reference"] == "zhang2018thermally" for f in facts):
            cited.append(species["slug"])
    assert slugs(api, reference="zhang2018thermally") == cited
    assert cited


def test_status_filter(api: TestClient) -> None:
    assert slugs(api, material="InP", status="inferred") == ["inp-msc-386", "inp-msc-397"]
    everything = slugs(api)
    by_status = [
        s for status in ("reported", "inferred", "proposed") for s in slugs(api, status=status)
    ]
    assert sorted(by_status) == everything


# --- What absorbs between 400 and 410 nm ------------------------------------------


def test_what_absorbs_between_400_and_410_nm(api: TestClient) -> None:
    assert slugs(api, peak_nm_min=400, peak_nm_max=410) == ["cdse-msc-406", "cdse-msc-408"]


def test_a_range_peak_matches_a_window_it_overlaps(api: TestClient) -> None:
    # Kudera's 350–360 nm range holds no single peak between 355 and 358 nm.
    assert slugs(api, peak_nm_min=355, peak_nm_max=358) == ["cdse-msc-350-360"]
    assert slugs(api, peak_nm_min=359, peak_nm_max=365) == ["cdse-msc-350-360", "cdse-msc-361"]


# --- Which species resolve a 383 nm peak -------------------------------------------


def resolve(api: TestClient, **params: Any) -> dict[str, Any]:
    response = api.get(f"{API}/species/resolve", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_which_species_resolve_a_383_nm_peak(api: TestClient) -> None:
    body = resolve(api, peak_nm=383, tolerance_nm=5)
    assert [(c["species"]["slug"], c["distance_nm"]) for c in body["data"]] == [
        ("cdse-msc-384", 1.0),
        ("cdse-msc-380", 3.0),
        ("inp-msc-386", 3.0),
    ]
    first = body["data"][0]
    assert first["species"]["material"] == "CdSe"
    assert first["peak"]["peak_nm"] == 384.0
    assert first["peak"]["evidence"] == {
        "reference": "kudera2007sequential",
        "locator": "Table S2 [4]",
        "status": "reported",
        "approximate": False,
    }
    assert body["meta"] == {"peak_nm": 383.0, "tolerance_nm": 5.0, "material": None, "returned": 3}
    # Complete: the resolver names exactly the species the peak window lists.
    window = slugs(api, peak_nm_min=378, peak_nm_max=388)
    assert sorted(c["species"]["slug"] for c in body["data"]) == window


def test_resolve_within_a_material_and_inside_a_range(api: TestClient) -> None:
    inp = resolve(api, peak_nm=383, tolerance_nm=5, material="inp")
    assert [c["species"]["slug"] for c in inp["data"]] == ["inp-msc-386"]
    inside = resolve(api, peak_nm=355, tolerance_nm=0)
    assert [(c["species"]["slug"], c["distance_nm"]) for c in inside["data"]] == [
        ("cdse-msc-350-360", 0.0)
    ]
    assert inside["data"][0]["peak"]["peak_low_nm"] == 350.0
    assert resolve(api, peak_nm=1000)["data"] == []


def test_resolve_is_not_taken_for_a_slug(api: TestClient) -> None:
    is_problem(api.get(f"{API}/species/resolve"), 422)  # peak_nm is required
    assert api.get(f"{API}/species/cds-msc-311").status_code == 200


# --- The BibTeX of everything about CdSe ---------------------------------------------


def evidence_keys(value: Any) -> set[str]:
    """Every citation key in the evidence anywhere inside a response body."""
    if isinstance(value, dict):
        keys = {k for v in value.values() for k in evidence_keys(v)}
        evidence = value.get("evidence")
        if isinstance(evidence, dict):
            keys.add(evidence["reference"])
        return keys
    if isinstance(value, list):
        return {k for v in value for k in evidence_keys(v)}
    return set()


CDSE_WORKS = [
    "chemmater2018",
    "he_transformations",
    "jacs2002",
    "jacs2014",
    "jphyschemc2008",
    "kasuya2004ultra",
    "kudera2007sequential",
    "li2019identifying",
    "sun2009phosphine",
]


def test_the_bibtex_of_everything_about_cdse(api: TestClient) -> None:
    behind: set[str] = set()
    for species in data(api, "/species", material="CdSe"):
        behind |= evidence_keys(api.get(f"{API}/species/{species['slug']}").json())
    for path in ("/maldi", "/transformations", "/syntheses", "/experiments"):
        behind |= evidence_keys(data(api, path, material="CdSe"))
    behind |= evidence_keys(data(api, "/key-advances", material="CdSe"))
    behind |= evidence_keys(data(api, "/characterizations", material="CdSe"))
    response = api.get(f"{API}/bibliography", params={"material": "CdSe", "format": "bibtex"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-bibtex")
    keys = sorted(entry.key for entry in parse_string(response.text).entries)
    assert keys == CDSE_WORKS
    assert behind == set(CDSE_WORKS)


def test_the_bibliography_without_filters_is_every_reference(api: TestClient) -> None:
    every = [r["key"] for r in data(api, "/references")]
    body = api.get(f"{API}/bibliography").json()
    assert [r["key"] for r in body["data"]] == every
    assert body["meta"]["returned"] == len(every)


@pytest.mark.parametrize(
    ("about", "expected"),
    [
        ("constants", ["haynes2017crc"]),
        ("glossary", ["he_transformations"]),
        ("mechanisms", ["clayden2001organic", "he_transformations", "zhang2018thermally"]),
        (
            "relations",
            ["he_transformations", "kasuya2004ultra", "zhang2018thermally", "zhu2017two"],
        ),
        ("notes", ["he_transformations"]),
        ("syntheses", ["li2020fragmentation", "zhang2018thermally", "zhu2017two"]),
        (
            "observations",
            ["he_transformations", "kudera2007sequential", "li2019identifying", "sun2009phosphine"],
        ),
    ],
)
def test_the_bibliography_reaches_each_kind_of_fact(
    api: TestClient, about: str, expected: list[str]
) -> None:
    body = api.get(f"{API}/bibliography", params={"about": about}).json()
    assert [r["key"] for r in body["data"]] == expected


def test_every_kind_together_reaches_every_reference(api: TestClient) -> None:
    every = {r["key"] for r in data(api, "/references")}
    kinds = [
        "species",
        "transformations",
        "maldi",
        "key_advances",
        "syntheses",
        "experiments",
        "observations",
        "relations",
        "mechanisms",
        "constants",
        "glossary",
        "monomer_formulas",
        "characterizations",
        "notes",
    ]
    reached: set[str] = set()
    for kind in kinds:
        reached |= {r["key"] for r in api.get(f"{API}/bibliography?about={kind}").json()["data"]}
    assert reached == every


def test_key_advances_by_material_and_reference(api: TestClient) -> None:
    every = data(api, "/key-advances")
    cdse = data(api, "/key-advances", material="cdse")
    assert cdse == [k for k in every if k["material"] == "CdSe"]
    assert len(cdse) >= 5
    (kudera,) = data(api, "/key-advances", reference="kudera2007sequential")
    assert kudera["material"] == "CdSe"
    inp = data(api, "/characterizations", material="InP")
    assert [c["material"] for c in inp] == ["InP"] * len(inp)
    assert inp


def test_key_advances_of_a_material_are_in_its_bibliography(api: TestClient) -> None:
    keys = [
        r["key"]
        for r in api.get(
            f"{API}/bibliography", params={"material": "CdSe", "about": "key_advances"}
        ).json()["data"]
    ]
    cdse = {
        k["evidence"]["reference"] for k in data(api, "/key-advances") if k["material"] == "CdSe"
    }
    assert keys == sorted(cdse)


# --- What MSC-322 can turn into, both directions --------------------------------------


def rows(api: TestClient, **params: Any) -> set[tuple[str, str, str, str]]:
    return {
        (t["id"], t["direction"], t["source"]["slug"], t["product"]["slug"])
        for t in data(api, "/transformations", **params)
    }


def test_what_msc_322_can_turn_into_both_directions(api: TestClient) -> None:
    assert rows(api, source="cds-msc-322") == {
        # Reversible: 311 → 322 on heating, walked back.
        ("cds-msc-311-to-cds-msc-322-thermal", "reverse", "cds-msc-322", "cds-msc-311"),
        ("cds-msc-322-to-cds-msc-311-chemical", "forward", "cds-msc-322", "cds-msc-311"),
    }
    assert rows(api, target="cds-msc-322") == {
        ("cds-msc-311-to-cds-msc-322-thermal", "forward", "cds-msc-311", "cds-msc-322"),
        ("cds-msc-311-to-cds-msc-322-chemical", "forward", "cds-msc-311", "cds-msc-322"),
    }
    # species= matches either end: each transformation once, forward.
    assert {r[:2] for r in rows(api, species="cds-msc-322")} == {
        ("cds-msc-311-to-cds-msc-322-thermal", "forward"),
        ("cds-msc-311-to-cds-msc-322-chemical", "forward"),
        ("cds-msc-322-to-cds-msc-311-chemical", "forward"),
    }
    detail = api.get(f"{API}/species/cds-msc-322").json()
    out = {(t["id"], t["direction"]) for t in detail["transformations_out"]}
    assert out == {r[:2] for r in rows(api, source="cds-msc-322")}


def test_reverse_rows_page_and_count(api: TestClient) -> None:
    first = api.get(
        f"{API}/transformations", params={"source": "cds-msc-322", "limit": 1, "count": "true"}
    ).json()
    assert first["meta"]["total"] == 2
    second = api.get(first["links"]["next"]).json()
    ids = [first["data"][0]["id"], second["data"][0]["id"]]
    assert ids == sorted(r[0] for r in rows(api, source="cds-msc-322"))
    assert second["links"]["next"] is None


def test_a_filter_names_the_record_it_matched(api: TestClient) -> None:
    (thermal,) = data(api, "/transformations", solvent="toluene")
    assert thermal["conditions"]["solvent"] is None
    assert [(m["parameter"], m["record"]) for m in thermal["matched"]] == [("solvent", "kinetics")]
    assert "276.8" in thermal["matched"][0]["summary"]
    assert thermal["matched"][0]["evidence"]["locator"] == "Note S1"
    (at_46,) = data(api, "/transformations", temperature_c=46)
    assert [m["record"] for m in at_46["matched"]] == ["isosbestic point"]
    for t in data(api, "/transformations", additive="OTA"):
        assert {m["record"] for m in t["matched"]} <= {"conditions", "experiment step"}
        assert t["matched"]
    assert all(t["matched"] == [] for t in data(api, "/transformations"))


# --- Which species have no MALDI data ------------------------------------------------


def test_which_species_have_no_maldi_data(api: TestClient) -> None:
    measured = {m["species"]["slug"] for m in data(api, "/maldi")}
    with_maldi = slugs(api, maldi="true")
    without = slugs(api, maldi="false")
    assert set(with_maldi) == measured
    assert sorted(with_maldi + without) == slugs(api)
    assert not measured & set(without)
    assert "cdte-smsc-371" in without
    assert slugs(api, material="CdS", maldi="false") == []


# --- Which species have the composition Cd37S20 --------------------------------------


@pytest.mark.parametrize(
    "spelling", ["Cd37S20", "Cd₃₇S₂₀", "β-Cd37S20", "α-Cd37S20", "S20Cd37", " Cd37 S20 "]
)
def test_which_species_have_the_composition_cd37s20(api: TestClient, spelling: str) -> None:
    assert slugs(api, composition=spelling) == ["cds-msc-311", "cds-msc-322"]


def test_group_formulas_and_text_search(api: TestClient) -> None:
    assert slugs(api, composition="(CdSe)13") == ["cdse-cdse-13"]
    assert slugs(api, composition="Cd13Se13") == ["cdse-cdse-13"]
    assert slugs(api, composition="Cd37Se20") == []
    # Kasuya's MSC-415 is "(CdSe)n, n = 33, 34": a family holding (CdSe)33.
    assert slugs(api, composition="Cd33Se33") == ["cdse-cdse-33", "cdse-msc-415"]
    assert slugs(api, q="Cd37S20") == ["cds-msc-311", "cds-msc-322"]
    assert slugs(api, q="Cd₃₇S₂₀") == ["cds-msc-311", "cds-msc-322"]


# --- Glossary, experiments, syntheses -------------------------------------------------


@pytest.mark.parametrize(
    ("term", "slug"),
    [("pc", "pc"), ("PC", "pc"), ("Mo/Fr", "mo-fr"), ("QUASI-ISOMER", "quasi-isomer")],
)
def test_glossary_term_by_slug_or_acronym(api: TestClient, term: str, slug: str) -> None:
    response = api.get(f"{API}/glossary/{term}")
    assert response.status_code == 200, response.text
    assert response.json()["slug"] == slug


def test_glossary_by_text(api: TestClient) -> None:
    assert [t["slug"] for t in data(api, "/glossary", q="precursor")] == ["mo-fr", "pc"]
    assert data(api, "/glossary", q="zeolite") == []
    is_problem(api.get(f"{API}/glossary/zeolite"), 404)


def test_syntheses_by_reagent_role_temperature_and_species(api: TestClient) -> None:
    def synthesis_slugs(**params: Any) -> list[str]:
        return [s["slug"] for s in data(api, "/syntheses", **params)]

    in_toluene = synthesis_slugs(solvent="toluene")
    assert in_toluene == [s["slug"] for s in data(api, "/syntheses") if "toluene" in s["slug"]]
    assert synthesis_slugs(reagent="Tol") == in_toluene
    assert synthesis_slugs(additive="toluene") == []
    assert synthesis_slugs(temperature_c=60) == ["cds-180c-20min-60c-20h-toluene"]
    assert synthesis_slugs(species="cds-msc-311") == sorted(
        m["preparation"]["slug"]
        for m in data(api, "/maldi", species="cds-msc-311")
        if m["preparation"] is not None
    )


def test_experiments_by_reagent_role_temperature_and_species(api: TestClient) -> None:
    def experiment_slugs(**params: Any) -> list[str]:
        return [e["slug"] for e in data(api, "/experiments", **params)]

    assert experiment_slugs(reagent="CdO") == ["cdse-msc-growth-cdo-dodecylamine-80c"]
    ota = experiment_slugs(additive="OTA")
    assert {"cdte-smsc-ota-0-075-ml", "cdte-smsc-ota-0-30-ml", "cdte-smsc-ota-0-40-ml"} <= set(ota)
    # A ramp from 260 to 320 °C passes through 300 °C.
    assert experiment_slugs(temperature_c=300) == ["cdse-msc-growth-cd-sa-2-setop-260-320c"]
    assert experiment_slugs(temperature_c=20) == ["cdse-dispersion-10-to-40c"]
    assert experiment_slugs(species="cdte-smsc-371") == [
        "cdte-smsc-ota-0-075-ml",
        "cdte-smsc-ota-0-30-ml",
        "cdte-smsc-ota-0-40-ml",
    ]


# --- One policy for bad filter values --------------------------------------------------

UNKNOWN_RECORDS = [
    ("/species", "material", "Foo"),
    ("/species", "reference", "nobody2099"),
    ("/species/resolve?peak_nm=383", "material", "Foo"),
    ("/maldi", "species", "cds-msc-999"),
    ("/maldi", "material", "Foo"),
    ("/maldi", "matrix", "XYZ"),
    ("/maldi", "reference", "nobody2099"),
    ("/transformations", "source", "cds-msc-999"),
    ("/transformations", "target", "cds-msc-999"),
    ("/transformations", "species", "cds-msc-999"),
    ("/transformations", "material", "Foo"),
    ("/transformations", "solvent", "water"),
    ("/transformations", "additive", "water"),
    ("/transformations", "reference", "nobody2099"),
    ("/transformations/network", "material", "Foo"),
    ("/transformations/paths?target=cds-msc-311", "source", "cds-msc-999"),
    ("/bibliography", "material", "Foo"),
    ("/bibliography", "species", "cds-msc-999"),
    ("/key-advances", "material", "Foo"),
    ("/key-advances", "reference", "nobody2099"),
    ("/characterizations", "material", "Foo"),
    ("/syntheses", "material", "Foo"),
    ("/syntheses", "reference", "nobody2099"),
    ("/syntheses", "reagent", "water"),
    ("/syntheses", "solvent", "water"),
    ("/syntheses", "additive", "water"),
    ("/syntheses", "species", "cds-msc-999"),
    ("/experiments", "material", "Foo"),
    ("/experiments", "reference", "nobody2099"),
    ("/experiments", "species", "cds-msc-999"),
    ("/experiments", "reagent", "water"),
    ("/experiments", "solvent", "water"),
    ("/experiments", "additive", "water"),
]


def with_param(path: str, param: str, value: str) -> str:
    return f"{API}{path}{'&' if '?' in path else '?'}{param}={value}"


@pytest.mark.parametrize(("path", "param", "value"), UNKNOWN_RECORDS)
def test_a_filter_naming_no_record_is_a_404_naming_it(
    api: TestClient, path: str, param: str, value: str
) -> None:
    body = is_problem(api.get(with_param(path, param, value)), 404)
    assert str(body["detail"]).startswith(f"query.{param}:")
    assert [e["location"] for e in body["errors"]] == [f"query.{param}"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "param"),
    [
        *((path, param) for path, param, _ in UNKNOWN_RECORDS),
        ("/species", "q"),
        ("/species", "kind"),
        ("/species", "composition"),
        ("/species", "maldi"),
        ("/species", "cursor"),
        ("/references", "q"),
        ("/references", "journal"),
        ("/glossary", "q"),
        ("/transformations", "temperature_c"),
        ("/bibliography", "about"),
        ("/experiments", "temperature_c"),
    ],
)
@pytest.mark.parametrize("value", ["", "%20%20"])
def test_an_empty_value_is_a_422_naming_the_parameter(
    api: TestClient, path: str, param: str, value: str
) -> None:
    body = is_problem(api.get(with_param(path, param, value)), 422)
    assert f"query.{param}" in [e["location"] for e in body["errors"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("path", "param", "value"),
    [
        ("/species", "composition", "cd37s20"),
        ("/species", "composition", "Cd37S20)"),
        ("/species", "maldi", "maybe"),
        ("/species", "status", "rumoured"),
        ("/species", "peak_nm_min", "-3"),
        ("/species?peak_nm_min=410", "peak_nm_max", "400"),
        ("/species/resolve?", "peak_nm", "abc"),
        ("/species/resolve?peak_nm=383", "tolerance_nm", "-1"),
        ("/transformations", "temperature_c", "warm"),
        ("/transformations", "cursor", "not-a-cursor"),
        ("/transformations/paths?source=cds-msc-311", "target", "cds-msc-311"),
        ("/syntheses", "temperature_c", "-300"),
        ("/experiments", "temperature_c", "hot"),
        ("/maldi", "mass_da", "heavy"),
        ("/bibliography", "about", "rumours"),
        ("/glossary", "cursor", "x"),
    ],
)
def test_a_malformed_value_is_a_422_naming_the_parameter(
    api: TestClient, path: str, param: str, value: str
) -> None:
    body = is_problem(api.get(with_param(path, param, value)), 422)
    errors: list[dict[str, str]] = body["errors"]  # type: ignore[assignment]
    # A repeatable parameter is named with the index of the bad value: query.about.0.
    assert [e["location"] for e in errors] in ([f"query.{param}"], [f"query.{param}.0"])
