"""Reading and validating the seed files, before anything touches the database.

Every problem is collected and reported at once, each naming the file, the
entry and the field, and what was expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import bibtexparser
import yaml
from bibtexparser import middlewares
from pydantic import ValidationError

from api.facts.kinds import KINDS, REFERENCE, Kind
from api.outputs.bibtex import BIB_FIELD_OF, BIB_FIELDS, from_bibtex_value
from api.seeding.schemas import SEED_FILES, Entry, ReferenceSeed, ReferencesFile
from models.enums import EntryType

BIB_FILE = REFERENCE.file

T = TypeVar("T", bound=Entry)


class SeedError(Exception):
    """The seed files were refused; ``problems`` says what and where."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class BibAuthor:
    family: str
    given: str | None


@dataclass(frozen=True)
class BibRecord:
    key: str
    entry_type: EntryType
    line: int
    fields: dict[str, str]
    authors: list[BibAuthor]


@dataclass
class SeedSet:
    """Everything in seeds/, validated: one schema object per YAML file, and the
    references (references.bib with references.yaml)."""

    files: dict[str, Entry] = field(default_factory=dict)
    references: list[ReferenceSeed] = field(default_factory=list)

    def entries(self, kind: Kind) -> list[Any]:
        """The entries of ``kind``, in file order."""
        if kind.file == BIB_FILE:
            return list(self.references)
        return list(getattr(self.files[kind.file], kind.section))

    def get(self, name: str, kind: type[T]) -> T:
        value = self.files[name]
        assert isinstance(value, kind)
        return value


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping with the same key twice (PyYAML keeps the last)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value_node in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _entry_name(data: Any, loc: tuple[Any, ...], file_name: str) -> str:
    """``species[3] (cds-msc-311)`` for an error located inside the fourth species."""
    if len(loc) < 2 or not isinstance(loc[1], int):
        return str(loc[0]) if loc else "(file)"
    section, index = loc[0], loc[1]
    name = f"{section}[{index}]"
    try:
        entry = data[section][index]
    except (KeyError, IndexError, TypeError):
        return name
    kind = next((k for k in KINDS if (k.file, k.section) == (file_name, section)), None)
    if isinstance(entry, dict) and kind is not None and len(kind.identity) == 1:
        (ident,) = kind.identity
        if isinstance(entry.get(ident), str | int):
            return f"{name} ({entry[ident]})"
    return name


def _describe(error: Any, data: Any, file_name: str) -> str:
    loc = tuple(error["loc"])
    where = _entry_name(data, loc, file_name)
    field_path = ".".join(str(part) for part in loc[2:]) or "(entry)"
    got = error.get("input")
    shown = "" if isinstance(got, dict | list) else f" (got {got!r})"
    return f"seeds/{file_name}: {where}: {field_path}: {error['msg']}{shown}"


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader


def _line(block: Any) -> int:
    """bibtexparser counts lines from 0; people count from 1."""
    return int(block.start_line or 0) + 1


def _raw_key(raw: str) -> str | None:
    """The key of an entry that failed to parse, from its raw text."""
    match = re.match(r"\s*@\w+\s*[{(]\s*([^,\s]+)\s*,", raw)
    return match.group(1) if match else None


def parse_bib(
    text: str, source: str, problems: list[str], *, strict: bool = True
) -> dict[str, BibRecord]:
    """BibTeX records by key; each problem names ``source``, the line and the entry.
    ``strict`` refuses fields the knowledge base does not hold; otherwise they are
    left out (an imported record often carries an abstract or a URL)."""
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        text,
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )
    for block in library.failed_blocks:
        error = getattr(block, "error", None)
        reason = getattr(error, "abort_reason", None) or str(error or "") or type(block).__name__
        key = getattr(block, "key", None) or _raw_key(getattr(block, "raw", ""))
        named = f" ({key})" if key else ""
        problems.append(f"{source}: line {_line(block)}{named}: {reason}")
    records: dict[str, BibRecord] = {}
    for entry in library.entries:
        where = f"{source}: line {_line(entry)} ({entry.key})"
        try:
            entry_type = EntryType(entry.entry_type.lower())
        except ValueError:
            allowed = ", ".join(t.value for t in EntryType)
            problems.append(f"{where}: entry type @{entry.entry_type} is not one of {allowed}")
            continue
        fields: dict[str, str] = {}
        authors: list[BibAuthor] = []
        for name, bib_field in entry.fields_dict.items():
            name = name.lower()
            if name not in BIB_FIELDS:
                if strict:
                    problems.append(f"{where}: field {name!r} is not one of {sorted(BIB_FIELDS)}")
            elif name == "author":
                authors = [
                    BibAuthor(
                        family=" ".join([*part.von, *part.last]),
                        given=" ".join(part.first) or None,
                    )
                    for part in bib_field.value
                ]
            else:
                fields[name] = from_bibtex_value(name, str(bib_field.value).strip())
        records[entry.key] = BibRecord(entry.key, entry_type, _line(entry), fields, authors)
    return records


def reference_seed(
    record: BibRecord,
    source: str,
    problems: list[str],
    *,
    cited_at: list[str] | None = None,
    checked: list[Any] | None = None,
) -> ReferenceSeed | None:
    """The record as a ReferenceSeed; None (and problems) when it does not validate."""
    data = {
        "key": record.key,
        "entry_type": record.entry_type,
        "authors": [{"family": a.family, "given": a.given} for a in record.authors],
        **{name: record.fields.get(bib_name) for name, bib_name in BIB_FIELD_OF.items()},
        "cited_at": cited_at or [],
        "checked": checked or [],
    }
    try:
        return ReferenceSeed.model_validate(data)
    except ValidationError as exc:
        where = f"{source}: line {record.line} ({record.key})"
        problems.extend(
            f"{where}: {'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        return None


def read_seed_set(seeds_dir: Path) -> SeedSet:
    """Read and validate every seed file; raise SeedError listing every problem."""
    problems: list[str] = []
    seeds = SeedSet()
    for file_name, schema in SEED_FILES.items():
        path = seeds_dir / file_name
        if not path.exists():
            problems.append(f"seeds/{file_name}: missing")
            continue
        try:
            data = read_yaml(path)
        except yaml.YAMLError as exc:
            problems.append(f"seeds/{file_name}: not valid YAML: {exc}")
            continue
        try:
            seeds.files[file_name] = schema.model_validate(data)
        except ValidationError as exc:
            problems.extend(_describe(err, data, file_name) for err in exc.errors())
    bib_path = seeds_dir / BIB_FILE
    if bib_path.exists():
        records = parse_bib(bib_path.read_text(encoding="utf-8"), f"seeds/{BIB_FILE}", problems)
        notes = seeds.files.get("references.yaml")
        if isinstance(notes, ReferencesFile):
            seeds.references = _references(records, notes, problems)
    else:
        problems.append(f"seeds/{BIB_FILE}: missing")
    if problems:
        raise SeedError(problems)
    return seeds


def _references(
    records: dict[str, BibRecord], notes_file: ReferencesFile, problems: list[str]
) -> list[ReferenceSeed]:
    """Each bib record with its notes, validated as one ReferenceSeed."""
    notes = {n.key: n for n in notes_file.references}
    for key in notes.keys() - records.keys():
        problems.append(f"seeds/references.yaml: {key}: has no record in seeds/{BIB_FILE}")
    references = []
    for key, record in records.items():
        if key not in notes:
            problems.append(f"seeds/{BIB_FILE}: {key}: has no entry in seeds/references.yaml")
            continue
        seed = reference_seed(
            record,
            f"seeds/{BIB_FILE}",
            problems,
            cited_at=notes[key].cited_at,
            checked=list(notes[key].checked),
        )
        if seed is not None:
            references.append(seed)
    return references
