"""``msckb seed``: load the validated seed files into the database, never losing a
change made through the API.

The database remembers, per entry, the hash of the entry as it last loaded it from
seeds/ (``seed_state``). Each entry is then one of three versions: the seed files'
(S), the database's (D), and the one last loaded (B). A load, in one transaction:

- applies S where the seed files changed it (S != B) and the database did not
  (D == B), creating, updating or deleting the row;
- keeps D where only the database changed it (S == B, D != B): a change made
  through the API stays until it is dumped into seeds/ or discarded;
- records S as loaded where both hold the same (D == S), e.g. after ``dump-seeds``;
- refuses, writing nothing, where both changed it differently, where the seed files
  delete an entry changed through the API, and where an entry created through the API
  is absent from seed files that changed since the last load. The refusal names each
  such entry, field and both values; ``discard`` lets the seed files win for the
  entries it names.

Every create, update and delete is recorded in the audit trail under the key name
"seed", as one change set (the run's id) tied to the release the run leaves.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

import models as m
from api.facts.fields import Entry, Row
from api.facts.kinds import BY_MODEL, KINDS, Kind, Names, Resolver
from api.facts.rows import build, loader_options, unchanged, update_row
from api.seeding.files import SeedError, SeedSet, read_seed_set

SEED_KEY = "seed"
"""The key name the audit trail gives the changes a seed run made."""


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    kept: int = 0
    """Entries changed through the API, and left as the database holds them."""

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class SeedReport:
    tallies: dict[str, Tally] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    """``kind:identifier`` of each entry created through the API that seeds/ lacks."""
    changes: list[m.Change] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(t.changed for t in self.tallies.values())

    def lines(self) -> Iterable[str]:
        width = max(len(name) for name in self.tallies)
        for name, t in self.tallies.items():
            yield (
                f"{name:<{width}}  created {t.created:>3}  updated {t.updated:>3}"
                f"  deleted {t.deleted:>3}  unchanged {t.unchanged:>3}  kept {t.kept:>3}"
            )


class SeedConflict(Exception):
    """The seed files would overwrite or delete what was curated through the API."""

    def __init__(self, conflicts: list[str]) -> None:
        super().__init__("\n".join(conflicts))
        self.conflicts = conflicts


def _shown(value: Any) -> str:
    if value is _ABSENT:
        return "absent"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= 200 else text[:197] + "..."


_ABSENT: Any = object()


def _field_conflicts(where: str, seed: Entry | None, stored: Entry | None, why: str) -> list[str]:
    """One line per field where the seed files and the database differ."""
    if seed is None or stored is None:
        side = "seeds/" if seed is None else "the database"
        entry = stored if seed is None else seed
        return [f"{where}: (entry): absent from {side} {why}; the other holds {_shown(entry)}"]
    lines = []
    for name in [*seed, *(n for n in stored if n not in seed)]:
        ours, theirs = seed.get(name, _ABSENT), stored.get(name, _ABSENT)
        if ours != theirs:
            lines.append(
                f"{where}: {name}: seeds/ has {_shown(ours)}, the database has {_shown(theirs)}"
                f" {why}"
            )
    return lines or [f"{where}: (entry): {why}"]


def _where(tag: str) -> str:
    """ "seeds/species.yaml: species (cds-msc-350)" for "species:cds-msc-350"."""
    name, _, ident = tag.partition(":")
    kind = next(k for k in KINDS if k.tag == name)
    return f"seeds/{kind.file}: {kind.section} ({ident})"


@dataclass
class _Plan:
    """What a load does to one kind: entries to write from seeds/, rows to delete, and
    the hashes to record as loaded."""

    upsert: list[tuple[Any, Any]] = field(default_factory=list)
    """(seed entry, stored row or None)"""
    delete: list[tuple[str, Any, Entry]] = field(default_factory=list)
    loaded: dict[str, str] = field(default_factory=dict)
    forget: list[str] = field(default_factory=list)
    before: dict[str, Entry] = field(default_factory=dict)
    unchanged: int = 0
    kept: int = 0


def _plan_kind(
    session: Session,
    kind: Kind,
    seeds: SeedSet,
    base: dict[str, str],
    names: Names,
    discarded: Callable[[str], bool],
    conflicts: list[str],
    created_by_api: list[str],
) -> _Plan:
    plan = _Plan()
    seed_entries = {kind.identifier(e): e for e in seeds.entries(kind)}
    stored = session.scalars(
        select(kind.model).options(*loader_options(kind.model, kind.children))
    ).all()
    held: dict[str, tuple[Any, Entry | None]] = {}
    for row in stored:
        found = kind.seed_entry(row, names)
        held[kind.identifier_of(tuple(found[name] for name in kind.identity))] = (row, found)
    for ident in [*seed_entries, *(i for i in held if i not in seed_entries)]:
        tag = f"{kind.tag}:{ident}"
        where = f"seeds/{kind.file}: {kind.section} ({ident})"
        seed_entry = seed_entries.get(ident)
        seed = None if seed_entry is None else kind.entry_of_seed(seed_entry)
        obj, entry = held.get(ident, (None, None))
        s_hash = None if seed is None else kind.fingerprint(seed)
        d_hash = None if entry is None else kind.fingerprint(entry)
        b_hash = base.get(ident)
        if entry is not None:
            plan.before[ident] = entry
        if s_hash == d_hash:
            if s_hash is None:
                plan.forget.append(ident)
            else:
                plan.unchanged += 1
                plan.loaded[ident] = s_hash
            continue
        api_changed = d_hash != b_hash and not discarded(tag)
        if not api_changed:
            if seed_entry is not None:
                plan.upsert.append((seed_entry, obj))
                assert s_hash is not None
                plan.loaded[ident] = s_hash
            else:
                assert entry is not None
                plan.delete.append((ident, obj, entry))
                plan.forget.append(ident)
        elif s_hash == b_hash:
            plan.kept += 1  # only the database changed it: keep that
            if b_hash is None:
                created_by_api.append(tag)
        else:
            last = session.scalar(
                select(m.Change.key_name)
                .where(
                    m.Change.entity == kind.entity,
                    m.Change.identifier == ident,
                    m.Change.key_name != SEED_KEY,
                )
                .order_by(m.Change.id.desc())
                .limit(1)
            )
            by = f" by {last}" if last else ""
            why = (
                f"(changed through the API{by} since the last load, and in seeds/)"
                if b_hash is not None
                else "(never loaded from seeds/ as it stands: created or changed in the database)"
            )
            conflicts.extend(_field_conflicts(where, seed, entry, why))
    return plan


def _record(
    session: Session,
    kind: Kind,
    action: m.ChangeAction,
    identifier: str,
    before: Entry | None,
    after: Entry | None,
    run: str,
) -> m.Change:
    def text(entry: Entry | None) -> str | None:
        return None if entry is None else json.dumps(entry, ensure_ascii=False, sort_keys=True)

    change = m.Change(
        key_name=SEED_KEY,
        action=action,
        entity=kind.entity,
        identifier=identifier,
        before=text(before),
        after=text(after),
        request_id=run,
    )
    session.add(change)
    return change


def _sync_kind(
    session: Session, kind: Kind, plan: _Plan, resolver: Resolver, report: SeedReport, run: str
) -> None:
    """Create and update ``kind`` as ``plan`` says."""
    tally = report.tallies[kind.name]
    for seed_entry, obj in plan.upsert:
        ident = kind.identifier(seed_entry)
        try:
            row: Row = kind.row(seed_entry, resolver)
        except KeyError as exc:
            raise SeedConflict(
                [
                    f"seeds/{kind.file}: {kind.section} ({ident}): points to {exc.args[0]!r},"
                    " which was deleted through the API"
                ]
            ) from exc
        after = kind.entry_of_seed(seed_entry)
        if obj is None:
            session.add(build(kind.model, row))
            tally.created += 1
            action = m.ChangeAction.CREATE
        else:
            if unchanged(obj, row):
                tally.unchanged += 1
                continue
            update_row(session, kind.model, obj, row)
            if isinstance(obj, m.VersionedMixin):
                obj.version += 1  # an ETag read before this load no longer holds
            tally.updated += 1
            action = m.ChangeAction.UPDATE
        report.changes.append(
            _record(session, kind, action, ident, plan.before.get(ident), after, run)
        )
    session.flush()


def load(
    session: Session,
    seeds: SeedSet,
    *,
    discard: Iterable[str] = (),
    discard_all: bool = False,
) -> SeedReport:
    """Reconcile the database with ``seeds`` (see the module's docstring); raise
    SeedConflict, having written nothing, when that would lose a change made through
    the API. ``discard`` names entries ("species:cds-msc-350") whose API changes give
    way to the seed files; ``discard_all`` all of them. The caller owns the transaction."""
    discarded = set(discard)
    known = {kind.tag for kind in KINDS}
    unknown = sorted(t for t in discarded if t.partition(":")[0] not in known)
    if unknown:
        raise SeedConflict(
            [
                f"--discard {t}: not KIND:IDENTIFIER with KIND one of {sorted(known)}"
                for t in unknown
            ]
        )
    names = Names(session)
    base: dict[str, dict[str, str]] = {}
    for state in session.scalars(select(m.SeedState)):
        base.setdefault(state.entity, {})[state.identifier] = state.content_hash
    conflicts: list[str] = []
    created_by_api: list[str] = []
    plans: dict[str, _Plan] = {}
    for kind in KINDS:
        plans[kind.name] = _plan_kind(
            session,
            kind,
            seeds,
            base.get(kind.entity, {}),
            names,
            lambda tag: discard_all or tag in discarded,
            conflicts,
            created_by_api,
        )
    writes = any(p.upsert or p.delete for p in plans.values())
    if writes:
        conflicts.extend(
            f"{_where(tag)}: (entry): created through the API and absent from seeds/, which"
            " changed since the last load: dump-seeds first, or discard it"
            for tag in created_by_api
        )
    if conflicts:
        raise SeedConflict(conflicts)

    report = SeedReport()
    run = f"seed-{uuid.uuid4().hex[:16]}"
    resolver = Resolver(session)
    for kind in KINDS:
        plan = plans[kind.name]
        report.tallies[kind.name] = Tally(unchanged=plan.unchanged, kept=plan.kept)
        _sync_kind(session, kind, plan, resolver, report, run)
        resolver.forget(kind.model)
    report.kept = created_by_api
    # Delete children before the parents they point to.
    for kind in reversed(KINDS):
        plan = plans[kind.name]
        for ident, obj, entry in plan.delete:
            session.delete(obj)
            report.changes.append(
                _record(session, kind, m.ChangeAction.DELETE, ident, entry, None, run)
            )
        report.tallies[kind.name].deleted = len(plan.delete)
        session.flush()
    _record_loaded(session, plans, base)
    return report


def _record_loaded(
    session: Session, plans: dict[str, _Plan], base: dict[str, dict[str, str]]
) -> None:
    """Remember what was loaded from (or found equal to) seeds/, entry by entry."""
    for kind in KINDS:
        plan, held = plans[kind.name], base.get(kind.entity, {})
        gone = [i for i in plan.forget if i in held]
        if gone:
            session.execute(
                delete(m.SeedState).where(
                    m.SeedState.entity == kind.entity, m.SeedState.identifier.in_(gone)
                )
            )
        for ident, digest in plan.loaded.items():
            if held.get(ident) == digest:
                continue
            if ident in held:
                session.execute(
                    update(m.SeedState)
                    .where(m.SeedState.entity == kind.entity, m.SeedState.identifier == ident)
                    .values(content_hash=digest)
                )
            else:
                session.add(m.SeedState(entity=kind.entity, identifier=ident, content_hash=digest))
    session.flush()


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
