"""How one field of a seed entry maps to the columns of its row, in both directions.

A kind of fact (api/facts/kinds.py) is a list of these fields. Each field knows
the entry attribute it reads, the columns it fills, the other facts it points
to (by their stable identifiers) and, for lists of child rows, the relationship
that holds them. The loader, the link check, ``dump-seeds``, the export and the
curation writes all work from that one list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import models as m
from api.seeding import schemas as s

Row = dict[str, Any]
"""Column values of one row, with child rows as lists under relationship names."""
Entry = dict[str, Any]
"""A seed entry as plain data (before the schema validates it)."""
Spec = dict[str, "Spec"]
"""The child relationships a kind holds, nested: {"steps": {"components": {}}}."""
Link = tuple[str, type[m.Base], Any]
"""(field path, model pointed to, identifier) of one reference to another fact."""


class Ids(Protocol):
    """Stable identifier -> row id, for the rows an entry points to."""

    def __call__(self, model: type[m.Base], ident: Any) -> int: ...


class Idents(Protocol):
    """Row id -> stable identifier, for the rows a stored row points to."""

    def __call__(self, model: type[m.Base], row_id: int) -> str: ...


class Field(Protocol):
    @property
    def name(self) -> str:
        """The entry attribute; unused for the single field of a list of scalars."""
        ...

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns of its own row that it fills (none for child rows)."""
        ...

    def row(self, value: Any, ids: Ids) -> Row:
        """The columns that hold ``value``."""
        ...

    def value(self, obj: Any, idents: Idents) -> Any:
        """The entry value that ``obj`` (a stored row) holds."""
        ...

    def links(self, value: Any, path: str) -> Iterator[Link]:
        """The facts ``value`` points to."""
        ...

    def spec(self) -> Spec:
        """The child relationships this field fills."""
        ...


class _Plain:
    """Shared defaults: no links, no children."""

    name: str

    def links(self, value: Any, path: str) -> Iterator[Link]:
        return iter(())

    def spec(self) -> Spec:
        return {}


@dataclass(frozen=True)
class Col(_Plain):
    """An entry attribute stored as it is, in the column of the same name (or ``column``)."""

    name: str
    column: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.column or self.name,)

    def row(self, value: Any, ids: Ids) -> Row:
        return {self.columns[0]: value}

    def value(self, obj: Any, idents: Idents) -> Any:
        return getattr(obj, self.columns[0])


@dataclass(frozen=True)
class Ref:
    """An attribute naming another fact by its stable identifier (a species slug, a
    reagent slug ...), stored as that row's id in ``{name}_id`` (or ``column``)."""

    name: str
    target: type[m.Base]
    column: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        return (self.column or f"{self.name}_id",)

    def row(self, value: Any, ids: Ids) -> Row:
        return {self.columns[0]: None if value is None else ids(self.target, value)}

    def value(self, obj: Any, idents: Idents) -> Any:
        row_id = getattr(obj, self.columns[0])
        return None if row_id is None else idents(self.target, row_id)

    def links(self, value: Any, path: str) -> Iterator[Link]:
        if value is not None:
            yield path, self.target, value

    def spec(self) -> Spec:
        return {}


@dataclass(frozen=True)
class Pair:
    """Two species named in a list, stored as ``first_id`` and ``second_id``; with
    ``unordered`` the lower id is stored first (an isomer pair has no direction)."""

    name: str
    target: type[m.Base]
    unordered: bool = False
    columns: tuple[str, ...] = ("first_id", "second_id")

    def row(self, value: Any, ids: Ids) -> Row:
        found = [ids(self.target, ident) for ident in value]
        return dict(zip(self.columns, sorted(found) if self.unordered else found, strict=True))

    def value(self, obj: Any, idents: Idents) -> Any:
        return [idents(self.target, getattr(obj, column)) for column in self.columns]

    def links(self, value: Any, path: str) -> Iterator[Link]:
        for index, ident in enumerate(value):
            yield f"{path}.{index}", self.target, ident

    def spec(self) -> Spec:
        return {}


@dataclass(frozen=True)
class Span(_Plain):
    """A value or a range (``s.Range``) in three columns: ``peak_nm`` and
    ``peak_low_nm``/``peak_high_nm`` for ``column="peak_nm"``."""

    name: str
    column: str

    @property
    def columns(self) -> tuple[str, ...]:
        stem, unit = self.column.rsplit("_", 1)
        return self.column, f"{stem}_low_{unit}", f"{stem}_high_{unit}"

    def row(self, value: Any, ids: Ids) -> Row:
        assert isinstance(value, s.Range)
        return dict(zip(self.columns, (value.value, value.low, value.high), strict=True))

    def value(self, obj: Any, idents: Idents) -> Any:
        single, low, high = (getattr(obj, column) for column in self.columns)
        return {"value": single} if single is not None else {"low": low, "high": high}


@dataclass(frozen=True)
class Evidence(_Plain):
    """The evidence every fact carries: reference, locator, status, "about"."""

    name: str = "evidence"
    columns: tuple[str, ...] = ("reference_id", "locator", "status", "approximate")

    def row(self, value: Any, ids: Ids) -> Row:
        assert isinstance(value, s.EvidenceSeed)
        return {
            "reference_id": ids(m.Reference, value.ref),
            "locator": value.locator,
            "status": value.status,
            "approximate": value.approximate,
        }

    def value(self, obj: Any, idents: Idents) -> Any:
        return {
            "ref": idents(m.Reference, obj.reference_id),
            "locator": obj.locator,
            "status": obj.status,
            "approximate": obj.approximate,
        }

    def links(self, value: Any, path: str) -> Iterator[Link]:
        yield f"{path}.ref", m.Reference, value.ref


EVIDENCE = Evidence()


@dataclass(frozen=True)
class Many:
    """A list of sub-entries held as child rows in ``relationship`` (default: the
    attribute's name). ``position`` numbers the children from 1 in a ``position``
    column; ``scalar`` means each list item is the value of the one field (a list of
    aliases, of matrix acronyms); ``sort`` writes the list sorted (it has no order)."""

    name: str
    fields: tuple[Field, ...]
    relationship: str = ""
    position: bool = False
    scalar: bool = False
    sort: bool = False

    @property
    def attribute(self) -> str:
        return self.relationship or self.name

    @property
    def columns(self) -> tuple[str, ...]:
        return ()

    def row(self, value: Any, ids: Ids) -> Row:
        children = []
        for index, item in enumerate(value, start=1):
            child = self._child_row(item, ids)
            if self.position:
                child["position"] = index
            children.append(child)
        return {self.attribute: children}

    def _child_row(self, item: Any, ids: Ids) -> Row:
        if self.scalar:
            return self.fields[0].row(item, ids)
        return row_of(self.fields, item, ids)

    def value(self, obj: Any, idents: Idents) -> Any:
        children = getattr(obj, self.attribute)
        if self.scalar:
            values = [self.fields[0].value(child, idents) for child in children]
        else:
            values = [entry_of(self.fields, child, idents) for child in children]
        return sorted(values) if self.sort else values

    def links(self, value: Any, path: str) -> Iterator[Link]:
        for index, item in enumerate(value):
            if self.scalar:
                yield from self.fields[0].links(item, f"{path}.{index}")
            else:
                yield from links_of(self.fields, item, f"{path}.{index}.")

    def spec(self) -> Spec:
        nested: Spec = {}
        for f in self.fields:
            nested.update(f.spec())
        return {self.attribute: nested}


def row_of(fields: Iterable[Field], entry: Any, ids: Ids) -> Row:
    """The row that ``entry`` (a validated seed entry) stands for."""
    row: Row = {}
    for f in fields:
        row.update(f.row(getattr(entry, f.name), ids))
    return row


def entry_of(fields: Iterable[Field], obj: Any, idents: Idents) -> Entry:
    """The seed entry that loads as ``obj`` (a stored row, children loaded)."""
    return {f.name: f.value(obj, idents) for f in fields}


def links_of(fields: Iterable[Field], entry: Any, prefix: str = "") -> Iterator[Link]:
    for f in fields:
        yield from f.links(getattr(entry, f.name), f"{prefix}{f.name}")


def columns_of(schema: type[s.Entry]) -> tuple[Field, ...]:
    """Fields stored as they are, named as in ``schema``, and its evidence: for kinds
    whose entries are their columns (glossary terms, constants, monomer formulas)."""
    plain: list[Field] = [Col(name) for name in schema.model_fields if name != "evidence"]
    if issubclass(schema, s.Evidenced):
        plain.append(EVIDENCE)
    return tuple(plain)
