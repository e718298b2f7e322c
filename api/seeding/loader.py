"""``msckb seed``: load the validated seed files into the database.

The seed files are the source of truth for the curated source. Loading
reconciles the database with them, kind by kind, in one transaction: rows are
matched on their stable identifier (slug, citation key, ...), created when
new, updated when any column or child row differs, deleted when gone from the
files, and left alone otherwise, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import models as m
from api.facts.fields import Row
from api.facts.kinds import BY_MODEL, KINDS, Kind, Resolver
from api.facts.rows import build, loader_options, unchanged, update_row
from api.seeding.files import SeedError, SeedSet, read_seed_set


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class SeedReport:
    tallies: dict[str, Tally] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(t.changed for t in self.tallies.values())

    def lines(self) -> Iterable[str]:
        width = max(len(name) for name in self.tallies)
        for name, t in self.tallies.items():
            yield (
                f"{name:<{width}}  created {t.created:>3}  updated {t.updated:>3}"
                f"  deleted {t.deleted:>3}  unchanged {t.unchanged:>3}"
            )


def _sync_kind(session: Session, kind: Kind, rows: list[Row]) -> tuple[Tally, list[Any]]:
    """Create and update ``kind`` to match ``rows``; return the stored rows to delete."""
    tally = Tally()
    stored = session.scalars(
        select(kind.model).options(*loader_options(kind.model, kind.children))
    ).all()
    by_key = {tuple(getattr(obj, col) for col in kind.key): obj for obj in stored}
    wanted_keys = set()
    for row in rows:
        key = tuple(row[col] for col in kind.key)
        wanted_keys.add(key)
        obj = by_key.get(key)
        if obj is None:
            session.add(build(kind.model, row))
            tally.created += 1
        elif unchanged(obj, row):
            tally.unchanged += 1
        else:
            update_row(session, kind.model, obj, row)
            if isinstance(obj, m.VersionedMixin):
                obj.version += 1  # an ETag read before this load no longer holds
            tally.updated += 1
    session.flush()
    return tally, [obj for key, obj in by_key.items() if key not in wanted_keys]


def load(session: Session, seeds: SeedSet) -> SeedReport:
    """Reconcile the database with ``seeds``. The caller owns the transaction."""
    report = SeedReport()
    resolver = Resolver(session)
    doomed: list[tuple[Kind, list[Any]]] = []
    for kind in KINDS:
        rows = [kind.row(entry, resolver) for entry in seeds.entries(kind)]
        tally, stale = _sync_kind(session, kind, rows)
        resolver.forget(kind.model)
        report.tallies[kind.name] = tally
        doomed.append((kind, stale))
    # Delete children before the parents they point to.
    for kind, stale in reversed(doomed):
        for obj in stale:
            session.delete(obj)
        report.tallies[kind.name].deleted = len(stale)
        session.flush()
    return report


def check_links(seeds: SeedSet) -> list[str]:
    """Every identifier a seed entry points to must be defined in the seeds, once."""
    problems: list[str] = []
    defined: dict[type[m.Base], set[str]] = {}
    for kind in KINDS:
        seen: dict[str, int] = {}
        for index, entry in enumerate(seeds.entries(kind)):
            ident = kind.identifier(entry)
            if ident in seen:
                problems.append(
                    f"seeds/{kind.file}: {kind.section}[{index}] ({ident}): duplicate of"
                    f" {kind.section}[{seen[ident]}]"
                )
            seen[ident] = index
        defined[kind.model] = set(seen)
    for kind in KINDS:
        for index, entry in enumerate(seeds.entries(kind)):
            where = f"seeds/{kind.file}: {kind.section}[{index}] ({kind.identifier(entry)})"
            for path, target, ident in kind.links(entry):
                if str(ident) not in defined[target]:
                    entity = BY_MODEL[target].entity
                    problems.append(f"{where}: {path}: unknown {entity} {ident!r}")
    return problems


def read_and_check(seeds_dir: Path) -> SeedSet:
    seeds = read_seed_set(seeds_dir)
    problems = check_links(seeds)
    if problems:
        raise SeedError(problems)
    return seeds
