"""The tables of the source (S1 to S5), regenerated from the rows of the database.

Nothing here is stored text: each table is built from the facts located in it,
so an edit to the data shows in the next table. Where the source gives a
reference number, the cell carries the citation key, rendered as ``[@key]`` in
Markdown (pandoc), ``\\cite{key}`` in LaTeX and ``[key]`` in CSV.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from pylatexenc.latexencode import UnicodeToLatexEncoder
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from api.outputs.formats import Offer
from api.queries import species_ref, with_reference
from api.web.errors import NotFound
from models import (
    Citation,
    Comparison,
    Composition,
    GlossaryTerm,
    IsomerPair,
    KeyAdvance,
    MaldiMatrix,
    MaldiMeasurement,
    MaldiMeasurementMatrix,
    Mechanism,
    SizeMeasurement,
    Species,
    Transformation,
)
from models.enums import Trigger


class TableName(StrEnum):
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    S4 = "S4"
    S5 = "S5"


class TableFormat(StrEnum):
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    LATEX = "latex"


@dataclass(frozen=True)
class Cell:
    text: str
    cite: tuple[str, ...] = ()
    """Citation keys of the works the cell rests on, where the source numbers them."""


@dataclass
class Table:
    name: TableName
    caption: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    notes: list[Cell] = field(default_factory=list)


_ROW = re.compile(r", row (\d+)$")


def _row_number(locator: str, fallback: int) -> tuple[int, int]:
    """Order by "..., row N" in the locator; rows without one keep their stored order."""
    match = _ROW.search(locator)
    return (int(match.group(1)), fallback) if match else (1_000_000, fallback)


T = TypeVar("T")


def _in_order(rows: Iterable[T], locator: Callable[[T], str], ident: Callable[[T], int]) -> list[T]:
    return sorted(rows, key=lambda r: _row_number(locator(r), ident(r)))


def _number(value: float) -> str:
    return f"{value:g}"


# --- the five tables -------------------------------------------------------------------


def table_s1(session: Session) -> Table:
    terms = session.scalars(select(GlossaryTerm).where(GlossaryTerm.locator.startswith("Table S1")))
    table = Table(
        TableName.S1,
        "Summary of the acronyms used with their full names and explanations.",
        ["Acronym", "Full name", "Explanation"],
    )
    for term in _in_order(terms, lambda t: t.locator, lambda t: t.id):
        table.rows.append(
            [Cell(term.acronym or "--"), Cell(term.full_name), Cell(term.explanation)]
        )
    return table


def table_s2(session: Session) -> Table:
    advances = session.scalars(
        select(KeyAdvance)
        .order_by(KeyAdvance.ref_number)
        .options(joinedload(KeyAdvance.reference), selectinload(KeyAdvance.peaks))
    )
    table = Table(
        TableName.S2,
        "Summary of the key advance on the syntheses of binary semiconductor MSCs via "
        "either one-step or two-step approaches.",
        ["Ref, Year, Journal", "Approach", "Absorption peaks (nm)", "Comment"],
    )
    for advance in advances:
        ref = advance.reference
        numbers = ", ".join(str(x) for x in (ref.year, ref.volume, ref.pages) if x is not None)
        text = " ".join(x for x in (f"[{advance.ref_number}]", numbers, ref.journal or "") if x)
        peaks = ", ".join(
            _number(p.peak_nm)
            if p.peak_nm is not None
            else f"{_number(p.peak_low_nm or 0)}–{_number(p.peak_high_nm or 0)}"
            for p in advance.peaks
        )
        table.rows.append(
            [
                Cell(text, (ref.key,)),
                Cell(advance.approach.value),
                Cell(peaks),
                Cell(advance.summary),
            ]
        )
    return table


def table_s3(session: Session) -> Table:
    mechanisms = session.scalars(
        select(Mechanism)
        .where(Mechanism.locator.startswith("Table S3"))
        .options(selectinload(Mechanism.steps))
    )
    table = Table(
        TableName.S3,
        "The pathways proposed for the intermolecular PC-1 to PC-2 reaction.",
        ["Pathway", "Organic chemical reaction", "PC-1 to PC-2 intermolecular reaction"],
    )
    for mechanism in _in_order(mechanisms, lambda m: m.locator, lambda m: m.id):
        steps = "; ".join(
            f"{s.position}. {s.equation or s.description.rstrip('.')}"
            + (" (rate-determining)" if s.rate_determining else "")
            for s in mechanism.steps
        )
        table.rows.append(
            [Cell(mechanism.name), Cell(mechanism.organic_analogue or ""), Cell(steps)]
        )
    cited = session.scalars(
        select(Citation)
        .where(Citation.locator.startswith("Table S3"))
        .options(joinedload(Citation.reference))
    )
    table.notes.extend(
        Cell("The SN1 and SN2 mechanisms of organic chemistry:", (c.reference.key,)) for c in cited
    )
    return table


def _species_name(species: Species) -> str:
    return f"{species.material.formula} {species.label}"


def table_s4(session: Session) -> Table:
    measurements = session.scalars(
        select(MaldiMeasurement)
        .where(MaldiMeasurement.locator.startswith("Table S4"))
        .options(
            species_ref(MaldiMeasurement.species),
            joinedload(MaldiMeasurement.synthesis),
            with_reference(MaldiMeasurement.reference),
            selectinload(MaldiMeasurement.matrices).joinedload(MaldiMeasurementMatrix.matrix),
            selectinload(MaldiMeasurement.peaks),
        )
    )
    table = Table(
        TableName.S4,
        "Summary of the MALDI-TOF MS characterization of CdS PCs and MSCs.",
        ["Species", "Preparation", "Matrix", "m (z = 1)", "Ref"],
    )
    used: dict[str, MaldiMatrix] = {}
    for m in _in_order(measurements, lambda x: x.locator, lambda x: x.id):
        acronyms = [link.matrix.acronym for link in m.matrices]
        used.update({link.matrix.acronym: link.matrix for link in m.matrices})
        masses = ", ".join(
            (
                f"{_number(p.mass_da)} Da"
                if p.mass_da is not None
                else f"{_number(p.mass_low_da or 0)}–{_number(p.mass_high_da or 0)} Da"
            )
            + ("" if p.charge == 1 else f" (z = {'unknown' if p.charge is None else p.charge})")
            for p in m.peaks
        )
        table.rows.append(
            [
                Cell(_species_name(m.species)),
                Cell(m.synthesis.preparation_text or "" if m.synthesis else ""),
                Cell((" or " if m.matrix_alternatives else ", ").join(acronyms)),
                Cell(masses),
                Cell("", (m.reference.key,)),
            ]
        )
    table.notes.extend(
        Cell(f"{acronym}: {matrix.full_name}")
        for acronym, matrix in used.items()
        if matrix.full_name
    )
    return table


_INDUCED = {Trigger.THERMAL: "thermally induced", Trigger.CHEMICAL: "chemically induced"}


def table_s5(session: Session) -> Table:
    """The two studies of the isomer pair side by side, one column per study."""
    cited = session.scalars(
        select(Citation)
        .where(Citation.locator.startswith("Table S5"))
        .options(joinedload(Citation.reference))
    ).all()
    studies = sorted(cited, key=lambda c: c.locator)
    columns = [
        f"Ref {c.locator.removeprefix('Table S5').strip()} "
        f"({c.reference.journal} {c.reference.year})"
        for c in studies
    ]
    table = Table(
        TableName.S5,
        "Comparison of two studies on CdS MSC-311 and MSC-322.",
        ["", *columns],
    )
    keys = [c.reference.key for c in studies]

    def row(label: str, facts: dict[str, list[str]]) -> None:
        table.rows.append(
            [
                Cell(label),
                *(
                    Cell("; ".join(facts[key]), (key,)) if facts.get(key) else Cell("")
                    for key in keys
                ),
            ]
        )

    located = Transformation.locator.startswith("Table S5")
    pairs = session.scalars(
        select(IsomerPair)
        .where(IsomerPair.locator.startswith("Table S5"))
        .options(
            species_ref(IsomerPair.first),
            species_ref(IsomerPair.second),
            joinedload(IsomerPair.reference),
        )
    ).all()
    isomers: dict[str, list[str]] = {}
    for pair in pairs:
        isomers.setdefault(pair.reference.key, []).append(
            f"{pair.first.label} and {pair.second.label} are isomers"
        )
    row("Isomers", isomers)

    transformations: dict[str, list[str]] = {}
    for t in session.scalars(
        select(Transformation)
        .where(located)
        .order_by(Transformation.slug)
        .options(
            species_ref(Transformation.source),
            species_ref(Transformation.product),
            joinedload(Transformation.reference),
        )
    ):
        arrow = "⇄" if t.reversible else "→"
        how = _INDUCED.get(t.trigger, t.trigger.value)
        text = f"{t.source.label} {arrow} {t.product.label}, {how}"
        transformations.setdefault(t.reference.key, []).append(text)
    row("Transformations", transformations)

    structures: dict[str, list[str]] = {}
    for c in session.scalars(
        select(Comparison)
        .where(Comparison.locator.startswith("Table S5"))
        .order_by(Comparison.id)
        .options(joinedload(Comparison.reference))
    ):
        methods = f" ({c.methods})" if c.methods else ""
        structures.setdefault(c.reference.key, []).append(f"{c.finding.value} {c.aspect}{methods}")
    for s in session.scalars(
        select(SizeMeasurement)
        .where(SizeMeasurement.locator.startswith("Table S5"))
        .order_by(SizeMeasurement.size_nm)
        .options(joinedload(SizeMeasurement.reference), joinedload(SizeMeasurement.species))
    ):
        structures.setdefault(s.reference.key, []).append(
            f"{s.species.label}: {s.method} {s.quantity} {_number(s.size_nm or 0)} nm"
        )
    for comp in session.scalars(
        select(Composition)
        .where(Composition.locator.startswith("Table S5"))
        .order_by(Composition.id)
        .options(joinedload(Composition.reference), joinedload(Composition.species))
    ):
        known = ", ".join(x for x in (comp.formula, comp.structure) if x)
        structures.setdefault(comp.reference.key, []).append(f"{comp.species.label}: {known}")
    row("Compositions and structures", structures)
    return table


BUILDERS: dict[TableName, Callable[[Session], Table]] = {
    TableName.S1: table_s1,
    TableName.S2: table_s2,
    TableName.S3: table_s3,
    TableName.S4: table_s4,
    TableName.S5: table_s5,
}


def build_table(session: Session, name: str) -> Table:
    """The table named S1 to S5 (any case); NotFound for another name."""
    try:
        table_name = TableName(name.upper())
    except ValueError:
        raise NotFound(f"No table {name!r}; the source has tables S1 to S5.") from None
    return BUILDERS[table_name](session)


# --- renderers -------------------------------------------------------------------------


def to_json(table: Table) -> dict[str, Any]:
    def cell(c: Cell) -> dict[str, Any]:
        return {"text": c.text, "cite": list(c.cite)}

    return {
        "table": f"Table {table.name.value}",
        "caption": table.caption,
        "columns": table.columns,
        "rows": [[cell(c) for c in row] for row in table.rows],
        "notes": [cell(c) for c in table.notes],
    }


def _plain(cell: Cell) -> str:
    keys = "; ".join(cell.cite)
    if not cell.cite:
        return cell.text
    return f"{cell.text} [{keys}]" if cell.text else keys


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows([_plain(c) for c in row] for row in table.rows)
    return out.getvalue()


def _markdown_cell(cell: Cell) -> str:
    text = cell.text.replace("|", "\\|")
    if not cell.cite:
        return text
    cite = "[" + "; ".join(f"@{k}" for k in cell.cite) + "]"
    return f"{text} {cite}" if text else cite


def to_markdown(table: Table) -> str:
    header = [c.replace("|", "\\|") for c in table.columns]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in table.rows),
        "",
        f"Table: Table {table.name.value}. {table.caption}",
    ]
    if table.notes:
        lines += ["", *(_markdown_cell(n) + "  " for n in table.notes)]
    return "\n".join(lines) + "\n"


_LATEX = UnicodeToLatexEncoder(
    # Every character LaTeX treats specially and every non-ASCII one becomes a macro
    # (β, ⇄ and ° included), so the table compiles with pdflatex as well as with
    # LuaLaTeX; a character pylatexenc cannot name is written as its code point.
    non_ascii_only=False,
    replacement_latex_protection="braces-after-macro",
    unknown_char_policy="unihex",
)


def latex_escape(text: str) -> str:
    """``text`` as LaTeX source; math symbols need ``amssymb`` (⇄ is ``\\rightleftarrows``)."""
    return str(_LATEX.unicode_to_latex(text))


def _latex_cell(cell: Cell) -> str:
    text = latex_escape(cell.text)
    if text.startswith("["):
        # After \\ or a booktabs rule, "[1]" would be read as an optional argument.
        text = "{}" + text
    if not cell.cite:
        return text
    cite = r"\cite{" + ",".join(cell.cite) + "}"
    return f"{text} {cite}" if text else cite


def to_latex(table: Table) -> str:
    """A table float for a document that loads ``booktabs`` and ``amssymb``."""
    spec = "l" * len(table.columns)
    lines = [
        r"\begin{table}",
        r"\caption{" + latex_escape(f"{table.caption}") + "}",
        r"\label{tab:" + table.name.value.lower() + "}",
        r"\begin{tabular}{" + spec + "}",
        r"\toprule",
        " & ".join(latex_escape(c) for c in table.columns) + r" \\",
        r"\midrule",
        *(" & ".join(_latex_cell(c) for c in row) + r" \\" for row in table.rows),
        r"\bottomrule",
        r"\end{tabular}",
    ]
    lines += [r"\par\footnotesize " + _latex_cell(n) for n in table.notes]
    lines.append(r"\end{table}")
    return "\n".join(lines) + "\n"


TABLES: Offer[TableFormat, Callable[[Table], str]] = Offer(
    TableFormat,
    {
        TableFormat.CSV: to_csv,
        TableFormat.MARKDOWN: to_markdown,
        TableFormat.LATEX: to_latex,
    },
)
