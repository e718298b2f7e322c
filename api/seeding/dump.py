"""``msckb dump-seeds``: the database written back as seed files.

The seed files stay the source of truth: edits made through the API are dumped,
reviewed in a diff and committed, and loading the dump changes nothing. Each
entry is rebuilt from its row, validated by the same schema the loader reads it
with, and written without the fields that hold their default.
"""

from collections import defaultdict
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.facts.fields import Entry
from api.facts.kinds import KINDS, Names
from api.facts.rows import loader_options
from api.outputs.bibtex import bibtex_entry, write_bibtex
from api.seeding.files import BIB_FILE


def dump(session: Session) -> dict[str, dict[str, list[Entry]]]:
    """Every kind's entries, by seed file and section, in stored order."""
    names = Names(session)
    files: dict[str, dict[str, list[Entry]]] = defaultdict(dict)
    for kind in KINDS:
        rows = session.scalars(
            select(kind.model)
            .order_by(kind.model.id)
            .options(*loader_options(kind.model, kind.children))
        ).all()
        files[kind.file][kind.section] = [kind.seed_entry(r, names) for r in rows]
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
