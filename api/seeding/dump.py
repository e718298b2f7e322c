"""``msckb dump-seeds``: the database's changes written back into the seed files.

The seed files stay the source of truth: edits made through the API are dumped,
reviewed in a diff and committed, and loading the dump changes nothing. Into a
directory that holds seed files, only the entries the database changed since it last
loaded them from seeds/ (created, changed or deleted through the API) are written,
and of those only the ones the files do not already hold; every other byte stays
(api/seeding/roundtrip.py). A seed change not loaded yet is kept too: the database
did not change that entry. A file that does not exist is written whole.
"""

from collections import defaultdict
from pathlib import Path
from typing import Any

import bibtexparser
import yaml
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

import models as m
from api.facts.fields import Entry
from api.facts.kinds import KINDS, REFERENCE, Kind, Names
from api.facts.rows import loader_options
from api.outputs.bibtex import bibtex_entry, from_bibtex_value, write_bibtex
from api.seeding.files import BIB_FILE, parse_bib, reference_seed
from api.seeding.roundtrip import SectionEdit, bib_entry_text, edit_bib, edit_yaml

NOTES_FILE = "references.yaml"
NOTE_FIELDS = ("cited_at", "checked")


def _stored(session: Session, kind: Kind, names: Names) -> list[Entry]:
    options = loader_options(kind.model, kind.children)
    rows = session.scalars(select(kind.model).order_by(kind.model.id).options(*options)).all()
    return [kind.seed_entry(r, names) for r in rows]


def dump(session: Session) -> dict[str, dict[str, list[Entry]]]:
    """Every kind's entries, by seed file and section, in stored order."""
    names = Names(session)
    files: dict[str, dict[str, list[Entry]]] = defaultdict(dict)
    for kind in KINDS:
        files[kind.file][kind.section] = _stored(session, kind, names)
    return files


def changed_since_load(session: Session) -> dict[str, dict[str, Entry | None]]:
    """Per kind, the entries the database changed since it last loaded them from seeds/:
    identifier -> the entry now, or None when it was deleted."""
    names = Names(session)
    loaded: dict[str, dict[str, str]] = defaultdict(dict)
    for state in session.scalars(select(m.SeedState)):
        loaded[state.entity][state.identifier] = state.content_hash
    changed: dict[str, dict[str, Entry | None]] = {}
    for kind in KINDS:
        base = dict(loaded.get(kind.entity, {}))
        held: dict[str, Entry | None] = {}
        for entry in _stored(session, kind, names):
            ident = kind.identifier_of(tuple(entry[name] for name in kind.identity))
            if base.get(ident) != kind.fingerprint(entry):
                held[ident] = entry
            base.pop(ident, None)
        for ident in base:
            held[ident] = None  # loaded from seeds/, deleted through the API since
        changed[kind.name] = held
    return changed


HEADER = (
    "# Written by `msckb dump-seeds` from the database; review the diff against the\n"
    "# curated files before committing. Schema: api/seeding/schemas.py.\n"
)


def _bib_text(references: list[Entry]) -> str:
    entries = (
        bibtex_entry(
            key=ref["key"],
            entry_type=ref["entry_type"],
            authors=[(a["family"], a.get("given")) for a in ref.get("authors", [])],
            values=ref,
        )
        for ref in references
    )
    return write_bibtex(entries)


def _note(reference: Entry) -> Entry:
    return {
        "key": reference["key"],
        "cited_at": reference.get("cited_at", []),
        **({"checked": reference["checked"]} if reference.get("checked") else {}),
    }


def _write_whole(directory: Path, file_name: str, sections: dict[str, list[Entry]]) -> list[Path]:
    if file_name == BIB_FILE:
        references = sections["references"]
        bib = HEADER.replace("# ", "% ") + "\n" + _bib_text(references)
        (directory / BIB_FILE).write_text(bib, encoding="utf-8")
        notes = [_note(r) for r in references]
        (directory / NOTES_FILE).write_text(
            HEADER + yaml.safe_dump({"references": notes}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        return [directory / BIB_FILE, directory / NOTES_FILE]
    text = yaml.safe_dump(sections, allow_unicode=True, sort_keys=False, width=100)
    (directory / file_name).write_text(HEADER + text, encoding="utf-8")
    return [directory / file_name]


def _same_as(kind: Kind) -> Any:
    def same(old: dict[str, Any], new: Entry) -> bool:
        try:
            entry = kind.schema.model_validate(old)
        except ValidationError:
            return False
        return kind.fingerprint(kind.entry_of_seed(entry)) == kind.fingerprint(new)

    return same


def _same_note(old: dict[str, Any], new: Entry) -> bool:
    return sorted(old.get("cited_at") or []) == sorted(new.get("cited_at") or []) and (
        old.get("checked") or []
    ) == (new.get("checked") or [])


def _bibliographic(entry: Entry) -> Entry:
    return {k: v for k, v in entry.items() if k not in NOTE_FIELDS}


def _same_bib_value(name: str, old: str, new: str) -> bool:
    return from_bibtex_value(name, old) == from_bibtex_value(name, new)


def _bib_entry(entry: Entry, old_raw: str | None) -> str:
    built = bibtex_entry(
        key=entry["key"],
        entry_type=entry["entry_type"],
        authors=[(a["family"], a.get("given")) for a in entry.get("authors", [])],
        values=entry,
    )
    fields = [(f.key, str(f.value)) for f in built.fields]
    return bib_entry_text(entry["entry_type"], entry["key"], fields, old_raw, _same_bib_value)


def _edit_references(directory: Path, changed: dict[str, Entry | None]) -> list[Path]:
    bib_path = directory / BIB_FILE
    problems: list[str] = []
    text = bib_path.read_text(encoding="utf-8")
    records = parse_bib(text, BIB_FILE, problems, strict=False)
    raws = {e.key: str(e.raw) for e in bibtexparser.parse_string(text).entries}  # type: ignore[attr-defined]
    bib: dict[str, str | None] = {}
    for key, entry in changed.items():
        if entry is None:
            if key in records:
                bib[key] = None
            continue
        record = records.get(key)
        seed = None if record is None else reference_seed(record, BIB_FILE, [])
        now = _bibliographic(REFERENCE.entry_of_seed(seed)) if seed is not None else None
        wanted = REFERENCE.fingerprint(_bibliographic(entry))
        if now is None or REFERENCE.fingerprint(now) != wanted:
            bib[key] = _bib_entry(entry, raws.get(key))
    written = [bib_path] if edit_bib(bib_path, bib) else []
    notes = SectionEdit(
        identify=lambda item: str(item.get("key")),
        entries={k: None if e is None else _note(e) for k, e in changed.items()},
        same=_same_note,
    )
    if edit_yaml(directory / NOTES_FILE, {"references": notes}):
        written.append(directory / NOTES_FILE)
    return written


def write_seed_files(session: Session, directory: Path) -> list[Path]:
    """Write the database into the seed files of ``directory``: into the files there,
    only what the database changed since it loaded seeds/ and the files do not hold;
    files that are not there, whole. Return the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    everything = dump(session)
    changed = changed_since_load(session)
    written: list[Path] = []
    by_file: dict[str, list[Kind]] = defaultdict(list)
    for kind in KINDS:
        by_file[kind.file].append(kind)
    for file_name, kinds in by_file.items():
        paths = [directory / file_name, directory / NOTES_FILE]
        if not all(path.exists() for path in paths[: 2 if file_name == BIB_FILE else 1]):
            written += _write_whole(directory, file_name, everything[file_name])
            continue
        if file_name == BIB_FILE:
            written += _edit_references(directory, changed[REFERENCE.name])
            continue
        sections = {
            kind.section: SectionEdit(
                identify=_identify(kind),
                entries=changed[kind.name],
                same=_same_as(kind),
                full=_with_defaults(kind),
            )
            for kind in kinds
        }
        if edit_yaml(directory / file_name, sections):
            written.append(directory / file_name)
    return written


def _with_defaults(kind: Kind) -> Any:
    def full(entry: Entry) -> Entry:
        spelled: Entry = kind.schema.model_validate(entry).model_dump(mode="json")
        return spelled

    return full


def _identify(kind: Kind) -> Any:
    def identify(item: dict[str, Any]) -> str:
        try:
            return kind.identifier_of(tuple(item.get(name) for name in kind.identity))
        except TypeError:
            return ""

    return identify
