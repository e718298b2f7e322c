# Generated from the MSC-KB OpenAPI document by `make client`: do not edit.
"""One method per operation of the API, named by its operation id; and for
each list, an ``iter_...`` method that follows ``links.next`` to the last page."""

from collections.abc import Iterator, Mapping
from typing import Any

from msckb_client import models
from msckb_client._transport import Transport, _parse_object, _path


class Operations(Transport):
    """Every operation of ``/openapi.json``."""

    def get_health(self) -> models.Health:
        """Liveness probe

        ``GET /health``
        """
        response = self._request("GET", "/health")
        return models.Health.model_validate_json(response.content)

    def get_info(self) -> models.Info:
        """Version, database engine, schema revision, row counts and the data release

        ``GET /api/v1/info``
        """
        response = self._request("GET", "/api/v1/info")
        return models.Info.model_validate_json(response.content)

    def list_species(
        self,
        *,
        material: str | None = None,
        kind: models.SpeciesKind | str | None = None,
        peak_nm_min: float | None = None,
        peak_nm_max: float | None = None,
        composition: str | None = None,
        reference: str | None = None,
        status: models.EvidenceStatus | str | None = None,
        maldi: bool | None = None,
        q: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageSpeciesSummary:
        """Species, filtered by material, kind, absorption peak, composition, reference, status, MALDI data or text

        ``GET /api/v1/species``
        """
        response = self._request(
            "GET",
            "/api/v1/species",
            params={
                "material": material,
                "kind": kind,
                "peak_nm_min": peak_nm_min,
                "peak_nm_max": peak_nm_max,
                "composition": composition,
                "reference": reference,
                "status": status,
                "maldi": maldi,
                "q": q,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageSpeciesSummary.model_validate_json(response.content)

    def iter_species(
        self,
        *,
        material: str | None = None,
        kind: models.SpeciesKind | str | None = None,
        peak_nm_min: float | None = None,
        peak_nm_max: float | None = None,
        composition: str | None = None,
        reference: str | None = None,
        status: models.EvidenceStatus | str | None = None,
        maldi: bool | None = None,
        q: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.SpeciesSummary]:
        """Every item of ``list_species``, page after page (``limit`` items a request).

        ``GET /api/v1/species``, following ``links.next``
        """
        for page in self._pages(
            models.PageSpeciesSummary,
            "/api/v1/species",
            {
                "material": material,
                "kind": kind,
                "peak_nm_min": peak_nm_min,
                "peak_nm_max": peak_nm_max,
                "composition": composition,
                "reference": reference,
                "status": status,
                "maldi": maldi,
                "q": q,
                "limit": limit,
            },
        ):
            yield from page.data

    def create_species(self, body: models.SpeciesSeed | Mapping[str, Any]) -> models.WriteResult:
        """Create a species (curator key)

        ``POST /api/v1/species``
        """
        response = self._request("POST", "/api/v1/species", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def resolve_peak(
        self, *, peak_nm: float, tolerance_nm: float | None = 5.0, material: str | None = None
    ) -> models.PeakResolution:
        """Which species a measured absorption peak could belong to, nearest first

        ``GET /api/v1/species/resolve``
        """
        response = self._request(
            "GET",
            "/api/v1/species/resolve",
            params={"peak_nm": peak_nm, "tolerance_nm": tolerance_nm, "material": material},
        )
        return models.PeakResolution.model_validate_json(response.content)

    def get_species(self, slug: str) -> models.SpeciesDetail:
        """One species with its relations, masses, transformations and observations

        ``GET /api/v1/species/{slug}``
        """
        response = self._request("GET", f"/api/v1/species/{_path(slug)}")
        return models.SpeciesDetail.model_validate_json(response.content)

    def list_transformations(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        species: str | None = None,
        material: str | None = None,
        trigger: models.Trigger | str | None = None,
        reversible: bool | None = None,
        solvent: str | None = None,
        additive: str | None = None,
        temperature_c: float | None = None,
        status: models.EvidenceStatus | str | None = None,
        reference: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageTransformationSummary:
        """Transformations, filtered by species, material, trigger, conditions or evidence

        ``GET /api/v1/transformations``
        """
        response = self._request(
            "GET",
            "/api/v1/transformations",
            params={
                "source": source,
                "target": target,
                "species": species,
                "material": material,
                "trigger": trigger,
                "reversible": reversible,
                "solvent": solvent,
                "additive": additive,
                "temperature_c": temperature_c,
                "status": status,
                "reference": reference,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageTransformationSummary.model_validate_json(response.content)

    def iter_transformations(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        species: str | None = None,
        material: str | None = None,
        trigger: models.Trigger | str | None = None,
        reversible: bool | None = None,
        solvent: str | None = None,
        additive: str | None = None,
        temperature_c: float | None = None,
        status: models.EvidenceStatus | str | None = None,
        reference: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.TransformationSummary]:
        """Every item of ``list_transformations``, page after page (``limit`` items a request).

        ``GET /api/v1/transformations``, following ``links.next``
        """
        for page in self._pages(
            models.PageTransformationSummary,
            "/api/v1/transformations",
            {
                "source": source,
                "target": target,
                "species": species,
                "material": material,
                "trigger": trigger,
                "reversible": reversible,
                "solvent": solvent,
                "additive": additive,
                "temperature_c": temperature_c,
                "status": status,
                "reference": reference,
                "limit": limit,
            },
        ):
            yield from page.data

    def create_transformation(
        self, body: models.TransformationSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Create a transformation (curator key)

        ``POST /api/v1/transformations``
        """
        response = self._request("POST", "/api/v1/transformations", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def find_paths(
        self, *, source: str, target: str, max_steps: int | None = 4, limit: int | None = 50
    ) -> models.Paths:
        """Every path from one species to another, shortest first

        ``GET /api/v1/transformations/paths``
        """
        response = self._request(
            "GET",
            "/api/v1/transformations/paths",
            params={"source": source, "target": target, "max_steps": max_steps, "limit": limit},
        )
        return models.Paths.model_validate_json(response.content)

    def get_network(self, *, material: str | None = None) -> models.Network:
        """The transformation network: nodes and edges as JSON, or a picture (SVG), DOT or GraphML

        ``GET /api/v1/transformations/network``
        """
        response = self._request(
            "GET", "/api/v1/transformations/network", params={"material": material}
        )
        return models.Network.model_validate_json(response.content)

    def get_transformation(self, transformation_id: str) -> models.TransformationDetail:
        """One transformation with conditions, kinetics, isosbestic points and pathway

        ``GET /api/v1/transformations/{transformation_id}``
        """
        response = self._request("GET", f"/api/v1/transformations/{_path(transformation_id)}")
        return models.TransformationDetail.model_validate_json(response.content)

    def list_maldi(
        self,
        *,
        species: str | None = None,
        material: str | None = None,
        matrix: str | None = None,
        reference: str | None = None,
        mass_da: float | None = None,
        tolerance_da: float | None = 5.0,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageMaldiRead:
        """MALDI-TOF measurements, filtered; mass_da finds peaks within tolerance_da

        ``GET /api/v1/maldi``
        """
        response = self._request(
            "GET",
            "/api/v1/maldi",
            params={
                "species": species,
                "material": material,
                "matrix": matrix,
                "reference": reference,
                "mass_da": mass_da,
                "tolerance_da": tolerance_da,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageMaldiRead.model_validate_json(response.content)

    def iter_maldi(
        self,
        *,
        species: str | None = None,
        material: str | None = None,
        matrix: str | None = None,
        reference: str | None = None,
        mass_da: float | None = None,
        tolerance_da: float | None = 5.0,
        limit: int | None = 50,
    ) -> Iterator[models.MaldiRead]:
        """Every item of ``list_maldi``, page after page (``limit`` items a request).

        ``GET /api/v1/maldi``, following ``links.next``
        """
        for page in self._pages(
            models.PageMaldiRead,
            "/api/v1/maldi",
            {
                "species": species,
                "material": material,
                "matrix": matrix,
                "reference": reference,
                "mass_da": mass_da,
                "tolerance_da": tolerance_da,
                "limit": limit,
            },
        ):
            yield from page.data

    def create_maldi(self, body: models.MaldiSeed | Mapping[str, Any]) -> models.WriteResult:
        """Create a MALDI measurement (curator key)

        ``POST /api/v1/maldi``
        """
        response = self._request("POST", "/api/v1/maldi", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def list_matrices(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageMatrixRead:
        """MALDI matrices: acronym and full name

        ``GET /api/v1/matrices``
        """
        response = self._request(
            "GET", "/api/v1/matrices", params={"limit": limit, "cursor": cursor, "count": count}
        )
        return models.PageMatrixRead.model_validate_json(response.content)

    def iter_matrices(self, *, limit: int | None = 50) -> Iterator[models.MatrixRead]:
        """Every item of ``list_matrices``, page after page (``limit`` items a request).

        ``GET /api/v1/matrices``, following ``links.next``
        """
        for page in self._pages(models.PageMatrixRead, "/api/v1/matrices", {"limit": limit}):
            yield from page.data

    def get_maldi(self, measurement_id: str) -> models.MaldiRead:
        """One MALDI-TOF measurement

        ``GET /api/v1/maldi/{measurement_id}``
        """
        response = self._request("GET", f"/api/v1/maldi/{_path(measurement_id)}")
        return models.MaldiRead.model_validate_json(response.content)

    def list_materials(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageMaterialRead:
        """Materials, with species counts per kind

        ``GET /api/v1/materials``
        """
        response = self._request(
            "GET", "/api/v1/materials", params={"limit": limit, "cursor": cursor, "count": count}
        )
        return models.PageMaterialRead.model_validate_json(response.content)

    def iter_materials(self, *, limit: int | None = 50) -> Iterator[models.MaterialRead]:
        """Every item of ``list_materials``, page after page (``limit`` items a request).

        ``GET /api/v1/materials``, following ``links.next``
        """
        for page in self._pages(models.PageMaterialRead, "/api/v1/materials", {"limit": limit}):
            yield from page.data

    def get_material(self, formula: str) -> models.MaterialRead:
        """One material by formula (case-insensitive), with species counts per kind

        ``GET /api/v1/materials/{formula}``
        """
        response = self._request("GET", f"/api/v1/materials/{_path(formula)}")
        return models.MaterialRead.model_validate_json(response.content)

    def list_references(
        self,
        *,
        q: str | None = None,
        year: int | None = None,
        journal: str | None = None,
        doi: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageReferenceRead:
        """References, filtered; as JSON, BibTeX, CSL-JSON or ACS citations

        ``GET /api/v1/references``
        """
        response = self._request(
            "GET",
            "/api/v1/references",
            params={
                "q": q,
                "year": year,
                "journal": journal,
                "doi": doi,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageReferenceRead.model_validate_json(response.content)

    def iter_references(
        self,
        *,
        q: str | None = None,
        year: int | None = None,
        journal: str | None = None,
        doi: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ReferenceRead]:
        """Every item of ``list_references``, page after page (``limit`` items a request).

        ``GET /api/v1/references``, following ``links.next``
        """
        for page in self._pages(
            models.PageReferenceRead,
            "/api/v1/references",
            {"q": q, "year": year, "journal": journal, "doi": doi, "limit": limit},
        ):
            yield from page.data

    def create_reference(
        self, body: models.ReferenceSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Create a reference (curator key)

        ``POST /api/v1/references``
        """
        response = self._request("POST", "/api/v1/references", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def get_reference(self, key: str) -> models.ReferenceRead:
        """One reference by citation key; as JSON, BibTeX, CSL-JSON or an ACS citation

        ``GET /api/v1/references/{key}``
        """
        response = self._request("GET", f"/api/v1/references/{_path(key)}")
        return models.ReferenceRead.model_validate_json(response.content)

    def get_bibliography(
        self,
        *,
        about: list[models.FactKind | str] | None = None,
        material: str | None = None,
        species: str | None = None,
        trigger: models.Trigger | str | None = None,
        status: models.EvidenceStatus | str | None = None,
        mass_da: float | None = None,
        tolerance_da: float | None = 5.0,
    ) -> models.Bibliography:
        """Every reference the matched facts rest on, as JSON, BibTeX, CSL-JSON or ACS

        ``GET /api/v1/bibliography``
        """
        response = self._request(
            "GET",
            "/api/v1/bibliography",
            params={
                "about": about,
                "material": material,
                "species": species,
                "trigger": trigger,
                "status": status,
                "mass_da": mass_da,
                "tolerance_da": tolerance_da,
            },
        )
        return models.Bibliography.model_validate_json(response.content)

    def resolve_bibliography(self, text: str) -> models.ResolvedBibliography:
        """The bibliography of exactly the keys a Markdown, LaTeX or .aux text cites

        ``POST /api/v1/bibliography/resolve``
        """
        response = self._request(
            "POST", "/api/v1/bibliography/resolve", content=text, content_type="text/plain"
        )
        return models.ResolvedBibliography.model_validate_json(response.content)

    def list_syntheses(
        self,
        *,
        material: str | None = None,
        reference: str | None = None,
        reagent: str | None = None,
        solvent: str | None = None,
        additive: str | None = None,
        temperature_c: float | None = None,
        species: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageSynthesisRead:
        """Syntheses and preparations with their ordered condition steps, filtered by material, reference, reagent, solvent, additive, temperature or species

        ``GET /api/v1/syntheses``
        """
        response = self._request(
            "GET",
            "/api/v1/syntheses",
            params={
                "material": material,
                "reference": reference,
                "reagent": reagent,
                "solvent": solvent,
                "additive": additive,
                "temperature_c": temperature_c,
                "species": species,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageSynthesisRead.model_validate_json(response.content)

    def iter_syntheses(
        self,
        *,
        material: str | None = None,
        reference: str | None = None,
        reagent: str | None = None,
        solvent: str | None = None,
        additive: str | None = None,
        temperature_c: float | None = None,
        species: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.SynthesisRead]:
        """Every item of ``list_syntheses``, page after page (``limit`` items a request).

        ``GET /api/v1/syntheses``, following ``links.next``
        """
        for page in self._pages(
            models.PageSynthesisRead,
            "/api/v1/syntheses",
            {
                "material": material,
                "reference": reference,
                "reagent": reagent,
                "solvent": solvent,
                "additive": additive,
                "temperature_c": temperature_c,
                "species": species,
                "limit": limit,
            },
        ):
            yield from page.data

    def create_synthesis(
        self, body: models.SynthesisSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Create a synthesis (curator key)

        ``POST /api/v1/syntheses``
        """
        response = self._request("POST", "/api/v1/syntheses", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def get_synthesis(self, slug: str) -> models.SynthesisRead:
        """One synthesis

        ``GET /api/v1/syntheses/{slug}``
        """
        response = self._request("GET", f"/api/v1/syntheses/{_path(slug)}")
        return models.SynthesisRead.model_validate_json(response.content)

    def list_experiments(
        self,
        *,
        material: str | None = None,
        reference: str | None = None,
        species: str | None = None,
        reagent: str | None = None,
        solvent: str | None = None,
        additive: str | None = None,
        temperature_c: float | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageExperimentRead:
        """Experiments with their condition steps and time-resolved observations, filtered by material, reference, species, reagent, solvent, additive or temperature

        ``GET /api/v1/experiments``
        """
        response = self._request(
            "GET",
            "/api/v1/experiments",
            params={
                "material": material,
                "reference": reference,
                "species": species,
                "reagent": reagent,
                "solvent": solvent,
                "additive": additive,
                "temperature_c": temperature_c,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageExperimentRead.model_validate_json(response.content)

    def iter_experiments(
        self,
        *,
        material: str | None = None,
        reference: str | None = None,
        species: str | None = None,
        reagent: str | None = None,
        solvent: str | None = None,
        additive: str | None = None,
        temperature_c: float | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ExperimentRead]:
        """Every item of ``list_experiments``, page after page (``limit`` items a request).

        ``GET /api/v1/experiments``, following ``links.next``
        """
        for page in self._pages(
            models.PageExperimentRead,
            "/api/v1/experiments",
            {
                "material": material,
                "reference": reference,
                "species": species,
                "reagent": reagent,
                "solvent": solvent,
                "additive": additive,
                "temperature_c": temperature_c,
                "limit": limit,
            },
        ):
            yield from page.data

    def create_experiment(
        self, body: models.ExperimentSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Create an experiment (curator key)

        ``POST /api/v1/experiments``
        """
        response = self._request("POST", "/api/v1/experiments", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def get_experiment(self, slug: str) -> models.ExperimentRead:
        """One experiment

        ``GET /api/v1/experiments/{slug}``
        """
        response = self._request("GET", f"/api/v1/experiments/{_path(slug)}")
        return models.ExperimentRead.model_validate_json(response.content)

    def list_quasi_isomer_groups(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageQuasiIsomerGroupRead:
        """Quasi-isomer groups: MSCs and their PCs of similar core composition

        ``GET /api/v1/quasi-isomer-groups``
        """
        response = self._request(
            "GET",
            "/api/v1/quasi-isomer-groups",
            params={"limit": limit, "cursor": cursor, "count": count},
        )
        return models.PageQuasiIsomerGroupRead.model_validate_json(response.content)

    def iter_quasi_isomer_groups(
        self, *, limit: int | None = 50
    ) -> Iterator[models.QuasiIsomerGroupRead]:
        """Every item of ``list_quasi_isomer_groups``, page after page (``limit`` items a request).

        ``GET /api/v1/quasi-isomer-groups``, following ``links.next``
        """
        for page in self._pages(
            models.PageQuasiIsomerGroupRead, "/api/v1/quasi-isomer-groups", {"limit": limit}
        ):
            yield from page.data

    def list_mechanisms(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageMechanismRead:
        """Proposed pathways (SN1-like, SN2-like, ...) as ordered steps

        ``GET /api/v1/mechanisms``
        """
        response = self._request(
            "GET", "/api/v1/mechanisms", params={"limit": limit, "cursor": cursor, "count": count}
        )
        return models.PageMechanismRead.model_validate_json(response.content)

    def iter_mechanisms(self, *, limit: int | None = 50) -> Iterator[models.MechanismRead]:
        """Every item of ``list_mechanisms``, page after page (``limit`` items a request).

        ``GET /api/v1/mechanisms``, following ``links.next``
        """
        for page in self._pages(models.PageMechanismRead, "/api/v1/mechanisms", {"limit": limit}):
            yield from page.data

    def list_glossary(
        self,
        *,
        q: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageGlossaryTermRead:
        """Acronyms and concepts of the field (Table S1), optionally by text

        ``GET /api/v1/glossary``
        """
        response = self._request(
            "GET",
            "/api/v1/glossary",
            params={"q": q, "limit": limit, "cursor": cursor, "count": count},
        )
        return models.PageGlossaryTermRead.model_validate_json(response.content)

    def iter_glossary(
        self, *, q: str | None = None, limit: int | None = 50
    ) -> Iterator[models.GlossaryTermRead]:
        """Every item of ``list_glossary``, page after page (``limit`` items a request).

        ``GET /api/v1/glossary``, following ``links.next``
        """
        for page in self._pages(
            models.PageGlossaryTermRead, "/api/v1/glossary", {"q": q, "limit": limit}
        ):
            yield from page.data

    def get_glossary_term(self, term: str) -> models.GlossaryTermRead:
        """One glossary term by slug or acronym, case-insensitive (pc, PC, Mo/Fr)

        ``GET /api/v1/glossary/{term}``
        """
        response = self._request("GET", f"/api/v1/glossary/{_path(term)}")
        return models.GlossaryTermRead.model_validate_json(response.content)

    def list_constants(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageConstantRead:
        """Physical constants the source quotes, with uncertainties

        ``GET /api/v1/constants``
        """
        response = self._request(
            "GET", "/api/v1/constants", params={"limit": limit, "cursor": cursor, "count": count}
        )
        return models.PageConstantRead.model_validate_json(response.content)

    def iter_constants(self, *, limit: int | None = 50) -> Iterator[models.ConstantRead]:
        """Every item of ``list_constants``, page after page (``limit`` items a request).

        ``GET /api/v1/constants``, following ``links.next``
        """
        for page in self._pages(models.PageConstantRead, "/api/v1/constants", {"limit": limit}):
            yield from page.data

    def list_monomer_formulas(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageMonomerFormulaRead:
        """Proposed monomers M2En per metal (Table S1)

        ``GET /api/v1/monomer-formulas``
        """
        response = self._request(
            "GET",
            "/api/v1/monomer-formulas",
            params={"limit": limit, "cursor": cursor, "count": count},
        )
        return models.PageMonomerFormulaRead.model_validate_json(response.content)

    def iter_monomer_formulas(
        self, *, limit: int | None = 50
    ) -> Iterator[models.MonomerFormulaRead]:
        """Every item of ``list_monomer_formulas``, page after page (``limit`` items a request).

        ``GET /api/v1/monomer-formulas``, following ``links.next``
        """
        for page in self._pages(
            models.PageMonomerFormulaRead, "/api/v1/monomer-formulas", {"limit": limit}
        ):
            yield from page.data

    def list_key_advances(
        self,
        *,
        material: str | None = None,
        reference: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageKeyAdvanceRead:
        """Key advances in MSC synthesis per work (Table S2), by material or reference

        ``GET /api/v1/key-advances``
        """
        response = self._request(
            "GET",
            "/api/v1/key-advances",
            params={
                "material": material,
                "reference": reference,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageKeyAdvanceRead.model_validate_json(response.content)

    def iter_key_advances(
        self, *, material: str | None = None, reference: str | None = None, limit: int | None = 50
    ) -> Iterator[models.KeyAdvanceRead]:
        """Every item of ``list_key_advances``, page after page (``limit`` items a request).

        ``GET /api/v1/key-advances``, following ``links.next``
        """
        for page in self._pages(
            models.PageKeyAdvanceRead,
            "/api/v1/key-advances",
            {"material": material, "reference": reference, "limit": limit},
        ):
            yield from page.data

    def list_characterizations(
        self,
        *,
        material: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageCharacterizationRead:
        """Measurements the source presents without numbers to curate (Figures S3, S4), by material

        ``GET /api/v1/characterizations``
        """
        response = self._request(
            "GET",
            "/api/v1/characterizations",
            params={"material": material, "limit": limit, "cursor": cursor, "count": count},
        )
        return models.PageCharacterizationRead.model_validate_json(response.content)

    def iter_characterizations(
        self, *, material: str | None = None, limit: int | None = 50
    ) -> Iterator[models.CharacterizationRead]:
        """Every item of ``list_characterizations``, page after page (``limit`` items a request).

        ``GET /api/v1/characterizations``, following ``links.next``
        """
        for page in self._pages(
            models.PageCharacterizationRead,
            "/api/v1/characterizations",
            {"material": material, "limit": limit},
        ):
            yield from page.data

    def list_notes(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageSourceNoteRead:
        """What the source states beside its tables' rows (the note under Table S2)

        ``GET /api/v1/notes``
        """
        response = self._request(
            "GET", "/api/v1/notes", params={"limit": limit, "cursor": cursor, "count": count}
        )
        return models.PageSourceNoteRead.model_validate_json(response.content)

    def iter_notes(self, *, limit: int | None = 50) -> Iterator[models.SourceNoteRead]:
        """Every item of ``list_notes``, page after page (``limit`` items a request).

        ``GET /api/v1/notes``, following ``links.next``
        """
        for page in self._pages(models.PageSourceNoteRead, "/api/v1/notes", {"limit": limit}):
            yield from page.data

    def list_property_dependences(
        self,
        *,
        species: str | None = None,
        material: str | None = None,
        depends_on: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PagePropertyDependenceRead:
        """Properties the source says depend on a condition, without values (Figure S2), by species, material or condition

        ``GET /api/v1/property-dependences``
        """
        response = self._request(
            "GET",
            "/api/v1/property-dependences",
            params={
                "species": species,
                "material": material,
                "depends_on": depends_on,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PagePropertyDependenceRead.model_validate_json(response.content)

    def iter_property_dependences(
        self,
        *,
        species: str | None = None,
        material: str | None = None,
        depends_on: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.PropertyDependenceRead]:
        """Every item of ``list_property_dependences``, page after page (``limit`` items a request).

        ``GET /api/v1/property-dependences``, following ``links.next``
        """
        for page in self._pages(
            models.PagePropertyDependenceRead,
            "/api/v1/property-dependences",
            {"species": species, "material": material, "depends_on": depends_on, "limit": limit},
        ):
            yield from page.data

    def list_cluster_links(
        self,
        *,
        species: str | None = None,
        relation: models.ClusterRelation | str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageClusterLinkRead:
        """Clusters of definite formula linked to a species (Note S2), by species (either end) or relation

        ``GET /api/v1/cluster-links``
        """
        response = self._request(
            "GET",
            "/api/v1/cluster-links",
            params={
                "species": species,
                "relation": relation,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageClusterLinkRead.model_validate_json(response.content)

    def iter_cluster_links(
        self,
        *,
        species: str | None = None,
        relation: models.ClusterRelation | str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ClusterLinkRead]:
        """Every item of ``list_cluster_links``, page after page (``limit`` items a request).

        ``GET /api/v1/cluster-links``, following ``links.next``
        """
        for page in self._pages(
            models.PageClusterLinkRead,
            "/api/v1/cluster-links",
            {"species": species, "relation": relation, "limit": limit},
        ):
            yield from page.data

    def get_table(self, name: str) -> models.TableRead:
        """A table of the source (S1 to S5) regenerated from the data, with citation keys

        ``GET /api/v1/tables/{name}``
        """
        response = self._request("GET", f"/api/v1/tables/{_path(name)}")
        return models.TableRead.model_validate_json(response.content)

    def get_export(self) -> dict[str, Any]:
        """The whole knowledge base: one JSON document, or a Frictionless data package

        ``GET /api/v1/export``
        """
        response = self._request("GET", "/api/v1/export")
        return _parse_object(response)

    def get_dataset(self) -> models.DatasetJsonLd:
        """The knowledge base as a schema.org Dataset (JSON-LD), each release a part

        ``GET /api/v1/dataset``
        """
        response = self._request("GET", "/api/v1/dataset")
        return models.DatasetJsonLd.model_validate_json(response.content)

    def list_releases(
        self, *, limit: int | None = 50, cursor: str | None = None, count: bool | None = False
    ) -> models.PageReleaseRead:
        """Every data release, oldest first, each with its citation

        ``GET /api/v1/releases``
        """
        response = self._request(
            "GET", "/api/v1/releases", params={"limit": limit, "cursor": cursor, "count": count}
        )
        return models.PageReleaseRead.model_validate_json(response.content)

    def iter_releases(self, *, limit: int | None = 50) -> Iterator[models.ReleaseRead]:
        """Every item of ``list_releases``, page after page (``limit`` items a request).

        ``GET /api/v1/releases``, following ``links.next``
        """
        for page in self._pages(models.PageReleaseRead, "/api/v1/releases", {"limit": limit}):
            yield from page.data

    def get_release(self, number: int) -> models.ReleaseRead:
        """One data release: number, date, content hash and its citation

        ``GET /api/v1/releases/{number}``
        """
        response = self._request("GET", f"/api/v1/releases/{_path(number)}")
        return models.ReleaseRead.model_validate_json(response.content)

    def get_release_citation(self, number: int, *, format: str | None = "bibtex") -> str:
        """How to cite a release: BibTeX (default), CSL-JSON or RIS

        ``GET /api/v1/releases/{number}/citation``
        """
        response = self._request(
            "GET", f"/api/v1/releases/{_path(number)}/citation", params={"format": format}
        )
        return response.text

    def get_release_export(self, number: int) -> dict[str, Any]:
        """A release's export as it was frozen: JSON, or the data package rebuilt from it

        ``GET /api/v1/releases/{number}/export``
        """
        response = self._request("GET", f"/api/v1/releases/{_path(number)}/export")
        return _parse_object(response)

    def get_release_diff(self, first: int, second: int) -> models.ReleaseDiffRead:
        """What changed from one release to another: facts added, changed, removed

        ``GET /api/v1/releases/{first}/diff/{second}``
        """
        response = self._request("GET", f"/api/v1/releases/{_path(first)}/diff/{_path(second)}")
        return models.ReleaseDiffRead.model_validate_json(response.content)

    def update_reference(
        self, identifier: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change a reference with a merge patch (curator key, If-Match)

        ``PATCH /api/v1/references/{identifier}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/references/{_path(identifier)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_reference(self, identifier: str, *, if_match: str) -> models.WriteResult:
        """Delete a reference (admin key, If-Match)

        ``DELETE /api/v1/references/{identifier}``
        """
        response = self._request(
            "DELETE", f"/api/v1/references/{_path(identifier)}", headers={"if-match": if_match}
        )
        return models.WriteResult.model_validate_json(response.content)

    def update_species(
        self, identifier: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change a species with a merge patch (curator key, If-Match)

        ``PATCH /api/v1/species/{identifier}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/species/{_path(identifier)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_species(self, identifier: str, *, if_match: str) -> models.WriteResult:
        """Delete a species (admin key, If-Match)

        ``DELETE /api/v1/species/{identifier}``
        """
        response = self._request(
            "DELETE", f"/api/v1/species/{_path(identifier)}", headers={"if-match": if_match}
        )
        return models.WriteResult.model_validate_json(response.content)

    def update_maldi(
        self, identifier: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change a MALDI measurement with a merge patch (curator key, If-Match)

        ``PATCH /api/v1/maldi/{identifier}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/maldi/{_path(identifier)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_maldi(self, identifier: str, *, if_match: str) -> models.WriteResult:
        """Delete a MALDI measurement (admin key, If-Match)

        ``DELETE /api/v1/maldi/{identifier}``
        """
        response = self._request(
            "DELETE", f"/api/v1/maldi/{_path(identifier)}", headers={"if-match": if_match}
        )
        return models.WriteResult.model_validate_json(response.content)

    def update_synthesis(
        self, identifier: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change a synthesis with a merge patch (curator key, If-Match)

        ``PATCH /api/v1/syntheses/{identifier}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/syntheses/{_path(identifier)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_synthesis(self, identifier: str, *, if_match: str) -> models.WriteResult:
        """Delete a synthesis (admin key, If-Match)

        ``DELETE /api/v1/syntheses/{identifier}``
        """
        response = self._request(
            "DELETE", f"/api/v1/syntheses/{_path(identifier)}", headers={"if-match": if_match}
        )
        return models.WriteResult.model_validate_json(response.content)

    def update_experiment(
        self, identifier: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change an experiment with a merge patch (curator key, If-Match)

        ``PATCH /api/v1/experiments/{identifier}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/experiments/{_path(identifier)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_experiment(self, identifier: str, *, if_match: str) -> models.WriteResult:
        """Delete an experiment (admin key, If-Match)

        ``DELETE /api/v1/experiments/{identifier}``
        """
        response = self._request(
            "DELETE", f"/api/v1/experiments/{_path(identifier)}", headers={"if-match": if_match}
        )
        return models.WriteResult.model_validate_json(response.content)

    def update_transformation(
        self, identifier: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change a transformation with a merge patch (curator key, If-Match)

        ``PATCH /api/v1/transformations/{identifier}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/transformations/{_path(identifier)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_transformation(self, identifier: str, *, if_match: str) -> models.WriteResult:
        """Delete a transformation (admin key, If-Match)

        ``DELETE /api/v1/transformations/{identifier}``
        """
        response = self._request(
            "DELETE", f"/api/v1/transformations/{_path(identifier)}", headers={"if-match": if_match}
        )
        return models.WriteResult.model_validate_json(response.content)

    def create_counterpart(
        self, body: models.CounterpartSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Link a PC (first) to its MSC (second) (curator key)

        ``POST /api/v1/counterparts``
        """
        response = self._request("POST", "/api/v1/counterparts", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def get_counterpart(self, first: str, second: str) -> models.WriteResult:
        """A counterpart, as a seed entry with its ETag

        ``GET /api/v1/counterparts/{first}/{second}``
        """
        response = self._request("GET", f"/api/v1/counterparts/{_path(first)}/{_path(second)}")
        return models.WriteResult.model_validate_json(response.content)

    def update_counterpart(
        self, first: str, second: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change a counterpart's evidence (curator key, If-Match)

        ``PATCH /api/v1/counterparts/{first}/{second}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/counterparts/{_path(first)}/{_path(second)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_counterpart(self, first: str, second: str, *, if_match: str) -> models.WriteResult:
        """Delete a counterpart (admin key, If-Match)

        ``DELETE /api/v1/counterparts/{first}/{second}``
        """
        response = self._request(
            "DELETE",
            f"/api/v1/counterparts/{_path(first)}/{_path(second)}",
            headers={"if-match": if_match},
        )
        return models.WriteResult.model_validate_json(response.content)

    def create_isomer_pair(
        self, body: models.IsomerPairSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Record two species as isomers (curator key)

        ``POST /api/v1/isomer-pairs``
        """
        response = self._request("POST", "/api/v1/isomer-pairs", json=body)
        return models.WriteResult.model_validate_json(response.content)

    def get_isomer_pair(self, first: str, second: str) -> models.WriteResult:
        """An isomer pair, as a seed entry with its ETag

        ``GET /api/v1/isomer-pairs/{first}/{second}``
        """
        response = self._request("GET", f"/api/v1/isomer-pairs/{_path(first)}/{_path(second)}")
        return models.WriteResult.model_validate_json(response.content)

    def update_isomer_pair(
        self, first: str, second: str, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change an isomer pair's evidence (curator key, If-Match)

        ``PATCH /api/v1/isomer-pairs/{first}/{second}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/isomer-pairs/{_path(first)}/{_path(second)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_isomer_pair(self, first: str, second: str, *, if_match: str) -> models.WriteResult:
        """Delete an isomer pair (admin key, If-Match)

        ``DELETE /api/v1/isomer-pairs/{first}/{second}``
        """
        response = self._request(
            "DELETE",
            f"/api/v1/isomer-pairs/{_path(first)}/{_path(second)}",
            headers={"if-match": if_match},
        )
        return models.WriteResult.model_validate_json(response.content)

    def create_experiment_observation(
        self, slug: str, body: models.ObservationSeed | Mapping[str, Any]
    ) -> models.WriteResult:
        """Add an observation to an experiment (curator key)

        ``POST /api/v1/experiments/{slug}/observations``
        """
        response = self._request(
            "POST", f"/api/v1/experiments/{_path(slug)}/observations", json=body
        )
        return models.WriteResult.model_validate_json(response.content)

    def get_experiment_observation(self, slug: str, position: int) -> models.WriteResult:
        """One observation, as a seed entry with its ETag

        ``GET /api/v1/experiments/{slug}/observations/{position}``
        """
        response = self._request(
            "GET", f"/api/v1/experiments/{_path(slug)}/observations/{_path(position)}"
        )
        return models.WriteResult.model_validate_json(response.content)

    def update_experiment_observation(
        self, slug: str, position: int, changes: Mapping[str, Any], *, if_match: str
    ) -> models.WriteResult:
        """Change an observation (curator key, If-Match)

        ``PATCH /api/v1/experiments/{slug}/observations/{position}``
        """
        response = self._request(
            "PATCH",
            f"/api/v1/experiments/{_path(slug)}/observations/{_path(position)}",
            headers={"if-match": if_match},
            json=changes,
            content_type="application/merge-patch+json",
        )
        return models.WriteResult.model_validate_json(response.content)

    def delete_experiment_observation(
        self, slug: str, position: int, *, if_match: str
    ) -> models.WriteResult:
        """Delete an observation (admin key, If-Match)

        ``DELETE /api/v1/experiments/{slug}/observations/{position}``
        """
        response = self._request(
            "DELETE",
            f"/api/v1/experiments/{_path(slug)}/observations/{_path(position)}",
            headers={"if-match": if_match},
        )
        return models.WriteResult.model_validate_json(response.content)

    def import_references(self, text: str) -> models.ImportRead:
        """Import BibTeX: each entry created, or reported as a duplicate (curator key)

        ``POST /api/v1/references/import``
        """
        response = self._request(
            "POST", "/api/v1/references/import", content=text, content_type="application/x-bibtex"
        )
        return models.ImportRead.model_validate_json(response.content)

    def list_changes(
        self,
        *,
        entity: str | None = None,
        identifier: str | None = None,
        key: str | None = None,
        action: models.ChangeAction | str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The change history: every write by the API, seed runs, imports, restores

        ``GET /api/v1/changes``
        """
        response = self._request(
            "GET",
            "/api/v1/changes",
            params={
                "entity": entity,
                "identifier": identifier,
                "key": key,
                "action": action,
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_changes(
        self,
        *,
        entity: str | None = None,
        identifier: str | None = None,
        key: str | None = None,
        action: models.ChangeAction | str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``list_changes``, page after page (``limit`` items a request).

        ``GET /api/v1/changes``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            "/api/v1/changes",
            {
                "entity": entity,
                "identifier": identifier,
                "key": key,
                "action": action,
                "since": since,
                "until": until,
                "limit": limit,
            },
        ):
            yield from page.data

    def get_species_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The history of one species: every change, oldest first

        ``GET /api/v1/species/{slug}/history``
        """
        response = self._request(
            "GET",
            f"/api/v1/species/{_path(slug)}/history",
            params={
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_species_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``get_species_history``, page after page (``limit`` items a request).

        ``GET /api/v1/species/{slug}/history``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            f"/api/v1/species/{_path(slug)}/history",
            {"since": since, "until": until, "limit": limit},
        ):
            yield from page.data

    def get_transformation_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The history of one transformation: every change, oldest first

        ``GET /api/v1/transformations/{slug}/history``
        """
        response = self._request(
            "GET",
            f"/api/v1/transformations/{_path(slug)}/history",
            params={
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_transformation_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``get_transformation_history``, page after page (``limit`` items a request).

        ``GET /api/v1/transformations/{slug}/history``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            f"/api/v1/transformations/{_path(slug)}/history",
            {"since": since, "until": until, "limit": limit},
        ):
            yield from page.data

    def get_synthesis_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The history of one synthesis: every change, oldest first

        ``GET /api/v1/syntheses/{slug}/history``
        """
        response = self._request(
            "GET",
            f"/api/v1/syntheses/{_path(slug)}/history",
            params={
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_synthesis_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``get_synthesis_history``, page after page (``limit`` items a request).

        ``GET /api/v1/syntheses/{slug}/history``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            f"/api/v1/syntheses/{_path(slug)}/history",
            {"since": since, "until": until, "limit": limit},
        ):
            yield from page.data

    def get_experiment_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The history of one experiment: every change, oldest first

        ``GET /api/v1/experiments/{slug}/history``
        """
        response = self._request(
            "GET",
            f"/api/v1/experiments/{_path(slug)}/history",
            params={
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_experiment_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``get_experiment_history``, page after page (``limit`` items a request).

        ``GET /api/v1/experiments/{slug}/history``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            f"/api/v1/experiments/{_path(slug)}/history",
            {"since": since, "until": until, "limit": limit},
        ):
            yield from page.data

    def get_maldi_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The history of one MALDI measurement: every change, oldest first

        ``GET /api/v1/maldi/{slug}/history``
        """
        response = self._request(
            "GET",
            f"/api/v1/maldi/{_path(slug)}/history",
            params={
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_maldi_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``get_maldi_history``, page after page (``limit`` items a request).

        ``GET /api/v1/maldi/{slug}/history``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            f"/api/v1/maldi/{_path(slug)}/history",
            {"since": since, "until": until, "limit": limit},
        ):
            yield from page.data

    def get_reference_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
        cursor: str | None = None,
        count: bool | None = False,
    ) -> models.PageChangeRead:
        """The history of one reference: every change, oldest first

        ``GET /api/v1/references/{slug}/history``
        """
        response = self._request(
            "GET",
            f"/api/v1/references/{_path(slug)}/history",
            params={
                "since": since,
                "until": until,
                "limit": limit,
                "cursor": cursor,
                "count": count,
            },
        )
        return models.PageChangeRead.model_validate_json(response.content)

    def iter_reference_history(
        self,
        slug: str,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = 50,
    ) -> Iterator[models.ChangeRead]:
        """Every item of ``get_reference_history``, page after page (``limit`` items a request).

        ``GET /api/v1/references/{slug}/history``, following ``links.next``
        """
        for page in self._pages(
            models.PageChangeRead,
            f"/api/v1/references/{_path(slug)}/history",
            {"since": since, "until": until, "limit": limit},
        ):
            yield from page.data
