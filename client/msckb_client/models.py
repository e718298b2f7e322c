# Generated from the MSC-KB OpenAPI document by `make client`: do not edit.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class Approach(StrEnum):
    one_step = "one-step"
    two_step = "two-step"


class AuthorRead(BaseModel):
    family: Annotated[str, Field(title="Family")]
    given: Annotated[str | None, Field(title="Given")]
    """
    Given names or initials as known; null if unknown.
    """


class Given(RootModel[str]):
    root: Annotated[str, Field(max_length=120, min_length=1, title="Given")]


class AuthorSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    family: Annotated[str, Field(max_length=120, min_length=1, title="Family")]
    given: Annotated[Given | None, Field(title="Given")] = None


class CellRead(BaseModel):
    text: Annotated[str, Field(title="Text")]
    cite: Annotated[list[str], Field(title="Cite")]
    """
    Citation keys where the source numbers a reference.
    """


class ChangeAction(StrEnum):
    create = "create"
    update = "update"
    delete = "delete"


class ChangeRead(BaseModel):
    id: Annotated[int, Field(title="Id")]
    at: Annotated[AwareDatetime, Field(title="At")]
    key: Annotated[str, Field(title="Key")]
    """
    Name of the API key that wrote; "seed" for a seed run, "cli" for the command line on the server (a restore, a key revoked).
    """
    action: ChangeAction
    entity: Annotated[str, Field(title="Entity")]
    identifier: Annotated[str, Field(title="Identifier")]
    before: Annotated[dict[str, Any] | None, Field(title="Before")]
    """
    The entry before; null for a creation.
    """
    after: Annotated[dict[str, Any] | None, Field(title="After")]
    """
    The entry after; null for a deletion.
    """
    request_id: Annotated[str | None, Field(title="Request Id")]
    """
    The request, or the seed run ("seed-..."), that made it: one change set.
    """
    release: Annotated[int | None, Field(title="Release")]
    """
    For a seed run's changes, the data release the run left.
    """


class CheckedField(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    field: Annotated[str, Field(pattern="^(doi|issue|author|title)$", title="Field")]
    checked_at: Annotated[str, Field(min_length=1, title="Checked At")]


class CheckedFieldRead(BaseModel):
    field: Annotated[str, Field(title="Field")]
    """
    A field completed from a checked bibliographic record.
    """
    checked_at: Annotated[str, Field(title="Checked At")]
    """
    The record it was checked against.
    """


class CitationFormat(StrEnum):
    json = "json"
    bibtex = "bibtex"
    csljson = "csljson"
    ris = "ris"
    acs = "acs"


class CitationRead(BaseModel):
    text: Annotated[str, Field(title="Text")]
    """
    "MSC-KB, release n, date, content hash" and the source.
    """
    bibtex: Annotated[str, Field(title="Bibtex")]
    csl: Annotated[list[dict[str, Any]], Field(title="Csl")]
    """
    CSL-JSON: the release and the source.
    """


class ClusterRelation(StrEnum):
    """
    How a cluster of definite formula is linked to a species.
    """

    mass_spectrum = "mass-spectrum"
    composition = "composition"


class ComponentRole(StrEnum):
    precursor = "precursor"
    solvent = "solvent"
    additive = "additive"
    ligand = "ligand"
    sample = "sample"


class VolumeMl(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, title="Volume Ml")]
    """
    millilitres
    """


class ComponentSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    reagent: Annotated[
        str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Reagent")
    ]
    role: ComponentRole
    volume_ml: Annotated[VolumeMl | None, Field(title="Volume Ml")] = None
    note: Annotated[str | None, Field(title="Note")] = None


class CslItem(BaseModel):
    """
    One CSL-JSON item (the fields every item here has; the others as CSL names them).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    id: Annotated[str, Field(title="Id")]
    type: Annotated[str, Field(title="Type")]
    title: Annotated[str, Field(title="Title")]


class DatasetJsonLd(BaseModel):
    """
    A schema.org Dataset in JSON-LD (the keys every one here has; the others as
    schema.org names them).
    """

    model_config = ConfigDict(
        extra="allow",
    )
    field_context: Annotated[str, Field(alias="@context", title="@Context")]
    field_type: Annotated[str, Field(alias="@type", title="@Type")]
    name: Annotated[str, Field(title="Name")]


class DuplicateRead(BaseModel):
    key: Annotated[str, Field(title="Key")]
    """
    The key the imported entry carries.
    """
    existing: Annotated[str, Field(title="Existing")]
    """
    The stored reference it duplicates.
    """
    matched_by: Annotated[str, Field(title="Matched By")]
    """
    "doi", "key" or "title and year".
    """


class EntryType(StrEnum):
    article = "article"
    book = "book"
    inbook = "inbook"
    misc = "misc"


class EvidenceStatus(StrEnum):
    """
    How the source states a fact. Never upgraded: a proposal stays a proposal.
    """

    reported = "reported"
    proposed = "proposed"
    hypothesised = "hypothesised"
    argued = "argued"
    claimed = "claimed"
    attributed = "attributed"
    inferred = "inferred"


class ExportFormat(StrEnum):
    json = "json"
    datapackage = "datapackage"


class FactKind(StrEnum):
    species = "species"
    transformations = "transformations"
    maldi = "maldi"
    key_advances = "key_advances"
    syntheses = "syntheses"
    experiments = "experiments"
    observations = "observations"
    relations = "relations"
    mechanisms = "mechanisms"
    constants = "constants"
    glossary = "glossary"
    monomer_formulas = "monomer_formulas"
    characterizations = "characterizations"
    notes = "notes"


class FieldChange(BaseModel):
    old: Annotated[Any, Field(title="Old")]
    new: Annotated[Any, Field(title="New")]


class Parameter(StrEnum):
    """
    The filter that matched.
    """

    solvent = "solvent"
    additive = "additive"
    temperature_c = "temperature_c"


class Record(StrEnum):
    """
    conditions: the transformation's own; kinetics: a kinetics record (the solvent its values hold for); isosbestic point: one read at that temperature; experiment step: a step of its experiment.
    """

    conditions = "conditions"
    kinetics = "kinetics"
    isosbestic_point = "isosbestic point"
    experiment_step = "experiment step"


class Finding(StrEnum):
    similar = "similar"
    different = "different"
    slightly_different = "slightly different"


class Health(BaseModel):
    status: Annotated[Literal["ok"], Field(title="Status")]


class ImportRead(BaseModel):
    created: Annotated[list[str], Field(title="Created")]
    """
    Citation keys of the references created.
    """
    duplicates: Annotated[list[DuplicateRead], Field(title="Duplicates")]


class InfoRelease(BaseModel):
    number: Annotated[int, Field(title="Number")]
    """
    1 for the first release of this database, then +1.
    """
    content_hash: Annotated[str, Field(title="Content Hash")]
    """
    SHA-256 of the exported tables (/api/v1/export).
    """
    created_at: Annotated[AwareDatetime, Field(title="Created At")]


class Species(RootModel[str]):
    root: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$")]


class TemperatureC(RootModel[float]):
    root: Annotated[float, Field(ge=-273.15, title="Temperature C")]
    """
    degrees Celsius
    """


class KeyAdvancePeakRead(BaseModel):
    peak_nm: Annotated[float | None, Field(title="Peak Nm")]
    peak_low_nm: Annotated[float | None, Field(title="Peak Low Nm")]
    peak_high_nm: Annotated[float | None, Field(title="Peak High Nm")]


class Solvent(RootModel[str]):
    root: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Solvent")]


class ReactionOrder(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, title="Reaction Order")]


class BarrierKjMol(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, title="Barrier Kj Mol")]
    """
    kJ/mol
    """


class BarrierUncertaintyKjMol(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, title="Barrier Uncertainty Kj Mol")]


class ListFormat(StrEnum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class Synthesis(RootModel[str]):
    root: Annotated[
        str,
        Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Synthesis"),
    ]


class MassRead(BaseModel):
    """
    A mass at charge z: one value, or a range (60–90 kDa).
    """

    mass_da: Annotated[float | None, Field(title="Mass Da")]
    mass_low_da: Annotated[float | None, Field(title="Mass Low Da")]
    mass_high_da: Annotated[float | None, Field(title="Mass High Da")]
    charge: Annotated[int | None, Field(title="Charge")]
    """
    Charge state z of the ion; null when not given.
    """


class MaterialRead(BaseModel):
    formula: Annotated[str, Field(title="Formula")]
    """
    The material's identifier, e.g. "CdS".
    """
    name: Annotated[str | None, Field(title="Name")]
    species_counts: Annotated[dict[SpeciesKind, int], Field(title="Species Counts")]
    """
    Species per kind.
    """


class MechanismStepRead(BaseModel):
    position: Annotated[int, Field(title="Position")]
    equation: Annotated[str | None, Field(title="Equation")]
    """
    The step as the source writes it.
    """
    description: Annotated[str, Field(title="Description")]
    rate_determining: Annotated[bool, Field(title="Rate Determining")]


class NetworkFormat(StrEnum):
    json = "json"
    svg = "svg"
    dot = "dot"
    graphml = "graphml"


class Species1(RootModel[str]):
    root: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Species")]


class WindowStartS(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, title="Window Start S")]
    """
    seconds
    """


class WindowEndS(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, title="Window End S")]
    """
    seconds
    """


class PageLinks(BaseModel):
    next: Annotated[str | None, Field(title="Next")]
    """
    URL of the next page (also in the Link header); null on the last page.
    """


class PageMeta(BaseModel):
    limit: Annotated[int, Field(title="Limit")]
    """
    The most items one page holds.
    """
    returned: Annotated[int, Field(title="Returned")]
    """
    Items on this page.
    """
    total: Annotated[int | None, Field(title="Total")] = None
    """
    Items matching the filters; only when count=true was asked.
    """


class PageChangeRead(BaseModel):
    data: Annotated[list[ChangeRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageMaterialRead(BaseModel):
    data: Annotated[list[MaterialRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class Direction(StrEnum):
    """
    reverse: a reversible transformation walked from product to source.
    """

    forward = "forward"
    reverse = "reverse"


class PathsMeta(BaseModel):
    source: Annotated[str, Field(title="Source")]
    target: Annotated[str, Field(title="Target")]
    max_steps: Annotated[int, Field(title="Max Steps")]
    returned: Annotated[int, Field(title="Returned")]
    truncated: Annotated[bool, Field(title="Truncated")]
    """
    True when more paths exist than `limit` allowed.
    """


class PeakResolutionMeta(BaseModel):
    peak_nm: Annotated[float, Field(title="Peak Nm")]
    """
    Wavelength in nanometres (nm).
    """
    tolerance_nm: Annotated[float, Field(title="Tolerance Nm")]
    """
    Wavelength in nanometres (nm).
    """
    material: Annotated[str | None, Field(title="Material")]
    returned: Annotated[int, Field(title="Returned")]


class PreparationRef(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    """
    Slug of the synthesis (see /api/v1/syntheses).
    """
    preparation_text: Annotated[str | None, Field(title="Preparation Text")]
    """
    The preparation as the source prints it.
    """


class ProblemItem(BaseModel):
    location: Annotated[str, Field(title="Location")]
    """
    The bad parameter, e.g. "query.limit".
    """
    message: Annotated[str, Field(title="Message")]
    type: Annotated[str, Field(title="Type")]


class Range(BaseModel):
    """
    A single value (``value``) or a range (``low`` and ``high``).
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    value: Annotated[float | None, Field(title="Value")] = None
    low: Annotated[float | None, Field(title="Low")] = None
    high: Annotated[float | None, Field(title="High")] = None


class ReagentRead(BaseModel):
    """
    A chemical as the source names it.
    """

    slug: Annotated[str, Field(title="Slug")]
    name: Annotated[str, Field(title="Name")]
    """
    As the source writes it, e.g. "OTA" or "toluene".
    """
    abbreviation: Annotated[str | None, Field(title="Abbreviation")]
    full_name: Annotated[str | None, Field(title="Full Name")]
    """
    Null where the source does not expand it.
    """


class ReferenceListFormat(StrEnum):
    """
    The citation formats, and the whole list as CSV or JSON Lines.
    """

    json = "json"
    bibtex = "bibtex"
    csljson = "csljson"
    ris = "ris"
    acs = "acs"
    csv = "csv"
    jsonl = "jsonl"


class ReferenceRead(BaseModel):
    key: Annotated[str, Field(title="Key")]
    """
    Citation key: the reference's stable identifier.
    """
    entry_type: EntryType
    authors: Annotated[list[AuthorRead], Field(title="Authors")]
    """
    In print order; empty when unknown.
    """
    title: Annotated[str | None, Field(title="Title")]
    journal: Annotated[str | None, Field(title="Journal")]
    """
    Abbreviated as the source prints it, "Chem. Mater."
    """
    year: Annotated[int | None, Field(title="Year")]
    volume: Annotated[str | None, Field(title="Volume")]
    issue: Annotated[str | None, Field(title="Issue")]
    pages: Annotated[str | None, Field(title="Pages")]
    """
    Page range or article number as printed.
    """
    doi: Annotated[str | None, Field(title="Doi")]
    publisher: Annotated[str | None, Field(title="Publisher")]
    address: Annotated[str | None, Field(title="Address")]
    edition: Annotated[str | None, Field(title="Edition")]
    cited_at: Annotated[list[str], Field(title="Cited At")]
    """
    Every place in the source that cites the work.
    """
    checked_fields: Annotated[list[CheckedFieldRead], Field(title="Checked Fields")]


class Title(RootModel[str]):
    root: Annotated[str, Field(min_length=1, title="Title")]


class Journal(RootModel[str]):
    root: Annotated[str, Field(max_length=200, min_length=1, title="Journal")]


class Year(RootModel[int]):
    root: Annotated[int, Field(ge=1800, le=2100, title="Year")]


class Volume(RootModel[str]):
    root: Annotated[str, Field(max_length=40, min_length=1, title="Volume")]


class Issue(RootModel[str]):
    root: Annotated[str, Field(max_length=40, min_length=1, title="Issue")]


class Pages(RootModel[str]):
    root: Annotated[str, Field(max_length=40, min_length=1, title="Pages")]


class Doi(RootModel[str]):
    root: Annotated[str, Field(max_length=200, pattern="^10\\.\\S+/\\S+$", title="Doi")]


class Publisher(RootModel[str]):
    root: Annotated[str, Field(max_length=200, min_length=1, title="Publisher")]


class Address(RootModel[str]):
    root: Annotated[str, Field(max_length=200, min_length=1, title="Address")]


class Edition(RootModel[str]):
    root: Annotated[str, Field(max_length=40, min_length=1, title="Edition")]


class CitedAtItem(RootModel[str]):
    root: Annotated[
        str,
        Field(
            max_length=120,
            pattern="^(Table|Figure|Note) S[1-5]\\b.*|^Title page$|^bibliographic record$",
        ),
    ]


class ReferenceSeed(BaseModel):
    """
    One work: its bibliographic record (references.bib) with where the source cites it
    and which fields were checked (references.yaml). The API takes the same shape.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    key: Annotated[str, Field(max_length=80, pattern="^[A-Za-z0-9_:-]+$", title="Key")]
    entry_type: EntryType
    authors: Annotated[list[AuthorSeed] | None, Field(title="Authors", validate_default=True)] = []
    title: Annotated[Title | None, Field(title="Title")] = None
    journal: Annotated[Journal | None, Field(title="Journal")] = None
    year: Annotated[Year | None, Field(title="Year")] = None
    volume: Annotated[Volume | None, Field(title="Volume")] = None
    issue: Annotated[Issue | None, Field(title="Issue")] = None
    pages: Annotated[Pages | None, Field(title="Pages")] = None
    doi: Annotated[Doi | None, Field(title="Doi")] = None
    publisher: Annotated[Publisher | None, Field(title="Publisher")] = None
    address: Annotated[Address | None, Field(title="Address")] = None
    edition: Annotated[Edition | None, Field(title="Edition")] = None
    cited_at: Annotated[
        list[CitedAtItem] | None, Field(title="Cited At", validate_default=True)
    ] = []
    checked: Annotated[
        list[CheckedField] | None, Field(title="Checked", validate_default=True)
    ] = []


class ReleaseRead(BaseModel):
    number: Annotated[int, Field(title="Number")]
    content_hash: Annotated[str, Field(title="Content Hash")]
    """
    SHA-256 of the release's tables (canonical JSON).
    """
    created_at: Annotated[AwareDatetime, Field(title="Created At")]
    export_kept: Annotated[bool, Field(title="Export Kept")]
    """
    Whether the release's export is kept (/releases/{n}/export).
    """
    citation: CitationRead


class ResolvedMeta(BaseModel):
    cited: Annotated[list[str], Field(title="Cited")]
    """
    Every key the text cites, first citation first.
    """
    unknown: Annotated[list[str], Field(title="Unknown")]
    """
    The cited keys the knowledge base does not hold.
    """
    returned: Annotated[int, Field(title="Returned")]


class RowChange(BaseModel):
    table: Annotated[str, Field(title="Table")]
    id: Annotated[str, Field(title="Id")]
    fields: Annotated[dict[str, FieldChange], Field(title="Fields")]


class RowRead(BaseModel):
    table: Annotated[str, Field(title="Table")]
    id: Annotated[str, Field(title="Id")]
    """
    Stable identifier of the row in the export.
    """
    values: Annotated[dict[str, Any], Field(title="Values")]


class SpeciesKind(StrEnum):
    msc = "msc"
    pc = "pc"
    qd = "qd"
    monomer = "monomer"
    fragment = "fragment"
    intermediate = "intermediate"
    cluster = "cluster"


class SpeciesRef(BaseModel):
    """
    A species named inside another object; follow ``slug`` for the whole record.
    """

    slug: Annotated[str, Field(title="Slug")]
    """
    Stable identifier: material + label, e.g. cds-msc-311.
    """
    material: Annotated[str, Field(title="Material")]
    """
    Material formula, e.g. "CdS".
    """
    kind: SpeciesKind
    label: Annotated[str, Field(title="Label")]
    """
    Label as the source spells it, e.g. "sMSC-371".
    """


class Alias(RootModel[str]):
    root: Annotated[str, Field(min_length=1)]


class StepAction(StrEnum):
    react = "react"
    heat = "heat"
    hold = "hold"
    ramp = "ramp"
    store = "store"
    disperse = "disperse"
    incubate = "incubate"
    add = "add"
    sample = "sample"
    purify = "purify"


class TemperatureEndC(RootModel[float]):
    root: Annotated[float, Field(ge=-273.15, title="Temperature End C")]
    """
    degrees Celsius
    """


class StartS(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, title="Start S")]
    """
    seconds
    """


class EndS(RootModel[float]):
    root: Annotated[float, Field(ge=0.0, title="End S")]
    """
    seconds
    """


class DurationS(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, title="Duration S")]


class StepSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    action: StepAction
    label: Annotated[str | None, Field(title="Label")] = None
    temperature_c: Annotated[TemperatureC | None, Field(title="Temperature C")] = None
    temperature_end_c: Annotated[TemperatureEndC | None, Field(title="Temperature End C")] = None
    start_s: Annotated[StartS | None, Field(title="Start S")] = None
    end_s: Annotated[EndS | None, Field(title="End S")] = None
    duration_s: Annotated[DurationS | None, Field(title="Duration S")] = None
    components: Annotated[
        list[ComponentSeed] | None, Field(title="Components", validate_default=True)
    ] = []
    note: Annotated[str | None, Field(title="Note")] = None


class TableFormat(StrEnum):
    json = "json"
    csv = "csv"
    markdown = "markdown"
    latex = "latex"


class TableRead(BaseModel):
    table: Annotated[str, Field(title="Table")]
    """
    E.g. "Table S4".
    """
    caption: Annotated[str, Field(title="Caption")]
    columns: Annotated[list[str], Field(title="Columns")]
    rows: Annotated[list[list[CellRead]], Field(title="Rows")]
    notes: Annotated[list[CellRead], Field(title="Notes")]
    """
    Footnotes, e.g. the matrices' full names.
    """


class Direction1(StrEnum):
    """
    reverse: a reversible transformation listed from its product back to its source (source and product swapped), because a source=, target= filter matched it that way; forward otherwise.
    """

    forward = "forward"
    reverse = "reverse"


class Experiment(RootModel[str]):
    root: Annotated[
        str,
        Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Experiment"),
    ]


class Additive(RootModel[str]):
    root: Annotated[
        str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Additive")
    ]


class AdditiveVolumeMl(RootModel[float]):
    root: Annotated[float, Field(gt=0.0, title="Additive Volume Ml")]
    """
    millilitres
    """


class Trend(StrEnum):
    """
    What a species' absorption did in an observation window.
    """

    rises = "rises"
    falls = "falls"
    stable = "stable"
    appears = "appears"
    vanishes = "vanishes"
    evolves_and_stabilises = "evolves-and-stabilises"
    red_shifts = "red-shifts"
    present = "present"


class Trigger(StrEnum):
    thermal = "thermal"
    chemical = "chemical"
    dilution = "dilution"
    solvent = "solvent"
    spontaneous = "spontaneous"
    unknown = "unknown"


class WriteResult(BaseModel):
    entity: Annotated[str, Field(title="Entity")]
    id: Annotated[str, Field(title="Id")]
    """
    The stable identifier of what was written.
    """
    version: Annotated[int | None, Field(title="Version")]
    """
    Its new version (null after a deletion).
    """
    entry: Annotated[dict[str, Any] | None, Field(title="Entry")]
    """
    The fact as a seed-file entry, as stored now (null after a deletion).
    """


class BibliographyMeta(BaseModel):
    about: Annotated[list[FactKind], Field(title="About")]
    """
    The kinds of facts whose references are listed.
    """
    returned: Annotated[int, Field(title="Returned")]


class ComponentRead(BaseModel):
    reagent: ReagentRead
    role: ComponentRole
    volume_ml: Annotated[float | None, Field(title="Volume Ml")]
    note: Annotated[str | None, Field(title="Note")]


class Conditions(BaseModel):
    """
    The conditions a transformation was observed under; null where not given.
    """

    temperature_c: Annotated[float | None, Field(title="Temperature C")]
    solvent: ReagentRead | None
    additive: ReagentRead | None
    additive_volume_ml: Annotated[float | None, Field(title="Additive Volume Ml")]
    window_start_s: Annotated[float | None, Field(title="Window Start S")]
    """
    When it started, seconds from t = 0.
    """
    window_end_s: Annotated[float | None, Field(title="Window End S")]
    """
    When it ended, seconds from t = 0.
    """
    experiment: Annotated[str | None, Field(title="Experiment")]
    """
    Slug of the experiment with the full steps.
    """


class Evidence(BaseModel):
    """
    Where a fact comes from and how firmly the source states it.
    """

    reference: Annotated[str, Field(title="Reference")]
    """
    Citation key of the work the fact rests on (`he_transformations` is the review itself).
    """
    locator: Annotated[str, Field(title="Locator")]
    """
    Where the fact stands in the source, e.g. "Table S4, row 3".
    """
    status: EvidenceStatus
    """
    How the source states the fact; never upgraded.
    """
    approximate: Annotated[bool, Field(title="Approximate")]
    """
    True where the source says "about" or "~".
    """


class EvidenceSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    ref: Annotated[str, Field(max_length=80, pattern="^[A-Za-z0-9_:-]+$", title="Ref")]
    locator: Annotated[
        str,
        Field(
            max_length=120,
            pattern="^(Table|Figure|Note) S[1-5]\\b.*|^Title page$|^bibliographic record$",
            title="Locator",
        ),
    ]
    status: EvidenceStatus
    approximate: Annotated[bool | None, Field(title="Approximate")] = False


class FilterMatch(BaseModel):
    """
    A record through which a list's filter matched the transformation.
    """

    parameter: Annotated[Parameter, Field(title="Parameter")]
    """
    The filter that matched.
    """
    record: Annotated[Record, Field(title="Record")]
    """
    conditions: the transformation's own; kinetics: a kinetics record (the solvent its values hold for); isosbestic point: one read at that temperature; experiment step: a step of its experiment.
    """
    summary: Annotated[str, Field(title="Summary")]
    """
    The matched record in a few words.
    """
    experiment: Annotated[str | None, Field(title="Experiment")] = None
    """
    Slug of the experiment, for an experiment step.
    """
    step: Annotated[int | None, Field(title="Step")] = None
    """
    Position of the experiment step.
    """
    evidence: Evidence | None = None
    """
    The matched record's evidence; null for a step.
    """


class GlossaryTermRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    acronym: Annotated[str | None, Field(title="Acronym")]
    """
    Null for concepts the source gives without one.
    """
    full_name: Annotated[str, Field(title="Full Name")]
    explanation: Annotated[str, Field(title="Explanation")]
    """
    In the project's words; the locator points to the source.
    """
    evidence: Evidence


class Info(BaseModel):
    name: Annotated[str | None, Field(title="Name")] = "MSC-KB"
    version: Annotated[str, Field(title="Version")]
    """
    Version of the msckb distribution serving the API.
    """
    engine: Annotated[str, Field(title="Engine")]
    """
    Database engine: sqlite or postgresql.
    """
    schema_revision: Annotated[str | None, Field(title="Schema Revision")]
    """
    Alembic revision the database is at; null when it was never migrated.
    """
    row_counts: Annotated[dict[str, int], Field(title="Row Counts")]
    """
    Number of rows in each table of the data (not the data version's own or the write rate limit's count).
    """
    release: InfoRelease | None
    """
    The current data release; null before the first `msckb seed`.
    """


class IsomerPairSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    species: Annotated[list[Species], Field(max_length=2, min_length=2, title="Species")]


class IsomerRead(BaseModel):
    species: SpeciesRef
    """
    The other species of the isomer pair.
    """
    evidence: Evidence


class IsosbesticPointRead(BaseModel):
    wavelength_nm: Annotated[float, Field(title="Wavelength Nm")]
    """
    Wavelength in nanometres (nm).
    """
    temperature_c: Annotated[float | None, Field(title="Temperature C")]
    evidence: Evidence


class IsosbesticSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    wavelength_nm: Annotated[float, Field(gt=0.0, title="Wavelength Nm")]
    """
    nanometres
    """
    temperature_c: Annotated[TemperatureC | None, Field(title="Temperature C")] = None


class KeyAdvanceRead(BaseModel):
    ref_number: Annotated[int, Field(title="Ref Number")]
    """
    The work's number in Table S2.
    """
    approach: Approach
    material: Annotated[str | None, Field(title="Material")]
    summary: Annotated[str, Field(title="Summary")]
    peaks: Annotated[list[KeyAdvancePeakRead], Field(title="Peaks")]
    species: Annotated[list[str], Field(title="Species")]
    """
    Slugs of the species curated from this row, in its order.
    """
    evidence: Evidence


class KineticsRead(BaseModel):
    solvent: ReagentRead | None
    """
    The solvent the values hold for.
    """
    reaction_order: Annotated[float | None, Field(title="Reaction Order")]
    barrier_kj_mol: Annotated[float | None, Field(title="Barrier Kj Mol")]
    """
    Barrier energy, kJ/mol.
    """
    barrier_uncertainty_kj_mol: Annotated[float | None, Field(title="Barrier Uncertainty Kj Mol")]
    relative_rate: Annotated[str | None, Field(title="Relative Rate")]
    """
    Compared with the other rows, e.g. "slower".
    """
    evidence: Evidence


class KineticsSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    solvent: Annotated[Solvent | None, Field(title="Solvent")] = None
    reaction_order: Annotated[ReactionOrder | None, Field(title="Reaction Order")] = None
    barrier_kj_mol: Annotated[BarrierKjMol | None, Field(title="Barrier Kj Mol")] = None
    barrier_uncertainty_kj_mol: Annotated[
        BarrierUncertaintyKjMol | None, Field(title="Barrier Uncertainty Kj Mol")
    ] = None
    relative_rate: Annotated[str | None, Field(title="Relative Rate")] = None


class MaldiRead(BaseModel):
    id: Annotated[str, Field(title="Id")]
    """
    Stable identifier of the measurement.
    """
    species: SpeciesRef
    preparation: PreparationRef | None
    matrices: Annotated[list[str], Field(title="Matrices")]
    """
    Matrix acronyms; empty when the source does not name one.
    """
    matrix_alternatives: Annotated[bool, Field(title="Matrix Alternatives")]
    """
    True where the source names the matrices as alternatives ("DCTB or CHCA").
    """
    masses: Annotated[list[MassRead], Field(title="Masses")]
    note: Annotated[str | None, Field(title="Note")]
    evidence: Evidence


class MassSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    mass_da: Range
    charge: Annotated[int | None, Field(title="Charge")]


class MatrixRead(BaseModel):
    acronym: Annotated[str, Field(title="Acronym")]
    full_name: Annotated[str | None, Field(title="Full Name")]
    evidence: Evidence


class MechanismRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    name: Annotated[str, Field(title="Name")]
    applies_when: Annotated[str | None, Field(title="Applies When")]
    organic_analogue: Annotated[str | None, Field(title="Organic Analogue")]
    description: Annotated[str | None, Field(title="Description")]
    steps: Annotated[list[MechanismStepRead], Field(title="Steps")]
    evidence: Evidence


class MonomerFormulaRead(BaseModel):
    element: Annotated[str, Field(title="Element")]
    """
    The metal M of the proposed monomer M2En.
    """
    chalcogen_count: Annotated[int, Field(title="Chalcogen Count")]
    """
    n in M2En.
    """
    evidence: Evidence


class NetworkEdge(BaseModel):
    id: Annotated[str, Field(title="Id")]
    """
    Transformation id.
    """
    source: Annotated[str, Field(title="Source")]
    target: Annotated[str, Field(title="Target")]
    reversible: Annotated[bool | None, Field(title="Reversible")]
    trigger: Trigger
    status: EvidenceStatus
    label: Annotated[str, Field(title="Label")]
    """
    Trigger and key conditions in a few words.
    """


class NetworkNode(BaseModel):
    id: Annotated[str, Field(title="Id")]
    """
    Species slug.
    """
    material: Annotated[str, Field(title="Material")]
    kind: SpeciesKind
    label: Annotated[str, Field(title="Label")]
    peak_nm: Annotated[float | None, Field(title="Peak Nm")]
    """
    First absorption peak (or range midpoint), nm.
    """


class ObservationRead(BaseModel):
    experiment: Annotated[str, Field(title="Experiment")]
    """
    Slug of the experiment the observation belongs to.
    """
    species: SpeciesRef | None
    subject: Annotated[str | None, Field(title="Subject")]
    """
    What was observed when it is not one species.
    """
    trend: Trend
    window_start_s: Annotated[float | None, Field(title="Window Start S")]
    """
    Start of the window, seconds.
    """
    window_end_s: Annotated[float | None, Field(title="Window End S")]
    """
    End of the window, seconds.
    """
    temperature_c: Annotated[float | None, Field(title="Temperature C")]
    label: Annotated[str | None, Field(title="Label")]
    """
    Figure part, e.g. "D".
    """
    note: Annotated[str | None, Field(title="Note")]
    evidence: Evidence


class ObservationSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    species: Annotated[Species1 | None, Field(title="Species")] = None
    subject: Annotated[str | None, Field(title="Subject")] = None
    trend: Trend
    window_start_s: Annotated[WindowStartS | None, Field(title="Window Start S")] = None
    window_end_s: Annotated[WindowEndS | None, Field(title="Window End S")] = None
    temperature_c: Annotated[TemperatureC | None, Field(title="Temperature C")] = None
    label: Annotated[str | None, Field(title="Label")] = None
    note: Annotated[str | None, Field(title="Note")] = None


class PageGlossaryTermRead(BaseModel):
    data: Annotated[list[GlossaryTermRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageKeyAdvanceRead(BaseModel):
    data: Annotated[list[KeyAdvanceRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageMaldiRead(BaseModel):
    data: Annotated[list[MaldiRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageMatrixRead(BaseModel):
    data: Annotated[list[MatrixRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageMechanismRead(BaseModel):
    data: Annotated[list[MechanismRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageMonomerFormulaRead(BaseModel):
    data: Annotated[list[MonomerFormulaRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageReferenceRead(BaseModel):
    data: Annotated[list[ReferenceRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageReleaseRead(BaseModel):
    data: Annotated[list[ReleaseRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PathStep(BaseModel):
    transformation: Annotated[str, Field(title="Transformation")]
    """
    Id of the transformation walked.
    """
    from_species: Annotated[str, Field(title="From Species")]
    """
    Slug of the species this step starts from.
    """
    to_species: Annotated[str, Field(title="To Species")]
    """
    Slug of the species this step arrives at.
    """
    direction: Annotated[Direction, Field(title="Direction")]
    """
    reverse: a reversible transformation walked from product to source.
    """
    trigger: Trigger
    reversible: Annotated[bool | None, Field(title="Reversible")]
    conditions: Conditions
    status: EvidenceStatus


class PeakSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    nm: Range
    temperature_c: Annotated[TemperatureC | None, Field(title="Temperature C")] = None


class Problem(BaseModel):
    """
    An error, as RFC 9457 problem details (media type application/problem+json).
    """

    type: Annotated[str, Field(title="Type")]
    title: Annotated[str, Field(title="Title")]
    status: Annotated[int, Field(title="Status")]
    detail: Annotated[str, Field(title="Detail")]
    errors: Annotated[list[ProblemItem] | None, Field(title="Errors")] = None
    """
    Each bad parameter and why, for invalid requests.
    """


class PropertyDependenceRead(BaseModel):
    """
    That a property of a species depends on a condition, as the source states it
    without values (Figure S2); values, where given, stand with the property itself.
    """

    species: SpeciesRef
    property: Annotated[str, Field(title="Property")]
    """
    The property that changes, e.g. "absorption peak position".
    """
    depends_on: Annotated[str, Field(title="Depends On")]
    """
    What it changes with, e.g. "temperature".
    """
    note: Annotated[str | None, Field(title="Note")]
    evidence: Evidence


class ProposedMechanism(BaseModel):
    mechanism: Annotated[str, Field(title="Mechanism")]
    """
    Slug of the mechanism (see /api/v1/mechanisms).
    """
    name: Annotated[str, Field(title="Name")]
    evidence: Evidence


class ProposedMechanismSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    mechanism: Annotated[
        str,
        Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Mechanism"),
    ]


class QuasiIsomerGroupRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    name: Annotated[str, Field(title="Name")]
    description: Annotated[str | None, Field(title="Description")]
    members: Annotated[list[SpeciesRef], Field(title="Members")]
    evidence: Evidence


class ReleaseDiffRead(BaseModel):
    from_: Annotated[int, Field(alias="from", title="From")]
    to: Annotated[int, Field(title="To")]
    added: Annotated[list[RowRead], Field(title="Added")]
    changed: Annotated[list[RowChange], Field(title="Changed")]
    removed: Annotated[list[RowRead], Field(title="Removed")]


class ResolvedBibliography(BaseModel):
    data: Annotated[list[ReferenceRead], Field(title="Data")]
    """
    The references the text cites, in its order.
    """
    meta: ResolvedMeta


class SizeRead(BaseModel):
    method: Annotated[str, Field(title="Method")]
    """
    Technique, e.g. "SAXS".
    """
    quantity: Annotated[str, Field(title="Quantity")]
    """
    What was measured, e.g. "centre-to-centre distance".
    """
    size_nm: Annotated[float | None, Field(title="Size Nm")]
    size_low_nm: Annotated[float | None, Field(title="Size Low Nm")]
    size_high_nm: Annotated[float | None, Field(title="Size High Nm")]
    evidence: Evidence


class SizeSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    method: Annotated[str, Field(min_length=1, title="Method")]
    quantity: Annotated[str, Field(min_length=1, title="Quantity")]
    nm: Range


class SourceNoteRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    summary: Annotated[str, Field(title="Summary")]
    """
    In the project's words; the evidence locates the note in the source.
    """
    evidence: Evidence


class StepRead(BaseModel):
    """
    One ordered step. ``start_s``/``end_s`` are points in time, ``duration_s`` how long.
    """

    position: Annotated[int, Field(title="Position")]
    action: StepAction
    label: Annotated[str | None, Field(title="Label")]
    """
    The source's name for the step, e.g. "(1)".
    """
    temperature_c: Annotated[float | None, Field(title="Temperature C")]
    temperature_end_c: Annotated[float | None, Field(title="Temperature End C")]
    """
    End of a temperature ramp, °C.
    """
    start_s: Annotated[float | None, Field(title="Start S")]
    end_s: Annotated[float | None, Field(title="End S")]
    duration_s: Annotated[float | None, Field(title="Duration S")]
    note: Annotated[str | None, Field(title="Note")]
    components: Annotated[list[ComponentRead], Field(title="Components")]


class SynthesisRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    title: Annotated[str, Field(title="Title")]
    material: Annotated[str, Field(title="Material")]
    """
    Material formula, e.g. "CdS".
    """
    preparation_text: Annotated[str | None, Field(title="Preparation Text")]
    """
    The preparation as the source prints it.
    """
    description: Annotated[str | None, Field(title="Description")]
    steps: Annotated[list[StepRead], Field(title="Steps")]
    evidence: Evidence


class SynthesisSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    slug: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Slug")]
    title: Annotated[str, Field(min_length=1, title="Title")]
    material: Annotated[str, Field(title="Material")]
    preparation_text: Annotated[str | None, Field(title="Preparation Text")] = None
    description: Annotated[str | None, Field(title="Description")] = None
    steps: Annotated[list[StepSeed] | None, Field(title="Steps", validate_default=True)] = []


class TransformationDetail(BaseModel):
    id: Annotated[str, Field(title="Id")]
    """
    Stable identifier of the transformation.
    """
    direction: Annotated[Direction1 | None, Field(title="Direction")] = Direction1.forward
    """
    reverse: a reversible transformation listed from its product back to its source (source and product swapped), because a source=, target= filter matched it that way; forward otherwise.
    """
    source: SpeciesRef
    """
    The species it starts from, in this direction.
    """
    product: SpeciesRef
    """
    The species it gives, in this direction.
    """
    reversible: Annotated[bool | None, Field(title="Reversible")]
    """
    Null where the source does not say.
    """
    trigger: Trigger
    conditions: Conditions
    evidence: Evidence
    matched: Annotated[list[FilterMatch] | None, Field(title="Matched")] = None
    """
    In a list filtered by solvent, additive or temperature_c: each record that matched (a kinetics record, an isosbestic point, a step of the experiment, or the conditions shown); empty otherwise.
    """
    description: Annotated[str | None, Field(title="Description")]
    kinetics: Annotated[list[KineticsRead], Field(title="Kinetics")]
    isosbestic_points: Annotated[list[IsosbesticPointRead], Field(title="Isosbestic Points")]
    mechanisms: Annotated[list[ProposedMechanism], Field(title="Mechanisms")]


class TransformationSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    slug: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Slug")]
    source: Annotated[
        str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Source")
    ]
    product: Annotated[
        str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Product")
    ]
    reversible: Annotated[bool | None, Field(title="Reversible")] = None
    trigger: Trigger
    experiment: Annotated[Experiment | None, Field(title="Experiment")] = None
    temperature_c: Annotated[TemperatureC | None, Field(title="Temperature C")] = None
    solvent: Annotated[Solvent | None, Field(title="Solvent")] = None
    additive: Annotated[Additive | None, Field(title="Additive")] = None
    additive_volume_ml: Annotated[AdditiveVolumeMl | None, Field(title="Additive Volume Ml")] = None
    window_start_s: Annotated[WindowStartS | None, Field(title="Window Start S")] = None
    window_end_s: Annotated[WindowEndS | None, Field(title="Window End S")] = None
    description: Annotated[str | None, Field(title="Description")] = None
    kinetics: Annotated[
        list[KineticsSeed] | None, Field(title="Kinetics", validate_default=True)
    ] = []
    isosbestic_points: Annotated[
        list[IsosbesticSeed] | None,
        Field(title="Isosbestic Points", validate_default=True),
    ] = []
    mechanisms: Annotated[
        list[ProposedMechanismSeed] | None,
        Field(title="Mechanisms", validate_default=True),
    ] = []


class TransformationSummary(BaseModel):
    id: Annotated[str, Field(title="Id")]
    """
    Stable identifier of the transformation.
    """
    direction: Annotated[Direction1 | None, Field(title="Direction")] = Direction1.forward
    """
    reverse: a reversible transformation listed from its product back to its source (source and product swapped), because a source=, target= filter matched it that way; forward otherwise.
    """
    source: SpeciesRef
    """
    The species it starts from, in this direction.
    """
    product: SpeciesRef
    """
    The species it gives, in this direction.
    """
    reversible: Annotated[bool | None, Field(title="Reversible")]
    """
    Null where the source does not say.
    """
    trigger: Trigger
    conditions: Conditions
    evidence: Evidence
    matched: Annotated[list[FilterMatch] | None, Field(title="Matched")] = None
    """
    In a list filtered by solvent, additive or temperature_c: each record that matched (a kinetics record, an isosbestic point, a step of the experiment, or the conditions shown); empty otherwise.
    """


class AbsorptionPeakRead(BaseModel):
    peak_nm: Annotated[float | None, Field(title="Peak Nm")]
    """
    Peak position, when one value is given.
    """
    peak_low_nm: Annotated[float | None, Field(title="Peak Low Nm")]
    """
    Low end, when a range is given (350–360 nm).
    """
    peak_high_nm: Annotated[float | None, Field(title="Peak High Nm")]
    """
    High end, when a range is given.
    """
    temperature_c: Annotated[float | None, Field(title="Temperature C")]
    """
    Temperature the peak was read at.
    """
    evidence: Evidence


class Bibliography(BaseModel):
    data: Annotated[list[ReferenceRead], Field(title="Data")]
    meta: BibliographyMeta


class CharacterizationRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    method: Annotated[str, Field(title="Method")]
    material: Annotated[str | None, Field(title="Material")]
    experiment: Annotated[str | None, Field(title="Experiment")]
    description: Annotated[str, Field(title="Description")]
    evidence: Evidence


class ClusterLinkRead(BaseModel):
    """
    A cluster of definite formula linked to a species (Note S2).
    """

    species: SpeciesRef
    cluster: SpeciesRef
    """
    The cluster, e.g. "(CdSe)33".
    """
    relation: ClusterRelation
    """
    mass-spectrum: seen in a mass spectrum of the species; composition: the cluster's formula is one the species' composition names.
    """
    note: Annotated[str | None, Field(title="Note")]
    evidence: Evidence


class ComparisonRead(BaseModel):
    first: SpeciesRef
    second: SpeciesRef
    aspect: Annotated[str, Field(title="Aspect")]
    """
    What is compared, e.g. "cluster mass".
    """
    finding: Finding
    methods: Annotated[str | None, Field(title="Methods")]
    """
    How it was seen, e.g. "Fig 2a MALDI".
    """
    note: Annotated[str | None, Field(title="Note")]
    evidence: Evidence


class CompositionRead(BaseModel):
    formula: Annotated[str | None, Field(title="Formula")]
    """
    As the source writes it, e.g. "β-Cd37S20".
    """
    structure: Annotated[str | None, Field(title="Structure")]
    """
    E.g. "zinc blende-like".
    """
    evidence: Evidence


class CompositionSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    formula: Annotated[str | None, Field(title="Formula")] = None
    structure: Annotated[str | None, Field(title="Structure")] = None


class ConstantRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    quantity: Annotated[str, Field(title="Quantity")]
    """
    E.g. "bond dissociation energy".
    """
    subject: Annotated[str, Field(title="Subject")]
    """
    What it is of, e.g. the bond "Cd–S".
    """
    value_kj_mol: Annotated[float, Field(title="Value Kj Mol")]
    """
    Energy in kilojoules per mole (kJ/mol).
    """
    uncertainty_kj_mol: Annotated[float | None, Field(title="Uncertainty Kj Mol")]
    """
    Plus-or-minus, as the source gives.
    """
    evidence: Evidence


class CounterpartRead(BaseModel):
    pc: SpeciesRef
    """
    The precursor compound.
    """
    msc: SpeciesRef
    """
    The magic-size cluster it corresponds to.
    """
    evidence: Evidence


class CounterpartSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    pc: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Pc")]
    msc: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Msc")]


class ExperimentRead(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    title: Annotated[str, Field(title="Title")]
    material: Annotated[str | None, Field(title="Material")]
    description: Annotated[str | None, Field(title="Description")]
    steps: Annotated[list[StepRead], Field(title="Steps")]
    observations: Annotated[list[ObservationRead], Field(title="Observations")]
    evidence: Evidence


class ExperimentSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    slug: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Slug")]
    title: Annotated[str, Field(min_length=1, title="Title")]
    material: Annotated[str | None, Field(title="Material")] = None
    description: Annotated[str | None, Field(title="Description")] = None
    steps: Annotated[list[StepSeed] | None, Field(title="Steps", validate_default=True)] = []
    observations: Annotated[
        list[ObservationSeed] | None, Field(title="Observations", validate_default=True)
    ] = []


class MaldiSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    slug: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Slug")]
    species: Annotated[
        str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Species")
    ]
    synthesis: Annotated[Synthesis | None, Field(title="Synthesis")] = None
    matrices: Annotated[list[str] | None, Field(title="Matrices")] = []
    matrix_alternatives: Annotated[bool | None, Field(title="Matrix Alternatives")] = False
    masses: Annotated[list[MassSeed], Field(min_length=1, title="Masses")]
    note: Annotated[str | None, Field(title="Note")] = None


class Network(BaseModel):
    nodes: Annotated[list[NetworkNode], Field(title="Nodes")]
    edges: Annotated[list[NetworkEdge], Field(title="Edges")]


class PageCharacterizationRead(BaseModel):
    data: Annotated[list[CharacterizationRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageClusterLinkRead(BaseModel):
    data: Annotated[list[ClusterLinkRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageConstantRead(BaseModel):
    data: Annotated[list[ConstantRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageExperimentRead(BaseModel):
    data: Annotated[list[ExperimentRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PagePropertyDependenceRead(BaseModel):
    data: Annotated[list[PropertyDependenceRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageQuasiIsomerGroupRead(BaseModel):
    data: Annotated[list[QuasiIsomerGroupRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageSourceNoteRead(BaseModel):
    data: Annotated[list[SourceNoteRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageSynthesisRead(BaseModel):
    data: Annotated[list[SynthesisRead], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PageTransformationSummary(BaseModel):
    data: Annotated[list[TransformationSummary], Field(title="Data")]
    meta: PageMeta
    links: PageLinks


class PathRead(BaseModel):
    length: Annotated[int, Field(title="Length")]
    """
    Number of steps.
    """
    species: Annotated[list[str], Field(title="Species")]
    """
    Slugs from source to target.
    """
    steps: Annotated[list[PathStep], Field(title="Steps")]


class Paths(BaseModel):
    data: Annotated[list[PathRead], Field(title="Data")]
    meta: PathsMeta


class PeakCandidate(BaseModel):
    """
    A species a measured absorption peak could belong to.
    """

    species: SpeciesRef
    distance_nm: Annotated[float, Field(title="Distance Nm")]
    """
    From the measured peak to the species' nearest peak, nm; 0 inside a range peak.
    """
    peak: AbsorptionPeakRead
    """
    The species' nearest peak, with its evidence.
    """


class PeakResolution(BaseModel):
    """
    Candidate species for a measured peak, nearest first (then by slug).
    """

    data: Annotated[list[PeakCandidate], Field(title="Data")]
    meta: PeakResolutionMeta


class SpeciesDetail(BaseModel):
    """
    One species and everything the knowledge base holds about it.
    """

    slug: Annotated[str, Field(title="Slug")]
    """
    Stable identifier: material + label, e.g. cds-msc-311.
    """
    material: Annotated[str, Field(title="Material")]
    """
    Material formula, e.g. "CdS".
    """
    kind: SpeciesKind
    label: Annotated[str, Field(title="Label")]
    """
    Label as the source spells it, e.g. "sMSC-371".
    """
    aliases: Annotated[list[str], Field(title="Aliases")]
    absorption_peaks: Annotated[list[AbsorptionPeakRead], Field(title="Absorption Peaks")]
    evidence: Evidence
    description: Annotated[str | None, Field(title="Description")]
    compositions: Annotated[list[CompositionRead], Field(title="Compositions")]
    """
    Compositions or structures assigned to it; empty when unknown.
    """
    sizes: Annotated[list[SizeRead], Field(title="Sizes")]
    counterparts: Annotated[list[CounterpartRead], Field(title="Counterparts")]
    isomers: Annotated[list[IsomerRead], Field(title="Isomers")]
    quasi_isomer_groups: Annotated[list[QuasiIsomerGroupRead], Field(title="Quasi Isomer Groups")]
    comparisons: Annotated[list[ComparisonRead], Field(title="Comparisons")]
    property_dependences: Annotated[
        list[PropertyDependenceRead], Field(title="Property Dependences")
    ]
    """
    Properties the source says depend on a condition, without values.
    """
    cluster_links: Annotated[list[ClusterLinkRead], Field(title="Cluster Links")]
    """
    Clusters linked to this species, or species this cluster is linked to.
    """
    maldi_measurements: Annotated[list[MaldiRead], Field(title="Maldi Measurements")]
    transformations_out: Annotated[list[TransformationSummary], Field(title="Transformations Out")]
    """
    Transformations this species is the source of, and the reversible ones it is the product of, walked backwards (direction: reverse).
    """
    transformations_in: Annotated[list[TransformationSummary], Field(title="Transformations In")]
    """
    Transformations that give this species, and the reversible ones it is the source of, walked backwards (direction: reverse).
    """
    observations: Annotated[list[ObservationRead], Field(title="Observations")]


class SpeciesSeed(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    evidence: EvidenceSeed
    slug: Annotated[str, Field(max_length=160, pattern="^[a-z0-9]+(-[a-z0-9]+)*$", title="Slug")]
    material: Annotated[str, Field(title="Material")]
    kind: SpeciesKind
    label: Annotated[str, Field(min_length=1, title="Label")]
    aliases: Annotated[list[Alias] | None, Field(title="Aliases", validate_default=True)] = []
    description: Annotated[str | None, Field(title="Description")] = None
    absorption_peaks: Annotated[
        list[PeakSeed] | None, Field(title="Absorption Peaks", validate_default=True)
    ] = []
    compositions: Annotated[
        list[CompositionSeed] | None, Field(title="Compositions", validate_default=True)
    ] = []
    sizes: Annotated[list[SizeSeed] | None, Field(title="Sizes", validate_default=True)] = []


class SpeciesSummary(BaseModel):
    slug: Annotated[str, Field(title="Slug")]
    """
    Stable identifier: material + label, e.g. cds-msc-311.
    """
    material: Annotated[str, Field(title="Material")]
    """
    Material formula, e.g. "CdS".
    """
    kind: SpeciesKind
    label: Annotated[str, Field(title="Label")]
    """
    Label as the source spells it, e.g. "sMSC-371".
    """
    aliases: Annotated[list[str], Field(title="Aliases")]
    absorption_peaks: Annotated[list[AbsorptionPeakRead], Field(title="Absorption Peaks")]
    evidence: Evidence


class PageSpeciesSummary(BaseModel):
    data: Annotated[list[SpeciesSummary], Field(title="Data")]
    meta: PageMeta
    links: PageLinks
